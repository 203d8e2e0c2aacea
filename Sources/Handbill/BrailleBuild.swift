import Foundation
import HandbillBraille
import HandbillModel
import HandbillStyle

extension Builder {
    /// Braille of one job: `.brf` (ASCII braille) or `.pef` (Portable Embosser Format), by the job's
    /// format, set as Layouts/formats/braille.yaml says and translated by liblouis.
    func buildBraille(_ documents: [Document], job: Job, output: URL) throws(DiagnosticError) -> [URL] {
        let file = job.file(in: output)
        try AtomicFile.write(try braille(documents, job: job).bytes, to: file)
        return [file]
    }

    /// The job's braille file and how many braille pages it has, written nowhere.
    func braille(_ documents: [Document], job: Job) throws(DiagnosticError) -> (bytes: [UInt8], pages: Int) {
        guard documents.count == 1, let document = documents.first else {
            throw DiagnosticError(.error("braille is made in one language at a time, not side by side (`\(job.language)`)",
                                         hint: "build each language's braille on its own: --lang \(job.languages.joined(separator: ","))"))
        }
        let format = try workspace.braille.get()
        // The table first: a language with no braille table says so before anything else.
        _ = try BrailleTable.resolve(document.metadata.language, in: format)
        let pages = try BrailleTranscriber(format: format, strings: try workspace.layouts.language(document.metadata.language))
            .pages(document)
        let bytes: [UInt8]
        switch job.format {
        case .pef:
            let meta = document.metadata
            bytes = PEFWriter(cellsPerLine: format.cellsPerLine, linesPerPage: format.linesPerPage)
                .write(pages, metadata: .init(title: meta.title, language: meta.language, publisher: meta.publisher,
                                              date: meta.date, source: meta.source))
        default:
            bytes = try BRFWriter().write(pages)
        }
        return (bytes, pages.count)
    }

    /// Braille is made of the variants whose words differ (the guidance and its easy-read edition):
    /// large print and dyslexia-friendly are ways of printing, which braille has no use for.
    static func makesBraille(_ variant: Variant) -> Bool {
        variant.standard == .clearPrint || variant.standard == .easyRead
    }

    /// Whether braille is made in `language` when the whole matrix is asked for: Layouts/formats/braille.yaml
    /// names a table for it. Asked for by name, a language without one is an error that says why.
    public func makesBraille(language: String) -> Bool {
        guard let format = try? workspace.braille.get() else { return true }  // the job says what is wrong
        return language.split(separator: "+").count == 1 && BrailleTable.exists(for: language, in: format)
    }
}
