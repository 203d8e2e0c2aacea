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

    /// Decodes strictly: a byte that is not UTF-8 is an error at its line and column, never a U+FFFD.
    private static func decodeUTF8(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                if scalar.value == 0 || (scalar.properties.generalCategory == .control
                                         && !["\n", "\r", "\t"].contains(scalar)) {
                    throw DiagnosticError(.error(
                        "control character U+\(String(scalar.value, radix: 16, uppercase: true)) in the text",
                        at: SourceLocation(file: file, line: line, column: column - 1),
                        hint: "delete it; guidance text holds no control characters"))
                }
            case .emptyInput:
                return String(scalars)
            case .error:
                throw DiagnosticError(.error(
                    "the file is not valid UTF-8", at: SourceLocation(file: file, line: line, column: column),
                    hint: "save the file as UTF-8 (in most editors: Save As… → Encoding → UTF-8)"))
            }
        }
    }
}
