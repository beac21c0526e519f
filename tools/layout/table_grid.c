/* table_grid: rows, cells, columns and collapsed borders of one table
 * (see table_grid.h). XSL 1.1 §6.7 (the table FOs), §7.26 (their
 * properties); the collapsing border rules follow CSS 2.1 §17.6.2, which
 * XSL 1.1 §7.26 (border-collapse) points to. */
#include <stdarg.h>
#include <string.h>

#include "table_grid.h"

void tgrid_warn(const tgrid *g, const fo_node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(g->c->diags, DIAG_WARNING, STAGE_LAYOUT, n->loc, fmt, ap);
    va_end(ap);
}

void tgrid_free(tgrid *g)
{
    VEC_FREE(&g->cols);
    VEC_FREE(&g->colx);
    VEC_FREE(&g->rows);
    VEC_FREE(&g->cells);
    VEC_FREE(&g->map);
}

/* ---- the occupancy map ---------------------------------------------------- */

static int map_get(const tgrid *g, int r, int col)
{
    if (r < 0 || r >= g->map_rows || col < 0 || col >= g->stride)
        return -1;
    return g->map.v[(size_t)r * (size_t)g->stride + (size_t)col];
}

tcell *tgrid_at(tgrid *g, int row, int col)
{
    int k = map_get(g, row, col);
    return k < 0 ? NULL : &g->cells.v[k];
}

static void map_grow_rows(tgrid *g, int rows)
{
    while (g->map_rows < rows) {
        for (int k = 0; k < g->stride; k++)
            VEC_PUSH(&g->map, -1);
        g->map_rows++;
    }
}

/* Room for columns [0, cols): the map is re-laid with a wider stride. */
static void map_widen(tgrid *g, int cols)
{
    if (cols <= g->stride)
        return;
    int ns = g->stride ? g->stride : 8;
    while (ns < cols)
        ns *= 2;
    VEC(int32_t) nm = {0};
    for (int r = 0; r < g->map_rows; r++)
        for (int k = 0; k < ns; k++)
            VEC_PUSH(&nm, map_get(g, r, k));
    VEC_FREE(&g->map);
    g->map.v = nm.v;
    g->map.len = nm.len;
    g->map.cap = nm.cap;
    g->stride = ns;
}

static int span_free(const tgrid *g, int r, int col, int cols)
{
    for (int k = col; k < col + cols; k++)
        if (map_get(g, r, k) >= 0)
            return 0;
    return 1;
}

/* ---- placing cells ---------------------------------------------------------- */

static int attr_true(const fo_node *n, const char *name)
{
    for (int k = 0; k < n->n_attrs; k++)
        if (strcmp(n->attrs[k].name, name) == 0)
            return strstr(n->attrs[k].value, "true") != NULL;
    return 0;
}

static int clamp_span(const tgrid *g, const fo_node *cell, int32_t n, int max,
                      const char *prop)
{
    if (n < 1)
        return 1;
    if (n > max) {
        tgrid_warn(g, cell, "%s=\"%d\" is more than mkdoc allows (%d); the cell spans %d "
                   "(check the value)", prop, (int)n, max, max);
        return max;
    }
    return (int)n;
}

static int cols_of(const tgrid *g, const fo_node *cell)
{
    return clamp_span(g, cell, cell->props->number_columns_spanned, TABLE_MAX_COLS,
                      "number-columns-spanned");
}

/* The first slot at or after col where cols columns are free in row r. */
static int free_slot(tgrid *g, const fo_node *cell, int r, int col, int cols)
{
    int asked = col;
    while (!span_free(g, r, col, cols))
        col++;
    if (col != asked && cell->props->column_number > 0)
        tgrid_warn(g, cell, "column-number=\"%d\" points at a column already taken by a "
                   "cell spanning into it; the cell was moved to column %d (fix "
                   "column-number or the other cell's span)", asked + 1, col + 1);
    if (col + cols > TABLE_MAX_COLS) {
        tgrid_warn(g, cell, "this cell would reach column %d, beyond mkdoc's limit of %d "
                   "columns; it was moved to the last columns", col + cols, TABLE_MAX_COLS);
        col = TABLE_MAX_COLS - cols;
    }
    return col;
}

static void note_extra_columns(tgrid *g, const fo_node *cell, int end)
{
    if (g->declared > 0 && end > g->declared && g->ncols <= g->declared)
        tgrid_warn(g, cell, "this row has more cells than the table's %d fo:table-column "
                   "columns; mkdoc added columns of equal width and narrowed the declared "
                   "ones (add fo:table-column elements, or check number-columns-spanned)",
                   g->declared);
    if (end > g->ncols)
        g->ncols = end;
}

/* XSL 1.1 §7.26 column-number: without it a cell takes the next free
 * column after the previous cell of its row. */
static void place_cell(tgrid *g, const fo_node *cell, int r, int *cursor)
{
    const fo_props *p = cell->props;
    int cols = cols_of(g, cell);
    int rows = clamp_span(g, cell, p->number_rows_spanned, TABLE_MAX_ROW_SPAN,
                          "number-rows-spanned");
    int col = p->column_number > 0 ? p->column_number - 1 : *cursor;
    if (col > TABLE_MAX_COLS)
        col = TABLE_MAX_COLS;
    col = free_slot(g, cell, r, col, cols);
    map_widen(g, col + cols);
    map_grow_rows(g, r + rows);
    tcell tc = {.fo = cell, .row = r, .col = col, .rows = rows, .cols = cols};
    int32_t idx = (int32_t)g->cells.len;
    VEC_PUSH(&g->cells, tc);
    for (int y = r; y < r + rows; y++)
        for (int x = col; x < col + cols; x++)
            g->map.v[(size_t)y * (size_t)g->stride + (size_t)x] = idx;
    note_extra_columns(g, cell, col + cols);
    *cursor = col + cols;
}

static int begin_row(tgrid *g, const fo_node *section, const fo_node *row,
                     const fo_node *first)
{
    trow tr = {.fo = row, .section = section, .first = first};
    VEC_PUSH(&g->rows, tr);
    map_grow_rows(g, (int)g->rows.len);
    return (int)g->rows.len - 1;
}

static void grid_row(tgrid *g, const fo_node *section, const fo_node *row)
{
    const fo_node *first = row->first;
    while (first && first->kind != FO_TABLE_CELL)
        first = first->next;
    int r = begin_row(g, section, row, first);
    int cursor = 0;
    for (const fo_node *cell = first; cell; cell = cell->next)
        if (cell->kind == FO_TABLE_CELL)
            place_cell(g, cell, r, &cursor);
}

/* Cells straight in a table-body (XSL 1.1 §6.7.8): a new row starts at
 * starts-row="true", after ends-row="true", and, as other formatters do,
 * when the next cell no longer fits in the declared columns. Returns the
 * first sibling that is not part of the run. */
static const fo_node *grid_loose_cells(tgrid *g, const fo_node *section, const fo_node *n)
{
    int r = -1, cursor = 0, ended = 0;
    for (; n && n->kind != FO_TABLE_ROW; n = n->next) {
        if (n->kind != FO_TABLE_CELL)
            continue;
        int full = g->declared > 0 && cursor > 0 && cursor + cols_of(g, n) > g->declared;
        if (r < 0 || ended || full || (cursor > 0 && attr_true(n, "starts-row"))) {
            r = begin_row(g, section, NULL, n);
            cursor = 0;
        }
        place_cell(g, n, r, &cursor);
        ended = attr_true(n, "ends-row");
    }
    return n;
}

/* Row spans stay inside their table-header, -footer or -body (XSL 1.1
 * §6.7.10): a span reaching past the last row is shortened. */
static void clamp_row_spans(tgrid *g, size_t first_cell)
{
    int end = (int)g->rows.len;
    for (size_t k = first_cell; k < g->cells.len; k++) {
        tcell *tc = &g->cells.v[k];
        if (tc->row + tc->rows <= end)
            continue;
        tgrid_warn(g, tc->fo, "number-rows-spanned=\"%d\" reaches past the last row of its "
                   "table part; the cell spans %d rows (fix number-rows-spanned)",
                   tc->rows, end - tc->row);
        tc->rows = end - tc->row;
    }
    g->map_rows = end;
    g->map.len = (size_t)end * (size_t)g->stride;
}

static void grid_section(tgrid *g, const fo_node *section)
{
    size_t first_cell = g->cells.len;
    for (const fo_node *n = section->first; n;) {
        if (n->kind == FO_TABLE_ROW) {
            grid_row(g, section, n);
            n = n->next;
        } else if (n->kind == FO_TABLE_CELL) {
            n = grid_loose_cells(g, section, n);
        } else {
            n = n->next;
        }
    }
    clamp_row_spans(g, first_cell);
}

static void grid_sections(tgrid *g, fo_kind kind)
{
    for (const fo_node *n = g->table->first; n; n = n->next)
        if (n->kind == kind)
            grid_section(g, n);
}

/* ---- columns declared with fo:table-column (XSL 1.1 §6.7.4) ----------------- */

static tcol *col_slot(tgrid *g, int k)
{
    while ((int)g->cols.len <= k) {
        tcol c = {.fo = NULL, .kind = TCOL_PROP, .weight = 1000};
        VEC_PUSH(&g->cols, c);
    }
    return &g->cols.v[k];
}

static void declare_columns(tgrid *g)
{
    int next = 0;
    for (const fo_node *n = g->table->first; n; n = n->next) {
        if (n->kind != FO_TABLE_COLUMN)
            continue;
        const fo_props *p = n->props;
        int at = p->column_number > 0 ? p->column_number - 1 : next;
        int reps = clamp_span(g, n, p->number_columns_repeated, TABLE_MAX_COLS,
                              "number-columns-repeated");
        if (at + reps > TABLE_MAX_COLS)
            at = TABLE_MAX_COLS - reps;
        for (int k = at; k < at + reps; k++)
            col_slot(g, k)->fo = n;
        next = at + reps;
        if (next > g->declared)
            g->declared = next;
    }
}

/* The whole grid in visual order: header, bodies, footer. */
void tgrid_build(tgrid *g)
{
    declare_columns(g);
    g->ncols = g->declared;
    map_widen(g, g->declared > 0 ? g->declared : 1);
    grid_sections(g, FO_TABLE_HEADER);
    g->header_end = (int)g->rows.len;
    grid_sections(g, FO_TABLE_BODY);
    g->footer_start = (int)g->rows.len;
    grid_sections(g, FO_TABLE_FOOTER);
    for (int r = 1; r < (int)g->rows.len; r++)
        for (int k = 0; k < g->ncols; k++) {
            int a = map_get(g, r - 1, k);
            if (a >= 0 && a == map_get(g, r, k))
                g->rows.v[r].joined = 1;
        }
}

/* ---- column widths (XSL 1.1 §7.26 column-width, table-layout) ------------- */

/* Sets w of every column of the kind to its share of total by weight;
 * the rounding remainder goes one unit at a time to the first columns,
 * so the widths add up exactly and no float decides anything. */
static void share_out(tgrid *g, int kind, int64_t weight_sum, mk_len total)
{
    if (weight_sum <= 0 || total < 0)
        return;
    mk_len given = 0;
    for (int k = 0; k < g->ncols; k++) {
        tcol *c = &g->cols.v[k];
        if (c->kind != kind)
            continue;
        c->w = (mk_len)((int64_t)total * c->weight / weight_sum);
        given += c->w;
    }
    for (int k = 0; k < g->ncols && given < total; k++)
        if (g->cols.v[k].kind == kind) {
            g->cols.v[k].w++;
            given++;
        }
}

/* What each column asks for. Columns added because cells reached past
 * the declared ones get an equal share of the table (TCOL_EXTRA); a table
 * without fo:table-column shares its width equally (table-layout="auto",
 * sizing columns by their content, is not implemented: it is laid out as
 * fixed). */
static void classify_columns(tgrid *g, mk_len avail, mk_len share)
{
    col_slot(g, g->ncols > 0 ? g->ncols - 1 : 0);
    for (int k = 0; k < g->ncols; k++) {
        tcol *c = &g->cols.v[k];
        const fo_props *p = c->fo ? c->fo->props : NULL;
        if (g->declared > 0 && k >= g->declared) {
            c->kind = TCOL_EXTRA;
            c->w = share;
        } else if (p && p->column_width_proportional > 0) {
            c->kind = TCOL_PROP;
            c->weight = p->column_width_proportional;
        } else if (p && !p->column_width.auto_) {
            c->kind = TCOL_FIXED;
            c->weight = fo_len_resolve(p->column_width, avail);
            if (c->weight < 0)
                c->weight = 0;
        } else {
            c->kind = TCOL_PROP;   /* no width: an equal share of what is left */
            c->weight = 1000;
        }
    }
}

static void column_positions(tgrid *g)
{
    g->colx.len = 0;
    mk_len x = g->sep;
    for (int k = 0; k < g->ncols; k++) {
        VEC_PUSH(&g->colx, x);
        x += g->cols.v[k].w + g->sep;
    }
    VEC_PUSH(&g->colx, x);
}

void tgrid_columns(tgrid *g)
{
    int n = g->ncols;
    mk_len avail = g->width - (g->collapse ? 0 : (mk_len)(n + 1) * g->sep);
    if (avail < 0)
        avail = 0;
    mk_len share = n > 0 ? avail / n : 0;
    classify_columns(g, avail, share);
    int64_t fixed = 0, prop = 0;
    mk_len room = avail;
    for (int k = 0; k < n; k++) {
        tcol *c = &g->cols.v[k];
        if (c->kind == TCOL_FIXED) fixed += c->weight;
        else if (c->kind == TCOL_PROP) prop += c->weight;
        else room -= share;
    }
    if (fixed > room) {
        if (room == avail)   /* extra columns were already reported */
            tgrid_warn(g, g->table, "the fo:table-column widths add up to %.1fpt but the "
                       "table is %.1fpt wide; the columns were narrowed in proportion (use "
                       "proportional-column-width() or a wider table)",
                       MK_TO_PT((double)fixed), MK_TO_PT(avail));
        share_out(g, TCOL_FIXED, fixed, room);
        fixed = room;
    } else {
        for (int k = 0; k < n; k++)
            if (g->cols.v[k].kind == TCOL_FIXED)
                g->cols.v[k].w = (mk_len)g->cols.v[k].weight;
    }
    share_out(g, TCOL_PROP, prop, room - (mk_len)fixed);
    column_positions(g);
}

/* ---- borders: the collapsing border model (CSS 2.1 §17.6.2.1) -------------- */

/* logical side → absolute edge in props (lr-tb, as blocks_decorate) */
static const int phys_side[4] = {FO_TOP, FO_RIGHT, FO_BOTTOM, FO_LEFT};

static tborder border_of(const fo_node *n, int side)
{
    const fo_border *b = &n->props->border[phys_side[side]];
    tborder t = {b->width, b->style, b->color};
    if (t.style == FO_BORDER_NONE || t.style == FO_BORDER_HIDDEN)
        t.w = 0;
    return t;
}

/* CSS 2.1 §17.6.2.1: between equal widths, double beats solid beats
 * dashed, dotted, ridge, outset, groove, inset. */
static int style_rank(fo_border_style s)
{
    switch (s) {
    case FO_BORDER_DOUBLE: return 8;
    case FO_BORDER_SOLID: return 7;
    case FO_BORDER_DASHED: return 6;
    case FO_BORDER_DOTTED: return 5;
    case FO_BORDER_RIDGE: return 4;
    case FO_BORDER_OUTSET: return 3;
    case FO_BORDER_GROOVE: return 2;
    case FO_BORDER_INSET: return 1;
    default: return 0;
    }
}

/* hidden wins over everything, then the wider, then the style rank; on a
 * full tie the first candidate (the one earlier in the table) stays. */
static tborder border_win(tborder a, tborder b)
{
    if (a.style == FO_BORDER_HIDDEN)
        return a;
    if (b.style == FO_BORDER_HIDDEN)
        return b;
    if (b.w > a.w || (b.w == a.w && b.w > 0 && style_rank(b.style) > style_rank(a.style)))
        return b;
    return a;
}

static const int opposite[4] = {AREA_AFTER, AREA_START, AREA_BEFORE, AREA_END};

/* The cell across one side of tc, at its first row or column (a cell
 * spanning several rows meets only its first neighbour: cheap, and right
 * for the usual tables). */
static tcell *neighbour(tgrid *g, const tcell *tc, int side)
{
    switch (side) {
    case AREA_BEFORE: return tgrid_at(g, tc->row - 1, tc->col);
    case AREA_AFTER: return tgrid_at(g, tc->row + tc->rows, tc->col);
    case AREA_START: return tgrid_at(g, tc->row, tc->col - 1);
    default: return tgrid_at(g, tc->row, tc->col + tc->cols);
    }
}

static int at_table_edge(const tgrid *g, const tcell *tc, int side)
{
    switch (side) {
    case AREA_BEFORE: return tc->row == 0;
    case AREA_AFTER: return tc->row + tc->rows == (int)g->rows.len;
    case AREA_START: return tc->col == 0;
    default: return tc->col + tc->cols >= g->ncols;
    }
}

/* One side of a cell: its own border against the neighbour's opposite
 * one (the earlier cell first, so it wins ties, CSS 2.1 §17.6.2.1 rule
 * 4), then the row's and, at the edge, the table's. Row groups and
 * columns do not take part (not implemented). */
static tborder collapse_side(tgrid *g, const tcell *tc, int side)
{
    tborder own = border_of(tc->fo, side), t = own;
    const tcell *nb = neighbour(g, tc, side);
    if (nb) {
        tborder o = border_of(nb->fo, opposite[side]);
        t = side == AREA_BEFORE || side == AREA_START ? border_win(o, own) : border_win(own, o);
    }
    int r = side == AREA_AFTER ? tc->row + tc->rows - 1 : tc->row;
    const fo_node *row = g->rows.v[r].fo;
    if (row && (side == AREA_BEFORE || side == AREA_AFTER || at_table_edge(g, tc, side)))
        t = border_win(t, border_of(row, side));
    if (at_table_edge(g, tc, side))
        t = border_win(t, border_of(g->table, side));
    return t;
}

static void cell_padding(const tgrid *g, tcell *tc)
{
    mk_len w = g->colx.v[tc->col + tc->cols] - g->colx.v[tc->col];
    for (int s = 0; s < 4; s++) {
        tc->pad[s] = fo_len_resolve(tc->fo->props->padding[phys_side[s]], w);
        if (tc->pad[s] < 0)
            tc->pad[s] = 0;
    }
}

/* In the collapsing model a border straddles its grid line: the border
 * box reaches half the width past the grid rectangle on each side. In
 * the separate model the grid rectangle is the border box. */
void tgrid_borders(tgrid *g)
{
    for (size_t k = 0; k < g->cells.len; k++) {
        tcell *tc = &g->cells.v[k];
        cell_padding(g, tc);
        for (int s = 0; s < 4; s++) {
            tc->border[s] = g->collapse ? collapse_side(g, tc, s) : border_of(tc->fo, s);
            mk_len w = tc->border[s].w;
            mk_len half = s == AREA_BEFORE || s == AREA_START ? w / 2 : w - w / 2;
            tc->out[s] = g->collapse ? half : 0;
        }
    }
}
