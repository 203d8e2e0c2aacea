/// What a translation says about itself.
public struct Translation: Equatable, Sendable {
    public enum Status: String, Sendable, CaseIterable { case reviewed, unreviewed }

    public var status: Status
    /// Fingerprint (`fnv1a64:…`) of the source file it was translated from.
    public var translatedFrom: String

    public init(status: Status, translatedFrom: String) {
        self.status = status
        self.translatedFrom = translatedFrom
    }
}

/// A piece of guidance as Handbill understands it: what the source says, before any product,
/// variant or language decides how it looks.
public struct Document: Equatable, Sendable {
    public var metadata: DocumentMetadata
    /// The body, in reading order.
    public var blocks: [Block]
    /// Where each of `blocks` starts in the source, for messages about it.
    public var blockLocations: [SourceLocation]
    /// Heading of the help-services block ("Where to get help").
    public var servicesTitle: String
    public var services: [HelpService]
    /// What goes on a poster, when the guidance says.
    public var poster: PosterContent?
    /// Where a local edition's contact goes, and its words, when the guidance takes local editions.
    public var localHelp: LocalHelp? = nil
    /// What goes in a tri-fold leaflet, when the guidance says (otherwise everything).
    public var trifold: TrifoldContent? = nil

    public init(metadata: DocumentMetadata, blocks: [Block], blockLocations: [SourceLocation] = [],
                servicesTitle: String, services: [HelpService], poster: PosterContent? = nil) {
        self.poster = poster
        self.metadata = metadata
        self.blocks = blocks
        self.blockLocations = blockLocations
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
    /// For a translation: whether a human translator has checked it.
    public var translation: Translation?

    public init(title: String, summary: String?, language: String, publisher: String, source: String,
                date: String, keywords: [String], translation: Translation? = nil) {
        self.translation = translation
        self.title = title
        self.summary = summary
        self.language = language
        self.publisher = publisher
        self.source = source
        self.date = date
        self.keywords = keywords
    }
}

/// The parts of a guidance that go on a poster: the key message (its callouts), the sections named
/// here, the help line of one service in large type, and a QR code for each service with an address.
public struct PosterContent: Equatable, Sendable {
    /// Headings of the sections whose advice is printed.
    public var sections: [String]
    /// The service whose phone number is the poster's help line.
    public var call: String?
    /// The services whose QR codes are printed; nil for every service with a web address.
    public var links: [String]?
    /// The author's shorter posters, each shorter than the one before, for sizes and variants
    /// where this one does not fit: the first that fits is printed.
    public var ifTooLong: [PosterSelection]
    /// Where the source's `poster:` is, for errors about what it names.
    public var location: SourceLocation?

    public init(sections: [String], call: String?, links: [String]? = nil, ifTooLong: [PosterSelection] = [], location: SourceLocation? = nil) {
        self.sections = sections
        self.call = call
        self.links = links
        self.ifTooLong = ifTooLong
        self.location = location
    }

    /// The texts a poster may print, in the order tried: the full one (every point of the named
    /// sections), then the author's shorter ones.
    public var texts: [PosterSelection] { [PosterSelection(sections: sections, links: links)] + ifTooLong }
}
