/* blocks: block-level FOs into the vlist (see lctx.h).
 *
 * Between two siblings goes one penalty (the strongest keep that applies,
 * or a forced break) and the glue of their spaces; the paginator merges
 * adjacent glue by taking the largest (XSL 1.1 §4.3.1 space resolution,
 * without precedence) and drops it at page tops and bottoms
 * (conditionality discard). Every block gets open/close marks so that
 * each page gets its own block area with the block's borders and
 * background. */
#include <string.h>

#include "lctx.h"

static mk_len border_w(const fo_props *p, int side)
{
    const fo_border *b = &p->border[side];
    return b->style == FO_BORDER_NONE || b->style == FO_BORDER_HIDDEN ? 0 : b->width;
}

void blocks_decorate(vblock *b, const fo_node *n, mk_len content_i, mk_len content_ipd,
                     mk_len ref_ipd)
{
    const fo_props *p = n->props;
    /* lr-tb: before = top, end = right, after = bottom, start = left */
    static const int side[4] = {FO_TOP, FO_RIGHT, FO_BOTTOM, FO_LEFT};
    for (int k = 0; k < 4; k++) {
        b->border_w[k] = border_w(p, side[k]);
        b->border_style[k] = p->border[side[k]].style;
        b->border_color[k] = p->border[side[k]].color;
    }
    mk_len ps = fo_len_resolve(p->padding[FO_LEFT], ref_ipd);
    mk_len pe = fo_len_resolve(p->padding[FO_RIGHT], ref_ipd);
    b->pad_before = fo_len_resolve(p->padding[FO_TOP], ref_ipd);
    b->pad_after = fo_len_resolve(p->padding[FO_BOTTOM], ref_ipd);
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

static vitem *open_block(lctx *c, vlist *v, vblock *b)
{
    vitem *it = vlist_push(v, V_OPEN);
    it->blk = b;
    it->h = b->border_w[AREA_BEFORE] + b->pad_before;
    it->fo = b->fo;
    add_id(c, it, b->fo->props->id);
    return it;
}

static void close_block(vlist *v, vblock *b)
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
    open_block(c, v, b);
    blocks_layout(c, v, n, ref_i0, ref_ipd, keep_level);
    close_block(v, b);
}

static void layout_container(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                             mk_len ref_ipd, int keep_level)
{
    const fo_props *p = n->props;
    mk_len i, ipd;
    content_box(n, ref_i0, ref_ipd, &i, &ipd);
    if (!p->width.auto_)
        ipd = fo_len_resolve(p->width, ref_ipd);
    vblock *b = ARENA_NEW(c->seq, vblock);
    blocks_decorate(b, n, i, ipd, ref_ipd);
    b->reference = 1;
    open_block(c, v, b);
    size_t before = v->items.len;
    blocks_layout(c, v, n, i, ipd, keep_level);
    mk_len h = 0;
    for (size_t k = before; k < v->items.len; k++)
        h += v->items.v[k].kind == V_PENALTY ? 0 : v->items.v[k].h;
    mk_len want = p->height.auto_ ? 0 : fo_len_resolve(p->height, 0);
    if (want > h)
        vlist_glue(v, want - h, 0);
    close_block(v, b);
}

/* A list item: the body flows in the vlist; the label is stacked into one
 * area that rides beside the body's first box (XSL 1.1 §6.8.3). */
static void layout_list_item(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                             mk_len ref_ipd, int keep_level)
{
    mk_len i, ipd;
    content_box(n, ref_i0, ref_ipd, &i, &ipd);
    vblock *b = ARENA_NEW(c->seq, vblock);
    blocks_decorate(b, n, i, ipd, ref_ipd);
    open_block(c, v, b);
    const fo_node *label = NULL, *body = NULL;
    for (const fo_node *ch = n->first; ch; ch = ch->next) {
        if (ch->kind == FO_LIST_ITEM_LABEL) label = ch;
        else if (ch->kind == FO_LIST_ITEM_BODY) body = ch;
    }
    size_t first = v->items.len;
    if (body)
        blocks_layout(c, v, body, ref_i0, ref_ipd, keep_level);
    area *lab = NULL;
    if (label) {
        vlist *lv = vlist_new(c);
        blocks_layout(c, lv, label, ref_i0, ref_ipd, VP_INF);
        lab = lctx_area(c, AREA_BLOCK, label);
        mk_len y = 0;
        for (size_t k = 0; k < lv->items.len; k++) {
            vitem *it = &lv->items.v[k];
            if (it->kind == V_BOX && it->area) {
                it->area->b = y;
                area_append(lab, it->area);
            }
            if (it->kind != V_PENALTY)
                y += it->h;
        }
        lab->bpd = y;
        VEC_FREE(&lv->items);
    }
    size_t k = first;
    while (k < v->items.len && v->items.v[k].kind != V_BOX)
        k++;
    if (k == v->items.len) {
        vlist_box(v, NULL, lab ? lab->bpd : 0, n);
        k = v->items.len - 1;
    }
    v->items.v[k].attach = lab;
    /* the item is as tall as the taller of label and body (§6.8.3) */
    mk_len body_h = 0;
    for (size_t j = first; j < v->items.len; j++)
        body_h += v->items.v[j].kind == V_PENALTY ? 0 : v->items.v[j].h;
    if (lab && lab->bpd > body_h) {
        vlist_push(v, V_PENALTY)->penalty = VP_INF;
        vitem *g = vlist_push(v, V_BOX);
        g->h = lab->bpd - body_h;
        g->fo = n;
    }
    close_block(v, b);
}

static void layout_list(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                        mk_len ref_ipd, int keep_level)
{
    mk_len i, ipd;
    content_box(n, ref_i0, ref_ipd, &i, &ipd);
    vblock *b = ARENA_NEW(c->seq, vblock);
    blocks_decorate(b, n, i, ipd, ref_ipd);
    open_block(c, v, b);
    blocks_layout(c, v, n, ref_i0, ref_ipd, keep_level);
    close_block(v, b);
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

static mk_len space_of(const fo_space *s)
{
    return fo_len_resolve(s->opt, 0);
}

void blocks_layout_one(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                       mk_len ref_ipd, int keep_level)
{
    const fo_props *p = n->props;
    int kt = keep_penalty(&p->keep_together);
    int inner = kt > keep_level ? kt : keep_level;
    vlist_glue(v, space_of(&p->space_before), p->space_before.discard);
    switch (n->kind) {
    case FO_BLOCK: case FO_FLOAT:
        layout_block(c, v, n, ref_i0, ref_ipd, inner);
        break;
    case FO_BLOCK_CONTAINER:
        layout_container(c, v, n, ref_i0, ref_ipd, inner);
        break;
    case FO_LIST_BLOCK:
        layout_list(c, v, n, ref_i0, ref_ipd, inner);
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
    vlist_glue(v, space_of(&p->space_after), p->space_after.discard);
}

static int32_t between_penalty(const fo_node *prev, const fo_node *next, int keep_level,
                               uint8_t *brk)
{
    *brk = 0;
    if (prev && prev->props->break_after != FO_BREAK_AUTO) {
        *brk = (uint8_t)prev->props->break_after;
        return VP_FORCE;
    }
    if (next && next->props->break_before != FO_BREAK_AUTO) {
        *brk = (uint8_t)next->props->break_before;
        return VP_FORCE;
    }
    int32_t p = keep_level;
    if (prev) {
        int32_t k = keep_penalty(&prev->props->keep_with_next);
        if (k > p) p = k;
    }
    if (next) {
        int32_t k = keep_penalty(&next->props->keep_with_previous);
        if (k > p) p = k;
    }
    return p;
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
        para_layout(c, v, parent, n, last, i, ipd, keep_level);
        prev = last;
        n = last->next;
    }
}
