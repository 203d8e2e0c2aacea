import HandbillModel
import HandbillStyle

/// The running footer: "Page 1 of 2 · publisher · source · date", at the foot of every page, at the
/// variant's footer size (large print: 16pt or more, like the body). It is an artifact, not content.
struct FooterComposer {
    let shaper: TextShaper
    let document: StyledDocument
    /// Whether the pieces must break inside themselves to fit the line (see `text`).
    private let isLoose: Bool
    /// The footer with wide page numbers as shaped to find `isLoose`: what `height` measures when
    /// the footer is not loose (the same text), so it is not shaped again.
    private let wideNumbers: ShapedText
    /// A local edition's "Local edition for …": its own lines under the details, so the details
    /// break the same way in every edition and its pages differ from each other only there.
    private var smallPrint: FlowSlice? = nil
    /// Whether the small print is drawn; false keeps its room empty (the pages editions are laid
    /// over: `EditionSlot`).
    private var drawsSmallPrint = true

    /// Measures the footer once: every page's differs only in its page number.
    init(shaper: TextShaper, document: StyledDocument) {
        self.shaper = shaper
        self.document = document
        wideNumbers = shaper.shape(Self.text(page: 88, of: 88, loose: false, document: document), width: document.page.textWidth)
        isLoose = wideNumbers.lines.contains { $0.inkWidth > document.page.textWidth + 0.01 }
    }

    private var width: Double { document.page.textWidth }

    /// This footer with `text` as a local edition's small print on its own line(s).
    func withSmallPrint(_ text: String) throws(DiagnosticError) -> FooterComposer {
        var copy = self
        let styled = StyledText(runs: [StyledRun(text, style: document.footer.style)],
                                lineHeight: document.footer.style.size * document.footer.leading, breaksInsideWords: true)
        // Its lines, an artifact, their top at 0: shaped once, the same on every page.
        copy.smallPrint = FlowSlice.merged(try BlockComposer(shaper: shaper).lines(of: styled, role: .artifact, width: width, spaceBefore: 0))
        return copy
    }

    /// This footer keeping the small print's room empty.
    var hidingSmallPrint: FooterComposer {
        var copy = self
        copy.drawsSmallPrint = false
        return copy
    }

    /// The footer's words. Each piece stays whole (an address never split), unless a piece is too
    /// long for the line on its own (a long address on an A5 page in large print): then, `loose`,
    /// the pieces break between words and an address between letters rather than stop the build —
    /// the footer is small print, not advice. Left-to-right marks then keep an address's ends in
    /// order in right-to-left text (an isolate would keep Pango from breaking inside it).
    private static func text(page: Int, of pages: Int, loose: Bool, document: StyledDocument) -> StyledText {
        let style = document.footer.style
        let number = document.footer.numbersPages ? [StyledRun(document.strings.pageNumber(page, of: pages), style: style, unbreakable: true)] : []
        let pieces = number + document.footer.details.map { detail in
            loose ? StyledRun(detail.isAddress ? "\u{200E}\(detail.text)\u{200E}" : detail.text, style: style)
                  : detail.isAddress && document.footer.addressBreaks
                  // A poster's source address fills the line it starts on, breaking after a slash or before a dot.
                  ? StyledRun(TextShaper.addressBreaks(in: detail.text), style: style, leftToRight: true)
                  : StyledRun(detail.text, style: style, unbreakable: true, leftToRight: detail.isAddress)
        }
        let runs = pieces.enumerated().flatMap { index, piece in (index == 0 ? [] : [StyledRun("  ·  ", style: style)]) + [piece] }
        return StyledText(runs: runs, lineHeight: document.footer.style.size * document.footer.leading, breaksInsideWords: loose)
    }

    private func text(page: Int, of pages: Int) -> StyledText {
        Self.text(page: page, of: pages, loose: isLoose, document: document)
    }

    /// Height reserved for the footer: measured with wide page numbers, so every page's fits.
    func height() throws(DiagnosticError) -> Double {
        let shaped = isLoose ? shaper.shape(text(page: 88, of: 88), width: width) : wideNumbers
        try BlockComposer(shaper: shaper).check(shaped, width: width)
        return Double(shaped.lines.count) * shaped.lineHeight + (smallPrint?.height ?? 0)
    }

    /// The small print as placed on every page (it names no page), under the details: what a
    /// local edition adds to the pages it is laid over.
    func smallPrintItems() -> [PositionedItem] {
        guard let slice = smallPrint else { return [] }
        let top = document.page.height - document.page.bottom - slice.height
        return slice.items.map { $0.offsetBy(x: document.page.left, y: top) }
    }

    func items(page: Int, of pages: Int) throws(DiagnosticError) -> [PositionedItem] {
        let slices = try BlockComposer(shaper: shaper).lines(of: text(page: page, of: pages), role: .artifact,
                                                             width: width, spaceBefore: 0)
        let block = FlowSlice.merged(slices)
        let top = document.page.height - document.page.bottom - block.height - (smallPrint?.height ?? 0)
        // `lines` wrapped the footer in an artifact "tag"; keep just that, no heading or paragraph role.
        return block.items.map { $0.offsetBy(x: document.page.left, y: top) } + (drawsSmallPrint ? smallPrintItems() : [])
    }
}
