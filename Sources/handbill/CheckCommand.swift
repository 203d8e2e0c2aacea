import ArgumentParser
import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate guidance, lint it for accessibility and lay out every selected variant, writing nothing.",
        discussion: """
            Reports each problem with file, line and column: source errors; stale translations; the \
            accessibility lint (easy-read sentence length, Flesch Reading Ease, unexplained initials, \
            passive voice, points without pictures; contrast, italics and capitals; every help service \
            in every translation and edition); and anything that stops a layout. Warnings never fail \
            the check; errors do (exit status 1).
            """)

    @OptionGroup var selection: JobSelection
    @OptionGroup var resources: ResourceOptions

    @Flag(name: .long, help: "Print the report as JSON on standard output.")
    var json = false

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            let workspace = try resources.workspace()
            let guidance = try selection.guidanceFolder()
            let documents = DocumentCache(guidance)
            let builder = Builder(workspace: workspace)
            // Stale translations of the guidance and of each edition a variant is written from (easy read).
            let editions = Set(workspace.layouts.variants.values.compactMap(\.source)).sorted().compactMap { try? guidance.edition($0) }
            var diagnostics = ([guidance] + editions).flatMap { $0.staleTranslationWarnings() }
                + AccessibilityLint.check(guidance, layouts: workspace.layouts)
            var layouts: [(job: String, pages: Int?, shortened: Shortening?)] = []
            for job in try selection.jobs(for: guidance, in: workspace) {
                do throws(DiagnosticError) {
                    let checked = try builder.check(try documents.documents(for: job, in: workspace), job: job)
                    layouts.append((job.fileName, checked.pages, checked.shortened))
                } catch {
                    layouts.append((job.fileName, nil, nil))
                    diagnostics += error.diagnostics
                }
            }
            let failed = diagnostics.contains { $0.severity == .error }
            if json {
                print(CheckReport(diagnostics: diagnostics, layouts: layouts).json)
            } else {
                report(DiagnosticError(diagnostics))
                for (job, pages, shortened) in layouts {
                    if let pages { print("ok  \(job) (\(pages) page\(pages == 1 ? "" : "s"))") } else { print("FAILED  \(job)") }
                    if let shortened { print("    note: \(shortened.note)") }
                }
                let errors = diagnostics.filter { $0.severity == .error }.count, warnings = diagnostics.count - errors
                print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
            return !failed
        }
    }
}

/// `handbill check --json`: every diagnostic and every layout, for machines.
struct CheckReport {
    let diagnostics: [Diagnostic]
    let layouts: [(job: String, pages: Int?, shortened: Shortening?)]

    var json: String {
        struct Entry: Encodable { var severity, message: String; var file: String?; var line, column: Int?; var hint: String? }
        struct Layout: Encodable { var output: String; var pages: Int?; var shortened: Shortening? }
        struct Report: Encodable { var errors: Int; var warnings: Int; var diagnostics: [Entry]; var layouts: [Layout] }
        let entries = diagnostics.map {
            Entry(severity: $0.severity.rawValue, message: $0.message, file: $0.location?.file, line: $0.location?.line,
                  column: $0.location?.column, hint: $0.hint)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let report = Report(errors: errors, warnings: diagnostics.count - errors, diagnostics: entries,
                            layouts: layouts.map { Layout(output: $0.job, pages: $0.pages, shortened: $0.shortened) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
