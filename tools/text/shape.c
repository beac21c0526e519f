/* shape: one paragraph through Pango's itemizer and HarfBuzz.
 *
 * The paragraph is itemized and broken once, whole, so that bidi levels,
 * script runs and UAX #14 see their full context, and each item is shaped
 * once; all per-character work is a walk over arrays allocated once per
 * paragraph. Pango's own line breaking (PangoLayout) is not used: it is
 * greedy and knows nothing of JLREQ, so we take only the break
 * opportunities (log attrs) and leave the choice to linebreak.c.
 *
 * From glyph strings to clusters: HarfBuzz numbers each glyph with the
 * byte offset of the cluster it belongs to (log_clusters). In a
 * left-to-right item the glyphs are in logical order; in a right-to-left
 * one they are in visual order, so reading them back to front gives the
 * clusters in logical order. Either way a cluster's glyphs are copied in
 * visual order, which is the order a renderer draws them in. */
#include "shape.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "../base/vec.h"

typedef struct {
    text_ctx *ctx;
    const char *text;
    size_t len;
    const shape_run *runs;
    size_t n_runs;
    diag_list *diags;
    PangoLogAttr *log_attrs;     /* one per character, plus one */
    size_t cur_byte, cur_char;   /* the char index of a byte offset, walked forward */
    GHashTable *reported;        /* code points already warned about; lazy */
    VEC(shape_cluster) clusters;
    VEC(shape_glyph) glyphs;
} shape_state;

/* ---- input ---- */

/* Runs are built by our own FO code, so a bad run is a programmer error;
 * text comes from the user's files, and Pango must not see invalid UTF-8. */
static int shape_check(const char *text, size_t len, const shape_run *runs,
                       size_t n_runs, diag_list *diags)
{
    assert(len <= (size_t)INT32_MAX);
    assert(n_runs > 0 || len == 0);
    for (size_t i = 0; i < n_runs; i++) {
        assert(runs[i].start + runs[i].len <= len);
        assert(i == 0 || runs[i].start >= runs[i - 1].start + runs[i - 1].len);
    }
    const char *end = NULL;
    if (g_utf8_validate(text, (gssize)len, &end))
        return 0;
    diag_loc loc = n_runs ? runs[0].loc : (diag_loc){0};
    diag_add(diags, DIAG_ERROR, STAGE_TEXT, loc,
             "the text contains a NUL byte or a byte sequence that is not "
             "UTF-8 (at byte %zu of the paragraph); save the file as UTF-8",
             (size_t)(end - text));
    return -1;
}

static PangoAttrList *shape_attrs(text_ctx *ctx, const shape_run *runs,
                                  size_t n_runs)
{
    PangoAttrList *list = pango_attr_list_new();
    for (size_t i = 0; i < n_runs; i++) {
        const shape_run *r = &runs[i];
        guint s = (guint)r->start, e = (guint)(r->start + r->len);
        PangoFontDescription *d = text_ctx_font_description(
            ctx, r->family, r->size, r->weight, r->style);
        PangoAttribute *a = pango_attr_font_desc_new(d);
        pango_font_description_free(d);
        a->start_index = s, a->end_index = e;
        pango_attr_list_insert(list, a);
        if (r->lang && *r->lang) {
            /* Chooses the fonts' locl forms (直 differs in ja and zh). */
            a = pango_attr_language_new(pango_language_from_string(r->lang));
            a->start_index = s, a->end_index = e;
            pango_attr_list_insert(list, a);
        }
    }
    return list;
}

static PangoLanguage *shape_paragraph_lang(const shape_run *runs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (runs[i].lang && *runs[i].lang)
            return pango_language_from_string(runs[i].lang);
    return pango_language_from_string("ja");
}

/* UAX #14 with Pango's tailorings (libthai dictionary breaks for Thai,
 * and the like); computed once over the whole paragraph. */
static PangoLogAttr *shape_log_attrs(const char *text, size_t len,
                                     const shape_run *runs, size_t n_runs)
{
    glong n_chars = g_utf8_strlen(text, (gssize)len);
    PangoLogAttr *la = g_new0(PangoLogAttr, n_chars + 1);
    pango_get_log_attrs(text, (int)len, -1, shape_paragraph_lang(runs, n_runs),
                        la, (int)n_chars + 1);
    return la;
}

/* ---- clusters ---- */

static uint32_t shape_run_at(const shape_state *st, size_t byte)
{
    size_t lo = 0, hi = st->n_runs;     /* last run starting at or before byte */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->runs[mid].start <= byte)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

static const PangoLogAttr *shape_attr_at(shape_state *st, size_t byte)
{
    /* Clusters come in logical order, so the walk only goes forward. */
    assert(byte >= st->cur_byte);
    while (st->cur_byte < byte) {
        st->cur_byte = (size_t)(g_utf8_next_char(st->text + st->cur_byte) - st->text);
        st->cur_char++;
    }
    return &st->log_attrs[st->cur_char];
}

static int shape_is_invisible(gunichar c)
{
    GUnicodeType t = g_unichar_type(c);
    return t == G_UNICODE_CONTROL || t == G_UNICODE_FORMAT ||
           t == G_UNICODE_LINE_SEPARATOR || t == G_UNICODE_PARAGRAPH_SEPARATOR;
}

static void shape_warn_missing(shape_state *st, gunichar c, uint32_t run)
{
    if (!st->reported)
        st->reported = g_hash_table_new(g_direct_hash, g_direct_equal);
    if (g_hash_table_contains(st->reported, GUINT_TO_POINTER(c)))
        return;
    g_hash_table_add(st->reported, GUINT_TO_POINTER(c));
    char utf8[8];
    utf8[g_unichar_to_utf8(c, utf8)] = '\0';
    diag_add(st->diags, DIAG_WARNING, STAGE_TEXT, st->runs[run].loc,
             "no font can draw '%s' (U+%04X); install a font that covers it "
             "(see fonts/README.md) or remove the character",
             utf8, (unsigned)c);
}

/* Pango's glyph id to ours; sets *missing for a character no font has. */
static uint32_t shape_glyph_id(shape_state *st, PangoGlyph g, uint32_t run,
                               uint8_t *missing)
{
    if (g == PANGO_GLYPH_EMPTY || g == PANGO_GLYPH_INVALID_INPUT)
        return SHAPE_GLYPH_NONE;
    if (!(g & PANGO_GLYPH_UNKNOWN_FLAG))
        return g;
    gunichar c = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
    if (shape_is_invisible(c))
        return SHAPE_GLYPH_NONE;     /* a tab or LF: nothing to draw anyway */
    *missing = 1;
    shape_warn_missing(st, c, run);
    return 0;                        /* .notdef, drawn as the font's box */
}

/* A cluster being collected: glyphs [lo, hi) of the item's glyph string,
 * from byte `start`; la is the log attr of its first character. */
typedef struct {
    int lo, hi;
    size_t start;
    const PangoLogAttr *la;
} shape_pending;

static void shape_emit(shape_state *st, const PangoGlyphString *gs,
                       const shape_pending *p, const text_font *font, int rtl,
                       int upright)
{
    shape_cluster c = {0};
    c.byte_start = (uint32_t)p->start;
    c.glyph_start = (uint32_t)st->glyphs.len;
    c.n_glyphs = (uint32_t)(p->hi - p->lo);
    c.cp = g_utf8_get_char(st->text + p->start);
    c.font = font;
    c.run = shape_run_at(st, p->start);
    c.rtl = (uint8_t)rtl;
    c.upright = (uint8_t)upright;
    c.break_before = p->la->is_line_break;
    c.mandatory_break = p->la->is_mandatory_break;
    c.is_space = p->la->is_white;
    for (int i = p->lo; i < p->hi; i++) {
        const PangoGlyphInfo *gi = &gs->glyphs[i];
        shape_glyph g = {shape_glyph_id(st, gi->glyph, c.run, &c.missing),
                         gi->geometry.width, gi->geometry.x_offset,
                         gi->geometry.y_offset};
        c.advance += g.advance;
        VEC_PUSH(&st->glyphs, g);
    }
    /* Letter spacing (XSL 1.1 §7.17.2) after each cluster; Pango leaves
     * it to PangoLayout, which we do not use. */
    mk_len ls = st->runs[c.run].letter_spacing;
    if (ls && c.n_glyphs) {
        st->glyphs.v[st->glyphs.len - 1].advance += ls;
        c.advance += ls;
    }
    VEC_PUSH(&st->clusters, c);
}

/* The glyph at logical position k of an item's glyph string. */
static int shape_logical(int k, int n, int rtl) { return rtl ? n - 1 - k : k; }

/* Pango asks HarfBuzz for one cluster per character where it can (so a
 * cursor can sit between a base and its mark); we want the user-perceived
 * character, so a glyph group that does not start a grapheme (a combining
 * mark, a Thai tone mark, a Devanagari vowel sign) joins the cluster before
 * it. HarfBuzz has already merged what it reordered (Indic pre-base
 * vowels, Myanmar medial ra), so the groups are contiguous. */
static void shape_item_clusters(shape_state *st, PangoItem *item,
                                const PangoGlyphString *gs, const text_font *font)
{
    int rtl = item->analysis.level & 1, n = gs->num_glyphs;
    int upright = PANGO_GRAVITY_IS_VERTICAL(item->analysis.gravity);
    shape_pending cur = {0, 0, 0, NULL};
    for (int k = 0; k < n;) {
        int lc = gs->log_clusters[shape_logical(k, n, rtl)], j = k + 1;
        while (j < n && gs->log_clusters[shape_logical(j, n, rtl)] == lc)
            j++;
        int lo = rtl ? n - j : k, hi = rtl ? n - k : j;
        size_t start = (size_t)item->offset + (size_t)lc;
        const PangoLogAttr *la = shape_attr_at(st, start);
        if (cur.la && !la->is_cursor_position) {
            cur.lo = rtl ? lo : cur.lo;      /* extend, in visual order */
            cur.hi = rtl ? cur.hi : hi;
        } else {
            if (cur.la)
                shape_emit(st, gs, &cur, font, rtl, upright);
            cur = (shape_pending){lo, hi, start, la};
        }
        k = j;
    }
    if (cur.la)
        shape_emit(st, gs, &cur, font, rtl, upright);
}

static void shape_item(shape_state *st, PangoItem *item, PangoGlyphString *gs)
{
    pango_shape_with_flags(st->text + item->offset, item->length, st->text,
                           (int)st->len, &item->analysis, gs, PANGO_SHAPE_NONE);
    const text_font *font = text_font_from_pango(st->ctx, item->analysis.font);
    size_t first = st->clusters.len;
    shape_item_clusters(st, item, gs, font);
    /* Each cluster ends where the next begins, the last at the item end. */
    size_t end = (size_t)item->offset + (size_t)item->length;
    for (size_t i = st->clusters.len; i-- > first;) {
        st->clusters.v[i].byte_len = (uint32_t)(end - st->clusters.v[i].byte_start);
        end = st->clusters.v[i].byte_start;
    }
}

/* Vertical paragraphs are itemized with an east base gravity, so Pango
 * resolves each script's natural orientation: CJK upright, Latin and digits
 * turned sideways, the usual JLREQ setting (tate-chu-yoko is layout's). A
 * gravity attribute would instead force every script upright. */
static GList *shape_itemize(text_ctx *ctx, const char *text, size_t len,
                            PangoAttrList *attrs, int vertical)
{
    PangoContext *pc = text_ctx_pango(ctx);
    if (vertical)
        pango_context_set_base_gravity(pc, PANGO_GRAVITY_EAST);
    GList *items = pango_itemize(pc, text, 0, (int)len, attrs, NULL);
    if (vertical)
        pango_context_set_base_gravity(pc, PANGO_GRAVITY_SOUTH);
    return items;
}

int shape_paragraph(text_ctx *ctx, const char *text, size_t len,
                    const shape_run *runs, size_t n_runs, shape_result *out,
                    diag_list *diags)
{
    memset(out, 0, sizeof *out);
    if (len == 0)
        return 0;
    if (shape_check(text, len, runs, n_runs, diags) < 0)
        return -1;
    shape_state st = {.ctx = ctx, .text = text, .len = len, .runs = runs,
                      .n_runs = n_runs, .diags = diags};
    st.log_attrs = shape_log_attrs(text, len, runs, n_runs);
    /* One cluster and glyph per character is the common case. */
    VEC_RESERVE(&st.clusters, len / 2 + 1);
    VEC_RESERVE(&st.glyphs, len / 2 + 1);

    PangoAttrList *attrs = shape_attrs(ctx, runs, n_runs);
    GList *items = shape_itemize(ctx, text, len, attrs, runs[0].vertical);
    PangoGlyphString *gs = pango_glyph_string_new();
    for (GList *l = items; l; l = l->next)
        shape_item(&st, l->data, gs);

    pango_glyph_string_free(gs);
    g_list_free_full(items, (GDestroyNotify)pango_item_free);
    pango_attr_list_unref(attrs);
    g_free(st.log_attrs);
    if (st.reported)
        g_hash_table_destroy(st.reported);
    out->clusters = st.clusters.v, out->n_clusters = st.clusters.len;
    out->glyphs = st.glyphs.v, out->n_glyphs = st.glyphs.len;
    return 0;
}

void shape_result_free(shape_result *r)
{
    if (!r)
        return;
    free(r->clusters);
    free(r->glyphs);
    memset(r, 0, sizeof *r);
}
