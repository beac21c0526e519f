/* colset: filling a page's region-body from the flow, as sets of columns
 * stacked in the block direction (colset.c has the design). */
#ifndef MKDOC_COLSET_H
#define MKDOC_COLSET_H

#include "paginate.h"

typedef struct {
    mk_len ipd, bpd;            /* the region-body's content rectangle */
    int columns;
    mk_len gap;                 /* column-gap */
    fo_display_align align;     /* display-align of the region-body */
    int balance_last;           /* balance the columns where the flow ends */
    mk_len separator_h;         /* footnote separator */
    mk_len grid;                /* the flow's line grid pitch, 0 = none */
} colset_geom;

/* Fills body (the region-body's area) from the pager; returns the break
 * kind that ended the page (0 when the body filled or the flow ended). */
uint8_t colset_fill(pager *p, area *body, const colset_geom *g, col_fill *f);

/* Whether a region-body balances the columns of the flow's last page:
 * axf:column-fill, else by its writing-mode (JLREQ 2.3.2, VT-6). */
int colset_balances(const fo_node *region_body);

#endif
