/* layout: the driver. Runs the passes (see layout.h), builds the
 * document information and the outline, and checks link targets before
 * any page is drawn, so a dangling reference is a warning rather than a
 * broken PDF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source_path.h"
#include "pages.h"

#define LAYOUT_MAX_PASSES 4

/* ------------------------------------------------------------ tree walks */

static int has_citations(const fo_node *n)
{
    if (n->kind == FO_PAGE_NUMBER_CITATION || n->kind == FO_PAGE_NUMBER_CITATION_LAST)
        return 1;
    if (n->kind == FO_PAGE_NUMBER) {
        for (const fo_node *p = n->parent; p; p = p->parent)
            if (p->kind == FO_STATIC_CONTENT)
                return 0;
        return 1;
    }
    for (const fo_node *c = n->first; c; c = c->next)
        if (has_citations(c))
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
    text_ctx *text;
    const layout_opts *opts;
    image_cache *images;
    const idmap *known;
} run;

static int one_pass(run *r, const idmap *cited, idmap *ids, docstate *d, diag_list *diags)
{
    lctx c = {.tree = r->tree, .text = r->text, .opts = r->opts, .diags = diags,
              .images = r->images, .cited = cited, .ids = ids, .known = r->known};
    int rc = 0;
    const fo_node *seqs[2] = {0};
    for (const fo_node *n = r->tree->root->first; n && rc == 0; n = n->next) {
        if (n->kind != FO_PAGE_SEQUENCE)
            continue;
        const fo_node *next = n->next;
        while (next && next->kind != FO_PAGE_SEQUENCE)
            next = next->next;
        seqs[0] = n;
        c.seq = arena_new();
        rc = pages_sequence(&c, n, next, d);
        vlist_free_all(&c);
        arena_free(c.seq);
    }
    (void)seqs;
    if (d->page_index == 0 && rc == 0) {
        diag_add(diags, DIAG_ERROR, STAGE_LAYOUT, r->tree->root->loc,
                 "the document has no fo:page-sequence, so there is nothing to print");
        rc = -1;
    }
    return rc;
}

static int render_pass(run *r, const layout_sink *sink, const idmap *cited, idmap *ids,
                       diag_list *diags, int *pages)
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
    if (rc == 0)
        rc = one_pass(r, cited, ids, &d, diags);
    if (rc == 0 && d.failed)
        rc = -1;
    if (rc == 0) {
        const area_bookmark *ol = outline(a, r->tree, r->known);
        for (int k = 0; k < d.n_renderers && rc == 0; k++)
            rc = d.renderers[k]->end(d.renderers[k], ol, diags);
    }
    *pages = d.page_index;
    pagestate_free(&d.markers);
    arena_free(a);
    return rc;
}

static int measure_pass(run *r, const idmap *cited, idmap *ids)
{
    docstate d = {0};
    diag_list *scratch = diag_list_new();
    int rc = one_pass(r, cited, ids, &d, scratch);
    pagestate_free(&d.markers);
    diag_list_free(scratch);
    return rc;
}

int layout_run(fo_tree *tree, text_ctx *text, const layout_opts *opts,
               const layout_sink *sink, diag_list *diags, layout_stats *stats)
{
    idmap *known = idmap_new();
    collect_ids(tree->root, known, diags);
    check_links(tree->root, known, diags);
    run r = {tree, text, opts, image_cache_new(), known};
    idmap *cited = NULL;
    int rc = 0, passes = 0, pages = 0;
    if (has_citations(tree->root)) {
        cited = idmap_new();
        rc = measure_pass(&r, NULL, cited);
        passes++;
    }
    while (rc == 0) {
        idmap *ids = idmap_new();
        diag_list *pass_diags = diag_list_new();
        rc = render_pass(&r, sink, cited, ids, pass_diags, &pages);
        passes++;
        int settled = !cited || idmap_same(cited, ids) || passes >= LAYOUT_MAX_PASSES;
        if (rc != 0 || settled) {
            diag_list_move(diags, pass_diags);
            diag_list_free(pass_diags);
            idmap_free(ids);
            break;
        }
        sink->discard(sink->ud);
        diag_list_free(pass_diags);
        idmap_free(cited);
        cited = ids;
    }
    if (stats) {
        stats->pages = pages;
        stats->passes = passes;
    }
    idmap_free(cited);
    idmap_free(known);
    image_cache_free(r.images);
    return rc;
}

/* ---------------------------------------------------------------- images */

const struct image *layout_image(lctx *c, const fo_node *g)
{
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
