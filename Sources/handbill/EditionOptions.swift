import ArgumentParser
import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

/// `build --editions sheet.csv [--shard K/N] [--combine]`: one local edition per spreadsheet row.
struct EditionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Build one local edition per row of this CSV spreadsheet (see README, “Local editions”).", valueName: "file.csv"))
    var editions: String?

    @Option(name: .long, help: ArgumentHelp("With --editions: build only shard K of N (0 ≤ K < N, rows split by a hash of their id).", valueName: "K/N"))
    var shard: String?

    @Flag(name: .long, help: "With --editions: also write one PDF holding every edition, with a bookmark each, and a JSON of page ranges by id.")
    var combine = false

    func validate() throws {
        if editions == nil && (shard != nil || combine) { throw ValidationError("--shard and --combine go with --editions") }
        if let shard { do { _ = try EditionShard(parsing: shard) } catch { throw ValidationError(error.description) } }
    }

    /// Builds the editions; true when every row was good and every edition built.
    func run(guidance: GuidanceFolder, jobs: [Job], workspace: Workspace, output: URL, force: Bool, workers: Int?,
             json: Bool) throws(DiagnosticError) -> Bool {
        guard let editions else { return true }
        var options = EditionBuilder.Options(output: output)
        options.force = force
        options.combine = combine
        options.shard = try shard.map { text throws(DiagnosticError) in try EditionShard(parsing: text) }
        if let workers { options.workers = workers }
        options.processes = WorkerProcesses(executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        let report = try EditionBuilder(workspace: workspace, guidance: guidance)
            .run(sheet: URL(fileURLWithPath: editions), sheetName: editions, jobs: jobs, options: options) { printError($0.description) }
        let shardText = options.shard.map { " (shard \($0))" } ?? ""
        let line = "editions\(shardText): \(report.built) built, \(report.upToDate) up to date, \(report.failed) failed, "
            + "\(report.badRows) rows skipped for errors, in \(String(format: "%.1f", report.seconds)) s"
        if json {
            let object: [String: Any] = ["built": report.built, "upToDate": report.upToDate, "failed": report.failed,
                                         "badRows": report.badRows, "seconds": report.seconds,
                                         "problems": report.problems.map(\.description), "combined": report.combined.map(\.relativePath)]
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) {
                print(String(decoding: data, as: UTF8.self))
            }
        } else {
            for file in report.combined { print("combined: \(file.relativePath)") }
            print(line)
        }
        return report.succeeded
    }
}
