/* paginate: filling columns and pages from a vlist.
 *
 * Design. Breaking is first fit over the vlist's penalties: measure_column
 * walks forward from the first unplaced item, adding box heights, merged
 * glue (the largest of adjacent spaces, none at a column top) and the
 * footnotes the boxes cite, and remembers the last penalty below VP_INF.
 * When the next box does not fit, the column ends at that penalty. If no
 * such penalty exists since the column top, the keeps cannot all be
 * honoured: the column ends at the last penalty of any strength, with a
 * warning; and when not even one box fits (an image taller than the page),
 * that box is placed anyway, overflowing, with a warning, so every
 * document terminates (each column consumes at least one box).
 * place_column then builds the areas of the chosen items, re-opening on
 * each new column the block areas still open from the previous one (with
 * the table header repeated for tables). Total-fit page breaking is left
 * for later: first fit with widows/orphans/keeps already gives the
 * results print shops expect from FO formatters. */
#include <stdio.h>
#include <string.h>

#include "paginate.h"

typedef struct {
    vblock *blk;
    area *area;
    mk_len abs_i, abs_b;   /* the block area's border box in region coordinates */
} openblk;

struct pager {
    lctx *c;
    const vlist *v;
    size_t pos;
    VEC(vblock *) open;    /* blocks open at the current position */
};

pager *pager_new(lctx *c, const vlist *v)
{
    pager *p = ARENA_NEW(c->seq, pager);
    p->c = c;
    p->v = v;
    return p;
}

void pager_free(pager *p)
{
    VEC_FREE(&p->open);
}

int pager_done(const pager *p)
{
    for (size_t k = p->pos; k < p->v->items.len; k++)
        if (p->v->items.v[k].kind == V_BOX || p->v->items.v[k].kind == V_OPEN)
            return 0;
    return 1;
}

static mk_len notes_height(const vitem *it)
{
    mk_len h = 0;
    for (const vnote *n = it->notes; n; n = n->next)
        h += vlist_height(n->body);
    return h;
}

static mk_len header_height(const pager *p)
{
    mk_len h = 0;
    for (size_t k = 0; k < p->open.len; k++)
        if (p->open.v[k]->header)
            h += p->open.v[k]->header_h;
    return h;
}

/* The index of the penalty where the column ends (or the vlist's length),
 * and in *brk the break kind when it is forced. */
static size_t measure_column(pager *p, col_fill *f, uint8_t *brk)
{
    const vlist *v = p->v;
    mk_len y = header_height(p), glue = 0, notes = f->notes_h;
    int placed = 0;
    size_t best = (size_t)-1, any = (size_t)-1;
    *brk = 0;
    for (size_t k = p->pos; k < v->items.len; k++) {
        const vitem *it = &v->items.v[k];
        switch (it->kind) {
        case V_GLUE:
            if (placed && it->h > glue)
                glue = it->h;
            break;
        case V_OPEN: case V_CLOSE:
            if (it->h > 0) {
                y += glue + it->h;
                glue = 0;
            }
            break;
        case V_PENALTY:
            if (it->penalty <= VP_FORCE && placed) {
                *brk = it->brk ? it->brk : FO_BREAK_PAGE;
                return k;
            }
            if (placed && it->penalty < VP_INF)
                best = k;
            if (placed)
                any = k;
            break;
        case V_BOX: {
            mk_len nh = notes_height(it);
            mk_len sep = nh && !notes ? f->separator_h : 0;
            if (placed && y + glue + it->h + notes + nh + sep > f->avail) {
                if (best != (size_t)-1)
                    return best;
                if (any != (size_t)-1) {
                    diag_add(p->c->diags, DIAG_WARNING, STAGE_LAYOUT, it->fo ? it->fo->loc : (diag_loc){0},
                             "content kept together is taller than the page; it is "
                             "broken here (loosen keep-together or keep-with-next)");
                    return any;
                }
            }
            if (!placed && y + it->h > f->avail && it->h > 0)
                diag_add(p->c->diags, DIAG_WARNING, STAGE_LAYOUT, it->fo ? it->fo->loc : (diag_loc){0},
                         "this content is %.1fpt tall but the page body holds %.1fpt; "
                         "it is placed anyway and runs off the page (make it smaller)",
                         MK_TO_PT(it->h), MK_TO_PT(f->avail - y));
            y += glue + it->h;
            notes += nh + sep;
            glue = 0;
            placed = 1;
            break;
        }
        }
    }
    return v->items.len;
}

static void record_ids(pager *p, const vitem *it, col_fill *f)
{
    for (const vid *d = it->ids; d; d = d->next)
        idmap_put(p->c->ids, d->id, f->page_index, f->page_number);
}

static area *new_block_area(lctx *c, const vblock *b, int continued)
{
    area *a = lctx_area(c, AREA_BLOCK, b->fo);
    a->fo = b->fo_name;
    a->background = b->background;
    for (int s = 0; s < 4; s++) {
        a->border_w[s] = b->border_w[s];
        a->border_style[s] = b->border_style[s];
        a->border_color[s] = b->border_color[s];
    }
    /* XSL 1.1 §7.8.x conditionality discard: no before-border on a
     * continuation, no after-border before a break */
    if (continued)
        a->border_w[AREA_BEFORE] = 0;
    a->is_reference = b->reference;
    a->ipd = b->ipd;
    return a;
}

typedef struct {
    VEC(openblk) stack;
    area *region;          /* the column's container */
    mk_len col_i;          /* column offset inside the region */
    mk_len y, glue;
    int placed;
} placer;

static area *parent_area(placer *pl, mk_len *abs_i, mk_len *abs_b)
{
    if (pl->stack.len == 0) {
        *abs_i = -pl->col_i;
        *abs_b = 0;
        return pl->region;
    }
    openblk *o = &pl->stack.v[pl->stack.len - 1];
    *abs_i = o->abs_i;
    *abs_b = o->abs_b;
    return o->area;
}

static void put(placer *pl, area *a, mk_len i_abs, mk_len b_abs)
{
    mk_len pi, pb;
    area *parent = parent_area(pl, &pi, &pb);
    a->i = i_abs - pi;
    a->b = b_abs - pb;
    area_append(parent, a);
}

static void open_area(pager *p, placer *pl, vblock *b, int continued)
{
    area *a = new_block_area(p->c, b, continued);
    mk_len top = pl->y;
    put(pl, a, b->i, top);
    openblk o = {b, a, b->i, top};
    VEC_PUSH(&pl->stack, o);
}

static void close_area(placer *pl, mk_len bottom)
{
    openblk *o = &pl->stack.v[--pl->stack.len];
    o->area->bpd = bottom - o->abs_b;
}

static void place_header(pager *p, placer *pl, const vblock *b)
{
    for (size_t k = 0; k < b->header->items.len; k++) {
        const vitem *it = &b->header->items.v[k];
        if (it->kind == V_BOX && it->area) {
            area *a = area_clone(p->c->seq, it->area);
            put(pl, a, it->area->i, pl->y);
        }
        if (it->kind != V_PENALTY)
            pl->y += it->h;
    }
}

static void reopen(pager *p, placer *pl)
{
    for (size_t k = 0; k < p->open.len; k++) {
        vblock *b = p->open.v[k];
        open_area(p, pl, b, 1);
        if (b->header)
            place_header(p, pl, b);
    }
}

static void place_box(pager *p, placer *pl, const vitem *it, col_fill *f)
{
    pl->y += pl->glue;
    pl->glue = 0;
    if (it->area)
        put(pl, it->area, it->area->i, pl->y);
    if (it->attach)
        put(pl, it->attach, it->attach->i, pl->y);
    for (const vnote *n = it->notes; n; n = n->next)
        VEC_PUSH(&f->notes, n->body);
    record_ids(p, it, f);
    pl->y += it->h;
    pl->placed = 1;
}

static void place_open(pager *p, placer *pl, const vitem *it, col_fill *f)
{
    /* The pending space goes before the block's area. With no border or
     * padding before, it also stays pending, so that it merges with the
     * first child's space-before (XSL 1.1 §4.3.1): the child lands at the
     * larger of the two. */
    mk_len space = pl->glue;
    pl->y += space;
    open_area(p, pl, it->blk, 0);
    if (it->h > 0)
        pl->glue = 0;
    else
        pl->y -= space;
    VEC_PUSH(&p->open, it->blk);
    if (it->blk->markers)
        pager_marker_started(f, it->blk->markers);
    record_ids(p, it, f);
    if (it->ids && it->ids->id[0] != '\x01') {
        area *d = lctx_area(p->c, AREA_DEST, it->fo);
        d->u.dest_id = it->ids->id;
        area_append(pl->stack.v[pl->stack.len - 1].area, d);
    }
    pl->y += it->h;
}

static void place_close(pager *p, placer *pl, const vitem *it)
{
    if (it->h > 0) {
        pl->y += pl->glue;
        pl->glue = 0;
    }
    pl->y += it->h;
    if (pl->stack.len)
        close_area(pl, pl->y);
    if (p->open.len)
        p->open.len--;
}

mk_len pager_fill_column(pager *p, col_fill *f, area *region, mk_len col_i, uint8_t *brk)
{
    placer pl = {.region = region, .col_i = col_i};
    reopen(p, &pl);
    size_t end = measure_column(p, f, brk);
    for (size_t k = p->pos; k < end; k++) {
        const vitem *it = &p->v->items.v[k];
        switch (it->kind) {
        case V_BOX: place_box(p, &pl, it, f); break;
        case V_OPEN: place_open(p, &pl, it, f); break;
        case V_CLOSE: place_close(p, &pl, it); break;
        case V_GLUE:
            if (pl.placed && it->h > pl.glue)
                pl.glue = it->h;
            break;
        case V_PENALTY: break;
        }
    }
    while (pl.stack.len)
        close_area(&pl, pl.y);
    VEC_FREE(&pl.stack);
    p->pos = end < p->v->items.len ? end + 1 : end;
    return pl.y;
}

/* Places a whole vlist (static content, footnotes) from the top of
 * container, without breaking; returns its height. */
mk_len pager_place_all(lctx *c, const vlist *v, area *container, mk_len y0, col_fill *f)
{
    pager p = {.c = c, .v = v};
    placer pl = {.region = container, .y = y0};
    for (size_t k = 0; k < v->items.len; k++) {
        const vitem *it = &v->items.v[k];
        switch (it->kind) {
        case V_BOX: place_box(&p, &pl, it, f); break;
        case V_OPEN: place_open(&p, &pl, it, f); break;
        case V_CLOSE: place_close(&p, &pl, it); break;
        case V_GLUE:
            if (pl.placed && it->h > pl.glue)
                pl.glue = it->h;
            break;
        case V_PENALTY: break;
        }
    }
    while (pl.stack.len)
        close_area(&pl, pl.y);
    VEC_FREE(&pl.stack);
    VEC_FREE(&p.open);
    return pl.y - y0;
}
