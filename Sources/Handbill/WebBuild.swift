import Foundation
import HandbillModel
import HandbillStyle
import HandbillWeb

extension Builder {
    /// The accessible web page of one job (and, for the proof sheet, a screenshot when `thumbnail`).
    func buildWeb(_ documents: [Document], job: Job, output: URL, thumbnail: Bool) throws(DiagnosticError) -> [URL] {
        let page = try webPage(documents, job: job)
        let file = job.file(in: output)
        try AtomicFile.write(Array(page.utf8), to: file)
        var written = [file]
        if thumbnail {
            let format = try workspace.web.get()
            if let png = try WebScreenshot.take(of: file, size: format.screenshot) {
                let target = job.thumbnail(in: output)
                try AtomicFile.write(png, to: target)
                written.append(target)
            }
        }
        return written
    }

    /// The page's HTML, written nowhere: what `buildWeb` writes and the tests read.
    public func webPage(_ documents: [Document], job: Job) throws(DiagnosticError) -> String {
        let layouts = workspace.layouts
        let languages = job.languages
        guard languages.count == documents.count, languages.count <= 2,
              zip(languages, documents).allSatisfy({ $0 == $1.metadata.language }) else {
            throw DiagnosticError(.error("the job is for `\(job.language)` but the guidance given is in \(documents.map { "`\($0.metadata.language)`" }.joined(separator: " and "))",
                                         hint: "a job has one language, or two joined by + (en+pl)"))
        }
        var parts: [WebPage.Part] = []
        for (language, document) in zip(languages, documents) {
            parts.append(WebPage.Part(document: document, strings: try layouts.language(language)))
        }
        var page = WebPage(parts: parts, variant: try layouts.variant(job.variant), format: try workspace.web.get(),
                           pictograms: layouts.folder.appendingPathComponent("pictograms"), generator: "Handbill \(Workspace.version)")
        return try page.html()
    }

    /// Every variant makes a web page: its sizes, colours and fonts come from the same layout data.
    static func makesWebPage(_ variant: Variant) -> Bool { true }
}
