import Foundation
import HandbillModel
import Yams

/// One folder of layout files (`products/`, `variants/`, `languages/`, or one file such as
/// `print-marks.yaml`), each read and checked the first time it is asked for and kept: decoding
/// YAML is slow (Yams), and a build of one leaflet needs one product, variant and language of the
/// seven, four and fifteen there are.
final class LayoutFilesOnDemand<Value: Sendable>: @unchecked Sendable {  // `read` is pure; the cache is locked
    /// The files' names without `.yaml`, sorted: known without reading them.
    let names: [String]
    private let folder: URL
    /// Reads one file: its value, or nil with the reasons added to the problems.
    private let read: @Sendable (URL, inout [Diagnostic]) -> Value?
    private let lock = NSLock()
    private var cache: [String: Result<Value, DiagnosticError>] = [:]

    /// `only`: the one file of the folder meant (`print-marks` in Layouts/), when it holds others.
    init(folder: URL, only: String? = nil, read: @escaping @Sendable (URL, inout [Diagnostic]) -> Value?) {
        self.folder = folder
        self.read = read
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        names = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
            .filter { only == nil || $0 == only }.sorted()
    }

    /// Asks `test` about a file's YAML without decoding it (composing is a small part of reading);
    /// when the file cannot be read or parsed, throws what is wrong with it.
    func peek(_ name: String, _ test: (Node?) -> Bool) throws(DiagnosticError) -> Bool {
        guard let text = try? LayoutFile.read(folder.appendingPathComponent(name + ".yaml")),
              let root = try? Yams.compose(yaml: text, LayoutKeyLines.resolver(for: text), .default, .utf8) else {
            _ = try one(name)  // reads it the usual way, for the usual message
            return false
        }
        return test(root)
    }

    /// The value in `<name>.yaml`, or what is wrong with the file.
    func one(_ name: String) throws(DiagnosticError) -> Value {
        try result(name).get()
    }

    /// Every file that reads without problems, by name.
    func all() -> [String: Value] {
        var values: [String: Value] = [:]
        for name in names { if case .success(let value) = result(name) { values[name] = value } }
        return values
    }

    /// Reads every file; what is wrong with each, in file order.
    func problemsOfAll() -> [Diagnostic] {
        names.flatMap { name -> [Diagnostic] in
            if case .failure(let error) = result(name) { return error.diagnostics }
            return []
        }
    }

    private func result(_ name: String) -> Result<Value, DiagnosticError> {
        if let found = lock.withLock({ cache[name] }) { return found }
        var problems: [Diagnostic] = []
        let value = read(folder.appendingPathComponent(name + ".yaml"), &problems)
        // A file read with an error (a `name:` that is not its file's, say) is not used.
        let usable = problems.contains { $0.severity == .error } ? nil : value
        let found: Result<Value, DiagnosticError> = usable.map { .success($0) }
            ?? .failure(DiagnosticError(problems.isEmpty ? [.error("cannot read \(folder.appendingPathComponent(name + ".yaml").relativePath)")] : problems))
        lock.withLock { cache[name] = found }
        return found
    }
}
