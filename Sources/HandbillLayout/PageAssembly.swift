import HandbillModel
import HandbillStyle

/// Puts laid-out content on pages: the masthead at the top of page 1, the flowed slices in the
/// columns below it, the running footer at the foot of every page.
struct PageAssembly {
    let page: PageGeometry
    /// Columns the slices flow through (the product's, or 1 for rows spanning the page).
    let columns: Int
    /// Columns are read from the right in a right-to-left language.
    let rightToLeft: Bool
    var footer: FooterComposer

    var columnWidth: Double { (page.textWidth - page.gutter * Double(columns - 1)) / Double(columns) }

    func assemble(masthead: FlowSlice, mastheadHeight: Double, slices: [FlowSlice], metadata: DocumentMetadata,
                  background: Colour) throws(DiagnosticError) -> PositionedDocument {
        try assemble(masthead: masthead, mastheadHeight: mastheadHeight, slices: slices, metadata: metadata,
                     background: background, locating: nil).document
    }

    /// As `assemble`, and where slice `locating` was placed: its page and its top-left corner.
    func assemble(masthead: FlowSlice, mastheadHeight: Double, slices: [FlowSlice], metadata: DocumentMetadata,
                  background: Colour, locating: Int?) throws(DiagnosticError) -> (document: PositionedDocument, located: EditionSlot?) {
        let contentBottom = page.height - page.bottom - (try footer.height()) - page.footerGap
        let width = columnWidth
        let frame = { (index: Int) -> Frame in
            let pageIndex = index / columns
            let column = rightToLeft ? columns - 1 - index % columns : index % columns
            let top = pageIndex == 0 ? page.top + mastheadHeight : page.top
            return Frame(page: pageIndex, rect: Rect(x: page.left + Double(column) * (width + page.gutter),
                                                     y: top, width: width, height: contentBottom - top))
        }
        guard frame(0).rect.height > 0 else {
            throw DiagnosticError(.error("the title and summary fill the whole first page",
                                         hint: "shorten the summary, or use a larger product"))
        }
        let placements = try FrameFlow.place(slices, in: frame)
        let pageCount = (placements.map(\.frame).max().map { $0 / columns } ?? 0) + 1

        let located = placements.first { $0.slice == locating }.map { placement in
            let frame = frame(placement.frame)
            return EditionSlot(page: frame.page, origin: Point(x: frame.rect.x, y: frame.rect.y + placement.y))
        }
        var pages = (0..<pageCount).map { _ in PositionedPage(width: page.width, height: page.height, bleed: page.bleed, items: []) }
        var outline: [OutlineEntry] = masthead.outline.map {
            OutlineEntry(level: $0.level, title: $0.title, page: 0, y: page.top + $0.y)
        }
        pages[0].items = [.open(.document)] + masthead.items.map { $0.offsetBy(x: page.left, y: page.top) }
        for placement in placements {
            let rect = frame(placement.frame).rect, slice = slices[placement.slice]
            let pageIndex = frame(placement.frame).page
            pages[pageIndex].items += slice.items.map { $0.offsetBy(x: rect.x, y: rect.y + placement.y) }
            outline += slice.outline.map {
                OutlineEntry(level: $0.level, title: $0.title, page: pageIndex, y: rect.y + placement.y + $0.y)
            }
        }
        pages[pageCount - 1].items.append(.close(.document))
        Self.closeElementsAtPageEnds(&pages)
        for index in pages.indices {
            pages[index].items += try footer.items(page: index + 1, of: pageCount)
        }
        var document = PositionedDocument(metadata: metadata, pages: pages, outline: outline, background: background)
        document.rightToLeft = rightToLeft
        return (document, located)
    }

    /// The title, the summary and a rule under them: `(slice, height including the rule)`.
    static func masthead(_ document: StyledDocument, composer: BlockComposer, width: Double) throws(DiagnosticError) -> FlowSlice {
        let blocks = [StyledBlock.text(role: .h1, document.title, spaceBefore: 0)]
            + (document.summary.map { [.text(role: .paragraph, $0, spaceBefore: document.title.lineHeight * 0.3)] } ?? [])
        return FlowSlice.merged(try composer.compose(blocks, width: width))
    }

    /// The title, the summary and the rule under them as slices to flow (one-column pages): the
    /// title keeps with the summary's first lines, and the rule with the summary's last.
    static func mastheadSlices(_ document: StyledDocument, composer: BlockComposer, width: Double) throws(DiagnosticError) -> [FlowSlice] {
        let blocks = [StyledBlock.text(role: .h1, document.title, spaceBefore: 0)]
            + (document.summary.map { [.text(role: .paragraph, $0, spaceBefore: document.title.lineHeight * 0.3)] } ?? [])
        var slices = try composer.compose(blocks, width: width)
        let gap = (document.summary?.lineHeight ?? document.title.lineHeight * 0.5) * 0.5  // a poster's title is huge
        slices.append(FlowSlice(height: 2 + gap, spaceBefore: gap, breakBefore: false,
                                items: [.open(.artifact), .rect(Rect(x: 0, y: 0, width: width, height: 2), document.accent), .close(.artifact)]))
        return slices
    }

    /// Adds the accent rule under a masthead; returns the height the masthead takes on page 1.
    static func rule(under masthead: inout FlowSlice, document: StyledDocument, width: Double) -> Double {
        let gap = (document.summary?.lineHeight ?? document.title.lineHeight * 0.5) * 0.5  // a poster's title is huge
        masthead.items += [.open(.artifact), .rect(Rect(x: 0, y: masthead.height + gap, width: width, height: 2), document.accent),
                           .close(.artifact)]
        return masthead.height + 2 * gap + 2
    }

    /// Ends every element still open at the foot of a page and opens it again on the next.
    ///
    /// Cairo 1.16 marks content only in elements without child elements; a paragraph left open
    /// across a page break would take in the footer and the next page's background and lose its
    /// own words from the structure tree. A paragraph split by a page so becomes two paragraphs.
    static func closeElementsAtPageEnds(_ pages: inout [PositionedPage]) {
        var open: [StructureRole] = []
        for index in pages.indices {
            let reopened = open.filter { $0 != .document }.map(PositionedItem.open)
            for item in pages[index].items {
                switch item {
                case .open(let role): open.append(role)
                case .close: open.removeLast()
                default: break
                }
            }
            let closing = open.reversed().filter { $0 != .document }.map(PositionedItem.close)
            pages[index].items = reopened + pages[index].items + closing
        }
    }
}
