/* image: loading, sniffing, resolution and decoding of external graphics.
 * See image.h for the contract; this file explains the byte-level parts. */
#include "image.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include "../base/vec.h"

/* When an image declares no resolution: the CSS reference pixel. */
#define IMAGE_DEFAULT_DPI 96.0

typedef struct {
    char *path;           /* owned */
    struct image *image;  /* owned; NULL: failed, already reported */
} image_entry;

/* A linear list: documents place tens of images, not thousands, and a
 * lookup is one strcmp per distinct image. */
struct image_cache {
    VEC(image_entry) entries;
};

image_cache *image_cache_new(void)
{
    image_cache *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    return c;
}

static void image_free(struct image *img)
{
    if (!img)
        return;
    if (img->surface)
        cairo_surface_destroy(img->surface);
    if (img->svg)
        g_object_unref(img->svg);
    free((char *)img->path);
    free(img);
}

void image_cache_free(image_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->entries.len; i++) {
        free(c->entries.v[i].path);
        image_free(c->entries.v[i].image);
    }
    VEC_FREE(&c->entries);
    free(c);
}

/* ---- reading and sniffing ---------------------------------------------- */

static int image_read_file(const char *path, unsigned char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 64 * 1024, n = 0;
    unsigned char *buf = malloc(cap);
    if (!buf)
        abort();
    for (size_t got; (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap && !(buf = realloc(buf, cap *= 2)))
            abort();
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        errno = EIO;
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}

static int image_has_prefix(const unsigned char *d, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(d, magic, n) == 0;
}

/* SVG is text: look for "<svg" near the start (after an XML declaration,
 * comments or a DOCTYPE), or gzip magic for .svgz. */
static int image_looks_svg(const unsigned char *d, size_t len)
{
    if (image_has_prefix(d, len, "\x1f\x8b", 2))
        return 1;
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 4 <= n; i++)
        if (memcmp(d + i, "<svg", 4) == 0)
            return 1;
    return 0;
}

static int image_sniff(const unsigned char *d, size_t len, image_format *fmt)
{
    if (image_has_prefix(d, len, "\x89PNG\r\n\x1a\n", 8))
        *fmt = IMAGE_PNG;
    else if (image_has_prefix(d, len, "\xff\xd8\xff", 3))
        *fmt = IMAGE_JPEG;
    else if (image_has_prefix(d, len, "GIF87a", 6) || image_has_prefix(d, len, "GIF89a", 6))
        *fmt = IMAGE_GIF;
    else if (image_looks_svg(d, len))
        *fmt = IMAGE_SVG;
    else
        return -1;
    return 0;
}

/* ---- resolution ------------------------------------------------------- */

static uint32_t image_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t image_be16(const unsigned char *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

/* PNG 1.2 §4.2.4.2 pHYs: pixels per unit x, y; unit 1 = metre (0 = the
 * values only give the aspect ratio, which we ignore). It must precede
 * IDAT, so the walk stops there. */
int image_png_dpi(const unsigned char *d, size_t len, double *dx, double *dy)
{
    for (size_t p = 8; p + 12 <= len;) {
        uint32_t n = image_be32(d + p);
        const unsigned char *type = d + p + 4;
        if (n > len - p - 12)
            return 0;
        if (memcmp(type, "IDAT", 4) == 0)
            return 0;
        if (memcmp(type, "pHYs", 4) == 0 && n >= 9) {
            uint32_t x = image_be32(d + p + 8), y = image_be32(d + p + 12);
            if (d[p + 16] != 1 || x == 0 || y == 0)
                return 0;
            *dx = x * 0.0254;
            *dy = y * 0.0254;
            return 1;
        }
        p += 12 + (size_t)n;
    }
    return 0;
}

static int image_dpi_from_unit(int unit_is_cm, double x, double y, double *dx, double *dy)
{
    if (x <= 0 || y <= 0)
        return 0;
    double k = unit_is_cm ? 2.54 : 1.0;
    *dx = x * k;
    *dy = y * k;
    return 1;
}

/* JFIF 1.02 APP0: units (0 aspect only, 1 dots/inch, 2 dots/cm), Xdensity,
 * Ydensity. seg points after the marker's length field. */
static int image_jfif_dpi(const unsigned char *seg, size_t n, double *dx, double *dy)
{
    if (n < 12 || memcmp(seg, "JFIF\0", 5) != 0 || seg[7] == 0)
        return 0;
    return image_dpi_from_unit(seg[7] == 2, image_be16(seg + 8), image_be16(seg + 10), dx, dy);
}

typedef struct {
    const unsigned char *t; size_t n; int le;
} image_tiff;

static uint32_t image_tiff_u(const image_tiff *t, size_t off, int bytes)
{
    if (off + (size_t)bytes > t->n)
        return 0;
    const unsigned char *p = t->t + off;
    if (bytes == 2)
        return t->le ? (uint32_t)(p[0] | p[1] << 8) : image_be16(p);
    return t->le ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24
                 : image_be32(p);
}

static double image_tiff_rational(const image_tiff *t, size_t entry)
{
    uint32_t off = image_tiff_u(t, entry + 8, 4);
    uint32_t num = image_tiff_u(t, off, 4), den = image_tiff_u(t, (size_t)off + 4, 4);
    return den ? (double)num / den : 0;
}

/* EXIF (TIFF 6.0 IFD0): XResolution 0x011A, YResolution 0x011B (RATIONAL),
 * ResolutionUnit 0x0128 (2 inch, the default; 3 cm). */
static int image_exif_dpi(const unsigned char *seg, size_t n, double *dx, double *dy)
{
    if (n < 14 || memcmp(seg, "Exif\0\0", 6) != 0)
        return 0;
    image_tiff t = { seg + 6, n - 6, seg[6] == 'I' };
    uint32_t ifd = image_tiff_u(&t, 4, 4);
    uint32_t count = image_tiff_u(&t, ifd, 2);
    double x = 0, y = 0;
    int cm = 0;
    for (uint32_t k = 0; k < count; k++) {
        size_t e = (size_t)ifd + 2 + 12 * (size_t)k;
        if (e + 12 > t.n)
            break;
        uint32_t tag = image_tiff_u(&t, e, 2);
        if (tag == 0x011A)
            x = image_tiff_rational(&t, e);
        else if (tag == 0x011B)
            y = image_tiff_rational(&t, e);
        else if (tag == 0x0128)
            cm = image_tiff_u(&t, e + 8, 2) == 3;
    }
    return image_dpi_from_unit(cm, x, y, dx, dy);
}

/* Walks the marker segments up to the first scan (SOS); JFIF wins over
 * EXIF when both declare a resolution, as libjpeg-based tools do. */
int image_jpeg_dpi(const unsigned char *d, size_t len, double *dx, double *dy)
{
    int have_exif = 0;
    double ex = 0, ey = 0;
    for (size_t p = 2; p + 4 <= len && d[p] == 0xFF;) {
        unsigned marker = d[p + 1];
        if (marker == 0xDA || marker == 0xD9)
            break;
        size_t n = image_be16(d + p + 2);
        if (n < 2 || p + 2 + n > len)
            break;
        if (marker == 0xE0 && image_jfif_dpi(d + p + 4, n - 2, dx, dy))
            return 1;
        if (marker == 0xE1 && !have_exif)
            have_exif = image_exif_dpi(d + p + 4, n - 2, &ex, &ey);
        p += 2 + n;
    }
    if (have_exif) {
        *dx = ex;
        *dy = ey;
    }
    return have_exif;
}

/* ---- decoding ------------------------------------------------------------ */

/* gdk-pixbuf gives straight RGB(A) bytes; cairo wants native-endian
 * premultiplied ARGB32 words (or RGB24 without alpha). */
static cairo_surface_t *image_surface_from_pixbuf(GdkPixbuf *pb)
{
    int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb);
    int alpha = gdk_pixbuf_get_has_alpha(pb), nch = gdk_pixbuf_get_n_channels(pb);
    int sstride = gdk_pixbuf_get_rowstride(pb);
    const guchar *src = gdk_pixbuf_read_pixels(pb);
    cairo_format_t fmt = alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
    cairo_surface_t *s = cairo_image_surface_create(fmt, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        return s;
    cairo_surface_flush(s);
    unsigned char *dst = cairo_image_surface_get_data(s);
    int dstride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < h; y++) {
        const guchar *sp = src + (size_t)y * sstride;
        uint32_t *dp = (uint32_t *)(void *)(dst + (size_t)y * dstride);
        for (int x = 0; x < w; x++, sp += nch) {
            uint32_t a = alpha ? sp[3] : 255;
            uint32_t r = (sp[0] * a + 127) / 255, g = (sp[1] * a + 127) / 255,
                     b = (sp[2] * a + 127) / 255;
            dp[x] = a << 24 | r << 16 | g << 8 | b;
        }
    }
    cairo_surface_mark_dirty(s);
    return s;
}

/* Decoded images are held whole in memory, and a file of a few kilobytes
 * may declare any size (a "decompression bomb": 97 KB declaring 50,000 ×
 * 50,000 pixels made gdk-pixbuf take 7 GB and minutes). More pixels than
 * this are refused before any are decoded: 100 million is 10,000 × 10,000,
 * 33 inches square at 300 dpi, beyond any page mkdoc prints. */
#define IMAGE_MAX_PIXELS 100000000LL
#define IMAGE_FEED 65536 /* bytes given to the loader at a time */

typedef struct { int w, h, too_big; } image_probe;

static void image_size_prepared(GdkPixbufLoader *ld, int w, int h, gpointer ud)
{
    image_probe *p = ud;
    p->w = w;
    p->h = h;
    if ((long long)w * h > IMAGE_MAX_PIXELS) {
        p->too_big = 1;
        /* a zero size makes the format module stop before it allocates
         * (as gdk_pixbuf_get_file_info does) */
        gdk_pixbuf_loader_set_size(ld, 0, 0);
    }
}

static int image_decode_raster(struct image *img, const unsigned char *d, size_t len,
                               char **why)
{
    GError *err = NULL;
    GdkPixbufLoader *ld = gdk_pixbuf_loader_new();
    image_probe probe = {0};
    g_signal_connect(ld, "size-prepared", G_CALLBACK(image_size_prepared), &probe);
    int ok = 1;
    for (size_t at = 0; ok && at < len && !probe.too_big; at += IMAGE_FEED)
        ok = gdk_pixbuf_loader_write(ld, d + at, len - at < IMAGE_FEED ? len - at : IMAGE_FEED, &err);
    ok = gdk_pixbuf_loader_close(ld, ok ? &err : NULL) && ok; /* small files: sized here */
    if (probe.too_big) {
        g_object_unref(ld);
        if (err)
            g_error_free(err);
        char msg[160];
        snprintf(msg, sizeof msg, "it is %d x %d pixels, more than the %lld million mkdoc "
                 "decodes (scale it down)", probe.w, probe.h, IMAGE_MAX_PIXELS / 1000000);
        *why = strdup(msg);
        return -1;
    }
    GdkPixbuf *pb = ok ? gdk_pixbuf_loader_get_pixbuf(ld) : NULL;
    if (pb)
        img->surface = image_surface_from_pixbuf(pb);
    if (!pb || cairo_surface_status(img->surface) != CAIRO_STATUS_SUCCESS) {
        *why = strdup(err ? err->message : "cannot decode the pixels");
        if (err)
            g_error_free(err);
        g_object_unref(ld);
        return -1;
    }
    img->width_px = gdk_pixbuf_get_width(pb);
    img->height_px = gdk_pixbuf_get_height(pb);
    g_object_unref(ld); /* drops the pixbuf too: the surface has a copy */
    return 0;
}

/* Keeps the JPEG bytes on the surface: cairo's PDF backend then writes
 * them as a DCTDecode stream instead of re-encoding the pixels. A unique
 * id (the path) lets cairo embed an image placed on many pages once. */
static void image_attach_mime(struct image *img, const unsigned char *d, size_t len)
{
    if (img->format == IMAGE_JPEG) {
        unsigned char *copy = malloc(len);
        if (!copy)
            abort();
        memcpy(copy, d, len);
        cairo_surface_set_mime_data(img->surface, CAIRO_MIME_TYPE_JPEG, copy, len, free, copy);
    }
    char *id = strdup(img->path);
    if (!id)
        abort();
    cairo_surface_set_mime_data(img->surface, CAIRO_MIME_TYPE_UNIQUE_ID,
                                (unsigned char *)id, strlen(id), free, id);
}

/* SVG: the intrinsic size from width/height in absolute units (px at 96
 * dpi), else from the viewBox taken as CSS px. */
static int image_decode_svg(struct image *img, const unsigned char *d, size_t len, char **why)
{
    GError *err = NULL;
    RsvgHandle *h = rsvg_handle_new_from_data(d, len, &err);
    if (!h) {
        *why = strdup(err ? err->message : "not an SVG document");
        if (err)
            g_error_free(err);
        return -1;
    }
    rsvg_handle_set_dpi(h, IMAGE_DEFAULT_DPI);
    img->svg = (struct _RsvgHandle *)h;
    double w = 0, hh = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh)) {
        gboolean hw, hh_, hv;
        RsvgLength lw, lh;
        RsvgRectangle vb;
        rsvg_handle_get_intrinsic_dimensions(h, &hw, &lw, &hh_, &lh, &hv, &vb);
        w = hv ? vb.width : 0;
        hh = hv ? vb.height : 0;
    }
    if (!(w > 0 && hh > 0)) {
        *why = strdup("the SVG has neither an absolute width/height nor a viewBox");
        return -1;
    }
    img->width_px = (int)lround(w);
    img->height_px = (int)lround(hh);
    img->dpi_x = img->dpi_y = IMAGE_DEFAULT_DPI;
    img->width = (mk_len)lround(w * 72.0 * MK_PT / IMAGE_DEFAULT_DPI);
    img->height = (mk_len)lround(hh * 72.0 * MK_PT / IMAGE_DEFAULT_DPI);
    return 0;
}

static void image_set_size(struct image *img, const unsigned char *d, size_t len)
{
    double dx = 0, dy = 0;
    int have = img->format == IMAGE_PNG    ? image_png_dpi(d, len, &dx, &dy)
               : img->format == IMAGE_JPEG ? image_jpeg_dpi(d, len, &dx, &dy)
                                           : 0;
    if (!have || dx < 1 || dy < 1)
        dx = dy = IMAGE_DEFAULT_DPI;
    /* PNG stores dots per metre, so "144 dpi" arrives as 143.99: snap to
     * the whole number the author chose when that close. */
    if (fabs(dx - round(dx)) < 0.05)
        dx = round(dx);
    if (fabs(dy - round(dy)) < 0.05)
        dy = round(dy);
    img->dpi_x = dx;
    img->dpi_y = dy;
    img->width = (mk_len)lround(img->width_px * 72.0 * MK_PT / dx);
    img->height = (mk_len)lround(img->height_px * 72.0 * MK_PT / dy);
}

static struct image *image_decode(const char *path, const unsigned char *d, size_t len,
                                  diag_loc loc, diag_list *diags);

static struct image *image_load(const char *path, diag_loc loc, diag_list *diags)
{
    unsigned char *d = NULL;
    size_t len = 0;
    if (image_read_file(path, &d, &len) != 0) {
        diag_add(diags, DIAG_ERROR, STAGE_LAYOUT, loc, "cannot read image '%s': %s; check the src path",
                 path, strerror(errno));
        return NULL;
    }
    struct image *img = image_decode(path, d, len, loc, diags);
    free(d);
    return img;
}

static struct image *image_decode(const char *path, const unsigned char *d, size_t len,
                                  diag_loc loc, diag_list *diags)
{
    struct image *img = calloc(1, sizeof *img);
    if (!img || !(img->path = strdup(path)))
        abort();
    char *why = NULL;
    int rc;
    if (image_sniff(d, len, &img->format) != 0) {
        why = strdup("not a PNG, JPEG, GIF or SVG file");
        rc = -1;
    } else if (img->format == IMAGE_SVG) {
        rc = image_decode_svg(img, d, len, &why);
    } else if ((rc = image_decode_raster(img, d, len, &why)) == 0) {
        image_set_size(img, d, len);
        image_attach_mime(img, d, len);
    }
    if (rc != 0) {
        diag_add(diags, DIAG_ERROR, STAGE_LAYOUT, loc, "image '%s' is corrupt or unsupported: %s",
                 path, why ? why : "unknown reason");
        free(why);
        image_free(img);
        return NULL;
    }
    return img;
}

const struct image *image_cache_get_data(image_cache *c, const char *key,
                                         const unsigned char *data, size_t len, diag_loc loc,
                                         diag_list *diags)
{
    for (size_t i = 0; i < c->entries.len; i++)
        if (strcmp(c->entries.v[i].path, key) == 0)
            return c->entries.v[i].image;
    image_entry e = { strdup(key), image_decode(key, data, len, loc, diags) };
    if (!e.path)
        abort();
    VEC_PUSH(&c->entries, e);
    return e.image;
}

const struct image *image_cache_get(image_cache *c, const char *path, diag_loc loc,
                                    diag_list *diags)
{
    for (size_t i = 0; i < c->entries.len; i++)
        if (strcmp(c->entries.v[i].path, path) == 0)
            return c->entries.v[i].image;
    image_entry e = { strdup(path), image_load(path, loc, diags) };
    if (!e.path)
        abort();
    VEC_PUSH(&c->entries, e);
    return e.image;
}
