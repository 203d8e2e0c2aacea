import CPangoCairo
import CRsvgLoader

/// Whether a picture file will draw: the same libraries that draw it (librsvg for SVG, Cairo for
/// PNG) open it, so a file that passes here cannot turn into PageDrawer's grey box later.
public enum ImageProbe {
    /// Why `path` is not a picture Handbill can draw, or nil when it is one.
    public static func problem(with path: String) -> String? {
        let lower = path.lowercased()
        if lower.hasSuffix(".svg") {
            var error: UnsafeMutablePointer<CChar>?
            guard let handle = hb_rsvg_handle_new_from_file(path, &error) else {
                let reason = error.map { String(cString: $0) } ?? "unknown error"
                free(error)
                return "not a readable SVG (\(reason))"
            }
            hb_rsvg_handle_free(handle)
            return nil
        }
        guard lower.hasSuffix(".png") else { return "neither a PNG nor an SVG file" }
        let image = cairo_image_surface_create_from_png(path)
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS,
              cairo_image_surface_get_width(image) > 0, cairo_image_surface_get_height(image) > 0 else {
            return "not a readable PNG (\(String(cString: cairo_status_to_string(cairo_surface_status(image)))))"
        }
        return nil
    }
}
