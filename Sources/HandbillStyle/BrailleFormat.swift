import Foundation
import HandbillModel
import Yams

/// How guidance is set on braille pages, as `Layouts/formats/braille.yaml` says: the page's cells
/// and lines, where headings, paragraphs and lists start, the page number, and the liblouis table
/// list for each language. Checked when read, each problem reported at its line.
public struct BrailleFormat: Equatable, Sendable, Decodable {
    /// Where a kind of text starts and where its runover lines start, in cells counted from 1.
    public struct Indent: Equatable, Sendable, Decodable {
        public var firstCell: Int
        public var runoverCell: Int
        public var blankBefore: Int
        public var blankAfter: Int
        public var nestedIndent: Int

        public init(firstCell: Int, runoverCell: Int, blankBefore: Int = 0, blankAfter: Int = 0, nestedIndent: Int = 0) {
            self.firstCell = firstCell
            self.runoverCell = runoverCell
            self.blankBefore = blankBefore
            self.blankAfter = blankAfter
            self.nestedIndent = nestedIndent
        }

        enum CodingKeys: String, CodingKey {
            case firstCell = "first-cell", runoverCell = "runover-cell", blankBefore = "blank-before",
                 blankAfter = "blank-after", nestedIndent = "nested-indent"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            firstCell = try c.decodeIfPresent(Int.self, forKey: .firstCell) ?? 1
            runoverCell = try c.decodeIfPresent(Int.self, forKey: .runoverCell) ?? firstCell
            blankBefore = try c.decodeIfPresent(Int.self, forKey: .blankBefore) ?? 0
            blankAfter = try c.decodeIfPresent(Int.self, forKey: .blankAfter) ?? 0
            nestedIndent = try c.decodeIfPresent(Int.self, forKey: .nestedIndent) ?? 2
        }
    }

    public struct PageNumber: Equatable, Sendable, Decodable {
        public enum Position: String, Sendable, Decodable { case topRight = "top-right" }
        public var position: Position
        /// Blank cells at least between the text on the page number's line and the number.
        public var gap: Int
    }

    public struct Heading: Equatable, Sendable, Decodable {
        public var centred: Bool
        public var blankBefore: Int
        public var blankAfter: Int
        /// Lines of what follows a heading that must stand on the heading's page.
        public var keepWithNext: Int

        enum CodingKeys: String, CodingKey {
            case centred, blankBefore = "blank-before", blankAfter = "blank-after", keepWithNext = "keep-with-next"
        }
    }

    public struct Services: Equatable, Sendable, Decodable {
        /// The help services block on one braille page when it fits on one.
        public var keepTogether: Bool
        public var firstCell: Int
        public var runoverCell: Int

        enum CodingKeys: String, CodingKey { case keepTogether = "keep-together", firstCell = "first-cell", runoverCell = "runover-cell" }
    }

    public var name: String
    public var cellsPerLine: Int
    public var linesPerPage: Int
    public var pageNumber: PageNumber
    public var heading: Heading
    public var paragraph: Indent
    public var list: Indent
    public var callout: Indent
    public var services: Services
    /// Ends a line where a phone number or address longer than a line is divided.
    public var continuation: String
    /// Whether the author's bold and emphasis are shown with the braille code's emphasis indicators.
    public var emphasis: Bool
    /// liblouis table list (comma-separated) for each language tag.
    public var tables: [String: String]
    /// Languages liblouis has tables for that cannot write them in six-dot literary braille: why.
    public var unusable: [String: String]

    enum CodingKeys: String, CodingKey {
        case name, cellsPerLine = "cells-per-line", linesPerPage = "lines-per-page", pageNumber = "page-number",
             heading, paragraph, list, callout, services, continuation, emphasis, tables, unusable
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        cellsPerLine = try c.decode(Int.self, forKey: .cellsPerLine)
        linesPerPage = try c.decode(Int.self, forKey: .linesPerPage)
        pageNumber = try c.decode(PageNumber.self, forKey: .pageNumber)
        heading = try c.decode(Heading.self, forKey: .heading)
        paragraph = try c.decode(Indent.self, forKey: .paragraph)
        list = try c.decode(Indent.self, forKey: .list)
        callout = try c.decodeIfPresent(Indent.self, forKey: .callout) ?? Indent(firstCell: 1, runoverCell: 1)
        services = try c.decode(Services.self, forKey: .services)
        continuation = try c.decode(String.self, forKey: .continuation)
        emphasis = try c.decodeIfPresent(Bool.self, forKey: .emphasis) ?? true
        tables = try c.decode([String: String].self, forKey: .tables)
        unusable = try c.decodeIfPresent([String: String].self, forKey: .unusable) ?? [:]
    }

    /// Braille pages run from 12 to about 42 cells and 18 to 30 lines (BANA, UKAAF).
    static let cells = 12...60, lines = 4...50

    /// What makes the file impossible to set braille with, in its own terms.
    public func problems() -> [String] {
        var problems: [String] = []
        if !Self.cells.contains(cellsPerLine) {
            problems.append("`cells-per-line` is \(cellsPerLine); braille lines hold \(Self.cells.lowerBound) to \(Self.cells.upperBound) cells (40 is usual)")
        }
        if !Self.lines.contains(linesPerPage) {
            problems.append("`lines-per-page` is \(linesPerPage); braille pages hold \(Self.lines.lowerBound) to \(Self.lines.upperBound) lines (25 is usual)")
        }
        if pageNumber.gap < 1 { problems.append("`page-number.gap` must be at least 1 cell") }
        for (key, indent) in [("paragraph", paragraph), ("list", list), ("callout", callout)] {
            for (field, cell) in [("first-cell", indent.firstCell), ("runover-cell", indent.runoverCell)]
            where cell < 1 || cell > cellsPerLine / 2 {
                problems.append("`\(key).\(field)` is \(cell); a cell from 1 to \(cellsPerLine / 2)")
            }
            if indent.blankBefore < 0 || indent.blankAfter < 0 || indent.blankBefore > 2 || indent.blankAfter > 2 {
                problems.append("`\(key)` blank lines are 0, 1 or 2")
            }
        }
        for (field, cell) in [("first-cell", services.firstCell), ("runover-cell", services.runoverCell)]
        where cell < 1 || cell > cellsPerLine / 2 {
            problems.append("`services.\(field)` is \(cell); a cell from 1 to \(cellsPerLine / 2)")
        }
        if heading.blankBefore < 0 || heading.blankAfter < 0 || heading.blankBefore > 2 || heading.blankAfter > 2 {
            problems.append("`heading` blank lines are 0, 1 or 2")
        }
        if heading.keepWithNext < 0 || heading.keepWithNext >= linesPerPage / 2 {
            problems.append("`heading.keep-with-next` is \(heading.keepWithNext); 0 to \(linesPerPage / 2 - 1) lines")
        }
        if continuation.unicodeScalars.count != 1 || !continuation.unicodeScalars.allSatisfy({ (0x2800...0x283F).contains($0.value) }) {
            problems.append("`continuation` must be one six-dot braille cell (U+2800…U+283F), like ⠐")
        }
        if tables["en"] == nil { problems.append("`tables` has no `en`: English needs a table (en-ueb-g2.ctb)") }
        for (language, list) in tables where list.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("`tables.\(language)` is empty; name the liblouis table list")
        }
        return problems.sorted()
    }

    /// Reads and checks `<layouts>/formats/braille.yaml`.
    public static func load(layouts: URL) throws(DiagnosticError) -> BrailleFormat {
        let file = layouts.appendingPathComponent("formats/braille.yaml")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw DiagnosticError(.error("no \(file.relativePath)", hint: "braille takes its page size and layout from that file; copy the project's Layouts/formats/braille.yaml"))
        }
        let text = try LayoutFile.read(file)
        let lines = LayoutKeyLines(text: text, file: file.relativePath)
        let format: BrailleFormat
        do {
            format = try YAMLDecoder(encoding: .utf8).decode(BrailleFormat.self, from: text)
        } catch let error as YamlError {
            throw DiagnosticError(LayoutFile.diagnostic(for: error, file: file.relativePath))
        } catch DecodingError.dataCorrupted(let context) where context.underlyingError is YamlError {
            throw DiagnosticError(LayoutFile.diagnostic(for: context.underlyingError as! YamlError, file: file.relativePath))
        } catch let error as DecodingError {
            throw DiagnosticError(.error("cannot read it: \(Self.describe(error))", at: SourceLocation(file: file.relativePath, line: 1),
                                         hint: "see the project's Layouts/formats/braille.yaml for the keys and their kinds of value"))
        } catch {
            throw DiagnosticError(.error("cannot read it: \(error)", at: SourceLocation(file: file.relativePath, line: 1)))
        }
        let problems = format.problems()
        guard problems.isEmpty else {
            throw DiagnosticError(problems.map { .error($0, at: lines.location(mentionedIn: $0), hint: "fix the layout file") })
        }
        return format
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing `\((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))`"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "`\(context.codingPath.map(\.stringValue).joined(separator: "."))`: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
