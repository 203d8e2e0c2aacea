import Foundation
import HandbillModel
import Yams

/// Reading a layout file's text: bounded in size, strictly UTF-8, YAML errors at their line.
enum LayoutFile {
    /// A layout file is a page of settings (the largest shipped one is under 2 KB); anything
    /// bigger is not a layout file, and is refused before it is read whole.
    static let maximumBytes = 64_000

    static func read(_ file: URL) throws(DiagnosticError) -> String {
        let path = file.relativePath
        // Of what a link leads to: a link to /dev/zero must not be read until memory runs out.
        let status = FileStatus(path: file.path)
        guard status?.kind == .regular else {
            throw DiagnosticError(.error("\(path) is not a regular file (a folder, pipe or device)",
                                         hint: "a layout file is a YAML text file; remove or rename this one"))
        }
        let size = status?.size ?? 0
        guard size <= maximumBytes else {
            throw DiagnosticError(.error("\(path) is \(size / 1000) KB; a layout file is at most \(maximumBytes / 1000) KB",
                                         hint: "a layout file holds a page of settings: is this the right file?"))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw DiagnosticError(.error("\(path) cannot be read", hint: "it must be a readable YAML file, not a folder"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(.error("\(path) is not valid UTF-8", at: SourceLocation(file: path, line: 1),
                                         hint: "save the file as UTF-8"))
        }
        return text
    }

    /// A YAML syntax error at the line libyaml found it.
    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let place = context?.mark ?? mark
            return .error("not valid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")",
                          at: SourceLocation(file: file, line: place.line, column: place.column),
                          hint: "check the indentation and the `:` after each key")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("repeats \(duplicates.map { "`\($0)`" }.joined(separator: ", "))",
                          at: SourceLocation(file: file, line: context.mark.line), hint: "give each key once")
        default:
            return .error("not valid YAML: \(error)", at: SourceLocation(file: file, line: 1))
        }
    }
}
