#include "CRsvgLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// GLib's GError, whose layout is part of GLib's stable ABI.
typedef struct {
    unsigned int domain;
    int code;
    char *message;
} glib_error;

static hb_rsvg_handle *(*new_from_file)(const char *, glib_error **);
static int (*render_document)(hb_rsvg_handle *, void *, const hb_rsvg_rectangle *, glib_error **);
static void (*object_unref)(void *);
static void (*error_free)(glib_error *);
static char *load_error;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *rsvg = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_GLOBAL);
    if (!rsvg) {
        const char *reason = dlerror();
        load_error = strdup(reason ? reason : "librsvg-2.so.2 cannot be loaded");
        return;
    }
    // The GLib calls come with librsvg's own dependencies.
    new_from_file = (hb_rsvg_handle *(*)(const char *, glib_error **))dlsym(rsvg, "rsvg_handle_new_from_file");
    render_document = (int (*)(hb_rsvg_handle *, void *, const hb_rsvg_rectangle *, glib_error **))dlsym(rsvg, "rsvg_handle_render_document");
    object_unref = (void (*)(void *))dlsym(rsvg, "g_object_unref");
    error_free = (void (*)(glib_error *))dlsym(rsvg, "g_error_free");
    if (!new_from_file || !render_document || !object_unref || !error_free) {
        load_error = strdup("librsvg-2.so.2 lacks rsvg_handle_render_document (librsvg 2.46 or later is needed)");
        new_from_file = NULL;
    }
}

static int loaded(char **error) {
    pthread_once(&once, load);
    if (new_from_file) return 1;
    if (error) *error = strdup(load_error ? load_error : "librsvg cannot be loaded");
    return 0;
}

static void take(glib_error *failure, char **error) {
    if (!failure) return;
    if (error) *error = strdup(failure->message ? failure->message : "unknown error");
    error_free(failure);
}

hb_rsvg_handle *hb_rsvg_handle_new_from_file(const char *path, char **error) {
    if (!loaded(error)) return NULL;
    glib_error *failure = NULL;
    hb_rsvg_handle *handle = new_from_file(path, &failure);
    take(failure, error);
    if (!handle && error && !*error) *error = strdup("unknown error");
    return handle;
}

int hb_rsvg_handle_render_document(hb_rsvg_handle *handle, void *cairo, const hb_rsvg_rectangle *viewport, char **error) {
    if (!loaded(error)) return 0;
    glib_error *failure = NULL;
    int drawn = render_document(handle, cairo, viewport, &failure);
    take(failure, error);
    return drawn;
}

void hb_rsvg_handle_free(hb_rsvg_handle *handle) {
    if (handle && object_unref) object_unref(handle);
}
