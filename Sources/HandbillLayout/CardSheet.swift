import HandbillModel
import HandbillStyle

/// Puts copies of a two-sided card on a sheet for an office printer: page 1 holds the fronts,
/// page 2 the backs, each back at the mirrored column so that, printed double-sided and flipped on
/// the long edge, it lands behind its front. Cut marks stand on every cut line, outside the grid.
///
/// Only the first copy on each side is content: a screen reader reads the card once, front then
/// back; the other copies are artifacts. Pure: it moves positioned items; nothing is measured again.
public enum CardSheet {
    /// Where the copies go on a sheet, in points from its top-left corner.
    public struct Grid: Sendable {
        public var sheetWidth: Double, sheetHeight: Double
        public var cardWidth: Double, cardHeight: Double
        public var across: Int, down: Int
        public var gutterAcross: Double, gutterDown: Double

        public init(card: ProductCard, cardWidth: Double, cardHeight: Double) {
            sheetWidth = points(mm: card.sheetMM.width)
            sheetHeight = points(mm: card.sheetMM.height)
            self.cardWidth = cardWidth
            self.cardHeight = cardHeight
            across = card.across
            down = card.down
            gutterAcross = points(mm: card.gutterMM.across)
            gutterDown = points(mm: card.gutterMM.down)
        }

        var width: Double { Double(across) * cardWidth + Double(across - 1) * gutterAcross }
        var height: Double { Double(down) * cardHeight + Double(down - 1) * gutterDown }
        /// The grid is centred, so that the backs' mirrored columns stand exactly behind the fronts.
        var left: Double { (sheetWidth - width) / 2 }
        var top: Double { (sheetHeight - height) / 2 }

        /// The card at `row`, `column` (from the top left) on the fronts' side.
        public func front(row: Int, column: Int) -> Rect {
            Rect(x: left + Double(column) * (cardWidth + gutterAcross), y: top + Double(row) * (cardHeight + gutterDown),
                 width: cardWidth, height: cardHeight)
        }

        /// Where the back of the card at `row`, `column` is printed: the mirrored column.
        public func back(row: Int, column: Int) -> Rect { front(row: row, column: across - 1 - column) }

        /// Every copy's place on one side, row by row; the first is the tagged copy's.
        func cells(back: Bool) -> [Rect] {
            (0..<down).flatMap { row in (0..<across).map { column in back ? self.back(row: row, column: column) : front(row: row, column: column) } }
        }
    }

    public static func impose(_ card: PositionedDocument, card settings: ProductCard) -> PositionedDocument {
        guard card.pages.count == 2 else { return card }
        let grid = Grid(card: settings, cardWidth: card.pages[0].width, cardHeight: card.pages[0].height)
        let marks = cutMarks(grid, settings.cutMarks)
        var sheets: [PositionedPage] = []
        for (side, page) in card.pages.enumerated() {
            let cells = grid.cells(back: side == 1)
            let content = page.items.withoutDocument.map { $0.offsetBy(x: cells[0].x, y: cells[0].y) }
            var items: [PositionedItem] = side == 0 ? [.open(.document)] : []
            // A coloured card (cream, dyslexia friendly) on white paper: the paper between cards stays bare.
            if card.background != Colour(red: 1, green: 1, blue: 1) {
                items += [.open(.artifact)] + cells.map { .rect($0, card.background) } + [.close(.artifact)]
            }
            items += content
            for cell in cells.dropFirst() { items += artifact(page.items, at: cell) }
            if side == 1 { items.append(.close(.document)) }
            var sheet = PositionedPage(width: grid.sheetWidth, height: grid.sheetHeight, items: items)
            sheet.marks = marks
            sheets.append(sheet)
        }
        let outline = card.outline.map { entry in
            var moved = entry
            moved.y += grid.cells(back: entry.page == 1)[0].y
            return moved
        }
        // The sheet is white; each card is painted its colour above.
        var imposed = PositionedDocument(metadata: card.metadata, pages: sheets, outline: outline, background: Colour(red: 1, green: 1, blue: 1))
        imposed.rightToLeft = card.rightToLeft
        return imposed
    }

    /// A copy of a side's items as decoration: its structure dropped, the whole wrapped in one artifact.
    static func artifact(_ items: [PositionedItem], at cell: Rect) -> [PositionedItem] {
        let drawn = items.compactMap { item -> PositionedItem? in
            switch item {
            case .open, .close, .describe: return nil
            default: return item.offsetBy(x: cell.x, y: cell.y)
            }
        }
        return [.open(.artifact)] + drawn + [.close(.artifact)]
    }

    /// A mark on every cut line, above and below the grid or to its left and right, a gap away
    /// from it: in the sheet's margin, never across a card.
    public static func cutMarks(_ grid: Grid, _ settings: ProductCard.CutMarks) -> [PrintMark] {
        let gap = points(mm: settings.gapMM), length = points(mm: settings.lengthMM), weight = settings.weightPt
        var xs: [Double] = [], ys: [Double] = []
        for column in 0..<grid.across {
            let cell = grid.front(row: 0, column: column)
            for x in [cell.x, cell.maxX] where !xs.contains(where: { abs($0 - x) < 0.01 }) { xs.append(x) }
        }
        for row in 0..<grid.down {
            let cell = grid.front(row: row, column: 0)
            for y in [cell.y, cell.maxY] where !ys.contains(where: { abs($0 - y) < 0.01 }) { ys.append(y) }
        }
        let top = grid.top, bottom = grid.top + grid.height, left = grid.left, right = grid.left + grid.width
        var marks: [PrintMark] = []
        for x in xs {
            marks.append(PrintMark(x0: x, y0: top - gap - length, x1: x, y1: top - gap, weight: weight))
            marks.append(PrintMark(x0: x, y0: bottom + gap, x1: x, y1: bottom + gap + length, weight: weight))
        }
        for y in ys {
            marks.append(PrintMark(x0: left - gap - length, y0: y, x1: left - gap, y1: y, weight: weight))
            marks.append(PrintMark(x0: right + gap, y0: y, x1: right + gap + length, y1: y, weight: weight))
        }
        return marks
    }
}
