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
            guard FileManager.default.fileExists(atPath: thumbnail.path) else { continue }
            // A print product's page has its own proportions; a web page's screenshot, its picture's.
            let aspect = (try? workspace.layouts.product(job.product)).map { $0.pageMM.height / $0.pageMM.width }
                ?? pngAspect(thumbnail)
            guard let aspect else { continue }
            entries.append(.init(label: "\(job.product) · \(job.variant) · \(job.language)", thumbnail: thumbnail.path,
                                 aspect: aspect))
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

    /// Height over width of a PNG, from its header (IHDR: width and height, big-endian, at bytes 16 and 20).
    static func pngAspect(_ file: URL) -> Double? {
        guard let handle = try? FileHandle(forReadingFrom: file), let header = try? handle.read(upToCount: 24),
              header.count == 24, header.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        try? handle.close()
        func number(_ at: Int) -> Double { Double(header[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) }) }
        let width = number(16), height = number(20)
        return width > 0 && height > 0 ? height / width : nil
    }
}
