import HandbillModel
import HandbillStyle

/// Fits a two-sided card (the wallet card): its content flows over the front, then the back, at
/// the largest body size at which everything fits on the two sides, never below the floor. The
/// back alone carries the small print (who hands the card out). Content that cannot fit at the
/// floor is an error saying how much is over, never cut off. Pure: positions, nothing drawn.
public struct CardLayout {
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) { self.fonts = fonts }

    /// `style(body)` gives the card at body size `body`; returns the two sides, the size chosen and
    /// the smallest size found not to fit (nil: the ceiling fits). `start`: for a local edition,
    /// where a similar card's fit ended, tried first; `bound`: the size its national card did not
    /// fit at (an edition only adds).
    public func layout(floor: Double, ceiling: Double, start: FitStart? = nil, bound: Double? = nil,
                       style: (Double) throws(DiagnosticError) -> StyledDocument) throws(DiagnosticError) -> (PositionedDocument, body: Double, failsAt: Double?) {
        func tried(_ size: Double) throws(DiagnosticError) -> FitSearch.Attempt<PositionedDocument> {
            FitSearch.Attempt(try sides(try style(size)).card, fill: nil)
        }
        var below = min(max(floor, ceiling), bound ?? .infinity)
        if let start, start.scale < below || (start.scale == below && bound == nil) {
            if let near = try? tried(start.scale), let card = near.fitted {
                return FitSearch.largest(from: start.scale, giving: card, fill: nil, below: below, highMayFit: bound == nil,
                                         first: start.failsAt, tolerance: 0.05, attempt: tried)
            }
            below = start.scale
        }
        let smallest = try sides(try style(floor))
        guard let best = smallest.card else {
            throw DiagnosticError(.error(
                "the wallet card's text does not fit: at the smallest type allowed (\(Self.formatted(floor))pt) it runs \(Self.formatted(smallest.overMM)) mm past the back",
                hint: "shorten the service names, or leave the variant out of the card (`variants:` in its product file)"))
        }
        // The largest body size that still fits, to a twentieth of a point: the ceiling first when
        // the floor's fill says it may fit, then halving. (The card's few services move between
        // its sides whole, so how full it is jumps with the size: guesses from it did worse.)
        return FitSearch.largest(from: floor, giving: best, fill: smallest.fill, below: below, highMayFit: start == nil && bound == nil,
                                 halving: true, tolerance: 0.05, attempt: tried)
    }

    /// The card on two pages, or nil and how many millimetres the content runs past the back; and
    /// how full it is (its text stacked, over both sides' room: a rough measure, for whether the
    /// ceiling may fit). The small print goes at the foot of the back, or of the front when only
    /// there is room.
    func sides(_ document: StyledDocument) throws(DiagnosticError) -> (card: PositionedDocument?, overMM: Double, fill: Double) {
        let shaper = try TextShaper(fonts: fonts, document: document)
        let slices = try BlockComposer(shaper: shaper).compose(document.blocks, width: document.page.textWidth)
        let footer = FooterComposer(shaper: shaper, document: document)
        let page = document.page
        let stacked = slices.enumerated().reduce(0.0) { $0 + $1.element.height + ($1.offset == 0 ? 0 : $1.element.spaceBefore) }
        let fill = stacked / max(1, 2 * (page.height - page.top - page.bottom))
        let onBack = try sides(document, slices: slices, footer: footer, footerSide: 1)
        if onBack.card != nil { return (onBack.card, onBack.overMM, fill) }
        let onFront = try sides(document, slices: slices, footer: footer, footerSide: 0)
        let chosen = onFront.card != nil ? onFront : onBack
        return (chosen.card, chosen.overMM, fill)
    }

    private func sides(_ document: StyledDocument, slices: [FlowSlice], footer: FooterComposer,
                       footerSide: Int) throws(DiagnosticError) -> (card: PositionedDocument?, overMM: Double) {
        let page = document.page
        let footerHeight = document.footer.details.isEmpty && !document.footer.numbersPages ? 0 : try footer.height() + page.footerGap
        // Each side runs to the bottom margin, less the small print on its side; frames past the
        // back only measure how much is over.
        let frame = { (index: Int) -> Frame in
            Frame(page: index, rect: Rect(x: page.left, y: page.top, width: page.textWidth,
                                          height: page.height - page.bottom - page.top - (index == footerSide || index > 1 ? footerHeight : 0)))
        }
        let placements: [FrameFlow.Placement]
        do throws(DiagnosticError) {
            placements = try FrameFlow.place(slices, in: frame)
        } catch {
            // A block taller than a whole side.
            let tallest = slices.map(\.height).max() ?? 0
            return (nil, max(0, tallest - frame(1).rect.height) * 25.4 / 72)
        }
        let over = placements.filter { $0.frame >= 2 }
        guard over.isEmpty else {
            let points = over.reduce(0.0) { $0 + slices[$1.slice].height + ($1.y > 0 ? slices[$1.slice].spaceBefore : 0) }
            return (nil, points * 25.4 / 72)
        }
        var pages = (0..<2).map { _ in PositionedPage(width: page.width, height: page.height, bleed: page.bleed, items: []) }
        var outline: [OutlineEntry] = []
        pages[0].items = [.open(.document)]
        for placement in placements {
            let rect = frame(placement.frame).rect, slice = slices[placement.slice]
            pages[placement.frame].items += slice.items.map { $0.offsetBy(x: rect.x, y: rect.y + placement.y) }
            outline += slice.outline.map {
                OutlineEntry(level: $0.level, title: $0.title, page: placement.frame, y: rect.y + placement.y + $0.y)
            }
        }
        pages[1].items.append(.close(.document))
        PageAssembly.closeElementsAtPageEnds(&pages)
        if footerHeight > 0 { pages[footerSide].items += try footer.items(page: footerSide + 1, of: 2) }
        return (PositionedDocument(metadata: document.metadata, pages: pages, outline: outline, background: document.background), 0)
    }

    static func formatted(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
