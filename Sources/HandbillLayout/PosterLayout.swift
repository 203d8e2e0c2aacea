import HandbillModel
import HandbillStyle

/// Fits a poster to its one page: the largest type at which everything fits, never below the
/// floor the product sets for the variant's standard. Text that cannot fit at the floor is an
/// error saying how much is over, never cut off.
public struct PosterLayout {
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) { self.fonts = fonts }

    /// `style(scale, text)` gives the poster with the variant's type times `scale`, holding its
    /// `text`-th text: 0 the full one, then the author's shorter ones (`texts` in all); `floor` is
    /// the smallest scale allowed. The first text that fits at the floor is fitted: the engine never
    /// shortens a text itself. Returns the page, the scale chosen, the text it holds and, when that is
    /// not the full one, how many millimetres the full text was over at the floor (for the build's note),
    /// and where the fit ended (`start`). A local edition's fit starts where a similar one's ended
    /// (`start`), below the smallest scale its national poster's text did not fit at (`national`:
    /// an edition only adds), with blocks composed before (`reuse`).
    public func layout(floor: Double, ceiling: Double = 5, texts: Int = 1, start: FitStart? = nil, national: FitStart? = nil,
                       reuse: ComposedSlices = ComposedSlices(), style: (Double, Int) throws(DiagnosticError) -> StyledDocument)
        throws(DiagnosticError) -> (PositionedDocument, scale: Double, text: Int, fullOverMM: Double?, start: FitStart) {
        var footers = PosterPage.FooterHeights()
        // How far a text is over is worked out from its layout at the floor, without laying it out
        // again: the full text's for the build's note; the others' only in the error when none fits.
        var fullOver: Double?
        var over: [PosterPage] = []
        for text in 0..<max(1, texts) {
            var below = min(ceiling, national.flatMap { $0.text == text ? $0.failsAt : nil } ?? ceiling)
            if let start, start.text == text, start.scale < below {
                if let near = try? PosterPage(try style(start.scale, text), fonts: fonts, reuse: reuse, footers: &footers), near.fits {
                    let fitted = FitSearch.largest(from: start.scale, giving: near, fill: near.fill, below: below,
                                                   first: start.failsAt, tolerance: 0.01) { scale throws(DiagnosticError) in
                        let attempt = try PosterPage(try style(scale, text), fonts: fonts, reuse: reuse, footers: &footers)
                        return FitSearch.Attempt(attempt.fits ? attempt : nil, fill: attempt.fill)
                    }
                    return (try fitted.0.positioned(), fitted.1, text, fullOver, FitStart(text: text, scale: fitted.1, failsAt: fitted.failsAt))
                }
                below = start.scale
            }
            let smallest = try PosterPage(try style(floor, text), fonts: fonts, reuse: reuse, footers: &footers)
            guard smallest.fits else {
                try smallest.refuseSliceTallerThanPage()
                if text == 0 { fullOver = smallest.shortfall() }
                over.append(smallest)
                continue
            }
            // The largest scale that still fits on one page, to a hundredth.
            let fitted = FitSearch.largest(from: floor, giving: smallest, fill: smallest.fill, below: below,
                                           tolerance: 0.01) { scale throws(DiagnosticError) in
                let attempt = try PosterPage(try style(scale, text), fonts: fonts, reuse: reuse, footers: &footers)
                return FitSearch.Attempt(attempt.fits ? attempt : nil, fill: attempt.fill)
            }
            return (try fitted.0.positioned(), fitted.1, text, fullOver, FitStart(text: text, scale: fitted.1, failsAt: fitted.failsAt))
        }
        let overs = over.enumerated().map { $0.offset == 0 ? fullOver! : $0.element.shortfall() }
        let mm = overs.map { "\(Int($0.rounded())) mm" }
        throw DiagnosticError(.error(
            overs.count == 1
                ? "the poster's text does not fit: at the smallest type allowed it runs \(mm[0]) past the page"
                : "the poster's text does not fit: at the smallest type allowed it runs \(mm[0]) past the page, and its shorter texts (`poster: if-too-long:`) \(mm.dropFirst().joined(separator: ", "))",
            hint: overs.count == 1
                ? "shorten the poster text (the sections named under `poster:` in the guidance's front matter, or give a shorter one under `poster: if-too-long:` for the sizes it does not fit) or use a larger poster (poster-a3, poster-a2)"
                : "shorten the last text under `poster: if-too-long:` in the guidance's front matter (fewer `items:` or `sections:`) or use a larger poster (poster-a3, poster-a2)"))
    }

    /// How much taller the page would have to be for everything to fit, in millimetres (to half
    /// a millimetre): what is over, honestly. (A row of QR codes that moved whole to a second page
    /// counts by what it lacks, not by its whole height.) `fits(extra)` says whether it fits on a
    /// page `extra` points taller.
    static func shortfall(pageHeight: Double, fits: (Double) -> Bool) -> Double {
        var low = 0.0, high = pageHeight
        while !fits(high) {
            guard high < 16 * pageHeight else { return high * 25.4 / 72 }
            low = high
            high *= 2
        }
        while high - low > points(mm: 0.5) {
            let middle = (low + high) / 2
            if fits(middle) { high = middle } else { low = middle }
        }
        return high * 25.4 / 72
    }
}
