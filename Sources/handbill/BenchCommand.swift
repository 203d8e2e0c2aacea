import ArgumentParser
import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

#if canImport(Glibc)
import Glibc
#endif

/// Prints how fast Handbill builds a guidance and how much memory it takes. A benchmark, not a
/// test: it reports figures and passes no judgement.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure build time and memory for each variant.",
        discussion: """
            Cold: a fresh `handbill build` process per run (fonts, layouts and source loaded from \
            scratch), wall time and the process's peak memory. Warm: builds inside this process with \
            fonts and layouts already loaded (parse, style, layout, render, write). Build with \
            `swift build -c release` first: debug builds are several times slower.
            """)

    @OptionGroup var selection: JobSelection
    @OptionGroup var resources: ResourceOptions

    @Option(name: .long, help: "Runs per measurement (the median is reported).")
    var runs = 20

    @Option(name: .long, help: ArgumentHelp("Instead: build N generated local editions (EditionBench.swift).", valueName: "n"))
    var editions: Int?

    @Flag(name: .long, help: "Also build the A4 leaflets' matrix, every product's PDFs and the whole matrix (--all), each in a fresh process with 1 and 2 workers: wall time, documents/s, peak memory.")
    var matrix = false

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            if let editions { return try benchEditions(editions) }
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("handbill-bench-\(getpid())")
            defer { try? FileManager.default.removeItem(at: output) }
            let loadStart = Date()
            let workspace = try resources.workspace()
            let loadMS = Date().timeIntervalSince(loadStart) * 1000
            let guidance = try selection.guidanceFolder()
            let documents = DocumentCache(guidance)
            let builder = Builder(workspace: workspace)
            print("Handbill \(Workspace.version) bench: \(selection.guidance), \(runs) runs each, median (min–max)")
            print("Loading fonts and layouts in-process: \(format(loadMS)) ms")
            print("job                                        pages  cold ms            cold peak MB  warm ms            warm peak MB")
            for job in try selection.jobs(for: guidance, in: workspace) {
                let document = try documents.document(job.language)
                let pages = try builder.layout(document, job: job).pages.count
                var cold: [Double] = [], coldPeak: [Double] = []
                for _ in 0..<runs {
                    let run = try spawnBuild(job: job, output: output)
                    cold.append(run.ms)
                    coldPeak.append(run.peakMB)
                }
                try builder.build(document, job: job, output: output)  // warm-up
                var warm: [Double] = []
                for _ in 0..<runs {
                    let start = Date()
                    let parsed = try GuidanceFolder(selection.folder).document(language: job.language)
                    try builder.build(parsed, job: job, output: output)
                    warm.append(Date().timeIntervalSince(start) * 1000)
                }
                print("\(job.stem.padding(toLength: 43, withPad: " ", startingAt: 0))\(String(pages).padding(toLength: 7, withPad: " ", startingAt: 0))"
                      + "\(summary(cold).padding(toLength: 19, withPad: " ", startingAt: 0))\(format(coldPeak.max() ?? 0).padding(toLength: 14, withPad: " ", startingAt: 0))"
                      + "\(summary(warm).padding(toLength: 19, withPad: " ", startingAt: 0))\(format(peakMemoryMB()))")
            }
            if matrix { try benchMatrix(output: output, guidance: guidance, workspace: workspace) }
            return true
        }
    }

    /// Three matrices, from scratch (`--force`), each in a fresh process with 1 worker and with 2:
    /// the A4 leaflet's PDFs in every variant and language (what issue 7's figure for Typst, 2-page
    /// leaflets, compares with), every product's PDFs, and everything (`--all`: braille, web pages).
    private func benchMatrix(output: URL, guidance: GuidanceFolder, workspace: Workspace) throws(DiagnosticError) {
        let matrices: [(name: String, arguments: [String])] = [
            ("A4 leaflets (every variant and language, PDF)", ["--all", "--product", "leaflet-a4", "--format", "pdf"]),
            ("every product's PDFs (--all --format pdf)", ["--all", "--format", "pdf"]),
            ("whole matrix (--all: PDF, braille, web pages)", ["--all"]),
        ]
        for matrix in matrices {
            // The selection counted is the one built: the same arguments, parsed.
            guard let everything = try? JobSelection.parse([selection.guidance] + matrix.arguments) else { continue }
            let total = try everything.jobs(for: guidance, in: workspace).count
            let repeats = max(3, runs / 4)
            print("\(matrix.name): \(total) documents, a fresh process each run, median of \(repeats):")
            for workers in [1, 2] {
                var times: [Double] = [], cpu: [Double] = [], peaks: [Double] = [], pss = 0.0, rss = 0.0
                for _ in 0..<repeats {
                    let run = try spawn(["build", selection.guidance] + matrix.arguments
                                        + ["--force", "--jobs", String(workers), "--output", output.path],
                                        tree: { pss = max(pss, $0.pss); rss = max(rss, $0.rss) }, sampling: true)
                    times.append(run.ms)
                    cpu.append(run.cpuMS)
                    peaks.append(run.peakMB)
                }
                let median = times.sorted()[times.count / 2], cpuMedian = cpu.sorted()[cpu.count / 2]
                // CPU time moves far less than wall time when the machine's cores are shared.
                print("  \(workers) worker\(workers == 1 ? " " : "s"): \(format(median)) ms wall, "
                      + "\(String(format: "%.1f", Double(total) / median * 1000)) documents/s, "
                      + "CPU \(format(cpuMedian)) ms (\(String(format: "%.1f", cpuMedian / Double(total))) ms a document), "
                      + "peak \(format(peaks.max() ?? 0)) MB (all processes: PSS \(format(pss)) MB, RSS \(format(rss)) MB)")
            }
        }
    }

    /// A timed run: wall milliseconds, CPU milliseconds (user and system, the process and every
    /// worker it waited for), and the peak RSS of its largest process, in MB.
    struct Run {
        var ms: Double, cpuMS: Double, peakMB: Double
    }

    /// Runs `handbill build` for one job in a new process.
    private func spawnBuild(job: Job, output: URL) throws(DiagnosticError) -> Run {
        // --force: without it every run after the first found the PDF up to date and built nothing.
        try spawn(["build", selection.guidance, "--product", job.product, "--variant", job.variant,
                   "--lang", job.language, "--output", output.path, "--force"])
    }

    /// Runs handbill with `arguments` in a new process. `tree`, when given, gets the peak summed
    /// PSS and RSS of the process and its workers (ProcessTreeMemory.swift).
    func spawn(_ handbillArguments: [String], tree: ((pss: Double, rss: Double)) -> Void = { _ in },
               sampling: Bool = false) throws(DiagnosticError) -> Run {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var arguments = [executable] + handbillArguments
        if let layouts = resources.layouts { arguments += ["--layouts", layouts] }
        if let fonts = resources.fonts { arguments += ["--fonts", fonts] }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        // The timed builds' lint warnings, once per run, would bury the figures (a failure still says which build).
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            throw DiagnosticError(.error("could not start \(executable)"))
        }
        let memory = sampling ? ProcessTreeMemory(pid: pid) : nil
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let ms = Date().timeIntervalSince(start) * 1000
        if let memory { memory.stop(); tree((memory.peakPSS, memory.peakRSS)) }
        guard status == 0 else { throw DiagnosticError(.error("the timed build (\(handbillArguments.joined(separator: " "))) failed (status \(status))")) }
        // wait4's usage counts the workers the build waited for, as well as the build itself.
        func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        let cpuMS = milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
        return Run(ms: ms, cpuMS: cpuMS, peakMB: Double(usage.ru_maxrss) / 1024)
    }

    private func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    private func summary(_ values: [Double]) -> String {
        let sorted = values.sorted()
        return "\(format(sorted[sorted.count / 2])) (\(format(sorted.first!))–\(format(sorted.last!)))"
    }

    private func format(_ value: Double) -> String { String(format: value < 10 ? "%.1f" : "%.0f", value) }
}
