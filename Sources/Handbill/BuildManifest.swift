import Foundation
import HandbillModel

/// `Output/<guidance>/manifest.json`: for each output, the fingerprint of the inputs it was built
/// from and the files it wrote. An output whose inputs are unchanged and whose files are all
/// there is up to date.
struct BuildManifest: Codable {
    struct Entry: Codable, Equatable {
        var inputs: String
        var files: [String]
        /// The output's note of what its layout left out, so an up-to-date output still reports it.
        var shortened: Shortening? = nil
    }

    var handbill: String = Workspace.version
    /// What the entries hold: 2 since they keep each output's note of what was left out (a manifest
    /// written before has none, so its outputs are rebuilt once rather than reported without one).
    var format: Int? = Self.currentFormat
    static let currentFormat = 2
    var outputs: [String: Entry] = [:]

    static func file(in folder: URL) -> URL { folder.appendingPathComponent("manifest.json") }

    /// The manifest in `folder`, or an empty one (a missing or unreadable manifest rebuilds all).
    static func read(from folder: URL) -> BuildManifest {
        guard let data = FileManager.default.contents(atPath: file(in: folder).path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
              manifest.handbill == Workspace.version, manifest.format == currentFormat else { return BuildManifest() }
        return manifest
    }

    func isUpToDate(_ stem: String, inputs: String, in folder: URL) -> Bool {
        guard let entry = outputs[stem], entry.inputs == inputs else { return false }
        return entry.files.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    func write(to folder: URL) throws(DiagnosticError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(self) } catch {
            throw DiagnosticError(.error("cannot encode the build manifest: \(error)", hint: "this is a bug; please report it"))
        }
        try AtomicFile.write(Array(data), to: Self.file(in: folder))
    }
}
