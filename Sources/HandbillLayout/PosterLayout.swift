import HandbillModel
import HandbillStyle

/// Fits a poster to its one page: the largest type at which everything fits, never below the
/// floor the product sets for the variant's standard. Text that cannot fit at the floor is an
/// error saying how much is over, never cut off.
public struct PosterLayout {
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) { self.fonts = fonts }

    /// `style(scale, shorter)` gives the poster with the variant's type times `scale`, the author's
    /// shorter text when `shorter`; `floor` is the smallest scale allowed. The full text is tried
    /// first; the shorter only where that does not fit at the floor (and `hasShorter`). Returns the
    /// page, the scale chosen and whether it holds the shorter text.
    public func layout(floor: Double, ceiling: Double = 5, hasShorter: Bool = false,
                       style: (Double, Bool) throws(DiagnosticError) -> StyledDocument)
        throws(DiagnosticError) -> (PositionedDocument, scale: Double, shorter: Bool) {
        let layout = DocumentLayout(fonts: fonts)
        var shorter = false
        var smallest = try layout.layout(try style(floor, false))
        if smallest.pages.count > 1 && hasShorter {
            let full = Self.overflow(smallest)
            shorter = true
            smallest = try layout.layout(try style(floor, true))
            guard smallest.pages.count == 1 else {
                let over = Self.overflow(smallest)
                throw DiagnosticError(.error(
                    "the poster's text does not fit: at the smallest type allowed it runs \(Int(full.rounded())) mm past the page, and the shorter text (`poster: if-too-long:`) \(Int(over.rounded())) mm",
                    hint: "shorten the shorter poster text further (fewer `items:` or `sections:` under `if-too-long:` in the guidance's front matter) or use a larger poster (poster-a3, poster-a2)"))
            }
        }
        guard smallest.pages.count == 1 else {
            let over = Self.overflow(smallest)
            throw DiagnosticError(.error(
                "the poster's text does not fit: at the smallest type allowed it runs \(Int(over.rounded())) mm past the page",
                hint: "shorten the poster text (the sections named under `poster:` in the guidance's front matter, or a shorter one under `poster: if-too-long:` for the sizes it does not fit) or use a larger poster (poster-a3, poster-a2)"))
        }
        // The largest scale that still fits on one page, to a hundredth.
        let fitted = FitSearch.largest(from: floor, giving: smallest, below: ceiling, tolerance: 0.01) { scale throws(DiagnosticError) in
            let attempt = try layout.layout(try style(scale, shorter))
            return attempt.pages.count == 1 ? attempt : nil
        }
        return (fitted.0, fitted.1, shorter)
    }

    /// How far the content reaches past the first page, in millimetres (running footers aside).
    static func overflow(_ document: PositionedDocument) -> Double {
        var points = 0.0
        for page in document.pages.dropFirst() {
            var decoration = 0, top = Double.infinity, bottom = 0.0
            for item in page.items {
                switch item {
                case .open(.artifact): decoration += 1
                case .close(.artifact): decoration -= 1
                case .line(let line) where decoration == 0:
                    top = min(top, line.bounds.y)
                    bottom = max(bottom, line.bounds.maxY)
                default: break
                }
            }
            if bottom > top { points += bottom - top }
        }
        return points * 25.4 / 72
    }
}
