/* render_cairo: drawing the area tree with cairo, and the PNG previews.
 *
 * The walk keeps the current reference frame (writing mode and physical
 * rectangle) and the logical offset of the parent's corner inside it; each
 * area's logical rectangle goes through area_to_physical once, and all
 * drawing happens in physical page coordinates (points, y down). See
 * area.h for what i/b/ipd/bpd, baselines and borders mean.
 *
 * Glyph runs are drawn with cairo_show_text_glyphs, the UTF-8 text and
 * its clusters included: cairo builds the PDF's ToUnicode map from them.
 * With bare cairo_show_glyphs it guesses the text from the font's cmap
 * backwards, and Noto CJK maps 一 and ⼀ (Kangxi radical one) to the same
 * glyph, so copied text came out as radicals. */
#include "render_cairo.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <librsvg/rsvg.h>

#include "../layout/image.h"
#include "../text/fonts.h"
#include "render.h"
#include "render_file.h"

/* M_PI is not in C17 <math.h> */
#define RENDER_PI 3.14159265358979323846

typedef struct {
    fo_writing_mode wm;
    mk_len x, y, w, h;  /* physical rectangle of the reference area */
} render_frame;

typedef struct {
    cairo_t *cr;
    int tags;
    diag_list *diags;
} render_ctx;

typedef struct { mk_len x, y, w, h; } render_rect;

/* ---- geometry ------------------------------------------------------------ */

void area_to_physical(fo_writing_mode wm, mk_len frame_w, mk_len frame_h,
                      mk_len i, mk_len b, mk_len ipd, mk_len bpd,
                      mk_len *x, mk_len *y, mk_len *w, mk_len *h)
{
    (void)frame_h;
    switch (wm) {
    case FO_WM_RL_TB: /* inline right to left, block down */
        *x = frame_w - i - ipd, *y = b, *w = ipd, *h = bpd;
        break;
    case FO_WM_TB_RL: /* inline down, block right to left */
        *x = frame_w - b - bpd, *y = i, *w = bpd, *h = ipd;
        break;
    case FO_WM_TB_LR: /* inline down, block left to right */
        *x = b, *y = i, *w = bpd, *h = ipd;
        break;
    default:          /* lr-tb: the identity */
        *x = i, *y = b, *w = ipd, *h = bpd;
        break;
    }
}

static int render_vertical(fo_writing_mode wm)
{
    return wm == FO_WM_TB_RL || wm == FO_WM_TB_LR;
}

static render_rect render_map(const render_frame *fr, mk_len i, mk_len b, mk_len ipd, mk_len bpd)
{
    render_rect r;
    area_to_physical(fr->wm, fr->w, fr->h, i, b, ipd, bpd, &r.x, &r.y, &r.w, &r.h);
    r.x += fr->x;
    r.y += fr->y;
    return r;
}

/* Physical side (FO_TOP, FO_RIGHT, FO_BOTTOM, FO_LEFT) of each logical
 * side (AREA_BEFORE, AREA_END, AREA_AFTER, AREA_START); XSL 1.1 §7.3. */
static int render_phys_side(fo_writing_mode wm, int logical)
{
    static const int map[4][4] = {
        [FO_WM_LR_TB] = { FO_TOP, FO_RIGHT, FO_BOTTOM, FO_LEFT },
        [FO_WM_RL_TB] = { FO_TOP, FO_LEFT, FO_BOTTOM, FO_RIGHT },
        [FO_WM_TB_RL] = { FO_RIGHT, FO_BOTTOM, FO_LEFT, FO_TOP },
        [FO_WM_TB_LR] = { FO_LEFT, FO_BOTTOM, FO_RIGHT, FO_TOP },
    };
    return map[wm & 3][logical];
}

static void render_set_color(cairo_t *cr, fo_color c)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

static void render_rect_path(cairo_t *cr, render_rect r)
{
    cairo_rectangle(cr, render_pt(r.x), render_pt(r.y), render_pt(r.w), render_pt(r.h));
}

/* ---- backgrounds and borders -------------------------------------------- */

typedef struct {
    render_rect outer;
    mk_len w[4];              /* physical: top, right, bottom, left */
    fo_border_style style[4];
    fo_color color[4];
} render_borders;

static render_borders render_borders_of(const area *a, fo_writing_mode wm, render_rect r)
{
    render_borders bd = { .outer = r };
    for (int s = 0; s < 4; s++) {
        int p = render_phys_side(wm, s);
        int visible = a->border_style[s] != FO_BORDER_NONE &&
                      a->border_style[s] != FO_BORDER_HIDDEN;
        bd.w[p] = visible ? a->border_w[s] : 0;
        bd.style[p] = a->border_style[s];
        bd.color[p] = a->border_color[s];
    }
    return bd;
}

/* The rectangle inset by the fraction f of each border width. */
static void render_inset(const render_borders *bd, double f, double o[4])
{
    const render_rect *r = &bd->outer;
    o[0] = render_pt(r->x) + f * render_pt(bd->w[FO_LEFT]);
    o[1] = render_pt(r->y) + f * render_pt(bd->w[FO_TOP]);
    o[2] = render_pt(r->x + r->w) - f * render_pt(bd->w[FO_RIGHT]);
    o[3] = render_pt(r->y + r->h) - f * render_pt(bd->w[FO_BOTTOM]);
}

/* The part of side p between insets f0 and f1: a trapezoid, so that the
 * corners are mitred and two colours meet on the diagonal. */
static void render_band_path(cairo_t *cr, const render_borders *bd, int p, double f0, double f1)
{
    double a[4], b[4]; /* x0 y0 x1 y1 of the two rectangles */
    render_inset(bd, f0, a);
    render_inset(bd, f1, b);
    /* corners, clockwise from top-left, of both rectangles */
    double ax[4] = { a[0], a[2], a[2], a[0] }, ay[4] = { a[1], a[1], a[3], a[3] };
    double bx[4] = { b[0], b[2], b[2], b[0] }, by[4] = { b[1], b[1], b[3], b[3] };
    int c0 = p, c1 = (p + 1) & 3; /* side p runs from corner p to corner p+1 */
    cairo_move_to(cr, ax[c0], ay[c0]);
    cairo_line_to(cr, ax[c1], ay[c1]);
    cairo_line_to(cr, bx[c1], by[c1]);
    cairo_line_to(cr, bx[c0], by[c0]);
    cairo_close_path(cr);
}

/* Dashed and dotted sides: a stroke along the side's centre line, clipped
 * to the side's trapezoid so the corners still meet cleanly. */
static void render_border_stroked(cairo_t *cr, const render_borders *bd, int p)
{
    double c[4], lw = render_pt(bd->w[p]);
    render_inset(bd, 0.5, c);
    double cx[4] = { c[0], c[2], c[2], c[0] }, cy[4] = { c[1], c[1], c[3], c[3] };
    int c0 = p, c1 = (p + 1) & 3;
    cairo_save(cr);
    render_band_path(cr, bd, p, 0, 1);
    cairo_clip(cr);
    cairo_set_line_width(cr, lw);
    if (bd->style[p] == FO_BORDER_DOTTED) {
        double dash[2] = { 0, 2 * lw };
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash(cr, dash, 2, 0);
    } else {
        double dash[2] = { 3 * lw, 2 * lw };
        cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_move_to(cr, cx[c0], cy[c0]);
    cairo_line_to(cr, cx[c1], cy[c1]);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* groove, ridge, inset and outset are drawn solid: they are rare in print
 * and their 3-D shading depends on the user agent anyway. */
static void render_border_side(cairo_t *cr, const render_borders *bd, int p)
{
    if (bd->w[p] <= 0 || bd->color[p].a == 0)
        return;
    render_set_color(cr, bd->color[p]);
    switch (bd->style[p]) {
    case FO_BORDER_DOTTED:
    case FO_BORDER_DASHED:
        render_border_stroked(cr, bd, p);
        return;
    case FO_BORDER_DOUBLE: /* CSS 2.1 §8.5.3: two lines and the gap between, each a third */
        render_band_path(cr, bd, p, 0, 1 / 3.0);
        render_band_path(cr, bd, p, 2 / 3.0, 1);
        break;
    default:
        render_band_path(cr, bd, p, 0, 1);
        break;
    }
    cairo_fill(cr);
}

/* The background fills the padding box: the border box minus the borders. */
static void render_box(cairo_t *cr, const area *a, fo_writing_mode wm, render_rect r)
{
    render_borders bd = render_borders_of(a, wm, r);
    if (a->background.a) {
        double in[4];
        render_inset(&bd, 1, in);
        render_set_color(cr, a->background);
        cairo_rectangle(cr, in[0], in[1], in[2] - in[0], in[3] - in[1]);
        cairo_fill(cr);
    }
    for (int p = 0; p < 4; p++)
        render_border_side(cr, &bd, p);
}

/* ---- glyph runs ---------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0.
 * Overlong forms, surrogates and values past U+10FFFF are invalid. */
static int render_utf8_char(const unsigned char *s, int n)
{
    int len = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : s[0] >= 0xE0 && s[0] < 0xF0 ? 3
            : s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (int k = 1; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) ||
        (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
        return 0;
    return len;
}

static int render_utf8_ok(const char *s, int n)
{
    for (int k = 0, len; k < n; k += len)
        if (!(len = render_utf8_char((const unsigned char *)s + k, n - k)))
            return 0;
    return 1;
}

/* cairo puts the whole context into an error state on bad clusters or
 * text, which would lose the document; so they are checked first (the
 * rules of cairo's _cairo_validate_text_clusters: counts add up, no empty
 * cluster, each cluster's bytes valid UTF-8 on their own). */
static int render_clusters_ok(const area_glyphs *g)
{
    long bytes = 0, glyphs = 0;
    for (int k = 0; k < g->n_clusters; k++) {
        const area_cluster *c = &g->clusters[k];
        if (c->num_bytes < 0 || c->num_glyphs < 0 || (c->num_bytes == 0 && c->num_glyphs == 0) ||
            bytes + c->num_bytes > g->utf8_len || !render_utf8_ok(g->utf8 + bytes, c->num_bytes))
            return 0;
        bytes += c->num_bytes;
        glyphs += c->num_glyphs;
    }
    return g->n_clusters > 0 && bytes == g->utf8_len && glyphs == g->n_glyphs;
}

/* Bad clusters fall back to one cluster for the run (the text still
 * extracts, in one piece); text that is not UTF-8 to bare glyphs. */
static void render_show(cairo_t *cr, const area_glyphs *g, const cairo_glyph_t *gl)
{
    if (!g->utf8 || g->utf8_len <= 0 || !render_utf8_ok(g->utf8, g->utf8_len)) {
        cairo_show_glyphs(cr, gl, g->n_glyphs);
        return;
    }
    int ok = render_clusters_ok(g), n = ok ? g->n_clusters : 1;
    cairo_text_cluster_t *cl = malloc(sizeof *cl * (size_t)n);
    if (!cl)
        abort();
    if (!ok)
        cl[0] = (cairo_text_cluster_t){ g->utf8_len, g->n_glyphs };
    else
        for (int k = 0; k < n; k++)
            cl[k] = (cairo_text_cluster_t){ g->clusters[k].num_bytes, g->clusters[k].num_glyphs };
    cairo_show_text_glyphs(cr, g->utf8, g->utf8_len, gl, g->n_glyphs, cl, n, 0);
    free(cl);
}

/* Em-box geometry of the run's font, in points: em size and the distance
 * from the em box's top to the alphabetic baseline. The font's ascent and
 * descent are scaled to one em so the box is centred as the font intends
 * (for Noto CJK: 0.88 em above the baseline). */
static void render_em(cairo_scaled_font_t *sf, const area_glyphs *g, double *em, double *asc)
{
    cairo_font_extents_t fe;
    cairo_matrix_t fm;
    cairo_scaled_font_extents(sf, &fe);
    cairo_scaled_font_get_font_matrix(sf, &fm);
    *em = g->size > 0 ? render_pt(g->size) : fm.yy;
    double sum = fe.ascent + fe.descent;
    *asc = sum > 0 ? *em * fe.ascent / sum : *em * 0.88;
}

/* Horizontal writing: glyph origins are offsets from the run's origin on
 * its baseline, visually left to right. */
static void render_glyphs_h(cairo_t *cr, const area_glyphs *g, render_rect r, cairo_glyph_t *gl)
{
    double ox = render_pt(r.x), oy = render_pt(r.y + g->baseline);
    for (int k = 0; k < g->n_glyphs; k++) {
        gl[k].index = g->glyphs[k].id;
        gl[k].x = ox + render_pt(g->glyphs[k].i);
        gl[k].y = oy + render_pt(g->glyphs[k].b);
    }
    render_show(cr, g, gl);
}

/* Vertical writing. The baseline is the run's central (vertical) line,
 * baseline units from the run's before edge (the right edge in tb-rl);
 * glyph i runs down, glyph b towards the block end. Upright glyphs stand
 * unrotated with their em box centred on that line, the box's top at i;
 * rotated ones (Latin in vertical text) turn 90° clockwise, their em box
 * centred on the line too. */
static void render_glyphs_v(cairo_t *cr, const area_glyphs *g, fo_writing_mode wm, render_rect r,
                            cairo_glyph_t *gl)
{
    cairo_scaled_font_t *sf = cairo_get_scaled_font(cr);
    double em, asc;
    render_em(sf, g, &em, &asc);
    int rl = wm == FO_WM_TB_RL;
    double line = rl ? render_pt(r.x + r.w - g->baseline) : render_pt(r.x + g->baseline);
    double top = render_pt(r.y), sign = rl ? -1 : 1;
    if (!g->upright) {
        cairo_save(cr);
        cairo_translate(cr, line, top);
        cairo_rotate(cr, RENDER_PI / 2);
    }
    for (int k = 0; k < g->n_glyphs; k++) {
        double i = render_pt(g->glyphs[k].i), b = render_pt(g->glyphs[k].b);
        gl[k].index = g->glyphs[k].id;
        if (g->upright) {
            cairo_text_extents_t te;
            gl[k].x = gl[k].y = 0; /* extents read the position: not garbage */
            cairo_scaled_font_glyph_extents(sf, &gl[k], 1, &te);
            gl[k].x = line + sign * b - te.x_advance / 2;
            gl[k].y = top + i + asc;
        } else {
            gl[k].x = i;
            gl[k].y = -sign * b + asc - em / 2;
        }
    }
    render_show(cr, g, gl);
    if (!g->upright)
        cairo_restore(cr);
}

static void render_glyphs(render_ctx *rc, const area_glyphs *g, fo_writing_mode wm, render_rect r)
{
    cairo_scaled_font_t *sf = g->font ? text_font_cairo(g->font) : NULL;
    if (!sf || g->n_glyphs <= 0 || g->color.a == 0)
        return;
    cairo_glyph_t *gl = malloc(sizeof *gl * (size_t)g->n_glyphs);
    if (!gl)
        abort();
    cairo_save(rc->cr);
    cairo_set_scaled_font(rc->cr, sf);
    render_set_color(rc->cr, g->color);
    if (render_vertical(wm))
        render_glyphs_v(rc->cr, g, wm, r, gl);
    else
        render_glyphs_h(rc->cr, g, r, gl);
    cairo_restore(rc->cr);
    free(gl);
}

/* ---- images -------------------------------------------------------------- */

/* The image fills the area's padding box, stretched as layout sized it
 * (layout applies scaling and content-width). Images stay upright in
 * vertical writing. */
static void render_image(render_ctx *rc, const area *a, fo_writing_mode wm, render_rect r)
{
    const struct image *img = a->u.image.image;
    if (!img)
        return;
    render_borders bd = render_borders_of(a, wm, r);
    double in[4];
    render_inset(&bd, 1, in);
    double w = in[2] - in[0], h = in[3] - in[1];
    cairo_t *cr = rc->cr;
    if (w <= 0 || h <= 0)
        return;
    cairo_save(cr);
    if (img->svg) {
        RsvgRectangle vp = { in[0], in[1], w, h };
        rsvg_handle_render_document((RsvgHandle *)img->svg, cr, &vp, NULL);
    } else if (img->surface && img->width_px > 0 && img->height_px > 0) {
        cairo_translate(cr, in[0], in[1]);
        cairo_scale(cr, w / img->width_px, h / img->height_px);
        cairo_set_source_surface(cr, img->surface, 0, 0);
        cairo_rectangle(cr, 0, 0, img->width_px, img->height_px);
        cairo_fill(cr);
    }
    cairo_restore(cr);
}

/* ---- rules --------------------------------------------------------------- */

static void render_logical_rect(cairo_t *cr, const render_frame *fr, mk_len i, mk_len b,
                                mk_len ipd, mk_len bpd)
{
    render_rect_path(cr, render_map(fr, i, b, ipd, bpd));
}

/* Dots and dashes sit on a grid of the pattern width counted from the
 * reference area's start edge, so leaders on successive lines of a table
 * of contents line up (as XSL 1.1 §7.22.x leader-pattern-width intends). */
static void render_rule_pattern(cairo_t *cr, const render_frame *fr, const area_rule *ru,
                                mk_len i, mk_len b, mk_len ipd, mk_len t)
{
    int dots = ru->style == FO_BORDER_DOTTED;
    mk_len pw = ru->pattern_width > 0 ? ru->pattern_width : (dots ? 3 : 5) * t;
    mk_len on = dots ? t : pw * 3 / 5;
    if (pw <= 0 || on <= 0)
        return;
    for (mk_len s = (i + pw - 1) / pw * pw; s + on <= i + ipd; s += pw) {
        mk_len start = s + (pw - on) / 2;
        if (start + on > i + ipd)
            break;
        if (dots) {
            render_rect c = render_map(fr, start, b, on, t);
            cairo_new_sub_path(cr);
            cairo_arc(cr, render_pt(c.x) + render_pt(c.w) / 2, render_pt(c.y) + render_pt(c.h) / 2,
                      render_pt(t) / 2, 0, 2 * RENDER_PI);
        } else {
            render_logical_rect(cr, fr, start, b, on, t);
        }
    }
}

/* A rule lies along the inline axis, its thickness centred in bpd. */
static void render_rule(render_ctx *rc, const area *a, const render_frame *fr, mk_len i, mk_len b)
{
    const area_rule *ru = &a->u.rule;
    mk_len t = ru->thickness > 0 ? ru->thickness : MK_PT;
    mk_len top = b + (a->bpd - t) / 2;
    if (ru->color.a == 0 || ru->style == FO_BORDER_NONE || ru->style == FO_BORDER_HIDDEN)
        return;
    render_set_color(rc->cr, ru->color);
    switch (ru->style) {
    case FO_BORDER_DOTTED:
    case FO_BORDER_DASHED:
        render_rule_pattern(rc->cr, fr, ru, i, top, a->ipd, t);
        break;
    case FO_BORDER_DOUBLE:
        render_logical_rect(rc->cr, fr, i, top, a->ipd, t / 3);
        render_logical_rect(rc->cr, fr, i, top + t - t / 3, a->ipd, t / 3);
        break;
    default:
        render_logical_rect(rc->cr, fr, i, top, a->ipd, t);
        break;
    }
    cairo_fill(rc->cr);
}

/* ---- the walk ------------------------------------------------------------ */

static void render_area(render_ctx *rc, const area *a, const render_frame *fr, mk_len oi, mk_len ob);

static void render_children(render_ctx *rc, const area *a, const render_frame *fr, mk_len oi,
                            mk_len ob)
{
    for (const area *c = a->first; c; c = c->next)
        render_area(rc, c, fr, oi, ob);
}

static void render_area(render_ctx *rc, const area *a, const render_frame *fr, mk_len oi, mk_len ob)
{
    mk_len li = oi + a->i, lb = ob + a->b;
    render_rect r = render_map(fr, li, lb, a->ipd, a->bpd);
    int ref = a->is_reference || a->kind == AREA_REGION;
    render_box(rc->cr, a, ref ? a->wm : fr->wm, r);
    switch (a->kind) {
    case AREA_GLYPHS:
        render_glyphs(rc, &a->u.glyphs, fr->wm, r);
        break;
    case AREA_IMAGE:
        render_image(rc, a, fr->wm, r);
        break;
    case AREA_RULE:
        render_rule(rc, a, fr, li, lb);
        break;
    case AREA_LINK:
        if (rc->tags)
            render_pdf_link(rc->cr, &a->u.link, render_pt(r.x), render_pt(r.y), render_pt(r.w),
                            render_pt(r.h));
        break;
    case AREA_DEST:
        if (rc->tags && a->u.dest_id)
            render_pdf_dest(rc->cr, a->u.dest_id, render_pt(r.x), render_pt(r.y));
        break;
    default:
        break;
    }
    if (ref) {
        render_frame inner = { a->wm, r.x, r.y, r.w, r.h };
        render_children(rc, a, &inner, 0, 0);
    } else {
        render_children(rc, a, fr, li, lb);
    }
}

int render_cairo_page(cairo_t *cr, const area_page *page, int tags, diag_list *diags)
{
    render_ctx rc = { cr, tags, diags };
    render_frame fr = { FO_WM_LR_TB, 0, 0, page->width, page->height };
    if (page->root)
        render_area(&rc, page->root, &fr, 0, 0);
    cairo_status_t st = cairo_status(cr);
    if (st == CAIRO_STATUS_SUCCESS)
        return 0;
    diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){ 0 }, "cannot draw page %s (%d): %s",
             page->number ? page->number : "?", page->index + 1, cairo_status_to_string(st));
    return -1;
}

/* ---- PNG previews --------------------------------------------------------- */

typedef struct {
    renderer base;
    char *dir;
    int first, last, dpi;
} render_png;

/* The preview folder is made if missing (one level, like mkdir), so
 * "mkdoc … --png out/preview" works on a fresh checkout. */
static int render_png_begin(renderer *r, const area_doc_info *info, diag_list *diags)
{
    (void)info;
    render_png *p = (render_png *)r;
    if (mkdir(p->dir, 0777) == 0 || errno == EEXIST)
        return 0;
    int err = errno;
    diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){ diag_intern(diags, p->dir), 0, 0 },
             "cannot make the preview folder '%s': %s", p->dir, strerror(err));
    return -1;
}

static cairo_status_t render_png_write(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Pixels for a length at dpi, rounded up so the page edge is not cut. */
static int render_png_px(mk_len len, int dpi)
{
    return (int)ceil(render_pt(len) * dpi / 72.0 - 1e-6);
}

static int render_png_save(cairo_surface_t *s, const char *path, diag_list *diags)
{
    render_file rf;
    if (render_file_open(&rf, path, diags) != 0)
        return -1;
    cairo_status_t st = cairo_surface_write_to_png_stream(s, render_png_write, rf.f);
    if (st != CAIRO_STATUS_SUCCESS) {
        diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){ diag_intern(diags, path), 0, 0 },
                 "cannot write the preview '%s': %s", path, cairo_status_to_string(st));
        render_file_discard(&rf);
        return -1;
    }
    return render_file_commit(&rf, diags);
}

static int render_png_page(renderer *r, const area_page *page, diag_list *diags)
{
    render_png *p = (render_png *)r;
    int n = page->index + 1;
    if (n < p->first || (p->last > 0 && n > p->last))
        return 0;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                                    render_png_px(page->width, p->dpi),
                                                    render_png_px(page->height, p->dpi));
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, p->dpi / 72.0, p->dpi / 72.0);
    int rc = render_cairo_page(cr, page, 0, diags);
    cairo_destroy(cr);
    if (rc == 0) {
        size_t len = strlen(p->dir) + 32;
        char *path = malloc(len);
        if (!path)
            abort();
        snprintf(path, len, "%s/page-%03d.png", p->dir, n);
        rc = render_png_save(s, path, diags);
        free(path);
    }
    cairo_surface_destroy(s);
    return rc;
}

static int render_png_end(renderer *r, const area_bookmark *outline, diag_list *diags)
{
    (void)r, (void)outline, (void)diags;
    return 0;
}

static void render_png_destroy(renderer *r)
{
    render_png *p = (render_png *)r;
    if (!p)
        return;
    free(p->dir);
    free(p);
}

renderer *render_png_new(const char *dir, int first, int last, int dpi)
{
    render_png *p = calloc(1, sizeof *p);
    if (!p || !(p->dir = strdup(dir)))
        abort();
    p->base = (renderer){ render_png_begin, render_png_page, render_png_end, render_png_destroy };
    p->first = first > 0 ? first : 1;
    p->last = last;
    p->dpi = dpi > 0 ? dpi : 96;
    return &p->base;
}
