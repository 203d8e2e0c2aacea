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
    /// The details, shaped once per document (see `items`); shared by this footer's copies.
    private let shapedDetails = FooterDetails()

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
    /// With `numberRoom`, the page number's place is kept empty, that wide (see `items`).
    private static func text(page: Int, of pages: Int, loose: Bool, document: StyledDocument,
                             numberRoom: StyledRun.Room? = nil) -> StyledText {
        let style = document.footer.style
        let number = !document.footer.numbersPages ? []
            : [numberRoom.map { StyledRun(keeping: $0, style: style) } ?? StyledRun(document.strings.pageNumber(page, of: pages), style: style, unbreakable: true)]
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

    /// A page's footer. The details are shaped once for every page whose number is as wide
    /// (digits are the same width in the fonts Handbill ships: once a document), with room kept
    /// where the number goes; the number is shaped on its own and drawn in that room. Lines break
    /// as they would with the number in the text: the room is exactly its width.
    func items(page: Int, of pages: Int) throws(DiagnosticError) -> [PositionedItem] {
        let composer = BlockComposer(shaper: shaper)
        var number: (slice: FlowSlice, line: TextLine)?
        if document.footer.numbersPages {
            let style = document.footer.style
            let text = StyledText(runs: [StyledRun(document.strings.pageNumber(page, of: pages), style: style, unbreakable: true)],
                                  lineHeight: style.size * document.footer.leading, breaksInsideWords: isLoose)
            let slice = FlowSlice.merged(try composer.lines(of: text, role: .artifact, width: width, spaceBefore: 0))
            guard let line = slice.items.lazy.compactMap({ if case .line(let line) = $0 { line } else { nil } }).first else {
                return []
            }
            number = (slice, line)
        }
        let details = try shapedDetails.details(numberRoom: number.map { StyledRun.Room(width: $0.line.width, ascent: $0.line.ascent, descent: $0.line.descent) }) { room throws(DiagnosticError) in
            let text = Self.text(page: 0, of: 0, loose: isLoose, document: document, numberRoom: room)
            let block = FlowSlice.merged(try composer.lines(of: text, role: .artifact, width: width, spaceBefore: 0))
            let lines = block.items.compactMap { if case .line(let line) = $0 { line } else { nil } }
            guard room != nil, let place = lines.first?.shaped.place(ofByte: 0), place.line < lines.count else { return (block, nil) }
            return (block, (baseline: lines[place.line].origin.y, left: place.left))
        }
        var items: [PositionedItem] = []
        if let number, let room = details.room {
            // The number drawn in its room, on the baseline of the details' line that holds it.
            items = number.slice.items.map { $0.offsetBy(x: room.left - number.line.origin.x, y: room.baseline - number.line.origin.y) }
        }
        items += details.block.items
        let top = document.page.height - document.page.bottom - details.block.height - (smallPrint?.height ?? 0)
        // `lines` wrapped the footer in an artifact "tag"; keep just that, no heading or paragraph role.
        return items.map { $0.offsetBy(x: document.page.left, y: top) } + (drawsSmallPrint ? smallPrintItems() : [])
    }
}

/// A document's footer details as shaped, by the width of the page number they keep room for:
/// every page of a document shares one (or a few, when numbers differ in width).
final class FooterDetails: @unchecked Sendable {
    typealias Shaped = (block: FlowSlice, room: (baseline: Double, left: Double)?)
    private var shaped: [Double: Shaped] = [:]

    func details(numberRoom: StyledRun.Room?, shape: (StyledRun.Room?) throws(DiagnosticError) -> Shaped) throws(DiagnosticError) -> Shaped {
        let key = numberRoom?.width ?? -1
        if let known = shaped[key] { return known }
        let made = try shape(numberRoom)
        shaped[key] = made
        return made
    }
}

