import HandbillModel
import HandbillStyle

/// Lays out many local editions of one styled document: the national text is shaped and broken
/// into lines once, and each edition only shapes its own block, splices it in where the guidance
/// says (`StyledDocument.localHelpIndex`) and flows the slices through the pages again (flowing is
/// arithmetic; shaping is what costs).
///
/// Holds Pango objects: make and use it inside its fonts' `exclusively`, on one thread.
public final class EditionLayout {
    let document: StyledDocument
    let shaper: TextShaper
    let composer: BlockComposer
    let masthead: FlowSlice
    let mastheadHeight: Double
    let assembly: PageAssembly
    /// The national text's slices before and after the local block.
    let before: [FlowSlice], after: [FlowSlice]

    public init(fonts: FontLibrary, document: StyledDocument) throws(DiagnosticError) {
        self.document = document
        shaper = try TextShaper(fonts: fonts, document: document)
        composer = BlockComposer(shaper: shaper)
        let page = document.page
        assembly = PageAssembly(page: page, columns: page.columns, rightToLeft: shaper.rightToLeft,
                                footer: FooterComposer(shaper: shaper, document: document))
        let split = min(document.localHelpIndex ?? document.blocks.count, document.blocks.count)
        let start = try composer.compose(Array(document.blocks[..<split]), width: assembly.columnWidth)
        if page.columns == 1 {
            // As DocumentLayout does: in one column the title and summary flow like the text (a long
            // summary in large type on an A5 page goes on over the page).
            masthead = FlowSlice(height: 0, spaceBefore: 0, breakBefore: true, items: [])
            mastheadHeight = 0
            before = try PageAssembly.mastheadSlices(document, composer: composer, width: page.textWidth) + start
        } else {
            var masthead = try PageAssembly.masthead(document, composer: composer, width: page.textWidth)
            mastheadHeight = PageAssembly.rule(under: &masthead, document: document, width: page.textWidth)
            self.masthead = masthead
            before = start
        }
        after = try composer.compose(Array(document.blocks[split...]), width: assembly.columnWidth)
    }

    /// One edition: `local` (the styled local block) in its place, and `smallPrint` ("Local
    /// edition for …") added to the running footer of every page.
    public func layout(local: [StyledBlock], smallPrint: String) throws(DiagnosticError) -> PositionedDocument {
        var slices = before
        slices += try composer.compose(local, width: assembly.columnWidth)
        slices += after
        // A heading keeps its next slice across the joins too ("Where to get help" and the local block).
        for index in slices.indices.dropLast() where slices[index].keepsNext {
            slices[index + 1].breakBefore = false
        }
        var withSmallPrint = document
        withSmallPrint.footer.details.append(.init(text: smallPrint, isAddress: false))
        var edition = assembly
        edition.footer = FooterComposer(shaper: shaper, document: withSmallPrint)
        return try edition.assemble(masthead: masthead, mastheadHeight: mastheadHeight, slices: slices,
                                    metadata: document.metadata, background: document.background)
    }
}
