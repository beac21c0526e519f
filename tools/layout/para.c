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
 * The items are built in para_items.c, which also holds the Japanese
 * punctuation rules (JLREQ 3.1.2–3.1.9) and the inter-script spacing.
 *
 * The builder never inserts space characters into the text: spacing lives
 * in glyph positions only, so copy-paste and search see the source text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "para_items.h"
#include "wmode.h"

/* ------------------------------------------------------------ collect */

static void push_run(pbuild *pb, const fo_node *fo, const fo_props *p, const char *s,
                     size_t len, int tcy)
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
        .loc = fo->loc, .vertical = wmode_vertical(p->writing_mode),
    };
    pstyle st = {.props = p, .fo = fo, .tcy = (uint8_t)tcy};
    if (tcy)
        para_tcy_run(&r, s, len);
    if (p->baseline_shift == 1)
        st.shift = p->font_size / 3;
    else if (p->baseline_shift == 2)
        st.shift = -p->font_size / 5;
    else
        st.shift = p->baseline_shift_len;
    VEC_PUSH(&pb->runs, r);
    VEC_PUSH(&pb->styles, st);
}

/* The text of one FO, as style runs; in vertical writing, short runs of
 * ASCII digits (letters) that axf:text-combine-horizontal names become
 * runs of their own, each one tate-chu-yoko unit ("all": the whole text). */
static void add_text_run(pbuild *pb, const fo_node *fo, const fo_props *p,
                         const char *s, size_t len)
{
    if (!wmode_vertical(p->writing_mode) || !p->text_combine || len == 0) {
        push_run(pb, fo, p, s, len, 0);
        return;
    }
    if (p->text_combine & FO_TCY_ALL) {
        push_run(pb, fo, p, s, len, 1);
        return;
    }
    size_t from = 0, k, e;
    char before = pb->text.len ? pb->text.v[pb->text.len - 1] : 0;
    while (para_tcy_next(p, s, len, from, before, &k, &e)) {
        push_run(pb, fo, p, s + from, k - from, 0);
        push_run(pb, fo, p, s + k, e - k, 1);
        from = e;
    }
    push_run(pb, fo, p, s + from, len - from, 0);
}

static void add_obj(pbuild *pb, pobj o)
{
    o.at = pb->text.len;
    VEC_PUSH(&pb->objs, o);
}

void para_add_obj(pbuild *pb, pobj o)
{
    add_obj(pb, o);
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
        para_decor_collect(pb, n, start, pb->text.len);
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
    case FO_INSTREAM_FOREIGN_OBJECT:
        if (n->text) /* its SVG; anything else was reported when read */
            collect_graphic(pb, n);
        break;
    case FO_INLINE_CONTAINER:
        para_box_collect(pb, n);
        break;
    case FO_LEADER:
        collect_leader(pb, n);
        break;
    case FO_FOOTNOTE:
        collect_footnote(pb, n);
        break;
    case FO_INLINE: {
        size_t start = pb->text.len;
        collect_children(pb, n);
        para_decor_collect(pb, n, start, pb->text.len);
        break;
    }
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
    case FO_AXF_RUBY:
        para_ruby_collect(pb, n);
        break;
    default:
        diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                 "fo:%s cannot appear inside a line here; it is left out",
                 fo_kind_name(n->kind));
        break;
    }
}

void para_collect(pbuild *pb, const fo_node *n)
{
    collect(pb, n);
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
    mk_len grid = c->grid;
    c->grid = 0; /* footnotes sit below the text, off the line grid */
    blocks_layout(c, note->body, body, 0, c->region_ipd, VP_INF);
    c->grid = grid;
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
    int vertical = wmode_vertical(pb->block->props->writing_mode);
    if (vertical) {
        /* images stay upright: along a vertical line goes their height */
        mk_len t = w;
        w = h;
        h = t;
    }
    if (w > c->cur_ipd && c->cur_ipd > 0) {
        diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                 "the image is %.1fpt %s but the line is only %.1fpt; it is scaled "
                 "down to fit (set content-width=\"scale-to-fit\" to say so)",
                 MK_TO_PT(w), vertical ? "tall" : "wide", MK_TO_PT(c->cur_ipd));
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
    if (wmode_vertical(p->writing_mode)) {
        /* vertical lines: the central line is the baseline (area.h), the
         * line's width across is its line-height, shared equally */
        st->above = p->line_height / 2 + st->shift;
        st->below = p->line_height - p->line_height / 2 - st->shift;
        /* the em box is centred on the central line too: ruby and dots
         * stand on its right (before) edge */
        st->em_asc = (asc + desc) / 2 + st->shift;
        st->em_desc = asc + desc - (asc + desc) / 2 - st->shift;
        return;
    }
    mk_len half = (p->line_height - (asc + desc)) / 2;
    st->above = asc + half + st->shift;
    st->below = desc + half - st->shift;
    st->em_asc = asc + st->shift;
    st->em_desc = desc - st->shift;
}

typedef struct {
    area *line;
    area *run;               /* glyph run being filled */
    const text_font *font;
    uint32_t run_idx;
    uint8_t upright;         /* of the run being filled (vertical text) */
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

/* The hyphen drawn at a break after a soft hyphen: a glyph run of its
 * own, showing "-" (what a reader copying the line sees at its end). */
static void place_hyphen(lctx *c, pitems *pi, lbuild *lb, uint32_t run, mk_len x)
{
    pbuild *pb = pi->pb;
    const phyphen *h = para_hyphen(pi, run);
    if (!h)
        return;
    flush_run(c, pb, lb);
    const pstyle *st = &pb->styles.v[run];
    area *r = lctx_area(c, AREA_GLYPHS, st->fo);
    r->i = x;
    area_glyphs *g = &r->u.glyphs;
    g->font = h->font;
    g->size = pb->runs.v[run].size;
    g->color = st->props->color;
    g->baseline = -st->shift;
    g->glyphs = ARENA_NEW(c->seq, area_glyph);
    g->glyphs[0] = (area_glyph){h->glyph, 0, 0};
    g->n_glyphs = 1;
    g->clusters = ARENA_NEW(c->seq, area_cluster);
    g->clusters[0] = (area_cluster){1, 1};
    g->n_clusters = 1;
    g->utf8 = "-";
    g->utf8_len = 1;
    r->ipd = h->advance;
    area_append(lb->line, r);
}

static void place_cluster(lctx *c, pitems *pi, lbuild *lb, size_t k, mk_len x)
{
    pbuild *pb = pi->pb;
    const shape_cluster *cl = &pi->sh.clusters[k];
    int contiguous = lb->run && lb->text_end == cl->byte_start;
    int vertical = pb->runs.v[cl->run].vertical;
    if (!lb->run || lb->font != cl->font || lb->run_idx != cl->run || !contiguous ||
        lb->upright != cl->upright) {
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
        lb->upright = cl->upright;
        r->u.glyphs.upright = (uint8_t)(vertical && cl->upright);
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
            if (vertical && cl->upright) /* Pango's offsets there move the */
                ag.i = gx, ag.b = 0;       /* vertical origin: the renderer centres */
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

/* A tate-chu-yoko unit (JLREQ 3.2.5, VT-4): the clusters of TCY run from
 * cluster k on, set left to right in an lr-tb inline reference area one
 * em square (box) at x, centred across the line (finish_line_geometry)
 * and along it. Renderers draw it as horizontal text inside a vertical
 * line; its glyph run carries the run's text, so it extracts in order. */
static void place_tcy(lctx *c, pitems *pi, lbuild *lb, size_t k, mk_len x, mk_len box)
{
    pbuild *pb = pi->pb;
    flush_run(c, pb, lb);
    const shape_cluster *cl = &pi->sh.clusters[k];
    const pstyle *st = &pb->styles.v[cl->run];
    size_t end = k;
    mk_len width = 0;
    for (; end < pi->sh.n_clusters && pi->sh.clusters[end].run == cl->run; end++)
        width += pi->sh.clusters[end].advance;
    area *u = lctx_area(c, AREA_INLINE, st->fo);
    u->fo = "inline";
    u->is_reference = 1;
    u->wm = FO_WM_LR_TB;
    u->i = x;
    u->ipd = u->bpd = box;
    text_font_metrics m;
    text_font_get_metrics(cl->font, &m);
    mk_len size = pb->runs.v[cl->run].size;
    mk_len asc = m.em_ascent > 0 ? m.em_ascent : m.ascent;
    lbuild in = {.line = u};
    in.run = lctx_area(c, AREA_GLYPHS, st->fo);
    in.run->i = (box - width) / 2;
    in.run->ipd = width;
    in.run->bpd = box;
    in.run->u.glyphs.font = cl->font;
    in.run->u.glyphs.size = size;
    in.run->u.glyphs.color = st->props->color;
    in.run->u.glyphs.baseline = (box - size) / 2 + asc; /* the em box centred */
    in.text_start = cl->byte_start;
    mk_len gx = 0;
    for (size_t j = k; j < end; j++) {
        const shape_cluster *cj = &pi->sh.clusters[j];
        int shown = 0;
        for (uint32_t g = 0; g < cj->n_glyphs; g++) {
            const shape_glyph *sg = &pi->sh.glyphs[cj->glyph_start + g];
            if (sg->id != SHAPE_GLYPH_NONE) {
                area_glyph ag = {sg->id, gx + sg->x_off, -sg->y_off};
                VEC_PUSH(&in.glyphs, ag);
                shown++;
            }
            gx += sg->advance;
        }
        area_cluster ac = {(int)cj->byte_len, shown};
        VEC_PUSH(&in.clusters, ac);
        in.text_end = cj->byte_start + cj->byte_len;
    }
    flush_run(c, pb, &in);
    VEC_FREE(&in.glyphs);
    VEC_FREE(&in.clusters);
    area_append(lb->line, u);
}

static void place_object(lctx *c, pitems *pi, lbuild *lb, const pobj *ob, ppos pos)
{
    flush_run(c, pi->pb, lb);
    if (ob->kind == OBJ_IMAGE) {
        area *a = ob->box     ? ob->box
                  : ob->image ? lctx_area(c, AREA_IMAGE, ob->fo)
                              : graphic_placeholder(c, ob->fo);
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
    uint8_t vertical;        /* the central line is the baseline */
} lineinfo;

/* An image h across the line: on the baseline in horizontal text, centred
 * on the central line in vertical text (where it stays upright). An
 * inline-container's first baseline is on the line's baseline. */
static void line_fit_object(lineinfo *li, const pobj *ob)
{
    mk_len h = ob->h, up = ob->box ? ob->box->baseline : h;
    mk_len above = li->vertical ? h / 2 : up, below = li->vertical ? h - h / 2 : h - up;
    if (above > li->above)
        li->above = above;
    if (below > li->below)
        li->below = below;
}

static void note_line_objects(lctx *c, const pobj *ob, lineinfo *li, area *line, mk_len x)
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
            area_append(line, d);
        }
    } else if (ob->kind == OBJ_IMAGE) {
        line_fit_object(li, ob);
    }
}


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
        if (ch->kind == AREA_GLYPHS && ch->u.glyphs.role != AREA_TEXT) {
            ch->b += line->baseline; /* ruby, dots: their own box */
            continue;
        }
        /* an image, or the placeholder box of one (graphic_placeholder,
         * the only block area in a line), stands on the baseline */
        int graphic = ch->kind == AREA_IMAGE || ch->kind == AREA_BLOCK;
        if (ch->kind == AREA_INLINE && ch->is_reference) { /* tate-chu-yoko */
            ch->b = line->baseline - ch->bpd / 2;
            continue;
        }
        ch->bpd = graphic || ch->kind == AREA_RULE ? ch->bpd : line->bpd;
        if (ch->kind == AREA_GLYPHS)
            ch->u.glyphs.baseline += line->baseline;
        else if (graphic) /* an inline-container: its first baseline on the line's */
            ch->b = line->baseline - (li->vertical        ? ch->bpd / 2
                                      : ch->is_reference ? ch->baseline
                                                         : ch->bpd);
        else if (ch->kind == AREA_RULE) {
            mk_len t = ch->u.rule.thickness;
            ch->bpd = t;
            /* a leader runs down a vertical line on its central line */
            ch->b = li->vertical ? line->baseline - t / 2
                    : ch->u.rule.style == FO_BORDER_DOTTED ? line->baseline - t
                                                           : line->baseline - t / 2 - line->baseline / 4;
        } else if (ch->kind == AREA_LINK)
            ch->bpd = line->bpd;
    }
}

/* Builds the line area for items [from, to) with positions already set. */
/* UAX #9 for one line: the level of item k of [from, to). Clusters have
 * their own (shape.c); glue, penalties and objects take the level their
 * neighbouring clusters share, else the paragraph's (0); white space and
 * glue at the line end take the paragraph's (rule L1). */
static int item_is_cluster(const pitems *pi, size_t k)
{
    return pi->src.v[k].kind == SRC_CLUSTER;
}

static int trailing_white(const pitems *pi, size_t k)
{
    const lb_item *it = &pi->items.v[k];
    if (item_is_cluster(pi, k))
        return it->type != LB_BOX || pi->sh.clusters[pi->src.v[k].idx].is_space;
    return it->type != LB_BOX || (pi->src.v[k].kind == SRC_NONE && it->width == 0);
}

static void line_levels(const pitems *pi, size_t from, size_t to, uint8_t *lv)
{
    size_t n = to - from;
    int prev = -1;
    for (size_t k = 0; k < n; k++) { /* forward: the cluster level before */
        if (item_is_cluster(pi, from + k))
            prev = lv[k] = pi->sh.clusters[pi->src.v[from + k].idx].level;
        else
            lv[k] = (uint8_t)(prev < 0 ? 0xFF : prev);
    }
    int next = -1;
    for (size_t k = n; k-- > 0;) { /* backward: agree with the level after */
        if (item_is_cluster(pi, from + k))
            next = lv[k];
        else
            lv[k] = next >= 0 && lv[k] == next ? (uint8_t)next : 0;
    }
    for (size_t k = n; k-- > 0 && trailing_white(pi, from + k);)
        lv[k] = 0; /* L1 */
}

/* The visual order of items [from, to) (order[v] = logical index) and the
 * inline position of each (xs, by logical index): each item starts where
 * the one before it in visual order ends, from the line start plus the
 * alignment shift. Without right-to-left text, logical order as placed. */
static void line_visual_order(const pitems *pi, size_t from, size_t to, const ppos *pos,
                              mk_len shift, uint32_t *order, mk_len *xs)
{
    size_t n = to - from;
    int bidi = 0;
    for (size_t k = from; k < to && !bidi; k++)
        bidi = item_is_cluster(pi, k) && pi->sh.clusters[pi->src.v[k].idx].level > 0;
    for (size_t k = 0; k < n; k++) {
        order[k] = (uint32_t)k;
        xs[k] = pos[k].x + shift;
    }
    if (!bidi || n == 0)
        return;
    uint8_t *lv = malloc(n);
    if (!lv) {
        fprintf(stderr, "mkdoc: out of memory (line)\n");
        abort(); /* same policy as vec.h */
    }
    line_levels(pi, from, to, lv);
    shape_reorder_levels(lv, n, order); /* UAX #9 L2 */
    free(lv);
    mk_len x = shift;
    for (size_t v = 0; v < n; v++) {
        xs[order[v]] = x;
        x += pos[order[v]].w;
    }
}

/* Builds the line area for items [from, to) with positions already set,
 * placing them in visual order: right-to-left clusters come in falling
 * byte order, so each starts a glyph run of its own. */
static area *make_line(lctx *c, pitems *pi, size_t from, size_t to, const ppos *pos,
                       lineinfo *li, mk_len shift, pspans *spans)
{
    pbuild *pb = pi->pb;
    area *line = lctx_area(c, AREA_LINE, pb->block);
    lbuild lb = {.line = line};
    size_t n = to > from ? to - from : 0;
    uint32_t *order = malloc((n ? n : 1) * sizeof *order);
    mk_len *xs = malloc((n ? n : 1) * sizeof *xs);
    if (!order || !xs) {
        fprintf(stderr, "mkdoc: out of memory (line)\n");
        abort(); /* same policy as vec.h */
    }
    line_visual_order(pi, from, to, pos, shift, order, xs);
    for (size_t v = 0; v < n; v++) {
        size_t k = from + order[v];
        isrc s = pi->src.v[k];
        mk_len x = xs[k - from], w = pos[k - from].w;
        if (s.kind == SRC_CLUSTER) {
            const shape_cluster *cl = &pi->sh.clusters[s.idx];
            const pstyle *st = &pb->styles.v[cl->run];
            if (st->above > li->above) li->above = st->above;
            if (st->below > li->below) li->below = st->below;
            pspan sp = {cl->byte_start, cl->byte_start + cl->byte_len, x, x + w};
            VEC_PUSH(spans, sp);
            if (st->tcy) {
                if (s.idx == 0 || pi->sh.clusters[s.idx - 1].run != cl->run)
                    place_tcy(c, pi, &lb, s.idx, x, w);
            } else if (pi->items.v[k].type == LB_BOX || (cl->cp == 0x3000 && w > 0))
                place_cluster(c, pi, &lb, s.idx, x); /* boxes; JLREQ 3.1.6's U+3000 */
            else
                flush_run(c, pb, &lb); /* a space: the next word starts a new run */
        } else if (s.kind == SRC_HYPHEN && w > 0 && k + 1 == to) {
            place_hyphen(c, pi, &lb, s.idx, x); /* the line breaks at a soft hyphen */
        } else if (s.kind == SRC_OBJ) {
            const pobj *ob = &pb->objs.v[s.idx];
            ppos p = {x, w};
            place_object(c, pi, &lb, ob, p);
            pspan sp = {ob->at, ob->at + 1, x, x + w};
            VEC_PUSH(spans, sp);
            if (ob->kind == OBJ_IMAGE)
                line_fit_object(li, ob);
        }
    }
    flush_run(c, pb, &lb);
    add_links(c, pb, line, spans->v, spans->len);
    free(order);
    free(xs);
    VEC_FREE(&lb.glyphs);
    VEC_FREE(&lb.clusters);
    return line;
}

/* The inline position of byte offset at on a line: the start of the
 * first thing set at or after it, else the end of the line's content. */
static mk_len span_x(const pspans *sp, size_t at)
{
    size_t best = (size_t)-1;
    mk_len x = 0, end = 0;
    for (size_t k = 0; k < sp->len; k++) {
        if (sp->v[k].start >= at && sp->v[k].start < best) {
            best = sp->v[k].start;
            x = sp->v[k].x0;
        }
        if (sp->v[k].x1 > end)
            end = sp->v[k].x1;
    }
    return best == (size_t)-1 ? end : x;
}

/* Anchored objects (ids, notes) belong to the line holding their offset;
 * an id's destination is where its text starts on that line. */
static void attach_anchors(lctx *c, pbuild *pb, size_t bstart, size_t bend, int last,
                           lineinfo *li, area *line, const pspans *spans)
{
    for (size_t o = 0; o < pb->objs.len; o++) {
        const pobj *ob = &pb->objs.v[o];
        if (ob->kind != OBJ_NOTE && ob->kind != OBJ_ID)
            continue;
        if (ob->at < bstart || (ob->at >= bend && !last))
            continue;
        note_line_objects(c, ob, li, line, span_x(spans, ob->at));
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
    pspans spans = {0};
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
        lineinfo li = {.vertical = (uint8_t)wmode_vertical(bp->writing_mode)};
        li.above = c->strut_above;
        li.below = c->strut_below;
        spans.len = 0;
        area *line = make_line(c, pi, start, end, pos.v, &li, shift, &spans);
        size_t b0 = l == 0 ? 0 : item_byte(pi, from, 0);
        size_t b1 = last ? (size_t)-1 : item_byte(pi, brk + 1, 1);
        attach_anchors(c, pb, b0, b1, last, &li, line, &spans);
        para_ruby_line(c, pi, line, &spans, &li.above, &li.below);
        finish_line_geometry(line, &li);
        para_decor_line(c, pb, line, &spans);
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
    VEC_FREE(&spans);
}

static void pbuild_free(pbuild *pb)
{
    VEC_FREE(&pb->text);
    VEC_FREE(&pb->runs);
    VEC_FREE(&pb->styles);
    VEC_FREE(&pb->objs);
    VEC_FREE(&pb->links);
    VEC_FREE(&pb->decos);
    para_ruby_free(pb);
}

static int is_japanese(const char *lang)
{
    return lang && (lang[0] == 'j' || lang[0] == 'J') && (lang[1] == 'a' || lang[1] == 'A') &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/* Trailing spaces of a paragraph never show (XSL 1.1 §7.16.12), unless
 * white-space-treatment="preserve" keeps them (leading ones: para_items.c). */
static void trim_runs(pbuild *pb)
{
    while (pb->text.len && pb->text.v[pb->text.len - 1] == ' ' &&
           pb->styles.v[pb->styles.len - 1].props->white_space_treatment != 1) {
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
    pi.nowrap = bp->wrap_option == 0;
    VEC_PUSH(&pb.text, '\0');
    pb.text.len--;
    if (pb.text.len && shape_paragraph(c->text, pb.text.v, pb.text.len, pb.runs.v, pb.runs.len,
                                       &pi.sh, c->diags) != 0) {
        pbuild_free(&pb);
        return;
    }
    para_items_build(&pi, fo_len_resolve(bp->text_indent, ipd));
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
        if (res.overfull && pi.nowrap)
            diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, block->loc,
                     "%zu line(s) of this wrap-option=\"no-wrap\" block are wider than "
                     "the column and stick out (XSL 1.1 §7.16.13); shorten them or "
                     "break them with linefeeds", res.overfull);
        else if (res.overfull)
            diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, block->loc,
                     "%zu line(s) of this paragraph are wider than the column and "
                     "stick out (a long word, URL or number with no break "
                     "opportunity); allow a break or shorten it", res.overfull);
        emit_lines(c, v, &pi, &res, i0, ipd, keep_level);
    }
    linebreak_result_free(&res);
    shape_result_free(&pi.sh);
    free(pi.set);
    free(pi.ruby_at);
    free(pi.hyphens);
    VEC_FREE(&pi.items);
    VEC_FREE(&pi.src);
    pbuild_free(&pb);
}
