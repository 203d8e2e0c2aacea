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

    /// One edition laid out in full: `local` (the styled local block) in its place, and
    /// `smallPrint` ("Local edition for …") on its own line under every page's footer.
    public func layout(local: [StyledBlock], smallPrint: String) throws(DiagnosticError) -> PositionedDocument {
        var edition = assembly
        edition.footer = try assembly.footer.withSmallPrint(smallPrint)
        return try edition.assemble(masthead: masthead, mastheadHeight: mastheadHeight,
                                    slices: joined(try composer.compose(local, width: assembly.columnWidth)),
                                    metadata: document.metadata, background: document.background)
    }

    /// One edition's block and small print composed, to lay over a base (`base`, `overlay`); nil
    /// when the block is not one slice kept together (it is laid out in full).
    public func block(local: [StyledBlock], smallPrint: String) throws(DiagnosticError) -> EditionBlock? {
        let slices = try composer.compose(local, width: assembly.columnWidth)
        guard slices.count == 1 else { return nil }
        return EditionBlock(slice: slices[0], footer: try assembly.footer.withSmallPrint(smallPrint))
    }

    /// The national pages with room for a block and small print of `block`'s shape, laid out as
    /// `layout` lays that edition out: every edition of the shape is these pages with its own block
    /// and small print laid over them. An empty element (`EditionMarker.actualText`) keeps the block's
    /// place in reading order; the block's heading is in the outline already (its words are the
    /// guidance's, the same in every edition).
    public func base(for block: EditionBlock) throws(DiagnosticError) -> (document: PositionedDocument, slot: EditionSlot) {
        var slot = FlowSlice(height: block.slice.height, spaceBefore: block.slice.spaceBefore, breakBefore: block.slice.breakBefore,
                             items: [.open(.paragraph), .describe(StructureAttributes(actualText: EditionMarker.actualText)), .close(.paragraph)])
        slot.keepsNext = block.slice.keepsNext
        slot.outline = block.slice.outline
        var edition = assembly
        edition.footer = block.footer.hidingSmallPrint
        let slices = joined([slot])
        let placed = try edition.assemble(masthead: masthead, mastheadHeight: mastheadHeight, slices: slices,
                                          metadata: document.metadata, background: document.background, locating: before.count)
        guard let located = placed.located else {
            throw DiagnosticError(.error("the local edition's block was not placed", hint: "this is a bug in Handbill; please report it"))
        }
        return (placed.document, located)
    }

    /// What one edition adds to a base of `pages` pages, as two pages: its block, where `slot`
    /// puts it, in a Document element, with its small print at the foot; then (when the base has
    /// more pages) the small print alone, for every other page. No background: they are drawn over one.
    public func overlay(_ block: EditionBlock, at slot: EditionSlot, pages count: Int) -> PositionedDocument {
        let page = document.page, smallPrint = block.footer.smallPrintItems()
        let blockPage = PositionedPage(width: page.width, height: page.height, bleed: page.bleed,
                                       items: [.open(.document)] + block.slice.items.map { $0.offsetBy(x: slot.origin.x, y: slot.origin.y) }
                                           + [.close(.document)] + smallPrint)
        let otherPages = count > 1 ? [PositionedPage(width: page.width, height: page.height, bleed: page.bleed, items: smallPrint)] : []
        return PositionedDocument(metadata: document.metadata, pages: [blockPage] + otherPages, outline: [],
                                  background: Colour(red: 1, green: 1, blue: 1))
    }

    /// The national slices with `local` between them; a heading keeps its next slice across the
    /// joins too ("Where to get help" and the local block).
    private func joined(_ local: [FlowSlice]) -> [FlowSlice] {
        var slices = before + local + after
        for index in slices.indices.dropLast() where slices[index].keepsNext {
            slices[index + 1].breakBefore = false
        }
        return slices
    }
}
