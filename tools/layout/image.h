/* image: the document's image cache.
 *
 * Each external graphic is read, checked and decoded once per document,
 * however many times it is placed; layout asks for intrinsic sizes, the
 * renderers for something to draw. The cache owns every struct image and
 * everything in it until image_cache_free; areas only borrow them.
 *
 * Formats: PNG, JPEG and GIF (decoded with gdk-pixbuf), SVG (librsvg).
 * The format is sniffed from the file's first bytes, not its name.
 *
 * Resolution: a raster image's size in points is its pixel size at its
 * own resolution, read from the PNG pHYs chunk (unit metre) or the JPEG
 * JFIF APP0 density or EXIF XResolution/YResolution (inch or cm). When the
 * file gives none (or only an aspect ratio), 96 dpi is assumed: the CSS
 * reference pixel, which is also what XSL formatters commonly default to
 * for screen images, so a 960-pixel-wide screenshot is 10in = 720pt. SVG
 * lengths are resolved at 96 px per inch as CSS says.
 *
 * EXIF orientation is not applied: the JPEG is embedded in the PDF
 * unchanged (see below), and the preview must show the same picture. */
#ifndef MKDOC_IMAGE_H
#define MKDOC_IMAGE_H

#include <stddef.h>
#include <cairo.h>
#include "../base/diag.h"
#include "../base/units.h"

typedef enum { IMAGE_PNG, IMAGE_JPEG, IMAGE_GIF, IMAGE_SVG } image_format;

struct _RsvgHandle; /* librsvg's RsvgHandle; kept out of this header */

struct image {
    const char *path;            /* as given to image_cache_get; owned */
    image_format format;
    int width_px, height_px;     /* intrinsic pixels (SVG: CSS px at 96 dpi) */
    double dpi_x, dpi_y;         /* resolution used for the size below */
    mk_len width, height;        /* intrinsic size in units (1/1024 pt) */
    /* Raster images: the decoded pixels, premultiplied ARGB32 or RGB24.
     * For JPEG it carries the original file as CAIRO_MIME_TYPE_JPEG mime
     * data, so the PDF embeds the JPEG unchanged. NULL for SVG. Owned. */
    cairo_surface_t *surface;
    struct _RsvgHandle *svg;     /* SVG only; owned */
};

typedef struct image_cache image_cache;

image_cache *image_cache_new(void);
void image_cache_free(image_cache *cache);

/* The image at resolved_path, loading it on first use. A missing,
 * unreadable, unknown or corrupt file is an error diag naming the file
 * at loc; the result is then NULL (and stays NULL for that path without
 * a second diag, so one bad logo does not report once per page). */
const struct image *image_cache_get(image_cache *cache, const char *resolved_path,
                                    diag_loc loc, diag_list *diags);

/* The same for an image held in memory (fo:instream-foreign-object's
 * SVG): key names it in the cache and in messages; data is copied. */
const struct image *image_cache_get_data(image_cache *cache, const char *key,
                                         const unsigned char *data, size_t len, diag_loc loc,
                                         diag_list *diags);

/* Resolution parsing, exposed for tests. Each returns 1 and sets the
 * pixels per inch when the bytes declare a resolution, else 0. */
int image_png_dpi(const unsigned char *data, size_t len, double *dpi_x, double *dpi_y);
int image_jpeg_dpi(const unsigned char *data, size_t len, double *dpi_x, double *dpi_y);

#endif
