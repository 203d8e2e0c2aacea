import CCmark
import HandbillModel

/// Turns the CommonMark body into blocks with the reference parser (cmark-gfm), and checks that it
/// holds only what a leaflet can show: headings without skipped levels, paragraphs, lists, callouts
/// and printable links.
struct MarkdownParser {
    let source: SourceText
    private(set) var problems: [Diagnostic] = []
    /// Level of the last heading; the title counts as level 1.
    private var headingLevel = 1

    init(source: SourceText) { self.source = source }

    /// The body's top-level blocks, each with where it starts.
    mutating func parse() -> [(block: Block, location: SourceLocation)] {
        let bytes = Array(source.body.utf8)
        guard let root = cmark_parse_document(bytes, bytes.count, CMARK_OPT_SOURCEPOS) else {
            problems.append(.error("the body could not be parsed", at: SourceLocation(file: source.file, line: source.bodyFirstLine)))
            return []
        }
        defer { cmark_node_free(root) }
        if let violation = BodyLimitCheck.firstViolation(in: root) {
            error(violation.message, at: violation.node, hint: violation.hint)
            return []
        }
        return children(of: root).compactMap { node in
            block(node, insideCallout: false).map { ($0, location(of: node)) }
        }
    }

    private func location(of node: OpaquePointer) -> SourceLocation {
        SourceLocation(file: source.file, line: source.bodyFirstLine + Int(cmark_node_get_start_line(node)) - 1,
                       column: max(1, Int(cmark_node_get_start_column(node))))
    }

    private mutating func error(_ message: String, at node: OpaquePointer, hint: String? = nil) {
        problems.append(.error(message, at: location(of: node), hint: hint))
    }

    private mutating func blocks(in parent: OpaquePointer, insideCallout: Bool) -> [Block] {
        var result: [Block] = []
        for node in children(of: parent) {
            if let block = block(node, insideCallout: insideCallout) { result.append(block) }
        }
        return result
    }

    private mutating func block(_ node: OpaquePointer, insideCallout: Bool) -> Block? {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            let content = inlines(in: node)
            if insideCallout {
                error("a heading inside a callout (`>`)", at: node, hint: "write the callout as one or two short paragraphs")
            } else if level == 1 {
                error("a level-1 heading in the body", at: node,
                      hint: "the front matter's `title` is the only level-1 heading; start sections with `##`")
            } else if level > headingLevel + 1 {
                error("a level-\(level) heading follows a level-\(headingLevel) heading, skipping level \(headingLevel + 1)",
                      at: node, hint: "use `\(String(repeating: "#", count: headingLevel + 1))` here")
            } else if level > 3 {
                error("a level-\(level) heading", at: node, hint: "leaflets use `##` for sections and `###` inside them")
            }
            headingLevel = level
            if content.plainText.trimmingWhitespace.isEmpty { error("an empty heading", at: node, hint: "write its words after the #s") }
            return .heading(level: level, content: content)
        case CMARK_NODE_PARAGRAPH:
            // A paragraph that starts with a picture is an easy-read point: the picture beside its words.
            if let first = cmark_node_first_child(node), cmark_node_get_type(first) == CMARK_NODE_IMAGE {
                let name = cmark_node_get_url(first).map { String(cString: $0) } ?? ""
                let alt = children(of: first).map(literal).joined().trimmingWhitespace
                if alt.isEmpty {
                    error("a picture without words saying what it shows", at: first,
                          hint: "write them between the brackets: ![A phone](phone)")
                }
                let words = inlines(in: node, skippingFirst: true)
                if words.plainText.trimmingWhitespace.isEmpty {
                    error("a picture with no words beside it", at: node, hint: "write the point after the picture")
                }
                return .point(picture: Picture(name: name, alt: alt), content: words)
            }
            return .paragraph(inlines(in: node))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var items: [[Block]] = []
            for item in children(of: node) {
                let content = blocks(in: item, insideCallout: insideCallout)
                if content.allSatisfy({ $0.plainText.trimmingWhitespace.isEmpty }) {
                    error("an empty list item", at: item, hint: "write the item's words after the bullet, or delete the line")
                }
                items.append(content)
            }
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            if insideCallout {
                error("a callout inside a callout", at: node, hint: "use a single `>`")
                return nil
            }
            let content = blocks(in: node, insideCallout: true)
            if content.isEmpty { error("an empty callout", at: node, hint: "write the key message after the `>`") }
            return .callout(content)
        case CMARK_NODE_CODE_BLOCK:
            error("a code block", at: node, hint: "leaflets have no code; if this is text, remove the indentation or the ``` fence")
        case CMARK_NODE_HTML_BLOCK:
            error("raw HTML", at: node, hint: "write the content in Markdown; HTML is not printed")
        case CMARK_NODE_THEMATIC_BREAK:
            error("a horizontal rule (`---`, `***`)", at: node, hint: "start a new section with a `##` heading instead")
        default:
            error("unsupported Markdown here", at: node)
        }
        return nil
    }

    private mutating func inlines(in parent: OpaquePointer, skippingFirst: Bool = false) -> [Inline] {
        var result: [Inline] = []
        for node in children(of: parent).dropFirst(skippingFirst ? 1 : 0) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                result.append(.text(literal(node)))
            case CMARK_NODE_SOFTBREAK:
                result.append(.text(" "))
            case CMARK_NODE_LINEBREAK:
                result.append(.lineBreak)
            case CMARK_NODE_EMPH:
                result.append(.emphasis(inlines(in: node)))
            case CMARK_NODE_STRONG:
                result.append(.strong(inlines(in: node)))
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let content = inlines(in: node)
                if !LinkRules.isPrintable(url) {
                    error("the link `\(url)` is not a full web address", at: node,
                          hint: "paper cannot follow links: write the whole address, starting https://")
                }
                if content.plainText.trimmingWhitespace.isEmpty {
                    error("a link with no words", at: node, hint: "write what the link is inside the [ ]")
                }
                result.append(.link(url: url, content: content))
            case CMARK_NODE_IMAGE:
                error("a picture inside the text", at: node,
                      hint: "a picture starts its paragraph, as an easy-read point: ![A phone](phone) Call 101.")
            case CMARK_NODE_HTML_INLINE:
                error("raw HTML in the text", at: node, hint: "write it in Markdown; HTML is not printed")
            default:
                error("unsupported Markdown here", at: node)
            }
        }
        let joined = merged(result)
        // The space between a point's picture and its words is not part of the words.
        if skippingFirst, case .text(let first)? = joined.first {
            return [.text(String(first.drop { $0 == " " }))] + joined.dropFirst()
        }
        return joined
    }

    /// Joins neighbouring text pieces, which cmark splits at every special character.
    private func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }
}
