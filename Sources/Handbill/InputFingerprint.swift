import Foundation
import HandbillModel

/// Everything an output depends on, as one fingerprint: when it is unchanged, the output need
/// not be built again. Files are fingerprinted by content, so touching a file changes nothing.
struct InputFingerprint {
    /// The fonts, once per batch: every job depends on all of them (fallback may reach any).
    let fonts: String
    private var cache: [String: String] = [:]

    init(fontsFolder: URL) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: fontsFolder.path)) ?? []).sorted()
        var all: [UInt8] = []
        for file in files {
            all += Array(file.utf8)
            all += Array(Fingerprint.of(FileManager.default.contents(atPath: fontsFolder.appendingPathComponent(file).path) ?? Data()).utf8)
        }
        fonts = Fingerprint.of(all)
    }

    /// The fingerprint of the files behind one job, with the options that change its output.
    mutating func of(job: Job, files: [URL], options: String) -> String {
        var parts = [Workspace.version, options, fonts, job.stem]
        for file in files {
            if let cached = cache[file.path] {
                parts.append(cached)
            } else {
                let print = Fingerprint.of(FileManager.default.contents(atPath: file.path) ?? Data())
                cache[file.path] = print
                parts.append(print)
            }
        }
        return Fingerprint.of(Array(parts.joined(separator: "\n").utf8))
    }
}
