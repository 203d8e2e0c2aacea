import CPangoCairo
import CRsvgLoader
import Foundation

/// Parsed SVG pictures, one per file, for the life of the process: an easy-read document uses
/// the same few pictograms again and again, and a worker builds many documents, while librsvg
/// parses a file anew for every handle.
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
    private var handles: [String: (bytes: Data, handle: OpaquePointer)] = [:]
    /// The pictograms a document draws are a few dozen; past this, the cache starts again.
    private let limit = 64

    /// The picture at `path` drawn by librsvg fitted into a `width` × `height` box at the origin
    /// (keeping its proportions), as a Cairo recording surface the caller owns (and destroys);
    /// nil when the file will not load.
    func drawing(_ path: String, width: Double, height: Double) -> OpaquePointer? {
        lock.lock()
        defer { lock.unlock() }
        guard let handle = handle(for: path) else { return nil }
        var extents = cairo_rectangle_t(x: 0, y: 0, width: width, height: height)
        guard let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents) else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {  // out of memory: an error surface
            cairo_surface_destroy(surface)
            return nil
        }
        let cr = cairo_create(surface)
        var viewport = hb_rsvg_rectangle(x: 0, y: 0, width: width, height: height), error: UnsafeMutablePointer<CChar>?
        _ = hb_rsvg_handle_render_document(handle, UnsafeMutableRawPointer(cr), &viewport, &error)
        free(error)
        cairo_destroy(cr)
        return surface
    }

    private func handle(for path: String) -> OpaquePointer? {
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        if let cached = handles[path] {
            if cached.bytes == bytes { return cached.handle }
            hb_rsvg_handle_free(cached.handle)
            handles[path] = nil
        }
        var error: UnsafeMutablePointer<CChar>?
        guard let handle = hb_rsvg_handle_new_from_file(path, &error) else {
            free(error)
            return nil
        }
        if handles.count >= limit {
            for cached in handles.values { hb_rsvg_handle_free(cached.handle) }
            handles = [:]
        }
        handles[path] = (bytes, handle)
        return handle
    }
}
