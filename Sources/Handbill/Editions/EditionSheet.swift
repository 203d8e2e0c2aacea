import CSV
import Foundation
import HandbillModel

/// A council's spreadsheet of local contacts, read one row at a time (CSV.swift streams from the
/// file, so 25,000 rows take no more memory than 250), each row with the line it starts on.
///
/// RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks; UTF-8 with
/// or without a byte-order mark. CSV.swift does not count lines, so the sheet counts them itself:
/// a row takes one line plus every line break inside its quoted fields.
final class EditionSheet {
    /// The fixed headers, in the order councils are asked to use (any order is read).
    static let columns = ["id", "organisation", "contact", "role", "phone", "email", "website", "address", "hours", "logo"]
    static let required: Set<String> = ["id", "organisation", "phone"]

    /// One row: its first line in the file and its fields by header (absent fields are "").
    struct Row {
        var line: Int
        var fields: [String]
    }

    let file: URL
    /// The name messages give the file: as the user wrote it.
    let name: String
    let header: [String]
    /// Problems with the header itself (an unknown or repeated column, a required one missing).
    private(set) var headerProblems: [Diagnostic] = []
    private let reader: CSVReader
    private var nextLine: Int

    init(file: URL, name: String) throws(DiagnosticError) {
        self.file = file
        self.name = name
        guard let stream = InputStream(url: file), FileManager.default.isReadableFile(atPath: file.path) else {
            throw DiagnosticError(.error("cannot read the editions spreadsheet \(name)", hint: "check the path given to --editions"))
        }
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw DiagnosticError(.error("\(name) has no header row", at: SourceLocation(file: name, line: 1),
                                         hint: "the first line names the columns: \(Self.columns.joined(separator: ","))"))
        }
        if let error = reader.error, !Self.isEnd(error) { throw Self.encodingError(error, file: name, line: 1) }
        header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        nextLine = 1 + Self.lineBreaks(in: reader.headerRow ?? []) + 1
        checkHeader()
    }

    /// The next row, or nil at the end of the file. Rows with no text at all (blank lines) are skipped.
    func next() throws(DiagnosticError) -> Row? {
        while true {
            let line = nextLine
            guard let fields = reader.next() else {
                if let error = readError { throw Self.encodingError(error, file: name, line: line) }
                return nil
            }
            if let error = readError { throw Self.encodingError(error, file: name, line: line) }
            nextLine += 1 + Self.lineBreaks(in: fields)
            if fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
            return Row(line: line, fields: fields)
        }
    }

    /// A decoding or stream error; CSV.swift also reports the end of the file as "cannot read", which is not one.
    private var readError: Error? {
        guard let error = reader.error, !Self.isEnd(error) else { return nil }
        return error
    }

    private static func isEnd(_ error: Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }

    /// The header's position of `column`, if the sheet has it.
    func index(of column: String) -> Int? { header.firstIndex(of: column) }

    /// `C` for the third column, as a spreadsheet names it.
    static func letter(_ index: Int) -> String {
        var number = index + 1, letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    private func checkHeader() {
        var seen: Set<String> = []
        for (index, column) in header.enumerated() {
            let at = SourceLocation(file: name, line: 1, column: index + 1)
            if !Self.columns.contains(column) {
                let nearest = Self.columns.min { Self.distance($0, column) < Self.distance($1, column) }!
                let hint = Self.distance(nearest, column) <= 2
                    ? "did you mean `\(nearest)`? the columns are \(Self.columns.joined(separator: ", "))"
                    : "the columns are \(Self.columns.joined(separator: ", ")); rename or delete this one"
                headerProblems.append(.error("unknown column `\(column)` (column \(Self.letter(index)) of the header)", at: at,
                                             hint: hint + "; its values are not used"))
            } else if !seen.insert(column).inserted {
                headerProblems.append(.error("the column `\(column)` appears twice in the header (column \(Self.letter(index)))",
                                             at: at, hint: "keep one `\(column)` column"))
            }
        }
        for column in Self.columns where Self.required.contains(column) && !seen.contains(column) {
            headerProblems.append(.error("the header has no `\(column)` column", at: SourceLocation(file: name, line: 1),
                                         hint: "add it: \(Self.required.sorted().joined(separator: ", ")) are required"))
        }
    }

    /// Line breaks inside fields: LF, CRLF or a lone CR each end one physical line.
    static func lineBreaks(in fields: [String]) -> Int {
        var count = 0
        for field in fields where field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            var previousCR = false
            for byte in field.utf8 {
                if byte == 0x0A { if !previousCR { count += 1 } } else if byte == 0x0D { count += 1 }
                previousCR = byte == 0x0D
            }
        }
        return count
    }

    private static func encodingError(_ error: Error, file: String, line: Int) -> DiagnosticError {
        DiagnosticError(.error("\(file) cannot be read as UTF-8 text near line \(line) (\(error))", at: SourceLocation(file: file, line: line),
                               hint: "save the spreadsheet as “CSV UTF-8 (comma delimited)”"))
    }

    /// Edit distance, for "did you mean" on a misspelt header (`phnoe`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
