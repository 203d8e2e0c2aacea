import HandbillModel

/// What the finishing stage writes into a PDF besides what Cairo wrote.
public struct FinishOptions: Sendable {
    /// BCP 47 tag for the catalog's /Lang and the XMP's dc:language.
    public var language: String
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    /// The program that made the document ("Handbill 0.1.0").
    public var creator: String
    public var producer: String
    /// ISO 8601 with time zone, e.g. `2026-11-25T00:00:00Z`: an input, never the clock.
    public var date: String
    /// Per page, in PDF points from the page's bottom-left corner.
    public var pageBoxes: [PageBoxes]
    /// What each link is, in words, by address (becomes the annotation's /Contents).
    public var linkDescriptions: [String: String]
    /// Alt, Lang and ActualText by structure element number, in the tree's pre-order.
    public var elementAttributes: [Int: StructureAttributes]
    /// For pages drawn out of reading order (an imposed booklet): the reading position of each
    /// element directly under the document, in the order they were drawn. Nil: drawn in order.
    public var readingOrder: [Int]? = nil
    /// Crop, cut and fold marks for each page, in points from its top-left corner.
    public var marks: [[PrintMark]] = []
    /// The text reads right to left: viewers are told to show two-page spreads from the right.
    public var rightToLeft = false

    public init(language: String, title: String, author: String, subject: String, keywords: [String],
                creator: String, producer: String, date: String, pageBoxes: [PageBoxes],
                linkDescriptions: [String: String], elementAttributes: [Int: StructureAttributes] = [:], marks: [[PrintMark]] = []) {
        self.language = language
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.producer = producer
        self.date = date
        self.pageBoxes = pageBoxes
        self.linkDescriptions = linkDescriptions
        self.elementAttributes = elementAttributes
        self.marks = marks
    }
}

/// A page's finished size and its bleed, as `[x0 y0 x1 y1]` rectangles.
public struct PageBoxes: Equatable, Sendable {
    public var trim: [Double]
    public var bleed: [Double]

    public init(trim: [Double], bleed: [Double]) {
        self.trim = trim
        self.bleed = bleed
    }
}
