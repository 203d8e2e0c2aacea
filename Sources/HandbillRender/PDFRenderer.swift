import CPangoCairo
import HandbillLayout
import HandbillModel

/// What goes into the PDF besides the pages.
public struct PDFOptions: Sendable {
    /// The program named as the PDF's creator.
    public var creator: String
    /// Creation and modification date, ISO 8601 (`2026-11-25T00:00:00Z`); an input, never the clock,
    /// so the same source gives the same file.
    public var date: String

    public init(creator: String, date: String) {
        self.creator = creator
        self.date = date
    }
}

/// Writes a positioned document as a tagged PDF with Cairo: real text in embedded subset fonts,
/// structure tags, links, a bookmark outline and document metadata.
public enum PDFRenderer {
    /// The PDF as Cairo wrote it, in memory, and what Cairo could not write: attributes by
    /// structure element number (pre-order), for the finishing stage.
    public struct Output {
        public var bytes: [UInt8]
        public var attributes: [Int: StructureAttributes]
    }

    /// Renders into memory: the finishing stage reads it from there, so no half-finished file
    /// ever touches the disk.
    public static func render(_ document: PositionedDocument, options: PDFOptions) throws(DiagnosticError) -> Output {
        guard let first = document.pages.first else {
            throw DiagnosticError(.error("the document has no pages", hint: "this is a bug in Handbill; please report it"))
        }
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), first.width, first.height)!
        defer { cairo_surface_destroy(surface) }
        let path = "the PDF"
        try check(cairo_surface_status(surface), writing: path)
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        let meta = document.metadata
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, meta.publisher)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, meta.summary ?? meta.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, meta.keywords.joined(separator: ", "))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, options.creator)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, options.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, options.date)
        addOutline(document.outline, to: surface)

        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        let elements = ElementLog()
        let drawer = PageDrawer(cr: cr, elements: elements)
        for page in document.pages {
            cairo_pdf_surface_set_size(surface, page.width, page.height)
            drawer.draw(page, background: document.background)
            cairo_show_page(cr)
        }
        try check(cairo_status(cr), writing: path)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), writing: path)
        return Output(bytes: sink.bytes, attributes: elements.attributes)
    }

    /// Bookmarks from the headings, nested by level.
    private static func addOutline(_ entries: [OutlineEntry], to surface: OpaquePointer) {
        var parents: [(level: Int, id: Int32)] = []
        for entry in entries {
            while let last = parents.last, last.level >= entry.level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let target = "page=\(entry.page + 1) pos=[0 \(Int(entry.y))]"
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, target, CAIRO_PDF_OUTLINE_FLAG_OPEN)
            parents.append((entry.level, id))
        }
    }
}
