import HandbillModel
import HandbillStyle

/// Turns office pages into print-shop sheets: each page grows by the bleed and a slug on every
/// side, its content moved in by both, and gets crop marks at its corners — in the slug, starting
/// a gap beyond the bleed, so the cut never shows them. Backgrounds then run into the bleed.
/// Pure: it moves items and adds marks; nothing is measured again.
public enum PrintShopSheet {
    public static func extend(_ document: PositionedDocument, marks settings: PrintMarks) -> PositionedDocument {
        var result = document
        let bleed = points(mm: settings.bleedMM), slug = points(mm: settings.slugMM)
        result.pages = document.pages.map { page in
            var sheet = page
            let inset = bleed + slug
            sheet.width = page.width + 2 * inset
            sheet.height = page.height + 2 * inset
            sheet.bleed = bleed
            sheet.slug = slug
            sheet.items = page.items.map { $0.offsetBy(x: inset, y: inset) }
            sheet.marks = page.marks.map { moved($0, by: inset) } + cropMarks(trim: sheet.trimBox, settings: settings)
            return sheet
        }
        result.outline = document.outline.map { entry in
            var moved = entry
            moved.y += bleed + slug
            return moved
        }
        return result
    }

    /// Two marks at each corner of `trim`, on the lines of its edges, outside the bleed.
    public static func cropMarks(trim: Rect, settings: PrintMarks) -> [PrintMark] {
        cornerMarks(around: trim, from: points(mm: settings.bleedMM + settings.gapMM), length: points(mm: settings.lengthMM),
                    weight: settings.weightPt)
    }

    /// Two marks at each corner of `box` on the lines of its edges, pointing away from it: each
    /// starts `start` points out from the corner and runs `length` points. Crop marks and tiles'
    /// cut marks alike.
    public static func cornerMarks(around box: Rect, from start: Double, length: Double, weight: Double) -> [PrintMark] {
        var marks: [PrintMark] = []
        for x in [box.x, box.maxX] {
            for y in [box.y, box.maxY] {
                let outX = x == box.x ? -1.0 : 1.0, outY = y == box.y ? -1.0 : 1.0
                // Horizontal mark on the line of the top or bottom edge, out to the side.
                marks.append(PrintMark(x0: x + outX * start, y0: y, x1: x + outX * (start + length), y1: y, weight: weight))
                // Vertical mark on the line of the left or right edge, out above or below.
                marks.append(PrintMark(x0: x, y0: y + outY * start, x1: x, y1: y + outY * (start + length), weight: weight))
            }
        }
        return marks
    }

    static func moved(_ mark: PrintMark, by inset: Double) -> PrintMark {
        PrintMark(x0: mark.x0 + inset, y0: mark.y0 + inset, x1: mark.x1 + inset, y1: mark.y1 + inset,
                  weight: mark.weight, dashed: mark.dashed)
    }
}
