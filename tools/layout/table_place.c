/* table_place: a cell's laid-out content into the cell's area (internal
 * to the table files; see table.c for the design).
 *
 * A cell's blocks were laid out by blocks_layout into a vlist of their
 * own, with i in region coordinates and b unset. tplace walks such a
 * vlist, rebasing each prebuilt area into the cell (or into a nested
 * block's area, for blocks with borders or a background) at its block
 * position. A row that may break across pages (table_split.c) places
 * only a slice of each cell's items, once per page it reaches and once per
 * pagination pass, so placing an item first restores the area's position
 * as built (vitem.area_i) and unlinks it. */
#include <string.h>

#include "table_grid.h"

void table_add_id(lctx *c, vid **list, const char *id)
{
    if (!id || !*id)
        return;
    vid *v = ARENA_NEW(c->seq, vid);
    v->id = id;
    v->next = *list;
    *list = v;
}

void table_take_notes(lctx *c, vnote **list, const vitem *it)
{
    vnote **tail = list;   /* in order: footnotes are numbered already */
    while (*tail)
        tail = &(*tail)->next;
    for (const vnote *n = it->notes; n; n = n->next) {
        vnote *copy = ARENA_NEW(c->seq, vnote);
        copy->body = n->body;
        *tail = copy;
        tail = &copy->next;
    }
}

/* Copies the ids and footnotes of a cell's item to its row (copies, so
 * the lists of the cell's items are never relinked). */
static void take_anchors(tplace *pl, const vitem *it)
{
    for (const vid *d = it->ids; d; d = d->next)
        table_add_id(pl->c, pl->ids, d->id);
    if (pl->notes)
        table_take_notes(pl->c, pl->notes, it);
}

void table_add_dest(lctx *c, area *parent, const fo_node *fo, const char *id, mk_len i,
                    mk_len b)
{
    if (!id || !*id || id[0] == '\x01')
        return;
    area *d = lctx_area(c, AREA_DEST, fo);
    d->u.dest_id = id;
    d->i = i;
    d->b = b;
    area_append(parent, d);
}

void table_solid_range(const vlist *cv, size_t *lo, size_t *hi)
{
    *lo = *hi = 0;
    int seen = 0;
    for (size_t k = 0; k < cv->items.len; k++) {
        const vitem *it = &cv->items.v[k];
        int solid = it->kind == V_BOX || ((it->kind == V_OPEN || it->kind == V_CLOSE) && it->h > 0);
        if (!solid)
            continue;
        if (!seen)
            *lo = k;
        seen = 1;
        *hi = k + 1;
    }
}

static tframe *top(tplace *pl)
{
    return &pl->stack.v[pl->stack.len - 1];
}

int table_decorated(const vblock *b)
{
    for (int s = 0; s < 4; s++)
        if (b->border_w[s] > 0)
            return 1;
    return b->background.a != 0;
}

/* A nested block with borders or background gets its own area (one
 * piece: a row never breaks inside such a block); others only add their
 * edges to y. */
static void place_open(tplace *pl, const vitem *it)
{
    const vblock *b = it->blk;
    tframe f = *top(pl);
    if (table_decorated(b)) {
        area *a = lctx_area(pl->c, AREA_BLOCK, b->fo);
        a->fo = b->fo_name;
        a->background = b->background;
        memcpy(a->border_w, b->border_w, sizeof a->border_w);
        memcpy(a->border_style, b->border_style, sizeof a->border_style);
        memcpy(a->border_color, b->border_color, sizeof a->border_color);
        a->is_reference = b->reference;
        a->i = b->i - f.reg_i;
        a->b = pl->y - f.y0;
        a->ipd = b->ipd;
        area_append(f.a, a);
        f = (tframe){a, b->i, pl->y};
    }
    VEC_PUSH(&pl->stack, f);
    if (it->ids)
        table_add_dest(pl->c, f.a, it->fo, it->ids->id, b->i - f.reg_i, pl->y - f.y0);
    take_anchors(pl, it);
    pl->y += it->h;
}

static void place_close(tplace *pl, const vitem *it)
{
    pl->y += it->h;
    if (pl->stack.len <= 1)
        return; /* unbalanced marks (or a block opened in an earlier slice) */
    tframe f = *top(pl);
    pl->stack.len--;
    if (f.a != top(pl)->a)
        f.a->bpd = pl->y - f.y0;
}

/* A prebuilt area from blocks_layout: its i as built is in region
 * coordinates. */
static void place_area(tplace *pl, area *a, mk_len built_i)
{
    tframe *f = top(pl);
    a->parent = a->next = NULL;
    a->i = built_i - f->reg_i;
    a->b = pl->y - f->y0;
    area_append(f->a, a);
}

/* A row of a table nested in the cell that could break across pages
 * stands here whole: the cell around it is what breaks. */
static void place_split_row(tplace *pl, const vitem *it)
{
    area *a = vsplit_area(pl->c, it->split, 0, vsplit_height(it->split), pl->ids);
    place_area(pl, a, a->i);
}

void tplace_item(tplace *pl, const vlist *cv, size_t k, size_t lo, size_t hi)
{
    const vitem *it = &cv->items.v[k];
    switch (it->kind) {
    case V_BOX:
        if (it->split)
            place_split_row(pl, it);
        else if (it->area)
            place_area(pl, it->area, it->area_i);
        for (const vlabel *l = it->labels; l; l = l->next)
            place_area(pl, l->area, l->i); /* a list label beside its body's first line */
        take_anchors(pl, it);
        pl->y += it->h;
        break;
    case V_GLUE:
        if (k >= lo && k < hi)
            pl->y += it->h;
        break;
    case V_OPEN: place_open(pl, it); break;
    case V_CLOSE: place_close(pl, it); break;
    case V_PENALTY: break; /* breaks are the paginator's (table_split.c) */
    }
}

void tplace_skip(tplace *pl, const vlist *cv, size_t k, size_t lo, size_t hi)
{
    const vitem *it = &cv->items.v[k];
    if (it->kind == V_PENALTY || (it->kind == V_GLUE && (k < lo || k >= hi)))
        return;
    pl->y += it->h;
}
