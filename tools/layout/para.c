/* para: composing one paragraph into lines.
 *
 * Design. The inline content of a block (text, fo:inline styles, links,
 * leaders, images, citations, footnote anchors) is first flattened into one
 * UTF-8 string with style runs and a list of objects anchored at byte
 * offsets; the string is shaped once (shape.h). Then every cluster becomes
 * a box, and between boxes the Japanese rules decide what goes in:
 * inter-character glue where JLREQ and UAX #14 both allow a break (that
 * glue is both the break opportunity and the place where justification
 * adds space, JLREQ 3.8.4), a quarter-em glue between kana/kanji and Latin
 * letters or digits (JLREQ 3.2.6), word-space glue for spaces. The
 * linebreak module chooses breaks by total fit and justifies each line by
 * JLREQ's priority order; this file then turns each line into a line area
 * with glyph runs, links, images and leaders, and its height from the
 * nominal fonts' ascent and descent with half-leading (XSL 1.1 §7.15.4,
 * line-stacking-strategy max-height).
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
#include <string.h>

#include "../base/vec.h"
#include "../text/jlreq.h"
#include "../text/linebreak.h"
#include "../text/shape.h"
#include "lctx.h"

typedef enum { OBJ_IMAGE, OBJ_LEADER, OBJ_NOTE, OBJ_ID, OBJ_NOBREAK } obj_kind;

typedef struct {
    obj_kind kind;
    size_t at;               /* byte offset in the text: before this cluster */
    const fo_node *fo;
    const struct image *image;
    mk_len w, h;             /* image size; leader optimum and maximum */
    mk_len min;              /* leader minimum */
    const char *id;
    vnote *note;
} pobj;

typedef struct {
    size_t start, end;
    const char *uri, *dest;
} plink;

typedef struct {
    const fo_props *props;   /* the run's FO props */
    const fo_node *fo;
    mk_len above, below;     /* nominal ascent+half-leading, descent+half-leading */
    mk_len shift;            /* baseline shift (positive = up) */
} pstyle;

typedef struct {
    lctx *c;
    const fo_node *block;
    VEC(char) text;
    VEC(shape_run) runs;
    VEC(pstyle) styles;
    VEC(pobj) objs;
    VEC(plink) links;
    int depth;
} pbuild;

/* ------------------------------------------------------------ collect */

static void add_text_run(pbuild *pb, const fo_node *fo, const fo_props *p,
                         const char *s, size_t len)
{
    if (len == 0)
        return;
    size_t start = pb->text.len;
    VEC_RESERVE(&pb->text, start + len + 1);
    memcpy(pb->text.v + start, s, len);
    pb->text.len += len;
    shape_run r = {
        .start = start, .len = len, .family = p->font_family, .size = p->font_size,
        .weight = p->font_weight, .style = p->font_style, .lang = p->language,
        .loc = fo->loc,
    };
    pstyle st = {.props = p, .fo = fo};
    if (p->baseline_shift == 1)
        st.shift = p->font_size / 3;
    else if (p->baseline_shift == 2)
        st.shift = -p->font_size / 5;
    else
        st.shift = p->baseline_shift_len;
    VEC_PUSH(&pb->runs, r);
    VEC_PUSH(&pb->styles, st);
}

static void add_obj(pbuild *pb, pobj o)
{
    o.at = pb->text.len;
    VEC_PUSH(&pb->objs, o);
}

static const char *cite_text(pbuild *pb, const fo_node *n, int last)
{
    lctx *c = pb->c;
    const char *ref = n->props->ref_id;
    c->citations_seen = 1;
    if (!ref || !*ref) {
        diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                 "fo:%s has no ref-id; give it the id of the element whose page it shows",
                 fo_kind_name(n->kind));
        return "?";
    }
    const char *num = c->cited ? (last ? idmap_last(c->cited, ref) : idmap_first(c->cited, ref)) : NULL;
    if (num)
        return num;
    c->citation_guessed = 1;
    if (c->cited)
        diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                 "no element has id '%s', cited by fo:%s; check the ref-id", ref,
                 fo_kind_name(n->kind));
    return c->cited ? "?" : "00";
}

static void collect(pbuild *pb, const fo_node *n);

static void collect_children(pbuild *pb, const fo_node *n)
{
    for (const fo_node *ch = n->first; ch; ch = ch->next)
        collect(pb, ch);
}

static void collect_graphic(pbuild *pb, const fo_node *n);
static void collect_leader(pbuild *pb, const fo_node *n);
static void collect_footnote(pbuild *pb, const fo_node *n);

static void collect_id(pbuild *pb, const fo_node *n)
{
    if (n->props->id && n->kind != FO_TEXT)
        add_obj(pb, (pobj){.kind = OBJ_ID, .fo = n, .id = n->props->id});
}

static void collect(pbuild *pb, const fo_node *n)
{
    lctx *c = pb->c;
    collect_id(pb, n);
    switch (n->kind) {
    case FO_TEXT:
        add_text_run(pb, n, n->props, n->text, n->text_len);
        break;
    case FO_CHARACTER: {
        char buf[5] = {0};
        uint32_t cp = n->props->character;
        int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (len == 1) buf[0] = (char)cp;
        else if (len == 2) { buf[0] = (char)(0xC0 | cp >> 6); buf[1] = (char)(0x80 | (cp & 0x3F)); }
        else if (len == 3) { buf[0] = (char)(0xE0 | cp >> 12); buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); buf[2] = (char)(0x80 | (cp & 0x3F)); }
        else { buf[0] = (char)(0xF0 | cp >> 18); buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); buf[3] = (char)(0x80 | (cp & 0x3F)); }
        if (cp)
            add_text_run(pb, n, n->props, buf, (size_t)len);
        break;
    }
    case FO_PAGE_NUMBER: {
        const char *num = c->page_number;
        if (!num) {
            /* In the flow the page is not known yet: cite this very spot. */
            char *id = arena_alloc(c->seq, 48);
            snprintf(id, 48, "\x01pn%p", (const void *)n);
            add_obj(pb, (pobj){.kind = OBJ_ID, .fo = n, .id = id});
            num = c->cited ? idmap_first(c->cited, id) : NULL;
            c->citations_seen = 1;
            if (!num)
                num = "00";
        }
        add_text_run(pb, n, n->props, num, strlen(num));
        break;
    }
    case FO_PAGE_NUMBER_CITATION:
    case FO_PAGE_NUMBER_CITATION_LAST: {
        const char *num = cite_text(pb, n, n->kind == FO_PAGE_NUMBER_CITATION_LAST);
        add_text_run(pb, n, n->props, num, strlen(num));
        break;
    }
    case FO_BASIC_LINK: {
        size_t start = pb->text.len;
        collect_children(pb, n);
        plink l = {start, pb->text.len, n->props->external_destination,
                   n->props->internal_destination};
        if (l.dest && (!*l.dest || !c->known || !idmap_first(c->known, l.dest)))
            l.dest = NULL; /* reported once by layout.c's link check */
        if ((l.uri && *l.uri) || l.dest)
            VEC_PUSH(&pb->links, l);
        break;
    }
    case FO_EXTERNAL_GRAPHIC:
        collect_graphic(pb, n);
        break;
    case FO_LEADER:
        collect_leader(pb, n);
        break;
    case FO_FOOTNOTE:
        collect_footnote(pb, n);
        break;
    case FO_INLINE:
    case FO_WRAPPER:
    case FO_TITLE:
    case FO_BOOKMARK_TITLE:
        collect_children(pb, n);
        break;
    case FO_RETRIEVE_MARKER: {
        const fo_node *m = static_find_marker(c, n);
        if (m) {
            /* XSL 1.1 §6.13.5: the copy inherits from where it is retrieved */
            fo_tree_recompute(c->tree, (fo_node *)m, n->parent->props, c->diags);
            collect_children(pb, m);
        }
        break;
    }
    case FO_MARKER:
    case FO_FOOTNOTE_BODY:
        break;
    default:
        diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                 "fo:%s cannot appear inside a line here; it is left out",
                 fo_kind_name(n->kind));
        break;
    }
}

static void collect_footnote(pbuild *pb, const fo_node *n)
{
    const fo_node *body = NULL;
    for (const fo_node *ch = n->first; ch; ch = ch->next) {
        if (ch->kind == FO_FOOTNOTE_BODY)
            body = ch;
        else {
            add_obj(pb, (pobj){.kind = OBJ_NOBREAK, .fo = ch}); /* JLREQ 4.2: mark stays with text */
            collect(pb, ch);
        }
    }
    if (!body)
        return;
    lctx *c = pb->c;
    vnote *note = ARENA_NEW(c->seq, vnote);
    note->body = vlist_new(c);
    blocks_layout(c, note->body, body, 0, c->region_ipd, VP_INF);
    add_obj(pb, (pobj){.kind = OBJ_NOTE, .fo = n, .note = note});
}

/* ----------------------------------------------------------- graphics */

static mk_len content_dim(const fo_content_size *cs, mk_len intrinsic, mk_len avail)
{
    switch (cs->kind) {
    case FO_CONTENT_LENGTH: return fo_len_resolve(cs->len, intrinsic);
    case FO_CONTENT_SCALE_TO_FIT: return avail > 0 ? avail : intrinsic;
    case FO_CONTENT_SCALE_DOWN: return avail > 0 && intrinsic > avail ? avail : intrinsic;
    case FO_CONTENT_SCALE_UP: return avail > intrinsic ? avail : intrinsic;
    default: return -1;
    }
}

/* XSL 1.1 §7.15.4–7.15.6: content-width/-height with scaling, inside the
 * viewport given by width/height (auto = the content's size). */
void para_graphic_size(const fo_props *p, mk_len iw, mk_len ih, mk_len avail_w,
                       mk_len *out_w, mk_len *out_h)
{
    mk_len vw = p->width.auto_ ? -1 : fo_len_resolve(p->width, avail_w);
    mk_len vh = p->height.auto_ ? -1 : fo_len_resolve(p->height, 0);
    mk_len cw = content_dim(&p->content_width, iw, vw > 0 ? vw : avail_w);
    mk_len ch = content_dim(&p->content_height, ih, vh);
    if (p->scaling == FO_SCALING_UNIFORM && iw > 0 && ih > 0) {
        if (cw >= 0 && ch < 0)
            ch = (mk_len)((int64_t)ih * cw / iw);
        else if (ch >= 0 && cw < 0)
            cw = (mk_len)((int64_t)iw * ch / ih);
        else if (cw >= 0 && ch >= 0) {
            /* both given: keep the aspect ratio inside both */
            int64_t byw = (int64_t)ih * cw / iw;
            if (byw <= ch) ch = (mk_len)byw;
            else cw = (mk_len)((int64_t)iw * ch / ih);
        }
    }
    if (cw < 0) cw = vw > 0 && p->content_width.kind == FO_CONTENT_AUTO && iw > vw ? iw : iw;
    if (ch < 0) ch = ih;
    *out_w = cw;
    *out_h = ch;
}

/* The image of a graphic. With --keep-going, what keeps it from being
 * had (missing, corrupt, outside the allowed folders) is a warning rather
 * than an error, and graphic_placeholder takes its place (docs/limits.md). */
static const struct image *graphic_image(lctx *c, const fo_node *n)
{
    if (!c->opts || !c->opts->keep_going)
        return layout_image(c, n);
    diag_list *real = c->diags, *scratch = diag_list_new();
    c->diags = scratch;
    const struct image *img = layout_image(c, n);
    c->diags = real;
    for (size_t k = 0; k < diag_count(scratch); k++) {
        const diag *d = diag_at(scratch, k);
        if (d->severity == DIAG_ERROR)
            diag_add(real, DIAG_WARNING, d->stage, d->loc,
                     "%s; a placeholder box is drawn instead (--keep-going)", d->message);
        else
            diag_add(real, d->severity, d->stage, d->loc, "%s", d->message);
    }
    diag_list_free(scratch);
    return img;
}

/* A visible box where an image could not be had (--keep-going): a block
 * area with a grey border on a light grey ground, the graphic's size. */
static area *graphic_placeholder(lctx *c, const fo_node *fo)
{
    area *a = lctx_area(c, AREA_BLOCK, fo);
    a->background = (fo_color){0xee, 0xee, 0xee, 255};
    for (int s = 0; s < 4; s++) {
        a->border_w[s] = MK_PT;
        a->border_style[s] = FO_BORDER_SOLID;
        a->border_color[s] = (fo_color){0x80, 0x80, 0x80, 255};
    }
    return a;
}

static void collect_graphic(pbuild *pb, const fo_node *n)
{
    lctx *c = pb->c;
    const struct image *img = graphic_image(c, n);
    mk_len iw = 0, ih = 0;
    if (img) {
        iw = img->width;
        ih = img->height;
    } else {
        iw = MK_FROM_PT(72);
        ih = MK_FROM_PT(48);
    }
    mk_len w, h;
    para_graphic_size(n->props, iw, ih, c->cur_ipd, &w, &h);
    if (w > c->cur_ipd && c->cur_ipd > 0) {
        diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                 "the image is %.1fpt wide but the line is only %.1fpt; it is scaled "
                 "down to fit (set content-width=\"scale-to-fit\" to say so)",
                 MK_TO_PT(w), MK_TO_PT(c->cur_ipd));
        h = (mk_len)((int64_t)h * c->cur_ipd / w);
        w = c->cur_ipd;
    }
    add_obj(pb, (pobj){.kind = OBJ_IMAGE, .fo = n, .image = img, .w = w, .h = h});
}

static void collect_leader(pbuild *pb, const fo_node *n)
{
    const fo_props *p = n->props;
    pobj o = {.kind = OBJ_LEADER, .fo = n};
    o.w = fo_len_resolve(p->leader_length_opt, pb->c->cur_ipd);
    o.h = fo_len_resolve(p->leader_length_max, pb->c->cur_ipd); /* h: maximum */
    mk_len min = fo_len_resolve(p->leader_length_min, pb->c->cur_ipd);
    if (o.h < o.w) o.h = o.w;
    if (min > o.w) min = o.w;
    o.min = min;
    add_obj(pb, o);
}

/* -------------------------------------------------------------- items */

typedef enum { SRC_NONE, SRC_CLUSTER, SRC_OBJ } src_kind;
typedef struct { uint8_t kind; uint32_t idx; } isrc;

/* How a cluster is set: its box width and where its glyphs go in it. For
 * punctuation set on a half-em advance (JLREQ 3.1.2) cls is its class, box
 * half its em and dx the glyph shift that keeps the ink in the box. */
typedef struct {
    mk_len box, dx;
    uint8_t cls;              /* jlreq_class, or 0: set as shaped */
} pset;

typedef struct {
    pbuild *pb;
    shape_result sh;
    VEC(lb_item) items;
    VEC(isrc) src;
    pset *set;                /* per cluster */
    jlreq_strictness strict;
    int justify, justify_last;
    uint8_t ptrim, autospace, jtrim, hang; /* FO_PTRIM_* … of the block */
    long widow_k;             /* a break before this cluster leaves one
                               * character on the last line (JLREQ 3.5.4) */
    int32_t cost;             /* penalty of the junction being built */
} pitems;

static void push_item(pitems *pi, lb_item it, src_kind k, uint32_t idx)
{
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
    return pi->pb->runs.v[cl->run].size;
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
        if (pi->ptrim == 0 || cl->is_space || cl->n_glyphs != 1 || !jlreq_is_cjk(cl->cp))
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

/* What separates two adjacent non-space clusters: nothing, a break
 * opportunity, punctuation aki, inter-character glue, or the
 * Japanese–Latin quarter em. */
static void between(pitems *pi, size_t ka, size_t kb, int nobreak)
{
    const shape_cluster *a = &pi->sh.clusters[ka], *b = &pi->sh.clusters[kb];
    int cjk_a = jlreq_is_cjk(a->cp), cjk_b = jlreq_is_cjk(b->cp);
    /* Next to Japanese, JLREQ decides alone: UAX #14 as Pango applies it
     * is CSS "strict" and would keep small kana and ー from a line start
     * at every level (JLREQ C.3, axf:line-break) */
    int allowed = !nobreak && ((cjk_a || cjk_b) ? jlreq_can_break(a->cp, b->cp, pi->strict)
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
    if (autospaced(pi, a->cp, b->cp)) {
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
    if (cjk_a && cjk_b) {
        /* JLREQ 3.8.4 (c): expansion between characters where a break is
         * allowed, up to a quarter em before spreading further. */
        lb_item g = {.type = LB_GLUE, .adj = LB_ADJ_INTERCHAR,
                     .stretch = pi->justify ? em / 4 : 0};
        if (pi->cost)
            push_penalty(pi, pi->cost);
        push_item(pi, g, SRC_NONE, 0);
        return;
    }
    /* after a hyphen: a flagged break that costs a little (TeX's
     * \exhyphenpenalty), so URLs and compounds break there only when the
     * spaces and slashes around give no better line */
    int hyphen = a->cp == '-' || a->cp == 0x2010;
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
    int ja_lat = prev && next && autospaced(pi, prev->cp, next->cp);
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
        lb_item g = {.type = LB_GLUE, .adj = LB_ADJ_WORDSPACE, .width = ob->w,
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
        jlreq_class c = jlreq_class_of(cl->cp);
        if (cl->is_space || c == JL_CLOSING || c == JL_FULL_STOP || c == JL_COMMA ||
            c == JL_DIVIDING)
            continue;
        return is_kana_kanji(cl->cp) ? (long)k : -1;
    }
    return -1;
}

static void build_items(pitems *pi, mk_len indent)
{
    pbuild *pb = pi->pb;
    classify_punct(pi);
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
            if (cl->cp == '\n' || !started)
                continue;
            if (prev >= 0)
                trail_edge(pi, (size_t)prev);
            space_glue(pi, k, cl->advance);
            prev = -1;
            first = 0;
            continue;
        }
        if (prev >= 0)
            between(pi, (size_t)prev, k, any_nobreak && nobreak_at(pb, cl->byte_start));
        else
            lead_edge(pi, k, first);
        push_item(pi, (lb_item){.type = LB_BOX, .width = pi->set[k].box}, SRC_CLUSTER,
                  (uint32_t)k);
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

/* -------------------------------------------------------------- lines */

typedef struct {
    mk_len x;                /* inline position of the item */
    mk_len w;                /* adjusted width */
} ppos;

static void style_metrics(lctx *c, pstyle *st)
{
    const fo_props *p = st->props;
    const text_font *f = text_font_primary(c->text, p->font_family, p->font_size,
                                           p->font_weight, p->font_style, p->language);
    text_font_metrics m;
    text_font_get_metrics(f, &m);
    /* CJK fonts: centre the ideographic em box (BASE table) in the line,
     * as Japanese typesetting does; others use their ascent and descent. */
    mk_len asc = m.em_ascent > 0 ? m.em_ascent : m.ascent;
    mk_len desc = m.em_ascent > 0 ? m.em_descent : m.descent;
    mk_len half = (p->line_height - (asc + desc)) / 2;
    st->above = asc + half + st->shift;
    st->below = desc + half - st->shift;
}

typedef struct {
    area *line;
    area *run;               /* glyph run being filled */
    const text_font *font;
    uint32_t run_idx;
    VEC(area_glyph) glyphs;
    VEC(area_cluster) clusters;
    size_t text_start, text_end;
    mk_len run_x;
} lbuild;

static void flush_run(lctx *c, pbuild *pb, lbuild *lb)
{
    if (!lb->run)
        return;
    area_glyphs *g = &lb->run->u.glyphs;
    g->n_glyphs = (int)lb->glyphs.len;
    g->glyphs = ARENA_ARRAY(c->seq, area_glyph, lb->glyphs.len ? lb->glyphs.len : 1);
    memcpy(g->glyphs, lb->glyphs.v, lb->glyphs.len * sizeof *g->glyphs);
    g->n_clusters = (int)lb->clusters.len;
    g->clusters = ARENA_ARRAY(c->seq, area_cluster, lb->clusters.len ? lb->clusters.len : 1);
    memcpy(g->clusters, lb->clusters.v, lb->clusters.len * sizeof *g->clusters);
    g->utf8_len = (int)(lb->text_end - lb->text_start);
    g->utf8 = arena_strndup(c->seq, pb->text.v + lb->text_start, lb->text_end - lb->text_start);
    area_append(lb->line, lb->run);
    lb->run = NULL;
    lb->glyphs.len = lb->clusters.len = 0;
}

static void place_cluster(lctx *c, pitems *pi, lbuild *lb, size_t k, mk_len x)
{
    pbuild *pb = pi->pb;
    const shape_cluster *cl = &pi->sh.clusters[k];
    int contiguous = lb->run && lb->text_end == cl->byte_start;
    if (!lb->run || lb->font != cl->font || lb->run_idx != cl->run || !contiguous) {
        flush_run(c, pb, lb);
        const pstyle *st = &pb->styles.v[cl->run];
        area *r = lctx_area(c, AREA_GLYPHS, st->fo);
        r->i = x;
        r->u.glyphs.font = cl->font;
        r->u.glyphs.size = pb->runs.v[cl->run].size;
        r->u.glyphs.color = st->props->color;
        r->u.glyphs.baseline = -st->shift;
        lb->run = r;
        lb->font = cl->font;
        lb->run_idx = cl->run;
        lb->text_start = lb->text_end = cl->byte_start;
        lb->run_x = x;
    }
    const pset *ps = &pi->set[k];
    mk_len gx = x - lb->run_x + ps->dx; /* JLREQ 3.1.2: ink inside the half em */
    int shown = 0;
    for (uint32_t g = 0; g < cl->n_glyphs; g++) {
        const shape_glyph *sg = &pi->sh.glyphs[cl->glyph_start + g];
        if (sg->id != SHAPE_GLYPH_NONE) { /* LF, ZWSP: advance only */
            area_glyph ag = {sg->id, gx + sg->x_off, -sg->y_off};
            VEC_PUSH(&lb->glyphs, ag);
            shown++;
        }
        gx += sg->advance;
    }
    area_cluster ac = {(int)cl->byte_len, shown};
    VEC_PUSH(&lb->clusters, ac);
    lb->text_end = cl->byte_start + cl->byte_len;
    lb->run->ipd = x + ps->box - lb->run_x;
}

static void place_object(lctx *c, pitems *pi, lbuild *lb, const pobj *ob, ppos pos)
{
    flush_run(c, pi->pb, lb);
    if (ob->kind == OBJ_IMAGE) {
        area *a = ob->image ? lctx_area(c, AREA_IMAGE, ob->fo) : graphic_placeholder(c, ob->fo);
        a->i = pos.x;
        a->ipd = ob->w;
        a->bpd = ob->h;
        a->u.image.image = ob->image;
        area_append(lb->line, a);
    } else if (ob->kind == OBJ_LEADER) {
        const fo_props *p = ob->fo->props;
        if (p->leader_pattern == FO_LEADER_SPACE || pos.w <= 0)
            return;
        area *a = lctx_area(c, AREA_RULE, ob->fo);
        a->i = pos.x;
        a->ipd = pos.w;
        a->u.rule.color = p->color;
        a->u.rule.style = p->leader_pattern == FO_LEADER_DOTS ? FO_BORDER_DOTTED : p->rule_style;
        a->u.rule.thickness = p->leader_pattern == FO_LEADER_DOTS ? p->font_size / 10 : p->rule_thickness;
        a->u.rule.pattern_width = p->leader_pattern_width > 0 ? p->leader_pattern_width : p->font_size / 2;
        area_append(lb->line, a);
    }
}

typedef struct {
    mk_len above, below;
    vnote *notes;
    vid *ids;
} lineinfo;

static void note_line_objects(lctx *c, const pobj *ob, lineinfo *li, lbuild *lb, mk_len x)
{
    if (ob->kind == OBJ_NOTE && ob->note) {
        vnote *n = ARENA_NEW(c->seq, vnote);
        *n = *ob->note;
        n->next = li->notes;
        li->notes = n;
    } else if (ob->kind == OBJ_ID) {
        vid *v = ARENA_NEW(c->seq, vid);
        v->id = ob->id;
        v->next = li->ids;
        li->ids = v;
        if (ob->id[0] != '\x01') {
            area *d = lctx_area(c, AREA_DEST, ob->fo);
            d->i = x;
            d->u.dest_id = ob->id;
            area_append(lb->line, d);
        }
    } else if (ob->kind == OBJ_IMAGE) {
        if (ob->h > li->above)
            li->above = ob->h;
    }
}

typedef struct { size_t start, end; mk_len x0, x1; } pspan;

static fo_text_align line_align(const fo_props *p, int last)
{
    fo_text_align a = p->text_align;
    if (last) {
        if (p->text_align_last_set && p->text_align_last != FO_ALIGN_RELATIVE)
            a = p->text_align_last;
        else if (a == FO_ALIGN_JUSTIFY)
            a = FO_ALIGN_START;
    }
    return a;
}

static void add_links(lctx *c, pbuild *pb, area *line, const pspan *sp, size_t n)
{
    for (size_t l = 0; l < pb->links.len; l++) {
        const plink *lk = &pb->links.v[l];
        mk_len x0 = MK_LEN_MAX, x1 = -MK_LEN_MAX;
        for (size_t k = 0; k < n; k++) {
            if (sp[k].end <= lk->start || sp[k].start >= lk->end)
                continue;
            if (sp[k].x0 < x0) x0 = sp[k].x0;
            if (sp[k].x1 > x1) x1 = sp[k].x1;
        }
        if (x0 >= x1)
            continue;
        area *a = lctx_area(c, AREA_LINK, pb->block);
        a->i = x0;
        a->ipd = x1 - x0;
        a->bpd = line->bpd;
        a->u.link.uri = lk->uri && *lk->uri ? lk->uri : NULL;
        a->u.link.dest = a->u.link.uri ? NULL : lk->dest;
        area_append(line, a);
    }
}

static void finish_line_geometry(area *line, const lineinfo *li)
{
    line->baseline = li->above;
    line->bpd = li->above + li->below;
    for (area *ch = line->first; ch; ch = ch->next) {
        ch->bpd = ch->kind == AREA_IMAGE || ch->kind == AREA_RULE ? ch->bpd : line->bpd;
        if (ch->kind == AREA_GLYPHS)
            ch->u.glyphs.baseline += line->baseline;
        else if (ch->kind == AREA_IMAGE)
            ch->b = line->baseline - ch->bpd;
        else if (ch->kind == AREA_RULE) {
            mk_len t = ch->u.rule.thickness;
            ch->bpd = t;
            ch->b = ch->u.rule.style == FO_BORDER_DOTTED ? line->baseline - t
                                                         : line->baseline - t / 2 - line->baseline / 4;
        } else if (ch->kind == AREA_LINK)
            ch->bpd = line->bpd;
    }
}

/* Builds the line area for items [from, to) with positions already set. */
static area *make_line(lctx *c, pitems *pi, size_t from, size_t to, const ppos *pos,
                       lineinfo *li, mk_len shift)
{
    pbuild *pb = pi->pb;
    area *line = lctx_area(c, AREA_LINE, pb->block);
    lbuild lb = {.line = line};
    VEC(pspan) spans = {0};
    for (size_t k = from; k < to; k++) {
        isrc s = pi->src.v[k];
        mk_len x = pos[k - from].x + shift;
        if (s.kind == SRC_CLUSTER) {
            const shape_cluster *cl = &pi->sh.clusters[s.idx];
            const pstyle *st = &pb->styles.v[cl->run];
            if (st->above > li->above) li->above = st->above;
            if (st->below > li->below) li->below = st->below;
            pspan sp = {cl->byte_start, cl->byte_start + cl->byte_len, x, x + pos[k - from].w};
            VEC_PUSH(&spans, sp);
            if (pi->items.v[k].type == LB_BOX || (cl->cp == 0x3000 && pos[k - from].w > 0))
                place_cluster(c, pi, &lb, s.idx, x); /* boxes; JLREQ 3.1.6's U+3000 */
            else
                flush_run(c, pb, &lb); /* a space: the next word starts a new run */
        } else if (s.kind == SRC_OBJ) {
            const pobj *ob = &pb->objs.v[s.idx];
            ppos p = {x, pos[k - from].w};
            place_object(c, pi, &lb, ob, p);
            pspan sp = {ob->at, ob->at + 1, x, x + pos[k - from].w};
            VEC_PUSH(&spans, sp);
            if (ob->kind == OBJ_IMAGE && ob->h > li->above)
                li->above = ob->h;
        }
    }
    flush_run(c, pb, &lb);
    add_links(c, pb, line, spans.v, spans.len);
    VEC_FREE(&spans);
    VEC_FREE(&lb.glyphs);
    VEC_FREE(&lb.clusters);
    return line;
}

/* Anchored objects (ids, notes) belong to the line holding their offset. */
static void attach_anchors(lctx *c, pbuild *pb, size_t bstart, size_t bend, int last,
                           lineinfo *li, area *line)
{
    for (size_t o = 0; o < pb->objs.len; o++) {
        const pobj *ob = &pb->objs.v[o];
        if (ob->kind != OBJ_NOTE && ob->kind != OBJ_ID)
            continue;
        if (ob->at < bstart || (ob->at >= bend && !last))
            continue;
        lbuild lb = {.line = line};
        note_line_objects(c, ob, li, &lb, 0);
    }
}

static size_t item_byte(const pitems *pi, size_t k, int end)
{
    for (; k < pi->items.len; k++) {
        isrc s = pi->src.v[k];
        if (s.kind == SRC_CLUSTER)
            return pi->sh.clusters[s.idx].byte_start;
        if (s.kind == SRC_OBJ)
            return pi->pb->objs.v[s.idx].at;
    }
    return end ? (size_t)-1 : pi->pb->text.len;
}

static size_t skip_discardable(const pitems *pi, size_t k, size_t end)
{
    while (k < end && pi->items.v[k].type != LB_BOX)
        k++;
    return k;
}

static int32_t line_penalty(const fo_props *p, size_t k, size_t n, int keep_level)
{
    /* XSL 1.1 §7.20.6/§7.20.7: orphans/widows as lines kept together */
    if ((int32_t)(k + 1) < p->orphans || (int32_t)(n - k - 1) < p->widows)
        return VP_INF;
    return keep_level;
}

static void emit_lines(lctx *c, vlist *v, pitems *pi, const lb_result *res,
                       mk_len i0, mk_len ipd, int keep_level)
{
    pbuild *pb = pi->pb;
    const fo_props *bp = pb->block->props;
    VEC(mk_len) adj = {0};
    VEC(ppos) pos = {0};
    size_t from = 0;
    for (size_t l = 0; l < res->n_breaks; l++) {
        size_t brk = res->breaks[l];
        size_t start = skip_discardable(pi, from, brk);
        const lb_item *bi = &pi->items.v[brk];
        int forced = bi->type == LB_PENALTY && bi->penalty <= -LB_INFINITY;
        int last = l + 1 == res->n_breaks;
        size_t end = brk + (bi->type == LB_PENALTY && bi->width > 0 ? 1 : 0);
        /* a glue or zero-width penalty at the break is not part of the line */
        if (forced && end > start && pi->items.v[end - 1].type == LB_GLUE &&
            pi->items.v[end - 1].adj == LB_ADJ_NONE)
            end--;
        fo_text_align al = line_align(bp, forced);
        int justify = al == FO_ALIGN_JUSTIFY;
        size_t n = end > start ? end - start : 0;
        VEC_RESERVE(&adj, n + 1);
        VEC_RESERVE(&pos, n + 1);
        /* a break penalty with a width (an aki kept at the line end) is
         * the line's last item: justify up to it, then give it its width */
        size_t to = end > brk ? brk : end;
        mk_len width = n ? linebreak_justify(pi->items.v, start, to, ipd, justify, adj.v) : 0;
        if (end > to)
            adj.v[n - 1] = bi->width;
        mk_len x = 0;
        for (size_t k = 0; k < n; k++) {
            pos.v[k].x = x;
            pos.v[k].w = adj.v[k];
            x += adj.v[k];
        }
        mk_len shift = 0;
        if (al == FO_ALIGN_CENTER) shift = (ipd - width) / 2;
        else if (al == FO_ALIGN_END || al == FO_ALIGN_RIGHT) shift = ipd - width;
        lineinfo li = {0};
        li.above = c->strut_above;
        li.below = c->strut_below;
        area *line = make_line(c, pi, start, end, pos.v, &li, shift);
        size_t b0 = l == 0 ? 0 : item_byte(pi, from, 0);
        size_t b1 = last ? (size_t)-1 : item_byte(pi, brk + 1, 1);
        attach_anchors(c, pb, b0, b1, last, &li, line);
        finish_line_geometry(line, &li);
        line->i = i0;
        line->ipd = ipd;
        if (l > 0)
            vlist_penalty(v, line_penalty(bp, l - 1, res->n_breaks, keep_level), 0);
        vlist_box(v, line, line->bpd, pb->block);
        vitem *it = &v->items.v[v->items.len - 1];
        it->notes = li.notes;
        it->ids = li.ids;
        from = brk + 1;
    }
    VEC_FREE(&adj);
    VEC_FREE(&pos);
}

static void pbuild_free(pbuild *pb)
{
    VEC_FREE(&pb->text);
    VEC_FREE(&pb->runs);
    VEC_FREE(&pb->styles);
    VEC_FREE(&pb->objs);
    VEC_FREE(&pb->links);
}

static int is_japanese(const char *lang)
{
    return lang && (lang[0] == 'j' || lang[0] == 'J') && (lang[1] == 'a' || lang[1] == 'A') &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/* Leading and trailing spaces of a paragraph never show (XSL 1.1
 * §7.16.12 with white-space-treatment ignore-if-surrounding-linefeed). */
static void trim_runs(pbuild *pb)
{
    while (pb->text.len && pb->text.v[pb->text.len - 1] == ' ') {
        pb->text.len--;
        shape_run *r = &pb->runs.v[pb->runs.len - 1];
        if (r->len) r->len--;
    }
}

void para_layout(lctx *c, vlist *v, const fo_node *block, const fo_node *first,
                 const fo_node *last, mk_len i0, mk_len ipd, int keep_level)
{
    pbuild pb = {.c = c, .block = block};
    c->cur_ipd = ipd;
    for (const fo_node *n = first; n; n = n->next) {
        collect(&pb, n);
        if (n == last)
            break;
    }
    trim_runs(&pb);
    /* text leading spaces: skip when shaping by marking them as spaces; the
     * breaker discards glue at a line start anyway */
    if (pb.text.len == 0 && pb.objs.len == 0) {
        pbuild_free(&pb);
        return;
    }
    const fo_props *bp = block->props;
    pstyle strut = {.props = bp};
    style_metrics(c, &strut);
    c->strut_above = strut.above;
    c->strut_below = strut.below;
    for (size_t r = 0; r < pb.styles.len; r++)
        style_metrics(c, &pb.styles.v[r]);
    pitems pi = {.pb = &pb, .strict = (jlreq_strictness)bp->line_break,
                 .ptrim = bp->punctuation_trim, .autospace = bp->text_autospace,
                 .jtrim = bp->text_justify_trim, .hang = bp->hanging_punctuation};
    fo_text_align last_al = line_align(bp, 1);
    pi.justify = bp->text_align == FO_ALIGN_JUSTIFY || last_al == FO_ALIGN_JUSTIFY;
    pi.justify_last = last_al == FO_ALIGN_JUSTIFY;
    VEC_PUSH(&pb.text, '\0');
    pb.text.len--;
    if (pb.text.len && shape_paragraph(c->text, pb.text.v, pb.text.len, pb.runs.v, pb.runs.len,
                                       &pi.sh, c->diags) != 0) {
        pbuild_free(&pb);
        return;
    }
    build_items(&pi, fo_len_resolve(bp->text_indent, ipd));
    lb_params lp;
    linebreak_default_params(&lp);
    lp.line_widths = &ipd;
    lp.n_line_widths = 1;
    lp.last_line_justified = (uint8_t)pi.justify_last;
    if (is_japanese(bp->language))
        lp.shrink_cost = 20; /* JLREQ 3.8.2 (LA-2): reduce rather than expand */
    if (!pi.justify) {
        /* ragged lines: measure by how much room is left, and let equally
         * good choices fill the earlier lines (fitness classes only matter
         * for the spacing of justified lines) */
        lp.line_stretch = 3 * bp->font_size;
        lp.fitness_demerit = 0;
    }
    lb_result res = {0};
    if (linebreak_run(pi.items.v, pi.items.len, &lp, &res) == 0) {
        if (res.overfull)
            diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, block->loc,
                     "%zu line(s) of this paragraph are wider than the column and "
                     "stick out (a long word, URL or number with no break "
                     "opportunity); allow a break or shorten it", res.overfull);
        emit_lines(c, v, &pi, &res, i0, ipd, keep_level);
    }
    linebreak_result_free(&res);
    shape_result_free(&pi.sh);
    free(pi.set);
    VEC_FREE(&pi.items);
    VEC_FREE(&pi.src);
    pbuild_free(&pb);
}
