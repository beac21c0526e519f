/* Unit tests for tools/text/linebreak.c: Knuth–Plass breaking (against a
 * brute-force optimum on random paragraphs), forced breaks, the emergency
 * pass, pathological input, and JLREQ 3.8 justification.
 *
 * Wall-clock checks are skipped when MKDOC_TEST_SLOW is set (valgrind). */
#include <stdlib.h>
#include <time.h>

#include "../../tools/base/vec.h"
#include "../../tools/text/linebreak.h"
#include "test.h"

typedef VEC(lb_item) items_t;

static void box(items_t *p, mk_len w)
{
    VEC_PUSH(p, ((lb_item){.type = LB_BOX, .width = w}));
}

static void glue(items_t *p, mk_len w, mk_len st, mk_len sh, int adj)
{
    VEC_PUSH(p, ((lb_item){.type = LB_GLUE, .adj = (uint8_t)adj, .width = w,
                           .stretch = st, .shrink = sh}));
}

static void penalty(items_t *p, mk_len w, int32_t pen, int flagged)
{
    VEC_PUSH(p, ((lb_item){.type = LB_PENALTY, .flagged = (uint8_t)flagged,
                           .width = w, .penalty = pen}));
}

/* TeX's \par: no break before the finishing glue, then the forced break. */
static void finish(items_t *p)
{
    penalty(p, 0, LB_INFINITY, 0);
    glue(p, 0, 1 << 20, 0, LB_ADJ_NONE);
    penalty(p, 0, -LB_INFINITY, 0);
}

/* Words of the given widths separated by interword glue 10/+6/-3. */
static void words(items_t *p, const mk_len *w, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            glue(p, 10, 6, 3, LB_ADJ_WORDSPACE);
        box(p, w[k]);
    }
    finish(p);
}

static lb_params params(const mk_len *widths, size_t n)
{
    lb_params p;
    linebreak_default_params(&p);
    p.line_widths = widths;
    p.n_line_widths = n;
    return p;
}

static int breaks_are(const lb_result *r, const size_t *want, size_t n)
{
    if (getenv("LB_DEBUG")) {
        for (size_t k = 0; k < r->n_breaks; k++)
            fprintf(stderr, " %zu", r->breaks[k]);
        fprintf(stderr, " (overfull %zu, emergency %d)\n", r->overfull, r->emergency);
    }
    if (r->n_breaks != n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (r->breaks[k] != want[k])
            return 0;
    return 1;
}

/* ---- an independent cost model, for the brute-force comparison ---- */

#define REF_NO INT64_MIN

static int32_t ref_badness(int64_t t, int64_t s)
{
    if (t == 0)
        return 0;
    if (s <= 0)
        return 10000;
    int64_t r = t * 297 / s;
    return r > 1290 ? 10000 : (int32_t)((r * r * r + 0x20000) / 0x40000);
}

/* Cost of one line [s, b) ending at break b; REF_NO if not allowed
 * (demerits themselves may be negative: a penalty below 0 earns credit). */
static int64_t ref_line(const items_t *p, const lb_params *pp, size_t s,
                        size_t b, size_t line, int prev_fit, int prev_flag,
                        int *fit)
{
    int64_t nat = 0, st = 0, sh = 0;
    for (size_t k = s; k < b; k++) {
        const lb_item *it = &p->v[k];
        nat += it->type == LB_PENALTY ? 0 : it->width;
        st += it->type == LB_GLUE ? it->stretch : 0;
        sh += it->type == LB_GLUE ? it->shrink : 0;
    }
    const lb_item *e = &p->v[b];
    nat += e->type == LB_PENALTY ? e->width : 0;
    size_t li = line < pp->n_line_widths ? line : pp->n_line_widths - 1;
    int64_t d = pp->line_widths[li] - nat;
    int forced = e->type == LB_PENALTY && e->penalty <= -LB_INFINITY;
    int32_t bad = 0;
    *fit = 2;
    if (d < 0) {
        if (-d > sh)
            return REF_NO;
        bad = ref_badness(-d, sh);
        *fit = bad > 12 ? 3 : 2;
    } else if (d > 0 && !(forced && !pp->last_line_justified)) {
        bad = ref_badness(d, st);
        *fit = bad > 99 ? 0 : bad > 12 ? 1 : 2;
    }
    if (bad > pp->tolerance)
        return REF_NO;
    int64_t dm = (pp->line_penalty + bad) * (int64_t)(pp->line_penalty + bad);
    if (e->type == LB_PENALTY && e->penalty > 0)
        dm += (int64_t)e->penalty * e->penalty;
    else if (e->type == LB_PENALTY && !forced)
        dm -= (int64_t)e->penalty * e->penalty;
    if (e->type == LB_PENALTY && e->flagged && prev_flag)
        dm += pp->flagged_demerit;
    if (abs(*fit - prev_fit) > 1)
        dm += pp->fitness_demerit;
    return dm;
}

static int ref_legal(const items_t *p, size_t i)
{
    const lb_item *it = &p->v[i];
    if (it->type == LB_PENALTY)
        return it->penalty < LB_INFINITY;
    return it->type == LB_GLUE && i > 0 && p->v[i - 1].type == LB_BOX;
}

static size_t ref_skip(const items_t *p, size_t i)
{
    while (i < p->len && (p->v[i].type == LB_GLUE ||
                          (p->v[i].type == LB_PENALTY && p->v[i].penalty > -LB_INFINITY)))
        i++;
    return i;
}

/* Total cost of a break list, or REF_NO if some line is not allowed. */
static int64_t ref_cost(const items_t *p, const lb_params *pp, const size_t *br,
                        size_t n)
{
    int64_t total = 0;
    int fit = 2, flag = 0;
    size_t s = 0;
    for (size_t k = 0; k < n; k++) {
        if (br[k] < s)
            return REF_NO;
        int f;
        int64_t c = ref_line(p, pp, s, br[k], k, fit, flag, &f);
        if (c == REF_NO)
            return REF_NO;
        total += c;
        fit = f;
        flag = p->v[br[k]].type == LB_PENALTY && p->v[br[k]].flagged;
        s = ref_skip(p, br[k] + 1);
    }
    return total;
}

/* Minimum over every subset of legal breaks (the last one forced). */
static int64_t ref_best(const items_t *p, const lb_params *pp)
{
    size_t legal[24], nl = 0, br[24];
    for (size_t i = 0; i + 1 < p->len; i++)
        if (ref_legal(p, i))
            legal[nl++] = i;
    int64_t best = REF_NO;
    for (unsigned long m = 0; m < (1ul << nl); m++) {
        size_t n = 0;
        for (size_t k = 0; k < nl; k++)
            if (m & (1ul << k))
                br[n++] = legal[k];
        br[n++] = p->len - 1;
        int64_t c = ref_cost(p, pp, br, n);
        if (c != REF_NO && (best == REF_NO || c < best))
            best = c;
    }
    return best;
}

static void random_paragraph(items_t *p, unsigned *seed)
{
    size_t n = 4 + (size_t)(rand_r(seed) % 7);
    for (size_t k = 0; k < n; k++) {
        if (k && rand_r(seed) % 5 == 0) {
            penalty(p, 5, 50, 1); /* a hyphenation point */
        } else if (k && rand_r(seed) % 6 == 0) {
            glue(p, 10, 8, 3, LB_ADJ_WORDSPACE); /* a break right after a */
            penalty(p, 0, -20, 0);               /* break: an empty line */
        } else if (k) {
            glue(p, 10, 4 + (mk_len)(rand_r(seed) % 10), 3, LB_ADJ_WORDSPACE);
        }
        box(p, 15 + (mk_len)(rand_r(seed) % 40));
    }
    finish(p);
}

static void test_brute_force(void)
{
    /* JLREQ-independent: K–P must find the minimum total demerits. Two
     * line widths exercise the line-number buckets. */
    unsigned seed = 12345;
    int compared = 0, agreed = 0;
    for (int t = 0; t < 400; t++) {
        items_t p = {0};
        random_paragraph(&p, &seed);
        mk_len widths[2] = {80 + (mk_len)(rand_r(&seed) % 30), 100};
        lb_params pp = params(widths, 1 + (size_t)(t % 2));
        pp.tolerance = 1000;
        int64_t best = ref_best(&p, &pp);
        lb_result r;
        INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
        if (best == REF_NO) { /* pass 2: anything that is not overfull */
            pp.tolerance = 10000;
            best = ref_best(&p, &pp);
        }
        if (best != REF_NO) {
            compared++;
            agreed += ref_cost(&p, &pp, r.breaks, r.n_breaks) == best && !r.emergency;
        }
        linebreak_result_free(&r);
        VEC_FREE(&p);
    }
    if (getenv("LB_DEBUG"))
        fprintf(stderr, "compared %d agreed %d\n", compared, agreed);
    OK(compared > 200);
    INT_EQ(agreed, compared);
}

static void test_total_fit_beats_greedy(void)
{
    /* First fit at natural width takes [20 40] [25 30] [30 20 25]: two
     * lines of badness 10000. Total fit shrinks the first line a little
     * and sets the second line exactly: [20 40 25] [30 30 20] [25]. */
    static const mk_len w[] = {20, 40, 25, 30, 30, 20, 25};
    static const mk_len width[] = {100};
    items_t p = {0};
    words(&p, w, 7);
    lb_params pp = params(width, 1);
    lb_result r;
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    static const size_t want[] = {5, 11, 15};
    OK(breaks_are(&r, want, 3));
    INT_EQ(r.overfull, 0);
    INT_EQ(r.emergency, 0);
    linebreak_result_free(&r);
    VEC_FREE(&p);
}

static void test_forced_break(void)
{
    /* A forced break ends a line early; that line is not stretched (XSL
     * text-align-last), so pass 1 succeeds. */
    static const mk_len width[] = {100};
    items_t p = {0};
    box(&p, 30);
    glue(&p, 10, 6, 3, LB_ADJ_WORDSPACE);
    box(&p, 30);
    penalty(&p, 0, LB_INFINITY, 0);
    glue(&p, 0, 1 << 20, 0, LB_ADJ_NONE);
    penalty(&p, 0, -LB_INFINITY, 0); /* 5: a preserved linefeed */
    box(&p, 40);
    finish(&p);
    lb_params pp = params(width, 1);
    lb_result r;
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    static const size_t want[] = {5, 9};
    OK(breaks_are(&r, want, 2));
    INT_EQ(r.emergency, 0);
    linebreak_result_free(&r);
    VEC_FREE(&p);
}

static void test_penalty_width(void)
{
    /* A break at a penalty adds its width: 45 + hyphen 10 = 55 fills a
     * 55 line exactly (pass 1, no emergency) and overfills a 50 one. */
    static const mk_len width[] = {55}, narrow[] = {50};
    items_t p = {0};
    box(&p, 45);
    penalty(&p, 10, 0, 1); /* 1 */
    box(&p, 30);
    glue(&p, 10, 6, 3, LB_ADJ_WORDSPACE);
    box(&p, 10);
    finish(&p);
    lb_params pp = params(width, 1);
    pp.tolerance = 0;
    lb_result r;
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    static const size_t want[] = {1, 7};
    OK(breaks_are(&r, want, 2));
    OK(r.overfull == 0 && r.emergency == 0);
    linebreak_result_free(&r);
    pp = params(narrow, 1);
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    OK(r.overfull >= 1 && r.emergency == 1);
    linebreak_result_free(&r);
    VEC_FREE(&p);
}

static void test_flagged(void)
{
    /* Two flagged breaks in a row cost flagged_demerit: with both lines
     * exact either way, the engine avoids the double hyphen. */
    items_t p = {0};
    lb_result r;
    box(&p, 40);
    penalty(&p, 10, 0, 1); /* 1: hyphen, line 1 = 50 */
    box(&p, 40);
    penalty(&p, 10, 0, 1); /* 3: hyphen */
    box(&p, 10);
    glue(&p, 0, 0, 0, LB_ADJ_NONE); /* 5: plain break, line 2 = 50 */
    box(&p, 10);
    finish(&p);
    static const mk_len w50[] = {50};
    lb_params pp = params(w50, 1);
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    OK(r.n_breaks >= 2 && r.breaks[0] == 1 && r.breaks[1] == 5);
    linebreak_result_free(&r);
    VEC_FREE(&p);
}

static void test_line_widths(void)
{
    /* Line 1 is 27 wide (a float beside it), later lines 101: one word,
     * then three words a line (27·3 + 2·10 = 101); the last entry repeats. */
    static const mk_len w[] = {27, 27, 27, 27, 27, 27, 27};
    static const mk_len width[] = {27, 101};
    items_t p = {0};
    words(&p, w, 7);
    lb_params pp = params(width, 2);
    lb_result r;
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    static const size_t want[] = {1, 7, 15};
    OK(breaks_are(&r, want, 3));
    INT_EQ(r.overfull, 0);
    linebreak_result_free(&r);
    VEC_FREE(&p);
}

static void test_emergency(void)
{
    /* A box wider than the line: passes 1 and 2 fail, pass 3 sets it on
     * a line of its own, overfull, and the rest normally. */
    static const mk_len width[] = {100};
    items_t p = {0};
    static const mk_len w[] = {40, 50, 150, 45, 45};
    words(&p, w, 5);
    lb_params pp = params(width, 1);
    lb_result r;
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    static const size_t want[] = {3, 5, 11};
    OK(breaks_are(&r, want, 3));
    INT_EQ(r.overfull, 1);
    INT_EQ(r.emergency, 1);
    linebreak_result_free(&r);
    VEC_FREE(&p);

    /* Nothing can stretch and the line is short: pass 2 takes it. */
    box(&p, 40);
    glue(&p, 10, 0, 0, LB_ADJ_NONE);
    box(&p, 40);
    glue(&p, 10, 0, 0, LB_ADJ_NONE);
    box(&p, 70);
    finish(&p);
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    OK(r.n_breaks == 2 && r.overfull == 0 && r.emergency == 0);
    linebreak_result_free(&r);
    VEC_FREE(&p);

    /* No items, no lines. */
    INT_EQ(linebreak_run(NULL, 0, &pp, &r), 0);
    INT_EQ(r.n_breaks, 0);
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A time limit, unless running under a slow tool (valgrind). */
static int fast_enough(double dt, double limit)
{
    return getenv("MKDOC_TEST_SLOW") || dt < limit;
}

static void test_pathological(void)
{
    /* 20,000 boxes and no break opportunity but the final forced one: one
     * overfull line, quickly. */
    static const mk_len width[] = {10000};
    items_t p = {0};
    for (int k = 0; k < 20000; k++)
        box(&p, 1000);
    finish(&p);
    lb_params pp = params(width, 1);
    lb_result r;
    double t0 = seconds();
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    double dt = seconds() - t0;
    OK(fast_enough(dt, 0.1));
    INT_EQ(r.n_breaks, 1);
    INT_EQ(r.overfull, 1);
    INT_EQ(r.emergency, 1);
    linebreak_result_free(&r);
    VEC_FREE(&p);

    /* 10,000 characters with very elastic glue on very long lines: every
     * opportunity stays feasible from every earlier one, so the active list
     * would grow to 40,000 nodes; LB_MAX_ACTIVE bounds the work. */
    static const mk_len huge[] = {100000000};
    for (int k = 0; k < 10000; k++) {
        box(&p, 1000);
        glue(&p, 0, 1 << 24, 0, LB_ADJ_INTERCHAR);
    }
    finish(&p);
    pp = params(huge, 1);
    t0 = seconds();
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    dt = seconds() - t0;
    OK(fast_enough(dt, 5.0));
    OK(r.n_breaks >= 1 && r.breaks[r.n_breaks - 1] == p.len - 1);
    linebreak_result_free(&r);
    VEC_FREE(&p);
}

/* ---- justification (JLREQ 3.8) ---- */

static mk_len sum(const mk_len *a, size_t n)
{
    mk_len s = 0;
    for (size_t k = 0; k < n; k++)
        s += a[k];
    return s;
}

static void test_justify_stretch(void)
{
    /* Remainders one unit at a time from the line start: 10 over three
     * equal glues is 4 3 3 (LA-4 (c)). */
    items_t p = {0};
    box(&p, 100);
    glue(&p, 0, 10, 0, LB_ADJ_INTERCHAR);
    box(&p, 100);
    glue(&p, 0, 10, 0, LB_ADJ_INTERCHAR);
    box(&p, 100);
    glue(&p, 0, 10, 0, LB_ADJ_INTERCHAR);
    box(&p, 100);
    penalty(&p, 0, -LB_INFINITY, 0);
    mk_len adj[12];
    INT_EQ(linebreak_justify(p.v, 0, 7, 410, 1, adj), 410);
    INT_EQ(sum(adj, 7), 410);
    OK(adj[1] == 4 && adj[3] == 3 && adj[5] == 3);
    /* Not justified (last line): natural width, nothing stretched. */
    INT_EQ(linebreak_justify(p.v, 0, 7, 410, 0, adj), 400);
    OK(adj[1] == 0 && adj[3] == 0 && adj[5] == 0);
    VEC_FREE(&p);

    /* JLREQ 3.8.4 order: word space, then Japanese–Western and
     * inter-character together (7 → 4 3, remainder from the line start);
     * punctuation aki (stretch 0) and fixed glue never. */
    box(&p, 50);
    glue(&p, 10, 5, 0, LB_ADJ_INTERCHAR); /* 1 */
    box(&p, 50);
    glue(&p, 10, 5, 0, LB_ADJ_JALATIN);   /* 3 */
    box(&p, 50);
    glue(&p, 10, 5, 0, LB_ADJ_WORDSPACE); /* 5 */
    box(&p, 50);
    glue(&p, 10, 0, 5, LB_ADJ_PUNCT);     /* 7 */
    box(&p, 50);
    glue(&p, 10, 5, 5, LB_ADJ_NONE);      /* 9 */
    box(&p, 50);
    penalty(&p, 0, -LB_INFINITY, 0);      /* 11 */
    INT_EQ(linebreak_justify(p.v, 0, 11, 362, 1, adj), 362);
    OK(adj[5] == 15 && adj[1] == 14 && adj[3] == 13 && adj[7] == 10 && adj[9] == 10);
    /* Step (d): past every class's stretch (15 in all), the rest is shared
     * equally among stretchable glue, remainder first: 5 → 2 2 1. */
    INT_EQ(linebreak_justify(p.v, 0, 11, 370, 1, adj), 370);
    OK(adj[1] == 17 && adj[3] == 17 && adj[5] == 16);
    INT_EQ(sum(adj, 11), 370);
    VEC_FREE(&p);
}

static void test_justify_shrink(void)
{
    /* JLREQ 3.8.3 order: word space first, fully, then punctuation aki,
     * then Japanese–Western, then inter-character (LA-3). */
    items_t p = {0};
    box(&p, 50);
    glue(&p, 20, 0, 10, LB_ADJ_INTERCHAR); /* 1 */
    box(&p, 50);
    glue(&p, 20, 0, 10, LB_ADJ_JALATIN);   /* 3 */
    box(&p, 50);
    glue(&p, 20, 0, 10, LB_ADJ_PUNCT);     /* 5 */
    box(&p, 50);
    glue(&p, 20, 0, 10, LB_ADJ_WORDSPACE); /* 7 */
    box(&p, 50);
    penalty(&p, 0, -LB_INFINITY, 0);       /* 9 */
    mk_len adj[10];
    INT_EQ(linebreak_justify(p.v, 0, 9, 315, 1, adj), 315); /* 15 too long */
    OK(adj[7] == 10 && adj[5] == 15 && adj[3] == 20 && adj[1] == 20);
    INT_EQ(linebreak_justify(p.v, 0, 9, 295, 1, adj), 295); /* 35 */
    OK(adj[7] == 10 && adj[5] == 10 && adj[3] == 10 && adj[1] == 15);
    /* A last line slightly too long is still compressed (LA-1). */
    INT_EQ(linebreak_justify(p.v, 0, 9, 325, 0, adj), 325);
    /* Beyond all shrink the line stays overfull: 290 is the best. */
    INT_EQ(linebreak_justify(p.v, 0, 9, 100, 1, adj), 290);
    VEC_FREE(&p);

    /* Proportional to each glue's shrink: 20 over 10 and 30 is 5 and 15. */
    box(&p, 100);
    glue(&p, 40, 0, 10, LB_ADJ_INTERCHAR);
    box(&p, 100);
    glue(&p, 40, 0, 30, LB_ADJ_INTERCHAR);
    box(&p, 100);
    penalty(&p, 0, -LB_INFINITY, 0);
    INT_EQ(linebreak_justify(p.v, 0, 5, 360, 1, adj), 360);
    OK(adj[1] == 35 && adj[3] == 25);
    VEC_FREE(&p);
}

static void test_justify_ends(void)
{
    /* After a break, leading glue is dropped (0); the break penalty's
     * width (a hyphen) counts toward the line. */
    items_t p = {0};
    box(&p, 100);
    glue(&p, 10, 5, 2, LB_ADJ_WORDSPACE); /* 1: the previous break */
    glue(&p, 7, 5, 2, LB_ADJ_WORDSPACE);  /* 2: dropped */
    box(&p, 50);
    glue(&p, 10, 5, 2, LB_ADJ_WORDSPACE); /* 4 */
    box(&p, 50);
    penalty(&p, 6, 50, 1);                /* 6: this line's break */
    box(&p, 10);
    penalty(&p, 0, -LB_INFINITY, 0);
    mk_len adj[8];
    INT_EQ(linebreak_justify(p.v, 2, 6, 120, 1, adj), 120);
    OK(adj[0] == 0 && adj[1] == 50 && adj[2] == 14 && adj[3] == 50);
    INT_EQ(sum(adj, 4) + 6, 120);

    /* Huge glue takes the overflow-safe path and still sums exactly. */
    VEC_FREE(&p);
    for (int k = 0; k < 4; k++)
        glue(&p, MK_LEN_MAX, 0, MK_LEN_MAX - 1, LB_ADJ_INTERCHAR);
    box(&p, 0); /* glue at the paragraph start is kept */
    penalty(&p, 0, -LB_INFINITY, 0);
    INT_EQ(linebreak_justify(p.v, 0, 5, 1000, 1, adj), 1000);
    int64_t total = 0;
    for (int k = 0; k < 4; k++)
        total += adj[k];
    INT_EQ(total, 1000);
    VEC_FREE(&p);
}

static void test_hang(void)
{
    /* JLREQ 3.8.2 (LA-6): a 5-wide comma after 50 of text in a 50 line
     * hangs when the break item allows it: no emergency, and justify
     * reaches 55 (the comma outside). Without the hang it must go down. */
    static const mk_len w50[] = {50};
    items_t p = {0};
    box(&p, 50);
    box(&p, 5);                          /* 1: the comma */
    glue(&p, 5, 0, 0, LB_ADJ_PUNCT);    /* 2: its aki, the break */
    p.v[2].hang = 5;
    box(&p, 20);
    finish(&p);
    lb_params pp = params(w50, 1);
    lb_result r;
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    OK(r.n_breaks == 2 && r.breaks[0] == 2 && r.overfull == 0 && r.emergency == 0);
    mk_len adj[4];
    INT_EQ(linebreak_justify(p.v, 0, 2, 50, 1, adj), 55);
    linebreak_result_free(&r);
    p.v[2].hang = 0;
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    OK(r.overfull >= 1);
    linebreak_result_free(&r);
    /* a line that fits is not hung: 45 + 5 = 50 */
    p.v[0].width = 45;
    p.v[2].hang = 5;
    INT_EQ(linebreak_justify(p.v, 0, 2, 50, 1, adj), 50);
    /* hang_always hangs it anyway: the line would need 5 more, and with
     * nothing to stretch it stays at 50 */
    p.v[2].hang_always = 1;
    INT_EQ(linebreak_justify(p.v, 0, 2, 50, 1, adj), 50); /* nothing to stretch */
    VEC_FREE(&p);
}

static void test_shrink_cost(void)
{
    /* JLREQ 3.8.2 (LA-2): shrink_cost scales what a shrunk line costs.
     * "48 g 48" fills 100 exactly; "48 g 48 g 2" is 104 and must shrink 4
     * of its 8. TeX's costs keep the exact line; at cost 0 shrinking is
     * free and the fuller line wins (ties go to fuller lines). */
    static const mk_len w100[] = {100};
    items_t p = {0};
    box(&p, 48);
    glue(&p, 4, 6, 4, LB_ADJ_PUNCT);    /* 1 */
    box(&p, 48);                         /* line 1 "48 g 48" = 100 natural */
    glue(&p, 4, 6, 4, LB_ADJ_PUNCT);    /* 3 */
    box(&p, 2);                          /* 4: with it, 104: shrink 4 of 8 */
    glue(&p, 4, 6, 4, LB_ADJ_PUNCT);    /* 5 */
    box(&p, 40);
    finish(&p);
    lb_params pp = params(w100, 1);
    lb_result r;
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    OK(r.n_breaks == 2 && r.breaks[0] == 3); /* TeX: the exact line */
    linebreak_result_free(&r);
    pp.shrink_cost = 0;
    INT_EQ(linebreak_run(p.v, p.len, &pp, &r), 0);
    OK(r.n_breaks == 2 && r.breaks[0] == 5); /* shrinking is free: fuller line */
    linebreak_result_free(&r);
    VEC_FREE(&p);
}

int main(void)
{
    TEST_BEGIN("linebreak");
    test_brute_force();
    test_total_fit_beats_greedy();
    test_forced_break();
    test_penalty_width();
    test_flagged();
    test_line_widths();
    test_emergency();
    test_pathological();
    test_justify_stretch();
    test_justify_shrink();
    test_justify_ends();
    test_hang();
    test_shrink_cost();
    return TEST_END();
}
