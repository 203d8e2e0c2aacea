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
        try Self.checkSize(bytes, file: file)
        let text = try Self.decodeUTF8(bytes, file: file)
        try Self.rejectUnwantedCharacters(text, file: file)
        var lines = Self.lines(of: text)
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

    /// The lines, split at line feeds with a carriage return before one dropped. Split by scalars:
    /// Swift's `Character` takes "\r\n" as one, so splitting characters at "\n" misses CRLF files.
    private static func lines(of text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Substring(line.last == "\r" ? line.dropLast() : line)
        }
    }

    /// Refuses an oversized file before decoding it, at the line where it passes the limit, so a
    /// pasted-in log or a generated file costs bounded time and memory.
    private static func checkSize(_ bytes: [UInt8], file: String) throws(DiagnosticError) {
        guard bytes.count > SourceLimits.fileBytes else { return }
        let line = 1 + bytes[..<SourceLimits.fileBytes].count(where: { $0 == 0x0A })
        throw DiagnosticError(.error(
            "the file is larger than \(SourceLimits.describe(bytes: SourceLimits.fileBytes)), the limit for a guidance file; it passes the limit on this line",
            at: SourceLocation(file: file, line: line),
            hint: "a guidance file holds one leaflet's text (the sextortion guidance is 10 KB): split it into several guidance folders, or remove text pasted in by mistake"))
    }

    /// Decodes strictly: a byte that is not UTF-8 is an error at its line and column, never a U+FFFD.
    private static func decodeUTF8(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
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

    /// Control characters, bidi controls and invisible characters (see `UnwantedCharacter`), and a
    /// carriage return not followed by a line feed, which Markdown and YAML count as a line break
    /// and the line numbers in messages would not.
    private static func rejectUnwantedCharacters(_ text: String, file: String) throws(DiagnosticError) {
        var line = 1, column = 1
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        if next == "\u{FEFF}" { next = scalars.next() }  // a byte-order mark may start the file
        while let scalar = next {
            next = scalars.next()
            if scalar == "\n" { line += 1; column = 1; continue }
            var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
            if scalar == "\r" && next != "\n" {
                throw DiagnosticError(.error("a carriage return without a line feed", at: location,
                                             hint: "save the file with Unix (LF) or Windows (CRLF) line endings"))
            }
            if let reason = UnwantedCharacter.reason(for: scalar) {
                throw DiagnosticError(.error(reason.message, at: location, hint: reason.hint))
            }
            column += 1
        }
    }
}

extension SourceLimits {
    /// "1 MB", "512 KB".
    static func describe(bytes: Int) -> String {
        bytes % 1_000_000 == 0 ? "\(bytes / 1_000_000) MB" : "\(bytes / 1_000) KB"
    }
}
