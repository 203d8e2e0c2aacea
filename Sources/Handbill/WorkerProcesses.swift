import Dispatch
import Foundation
import HandbillModel
import HandbillSyntax

#if canImport(Glibc)
import Glibc
#endif

/// A batch's workers as child processes of the `handbill` executable (`handbill build-worker`),
/// each with its own Pango, Cairo and FreeType.
///
/// In one process every worker shapes and draws under one font lock (Cairo shares FreeType faces
/// between font maps), which is about two thirds of a document's work: two threads built only
/// ~1.2 times as fast as one. Processes share nothing, so they need no lock.
///
/// The parent hands out jobs one at a time (a line with the job's number on the child's standard
/// input) and reads each result back as a JSON line, so a slow document never holds up the others
/// and progress is reported as each finishes. A child that cannot be started, or dies, costs only
/// the job it had: the rest are built in this process instead.
public struct WorkerProcesses: Sendable {
    /// The `handbill` executable.
    public var executable: URL

    public init(executable: URL) { self.executable = executable }

    /// What the parent tells a child first: everything it needs to build any of the jobs.
    struct Plan: Codable {
        var jobs: [Job]  // whole: every field a job has reaches the child
        var output: String
        var png: Bool
        var thumbnails: Bool
    }

    /// The arguments that start a child for `workspace` and `guidance` (`handbill build-worker`,
    /// with `--editions` for local editions).
    func arguments(workspace: Workspace, guidance: GuidanceFolder, editions: Bool = false) -> [String] {
        [executable.path, "build-worker", guidance.folder.path,
         "--layouts", workspace.layouts.folder.path, "--fonts", workspace.fonts.folder.path] + (editions ? ["--editions"] : [])
    }

    /// A running child: its pid and the two ends of its pipes.
    final class Child: @unchecked Sendable {  // each used by one worker thread only
        let pid: pid_t
        let input: FileHandle
        let output: FileHandle
        private var buffer: [UInt8] = []

        init?(arguments: [String]) {
            var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
            guard pipe(&toChild) == 0 else { return nil }
            guard pipe(&fromChild) == 0 else { close(toChild[0]); close(toChild[1]); return nil }
            // Close-on-exec, so the next child does not hold this one's pipes open (dup2 into 0
            // and 1 clears the flag for this child's own ends). Children are started one by one.
            for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
            posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
            let argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
            close(toChild[0])
            close(fromChild[1])
            guard status == 0 else { close(toChild[1]); close(fromChild[0]); return nil }
            self.pid = pid
            input = FileHandle(fileDescriptor: toChild[1], closeOnDealloc: true)
            output = FileHandle(fileDescriptor: fromChild[0], closeOnDealloc: true)
        }

        func send(_ line: String) -> Bool {
            do { try input.write(contentsOf: Data((line + "\n").utf8)); return true } catch { return false }
        }

        /// The next line the child wrote; nil at its end.
        func receive() -> String? {
            while true {
                if let newline = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[..<newline], as: UTF8.self)
                    buffer.removeSubrange(...newline)
                    return line
                }
                // read(2) itself: FileHandle's read(upToCount:) waits for the whole count.
                var chunk = [UInt8](repeating: 0, count: 65_536)
                let count = chunk.withUnsafeMutableBytes { read(output.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }

        /// Closes its input (so it stops) and waits for it.
        func finish() {
            try? input.close()
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
    }

    // MARK: The parent's side

    /// Builds the `pending` jobs on `workers` children; results go to `results` as they arrive.
    func run(_ jobs: [Job], pending: [Int], workers: Int, batch: BatchBuilder, options: BatchBuilder.Options, results: Results,
             buildHere: @escaping @Sendable (Int, Int, inout WorkerFonts) -> Void) {
        let plan = Plan(jobs: jobs, output: options.output.standardizedFileURL.path,
                        png: options.png, thumbnails: options.thumbnails)
        let planLine = (try? JSONEncoder().encode(plan)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let pool = ChildProcessPool(arguments: arguments(workspace: batch.workspace, guidance: batch.guidance), plan: planLine)
        defer { pool.finish() }
        let own = SlotFonts(count: workers)
        pool.run(count: pending.count, workers: workers, request: { String(pending[$0]) }, answer: { position, line in
            guard let result = try? JSONDecoder().decode(BatchResult.self, from: Data(line.utf8)) else { return false }
            results.record(pending[position], result)
            return true
        }, lost: { position in
            results.record(pending[position], BatchResult(output: jobs[pending[position]].fileName, status: .failed, files: [], milliseconds: 0,
                                                          error: "error: the worker process building it ended unexpectedly"))
        }, here: { slot, position in
            var fonts = own.get(slot)
            buildHere(pending[position], slot, &fonts)
            own.set(slot, fonts)
        })
    }

    /// Each slot's own fonts, for the jobs it builds in this process (each slot touches only its own).
    private final class SlotFonts: @unchecked Sendable {
        private let lock = NSLock()
        private var fonts: [WorkerFonts]
        init(count: Int) { fonts = Array(repeating: WorkerFonts(), count: count) }
        func get(_ slot: Int) -> WorkerFonts { lock.withLock { fonts[slot] } }
        func set(_ slot: Int, _ value: WorkerFonts) { lock.withLock { fonts[slot] = value } }
    }

    // MARK: The child's side

    /// `handbill build-worker`: reads the plan, then builds each job whose number arrives on
    /// standard input and writes its result as one JSON line, until standard input ends.
    public static func serve(workspace: Workspace, guidance: GuidanceFolder) throws(DiagnosticError) {
        guard let first = readLine(), let plan = try? JSONDecoder().decode(Plan.self, from: Data(first.utf8)) else {
            throw DiagnosticError(.error("build-worker: no plan on standard input",
                                         hint: "build-worker is started by `handbill build`; it is not for use by hand"))
        }
        let jobs = plan.jobs, output = URL(fileURLWithPath: plan.output, isDirectory: true)
        let batch = BatchBuilder(workspace: workspace, guidance: guidance)
        var fonts = WorkerFonts()
        let folder = output.appendingPathComponent(guidance.name)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        while let line = readLine(), let index = Int(line), jobs.indices.contains(index) {
            let job = jobs[index], start = DispatchTime.now()
            var result: BatchResult
            do throws(DiagnosticError) {
                let built = try Builder(workspace: try fonts.workspace(for: job, base: workspace, shared: true))
                    .buildOutput(try batch.documents(for: job), job: job, output: output, png: plan.png, thumbnail: plan.thumbnails)
                result = BatchResult(output: job.fileName, status: .built, files: built.files.map { BatchBuilder.relative($0, to: folder) },
                                     milliseconds: BatchBuilder.milliseconds(since: start), shortened: built.shortened)
            } catch {
                result = BatchResult(output: job.fileName, status: .failed, files: [],
                                     milliseconds: BatchBuilder.milliseconds(since: start), error: error.description)
            }
            let encoded = (try? encoder.encode(result)) ?? Data("{}".utf8)
            FileHandle.standardOutput.write(encoded + Data("\n".utf8))
        }
    }
}
