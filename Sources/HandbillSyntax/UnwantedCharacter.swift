import HandbillModel

/// Characters guidance text must not hold, each with why and what to do.
///
/// Control characters are never text. Bidi overrides, embeddings and isolates can make printed
/// text read differently from its source (the "Trojan Source" trick), and Handbill sets the
/// direction itself. Zero-width spaces, word joiners and a byte-order mark inside the text are
/// invisible: they split a phone number or an address for search and screen readers, or glue
/// words together, without anyone seeing why. Line and paragraph separators are line breaks that
/// YAML sees and the line numbers in messages do not. The object replacement character (U+FFFC)
/// is what copying text from a document leaves where a picture was.
///
/// Zero-width non-joiner and joiner (U+200C, U+200D) stay allowed: Persian and Indic scripts
/// need them to shape words. So do the left-to-right and right-to-left marks (U+200E, U+200F,
/// U+061C), which only nudge neutral characters.
public enum UnwantedCharacter {
    public struct Reason: Sendable {
        public var message: String
        public var hint: String
    }

    /// Why `scalar` may not appear in guidance text, or nil when it may.
    public static func reason(for scalar: Unicode.Scalar) -> Reason? {
        // Nearly every scalar is allowed: answer those before spelling out a code (this runs for
        // every character of every file read).
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E:
            return nil  // tab, line feed, carriage return: whitespace (a lone CR is checked by SourceText); printable ASCII
        case 0xA0..<0x200B:
            return nil  // Latin-1 letters up to the general punctuation block: no controls or invisibles
        default:
            break
        }
        var code: String { scalar.codePoint }
        switch scalar.value {
        case 0x202A...0x202E:
            return Reason(message: "bidi override or embedding \(code) in the text",
                          hint: "delete it; it can make the printed text read differently from the source, and Handbill sets the direction itself")
        case 0x2066...0x2069:
            return Reason(message: "bidi isolate \(code) in the text",
                          hint: "delete it; Handbill isolates phone numbers and addresses itself")
        case 0x200B, 0x2060:
            return Reason(message: "invisible \(scalar.value == 0x200B ? "zero-width space" : "word joiner") \(code) in the text",
                          hint: "delete it; it splits or joins words without showing, and breaks search and screen readers")
        case 0xFEFF:
            return Reason(message: "byte-order mark \(code) inside the text",
                          hint: "delete it; a byte-order mark may only start the file (it is often pasted in by accident)")
        case 0xFFFC:
            return Reason(message: "object replacement character \(code) in the text",
                          hint: "delete it; it marks where a picture or object was when the text was copied, and prints as nothing or a box")
        case 0x2028, 0x2029:
            return Reason(message: "\(scalar.value == 0x2028 ? "line" : "paragraph") separator \(code) in the text",
                          hint: "replace it with an ordinary line break")
        default:
            if scalar.properties.generalCategory == .control {
                return Reason(message: "control character \(code) in the text",
                              hint: "delete it; guidance text holds no control characters")
            }
            return nil
        }
    }
}
