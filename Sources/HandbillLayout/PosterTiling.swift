import HandbillModel
import HandbillStyle

/// Splits a one-page poster onto the sheets of a `TileGrid`, for printing at full size on office
/// paper: each sheet shows its window of the poster (clipped to it), with solid cut marks at the
/// window's corners, dashed lines marking the glue strips the next tiles go over, and a label in
/// the band under the window. Pure: it moves and regroups positioned items; the label's words are
/// shaped by the caller.
///
/// The poster is read once: each line of text, and each picture or QR code whole, is tagged on
/// its home tile — the first, in reading order of the tiles, that shows any of it — and is an
/// artifact on every other tile that shows it. Elements never run from one sheet to the next: an
/// element whose pieces are at home on several tiles is split into one element per run of pieces.
/// Pieces at home on a later tile than ones after them (a QR code in the next column) are put back
/// in the poster's order by the finishing stage with `readingOrder`, as for a booklet.
public enum PosterTiling {
    public struct Result: Sendable {
        public var sheets: PositionedDocument
        /// For each element directly under the document, in the order drawn: its place in the poster.
        public var readingOrder: [Int]
    }

    /// A tile's label: its words and the width it may take; returns its items (from the label's
    /// top-left corner) and its height.
    public typealias Labeller = (_ text: String, _ width: Double) throws(DiagnosticError) -> (items: [PositionedItem], height: Double)

    public static func tile(_ poster: PositionedDocument, grid: TileGrid, settings: TilingSettings, words: TileWords,
                            label: Labeller) throws(DiagnosticError) -> Result {
        guard poster.pages.count == 1, let page = poster.pages.first else {
            throw DiagnosticError(.error("only a one-page poster can be tiled; this document has \(poster.pages.count) pages",
                                         hint: "use --tile with a poster product (poster-a3, poster-a2)"))
        }
        let pieces = Piece.pieces(of: page.items)
        let windows = (0..<grid.count).map { grid.window(row: $0 / grid.columns, column: $0 % grid.columns) }
        let homes = pieces.map { $0.home(in: windows) }
        let onSheet = grid.windowOnSheet
        var sheets: [PositionedPage] = [], readingOrder: [Int] = []
        for (index, window) in windows.enumerated() {
            let row = index / grid.columns, column = index % grid.columns
            let dx = onSheet.x - window.x, dy = onSheet.y - window.y
            var emitter = TileEmitter()
            for (number, piece) in pieces.enumerated() where homes[number] == index || piece.bounds.overlaps(window) {
                let moved = piece.items.map { $0.offsetBy(x: dx, y: dy) }
                if homes[number] == index, let unit = piece.unit {
                    // Cairo leaves out runs of text wholly outside the clip: a line the window cuts
                    // gives its element its words as ActualText, so it is still read whole, here.
                    let cut = piece.text != nil && !piece.bounds.isInside(window)
                    emitter.content(moved, in: piece.path, unit: unit, text: piece.text ?? "", cut: cut, readingOrder: &readingOrder)
                } else {
                    emitter.decoration(moved)
                }
            }
            var sheet = PositionedPage(width: grid.sheetWidth, height: grid.sheetHeight,
                                       items: (index == 0 ? [.open(.document)] : []) + emitter.finished()
                                           + (index == windows.count - 1 ? [.close(.document)] : []))
            sheet.clip = onSheet
            let right = column + 1 < grid.columns, below = row + 1 < grid.rows
            sheet.marks = cutMarks(around: onSheet, settings: settings)
                + glueMarks(in: onSheet, right: right, below: below, overlap: grid.overlap, settings: settings)
            let text = words.label(tile: index + 1, of: grid.count, row: row + 1, column: column + 1,
                                   left: column > 0 ? index : nil, above: row > 0 ? index + 1 - grid.columns : nil,
                                   takesGlue: right || below)
            sheet.furniture = try labelItems(text, under: onSheet, settings: settings, label: label)
            sheets.append(sheet)
        }
        // Bookmarks point at the tile each heading is read on.
        let outline = poster.outline.map { entry in
            let tile = headingTile(at: entry.y, pieces: pieces, homes: homes)
            return OutlineEntry(level: entry.level, title: entry.title, page: tile, y: entry.y + onSheet.y - windows[tile].y)
        }
        var tiled = PositionedDocument(metadata: poster.metadata, pages: sheets, outline: outline, background: poster.background)
        tiled.rightToLeft = poster.rightToLeft
        return Result(sheets: tiled, readingOrder: readingOrder)
    }

    /// Solid marks at each corner of the window, on the lines of its edges, out in the band.
    static func cutMarks(around window: Rect, settings: TilingSettings) -> [PrintMark] {
        PrintShopSheet.cornerMarks(around: window, from: points(mm: settings.markGapMM), length: points(mm: settings.markLengthMM),
                                   weight: settings.cutWeightPt)
    }

    /// Dashed lines along the inner edge of the strips the tile to the right and the tile below
    /// are glued over: inside the window, where those tiles cover them.
    static func glueMarks(in window: Rect, right: Bool, below: Bool, overlap: Double, settings: TilingSettings) -> [PrintMark] {
        var marks: [PrintMark] = []
        if right {
            let x = window.maxX - overlap
            marks.append(PrintMark(x0: x, y0: window.y, x1: x, y1: window.maxY, weight: settings.glueWeightPt, dashed: true))
        }
        if below {
            let y = window.maxY - overlap
            marks.append(PrintMark(x0: window.x, y0: y, x1: window.maxX, y1: y, weight: settings.glueWeightPt, dashed: true))
        }
        return marks
    }

    /// The label, in the band under the window, clear of the cut marks at its corners.
    static func labelItems(_ text: String, under window: Rect, settings: TilingSettings, label: Labeller) throws(DiagnosticError) -> [PositionedItem] {
        let gap = points(mm: settings.markGapMM), top = window.maxY + points(mm: 1)
        let shaped = try label(text, window.width - 2 * gap)
        let room = points(mm: settings.bandMM - 1)
        guard shaped.height <= room + 0.01 else {
            throw DiagnosticError(.error("the tile label “\(text)” needs \(Int(shaped.height * 25.4 / 72)) mm under the tile, and the band has \(Int(room * 25.4 / 72)) mm",
                                         hint: "shorten the `tiling:` words in the language's file in Layouts/languages, or make label-pt in Layouts/tiling.yaml smaller"))
        }
        return shaped.items.map { $0.offsetBy(x: window.x + gap, y: top) }
    }

    /// The tile a heading near `y` (in the poster) is read on.
    static func headingTile(at y: Double, pieces: [Piece], homes: [Int]) -> Int {
        let headings = pieces.indices.filter { pieces[$0].unit != nil && pieces[$0].path.contains { [.h1, .h2, .h3].contains($0.role) } }
        let nearest = headings.min { abs(pieces[$0].bounds.y - y) < abs(pieces[$1].bounds.y - y) }
        return nearest.map { homes[$0] } ?? 0
    }
}

/// Something drawn on the poster, moved to the tiles it shows on as a whole: a line of text, a
/// picture or QR code (every item in its Figure), or a piece of decoration.
struct Piece {
    /// An element the piece is in, as the poster opened it.
    struct Element: Equatable {
        var id: Int
        var role: StructureRole
        var attributes: StructureAttributes?
    }

    var items: [PositionedItem]
    var bounds: Rect
    /// The elements it is in, outermost first (the document left out).
    var path: [Element]
    /// Its place among the poster's content, in reading order; nil for decoration.
    var unit: Int?

    /// A line's words, as read.
    var text: String? {
        guard items.count == 1, case .line(let line) = items[0] else { return nil }
        return ShapedText.withoutLayoutMarks(line.text)
    }

    /// The first tile whose window shows any of it; one that only touches it, if none does.
    func home(in windows: [Rect]) -> Int {
        windows.firstIndex { bounds.overlaps($0) } ?? windows.firstIndex { bounds.touches($0) } ?? 0
    }

    static func pieces(of items: [PositionedItem]) -> [Piece] {
        var pieces: [Piece] = [], stack: [Element] = [], nextID = 0, units = 0
        var figure: Piece?  // the Figure being gathered
        for item in items {
            switch item {
            case .open(.document), .close(.document): continue
            case .open(let role):
                stack.append(Element(id: nextID, role: role))
                nextID += 1
            case .close:
                if let gathered = figure, stack.last?.id == gathered.path.last?.id {
                    pieces.append(gathered)
                    figure = nil
                }
                stack.removeLast()
            case .describe(let attributes):
                if !stack.isEmpty { stack[stack.count - 1].attributes = attributes }
                if figure != nil { figure!.path[figure!.path.count - 1].attributes = attributes }
            case .line, .rect, .image:
                let bounds = Self.bounds(of: item)
                if var gathered = figure {
                    gathered.items.append(item)
                    gathered.bounds = gathered.bounds.union(bounds)
                    figure = gathered
                    continue
                }
                let isContent = !stack.contains { $0.role == .artifact }
                if isContent, let innermost = stack.last, innermost.role == .figure {
                    figure = Piece(items: [item], bounds: bounds, path: stack, unit: units)
                    units += 1
                    continue
                }
                pieces.append(Piece(items: [item], bounds: bounds, path: stack, unit: isContent ? units : nil))
                if isContent { units += 1 }
            }
        }
        return pieces
    }

    static func bounds(of item: PositionedItem) -> Rect {
        switch item {
        case .line(let line): line.bounds
        case .rect(let rect, _), .image(_, let rect): rect
        default: Rect(x: 0, y: 0, width: 0, height: 0)
        }
    }
}

/// Writes one tile's items: content in its elements, reopened where needed so none runs past the
/// sheet; decoration in artifacts, outside every element (Cairo marks content only in elements
/// without child elements).
struct TileEmitter {
    /// An element open on the tile: where its `open` is, and the lines put straight in it.
    private struct Open {
        var element: Piece.Element
        var at: Int
        var text = ""
        var cut = false
    }

    private var items: [PositionedItem] = []
    /// Outermost first.
    private var open: [Open] = []
    private var inArtifact = false
    private var lastUnit: Int?

    mutating func content(_ leaves: [PositionedItem], in path: [Piece.Element], unit: Int, text: String, cut: Bool,
                          readingOrder: inout [Int]) {
        endArtifact()
        // A piece read on another tile came between: start new elements, so each holds a run of the poster in order.
        if let lastUnit, lastUnit + 1 != unit { closeAll() }
        var shared = 0
        while shared < open.count, shared < path.count, open[shared].element.id == path[shared].id { shared += 1 }
        close(downTo: shared)
        for element in path[shared...] {
            if open.isEmpty && element.role != .artifact { readingOrder.append(unit) }
            open.append(Open(element: element, at: items.count))
            items.append(.open(element.role))
            if let attributes = element.attributes { items.append(.describe(attributes)) }
        }
        items += leaves
        if !open.isEmpty {
            open[open.count - 1].text += text
            if cut { open[open.count - 1].cut = true }
        }
        lastUnit = unit
    }

    mutating func decoration(_ leaves: [PositionedItem]) {
        closeAll()
        if !inArtifact { items.append(.open(.artifact)); inArtifact = true }
        items += leaves
    }

    mutating func finished() -> [PositionedItem] {
        endArtifact()
        closeAll()
        return items
    }

    private mutating func endArtifact() {
        if inArtifact { items.append(.close(.artifact)); inArtifact = false }
    }

    private mutating func closeAll() { close(downTo: 0) }

    private mutating func close(downTo depth: Int) {
        while open.count > depth {
            let closing = open.removeLast()
            items.append(.close(closing.element.role))
            guard closing.cut else { continue }
            // The element's words, whole, in place of the glyphs the clip leaves.
            var attributes = closing.element.attributes ?? StructureAttributes()
            attributes.actualText = closing.text
            if closing.element.attributes != nil {
                items[closing.at + 1] = .describe(attributes)
            } else {
                items.insert(.describe(attributes), at: closing.at + 1)
            }
        }
    }
}

extension Rect {
    /// Whether the two share some area.
    func overlaps(_ other: Rect) -> Bool { x < other.maxX && maxX > other.x && y < other.maxY && maxY > other.y }
    /// Whether all of it is within `other`.
    func isInside(_ other: Rect) -> Bool { x >= other.x && maxX <= other.maxX && y >= other.y && maxY <= other.maxY }
    /// Whether the two share a point (an edge will do).
    func touches(_ other: Rect) -> Bool { x <= other.maxX && maxX >= other.x && y <= other.maxY && maxY >= other.y }
    func union(_ other: Rect) -> Rect {
        let left = min(x, other.x), top = min(y, other.y)
        return Rect(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
    }
}
