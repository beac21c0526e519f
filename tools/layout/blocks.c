/* blocks: block-level FOs into the vlist (see lctx.h).
 *
 * Between two siblings goes one penalty (the strongest keep that applies,
 * or a forced break, also those of the last/first descendants, §4.8) and
 * the glue of their spaces; the paginator resolves adjacent glue (XSL 1.1
 * §4.3.1: forcing spaces add up, else the greatest precedence and then
 * the greatest length wins, see vspace_add) and drops it at page tops and
 * bottoms unless its conditionality is retain. Every block gets open/close
 * marks so that each page gets its own block area with the block's
 * borders and background. */
#include <string.h>

#include "grid.h"
#include "lctx.h"
#include "relayout.h"
#include "wmode.h"

static mk_len border_w(const fo_props *p, int side)
{
    const fo_border *b = &p->border[side];
    return b->style == FO_BORDER_NONE || b->style == FO_BORDER_HIDDEN ? 0 : b->width;
}

void blocks_decorate(vblock *b, const fo_node *n, mk_len content_i, mk_len content_ipd,
                     mk_len ref_ipd)
{
    const fo_props *p = n->props;
    /* XSL 1.1 §7.3: the absolute edge of each logical side (before, end,
     * after, start) in the block's writing mode; in tb-rl the before edge
     * is the right one and the start edge the top */
    static const int sides[4][4] = {
        [FO_WM_LR_TB] = {FO_TOP, FO_RIGHT, FO_BOTTOM, FO_LEFT},
        [FO_WM_RL_TB] = {FO_TOP, FO_LEFT, FO_BOTTOM, FO_RIGHT},
        [FO_WM_TB_RL] = {FO_RIGHT, FO_BOTTOM, FO_LEFT, FO_TOP},
        [FO_WM_TB_LR] = {FO_LEFT, FO_BOTTOM, FO_RIGHT, FO_TOP},
    };
    const int *side = sides[p->writing_mode & 3];
    for (int k = 0; k < 4; k++) {
        b->border_w[k] = border_w(p, side[k]);
        b->border_style[k] = p->border[side[k]].style;
        b->border_color[k] = p->border[side[k]].color;
    }
    int bs = side[AREA_BEFORE], as = side[AREA_AFTER];
    mk_len ps = fo_len_resolve(p->padding[side[AREA_START]], ref_ipd);
    mk_len pe = fo_len_resolve(p->padding[side[AREA_END]], ref_ipd);
    b->pad_before = fo_len_resolve(p->padding[bs], ref_ipd);
    b->pad_after = fo_len_resolve(p->padding[as], ref_ipd);
    /* XSL 1.1 §7.8.4, §7.8.31: what of the before/after border and
     * padding survives a page break inside the block */
    b->retain_border_before = !p->border[bs].discard;
    b->retain_border_after = !p->border[as].discard;
    b->retain_before = (b->retain_border_before ? b->border_w[AREA_BEFORE] : 0) +
                       (p->padding_discard[bs] ? 0 : b->pad_before);
    b->retain_after = (b->retain_border_after ? b->border_w[AREA_AFTER] : 0) +
                      (p->padding_discard[as] ? 0 : b->pad_after);
    b->i = content_i - ps - b->border_w[AREA_START];
    b->ipd = content_ipd + ps + pe + b->border_w[AREA_START] + b->border_w[AREA_END];
    b->background = p->background_color;
    b->fo = n;
    b->fo_name = fo_kind_name(n->kind);
    for (const fo_node *ch = n->first; ch; ch = ch->next)
        if (ch->kind == FO_MARKER) {
            b->markers = ch;
            break;
        }
}

static void add_id(lctx *c, vitem *it, const char *id)
{
    if (!id || !*id)
        return;
    vid *v = ARENA_NEW(c->seq, vid);
    v->id = id;
    v->next = it->ids;
    it->ids = v;
}

vitem *blocks_open(lctx *c, vlist *v, vblock *b)
{
    vitem *it = vlist_push(v, V_OPEN);
    it->blk = b;
    it->h = b->border_w[AREA_BEFORE] + b->pad_before;
    it->fo = b->fo;
    add_id(c, it, b->fo->props->id);
    return it;
}

void blocks_close(vlist *v, vblock *b)
{
    vitem *it = vlist_push(v, V_CLOSE);
    it->blk = b;
    it->h = b->border_w[AREA_AFTER] + b->pad_after;
    it->fo = b->fo;
}

/* A retrieve-marker stands for its marker's content: inline among text,
 * block-level among blocks. */
static int retrieve_is_inline(const fo_node *n)
{
    for (const fo_node *s = n->parent ? n->parent->first : NULL; s; s = s->next)
        if (s != n && (s->kind == FO_TEXT || (fo_is_inline(s) && s->kind != FO_WRAPPER)))
            return 1;
    return 0;
}

static int is_block_level(const fo_node *n)
{
    switch (n->kind) {
    case FO_BLOCK: case FO_BLOCK_CONTAINER: case FO_LIST_BLOCK: case FO_TABLE:
    case FO_TABLE_AND_CAPTION: case FO_FLOAT: case FO_LIST_ITEM:
        return 1;
    case FO_RETRIEVE_MARKER:
        return !retrieve_is_inline(n);
    case FO_WRAPPER:
        for (const fo_node *ch = n->first; ch; ch = ch->next)
            if (is_block_level(ch))
                return 1;
        return 0;
    default:
        return 0;
    }
}

/* XSL 1.1 §7.15.9 (and §5.3.2): a percentage of width or
 * inline-progression-dimension refers to the content rectangle of the
 * closest ancestor block area. Inside a reference area (a flow, a
 * block-container, a cell) that is the reference area itself; inside an
 * ordinary block it is narrower by the block's indents, which are measured
 * from the reference area's edges. So width="100%" on a table inside an
 * indented block ends at the block's end edge, as in FOP and AH Formatter. */
mk_len blocks_percent_base(const fo_node *n, mk_len ref_ipd)
{
    const fo_node *p = n->parent;
    while (p && p->kind == FO_WRAPPER) /* a wrapper makes no area */
        p = p->parent;
    if (!p)
        return ref_ipd;
    switch (p->kind) {
    case FO_BLOCK: case FO_LIST_BLOCK: case FO_LIST_ITEM: case FO_LIST_ITEM_LABEL:
    case FO_LIST_ITEM_BODY: case FO_TABLE_AND_CAPTION: case FO_TABLE_CAPTION:
    case FO_FOOTNOTE_BODY: {
        mk_len base = ref_ipd - fo_len_resolve(p->props->start_indent, ref_ipd) -
                      fo_len_resolve(p->props->end_indent, ref_ipd);
        return base < MK_PT ? MK_PT : base;
    }
    default:
        return ref_ipd;
    }
}

static void content_box(const fo_node *n, mk_len ref_i0, mk_len ref_ipd, mk_len *i, mk_len *ipd)
{
    mk_len si = fo_len_resolve(n->props->start_indent, ref_ipd);
    mk_len ei = fo_len_resolve(n->props->end_indent, ref_ipd);
    *i = ref_i0 + si;
    *ipd = ref_ipd - si - ei;
    if (*ipd < MK_PT)
        *ipd = MK_PT; /* indents wider than the column: keep a sliver, the paragraph warns */
}

static void layout_block(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                         mk_len ref_ipd, int keep_level)
{
    mk_len i, ipd;
    content_box(n, ref_i0, ref_ipd, &i, &ipd);
    vblock *b = ARENA_NEW(c->seq, vblock);
    blocks_decorate(b, n, i, ipd, ref_ipd);
    blocks_open(c, v, b);
    blocks_layout(c, v, n, ref_i0, ref_ipd, keep_level);
    blocks_close(v, b);
}

static void layout_container(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                             mk_len ref_ipd, int keep_level)
{
    const fo_props *p = n->props;
    if (wmode_orthogonal(n)) { /* a horizontal box on a vertical page, or the reverse */
        wmode_container(c, v, n, ref_i0, ref_ipd);
        return;
    }
    mk_len i, ipd;
    content_box(n, ref_i0, ref_ipd, &i, &ipd);
    fo_len w = wmode_ipd_prop(p), h = wmode_bpd_prop(p); /* in its own axes */
    if (!w.auto_)
        ipd = fo_len_resolve(w, blocks_percent_base(n, ref_ipd));
    vblock *b = ARENA_NEW(c->seq, vblock);
    blocks_decorate(b, n, i, ipd, ref_ipd);
    b->reference = 1;
    blocks_open(c, v, b);
    size_t open = v->items.len - 1, before = v->items.len;
    if (h.auto_) {
        blocks_layout(c, v, n, i, ipd, keep_level);
        blocks_close(v, b);
        return;
    }
    /* XSL 1.1 §6.5.3: a block-container of fixed height is one reference
     * area: it is not split across pages (keep its content together), and
     * display-align (§7.14.4) places the content inside it. Content taller
     * than the height overflows: the area grows (overflow is not clipped). */
    blocks_layout(c, v, n, i, ipd, VP_INF);
    mk_len want = fo_len_resolve(h, 0);
    mk_len free = want - vlist_span_height(v, before, v->items.len);
    if (free > 0) {
        mk_len shift = p->display_align == FO_DISPLAY_CENTER ? free / 2
                       : p->display_align == FO_DISPLAY_AFTER ? free : 0;
        v->items.v[open].h += shift; /* the content starts that much lower */
        vlist_box(v, NULL, free - shift, n);
    }
    blocks_close(v, b);
}

/* The first item from k on that is not a space or a break: spaces at the
 * top of a list item's label or body merge with the item's own. */
static size_t skip_spaces(const vlist *v, size_t k)
{
    while (k < v->items.len && (v->items.v[k].kind == V_GLUE || v->items.v[k].kind == V_PENALTY))
        k++;
    return k;
}

/* The label's lines stacked into one area (XSL 1.1 §6.8.5: the label
 * makes no area of its own; this one stands for the areas it returns).
 * Its i and ipd are the label's content rectangle, i in region
 * coordinates like every prebuilt area; its lines are placed relative to
 * it, spaces resolved as on a page. */
static area *list_label(lctx *c, const fo_node *label, mk_len ref_i0, mk_len ref_ipd)
{
    vlist *lv = vlist_new(c);
    mk_len grid = c->grid;
    c->grid = 0; /* stacked here, not by the paginator: the body's first line snaps */
    blocks_layout(c, lv, label, ref_i0, ref_ipd, VP_INF);
    c->grid = grid;
    area *lab = lctx_area(c, AREA_BLOCK, label);
    content_box(label, ref_i0, ref_ipd, &lab->i, &lab->ipd);
    size_t top = skip_spaces(lv, 0); /* the label's top is the item's (§6.8.3) */
    for (size_t k = top; k < lv->items.len; k++) {
        vitem *it = &lv->items.v[k];
        if (it->kind != V_BOX || !it->area)
            continue;
        /* the height of what comes before, and that box's pending space */
        it->area->b = vlist_span_height(lv, top, k);
        it->area->i -= lab->i;
        area_append(lab, it->area);
    }
    lab->bpd = vlist_span_height(lv, top, lv->items.len);
    VEC_FREE(&lv->items);
    return lab;
}

/* A list item: the body flows in the vlist; the label is stacked into one
 * area that rides beside the body's first box (XSL 1.1 §6.8.3); the
 * paginator puts it in the list item's area. */
static void layout_list_item(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                             mk_len ref_ipd, int keep_level)
{
    mk_len i, ipd;
    content_box(n, ref_i0, ref_ipd, &i, &ipd);
    vblock *b = ARENA_NEW(c->seq, vblock);
    blocks_decorate(b, n, i, ipd, ref_ipd);
    blocks_open(c, v, b);
    const fo_node *label = NULL, *body = NULL;
    for (const fo_node *ch = n->first; ch; ch = ch->next) {
        if (ch->kind == FO_LIST_ITEM_LABEL) label = ch;
        else if (ch->kind == FO_LIST_ITEM_BODY) body = ch;
    }
    size_t first = v->items.len;
    if (body)
        blocks_layout(c, v, body, ref_i0, ref_ipd, keep_level);
    area *lab = label ? list_label(c, label, ref_i0, ref_ipd) : NULL;
    size_t k = first;
    while (k < v->items.len && v->items.v[k].kind != V_BOX)
        k++;
    if (k == v->items.len) {
        vlist_box(v, NULL, lab ? lab->bpd : 0, n);
        k = v->items.len - 1;
    }
    if (lab) { /* after the labels of lists that start the body */
        vlabel **tail = &v->items.v[k].labels;
        while (*tail)
            tail = &(*tail)->next;
        *tail = ARENA_NEW(c->seq, vlabel);
        **tail = (vlabel){lab, lab->i, n, NULL};
    }
    /* the item is as tall as the taller of label and body (§6.8.3) */
    mk_len body_h = vlist_span_height(v, skip_spaces(v, first), v->items.len);
    if (lab && lab->bpd > body_h) {
        vlist_push(v, V_PENALTY)->penalty = VP_INF;
        vitem *g = vlist_push(v, V_BOX);
        g->h = lab->bpd - body_h;
        g->fo = n;
    }
    blocks_close(v, b);
}

static void layout_retrieved(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                             mk_len ref_ipd, int keep_level)
{
    const fo_node *m = static_find_marker(c, n);
    if (!m)
        return;
    /* XSL 1.1 §6.13.5: the marker's children take their inherited values
     * from the retrieve-marker's place. */
    fo_tree_recompute(c->tree, (fo_node *)m, n->parent->props, c->diags);
    ((fo_node *)m)->props = (fo_props *)n->parent->props;
    blocks_layout(c, v, m, ref_i0, ref_ipd, keep_level);
}

void blocks_layout_one(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                       mk_len ref_ipd, int keep_level)
{
    const fo_props *p = n->props;
    int kt = keep_penalty(&p->keep_together);
    int inner = kt > keep_level ? kt : keep_level;
    /* XSL 1.1 §7.21.4: a child of fo:flow with span="all" spans the
     * columns: it is composed at the region-body's width */
    int span = p->span_all && n->parent && n->parent->kind == FO_FLOW &&
               c->body_ipd > 0 && !c->in_span;
    mk_len saved_region = c->region_ipd;
    if (span) {
        ref_i0 = 0;
        ref_ipd = c->body_ipd;
        c->region_ipd = c->body_ipd;
        c->in_span = 1;
    }
    size_t from = v->items.len;
    grid_ctx g = grid_enter(c, n, ref_ipd);
    /* percentages (from margin-top/-bottom, §7.10.2) are of the
     * containing block's width; a block that takes whole grid lines
     * counts its spaces into them instead */
    if (!g.unit)
        vlist_space(v, &p->space_before, ref_ipd);
    switch (n->kind) {
    case FO_BLOCK: case FO_FLOAT:
        layout_block(c, v, n, ref_i0, ref_ipd, inner);
        break;
    case FO_BLOCK_CONTAINER:
        layout_container(c, v, n, ref_i0, ref_ipd, inner);
        break;
    case FO_LIST_BLOCK: /* its items lay themselves out (layout_list_item) */
        layout_block(c, v, n, ref_i0, ref_ipd, inner);
        break;
    case FO_LIST_ITEM:
        layout_list_item(c, v, n, ref_i0, ref_ipd, inner);
        break;
    case FO_TABLE: case FO_TABLE_AND_CAPTION:
        table_layout(c, v, n, ref_i0, ref_ipd, inner);
        break;
    case FO_RETRIEVE_MARKER:
        layout_retrieved(c, v, n, ref_i0, ref_ipd, inner);
        break;
    case FO_WRAPPER:
        blocks_layout(c, v, n, ref_i0, ref_ipd, inner);
        break;
    default:
        break;
    }
    if (!g.unit)
        vlist_space(v, &p->space_after, ref_ipd);
    grid_leave(c, v, from, n, &g);
    if (span) {
        for (size_t k = from; k < v->items.len; k++)
            v->items.v[k].span = 1;
        c->region_ipd = saved_region;
        c->in_span = 0;
    }
}

/* The last block-level child of n (markers aside), or NULL. */
static const fo_node *last_block_child(const fo_node *n)
{
    const fo_node *last = NULL;
    for (const fo_node *ch = n->first; ch; ch = ch->next)
        if (ch->kind != FO_MARKER)
            last = ch;
    return last && is_block_level(last) ? last : NULL;
}

static const fo_node *first_block_child(const fo_node *n)
{
    const fo_node *ch = n->first;
    while (ch && ch->kind == FO_MARKER)
        ch = ch->next;
    return ch && is_block_level(ch) ? ch : NULL;
}

/* XSL 1.1 §4.8: a keep-with-next or break-after of a block's last
 * descendant applies between the block and what follows it, as the
 * areas concerned are the same; first descendants likewise for
 * keep-with-previous. The first forced break found wins. */
static int32_t after_of(const fo_node *n, int32_t p, uint8_t *brk)
{
    for (; n; n = last_block_child(n)) {
        if (!*brk && n->props->break_after != FO_BREAK_AUTO)
            *brk = (uint8_t)n->props->break_after;
        int32_t k = keep_penalty(&n->props->keep_with_next);
        if (k > p) p = k;
    }
    return p;
}

static int32_t before_of(const fo_node *n, int32_t p, uint8_t *brk)
{
    /* break-before of a first child is handled where the child is laid out */
    if (n && !*brk && n->props->break_before != FO_BREAK_AUTO)
        *brk = (uint8_t)n->props->break_before;
    for (; n; n = first_block_child(n)) {
        int32_t k = keep_penalty(&n->props->keep_with_previous);
        if (k > p) p = k;
    }
    return p;
}

static int32_t between_penalty(const fo_node *prev, const fo_node *next, int keep_level,
                               uint8_t *brk)
{
    *brk = 0;
    int32_t p = after_of(prev, keep_level, brk);
    p = before_of(next, p, brk);
    return *brk ? VP_FORCE : p;
}

void blocks_layout(lctx *c, vlist *v, const fo_node *parent, mk_len ref_i0,
                   mk_len ref_ipd, int keep_level)
{
    const fo_node *prev = NULL;
    mk_len i, ipd;
    content_box(parent, ref_i0, ref_ipd, &i, &ipd);
    for (const fo_node *n = parent->first; n;) {
        if (n->kind == FO_MARKER) {
            n = n->next;
            continue;
        }
        uint8_t brk;
        int32_t pen = between_penalty(prev && is_block_level(prev) ? prev : NULL,
                                      is_block_level(n) ? n : NULL, keep_level, &brk);
        if (prev || pen <= VP_FORCE)
            vlist_penalty(v, pen, brk);
        if (pen <= VP_FORCE && !prev && v->items.len == 0) {
            /* a break-before on the very first block: keep it for the paginator */
            vitem *it = vlist_push(v, V_PENALTY);
            it->penalty = VP_FORCE;
            it->brk = brk;
        }
        if (is_block_level(n)) {
            blocks_layout_one(c, v, n, ref_i0, ref_ipd, keep_level);
            prev = n;
            n = n->next;
            continue;
        }
        const fo_node *last = n;
        while (last->next && !is_block_level(last->next) && last->next->kind != FO_MARKER)
            last = last->next;
        int cited_before = c->citations_seen;
        size_t start = v->items.len;
        c->citations_seen = 0;
        para_layout(c, v, parent, n, last, i, ipd, keep_level);
        grid_mark_lines(v, start, c->grid, parent);
        if (c->citations_seen)
            relayout_note(c, v, start, parent, n, last, i, ipd, keep_level);
        c->citations_seen |= cited_before;
        prev = last;
        n = last->next;
    }
}
