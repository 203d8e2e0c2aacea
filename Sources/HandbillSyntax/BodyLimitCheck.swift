import CCmark

/// Checks the parsed body against `SourceLimits` before it is converted into blocks.
///
/// It walks cmark's tree with cmark's own iterator, without recursion, so a list nested 10,000
/// deep is refused here instead of overflowing the stack of the (recursive) conversion, and
/// 100,000 list items or a paragraph of 10,000 line breaks are refused before they cost minutes
/// of layout (line breaking takes time growing with the square of a paragraph's breaks and runs).
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
        /// The paragraph or heading being walked, and what it holds so far.
        var block: OpaquePointer?, characters = 0, runs = 0, lineBreaks = 0, isHeading = false
        /// The callout being walked, and its characters so far.
        var callout: OpaquePointer?, calloutCharacters = 0
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
                guard step == 1, let block else { continue }
                runs += 1
                if runs > SourceLimits.runsPerParagraph {
                    return Violation(node: block, message: "more than \(SourceLimits.runsPerParagraph) pieces of emphasis and links in one paragraph",
                                     hint: "a paragraph with this much bold says nothing louder: keep the bold for the key words, or split the paragraph")
                }
            case CMARK_NODE_LINEBREAK:
                guard let block else { continue }
                lineBreaks += 1
                if lineBreaks > SourceLimits.lineBreaksPerParagraph {
                    return Violation(node: block, message: "more than \(SourceLimits.lineBreaksPerParagraph) line breaks in one paragraph",
                                     hint: "separate paragraphs with an empty line, or make the lines a list")
                }
            case CMARK_NODE_BLOCK_QUOTE:
                if step == 1 && callout == nil {
                    (callout, calloutCharacters) = (node, 0)
                } else if step == -1 && callout == node {
                    callout = nil
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                guard let block else { continue }
                let count = scalarCount(cmark_node_get_literal(node))
                characters += count
                calloutCharacters += count
                if let callout, calloutCharacters > SourceLimits.calloutCharacters {
                    return Violation(node: callout, message: "a callout of more than \(SourceLimits.calloutCharacters) characters",
                                     hint: "a callout is the key message, printed in one box that never breaks across pages: keep it to a sentence or two and move the rest below it")
                }
                if isHeading && characters > SourceLimits.headingCharacters {
                    return Violation(node: block, message: "a heading of more than \(SourceLimits.headingCharacters) characters",
                                     hint: "shorten it to a line or two and put the rest in a paragraph below it")
                }
                if characters > SourceLimits.paragraphCharacters {
                    return Violation(node: block, message: "a paragraph of more than \(SourceLimits.paragraphCharacters.grouped) characters",
                                     hint: "split it into paragraphs (an empty line between them): one idea each is easier to read")
                }
            // Blocks of text; a list item's text is its paragraph, so items are not counted twice.
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                guard step == 1 else { block = nil; continue }
                blocks += 1
                if blocks > SourceLimits.blocks {
                    return Violation(node: node, message: "more than \(SourceLimits.blocks.grouped) blocks of text (paragraphs, headings, list items); the limit is passed here",
                                     hint: "a guidance file holds one leaflet's text: split it into several guidance folders")
                }
                block = node
                (characters, runs, lineBreaks) = (0, 0, 0)
                isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
            default:
                continue
            }
        }
        return nil
    }

    /// Unicode scalars in a UTF-8 C string: every byte that does not continue a sequence.
    private static func scalarCount(_ text: UnsafePointer<CChar>?) -> Int {
        guard var byte = text else { return 0 }
        var count = 0
        while byte.pointee != 0 {
            if UInt8(bitPattern: byte.pointee) & 0xC0 != 0x80 { count += 1 }
            byte += 1
        }
        return count
    }
}
