import Foundation
import Handbill

/// Shows a batch's progress: a bar redrawn in place on a terminal, a line per output otherwise
/// (logs, CI), nothing when the report goes out as JSON.
final class ProgressDisplay: @unchecked Sendable {
    private let quiet: Bool
    private let terminal = isatty(STDERR_FILENO) == 1
    private var drewBar = false

    init(quiet: Bool) { self.quiet = quiet }

    /// Called under the batch's lock, one report at a time.
    func show(_ progress: BatchProgress) {
        guard !quiet else { return }
        let result = progress.result
        if terminal {
            let width = 30, filled = width * progress.done / max(progress.total, 1)
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            // A note goes on a line of its own above the bar, which is redrawn under it.
            let note = result.shortened.map { "\r\u{1B}[Knote: \(result.output): \($0.note)\n" } ?? ""
            FileHandle.standardError.write(Data("\(note)\r[\(bar)] \(progress.done)/\(progress.total) \(result.output)\u{1B}[K".utf8))
            drewBar = true
        } else {
            let detail = result.status == .built ? "built (\(result.milliseconds) ms)" : result.status.rawValue
            print("[\(progress.done)/\(progress.total)] \(result.output): \(detail)")
            if let shortened = result.shortened { print("  note: \(shortened.note)") }
        }
    }

    func finish() {
        if drewBar { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
