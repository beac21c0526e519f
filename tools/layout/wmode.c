/* wmode: writing modes of regions and of their content (see wmode.h). */
#include <string.h>

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
