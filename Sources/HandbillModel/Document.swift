/// A piece of guidance as Handbill understands it: what the source says, before any product,
/// variant or language decides how it looks.
public struct Document: Equatable, Sendable {
    public var metadata: DocumentMetadata
    /// The body, in reading order.
    public var blocks: [Block]
    /// Heading of the help-services block ("Where to get help").
    public var servicesTitle: String
    public var services: [HelpService]

    public init(metadata: DocumentMetadata, blocks: [Block], servicesTitle: String, services: [HelpService]) {
        self.metadata = metadata
        self.blocks = blocks
        self.servicesTitle = servicesTitle
        self.services = services
    }
}

/// What the front matter says about the document as a whole.
public struct DocumentMetadata: Equatable, Sendable {
    public var title: String
    public var summary: String?
    /// BCP 47 language tag, e.g. `en`, `pl`, `zh-Hant`.
    public var language: String
    public var publisher: String
    /// Address of the page the guidance was taken from.
    public var source: String
    /// Date of this version of the guidance, `YYYY-MM-DD`.
    public var date: String
    public var keywords: [String]

    public init(title: String, summary: String?, language: String, publisher: String, source: String,
                date: String, keywords: [String]) {
        self.title = title
        self.summary = summary
        self.language = language
        self.publisher = publisher
        self.source = source
        self.date = date
        self.keywords = keywords
    }
}
