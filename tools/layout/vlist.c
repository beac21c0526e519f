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
    it->area_i = a ? a->i : 0;
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

void vlist_space(vlist *v, const fo_space *s, mk_len base)
{
    mk_len h = fo_len_resolve(s->opt, base);
    if (h == 0)
        return;
    vitem *it = vlist_push(v, V_GLUE);
    it->h = h;
    it->discard = s->discard;
    it->retain = !s->discard;
    it->prec = s->precedence;
}

void vspace_add(vspace *s, const vitem *g)
{
    if (g->prec == FO_SPACE_FORCE) {
        s->forced += g->h;    /* §4.3.1 rule 2: every forcing space is kept */
        s->any_forced = 1;
        return;
    }
    /* rules 3 and 4: the greatest precedence, then the greatest length */
    if (!s->any || g->prec > s->prec || (g->prec == s->prec && g->h > s->len)) {
        s->len = g->h;
        s->prec = g->prec;
    }
    s->any = 1;
}

mk_len vspace_len(const vspace *s)
{
    return s->any_forced ? s->forced : s->len;
}

/* Mirrors paginate.c's placer: spaces wait until a box or a border needs
 * them, merging meanwhile; a block without border or padding before keeps
 * them waiting, so that its first child's space merges with its own. */
mk_len vlist_span_height(const vlist *v, size_t from, size_t to)
{
    int64_t y = 0;
    vspace glue = {0};
    for (size_t k = from; k < to && k < v->items.len; k++) {
        const vitem *it = &v->items.v[k];
        switch (it->kind) {
        case V_GLUE: vspace_add(&glue, it); break;
        case V_PENALTY: break;
        case V_OPEN: case V_CLOSE: case V_BOX:
            if (it->kind == V_BOX || it->h > 0) {
                y += vspace_len(&glue);
                glue = (vspace){0};
            }
            y += it->h;
            break;
        }
    }
    y += vspace_len(&glue);
    return y > MK_LEN_MAX ? MK_LEN_MAX : (mk_len)y;
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
