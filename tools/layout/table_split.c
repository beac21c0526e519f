/* table_split: table rows that break across pages (XSL 1.1 §6.7.9, §4.8).
 *
 * Design. A row whose keep-together is auto goes into the vlist as one
 * box with a vsplit: the paginator asks it how tall the rest of the row
 * is from a position t, where to cut it to fit the room left, and for
 * the areas of a part [t0, t1). Positions are in the row's coordinates
 * as if unsplit (0 = the row's top, h = its bottom), so a row placed
 * whole is exactly the row table.c always built.
 *
 * Each cell has its own break list: the positions between lines and
 * blocks of its content where its vlist allows a break (widows, orphans
 * and keeps inside the cell stay VP_INF, so they hold), but never inside
 * a nested block with borders or a background (it has one area). A part
 * ending at t1 cuts each cell at the cell's last break at or before t1;
 * the next part resumes each cell where its content goes on (the space
 * after a break is dropped, as at a page top). The part is as tall as its
 * tallest cell slice; a cell whose content ended shows an empty rest.
 * Borders and padding at a cut edge are dropped (their conditionality
 * is discard; retain is not supported for cells). Footnotes cited in the
 * row go with its first part. display-align offsets stay as in the
 * unsplit row. */
#include <string.h>

#include "table_grid.h"

typedef struct {
    mk_len y;        /* the slice before the break ends here (row coords) */
    mk_len resume;   /* the slice after it starts here */
    size_t idx;      /* the first item of the slice after it */
} tbreak;

typedef struct {
    area proto;          /* the cell's area as unsplit, no children */
    const fo_node *fo;
    const vlist *content;
    mk_len out_b, out_a; /* collapsed borders reaching past the row */
    mk_len reg_i;        /* the cell's border box start, region coords */
    mk_len y_start;      /* the content's start, cell coords */
    mk_len tail;         /* the content's end, row coords */
    mk_len after;        /* border and padding after, inside the row */
    tbreak *brk;         /* brk[0] = the row's top */
    size_t nbrk;
} scell;

struct vsplit {
    area proto;          /* the row's area, no children */
    mk_len h;
    scell *cells;
    int ncells;
};

static mk_len min_len(mk_len a, mk_len b)
{
    return a < b ? a : b;
}

static mk_len max_len(mk_len a, mk_len b)
{
    return a > b ? a : b;
}

/* The breaks of a cell's content (count only when out is NULL). */
static size_t scan_breaks(const scell *sc, tbreak *out)
{
    const vlist *cv = sc->content;
    size_t lo, hi, n = 1;
    table_solid_range(cv, &lo, &hi);
    if (out)
        out[0] = (tbreak){0, 0, 0};
    tplace pl = {.y = sc->y_start};
    int depth = 0, seen = 0;
    for (size_t k = 0; k < cv->items.len; k++) {
        const vitem *it = &cv->items.v[k];
        if (it->kind == V_PENALTY && it->penalty < VP_INF && !depth && seen && k < hi) {
            mk_len resume = pl.y;
            for (size_t j = k + 1; j < hi && (cv->items.v[j].kind == V_GLUE ||
                                              cv->items.v[j].kind == V_PENALTY); j++)
                if (cv->items.v[j].kind == V_GLUE && j >= lo)
                    resume += cv->items.v[j].h;
            if (out)
                out[n] = (tbreak){pl.y - sc->out_b, resume - sc->out_b, k};
            n++;
        }
        if (it->kind == V_BOX)
            seen = 1;
        if ((it->kind == V_OPEN || it->kind == V_CLOSE) && it->blk && table_decorated(it->blk))
            depth += it->kind == V_OPEN ? 1 : -1;
        tplace_skip(&pl, cv, k, lo, hi);
    }
    return n;
}

/* Cell sc cut at t: its last break at or before t. */
static tbreak cut_at(const vsplit *s, const scell *sc, mk_len t)
{
    size_t len = sc->content->items.len;
    if (t >= s->h)
        return (tbreak){s->h, s->h, len};
    if (t >= sc->tail) { /* only the empty rest is left: cut anywhere */
        mk_len y = max_len(min_len(t, s->h - sc->after), sc->tail);
        return (tbreak){y, y, len};
    }
    tbreak best = sc->brk[0];
    for (size_t k = 1; k < sc->nbrk && sc->brk[k].y <= t; k++)
        best = sc->brk[k];
    return best;
}

/* Where the part starting at t0 resumes cell sc. */
static tbreak resume_at(const vsplit *s, const scell *sc, mk_len t0)
{
    return t0 <= 0 ? sc->brk[0] : cut_at(s, sc, t0);
}

mk_len vsplit_height(const vsplit *s)
{
    return s->h;
}

static mk_len part_height(const vsplit *s, mk_len t0, mk_len t1)
{
    if (t0 <= 0 && t1 >= s->h)
        return s->h; /* the whole row, as table.c measured it */
    mk_len h = 0;
    for (int j = 0; j < s->ncells; j++) {
        const scell *sc = &s->cells[j];
        h = max_len(h, cut_at(s, sc, t1).y - resume_at(s, sc, t0).resume);
    }
    return h;
}

mk_len vsplit_rest(const vsplit *s, mk_len t0)
{
    return part_height(s, t0, s->h);
}

/* The nearest position after t0 where some cell can be cut (a cell
 * whose content lags behind t0 does not count: cutting it there would
 * place its content again). */
static mk_len next_break(const vsplit *s, mk_len t0)
{
    mk_len t1 = s->h;
    for (int j = 0; j < s->ncells; j++) {
        const scell *sc = &s->cells[j];
        size_t at = resume_at(s, sc, t0).idx;
        if (at >= sc->content->items.len)
            continue;
        mk_len y = sc->tail;
        for (size_t k = 1; k < sc->nbrk; k++)
            if (sc->brk[k].idx > at && sc->brk[k].y > t0) {
                y = sc->brk[k].y;
                break;
            }
        if (y > t0)
            t1 = min_len(t1, y);
    }
    return t1;
}

/* At a column top: the furthest next break of the cells whose next piece
 * (a line or image up to their next break) is taller than room and so
 * never fits: the part goes that far, overflowing, rather than letting
 * the other cells crawl on by the few lines that fit beside it. */
static mk_len stuck_break(const vsplit *s, mk_len t0, mk_len room)
{
    mk_len t1 = t0;
    for (int j = 0; j < s->ncells; j++) {
        const scell *sc = &s->cells[j];
        tbreak from = resume_at(s, sc, t0);
        if (from.idx >= sc->content->items.len)
            continue;
        mk_len y = sc->tail;
        for (size_t k = 1; k < sc->nbrk; k++)
            if (sc->brk[k].idx > from.idx) {
                y = sc->brk[k].y;
                break;
            }
        if (y - from.resume > room && y > t1)
            t1 = y;
    }
    return t1;
}

/* t1 moved up to where the last content before it ends: cells whose
 * content ended before t1 would otherwise stretch the part with their
 * empty rest down to t1. */
static mk_len snug(const vsplit *s, mk_len t1)
{
    mk_len end = 0;
    for (int j = 0; j < s->ncells; j++) {
        const scell *sc = &s->cells[j];
        tbreak at = cut_at(s, sc, t1);
        end = max_len(end, at.idx >= sc->content->items.len ? min_len(sc->tail, t1) : at.y);
    }
    return end;
}

mk_len vsplit_cut(const vsplit *s, mk_len t0, mk_len room, int force, mk_len *h)
{
    /* every cell's slice must fit: the cell resumed highest limits t1 */
    int64_t t1 = s->h;
    for (int j = 0; j < s->ncells; j++)
        t1 = t1 < (int64_t)resume_at(s, &s->cells[j], t0).resume + room
                 ? t1 : (int64_t)resume_at(s, &s->cells[j], t0).resume + room;
    /* a part must carry content of some cell (a part showing only the
     * empty rest of finished cells beside a stuck one helps nobody),
     * unless only empty rests are left */
    int progress = 0, done = 1;
    for (int j = 0; j < s->ncells && t1 > t0; j++) {
        const scell *sc = &s->cells[j];
        tbreak from = resume_at(s, sc, t0);
        progress |= cut_at(s, sc, (mk_len)t1).idx > from.idx;
        done &= from.idx >= sc->content->items.len;
    }
    if (done && t1 > t0 && part_height(s, t0, (mk_len)t1) > 0)
        progress = 1;
    if (force && stuck_break(s, t0, room) > t1) {
        t1 = stuck_break(s, t0, room);
        progress = 1;
    }
    if (!progress) {
        if (!force) {
            *h = 0;
            return t0;
        }
        t1 = next_break(s, t0); /* > t0: every part moves t on */
    }
    if (t1 < s->h && snug(s, (mk_len)t1) > t0)
        t1 = snug(s, (mk_len)t1);
    *h = part_height(s, t0, (mk_len)t1);
    return (mk_len)t1;
}

/* The slice of one cell in the part [t0, t1). */
static void cell_part(lctx *c, const vsplit *s, const scell *sc, area *row, mk_len t0,
                      mk_len t1, mk_len h, vid **ids)
{
    int first = t0 <= 0, last = t1 >= s->h;
    tbreak from = resume_at(s, sc, t0), to = cut_at(s, sc, t1);
    area *a = lctx_area(c, AREA_BLOCK, sc->fo);
    *a = sc->proto;
    a->first = a->last = a->parent = a->next = NULL;
    if (!first) {
        a->b = 0;
        a->border_w[AREA_BEFORE] = 0;
    }
    if (!last)
        a->border_w[AREA_AFTER] = 0;
    a->bpd = h + (first ? sc->out_b : 0) + (last ? sc->out_a : 0);
    area_append(row, a);
    if (first)
        table_add_dest(c, a, sc->fo, sc->fo->props->id, 0, 0);
    /* content at from.resume (row coords) lands at the top of a
     * continued part: its border and padding before are dropped */
    tplace pl = {.c = c, .ids = ids, .y = sc->y_start};
    tframe f = {a, sc->reg_i, first ? 0 : from.resume + sc->out_b};
    VEC_PUSH(&pl.stack, f);
    const vlist *cv = sc->content;
    size_t lo, hi;
    table_solid_range(cv, &lo, &hi);
    for (size_t k = 0; k < to.idx && k < cv->items.len; k++) {
        if (k < from.idx)
            tplace_skip(&pl, cv, k, lo, hi);
        else
            tplace_item(&pl, cv, k, lo, hi);
    }
    VEC_FREE(&pl.stack);
}

area *vsplit_area(lctx *c, const vsplit *s, mk_len t0, mk_len t1, vid **ids)
{
    mk_len h = part_height(s, t0, t1);
    area *row = lctx_area(c, AREA_BLOCK, NULL);
    *row = s->proto;
    row->first = row->last = row->parent = row->next = NULL;
    row->bpd = h;
    for (int j = 0; j < s->ncells; j++)
        cell_part(c, s, &s->cells[j], row, t0, t1, h, ids);
    return row;
}

vsplit *tsplit_new(lctx *c, const area *row, const tsplit_cell *cells, int n)
{
    vsplit *s = ARENA_NEW(c->seq, vsplit);
    s->proto = *row;
    s->h = row->bpd;
    s->ncells = n;
    s->cells = ARENA_ARRAY(c->seq, scell, n > 0 ? n : 1);
    for (int j = 0; j < n; j++) {
        const tsplit_cell *in = &cells[j];
        scell *sc = &s->cells[j];
        sc->proto = *in->proto;
        sc->fo = in->fo;
        sc->content = in->content;
        sc->out_b = in->out_b;
        sc->out_a = in->out_a;
        sc->reg_i = in->reg_i;
        sc->y_start = in->y_start;
        sc->tail = in->y_start + in->content_h - in->out_b;
        sc->after = in->after;
        sc->nbrk = scan_breaks(sc, NULL);
        sc->brk = ARENA_ARRAY(c->seq, tbreak, sc->nbrk);
        scan_breaks(sc, sc->brk);
    }
    return s;
}
