/* vlist: building the block-progression sequence (see lctx.h). */
#include <string.h>

#include "lctx.h"

vlist *vlist_new(lctx *c)
{
    vlist *v = ARENA_NEW(c->seq, vlist);
    VEC_PUSH(&c->vlists, v);
    return v;
}

void vlist_free_all(lctx *c)
{
    for (size_t k = 0; k < c->vlists.len; k++)
        VEC_FREE(&c->vlists.v[k]->items);
    VEC_FREE(&c->vlists);
}

vitem *vlist_push(vlist *v, vkind kind)
{
    vitem it = {.kind = kind};
    VEC_PUSH(&v->items, it);
    return &v->items.v[v->items.len - 1];
}

void vlist_box(vlist *v, area *a, mk_len h, const fo_node *fo)
{
    vitem *it = vlist_push(v, V_BOX);
    it->area = a;
    it->h = h;
    it->fo = fo;
}

void vlist_glue(vlist *v, mk_len h, int discard)
{
    if (h == 0)
        return;
    vitem *it = vlist_push(v, V_GLUE);
    it->h = h;
    it->discard = (uint8_t)discard;
}

void vlist_penalty(vlist *v, int32_t penalty, uint8_t brk)
{
    if (v->items.len == 0)
        return; /* nothing before: a break here would leave an empty page */
    vitem *last = &v->items.v[v->items.len - 1];
    if (last->kind == V_PENALTY) {
        if (last->penalty <= VP_FORCE)
            return;
        if (penalty <= VP_FORCE || penalty > last->penalty) {
            last->penalty = penalty;
            last->brk = brk;
        }
        return;
    }
    vitem *it = vlist_push(v, V_PENALTY);
    it->penalty = penalty;
    it->brk = brk;
}

void vlist_append(vlist *dst, const vlist *src)
{
    for (size_t k = 0; k < src->items.len; k++)
        VEC_PUSH(&dst->items, src->items.v[k]);
}

mk_len vlist_height(const vlist *v)
{
    int64_t h = 0;
    for (size_t k = 0; k < v->items.len; k++) {
        const vitem *it = &v->items.v[k];
        if (it->kind != V_PENALTY)
            h += it->h;
    }
    return h > MK_LEN_MAX ? MK_LEN_MAX : (mk_len)h;
}

area *area_clone(arena *ar, const area *src)
{
    area *a = ARENA_NEW(ar, area);
    *a = *src;
    a->parent = a->first = a->last = a->next = NULL;
    for (const area *ch = src->first; ch; ch = ch->next)
        area_append(a, area_clone(ar, ch));
    return a;
}

area *lctx_area(lctx *c, area_kind kind, const fo_node *fo)
{
    area *a = ARENA_NEW(c->seq, area);
    a->kind = kind;
    if (fo) {
        a->fo = fo_kind_name(fo->kind);
        a->loc = fo->loc;
    }
    return a;
}

int32_t keep_penalty(const fo_keep *k)
{
    int32_t s = k->within_page > k->within_column ? k->within_page : k->within_column;
    if (s >= FO_KEEP_ALWAYS)
        return VP_INF;
    if (s <= 0)
        return 0;
    /* integer keeps: stronger keeps cost more but stay breakable */
    return s >= 9 ? VP_INF - 1 : 1000 + 900 * s;
}
