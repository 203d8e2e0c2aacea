import Foundation
import HandbillModel
import HandbillStyle

/// The files a build wrote and what its layout left out of the full text to fit (a note).
public struct BuiltOutput: Sendable {
    public var files: [URL]
    public var shortened: Shortening?
}

extension Builder {
    /// Builds a job like `build`, also returning what the layout left out to fit (a poster's shorter
    /// text, a tri-fold's sections), which the batch reports as a note.
    public func buildOutput(_ documents: [Document], job: Job, output: URL, png: Bool = false, thumbnail: Bool = false) throws(DiagnosticError) -> BuiltOutput {
        switch job.format {
        case .pdf: try buildPDF(documents, job: job, output: output, png: png, thumbnail: thumbnail)
        case .brf, .pef: BuiltOutput(files: try buildBraille(documents, job: job, output: output))
        case .html: BuiltOutput(files: try buildWeb(documents, job: job, output: output, thumbnail: thumbnail))
        }
    }

    /// What `handbill check` reports of a job, made in memory and written nowhere: how many pages it
    /// has (braille pages for braille, one for a web page) and what its layout left out.
    public func check(_ documents: [Document], job: Job) throws(DiagnosticError) -> (pages: Int, shortened: Shortening?) {
        switch job.format {
        case .pdf:
            let positioned = try layout(documents, job: job)
            return (positioned.pages.count, positioned.shortened)
        case .brf, .pef: return (try braille(documents, job: job).pages, nil)
        case .html: return (try webPage(documents, job: job).isEmpty ? 0 : 1, nil)
        }
    }

    /// A poster's note when it holds a shorter text than the full one: which, how far the full one
    /// was over at the floor, and how many points and codes it keeps.
    static func posterShortening(_ document: Document, styler: PosterStyler, text: Int, fullOverMM: Double?,
                                 floorPt: Double) -> Shortening? {
        guard text > 0, let poster = document.poster else { return nil }
        let full = styler.contents(document, text: 0), kept = styler.contents(document, text: text)
        return Shortening(poster: .init(text: text, of: poster.texts.count - 1, fullOverMM: ((fullOverMM ?? 0) * 10).rounded() / 10,
                                        floorPt: (floorPt * 10).rounded() / 10, points: kept.points, fullPoints: full.points,
                                        codes: kept.codes, fullCodes: full.codes))
    }
}

extension BuiltOutput {
    init(files: [URL]) { self.files = files; shortened = nil }
}
