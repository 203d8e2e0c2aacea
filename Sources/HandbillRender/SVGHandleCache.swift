import CPangoCairo
import CRsvgLoader
import Foundation

/// Parsed SVG pictures, one per file, for the life of the process: an easy-read document uses
/// the same few pictograms again and again, and a worker builds many documents, while librsvg
/// parses a file anew for every handle.
///
/// Each picture is drawn once per size into a Cairo recording surface, and pages paint that:
/// Cairo's PDF surface writes a recording it is given as a source once per document, as a form
/// XObject every use refers to, where librsvg drawing straight onto the page wrote every path of
/// every pictogram again at each use (the English easy-read leaflet shows 26 pictograms 44 times).
///
/// Keyed on the file's path and checked against its bytes, read again on every use (cheap next to
/// parsing): a picture edited while a worker lives is parsed again, never drawn stale. Handles are
/// parsed with `rsvg_handle_new_from_file` (CRsvgLoader), as before, so relative references in a picture still
/// resolve from its own folder. Drawing holds the cache's lock: a handle is never drawn by two
/// threads at once. At most `limit` pictures are kept: local editions' logos are one file per row,
/// and a worker building thousands of rows must not keep them all (~90 KB each).
final class SVGHandleCache: @unchecked Sendable {
    static let shared = SVGHandleCache()

    private let lock = NSLock()
    private var handles: [String: Picture] = [:]
    /// The pictograms a document draws are a few dozen; past this, the cache starts again.
    private let limit = 64

    /// One file: its bytes, librsvg's handle and its drawings, by size.
    private final class Picture {
        let bytes: Data
        let handle: OpaquePointer
        var drawings: [Size: OpaquePointer] = [:]

        init(bytes: Data, handle: OpaquePointer) {
            self.bytes = bytes
            self.handle = handle
        }

        deinit {
            for surface in drawings.values { cairo_surface_destroy(surface) }
            hb_rsvg_handle_free(handle)
        }

        /// The picture fitted into a `size.width` × `size.height` box, as librsvg draws it there.
        func drawing(_ size: Size) -> OpaquePointer? {
            if let known = drawings[size] { return known }
            var extents = cairo_rectangle_t(x: 0, y: 0, width: size.width, height: size.height)
            guard let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents) else { return nil }
            let cr = cairo_create(surface)
            var viewport = hb_rsvg_rectangle(x: 0, y: 0, width: size.width, height: size.height)
            var error: UnsafeMutablePointer<CChar>?
            _ = hb_rsvg_handle_render_document(handle, UnsafeMutableRawPointer(cr), &viewport, &error)
            free(error)
            cairo_destroy(cr)
            drawings[size] = surface
            return surface
        }
    }

    private struct Size: Hashable {
        var width, height: Double
    }

    /// Draws the picture at `path` fitted into `viewport` (keeping its proportions); nothing when
    /// the file will not load.
    func render(_ path: String, on cr: OpaquePointer, in viewport: hb_rsvg_rectangle) {
        lock.lock()
        defer { lock.unlock() }
        guard let drawing = picture(at: path)?.drawing(Size(width: viewport.width, height: viewport.height)) else { return }
        cairo_save(cr)
        cairo_set_source_surface(cr, drawing, viewport.x, viewport.y)
        cairo_rectangle(cr, viewport.x, viewport.y, viewport.width, viewport.height)
        cairo_fill(cr)
        cairo_restore(cr)
    }

    private func picture(at path: String) -> Picture? {
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        if let cached = handles[path] {
            if cached.bytes == bytes { return cached }
            handles[path] = nil
        }
        var error: UnsafeMutablePointer<CChar>?
        guard let handle = hb_rsvg_handle_new_from_file(path, &error) else {
            free(error)
            return nil
        }
        if handles.count >= limit { handles = [:] }
        let picture = Picture(bytes: bytes, handle: handle)
        handles[path] = picture
        return picture
    }
}
