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
public final class EditionProcesses: @unchecked Sendable {  // each child is used by one thread at a time
    /// What a child is told first: the jobs (those with a local block) and the editions folder.
    struct Plan: Codable {
        var jobs: [Job]
        var folder: String
    }

    private let processes: WorkerProcesses
    private let arguments: [String]
    private var children: [WorkerProcesses.Child?] = []
    /// Per child: false once it has died or could not start; its slot then builds in this process.
    private var alive: [Bool] = []
    private let lock = NSLock()

    init(processes: WorkerProcesses, workspace: Workspace, guidance: GuidanceFolder) {
        self.processes = processes
        arguments = processes.arguments(workspace: workspace, guidance: guidance, editions: true)
    }

    /// Builds `tasks` on `workers` children, each result handed to `results` with its task's index.
    /// `here(slot, index)` builds a task in this process, for a slot whose child is gone.
    func build(_ tasks: [EditionTask], national: [NationalEdition], folder: URL, workers: Int,
               results: @escaping @Sendable (Int, EditionResult) -> Void,
               here: @escaping @Sendable (Int, Int) -> EditionResult) {
        // Children start as they are first needed (one row to build needs one child), and stay.
        start(min(workers, tasks.count), plan: Plan(jobs: national.map(\.job), folder: folder.standardizedFileURL.path))
        let next = Counter()  // BatchBuilder.swift
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        DispatchQueue.concurrentPerform(iterations: min(workers, tasks.count)) { slot in
            while let index = next.take(below: tasks.count) {
                guard lock.withLock({ alive[slot] }), let child = children[slot] else { results(index, here(slot, index)); continue }
                if let line = try? encoder.encode(tasks[index]), child.send(String(decoding: line, as: UTF8.self)),
                   let answer = child.receive(), let result = try? decoder.decode(EditionResult.self, from: Data(answer.utf8)) {
                    results(index, result)
                } else {
                    // Not built again here: if the row is what killed the child, it would kill this process too.
                    lock.withLock { alive[slot] = false }
                    results(index, EditionResult(failed: national.count, error: DiagnosticError(.error(
                        "edition `\(tasks[index].contact.id)`: the worker process building it ended unexpectedly",
                        at: tasks[index].location, hint: "run again with --jobs 1 to see the error, and report it"))))
                }
            }
        }
    }

    /// Closes the children's input (so they stop) and waits for them.
    func finish() {
        for child in children { child?.finish() }
        children = []
    }

    /// Starts children until there are `count`.
    private func start(_ count: Int, plan: Plan) {
        guard children.count < count else { return }
        signal(SIGPIPE, SIG_IGN)  // a child that died is noticed when its answer is missing
        let line = (try? JSONEncoder().encode(plan)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for _ in children.count..<count {
            let child = WorkerProcesses.Child(arguments: arguments)
            children.append(child)
            alive.append(child?.send(line) ?? false)
        }
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
