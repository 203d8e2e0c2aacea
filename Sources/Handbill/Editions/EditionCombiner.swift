import Foundation
import HandbillFinish
import HandbillModel

/// `--combine`: every edition of a job in sheet order in one PDF,
/// `editions/<guidance>-<product>-<variant>-<lang>-combined.pdf`, a bookmark per edition, and
/// `…-combined.json`: each edition's id, organisation and page range, for the print shop.
enum EditionCombiner {
    struct Entry: Codable {
        var id: String
        var organisation: String
        var firstPage: Int
        var lastPage: Int
        var file: String
    }

    struct Manifest: Codable {
        var combined: String
        var pages: Int
        var editions: [Entry]
    }

    static func combine(job: Job, editions: [(id: String, organisation: String)], folder: URL) throws(DiagnosticError) -> [URL] {
        let parts = editions.map { edition in
            PDFCombiner.Part(file: folder.appendingPathComponent(edition.id).appendingPathComponent(job.fileName),
                             bookmark: "\(edition.organisation) (\(edition.id))")
        }
        let (bytes, ranges) = try PDFCombiner.combine(parts, title: "\(job.stem): \(editions.count) local editions", language: job.language)
        let pdf = folder.appendingPathComponent(job.stem + "-combined.pdf"), json = folder.appendingPathComponent(job.stem + "-combined.json")
        try AtomicFile.write(bytes, to: pdf)
        let manifest = Manifest(combined: pdf.lastPathComponent, pages: ranges.last?.upperBound ?? 0,
                                editions: zip(editions, ranges).map { edition, range in
                                    Entry(id: edition.id, organisation: edition.organisation, firstPage: range.lowerBound,
                                          lastPage: range.upperBound, file: "\(edition.id)/\(job.fileName)")
                                })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(manifest) else {
            throw DiagnosticError(.error("cannot encode the combined manifest", hint: "this is a bug; please report it"))
        }
        try AtomicFile.write(Array(data), to: json)
        return [pdf, json]
    }
}
