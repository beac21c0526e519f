/* fo_props_axf: the value types of Antenna House's ruby and emphasis-dot
 * extensions (axf:ruby-*, axf:text-emphasis-*; issue 3, JLREQ 3.3), as
 * AH's public schema (AntennaHouse/focheck) spells them.
 *
 * An unknown keyword is reported with the full list of the property's
 * keywords, so the message says what to write instead. */
#include <stdio.h>
#include <string.h>

#include "fo_props_impl.h"

static void *axf_field(fo_pstate *st)
{
    return (char *)st->p + st->def->offset;
}

/* "before, after" (or "…, or a length"): every keyword of the property,
 * in the arena (the message is made once per bad value). */
static const char *keyword_list(fo_pstate *st, const char *tail)
{
    char buf[400];
    size_t o = 0;
    for (int i = 0; i < st->def->n_keywords && o + 40 < sizeof buf; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? ", " : "",
                              st->def->keywords[i].word);
    if (tail)
        snprintf(buf + o, sizeof buf - o, "%s", tail);
    return arena_strdup(st->ctx->arena, buf);
}

static const char *parse_kw(fo_pstate *st, const char *s, size_t n)
{
    int32_t v;
    if (!fo_pv_keyword(st->def, s, n, &v))
        return keyword_list(st, " (one of these)");
    *(uint8_t *)axf_field(st) = (uint8_t)v;
    return NULL;
}

/* "start end except-kanji": keywords OR-ed; none and auto stand alone. */
static const char *parse_kwset(fo_pstate *st, const char *s, size_t n)
{
    fo_tok t[FO_PV_MAX_TOKENS];
    int nt = fo_pv_split(s, n, t, FO_PV_MAX_TOKENS);
    int32_t bits = 0, v;
    if (nt <= 0)
        return keyword_list(st, " (one or more of these)");
    for (int i = 0; i < nt; i++) {
        int alone = fo_pv_is(t[i].s, t[i].n, "none") || fo_pv_is(t[i].s, t[i].n, "auto");
        if (!fo_pv_keyword(st->def, t[i].s, t[i].n, &v) || (alone && nt > 1))
            return keyword_list(st, " (none or auto alone, else one or more of the others)");
        bits |= v;
    }
    *(uint8_t *)axf_field(st) = (uint8_t)bits;
    return NULL;
}

/* <length> | <percentage> | <number>: a percentage or number is kept in
 * pct (a number N as N × 100%) for layout to resolve against its base. */
static const char *parse_axlen(fo_pstate *st, const char *s, size_t n)
{
    fo_expr_val v;
    static const char *const exp = "a length such as 5pt, a percentage such as 50% "
                                   "or a number such as 0.5";
    if (fo_pv_eval(st, s, n, fo_pv_em(st), 0, &v) != 0)
        return exp;
    fo_len l = {0, 0, 0};
    if (v.kind == FO_EV_NUMBER) {
        if (v.num < 0 || v.num > 100)
            return exp;
        l.pct = (int32_t)(v.num * 10000 + 0.5);
    } else if (v.kind == FO_EV_LENGTH) {
        l.fixed = fo_expr_pt_to_len(v.num);
        l.pct = fo_expr_pct_to_int(v.pct);
    } else {
        return exp;
    }
    if (l.fixed < 0 || l.pct < 0)
        return exp;
    *(fo_len *)axf_field(st) = l;
    return NULL;
}

/* A quoted string: its first character is the mark (CSS Text Decoration
 * 3: a longer string may be cut to its first character). */
static int parse_mark_string(fo_pstate *st, const char *s, size_t n)
{
    if (n < 3 || (s[0] != '"' && s[0] != '\'') || s[n - 1] != s[0])
        return -1;
    size_t len = 1;
    unsigned char c = (unsigned char)s[1];
    len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (1 + len > n - 1)
        return -1;
    st->p->em_string = arena_strndup(st->ctx->arena, s + 1, len);
    st->p->em_style = FO_EM_STRING;
    return 0;
}

/* none | [ [ filled | open ] || [ dot | circle | double-circle | triangle |
 * sesame ] ] | <string>. "filled" or "open" alone keeps FO_EM_FILLED_ONLY:
 * the shape then depends on the writing mode (layout decides). */
static const char *parse_emstyle(fo_pstate *st, const char *s, size_t n)
{
    static const char *const exp =
        "none, a shape (dot, circle, double-circle, triangle, sesame) with or "
        "without filled or open, or a quoted character such as \"*\"";
    fo_tok t[3];
    int nt = fo_pv_split(s, n, t, 3);
    if (nt == 1 && parse_mark_string(st, t[0].s, t[0].n) == 0)
        return NULL;
    if (nt <= 0 || nt > 2)
        return exp;
    int shape = 0, fill = -1; /* fill: 0 filled, 1 open */
    for (int i = 0; i < nt; i++) {
        int32_t v;
        if (!fo_pv_keyword(st->def, t[i].s, t[i].n, &v))
            return exp;
        if (v == 0) { /* none */
            if (nt > 1)
                return exp;
            st->p->em_style = FO_EM_NONE;
            return NULL;
        }
        if (v == FO_EM_FILLED_ONLY || v == FO_EM_OPEN) {
            if (fill >= 0)
                return exp;
            fill = v == FO_EM_OPEN;
        } else {
            if (shape)
                return exp;
            shape = v;
        }
    }
    st->p->em_style = (uint8_t)((shape ? shape : FO_EM_FILLED_ONLY) | (fill == 1 ? FO_EM_OPEN : 0));
    return NULL;
}

const char *fo_pv_axf(fo_pstate *st, const char *s, size_t n)
{
    const char *str;
    switch ((fo_ptype)st->def->type) {
    case FO_PT_AXKW: return parse_kw(st, s, n);
    case FO_PT_AXFLAGS: return parse_kwset(st, s, n);
    case FO_PT_AXLEN: return parse_axlen(st, s, n);
    case FO_PT_EMSTYLE: return parse_emstyle(st, s, n);
    case FO_PT_AXFAMILY:
        if (fo_pv_family(st, s, n, &str) != 0)
            return "a list of font families such as \"Noto Sans CJK JP, sans-serif\"";
        *(const char **)axf_field(st) = str;
        return NULL;
    default:
        return "a valid value";
    }
}
