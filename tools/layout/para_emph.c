/* para_emph: emphasis dots (圏点, bōten), JLREQ 3.3.9 (EM-1), with
 * Antenna House's axf:text-emphasis-* properties.
 *
 * A dot is a glyph of the mark character at half the base size
 * (axf:text-emphasis-font-size), centred on its base character, on the
 * line's before side (above in lr-tb, right in tb-rl) or after side
 * (axf:text-emphasis-position). It is placed by its ink, not its em box:
 * the ink's near edge sits an eighth of the mark size plus
 * axf:text-emphasis-offset from the base's em box (or from the ruby, over
 * ruby). Dots never move lines (EM-1, and GR-2 for the line grid): they
 * live in the interlinear space, the half-leading of their line and of
 * the line before, and on a page's first line they may stand above the
 * region's edge. Spaces and the punctuation JLREQ names (cl-01, cl-02,
 * cl-06, cl-07, and middle dots) get no dot (axf:text-emphasis-skip).
 *
 * The dots of consecutive emphasised characters on a line are one glyph
 * run (role AREA_EMPHASIS), so the trace and the PDF stay compact. */
#include <string.h>

#include "para_items.h"
#include "wmode.h"

/* The mark of a style (CSS Text Decoration 3 §3.1, which AH follows):
 * "filled" or "open" alone is a circle in horizontal writing and a
 * sesame in vertical writing. */
static uint32_t mark_cp(const fo_props *p)
{
    static const uint32_t filled[] = {0, 0x2022, 0x25CF, 0x25C9, 0x25B2, 0xFE45};
    static const uint32_t open[] = {0, 0x25E6, 0x25CB, 0x25CE, 0x25B3, 0xFE46};
    int shape = p->em_style & FO_EM_SHAPE;
    int vertical = p->writing_mode == FO_WM_TB_RL || p->writing_mode == FO_WM_TB_LR;
    if (shape == FO_EM_FILLED_ONLY)
        shape = vertical ? FO_EM_SESAME : FO_EM_CIRCLE;
    if (shape < FO_EM_DOT || shape > FO_EM_SESAME)
        return 0;
    return (p->em_style & FO_EM_OPEN) ? open[shape] : filled[shape];
}

static size_t put_utf8(char *buf, uint32_t cp)
{
    if (cp < 0x80) { buf[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        buf[0] = (char)(0xC0 | cp >> 6); buf[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    buf[0] = (char)(0xE0 | cp >> 12); buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Does cluster cl take no dot (axf:text-emphasis-skip; EM-1)? */
static int skipped(const shape_cluster *cl, uint8_t skip)
{
    jlreq_class k = jlreq_class_of(cl->cp);
    if (cl->is_space || cl->cp == 0x3000)
        return (skip & FO_EMSKIP_SPACES) != 0;
    if (skip & FO_EMSKIP_PUNCT) {
        if (k == JL_OPENING || k == JL_CLOSING || k == JL_FULL_STOP || k == JL_COMMA ||
            k == JL_MIDDLE_DOT || k == JL_DIVIDING || k == JL_HYPHEN || k == JL_INSEPARABLE)
            return 1;
        if (cl->cp < 0x80 && strchr("!\"'(),-.:;?[]{}", (int)cl->cp))
            return 1;
    }
    if ((skip & FO_EMSKIP_SYMBOLS) && (k == JL_PREFIX || k == JL_POSTFIX ||
                                        k == JL_MATH_SYMBOL || k == JL_MATH_OPERATOR ||
                                        (cl->cp < 0x80 && strchr("#$%&*+/<=>@\\^_`|~", (int)cl->cp))))
        return 1;
    return (skip & FO_EMSKIP_NARROW) && !jlreq_is_cjk(cl->cp);
}

/* The mark of one style, shaped once per line and style. */
typedef struct {
    const fo_props *props;
    char utf8[4];
    size_t len;
    uint32_t glyph;
    const text_font *font;
    mk_len advance, size;
    mk_len em_asc;        /* the alphabetic baseline below the em box's top */
    int vertical;         /* set upright in a vertical line */
    text_ink ink;
} emark;

static int shape_mark(lctx *c, const fo_props *p, emark *m)
{
    memset(m, 0, sizeof *m);
    m->props = p;
    uint32_t cp = mark_cp(p);
    if (p->em_style == FO_EM_STRING && p->em_string) {
        m->len = strlen(p->em_string);
        memcpy(m->utf8, p->em_string, m->len < 4 ? m->len : 4);
    } else if (cp) {
        m->len = put_utf8(m->utf8, cp);
    }
    m->size = fo_len_resolve(p->em_font_size, p->font_size);
    if (!m->len || m->size <= 0)
        return -1;
    /* vertical: the mark is shaped unturned with the font's vertical
     * forms ('vert'), so its ink is measured as the renderer draws it
     * (upright, em box centred on the run's central line) */
    m->vertical = wmode_vertical(p->writing_mode);
    shape_run run = {.start = 0, .len = m->len, .size = m->size,
                     .family = p->em_font_family ? p->em_font_family : p->font_family,
                     .weight = p->font_weight, .style = 0, .lang = p->language,
                     .features = m->vertical ? "vert" : NULL};
    shape_result sh = {0};
    if (shape_paragraph(c->text, m->utf8, m->len, &run, 1, &sh, c->diags) != 0)
        return -1;
    int ok = sh.n_clusters > 0 && sh.n_glyphs > 0 && sh.glyphs[0].id != SHAPE_GLYPH_NONE;
    if (ok) {
        m->glyph = sh.glyphs[0].id;
        m->font = sh.clusters[0].font;
        m->advance = sh.clusters[0].advance;
        text_font_glyph_ink(m->font, m->glyph, &m->ink);
        text_font_metrics fm;
        text_font_get_metrics(m->font, &fm);
        m->em_asc = fm.em_ascent > 0 ? fm.em_ascent
                    : fm.ascent + fm.descent > 0
                        ? (mk_len)((int64_t)m->size * fm.ascent / (fm.ascent + fm.descent))
                        : m->size * 22 / 25;
    }
    shape_result_free(&sh);
    return ok ? 0 : -1;
}

static size_t cluster_at(const pitems *pi, size_t byte)
{
    size_t lo = 0, hi = pi->sh.n_clusters;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pi->sh.clusters[mid].byte_start < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* How far the base's own annotation reaches from the baseline on the
 * dots' side: the em box, or the ruby over it (AH: dots outside ruby). */
static mk_len base_reach(const pitems *pi, size_t k, int after)
{
    const pstyle *st = &pi->pb->styles.v[pi->sh.clusters[k].run];
    mk_len reach = after ? st->em_desc : st->em_asc;
    int32_t r = pi->ruby_at ? pi->ruby_at[k] : -1;
    if (r >= 0) {
        const pruby *rb = &pi->pb->rubies.v[r];
        if ((rb->rt->props->ruby_position == 1) == after)
            reach += fo_len_resolve(rb->rt->props->ruby_offset, rb->size) + rb->size;
    }
    return reach;
}

typedef struct {
    area *run;
    VEC(area_glyph) glyphs;
    VEC(char) text;
    const fo_props *props;
    size_t next;          /* the cluster that may continue the run */
} erun;

static void flush(lctx *c, erun *e)
{
    if (!e->run)
        return;
    area_glyphs *g = &e->run->u.glyphs;
    g->n_glyphs = g->n_clusters = (int)e->glyphs.len;
    g->glyphs = ARENA_ARRAY(c->seq, area_glyph, e->glyphs.len);
    memcpy(g->glyphs, e->glyphs.v, e->glyphs.len * sizeof *g->glyphs);
    g->clusters = ARENA_ARRAY(c->seq, area_cluster, e->glyphs.len);
    size_t each = e->text.len / e->glyphs.len;
    for (size_t i = 0; i < e->glyphs.len; i++)
        g->clusters[i] = (area_cluster){(int)each, 1};
    g->utf8 = arena_strndup(c->seq, e->text.v, e->text.len);
    g->utf8_len = (int)e->text.len;
    e->run = NULL;
    e->glyphs.len = e->text.len = 0;
}

/* Adds the dot of cluster k (set at [x0, x1)) to the run being built. */
static void add_dot(lctx *c, pitems *pi, erun *e, const emark *m, size_t k, mk_len x0,
                      mk_len x1, area *line)
{
    const fo_props *p = m->props;
    int after = p->em_position == 1;
    /* a little air between the base's em box and the dot's ink, plus the
     * offset asked for */
    mk_len off = m->size / 8 + fo_len_resolve(p->em_offset, m->size);
    mk_len reach = base_reach(pi, k, after);
    /* ink: across the line; lo, hi: the ink along it from the glyph's
     * origin. Upright in vertical text the renderer puts the em box's top
     * at the glyph's i, the alphabetic baseline em_asc below it */
    mk_len ink = m->vertical ? m->ink.right - m->ink.left : m->ink.top - m->ink.bottom;
    mk_len lo = m->vertical ? m->em_asc - m->ink.top : m->ink.left;
    mk_len hi = m->vertical ? m->em_asc - m->ink.bottom : m->ink.right;
    mk_len x = (x0 + x1) / 2 - (lo + hi) / 2; /* the ink centred */
    if (!e->run || e->props != p || e->next != k) {
        flush(c, e);
        area *r = lctx_area(c, AREA_GLYPHS, pi->pb->styles.v[pi->sh.clusters[k].run].fo);
        area_glyphs *g = &r->u.glyphs;
        g->font = m->font;
        g->size = m->size;
        g->color = p->em_color.a ? p->em_color : p->color;
        g->role = AREA_EMPHASIS;
        r->i = x + lo; /* the ink box */
        r->b = after ? reach + off : -(reach + off + ink);
        r->bpd = ink;
        g->baseline = m->ink.top;
        if (m->vertical) {
            /* the renderer centres the horizontal advance on the central
             * line (area.h): put it where the ink fills the run's box,
             * measured from its before edge (the right one in tb-rl) */
            g->upright = 1;
            g->baseline = p->writing_mode == FO_WM_TB_RL ? m->ink.right - m->advance / 2
                                                         : m->advance / 2 - m->ink.left;
        }
        area_append(line, r);
        e->run = r;
        e->props = p;
    }
    area_glyph ag = {m->glyph, x - e->run->i, 0};
    VEC_PUSH(&e->glyphs, ag);
    for (size_t i = 0; i < m->len; i++)
        VEC_PUSH(&e->text, m->utf8[i]);
    e->run->ipd = x + hi - e->run->i;
    e->next = k + 1;
}

void para_emphasis_line(lctx *c, pitems *pi, area *line, const pspans *spans)
{
    erun e = {0};
    emark m = {0};
    int bad = 0;
    for (size_t s = 0; s < spans->len; s++) {
        size_t k = cluster_at(pi, spans->v[s].start);
        if (k >= pi->sh.n_clusters || pi->sh.clusters[k].byte_start != spans->v[s].start)
            continue; /* an object */
        const shape_cluster *cl = &pi->sh.clusters[k];
        const fo_props *p = pi->pb->styles.v[cl->run].props;
        if (pi->pb->styles.v[cl->run].tcy && k > 0 && pi->sh.clusters[k - 1].run == cl->run) {
            /* a tate-chu-yoko unit is one character: one dot, on its
             * first cluster, whose span is the unit's em (JLREQ 3.2.5) */
            if (e.next == k)
                e.next = k + 1;
            continue;
        }
        if (p->em_style == FO_EM_NONE || skipped(cl, p->em_skip)) {
            flush(c, &e);
            continue;
        }
        if (m.props != p)
            bad = shape_mark(c, p, &m) != 0;
        if (bad)
            continue;
        add_dot(c, pi, &e, &m, k, spans->v[s].x0, spans->v[s].x1, line);
    }
    flush(c, &e);
    VEC_FREE(&e.glyphs);
    VEC_FREE(&e.text);
}
