/* colset: the region-body as sets of columns.
 *
 * Design. A page's body is filled from its before edge in sets: a set of
 * column-count columns side by side, or one span="all" block as wide as
 * the body (XSL 1.1 §7.21.4). The pager ends a column where span content
 * begins or ends (vitem.span), so each set takes only what is its own.
 * A column set followed by span content on the same page, or ending the
 * flow in a region that balances (axf:column-fill; JLREQ 2.3.2 VT-6:
 * horizontal text balances, vertical text leaves the columns as they
 * fall), is balanced: the smallest column height at which the set's
 * content fits is found by binary search over measuring fills
 * (pager_simulate). The fill is first fit, so every column but the last
 * is filled up to that height and only the last one is short. Keeps and
 * widows make "fits" not strictly monotone in the height; the search
 * still ends on a height that fits (its upper bound always does). The
 * next set starts below the tallest column, on the next line of the
 * flow's grid. Content that does not fit below the sets already on the
 * page starts the next page; a span block taller than an empty page runs
 * off its bottom like any box taller than the page (paginate.c warns). */
#include "colset.h"
#include "grid.h"

int colset_balances(const fo_node *region_body)
{
    const fo_props *p = region_body->props;
    if (p->column_fill)
        return p->column_fill == 1; /* balance | auto */
    return p->writing_mode == FO_WM_LR_TB || p->writing_mode == FO_WM_RL_TB;
}

/* XSL 1.1 §7.14.4 display-align on region-body: the column's content
 * (the areas after mark) moves down into the room left above the notes. */
static void align_column(area *body, area *mark, mk_len room, fo_display_align da)
{
    mk_len shift = room <= 0 ? 0 : da == FO_DISPLAY_CENTER ? room / 2
                   : da == FO_DISPLAY_AFTER ? room : 0;
    for (area *a = mark ? mark->next : body->first; a && shift > 0; a = a->next)
        a->b += shift;
}

/* One column (or a span block) at col_i, top; returns its height. */
static mk_len fill_one(pager *p, area *body, const colset_geom *g, col_fill *f,
                       mk_len col_i, mk_len top, mk_len avail, uint8_t *brk)
{
    f->col_b = top;
    f->avail = avail;
    size_t before = f->notes.len;
    mk_len used = pager_fill_column(p, f, body, col_i, brk);
    for (size_t k = before; k < f->notes.len; k++)
        f->notes_h += vlist_height(f->notes.v[k]);
    if (before == 0 && f->notes.len)
        f->notes_h += g->separator_h;
    return used;
}

/* The smallest height of n columns that takes all of the set's content
 * (binary search over measuring fills), else avail. */
static mk_len balanced_height(pager *p, col_fill *f, int n, mk_len avail)
{
    mk_len lo = 0, hi = avail;
    while (hi - lo > 1) {
        mk_len mid = lo + (hi - lo) / 2;
        if (pager_simulate(p, f, n, mid))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* A set of columns from top; returns its tallest column's height, or -1
 * when the page ends with it (full, or broken), with *brk the break. */
static mk_len fill_columns(pager *p, area *body, const colset_geom *g, col_fill *f,
                           mk_len top, uint8_t *brk)
{
    mk_len avail = g->bpd - top, h = avail;
    mk_len colw = (g->ipd - (g->columns - 1) * g->gap) / g->columns;
    int balanced = 0;
    f->col_b = top;
    if (g->columns > 1) {
        int r = pager_simulate(p, f, g->columns, avail);
        if (r == 2 || (r == 1 && g->balance_last)) {
            h = balanced_height(p, f, g->columns, avail);
            balanced = 1;
        }
    }
    mk_len tallest = 0;
    for (int col = 0; col < g->columns && pager_next_span(p) == 0; col++) {
        f->may_be_empty = top > 0 && col == 0;
        area *mark = body->last;
        mk_len used = fill_one(p, body, g, f, col * (colw + g->gap), top, h, brk);
        if (f->empty)
            return -1;
        if (top == 0 && !balanced && g->grid == 0)
            align_column(body, mark, h - f->notes_h - used, g->align);
        if (used > tallest)
            tallest = used;
        if (*brk && *brk != FO_BREAK_COLUMN)
            return -1;
    }
    /* the set took all its content: span content (or nothing) follows */
    return pager_next_span(p) == 0 ? -1 : tallest;
}

uint8_t colset_fill(pager *p, area *body, const colset_geom *g, col_fill *f)
{
    uint8_t brk = 0;
    mk_len top = 0;
    while (!pager_done(p) && top < g->bpd) {
        mk_len used;
        if (pager_next_span(p) == 1) {
            f->span = 1;
            f->may_be_empty = top > 0;
            /* a spanning heading kept with the text below it does not stay
             * alone at the foot of the page (XSL 1.1 §4.8) */
            mk_len kept = pager_kept_after_span(p);
            f->col_b = top;
            if (top > 0 && kept > 0 && !pager_simulate(p, f, 1, g->bpd - top - kept))
                break;
            used = fill_one(p, body, g, f, 0, top, g->bpd - top, &brk);
            if (f->empty || (brk && brk != FO_BREAK_COLUMN))
                break;
        } else {
            f->span = 0;
            used = fill_columns(p, body, g, f, top, &brk);
            if (used < 0)
                break;
        }
        top = grid_snap(g->grid, 0, top + used); /* the next set starts on the grid */
    }
    f->span = 0;
    f->may_be_empty = 0;
    return brk;
}
