/* libFuzzer target for the line breaker (linebreak_run, linebreak_justify).
 *
 * The first 8 bytes choose the parameters: up to four line widths, the
 * tolerance, text-align-last justify, the ragged-right stretch. Every next
 * 4 bytes make one item: the kind (box, glue of an adjustment class,
 * penalty, flagged penalty, forced break), a width (negative widths occur:
 * kerning), stretch, shrink and penalty. The list is closed the way the
 * paragraph builder closes it (penalty +inf, finishing glue, forced break).
 *
 * Checked for every input:
 *   - linebreak_run succeeds; the breaks are strictly increasing, each one
 *     a legal break (a penalty below +inf, or glue after a box), every
 *     forced break is among them, the last is n-1;
 *   - for each line, linebreak_justify's widths add up to what it returns;
 *     fixed items keep their width, glue never shrinks below its width
 *     minus its shrink, fixed glue is left alone, leaders never grow past
 *     their stretch; when the target is reachable (between the fully shrunk
 *     width and, when justifying with some glue that may grow without
 *     bound, anything above; with leaders only, natural + their stretch)
 *     the result equals it.
 *
 *   make fuzz && build-fuzz/fuzz_linebreak CORPUS_DIR */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tools/text/linebreak.h"

#define FUZZ_CHECK(cond)                                                        \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "fuzz_linebreak: %s:%d: %s\n", __FILE__, __LINE__, \
                    #cond);                                                     \
            abort();                                                            \
        }                                                                       \
    } while (0)

static lb_item make_item(const uint8_t *b)
{
    lb_item it = {0};
    int16_t w = (int16_t)(b[1] | b[2] << 8);
    switch (b[0] % 8) {
    case 0: case 1: case 2:
        it.type = LB_BOX;
        it.width = (mk_len)w * 16;
        break;
    case 3: case 4:
        it.type = LB_GLUE;
        it.adj = (uint8_t)(b[0] / 8 % LB_ADJ_COUNT);
        it.width = (mk_len)(w & 0x3fff) * 4;
        it.stretch = (mk_len)(b[3] & 0x0f) * 1024;
        it.shrink = (mk_len)(b[3] >> 4) * 256;
        break;
    case 5: case 6:
        it.type = LB_PENALTY;
        it.flagged = b[0] & 0x80 ? 1 : 0;
        it.width = (mk_len)(b[3] & 0x1f) * 512;
        it.penalty = (int32_t)(w % (LB_INFINITY + 1));
        break;
    default:
        it.type = LB_PENALTY;
        it.penalty = b[3] & 1 ? -LB_INFINITY : LB_INFINITY;
        break;
    }
    return it;
}

static int is_forced(const lb_item *it)
{
    return it->type == LB_PENALTY && it->penalty <= -LB_INFINITY;
}

/* The first item a line keeps: after a break, leading glue and penalties
 * are dropped (Knuth–Plass); the paragraph's first line keeps everything. */
static size_t first_kept(const lb_item *items, size_t from, size_t to)
{
    if (from == 0)
        return 0;
    while (from < to && (items[from].type == LB_GLUE ||
                         (items[from].type == LB_PENALTY && !is_forced(&items[from]))))
        from++;
    return from;
}

static int adjustable(const lb_item *it)
{
    return it->type == LB_GLUE && it->adj != LB_ADJ_NONE;
}

static void check_line(const lb_item *items, size_t from, size_t to, mk_len target,
                       int justify, mk_len *adj)
{
    mk_len got = linebreak_justify(items, from, to, target, justify, adj);
    size_t first = first_kept(items, from, to);
    int64_t sum = items[to].type == LB_PENALTY ? items[to].width : 0;
    int64_t natural = sum, shrink = 0, capped = 0;
    int stretchy = 0;
    for (size_t k = from; k < to; k++) {
        const lb_item *it = &items[k];
        mk_len a = adj[k - from];
        sum += a;
        if (k < first || it->type == LB_PENALTY) {
            FUZZ_CHECK(a == 0);
            continue;
        }
        natural += it->width;
        if (!adjustable(it)) {
            FUZZ_CHECK(a == it->width);
            continue;
        }
        int64_t sh = it->shrink > 0 ? it->shrink : 0, st = it->stretch > 0 ? it->stretch : 0;
        FUZZ_CHECK(a >= it->width - sh);
        shrink += sh;
        if (it->adj == LB_ADJ_LEADER) { /* grows up to its stretch, no further */
            FUZZ_CHECK(a <= it->width + st);
            capped += st;
        } else {
            stretchy |= st > 0;
        }
    }
    FUZZ_CHECK(sum == got);
    if (target < natural - shrink)
        FUZZ_CHECK(got == natural - shrink);     /* fully shrunk, overfull */
    else if (target <= natural)
        FUZZ_CHECK(got == target);               /* shrunk to fit, even unjustified */
    else if (justify && stretchy)
        FUZZ_CHECK(got == target);               /* stretched to fit */
    else if (justify)                            /* only leaders may stretch */
        FUZZ_CHECK(got == (target < natural + capped ? target : natural + capped));
    else
        FUZZ_CHECK(got == natural);              /* not justified */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    mk_len widths[4];
    size_t nw = 1 + data[0] % 4;
    for (size_t k = 0; k < nw; k++)
        widths[k] = (mk_len)data[1 + k] * 2048; /* 0 .. 510pt; 0 happens */
    lb_params p;
    linebreak_default_params(&p);
    p.line_widths = widths;
    p.n_line_widths = nw;
    p.tolerance = data[5] < 200 ? data[5] * 10 : 200;
    p.last_line_justified = data[6] & 1;
    p.line_stretch = data[6] & 2 ? 20 * 1024 : 0;
    p.looseness = data[6] & 4 ? 1 : 0;
    data += 8;
    size -= 8;

    size_t n = size / 4;
    lb_item *items = calloc(n + 3, sizeof *items);
    if (!items)
        return 0;
    for (size_t k = 0; k < n; k++)
        items[k] = make_item(data + 4 * k);
    if (n == 0 || !is_forced(&items[n - 1])) {
        items[n++] = (lb_item){.type = LB_PENALTY, .penalty = LB_INFINITY};
        items[n++] = (lb_item){.type = LB_GLUE, .stretch = 1 << 20};
        items[n++] = (lb_item){.type = LB_PENALTY, .penalty = -LB_INFINITY};
    }

    lb_result r = {0};
    FUZZ_CHECK(linebreak_run(items, n, &p, &r) == 0);
    FUZZ_CHECK(r.n_breaks >= 1);
    FUZZ_CHECK(r.breaks[r.n_breaks - 1] == n - 1);
    size_t b = 0;
    for (size_t k = 0; k < r.n_breaks; k++) {
        size_t at = r.breaks[k];
        FUZZ_CHECK(at < n);
        FUZZ_CHECK(k == 0 || at > r.breaks[k - 1]);
        const lb_item *it = &items[at];
        FUZZ_CHECK((it->type == LB_PENALTY && it->penalty < LB_INFINITY) ||
                   (it->type == LB_GLUE && at > 0 && items[at - 1].type == LB_BOX));
        /* no forced break skipped between the previous break and this one */
        for (; b < at; b++)
            FUZZ_CHECK(!is_forced(&items[b]));
        b = at + 1;
    }
    FUZZ_CHECK(r.overfull <= r.n_breaks);

    mk_len *adj = calloc(n, sizeof *adj);
    for (size_t k = 0, from = 0; adj && k < r.n_breaks; k++) {
        mk_len target = widths[k < nw ? k : nw - 1];
        check_line(items, from, r.breaks[k], target, 1, adj);
        check_line(items, from, r.breaks[k], target, 0, adj);
        from = r.breaks[k] + 1;
    }
    free(adj);
    linebreak_result_free(&r);
    free(items);
    return 0;
}
