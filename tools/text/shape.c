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
#include "breaks_icu.h"

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
        if (r->features) {
            a = pango_attr_font_features_new(r->features);
            a->start_index = s, a->end_index = e;
            pango_attr_list_insert(list, a);
        }
        if (r->horizontal && r->vertical) { /* tate-chu-yoko: not turned */
            a = pango_attr_gravity_new(PANGO_GRAVITY_SOUTH);
            a->start_index = s, a->end_index = e;
            pango_attr_list_insert(list, a);
        }
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

/* ---- break opportunities ---- */

/* The run a byte belongs to: the last run starting at or before it. */
static uint32_t shape_run_of(const shape_run *runs, size_t n_runs, size_t byte)
{
    size_t lo = 0, hi = n_runs;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (runs[mid].start <= byte)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

/* One character of the paragraph, as the tailoring passes see it. */
typedef struct {
    size_t byte, char_index;
    gunichar cp;
} shape_char;

static void shape_char_next(const char *text, shape_char *c)
{
    c->byte = (size_t)(g_utf8_next_char(text + c->byte) - text);
    c->char_index++;
}

/* Burmese, Khmer and Lao: Pango 1.50 has no segmenter for them and gives
 * no break inside a phrase, so the opportunities inside each maximal span
 * of their script come from ICU's dictionaries (breaks_icu.h). The edges
 * of a span keep Pango's UAX #14 answer, which sees the context (a space,
 * a bracket) that the span alone does not. The run's language, when the
 * document gives one, is ICU's locale. */
static void shape_icu_span(text_ctx *ctx, const char *text, const shape_run *runs,
                           size_t n_runs, PangoLogAttr *la, shape_char from,
                           shape_char to, uint8_t *brk)
{
    const char *lang = runs[shape_run_of(runs, n_runs, from.byte)].lang;
    size_t n = to.char_index - from.char_index;
    if (breaks_icu_line(text_ctx_breaks_icu(ctx), text + from.byte,
                        to.byte - from.byte, lang, brk, n) < 0)
        return;                      /* keep Pango's: no breaks, not wrong ones */
    for (size_t i = 1; i < n; i++)
        la[from.char_index + i].is_line_break = brk[i];
}

static void shape_icu_breaks(text_ctx *ctx, const char *text, size_t len,
                             const shape_run *runs, size_t n_runs,
                             PangoLogAttr *la, size_t n_chars)
{
    uint8_t *brk = NULL;             /* only paragraphs with such text */
    shape_char c = {0, 0, 0};
    while (c.byte < len) {
        c.cp = g_utf8_get_char(text + c.byte);
        if (!breaks_icu_script(c.cp)) {
            shape_char_next(text, &c);
            continue;
        }
        shape_char from = c;
        do {
            shape_char_next(text, &c);
            c.cp = c.byte < len ? g_utf8_get_char(text + c.byte) : 0;
        } while (c.byte < len &&
                 (breaks_icu_script(c.cp) || breaks_icu_continues(c.cp)));
        if (!brk)
            brk = g_malloc(n_chars + 1);
        shape_icu_span(ctx, text, runs, n_runs, la, from, c, brk);
    }
    g_free(brk);
}

/* Korean is written with spaces between words (eojeol) and set breaking
 * only there, but UAX #14 classes Hangul syllables like ideographs (H2,
 * H3, ID) and allows a break between any two. So by default no line
 * breaks between two letters or digits when one of them is Hangul (CSS
 * Text 3 "word-break: keep-all": 한국어, 2022년, OECD가 stay whole), nor
 * between Han characters in Korean text (hanja words). A run asks for
 * UAX #14's breaks with the Unicode locale extension of CLDR's line-break
 * word handling: xml:lang="ko-u-lw-normal" or "ko-u-lw-breakall". */
static int shape_lang_keeps_hangul(const char *lang)
{
    if (!lang)
        return 1;
    const char *u = NULL;
    for (const char *p = lang; *p; p++)
        if (p[0] == '-' && (p[1] == 'u' || p[1] == 'U') && p[2] == '-')
            u = p + 2;
    if (!u)
        return 1;
    return !(g_ascii_strncasecmp(u, "-lw-normal", 10) == 0 ||
             g_ascii_strncasecmp(u, "-lw-breakall", 12) == 0);
}

static int shape_lang_is_korean(const char *lang)
{
    return lang && g_ascii_strncasecmp(lang, "ko", 2) == 0 &&
           (lang[2] == '\0' || lang[2] == '-');
}

static int shape_is_letter_unit(gunichar c)
{
    return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

/* Is a break between a and b inside a Korean word? */
static int shape_inside_korean_word(gunichar a, gunichar b, int korean_run)
{
    if (!shape_is_letter_unit(a) || !shape_is_letter_unit(b))
        return 0;
    GUnicodeScript sa = g_unichar_get_script(a), sb = g_unichar_get_script(b);
    if (sa == G_UNICODE_SCRIPT_HANGUL || sb == G_UNICODE_SCRIPT_HANGUL)
        return 1;
    return korean_run && sa == G_UNICODE_SCRIPT_HAN && sb == G_UNICODE_SCRIPT_HAN;
}

static void shape_keep_all(const char *text, size_t len, const shape_run *runs,
                           size_t n_runs, PangoLogAttr *la)
{
    shape_char c = {0, 0, g_utf8_get_char(text)};
    while (1) {
        gunichar a = c.cp;
        shape_char_next(text, &c);
        if (c.byte >= len)
            break;
        c.cp = g_utf8_get_char(text + c.byte);
        if (!la[c.char_index].is_line_break)
            continue;
        const char *lang = runs[shape_run_of(runs, n_runs, c.byte)].lang;
        if (shape_lang_keeps_hangul(lang) &&
            shape_inside_korean_word(a, c.cp, shape_lang_is_korean(lang)))
            la[c.char_index].is_line_break = 0;
    }
}

/* UAX #14 with Pango's tailorings (libthai dictionary breaks for Thai,
 * and the like), then ours: ICU for Burmese, Khmer and Lao, Korean words
 * kept whole. Computed once over the whole paragraph. */
static PangoLogAttr *shape_log_attrs(text_ctx *ctx, const char *text, size_t len,
                                     const shape_run *runs, size_t n_runs)
{
    glong n_chars = g_utf8_strlen(text, (gssize)len);
    PangoLogAttr *la = g_new0(PangoLogAttr, n_chars + 1);
    pango_get_log_attrs(text, (int)len, -1, shape_paragraph_lang(runs, n_runs),
                        la, (int)n_chars + 1);
    shape_icu_breaks(ctx, text, len, runs, n_runs, la, (size_t)n_chars);
    shape_keep_all(text, len, runs, n_runs, la);
    return la;
}

/* ---- clusters ---- */

static uint32_t shape_run_at(const shape_state *st, size_t byte)
{
    return shape_run_of(st->runs, st->n_runs, byte);
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
    diag_severity sev = text_ctx_missing_is_error(st->ctx) ? DIAG_ERROR : DIAG_WARNING;
    diag_add(st->diags, sev, STAGE_TEXT, st->runs[run].loc,
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
                       const shape_pending *p, const text_font *font, int level,
                       int upright)
{
    int rtl = level & 1;
    shape_cluster c = {0};
    c.byte_start = (uint32_t)p->start;
    c.glyph_start = (uint32_t)st->glyphs.len;
    c.n_glyphs = (uint32_t)(p->hi - p->lo);
    c.cp = g_utf8_get_char(st->text + p->start);
    c.font = font;
    c.run = shape_run_at(st, p->start);
    c.rtl = (uint8_t)rtl;
    c.level = (uint8_t)level;
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
    int level = item->analysis.level, rtl = level & 1, n = gs->num_glyphs;
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
                shape_emit(st, gs, &cur, font, level, upright);
            cur = (shape_pending){lo, hi, start, la};
        }
        k = j;
    }
    if (cur.la)
        shape_emit(st, gs, &cur, font, level, upright);
}

/* Pango shapes an item in the language it derived for the item's script:
 * the run's own when Pango's table says that language is written in the
 * script, else the script's sample language, or "xx" for Han, which has
 * none. The table lists only Hangul for Korean, so hanja in
 * xml:lang="ko" were shaped as "xx" and got the face's default
 * (Japanese) forms instead of the Korean ones (locl). Han is the script
 * whose forms depend on the language, so a Han item is shaped in the
 * language its run gives. */
static void shape_item_language(shape_state *st, PangoItem *item)
{
    if (item->analysis.script != PANGO_SCRIPT_HAN)
        return;
    const char *lang = st->runs[shape_run_at(st, (size_t)item->offset)].lang;
    if (lang && *lang)
        item->analysis.language = pango_language_from_string(lang);
}

static void shape_item(shape_state *st, PangoItem *item, PangoGlyphString *gs)
{
    shape_item_language(st, item);
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
    st.log_attrs = shape_log_attrs(ctx, text, len, runs, n_runs);
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

/* ---- bidi reordering of a line (for the line builder) ---- */

static void shape_reverse(uint32_t *order, uint8_t *lv, size_t i, size_t j)
{
    while (i + 1 < j) {
        j--;
        uint32_t o = order[i]; order[i] = order[j]; order[j] = o;
        uint8_t l = lv[i]; lv[i] = lv[j]; lv[j] = l;
        i++;
    }
}

/* UAX #9 L2 on lv (permuted along with order). */
static void shape_l2(uint8_t *lv, size_t n, uint32_t *order)
{
    uint8_t hi = 0, lo_odd = UINT8_MAX;
    for (size_t i = 0; i < n; i++) {
        order[i] = (uint32_t)i;
        hi = lv[i] > hi ? lv[i] : hi;
        if ((lv[i] & 1) && lv[i] < lo_odd)
            lo_odd = lv[i];
    }
    for (int level = hi; lo_odd != UINT8_MAX && level >= lo_odd; level--) {
        for (size_t i = 0; i < n;) {
            if (lv[i] < level) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < n && lv[j] >= level)
                j++;
            shape_reverse(order, lv, i, j);
            i = j;
        }
    }
}

void shape_reorder_levels(const uint8_t *levels, size_t n, uint32_t *order)
{
    if (n == 0)
        return;
    uint8_t *lv = malloc(n);
    if (!lv)
        abort();
    memcpy(lv, levels, n);
    shape_l2(lv, n, order);
    free(lv);
}

void shape_visual_order(const shape_cluster *clusters, size_t n,
                        uint8_t para_level, uint32_t *order)
{
    if (n == 0)
        return;
    uint8_t *lv = malloc(n);
    if (!lv)
        abort();
    for (size_t i = 0; i < n; i++)
        lv[i] = clusters[i].level;
    /* L1: trailing white space goes back to the paragraph's level, so the
     * space at the end of an Arabic phrase stays at the line's end. */
    for (size_t i = n; i-- > 0 && clusters[i].is_space;)
        lv[i] = para_level;
    shape_l2(lv, n, order);
    free(lv);
}
