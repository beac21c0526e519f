/* para_box: fo:inline-container (XSL 1.1 §6.6.8), a reference area set in
 * a line like an image.
 *
 * Its children are laid out as blocks at the container's width, in a vlist
 * of their own, and placed at once into one block area (never broken
 * across lines or pages, as XSL says: an inline-container's areas are
 * atomic). The line treats that area as an object of its width: it stands
 * with its first line's baseline on the line's baseline (the container's
 * dominant baseline, §7.13 in effect for an inline-container), or with its
 * after edge on the baseline when it holds no line. Ids and footnotes
 * inside it are lifted onto the paragraph, which records them from the
 * line the container lands on.
 *
 * A width of auto takes the line's whole measure: shrinking to the content
 * would need a measuring pass. */
#include "para_items.h"
#include "wmode.h"

/* The distance from a's top to the baseline of its first line, or -1. */
static mk_len first_baseline(const area *a)
{
    for (const area *ch = a->first; ch; ch = ch->next) {
        if (ch->kind == AREA_LINE)
            return ch->b + ch->baseline;
        if (ch->kind == AREA_BLOCK && !ch->is_reference) {
            mk_len b = first_baseline(ch);
            if (b >= 0)
                return ch->b + b;
        }
    }
    return -1;
}

/* Moves the ids and footnotes of lv's items into the paragraph. */
static void lift(pbuild *pb, vlist *lv, const fo_node *n)
{
    for (size_t k = 0; k < lv->items.len; k++) {
        vitem *x = &lv->items.v[k];
        for (vid *d = x->ids; d; d = d->next)
            if (d->id[0] != '\x01')
                para_add_obj(pb, (pobj){.kind = OBJ_ID, .fo = n, .id = d->id});
        x->ids = NULL;
        while (x->notes) {
            vnote *nt = x->notes;
            x->notes = nt->next;
            nt->next = NULL;
            para_add_obj(pb, (pobj){.kind = OBJ_NOTE, .fo = n, .note = nt});
        }
    }
}

void para_box_collect(pbuild *pb, const fo_node *n)
{
    lctx *c = pb->c;
    mk_len ipd, used;
    vlist *lv = wmode_reference_content(c, n, c->cur_ipd, &ipd);
    lift(pb, lv, n);
    area *a = wmode_reference_area(c, n, lv, &used);
    fo_len h = wmode_bpd_prop(n->props);
    a->ipd = ipd;
    a->bpd = h.auto_ ? used : fo_len_resolve(h, 0);
    if (a->bpd < 0)
        a->bpd = 0;
    mk_len base = first_baseline(a);
    a->baseline = base >= 0 && base <= a->bpd ? base : a->bpd;
    para_add_obj(pb, (pobj){.kind = OBJ_IMAGE, .fo = n, .box = a, .w = ipd, .h = a->bpd});
}
