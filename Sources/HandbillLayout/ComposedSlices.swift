import HandbillModel
import HandbillStyle

/// Blocks already composed while a product is fitted. Posters, tri-folds and wallet cards are
/// laid out again at every size tried, and a tri-fold's choices at its floor share most of their
/// blocks (the cover, the sections they keep, the services), so a block is shaped once per width.
///
/// Keyed on the block itself, compared whole (every run's text and style, every spacing) and the
/// width it is set at. Safe because composing is pure for one shaper: the cache belongs to the
/// shaper settings it was first used with (fonts, family, language, direction, hyphenation,
/// spacing) and empties itself when asked with others. A QR-code row is kept without the gap
/// above it, which only sets its slice's `spaceBefore`: its codes and captions do not grow with
/// the type, so it is composed once per document whatever the scale. Bounded: it empties itself
/// past `limit` blocks (each holds its Pango layouts).
public final class ComposedSlices: @unchecked Sendable {
    private var slices: [Key: [FlowSlice]] = [:]
    private var settings: Settings?
    let limit: Int

    public init(limit: Int = 4000) { self.limit = limit }

    /// What shaping depends on besides the block.
    private struct Settings: Equatable {
        var fonts: ObjectIdentifier
        var family, language: String
        var hyphenate, rightToLeft: Bool
        var letterSpacing, wordSpacing: Double

        init(_ shaper: TextShaper) {
            fonts = ObjectIdentifier(shaper.fonts)
            family = shaper.family
            language = shaper.shapingLanguage
            hyphenate = shaper.hyphenate
            rightToLeft = shaper.rightToLeft
            letterSpacing = shaper.letterSpacing
            wordSpacing = shaper.wordSpacing
        }
    }

    private struct Key: Hashable {
        var block: StyledBlock
        var width: Double

        func hash(into hasher: inout Hasher) {
            hasher.combine(width)
            Self.hash(block, into: &hasher)
        }

        static func hash(_ block: StyledBlock, into hasher: inout Hasher) {
            switch block {
            case .text(let role, let text, let spaceBefore):
                hasher.combine(role.rawValue); hash(text, into: &hasher); hasher.combine(spaceBefore)
            case .list(let items, let indent, let spaceBefore):
                hasher.combine(items.count); hasher.combine(indent); hasher.combine(spaceBefore)
                for item in items {
                    hash(item.label, into: &hasher)
                    for inner in item.blocks { hash(inner, into: &hasher) }
                }
            case .callout(let blocks, _, _, let padding, let spaceBefore):
                hasher.combine(padding); hasher.combine(spaceBefore)
                for inner in blocks { hash(inner, into: &hasher) }
            case .keepTogether(let blocks, let spaceBefore):
                hasher.combine(spaceBefore)
                for inner in blocks { hash(inner, into: &hasher) }
            case .point(let picture, _, let size, let text, let spaceBefore):
                hasher.combine(picture); hasher.combine(size); hash(text, into: &hasher); hasher.combine(spaceBefore)
            case .qrCodes(let targets, let size, let spaceBefore):
                hasher.combine(size); hasher.combine(spaceBefore)
                for target in targets { hasher.combine(target.url); hash(target.caption, into: &hasher) }
            }
        }

        static func hash(_ text: StyledText, into hasher: inout Hasher) {
            hasher.combine(text.lineHeight)
            for run in text.runs { hasher.combine(run.text); hasher.combine(run.style) }
        }
    }

    /// The slices of `block` at `width`, composed by `compose` the first time only.
    func slices(of block: StyledBlock, width: Double, shaper: TextShaper,
                compose: () throws(DiagnosticError) -> [FlowSlice]) throws(DiagnosticError) -> [FlowSlice] {
        let settings = Settings(shaper)
        if settings != self.settings || slices.count >= limit {
            slices = [:]
            self.settings = settings
        }
        var key = Key(block: block, width: width), gap: Double?
        if case .qrCodes(let targets, let size, let spaceBefore) = block, !targets.isEmpty {
            key.block = .qrCodes(targets, size: size, spaceBefore: 0)
            gap = spaceBefore
        }
        var found: [FlowSlice]
        if let known = slices[key] {
            found = known
        } else {
            found = try compose()
            slices[key] = found
        }
        if let gap, !found.isEmpty { found[0].spaceBefore = gap }
        return found
    }
}
