/* para_items: from shaped clusters to boxes, glue and penalties.
 *
 * Every cluster becomes a box; between two boxes the Japanese rules decide
 * what goes in (see para.c for the whole design).
 *
 * Japanese punctuation (JLREQ 3.1.2–3.1.9; the pure rules are in jlreq.c).
 * Brackets, commas, full stops and middle dots are shaped full-width and
 * set as a half-em box, the glyph shifted so its ink stays inside; their
 * aki becomes glue between the boxes (jlreq_aki_between: collapsed for
 * consecutive punctuation). The aki glue is the break opportunity itself,
 * so the breaker drops it at a line end and a line start, as house style
 * ① wants (closing marks flush at the end, an opening bracket flush at the
 * start). When axf:punctuation-trim asks to keep it, the line end's share
 * is the width of the break penalty (counted only when breaking there)
 * and the line start's share sits behind a zero box that the breaker does
 * not discard. Hanging punctuation and allow-end are the break item's
 * `hang`: width that may stand beyond the measure when the line would not
 * fit otherwise. Shrinking follows JLREQ 3.8.3 through the glue's class;
 * the ½ em after a full stop mid-line has no shrink at all.
 *
 * The builder never inserts space characters into the text: spacing lives
 * in glyph positions only, so copy-paste and search see the source text. */
#include <stdio.h>
#include <stdlib.h>

#include "para_items.h"

/* XSL 1.1 §7.16.13 wrap-option="no-wrap": no line-wrapping, so every
 * break opportunity but the forced ones (linefeeds) is taken away: glue
 * after a box gets an infinite penalty before it, penalties become
 * infinite. A line longer than the measure then overflows it. */
static void push_item(pitems *pi, lb_item it, src_kind k, uint32_t idx);

static void nowrap_item(pitems *pi, lb_item *it)
{
    if (it->type == LB_PENALTY && it->penalty > -LB_INFINITY)
        it->penalty = LB_INFINITY;
    else if (it->type == LB_GLUE && pi->items.len &&
             pi->items.v[pi->items.len - 1].type == LB_BOX)
        push_item(pi, (lb_item){.type = LB_PENALTY, .penalty = LB_INFINITY}, SRC_NONE, 0);
}

static void push_item(pitems *pi, lb_item it, src_kind k, uint32_t idx)
{
    if (pi->nowrap)
        nowrap_item(pi, &it);
    VEC_PUSH(&pi->items, it);
    isrc s = {(uint8_t)k, idx};
    VEC_PUSH(&pi->src, s);
}

static void push_penalty(pitems *pi, int32_t penalty)
{
    push_item(pi, (lb_item){.type = LB_PENALTY, .penalty = penalty}, SRC_NONE, 0);
}

static int is_kana_kanji(uint32_t cp)
{
    jlreq_class k = jlreq_class_of(cp);
    return k == JL_HIRAGANA || k == JL_KATAKANA || k == JL_IDEOGRAPHIC ||
           k == JL_SMALL_KANA || k == JL_PROLONGED || k == JL_ITERATION;
}

static int is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || jlreq_class_of(cp) == JL_NUMERAL;
}

/* Western letters and digits, and the half-width signs that belong to a
 * number (cl-12 $ #, cl-13 % °): "18% 増", "$5 の" (JLREQ 3.2.6). */
static int is_latin_alnum(uint32_t cp)
{
    jlreq_class k = jlreq_class_of(cp);
    return k == JL_WESTERN || k == JL_NUMERAL || k == JL_UNIT ||
           ((k == JL_PREFIX || k == JL_POSTFIX) && cp < 0x2000) ||
           (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

static mk_len cluster_em(const pitems *pi, const shape_cluster *cl)
{
    return pi->pb->styles.v[cl->run].props->font_size;
}

static int is_tcy(const pitems *pi, const shape_cluster *cl)
{
    return pi->pb->styles.v[cl->run].tcy;
}

/* The code point that decides a cluster's JLREQ class: a tate-chu-yoko
 * unit is set like an ideograph (cl-30 behaves as cl-19 towards its
 * neighbours: solid against kana and kanji, JLREQ 3.2.5 and E.2). */
static uint32_t class_cp(const pitems *pi, const shape_cluster *cl)
{
    return is_tcy(pi, cl) ? 0x5B57 : cl->cp;
}

/* JLREQ 3.2.6 and axf:text-autospace: a quarter em between kana/kanji and
 * Western letters (ideograph-alpha) or digits (ideograph-numeric), and
 * with ideograph-parenthesis before "(" and after ")" touching kana/kanji;
 * none next to Japanese punctuation, whose own aki separates. */
static int autospaced(const pitems *pi, uint32_t a, uint32_t b)
{
    uint32_t lat;
    if (is_kana_kanji(a) && is_latin_alnum(b))
        lat = b;
    else if (is_latin_alnum(a) && is_kana_kanji(b))
        lat = a;
    else
        return (pi->autospace & FO_AUTOSPACE_PAREN) &&
               ((is_kana_kanji(a) && b == '(') || (a == ')' && is_kana_kanji(b)));
    return pi->autospace & (is_digit(lat) ? FO_AUTOSPACE_NUMERIC : FO_AUTOSPACE_ALPHA);
}

/* JLREQ 3.1.2 (SP-1): cl-01, 02, 05, 06 and 07 are shaped full-width and
 * set on half an em; the glyph moves so that its ink stays inside: an
 * opening bracket's ink is in the right half of the em, a middle dot's in
 * the centre, the others' in the left half (horizontal Noto CJK, like
 * every Adobe-Japan1 font). Proportional glyphs (“ ” in Noto CJK, ASCII
 * punctuation) are left as shaped: they are Western text (3.2.6). */
static void classify_punct(pitems *pi)
{
    pi->set = calloc(pi->sh.n_clusters ? pi->sh.n_clusters : 1, sizeof *pi->set);
    if (!pi->set) {
        fprintf(stderr, "mkdoc: out of memory (paragraph)\n");
        abort(); /* same policy as vec.h */
    }
    for (size_t k = 0; k < pi->sh.n_clusters; k++) {
        const shape_cluster *cl = &pi->sh.clusters[k];
        pset *s = &pi->set[k];
        s->box = cl->advance;
        if (pi->ptrim == 0 || cl->is_space || cl->n_glyphs != 1 || !jlreq_is_cjk(cl->cp) ||
            is_tcy(pi, cl))
            continue; /* axf:punctuation-trim="none": full width as shaped */
        jlreq_class c = jlreq_class_of(cl->cp);
        mk_len em = cluster_em(pi, cl), d = cl->advance - em;
        if (!jlreq_is_half_punct(c) || d > em / 16 || d < -em / 16)
            continue;
        s->cls = (uint8_t)c;
        s->box = cl->advance / 2;
        s->dx = c == JL_OPENING ? -s->box : c == JL_MIDDLE_DOT ? -s->box / 2 : 0;
    }
}

/* The aki of two neighbours (0 = none, e.g. at a space), in quarter ems. */
static jlreq_aki aki_of(const pitems *pi, long ka, long kb)
{
    if (pi->ptrim & FO_PTRIM_ALL) /* axf:punctuation-trim="all": set solid */
        return (jlreq_aki){0, 0, 0, 0};
    jlreq_class a = ka >= 0 ? (jlreq_class)pi->set[ka].cls : JL_NONE;
    jlreq_class b = kb >= 0 ? (jlreq_class)pi->set[kb].cls : JL_NONE;
    return jlreq_aki_between(a, b, (pi->ptrim & FO_PTRIM_ADJACENT) != 0);
}

static lb_item aki_glue(const pitems *pi, mk_len w, mk_len fixed, int dot)
{
    /* JLREQ 3.8.3 (LA-3): the aki of middle dots shrinks first, to
     * nothing; that of brackets and commas to half (¼ em: "houses may
     * stop at ¼ em" — fully closed, 」「 and 、「 read as one mark); the
     * ½ em after a full stop mid-line not at all. axf:text-justify-trim
     * may forbid any shrinking. */
    int shrinks = pi->justify && (pi->jtrim & FO_JTRIM_PUNCT) && w > fixed;
    mk_len room = w - fixed;
    return (lb_item){.type = LB_GLUE, .adj = dot ? LB_ADJ_MIDDOT : LB_ADJ_PUNCT, .width = w,
                     .shrink = shrinks ? (dot ? room : room / 2) : 0};
}

/* What a line end keeps of the trailing aki t of cluster ka (JLREQ 3.1.9,
 * SP-9: all or nothing): nothing with axf:punctuation-trim "end" (the
 * default), all of it otherwise; end-except-fullstop keeps it after 。. */
static mk_len end_keep(const pitems *pi, long ka, mk_len t)
{
    if (pi->ptrim & FO_PTRIM_END_EXCEPT_FULLSTOP)
        return pi->set[ka].cls == JL_FULL_STOP ? t : 0;
    return pi->ptrim & FO_PTRIM_END ? 0 : t;
}

/* What a wrapped line start keeps of the leading aki l (JLREQ 3.1.5,
 * SP-8): house style ① (start, the default) and start-except-first drop
 * it; without either the opening bracket keeps its ½ em (style ②). */
static mk_len start_keep(const pitems *pi, mk_len l)
{
    return pi->ptrim & (FO_PTRIM_START | FO_PTRIM_START_EXCEPT_FIRST) ? 0 : l;
}

/* Hanging punctuation (JLREQ 3.8.2, LA-6; axf:hanging-punctuation): a
 * comma or full stop may stand outside the measure at a line end. */
static mk_len hang_of(const pitems *pi, long ka)
{
    jlreq_class c = (jlreq_class)pi->set[ka].cls;
    if (!(pi->hang & (FO_HANG_ALLOW_END | FO_HANG_FORCE_END)) ||
        (c != JL_COMMA && c != JL_FULL_STOP))
        return 0;
    return pi->set[ka].box;
}

/* A leading aki that must survive a break (JLREQ 3.1.5 style ②): a
 * zero box keeps the breaker from discarding it at the line start. */
static void kept_lead(pitems *pi, mk_len l, int dot)
{
    push_item(pi, (lb_item){.type = LB_BOX}, SRC_NONE, 0);
    push_penalty(pi, LB_INFINITY);
    push_item(pi, aki_glue(pi, l, 0, dot), SRC_NONE, 0);
}

/* The items of a junction that holds punctuation aki. Mid-line the line
 * holds ak.mid (collapsed, 3.1.4); at a break the line end keeps
 * end_keep(trail) and the next line start_keep(lead) (3.1.5, 3.1.9):
 *
 *   [penalty w=tkeep]  glue(mid - lkeep)  [glue(0) +stretch]  [box0 penalty∞ glue(lkeep)]
 *
 * The break is the penalty when the line end keeps an aki, else the
 * first glue (dropped at the break, with the stretch glue after it). */
static void punct_junction(pitems *pi, long ka, jlreq_aki ak, mk_len q, int allowed,
                           mk_len stretch, int dot)
{
    mk_len mid = ak.mid * q, fixed = ak.fixed * q;
    if (!allowed) {
        push_penalty(pi, LB_INFINITY);
        push_item(pi, aki_glue(pi, mid, fixed, dot), SRC_NONE, 0);
        return;
    }
    mk_len tkeep = end_keep(pi, ka, ak.trail * q), lkeep = start_keep(pi, ak.lead * q);
    mk_len hang = hang_of(pi, ka);
    int always = (pi->hang & FO_HANG_FORCE_END) != 0;
    if (lkeep > mid)
        lkeep = mid;
    if (tkeep > 0) {
        if (pi->ptrim & FO_PTRIM_ALLOW_END)
            hang += tkeep; /* allow-end: the aki goes when the line is full */
        push_item(pi, (lb_item){.type = LB_PENALTY, .width = tkeep, .hang = hang,
                                .hang_always = (uint8_t)always, .penalty = pi->cost},
                  SRC_NONE, 0);
        hang = 0;
    } else if (pi->cost) {
        push_item(pi, (lb_item){.type = LB_PENALTY, .hang = hang,
                                .hang_always = (uint8_t)always, .penalty = pi->cost},
                  SRC_NONE, 0);
    }
    lb_item g = aki_glue(pi, mid - lkeep, fixed > mid - lkeep ? mid - lkeep : fixed, dot);
    g.hang = hang;
    g.hang_always = (uint8_t)always;
    push_item(pi, g, SRC_NONE, 0);
    if (stretch > 0) /* JLREQ 3.8.4 (c): expansion where a break is allowed */
        push_item(pi, (lb_item){.type = LB_GLUE, .adj = LB_ADJ_INTERCHAR, .stretch = stretch},
                  SRC_NONE, 0);
    if (lkeep > 0)
        kept_lead(pi, lkeep, dot);
}

/* U+00AD SOFT HYPHEN (Unicode 6.2 §6.2, UAX #14 BA): invisible, but a
 * break after it shows a hyphen, so the break costs the hyphen's width.
 * The hyphen is shaped in the soft hyphen's run, once per run. */
const phyphen *para_hyphen(pitems *pi, uint32_t r)
{
    pbuild *pb = pi->pb;
    if (r >= pb->runs.len)
        return NULL;
    if (!pi->hyphens) {
        pi->hyphens = calloc(pb->runs.len, sizeof *pi->hyphens);
        if (!pi->hyphens)
            abort(); /* same policy as vec.h */
    }
    phyphen *h = &pi->hyphens[r];
    if (!h->done) {
        h->done = 1;
        shape_run run = pb->runs.v[r];
        run.start = 0;
        run.len = 1;
        shape_result sh = {0};
        if (shape_paragraph(pb->c->text, "-", 1, &run, 1, &sh, NULL) == 0 && sh.n_clusters == 1 &&
            sh.clusters[0].n_glyphs == 1 && sh.glyphs[0].id != 0 &&
            sh.glyphs[0].id != SHAPE_GLYPH_NONE) {
            h->glyph = sh.glyphs[0].id;
            h->advance = sh.glyphs[0].advance;
            h->font = sh.clusters[0].font;
        }
        shape_result_free(&sh);
    }
    return h->font ? h : NULL;
}

static void soft_hyphen(pitems *pi, const shape_cluster *a)
{
    const phyphen *h = para_hyphen(pi, a->run);
    if (!h || h->font != a->font) { /* no hyphen in the soft hyphen's font */
        push_item(pi, (lb_item){.type = LB_PENALTY, .penalty = 50, .flagged = 1}, SRC_NONE, 0);
        return;
    }
    /* TeX's \hyphenpenalty 50: a hyphenated line costs a little */
    push_item(pi, (lb_item){.type = LB_PENALTY, .penalty = 50, .flagged = 1, .width = h->advance},
              SRC_HYPHEN, a->run);
}

/* What separates two adjacent non-space clusters: nothing, a break
 * opportunity, punctuation aki, inter-character glue, or the
 * Japanese–Latin quarter em. */
static void between(pitems *pi, size_t ka, size_t kb, int nobreak)
{
    const shape_cluster *a = &pi->sh.clusters[ka], *b = &pi->sh.clusters[kb];
    uint32_t ca = class_cp(pi, a), cb = class_cp(pi, b);
    int cjk_a = jlreq_is_cjk(ca), cjk_b = jlreq_is_cjk(cb);
    /* Next to Japanese, JLREQ decides alone: UAX #14 as Pango applies it
     * is CSS "strict" and would keep small kana and ー from a line start
     * at every level (JLREQ C.3, axf:line-break) */
    int allowed = !nobreak && ((cjk_a || cjk_b) ? jlreq_can_break(ca, cb, pi->strict)
                                                : b->break_before);
    mk_len em = cluster_em(pi, cjk_a ? a : b);
    /* JLREQ 3.5.4 (PA-3): one character alone on a paragraph's last line */
    pi->cost = allowed && (long)kb == pi->widow_k ? 150 : 0;
    jlreq_aki ak = aki_of(pi, (long)ka, (long)kb);
    if (ak.mid || ak.trail || ak.lead) {
        mk_len q = cluster_em(pi, pi->set[ka].cls ? a : b) / 4;
        /* only middle-dot aki here: it shrinks first (JLREQ 3.8.3) */
        int dots = (pi->set[ka].cls == JL_MIDDLE_DOT) + (pi->set[kb].cls == JL_MIDDLE_DOT);
        punct_junction(pi, (long)ka, ak, q, allowed,
                       allowed && pi->justify ? em / 4 : 0, dots && ak.mid == dots);
        return;
    }
    if (autospaced(pi, ca, cb)) {
        if (!allowed || pi->cost)
            push_penalty(pi, allowed ? pi->cost : LB_INFINITY);
        int shrinks = pi->justify && (pi->jtrim & FO_JTRIM_IDEOGRAPH);
        lb_item g = {.type = LB_GLUE, .adj = LB_ADJ_JALATIN, .width = em / 4,
                     .stretch = pi->justify ? em / 4 : 0, .shrink = shrinks ? em / 8 : 0};
        push_item(pi, g, SRC_NONE, 0);
        return;
    }
    if (!allowed)
        return;
    if (cjk_a && cjk_b && !para_ruby_jukugo_inner(pi, ka, kb)) {
        /* JLREQ 3.8.4 (c): expansion between characters where a break is
         * allowed, up to a quarter em before spreading further (not inside
         * a jukugo-ruby compound, Appendix F: a plain break there). */
        lb_item g = {.type = LB_GLUE, .adj = LB_ADJ_INTERCHAR,
                     .stretch = pi->justify ? em / 4 : 0};
        if (pi->cost)
            push_penalty(pi, pi->cost);
        push_item(pi, g, SRC_NONE, 0);
        return;
    }
    if (a->cp == 0x00AD && !pi->pb->runs.v[a->run].vertical) { /* horizontal only */
        soft_hyphen(pi, a);
        return;
    }
    /* after a hyphen: a flagged break that costs a little (TeX's
     * \exhyphenpenalty), so URLs and compounds break there only when the
     * spaces and slashes around give no better line */
    int hyphen = ca == '-' || ca == 0x2010;
    push_item(pi, (lb_item){.type = LB_PENALTY, .penalty = hyphen ? 50 : pi->cost,
                            .flagged = (uint8_t)hyphen}, SRC_NONE, 0);
}

/* The leading aki of cluster k with no cluster before it: at the start of
 * the paragraph or after a forced break (first = 1), or after a space or
 * an object. */
static void lead_edge(pitems *pi, size_t k, int first)
{
    jlreq_aki ak = aki_of(pi, -1, (long)k);
    if (!ak.lead)
        return;
    mk_len l = ak.lead * (cluster_em(pi, &pi->sh.clusters[k]) / 4);
    /* JLREQ 3.1.5: style ① trims every line start; start-except-first
     * keeps the aki on a paragraph's first line */
    int dot = pi->set[k].cls == JL_MIDDLE_DOT;
    int keep = first ? !(pi->ptrim & FO_PTRIM_START) : start_keep(pi, l) > 0;
    if (keep)
        kept_lead(pi, l, dot);
    else if (!first)
        push_item(pi, aki_glue(pi, l, 0, dot), SRC_NONE, 0); /* dropped at a break */
}

/* The trailing aki of cluster k before a space: a break like the space. */
static void trail_edge(pitems *pi, size_t k)
{
    jlreq_aki ak = aki_of(pi, (long)k, -1);
    if (ak.trail)
        push_item(pi, aki_glue(pi, ak.trail * (cluster_em(pi, &pi->sh.clusters[k]) / 4), 0,
                               pi->set[k].cls == JL_MIDDLE_DOT), SRC_NONE, 0);
}

static void space_glue(pitems *pi, size_t k, mk_len width)
{
    const shape_cluster *cl = &pi->sh.clusters[k];
    mk_len em = cluster_em(pi, cl);
    const shape_cluster *prev = k > 0 ? &pi->sh.clusters[k - 1] : NULL;
    const shape_cluster *next = k + 1 < pi->sh.n_clusters ? &pi->sh.clusters[k + 1] : NULL;
    int ja_lat = prev && next && autospaced(pi, class_cp(pi, prev), class_cp(pi, next));
    int shrinks = pi->justify && (pi->jtrim & FO_JTRIM_INTERWORD);
    lb_item g = {.type = LB_GLUE, .adj = LB_ADJ_WORDSPACE, .width = width,
                 .stretch = pi->justify ? width / 2 : 0,
                 .shrink = shrinks ? width / 3 : 0};
    if (ja_lat) /* JLREQ 3.2.6: a typed space there is set as the quarter em */
        g = (lb_item){.type = LB_GLUE, .adj = LB_ADJ_JALATIN, .width = em / 4,
                      .stretch = pi->justify ? em / 4 : 0,
                      .shrink = pi->justify && (pi->jtrim & FO_JTRIM_IDEOGRAPH) ? em / 8 : 0};
    push_item(pi, g, SRC_CLUSTER, (uint32_t)k);
}

/* JLREQ 3.1.6 (SP-3, LB-7): the ideographic space after ？ or ！ ending a
 * sentence is a fixed 1 em mid-line and a break that vanishes at a line
 * end, so the next line starts flush. Its glyph stays in the text. */
static int sentence_space(const pitems *pi, size_t k, const shape_cluster *prev)
{
    return pi->sh.clusters[k].cp == 0x3000 && prev &&
           jlreq_class_of(prev->cp) == JL_DIVIDING && jlreq_is_cjk(prev->cp);
}

/* XSL 1.1 §7.16.12 white-space-treatment="preserve" (white-space="pre"):
 * spaces stay, also at the start of the paragraph and of a line. */
static int preserved(const pitems *pi, const shape_cluster *cl)
{
    return pi->pb->styles.v[cl->run].props->white_space_treatment == 1;
}

static void object_items(pitems *pi, size_t o)
{
    const pobj *ob = &pi->pb->objs.v[o];
    switch (ob->kind) {
    case OBJ_IMAGE:
        push_penalty(pi, 0);
        push_item(pi, (lb_item){.type = LB_BOX, .width = ob->w}, SRC_OBJ, (uint32_t)o);
        push_penalty(pi, 0);
        break;
    case OBJ_LEADER: {
        push_penalty(pi, 0);
        push_item(pi, (lb_item){.type = LB_BOX, .width = 0}, SRC_NONE, 0);
        push_penalty(pi, LB_INFINITY);
        lb_item g = {.type = LB_GLUE, .adj = LB_ADJ_LEADER, .width = ob->w,
                     .stretch = ob->h - ob->w, .shrink = ob->w - ob->min};
        push_item(pi, g, SRC_OBJ, (uint32_t)o);
        push_item(pi, (lb_item){.type = LB_BOX, .width = 0}, SRC_NONE, 0);
        break;
    }
    default:
        break; /* anchors take no room */
    }
}

static int nobreak_at(const pbuild *pb, size_t at)
{
    for (size_t o = 0; o < pb->objs.len; o++)
        if (pb->objs.v[o].kind == OBJ_NOBREAK && pb->objs.v[o].at == at)
            return 1;
    return 0;
}

/* JLREQ 3.5.4 (PA-3): the cluster that would stand alone on the last
 * line, with only closing marks after it ("す。"); -1 when the paragraph
 * ends in Western text or an object, or is not justified (ragged lines
 * show their measure; a short last line there is no flaw). */
static long widow_cluster(const pitems *pi)
{
    const pbuild *pb = pi->pb;
    if (!pi->justify)
        return -1;
    for (size_t k = pi->sh.n_clusters; k-- > 0;) {
        const shape_cluster *cl = &pi->sh.clusters[k];
        if (pb->objs.len && pb->objs.v[pb->objs.len - 1].at > cl->byte_start &&
            pb->objs.v[pb->objs.len - 1].kind != OBJ_ID)
            return -1;
        jlreq_class c = jlreq_class_of(class_cp(pi, cl));
        if (cl->is_space || c == JL_CLOSING || c == JL_FULL_STOP || c == JL_COMMA ||
            c == JL_DIVIDING)
            continue;
        return is_kana_kanji(class_cp(pi, cl)) ? (long)k : -1;
    }
    return -1;
}

void para_items_build(pitems *pi, mk_len indent)
{
    pbuild *pb = pi->pb;
    classify_punct(pi);
    para_ruby_plan(pi);
    pi->widow_k = widow_cluster(pi);
    if (indent)
        push_item(pi, (lb_item){.type = LB_BOX, .width = indent}, SRC_NONE, 0);
    size_t o = 0;
    long prev = -1;          /* the cluster before, when nothing separates them */
    int started = 0, any_nobreak = 0, first = 1;
    for (size_t k = 0; k < pb->objs.len; k++)
        any_nobreak |= pb->objs.v[k].kind == OBJ_NOBREAK;
    for (size_t k = 0; k < pi->sh.n_clusters; k++) {
        const shape_cluster *cl = &pi->sh.clusters[k];
        int had_obj = 0;
        while (o < pb->objs.len && pb->objs.v[o].at <= cl->byte_start) {
            had_obj |= pb->objs.v[o].kind == OBJ_IMAGE || pb->objs.v[o].kind == OBJ_LEADER;
            object_items(pi, o++);
        }
        if (had_obj) {
            prev = -1;
            started = 1;
            first = 0;
        }
        if (cl->mandatory_break && k > 0) {
            push_penalty(pi, LB_INFINITY);
            push_item(pi, (lb_item){.type = LB_GLUE, .stretch = MK_FROM_PT(10000)}, SRC_NONE, 0);
            push_penalty(pi, -LB_INFINITY);
            prev = -1;
            first = 1;
        }
        const shape_cluster *pc = prev >= 0 ? &pi->sh.clusters[prev] : NULL;
        if (sentence_space(pi, k, pc)) {
            push_item(pi, (lb_item){.type = LB_GLUE, .width = cl->advance}, SRC_CLUSTER,
                      (uint32_t)k);
            prev = -1;
            first = 0;
            continue;
        }
        if (cl->is_space && cl->cp != 0xA0 && cl->cp != 0x202F && cl->cp != 0x3000) {
            int keep = preserved(pi, cl);
            if (cl->cp == '\n' || (!started && !keep))
                continue;
            if (prev >= 0)
                trail_edge(pi, (size_t)prev);
            if (keep) /* a zero box: not discarded at a line start */
                push_item(pi, (lb_item){.type = LB_BOX}, SRC_NONE, 0);
            space_glue(pi, k, cl->advance);
            prev = -1;
            first = 0;
            continue;
        }
        if (is_tcy(pi, cl) && k > 0 && pi->sh.clusters[k - 1].run == cl->run) {
            /* inside a tate-chu-yoko unit: no break, no space (LB-3); a
             * ruby over the unit may end here */
            push_item(pi, (lb_item){.type = LB_BOX}, SRC_CLUSTER, (uint32_t)k);
            para_ruby_after(pi, k);
            prev = (long)k;
            continue;
        }
        size_t mark = pi->items.len;
        if (prev >= 0)
            between(pi, (size_t)prev, k, (any_nobreak && nobreak_at(pb, cl->byte_start)) ||
                                             para_ruby_nobreak(pi, prev, k));
        else
            lead_edge(pi, k, first);
        para_ruby_before(pi, prev, k, mark);
        /* a tate-chu-yoko unit takes one em along the line (JLREQ 3.2.5) */
        mk_len box = is_tcy(pi, cl) ? cluster_em(pi, cl) : pi->set[k].box;
        push_item(pi, (lb_item){.type = LB_BOX, .width = box}, SRC_CLUSTER, (uint32_t)k);
        para_ruby_after(pi, k);
        prev = (long)k;
        started = 1;
        first = 0;
    }
    while (o < pb->objs.len)
        object_items(pi, o++);
    /* TeX's \par: the finishing glue is no break opportunity itself */
    push_penalty(pi, LB_INFINITY);
    if (!pi->justify_last)
        push_item(pi, (lb_item){.type = LB_GLUE, .stretch = MK_FROM_PT(10000)}, SRC_NONE, 0);
    push_penalty(pi, -LB_INFINITY);
}
