import Foundation
import HandbillLayout
import HandbillModel
import HandbillRender
import HandbillStyle
import HandbillSyntax

/// Runs the pipeline for one job: parse → style → layout → render → write.
///
///     guidance.md ──parse──▶ Document ──style──▶ StyledDocument ──layout──▶ PositionedDocument ──render──▶ PDF
public struct Builder: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Every stage but rendering: what `handbill check` and the tests use.
    public func layout(_ document: Document, job: Job) throws(DiagnosticError) -> PositionedDocument {
        guard job.language == document.metadata.language else {
            throw DiagnosticError(.error("the guidance has no `\(job.language)` version",
                                         hint: "it is written in `\(document.metadata.language)`; translations come with the languages work"))
        }
        let layouts = workspace.layouts
        let styler = Styler(product: try layouts.product(job.product), variant: try layouts.variant(job.variant),
                            strings: try layouts.language(job.language))
        return try DocumentLayout(fonts: workspace.fonts).layout(styler.style(document))
    }

    /// Builds the job into `output`; returns the files written.
    @discardableResult
    public func build(_ document: Document, job: Job, output: URL, png: Bool = false) throws(DiagnosticError) -> [URL] {
        let positioned = try layout(document, job: job)
        let options = PDFOptions(creator: "Handbill \(Workspace.version)", date: document.metadata.date + "T00:00:00Z")
        let pdf = job.pdf(in: output)
        try AtomicFile.write(to: pdf) { path throws(DiagnosticError) in
            try PDFRenderer.render(positioned, options: options, to: path)
        }
        var written = [pdf]
        if png {
            for index in positioned.pages.indices {
                let file = job.png(in: output, page: index + 1)
                try AtomicFile.write(to: file) { path throws(DiagnosticError) in
                    try PNGRenderer.render(positioned, page: index, dpi: 100, to: path)
                }
                written.append(file)
            }
        }
        return written
    }
}
