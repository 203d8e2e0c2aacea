import Foundation
import HandbillModel

/// Reads any PDF with qpdf and reports what a reviewer of accessibility (PDF/UA-1) and
/// print-readiness checks: metadata, structure, marked content, links, fonts and page boxes.
///
/// Each check is its own small type in its own file (DocumentAudit, StructureAudit, MarkedContentAudit,
/// LinkAudit, FontAudit, PageBoxAudit); every one reads, none writes.
public enum PDFInspector {
    public static func inspect(path: String) throws(DiagnosticError) -> InspectionReport {
        let pdf = try open(path)
        let pages: [PDFObject]
        do throws(DiagnosticError) {
            pages = try pdf.readPages()
        } catch {
            throw unreadable(path, error)
        }
        var report = InspectionReport(file: path)
        var problems: [String] = []

        let document = DocumentAudit(pdf)
        report.title = document.title
        report.displayDocTitle = document.displayDocTitle
        report.language = document.language
        report.tagged = document.tagged
        report.pdfuaPart = document.pdfuaPart
        problems += document.problems

        let structure = StructureAudit(pdf)
        report.roles = structure.roles
        problems += structure.problems

        problems += MarkedContentAudit(pages).problems

        let links = LinkAudit(pages)
        report.linkCount = links.count
        report.linksWithoutContents = links.withoutContents
        problems += links.problems

        let fonts = FontAudit(pages)
        report.fonts = fonts.fonts
        problems += fonts.problems

        let boxes = PageBoxAudit(pages)
        report.pages = boxes.pages
        problems += boxes.problems

        report.problems = problems
        // The text is a bonus in the report: a file without a structure tree says so among the problems.
        report.text = try? StructureText(pdf).text
        return report
    }

    /// What a screen reader reads from the PDF at `path`: its structure tree's text, a line per block.
    public static func text(path: String) throws(DiagnosticError) -> StructureText {
        try StructureText(try open(path))
    }

    /// qpdf's own reading, with errors about the file rather than about Handbill.
    private static func open(_ path: String) throws(DiagnosticError) -> QPDF {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DiagnosticError(.error("\(path): no such file", hint: "check the path; inspect takes PDF files"))
        }
        do throws(DiagnosticError) {
            return try QPDF(reading: path)
        } catch {
            throw unreadable(path, error)
        }
    }

    /// qpdf's complaint, with a hint for a file from anywhere (QPDF's own hint assumes Handbill wrote it).
    private static func unreadable(_ path: String, _ error: DiagnosticError) -> DiagnosticError {
        let reason = error.diagnostics.first?.message ?? "qpdf could not read it"
        return DiagnosticError(.error("\(path) cannot be read as a PDF (\(reason))",
                                      hint: "check that it is a whole PDF file; `qpdf --check \(path)` says more"))
    }
}
