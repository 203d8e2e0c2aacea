import HandbillModel

/// Writes HTML text: every text and attribute value escaped, attributes in the order given and
/// elements closed in the order opened, so the same page always gives the same bytes.
///
/// Block elements start on a line of their own (readable source, no effect on layout); inline
/// elements are written flush, because whitespace between them is text.
public struct HTMLWriter {
    /// An attribute; a nil value leaves the attribute out.
    public typealias Attribute = (name: String, value: String?)

    public private(set) var html = ""
    private var open: [(tag: String, block: Bool)] = []

    public init() {}

    /// Opens `tag`; close it with `end()`.
    public mutating func start(_ tag: String, _ attributes: [Attribute] = [], block: Bool = true) {
        if block { newLine() }
        html += "<" + tag + Self.attributes(attributes) + ">"
        open.append((tag, block))
    }

    /// Closes the element opened last.
    public mutating func end() {
        guard let (tag, block) = open.popLast() else { preconditionFailure("HTMLWriter.end() with no element open") }
        html += "</" + tag + ">"
        if block { html += "\n" }
    }

    /// An element holding only text.
    public mutating func element(_ tag: String, _ attributes: [Attribute] = [], text: String, block: Bool = true) {
        start(tag, attributes, block: block)
        self.text(text)
        end()
    }

    /// An element with no content or end tag (`meta`, `br`).
    public mutating func void(_ tag: String, _ attributes: [Attribute] = [], block: Bool = true) {
        if block { newLine() }
        html += "<" + tag + Self.attributes(attributes) + ">"
        if block { html += "\n" }
    }

    public mutating func text(_ text: String) { html += Self.escape(text) }

    /// Markup Handbill made itself and has checked (a style sheet, a pictogram): written as it is.
    public mutating func trusted(_ markup: String) { html += markup }

    /// The finished page; every element must be closed.
    public func finished() -> String {
        precondition(open.isEmpty, "HTMLWriter: <\(open.map(\.tag).joined(separator: "><"))> left open")
        return html
    }

    /// Text as HTML: `&`, `<`, `>` and both quotes as references, so it is safe in text and in
    /// attribute values alike.
    public static func escape(_ text: String) -> String { XMLText.escaped(text, apostrophes: true) }

    private static func attributes(_ attributes: [Attribute]) -> String {
        attributes.compactMap { name, value in value.map { " \(name)=\"\(escape($0))\"" } }.joined()
    }

    private mutating func newLine() {
        if !html.isEmpty && !html.hasSuffix("\n") { html += "\n" }
    }
}
