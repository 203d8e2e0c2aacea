import CPangoCairo
import HandbillLayout
import HandbillModel

/// Page previews as PNG, drawn with the same code as the PDF, for designers' eyes and ours.
public enum PNGRenderer {
    /// Page `index` at `dpi` dots per inch, as PNG bytes.
    public static func render(_ document: PositionedDocument, page index: Int, dpi: Double) throws(DiagnosticError) -> [UInt8] {
        let path = "the preview of page \(index + 1)"
        let page = document.pages[index]
        let scale = dpi / 72
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((page.width * scale).rounded()),
                                                 Int32((page.height * scale).rounded()))!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        cairo_set_source_rgb(cr, 1, 1, 1)  // the paper
        cairo_paint(cr)
        PageDrawer(cr: cr, elements: ElementLog()).draw(page, background: document.background)
        // The PDF gets its marks in registration colour when it is finished; the preview shows them in black.
        cairo_set_source_rgb(cr, 0, 0, 0)
        for mark in page.marks {
            cairo_set_line_width(cr, mark.weight)
            let dashes: [Double] = mark.dashed ? [3, 2] : []
            cairo_set_dash(cr, dashes, Int32(dashes.count), 0)
            cairo_move_to(cr, mark.x0, mark.y0)
            cairo_line_to(cr, mark.x1, mark.y1)
            cairo_stroke(cr)
        }
        try check(cairo_status(cr), writing: path)
        cairo_surface_flush(surface)
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        try check(status, writing: path)
        return sink.bytes
    }
}
