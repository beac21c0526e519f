/* render_cairo: what render_cairo.c (drawing, PNG previews) and render_pdf.c
 * (the PDF document: pages, links, outline, metadata) share. Internal to
 * tools/render. */
#ifndef MKDOC_RENDER_CAIRO_H
#define MKDOC_RENDER_CAIRO_H

#include <cairo.h>
#include "../base/diag.h"
#include "../layout/area.h"

/* Draws one page onto cr, whose user space must be points with the
 * page's top-left corner at 0,0. tags: emit PDF link and dest tags.
 * Returns 0, or -1 with a diag when cairo fails. */
int render_cairo_page(cairo_t *cr, const area_page *page, int tags, diag_list *diags);

/* PDF tags (render_pdf.c); x, y, w, h in points. */
void render_pdf_link(cairo_t *cr, const area_link *link, double x, double y, double w, double h);
void render_pdf_dest(cairo_t *cr, const char *id, double x, double y);

/* Repairs cairo 1.16's xref table and adds what it cannot write (/Lang
 * when lang is a language tag, /DisplayDocTitle, dates with "D:") to the
 * PDF at path, in place (render_pdf_fixup.c). 0 or -1. */
int render_pdf_fixup(const char *path, const char *lang, int rtl);

/* Units to points. */
static inline double render_pt(mk_len v) { return v / (double)MK_PT; }

#endif
