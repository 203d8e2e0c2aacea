// librsvg, opened the first time a picture is drawn (dlopen), not when Handbill starts: linked in,
// it and what it needs (GIO, gdk-pixbuf, libxml2, ICU) cost every start ~3 ms (of a cold A4
// leaflet's ~50), though most documents draw no SVG. Only the two calls Handbill makes.
#ifndef CRSVG_LOADER_H
#define CRSVG_LOADER_H

/// librsvg's RsvgHandle.
typedef struct hb_rsvg_handle hb_rsvg_handle;

/// librsvg's RsvgRectangle: where a picture is fitted, in user units.
typedef struct {
    double x, y, width, height;
} hb_rsvg_rectangle;

/// rsvg_handle_new_from_file: NULL when the file is not a readable SVG or librsvg cannot be
/// loaded, with `*error` (free it with free()) saying why.
hb_rsvg_handle *hb_rsvg_handle_new_from_file(const char *path, char **error);

/// rsvg_handle_render_document on a cairo_t: 0 when it failed, with `*error` (free it with free()).
int hb_rsvg_handle_render_document(hb_rsvg_handle *handle, void *cairo, const hb_rsvg_rectangle *viewport, char **error);

/// g_object_unref of a handle.
void hb_rsvg_handle_free(hb_rsvg_handle *handle);

#endif
