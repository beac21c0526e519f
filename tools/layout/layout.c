/* layout: the driver. Runs the passes (see layout.h), builds the
 * document information and the outline, and checks link targets before
 * any page is drawn, so a dangling reference is a warning rather than a
 * broken PDF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source_path.h"
#include "pages.h"
#include "relayout.h"
#include "pagemaster.h"
#include "wmode.h"

#define LAYOUT_MAX_PASSES 4

/* ------------------------------------------------------------ tree walks */

/* Citations anywhere, static content included: those are composed only
 * while rendering, after the flow, but need the settled pages too. */
static int tree_cites(const fo_node *n)
{
    if (n->kind == FO_PAGE_NUMBER_CITATION || n->kind == FO_PAGE_NUMBER_CITATION_LAST)
        return 1;
    for (const fo_node *c = n->first; c; c = c->next)
        if (tree_cites(c))
            return 1;
    return 0;
}

static void collect_ids(const fo_node *n, idmap *ids, diag_list *diags)
{
    const char *id = n->kind == FO_TEXT ? NULL : n->props->id;
    if (id && *id) {
        if (idmap_first(ids, id))
            diag_add(diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                     "the id '%s' is used twice; links and page citations go to the "
                     "first one (make ids unique)", id);
        else
            idmap_put(ids, id, 0, "");
    }
    if (n->kind == FO_MARKER)
        return; /* marker content may be copied many times: not a target */
    for (const fo_node *c = n->first; c; c = c->next)
        collect_ids(c, ids, diags);
}

static void check_links(const fo_node *n, const idmap *ids, diag_list *diags)
{
    const char *dest = n->kind == FO_TEXT ? NULL : n->props->internal_destination;
    if ((n->kind == FO_BASIC_LINK || n->kind == FO_BOOKMARK) && dest && *dest &&
        !idmap_first(ids, dest))
        diag_add(diags, DIAG_WARNING, STAGE_LAYOUT, n->loc,
                 "fo:%s points to internal-destination '%s', but no element has "
                 "that id; the link is left out", fo_kind_name(n->kind), dest);
    for (const fo_node *c = n->first; c; c = c->next)
        check_links(c, ids, diags);
}

/* ------------------------------------------------------------- outline */

static void text_of(const fo_node *n, char **buf, size_t *len, size_t *cap)
{
    if (n->kind == FO_TEXT) {
        if (*len + n->text_len + 1 > *cap) {
            *cap = (*len + n->text_len + 1) * 2;
            *buf = realloc(*buf, *cap);
            if (!*buf)
                abort();
        }
        memcpy(*buf + *len, n->text, n->text_len);
        *len += n->text_len;
        (*buf)[*len] = '\0';
    }
    for (const fo_node *c = n->first; c; c = c->next)
        text_of(c, buf, len, cap);
}

static const char *node_text(arena *a, const fo_node *n)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    text_of(n, &buf, &len, &cap);
    const char *s = arena_strdup(a, buf ? buf : "");
    free(buf);
    return s;
}

static area_bookmark *bookmarks(arena *a, const fo_node *parent, const idmap *ids)
{
    area_bookmark *first = NULL, **tail = &first;
    for (const fo_node *n = parent->first; n; n = n->next) {
        if (n->kind != FO_BOOKMARK)
            continue;
        area_bookmark *b = ARENA_NEW(a, area_bookmark);
        const fo_props *p = n->props;
        b->dest = p->internal_destination && idmap_first(ids, p->internal_destination)
                      ? p->internal_destination : NULL;
        b->uri = p->external_destination && *p->external_destination ? p->external_destination : NULL;
        b->open = !p->starting_state_hide;
        for (const fo_node *t = n->first; t; t = t->next)
            if (t->kind == FO_BOOKMARK_TITLE)
                b->title = node_text(a, t);
        if (!b->title)
            b->title = "";
        b->first = bookmarks(a, n, ids);
        *tail = b;
        tail = &b->next;
    }
    return first;
}

static const area_bookmark *outline(arena *a, const fo_tree *t, const idmap *ids)
{
    for (const fo_node *n = t->root->first; n; n = n->next)
        if (n->kind == FO_BOOKMARK_TREE)
            return bookmarks(a, n, ids);
    return NULL;
}

/* JLREQ 2.3.2 (VT-1): a vertical book opens on the left, its pages
 * progress right to left; so do books in a right-to-left script. Decided
 * by the body region of the first page. */
static int pages_rtl(const fo_tree *t)
{
    const fo_node *seq = t->root->first;
    while (seq && seq->kind != FO_PAGE_SEQUENCE)
        seq = seq->next;
    diag_list *scratch = diag_list_new(); /* reported again when paginating */
    pm_state pm;
    const fo_node *spm = seq && pm_init(&pm, t, seq, scratch) == 0
                             ? pm_next(&pm, 1, 1, 0, scratch, seq->loc) : NULL;
    diag_list_free(scratch);
    if (!spm)
        return 0;
    pm_geom g;
    pm_geometry(spm, &g);
    fo_writing_mode wm = wmode_region(g.node[PM_BODY], seq);
    return wm == FO_WM_TB_RL || wm == FO_WM_RL_TB;
}

static void doc_info(arena *a, const fo_tree *t, const layout_opts *o, area_doc_info *info)
{
    const fo_props *p = t->root->props;
    memset(info, 0, sizeof *info);
    info->title = p->meta_title;
    info->author = p->meta_author;
    info->subject = p->meta_subject;
    info->keywords = p->meta_keywords;
    info->creator = o && o->creator ? o->creator : "mkdoc";
    info->language = p->language;
    info->creation_time = o ? o->creation_time : 0;
    info->pages_rtl = (uint8_t)pages_rtl(t);
    if (!info->title)
        for (const fo_node *n = t->root->first; n && !info->title; n = n->next)
            if (n->kind == FO_PAGE_SEQUENCE)
                for (const fo_node *c = n->first; c; c = c->next)
                    if (c->kind == FO_TITLE)
                        info->title = node_text(a, c);
}

/* --------------------------------------------------------------- passes */

typedef struct {
    fo_tree *tree;
    const layout_opts *opts;
    const idmap *known;
    lctx c;                       /* shared by every stage below */
    VEC(seqflow) seqs;            /* one per fo:page-sequence, in order */
    idmap *cited;                 /* the settled pages of ids, or NULL */
    int pages;
} run;

static void find_sequences(run *r)
{
    for (const fo_node *n = r->tree->root->first; n; n = n->next)
        if (n->kind == FO_PAGE_SEQUENCE) {
            seqflow sf = {.seq = n};
            VEC_PUSH(&r->seqs, sf);
        }
}

static const fo_node *next_sequence(const run *r, size_t k)
{
    return k + 1 < r->seqs.len ? r->seqs.v[k + 1].seq : NULL;
}

static void free_flows(run *r)
{
    vlist_free_all(&r->c);
    for (size_t k = 0; k < r->seqs.len; k++) {
        seqflow_free(&r->seqs.v[k]);
        arena_free(r->seqs.v[k].arena);
        r->seqs.v[k] = (seqflow){.seq = r->seqs.v[k].seq};
    }
}

/* Shapes, breaks and stacks every flow, once. */
static int build_all(run *r, const idmap *cited, diag_list *diags)
{
    docstate d = {0};
    r->c.cited = cited;
    r->c.diags = diags;
    for (size_t k = 0; k < r->seqs.len; k++) {
        seqflow *sf = &r->seqs.v[k];
        sf->arena = arena_new();
        r->c.seq = sf->arena;
        if (pages_build(&r->c, sf, &d) != 0)
            return -1;
    }
    return 0;
}

static int any_unspliceable(const run *r)
{
    for (size_t k = 0; k < r->seqs.len; k++)
        if (r->seqs.v[k].unspliceable)
            return 1;
    return 0;
}

static void splice_all(run *r, const idmap *cited, diag_list *diags)
{
    r->c.cited = cited;
    r->c.diags = diags;
    for (size_t k = 0; k < r->seqs.len; k++) {
        r->c.seq = r->seqs.v[k].arena;
        relayout_splice(&r->c, &r->seqs.v[k]);
    }
}

/* Pages of every sequence, into the renderers of d (none when measuring). */
static int paginate_all(run *r, idmap *ids, docstate *d, diag_list *diags, int measuring)
{
    r->c.ids = ids;
    r->c.diags = diags;
    r->c.measuring = measuring;
    int rc = 0;
    for (size_t k = 0; k < r->seqs.len && rc == 0; k++) {
        seqflow *sf = &r->seqs.v[k];
        r->c.seq = sf->arena;
        relayout_reset_areas(sf);
        rc = pages_paginate(&r->c, sf, next_sequence(r, k), d);
    }
    pagestate_free(&d->markers);
    r->pages = d->page_index;
    if (d->page_index == 0 && rc == 0) {
        diag_add(diags, DIAG_ERROR, STAGE_LAYOUT, r->tree->root->loc,
                 "the document has no fo:page-sequence, so there is nothing to print");
        rc = -1;
    }
    return rc;
}

static idmap *measure(run *r)
{
    idmap *ids = idmap_new();
    docstate d = {0};
    diag_list *scratch = diag_list_new();
    paginate_all(r, ids, &d, scratch, 1);
    diag_list_free(scratch);
    return ids;
}

static int render(run *r, const layout_sink *sink, diag_list *diags)
{
    docstate d = {0};
    if (sink->open(sink->ud, &d.renderers, &d.n_renderers, diags) != 0)
        return -1;
    area_doc_info info;
    arena *a = arena_new();
    doc_info(a, r->tree, r->opts, &info);
    int rc = 0;
    for (int k = 0; k < d.n_renderers && rc == 0; k++)
        rc = d.renderers[k]->begin(d.renderers[k], &info, diags);
    idmap *ids = idmap_new();
    if (rc == 0)
        rc = paginate_all(r, ids, &d, diags, 0);
    idmap_free(ids);
    if (rc == 0 && d.failed)
        rc = -1;
    if (rc == 0) {
        const area_bookmark *ol = outline(a, r->tree, r->known);
        for (int k = 0; k < d.n_renderers && rc == 0; k++)
            rc = d.renderers[k]->end(d.renderers[k], ol, diags);
    }
    arena_free(a);
    return rc;
}

/* Citations: measure, compose the cited paragraphs again with the numbers
 * learnt, and measure again, until the pages of all ids settle. When some
 * citation cannot be spliced (relayout.c), everything is composed again
 * instead, and that composition's messages replace the first build's.
 * Otherwise the messages of the last splice are added. */
static int settle(run *r, diag_list *build_diags, int *passes)
{
    idmap *cited = measure(r);
    int rebuild = any_unspliceable(r);
    diag_list *last = NULL;
    int rc = 0;
    for (int iter = 0; iter < LAYOUT_MAX_PASSES && rc == 0; iter++) {
        diag_list_free(last);
        last = diag_list_new();
        if (rebuild) {
            free_flows(r);
            rc = build_all(r, cited, last);
        } else {
            splice_all(r, cited, last);
        }
        (*passes)++;
        if (rc != 0)
            break;
        idmap *now = measure(r);
        int same = idmap_same(cited, now);
        idmap_free(cited);
        cited = now;
        if (same)
            break;
    }
    if (rebuild)
        diag_list_clear(build_diags);
    diag_list_move(build_diags, last);
    diag_list_free(last);
    /* kept for the rendering pagination: static content (page x of y)
     * is composed page by page and cites too */
    r->cited = cited;
    r->c.cited = cited;
    return rc;
}

int layout_run(fo_tree *tree, text_ctx *text, const layout_opts *opts,
               const layout_sink *sink, diag_list *diags, layout_stats *stats)
{
    idmap *known = idmap_new();
    collect_ids(tree->root, known, diags);
    check_links(tree->root, known, diags);
    run r = {.tree = tree, .opts = opts, .known = known};
    r.c = (lctx){.tree = tree, .text = text, .opts = opts, .images = image_cache_new(),
                 .known = known};
    find_sequences(&r);
    diag_list *build_diags = diag_list_new();
    int passes = 1;
    int rc = build_all(&r, NULL, build_diags);
    if (rc == 0 && (r.c.citations_seen || tree_cites(tree->root)))
        rc = settle(&r, build_diags, &passes);
    diag_list_move(diags, build_diags);
    diag_list_free(build_diags);
    if (rc == 0)
        rc = render(&r, sink, diags);
    if (stats) {
        stats->pages = r.pages;
        stats->passes = passes;
    }
    free_flows(&r);
    VEC_FREE(&r.seqs);
    idmap_free(r.cited);
    image_cache_free(r.c.images);
    idmap_free(known);
    return rc;
}

/* ---------------------------------------------------------------- images */

const struct image *layout_image(lctx *c, const fo_node *g)
{
    if (g->kind == FO_INSTREAM_FOREIGN_OBJECT) { /* its SVG, kept by fo_tree.c */
        if (!g->text)
            return NULL;
        char key[64];
        snprintf(key, sizeof key, "fo:instream-foreign-object at line %d", g->fo_loc.line);
        return image_cache_get_data(c->images, key, (const unsigned char *)g->text, g->text_len,
                                    g->loc, c->diags);
    }
    const char *src = g->props->src;
    if (!src || !*src) {
        diag_add(c->diags, DIAG_ERROR, STAGE_LAYOUT, g->loc,
                 "fo:external-graphic has no src; give the image file as src=\"url(images/x.png)\"");
        return NULL;
    }
    char *path = NULL;
    source_opts so = {c->opts ? c->opts->project_root : NULL,
                      c->opts ? c->opts->allowed_roots : NULL,
                      c->opts ? c->opts->n_allowed_roots : 0};
    /* relative to the user's source when the FO came from mkdoc's
     * stylesheets (mk:loc), else to the FO file */
    if (source_resolve_path(g->loc.file, src, &so, g->loc, &path, c->diags) != 0)
        return NULL;
    const struct image *img = image_cache_get(c->images, path, g->loc, c->diags);
    free(path);
    return img;
}
