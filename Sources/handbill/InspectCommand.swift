import ArgumentParser
import HandbillFinish
import HandbillModel

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Report a PDF's language, title, tags, pages, boxes, fonts and accessibility problems.",
        discussion: """
            Reads any PDF, from Handbill or another tool, and lists what a reviewer of accessibility \
            (PDF/UA-1) and print-readiness checks, then each problem found. Exit status 0 when no file \
            has a problem, 1 when any has one or cannot be read.
            """)

    @Argument(help: "PDF files to inspect (from Handbill or any other tool).")
    var files: [String]

    @Flag(name: .long, help: "Print a JSON array with one report per file instead of text.")
    var json = false

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            var reports: [InspectionReport] = []
            var unreadable = 0
            for file in files {
                do throws(DiagnosticError) {
                    let inspected = try PDFInspector.inspect(path: file)
                    // Text reports appear as they are made, so a long run shows progress.
                    if !json { print((reports.isEmpty ? "" : "\n") + inspected.formatted()) }
                    reports.append(inspected)
                } catch {
                    unreadable += 1
                    report(error)
                }
            }
            if json { print(InspectionReport.json(reports)) }
            return unreadable == 0 && reports.allSatisfy { $0.problems.isEmpty }
        }
    }
}
