/* linebreak: choosing line breaks in a paragraph (Knuth–Plass total fit).
 *
 * Input is an abstract list of boxes, glue and penalties with integer
 * widths; the module knows nothing of fonts, FO or Japanese (JLREQ rules
 * reach it only as penalties and glue built by the paragraph builder).
 * Output is the list of chosen break positions. Always terminates with a
 * result: when no set of breaks fits within the tolerance it retries with
 * a looser one, and finally allows overfull lines (reported through
 * lb_result.overfull so the caller can warn). Running time is bounded:
 * the active list is pruned to LB_MAX_ACTIVE nodes. */
#ifndef MKDOC_LINEBREAK_H
#define MKDOC_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>
#include "../base/units.h"

#define LB_INFINITY 10000  /* penalty >= forbids a break, <= -LB_INFINITY forces */

typedef enum { LB_BOX, LB_GLUE, LB_PENALTY } lb_type;

/* Adjustment classes of glue, in JLREQ 3.8 terms: linebreak_justify
 * shrinks and stretches them class by class, in JLREQ's orders. */
typedef enum {
    LB_ADJ_NONE = 0,   /* fixed glue */
    LB_ADJ_WORDSPACE,  /* Western word space (cl-26) */
    LB_ADJ_PUNCT,      /* aki of punctuation (JLREQ 3.1.2–3.1.6) */
    LB_ADJ_JALATIN,    /* Japanese–Latin quarter em (JLREQ 3.2.6) */
    LB_ADJ_INTERCHAR,  /* between Japanese characters (JLREQ 3.8.4 step c) */
    LB_ADJ_MIDDOT,     /* ¼ em around a middle dot: shrinks before other
                        * punctuation aki (JLREQ 3.8.3 Table 3, step 4) */
    LB_ADJ_LEADER,     /* fo:leader: stretches and shrinks first, and only
                        * within its stretch/shrink, that is between
                        * leader-length.minimum and .maximum (XSL 1.1 §7.22.2) */
    LB_ADJ_COUNT
} lb_adj;

typedef struct {
    lb_type type;
    uint8_t flagged;   /* penalty: a hyphenation-like break */
    uint8_t adj;       /* glue: lb_adj class */
    mk_len width;      /* natural width (penalty: width added if broken here) */
    mk_len stretch;    /* glue: how much it may grow */
    mk_len shrink;     /* glue: how much it may shrink */
    int32_t penalty;   /* penalty: cost of breaking here */
    mk_len hang;       /* break: how much of the line's end may lie beyond
                        * the measure when the line breaks here (hanging
                        * punctuation, JLREQ 3.8.2; an aki that may fall
                        * outside, 3.1.9). Used only when the line cannot
                        * fit otherwise, even fully shrunk, or always with
                        * hang_always. */
    uint8_t hang_always;
} lb_item;

typedef struct {
    const mk_len *line_widths; /* width of line k; the last entry repeats */
    size_t n_line_widths;
    int32_t tolerance;         /* max badness for a feasible line (e.g. 200) */
    int32_t line_penalty;      /* per-line demerit (e.g. 10) */
    int32_t flagged_demerit;   /* two flagged breaks in a row */
    int32_t fitness_demerit;   /* adjacent lines of very different tightness */
    int32_t looseness;         /* 0 normally */
    uint8_t last_line_justified; /* text-align-last justify */
    mk_len line_stretch;       /* added to every line's stretch when measuring:
                                * the ragged-right measure (TeX's \rightskip) */
    int32_t shrink_cost;       /* percent: how a line's shrink ratio counts in its
                                * badness (100 = TeX). Japanese text prefers
                                * reduction to expansion (JLREQ 3.8.2, LA-2):
                                * less than 100 makes shrunk lines cheaper */
} lb_params;

typedef struct {
    size_t *breaks;    /* item indices of the chosen breaks, last = n_items-1; caller frees */
    size_t n_breaks;   /* = number of lines */
    size_t overfull;   /* lines that could not be made to fit */
    int emergency;     /* 1 when the normal tolerances found no solution */
} lb_result;

void linebreak_default_params(lb_params *p);
/* The item list must end with a forced break (penalty -LB_INFINITY),
 * conventionally preceded by a finishing glue. Returns 0, or -1 on
 * allocation failure only. */
int linebreak_run(const lb_item *items, size_t n_items, const lb_params *p,
                  lb_result *out);
void linebreak_result_free(lb_result *r);

/* Justification of one chosen line: items [from, to) (to = the break item).
 * Writes the adjusted width of every glue into adj_width[k - from]
 * (other items: their natural width, discarded glue at the ends: 0), so
 * that the sum equals target when the line can reach it. Shrinking takes
 * the adjustment classes in the order of JLREQ 3.8.3 (word space, middle
 * dot aki, other punctuation aki, ja–latin, inter-character); stretching
 * in the order of 3.8.4 (word space; ja–latin and inter-character
 * together; then everything evenly). Integer remainders are handed out
 * one unit at a time from the line start. A hang on items[to] (see
 * lb_item) widens the target as it did for the breaker. Returns the
 * final width actually reached, hanging part included. */
mk_len linebreak_justify(const lb_item *items, size_t from, size_t to,
                         mk_len target, int justify, mk_len *adj_width);

#endif
