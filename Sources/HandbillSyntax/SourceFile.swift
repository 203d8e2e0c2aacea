import Foundation
import HandbillModel

/// Reads a guidance file (`guidance.md`, a translation) for parsing, refusing what is not a plain
/// file inside its guidance folder.
enum SourceFile {
    /// The file's bytes: at most one more than `SourceLimits.fileBytes`, so a huge file costs
    /// bounded memory (`SourceText` reports the excess at its line).
    ///
    /// A symbolic link that leads out of the guidance folder is refused: what Handbill publishes
    /// is what the folder holds, so a guidance folder from someone else cannot print a file from
    /// elsewhere on the machine into a PDF. Links inside the folder are fine. A folder, pipe or
    /// device where the file should be is refused too (reading a pipe would wait for ever).
    static func read(_ file: URL, in folder: URL) throws(DiagnosticError) -> [UInt8] {
        let path = file.relativePath
        let resolved = file.resolvingSymlinksInPath(), resolvedFolder = folder.resolvingSymlinksInPath()
        guard let status = FileStatus(path: resolved.path) else {
            throw DiagnosticError(.error("\(path) is missing or unreadable", hint: "check the file's name and permissions"))
        }
        guard resolved.path.hasPrefix(resolvedFolder.path + "/") else {
            throw DiagnosticError(.error(
                "\(path) is a link to \(resolved.path), outside the guidance folder \(folder.relativePath)",
                hint: "copy the file into the guidance folder: Handbill only publishes files the folder holds"))
        }
        switch status.kind {
        case .regular:
            break
        case .directory:
            throw DiagnosticError(.error("\(path) is a folder, not a file", hint: "a guidance file is a Markdown text file; remove or rename the folder"))
        default:
            throw DiagnosticError(.error("\(path) is not a regular file (a pipe, socket or device?)",
                                         hint: "replace it with the Markdown text file"))
        }
        do {
            let handle = try FileHandle(forReadingFrom: resolved)
            defer { try? handle.close() }
            return Array(try handle.read(upToCount: SourceLimits.fileBytes + 1) ?? Data())
        } catch {
            throw DiagnosticError(.error("\(path) cannot be read: \(error.localizedDescription)", hint: "check the file's permissions"))
        }
    }
}
