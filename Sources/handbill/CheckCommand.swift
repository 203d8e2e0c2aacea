import ArgumentParser
import Handbill
import HandbillModel
import HandbillSyntax

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate guidance and lay it out in every selected variant, writing nothing.",
        discussion: "Reports each problem with file, line and column. Exit status 0 when all is well.")

    @OptionGroup var selection: JobSelection
    @OptionGroup var resources: ResourceOptions

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            let workspace = try resources.workspace()
            let guidance = try selection.guidanceFolder()
            let documents = DocumentCache(guidance)
            let builder = Builder(workspace: workspace)
            var failed = false
            report(DiagnosticError(guidance.staleTranslationWarnings()))
            for job in try selection.jobs(for: guidance, in: workspace) {
                do throws(DiagnosticError) {
                    let pages = try builder.layout(try documents.documents(for: job), job: job).pages.count
                    print("ok  \(job) (\(pages) page\(pages == 1 ? "" : "s"))")
                } catch {
                    failed = true
                    printError("\(job):")
                    report(error)
                }
            }
            return !failed
        }
    }
}
