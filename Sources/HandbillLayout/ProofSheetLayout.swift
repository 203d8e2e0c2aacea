import HandbillModel
import HandbillStyle

/// One sheet showing page 1 of every output as a labelled thumbnail, so a designer can look over
/// all variants at once.
public struct ProofSheetLayout {
    public struct Entry: Sendable {
        public var label: String
        /// The thumbnail PNG of the output's first page.
        public var thumbnail: String
        /// Page height over width.
        public var aspect: Double

        public init(label: String, thumbnail: String, aspect: Double) {
            self.label = label
            self.thumbnail = thumbnail
            self.aspect = aspect
        }
    }

    public let fonts: FontLibrary
    static let columns = 6, cellWidth = 120.0, gap = 14.0, margin = 28.0, labelSize = 7.0

    public init(fonts: FontLibrary) { self.fonts = fonts }

    public func layout(_ entries: [Entry], title: String, metadata: DocumentMetadata) throws(DiagnosticError) -> PositionedDocument {
        let shaper = TextShaper(fonts: fonts, family: "Noto Sans", language: "en", hyphenate: false, rightToLeft: false)
        let composer = BlockComposer(shaper: shaper)
        let ink = Colour(red: 0.1, green: 0.1, blue: 0.1)
        let thumbHeight = Self.cellWidth * (entries.map(\.aspect).max() ?? 1.414)
        let label = { (text: String, size: Double, bold: Bool) -> StyledText in
            StyledText(runs: [StyledRun(text, style: TextStyle(size: size, bold: bold, colour: ink))], lineHeight: size * 1.3)
        }
        let heading = FlowSlice.merged(try composer.lines(of: label(title, 14, true), role: .h1, width: 700, spaceBefore: 0))
        var cells: [FlowSlice] = []
        for entry in entries {
            let caption = FlowSlice.merged(try composer.lines(of: label(entry.label, Self.labelSize, false), role: .paragraph,
                                                              width: Self.cellWidth, spaceBefore: 0))
            let height = Self.cellWidth * entry.aspect
            var items: [PositionedItem] = [.open(.figure), .describe(StructureAttributes(alt: "Page 1 of \(entry.label)")),
                                           .image(path: entry.thumbnail, Rect(x: 0, y: 0, width: Self.cellWidth, height: height)),
                                           .close(.figure)]
            items += caption.items.map { $0.offsetBy(x: 0, y: thumbHeight + 3) }
            cells.append(FlowSlice(height: thumbHeight + 3 + caption.height, spaceBefore: 0, breakBefore: true, items: items))
        }
        let rows = (entries.count + Self.columns - 1) / Self.columns
        let rowHeight = (cells.map(\.height).max() ?? 0) + Self.gap
        let width = 2 * Self.margin + Double(Self.columns) * Self.cellWidth + Double(Self.columns - 1) * Self.gap
        let top = Self.margin + heading.height + Self.gap
        var items: [PositionedItem] = [.open(.document)] + heading.items.map { $0.offsetBy(x: Self.margin, y: Self.margin) }
        for (index, cell) in cells.enumerated() {
            let x = Self.margin + Double(index % Self.columns) * (Self.cellWidth + Self.gap)
            let y = top + Double(index / Self.columns) * rowHeight
            items += cell.items.map { $0.offsetBy(x: x, y: y) }
        }
        items.append(.close(.document))
        let page = PositionedPage(width: width, height: top + Double(rows) * rowHeight + Self.margin, items: items)
        return PositionedDocument(metadata: metadata, pages: [page], outline: [], background: Colour(red: 1, green: 1, blue: 1))
    }
}
