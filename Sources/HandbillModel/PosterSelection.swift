/// A shorter poster the guidance's author chose (`poster: if-too-long:`), printed where the full
/// poster does not fit at the floor of its size and variant: the engine never shortens advice on
/// its own. The key message, the help line and the QR codes stay on every poster.
public struct PosterSelection: Equatable, Sendable {
    /// Headings (`##`) of the sections whose advice is printed.
    public var sections: [String]
    /// The points kept, by their bold first words (“Don’t pay.”) as the source has them; nil keeps
    /// every point of those sections.
    public var items: [String]?

    public init(sections: [String], items: [String]? = nil) {
        self.sections = sections
        self.items = items
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

    /// The leads of every point in `blocks`, in order: a translation's n-th is the source's n-th.
    public static func leads(in blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            guard case .list(_, _, let items) = block else { return [] }
            return items.compactMap { lead(of: $0)?.plainText }
        }
    }

    /// The index among `leads` of the point named `name`, compared as `keeps` does.
    public static func index(of name: String, in leads: [String]) -> Int? {
        let wanted = normalised(name)
        return leads.firstIndex { normalised($0) == wanted }
    }
}
