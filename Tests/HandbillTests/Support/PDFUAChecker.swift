import Foundation

/// The `pdfua` checker from PyPI: `$HANDBILL_PDFUA`, else the virtualenv .ci/run makes, else `pdfua`.
enum PDFUAChecker {
    static var command: String { Project.testTool("HANDBILL_PDFUA", venv: "pdfua", fallback: "pdfua") }

    /// Whether the checker finds nothing wrong with the PDF at `path`.
    static func passes(_ path: String) throws -> Bool {
        try CommandResult.run(command, ["check", path]).status == 0
    }
}
