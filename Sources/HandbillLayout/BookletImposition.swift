import HandbillModel

/// Puts a booklet's pages onto sheets for saddle stitching: the page count padded with blank pages
/// to a multiple of four, two pages to each side of a sheet, in the order that reads right once
/// the sheets are printed on both sides (flip on the short edge), stacked, folded and stapled.
///
/// With N pages (numbered from 1), sheet k's front holds pages N−2k and 2k+1, its back 2k+2 and
/// N−2k−1. Pure: it moves positioned items; nothing is measured or drawn again.
public enum BookletImposition {
    /// The imposed sheets, and for each element directly under the document (in the order they are
    /// drawn) the booklet page it is on: the finishing stage puts the structure tree back into the
    /// booklet's reading order with it.
    public struct Result: Sendable {
        public var sheets: PositionedDocument
        public var readingOrder: [Int]
    }

    /// The booklet's pages (1-based) on each side of each sheet, left then right.
    public static func sides(pageCount: Int) -> [(left: Int, right: Int)] {
        let n = paddedCount(pageCount)
        var sides: [(left: Int, right: Int)] = []
        for k in 0..<(n / 4) {
            sides.append((left: n - 2 * k, right: 2 * k + 1))          // front
            sides.append((left: 2 * k + 2, right: n - 2 * k - 1))      // back
        }
        return sides
    }

    /// Pages a booklet of `pageCount` pages prints: the next multiple of four.
    public static func paddedCount(_ pageCount: Int) -> Int { max(4, (pageCount + 3) / 4 * 4) }

    public static func impose(_ booklet: PositionedDocument, sheetWidth: Double, sheetHeight: Double) -> Result {
        guard let first = booklet.pages.first else {
            return Result(sheets: booklet, readingOrder: [])
        }
        let pageWidth = first.width, pageHeight = first.height
        // The pages meet at the fold in the middle of the sheet; any spare room is outside them.
        let leftX = sheetWidth / 2 - pageWidth, rightX = sheetWidth / 2, y = (sheetHeight - pageHeight) / 2
        var sheets: [PositionedPage] = [], readingOrder: [Int] = []
        var sideOfPage: [Int: Int] = [:]
        for (index, side) in sides(pageCount: booklet.pages.count).enumerated() {
            var items: [PositionedItem] = index == 0 ? [.open(.document)] : []
            for (page, x) in [(side.left, leftX), (side.right, rightX)] where page <= booklet.pages.count {
                let content = booklet.pages[page - 1].items.withoutDocument
                readingOrder += Array(repeating: page, count: content.topLevelContentElements)
                items += content.map { $0.offsetBy(x: x, y: y) }
                sideOfPage[page] = index
            }
            sheets.append(PositionedPage(width: sheetWidth, height: sheetHeight, items: items))
        }
        sheets[sheets.count - 1].items.append(.close(.document))
        // Bookmarks stay in the booklet's order, each pointing at the sheet its heading is on.
        let outline = booklet.outline.map {
            OutlineEntry(level: $0.level, title: $0.title, page: sideOfPage[$0.page + 1] ?? 0, y: $0.y + y)
        }
        return Result(sheets: PositionedDocument(metadata: booklet.metadata, pages: sheets, outline: outline,
                                                 background: booklet.background),
                      readingOrder: readingOrder)
    }
}
