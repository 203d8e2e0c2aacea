import CPangoCairo
import HandbillLayout
import HandbillModel

/// Page previews as PNG, drawn with the same code as the PDF, for designers' eyes and ours.
public enum PNGRenderer {
    /// Writes page `index` at `dpi` dots per inch.
    public static func render(_ document: PositionedDocument, page index: Int, dpi: Double, to path: String) throws(DiagnosticError) {
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
        try check(cairo_status(cr), writing: path)
        cairo_surface_flush(surface)
        try check(cairo_surface_write_to_png(surface, path), writing: path)
    }
}
