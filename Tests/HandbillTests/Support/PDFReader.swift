import Foundation
import HandbillLayout

/// Reads a PDF back with tools Handbill did not write (poppler's pdftotext, pdffonts, pdfinfo, and
/// qpdf), so tests check what a reader, a printer and a screen reader get, not what we meant.
struct PDFReader {
    let url: URL

    /// The text as copy-and-paste and search get it.
    func text() throws -> String {
        try CommandResult.run("pdftotext", ["-enc", "UTF-8", url.path, "-"]).stdout
    }

    /// pdfinfo's `Key: value` lines.
    func info() throws -> [String: String] {
        let lines = try CommandResult.run("pdfinfo", [url.path]).stdout.split(separator: "\n")
        var result: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    struct Font { var name: String; var type: String; var embedded: Bool; var subset: Bool; var toUnicode: Bool }

    /// pdffonts' table.
    func fonts() throws -> [Font] {
        let lines = try CommandResult.run("pdffonts", [url.path]).stdout.split(separator: "\n").dropFirst(2)
        return lines.map { line in
            // name type encoding emb sub uni object ID: the last six columns are fixed.
            let columns = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let tail = columns.suffix(5)
            let flags = Array(tail.prefix(3))
            return Font(name: columns[0], type: columns.dropFirst().prefix(columns.count - 7).joined(separator: " "),
                        embedded: flags[0] == "yes", subset: flags[1] == "yes", toUnicode: flags[2] == "yes")
        }
    }

    /// Every object in the file, as qpdf's JSON gives it (`"obj:12 0 R": {"value": …}`).
    func objects() throws -> [String: Any] {
        let json = try CommandResult.run("qpdf", ["--json=2", "--json-key=qpdf", url.path]).stdout
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let qpdf = root["qpdf"] as! [Any]
        return (qpdf[1] as! [String: Any]).mapValues { ($0 as? [String: Any])?["value"] ?? $0 }
    }

    /// The structure tree's element roles in reading (pre-)order, from the catalog's StructTreeRoot.
    func structureRoles() throws -> [String] {
        let objects = try objects()
        func resolve(_ reference: Any?) -> [String: Any]? {
            guard let text = reference as? String, text.hasSuffix(" R") else { return reference as? [String: Any] }
            return objects["obj:" + text] as? [String: Any]
        }
        guard let trailer = objects["trailer"] as? [String: Any], let catalog = resolve(trailer["/Root"]),
              let root = resolve(catalog["/StructTreeRoot"]) else { return [] }
        var roles: [String] = []
        func walk(_ kids: Any?) {
            let list = (kids as? [Any]) ?? (kids.map { [$0] } ?? [])
            for kid in list {
                guard let element = resolve(kid), element["/S"] != nil else { continue }
                roles.append(String((element["/S"] as! String).dropFirst()))
                walk(element["/K"])
            }
        }
        walk(root["/K"])
        return roles
    }

    /// The outline (bookmark) titles, depth first, each with its depth (1 = top).
    func outline() throws -> [(depth: Int, title: String)] {
        let objects = try objects()
        func resolve(_ reference: Any?) -> [String: Any]? {
            (reference as? String).flatMap { objects["obj:" + $0] as? [String: Any] }
        }
        guard let trailer = objects["trailer"] as? [String: Any], let catalog = resolve(trailer["/Root"]),
              let outlines = resolve(catalog["/Outlines"]) else { return [] }
        var result: [(depth: Int, title: String)] = []
        func walk(_ first: Any?, depth: Int) {
            var item = resolve(first)
            while let current = item {
                result.append((depth, Self.decodeString(current["/Title"] as? String ?? "")))
                walk(current["/First"], depth: depth + 1)
                item = resolve(current["/Next"])
            }
        }
        walk(outlines["/First"], depth: 1)
        return result
    }

    /// qpdf writes text strings as `u:…` (UTF-8) or `b:…` (hex bytes).
    static func decodeString(_ value: String) -> String {
        value.hasPrefix("u:") ? String(value.dropFirst(2)) : value
    }
}

/// Words compared the way a reader would: case, surrounding punctuation and invisible bidi
/// controls ignored; Chinese, which has no spaces, compared character by character.
enum Words {
    static func of(_ text: String) -> [String] {
        // Zero-width (non-)joiners shape letters but are not part of the words a reader types.
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.filter { !isLayoutMark($0) && $0 != "\u{200C}" && $0 != "\u{200D}" }))
        return visible.replacingOccurrences(of: "\u{2019}", with: "'")
            // Addresses break after a slash or before a dot, printed on two lines and read whole:
            // words are compared in their pieces either side of both.
            .split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == "." || $0 == "·" })
            .flatMap(splitHan)
            .map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.symbols)) }
            .filter { !$0.isEmpty }
    }

    static func isLayoutMark(_ scalar: Unicode.Scalar) -> Bool { ShapedText.isLayoutMark(scalar) }

    /// Han characters each count as a word; runs of other letters stay together.
    private static func splitHan(_ word: Substring) -> [String] {
        guard word.unicodeScalars.contains(where: isHan) else { return [String(word)] }
        var pieces: [String] = [], current = ""
        for character in word {
            if character.unicodeScalars.contains(where: isHan) {
                if !current.isEmpty { pieces.append(current); current = "" }
                pieces.append(String(character))
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) || (0x20000...0x2FFFF).contains(scalar.value)
    }

    /// Fraction of `expected` found in `actual` in the same order (longest common subsequence).
    static func inOrderFraction(_ expected: [String], in actual: [String]) -> Double {
        guard !expected.isEmpty else { return 1 }
        var previous = [Int](repeating: 0, count: actual.count + 1)
        for word in expected {
            var current = [Int](repeating: 0, count: actual.count + 1)
            for (j, other) in actual.enumerated() {
                current[j + 1] = word == other ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            previous = current
        }
        return Double(previous[actual.count]) / Double(expected.count)
    }
}

/// The text a screen reader gets: the structure tree walked in order, each element's marked
/// content decoded through the fonts' ToUnicode maps, decoration skipped. Read by
/// `Tests/Tools/pdf_structure.py` on pdfminer.six, a reader Handbill did not write.
struct StructureReading {
    var roles: [String]
    var reading: String
    /// Content neither tagged nor artifact (or both), .notdef glyphs, bad Unicode mappings: counts.
    var problems: [String: Int]

    /// `$HANDBILL_TEST_PYTHON`, else the virtualenv .ci/run makes, else `python3`.
    static var python: String { Project.testTool("HANDBILL_TEST_PYTHON", venv: "python", fallback: "python3") }

    init(_ pdf: URL) throws {
        let script = Project.root.appendingPathComponent("Tests/Tools/pdf_structure.py").path
        let result = try CommandResult.run(Self.python, [script, pdf.path])
        guard result.status == 0 else {
            throw ReaderError(message: "pdf_structure.py failed (\(result.status)): \(result.stderr)"
                              + " — install its dependency: pip install -r Tests/Tools/requirements.txt")
        }
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        roles = json["roles"] as? [String] ?? []
        reading = json["reading"] as? String ?? ""
        problems = json["problems"] as? [String: Int] ?? [:]
    }

    struct ReaderError: Error, CustomStringConvertible { var message: String; var description: String { message } }
}
