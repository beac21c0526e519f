/* grid: the line grid (kihon-hanmen, JLREQ 2.4.1 GR-1, 2.5.2 GR-2).
 *
 * Lines of text on the grid sit on a constant pitch counted from the
 * before edge of the region-body, so that lines on facing pages and in
 * adjacent columns align. The pitch is the line-height of the FO that
 * establishes the grid: axf:baseline-grid="root" (fo:root's line-height)
 * or "new" (the FO's own), as Antenna House Formatter names them; "none"
 * takes a block off the grid and "normal" (the initial value) keeps the
 * parent's grid.
 *
 * Building (blocks.c) marks each item of the flow's vlist with the pitch
 * its top snaps to (vitem.grid). A block inside a grid that is not on it
 * (axf:baseline-grid="none" or another pitch, a table, or a block of text
 * whose line-height is not the pitch: a heading in a larger size, a
 * caption in a smaller one) becomes one unit of whole grid lines, its own
 * spaces included, its border box centred in them (gyo-dori, JLREQ
 * 4.1.6-4.1.8); its lines are set at their own line-height inside it.
 * The paginator (paginate.c) snaps the marked items as it measures and
 * places columns, in logical b, so vertical writing needs nothing more.
 * Smaller inline text does not move the grid: a line's height comes from
 * its block's strut, which is the pitch. */
#ifndef MKDOC_GRID_H
#define MKDOC_GRID_H

#include "lctx.h"

/* Pitches outside this range are refused with a warning (no grid). */
#define GRID_MIN_PITCH MK_PT

/* axf:baseline-block-snap bits (fo_propdefs.txt); none of the first four
 * = auto = centre, JLREQ 4.1.8 */
enum {
    GRID_SNAP_BEFORE = 2, GRID_SNAP_AFTER = 4, GRID_SNAP_CENTER = 8,
    GRID_SNAP_MARGIN_BOX = 32, GRID_SNAP_NONE = 64
};

/* The grid context of one block-level FO while it is built. */
typedef struct {
    mk_len parent;     /* the grid around it (c->grid before) */
    mk_len inner;      /* the grid of its content */
    int unit;          /* it takes whole lines of parent: its spaces are kept
                        * out of the vlist and counted into the unit */
    mk_len space_before, space_after;
    int snap;          /* axf:baseline-block-snap */
} grid_ctx;

/* Decides n's grid, sets c->grid to the grid of its content. */
grid_ctx grid_enter(lctx *c, const fo_node *n, mk_len ref_ipd);
/* Makes n's items [from, end of v) a unit when it is one, and restores
 * c->grid. */
void grid_leave(lctx *c, vlist *v, size_t from, const fo_node *n, const grid_ctx *g);
/* Marks the boxes [from, end of v), the lines of block's paragraph, with
 * the grid of this pitch (0: none). */
void grid_mark_lines(vlist *v, size_t from, mk_len pitch, const fo_node *block);
/* The pitch of a page-sequence's flow (0 = no grid), warning about
 * unusable pitches; body_bpd is the height of the region-body. */
mk_len grid_flow_pitch(lctx *c, const fo_node *flow, mk_len body_bpd);
/* y (from the column's top, which is col_b below the region's before
 * edge) moved down to the next line of a grid of this pitch. */
mk_len grid_snap(mk_len pitch, mk_len col_b, mk_len y);

#endif
