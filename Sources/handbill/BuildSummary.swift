import Foundation
import Handbill

/// The end of a batch: how many built, up to date and failed, the failures' reasons, the speed.
struct BuildSummary {
    let results: [BatchResult]
    let seconds: Double
    let workers: Int

    var built: Int { results.filter { $0.status == .built }.count }
    var upToDate: Int { results.filter { $0.status == .upToDate }.count }
    var failed: Int { results.filter { $0.status == .failed }.count }
    /// Outputs (built or up to date) whose layout left out part of the full text to fit: a note, not a failure.
    var shortened: Int { results.filter { $0.status != .failed && $0.shortened != nil }.count }

    var line: String {
        let rate = built > 0 && seconds > 0 ? String(format: ", %.1f documents/s", Double(built) / seconds) : ""
        return "\(results.count) output\(results.count == 1 ? "" : "s"): \(built) built, \(upToDate) up to date, \(failed) failed"
            + (shortened > 0 ? " (\(shortened) shortened to fit: see the notes)" : "")
            + " in \(String(format: "%.2f", seconds)) s with \(workers) worker\(workers == 1 ? "" : "s")\(rate)"
            + (failed > 0 ? "; nothing partial was written" : "")
    }

    func printFailures() {
        for result in results where result.status == .failed {
            printError("\(result.output) failed:\n\(result.error ?? "")")
        }
    }

    func json(proof: [String]) -> String {
        struct Report: Encodable {
            var built: Int, upToDate: Int, failed: Int, shortened: Int, seconds: Double, workers: Int
            var results: [BatchResult]
            var proof: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let report = Report(built: built, upToDate: upToDate, failed: failed, shortened: shortened, seconds: (seconds * 1000).rounded() / 1000,
                            workers: workers, results: results, proof: proof)
        return (try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
