/* para_ruby: ruby (furigana) in a paragraph, JLREQ 3.3 and Appendix F.
 *
 * Model. An axf:ruby holds pairs of axf:ruby-base and axf:ruby-text, each
 * pair a ruby container (Antenna House's vocabulary). The base text joins
 * the paragraph text like any inline text; the ruby text does not: it is
 * shaped apart at the ruby size (RB-1: half the base, axf:ruby-font-size)
 * and drawn as glyph runs of the line on its before side (above in lr-tb,
 * right in tb-rl: the renderers map b). Copy-paste therefore gives the
 * base text in reading order.
 *
 * Kinds (JLREQ 3.3.5–3.3.7). A container whose base is one cluster is a
 * mono-ruby, a longer base a group-ruby; both are unbreakable and get no
 * justification space inside (LA-5). Several containers in one axf:ruby
 * are jukugo-ruby: each ruby stays over its own base and the line may
 * break between them (RB-5). When one ruby is longer than its base the
 * compound is placed by JLREQ Appendix F (RB-8, plan_jukugo): the rubies
 * solid and in order over the following, then the preceding bases of the
 * compound, then over the kana outside it; only the rest becomes space
 * around the bases with a longer ruby.
 *
 * Spacing. A ruby shorter than its base is spread over it (axf:ruby-align
 * auto: the 1:2:1 of JLREQ 3.3.6, RB-4); a longer ruby is set solid and
 * needs room beside its base: boxes of room before, between and after the
 * base clusters. Part of the room at either end may lie over the
 * neighbouring character (RB-6, axf:ruby-overhang, at most
 * axf:ruby-limit-overhang, half a ruby character by default): hiragana,
 * katakana, the prolonged sound mark and small kana, the aki side of
 * closing marks before and opening brackets after, never kanji (unless
 * axf:ruby-overhang drops except-kanji), never another ruby's base. The
 * overhang is a negative glue after the junction's break opportunity, so
 * it is discarded when the line breaks there: at a line start or end the
 * full room stays and the ruby never leaves the column (RB-7). A group
 * ruby takes the overhang first and spreads its base 1:2:1 only by what
 * is left.
 *
 * Vertical writing. The same plan along the line; para_ruby_line sets
 * the runs upright on the right (before) side of the em box, which
 * para.c centres on the central line.
 *
 * Line pitch. A line's ascent grows only by the part of the ruby that
 * does not fit into its half-leading (para_ruby_line): lines are never
 * pushed apart more than needed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "para_items.h"
#include "wmode.h"

/* ------------------------------------------------------------ collect */

/* The ruby text of an axf:ruby-text: its text children (AH allows text
 * only; other content is left out with a warning). */
static const char *ruby_text(pbuild *pb, const fo_node *rt, size_t *len)
{
    VEC(char) buf = {0};
    for (const fo_node *ch = rt->first; ch; ch = ch->next) {
        if (ch->kind == FO_TEXT) {
            VEC_RESERVE(&buf, buf.len + ch->text_len + 1);
            memcpy(buf.v + buf.len, ch->text, ch->text_len);
            buf.len += ch->text_len;
        } else {
            diag_add(pb->c->diags, DIAG_WARNING, STAGE_LAYOUT, ch->loc,
                     "axf:ruby-text holds text only; this fo:%s is left out",
                     fo_kind_name(ch->kind));
        }
    }
    size_t s = 0, e = buf.len; /* spaces around the ruby are indentation */
    while (s < e && buf.v[s] == ' ') s++;
    while (e > s && buf.v[e - 1] == ' ') e--;
    const char *out = arena_strndup(pb->c->seq, buf.v ? buf.v + s : "", e - s);
    *len = e - s;
    VEC_FREE(&buf);
    return out;
}

void para_ruby_collect(pbuild *pb, const fo_node *ruby)
{
    lctx *c = pb->c;
    if (pb->in_ruby) {
        diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, ruby->loc,
                 "an axf:ruby inside axf:ruby-base is not supported yet; its base "
                 "text is set without its ruby (use one axf:ruby per word)");
        for (const fo_node *ch = ruby->first; ch; ch = ch->next)
            if (ch->kind == FO_AXF_RUBY_BASE)
                for (const fo_node *g = ch->first; g; g = g->next)
                    para_collect(pb, g);
        return;
    }
    int group = pb->ruby_groups++;
    for (const fo_node *ch = ruby->first; ch; ch = ch->next) {
        if (ch->kind != FO_AXF_RUBY_BASE) {
            diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, ch->loc,
                     "axf:ruby holds pairs of axf:ruby-base and axf:ruby-text; this "
                     "%s%s is left out", ch->kind == FO_AXF_RUBY_TEXT ? "" : "fo:",
                     fo_kind_name(ch->kind));
            continue;
        }
        size_t start = pb->text.len;
        pb->in_ruby = 1;
        for (const fo_node *g = ch->first; g; g = g->next)
            para_collect(pb, g);
        pb->in_ruby = 0;
        const fo_node *rt = ch->next && ch->next->kind == FO_AXF_RUBY_TEXT ? ch->next : NULL;
        if (!rt) {
            diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, ch->loc,
                     "this axf:ruby-base has no axf:ruby-text after it; its text is "
                     "set without ruby (add <axf:ruby-text>reading</axf:ruby-text>)");
            continue;
        }
        ch = rt;
        pruby r = {.start = start, .end = pb->text.len, .rt = rt, .group = group};
        r.text = ruby_text(pb, rt, &r.len);
        if (r.len && r.end > r.start)
            VEC_PUSH(&pb->rubies, r);
    }
}

void para_ruby_free(pbuild *pb)
{
    for (size_t r = 0; r < pb->rubies.len; r++)
        shape_result_free(&pb->rubies.v[r].sh);
    VEC_FREE(&pb->rubies);
}

/* --------------------------------------------------------------- plan */

static mk_len base_size(const pruby *r)
{
    return r->rt->props->font_size;
}

static void shape_ruby(lctx *c, pruby *r)
{
    const fo_props *p = r->rt->props;
    r->size = fo_len_resolve(p->ruby_font_size, base_size(r));
    if (r->size <= 0)
        r->size = base_size(r) / 2;
    shape_run run = {
        .start = 0, .len = r->len,
        .family = p->ruby_font_family ? p->ruby_font_family : p->font_family,
        .size = r->size, .weight = p->font_weight, .style = p->font_style,
        .lang = p->language, .loc = r->rt->loc,
        .vertical = p->writing_mode == FO_WM_TB_RL || p->writing_mode == FO_WM_TB_LR,
    };
    shape_result_free(&r->sh);
    memset(&r->sh, 0, sizeof r->sh);
    r->width = 0;
    if (shape_paragraph(c->text, r->text, r->len, &run, 1, &r->sh, c->diags) != 0)
        return;
    for (size_t k = 0; k < r->sh.n_clusters; k++)
        r->width += r->sh.clusters[k].advance;
}

/* Clusters [k0, k1) of each container's base; pi->ruby_at from them. */
static void map_clusters(pitems *pi)
{
    pbuild *pb = pi->pb;
    size_t n = pi->sh.n_clusters;
    free(pi->ruby_at);
    pi->ruby_at = malloc((n ? n : 1) * sizeof *pi->ruby_at);
    if (!pi->ruby_at) {
        fprintf(stderr, "mkdoc: out of memory (ruby)\n");
        abort(); /* same policy as vec.h */
    }
    for (size_t k = 0; k < n; k++)
        pi->ruby_at[k] = -1;
    size_t k = 0;
    for (size_t i = 0; i < pb->rubies.len; i++) {
        pruby *r = &pb->rubies.v[i];
        while (k < n && pi->sh.clusters[k].byte_start < r->start)
            k++;
        r->k0 = k;
        while (k < n && pi->sh.clusters[k].byte_start < r->end)
            pi->ruby_at[k++] = (int32_t)i;
        r->k1 = k;
    }
}

/* Is cluster k inside a tate-chu-yoko unit, not its first? The unit is
 * one character of one em (JLREQ 3.2.5): its other clusters take no
 * room and no ruby spacing (para_items.c). */
static int tcy_inner(const pitems *pi, size_t k)
{
    const shape_cluster *cl = &pi->sh.clusters[k];
    return pi->pb->styles.v[cl->run].tcy && k > 0 && pi->sh.clusters[k - 1].run == cl->run;
}

static mk_len base_width(const pitems *pi, const pruby *r)
{
    mk_len w = 0;
    for (size_t k = r->k0; k < r->k1; k++) {
        const shape_cluster *cl = &pi->sh.clusters[k];
        if (pi->pb->styles.v[cl->run].tcy)
            w += tcy_inner(pi, k) ? 0 : pi->pb->styles.v[cl->run].props->font_size;
        else
            w += pi->set[k].box;
    }
    return w;
}

/* The base characters of r: its clusters, a tate-chu-yoko unit as one. */
static size_t base_units(const pitems *pi, const pruby *r)
{
    size_t m = 0;
    for (size_t k = r->k0; k < r->k1; k++)
        m += !tcy_inner(pi, k);
    return m;
}

/* RB-6: may the ruby lie over cluster k, the neighbour on its start
 * (side 0) or end (side 1)? */
static int overhang_onto(const pitems *pi, const pruby *r, long k, int side)
{
    uint8_t oh = r->rt->props->ruby_overhang;
    if (!(oh & (side ? FO_RUBY_OH_END : FO_RUBY_OH_START)))
        return 0;
    if (k < 0 || (size_t)k >= pi->sh.n_clusters || pi->ruby_at[k] >= 0)
        return 0; /* the paragraph's edge, or another ruby's base */
    const shape_cluster *cl = &pi->sh.clusters[k];
    /* the neighbour must touch the base: nothing between them */
    if (side ? cl->byte_start != r->end : cl->byte_start + cl->byte_len != r->start)
        return 0;
    switch (jlreq_class_of(cl->cp)) {
    case JL_HIRAGANA: case JL_SMALL_KANA: case JL_PROLONGED: case JL_ITERATION:
    case JL_IDEO_SPACE: /* U+3000: preferred, as over a paragraph indent */
        return 1;
    case JL_KATAKANA:
        return !(oh & FO_RUBY_OH_EXCEPT_KATAKANA);
    case JL_IDEOGRAPHIC:
        return !(oh & FO_RUBY_OH_EXCEPT_KANJI);
    case JL_CLOSING: case JL_FULL_STOP: case JL_COMMA:
        /* their aki is on the side away from the glyph: before the ruby */
        return !side && !(oh & FO_RUBY_OH_EXCEPT_CLOSE);
    case JL_OPENING:
        return side && !(oh & FO_RUBY_OH_EXCEPT_OPEN);
    default:
        return 0;
    }
}

/* axf:ruby-align with start-if-vertical resolved: the start (katatsuki,
 * RB-3) in vertical writing, the centre in horizontal writing. */
static uint8_t ruby_align(const pruby *r)
{
    uint8_t al = r->rt->props->ruby_align;
    if (al & FO_RUBY_ALIGN_START_IF_VERTICAL)
        al = (uint8_t)((al & ~FO_RUBY_ALIGN_START_IF_VERTICAL) |
                       (wmode_vertical(r->rt->props->writing_mode) ? FO_RUBY_ALIGN_START
                                                                   : FO_RUBY_ALIGN_CENTER));
    return al;
}

/* The room of a ruby longer than its base (RB-3, RB-4): extra split over
 * the m base clusters as axf:ruby-align says; auto = JIS 1:2:1. */
static void spread_base(pruby *r, mk_len extra, size_t m)
{
    uint8_t al = ruby_align(r);
    r->lead = r->gap = r->trail = 0;
    if (extra <= 0)
        return;
    if (al & FO_RUBY_ALIGN_START) {
        r->trail = extra;
    } else if (al & FO_RUBY_ALIGN_END) {
        r->lead = extra;
    } else if ((al & FO_RUBY_ALIGN_CENTER) || m < 2) {
        r->lead = extra / 2;
    } else if (al & FO_RUBY_ALIGN_DIST_LETTER) {
        r->gap = extra / (mk_len)(m - 1);
    } else {
        mk_len u = extra / (2 * (mk_len)m);
        r->lead = u;
        r->gap = 2 * u;
    }
    if (!(al & FO_RUBY_ALIGN_START))
        r->trail = extra - r->lead - r->gap * (mk_len)(m - 1); /* the remainder */
}

/* How much of the room of r may lie over its neighbours: start and end
 * (RB-6, at most axf:ruby-limit-overhang each). */
static void overhang_caps(const pitems *pi, const pruby *r, mk_len *cs, mk_len *ce)
{
    mk_len limit = fo_len_resolve(r->rt->props->ruby_limit_overhang, r->size);
    if (limit < 0)
        limit = 0;
    *cs = overhang_onto(pi, r, (long)r->k0 - 1, 0) ? limit : 0;
    *ce = overhang_onto(pi, r, (long)r->k1, 1) ? limit : 0;
}

static mk_len min_len(mk_len a, mk_len b) { return a < b ? a : b; }

/* Sets r's room: extra (what the ruby is longer than its base) less what
 * lies over the neighbours (os before, oe after) spreads the base as
 * axf:ruby-align says; the overhangs join the room at the ends, so at a
 * line start or end, where they are dropped, the ruby stays in the
 * column (RB-7). */
static void set_room(pruby *r, mk_len extra, mk_len os, mk_len oe, size_t m)
{
    spread_base(r, extra - os - oe, m);
    r->lead += os;
    r->trail += oe;
    r->oh_start = os;
    r->oh_end = oe;
}

/* A mono- or group-ruby (RB-3, RB-4, RB-6): a longer ruby first lies
 * over the neighbouring kana, as far as axf:ruby-overhang and the limit
 * allow, centred (each side takes at most half of the excess); only the
 * rest spreads the base (1:2:1 between base characters). */
static void plan_one(pitems *pi, pruby *r)
{
    mk_len extra = r->width - base_width(pi, r), cs, ce;
    size_t m = base_units(pi, r);
    if (extra <= 0) {
        spread_base(r, 0, m);
        r->oh_start = r->oh_end = 0;
        return;
    }
    overhang_caps(pi, r, &cs, &ce);
    if (m < 2) {
        /* one base character: the ruby stays centred on it, and of the
         * room on each side what the neighbour allows lies over it */
        spread_base(r, extra, 1);
        r->oh_start = min_len(r->lead, cs);
        r->oh_end = min_len(r->trail, ce);
        return;
    }
    /* set from one end (axf:ruby-align start, end), a ruby reaches past
     * the other end only */
    uint8_t al = ruby_align(r);
    if (al & FO_RUBY_ALIGN_START)
        set_room(r, extra, 0, min_len(extra, ce), m);
    else if (al & FO_RUBY_ALIGN_END)
        set_room(r, extra, min_len(extra, cs), 0, m);
    else
        set_room(r, extra, min_len(extra / 2, cs), min_len(extra - extra / 2, ce), m);
}

/* A jukugo compound being placed (JLREQ Appendix F): its n containers,
 * from rubies[a]; per container the base width B, ruby width w, and, for
 * a trial amount of expansion, the base's start P and the rubies' starts
 * A; g[j] is the space added before base j (g[n]: after the last). */
typedef struct {
    size_t n;
    mk_len *B, *w, *P, *A, *g;
    mk_len cs, ce;        /* overhang allowed onto the kana before, after */
    mk_len lim;           /* onto another base of the compound: one ruby-em */
    mk_len W;             /* total width of the rubies longer than their base */
    int start;            /* katatsuki: short rubies from their base's start */
} jukugo;

/* Spreads S over the bases with a longer ruby, in proportion to the
 * ruby's width, half before and half after each (RB-8, F.3), and sets P. */
static void jukugo_spread(jukugo *j, mk_len S)
{
    for (size_t i = 0; i <= j->n; i++)
        j->g[i] = 0;
    mk_len left = S;
    for (size_t i = 0; i < j->n && j->W > 0; i++) {
        if (j->w[i] <= j->B[i])
            continue;
        mk_len share = (mk_len)((int64_t)S * j->w[i] / j->W);
        int is_last = 1;
        for (size_t k = i + 1; k < j->n; k++)
            is_last &= j->w[k] <= j->B[k];
        if (is_last)
            share = left; /* the rounding remainder */
        left -= share;
        j->g[i] += share / 2;
        j->g[i + 1] += share - share / 2;
    }
    mk_len x = 0;
    for (size_t i = 0; i < j->n; i++) {
        x += j->g[i];
        j->P[i] = x;
        x += j->B[i];
    }
}

/* Where ruby i may start at the earliest and end at the latest: over the
 * space added around its base, at most one ruby-em over the neighbouring
 * base of the compound, and over the kana outside it as RB-6 allows. */
static mk_len jukugo_lo(const jukugo *j, size_t i)
{
    return i == 0 ? j->P[0] - j->g[0] - j->cs : j->P[i - 1] + j->B[i - 1] - j->lim;
}

static mk_len jukugo_hi(const jukugo *j, size_t i)
{
    return i + 1 == j->n ? j->P[i] + j->B[i] + j->g[i + 1] + j->ce : j->P[i + 1] + j->lim;
}

/* Can the rubies be set solid, in order, within their bounds? Sets A to
 * the placement: each ruby where it wants to be (a short one centred, a
 * longer one from its base's start, so that it lies over the following
 * base first), pushed on by the one before, then pulled back by the
 * bounds after it (F.2: following first, then preceding). */
static int jukugo_fit(jukugo *j)
{
    mk_len min_end = -MK_LEN_MAX / 2;
    for (size_t i = 0; i < j->n; i++) { /* the earliest placement */
        mk_len a = jukugo_lo(j, i);
        if (a < min_end)
            a = min_end;
        if (a + j->w[i] > jukugo_hi(j, i))
            return 0;
        min_end = a + j->w[i];
    }
    mk_len end = -MK_LEN_MAX / 2;
    for (size_t i = 0; i < j->n; i++) {
        mk_len want = j->w[i] <= j->B[i] && !j->start ? j->P[i] + (j->B[i] - j->w[i]) / 2
                                                      : j->P[i];
        mk_len lo = jukugo_lo(j, i);
        j->A[i] = want > lo ? want : lo;
        if (j->A[i] < end)
            j->A[i] = end;
        end = j->A[i] + j->w[i];
    }
    mk_len next = MK_LEN_MAX / 2;
    for (size_t i = j->n; i-- > 0;) {
        mk_len hi = jukugo_hi(j, i) - j->w[i];
        if (j->A[i] > hi)
            j->A[i] = hi;
        if (j->A[i] > next - j->w[i])
            j->A[i] = next - j->w[i];
        next = j->A[i];
    }
    return 1;
}

/* The items of a placed compound: room boxes where a ruby reaches past
 * its base (kept at a line break between base characters, so the ruby
 * stays in the column, RB-7), less an overhang glue dropped at the break,
 * so that mid-line the bases are g apart. */
static void jukugo_items(pitems *pi, const jukugo *j, size_t a)
{
    pruby *rs = &pi->pb->rubies.v[a];
    for (size_t i = 0; i < j->n; i++) {
        pruby *r = &rs[i];
        mk_len t = j->A[i] + j->w[i] - (j->P[i] + j->B[i]);
        mk_len l = j->P[i] - j->A[i];
        r->placed = 1;
        r->at = j->A[i] - j->P[i];
        r->gap = 0;
        r->lead = l > 0 ? l : 0;
        r->trail = t > 0 ? t : 0;
        r->oh_start = r->oh_end = 0;
    }
    /* before the first base and after the last: room g, the rest over kana */
    if (rs[0].lead < j->g[0])
        rs[0].lead = j->g[0];
    rs[0].oh_start = rs[0].lead - j->g[0];
    pruby *z = &rs[j->n - 1];
    if (z->trail < j->g[j->n])
        z->trail = j->g[j->n];
    z->oh_end = z->trail - j->g[j->n];
    for (size_t i = 0; i + 1 < j->n; i++) { /* between base i and i + 1 */
        mk_len room = rs[i].trail + rs[i + 1].lead, g = j->g[i + 1];
        if (room < g) {
            rs[i].trail += g - room;
            continue;
        }
        rs[i].oh_end = rs[i].trail < room - g ? rs[i].trail : room - g;
        rs[i + 1].oh_start = room - g - rs[i].oh_end;
    }
}

/* A jukugo-ruby, containers [a, b) of one axf:ruby (RB-5, RB-8). Where
 * every ruby fits over its base, each is a mono-ruby. Otherwise JLREQ
 * Appendix F: the rubies stay in order, each over its own base character,
 * and a longer one lies over the following base of the compound (its
 * shorter ruby moved along), else the preceding one, by at most one
 * ruby-em, then over the kana outside the compound (following side first,
 * RB-6 limits); only what still does not fit expands the space around
 * the base characters with a longer ruby, in proportion to its length,
 * half on each side (F.3). The line may break between base characters. */
static void plan_jukugo(pitems *pi, size_t a, size_t b)
{
    pbuild *pb = pi->pb;
    size_t n = b - a;
    int over = 0;
    for (size_t i = a; i < b; i++)
        over |= pb->rubies.v[i].k1 <= pb->rubies.v[i].k0 ||
                pb->rubies.v[i].width > base_width(pi, &pb->rubies.v[i]);
    for (size_t i = a + 1; i < b; i++) /* bases must touch, in order */
        if (pb->rubies.v[i].k0 != pb->rubies.v[i - 1].k1 || pb->rubies.v[i].k1 <= pb->rubies.v[i].k0)
            n = 0;
    if (n < 2 || !over || pb->rubies.v[a].k1 <= pb->rubies.v[a].k0) {
        for (size_t i = a; i < b; i++)
            if (pb->rubies.v[i].k1 > pb->rubies.v[i].k0)
                plan_one(pi, &pb->rubies.v[i]);
        return;
    }
    mk_len *mem = calloc(6 * n + 1, sizeof *mem);
    if (!mem) {
        fprintf(stderr, "mkdoc: out of memory (ruby)\n");
        abort(); /* same policy as vec.h */
    }
    jukugo j = {.n = n, .B = mem, .w = mem + n, .P = mem + 2 * n, .A = mem + 3 * n,
                .g = mem + 4 * n, .lim = pb->rubies.v[a].size,
                .start = (ruby_align(&pb->rubies.v[a]) & FO_RUBY_ALIGN_START) != 0};
    mk_len dummy, cs, ce;
    overhang_caps(pi, &pb->rubies.v[a], &cs, &dummy);
    overhang_caps(pi, &pb->rubies.v[b - 1], &dummy, &ce);
    mk_len total = 0;
    for (size_t i = 0; i < n; i++) {
        j.B[i] = base_width(pi, &pb->rubies.v[a + i]);
        j.w[i] = pb->rubies.v[a + i].width;
        total += j.w[i];
        if (j.w[i] > j.B[i])
            j.W += j.w[i];
    }
    /* F.2: over the other bases of the compound alone if they can take
     * it, else also over the kana after it, else over both sides'; then
     * the least expansion that fits */
    mk_len lo = 0, hi = total;
    jukugo_spread(&j, 0);
    j.ce = ce;
    j.cs = cs;
    int fits = 0;
    for (int stage = 0; stage < 3 && !fits; stage++) {
        j.ce = stage ? ce : 0;
        j.cs = stage > 1 ? cs : 0;
        fits = jukugo_fit(&j);
    }
    if (!fits) {
        while (hi - lo > 1) {
            mk_len mid = lo + (hi - lo) / 2;
            jukugo_spread(&j, mid);
            if (jukugo_fit(&j))
                hi = mid;
            else
                lo = mid;
        }
        jukugo_spread(&j, hi);
        jukugo_fit(&j);
    }
    jukugo_items(pi, &j, a);
    free(mem);
}

/* RB-6 (JLREQ 3.3.8 note): two rubies lying over the same kana from
 * both sides keep at least one ruby-em between them; the second one
 * gives way (its room stays, only less of it lies over the kana). */
static void keep_apart(pitems *pi)
{
    pbuild *pb = pi->pb;
    for (size_t i = 1; i < pb->rubies.len; i++) {
        pruby *r1 = &pb->rubies.v[i - 1], *r2 = &pb->rubies.v[i];
        if (r1->k1 >= pi->sh.n_clusters || r2->k0 != r1->k1 + 1 || !r1->oh_end || !r2->oh_start)
            continue;
        mk_len between = pi->set[r1->k1].box - r1->oh_end - r2->oh_start;
        if (between < r2->size)
            r2->oh_start = min_len(r2->oh_start, r2->oh_start - (r2->size - between));
        if (r2->oh_start < 0)
            r2->oh_start = 0;
    }
}

void para_ruby_plan(pitems *pi)
{
    pbuild *pb = pi->pb;
    if (!pb->rubies.len)
        return;
    for (size_t i = 0; i < pb->rubies.len; i++)
        shape_ruby(pb->c, &pb->rubies.v[i]);
    map_clusters(pi);
    for (size_t a = 0; a < pb->rubies.len;) {
        size_t b = a + 1;
        while (b < pb->rubies.len && pb->rubies.v[b].group == pb->rubies.v[a].group)
            b++;
        plan_jukugo(pi, a, b);
        a = b;
    }
    keep_apart(pi);
}

/* -------------------------------------------------------------- items */

int para_ruby_nobreak(const pitems *pi, long prev, size_t k)
{
    return pi->ruby_at && prev >= 0 && pi->ruby_at[prev] >= 0 &&
           pi->ruby_at[prev] == pi->ruby_at[k];
}

int para_ruby_jukugo_inner(const pitems *pi, size_t ka, size_t kb)
{
    if (!pi->ruby_at || pi->ruby_at[ka] < 0 || pi->ruby_at[kb] < 0 ||
        pi->ruby_at[ka] == pi->ruby_at[kb])
        return 0;
    return pi->pb->rubies.v[pi->ruby_at[ka]].group == pi->pb->rubies.v[pi->ruby_at[kb]].group;
}

static void push(pitems *pi, lb_item it)
{
    VEC_PUSH(&pi->items, it);
    isrc s = {SRC_NONE, 0};
    VEC_PUSH(&pi->src, s);
}

/* Overhang w over a neighbour: mid-line only. Behind a break opportunity
 * it is glue (dropped at a line start like the break's own glue);
 * without one, the line cannot start here, and a kern box does. */
static void overhang(pitems *pi, size_t mark, mk_len w, uint32_t neighbour)
{
    int breakable = 0;
    mk_len aki = 0; /* what justification leaves of the junction's space */
    for (size_t i = mark; i < pi->items.len; i++) {
        const lb_item *it = &pi->items.v[i];
        breakable |= it->type == LB_GLUE || (it->type == LB_PENALTY && it->penalty < LB_INFINITY);
        if (it->type == LB_GLUE)
            aki += it->width - it->shrink;
    }
    /* over punctuation only its aki may be covered, never its glyph, also
     * when line adjustment squeezes that aki (RB-6) */
    jlreq_class k = jlreq_class_of(neighbour);
    if (k == JL_CLOSING || k == JL_FULL_STOP || k == JL_COMMA || k == JL_OPENING)
        w = w < aki ? w : aki;
    if (w > 0)
        push(pi, (lb_item){.type = breakable ? LB_GLUE : LB_BOX, .width = -w});
}

void para_ruby_before(pitems *pi, long prev, size_t k, size_t mark)
{
    if (!pi->ruby_at)
        return;
    int32_t here = pi->ruby_at[k], before = prev >= 0 ? pi->ruby_at[prev] : -1;
    const pruby *rb = before >= 0 ? &pi->pb->rubies.v[before] : NULL;
    if (rb && here != before && rb->k1 == k && rb->oh_end)
        overhang(pi, mark, rb->oh_end, pi->sh.clusters[k].cp);
    if (here < 0)
        return;
    const pruby *r = &pi->pb->rubies.v[here];
    if (k == r->k0) {
        if (r->oh_start && prev == (long)k - 1)
            overhang(pi, mark, r->oh_start, pi->sh.clusters[prev].cp);
        if (r->lead)
            push(pi, (lb_item){.type = LB_BOX, .width = r->lead});
    } else if (r->gap) {
        push(pi, (lb_item){.type = LB_BOX, .width = r->gap});
    }
}

void para_ruby_after(pitems *pi, size_t k)
{
    if (!pi->ruby_at || pi->ruby_at[k] < 0)
        return;
    const pruby *r = &pi->pb->rubies.v[pi->ruby_at[k]];
    if (k + 1 == r->k1 && r->trail)
        push(pi, (lb_item){.type = LB_BOX, .width = r->trail});
}

/* --------------------------------------------------------------- line */

/* Where cluster k was set on this line: [x0, x1) of its span. */
static int cluster_x(const pitems *pi, const pspans *sp, size_t k, mk_len *x0, mk_len *x1)
{
    size_t at = pi->sh.clusters[k].byte_start;
    for (size_t s = 0; s < sp->len; s++)
        if (sp->v[s].start == at) {
            *x0 = sp->v[s].x0;
            *x1 = sp->v[s].x1;
            return 1;
        }
    return 0;
}

/* The start of the ruby and the space after each of its n clusters when
 * it is shorter than the base [x0, x1) (RB-3, RB-4, axf:ruby-align). */
static mk_len ruby_start(const pruby *r, mk_len x0, mk_len x1, mk_len *gap)
{
    mk_len extra = x1 - x0 - r->width;
    size_t n = r->sh.n_clusters;
    uint8_t al = ruby_align(r);
    *gap = 0;
    if (r->placed)
        return x0 + r->at; /* jukugo (Appendix F): solid, where planned */
    if (r->lead || r->gap || r->trail || extra <= 0)
        return x0 - r->lead; /* longer: solid, over the spread base (RB-4) */
    if (al & FO_RUBY_ALIGN_START)
        return x0;
    if (al & FO_RUBY_ALIGN_END)
        return x1 - r->width;
    if ((al & FO_RUBY_ALIGN_CENTER) || n < 1)
        return x0 + extra / 2;
    if ((al & FO_RUBY_ALIGN_DIST_LETTER) && n > 1) {
        *gap = extra / (mk_len)(n - 1);
        return x0;
    }
    mk_len u = extra / (2 * (mk_len)n); /* JIS 1:2:1 */
    *gap = 2 * u;
    return x0 + u;
}

/* One glyph run per font of the ruby's clusters [a, b), from x. */
static area *ruby_run(lctx *c, const pruby *r, size_t a, size_t b, mk_len x, mk_len gap)
{
    area *run = lctx_area(c, AREA_GLYPHS, r->rt);
    area_glyphs *g = &run->u.glyphs;
    const shape_cluster *c0 = &r->sh.clusters[a];
    size_t ng = 0;
    for (size_t k = a; k < b; k++)
        ng += r->sh.clusters[k].n_glyphs;
    g->glyphs = ARENA_ARRAY(c->seq, area_glyph, ng ? ng : 1);
    g->clusters = ARENA_ARRAY(c->seq, area_cluster, b - a);
    mk_len gx = 0;
    int vertical = wmode_vertical(r->rt->props->writing_mode);
    for (size_t k = a; k < b; k++) {
        const shape_cluster *cl = &r->sh.clusters[k];
        int shown = 0;
        for (uint32_t j = 0; j < cl->n_glyphs; j++) {
            const shape_glyph *sg = &r->sh.glyphs[cl->glyph_start + j];
            /* upright in vertical text: Pango's offsets move the vertical
             * origin, and the renderer centres the em box itself */
            if (sg->id != SHAPE_GLYPH_NONE)
                g->glyphs[g->n_glyphs++] = vertical && cl->upright
                                               ? (area_glyph){sg->id, gx, 0}
                                               : (area_glyph){sg->id, gx + sg->x_off, -sg->y_off};
            shown += sg->id != SHAPE_GLYPH_NONE;
            gx += sg->advance;
        }
        g->clusters[g->n_clusters++] = (area_cluster){(int)cl->byte_len, shown};
        if (k + 1 < b)
            gx += gap;
    }
    size_t end = b < r->sh.n_clusters ? r->sh.clusters[b].byte_start : r->len;
    g->utf8 = r->text + c0->byte_start;
    g->utf8_len = (int)(end - c0->byte_start);
    g->font = c0->font;
    g->size = r->size;
    g->color = r->rt->props->ruby_color.a ? r->rt->props->ruby_color : r->rt->props->color;
    g->role = AREA_RUBY;
    run->i = x;
    run->ipd = gx;
    return run;
}

/* The ruby of r on this line, its runs' b from the baseline; returns what
 * it needs above (or below, axf:ruby-position="after") the baseline. */
static mk_len place_ruby(lctx *c, pitems *pi, const pruby *r, area *line, const pspans *sp)
{
    mk_len x0, x1, t0, t1, gap;
    if (!r->sh.n_clusters || !cluster_x(pi, sp, r->k0, &x0, &t0) ||
        !cluster_x(pi, sp, r->k1 - 1, &t1, &x1))
        return 0;
    const pstyle *st = &pi->pb->styles.v[pi->sh.clusters[r->k0].run];
    text_font_metrics m;
    text_font_get_metrics(r->sh.clusters[0].font, &m);
    mk_len asc = m.em_ascent > 0 ? m.em_ascent : m.ascent;
    mk_len desc = m.em_ascent > 0 ? m.em_descent : m.descent;
    const fo_props *p = r->rt->props;
    mk_len off = fo_len_resolve(p->ruby_offset, r->size);
    int after = p->ruby_position == 1;
    /* the top of the ruby's em box, from the baseline (down positive) */
    mk_len top = after ? st->em_desc + off : -(st->em_asc + off + asc + desc);
    mk_len x = ruby_start(r, x0, x1, &gap);
    for (size_t a = 0; a < r->sh.n_clusters;) {
        size_t b = a + 1;
        while (b < r->sh.n_clusters && r->sh.clusters[b].font == r->sh.clusters[a].font &&
               r->sh.clusters[b].upright == r->sh.clusters[a].upright)
            b++;
        area *run = ruby_run(c, r, a, b, x, gap);
        run->b = top;
        run->bpd = asc + desc;
        run->u.glyphs.baseline = asc;
        if (wmode_vertical(p->writing_mode)) {
            /* the central line of the ruby's em box; kana stand upright,
             * Latin in the ruby turns as in the base text */
            run->u.glyphs.baseline = (asc + desc) / 2;
            run->u.glyphs.upright = r->sh.clusters[a].upright;
        }
        area_append(line, run);
        x += run->ipd + gap;
        a = b;
    }
    return after ? top + asc + desc : -top;
}

void para_ruby_line(lctx *c, pitems *pi, area *line, const pspans *spans,
                    mk_len *above, mk_len *below)
{
    pbuild *pb = pi->pb;
    size_t lo = (size_t)-1, hi = 0; /* the line's text */
    for (size_t s = 0; s < spans->len; s++) {
        if (spans->v[s].start < lo) lo = spans->v[s].start;
        if (spans->v[s].end > hi) hi = spans->v[s].end;
    }
    for (size_t i = 0; i < pb->rubies.len; i++) {
        const pruby *r = &pb->rubies.v[i];
        if (r->k1 <= r->k0 || r->end <= lo || r->start >= hi)
            continue;
        mk_len need = place_ruby(c, pi, r, line, spans);
        mk_len *side = r->rt->props->ruby_position == 1 ? below : above;
        if (need > *side)
            *side = need; /* only what the half-leading cannot hold */
    }
    para_emphasis_line(c, pi, line, spans);
}
