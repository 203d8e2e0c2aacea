import HandbillModel
import HandbillStyle

/// A poster's content set at one size and measured against its one page, as `DocumentLayout`
/// would lay it out (one column: the title and summary flow with the text), without placing it:
/// whether it fits, how full the page is, and how much taller the page would have to be. Only the
/// size `PosterLayout` chooses is placed (`positioned()`), giving what `DocumentLayout` gives.
/// (A poster in columns, which no product file asks for, is laid out whole at every size.)
struct PosterPage {
    let styled: StyledDocument
    let shaper: TextShaper
    /// The title and summary's slices, then the text's, in the order they stack.
    let slices: [FlowSlice]
    let footerHeight: Double
    /// A poster in columns, laid out.
    let inColumns: PositionedDocument?

    /// The small print's height, which a poster's scale does not change (it keeps the variant's
    /// size): worked out once per footer. Keyed on everything the footer's words and width are made of.
    struct FooterHeights {
        private var known: [Key: Double] = [:]

        private struct Key: Hashable {
            var style: TextStyle, leading: Double, details: [String], addresses: [Bool]
            var numbersPages: Bool, addressBreaks: Bool, width: Double, language: String
        }

        mutating func height(_ footer: FooterComposer) throws(DiagnosticError) -> Double {
            let document = footer.document, words = document.footer
            let key = Key(style: words.style, leading: words.leading, details: words.details.map(\.text),
                          addresses: words.details.map(\.isAddress), numbersPages: words.numbersPages,
                          addressBreaks: words.addressBreaks, width: document.page.textWidth, language: document.shapingLanguage)
            if let height = known[key] { return height }
            let height = try footer.height()
            known[key] = height
            return height
        }
    }

    init(_ styled: StyledDocument, fonts: FontLibrary, reuse: ComposedSlices, footers: inout FooterHeights) throws(DiagnosticError) {
        self.styled = styled
        shaper = try TextShaper(fonts: fonts, document: styled)
        let composer = BlockComposer(shaper: shaper, reuse: reuse)
        let page = styled.page
        guard page.columns == 1 else {
            inColumns = try DocumentLayout(fonts: fonts).layout(styled)
            slices = []
            footerHeight = 0
            return
        }
        inColumns = nil
        // In `DocumentLayout`'s order, so that a text that cannot be set gives the same error.
        let text = try composer.compose(styled.blocks, width: page.textWidth)
        slices = try PageAssembly.mastheadSlices(styled, composer: composer, width: page.textWidth) + text
        footerHeight = try footers.height(FooterComposer(shaper: shaper, document: styled))
    }

    /// The height the text may take, on a page `extra` points taller: as `PageAssembly` works it out.
    func frameHeight(extra: Double = 0) -> Double {
        var page = styled.page
        page.height += extra
        let contentBottom = page.height - page.bottom - footerHeight - page.footerGap
        return contentBottom - page.top
    }

    /// Whether everything fits on one page `extra` points taller: the flow's first frame takes
    /// every slice (`FrameFlow`'s test, slice after slice).
    func fits(extra: Double = 0) -> Bool {
        if let inColumns {
            guard extra > 0 else { return inColumns.pages.count == 1 }
            var taller = styled
            taller.page.height += extra
            return ((try? DocumentLayout(fonts: shaper.fonts).layout(taller))?.pages.count ?? 2) == 1
        }
        let height = frameHeight(extra: extra)
        guard height > 0 else { return false }
        var y = 0.0
        for (index, slice) in slices.enumerated() {
            let gap = index == 0 ? 0 : slice.spaceBefore
            if y + gap + slice.height > height + 0.001 { return false }
            y += gap + slice.height
        }
        return true
    }

    var fits: Bool { fits() }

    /// The text's height over the room it has (1: exactly full).
    var fill: Double? {
        let height = frameHeight()
        guard inColumns == nil, height > 0 else { return nil }
        var y = 0.0
        for (index, slice) in slices.enumerated() { y += (index == 0 ? 0 : slice.spaceBefore) + slice.height }
        return y / height
    }

    /// How much taller the page would have to be, in millimetres.
    func shortfall() -> Double {
        PosterLayout.shortfall(pageHeight: styled.page.height) { fits(extra: $0) }
    }

    /// What laying out a text that does not fit would stop at: a slice taller than a whole page,
    /// or no room under the title (`FrameFlow`, `PageAssembly`).
    func refuseSliceTallerThanPage() throws(DiagnosticError) {
        guard inColumns == nil else { return }
        let height = frameHeight()
        guard height > 0 else {
            throw DiagnosticError(.error("the title and summary fill the whole first page", hint: "shorten the summary, or use a larger product"))
        }
        if let tall = slices.first(where: { $0.height > height + 0.001 }) {
            throw DiagnosticError(.error(
                "a block is \(Int(tall.height))pt tall, taller than a whole column (\(Int(height))pt)",
                hint: "shorten it or split it: a callout or help service never breaks across pages"))
        }
    }

    /// The poster placed: what `DocumentLayout` gives for `styled`.
    func positioned() throws(DiagnosticError) -> PositionedDocument {
        if let inColumns { return inColumns }
        let page = styled.page
        let assembly = PageAssembly(page: page, columns: 1, rightToLeft: shaper.rightToLeft,
                                    footer: FooterComposer(shaper: shaper, document: styled))
        return try assembly.assemble(masthead: FlowSlice(height: 0, spaceBefore: 0, breakBefore: true, items: []),
                                     mastheadHeight: 0, slices: slices, metadata: styled.metadata, background: styled.background)
    }
}
