import HandbillModel
import HandbillStyle

/// Lays out a styled document: the masthead on page 1, the body flowed through the columns, a
/// running footer on every page. Pure: it returns positions and draws nothing.
public struct DocumentLayout {
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) { self.fonts = fonts }

    public func layout(_ document: StyledDocument) throws(DiagnosticError) -> PositionedDocument {
        try fonts.require(family: document.fontFamily, for: "variant `\(document.variantName)` in `\(document.metadata.language)`")
        let rightToLeft = document.direction == .rtl
        let shaper = TextShaper(fonts: fonts, family: document.fontFamily, language: document.metadata.language,
                                hyphenate: document.hyphenate, rightToLeft: rightToLeft)
        let composer = BlockComposer(shaper: shaper)
        let page = document.page

        // Page 1 opens with the title, the summary and a rule, across all columns.
        let mastheadBlocks = [StyledBlock.text(role: .h1, document.title, spaceBefore: 0)]
            + (document.summary.map { [.text(role: .paragraph, $0, spaceBefore: document.title.lineHeight * 0.3)] } ?? [])
        var masthead = FlowSlice.merged(try composer.compose(mastheadBlocks, width: page.textWidth))
        let ruleGap = (document.summary?.lineHeight ?? document.title.lineHeight) * 0.5
        masthead.items += [.open(.artifact),
                           .rect(Rect(x: 0, y: masthead.height + ruleGap, width: page.textWidth, height: 2), document.accent),
                           .close(.artifact)]
        let mastheadHeight = masthead.height + 2 * ruleGap + 2

        let footer = FooterComposer(shaper: shaper, document: document)
        let footerHeight = try footer.height()
        let contentBottom = page.height - page.bottom - footerHeight - page.footerGap
        let frame = { (index: Int) -> Frame in
            // Columns are read from the right in a right-to-left language.
            let pageIndex = index / page.columns
            let column = rightToLeft ? page.columns - 1 - index % page.columns : index % page.columns
            let top = pageIndex == 0 ? page.top + mastheadHeight : page.top
            return Frame(page: pageIndex, rect: Rect(x: page.left + Double(column) * (page.columnWidth + page.gutter),
                                                     y: top, width: page.columnWidth, height: contentBottom - top))
        }
        guard frame(0).rect.height > 0 else {
            throw DiagnosticError(.error("the title and summary fill the whole first page",
                                         hint: "shorten the summary, or use a larger product"))
        }

        let slices = try composer.compose(document.blocks, width: page.columnWidth)
        let placements = try FrameFlow.place(slices, in: frame)
        let pageCount = (placements.map(\.frame).max().map { $0 / page.columns } ?? 0) + 1

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
        return PositionedDocument(metadata: document.metadata, pages: pages, outline: outline,
                                  background: document.background)
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
