import HandbillModel

/// A variant (standard, large print, …) as `Layouts/variants/<name>.yaml` defines it: the type,
/// spacing and colours a document is set in.
public struct Variant: Equatable, Sendable, Decodable {
    public struct Sizes: Equatable, Sendable, Decodable {
        public var body: Double, lead: Double, title: Double, h2: Double, h3: Double, footer: Double, phone: Double

        func scaled(by factor: Double) -> Sizes {
            Sizes(body: body * factor, lead: lead * factor, title: title * factor, h2: h2 * factor, h3: h3 * factor,
                  footer: footer * factor, phone: phone * factor)
        }

        /// Every size with its name, for rules that look at all text.
        public var all: [(name: String, points: Double)] {
            [("body", body), ("lead", lead), ("title", title), ("h2", h2), ("h3", h3), ("footer", footer), ("phone", phone)]
        }
    }

    public struct Colours: Equatable, Sendable, Decodable {
        public var text: Colour, background: Colour, heading: Colour, link: Colour, accent: Colour
        public var calloutText: Colour, calloutBackground: Colour, footer: Colour

        enum CodingKeys: String, CodingKey {
            case text, background, heading, link, accent, calloutText = "callout-text",
                 calloutBackground = "callout-background", footer
        }
    }

    public enum Alignment: String, Sendable, Decodable { case left, justify }
    public enum Emphasis: String, Sendable, Decodable { case bold, italic }

    public var name: String
    public var title: String
    /// The published rule set this variant claims to meet (see `PrintStandard`).
    public var standard: PrintStandard
    public var font: String
    /// Overrides the product's column count (large print asks for one).
    public var columns: Int?
    public var sizes: Sizes
    public var leading: Double
    public var paragraphSpace: Double
    public var listIndent: Double
    public var align: Alignment
    public var hyphenate: Bool
    public var emphasis: Emphasis
    public var colours: Colours
    /// Where the file names its font, for a message when the font is not in `Fonts/` (set by
    /// `LayoutLibrary`, not read from the file).
    public var fontLocation: SourceLocation?
    /// The edition of the guidance this variant sets: a subfolder of the guidance folder
    /// (`easy-read`), whose text is written for it; nil for the guidance itself.
    public var source: String?
    /// Size of an easy-read point's picture.
    public var pictureMM: Double?
    /// Extra space after every letter, and after every word, times the type size (dyslexia friendly).
    public var letterSpacing: Double?
    public var wordSpacing: Double?

    enum CodingKeys: String, CodingKey {
        case name, title, standard, font, columns, sizes = "sizes-pt", leading, paragraphSpace = "paragraph-space",
             listIndent = "list-indent", align, hyphenate, emphasis, colours, pictureMM = "picture-mm",
             letterSpacing = "letter-spacing", wordSpacing = "word-spacing", source
    }

    /// Largest type size a variant may ask for: a poster's headline, with room to spare.
    static let maximumSize = 500.0

    /// What makes a variant impossible to set, whatever standard it claims to meet: numbers that
    /// are not numbers (`.nan`, `.inf` are YAML), or out of all proportion.
    public func problems() -> [String] {
        var problems: [String] = []
        for (name, size) in sizes.all where !(size > 0 && size <= Self.maximumSize) {
            problems.append("`sizes-pt.\(name)` is \(size); type sizes are from 0 to \(Int(Self.maximumSize))pt")
        }
        if !(1...3).contains(leading) { problems.append("`leading` is \(leading); line spacing is 1 to 3 times the type size") }
        if !(0...5).contains(paragraphSpace) { problems.append("`paragraph-space` is \(paragraphSpace); it is 0 to 5 times the body size") }
        if !(0...10).contains(listIndent) { problems.append("`list-indent` is \(listIndent); it is 0 to 10 times the body size") }
        if let columns, !(1...4).contains(columns) { problems.append("`columns` must be 1 to 4") }
        if let pictureMM, !(5...200).contains(pictureMM) { problems.append("`picture-mm` is \(pictureMM); a picture is 5 to 200 mm wide") }
        if let letterSpacing, !(0...1).contains(letterSpacing) {
            problems.append("`letter-spacing` is \(letterSpacing); it is 0 to 1 times the type size")
        }
        if let wordSpacing, !(0...2).contains(wordSpacing) { problems.append("`word-spacing` is \(wordSpacing); it is 0 to 2 times the type size") }
        if font.allSatisfy(\.isWhitespace) { problems.append("`font` is empty; name a font family in Fonts/, e.g. Noto Sans") }
        return problems
    }

    /// Text and background pairs a reader must be able to tell apart.
    public var textColourPairs: [(name: String, text: Colour, background: Colour)] {
        [("text", colours.text, colours.background), ("heading", colours.heading, colours.background),
         ("link", colours.link, colours.background), ("footer", colours.footer, colours.background),
         ("callout-text", colours.calloutText, colours.calloutBackground),
         ("link in callout", colours.link, colours.calloutBackground)]
    }
}
