/* static: markers (XSL 1.1 §6.13.5–§6.13.6) and the static content of
 * each page's outer regions (§6.4.19).
 *
 * Markers are recorded as the blocks that carry them start on a page;
 * fo:retrieve-marker looks first among the page's own markers and then at
 * the last marker of the class from earlier pages (the carry-over that
 * makes a chapter title stay in the running head across its pages). */
#include <string.h>

#include "pages.h"
#include "wmode.h"

static void set_marker(mrecs *list, const char *cls, const fo_node *m)
{
    for (size_t k = 0; k < list->len; k++)
        if (strcmp(list->v[k].cls, cls) == 0) {
            list->v[k].marker = m;
            return;
        }
    mrec r = {cls, m};
    VEC_PUSH(list, r);
}

static void add_markers(mrecs *list, const fo_node *first_marker)
{
    for (const fo_node *m = first_marker; m && m->kind == FO_MARKER; m = m->next) {
        const char *cls = m->props->marker_class_name;
        if (!cls)
            continue;
        mrec r = {cls, m};
        VEC_PUSH(list, r);
    }
}

void pager_marker_started(col_fill *f, const fo_node *first_marker)
{
    if (f->ps)
        add_markers(&f->ps->on_page, first_marker);
}

void pager_marker_carried(col_fill *f, const fo_node *first_marker)
{
    if (f->ps)
        add_markers(&f->ps->carried, first_marker);
}

void pager_marker_ended(col_fill *f, const fo_node *first_marker)
{
    if (f->ps)
        add_markers(&f->ps->ended, first_marker);
}

void pagestate_page_done(pagestate *ps)
{
    for (size_t k = 0; k < ps->on_page.len; k++) {
        set_marker(&ps->before_seq, ps->on_page.v[k].cls, ps->on_page.v[k].marker);
        set_marker(&ps->before_doc, ps->on_page.v[k].cls, ps->on_page.v[k].marker);
    }
    ps->on_page.len = ps->carried.len = ps->ended.len = 0;
}

void pagestate_sequence_start(pagestate *ps)
{
    ps->before_seq.len = 0;
    ps->on_page.len = ps->carried.len = ps->ended.len = 0;
}

void pagestate_free(pagestate *ps)
{
    VEC_FREE(&ps->on_page);
    VEC_FREE(&ps->carried);
    VEC_FREE(&ps->ended);
    VEC_FREE(&ps->before_seq);
    VEC_FREE(&ps->before_doc);
}

static const fo_node *earlier(const mrecs *list, const char *cls)
{
    for (size_t k = 0; k < list->len; k++)
        if (strcmp(list->v[k].cls, cls) == 0)
            return list->v[k].marker;
    return NULL;
}

/* The first (or last) marker of the class in list, or NULL. */
static const fo_node *pick(const mrecs *list, const char *cls, int last)
{
    const fo_node *found = NULL;
    for (size_t k = 0; k < list->len; k++)
        if (strcmp(list->v[k].cls, cls) == 0) {
            found = list->v[k].marker;
            if (!last)
                break;
        }
    return found;
}

/* XSL 1.1 §7.24.4 retrieve-position, among the markers of this page:
 * 0 first-starting-within-page, 1 first-including-carryover (blocks going
 * on from the previous page come first: their markers precede in document
 * order), 2 last-starting-within-page, 3 last-ending-within-page (when no
 * marked block ends here, the last marked area of the page, as Apache FOP
 * does: a block running over the whole page still names it). */
static const fo_node *on_this_page(const pagestate *ps, const char *cls, int position)
{
    switch (position) {
    case 1: {
        const fo_node *m = pick(&ps->carried, cls, 0);
        return m ? m : pick(&ps->on_page, cls, 0);
    }
    case 2: return pick(&ps->on_page, cls, 1);
    case 3: {
        const fo_node *m = pick(&ps->ended, cls, 1);
        if (!m)
            m = pick(&ps->on_page, cls, 1);
        return m ? m : pick(&ps->carried, cls, 1);
    }
    default: return pick(&ps->on_page, cls, 0);
    }
}

const fo_node *static_find_marker(lctx *c, const fo_node *retrieve)
{
    pagestate *ps = c->page;
    const fo_props *p = retrieve->props;
    const char *cls = p->retrieve_class_name;
    if (!ps || !cls)
        return NULL;
    const fo_node *found = on_this_page(ps, cls, p->retrieve_position);
    /* §6.13.6: none on the page: the last one before it, within
     * retrieve-boundary (page: none; page-sequence; document) */
    if (found || p->retrieve_boundary == 1)
        return found;
    return earlier(p->retrieve_boundary == 2 ? &ps->before_doc : &ps->before_seq, cls);
}

const fo_node *static_content_for(const fo_node *seq, const char *flow_name)
{
    if (!flow_name)
        return NULL;
    for (const fo_node *n = seq->first; n; n = n->next)
        if (n->kind == FO_STATIC_CONTENT && n->props->flow_name &&
            strcmp(n->props->flow_name, flow_name) == 0)
            return n;
    return NULL;
}

static const char *default_region_name(fo_kind k)
{
    switch (k) {
    case FO_REGION_BODY: return "xsl-region-body";
    case FO_REGION_BEFORE: return "xsl-region-before";
    case FO_REGION_AFTER: return "xsl-region-after";
    case FO_REGION_START: return "xsl-region-start";
    case FO_REGION_END: return "xsl-region-end";
    default: return "";
    }
}

const char *static_region_name(const fo_node *region)
{
    const char *n = region->props->region_name;
    return n && *n ? n : default_region_name(region->kind);
}

/* Lays out the static content for one outer region of the page. */
void static_layout_region(lctx *c, const fo_node *sc, area *region, col_fill *f)
{
    vlist *v = vlist_new(c);
    mk_len ipd, bpd;
    wmode_frame_size(region->wm, region->ipd, region->bpd, &ipd, &bpd);
    c->region_ipd = ipd;
    blocks_layout(c, v, sc, 0, ipd, VP_INF);
    mk_len h = pager_place_all(c, v, region, 0, f);
    const fo_node *rn = NULL;
    (void)rn;
    fo_display_align da = f->region_align;
    mk_len shift = da == FO_DISPLAY_CENTER ? (bpd - h) / 2
                   : da == FO_DISPLAY_AFTER ? bpd - h : 0;
    if (shift > 0)
        for (area *a = region->first; a; a = a->next)
            a->b += shift;
    VEC_FREE(&v->items);
}
