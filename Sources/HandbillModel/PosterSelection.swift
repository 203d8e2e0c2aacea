/// A shorter poster the guidance's author chose (`poster: if-too-long:`), printed where the full
/// poster does not fit at the floor of its size and variant: the engine never shortens advice on
/// its own. The key message and the help line stay on every poster, and the QR codes of the
/// services it names (`links:`, fewer only where the author says so).
public struct PosterSelection: Equatable, Sendable {
    /// Headings (`##`) of the sections whose advice is printed.
    public var sections: [String]
    /// The points kept, by their bold first words (“Don’t pay.”) as the source has them; nil keeps
    /// every point of those sections.
    public var items: [String]?
    /// The services whose QR codes are printed, by name; nil keeps the poster's own `links:`.
    public var links: [String]?

    public init(sections: [String], items: [String]? = nil, links: [String]? = nil) {
        self.sections = sections
        self.items = items
        self.links = links
    }

    /// Whether a point with this bold lead is kept. Quotes and apostrophes are compared loosely
    /// (typed ' and typeset ’ are the same point to the author).
    public func keeps(lead: String) -> Bool {
        guard let items else { return true }
        let wanted = Self.normalised(lead)
        return items.contains { Self.normalised($0) == wanted }
    }

    static func normalised(_ text: String) -> String {
        String(text.map { "’‘`".contains($0) ? "'" : "“”".contains($0) ? "\"" : $0 })
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension PosterSelection {
    /// The bold first words of a list item (“Don’t pay.”), which a poster prints and `items:` names.
    public static func lead(of item: [Block]) -> [Inline]? {
        guard case .paragraph(let inlines)? = item.first, case .strong(let lead)? = inlines.first else { return nil }
        return lead
    }

    /// The bold first words of an easy-read pictured point (“Do not pay.”), nil for a point that
    /// starts with plain words.
    public static func lead(ofPoint content: [Inline]) -> [Inline]? {
        guard case .strong(let lead)? = content.first else { return nil }
        return lead
    }

    /// The leads of every point in `blocks` (list items and pictured points), in order: a
    /// translation's n-th is the source's n-th.
    public static func leads(in blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .list(_, _, let items): items.compactMap { lead(of: $0)?.plainText }
            case .point(_, let content): lead(ofPoint: content).map { [$0.plainText] } ?? []
            default: []
            }
        }
    }

    /// The index among `leads` of the point named `name`, compared as `keeps` does.
    public static func index(of name: String, in leads: [String]) -> Int? {
        let wanted = normalised(name)
        return leads.firstIndex { normalised($0) == wanted }
    }
}
