/* pages: the page loop of one fo:page-sequence.
 *
 * The flow is laid out once into a vlist at the column width of the
 * sequence's first page (pages whose masters have a different body width
 * keep that width: reflowing per page is left for later), then pages are
 * made one at a time: choose the master, fill the body's columns, place
 * the footnotes at the bottom of the body, lay out the static content
 * (now that the page's markers and number are known), hand the page to
 * the renderers and free it. */
#include <stdio.h>
#include <string.h>

#include "colset.h"
#include "pagemaster.h"
#include "pages.h"
#include "grid.h"
#include "relayout.h"
#include "wmode.h"

#define LAYOUT_DEFAULT_MAX_PAGES 100000

typedef struct {
    lctx *c;
    docstate *d;
    const fo_node *seq;
    pm_state pm;
    pager *pager;
    const fo_node *separator_fo; /* static content xsl-footnote-separator */
    mk_len separator_h;
    mk_len grid;            /* the flow's line grid pitch (grid.h) */
    int first;              /* the next page is the sequence's first */
    int pages;              /* pages made in this sequence */
} seqstate;

static area *region_area(area_page *page, const pm_rect *r, const fo_node *region,
                         const fo_node *seq)
{
    area *a = area_new(page, page->root, AREA_REGION);
    a->i = r->x;
    a->b = r->y;
    a->ipd = r->w;
    a->bpd = r->h;
    a->is_reference = 1;
    a->fo = fo_kind_name(region->kind);
    a->loc = region->loc;
    a->wm = wmode_region(region, seq);
    a->background = region->props->background_color;
    return a;
}

static int emit_page(seqstate *s, area_page *page)
{
    docstate *d = s->d;
    for (int r = 0; r < d->n_renderers; r++)
        if (d->renderers[r]->page(d->renderers[r], page, s->c->diags) != 0)
            d->failed = 1;
    if (!s->c->measuring && s->c->opts && s->c->opts->progress_fn &&
        (page->index + 1) % 10 == 0)
        s->c->opts->progress_fn(s->c->opts->progress_ud, page->index + 1);
    area_page_free(page);
    return d->failed ? -1 : 0;
}

static void outer_regions(seqstate *s, area_page *page, const pm_geom *g, col_fill *f)
{
    if (s->c->measuring)
        return; /* static content moves no page break and holds no cited id */
    s->c->in_static = 1;
    for (int r = PM_BEFORE; r < PM_REGIONS; r++) {
        const fo_node *rn = g->node[r];
        if (!rn)
            continue;
        area *ra = region_area(page, &g->r[r], rn, s->seq);
        const fo_node *sc = static_content_for(s->seq, static_region_name(rn));
        if (!sc)
            continue;
        wmode_apply(s->c, sc, ra->wm); /* a folio may be horizontal on a vertical page */
        f->region_align = rn->props->display_align;
        static_layout_region(s->c, sc, ra, f);
    }
    s->c->in_static = 0;
}

static void place_notes(seqstate *s, area *body, col_fill *f)
{
    if (f->notes.len == 0)
        return;
    mk_len ipd, bpd;
    wmode_frame_size(body->wm, body->ipd, body->bpd, &ipd, &bpd);
    mk_len total = s->separator_h;
    for (size_t k = 0; k < f->notes.len; k++)
        total += vlist_height(f->notes.v[k]);
    mk_len y = bpd - total;
    /* Footnotes that do not fit (only when the first box of the page cites
     * them, paginate.c warns) start below the text and run off the bottom
     * of the page, rather than off its top (docs/limits.md). */
    for (const area *a = body->first; a; a = a->next)
        if (a->b + a->bpd > y)
            y = a->b + a->bpd;
    if (s->separator_fo) {
        /* laid out afresh on each page: areas belong to one page only */
        vlist *sep = vlist_new(s->c);
        blocks_layout(s->c, sep, s->separator_fo, 0, ipd, VP_INF);
        y += pager_place_all(s->c, sep, body, y, f);
        VEC_FREE(&sep->items);
    }
    for (size_t k = 0; k < f->notes.len; k++)
        y += pager_place_all(s->c, f->notes.v[k], body, y, f);
}

static const fo_node *choose_master(seqstate *s, int number, int blank)
{
    return pm_next(&s->pm, s->first, number % 2 != 0, blank, s->c->diags, s->seq->loc);
}

/* One page; blank pages get only their static content. Returns the break
 * kind that ended it (0 when the flow ended or the page simply filled). */
static int make_page(seqstate *s, int blank, uint8_t *brk_out)
{
    lctx *c = s->c;
    docstate *d = s->d;
    int number = d->page_number + 1;
    const fo_node *spm = choose_master(s, number, blank);
    if (!spm)
        return -1;
    pm_geom g;
    pm_geometry(spm, &g);
    area_page *page = area_page_new(d->page_index, g.page_w, g.page_h);
    char num[32];
    pm_format_number(s->seq->props->format, number, num, sizeof num);
    page->number = arena_strdup(page->arena, num);
    /* XSL 1.1 §6.4.5: the page-sequence's id is on each of its pages, so
     * that page-number-citation-last ref-id="SEQ" gives its last page
     * ("page 3 of 12") and page-number-citation its first */
    const char *seq_id = s->seq->props->id;
    if (seq_id && *seq_id)
        idmap_put(c->ids, seq_id, d->page_index, page->number);
    col_fill f = {.page_index = d->page_index, .page_number = page->number,
                  .ps = &d->markers, .separator_h = s->separator_h};
    c->page_number = NULL;
    c->page = &d->markers;
    uint8_t brk = 0;
    if (g.node[PM_BODY]) {
        area *body = region_area(page, &g.r[PM_BODY], g.node[PM_BODY], s->seq);
        page->wm = body->wm;
        mk_len ipd, bpd; /* columns run along the inline axis (XSL 1.1 §6.4.13):
                          * in tb-rl they are tiers (段) stacked downwards */
        wmode_frame_size(body->wm, g.r[PM_BODY].w, g.r[PM_BODY].h, &ipd, &bpd);
        colset_geom cg = {.ipd = ipd, .bpd = bpd,
                          .columns = g.columns, .gap = g.column_gap,
                          .align = g.node[PM_BODY]->props->display_align,
                          .balance_last = colset_balances(g.node[PM_BODY]),
                          .separator_h = s->separator_h, .grid = s->grid};
        if (!blank)
            brk = colset_fill(s->pager, body, &cg, &f);
        place_notes(s, body, &f);
    }
    VEC_FREE(&f.notes);
    c->page_number = page->number;
    outer_regions(s, page, &g, &f);
    VEC_FREE(&f.notes);
    c->page_number = NULL;
    pagestate_page_done(&d->markers);
    d->page_index++;
    d->page_number = number;
    s->first = 0;
    s->pages++;
    *brk_out = brk;
    return emit_page(s, page);
}

static int initial_number(const fo_node *seq, int last)
{
    int32_t ipn = seq->props->initial_page_number;
    if (ipn > 0)
        return ipn - 1;
    if (ipn == -1 && (last + 1) % 2 == 0) /* auto-odd */
        return last + 1;
    if (ipn == -2 && (last + 1) % 2 != 0) /* auto-even */
        return last + 1;
    return last;
}

/* XSL 1.1 §7.27.6 force-page-count, with "auto" looking at the next
 * sequence's initial-page-number. Returns 1 when a blank page is due. */
static int needs_blank(const seqstate *s, const fo_node *next)
{
    int last = s->d->page_number;
    switch (s->seq->props->force_page_count) {
    case 1: return s->pages % 2 != 0;
    case 2: return s->pages % 2 == 0;
    case 3: return last % 2 != 0;
    case 4: return last % 2 == 0;
    case 5: return 0;
    default:
        if (!next) return 0;
        if (next->props->initial_page_number == -1) return last % 2 != 0;
        if (next->props->initial_page_number == -2) return last % 2 == 0;
        /* a number: end on the parity before it (5 → end even) */
        if (next->props->initial_page_number > 0)
            return last % 2 == next->props->initial_page_number % 2;
        return 0;
    }
}

static int max_pages(const lctx *c)
{
    return c->opts && c->opts->max_pages > 0 ? c->opts->max_pages : LAYOUT_DEFAULT_MAX_PAGES;
}

static int page_loop(seqstate *s, const fo_node *next)
{
    /* break-before="odd-page" on the first block may need a blank first page */
    uint8_t brk = pager_leading_break(s->pager);
    do {
        if (s->d->page_index >= max_pages(s->c)) {
            diag_add(s->c->diags, DIAG_ERROR, STAGE_LAYOUT, s->seq->loc,
                     "the document passed %d pages; it is stopped there (raise the "
                     "limit with --max-pages if it really is this long)", max_pages(s->c));
            return -1;
        }
        int want_parity = brk == FO_BREAK_ODD_PAGE ? 1 : brk == FO_BREAK_EVEN_PAGE ? 2 : 0;
        if (want_parity && ((s->d->page_number + 1) % 2 != 0) != (want_parity == 1)) {
            uint8_t dummy;
            if (make_page(s, 1, &dummy) != 0)
                return -1;
        }
        if (make_page(s, 0, &brk) != 0)
            return -1;
    } while (!pager_done(s->pager));
    while (needs_blank(s, next)) {
        uint8_t dummy;
        if (make_page(s, 1, &dummy) != 0)
            return -1;
    }
    return 0;
}

/* The column width of the sequence's first page, along its body's inline
 * axis; the flow is given that body's writing mode (wmode_apply) before
 * it is laid out at that width. *body_w, *body_h: the body's logical size
 * (ipd, bpd: span="all" blocks, the line grid). */
static mk_len first_column_width(seqstate *s, mk_len *body_w, mk_len *body_h)
{
    pm_state probe = s->pm;
    int number = s->d->page_number + 1;
    const fo_node *spm = pm_next(&probe, 1, number % 2 != 0, 0, s->c->diags, s->seq->loc);
    if (!spm)
        return 0;
    pm_geom g;
    pm_geometry(spm, &g);
    mk_len ipd, bpd;
    fo_writing_mode wm = wmode_region(g.node[PM_BODY], s->seq);
    wmode_frame_size(wm, g.r[PM_BODY].w, g.r[PM_BODY].h, &ipd, &bpd);
    for (const fo_node *n = s->seq->first; n; n = n->next)
        if (n->kind == FO_FLOW) /* the flow takes the body's writing mode */
            wmode_apply(s->c, n, wm);
    /* spanning means something only when there are columns to span */
    *body_w = g.columns > 1 ? ipd : 0;
    *body_h = bpd;
    return (ipd - (g.columns - 1) * g.column_gap) / g.columns;
}

/* Lays the sequence's flow out once, at the column width of its first
 * page (see the note at the top). */
int pages_build(lctx *c, seqflow *sf, docstate *d)
{
    const fo_node *seq = sf->seq;
    seqstate s = {.c = c, .d = d, .seq = seq, .first = 1};
    if (pm_init(&s.pm, c->tree, seq, c->diags) != 0)
        return -1;
    int number = d->page_number;
    d->page_number = initial_number(seq, d->page_number);
    mk_len body_w = 0, body_h = 0;
    mk_len colw = first_column_width(&s, &body_w, &body_h);
    d->page_number = number;
    if (colw <= 0) {
        diag_add(c->diags, DIAG_ERROR, STAGE_LAYOUT, seq->loc,
                 "the page's region-body has no width (check page-width and the margins)");
        return -1;
    }
    sf->colw = colw;
    c->region_ipd = colw;
    const fo_node *sep = static_content_for(seq, "xsl-footnote-separator");
    if (sep) {
        vlist *probe = vlist_new(c);
        blocks_layout(c, probe, sep, 0, colw, VP_INF);
        sf->separator_h = vlist_height(probe);
        sf->separator_fo = sep;
        VEC_FREE(&probe->items);
    }
    sf->flow = vlist_new(c);
    c->flowrec = sf;
    c->body_ipd = body_w;
    for (const fo_node *n = seq->first; n; n = n->next)
        if (n->kind == FO_FLOW) {
            c->region_ipd = colw;
            c->grid = sf->grid = grid_flow_pitch(c, n, body_h);
            blocks_layout(c, sf->flow, n, 0, colw, 0);
        }
    c->flowrec = NULL;
    c->body_ipd = 0;
    c->grid = 0;
    return 0;
}

/* Makes the pages of the sequence from its flow; with c->measuring only
 * the pages of ids are learnt (nothing is rendered). */
int pages_paginate(lctx *c, seqflow *sf, const fo_node *next, docstate *d)
{
    const fo_node *seq = sf->seq;
    seqstate s = {.c = c, .d = d, .seq = seq, .first = 1,
                  .separator_fo = sf->separator_fo, .separator_h = sf->separator_h,
                  .grid = sf->grid};
    if (pm_init(&s.pm, c->tree, seq, c->diags) != 0)
        return -1;
    d->page_number = initial_number(seq, d->page_number);
    pagestate_sequence_start(&d->markers);
    c->region_ipd = sf->colw;
    s.pager = pager_new(c, sf->flow);
    int r = page_loop(&s, next);
    pager_free(s.pager);
    return r;
}
