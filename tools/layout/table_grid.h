/* table_grid: the grid of one fo:table (internal to table.c).
 *
 * Owns the table's model before any area exists: which cell sits in which
 * row and column (spans, column-number, cells placed straight in a
 * table-body), the width of every column, and every cell's borders after
 * the collapsing border model has settled each grid line (XSL 1.1
 * §6.7.1, §7.26 border-collapse). Rows are numbered over the whole table
 * in visual order: header rows, then the rows of every table-body, then
 * footer rows.
 *
 * tgrid_build fills rows, cells and the occupancy map; tgrid_columns the
 * column widths and positions; tgrid_borders the cells' resolved borders.
 * tgrid_free releases the heap arrays; the FO nodes are borrowed. */
#ifndef MKDOC_TABLE_GRID_H
#define MKDOC_TABLE_GRID_H

#include "lctx.h"

/* Named limits: a span or column count beyond these is an authoring
 * mistake (a typo such as number-columns-spanned="100"), and honouring it
 * would allocate an occupancy map of its size. Clamped with a warning. */
#define TABLE_MAX_COLS 1000
#define TABLE_MAX_ROW_SPAN 10000

typedef struct {
    mk_len w;                 /* logical side: AREA_BEFORE … AREA_START */
    fo_border_style style;
    fo_color color;
} tborder;

typedef struct {
    const fo_node *fo;        /* the fo:table-cell; not owned */
    int row, col;             /* top-start grid slot */
    int rows, cols;           /* spans, >= 1 */
    tborder border[4];        /* resolved (collapsed) borders, logical */
    mk_len out[4];            /* how far the border box reaches past the grid rectangle */
    mk_len pad[4];            /* logical */
    vlist *content;           /* the cell's blocks, laid out (table.c) */
    mk_len content_h;
} tcell;

typedef struct {
    const fo_node *fo;        /* the fo:table-row, or NULL for a row of cells
                               * placed straight in the body; not owned */
    const fo_node *section;   /* table-header, -footer or -body; not owned */
    const fo_node *first;     /* the first cell starting in the row, for messages */
    mk_len h;                 /* row height (table.c) */
    uint8_t joined;           /* a cell spans from the previous row into this one */
    area *area;               /* the row's area (table.c) */
    uint8_t split_ok;         /* the row may break across pages (table.c) */
    vsplit *split;            /* … and its breakable form (table_split.c) */
    vnote *notes;             /* footnotes cited in the row's cells */
    vid *ids;                 /* ids first placed in the row */
} trow;

enum { TCOL_PROP, TCOL_FIXED, TCOL_EXTRA };

typedef struct {
    const fo_node *fo;        /* the fo:table-column, or NULL; not owned */
    int kind;                 /* TCOL_* */
    int64_t weight;           /* PROP: proportional units; FIXED: the length */
    mk_len w;                 /* resolved width */
} tcol;

typedef struct {
    lctx *c;                  /* not owned */
    const fo_node *table;     /* not owned */
    mk_len width;             /* the table's content width */
    mk_len sep;               /* border-separation (separate model), else 0 */
    int collapse;             /* border-collapse="collapse" */
    int declared;             /* columns declared with fo:table-column */
    int ncols;                /* columns in use: declared or reached by cells */
    int header_end;           /* rows [0, header_end) are the header */
    int footer_start;         /* rows [footer_start, rows.len) are the footer */
    VEC(tcol) cols;
    VEC(mk_len) colx;         /* ncols + 1 column starts, from the content start */
    VEC(trow) rows;
    VEC(tcell) cells;
    VEC(int32_t) map;         /* map_rows × stride: cell index, or -1 */
    int stride, map_rows;
} tgrid;

void tgrid_build(tgrid *g);
void tgrid_columns(tgrid *g);
void tgrid_borders(tgrid *g);
void tgrid_free(tgrid *g);

/* The cell at a grid slot, or NULL (empty slot or outside the grid). */
tcell *tgrid_at(tgrid *g, int row, int col);

/* A warning at n's location (the user's source where known). */
void tgrid_warn(const tgrid *g, const fo_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- placing a cell's content (table_place.c) ---- */

typedef struct {
    area *a;        /* the area children go into */
    mk_len reg_i;   /* its inline start in region coordinates */
    mk_len y0;      /* its block start in the cell's coordinates */
} tframe;

typedef struct {
    lctx *c;
    vid **ids;      /* ids of the placed items go here */
    vnote **notes;  /* … and their footnotes, when not NULL */
    VEC(tframe) stack;
    mk_len y;       /* the next item's block position in the cell */
} tplace;

/* Places item k of a cell's vlist cv (lo, hi: its solid range, from
 * table_solid_range) at pl->y; tplace_skip only moves pl->y past it. */
void tplace_item(tplace *pl, const vlist *cv, size_t k, size_t lo, size_t hi);
void tplace_skip(tplace *pl, const vlist *cv, size_t k, size_t lo, size_t hi);

/* The first and one past the last "solid" item (a box, or a block edge
 * with border or padding): glue outside them is dropped, as space at the
 * start and end of a cell is discarded (XSL 1.1 §4.3.1 conditionality). */
void table_solid_range(const vlist *cv, size_t *lo, size_t *hi);
/* a nested block that gets an area of its own in the cell */
int table_decorated(const vblock *b);
void table_add_id(lctx *c, vid **list, const char *id);
/* appends copies of it's footnotes to *list */
void table_take_notes(lctx *c, vnote **list, const vitem *it);
/* A named destination for an id placed inside a cell: the paginator only
 * makes them for blocks it places itself. Ids starting with \x01 are
 * mkdoc's own (no destination), as in para.c. */
void table_add_dest(lctx *c, area *parent, const fo_node *fo, const char *id, mk_len i,
                    mk_len b);

/* ---- rows that break across pages (table_split.c) ---- */

/* What table.c knows of one cell of a breakable row. */
typedef struct {
    const area *proto;       /* the cell's area as unsplit, no children */
    const fo_node *fo;       /* the fo:table-cell */
    const vlist *content;    /* its blocks, laid out with breaks allowed */
    mk_len content_h;
    mk_len reg_i;            /* the cell's border box start, region coords */
    mk_len y_start;          /* the content's start in the cell (border box) */
    mk_len out_b, out_a;     /* tcell.out before and after */
    mk_len after;            /* border + padding after, less out_a */
} tsplit_cell;

/* The breakable form of a row: its area (no children, bpd its height)
 * and its cells in order. */
vsplit *tsplit_new(lctx *c, const area *row, const tsplit_cell *cells, int n);

#endif
