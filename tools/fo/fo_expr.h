/* fo_expr: the XSL 1.1 expression language (§5.9) for one property value.
 *
 * fo_expr_eval reads a whole string such as "2em + 10% - (3pt * 2)",
 * "rgb(255, 0, 0)", "#e0e0e0", "proportional-column-width(2)" or
 * "body-start()" and returns one typed value. Arithmetic is done in double
 * precision on points and is turned into integer lengths (1/1024 pt) only
 * by fo_expr_to_len, so a value always rounds the same way. Lengths carry a
 * percentage part next to the absolute part, because a percentage's base
 * (usually the containing area's width) is known only at layout.
 *
 * The evaluator knows the numeric functions (abs, min, max, floor, ceiling,
 * round), rgb() and rgb-icc() itself; functions that look at other
 * properties (from-parent, inherited-property-value, label-end, body-start,
 * from-nearest-specified-value, from-table-column) are delegated to the
 * caller through fo_expr_env.call, so this module knows nothing of fo_props.
 *
 * Nothing is allocated: identifiers and strings in the result point into
 * the input. Nesting deeper than FO_EXPR_MAX_DEPTH is an error, so hostile
 * input cannot exhaust the stack. */
#ifndef MKDOC_FO_EXPR_H
#define MKDOC_FO_EXPR_H

#include <stddef.h>
#include <stdint.h>
#include "../base/units.h"

/* Parentheses, unary minus and function calls nest at most this deep; real
 * stylesheets use two or three levels, and each level costs a stack frame. */
#define FO_EXPR_MAX_DEPTH 64

typedef enum {
    FO_EV_NUMBER,       /* num */
    FO_EV_LENGTH,       /* num = absolute part in pt, pct = percent (50 = 50%) */
    FO_EV_COLOR,        /* r, g, b, a */
    FO_EV_IDENT,        /* str/len: a keyword such as "auto" or "bold" */
    FO_EV_STRING,       /* str/len: a quoted literal, without the quotes */
    FO_EV_PROPORTIONAL  /* num: proportional-column-width(num) */
} fo_expr_kind;

typedef struct {
    fo_expr_kind kind;
    double num, pct;
    uint8_t r, g, b, a;
    const char *str; /* not owned: points into the evaluated text */
    size_t len;
} fo_expr_val;

typedef enum {
    FO_EXPR_OK,
    FO_EXPR_SYNTAX,     /* not an expression */
    FO_EXPR_TYPE,       /* e.g. length * length, or a color in arithmetic */
    FO_EXPR_UNIT,       /* unknown unit such as "12pz" */
    FO_EXPR_RANGE,      /* division by zero, overflow */
    FO_EXPR_DEPTH,      /* nesting deeper than FO_EXPR_MAX_DEPTH */
    FO_EXPR_FUNCTION    /* unknown function or wrong arguments */
} fo_expr_status;

typedef struct fo_expr_env fo_expr_env;
struct fo_expr_env {
    double font_size_pt; /* what 1em is */
    /* Property functions. Returns FO_EXPR_FUNCTION when name is unknown. */
    fo_expr_status (*call)(const fo_expr_env *env, const char *name, size_t name_len,
                           const fo_expr_val *args, int n_args, fo_expr_val *out);
    void *user;          /* not owned: the caller's context for call */
    /* proportional-column-width() is allowed (column-width only) */
    int allow_proportional;
};

/* Evaluates s[0..len) as one expression. */
fo_expr_status fo_expr_eval(const fo_expr_env *env, const char *s, size_t len,
                            fo_expr_val *out);

/* A short English phrase for a status: "unknown unit", ... */
const char *fo_expr_status_text(fo_expr_status st);

/* Converts points to 1/1024 pt, rounding to nearest and clamping to
 * ±FO_EXPR_LEN_LIMIT so sums of a few lengths cannot overflow int32. */
#define FO_EXPR_LEN_LIMIT (1 << 29)
mk_len fo_expr_pt_to_len(double pt);
/* Percent (50 = 50%) to hundredths of a percent, clamped the same way. */
int32_t fo_expr_pct_to_int(double pct);

#endif
