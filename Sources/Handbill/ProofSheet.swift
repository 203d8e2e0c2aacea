import Foundation
import HandbillLayout
import HandbillModel
import HandbillRender

/// `Output/<guidance>/proof.pdf` and `proof.png`: page 1 of every output of a batch, labelled.
public enum ProofSheet {
    /// Writes the sheet for the outputs that have a thumbnail; returns the files written.
    @discardableResult
    public static func write(for jobs: [Job], results: [BatchResult], workspace: Workspace, output: URL,
                             metadata: DocumentMetadata) throws(DiagnosticError) -> [URL] {
        var entries: [ProofSheetLayout.Entry] = []
        for (job, result) in zip(jobs, results) where result.status != .failed {
            let thumbnail = job.thumbnail(in: output)
            guard FileManager.default.fileExists(atPath: thumbnail.path),
                  let product = workspace.layouts.products[job.product] else { continue }
            entries.append(.init(label: "\(job.product) · \(job.variant) · \(job.language)", thumbnail: thumbnail.path,
                                 aspect: product.pageMM.height / product.pageMM.width))
        }
        guard !entries.isEmpty, let guidance = jobs.first?.guidance else { return [] }
        var meta = metadata
        meta.title = "Proof sheet: \(guidance)"
        let fonts = workspace.fonts
        let positioned = try fonts.exclusively { () throws(DiagnosticError) in
            try ProofSheetLayout(fonts: fonts).layout(entries, title: "\(guidance): \(entries.count) outputs", metadata: meta)
        }
        let folder = output.appendingPathComponent(guidance)
        let pdf = folder.appendingPathComponent("proof.pdf"), png = folder.appendingPathComponent("proof.png")
        try Builder(workspace: workspace).write(positioned, to: pdf)
        let bytes = try fonts.exclusively { () throws(DiagnosticError) in try PNGRenderer.render(positioned, page: 0, dpi: 96) }
        try AtomicFile.write(bytes, to: png)
        return [pdf, png]
    }
}
