/* fo_props_impl: what fo_props.c (the computing loop, inheritance, the
 * margin→indent rules) and fo_props_values.c (one parser per value type)
 * share. Private to those two files. */
#ifndef MKDOC_FO_PROPS_IMPL_H
#define MKDOC_FO_PROPS_IMPL_H

#include <stddef.h>
#include "fo_expr.h"
#include "fo_propdefs.h"
#include "fo_props.h"

/* Which of the properties that other properties depend on were specified
 * on this element (directly or through a shorthand); §5.3.2 needs it. */
typedef struct {
    uint8_t margin[4];   /* absolute edges */
    uint8_t bcolor[4];   /* border-*-color; else the color property is used */
    uint8_t start_indent, end_indent, space_before, space_after, line_height;
} fo_spec;

typedef struct {
    fo_props_ctx *ctx;
    fo_props *p;              /* being computed; in ctx->arena */
    const fo_props *parent;   /* not owned; fo_props_initial() at the root */
    int kind;                 /* fo_kind */
    const fo_attr *attr;      /* not owned: the attribute being applied */
    const fo_propdef *def;    /* its definition */
    fo_expr_status last;      /* why the last expression failed */
    fo_spec spec;
} fo_pstate;

typedef struct { const char *s; size_t n; } fo_tok;

/* Shorthands hold at most this many words ("bold italic small-caps 12pt/1.5
 * Noto Serif, serif" is split differently: see the font parser). */
#define FO_PV_MAX_TOKENS 8

/* Evaluates one expression; em_pt is what 1em means there. Records the
 * failure reason in st->last. Returns 0 on success. */
int fo_pv_eval(fo_pstate *st, const char *s, size_t n, double em_pt,
               int allow_proportional, fo_expr_val *out);

/* Splits at whitespace outside parentheses and quotes. Returns the number
 * of words, or -1 when there are more than max. */
int fo_pv_split(const char *s, size_t n, fo_tok *toks, int max);

/* Applies the trimmed value v of st->def to st->p. Returns NULL on success,
 * else what was expected ("a length such as 10pt"). */
const char *fo_pv_apply(fo_pstate *st, const char *v, size_t n);
/* fo_props_unsupported.c: a property mkdoc does not carry out, applied
 * with value v[0, n): one warning per document when it changes the page */
void fo_pv_unsupported(fo_pstate *st, const char *v, size_t n);
/* fo_props.c: a value shortened and made printable for a message; whether
 * an fo_kind is one of the five regions */
void fo_props_quote(const char *v, char *buf, size_t cap);
int fo_props_is_region(int kind);

/* Shared value helpers (fo_props_values.c). */
int fo_pv_is(const char *s, size_t n, const char *word);
double fo_pv_em(const fo_pstate *st); /* the element's font-size in pt */
/* A length (or a bare 0), em = em pt; "auto" gives auto_ if allow_auto. */
int fo_pv_len(fo_pstate *st, const char *s, size_t n, double em, int allow_auto,
              fo_len *out);
int fo_pv_integer(fo_pstate *st, const char *s, size_t n, int32_t *out);
int fo_pv_keyword(const fo_propdef *def, const char *s, size_t n, int32_t *out);

/* Colors (fo_props_text.c): names, #rgb, #rrggbb, rgb(), transparent. */
int fo_pv_color(fo_pstate *st, const char *s, size_t n, fo_color *out);
/* The color, font, language and text types (fo_props_text.c). */
const char *fo_pv_text(fo_pstate *st, const char *s, size_t n);

/* A font-family list, normalised as fo_props.h says (fo_props_text.c). */
int fo_pv_family(fo_pstate *st, const char *s, size_t n, const char **out);
/* The Antenna House ruby and emphasis types (fo_props_axf.c). */
const char *fo_pv_axf(fo_pstate *st, const char *s, size_t n);

/* The absolute edge (FO_TOP…) of an FO_ARG_* edge in the writing mode. */
int fo_pv_edge(fo_writing_mode wm, int arg);

#endif
