import CCmark

/// Checks the parsed body against `SourceLimits` before it is converted into blocks.
///
/// It walks cmark's tree with cmark's own iterator, without recursion, so a list nested 10,000
/// deep is refused here instead of overflowing the stack of the (recursive) conversion, and
/// 100,000 list items are refused before they cost minutes of layout.
enum BodyLimitCheck {
    struct Violation {
        var node: OpaquePointer
        var message: String
        var hint: String
    }

    static func firstViolation(in root: OpaquePointer) -> Violation? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var lists = 0, inlines = 0, blocks = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let step = event == CMARK_EVENT_ENTER ? 1 : -1
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LIST:
                lists += step
                if lists > SourceLimits.listNesting {
                    return Violation(node: node, message: "lists nested more than \(SourceLimits.listNesting) deep",
                                     hint: "flatten the list: readers lose the thread in deep lists; make a new `##` section instead")
                }
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                inlines += step
                if inlines > SourceLimits.inlineNesting {
                    return Violation(node: node, message: "emphasis and links nested more than \(SourceLimits.inlineNesting) deep",
                                     hint: "remove the extra `*`, `_` or `[ ]`: emphasis is bold, and bold inside bold shows nothing more")
                }
            // Blocks of text; a list item's text is its paragraph, so items are not counted twice.
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                guard step == 1 else { continue }
                blocks += 1
                if blocks > SourceLimits.blocks {
                    return Violation(node: node, message: "more than \(SourceLimits.blocks.grouped) blocks of text (paragraphs, headings, list items); the limit is passed here",
                                     hint: "a guidance file holds one leaflet's text: split it into several guidance folders")
                }
            default:
                continue
            }
        }
        return nil
    }
}
