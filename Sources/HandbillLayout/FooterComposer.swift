import Foundation
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
        wideNumbers = shaper.shape(Self.text(number: Self.number(page: 88, of: 88, document: document), loose: false, document: document),
                                   width: document.page.textWidth)
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
    /// `number` first: the page number, or the room kept for it (see `items`).
    private static func text(number: StyledRun?, loose: Bool, document: StyledDocument) -> StyledText {
        let style = document.footer.style
        let pieces = (number.map { [$0] } ?? []) + document.footer.details.map { detail in
            loose ? StyledRun(detail.isAddress ? "\u{200E}\(detail.text)\u{200E}" : detail.text, style: style)
                  : detail.isAddress && document.footer.addressBreaks
                  // A poster's source address fills the line it starts on, breaking after a slash or before a dot.
                  ? StyledRun(TextShaper.addressBreaks(in: detail.text), style: style, leftToRight: true)
                  : StyledRun(detail.text, style: style, unbreakable: true, leftToRight: detail.isAddress)
        }
        let runs = pieces.enumerated().flatMap { index, piece in (index == 0 ? [] : [StyledRun("  ·  ", style: style)]) + [piece] }
        return StyledText(runs: runs, lineHeight: document.footer.style.size * document.footer.leading, breaksInsideWords: loose)
    }

    /// "Page 2 of 5", whole on its line; nil when the footer numbers no pages.
    private static func number(page: Int, of pages: Int, document: StyledDocument) -> StyledRun? {
        guard document.footer.numbersPages else { return nil }
        return StyledRun(document.strings.pageNumber(page, of: pages), style: document.footer.style, unbreakable: true)
    }

    /// Height reserved for the footer: measured with wide page numbers, so every page's fits.
    func height() throws(DiagnosticError) -> Double {
        let shaped = isLoose ? shaper.shape(Self.text(number: Self.number(page: 88, of: 88, document: document), loose: true, document: document),
                                            width: width) : wideNumbers
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
        let run = Self.number(page: page, of: pages, document: document)
        let (block, number) = keepsRoom ? try withRoom(for: run) : (try shaped(Self.text(number: run, loose: isLoose, document: document)), [])
        let top = document.page.height - document.page.bottom - block.height - (smallPrint?.height ?? 0)
        // `lines` wrapped the footer in an artifact "tag"; keep just that, no heading or paragraph role.
        return (number + block.items).map { $0.offsetBy(x: document.page.left, y: top) } + (drawsSmallPrint ? smallPrintItems() : [])
    }

    /// Whether the number can be drawn in a room kept for it. Not in letter-spaced right-to-left
    /// text: Pango spaces the room's edge there as it would not the number's (the words moved
    /// 0.2 pt), so those footers are shaped whole, page by page, as before.
    private var keepsRoom: Bool { !(shaper.rightToLeft && (shaper.letterSpacing > 0 || shaper.wordSpacing > 0)) }

    private func shaped(_ text: StyledText) throws(DiagnosticError) -> FlowSlice {
        FlowSlice.merged(try BlockComposer(shaper: shaper).lines(of: text, role: .artifact, width: width, spaceBefore: 0))
    }

    /// The details with room kept for `run` (shaped once a document), and the number's items in that room.
    private func withRoom(for run: StyledRun?) throws(DiagnosticError) -> (FlowSlice, [PositionedItem]) {
        var number: (slice: FlowSlice, line: TextLine)?
        if let run {
            let slice = try shaped(StyledText(runs: [run], lineHeight: run.style.size * document.footer.leading, breaksInsideWords: isLoose))
            number = slice.items.lazy.compactMap { if case .line(let line) = $0 { (slice, line) } else { nil } }.first
        }
        let room = number.map { StyledRun.Room(width: $0.line.width, ascent: $0.line.ascent, descent: $0.line.descent) }
        let details = try shapedDetails.details(keeping: room) { () throws(DiagnosticError) in
            let block = try shaped(Self.text(number: room.map { StyledRun(keeping: $0, style: document.footer.style) }, loose: isLoose, document: document))
            let lines = block.items.compactMap { if case .line(let line) = $0 { line } else { nil } }
            guard room != nil, let place = lines.first?.shaped.place(ofByte: 0), place.line < lines.count else { return (block, nil) }
            return (block, (baseline: lines[place.line].origin.y, left: place.left))
        }
        guard let number, let place = details.room else { return (details.block, []) }
        // The number drawn in its room, on the baseline of the details' line that holds it.
        return (details.block, number.slice.items.map { $0.offsetBy(x: place.left - number.line.origin.x, y: place.baseline - number.line.origin.y) })
    }
}

/// A document's footer details as shaped, by the room they keep for the page number: every page
/// of a document shares one (or a few, when numbers differ in width).
final class FooterDetails: @unchecked Sendable {
    /// The details' lines, and where the room is: the baseline of its line and its left edge.
    typealias Shaped = (block: FlowSlice, room: (baseline: Double, left: Double)?)
    private var shaped: [StyledRun.Room?: Shaped] = [:]
    // Shaping runs under `FontLibrary.exclusively`, one thread at a time: the lock only keeps
    // this class safe should a caller ever lay out without it.
    private let lock = NSLock()

    func details(keeping room: StyledRun.Room?, shape: () throws(DiagnosticError) -> Shaped) throws(DiagnosticError) -> Shaped {
        if let known = lock.withLock({ shaped[room] }) { return known }
        let made = try shape()
        lock.withLock { shaped[room] = made }
        return made
    }
}
