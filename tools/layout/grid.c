/* grid: the line grid while the flow's vlist is built (see grid.h). */
#include "grid.h"

/* Line heights are halved into leading above and below in whole units,
 * so a line can come out a unit or two shorter or taller than its
 * line-height: a top that far past a grid line counts as on it. */
#define GRID_TOLERANCE 16

enum { GRID_NORMAL, GRID_NONE, GRID_NEW, GRID_ROOT };

static mk_len checked_pitch(lctx *c, const fo_node *n, mk_len pitch)
{
    if (pitch >= GRID_MIN_PITCH && (c->body_bpd <= 0 || pitch <= c->body_bpd))
        return pitch;
    if (pitch < GRID_MIN_PITCH)
        diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                 "the line grid's pitch (the line-height, %.2fpt) is below 1pt; the "
                 "text is set without a grid (give a larger line-height)",
                 MK_TO_PT(pitch));
    else
        diag_add(c->diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                 "the line grid's pitch (the line-height, %.1fpt) is taller than the "
                 "page body (%.1fpt); the text is set without a grid (give a smaller "
                 "line-height)", MK_TO_PT(pitch), MK_TO_PT(c->body_bpd));
    return 0;
}

/* fo:root's line-height, checked once per sequence (-1: not yet). */
static mk_len root_pitch(lctx *c)
{
    if (c->root_grid < 0) {
        const fo_node *root = c->tree->root;
        c->root_grid = checked_pitch(c, root, root->props->line_height);
    }
    return c->root_grid;
}

static mk_len pitch_of(lctx *c, const fo_node *n, mk_len parent)
{
    switch (n->props->baseline_grid) {
    case GRID_NONE: return 0;
    case GRID_NEW: return checked_pitch(c, n, n->props->line_height);
    case GRID_ROOT: return root_pitch(c);
    default: return parent;
    }
}

mk_len grid_flow_pitch(lctx *c, const fo_node *flow, mk_len body_bpd)
{
    c->body_bpd = body_bpd;
    c->root_grid = -1;
    const fo_node *seq = flow->parent;
    /* at the top, "normal" means no grid: fo:root sets none by itself */
    if (flow->props->baseline_grid != GRID_NORMAL || !seq)
        return pitch_of(c, flow, 0);
    return pitch_of(c, seq, 0);
}

/* A block of text directly: its lines are what a grid would snap. */
static int holds_text(const fo_node *n)
{
    for (const fo_node *ch = n->first; ch; ch = ch->next)
        if (ch->kind == FO_TEXT || (fo_is_inline(ch) && ch->kind != FO_WRAPPER))
            return 1;
    return 0;
}

/* The FOs that make a vblock of their own (blocks.c, table.c). */
static int makes_block(const fo_node *n)
{
    switch (n->kind) {
    case FO_BLOCK: case FO_BLOCK_CONTAINER: case FO_LIST_BLOCK: case FO_TABLE:
    case FO_TABLE_AND_CAPTION: case FO_FLOAT:
        return 1;
    default:
        return 0;
    }
}

grid_ctx grid_enter(lctx *c, const fo_node *n, mk_len ref_ipd)
{
    grid_ctx g = {.parent = c->grid};
    g.inner = pitch_of(c, n, c->grid);
    if (g.parent > 0 && makes_block(n)) {
        if (g.inner != g.parent) {
            g.unit = 1;  /* off the grid, or on another pitch */
        } else if (n->kind == FO_TABLE || n->kind == FO_TABLE_AND_CAPTION ||
                   (n->props->baseline_grid == GRID_NORMAL && holds_text(n) &&
                    n->props->line_height != g.parent)) {
            /* a table, or text in another size: gyo-dori (JLREQ 4.1.6) */
            g.unit = 1;
        }
        g.snap = n->props->baseline_block_snap;
        if (g.unit && (g.snap & GRID_SNAP_NONE)) {
            g.unit = 0; /* set where it falls; the next grid line follows it */
            g.inner = 0;
        }
    }
    if (g.unit) {
        /* its height in lines is known only from its content as built:
         * nothing inside snaps (a grid of its own would change it) */
        g.inner = 0;
        g.space_before = fo_len_resolve(n->props->space_before.opt, ref_ipd);
        g.space_after = fo_len_resolve(n->props->space_after.opt, ref_ipd);
    }
    c->grid = g.inner;
    return g;
}

/* n's open mark in [from, len), and its close mark. */
static int find_marks(const vlist *v, size_t from, const fo_node *n, size_t *open, size_t *close)
{
    size_t k = from;
    while (k < v->items.len && !(v->items.v[k].kind == V_OPEN && v->items.v[k].blk &&
                                 v->items.v[k].blk->fo == n))
        k++;
    if (k == v->items.len)
        return 0;
    const vblock *b = v->items.v[k].blk;
    *open = k;
    for (size_t j = v->items.len; j-- > k;)
        if (v->items.v[j].kind == V_CLOSE && v->items.v[j].blk == b) {
            *close = j;
            return 1;
        }
    return 0;
}

/* JLREQ 4.1.6-4.1.8: the block with its spaces takes whole lines of the
 * grid around it, its border box centred in them. */
static void make_unit(vlist *v, size_t open, size_t close, const grid_ctx *g)
{
    mk_len pitch = g->parent;
    mk_len box = vlist_span_height(v, open, close + 1);
    int64_t want = (int64_t)g->space_before + box + g->space_after;
    int64_t lines = (want + pitch - 1) / pitch;
    if (lines < 1)
        lines = 1;
    int64_t total = lines * pitch;
    if (total > MK_LEN_MAX)
        total = MK_LEN_MAX;
    /* axf:baseline-block-snap: the border box (or with margin-box, the
     * box and its spaces) at the start, the end or the middle */
    int margin = (g->snap & GRID_SNAP_MARGIN_BOX) != 0;
    int64_t room = total - box, lead;
    if (g->snap & GRID_SNAP_BEFORE)
        lead = margin ? g->space_before : 0;
    else if (g->snap & GRID_SNAP_AFTER)
        lead = room - (margin ? g->space_after : 0);
    else if (margin)
        lead = g->space_before + (total - want) / 2;
    else
        lead = room / 2;
    if (lead > room)
        lead = room;
    if (lead < 0)
        lead = 0;
    vblock *b = v->items.v[open].blk;
    b->grid_total = (mk_len)total;
    b->grid_lead = (mk_len)lead;
    b->grid_trail = (mk_len)(room - lead);
    v->items.v[open].grid = pitch;
    v->items.v[close].grid = pitch;
}

void grid_leave(lctx *c, vlist *v, size_t from, const fo_node *n, const grid_ctx *g)
{
    c->grid = g->parent;
    size_t open, close;
    if (g->parent <= 0 || !find_marks(v, from, n, &open, &close))
        return;
    if (g->unit)
        make_unit(v, open, close, g);
    else if (g->inner == g->parent)
        v->items.v[open].grid = g->parent; /* the block's area starts on a grid line */
}

/* JLREQ 2.5.2 (GR-2): smaller inline text, ruby and emphasis dots do not
 * move the grid. A line taller than the pitch takes the grid lines its
 * height needs less the leading of the block's text (pitch minus its
 * font-size, where nothing of the next line's glyphs is): more only when
 * it holds something really tall, an image or larger text. */
void grid_mark_lines(vlist *v, size_t from, mk_len pitch, const fo_node *block)
{
    mk_len slack = pitch - block->props->font_size;
    if (slack < 0)
        slack = 0;
    for (size_t k = from; k < v->items.len; k++) {
        vitem *it = &v->items.v[k];
        if (it->kind != V_BOX)
            continue;
        it->grid = pitch;
        it->grid_adv = 0;
        if (pitch <= 0 || it->h <= pitch)
            continue;
        int64_t lines = ((int64_t)it->h - slack + pitch - 1) / pitch;
        if (lines < 1)
            lines = 1;
        if (lines * pitch < it->h)
            it->grid_adv = (mk_len)(lines * pitch);
    }
}

mk_len grid_snap(mk_len pitch, mk_len col_b, mk_len y)
{
    if (pitch <= 0)
        return y;
    int64_t pos = (int64_t)col_b + y;
    int64_t r = pos % pitch;
    if (r < 0)
        r += pitch;
    if (r == 0)
        return y;
    if (r <= GRID_TOLERANCE)
        return (mk_len)(y - r);
    int64_t out = (int64_t)y + (pitch - r);
    return out > MK_LEN_MAX ? MK_LEN_MAX : (mk_len)out;
}
