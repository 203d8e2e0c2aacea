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
    /// not the full one, how many millimetres the full text was over at the floor (for the build's note).
    public func layout(floor: Double, ceiling: Double = 5, texts: Int = 1,
                       style: (Double, Int) throws(DiagnosticError) -> StyledDocument)
        throws(DiagnosticError) -> (PositionedDocument, scale: Double, text: Int, fullOverMM: Double?) {
        let layout = DocumentLayout(fonts: fonts)
        // How far each text is over is measured (a dozen layouts) only where it is said: the full
        // text's, in the build's note; the others', only in the error when none fits.
        var fullOver: Double?
        var over: [StyledDocument] = []
        for text in 0..<max(1, texts) {
            let styled = try style(floor, text)
            let smallest = try layout.layout(styled)
            guard smallest.pages.count == 1 else {
                if text == 0 { fullOver = Self.shortfall(styled, layout: layout) }
                over.append(styled)
                continue
            }
            // The largest scale that still fits on one page, to a hundredth.
            let fitted = FitSearch.largest(from: floor, giving: smallest, below: ceiling, tolerance: 0.01) { scale throws(DiagnosticError) in
                let attempt = try layout.layout(try style(scale, text))
                return attempt.pages.count == 1 ? attempt : nil
            }
            return (fitted.0, fitted.1, text, fullOver)
        }
        let overs = over.enumerated().map { $0.offset == 0 ? fullOver! : Self.shortfall($0.element, layout: layout) }
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
    /// counts by what it lacks, not by its whole height.)
    static func shortfall(_ styled: StyledDocument, layout: DocumentLayout) -> Double {
        func fits(_ extra: Double) -> Bool {
            var taller = styled
            taller.page.height += extra
            return ((try? layout.layout(taller))?.pages.count ?? 2) == 1
        }
        var low = 0.0, high = styled.page.height
        while !fits(high) {
            guard high < 16 * styled.page.height else { return high * 25.4 / 72 }
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
