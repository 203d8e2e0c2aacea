import HandbillModel

/// A document with a product and variant applied: every run of text knows its size, weight and
/// colour, every block its spacing. Layout reads only this; it never looks at the variant.
public struct StyledDocument: Sendable {
    public var metadata: DocumentMetadata
    public var productName: String
    public var variantName: String
    public var page: PageGeometry
    /// Pango family list: the language's font first, then the variant's.
    public var fontFamily: String
    /// Right-to-left languages mirror the whole page.
    public var direction: LanguageStrings.Direction
    public var hyphenate: Bool
    /// Extra space after each letter and each word, times the type size (0 for none).
    public var letterSpacing: Double = 0
    public var wordSpacing: Double = 0
    public var background: Colour
    /// Colour of decoration: the rule under the title.
    public var accent: Colour
    public var title: StyledText
    public var summary: StyledText?
    public var blocks: [StyledBlock]
    public var footer: Footer
    public var strings: LanguageStrings
    /// Where the variant names its font, for a message when the font is missing.
    public var variantFontLocation: SourceLocation? = nil
    /// Where in `blocks` a local edition's contact goes, when the guidance takes local editions.
    public var localHelpIndex: Int? = nil

    /// The tag the text is shaped in: the language's `glyph-forms` (zh-HK for zh-Hant), else its own.
    public var shapingLanguage: String { strings.glyphForms ?? metadata.language }

    /// The running footer: page number, publisher, source and date on every page.
    public struct Footer: Sendable {
        public var style: TextStyle
        public var leading: Double
        /// Everything but the page number, already in words.
        public var details: [Detail]
        /// "Page 1 of 2": not on a one-page poster.
        public var numbersPages = true
        /// Whether the source's address may break after a slash or before a dot, as addresses in
        /// the text do: a poster's footer, where a line of small print is room the advice needs.
        public var addressBreaks = false

        public struct Detail: Sendable {
            public var text: String
            /// An address, kept left to right.
            public var isAddress: Bool

            public init(text: String, isAddress: Bool) {
                self.text = text
                self.isAddress = isAddress
            }
        }
    }
}

/// Page size, margins and columns, in points.
public struct PageGeometry: Equatable, Sendable {
    public var width: Double
    public var height: Double
    public var top: Double, bottom: Double, left: Double, right: Double
    public var columns: Int
    public var gutter: Double
    public var footerGap: Double
    public var bleed: Double

    /// Width of one column of text.
    public var columnWidth: Double {
        (width - left - right - gutter * Double(columns - 1)) / Double(columns)
    }

    /// Width of the text area across all columns.
    public var textWidth: Double { width - left - right }
}

public struct TextStyle: Equatable, Hashable, Sendable {
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var colour: Colour

    public init(size: Double, bold: Bool = false, italic: Bool = false, colour: Colour) {
        self.size = size
        self.bold = bold
        self.italic = italic
        self.colour = colour
    }
}

/// A run of text in one style.
public struct StyledRun: Equatable, Sendable {
    public var text: String
    public var style: TextStyle
    /// The address this run links to.
    public var link: String?
    /// Never split across two lines (phone numbers, addresses, dates in the footer).
    public var unbreakable: Bool
    /// A phone number or web address: left to right in any language, isolated from the text
    /// around it so that right-to-left text cannot reorder its parts.
    public var leftToRight: Bool
    /// Room kept on the line for something drawn on its own (a footer's page number), in place
    /// of any text: the line breaks as if it were there.
    public var room: Room?

    /// A box as wide as what it keeps room for, standing as far above and below the baseline.
    public struct Room: Hashable, Sendable {
        public var width: Double, ascent: Double, descent: Double

        public init(width: Double, ascent: Double, descent: Double) {
            self.width = width
            self.ascent = ascent
            self.descent = descent
        }
    }

    public init(_ text: String, style: TextStyle, link: String? = nil, unbreakable: Bool = false, leftToRight: Bool = false) {
        self.text = text
        self.style = style
        self.link = link
        self.unbreakable = unbreakable || leftToRight
        self.leftToRight = leftToRight
    }

    /// A run that keeps `room` on its line.
    public init(keeping room: Room, style: TextStyle) {
        self.init("\u{FFFC}", style: style, unbreakable: true)
        self.room = room
    }
}

/// A paragraph's worth of runs and its line spacing.
public struct StyledText: Equatable, Sendable {
    public var runs: [StyledRun]
    /// Baseline-to-baseline distance, in points.
    public var lineHeight: Double
    /// Where the text comes from, for messages about it.
    public var source: SourceLocation?
    /// A word too long for the line may break between any two letters (the small print's source
    /// address on a narrow page); otherwise lines break only between words.
    public var breaksInsideWords = false

    public init(runs: [StyledRun], lineHeight: Double, source: SourceLocation? = nil, breaksInsideWords: Bool = false) {
        self.runs = runs
        self.lineHeight = lineHeight
        self.source = source
        self.breaksInsideWords = breaksInsideWords
    }

    public var plainText: String { runs.map(\.text).joined() }
}

/// The structure role a block gets in the tagged PDF.
public enum StructureRole: String, Sendable {
    case document = "Document", h1 = "H1", h2 = "H2", h3 = "H3", paragraph = "P", list = "L", listItem = "LI",
         label = "Lbl", listBody = "LBody", link = "Link", figure = "Figure"
    /// Decoration and running footers: no part of the content. Cairo 1.16 rejects an `Artifact` tag
    /// (and any non-standard name), so they go in the standard `Private` grouping element, which
    /// the finishing stage turns into `/Artifact` marked content.
    case artifact = "Private"
}

public indirect enum StyledBlock: Equatable, Sendable {
    /// A heading (H2, H3) or paragraph (P).
    case text(role: StructureRole, StyledText, spaceBefore: Double)
    case list(items: [StyledListItem], indent: Double, spaceBefore: Double)
    /// The key message: a box with a coloured background and bar on its reading side.
    case callout(blocks: [StyledBlock], background: Colour, bar: Colour, padding: Double, spaceBefore: Double)
    /// Blocks that must stay together on one page (a help service).
    case keepTogether([StyledBlock], spaceBefore: Double)
    /// An easy-read point: a picture (a file, `size` points square) on the reading side of its words,
    /// the row never split.
    case point(picture: String, alt: String, size: Double, text: StyledText, spaceBefore: Double)
    /// QR codes side by side, each with its caption (the service's name and address) under it.
    case qrCodes([QRTarget], size: Double, spaceBefore: Double)
}

/// A web address to print as a QR code, with the words printed under it.
public struct QRTarget: Equatable, Sendable {
    public var url: String
    public var caption: StyledText
    /// What the Figure's Alt says.
    public var alt: String
}

public struct StyledListItem: Equatable, Sendable {
    /// The bullet or number.
    public var label: StyledText
    public var blocks: [StyledBlock]
}

extension StyledBlock {
    /// The block with every text in it marked as coming from `location`.
    func located(at location: SourceLocation?) -> StyledBlock {
        guard let location else { return self }
        func mark(_ text: StyledText) -> StyledText {
            var marked = text
            marked.source = marked.source ?? location
            return marked
        }
        switch self {
        case .text(let role, let text, let spaceBefore):
            return .text(role: role, mark(text), spaceBefore: spaceBefore)
        case .list(let items, let indent, let spaceBefore):
            return .list(items: items.map { StyledListItem(label: mark($0.label), blocks: $0.blocks.map { $0.located(at: location) }) },
                         indent: indent, spaceBefore: spaceBefore)
        case .callout(let blocks, let background, let bar, let padding, let spaceBefore):
            return .callout(blocks: blocks.map { $0.located(at: location) }, background: background, bar: bar,
                            padding: padding, spaceBefore: spaceBefore)
        case .keepTogether(let blocks, let spaceBefore):
            return .keepTogether(blocks.map { $0.located(at: location) }, spaceBefore: spaceBefore)
        case .point(let picture, let alt, let size, let text, let spaceBefore):
            return .point(picture: picture, alt: alt, size: size, text: mark(text), spaceBefore: spaceBefore)
        case .qrCodes:
            return self
        }
    }
}
