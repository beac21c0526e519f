/* wmode: writing modes of regions and of their content (see wmode.h). */
#include <string.h>

#include "paginate.h"
#include "wmode.h"

int wmode_vertical(fo_writing_mode wm)
{
    return wm == FO_WM_TB_RL || wm == FO_WM_TB_LR;
}

static int specifies_wm(const fo_node *n)
{
    for (int k = 0; n && k < n->n_attrs; k++)
        if (strcmp(n->attrs[k].name, "writing-mode") == 0)
            return 1;
    return 0;
}

fo_writing_mode wmode_region(const fo_node *region, const fo_node *seq)
{
    if (!region)
        return FO_WM_LR_TB;
    if (specifies_wm(region) || specifies_wm(region->parent) || !seq)
        return region->props->writing_mode;
    return seq->props->writing_mode;
}

void wmode_frame_size(fo_writing_mode wm, mk_len w, mk_len h, mk_len *ipd, mk_len *bpd)
{
    int v = wmode_vertical(wm);
    *ipd = v ? h : w;
    *bpd = v ? w : h;
}

fo_len wmode_ipd_prop(const fo_props *p)
{
    return wmode_vertical(p->writing_mode) ? p->height : p->width;
}

fo_len wmode_bpd_prop(const fo_props *p)
{
    return wmode_vertical(p->writing_mode) ? p->width : p->height;
}

void wmode_apply(lctx *c, const fo_node *flow, fo_writing_mode wm)
{
    if (!flow || !flow->parent || flow->props->writing_mode == wm)
        return;
    fo_props *parent = arena_alloc(c->tree->arena, sizeof *parent);
    memcpy(parent, flow->parent->props, sizeof *parent);
    parent->writing_mode = wm;
    diag_list *scratch = diag_list_new(); /* reported when the tree was built */
    fo_tree_recompute(c->tree, (fo_node *)flow, parent, scratch);
    diag_list_free(scratch);
}

int wmode_orthogonal(const fo_node *n)
{
    return n->parent && n->parent->props &&
           wmode_vertical(n->props->writing_mode) !=
               wmode_vertical(n->parent->props->writing_mode);
}

/* Moves the ids and footnotes of the items of lv onto the box it, which
 * the paginator places on a page: it records them from there. */
static void wmode_lift(lctx *c, vlist *lv, vitem *it)
{
    for (size_t k = 0; k < lv->items.len; k++) {
        vitem *x = &lv->items.v[k];
        while (x->ids) {
            vid *d = x->ids;
            x->ids = d->next;
            d->next = it->ids;
            it->ids = d;
        }
        while (x->notes) {
            vnote *nt = x->notes;
            x->notes = nt->next;
            nt->next = it->notes;
            it->notes = nt;
        }
    }
    const char *id = it->fo->props->id;
    if (id && *id) {
        vid *d = ARENA_NEW(c->seq, vid);
        d->id = id;
        d->next = it->ids;
        it->ids = d;
    }
}

vlist *wmode_reference_content(lctx *c, const fo_node *n, mk_len base, mk_len *ipd)
{
    const fo_props *p = n->props;
    fo_len w = wmode_ipd_prop(p);
    mk_len width = w.auto_ ? base : fo_len_resolve(w, base);
    if (width < MK_PT)
        width = MK_PT;
    mk_len si = fo_len_resolve(p->start_indent, width), ei = fo_len_resolve(p->end_indent, width);
    mk_len saved_region = c->region_ipd, saved_cur = c->cur_ipd, saved_grid = c->grid;
    c->region_ipd = width;
    c->grid = 0;
    vlist *lv = vlist_new(c);
    blocks_layout(c, lv, n, -si, width + si + ei, VP_INF);
    c->region_ipd = saved_region;
    c->cur_ipd = saved_cur;
    c->grid = saved_grid;
    *ipd = width;
    return lv;
}

area *wmode_reference_area(lctx *c, const fo_node *n, vlist *lv, mk_len *used)
{
    const fo_props *p = n->props;
    area *a = lctx_area(c, AREA_BLOCK, n);
    a->is_reference = 1;
    a->wm = p->writing_mode;
    a->background = p->background_color;
    col_fill f = {0};
    *used = pager_place_all(c, lv, a, 0, &f);
    VEC_FREE(&f.notes);
    return a;
}

void wmode_container(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0, mk_len ref_ipd)
{
    mk_len ipd, used;
    vlist *lv = wmode_reference_content(c, n, ref_ipd, &ipd);
    vitem box = {.kind = V_BOX, .fo = n};
    wmode_lift(c, lv, &box);
    area *a = wmode_reference_area(c, n, lv, &used);
    /* its rectangle in the parent's frame: its own block axis runs along
     * the parent's lines, its own lines across them */
    fo_len h = wmode_bpd_prop(n->props);
    a->i = ref_i0;
    a->ipd = h.auto_ ? used : fo_len_resolve(h, 0);
    a->bpd = ipd;
    vlist_box(v, a, a->bpd, n);
    vitem *it = &v->items.v[v->items.len - 1];
    it->ids = box.ids;
    it->notes = box.notes;
}
