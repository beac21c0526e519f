/* para_decor: what an fo:inline draws around its text.
 *
 * An inline's background and borders (XSL 1.1 §7.8) become one AREA_INLINE
 * per line over the part of its text on that line, put first among the
 * line's children so the text is drawn over it; its text-decoration
 * (§7.17.4) becomes AREA_RULEs put last, at the font's underline position
 * and thickness (overline and line-through at the em box's top and centre).
 * Borders and padding of the start and end edges show where the inline
 * begins and ends (conditionality discard, §4.2.2), vertically the area
 * is the font's em box (its ascent and descent for non-CJK fonts) plus
 * padding and borders. In vertical writing the em box is centred on the
 * line's central line, the sides map by the writing mode, and an
 * underline (傍線) stands on the right of the text, an overline on the
 * left (JLREQ 3.3, CSS text-underline-position for Japanese). Known limit: inline padding and borders take no
 * room in the line, they stand over the neighbouring text. */
#include "para_items.h"
#include "wmode.h"

static mk_len border_w(const fo_props *p, int side)
{
    const fo_border *b = &p->border[side];
    return b->style == FO_BORDER_NONE || b->style == FO_BORDER_HIDDEN ? 0 : b->width;
}

/* Decoration bits n adds to those it inherits (text-decoration is copied
 * to descendants, so an inner inline would draw its parent's again). */
static unsigned new_decorations(const fo_node *n)
{
    unsigned d = n->props->text_decoration;
    if (n->parent && n->parent->props)
        d &= ~(unsigned)n->parent->props->text_decoration;
    return d;
}

void para_decor_collect(pbuild *pb, const fo_node *n, size_t start, size_t end)
{
    const fo_props *p = n->props;
    int any = p->background_color.a != 0 || new_decorations(n) != 0;
    for (int s = 0; s < 4; s++)
        any |= border_w(p, s) > 0;
    if (any && end > start)
        VEC_PUSH(&pb->decos, ((pdeco){start, end, n}));
}

static void prepend(area *line, area *a)
{
    a->parent = line;
    a->next = line->first;
    line->first = a;
    if (!line->last)
        line->last = a;
}

static void font_box(lctx *c, const fo_props *p, mk_len *asc, mk_len *desc,
                     text_font_metrics *m)
{
    const text_font *f = text_font_primary(c->text, p->font_family, p->font_size,
                                           p->font_weight, p->font_style, p->language);
    text_font_get_metrics(f, m);
    *asc = m->em_ascent > 0 ? m->em_ascent : m->ascent;
    *desc = m->em_ascent > 0 ? m->em_descent : m->descent;
    if (wmode_vertical(p->writing_mode)) { /* centred on the central line */
        *asc = p->font_size / 2;
        *desc = p->font_size - *asc;
    }
}

/* XSL 1.1 §7.3: the absolute edge of each logical side (before, end,
 * after, start) in writing mode wm. */
static const int *decor_sides(fo_writing_mode wm)
{
    static const int sides[4][4] = {
        [FO_WM_LR_TB] = {FO_TOP, FO_RIGHT, FO_BOTTOM, FO_LEFT},
        [FO_WM_RL_TB] = {FO_TOP, FO_LEFT, FO_BOTTOM, FO_RIGHT},
        [FO_WM_TB_RL] = {FO_RIGHT, FO_BOTTOM, FO_LEFT, FO_TOP},
        [FO_WM_TB_LR] = {FO_LEFT, FO_BOTTOM, FO_RIGHT, FO_TOP},
    };
    return sides[wm & 3];
}

static void inline_box(lctx *c, area *line, const pdeco *d, mk_len x0, mk_len x1,
                       int first, int last)
{
    const fo_props *p = d->fo->props;
    text_font_metrics m;
    mk_len asc, desc;
    font_box(c, p, &asc, &desc, &m);
    const int *side = decor_sides(p->writing_mode);
    area *a = lctx_area(c, AREA_INLINE, d->fo);
    mk_len pad[4];
    for (int k = 0; k < 4; k++) {
        int shown = (k != AREA_START || first) && (k != AREA_END || last);
        pad[k] = shown ? fo_len_resolve(p->padding[side[k]], c->cur_ipd) : 0;
        a->border_w[k] = shown ? border_w(p, side[k]) : 0;
        a->border_style[k] = p->border[side[k]].style;
        a->border_color[k] = p->border[side[k]].color;
    }
    a->background = p->background_color;
    a->i = x0 - pad[AREA_START] - a->border_w[AREA_START];
    a->ipd = x1 - x0 + pad[AREA_START] + pad[AREA_END] + a->border_w[AREA_START] +
             a->border_w[AREA_END];
    a->b = line->baseline - asc - pad[AREA_BEFORE] - a->border_w[AREA_BEFORE];
    a->bpd = asc + desc + pad[AREA_BEFORE] + pad[AREA_AFTER] + a->border_w[AREA_BEFORE] +
             a->border_w[AREA_AFTER];
    prepend(line, a);
}

/* XSL 1.1 §7.17.4: underline, overline, line-through in the inline's color. */
static void decorations(lctx *c, area *line, const pdeco *d, mk_len x0, mk_len x1)
{
    const fo_props *p = d->fo->props;
    unsigned bits = new_decorations(d->fo);
    text_font_metrics m;
    mk_len asc, desc;
    font_box(c, p, &asc, &desc, &m);
    mk_len t = m.underline_thickness > 0 ? m.underline_thickness : p->font_size / 20;
    /* below the baseline: underline; overline at the top of the em box,
     * line-through at its centre (the middle of kanji; a little above
     * the middle of Latin lower case) */
    mk_len at[3] = {m.underline_position > 0 ? m.underline_position : p->font_size / 10,
                    -asc, -(asc - desc) / 2};
    if (wmode_vertical(p->writing_mode)) { /* 傍線 right, overline left */
        at[0] = -asc - p->font_size / 10;
        at[1] = desc + p->font_size / 10;
        at[2] = 0;
    }
    for (int k = 0; k < 3; k++) {
        if (!(bits & (1u << k)))
            continue;
        area *r = lctx_area(c, AREA_RULE, d->fo);
        r->i = x0;
        r->ipd = x1 - x0;
        r->b = line->baseline + at[k] - t / 2;
        r->bpd = t;
        r->u.rule.style = FO_BORDER_SOLID;
        r->u.rule.color = p->color;
        r->u.rule.thickness = t;
        area_append(line, r);
    }
}

void para_decor_line(lctx *c, const pbuild *pb, area *line, const pspans *spans)
{
    size_t b0 = (size_t)-1, b1 = 0;
    for (size_t k = 0; k < spans->len; k++) {
        if (spans->v[k].start < b0) b0 = spans->v[k].start;
        if (spans->v[k].end > b1) b1 = spans->v[k].end;
    }
    /* inner inlines were collected first: prepending the outer ones
     * last puts their background under the inner ones' */
    for (size_t l = 0; l < pb->decos.len; l++) {
        const pdeco *d = &pb->decos.v[l];
        mk_len x0 = MK_LEN_MAX, x1 = -MK_LEN_MAX;
        for (size_t k = 0; k < spans->len; k++) {
            const pspan *sp = &spans->v[k];
            if (sp->end <= d->start || sp->start >= d->end)
                continue;
            if (sp->x0 < x0) x0 = sp->x0;
            if (sp->x1 > x1) x1 = sp->x1;
        }
        if (x0 >= x1)
            continue;
        const fo_props *p = d->fo->props;
        int box = p->background_color.a != 0;
        for (int s = 0; s < 4; s++)
            box |= border_w(p, s) > 0;
        if (box)
            inline_box(c, line, d, x0, x1, d->start >= b0, d->end <= b1);
        decorations(c, line, d, x0, x1);
    }
}
