import Dispatch
import Foundation
import HandbillFinish
import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillSyntax

/// Builds one local edition per spreadsheet row: the national guidance unchanged, plus the row's
/// local-help block, for every job (product, variant, language) asked for, into
/// `<output>/<guidance>/editions/<id>/<guidance>-<product>-<variant>-<lang>.pdf`.
///
/// - Rows stream through in chunks: memory does not grow with the sheet (only the ids seen, for
///   the duplicate check, and the order of the editions, for `--combine`).
/// - Each worker lays out the national text of each leaflet or booklet job once (`EditionLayout`)
///   and then only the local block per edition; posters, tri-folds and cards are fitted again per
///   edition through their own path (`ProductEdition`). Pango's objects are the worker's own.
/// - Each edition's folder holds its own `manifest.json` (the batch manifest, per edition): inputs
///   unchanged means not built again, and shards never write the same manifest.
public final class EditionBuilder: @unchecked Sendable {
    public struct Options: Sendable {
        public var output: URL
        public var force = false
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        public var shard: EditionShard?
        /// Also write one PDF per job with every edition in sheet order, and its page ranges.
        public var combine = false
        /// Workers as child processes rather than threads (the command line sets this; EditionProcesses.swift).
        public var processes: WorkerProcesses?

        public init(output: URL) { self.output = output }
    }

    /// What a run did.
    public struct Report: Sendable {
        public var built = 0, upToDate = 0, failed = 0
        /// Rows skipped for their problems (each problem is also in `problems`).
        public var badRows = 0
        /// Every problem, in the order found: the sheet's header and rows, then failed builds.
        public var problems: [Diagnostic] = []
        public var combined: [URL] = []
        /// Jobs left out: their edition of the guidance has no `local-help:` (easy read, say).
        public var skippedJobs: [Job] = []
        public var seconds = 0.0
        public var succeeded: Bool { problems.isEmpty && failed == 0 }
    }

    let workspace: Workspace
    let guidance: GuidanceFolder

    public init(workspace: Workspace, guidance: GuidanceFolder) {
        self.workspace = workspace
        self.guidance = guidance
    }

    /// `<output>/<guidance>/editions`.
    public static func folder(output: URL, guidance: String) -> URL {
        output.appendingPathComponent(guidance).appendingPathComponent("editions")
    }

    /// Builds the editions of `sheet` (named `sheetName` in messages) for `jobs`. `problem` is called
    /// with each problem as it is found, to show it at once.
    public func run(sheet file: URL, sheetName: String, jobs: [Job], options: Options,
                    problem: @escaping @Sendable (Diagnostic) -> Void = { _ in }) throws(DiagnosticError) -> Report {
        let start = Date()
        var report = Report()
        func note(_ diagnostic: Diagnostic) { report.problems.append(diagnostic); problem(diagnostic) }
        guard jobs.allSatisfy({ $0.format == .pdf && $0.languages.count == 1 }) else {
            throw DiagnosticError(.error("local editions are made as PDFs in one language at a time",
                                         hint: "drop --format, and give --lang a tag or a comma list (not en+pl)"))
        }
        // Every product takes a local block (ProductEdition.swift); a tiling request is checked
        // before any row is built, as a normal build checks it.
        for job in jobs {
            if let sheet = job.tile {
                try Builder.checkTiling(sheet, products: [job.product], printShop: job.printShop, layouts: workspace.layouts)
            }
        }
        let national = try prepare(jobs, report: &report)
        let jobs = national.map(\.job)
        let sheet = try EditionSheet(file: file, name: sheetName)
        sheet.headerProblems.forEach(note)
        let check = EditionRowCheck(sheet: sheet)
        let folder = Self.folder(output: options.output, guidance: guidance.name)
        let workers = Workers(workspace: workspace, count: max(1, options.workers), national: national,
                              processes: options.processes.map { EditionProcesses(processes: $0, workspace: workspace, guidance: guidance) })
        defer { workers.finish() }
        var seen: [String: Int] = [:]  // id → line, for duplicates
        var order: [(id: String, organisation: String)] = []  // the editions in sheet order, for --combine
        var logoPrints: [String: String] = [:]
        var chunk: [EditionTask] = []
        let chunkSize = 32 * max(1, options.workers)

        func flush() {
            let results = workers.build(chunk, folder: folder)
            for result in results {
                report.built += result.built
                report.upToDate += result.upToDate
                if let error = result.error {
                    report.failed += max(result.failed, 1)  // a worker that died failed the row as one
                    error.diagnostics.forEach(note)
                }
            }
            chunk.removeAll(keepingCapacity: true)
        }

        while let row = try sheet.next() {
            let id = check.id(of: row)
            if let shard = options.shard, !shard.contains(id: id) { continue }
            let contact: LocalContact
            switch check.contact(from: row) {
            case .failure(let error):
                report.badRows += 1
                error.diagnostics.forEach(note)
                continue
            case .success(let found): contact = found
            }
            if let first = seen[contact.id] {
                report.badRows += 1
                note(.error("`id` (column \(EditionSheet.letter(sheet.index(of: "id")!))): `\(contact.id)` is used again; line \(first) has it first",
                            at: SourceLocation(file: sheetName, line: row.line, column: sheet.index(of: "id")! + 1),
                            hint: "give each row its own id; this row was skipped"))
                continue
            }
            seen[contact.id] = row.line
            order.append((contact.id, contact.organisation))
            // The header too: a column renamed (`emial` → `email`) changes what the row says.
            var rowPrint = (sheet.header + row.fields).joined(separator: "\u{1F}")
            if let logo = contact.logo {
                if logoPrints[logo] == nil { logoPrints[logo] = Fingerprint.of(FileManager.default.contents(atPath: logo) ?? Data()) }
                rowPrint += "\u{1F}" + logoPrints[logo]!
            }
            chunk.append(EditionTask(contact: contact, inputs: Fingerprint.of(Array(rowPrint.utf8)), force: options.force,
                                     location: SourceLocation(file: sheetName, line: row.line)))
            if chunk.count >= chunkSize { flush() }
        }
        if !chunk.isEmpty { flush() }
        if options.combine {
            for job in jobs {
                do throws(DiagnosticError) {
                    report.combined += try EditionCombiner.combine(job: job, editions: order, folder: folder)
                } catch {
                    error.diagnostics.forEach(note)
                }
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Each job's national document and the fingerprint of its inputs, checked before any row is built.
    func prepare(_ jobs: [Job], report: inout Report) throws(DiagnosticError) -> [NationalEdition] {
        let batch = BatchBuilder(workspace: workspace, guidance: guidance)
        var fingerprints = InputFingerprint(fontsFolder: workspace.fonts.folder)
        var result: [NationalEdition] = []
        for job in jobs {
            let document = try batch.edition(of: job).document(language: job.language)
            guard let labels = document.localHelp else {
                // An edition of the guidance that takes no local block (easy read, say) is left out.
                report.skippedJobs.append(job)
                continue
            }
            result.append(NationalEdition(job: job, document: document, labels: labels,
                                          inputs: fingerprints.of(job: job, files: batch.inputFiles(of: job), options: "edition")))
        }
        guard result.isEmpty else { return result }
        throw DiagnosticError(.error("the guidance \(guidance.name) does not say where a local edition's contact goes",
                                     at: SourceLocation(file: guidance.folder.appendingPathComponent(GuidanceLoader.sourceFileName).relativePath, line: 1),
                                     hint: "add `local-help:` with `title:` and `edition:` to its front matter (see README, “Local editions”)"))
    }
}

/// A job's guidance, as every edition of it shares it.
struct NationalEdition: @unchecked Sendable {
    let job: Job
    let document: Document
    let labels: LocalHelp
    let inputs: String
}

/// One row to build, in every job.
struct EditionTask: Sendable, Codable {
    let contact: LocalContact
    /// Fingerprint of the row's fields and logo.
    let inputs: String
    let force: Bool
    /// The row's line in the sheet, for messages about its edition.
    var location: SourceLocation? = nil
}

/// What building one row did.
struct EditionResult: Sendable, Codable {
    var built = 0, upToDate = 0
    /// Outputs of the row that failed (its other jobs may still have built).
    var failed = 0
    var error: DiagnosticError?
}
