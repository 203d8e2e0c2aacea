import Dispatch
import Foundation
import HandbillLayout
import HandbillModel
import HandbillStyle

/// The workers of an editions run, kept from chunk to chunk: each has its own fonts (Pango's
/// caches are not thread-safe) and, per job, the national text laid out once.
final class Workers: @unchecked Sendable {
    private let workspace: Workspace
    private let national: [NationalEdition]
    private var states: [Worker?]
    private let lock = NSLock()
    /// Child processes doing the building, when there are more workers than one.
    private let processes: EditionProcesses?

    init(workspace: Workspace, count: Int, national: [NationalEdition], processes: EditionProcesses? = nil) {
        self.workspace = workspace
        self.national = national
        states = Array(repeating: nil, count: count)
        self.processes = count > 1 ? processes : nil
    }

    /// Builds `tasks`, results in their order.
    func build(_ tasks: [EditionTask], folder: URL) -> [EditionResult] {
        let results = UnsafeResults(count: tasks.count)
        let next = Counter()  // BatchBuilder.swift
        let count = min(states.count, tasks.count)
        if let processes {
            // Rows whose editions are all up to date are answered here (reading their manifests is
            // cheap); only the others go to the children, which start with the first of them.
            var stale: [Int] = []
            for (index, task) in tasks.enumerated() {
                if let upToDate = Worker.upToDate(task, national: national, folder: folder) {
                    results.set(index, EditionResult(upToDate: upToDate))
                } else {
                    stale.append(index)
                }
            }
            guard !stale.isEmpty else { return results.all }
            let pending = stale
            // A task whose child has died is built in this process, with the slot's own fonts.
            processes.build(pending.map { tasks[$0] }, national: national, folder: folder, workers: states.count,
                            results: { results.set(pending[$0], $1) }) { slot, position in
                do throws(DiagnosticError) { return try self.state(slot).build(tasks[pending[position]], folder: folder) } catch { return EditionResult(error: error) }
            }
            return results.all
        }
        DispatchQueue.concurrentPerform(iterations: count) { slot in
            // Each slot touches only its own state.
            let worker: Worker
            do throws(DiagnosticError) {
                worker = try state(slot)
            } catch {
                while let index = next.take(below: tasks.count) { results.set(index, EditionResult(error: error)) }
                return
            }
            while let index = next.take(below: tasks.count) {
                results.set(index, worker.build(tasks[index], folder: folder))
            }
        }
        return results.all
    }

    /// Ends the child processes, if any.
    func finish() { processes?.finish() }

    /// Slot `slot`'s worker, made on first use. The array is shared by the slots' threads: locked.
    private func state(_ slot: Int) throws(DiagnosticError) -> Worker {
        if let state = lock.withLock({ states[slot] }) { return state }
        let state = Worker(workspace: slot == 0 ? workspace : try workspace.withOwnFonts(), national: national)
        lock.withLock { states[slot] = state }
        return state
    }
}

/// One worker: its fonts, and each job's national text laid out with them.
final class Worker {
    let workspace: Workspace
    let national: [NationalEdition]
    private var prepared: [Int: (layout: EditionLayout, styler: LocalHelpStyler)] = [:]
    private let laidOverEditions = LaidOverEditions()
    /// `HANDBILL_EDITIONS_IN_FULL=1` lays every edition out in full (to compare the two ways).
    private static let inFull = ProcessInfo.processInfo.environment["HANDBILL_EDITIONS_IN_FULL"] == "1"

    init(workspace: Workspace, national: [NationalEdition]) {
        self.workspace = workspace
        self.national = national
    }

    /// The number of outputs when every one of the row's editions is up to date; nil when one is not.
    static func upToDate(_ task: EditionTask, national: [NationalEdition], folder: URL) -> Int? {
        guard !task.force else { return nil }
        let editionFolder = folder.appendingPathComponent(task.contact.id)
        let manifest = BuildManifest.read(from: editionFolder)
        for edition in national where !manifest.isUpToDate(edition.job.fileName, inputs: Self.inputs(edition, task), in: editionFolder) {
            return nil
        }
        return national.count
    }

    /// The fingerprint of one edition's inputs: the job's and the row's.
    static func inputs(_ edition: NationalEdition, _ task: EditionTask) -> String {
        Fingerprint.of(Array((edition.inputs + "\n" + task.inputs).utf8))
    }

    func build(_ task: EditionTask, folder: URL) -> EditionResult {
        var result = EditionResult()
        let contact = task.contact
        let editionFolder = folder.appendingPathComponent(contact.id)
        var manifest = task.force ? BuildManifest() : BuildManifest.read(from: editionFolder)
        let before = manifest.outputs
        var problems: [Diagnostic] = []
        for (index, edition) in national.enumerated() {
            let name = edition.job.fileName
            let inputs = Self.inputs(edition, task)
            if !task.force, manifest.isUpToDate(name, inputs: inputs, in: editionFolder) {
                result.upToDate += 1
                continue
            }
            manifest.outputs[name] = nil
            do throws(DiagnosticError) {
                let files: [String]
                if let bytes = try laidOver(contact, job: index) {
                    try AtomicFile.write(bytes, to: editionFolder.appendingPathComponent(name))
                    files = [name]
                } else {
                    let positioned = try layout(contact, job: index)
                    files = try ProductEdition(workspace: workspace, job: edition.job).write(positioned, to: editionFolder)
                }
                manifest.outputs[name] = .init(inputs: inputs, files: files)
                result.built += 1
            } catch {
                result.failed += 1
                // One job failing (a long name on a small poster, say) does not stop the row's others;
                // the message names the row's line, its id and the file.
                problems += error.diagnostics.map { diagnostic in
                    var named = diagnostic
                    named.message = "edition `\(contact.id)` (\(name)): " + diagnostic.message
                    named.location = named.location ?? task.location
                    return named
                }
            }
        }
        if !problems.isEmpty { result.error = DiagnosticError(problems) }
        // A manifest that cannot be written only costs a rebuild next time.
        if manifest.outputs != before { try? manifest.write(to: editionFolder) }
        return result
    }

    /// The edition of job `index` for `contact`: the national layout with the local block spliced in,
    /// named in the footer's small print and the PDF's subject and keywords.
    func layout(_ contact: LocalContact, job index: Int) throws(DiagnosticError) -> PositionedDocument {
        let edition = national[index]
        let fonts = workspace.fonts
        let smallPrint = Self.smallPrint(contact, edition)
        // Posters, tri-folds and cards: through the product's own path (ProductEdition.swift).
        let own = try ProductEdition(workspace: workspace, job: edition.job)
            .layout(edition.document, block: LocalEditionBlock(contact: contact, labels: edition.labels, smallPrint: smallPrint))
        var positioned: PositionedDocument
        if let own { positioned = own } else {
            positioned = try fonts.exclusively { () throws(DiagnosticError) -> PositionedDocument in
                let prepared = try self.prepared(index)
                return try prepared.layout.layout(local: prepared.styler.style(contact), smallPrint: smallPrint)
            }
        }
        Self.name(&positioned.metadata, contact, edition)
        return positioned
    }

    /// The edition of job `index` for `contact` laid over the national pages (LaidOverEditions.swift);
    /// nil when it is laid out in full.
    private func laidOver(_ contact: LocalContact, job index: Int) throws(DiagnosticError) -> [UInt8]? {
        let edition = national[index]
        guard !Self.inFull, LaidOverEditions.takes(edition.job, product: try workspace.layouts.product(edition.job.product)) else { return nil }
        let smallPrint = Self.smallPrint(contact, edition)
        let composed = try workspace.fonts.exclusively { () throws(DiagnosticError) -> (layout: EditionLayout, block: EditionBlock?) in
            let prepared = try self.prepared(index)
            return (prepared.layout, try prepared.layout.block(local: prepared.styler.style(contact), smallPrint: smallPrint))
        }
        guard let block = composed.block else { return nil }
        return try laidOverEditions.edition(job: index, block: block, layout: composed.layout,
                                            metadata: { Self.name(&$0, contact, edition) }, builder: Builder(workspace: workspace))
    }

    /// "Local edition for …", the organisation an isolate (an Arabic name in an English leaflet).
    private static func smallPrint(_ contact: LocalContact, _ edition: NationalEdition) -> String {
        edition.labels.editionLine(for: "\u{2068}" + contact.organisation + "\u{2069}")
    }

    /// The edition named in the PDF's subject and keywords.
    private static func name(_ metadata: inout DocumentMetadata, _ contact: LocalContact, _ edition: NationalEdition) {
        let line = edition.labels.editionLine(for: contact.organisation)
        metadata.summary = line + (metadata.summary.map { " — " + $0 } ?? "")
        metadata.keywords += [contact.organisation, "local edition", contact.id]
    }

    /// Call inside the fonts' `exclusively`.
    private func prepared(_ index: Int) throws(DiagnosticError) -> (layout: EditionLayout, styler: LocalHelpStyler) {
        if let found = prepared[index] { return found }
        let job = national[index].job, layouts = workspace.layouts
        let styler = Styler(product: try layouts.product(job.product), variant: try layouts.variant(job.variant),
                            strings: try layouts.language(job.language), pictograms: layouts.folder.appendingPathComponent("pictograms"))
        let made = (layout: try EditionLayout(fonts: workspace.fonts, document: styler.style(national[index].document)),
                    styler: LocalHelpStyler(styler: styler, labels: national[index].labels))
        prepared[index] = made
        return made
    }
}

/// Results written by workers at distinct indexes.
private final class UnsafeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [EditionResult]

    init(count: Int) { results = Array(repeating: EditionResult(), count: count) }
    func set(_ index: Int, _ result: EditionResult) { lock.withLock { results[index] = result } }
    var all: [EditionResult] { lock.withLock { results } }
}

