/* relayout: settling page-number citations without laying the document
 * out again.
 *
 * A citation's text (the page of its target) is known only after
 * pagination, and the table of contents comes first. Rather than running
 * the whole layout once more with the numbers learnt (shaping and line
 * breaking are most of mkdoc's time), the flow is built once, and every
 * paragraph whose text holds a citation is recorded with the range of
 * vlist items it produced. After a measuring pagination, only those
 * paragraphs are composed again with the numbers known, and their items
 * are spliced into the flow in place of the old ones; then the flow is
 * paginated again. A longer number can move a page break, so this repeats
 * until the pages of all ids stop changing (layout.c).
 *
 * Paragraphs are spliceable only when their items lie directly in the
 * flow's vlist. A citation inside a table cell, a list label or a
 * footnote is consumed into a composite area when built; such a document
 * is marked, and layout.c falls back to laying everything out again. */
#include <string.h>

#include "grid.h"
#include "relayout.h"

void relayout_note(lctx *c, vlist *v, size_t start, const fo_node *block,
                   const fo_node *first, const fo_node *last, mk_len i0, mk_len ipd,
                   int keep_level)
{
    seqflow *sf = c->flowrec;
    if (c->in_static)
        return; /* static content is laid out afresh on every page */
    if (!sf || v != sf->flow) {
        if (sf)
            sf->unspliceable = 1;
        return;
    }
    crec r = {start, v->items.len, block, first, last, i0, ipd, c->region_ipd, keep_level,
              c->grid, c->in_span};
    VEC_PUSH(&sf->recs, r);
}

/* List labels ride on the first box of their item's body (blocks.c): when
 * that box is a line of a paragraph laid out again, the labels move to the
 * line of the same rank in the new lines (the last one if there are
 * fewer), or the item would lose its label. */
static vitem *box_of_rank(vlist *v, size_t rank)
{
    vitem *last = NULL;
    for (size_t j = 0; j < v->items.len; j++) {
        if (v->items.v[j].kind != V_BOX)
            continue;
        last = &v->items.v[j];
        if (rank-- == 0)
            break;
    }
    return last;
}

static void keep_labels(const vlist *flow, size_t start, size_t end, vlist *fresh)
{
    size_t rank = 0;
    for (size_t k = start; k < end; k++) {
        const vitem *old = &flow->items.v[k];
        if (old->kind != V_BOX)
            continue;
        vitem *to = old->labels ? box_of_rank(fresh, rank) : NULL;
        if (to) {
            vlabel **tail = &to->labels;
            while (*tail)
                tail = &(*tail)->next;
            *tail = old->labels;
        }
        rank++;
    }
}

/* Lays the recorded paragraphs out again with the citations now known and
 * rebuilds the flow's item array around them, in one sweep. */
void relayout_splice(lctx *c, seqflow *sf)
{
    vlist *flow = sf->flow;
    vlist *fresh = vlist_new(c);
    VEC(vitem) out = {0};
    size_t pos = 0;
    for (size_t k = 0; k < sf->recs.len; k++) {
        crec *r = &sf->recs.v[k];
        size_t old_end = r->end;
        for (; pos < r->start; pos++)
            VEC_PUSH(&out, flow->items.v[pos]);
        fresh->items.len = 0;
        c->region_ipd = r->region_ipd;
        para_layout(c, fresh, r->block, r->first, r->last, r->i0, r->ipd, r->keep_level);
        keep_labels(flow, r->start, old_end, fresh);
        r->start = out.len;
        grid_mark_lines(fresh, 0, r->grid, r->block);
        for (size_t j = 0; j < fresh->items.len; j++) {
            fresh->items.v[j].span = r->span;
            VEC_PUSH(&out, fresh->items.v[j]);
        }
        r->end = out.len;
        pos = old_end;
    }
    for (; pos < flow->items.len; pos++)
        VEC_PUSH(&out, flow->items.v[pos]);
    VEC_FREE(&flow->items);
    flow->items.v = out.v;
    flow->items.len = out.len;
    flow->items.cap = out.cap;
}

static void reset_vlist(vlist *v);

static void reset_item(vitem *it)
{
    if (it->area) {
        it->area->parent = it->area->next = NULL;
        it->area->i = it->area_i;
    }
    for (vlabel *l = it->labels; l; l = l->next) {
        l->area->parent = l->area->next = NULL;
        l->area->i = l->i;
    }
    for (vnote *n = it->notes; n; n = n->next)
        reset_vlist(n->body);
}

static void reset_vlist(vlist *v)
{
    for (size_t k = 0; k < v->items.len; k++)
        reset_item(&v->items.v[k]);
}

void relayout_reset_areas(seqflow *sf)
{
    reset_vlist(sf->flow);
}

void seqflow_free(seqflow *sf)
{
    VEC_FREE(&sf->recs);
}
