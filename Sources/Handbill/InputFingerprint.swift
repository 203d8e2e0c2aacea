import Foundation
import HandbillModel

/// Everything an output depends on, as one fingerprint: when it is unchanged, the output need
/// not be built again. Sources and layouts are fingerprinted by content, so touching one changes
/// nothing; fonts (26 MB, read on every build) by name, size and modification time.
struct InputFingerprint {
    /// The fonts, once per batch: every job depends on all of them (fallback may reach any).
    let fonts: String
    private var cache: [String: String] = [:]

    init(fontsFolder: URL) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: fontsFolder.path)) ?? []).sorted()
        var description = ""
        for file in files {
            let status = FileStatus(path: fontsFolder.appendingPathComponent(file).path)
            description += "\(file) \(status?.size ?? 0) \(status?.modified ?? 0)\n"
        }
        fonts = Fingerprint.of(Array(description.utf8))
    }

    /// The fingerprint of the files behind one job, with the options that change its output.
    mutating func of(job: Job, files: [URL], options: String) -> String {
        var parts = [Workspace.version, options, fonts, job.fileName]
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
