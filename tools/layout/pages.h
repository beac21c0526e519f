/* pages: the page loop of one page-sequence (pages.c), with the marker and
 * static-content helpers it uses (static.c). */
#ifndef MKDOC_PAGES_H
#define MKDOC_PAGES_H

#include "lctx.h"
#include "paginate.h"

typedef struct { const char *cls; const fo_node *marker; } mrec;
typedef VEC(mrec) mrecs;

typedef struct pagestate {
    mrecs on_page;     /* markers whose blocks started on the current page */
    mrecs carried;     /* … whose blocks go on from the previous page */
    mrecs ended;       /* … whose blocks end on the current page */
    mrecs before_seq;  /* last marker of each class on earlier pages of the sequence */
    mrecs before_doc;  /* … of the document */
} pagestate;

void pagestate_page_done(pagestate *ps);
void pagestate_sequence_start(pagestate *ps);
void pagestate_free(pagestate *ps);

const fo_node *static_content_for(const fo_node *page_sequence, const char *flow_name);
const char *static_region_name(const fo_node *region);
void static_layout_region(lctx *c, const fo_node *static_content, area *region,
                          col_fill *f);

typedef struct {
    renderer **renderers;     /* NULL in a measuring pass */
    int n_renderers;
    int page_index;           /* pages so far in the document */
    int page_number;          /* number of the last page so far */
    pagestate markers;
    int failed;
} docstate;

struct seqflow;
int pages_build(lctx *c, struct seqflow *sf, docstate *d);
int pages_paginate(lctx *c, struct seqflow *sf, const fo_node *next_sequence, docstate *d);

#endif
