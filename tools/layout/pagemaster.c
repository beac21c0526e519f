/* pagemaster: choosing the simple-page-master of each page (XSL 1.1
 * §6.4.7–§6.4.13), the geometry of its regions (§6.4.14–§6.4.19), and page
 * number formatting (§7.26.1 format). */
#include <stdio.h>
#include <string.h>

#include "pagemaster.h"

static const fo_node *find_master(const fo_tree *t, const char *name, fo_kind kind)
{
    if (!name)
        return NULL;
    for (const fo_node *n = t->root->first; n; n = n->next) {
        if (n->kind != FO_LAYOUT_MASTER_SET)
            continue;
        for (const fo_node *m = n->first; m; m = m->next)
            if (m->kind == kind && m->props->master_name &&
                strcmp(m->props->master_name, name) == 0)
                return m;
    }
    return NULL;
}

int pm_init(pm_state *s, const fo_tree *t, const fo_node *seq, diag_list *diags)
{
    memset(s, 0, sizeof *s);
    s->tree = t;
    const char *ref = seq->props->master_reference;
    s->single = find_master(t, ref, FO_SIMPLE_PAGE_MASTER);
    if (!s->single)
        s->psm = find_master(t, ref, FO_PAGE_SEQUENCE_MASTER);
    if (!s->single && !s->psm) {
        diag_add(diags, DIAG_ERROR, STAGE_LAYOUT, seq->loc,
                 "fo:page-sequence names master-reference=\"%s\", but no "
                 "simple-page-master or page-sequence-master has that master-name",
                 ref ? ref : "");
        return -1;
    }
    s->sub = s->psm ? s->psm->first : NULL;
    return 0;
}

/* XSL 1.1 §7.27.14: page-position first/rest/any; "last" and "only" need
 * to know the page is the sequence's last, which mkdoc does not look
 * ahead for: such alternatives match no page (documented limitation). */
static int cond_matches(const fo_node *c, int first, int odd, int blank)
{
    const fo_props *p = c->props;
    if (p->page_position == 1 && !first) return 0;
    if (p->page_position == 3 && first) return 0;
    if (p->page_position == 2 || p->page_position == 4) return 0;
    if (p->odd_or_even == 1 && !odd) return 0;
    if (p->odd_or_even == 2 && odd) return 0;
    if (p->blank_or_not_blank == 1 && !blank) return 0;
    if (p->blank_or_not_blank == 2 && blank) return 0;
    return 1;
}

static const fo_node *from_alternatives(pm_state *s, const fo_node *alt, int first,
                                        int odd, int blank)
{
    for (const fo_node *c = alt->first; c; c = c->next)
        if (c->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE && cond_matches(c, first, odd, blank))
            return find_master(s->tree, c->props->master_reference, FO_SIMPLE_PAGE_MASTER);
    return NULL;
}

static int sub_exhausted(const pm_state *s)
{
    const fo_node *sub = s->sub;
    if (sub->kind == FO_SINGLE_PAGE_MASTER_REFERENCE)
        return s->used >= 1;
    int32_t max = sub->props->maximum_repeats;
    return max >= 0 && s->used >= max;
}

const fo_node *pm_next(pm_state *s, int first, int odd, int blank, diag_list *diags,
                       diag_loc loc)
{
    if (s->single)
        return s->single;
    while (s->sub && (s->sub->kind != FO_SINGLE_PAGE_MASTER_REFERENCE &&
                      s->sub->kind != FO_REPEATABLE_PAGE_MASTER_REFERENCE &&
                      s->sub->kind != FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES))
        s->sub = s->sub->next;
    while (s->sub && sub_exhausted(s)) {
        s->sub = s->sub->next;
        s->used = 0;
    }
    const fo_node *sub = s->sub;
    if (!sub) {
        if (!s->warned++)
            diag_add(diags, DIAG_WARNING, STAGE_LAYOUT, loc,
                     "the page-sequence-master has run out of page masters; the "
                     "last one is repeated (add a repeatable-page-master-reference)");
        return s->last;
    }
    s->used++;
    const fo_node *m = sub->kind == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES
                           ? from_alternatives(s, sub, first, odd, blank)
                           : find_master(s->tree, sub->props->master_reference,
                                         FO_SIMPLE_PAGE_MASTER);
    if (!m)
        m = s->last;
    if (!m && !s->warned++)
        diag_add(diags, DIAG_ERROR, STAGE_LAYOUT, sub->loc,
                 "no simple-page-master fits this page (check master-reference and "
                 "the conditions of the conditional-page-master-references)");
    if (m)
        s->last = m;
    return m;
}

static const fo_node *region_of(const fo_node *spm, fo_kind kind)
{
    for (const fo_node *r = spm->first; r; r = r->next)
        if (r->kind == kind)
            return r;
    return NULL;
}

static mk_len ext(const fo_node *r, mk_len base)
{
    return r ? fo_len_resolve(r->props->extent, base) : 0;
}

/* The strip of extent e along physical side `side` of the content
 * rectangle c (XSL 1.1 §6.4.14–§6.4.18: extent is measured inwards). */
static pm_rect strip(pm_rect c, int side, mk_len e)
{
    switch (side) {
    case FO_TOP: return (pm_rect){c.x, c.y, c.w, e};
    case FO_BOTTOM: return (pm_rect){c.x, c.y + c.h - e, c.w, e};
    case FO_LEFT: return (pm_rect){c.x, c.y, e, c.h};
    default: return (pm_rect){c.x + c.w - e, c.y, e, c.h};
    }
}

/* Shortens strip r where the region on the perpendicular side `side`
 * (extent e) takes the corner. */
static void yield_corner(pm_rect *r, int side, mk_len e)
{
    switch (side) {
    case FO_TOP: r->y += e; r->h -= e; break;
    case FO_BOTTOM: r->h -= e; break;
    case FO_LEFT: r->x += e; r->w -= e; break;
    default: r->w -= e; break;
    }
}

/* §6.4.13: "the writing-mode of the page is used to determine the
 * placement of the five regions": before/after/start/end are the edges of
 * the simple-page-master's writing mode (in tb-rl, region-before is the
 * right-hand strip and region-start the top one). §6.4.14 precedence: a
 * before/after region with precedence="true" takes the corners, else the
 * start/end regions do. */
static void side_regions(const fo_node *spm, pm_geom *g, pm_rect c)
{
    static const int edge[4][4] = { /* before, after, start, end */
        [FO_WM_LR_TB] = {FO_TOP, FO_BOTTOM, FO_LEFT, FO_RIGHT},
        [FO_WM_RL_TB] = {FO_TOP, FO_BOTTOM, FO_RIGHT, FO_LEFT},
        [FO_WM_TB_RL] = {FO_RIGHT, FO_LEFT, FO_TOP, FO_BOTTOM},
        [FO_WM_TB_LR] = {FO_LEFT, FO_RIGHT, FO_TOP, FO_BOTTOM},
    };
    static const int which[4] = {PM_BEFORE, PM_AFTER, PM_START, PM_END};
    const int *e = edge[spm->props->writing_mode & 3];
    mk_len ex[4];
    for (int k = 0; k < 4; k++) {
        int horizontal_strip = e[k] == FO_TOP || e[k] == FO_BOTTOM;
        ex[k] = ext(g->node[which[k]], horizontal_strip ? c.h : c.w);
        g->r[which[k]] = strip(c, e[k], ex[k]);
    }
    for (int k = 0; k < 2; k++) { /* before, after against start, end */
        const fo_node *n = g->node[which[k]];
        if (n && n->props->precedence) {
            yield_corner(&g->r[PM_START], e[k], ex[k]);
            yield_corner(&g->r[PM_END], e[k], ex[k]);
        } else {
            yield_corner(&g->r[which[k]], e[2], ex[2]);
            yield_corner(&g->r[which[k]], e[3], ex[3]);
        }
    }
}

void pm_geometry(const fo_node *spm, pm_geom *g)
{
    const fo_props *p = spm->props;
    memset(g, 0, sizeof *g);
    g->columns = 1; /* also without a region-body: callers divide by it */
    g->page_w = p->page_width;
    g->page_h = p->page_height;
    mk_len mt = fo_len_resolve(p->margin[FO_TOP], g->page_h);
    mk_len mr = fo_len_resolve(p->margin[FO_RIGHT], g->page_w);
    mk_len mb = fo_len_resolve(p->margin[FO_BOTTOM], g->page_h);
    mk_len ml = fo_len_resolve(p->margin[FO_LEFT], g->page_w);
    mk_len cx = ml, cy = mt, cw = g->page_w - ml - mr, ch = g->page_h - mt - mb;
    const fo_node *rb = region_of(spm, FO_REGION_BODY);
    const fo_node *rbe = region_of(spm, FO_REGION_BEFORE);
    const fo_node *raf = region_of(spm, FO_REGION_AFTER);
    const fo_node *rst = region_of(spm, FO_REGION_START);
    const fo_node *ren = region_of(spm, FO_REGION_END);
    g->node[PM_BODY] = rb;
    g->node[PM_BEFORE] = rbe;
    g->node[PM_AFTER] = raf;
    g->node[PM_START] = rst;
    g->node[PM_END] = ren;
    if (rb) {
        const fo_props *bp = rb->props;
        mk_len bt = fo_len_resolve(bp->margin[FO_TOP], ch), bb = fo_len_resolve(bp->margin[FO_BOTTOM], ch);
        mk_len bl = fo_len_resolve(bp->margin[FO_LEFT], cw), br = fo_len_resolve(bp->margin[FO_RIGHT], cw);
        g->r[PM_BODY] = (pm_rect){cx + bl, cy + bt, cw - bl - br, ch - bt - bb};
        g->columns = bp->column_count > 0 ? bp->column_count : 1;
        g->column_gap = bp->column_gap;
    }
    side_regions(spm, g, (pm_rect){cx, cy, cw, ch});
}

static void roman(char *out, size_t size, int n, int upper)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
    size_t len = 0;
    out[0] = '\0';
    for (int k = 0; k < 13 && n > 0; k++)
        while (n >= val[k] && len + 3 < size) {
            for (const char *s = sym[k]; *s; s++)
                out[len++] = upper ? (char)(*s - 'a' + 'A') : *s;
            n -= val[k];
        }
    out[len] = '\0';
}

static void alpha(char *out, size_t size, int n, char base)
{
    char tmp[16];
    int len = 0;
    while (n > 0 && len < 15) {
        n--;
        tmp[len++] = (char)(base + n % 26);
        n /= 26;
    }
    size_t k = 0;
    while (len > 0 && k + 1 < size)
        out[k++] = tmp[--len];
    out[k] = '\0';
}

void pm_format_number(const char *format, int n, char *out, size_t size)
{
    if (!format || !*format)
        format = "1";
    if (n > 0 && n < 5000 && (format[0] == 'i' || format[0] == 'I')) {
        roman(out, size, n, format[0] == 'I');
        return;
    }
    if (n > 0 && (format[0] == 'a' || format[0] == 'A') && format[1] == '\0') {
        alpha(out, size, n, format[0]);
        return;
    }
    /* "01", "001": the number of digits is a minimum width */
    int width = 0;
    while (format[width] == '0')
        width++;
    snprintf(out, size, "%0*d", width ? width + 1 : 1, n);
}
