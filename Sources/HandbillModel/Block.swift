/// A block of the body, as CommonMark gives it, limited to what a leaflet needs.
public indirect enum Block: Equatable, Sendable {
    /// A section heading; level 2 or 3 (the title is the document's only level 1).
    case heading(level: Int, content: [Inline])
    case paragraph([Inline])
    /// A bullet (`ordered == false`) or numbered list; each item is a list of blocks.
    case list(ordered: Bool, start: Int, items: [[Block]])
    /// The key message, shown highlighted (written as a block quote in the source).
    case callout([Block])
    /// An easy-read point: a picture beside its words (a paragraph that starts with a picture).
    case point(picture: Picture, content: [Inline])
}

/// A picture from `Layouts/pictograms`, with what it shows in words.
public struct Picture: Equatable, Sendable {
    /// The pictogram's name (its file is `<name>.svg`).
    public var name: String
    /// What the picture shows, read out in its place.
    public var alt: String

    public init(name: String, alt: String) {
        self.name = name
        self.alt = alt
    }
}

/// Text inside a block.
public indirect enum Inline: Equatable, Sendable {
    case text(String)
    /// Emphasis the author asked for; variants decide how it looks (never italic in large print).
    case emphasis([Inline])
    case strong([Inline])
    case link(url: String, content: [Inline])
    /// A line break the author asked for.
    case lineBreak
}

extension Inline {
    /// The words of this inline, with breaks as spaces.
    public var plainText: String {
        switch self {
        case .text(let text): text
        case .emphasis(let content), .strong(let content), .link(_, let content): content.plainText
        case .lineBreak: " "
        }
    }
}

extension Array where Element == Inline {
    public var plainText: String { map(\.plainText).joined() }
}

extension Block {
    /// The words of this block, for tests and metadata.
    public var plainText: String {
        switch self {
        case .heading(_, let content), .paragraph(let content), .point(_, let content): content.plainText
        case .list(_, _, let items): items.map { $0.map(\.plainText).joined(separator: " ") }.joined(separator: " ")
        case .callout(let blocks): blocks.map(\.plainText).joined(separator: " ")
        }
    }
}
