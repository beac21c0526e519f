/* render: the renderer interface. Layout calls begin once, page for every
 * finished page in order (and may free the page right after), and end
 * once with the outline. Each call returns 0 or -1 with a diag appended.
 * Implementations: render_cairo (PDF, PNG) and render_trace (text). */
#ifndef MKDOC_RENDER_H
#define MKDOC_RENDER_H

#include "../base/diag.h"
#include "../layout/area.h"

typedef struct renderer renderer;
struct renderer {
    int (*begin)(renderer *r, const area_doc_info *info, diag_list *diags);
    int (*page)(renderer *r, const area_page *page, diag_list *diags);
    int (*end)(renderer *r, const area_bookmark *outline, diag_list *diags);
    void (*destroy)(renderer *r);
};

/* Maps a logical rectangle of an area (relative to its reference frame of
 * the given size and writing mode) to physical x, y, w, h. */
void area_to_physical(fo_writing_mode wm, mk_len frame_w, mk_len frame_h,
                      mk_len i, mk_len b, mk_len ipd, mk_len bpd,
                      mk_len *x, mk_len *y, mk_len *w, mk_len *h);

/* PDF to path, written via a temporary file "PATH.XXXXXX.tmp" in the same
 * folder and renamed onto path only by a successful end; destroy without
 * one removes the temporary file, so a failed run never leaves a partial
 * PDF nor touches an existing one. PNG pages and the trace do the same. */
renderer *render_pdf_new(const char *path);
/* PNG previews: DIR/page-001.png …; pages outside [first,last] skipped
 * (last 0 = to the end). */
renderer *render_png_new(const char *dir, int first, int last, int dpi);
/* Deterministic text trace of the area tree, integer units. */
renderer *render_trace_new(const char *path);

#endif
