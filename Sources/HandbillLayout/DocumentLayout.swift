import HandbillModel
import HandbillStyle

/// Lays out a styled document: the masthead on page 1, the body flowed through the columns, a
/// running footer on every page. Pure: it returns positions and draws nothing.
public struct DocumentLayout {
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) { self.fonts = fonts }

    public func layout(_ document: StyledDocument) throws(DiagnosticError) -> PositionedDocument {
        let shaper = try TextShaper(fonts: fonts, document: document)
        let composer = BlockComposer(shaper: shaper)
        let page = document.page
        let assembly = PageAssembly(page: page, columns: page.columns, rightToLeft: shaper.rightToLeft,
                                    footer: FooterComposer(shaper: shaper, document: document))
        let slices = try composer.compose(document.blocks, width: assembly.columnWidth)
        if page.columns == 1 {
            // One column: the title and summary flow like the text, so that a long summary in large
            // type on a small page (an A5 booklet) goes on over the page instead of stopping the build.
            let masthead = try PageAssembly.mastheadSlices(document, composer: composer, width: page.textWidth)
            return try assembly.assemble(masthead: FlowSlice(height: 0, spaceBefore: 0, breakBefore: true, items: []),
                                         mastheadHeight: 0, slices: masthead + slices,
                                         metadata: document.metadata, background: document.background)
        }
        var masthead = try PageAssembly.masthead(document, composer: composer, width: page.textWidth)
        let mastheadHeight = PageAssembly.rule(under: &masthead, document: document, width: page.textWidth)
        return try assembly.assemble(masthead: masthead, mastheadHeight: mastheadHeight, slices: slices,
                                     metadata: document.metadata, background: document.background)
    }
}
