import HandbillModel

/// A guidance file's text, checked to be UTF-8 and split into front matter and body.
struct SourceText {
    let file: String
    /// The YAML between the `---` fences.
    let frontMatter: String
    /// 1-based line of the file on which the front matter's first line stands.
    let frontMatterFirstLine: Int
    let body: String
    /// 1-based line of the file on which the body's first line stands.
    let bodyFirstLine: Int

    init(bytes: [UInt8], file: String) throws(DiagnosticError) {
        self.file = file
        let text = try Self.decodeUTF8(bytes, file: file)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        if lines.first == "\u{FEFF}---" { lines[0] = "---" }  // tolerate a byte-order mark
        guard lines.first == "---" else {
            throw DiagnosticError(.error(
                "the file does not start with front matter", at: SourceLocation(file: file, line: 1),
                hint: "begin the file with a line `---`, the YAML front matter (title, language, …), then `---`"))
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            throw DiagnosticError(.error(
                "the front matter is never closed", at: SourceLocation(file: file, line: 1),
                hint: "end the front matter with a line `---` before the body"))
        }
        frontMatter = lines[1..<close].joined(separator: "\n")
        frontMatterFirstLine = 2
        body = lines[(close + 1)...].joined(separator: "\n")
        bodyFirstLine = close + 2
    }

    /// Decodes strictly: a byte that is not UTF-8 is an error at its line and column, never a U+FFFD;
    /// so is a control character other than tab and newline.
    private static func decodeUTF8(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Find where: count lines and characters up to the first byte that does not decode.
            var line = 1, column = 1
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            while case .scalarValue(let scalar) = decoder.decode(&iterator) {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            throw DiagnosticError(.error(
                "the file is not valid UTF-8", at: SourceLocation(file: file, line: line, column: column),
                hint: "save the file as UTF-8 (in most editors: Save As… → Encoding → UTF-8)"))
        }
        if bytes.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }) {
            try rejectControlCharacters(text, file: file)
        }
        return text
    }

    /// C0 and C1 control characters (a C1 character is encoded C2 80…C2 9F, hence the cheap pre-check).
    private static func rejectControlCharacters(_ text: String, file: String) throws(DiagnosticError) {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1; continue }
            if scalar.properties.generalCategory == .control && scalar != "\r" && scalar != "\t" {
                throw DiagnosticError(.error(
                    "control character U+\(String(scalar.value, radix: 16, uppercase: true)) in the text",
                    at: SourceLocation(file: file, line: line, column: column),
                    hint: "delete it; guidance text holds no control characters"))
            }
            column += 1
        }
    }
}
