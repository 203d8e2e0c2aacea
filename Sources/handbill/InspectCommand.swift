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

            With --text, prints only what a screen reader reads: the structure tree's text in \
            reading order, a line per heading, paragraph or list item. Exit status 1 when a file \
            has no structure tree or cannot be read.
            """)

    @Argument(help: "PDF files to inspect (from Handbill or any other tool).")
    var files: [String]

    @Flag(name: .long, help: "Print a JSON array with one report per file instead of text.")
    var json = false

    @Flag(name: .long, help: "Print only the text a screen reader reads, in the structure tree's order.")
    var text = false

    func validate() throws {
        if json && text { throw ValidationError("--json and --text print different things: choose one (the JSON has a \"text\" field)") }
    }

    func run() throws {
        if text { return try runText() }
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

    /// `--text`: each file's reading, a blank line between files.
    private func runText() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            var printed = 0, failed = 0
            for file in files {
                do throws(DiagnosticError) {
                    let reading = try PDFInspector.text(path: file)
                    print((printed == 0 ? "" : "\n") + reading.text)
                    printed += 1
                } catch {
                    failed += 1
                    report(error)
                }
            }
            return failed == 0
        }
    }
}
