/* paginate: filling columns and pages from a vlist.
 *
 * Design. Breaking is first fit over the vlist's penalties: measure_column
 * walks forward from the first unplaced item, adding box heights, resolved
 * glue (adjacent spaces resolved to one, §4.3.1; only retained ones at a
 * column top) and the footnotes the boxes cite, and remembers the last
 * penalty below VP_INF where a break leaves room for the retained after
 * border and padding of the blocks it splits.
 * When the next box does not fit, the column ends at that penalty. If no
 * such penalty exists since the column top, the keeps cannot all be
 * honoured: the column ends at the last penalty of any strength, with a
 * warning; and when not even one box fits (an image taller than the page),
 * that box is placed anyway, overflowing, with a warning, so every
 * document terminates (each column consumes at least one box).
 * A table row that may break (vitem.split, table_split.c) is the one box
 * that can be cut: when it does not fit, the column ends inside it at
 * the deepest cut that fits (pager.row_t remembers where the next
 * column goes on), and at a column top where no cut fits, at its nearest
 * cut, overflowing with the warning; measuring and placing take the
 * same cut, and so does a measuring pass (pager_simulate).
 * place_column then builds the areas of the chosen items, re-opening on
 * each new column the block areas still open from the previous one (with
 * the table header repeated for tables, and the before border and
 * padding only where retained, §7.8.4). Total-fit page breaking is left
 * for later: first fit with widows/orphans/keeps already gives the
 * results print shops expect from FO formatters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
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
    mk_len row_t;          /* the item at pos is a table row placed up to
                            * here on earlier pages (table_split.c), else 0 */
    mk_len cut_t;          /* measure_column: the column ends inside the
                            * row at its end, at this position; 0 = not */
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

uint8_t pager_leading_break(const pager *p)
{
    for (size_t k = p->pos; k < p->v->items.len; k++) {
        const vitem *it = &p->v->items.v[k];
        if (it->kind == V_PENALTY && it->penalty <= VP_FORCE)
            return it->brk;
        if (it->kind != V_GLUE && it->kind != V_PENALTY)
            return 0;
    }
    return 0;
}

static mk_len notes_height(const vitem *it)
{
    mk_len h = 0;
    for (const vnote *n = it->notes; n; n = n->next)
        h += vlist_height(n->body);
    return h;
}

/* What the blocks continued from the previous column take at its top:
 * repeated table headers and retained before border and padding. */
static mk_len reopen_height(const pager *p)
{
    mk_len h = 0;
    for (size_t k = 0; k < p->open.len; k++)
        h += (p->open.v[k]->header ? p->open.v[k]->header_h : 0) + p->open.v[k]->retain_before;
    return h;
}

/* measure_column's running state. */
typedef struct {
    mk_len y, notes;
    vspace glue;           /* spaces waiting for the next box or border */
    mk_len open_after;     /* retained after border+padding of the open blocks */
    int placed;
    size_t best, any;      /* last break below VP_INF, last break of any kind */
    size_t lastpen;        /* last penalty of any strength, forced ones too */
    mk_len cut;            /* the column ends inside a row, here (else 0) */
} mstate;

/* The line grid (grid.h), the same for measuring and placing: a block on
 * the grid opens on a grid line; a block taking whole grid lines opens
 * grid_lead below the first of them, its pending spaces counted in it.
 * Moves y to the top of the block's area and returns 1, else 0. */
static int grid_open(const vitem *it, mk_len col_b, mk_len *y, vspace *glue)
{
    if (!it->grid || it->kind != V_OPEN || !it->blk)
        return 0;
    mk_len space = vspace_len(glue);
    *glue = (vspace){0};
    if (it->blk->grid_total)
        *y = grid_snap(it->grid, col_b, *y) + it->blk->grid_lead;
    else
        *y = grid_snap(it->grid, col_b, *y + space);
    return 1;
}

/* The close mark of a block taking whole grid lines: the next grid line
 * after its last one follows (the area closes before that). */
static int grid_unit_close(const vitem *it)
{
    return it->grid && it->kind == V_CLOSE && it->blk && it->blk->grid_total;
}

static mk_len grid_after_unit(const vitem *it, mk_len col_b, mk_len bottom)
{
    return grid_snap(it->grid, col_b, bottom + it->blk->grid_trail);
}

static void measure_mark(const vitem *it, const col_fill *f, mstate *m)
{
    if (grid_open(it, f->col_b, &m->y, &m->glue)) {
        m->y += it->h;
    } else if (grid_unit_close(it)) {
        m->y = grid_after_unit(it, f->col_b, m->y + vspace_len(&m->glue) + it->h);
        m->glue = (vspace){0};
    } else if (it->h > 0) {
        m->y += vspace_len(&m->glue) + it->h;
        m->glue = (vspace){0};
    }
    if (it->blk)
        m->open_after += it->kind == V_OPEN ? it->blk->retain_after : -it->blk->retain_after;
}

/* A break here leaves y on the page, plus the retained after-parts of the
 * blocks it splits: feasible only if that fits (XSL 1.1 §7.8.4). */
static void measure_penalty(const vitem *it, size_t k, const col_fill *f, mstate *m)
{
    if (!m->placed)
        return;
    int room = m->open_after == 0 || m->y + m->notes + m->open_after <= f->avail;
    if (it->penalty < VP_INF && room)
        m->best = k;
    m->any = k;
}

static void warn_box(pager *p, const vitem *it, const col_fill *f, const mstate *m,
                     mk_len nh, mk_len sep)
{
    diag_loc loc = it->fo ? it->fo->loc : (diag_loc){0};
    if (f->quiet)
        return;
    if (m->y + it->h > f->avail && it->h > 0)
        diag_add(p->c->diags, DIAG_WARNING, STAGE_LAYOUT, loc,
                 "this content is %.1fpt tall but the page body holds %.1fpt; "
                 "it is placed anyway and runs off the page (make it smaller)",
                 MK_TO_PT(it->h), MK_TO_PT(f->avail - m->y));
    else if (nh > 0 && m->y + it->h + m->notes + nh + sep > f->avail)
        diag_add(p->c->diags, DIAG_WARNING, STAGE_LAYOUT, loc,
                 "the footnote cited here is %.1fpt tall and does not fit on the page "
                 "with its citation; it is placed below the text and runs off the "
                 "page (shorten the footnote)", MK_TO_PT(nh));
}

#define COLUMN_EMPTY ((size_t)-2)

/* A table row that does not fit whole (table_split.c): the part of it
 * that fits in room, ending the column inside the row (m->cut); at a
 * column top where no part fits, the smallest part, overflowing. Returns
 * 1 when the column ends inside the row. */
static int measure_split(pager *p, const vitem *it, mk_len t0, col_fill *f, mstate *m,
                         mk_len room, mk_len glue)
{
    mk_len h;
    int top = !m->placed && !f->may_be_empty; /* nothing else will fit better */
    mk_len t1 = room > 0 || top ? vsplit_cut(it->split, t0, room, top, &h) : t0;
    if (t1 == t0)
        return 0; /* the row moves on whole: the break before it */
    if (t1 >= vsplit_height(it->split))
        return 0; /* no break at all: placed whole, as any box */
    if (h > room) {
        f->overflow = 1;
        vitem part = *it;
        part.h = h;
        warn_box(p, &part, f, m, 0, 0);
    }
    m->y += glue + h;
    m->placed = 1;
    m->glue = (vspace){0};
    m->cut = t1;
    return 1;
}

/* Adds a box (item k); returns the penalty to end the column at when it
 * does not fit (or k when it ends inside a table row, m->cut),
 * COLUMN_EMPTY when not even the first box fits and f allows an empty
 * column, else (size_t)-1. */
static size_t measure_box(pager *p, const vitem *it, size_t k, col_fill *f, mstate *m)
{
    mk_len t0 = it->split && k == p->pos ? p->row_t : 0;
    mk_len nh = t0 ? 0 : notes_height(it); /* a row's notes go with its first part */
    mk_len sep = nh && !m->notes ? f->separator_h : 0;
    mk_len glue = vspace_len(&m->glue);
    if (it->grid) /* the line's top on the grid: the space before it is in that */
        glue = grid_snap(it->grid, f->col_b, m->y + glue) - m->y;
    mk_len h = it->split ? vsplit_rest(it->split, t0) : it->grid_adv ? it->grid_adv : it->h;
    int fits = m->y + glue + h + m->notes + nh + sep <= f->avail;
    if (!fits && it->split) {
        mk_len room = f->avail - m->y - glue - m->notes - nh - sep - m->open_after;
        if (measure_split(p, it, t0, f, m, room, glue)) {
            m->notes += nh + sep;
            return k;
        }
    }
    if (m->placed && !fits) {
        if (m->best != (size_t)-1)
            return m->best;
        if (m->any != (size_t)-1 && f->may_be_empty)
            return COLUMN_EMPTY; /* the kept content may start the next page whole */
        if (m->any != (size_t)-1) {
            f->overflow = 1; /* a broken keep: a balancing height must not need it */
            if (!f->quiet)
                diag_add(p->c->diags, DIAG_WARNING, STAGE_LAYOUT,
                         it->fo ? it->fo->loc : (diag_loc){0},
                         "content kept together is taller than the page; it is "
                         "broken here (loosen keep-together or keep-with-next)");
            return m->any;
        }
    }
    if (!m->placed && !fits) {
        if (f->may_be_empty)
            return COLUMN_EMPTY;
        f->overflow = 1;
    }
    if (!m->placed) {
        vitem whole = *it;
        whole.h = h;
        warn_box(p, &whole, f, m, nh, sep);
    }
    m->y += glue + h;
    m->notes += nh + sep;
    m->glue = (vspace){0};
    m->placed = 1;
    return (size_t)-1;
}

/* The index of the penalty where the column ends (or the vlist's length),
 * and in *brk the break kind when it is forced. */
static size_t measure_column(pager *p, col_fill *f, uint8_t *brk)
{
    const vlist *v = p->v;
    mstate m = {.y = reopen_height(p), .notes = f->notes_h, .best = (size_t)-1,
                .any = (size_t)-1, .lastpen = (size_t)-1};
    for (size_t k = 0; k < p->open.len; k++)
        m.open_after += p->open.v[k]->retain_after;
    *brk = 0;
    p->cut_t = 0;
    for (size_t k = p->pos; k < v->items.len; k++) {
        const vitem *it = &v->items.v[k];
        size_t end = (size_t)-1;
        if ((it->kind == V_BOX || it->kind == V_OPEN) && it->span != f->span && k > p->pos)
            /* span="all" content begins or ends: so does the column (also
             * when what came before holds no box: an empty block) */
            return m.lastpen != (size_t)-1 && m.lastpen >= p->pos ? m.lastpen : k - 1;
        switch (it->kind) {
        case V_GLUE:
            /* §4.3.1 rule 1: conditional spaces vanish at the column top */
            if (m.placed || it->retain)
                vspace_add(&m.glue, it);
            break;
        case V_OPEN: case V_CLOSE: measure_mark(it, f, &m); break;
        case V_PENALTY:
            m.lastpen = k;
            if (it->penalty <= VP_FORCE && m.placed)
                end = k;
            else
                measure_penalty(it, k, f, &m);
            break;
        case V_BOX: end = measure_box(p, it, k, f, &m); break;
        }
        if (end == COLUMN_EMPTY) {
            f->empty = 1;
            return p->pos;
        }
        if (end != (size_t)-1 && m.cut) {
            p->cut_t = m.cut;
            return end;
        }
        if (end != (size_t)-1) {
            const vitem *e = &v->items.v[end];
            if (e->penalty <= VP_FORCE)
                *brk = e->brk ? e->brk : FO_BREAK_PAGE;
            return end;
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
    /* XSL 1.1 §7.8.4 conditionality: a continuation keeps its before
     * border only when retained (the after border: close_broken) */
    if (continued && !b->retain_border_before)
        a->border_w[AREA_BEFORE] = 0;
    a->is_reference = b->reference;
    a->ipd = b->ipd;
    return a;
}

typedef struct {
    VEC(openblk) stack;
    area *region;          /* the column's container */
    mk_len col_i;          /* column offset inside the region */
    mk_len col_b;          /* … and its top */
    mk_len y;
    vspace glue;           /* spaces waiting for the next box or border */
    int placed;
    int grid;              /* the flow's columns: items snap to their grid */
} placer;

static area *parent_area(placer *pl, mk_len *abs_i, mk_len *abs_b)
{
    if (pl->stack.len == 0) {
        *abs_i = -pl->col_i;
        *abs_b = -pl->col_b;
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

/* The areas still open when the column ends continue on the next one: each
 * keeps only its retained after border and padding (XSL 1.1 §7.8.4). */
static void close_broken(placer *pl)
{
    while (pl->stack.len) {
        openblk *o = &pl->stack.v[pl->stack.len - 1];
        if (!o->blk->retain_border_after)
            o->area->border_w[AREA_AFTER] = 0;
        pl->y += o->blk->retain_after;
        close_area(pl, pl->y);
    }
}

static void place_glue(placer *pl, const vitem *it)
{
    /* §4.3.1 rule 1: conditional spaces vanish at the column top */
    if (pl->placed || it->retain)
        vspace_add(&pl->glue, it);
}

/* Moves y past the pending spaces. */
static void flush_glue(placer *pl)
{
    pl->y += vspace_len(&pl->glue);
    pl->glue = (vspace){0};
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

/* The blocks continued from the previous column get an area here too: the
 * page holds part of them, for page-number-citation-last (§6.6.12) and for
 * retrieve-position="first-including-carryover" (§7.24.4). */
static void reopen(pager *p, placer *pl, col_fill *f)
{
    for (size_t k = 0; k < p->open.len; k++) {
        vblock *b = p->open.v[k];
        open_area(p, pl, b, 1);
        pl->y += b->retain_before;
        if (b->header)
            place_header(p, pl, b);
        const char *id = b->fo->props->id;
        if (id && *id)
            idmap_put(p->c->ids, id, f->page_index, f->page_number);
        if (b->markers)
            pager_marker_carried(f, b->markers);
    }
}

/* The open list item whose label this is (else the innermost one). */
static int list_item_level(const placer *pl, const fo_node *item)
{
    int inner = -1;
    for (size_t k = pl->stack.len; k-- > 0;) {
        const fo_node *fo = pl->stack.v[k].blk->fo;
        if (fo == item)
            return (int)k;
        if (fo->kind == FO_LIST_ITEM && inner < 0)
            inner = (int)k;
    }
    return inner;
}

/* A list label rides on the first box of its body, level with it, and
 * belongs to the list item's area (XSL 1.1 §6.8.3). */
static void place_label(placer *pl, area *label, const fo_node *item_fo)
{
    int k = list_item_level(pl, item_fo);
    size_t depth = pl->stack.len;
    if (k >= 0)
        pl->stack.len = (size_t)k + 1;
    put(pl, label, label->i, pl->y);
    pl->stack.len = depth;
    area *item = label->parent;
    if (item && item->first != label) { /* first in the item: read before the body */
        area *prev = item->first;
        while (prev->next != label)
            prev = prev->next;
        prev->next = NULL;
        item->last = prev;
        label->next = item->first;
        item->first = label;
    }
}

/* The part [t0, t1) of a table row that may break (table_split.c);
 * returns its height. Ids in it belong to this page. */
static mk_len place_row_part(pager *p, placer *pl, const vitem *it, col_fill *f, mk_len t0,
                             mk_len t1)
{
    vid *ids = NULL;
    area *a = vsplit_area(p->c, it->split, t0, t1, &ids);
    put(pl, a, a->i, pl->y);
    vitem held = {.ids = ids};
    record_ids(p, &held, f);
    return a->bpd;
}

/* Places box it, or for a table row that may break, its part [t0, t1). */
static void place_box(pager *p, placer *pl, const vitem *it, col_fill *f, mk_len t0, mk_len t1)
{
    flush_glue(pl);
    if (pl->grid && it->grid)
        pl->y = grid_snap(it->grid, pl->col_b, pl->y);
    if (it->split) {
        pl->y += place_row_part(p, pl, it, f, t0, t1);
        pl->placed = 1;
        if (t0 > 0)
            return; /* its notes and ids went with its first part */
        for (const vnote *n = it->notes; n; n = n->next)
            VEC_PUSH(&f->notes, n->body);
        record_ids(p, it, f);
        return;
    }
    if (it->area)
        put(pl, it->area, it->area->i, pl->y);
    for (const vlabel *l = it->labels; l; l = l->next)
        place_label(pl, l->area, l->item);
    for (const vnote *n = it->notes; n; n = n->next)
        VEC_PUSH(&f->notes, n->body);
    record_ids(p, it, f);
    pl->y += pl->grid && it->grid_adv ? it->grid_adv : it->h;
    pl->placed = 1;
}

static void place_open(pager *p, placer *pl, const vitem *it, col_fill *f)
{
    /* The pending space goes before the block's area. With no border or
     * padding before, it also stays pending, so that it merges with the
     * first child's space-before (XSL 1.1 §4.3.1): the child lands at the
     * larger of the two. */
    mk_len space = vspace_len(&pl->glue);
    if (pl->grid && grid_open(it, pl->col_b, &pl->y, &pl->glue)) {
        open_area(p, pl, it->blk, 0);
    } else {
        pl->y += space;
        open_area(p, pl, it->blk, 0);
        if (it->h > 0)
            pl->glue = (vspace){0};
        else
            pl->y -= space;
    }
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

static void place_close(pager *p, placer *pl, const vitem *it, col_fill *f)
{
    if (it->blk && it->blk->markers)
        pager_marker_ended(f, it->blk->markers);
    int unit = pl->grid && grid_unit_close(it);
    if (it->h > 0 || unit)
        flush_glue(pl);
    pl->y += it->h;
    if (pl->stack.len)
        close_area(pl, pl->y);
    if (unit)
        pl->y = grid_after_unit(it, pl->col_b, pl->y);
    if (p->open.len)
        p->open.len--;
}

mk_len pager_fill_column(pager *p, col_fill *f, area *region, mk_len col_i, uint8_t *brk)
{
    placer pl = {.region = region, .col_i = col_i, .col_b = f->col_b, .grid = 1};
    f->empty = 0;
    f->overflow = 0;
    size_t end = measure_column(p, f, brk);
    if (f->empty)
        return 0;
    reopen(p, &pl, f);
    mk_len cut = p->cut_t;
    for (size_t k = p->pos; k < end || (cut && k == end); k++) {
        const vitem *it = &p->v->items.v[k];
        mk_len t0 = k == p->pos ? p->row_t : 0;
        mk_len t1 = k == end ? cut : it->split ? vsplit_height(it->split) : 0;
        switch (it->kind) {
        case V_BOX: place_box(p, &pl, it, f, t0, t1); break;
        case V_OPEN: place_open(p, &pl, it, f); break;
        case V_CLOSE: place_close(p, &pl, it, f); break;
        case V_GLUE: place_glue(&pl, it); break;
        case V_PENALTY: break;
        }
    }
    close_broken(&pl);
    VEC_FREE(&pl.stack);
    p->pos = cut || end >= p->v->items.len ? end : end + 1;
    p->row_t = cut; /* the row at end goes on in the next column */
    p->cut_t = 0;
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
        case V_BOX:
            place_box(&p, &pl, it, f, 0, it->split ? vsplit_height(it->split) : 0);
            break;
        case V_OPEN: place_open(&p, &pl, it, f); break;
        case V_CLOSE: place_close(&p, &pl, it, f); break;
        case V_GLUE: place_glue(&pl, it); break;
        case V_PENALTY: break;
        }
    }
    while (pl.stack.len)
        close_area(&pl, pl.y);
    VEC_FREE(&pl.stack);
    VEC_FREE(&p.open);
    return pl.y - y0;
}

mk_len pager_kept_after_span(const pager *p)
{
    const vitem *items = p->v->items.v;
    size_t k = p->pos, n = p->v->items.len;
    while (k < n && !items[k].span)
        k++;
    while (k < n && (items[k].span || items[k].kind == V_GLUE))
        k++;
    if (k == n || items[k].kind != V_PENALTY || items[k].penalty < VP_INF)
        return 0;
    for (; k < n; k++)
        if (items[k].kind == V_BOX)
            return items[k].h;
    return 0;
}

int pager_next_span(const pager *p)
{
    for (size_t k = p->pos; k < p->v->items.len; k++) {
        const vitem *it = &p->v->items.v[k];
        if (it->kind == V_BOX || it->kind == V_OPEN)
            return it->span;
    }
    return -1;
}

/* What placing items [pos, end) would do to the pager, without areas:
 * the blocks left open, and the footnotes the page then holds. */
static void skip_to(pager *p, size_t end, col_fill *f)
{
    size_t stop = p->cut_t ? end + 1 : end; /* a row cut at end: its first part */
    for (size_t k = p->pos; k < stop; k++) {
        const vitem *it = &p->v->items.v[k];
        if (it->kind == V_OPEN)
            VEC_PUSH(&p->open, it->blk);
        else if (it->kind == V_CLOSE && p->open.len)
            p->open.len--;
        else if (it->kind == V_BOX && it->notes && !(k == p->pos && p->row_t)) {
            if (!f->notes_h)
                f->notes_h += f->separator_h;
            f->notes_h += notes_height(it);
        }
    }
    p->pos = p->cut_t || end >= p->v->items.len ? end : end + 1;
    p->row_t = p->cut_t;
    p->cut_t = 0;
}

int pager_simulate(pager *p, const col_fill *f0, int n, mk_len h)
{
    size_t pos = p->pos;
    mk_len row_t = p->row_t;
    size_t open_len = p->open.len;
    vblock **open = malloc((open_len ? open_len : 1) * sizeof *open);
    if (!open)
        abort(); /* out of memory, as vec.h */
    if (open_len)
        memcpy(open, p->open.v, open_len * sizeof *open);
    col_fill f = *f0;
    f.quiet = 1;
    f.may_be_empty = 0;
    f.avail = h;
    int ok = 0;
    for (int col = 0; col < n; col++) {
        uint8_t brk;
        f.overflow = 0;
        size_t end = measure_column(p, &f, &brk);
        if (f.overflow)
            break;
        skip_to(p, end, &f);
        int next = pager_next_span(p);
        if (next != f.span) {
            ok = next < 0 ? 1 : 2;
            break;
        }
        if (brk && brk != FO_BREAK_COLUMN)
            break;
    }
    p->pos = pos;
    p->row_t = row_t;
    p->cut_t = 0;
    p->open.len = 0;
    for (size_t k = 0; k < open_len; k++)
        VEC_PUSH(&p->open, open[k]);
    free(open);
    return ok;
}
