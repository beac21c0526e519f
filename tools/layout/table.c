/* table: fo:table and fo:table-and-caption into the vlist (XSL 1.1 §6.7).
 *
 * Design. A table becomes one box per row, between the open and close
 * marks of the table's block; the paginator breaks between rows and
 * repeats the header rows (vblock.header) at the top of every
 * continuation page. A row whose keep-together is auto (not a header or
 * footer row, not joined to another by a row-spanning cell) is a box
 * with a vsplit instead of prebuilt areas: the paginator may also break
 * it between the lines of its cells (table_split.c). The steps:
 *
 *   1. the grid (table_grid.c): every cell gets its row and column in an
 *      occupancy map (spans, column-number, cells straight in a body);
 *   2. column widths: fixed and % widths, proportional-column-width(),
 *      and an equal share of the rest for columns without a width;
 *   3. borders: collapsed per grid line (the wider wins, CSS 2.1
 *      §17.6.2.1), or each cell's own in the separate model;
 *   4. each cell's content is laid out by blocks_layout at the cell's
 *      content width into a vlist of its own;
 *   5. row heights: the tallest single-row cell, at least the row's
 *      height; a row-spanning cell taller than its rows grows the last;
 *   6. areas: a row area per row with its cell areas (relative to it),
 *      the cell content's prebuilt areas rebased into the cells
 *      (table_place.c); for a breakable row, its vsplit, which builds
 *      them for each part the paginator places;
 *   7. the vlist: open, rows with keeps between them, close.
 *
 * Trade-offs, said once: a kept row, or rows joined by a row-spanning
 * cell, never split (taller than the page, they are placed by the
 * paginator with a warning); the footer comes
 * only at the end of the table, not before each break; table-layout
 * "auto" (columns sized by their content) is laid out as "fixed";
 * caption-side is always before; blocks nested in a cell keep their
 * borders and backgrounds, and a row does not break inside such a block
 * (it has one area); breaks forced inside a cell (break-before) are
 * ordinary break opportunities there. */
#include <string.h>

#include "table_grid.h"
#include "wmode.h"

/* ---- small helpers ---------------------------------------------------------- */

static mk_len max_len(mk_len a, mk_len b)
{
    return a > b ? a : b;
}

/* The deep copy of a header row repeated on continuation pages, without
 * its destinations (an id names one place in the document). */
static void strip_dests(area *a)
{
    area *last = NULL;
    for (area **pp = &a->first; *pp;) {
        if ((*pp)->kind == AREA_DEST) {
            *pp = (*pp)->next;
            continue;
        }
        strip_dests(*pp);
        last = *pp;
        pp = &(*pp)->next;
    }
    a->last = last;
}

/* ---- cell content ----------------------------------------------------------- */

static mk_len content_height(const vlist *cv)
{
    size_t lo, hi;
    table_solid_range(cv, &lo, &hi);
    int64_t h = 0;
    for (size_t k = 0; k < cv->items.len; k++) {
        const vitem *it = &cv->items.v[k];
        if (it->kind == V_PENALTY || (it->kind == V_GLUE && (k < lo || k >= hi)))
            continue;
        h += it->h;
    }
    return h > MK_LEN_MAX / 2 ? MK_LEN_MAX / 2 : (mk_len)h;
}

/* The cell's border box and content box across the inline direction, in
 * table content coordinates. */
static void cell_inline(const tgrid *g, const tcell *tc, mk_len *bi, mk_len *bipd, mk_len *ci,
                        mk_len *cipd)
{
    mk_len x0 = g->colx.v[tc->col];
    mk_len x1 = g->colx.v[tc->col + tc->cols] - g->sep;
    *bi = x0 - tc->out[AREA_START];
    *bipd = x1 - x0 + tc->out[AREA_START] + tc->out[AREA_END];
    *ci = *bi + tc->border[AREA_START].w + tc->pad[AREA_START];
    *cipd = *bipd - tc->border[AREA_START].w - tc->border[AREA_END].w - tc->pad[AREA_START] -
            tc->pad[AREA_END];
    if (*cipd < MK_PT)
        *cipd = MK_PT; /* borders and padding wider than the column: a sliver */
}

/* Lays out the cell's children at its content width. Indents inside the
 * cell count from the cell's content box: the start-indent a cell
 * inherits from around the table would otherwise push its content out of
 * the cell (other formatters do the same), so the reference passed to
 * blocks_layout is widened by the cell's own indents. */
static void cell_content(lctx *c, tgrid *g, tcell *tc, mk_len table_i)
{
    /* breaks inside the cell only matter when its row may break */
    int keep = g->rows.v[tc->row].split_ok ? 0 : VP_INF;
    mk_len bi, bipd, ci, cipd;
    cell_inline(g, tc, &bi, &bipd, &ci, &cipd);
    ci += table_i;
    const fo_props *p = tc->fo->props;
    mk_len si = fo_len_resolve(p->start_indent, cipd);
    mk_len ei = fo_len_resolve(p->end_indent, cipd);
    tc->content = vlist_new(c);
    blocks_layout(c, tc->content, tc->fo, ci - si, cipd + si + ei, keep);
    tc->content_h = content_height(tc->content);
}

/* ---- row heights ------------------------------------------------------------ */

static mk_len bpd_min(const fo_props *p)
{
    fo_len bpd = wmode_bpd_prop(p); /* height, or width in vertical writing */
    mk_len h = bpd.auto_ ? 0 : fo_len_resolve(bpd, 0);
    return max_len(h, fo_len_resolve(p->min_height, 0));
}

/* The height a cell needs between its grid lines. */
static mk_len cell_need(const tcell *tc)
{
    mk_len h = max_len(tc->content_h, bpd_min(tc->fo->props));
    return h + tc->pad[AREA_BEFORE] + tc->pad[AREA_AFTER] + tc->border[AREA_BEFORE].w +
           tc->border[AREA_AFTER].w - tc->out[AREA_BEFORE] - tc->out[AREA_AFTER];
}

static mk_len span_height(const tgrid *g, const tcell *tc)
{
    int64_t h = (int64_t)(tc->rows - 1) * g->sep;
    for (int r = tc->row; r < tc->row + tc->rows; r++)
        h += g->rows.v[r].h;
    return h > MK_LEN_MAX / 2 ? MK_LEN_MAX / 2 : (mk_len)h;
}

/* XSL 1.1 §6.7.9 (fo:table-row height) and §6.7.10: single-row cells
 * first, then each spanning cell grows the last row it spans if the rows
 * are too short for it. */
static void rows_measure(tgrid *g)
{
    for (size_t r = 0; r < g->rows.len; r++) {
        trow *row = &g->rows.v[r];
        row->h = row->fo ? bpd_min(row->fo->props) : 0;
    }
    for (size_t k = 0; k < g->cells.len; k++) {
        const tcell *tc = &g->cells.v[k];
        if (tc->rows == 1)
            g->rows.v[tc->row].h = max_len(g->rows.v[tc->row].h, cell_need(tc));
    }
    for (size_t k = 0; k < g->cells.len; k++) {
        const tcell *tc = &g->cells.v[k];
        mk_len need = cell_need(tc), have = span_height(g, tc);
        if (tc->rows > 1 && need > have)
            g->rows.v[tc->row + tc->rows - 1].h += need - have;
    }
}

/* XSL 1.1 §7.14.4 display-align: where the content sits in a cell taller
 * than it. */
static mk_len align_offset(const tcell *tc, mk_len inner)
{
    mk_len free = inner - tc->content_h;
    if (free <= 0)
        return 0;
    switch (tc->fo->props->display_align) {
    case FO_DISPLAY_CENTER: return free / 2;
    case FO_DISPLAY_AFTER: return free;
    default: return 0;
    }
}

static void cell_decorate(area *a, const tgrid *g, const tcell *tc)
{
    for (int s = 0; s < 4; s++) {
        a->border_w[s] = tc->border[s].w;
        a->border_style[s] = tc->border[s].style;
        a->border_color[s] = tc->border[s].color;
    }
    a->background = tc->fo->props->background_color;
    const tcol *col = &g->cols.v[tc->col];
    if (!a->background.a && col->fo)
        a->background = col->fo->props->background_color;
}

/* The cell's area, without content (a spanning cell reaches below its
 * first row); in *y_start where its content starts. */
static area *cell_box(lctx *c, tgrid *g, const tcell *tc, mk_len *y_start)
{
    mk_len bi, bipd, ci, cipd;
    cell_inline(g, tc, &bi, &bipd, &ci, &cipd);
    area *a = lctx_area(c, AREA_BLOCK, tc->fo);
    a->i = bi;
    a->b = -tc->out[AREA_BEFORE];
    a->ipd = bipd;
    a->bpd = span_height(g, tc) + tc->out[AREA_BEFORE] + tc->out[AREA_AFTER];
    cell_decorate(a, g, tc);
    mk_len before = tc->border[AREA_BEFORE].w + tc->pad[AREA_BEFORE];
    mk_len inner = a->bpd - before - tc->border[AREA_AFTER].w - tc->pad[AREA_AFTER];
    *y_start = before + align_offset(tc, inner);
    return a;
}

/* The cell's area in its first row's area, with the content placed
 * inside. */
static void cell_area(lctx *c, tgrid *g, tcell *tc, mk_len table_i)
{
    trow *row = &g->rows.v[tc->row];
    mk_len y_start;
    area *a = cell_box(c, g, tc, &y_start);
    area_append(row->area, a);
    table_add_dest(c, a, tc->fo, tc->fo->props->id, 0, 0);
    table_add_id(c, &row->ids, tc->fo->props->id);
    tplace pl = {.c = c, .ids = &row->ids, .notes = &row->notes, .y = y_start};
    tframe f = {a, table_i + a->i, 0};
    VEC_PUSH(&pl.stack, f);
    size_t lo, hi;
    table_solid_range(tc->content, &lo, &hi);
    for (size_t k = 0; k < tc->content->items.len; k++)
        tplace_item(&pl, tc->content, k, lo, hi);
    VEC_FREE(&pl.stack);
    VEC_FREE(&tc->content->items);
}

/* A row that may break across pages (XSL 1.1 §6.7.9: keep-together auto;
 * not a header or footer row, which are repeated whole; not joined to
 * its neighbours by a row-spanning cell, whose content would have to
 * break across several rows). */
static void mark_breakable(tgrid *g, int keep_level)
{
    for (int r = 0; r < (int)g->rows.len; r++) {
        trow *row = &g->rows.v[r];
        const fo_node *kept = row->fo ? row->fo : row->section;
        row->split_ok = keep_level <= 0 && keep_penalty(&kept->props->keep_together) == 0 &&
                        r >= g->header_end && r < g->footer_start && !row->joined &&
                        !(r + 1 < (int)g->rows.len && g->rows.v[r + 1].joined);
    }
    for (size_t k = 0; k < g->cells.len; k++)
        if (g->cells.v[k].rows > 1)
            g->rows.v[g->cells.v[k].row].split_ok = 0;
}

/* The breakable form of row r: the cells keep their laid-out content;
 * their ids go with the row's first part, their footnotes too. */
static void row_split(lctx *c, tgrid *g, int r, mk_len table_i)
{
    trow *row = &g->rows.v[r];
    VEC(tsplit_cell) cells = {0};
    for (size_t k = 0; k < g->cells.len; k++) {
        tcell *tc = &g->cells.v[k];
        if (tc->row != r)
            continue;
        tsplit_cell sc = {.fo = tc->fo, .content = tc->content, .content_h = tc->content_h,
                          .out_b = tc->out[AREA_BEFORE], .out_a = tc->out[AREA_AFTER]};
        sc.proto = cell_box(c, g, tc, &sc.y_start);
        sc.reg_i = table_i + sc.proto->i;
        sc.after = tc->border[AREA_AFTER].w + tc->pad[AREA_AFTER] - tc->out[AREA_AFTER];
        table_add_id(c, &row->ids, tc->fo->props->id);
        for (size_t j = 0; j < tc->content->items.len; j++)
            table_take_notes(c, &row->notes, &tc->content->items.v[j]);
        VEC_PUSH(&cells, sc);
    }
    if (cells.len) /* a row without cells has nothing to break */
        row->split = tsplit_new(c, row->area, cells.v, (int)cells.len);
    VEC_FREE(&cells);
}

static void row_area(lctx *c, tgrid *g, trow *row, mk_len table_i)
{
    const fo_node *fo = row->fo ? row->fo : row->first ? row->first : row->section;
    area *a = lctx_area(c, AREA_BLOCK, fo);
    a->fo = "table-row";
    a->i = table_i;
    a->ipd = g->width;
    a->bpd = row->h;
    a->background = row->fo ? row->fo->props->background_color : (fo_color){0, 0, 0, 0};
    if (!a->background.a)
        a->background = row->section->props->background_color;
    row->area = a;
    if (row->fo)
        table_add_id(c, &row->ids, row->fo->props->id);
}

/* ---- the vlist ----------------------------------------------------------------- */

static int32_t max_pen(int32_t a, int32_t b)
{
    return a > b ? a : b;
}

/* The penalty between rows r-1 and r: a row-spanning cell joins them;
 * break-after/-before of rows force a break; else the strongest keep.
 * keep-together is taken from the table part, not the row: a row's
 * keep-together="always" (a common way of saying "do not split this
 * row", mark_breakable) must not glue it to the next row. */
static int32_t row_penalty(const tgrid *g, int r, int keep_level, uint8_t *brk)
{
    const trow *prev = &g->rows.v[r - 1], *row = &g->rows.v[r];
    *brk = 0;
    if (row->joined)
        return VP_INF;
    if (prev->fo && prev->fo->props->break_after != FO_BREAK_AUTO) {
        *brk = (uint8_t)prev->fo->props->break_after;
        return VP_FORCE;
    }
    if (row->fo && row->fo->props->break_before != FO_BREAK_AUTO) {
        *brk = (uint8_t)row->fo->props->break_before;
        return VP_FORCE;
    }
    int32_t p = max_pen(keep_level, keep_penalty(&row->section->props->keep_together));
    if (prev->fo)
        p = max_pen(p, keep_penalty(&prev->fo->props->keep_with_next));
    if (row->fo)
        p = max_pen(p, keep_penalty(&row->fo->props->keep_with_previous));
    /* a header alone at a page foot, or a footer alone at a page top */
    if (r == g->header_end || r == g->footer_start)
        p = VP_INF;
    return p;
}

static void push_row(vlist *v, const trow *row)
{
    vlist_box(v, row->split ? NULL : row->area, row->h, row->fo ? row->fo : row->first);
    vitem *it = &v->items.v[v->items.len - 1];
    it->split = row->split;
    it->notes = row->notes;
    it->ids = row->ids;
}

/* The header rows again, for the paginator to clone at the top of each
 * continuation page (XSL 1.1 §6.7.6, table-omit-header-at-break). */
static void header_copy(lctx *c, const tgrid *g, vblock *b)
{
    if (g->header_end == 0 || g->table->props->table_omit_header_at_break)
        return;
    b->header = vlist_new(c);
    /* room for the table's padding (collapsed: the outer half of the
     * header's top border; separate: padding and separation), which the
     * paginator does not repeat on continuation pages */
    vlist_glue(b->header, b->pad_before, 0);
    for (int r = 0; r < g->header_end; r++) {
        const trow *row = &g->rows.v[r];
        if (r > 0) {
            vlist_penalty(b->header, VP_INF, 0);
            vlist_glue(b->header, g->sep, 0);
        }
        area *a = area_clone(c->seq, row->area);
        strip_dests(a);
        vlist_box(b->header, a, row->h, row->fo ? row->fo : row->first);
    }
    /* the separation between the header and the first row on the page */
    vlist_glue(b->header, g->sep, 0);
    b->header_h = vlist_height(b->header);
}

static void emit_rows(vlist *v, const tgrid *g, int keep_level)
{
    for (int r = 0; r < (int)g->rows.len; r++) {
        if (r > 0) {
            uint8_t brk;
            int32_t pen = row_penalty(g, r, keep_level, &brk);
            vlist_penalty(v, pen, brk);
            /* border-separation between rows (separate model); at a page
             * top the paginator drops it, and the repeated header brings
             * its own */
            vlist_glue(v, g->sep, 0);
        }
        push_row(v, &g->rows.v[r]);
    }
}

/* ---- the table's own block ------------------------------------------------------ */

/* In the collapsing model the table's borders were folded into its edge
 * cells and its padding does not apply (CSS 2.1 §17.6.2): the block only
 * keeps its background and makes room for the outer halves of the first
 * and last rows' borders. In the separate model it is a block like any
 * other, with the separation inside its padding. */
static void table_block_edges(const tgrid *g, vblock *b, mk_len ci)
{
    if (!g->collapse) {
        b->pad_before += g->sep;
        b->pad_after += g->sep;
        return;
    }
    memset(b->border_w, 0, sizeof b->border_w);
    for (int s = 0; s < 4; s++)
        b->border_style[s] = FO_BORDER_NONE;
    b->i = ci;
    b->ipd = g->width;
    b->pad_before = b->pad_after = 0;
    int last = (int)g->rows.len - 1;
    for (size_t k = 0; k < g->cells.len; k++) {
        const tcell *tc = &g->cells.v[k];
        if (tc->row == 0)
            b->pad_before = max_len(b->pad_before, tc->out[AREA_BEFORE]);
        if (tc->row + tc->rows - 1 == last)
            b->pad_after = max_len(b->pad_after, tc->out[AREA_AFTER]);
    }
}

/* The table's content rectangle: from its indents (XSL 1.1 §5.3.2) unless
 * width or inline-progression-dimension is given (§7.15). */
static void table_box(const fo_node *n, mk_len ref_i0, mk_len ref_ipd, mk_len *i, mk_len *ipd)
{
    const fo_props *p = n->props;
    mk_len si = fo_len_resolve(p->start_indent, ref_ipd);
    mk_len ei = fo_len_resolve(p->end_indent, ref_ipd);
    *i = ref_i0 + si;
    fo_len w = wmode_ipd_prop(p); /* width, or height in vertical writing */
    *ipd = w.auto_ ? ref_ipd - si - ei : fo_len_resolve(w, blocks_percent_base(n, ref_ipd));
    if (*ipd < MK_PT)
        *ipd = MK_PT;
}

/* The ids of table parts (header, body, footer) go to their first row. */
static void section_ids(lctx *c, tgrid *g)
{
    const fo_node *seen = NULL;
    for (size_t r = 0; r < g->rows.len; r++) {
        trow *row = &g->rows.v[r];
        if (row->section != seen)
            table_add_id(c, &row->ids, row->section->props->id);
        seen = row->section;
    }
}

static void build_areas(lctx *c, tgrid *g, mk_len ci, int keep_level)
{
    mark_breakable(g, keep_level);
    for (size_t k = 0; k < g->cells.len; k++)
        cell_content(c, g, &g->cells.v[k], ci);
    rows_measure(g);
    for (size_t r = 0; r < g->rows.len; r++)
        row_area(c, g, &g->rows.v[r], ci);
    for (size_t k = 0; k < g->cells.len; k++)
        if (!g->rows.v[g->cells.v[k].row].split_ok)
            cell_area(c, g, &g->cells.v[k], ci);
    for (size_t r = 0; r < g->rows.len; r++)
        if (g->rows.v[r].split_ok)
            row_split(c, g, (int)r, ci);
    section_ids(c, g);
}

static void table_one(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0, mk_len ref_ipd,
                      int keep_level)
{
    const fo_props *p = n->props;
    tgrid g = {.c = c, .table = n, .collapse = p->border_collapse};
    mk_len ci;
    table_box(n, ref_i0, ref_ipd, &ci, &g.width);
    g.sep = g.collapse ? 0 : p->border_separation;
    tgrid_build(&g);
    tgrid_columns(&g);
    tgrid_borders(&g);
    build_areas(c, &g, ci, keep_level);
    vblock *b = ARENA_NEW(c->seq, vblock);
    blocks_decorate(b, n, ci, g.width, ref_ipd);
    b->is_table = 1;
    table_block_edges(&g, b, ci);
    header_copy(c, &g, b);
    blocks_open(c, v, b);
    emit_rows(v, &g, keep_level);
    blocks_close(v, b);
    tgrid_free(&g);
}

/* fo:table-and-caption (XSL 1.1 §6.7.2): the caption's blocks, then the
 * table, inside the wrapper's own block; the caption is kept with the
 * table. caption-side is not implemented: the caption comes first. */
static void table_and_caption(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                              mk_len ref_ipd, int keep_level)
{
    mk_len i, ipd;
    table_box(n, ref_i0, ref_ipd, &i, &ipd);
    vblock *b = ARENA_NEW(c->seq, vblock);
    blocks_decorate(b, n, i, ipd, ref_ipd);
    blocks_open(c, v, b);
    for (const fo_node *ch = n->first; ch; ch = ch->next)
        if (ch->kind == FO_TABLE_CAPTION)
            blocks_layout(c, v, ch, ref_i0, ref_ipd, keep_level);
    for (const fo_node *ch = n->first; ch; ch = ch->next) {
        if (ch->kind != FO_TABLE)
            continue;
        vlist_penalty(v, VP_INF, 0);
        vlist_glue(v, fo_len_resolve(ch->props->space_before.opt, 0),
                   ch->props->space_before.discard);
        table_one(c, v, ch, ref_i0, ref_ipd, keep_level);
        vlist_glue(v, fo_len_resolve(ch->props->space_after.opt, 0),
                   ch->props->space_after.discard);
    }
    blocks_close(v, b);
}

void table_layout(lctx *c, vlist *v, const fo_node *table, mk_len ref_i0, mk_len ref_ipd,
                  int keep_level)
{
    if (table->kind == FO_TABLE_AND_CAPTION)
        table_and_caption(c, v, table, ref_i0, ref_ipd, keep_level);
    else
        table_one(c, v, table, ref_i0, ref_ipd, keep_level);
}
