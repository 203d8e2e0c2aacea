import HandbillModel
import HandbillStyle

/// Shapes the label under a poster tile ("Tile 2 of 8 · row 1, column 2 · …") as decoration: an
/// artifact, small, in the poster's script, wrapping when the window is narrow.
public struct TileLabeller {
    let shaper: TextShaper
    let style: TextStyle

    /// `family` is the poster's (its script's font first); the words are in `language`, shaped
    /// as `shapingLanguage` when given (its `glyph-forms`).
    public init(fonts: FontLibrary, family: String, language: String, shapingLanguage: String? = nil, rightToLeft: Bool, size: Double) {
        shaper = TextShaper(fonts: fonts, family: family, language: language, shapingLanguage: shapingLanguage,
                            hyphenate: false, rightToLeft: rightToLeft)
        style = TextStyle(size: size, colour: Colour(red: 0, green: 0, blue: 0))
    }

    /// The label's items, from its top-left corner, and its height. Call with the fonts to yourself.
    public func label(_ text: String, width: Double) throws(DiagnosticError) -> (items: [PositionedItem], height: Double) {
        let styled = StyledText(runs: [StyledRun(text, style: style)], lineHeight: style.size * 1.2)
        let block = FlowSlice.merged(try BlockComposer(shaper: shaper).lines(of: styled, role: .artifact, width: width, spaceBefore: 0))
        return (block.items, block.height)
    }
}
