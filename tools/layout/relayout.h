/* relayout: the flow of one page-sequence, kept across paginations, and
 * the paragraphs in it whose text holds page-number citations (see
 * relayout.c for why). */
#ifndef MKDOC_RELAYOUT_H
#define MKDOC_RELAYOUT_H

#include "lctx.h"

typedef struct {
    size_t start, end;                  /* its items in the flow */
    const fo_node *block, *first, *last;
    mk_len i0, ipd, region_ipd;
    int keep_level;
    mk_len grid;                        /* its lines' grid pitch (grid.h) */
    uint8_t span;                       /* in a span="all" block */
} crec;

typedef struct seqflow {
    const fo_node *seq;                 /* not owned */
    arena *arena;                       /* owns the flow's areas */
    vlist *flow;
    mk_len colw;
    mk_len grid;                        /* the flow's line grid pitch, 0 = none */
    const fo_node *separator_fo;
    mk_len separator_h;
    VEC(crec) recs;
    int unspliceable;                   /* a citation sits where splicing cannot reach */
} seqflow;

/* blocks.c: a paragraph just laid out into v from start on used citations */
void relayout_note(lctx *c, vlist *v, size_t start, const fo_node *block,
                   const fo_node *first, const fo_node *last, mk_len i0, mk_len ipd,
                   int keep_level);
/* composes the recorded paragraphs again (c->cited set) and splices them in */
void relayout_splice(lctx *c, seqflow *sf);
/* undoes what a pagination did to the flow's prebuilt areas */
void relayout_reset_areas(seqflow *sf);
void seqflow_free(seqflow *sf);

#endif
