/* layout: from the FO tree to pages of areas, handed to renderers.
 *
 * layout_run lays out every page-sequence of the tree and streams each
 * finished page to the renderers, then frees it. Page-number citations
 * need the page of their target before it is laid out (a table of
 * contents comes first), so when the document has any, a first pass lays
 * out without rendering to learn every id's page, and the rendering pass
 * uses those numbers; if a citation's text changed the pagination (a
 * longer number), one more pass settles it (at most LAYOUT_MAX_PASSES). */
#ifndef MKDOC_LAYOUT_H
#define MKDOC_LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include "../base/diag.h"
#include "../fo/fo_tree.h"
#include "../render/render.h"
#include "../text/fonts.h"

typedef struct {
    int max_pages;             /* runaway guard; 0 = default (100,000) */
    int quiet;                 /* no progress on stderr */
    int progress;              /* print pages laid out to stderr */
    int64_t creation_time;     /* for the PDF metadata */
    const char *project_root;  /* where styles/ and fonts/ live */
    const char *const *allowed_roots; /* further folders images may come from */
    size_t n_allowed_roots;
    int keep_going;            /* missing images: placeholder + warning */
    void (*progress_fn)(void *ud, int pages); /* called every 10 pages */
    void *progress_ud;
    const char *creator;       /* "mkdoc 0.1" */
} layout_opts;

/* Where pages go. open is called for the pass whose pages are kept and
 * returns the renderers (owned by the caller); when that pass turns out to
 * need redoing (a citation changed the pagination), discard is called and
 * open again for the next pass. */
typedef struct {
    int (*open)(void *ud, renderer ***out, int *n, diag_list *diags);
    void (*discard)(void *ud);
    void *ud;
} layout_sink;

typedef struct {
    int pages;                 /* pages in the final pass */
    int passes;
} layout_stats;

/* Returns 0 when the document was laid out and rendered (warnings may be
 * in diags), -1 after an error (diags says what). */
int layout_run(fo_tree *tree, text_ctx *text, const layout_opts *opts,
               const layout_sink *sink, diag_list *diags, layout_stats *stats);

#endif
