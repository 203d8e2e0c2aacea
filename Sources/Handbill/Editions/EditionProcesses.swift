import Dispatch
import Foundation
import HandbillModel
import HandbillSyntax

#if canImport(Glibc)
import Glibc
#endif

/// Local editions built by child processes of the `handbill` executable (`handbill build-worker --editions`),
/// each with its own Pango, Cairo and FreeType.
///
/// As threads, every worker shapes and draws under the one process-wide font lock, which is most
/// of an edition's work: two threads built barely more than one. The children are started with
/// the first chunk of rows and kept to the end of the run, so each lays out the national text once
/// (`EditionLayout`). Rows go out one at a time as JSON lines (a slow edition holds up no other)
/// and results come back the same way; the parent keeps reading the sheet, checking rows and
/// reporting. An edition is the same bytes whichever process builds it.
public final class EditionProcesses: @unchecked Sendable {  // used by one editions run at a time (ChildProcessPool.swift)
    /// What a child is told first: the jobs (those with a local block) and the editions folder.
    struct Plan: Codable {
        var jobs: [Job]
        var folder: String
    }

    private let arguments: [String]
    /// Started with the first chunk's plan (every chunk has the same jobs and folder).
    private var pool: ChildProcessPool?

    init(processes: WorkerProcesses, workspace: Workspace, guidance: GuidanceFolder) {
        arguments = processes.arguments(workspace: workspace, guidance: guidance, editions: true)
    }

    /// Builds `tasks` on `workers` children, each result handed to `results` with its task's index.
    /// `here(slot, index)` builds a task in this process, for a slot whose child is gone.
    func build(_ tasks: [EditionTask], national: [NationalEdition], folder: URL, workers: Int,
               results: @escaping @Sendable (Int, EditionResult) -> Void,
               here: @escaping @Sendable (Int, Int) -> EditionResult) {
        if pool == nil {
            let plan = Plan(jobs: national.map(\.job), folder: folder.standardizedFileURL.path)
            pool = ChildProcessPool(arguments: arguments, plan: (try? JSONEncoder().encode(plan)).map { String(decoding: $0, as: UTF8.self) } ?? "")
        }
        pool?.run(count: tasks.count, workers: workers, request: { index in
            (try? JSONEncoder().encode(tasks[index])).map { String(decoding: $0, as: UTF8.self) }
        }, answer: { index, line in
            guard let result = try? JSONDecoder().decode(EditionResult.self, from: Data(line.utf8)) else { return false }
            results(index, result)
            return true
        }, lost: { index in
            results(index, EditionResult(failed: national.count, error: DiagnosticError(.error(
                "edition `\(tasks[index].contact.id)`: the worker process building it ended unexpectedly",
                at: tasks[index].location, hint: "run again with --jobs 1 to see the error, and report it"))))
        }, here: { slot, index in results(index, here(slot, index)) })
    }

    /// Closes the children's input (so they stop) and waits for them.
    func finish() {
        pool?.finish()
        pool = nil
    }

    // MARK: The child's side

    /// `handbill build-worker --editions`: reads the plan, prepares each job's national text, then builds the
    /// edition of each row that arrives on standard input and answers with its result as one JSON
    /// line, until standard input ends.
    public static func serve(workspace: Workspace, guidance: GuidanceFolder) throws(DiagnosticError) {
        guard let first = readLine(), let plan = try? JSONDecoder().decode(Plan.self, from: Data(first.utf8)) else {
            throw DiagnosticError(.error("build-worker --editions: no plan on standard input",
                                         hint: "build-worker --editions is started by `handbill build --editions`; it is not for use by hand"))
        }
        var unused = EditionBuilder.Report()
        let national = try EditionBuilder(workspace: workspace, guidance: guidance).prepare(plan.jobs, report: &unused)
        let worker = Worker(workspace: workspace, national: national)
        let folder = URL(fileURLWithPath: plan.folder, isDirectory: true)
        let decoder = JSONDecoder(), encoder = JSONEncoder()
        while let line = readLine(), let task = try? decoder.decode(EditionTask.self, from: Data(line.utf8)) {
            let encoded = (try? encoder.encode(worker.build(task, folder: folder))) ?? Data("{}".utf8)
            FileHandle.standardOutput.write(encoded + Data("\n".utf8))
        }
    }
}
