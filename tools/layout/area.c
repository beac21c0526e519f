/* area: allocation of the area tree. Every area and string of a page lives
 * in the page's arena, so a finished page is freed in one call once all
 * renderers have seen it. */
#include "area.h"

#include <assert.h>
#include <stdlib.h>

area_page *area_page_new(int index, mk_len width, mk_len height)
{
    arena *a = arena_new();
    area_page *page = ARENA_NEW(a, area_page);
    page->arena = a;
    page->index = index;
    page->width = width;
    page->height = height;
    page->wm = FO_WM_LR_TB;
    /* The root is the page itself: a physical (lr-tb) frame of the page's
     * size, so regions are placed by x/y whatever their writing mode. */
    area *root = ARENA_NEW(a, area);
    root->kind = AREA_REGION;
    root->is_reference = 1;
    root->wm = FO_WM_LR_TB;
    root->ipd = width;
    root->bpd = height;
    root->fo = "page";
    page->root = root;
    return page;
}

void area_page_free(area_page *page)
{
    if (page)
        arena_free(page->arena); /* the page struct itself lives in it */
}

area *area_new(area_page *page, area *parent, area_kind kind)
{
    area *a = ARENA_NEW(page->arena, area);
    a->kind = kind;
    a->wm = parent ? parent->wm : page->wm;
    if (parent)
        area_append(parent, a);
    return a;
}

void area_append(area *parent, area *child)
{
    assert(parent && child && !child->parent && !child->next);
    child->parent = parent;
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
}
