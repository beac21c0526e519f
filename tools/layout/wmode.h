/* wmode: writing modes of page regions and of the content flowing into
 * them (XSL 1.1 §7.29.7, JLREQ 2.3.2 vertical writing).
 *
 * Region geometry is physical (pagemaster.h); an area's own frame is
 * logical (area.h). These helpers join the two: the writing mode a region
 * takes on the pages of a sequence, the logical size of its frame, and
 * the recomputing of a flow's properties in that writing mode, so that
 * start-indent, space-before, borders and padding of the blocks in a
 * tb-rl region-body refer to its edges (start = top, before = right). */
#ifndef MKDOC_WMODE_H
#define MKDOC_WMODE_H

#include "lctx.h"

int wmode_vertical(fo_writing_mode wm);

/* The writing mode of a region (fo:region-*) on the pages of the
 * page-sequence seq: the region's or its simple-page-master's writing-mode
 * when either specifies one (the region inherits it from the master), else
 * the page-sequence's. NULL region: lr-tb. */
fo_writing_mode wmode_region(const fo_node *region, const fo_node *seq);

/* The size, along its own inline and block axes, of a frame in writing
 * mode wm that is w wide and h tall on the page. */
void wmode_frame_size(fo_writing_mode wm, mk_len w, mk_len h, mk_len *ipd, mk_len *bpd);

/* width and height are absolute (XSL 1.1 §7.15.14, §7.15.9); these give
 * the one along the element's own inline axis (width in horizontal
 * modes, height in vertical ones) and along its block axis. */
fo_len wmode_ipd_prop(const fo_props *p);
fo_len wmode_bpd_prop(const fo_props *p);

/* Makes the content of an fo:flow or fo:static-content take the writing
 * mode wm of the region it is assigned to (as Antenna House Formatter
 * does; XEP only moves the columns): its properties are recomputed as if
 * its page-sequence had writing-mode wm. Does nothing when they already
 * have it. Property warnings are not repeated. */
void wmode_apply(lctx *c, const fo_node *flow, fo_writing_mode wm);

/* Is n's writing mode orthogonal to its parent's (a horizontal box on a
 * vertical page, or a vertical one on a horizontal page)? */
int wmode_orthogonal(const fo_node *n);

/* The content of n as a reference area of its own (an orthogonal
 * block-container, an inline-container): laid out at n's width along its
 * inline axis (auto: base, at least 1pt; *ipd gets it) into a vlist of its
 * own, off the page's line grid (its lines do not run along the page's).
 * n's own indents would indent the content again (its children inherit
 * them), so the reference edges are moved out by them. The caller lifts
 * the ids and footnotes it needs, then calls wmode_reference_area. */
vlist *wmode_reference_content(lctx *c, const fo_node *n, mk_len base, mk_len *ipd);
/* The reference area of n holding lv, placed at once; *used gets the
 * content's extent along n's block axis. */
area *wmode_reference_area(lctx *c, const fo_node *n, vlist *lv, mk_len *used);

/* A block-container in an orthogonal writing mode (XSL 1.1 §7.29.7): its
 * content is laid out whole, in its own frame, into one reference area
 * that becomes one box of v (never split across pages). Its inline
 * dimension is its width (height, when vertical), else ref_ipd; its
 * extent along the parent's lines is its content's, or its height
 * (width). It stands at the parent's start edge ref_i0; its background is
 * drawn, its borders and padding are not (docs/limits.md). */
void wmode_container(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0, mk_len ref_ipd);

#endif
