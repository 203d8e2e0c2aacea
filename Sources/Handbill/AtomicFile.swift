import Foundation
import HandbillModel

/// Writes a file so that it either appears whole or not at all: the bytes go to a hidden
/// temporary file beside the target, every write checked (a full disk is an error, not a short
/// file), which is renamed over the target only when complete.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to target: URL) throws(DiagnosticError) {
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("cannot create the folder \(folder.relativePath): \(error.localizedDescription)",
                                         hint: "check the --output path and its permissions"))
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        func fail(_ action: String) -> DiagnosticError {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            return DiagnosticError(.error("cannot \(action) \(target.relativePath): \(reason)",
                                          hint: "check that the folder is writable and the disk is not full"))
        }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw fail("create") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { close(descriptor); throw fail("write") }
            written += count
        }
        guard close(descriptor) == 0 else { throw fail("write") }
        guard rename(temporary.path, target.path) == 0 else { throw fail("write") }
    }
}
