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
            or not at all. Exit status 0 when every document was built, 1 otherwise.
            """)

    @OptionGroup var selection: JobSelection
    @OptionGroup var resources: ResourceOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write into.", valueName: "dir"))
    var output: String = "Output"

    @Flag(name: .long, help: "Also write a PNG preview of every page.")
    var png = false

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            let workspace = try resources.workspace()
            let guidance = try selection.guidanceFolder()
            let documents = DocumentCache(guidance)
            let jobs = try selection.jobs(for: guidance, in: workspace)
            let builder = Builder(workspace: workspace)
            let outputFolder = URL(fileURLWithPath: output, isDirectory: true)
            var failed = 0
            for (index, job) in jobs.enumerated() {
                let start = Date()
                do throws(DiagnosticError) {
                    let files = try builder.build(try documents.documents(for: job), job: job, output: outputFolder, png: png)
                    let ms = Int(Date().timeIntervalSince(start) * 1000)
                    print("[\(index + 1)/\(jobs.count)] \(files[0].relativePath) (\(ms) ms)")
                    for file in files.dropFirst() { print("      \(file.relativePath)") }
                } catch {
                    failed += 1
                    printError("[\(index + 1)/\(jobs.count)] \(job) failed:")
                    report(error)
                }
            }
            if failed > 0 { printError("\(failed) of \(jobs.count) documents failed; nothing partial was written.") }
            return failed == 0
        }
    }
}
