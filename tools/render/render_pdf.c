/* render_pdf: the PDF renderer: one cairo PDF surface written to a
 * temporary file (render_file.h), page sizes set page by page, links and
 * named destinations as cairo tags, the outline and the document
 * information at the end.
 *
 * Reproducible output: the creation and modification dates come from
 * area_doc_info.creation_time (SOURCE_DATE_EPOCH upstream), never from the
 * clock, so the same input gives a byte-identical PDF. */
#include "render.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

#include "../base/vec.h"
#include "render_cairo.h"
#include "render_file.h"

#ifndef MKDOC_VERSION
#define MKDOC_VERSION "0.1"
#endif

typedef struct {
    renderer base;
    char *path;
    render_file out;
    cairo_surface_t *surface;
    cairo_t *cr;
    char *lang;      /* from area_doc_info, for the fixup */
    int rtl;         /* area_doc_info.pages_rtl: /Direction /R2L */
    int pages;
    int failed;      /* a write or draw failed: end must not commit */
} render_pdf;

/* ---- attribute strings -------------------------------------------------- */

typedef VEC(char) render_buf;

static void render_buf_add(render_buf *b, const char *s, size_t n)
{
    VEC_RESERVE(b, b->len + n + 1);
    memcpy(b->v + b->len, s, n);
    b->len += n;
    b->v[b->len] = 0;
}

static void render_buf_str(render_buf *b, const char *s)
{
    render_buf_add(b, s, strlen(s));
}

/* cairo tag strings are single-quoted; \' and \\ escape (cairo's
 * cairo-tag-attributes.c). */
static void render_buf_quoted(render_buf *b, const char *s)
{
    render_buf_add(b, "'", 1);
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            render_buf_add(b, "\\", 1);
        render_buf_add(b, s, 1);
    }
    render_buf_add(b, "'", 1);
}

/* cairo 1.16 copies URIs and destination names into PDF strings "(…)"
 * without escaping, so a backslash would vanish and an unbalanced
 * parenthesis would break the file: those bytes are percent-encoded, as
 * are bytes outside printable ASCII (cairo wants ASCII URIs; UTF-8 in an
 * IRI is encoded as RFC 3987 §3.1 says). Names keep their UTF-8, which
 * PDF name strings allow. */
static void render_buf_encoded(render_buf *b, const char *s, int ascii_only)
{
    render_buf enc = { 0 };
    render_buf_add(&enc, "", 0);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char hex[4];
        int bad = *p == '\\' || *p == '(' || *p == ')' || *p < 0x20 || *p == 0x7f ||
                  (ascii_only && (*p == ' ' || *p > 0x7f));
        if (bad) {
            snprintf(hex, sizeof hex, "%%%02X", *p);
            render_buf_add(&enc, hex, 3);
        } else {
            render_buf_add(&enc, (const char *)p, 1);
        }
    }
    render_buf_quoted(b, enc.v);
    VEC_FREE(&enc);
}

static void render_buf_uri(render_buf *b, const char *uri)
{
    render_buf_encoded(b, uri, 1);
}

static void render_buf_dest(render_buf *b, const char *id)
{
    render_buf_encoded(b, id, 0);
}

/* Numbers for cairo's attribute parser, printed without printf's %f so a
 * locale with a decimal comma cannot break them: points with 3 decimals. */
static void render_buf_num(render_buf *b, double v)
{
    long long m = (long long)(v * 1000 + (v < 0 ? -0.5 : 0.5));
    char s[48];
    snprintf(s, sizeof s, "%s%lld.%03lld", m < 0 ? "-" : "", llabs(m) / 1000, llabs(m) % 1000);
    render_buf_str(b, s);
}

void render_pdf_link(cairo_t *cr, const area_link *link, double x, double y, double w, double h)
{
    render_buf b = { 0 };
    if (link->uri) {
        render_buf_str(&b, "uri=");
        render_buf_uri(&b, link->uri);
    } else if (link->dest) {
        render_buf_str(&b, "dest=");
        render_buf_dest(&b, link->dest);
    } else {
        return;
    }
    double v[4] = { x, y, w, h };
    render_buf_str(&b, " rect=[");
    for (int k = 0; k < 4; k++) {
        render_buf_num(&b, v[k]);
        render_buf_str(&b, k < 3 ? " " : "]");
    }
    cairo_tag_begin(cr, CAIRO_TAG_LINK, b.v);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    VEC_FREE(&b);
}

void render_pdf_dest(cairo_t *cr, const char *id, double x, double y)
{
    render_buf b = { 0 };
    render_buf_str(&b, "name=");
    render_buf_dest(&b, id);
    render_buf_str(&b, " x=");
    render_buf_num(&b, x);
    render_buf_str(&b, " y=");
    render_buf_num(&b, y);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, b.v);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    VEC_FREE(&b);
}

/* ---- document info and outline ------------------------------------------ */

static void render_pdf_meta(cairo_surface_t *s, cairo_pdf_metadata_t key, const char *value)
{
    if (value && *value)
        cairo_pdf_surface_set_metadata(s, key, value);
}

static void render_pdf_info(cairo_surface_t *s, const area_doc_info *info)
{
    render_pdf_meta(s, CAIRO_PDF_METADATA_TITLE, info->title);
    render_pdf_meta(s, CAIRO_PDF_METADATA_AUTHOR, info->author);
    render_pdf_meta(s, CAIRO_PDF_METADATA_SUBJECT, info->subject);
    render_pdf_meta(s, CAIRO_PDF_METADATA_KEYWORDS, info->keywords);
    render_pdf_meta(s, CAIRO_PDF_METADATA_CREATOR,
                    info->creator && *info->creator ? info->creator : "mkdoc " MKDOC_VERSION);
    time_t t = (time_t)info->creation_time;
    struct tm tm;
    char date[32];
    if (gmtime_r(&t, &tm) && strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm)) {
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
}

static void render_pdf_outline(cairo_surface_t *s, int parent, const area_bookmark *bm)
{
    for (; bm; bm = bm->next) {
        render_buf b = { 0 };
        render_buf_add(&b, "", 0);
        if (bm->dest) {
            render_buf_str(&b, "dest=");
            render_buf_dest(&b, bm->dest);
        } else if (bm->uri) {
            render_buf_str(&b, "uri=");
            render_buf_uri(&b, bm->uri);
        }
        int id = cairo_pdf_surface_add_outline(s, parent, bm->title ? bm->title : "", b.v,
                                               bm->open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        VEC_FREE(&b);
        render_pdf_outline(s, id, bm->first);
    }
}

/* ---- the renderer ------------------------------------------------------- */

static cairo_status_t render_pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static int render_pdf_fail(render_pdf *p, diag_list *diags, const char *what, cairo_status_t st)
{
    p->failed = 1;
    diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){ diag_intern(diags, p->path), 0, 0 },
             "cannot %s '%s': %s", what, p->path, cairo_status_to_string(st));
    return -1;
}

static int render_pdf_begin(renderer *r, const area_doc_info *info, diag_list *diags)
{
    render_pdf *p = (render_pdf *)r;
    if (p->surface || render_file_open(&p->out, p->path, diags) != 0)
        return p->failed = 1, -1;
    /* the size is set again before every page */
    p->surface = cairo_pdf_surface_create_for_stream(render_pdf_write, p->out.f, 595, 842);
    p->cr = cairo_create(p->surface);
    if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS)
        return render_pdf_fail(p, diags, "create", cairo_status(p->cr));
    if (info)
        render_pdf_info(p->surface, info);
    p->rtl = info && info->pages_rtl;
    if (info && info->language && !(p->lang = strdup(info->language)))
        abort();
    return 0;
}

static int render_pdf_page(renderer *r, const area_page *page, diag_list *diags)
{
    render_pdf *p = (render_pdf *)r;
    if (!p->cr || p->failed)
        return -1;
    cairo_pdf_surface_set_size(p->surface, render_pt(page->width), render_pt(page->height));
    if (render_cairo_page(p->cr, page, 1, diags) != 0)
        return p->failed = 1, -1;
    cairo_show_page(p->cr);
    p->pages++;
    cairo_status_t st = cairo_status(p->cr);
    return st == CAIRO_STATUS_SUCCESS ? 0 : render_pdf_fail(p, diags, "write", st);
}

static int render_pdf_end(renderer *r, const area_bookmark *outline, diag_list *diags)
{
    render_pdf *p = (render_pdf *)r;
    if (!p->cr || p->failed)
        return -1;
    if (p->pages == 0) {
        p->failed = 1;
        diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){ diag_intern(diags, p->path), 0, 0 },
                 "no pages to write to '%s': the document produced no content", p->path);
        return -1;
    }
    render_pdf_outline(p->surface, CAIRO_PDF_OUTLINE_ROOT, outline);
    cairo_destroy(p->cr);
    p->cr = NULL;
    cairo_surface_finish(p->surface);
    cairo_status_t st = cairo_surface_status(p->surface);
    cairo_surface_destroy(p->surface);
    p->surface = NULL;
    if (st != CAIRO_STATUS_SUCCESS)
        return render_pdf_fail(p, diags, "write", st);
    if (fflush(p->out.f) != 0 || render_pdf_fixup(p->out.tmp, p->lang, p->rtl) != 0)
        return render_pdf_fail(p, diags, "write", CAIRO_STATUS_WRITE_ERROR);
    return render_file_commit(&p->out, diags);
}

/* Without a successful end the temporary file is removed: the target is
 * never replaced by a partial document. */
static void render_pdf_destroy(renderer *r)
{
    render_pdf *p = (render_pdf *)r;
    if (!p)
        return;
    if (p->cr)
        cairo_destroy(p->cr);
    if (p->surface) /* finishes into the temporary file, discarded next */
        cairo_surface_destroy(p->surface);
    render_file_discard(&p->out);
    free(p->lang);
    free(p->path);
    free(p);
}

renderer *render_pdf_new(const char *path)
{
    render_pdf *p = calloc(1, sizeof *p);
    if (!p || !(p->path = strdup(path)))
        abort();
    p->base = (renderer){ render_pdf_begin, render_pdf_page, render_pdf_end, render_pdf_destroy };
    return &p->base;
}
