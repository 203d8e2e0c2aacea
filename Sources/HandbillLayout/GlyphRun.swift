import CPangoCairo

/// A run of glyphs in one font and style, positioned, ready for Cairo to draw.
public struct GlyphRun {
    /// Pango's glyph item, which `pango_cairo_show_glyph_item` draws.
    public let item: UnsafeMutablePointer<PangoGlyphItem>
    /// The paragraph's text the item indexes into (for the PDF's ToUnicode and ActualText).
    public let text: UnsafePointer<CChar>
    public let x: Double
    public let baseline: Double
    public let span: ShapedText.Span?
}
