import ArgumentParser
import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render guidance to PDF (and PNG previews).",
        discussion: """
            Writes <output>/<guidance>/<guidance>-<product>-<variant>-<lang>.pdf. Each file appears whole \
            or not at all. Outputs whose inputs have not changed since the last build (recorded in \
            <output>/<guidance>/manifest.json) are not built again. Builds run in parallel, one per core; \
            one failure does not stop the others. Exit status 0 when every document was built, 1 otherwise.
            """)

    @OptionGroup var selection: JobSelection
    @OptionGroup var resources: ResourceOptions
    @OptionGroup var editionOptions: EditionOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write into.", valueName: "dir"))
    var output: String = "Output"

    @Flag(name: .long, help: "Also write a PNG preview of every page.")
    var png = false

    @Flag(name: .long, help: "Build even outputs that are up to date.")
    var force = false

    @Flag(name: .long, help: "Also write proof.pdf and proof.png: page 1 of every output, labelled.")
    var proof = false

    @Option(name: .long, help: ArgumentHelp("Builds to run at once. Default: one per core.", valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "Print a JSON report on standard output instead of progress lines.")
    var json = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        if editionOptions.editions != nil && (png || proof) {
            throw ValidationError("--png and --proof are not made for local editions: preview the national product with --png (without --editions)")
        }
    }

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            // Layout files read on demand, but for --all and --tile with no product, which look at every one.
            let workspace = try resources.workspace(layoutsOnDemand: !selection.all && (selection.tile == nil || !selection.product.isEmpty))
            let guidance = try selection.guidanceFolder()
            let jobList = try selection.jobs(for: guidance, in: workspace)
            // The accessibility lint first: its warnings are shown, its errors stop the build.
            let lint = AccessibilityLint.check(guidance, layouts: workspace.layouts,
                                               languages: Set(jobList.flatMap(\.languages)), variants: Set(jobList.map(\.variant)))
            report(DiagnosticError(lint))
            if lint.contains(where: { $0.severity == .error }) {
                printError("the accessibility lint found errors: nothing was built (details: handbill check \(selection.guidance))")
                return false
            }
            if editionOptions.editions != nil {  // local editions: EditionOptions.swift
                return try editionOptions.run(guidance: guidance, jobs: jobList, workspace: workspace,
                                              output: URL(fileURLWithPath: output, isDirectory: true), force: force, workers: jobs, json: json)
            }
            var options = BatchBuilder.Options(output: URL(fileURLWithPath: output, isDirectory: true))
            options.png = png
            options.force = force
            options.thumbnails = proof
            if let jobs { options.workers = jobs }
            options.processes = WorkerProcesses(executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
            let display = ProgressDisplay(quiet: json)
            let start = Date()
            let results = BatchBuilder(workspace: workspace, guidance: guidance).run(jobList, options: options) { display.show($0) }
            let seconds = Date().timeIntervalSince(start)
            display.finish()
            var proofFiles: [URL] = []
            if proof {
                proofFiles = try ProofSheet.write(for: jobList, results: results, workspace: workspace, output: options.output,
                                                  metadata: guidance.source.metadata)
            }
            let summary = BuildSummary(results: results, seconds: seconds, workers: min(options.workers, max(1, jobList.count)))
            if json {
                print(summary.json(proof: proofFiles.map(\.relativePath)))
            } else {
                for file in proofFiles { print("proof sheet: \(file.relativePath)") }
                summary.printFailures()
                print(summary.line)
            }
            return summary.failed == 0
        }
    }
}
