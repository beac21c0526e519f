/* paginate: filling columns from a vlist (see paginate.c for the design).
 * A pager walks one flow's vlist; each call fills one column and returns
 * the height used. Areas go into the region area given; ids are recorded
 * in the lctx's idmap with the page's number; footnote bodies cited by
 * placed boxes are collected in the col_fill for the page to place. */
#ifndef MKDOC_PAGINATE_H
#define MKDOC_PAGINATE_H

#include "lctx.h"

typedef struct pager pager;

typedef struct col_fill {
    mk_len avail;               /* the column's height */
    mk_len notes_h;             /* footnotes already on this page (+ separator) */
    mk_len separator_h;         /* height of the footnote separator */
    int page_index;
    const char *page_number;
    VEC(const vlist *) notes;   /* footnote bodies cited in this column */
    struct pagestate *ps;       /* markers of the page */
    fo_display_align region_align; /* static content: display-align of the region */
    /* the flow's column sets (colset.c) */
    mk_len col_b;               /* the column's top, below the region's before edge */
    uint8_t span;               /* fill with span="all" content (1) or column content */
    uint8_t may_be_empty;       /* content that does not fit stays for the next page */
    uint8_t quiet;              /* measuring only: no warnings */
    uint8_t overflow;           /* out: a box was placed that does not fit */
    uint8_t empty;              /* out: nothing fitted (may_be_empty) */
} col_fill;

pager *pager_new(lctx *c, const vlist *v);
void pager_free(pager *p);
int pager_done(const pager *p);
/* A forced break before the first content (break-before="odd-page" on the
 * sequence's first block): its kind, else 0. */
uint8_t pager_leading_break(const pager *p);
mk_len pager_fill_column(pager *p, col_fill *f, area *region, mk_len col_i, uint8_t *brk);
mk_len pager_place_all(lctx *c, const vlist *v, area *container, mk_len y0, col_fill *f);
/* When span content is next and kept with what follows it (keep-with-next,
 * keep-with-previous): the height of the first box after it, else 0. */
mk_len pager_kept_after_span(const pager *p);
/* The span flag of the next content (a box or a block), or -1 at the end. */
int pager_next_span(const pager *p);
/* Whether the content up to the next change of span flag (or the end)
 * fits into n columns of height h, with nothing overflowing and no
 * forced page break: a measuring fill that leaves the pager as it was.
 * 0: it does not; 1: it does and the flow ends there; 2: it does and
 * content of the other span flag follows. */
int pager_simulate(pager *p, const col_fill *f, int n, mk_len h);

/* static.c: a block with fo:marker children started on the page, goes on
 * from the previous page, ended on the page */
void pager_marker_started(col_fill *f, const fo_node *first_marker);
void pager_marker_carried(col_fill *f, const fo_node *first_marker);
void pager_marker_ended(col_fill *f, const fo_node *first_marker);

#endif
