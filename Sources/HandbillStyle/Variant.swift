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

    enum CodingKeys: String, CodingKey {
        case name, title, standard, font, columns, sizes = "sizes-pt", leading, paragraphSpace = "paragraph-space",
             listIndent = "list-indent", align, hyphenate, emphasis, colours
    }

    /// Text and background pairs a reader must be able to tell apart.
    public var textColourPairs: [(name: String, text: Colour, background: Colour)] {
        [("text", colours.text, colours.background), ("heading", colours.heading, colours.background),
         ("link", colours.link, colours.background), ("footer", colours.footer, colours.background),
         ("callout-text", colours.calloutText, colours.calloutBackground),
         ("link in callout", colours.link, colours.calloutBackground)]
    }
}
