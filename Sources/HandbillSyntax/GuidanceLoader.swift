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
        let file = folder.appendingPathComponent(sourceFileName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(.error("no guidance folder at \(folder.relativePath)",
                                         hint: "give the folder that holds guidance.md, e.g. Guidance/sextortion"))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw DiagnosticError(.error("\(file.relativePath) is missing or unreadable",
                                         hint: "a guidance folder holds its source in \(sourceFileName)"))
        }
        return try parse(bytes: Array(data), file: file.relativePath)
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
        guard problems.isEmpty, let frontMatter else { throw DiagnosticError(problems) }
        return Document(metadata: frontMatter.metadata, blocks: blocks.map(\.block), blockLocations: blocks.map(\.location),
                        servicesTitle: frontMatter.servicesTitle, services: frontMatter.services)
    }
}
