import Foundation
import HandbillModel

/// Writes a file so that it either appears whole or not at all: the writer fills a hidden temporary
/// file beside the target, which is renamed over it only when complete.
enum AtomicFile {
    static func write(to target: URL, _ writer: (String) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("cannot create the folder \(folder.relativePath): \(error.localizedDescription)",
                                         hint: "check the --output path and its permissions"))
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        do {
            try writer(temporary.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw DiagnosticError(.error("cannot write \(target.relativePath): \(reason)",
                                         hint: "check that the folder is writable and the disk is not full"))
        }
    }
}
