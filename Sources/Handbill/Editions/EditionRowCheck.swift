import Foundation
import HandbillModel
import HandbillRender
import HandbillStyle
import HandbillSyntax

/// Checks one spreadsheet row and turns it into a `LocalContact`, or says what to fix, with the
/// file, line and column (the field's column in the spreadsheet: A, B, C…) of each problem.
struct EditionRowCheck {
    let sheet: EditionSheet
    /// The spreadsheet's folder: logos must be inside it.
    let folder: URL

    init(sheet: EditionSheet) {
        self.sheet = sheet
        folder = sheet.file.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The row's `id` as written (trimmed), for sharding and duplicate checks; "" when absent.
    func id(of row: EditionSheet.Row) -> String {
        guard let index = sheet.index(of: "id"), index < row.fields.count else { return "" }
        return row.fields[index].trimmingCharacters(in: .whitespaces)
    }

    func contact(from row: EditionSheet.Row) -> Result<LocalContact, DiagnosticError> {
        var problems: [Diagnostic] = []
        func at(_ column: String) -> SourceLocation {
            SourceLocation(file: sheet.name, line: row.line, column: (sheet.index(of: column) ?? 0) + 1)
        }
        func fail(_ column: String, _ message: String, _ hint: String) {
            let letter = sheet.index(of: column).map { " (column \(EditionSheet.letter($0)))" } ?? ""
            problems.append(.error("`\(column)`\(letter): \(message)", at: at(column), hint: hint))
        }
        if row.fields.count > sheet.header.count {
            problems.append(.error("the row has \(row.fields.count) fields but the header names \(sheet.header.count) columns",
                                   at: SourceLocation(file: sheet.name, line: row.line, column: sheet.header.count + 1),
                                   hint: "a comma inside a value needs the value in double quotes: \"Room 12, Main Building\""))
        }
        // Each known column's text: control and bidi-override characters refused, spaces tidied.
        var values: [String: String] = [:]
        for column in EditionSheet.columns {
            guard let index = sheet.index(of: column), index < row.fields.count else { continue }
            let raw = row.fields[index]
            if let bad = raw.unicodeScalars.lazy.compactMap({ scalar in UnwantedCharacter.reason(for: scalar) }).first {
                fail(column, bad.message, bad.hint)
                continue
            }
            // A line break inside a quoted cell (an address on several lines) prints as a comma.
            let lines = raw.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
            let text = lines.joined(separator: ", ")
            if !text.isEmpty { values[column] = text }
        }
        for column in ["id", "organisation", "phone"] where values[column] == nil && sheet.index(of: column) != nil {
            if !problems.contains(where: { $0.location == at(column) }) {
                fail(column, column == "id" ? "the id is empty" : "required, but empty",
                     column == "id" ? "give every row a short unique id (letters, digits, - and _), e.g. the school's SEED number"
                                    : "fill in the \(column) for this row")
            }
        }
        if let id = values["id"], !Self.isSafeFolderName(id) {
            fail("id", "`\(id.prefix(40))` cannot name a folder",
                 "use letters, digits, - and _ only (at most 64, starting with a letter or digit): no /, \\, .. or spaces")
        }
        var phone: String?
        if let typed = values["phone"] {
            phone = UKPhoneNumber.normalised(typed)
            if phone == nil {
                fail("phone", "`\(typed.prefix(30))` is not a valid UK phone number",
                     "write a UK number with its area code, e.g. 0141 555 0199 or +44 141 555 0199")
            }
        }
        if let email = values["email"], !Self.isEmail(email) {
            fail("email", "`\(email.prefix(60))` is not an email address", "write it as name@school.example.sch.uk")
        }
        var website: String?
        if let typed = values["website"] {
            website = Self.webAddress(typed)
            if website == nil {
                fail("website", "`\(typed.prefix(60))` is not a web address", "write it as www.school.example.sch.uk or https://…")
            }
        }
        var logo: String?
        if let name = values["logo"] {
            switch self.logo(name) {
            case .success(let path): logo = path
            case .failure(let why): fail("logo", why.message, why.hint)
            }
        }
        for column in ["organisation", "contact", "role", "address", "hours"] {
            if let value = values[column], value.count > 150 {
                fail(column, "\(value.count) characters; at most 150 fit the help block", "shorten it")
            }
        }
        guard problems.isEmpty, let id = values["id"], let organisation = values["organisation"], let phone else {
            return .failure(DiagnosticError(problems))
        }
        return .success(LocalContact(id: id, organisation: organisation, contact: values["contact"], role: values["role"],
                                     phone: phone, email: values["email"], website: website, address: values["address"],
                                     hours: values["hours"], logo: logo))
    }

    /// A logo inside the spreadsheet's folder that Cairo or librsvg can draw.
    private func logo(_ name: String) -> Result<String, Problem> {
        guard !name.hasPrefix("/") else {
            return .failure(.init(message: "`\(name)` is an absolute path", hint: "give the logo's path relative to the spreadsheet's folder"))
        }
        let file = folder.appendingPathComponent(name).standardizedFileURL
        guard FileManager.default.fileExists(atPath: file.path) else {
            return .failure(.init(message: "there is no file `\(name)` beside the spreadsheet",
                                  hint: "put the logo (PNG or SVG) in \(folder.path) or fix the name"))
        }
        let real = file.resolvingSymlinksInPath()
        guard real.path.hasPrefix(folder.path + "/") else {
            return .failure(.init(message: "`\(name)` is outside the spreadsheet's folder",
                                  hint: "copy the logo into the spreadsheet's folder (or a folder inside it)"))
        }
        if let problem = ImageProbe.problem(with: real.path) {
            return .failure(.init(message: "`\(name)` is \(problem)", hint: "give a PNG or SVG picture"))
        }
        return .success(real.path)
    }

    /// What is wrong with a value, and what to do.
    struct Problem: Error {
        var message: String
        var hint: String
    }

    static func isSafeFolderName(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64,
              first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
            && !id.contains("..")
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, !text.contains(where: \.isWhitespace),
              !parts[0].contains(where: { "<>()[],;:\"".contains($0) }) else { return false }
        return isHostName(String(parts[1]))
    }

    /// `https://…` as given, or `https://` put before a bare `www.school.sch.uk`; nil when it is no web address.
    static func webAddress(_ text: String) -> String? {
        guard !text.contains(where: \.isWhitespace) else { return nil }
        let lower = text.lowercased()
        let full = lower.hasPrefix("https://") || lower.hasPrefix("http://") ? text : "https://" + text
        guard let components = URLComponents(string: full), let host = components.host, isHostName(host) else { return nil }
        return full
    }

    static func isHostName(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, host.count <= 253, let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
