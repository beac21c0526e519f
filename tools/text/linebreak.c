/* linebreak: Knuth–Plass total-fit line breaking, and justification.
 *
 * The model. A paragraph is a list of boxes (fixed width), glue (width that
 * may stretch or shrink) and penalties (a possible break with a cost and a
 * width that only counts when the line breaks there, like a hyphen). A line
 * may break at a penalty below LB_INFINITY or at a glue right after a box.
 * Breaking at a glue drops it; after any break the following glue and
 * penalties are dropped up to the next box (or forced break), so no line
 * starts with space. Nothing here knows of fonts or scripts: JLREQ kinsoku
 * arrives as penalties, JLREQ spacing as glue with an adjustment class.
 *
 * The algorithm. Prefix sums of width, stretch and shrink (int64, so long
 * paragraphs cannot overflow) give any line's natural width and elasticity
 * in O(1), as in neatroff. We sweep the break opportunities left to right,
 * keeping an "active list" of earlier breaks from which a line to here can
 * still be built. Each line gets TeX's badness (about 100·ratio³, computed
 * in integers), a fitness class (very loose, loose, decent, tight) and
 * demerits: (line_penalty + badness)², plus penalty², plus flagged_demerit
 * for two flagged breaks in a row, plus fitness_demerit between lines whose
 * fitness classes are not adjacent. Per break we keep the best predecessor
 * for each (fitness class, line-width bucket) pair; buckets separate line
 * numbers only while line_widths still varies, so the result is exactly the
 * minimum total demerits (the unit tests check this against brute force).
 * An active break is dropped once a line from it would be overfull, or at
 * a forced break.
 *
 * Always a result. Pass 1 uses p->tolerance; pass 2 accepts any line that
 * is not overfull (badness up to LB_INF_BAD, which includes underfull lines
 * with nothing to stretch); pass 3, the emergency, also allows overfull
 * lines: when every active break dies at one opportunity, the latest of
 * them (the shortest overfull line) is kept, as TeX's final pass does. A
 * paragraph with no break opportunity at all thus comes back as one
 * overfull line; the caller warns (lb_result.overfull) and may clip or let
 * it protrude.
 *
 * Trade-offs. The active list is capped at LB_MAX_ACTIVE nodes (oldest
 * dropped first), so pathological input (thousands of break opportunities
 * on one line) costs O(opportunities · LB_MAX_ACTIVE) instead of O(n²); a
 * line can then reach back at most about LB_MAX_ACTIVE / 4 opportunities.
 * Looseness other than 0 is not implemented (ignored). Lines ending in a
 * forced break are treated like the last line of a paragraph (XSL
 * text-align-last applies to them): not stretched unless
 * last_line_justified, but shrunk if too long.
 *
 * Justification (linebreak_justify) is separate: given the chosen line and
 * its target width it spreads the difference over glue by JLREQ adjustment
 * class, in integers, remainders one unit at a time from the line start.
 *
 * For the paragraph builder:
 * - End the list as TeX's \par does: penalty(+LB_INFINITY), a finishing
 *   glue (width 0, large stretch, LB_ADJ_NONE), penalty(-LB_INFINITY). The
 *   first penalty keeps the finishing glue from being a break opportunity.
 *   Do the same before a forced break inside the paragraph.
 * - The breaker uses every glue's stretch and shrink; justify leaves
 *   LB_ADJ_NONE glue alone. Give fixed glue no stretch or shrink (the
 *   finishing glue is the exception: it only serves unjustified lines;
 *   with last_line_justified give it no stretch either).
 * - Kinsoku is the builder's job: between two characters that may not be
 *   separated put no glue, or put penalty(+LB_INFINITY) before the glue.
 * - Line k runs from items[breaks[k-1] + 1] (items[0] for k = 0) to
 *   breaks[k]: call linebreak_justify(items, from, breaks[k], ...) with
 *   that from; it zeroes the glue dropped at the line start. */
#include "linebreak.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include "../base/vec.h"

/* Active nodes kept at most; see "Trade-offs" above. */
#define LB_MAX_ACTIVE 5000
/* TeX's inf_bad: the badness of a line that cannot reach its width. */
#define LB_INF_BAD 10000
#define LB_NO_NODE ((size_t)-1)

enum { LB_FIT_VERY_LOOSE, LB_FIT_LOOSE, LB_FIT_DECENT, LB_FIT_TIGHT };

typedef struct {
    size_t pos;       /* the break item; 0 for the paragraph start */
    size_t start;     /* first item of the line that follows this break */
    size_t lines;     /* lines up to this break = index of the next line */
    int64_t demerits; /* total along the best path to here */
    size_t prev;      /* index into nodes, or LB_NO_NODE */
    uint8_t fitness;
    uint8_t flagged;  /* the break is a flagged penalty */
    int64_t fill;     /* sum of the break positions on the path: the
                       * tie-breaker, larger = earlier lines fuller */
} lb_node;

/* A candidate break at the current opportunity, best per (fitness, bucket). */
typedef struct {
    uint8_t fitness;
    size_t bucket;
    int64_t demerits;
    size_t from; /* node index */
} lb_cand;

/* One line measured from an active node to an opportunity. */
typedef struct {
    int overfull;
    int32_t badness;
    int64_t fine;     /* badness ×1000, for demerits */
    uint8_t loose;    /* shorter than the line: needs stretching */
    uint8_t fitness;
} lb_fit;

typedef struct {
    const lb_item *items; /* not owned */
    size_t n;
    const lb_params *p;   /* not owned */
    int64_t *w, *y, *z;   /* prefix sums of width, stretch, shrink: n + 1 */
    int32_t tolerance;
    int emergency;
    VEC(lb_node) nodes;
    VEC(size_t) active, next;
    VEC(lb_cand) cands;
} lb_ctx;

void linebreak_default_params(lb_params *p)
{
    /* Plain TeX's \tolerance, \linepenalty, \doublehyphendemerits and
     * \adjdemerits. */
    *p = (lb_params){.line_widths = NULL, .n_line_widths = 0,
                     .tolerance = 200, .line_penalty = 10,
                     .flagged_demerit = 10000, .fitness_demerit = 10000,
                     .looseness = 0, .last_line_justified = 0,
                     .shrink_cost = 100};
}

static int lb_is_forced(const lb_item *it)
{
    return it->type == LB_PENALTY && it->penalty <= -LB_INFINITY;
}

static int lb_is_legal(const lb_item *items, size_t i)
{
    if (items[i].type == LB_PENALTY)
        return items[i].penalty < LB_INFINITY;
    return items[i].type == LB_GLUE && i > 0 && items[i - 1].type == LB_BOX;
}

/* First item kept on a line that starts at item i: glue and (unforced)
 * penalties are discarded after a break, up to the next box (K–P). */
static size_t lb_skip_discarded(const lb_item *items, size_t i, size_t end)
{
    while (i < end && (items[i].type == LB_GLUE ||
                       (items[i].type == LB_PENALTY && !lb_is_forced(&items[i]))))
        i++;
    return i;
}

static int lb_prefix_sums(lb_ctx *c)
{
    size_t n = c->n + 1;
    c->w = calloc(n, sizeof *c->w);
    c->y = calloc(n, sizeof *c->y);
    c->z = calloc(n, sizeof *c->z);
    if (!c->w || !c->y || !c->z)
        return -1;
    for (size_t i = 0; i < c->n; i++) {
        const lb_item *it = &c->items[i];
        int glue = it->type == LB_GLUE;
        /* A penalty's width counts only on the line that breaks there. */
        c->w[i + 1] = c->w[i] + (it->type == LB_PENALTY ? 0 : it->width);
        c->y[i + 1] = c->y[i] + (glue && it->stretch > 0 ? it->stretch : 0);
        c->z[i + 1] = c->z[i] + (glue && it->shrink > 0 ? it->shrink : 0);
    }
    return 0;
}

/* TeX's badness: about 100·(t/s)³, in integers, capped at LB_INF_BAD. */
static int32_t lb_badness(int64_t t, int64_t s)
{
    if (t == 0)
        return 0;
    if (s <= 0 || t > INT64_MAX / 297)
        return LB_INF_BAD;
    int64_t r = t * 297 / s;
    if (r > 1290) /* 1290³ / 2¹⁸ ≈ 8189; beyond, the cube overflows TeX's scale */
        return LB_INF_BAD;
    return (int32_t)((r * r * r + 0x20000) / 0x40000);
}

static mk_len lb_line_width(const lb_params *p, size_t line)
{
    size_t k = line < p->n_line_widths ? line : p->n_line_widths - 1;
    return p->line_widths[k];
}

static size_t lb_bucket(const lb_params *p, size_t lines)
{
    /* Lines from the last entry of line_widths on are interchangeable. */
    return lines < p->n_line_widths - 1 ? lines : p->n_line_widths - 1;
}

/* Measure the line from node a to the opportunity b. */
/* Badness ×1000, for demerits: TeX's integer badness is 0 for every ratio
 * under about 0.1, so in Japanese text, where every line needs a little
 * inter-character expansion, a full line and one a character short tie
 * and the shorter may win. The finer value keeps them apart. */
static int64_t lb_badness_fine(int64_t t, int64_t s)
{
    if (t == 0)
        return 0;
    if (s <= 0 || t > INT64_MAX / 2970)
        return (int64_t)LB_INF_BAD * 1000;
    int64_t r = t * 2970 / s;
    if (r > 12900)
        return (int64_t)LB_INF_BAD * 1000;
    return (r * r * r + 0x20000) / 0x40000;
}

/* How much of a line ending at break item `it` lies beyond the measure:
 * its hang, when the line cannot fit otherwise (tightest = natural width
 * minus all shrink) or when the hang is unconditional. */
static int64_t lb_hang(const lb_item *it, int64_t tightest, int64_t width)
{
    if (it->hang <= 0)
        return 0;
    return it->hang_always || tightest > width ? it->hang : 0;
}

static lb_fit lb_measure(const lb_ctx *c, const lb_node *a, size_t b)
{
    const lb_item *it = &c->items[b];
    int64_t natural = c->w[b] - c->w[a->start]
                    + (it->type == LB_PENALTY ? it->width : 0);
    int64_t width = lb_line_width(c->p, a->lines);
    natural -= lb_hang(it, natural - (c->z[b] - c->z[a->start]), width);
    int64_t diff = width - natural;
    lb_fit f = {.fitness = LB_FIT_DECENT};
    if (diff > 0) {
        f.loose = 1;
        if (lb_is_forced(it) && !c->p->last_line_justified)
            return f; /* last line: set at natural width (XSL text-align-last) */
        int64_t stretch = c->y[b] - c->y[a->start] + c->p->line_stretch;
        f.badness = lb_badness(diff, stretch);
        f.fine = lb_badness_fine(diff, stretch);
        f.fitness = f.badness > 99 ? LB_FIT_VERY_LOOSE
                  : f.badness > 12 ? LB_FIT_LOOSE : LB_FIT_DECENT;
    } else if (diff < 0) {
        int64_t shrink = c->z[b] - c->z[a->start];
        if (-diff > shrink) {
            f.overfull = 1;
            f.badness = LB_INF_BAD;
            f.fine = (int64_t)LB_INF_BAD * 1000;
            f.fitness = LB_FIT_TIGHT;
            return f;
        }
        int64_t t = -diff * c->p->shrink_cost / 100; /* JLREQ 3.8.2 (LA-2) */
        f.badness = lb_badness(t, shrink);
        f.fine = lb_badness_fine(t, shrink);
        f.fitness = f.badness > 12 ? LB_FIT_TIGHT : LB_FIT_DECENT;
    }
    return f;
}

/* TeX's demerits, computed ×1000 with the fine badness (see above). */
static int64_t lb_demerits(const lb_ctx *c, const lb_node *a, size_t b,
                           lb_fit f)
{
    const lb_item *it = &c->items[b];
    int64_t l = (int64_t)c->p->line_penalty * 1000 + f.fine;
    int64_t d = l >= 10000000 ? 100000000000LL : l * l / 1000; /* TeX's cap */
    if (it->type == LB_PENALTY && it->penalty > 0)
        d += (int64_t)it->penalty * it->penalty * 1000;
    else if (it->type == LB_PENALTY && it->penalty > -LB_INFINITY)
        d -= (int64_t)it->penalty * it->penalty * 1000;
    if (it->type == LB_PENALTY && it->flagged && a->flagged)
        d += (int64_t)c->p->flagged_demerit * 1000;
    if (abs((int)f.fitness - (int)a->fitness) > 1)
        d += (int64_t)c->p->fitness_demerit * 1000;
    return d;
}

static void lb_offer(lb_ctx *c, uint8_t fitness, size_t bucket,
                     int64_t demerits, size_t from)
{
    for (size_t k = 0; k < c->cands.len; k++) {
        lb_cand *x = &c->cands.v[k];
        if (x->fitness == fitness && x->bucket == bucket) {
            /* On a tie the later predecessor wins: earlier lines are then
             * as full as they can be, as readers expect of ragged text. */
            if (demerits < x->demerits ||
                (demerits == x->demerits && c->nodes.v[from].fill > c->nodes.v[x->from].fill))
                *x = (lb_cand){fitness, bucket, demerits, from};
            return;
        }
    }
    VEC_PUSH(&c->cands, ((lb_cand){fitness, bucket, demerits, from}));
}

/* Try every active node against opportunity b; keep the survivors in
 * c->next. Returns the node that would give the shortest overfull line
 * among those that died here (for the emergency pass), or LB_NO_NODE. */
static size_t lb_try_actives(lb_ctx *c, size_t b)
{
    size_t dying = LB_NO_NODE;
    int forced = lb_is_forced(&c->items[b]);
    VEC_RESERVE(&c->next, c->active.len); /* survivors fit: plain stores */
    for (size_t k = 0; k < c->active.len; k++) {
        size_t ni = c->active.v[k];
        const lb_node *a = &c->nodes.v[ni];
        if (b < a->start) { /* b lies in the space dropped after a */
            c->next.v[c->next.len++] = ni;
            continue;
        }
        lb_fit f = lb_measure(c, a, b);
        if (f.loose && !forced && f.badness > c->tolerance && c->p->n_line_widths == 1) {
            /* Actives are in position order: every later one gives a
             * shorter line with less stretch, so looser still. Keep them
             * without measuring (most of the work on CJK paragraphs, where
             * every character is a break opportunity). */
            for (; k < c->active.len; k++)
                c->next.v[c->next.len++] = c->active.v[k];
            break;
        }
        if (!f.overfull && f.badness <= c->tolerance)
            lb_offer(c, f.fitness, lb_bucket(c->p, a->lines + 1),
                     a->demerits + lb_demerits(c, a, b, f), ni);
        if (f.overfull || forced) {
            /* Later nodes give shorter lines; ties go to fewer demerits. */
            if (dying == LB_NO_NODE || a->pos > c->nodes.v[dying].pos ||
                (a->pos == c->nodes.v[dying].pos &&
                 a->demerits < c->nodes.v[dying].demerits))
                dying = ni;
        } else {
            c->next.v[c->next.len++] = ni;
        }
    }
    return dying;
}

static void lb_add_nodes(lb_ctx *c, size_t b)
{
    const lb_item *it = &c->items[b];
    size_t start = lb_skip_discarded(c->items, b + 1, c->n);
    for (size_t k = 0; k < c->cands.len; k++) {
        const lb_cand *x = &c->cands.v[k];
        lb_node nd = {b, start, c->nodes.v[x->from].lines + 1, x->demerits,
                      x->from, x->fitness,
                      (uint8_t)(it->type == LB_PENALTY && it->flagged),
                      c->nodes.v[x->from].fill + (int64_t)b};
        VEC_PUSH(&c->nodes, nd);
        VEC_PUSH(&c->next, c->nodes.len - 1);
    }
}

/* Emergency: all active nodes died at b with no feasible line; keep the
 * line from the latest of them, overfull, at no extra demerits (TeX's
 * "artificial_demerits"). */
static void lb_rescue(lb_ctx *c, size_t dying)
{
    const lb_node *a = &c->nodes.v[dying];
    VEC_PUSH(&c->cands, ((lb_cand){LB_FIT_TIGHT, lb_bucket(c->p, a->lines + 1),
                                   a->demerits, dying}));
}

/* The survivors and the new nodes become the active list, in position
 * order; beyond LB_MAX_ACTIVE the oldest are dropped (see the design note). */
static void lb_next_active(lb_ctx *c)
{
    size_t drop = c->next.len > LB_MAX_ACTIVE ? c->next.len - LB_MAX_ACTIVE : 0;
    c->active.len = 0;
    VEC_RESERVE(&c->active, c->next.len - drop);
    for (size_t k = drop; k < c->next.len; k++)
        c->active.v[c->active.len++] = c->next.v[k];
}

/* One pass over the paragraph. Returns the node of the final break, or
 * LB_NO_NODE when no set of breaks satisfies this pass. */
static size_t lb_pass(lb_ctx *c)
{
    c->nodes.len = c->active.len = 0;
    VEC_PUSH(&c->nodes, ((lb_node){0, 0, 0, 0, LB_NO_NODE, LB_FIT_DECENT, 0}));
    VEC_PUSH(&c->active, 0);
    for (size_t b = 0; b < c->n; b++) {
        if (!lb_is_legal(c->items, b))
            continue;
        c->next.len = c->cands.len = 0;
        size_t dying = lb_try_actives(c, b);
        if (c->cands.len == 0 && c->next.len == 0 && dying != LB_NO_NODE &&
            c->emergency)
            lb_rescue(c, dying);
        lb_add_nodes(c, b);
        lb_next_active(c);
        if (c->active.len == 0)
            return LB_NO_NODE; /* no line can reach past b in this pass */
    }
    size_t best = LB_NO_NODE;
    for (size_t k = 0; k < c->active.len; k++) {
        size_t ni = c->active.v[k];
        if (c->nodes.v[ni].pos == c->n - 1 &&
            (best == LB_NO_NODE || c->nodes.v[ni].demerits < c->nodes.v[best].demerits ||
             (c->nodes.v[ni].demerits == c->nodes.v[best].demerits &&
              c->nodes.v[ni].fill > c->nodes.v[best].fill)))
            best = ni;
    }
    return best;
}

/* Natural width minus all shrink still exceeds the line width. */
static int lb_is_overfull(const lb_ctx *c, size_t start, size_t b, size_t line)
{
    const lb_item *it = &c->items[b];
    int64_t natural = c->w[b] - c->w[start]
                    + (it->type == LB_PENALTY ? it->width : 0);
    int64_t tightest = natural - (c->z[b] - c->z[start]);
    int64_t width = lb_line_width(c->p, line);
    return tightest - lb_hang(it, tightest, width) > width;
}

static void lb_collect(lb_ctx *c, size_t last, lb_result *out)
{
    size_t n = c->nodes.v[last].lines;
    out->breaks = malloc((n ? n : 1) * sizeof *out->breaks);
    if (!out->breaks) {
        fprintf(stderr, "mkdoc: out of memory (line breaks)\n");
        abort(); /* same policy as vec.h */
    }
    out->n_breaks = n;
    out->overfull = 0;
    for (size_t ni = last, k = n; ni != 0; ni = c->nodes.v[ni].prev)
        out->breaks[--k] = c->nodes.v[ni].pos;
    for (size_t k = 0; k < n; k++) {
        size_t start = k == 0 ? 0 : lb_skip_discarded(c->items, out->breaks[k - 1] + 1, c->n);
        out->overfull += (size_t)lb_is_overfull(c, start, out->breaks[k], k);
    }
}

static void lb_ctx_free(lb_ctx *c)
{
    free(c->w);
    free(c->y);
    free(c->z);
    VEC_FREE(&c->nodes);
    VEC_FREE(&c->active);
    VEC_FREE(&c->next);
    VEC_FREE(&c->cands);
}

int linebreak_run(const lb_item *items, size_t n_items, const lb_params *p,
                  lb_result *out)
{
    *out = (lb_result){NULL, 0, 0, 0};
    if (n_items == 0)
        return 0;
    /* Programmer errors: the caller owns these invariants (header). */
    assert(lb_is_forced(&items[n_items - 1]));
    assert(p->n_line_widths > 0 && p->line_widths);
    lb_ctx c = {.items = items, .n = n_items, .p = p};
    if (lb_prefix_sums(&c) < 0) {
        lb_ctx_free(&c);
        return -1;
    }
    const struct { int32_t tolerance; int emergency; } passes[] = {
        {p->tolerance, 0}, {LB_INF_BAD, 0}, {LB_INF_BAD, 1}};
    size_t last = LB_NO_NODE;
    for (size_t k = 0; k < 3 && last == LB_NO_NODE; k++) {
        if (k == 1 && p->tolerance >= LB_INF_BAD)
            continue; /* pass 2 would repeat pass 1 */
        c.tolerance = passes[k].tolerance;
        c.emergency = passes[k].emergency;
        out->emergency = passes[k].emergency;
        last = lb_pass(&c);
    }
    assert(last != LB_NO_NODE); /* the emergency pass always ends */
    lb_collect(&c, last, out);
    lb_ctx_free(&c);
    return 0;
}

void linebreak_result_free(lb_result *r)
{
    free(r->breaks);
    r->breaks = NULL;
    r->n_breaks = 0;
}

/* ---- justification ---- */

/* floor(a·b / c) for 0 ≤ a ≤ c, 0 ≤ b ≤ INT32_MAX, never above the exact
 * value. When a·b could overflow, a is rounded down and c up by the same
 * power of two: the share can only come out low, and the caller's
 * remainder loop tops it up. */
static int64_t lb_share(int64_t a, int64_t b, int64_t c)
{
    int s = 0;
    while ((a >> s) > ((int64_t)1 << 31))
        s++;
    int64_t cs = s ? ((c - 1) >> s) + 1 : c;
    return (a >> s) * b / cs;
}

typedef struct {
    const lb_item *items; /* not owned */
    size_t from, first, to;
    mk_len *adj;          /* not owned */
} lb_line;

static int64_t lb_weight(const lb_item *it, int stretch)
{
    int64_t w = stretch ? it->stretch : it->shrink;
    return w > 0 ? w : 0;
}

/* A class set for lb_spread: the Japanese–Western space and the space
 * between Japanese characters, taken together (see lb_stretch_line). */
#define LB_ADJ_JA_GAPS (LB_ADJ_COUNT + 1)

static int lb_takes(const lb_item *it, int cls)
{
    if (it->type != LB_GLUE || it->adj == LB_ADJ_NONE)
        return 0;
    if (cls == LB_ADJ_JA_GAPS)
        return it->adj == LB_ADJ_JALATIN || it->adj == LB_ADJ_INTERCHAR;
    return cls == LB_ADJ_COUNT || it->adj == cls;
}

/* Spread amount over the glue of class cls (LB_ADJ_COUNT: all classes) in
 * proportion to each glue's stretch (or shrink), never beyond it. Integer
 * remainders go one unit at a time from the line start. Returns what was
 * spread. */
static int64_t lb_spread(const lb_line *ln, int cls, int stretch, int64_t amount)
{
    int64_t total = 0, given = 0, sign = stretch ? 1 : -1;
    for (size_t k = ln->first; k < ln->to; k++)
        if (lb_takes(&ln->items[k], cls))
            total += lb_weight(&ln->items[k], stretch);
    if (amount > total)
        amount = total;
    if (amount <= 0)
        return 0;
    for (size_t k = ln->first; k < ln->to; k++) {
        if (!lb_takes(&ln->items[k], cls))
            continue;
        int64_t share = lb_share(amount, lb_weight(&ln->items[k], stretch), total);
        ln->adj[k - ln->from] += (mk_len)(sign * share);
        given += share;
    }
    /* Remainders, from the line start. Shares are never above the exact
     * quotient, so the glue has room for them; usually one round. */
    for (int64_t before = -1; given < amount && given != before;) {
        before = given;
        for (size_t k = ln->first; k < ln->to && given < amount; k++) {
            const lb_item *it = &ln->items[k];
            int64_t used = sign * (ln->adj[k - ln->from] - it->width);
            if (lb_takes(it, cls) && used < lb_weight(it, stretch)) {
                ln->adj[k - ln->from] += (mk_len)sign;
                given++;
            }
        }
    }
    return given;
}

/* Glue that may grow past its stretch: every class but leaders, which
 * end at leader-length.maximum (XSL 1.1 §7.22.2). */
static int lb_overstretches(const lb_item *it)
{
    return lb_takes(it, LB_ADJ_COUNT) && it->adj != LB_ADJ_LEADER && lb_weight(it, 1) > 0;
}

/* JLREQ 3.8.4 step (d): when the classes are used up, every stretchable
 * glue takes an equal share beyond its stretch. */
static int64_t lb_spread_equally(const lb_line *ln, int64_t amount)
{
    int64_t m = 0;
    for (size_t k = ln->first; k < ln->to; k++)
        m += lb_overstretches(&ln->items[k]);
    if (m == 0 || amount <= 0)
        return 0;
    int64_t each = amount / m, extra = amount % m;
    for (size_t k = ln->first; k < ln->to; k++) {
        if (!lb_overstretches(&ln->items[k]))
            continue;
        ln->adj[k - ln->from] += (mk_len)(each + (extra > 0));
        extra -= extra > 0;
    }
    return amount;
}

static int64_t lb_shrink_line(const lb_line *ln, int64_t excess)
{
    /* JLREQ 3.8.3 (Table 3): word spaces, then the aki of middle dots,
     * then the other punctuation aki, then the Japanese–Western quarter
     * em, then inter-character space. Leaders go first of all: they are
     * the line's filler (XSL 1.1 §7.22.2, down to leader-length.minimum). */
    static const int order[] = {LB_ADJ_LEADER, LB_ADJ_WORDSPACE, LB_ADJ_MIDDOT, LB_ADJ_PUNCT,
                                LB_ADJ_JALATIN, LB_ADJ_INTERCHAR};
    int64_t done = 0;
    for (size_t k = 0; k < 6 && done < excess; k++)
        done += lb_spread(ln, order[k], 0, excess - done);
    return done;
}

static int64_t lb_stretch_line(const lb_line *ln, int64_t room)
{
    /* JLREQ 3.8.4 (Table 6): word spaces, then the Japanese–Western
     * space and the inter-character space (steps b and c) together, in
     * proportion to their stretch, then everything evenly. Taking step b
     * alone first, as JIS X 4051 does, puts all of a line's slack into its
     * one or two Japanese–Western gaps: ½ em gaps next to ¼ em ones read
     * as holes; together, every gap of the line grows alike. Leaders
     * fill first, up to leader-length.maximum and no further (XSL 1.1
     * §7.22.2; lb_spread_equally passes them over). */
    static const int order[] = {LB_ADJ_LEADER, LB_ADJ_WORDSPACE, LB_ADJ_JA_GAPS};
    int64_t done = 0;
    for (size_t k = 0; k < 3 && done < room; k++)
        done += lb_spread(ln, order[k], 1, room - done);
    return done + lb_spread_equally(ln, room - done);
}

mk_len linebreak_justify(const lb_item *items, size_t from, size_t to,
                         mk_len target, int justify, mk_len *adj_width)
{
    assert(from <= to);
    /* After a break, leading glue and penalties are dropped (K–P); at the
     * paragraph start (from == 0) an indent glue is kept. */
    lb_line ln = {items, from, from == 0 ? 0 : lb_skip_discarded(items, from, to),
                  to, adj_width};
    int64_t natural = items[to].type == LB_PENALTY ? items[to].width : 0;
    for (size_t k = from; k < to; k++) {
        int kept = k >= ln.first && items[k].type != LB_PENALTY;
        adj_width[k - from] = kept ? items[k].width : 0;
        natural += adj_width[k - from];
    }
    int64_t shrink = 0;
    for (size_t k = ln.first; k < to; k++)
        if (lb_takes(&items[k], LB_ADJ_COUNT))
            shrink += lb_weight(&items[k], 0);
    int64_t hang = lb_hang(&items[to], natural - shrink, target);
    int64_t diff = (int64_t)target + hang - natural;
    if (diff < 0)
        natural -= lb_shrink_line(&ln, -diff); /* JLREQ 3.8.2: even unjustified */
    else if (diff > 0 && justify)
        natural += lb_stretch_line(&ln, diff);
    return (mk_len)natural;
}
