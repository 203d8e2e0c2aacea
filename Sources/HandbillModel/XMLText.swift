/// Text made safe inside XML and HTML, shared by the writers of XMP metadata, PEF braille and web
/// pages: the characters that mean markup become entities.
public enum XMLText {
    /// `apostrophes`: `'` too (HTML attribute values may be single-quoted); `droppingControls`: leave
    /// out the C0 controls XML 1.0 forbids (all but tab and newline). Text with nothing to escape is
    /// returned as it is, without copying (most of it: a document's metadata is escaped field by field).
    public static func escaped(_ text: String, apostrophes: Bool = false, droppingControls: Bool = false) -> String {
        guard text.utf8.contains(where: { byte in
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || (apostrophes && byte == 0x27)
                || (droppingControls && byte < 0x20 && byte != 0x09 && byte != 0x0A)
        }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where apostrophes: result += "&#39;"
            case _ where droppingControls && scalar.value < 0x20 && scalar != "\t" && scalar != "\n": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
