import Foundation
import HandbillModel

/// Reads a guidance folder (`Guidance/<name>/`) into a `Document`.
///
/// The folder holds `guidance.md`: YAML front matter, then the body in CommonMark. Every problem is
/// reported with file, line and column; nothing is guessed.
public enum GuidanceLoader {
    public static let sourceFileName = "guidance.md"

    /// The guidance's name: its folder's name, used in output file names.
    public static func name(of folder: URL) -> String { folder.standardizedFileURL.lastPathComponent }

    public static func load(folder: URL) throws(DiagnosticError) -> Document {
        try parse(bytes: try sourceBytes(folder: folder), file: folder.appendingPathComponent(sourceFileName).relativePath)
    }

    /// The bytes of the folder's `guidance.md`, after checking the folder and the file.
    static func sourceBytes(folder: URL) throws(DiagnosticError) -> [UInt8] {
        let file = folder.appendingPathComponent(sourceFileName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(.error("no guidance folder at \(folder.relativePath)",
                                         hint: "give the folder that holds guidance.md, e.g. Guidance/sextortion"))
        }
        guard FileManager.default.fileExists(atPath: file.path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) != nil else {
            throw DiagnosticError(.error("\(file.relativePath) is missing",
                                         hint: "a guidance folder holds its source in \(sourceFileName)"))
        }
        return try SourceFile.read(file, in: folder)
    }

    /// Parses the text of a guidance file; `file` is the name diagnostics give.
    public static func parse(bytes: [UInt8], file: String) throws(DiagnosticError) -> Document {
        let source = try SourceText(bytes: bytes, file: file)
        var problems: [Diagnostic] = []
        var frontMatter: FrontMatter?
        do throws(DiagnosticError) { frontMatter = try FrontMatter(source) } catch { problems += error.diagnostics }
        var parser = MarkdownParser(source: source)
        let blocks = parser.parse()
        problems += parser.problems
        if blocks.isEmpty && parser.problems.isEmpty {
            problems.append(.error("the body is empty", at: SourceLocation(file: file, line: source.bodyFirstLine),
                                   hint: "write the guidance after the front matter"))
        }
        guard problems.isEmpty, let frontMatter else { throw DiagnosticError(capped(problems, file: file)) }
        var document = Document(metadata: frontMatter.metadata, blocks: blocks.map(\.block), blockLocations: blocks.map(\.location),
                                servicesTitle: frontMatter.servicesTitle, services: frontMatter.services, poster: frontMatter.poster)
        document.localHelp = frontMatter.localHelp
        document.trifold = frontMatter.trifold
        return document
    }

    /// The first `SourceLimits.diagnostics` problems and a line saying how many more: a file full
    /// of mistakes (or not guidance at all) gives a screenful to start on, not a flood.
    static func capped(_ problems: [Diagnostic], file: String) -> [Diagnostic] {
        guard problems.count > SourceLimits.diagnostics else { return problems }
        let hidden = problems[SourceLimits.diagnostics...]
        return Array(problems.prefix(SourceLimits.diagnostics)) + [.error(
            "\(hidden.count.grouped) more problems in \(file) not shown, the next one here",
            at: hidden.first?.location, hint: "fix the ones above and run again")]
    }
}
