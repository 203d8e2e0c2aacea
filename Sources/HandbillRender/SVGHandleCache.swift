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

    /// Draws the picture at `path` fitted into `viewport` (keeping its proportions); nothing when
    /// the file will not load.
    func render(_ path: String, on cr: OpaquePointer, in viewport: hb_rsvg_rectangle) {
        lock.lock()
        defer { lock.unlock() }
        guard let handle = handle(for: path) else { return }
        var viewport = viewport, error: UnsafeMutablePointer<CChar>?
        _ = hb_rsvg_handle_render_document(handle, UnsafeMutableRawPointer(cr), &viewport, &error)
        free(error)
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
