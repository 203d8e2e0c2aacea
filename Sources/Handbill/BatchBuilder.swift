import Dispatch
import Foundation
import HandbillModel
import HandbillSyntax

/// Builds many outputs of one guidance: in parallel, one worker per core, each with fonts of its
/// own (Pango's are not thread-safe); skipping outputs whose inputs have not changed since the
/// manifest recorded them; one failure never stopping the others.
public final class BatchBuilder: @unchecked Sendable {
    public struct Options: Sendable {
        public var output: URL
        public var png = false
        /// Also keep page-1 thumbnails, for the proof sheet.
        public var thumbnails = false
        /// Build even what is up to date.
        public var force = false
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        /// Workers as child processes rather than threads (the command line sets this).
        public var processes: WorkerProcesses?

        public init(output: URL) { self.output = output }
    }

    let workspace: Workspace
    let guidance: GuidanceFolder
    /// Pictures and their credit, drawn from Layouts/pictograms/ (easy read's points, posters): an
    /// input of every PDF and web page, listed once, not per job.
    private let pictogramFiles: [URL]
    /// Each edition the jobs' variants name (easy read), parsed once: every job asks for its own.
    /// Kept as long as this builder, like `guidance` itself: one builder is one batch.
    private var editions: [String: Result<GuidanceFolder, DiagnosticError>] = [:]
    /// Each edition's document in each language, by "<edition>/<language>", parsed once likewise.
    private var documents: [String: Result<Document, DiagnosticError>] = [:]
    private let parsedLock = NSLock()  // guards `editions` and `documents`: worker threads ask

    public init(workspace: Workspace, guidance: GuidanceFolder) {
        self.workspace = workspace
        self.guidance = guidance
        let pictograms = workspace.layouts.folder.appendingPathComponent("pictograms")
        pictogramFiles = ((try? FileManager.default.contentsOfDirectory(atPath: pictograms.path)) ?? []).sorted().map(pictograms.appendingPathComponent)
    }

    /// Builds `jobs`; results come back in the jobs' order. `progress` is called as each finishes,
    /// from whichever worker finished it.
    public func run(_ jobs: [Job], options: Options, progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }) -> [BatchResult] {
        let folder = options.output.appendingPathComponent(guidance.name)
        StaleFiles.remove(in: folder)
        var manifest = options.force ? BuildManifest() : BuildManifest.read(from: folder)
        var fingerprints = InputFingerprint(fontsFolder: workspace.fonts.folder)
        let inputs = jobs.map { fingerprints.of(job: $0, files: inputFiles(of: $0), options: "png=\(options.png)") }

        let results = Results(count: jobs.count, progress: progress)
        var stale: [Int] = []
        for (index, job) in jobs.enumerated() {
            let thumbnail = Self.relative(job.thumbnail(in: options.output), to: folder)
            if manifest.isUpToDate(job.fileName, inputs: inputs[index], in: folder), let entry = manifest.outputs[job.fileName],
               !options.thumbnails || entry.files.contains(thumbnail) {
                results.record(index, BatchResult(output: job.fileName, status: .upToDate, files: entry.files, milliseconds: 0, shortened: entry.shortened))
            } else {
                stale.append(index)
            }
        }
        let pending = stale
        let next = Counter()
        let workers = max(1, min(options.workers, pending.count))
        /// Builds job `index` in this process, with the worker's `own` fonts (WorkerFonts.swift).
        let buildHere = { @Sendable (index: Int, worker: Int, own: inout WorkerFonts) in
            let job = jobs[index]
            let start = DispatchTime.now()
            do throws(DiagnosticError) {
                let workspace = try own.workspace(for: job, base: self.workspace, shared: worker == 0)
                let built = try Builder(workspace: workspace).buildOutput(try self.documents(for: job), job: job, output: options.output,
                                                                     png: options.png, thumbnail: options.thumbnails)
                results.record(index, BatchResult(output: job.fileName, status: .built, files: built.files.map { Self.relative($0, to: folder) },
                                                  milliseconds: Self.milliseconds(since: start), shortened: built.shortened))
            } catch {
                results.record(index, BatchResult(output: job.fileName, status: .failed, files: [],
                                                  milliseconds: Self.milliseconds(since: start), error: error.description))
            }
        }
        if let processes = options.processes, workers > 1 {  // WorkerProcesses.swift
            processes.run(jobs, pending: pending, workers: workers, batch: self, options: options, results: results, buildHere: buildHere)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var own = WorkerFonts()
                while let position = next.take(below: pending.count) { buildHere(pending[position], worker, &own) }
            }
        }
        let all = results.all
        let before = manifest.outputs
        for (index, result) in all.enumerated() {
            switch result.status {
            case .built: manifest.outputs[result.output] = .init(inputs: inputs[index], files: result.files, shortened: result.shortened)
            case .failed: manifest.outputs[result.output] = nil
            case .upToDate: break
            }
        }
        // Written only when something changed: a batch that built nothing leaves the folder as it was.
        // A manifest that cannot be written only costs a rebuild next time.
        if manifest.outputs != before { try? manifest.write(to: folder) }
        return all
    }

    /// The files an output is made from: its source and translations, its product, variant and
    /// language files, the pictures. (Fonts and Handbill's version are in every fingerprint.)
    func inputFiles(of job: Job) -> [URL] {
        let layouts = workspace.layouts.folder
        let guidance = (try? edition(of: job)) ?? self.guidance
        // Braille and web pages take their layout from Layouts/formats/<braille|web>.yaml.
        let product = job.format == .pdf ? "products/\(job.product).yaml" : "formats/\(job.product).yaml"
        var files = [guidance.folder.appendingPathComponent(GuidanceLoader.sourceFileName),
                     layouts.appendingPathComponent(product),
                     layouts.appendingPathComponent("variants/\(job.variant).yaml")]
        if job.printShop { files.append(layouts.appendingPathComponent("print-marks.yaml")) }
        if job.format == .pdf || job.format == .html {
            files += pictogramFiles
        }
        if job.tile != nil { files += ["tiling.yaml", "languages/en.yaml"].map(layouts.appendingPathComponent) }  // English: the labels' fallback
        for language in job.languages {
            files.append(layouts.appendingPathComponent("languages/\(language).yaml"))
            if language != guidance.source.metadata.language { files.append(guidance.translationFile(language)) }
        }
        return files
    }

    /// The edition of the guidance a job's variant sets (the easy-read text, or the guidance itself).
    func edition(of job: Job) throws(DiagnosticError) -> GuidanceFolder {
        guard let source = (try? workspace.layouts.source(ofVariant: job.variant)) else { return guidance }
        if let known = parsedLock.withLock({ editions[source] }) { return try known.get() }
        let found: Result<GuidanceFolder, DiagnosticError>
        do throws(DiagnosticError) { found = .success(try guidance.edition(source)) } catch { found = .failure(error) }
        parsedLock.withLock { editions[source] = found }
        return try found.get()
    }

    /// The documents a job needs (one, or two side by side), from its variant's edition, each
    /// parsed once per builder: every job in that edition and language shares it. One that fails
    /// fails the jobs that need it.
    func documents(for job: Job) throws(DiagnosticError) -> [Document] {
        let source = (try? workspace.layouts.source(ofVariant: job.variant)) ?? ""
        var result: [Document] = []
        for language in job.languages {
            let key = source + "/" + language
            if let known = parsedLock.withLock({ documents[key] }) { result.append(try known.get()); continue }
            let found: Result<Document, DiagnosticError>
            do throws(DiagnosticError) { found = .success(try edition(of: job).document(language: language)) } catch { found = .failure(error) }
            parsedLock.withLock { documents[key] = found }
            result.append(try found.get())
        }
        return result
    }

    static func relative(_ file: URL, to folder: URL) -> String {
        let path = file.standardizedFileURL.path, base = folder.standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    static func milliseconds(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
}

/// Each language's document, or why it could not be read.
/// Results filled in by workers in any order.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [BatchResult?]
    private var done = 0
    private let progress: @Sendable (BatchProgress) -> Void

    init(count: Int, progress: @escaping @Sendable (BatchProgress) -> Void) {
        results = Array(repeating: nil, count: count)
        self.progress = progress
    }

    func record(_ index: Int, _ result: BatchResult) {
        lock.lock()
        results[index] = result
        done += 1
        let report = BatchProgress(done: done, total: results.count, result: result)
        progress(report)
        lock.unlock()
    }

    var all: [BatchResult] { lock.withLock { results.map { $0! } } }
}

/// Hands out job positions to workers, one at a time.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
