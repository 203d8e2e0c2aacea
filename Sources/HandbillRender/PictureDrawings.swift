import CPangoCairo
import CRsvgLoader

/// One document's SVG pictures, each drawn once per size into a Cairo recording surface that its
/// pages paint. Cairo's PDF surface writes a recording it is given as a source once per document,
/// as a form XObject every use refers to, where librsvg drawing straight onto the page wrote every
/// path of every pictogram again at each use (the English easy-read leaflet shows 26 pictograms
/// 44 times).
///
/// Per document, not per process: Cairo replays a recording when the page is written, and does
/// not make replaying one recording from two threads safe (documents drawn side by side in one
/// process, as the tests and `bench` do). librsvg's parsed handles are shared (`SVGHandleCache`).
final class PictureDrawings {
    private struct Size: Hashable {
        var path: String
        var width, height: Double
    }

    private var drawings: [Size: OpaquePointer] = [:]

    deinit {
        // Cairo keeps its own reference to what a page painted until the document is written.
        for surface in drawings.values { cairo_surface_destroy(surface) }
    }

    /// Paints the SVG at `path` fitted into `viewport` (keeping its proportions); nothing when the
    /// file will not load.
    func paint(_ path: String, on cr: OpaquePointer, in viewport: hb_rsvg_rectangle) {
        let size = Size(path: path, width: viewport.width, height: viewport.height)
        guard let drawing = drawings[size] ?? SVGHandleCache.shared.drawing(path, width: viewport.width, height: viewport.height) else { return }
        drawings[size] = drawing
        cairo_save(cr)
        cairo_set_source_surface(cr, drawing, viewport.x, viewport.y)
        cairo_rectangle(cr, viewport.x, viewport.y, viewport.width, viewport.height)
        cairo_fill(cr)
        cairo_restore(cr)
    }
}
