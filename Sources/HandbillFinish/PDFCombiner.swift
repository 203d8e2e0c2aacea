import CQPDF
import Foundation
import HandbillModel

/// Joins finished PDFs into one, in order, with a bookmark (outline entry) at the first page of
/// each: what a print shop takes for variable-data printing. qpdf copies the pages with their
/// fonts, pictures and links; the structure trees are not merged (qpdf cannot), so the joined
/// file is untagged: the separate PDFs are the accessible ones.
public enum PDFCombiner {
    public struct Part: Sendable {
        public var file: URL
        public var bookmark: String

        public init(file: URL, bookmark: String) {
            self.file = file
            self.bookmark = bookmark
        }
    }

    /// The joined PDF's bytes, and each part's first and last page (1-based).
    public static func combine(_ parts: [Part], title: String, language: String) throws(DiagnosticError) -> (bytes: [UInt8], pages: [ClosedRange<Int>]) {
        let out = QPDF(emptyNamed: "the combined PDF")
        // qpdf copies stream data from the sources when writing, so they live until then.
        var buffers: [UnsafeMutableBufferPointer<UInt8>] = []
        defer { buffers.forEach { $0.deallocate() } }
        var sources: [QPDF] = []
        var ranges: [ClosedRange<Int>] = []
        var firstPages: [PDFObject] = []
        for part in parts {
            guard let data = FileManager.default.contents(atPath: part.file.path) else {
                throw DiagnosticError(.error("cannot read \(part.file.relativePath) to combine it", hint: "build the editions again"))
            }
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count)
            _ = buffer.initialize(from: data)
            buffers.append(buffer)
            let source = try QPDF(bytes: UnsafeBufferPointer(buffer), name: part.file.relativePath)
            sources.append(source)
            let first = out.pages.count + 1
            for page in try source.readPages() {
                _ = qpdf_add_page(out.data, source.data, page.handle, QPDF_FALSE)
                try out.check("add a page of \(part.file.relativePath) to")
            }
            let pages = out.pages
            guard pages.count >= first else { continue }
            ranges.append(first...pages.count)
            firstPages.append(pages[first - 1])
        }
        // The pages' links to a structure tree that is not there are dropped.
        for page in out.pages { page["StructParents"] = nil; page["Tabs"] = nil }
        addOutline(out, titles: parts.map(\.bookmark), pages: firstPages)
        let info = out.object("<< >>")
        info["Title"] = out.string(title)
        info["Producer"] = out.string("Handbill (qpdf)")
        out.trailer["Info"] = PDFObject(pdf: out, handle: qpdf_make_indirect_object(out.data, info.handle))
        out.root["Lang"] = out.string(language)
        out.root["PageMode"] = out.name("/UseOutlines")
        let bytes = try out.written()
        withExtendedLifetime(sources) {}
        return (bytes, ranges)
    }

    private static func addOutline(_ pdf: QPDF, titles: [String], pages: [PDFObject]) {
        guard !pages.isEmpty else { return }
        let outlines = PDFObject(pdf: pdf, handle: qpdf_make_indirect_object(pdf.data, pdf.object("<< /Type /Outlines >>").handle))
        var items: [PDFObject] = []
        for (title, page) in zip(titles, pages) {
            let item = PDFObject(pdf: pdf, handle: qpdf_make_indirect_object(pdf.data, pdf.object("<< >>").handle))
            item["Title"] = pdf.string(title)
            item["Parent"] = outlines
            let destination = pdf.object("[null /Fit]")
            destination.setItem(0, page)
            item["Dest"] = destination
            items.append(item)
        }
        for index in items.indices {
            if index > 0 { items[index]["Prev"] = items[index - 1] }
            if index + 1 < items.count { items[index]["Next"] = items[index + 1] }
        }
        outlines["First"] = items.first
        outlines["Last"] = items.last
        outlines["Count"] = pdf.object(String(items.count))
        pdf.root["Outlines"] = outlines
    }
}
