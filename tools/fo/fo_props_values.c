/* fo_props_values: one parser per value type of fo_propdefs.txt (the
 * colors, fonts, language and text ones are in fo_props_text.c).
 *
 * Each parser gets the trimmed specified value and writes the computed
 * value into st->p, or returns what it expected so fo_props.c can warn and
 * leave the inherited or initial value in place. A parser either succeeds
 * completely or changes nothing: values are parsed into locals first. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "../base/arena.h"
#include "fo_props_impl.h"

static const char *const EXP_LENGTH = "a length such as 10pt, 2em or 50%";
static const char *const EXP_POSLENGTH = "a non-negative length such as 10pt or 2em";
static const char *const EXP_KEYWORD = "one of the keywords XSL 1.1 allows for it";

/* ---- small helpers ---- */

int fo_pv_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

static void *field(fo_pstate *st)
{
    return (char *)st->p + st->def->offset;
}

static void set_int(void *f, size_t size, int32_t v)
{
    if (size == 1) *(uint8_t *)f = (uint8_t)v;
    else if (size == 2) *(int16_t *)f = (int16_t)v;
    else *(int32_t *)f = v;
}

int fo_pv_keyword(const fo_propdef *def, const char *s, size_t n, int32_t *out)
{
    for (int i = 0; i < def->n_keywords; i++)
        if (fo_pv_is(s, n, def->keywords[i].word)) {
            *out = def->keywords[i].value;
            return 1;
        }
    return 0;
}

double fo_pv_em(const fo_pstate *st)
{
    return st->p->font_size / (double)MK_PT;
}

int fo_pv_edge(fo_writing_mode wm, int arg)
{
    /* §7.3 corresponding edges: before, after, start, end */
    static const int8_t map[4][4] = {
        [FO_WM_LR_TB] = {FO_TOP, FO_BOTTOM, FO_LEFT, FO_RIGHT},
        [FO_WM_RL_TB] = {FO_TOP, FO_BOTTOM, FO_RIGHT, FO_LEFT},
        [FO_WM_TB_RL] = {FO_RIGHT, FO_LEFT, FO_TOP, FO_BOTTOM},
        [FO_WM_TB_LR] = {FO_LEFT, FO_RIGHT, FO_TOP, FO_BOTTOM},
    };
    if (arg >= FO_ARG_TOP && arg <= FO_ARG_LEFT)
        return arg;
    if (arg < FO_ARG_BEFORE || arg > FO_ARG_END || (unsigned)wm > FO_WM_TB_LR)
        return FO_TOP;
    return map[wm][arg - FO_ARG_BEFORE];
}

int fo_pv_split(const char *s, size_t n, fo_tok *toks, int max)
{
    int count = 0;
    size_t i = 0;
    while (i < n) {
        int depth = 0;
        size_t start;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
        if (i >= n)
            break;
        start = i;
        while (i < n && (depth > 0 || !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                                        s[i] == '\r'))) {
            if (s[i] == '(')
                depth++;
            else if (s[i] == ')' && depth > 0)
                depth--;
            else if (s[i] == '\'' || s[i] == '"') {
                const char *q = memchr(s + i + 1, s[i], n - i - 1);
                if (q)
                    i = (size_t)(q - s);
            }
            i++;
        }
        if (count == max)
            return -1;
        toks[count++] = (fo_tok){s + start, i - start};
    }
    return count;
}

/* A length (or a bare 0) with em relative to em, "auto" if allow_auto. */
int fo_pv_len(fo_pstate *st, const char *s, size_t n, double em, int allow_auto,
                     fo_len *out)
{
    fo_expr_val v;
    if (allow_auto && fo_pv_is(s, n, "auto")) {
        *out = (fo_len){0, 0, 1};
        return 0;
    }
    if (fo_pv_eval(st, s, n, em, 0, &v) != 0)
        return -1;
    if (v.kind == FO_EV_NUMBER && v.num == 0)
        v.kind = FO_EV_LENGTH;
    if (v.kind != FO_EV_LENGTH)
        return -1;
    *out = (fo_len){fo_expr_pt_to_len(v.num), fo_expr_pct_to_int(v.pct), 0};
    return 0;
}

/* An absolute length: no percentage, not negative. */
static int parse_abs(fo_pstate *st, const char *s, size_t n, mk_len *out)
{
    fo_len l;
    if (fo_pv_len(st, s, n, fo_pv_em(st), 0, &l) != 0 || l.pct != 0 || l.fixed < 0)
        return -1;
    *out = l.fixed;
    return 0;
}

int fo_pv_integer(fo_pstate *st, const char *s, size_t n, int32_t *out)
{
    fo_expr_val v;
    if (fo_pv_eval(st, s, n, fo_pv_em(st), 0, &v) != 0 || v.kind != FO_EV_NUMBER ||
        v.num != floor(v.num) || fabs(v.num) > 1e9)
        return -1;
    *out = (int32_t)v.num;
    return 0;
}

/* The word a token stands for: the token itself, or what an expression
 * such as from-parent(text-align) returned. */
static int parse_word(fo_pstate *st, const char *s, size_t n, const char **w, size_t *wn)
{
    fo_expr_val v;
    if (fo_pv_eval(st, s, n, fo_pv_em(st), 0, &v) != 0 || v.kind != FO_EV_IDENT)
        return -1;
    *w = v.str;
    *wn = v.len;
    return 0;
}

static const char *store_str(fo_pstate *st, const char *s, size_t n)
{
    return n ? arena_strndup(st->ctx->arena, s, n) : NULL;
}

/* ---- borders and padding (§7.7) ---- */

static int parse_border_width(fo_pstate *st, const char *s, size_t n, mk_len *out)
{
    /* thin/medium/thick are formatter-defined; these match FOP's */
    if (fo_pv_is(s, n, "thin")) *out = MK_PT / 2;
    else if (fo_pv_is(s, n, "medium")) *out = MK_PT;
    else if (fo_pv_is(s, n, "thick")) *out = 2 * MK_PT;
    else return parse_abs(st, s, n, out);
    return 0;
}

static int parse_border_style(const char *s, size_t n, fo_border_style *out)
{
    static const char *const names[] = {"none", "hidden", "solid", "dotted", "dashed",
                                        "double", "groove", "ridge", "inset", "outset"};
    for (int i = 0; i < 10; i++)
        if (fo_pv_is(s, n, names[i])) {
            *out = (fo_border_style)i;
            return 0;
        }
    return -1;
}

/* "1pt solid red" in any order, each part at most once (§7.31.3). */
static const char *parse_border_edges(fo_pstate *st, const char *s, size_t n,
                                      const int *edges, int n_edges)
{
    static const char *const exp = "a border such as \"0.5pt solid black\"";
    fo_tok t[FO_PV_MAX_TOKENS];
    int nt = fo_pv_split(s, n, t, 3);
    fo_border b = {MK_PT, FO_BORDER_NONE, {0, 0, 0, 255}, 1};
    int have_w = 0, have_s = 0, have_c = 0;
    if (nt <= 0)
        return exp;
    for (int i = 0; i < nt; i++) {
        if (!have_s && parse_border_style(t[i].s, t[i].n, &b.style) == 0)
            have_s = 1;
        else if (!have_w && parse_border_width(st, t[i].s, t[i].n, &b.width) == 0)
            have_w = 1;
        else if (!have_c && fo_pv_color(st, t[i].s, t[i].n, &b.color) == 0)
            have_c = 1;
        else
            return exp;
    }
    for (int i = 0; i < n_edges; i++) {
        fo_border *d = &st->p->border[edges[i]];
        d->width = b.width;
        d->style = b.style;
        d->color = b.color;
        st->spec.bcolor[edges[i]] = (uint8_t)have_c;
    }
    return NULL;
}

/* 1 to 4 values in CSS order: top, right, bottom, left (§7.31.17 etc.). */
static int split_four(const char *s, size_t n, fo_tok out[4])
{
    int nt = fo_pv_split(s, n, out, 4);
    if (nt <= 0)
        return -1;
    if (nt == 1) out[1] = out[0];
    if (nt <= 2) out[2] = out[0];
    if (nt <= 3) out[3] = out[1];
    return 0;
}

static const char *parse_four(fo_pstate *st, const char *s, size_t n)
{
    fo_tok t[4];
    fo_props *p = st->p;
    int type = st->def->type;
    if (split_four(s, n, t) != 0)
        return "one to four values (top, right, bottom, left)";
    if (type == FO_PT_MARGINS || type == FO_PT_PADDINGS) {
        fo_len l[4];
        for (int i = 0; i < 4; i++)
            if (fo_pv_len(st, t[i].s, t[i].n, fo_pv_em(st), type == FO_PT_MARGINS, &l[i]) != 0 ||
                (type == FO_PT_PADDINGS && (l[i].fixed < 0 || l[i].pct < 0)))
                return type == FO_PT_MARGINS ? EXP_LENGTH : EXP_POSLENGTH;
        for (int i = 0; i < 4; i++) {
            if (type == FO_PT_MARGINS) {
                p->margin[i] = l[i];
                st->spec.margin[i] = 1;
            } else {
                p->padding[i] = l[i];
            }
        }
    } else if (type == FO_PT_BWIDTHS) {
        mk_len w[4];
        for (int i = 0; i < 4; i++)
            if (parse_border_width(st, t[i].s, t[i].n, &w[i]) != 0)
                return "border widths such as thin or 1pt";
        for (int i = 0; i < 4; i++)
            p->border[i].width = w[i];
    } else if (type == FO_PT_BSTYLES) {
        fo_border_style bs[4];
        for (int i = 0; i < 4; i++)
            if (parse_border_style(t[i].s, t[i].n, &bs[i]) != 0)
                return "border styles such as solid or none";
        for (int i = 0; i < 4; i++)
            p->border[i].style = bs[i];
    } else {
        fo_color c[4];
        for (int i = 0; i < 4; i++)
            if (fo_pv_color(st, t[i].s, t[i].n, &c[i]) != 0)
                return "colors such as black or #336699";
        for (int i = 0; i < 4; i++) {
            p->border[i].color = c[i];
            st->spec.bcolor[i] = 1;
        }
    }
    return NULL;
}

static const char *parse_edge(fo_pstate *st, const char *s, size_t n)
{
    int e = fo_pv_edge(st->p->writing_mode, st->def->arg);
    fo_props *p = st->p;
    fo_len l;
    mk_len w;
    fo_border_style bs;
    fo_color c;
    switch ((fo_ptype)st->def->type) {
    case FO_PT_MARGIN:
        if (fo_pv_len(st, s, n, fo_pv_em(st), 1, &l) != 0)
            return EXP_LENGTH;
        p->margin[e] = l;
        st->spec.margin[e] = 1;
        return NULL;
    case FO_PT_PADDING:
        if (fo_pv_len(st, s, n, fo_pv_em(st), 0, &l) != 0 || l.fixed < 0 || l.pct < 0)
            return EXP_POSLENGTH;
        p->padding[e] = l;
        return NULL;
    case FO_PT_BWIDTH:
        if (parse_border_width(st, s, n, &w) != 0)
            return "a border width such as thin, medium, thick or 1pt";
        p->border[e].width = w;
        return NULL;
    case FO_PT_BSTYLE:
        if (parse_border_style(s, n, &bs) != 0)
            return "a border style such as none, solid, dotted or double";
        p->border[e].style = bs;
        return NULL;
    case FO_PT_BCOLOR:
        if (fo_pv_color(st, s, n, &c) != 0)
            return "a color such as black, #336699 or rgb(51,102,153)";
        p->border[e].color = c;
        st->spec.bcolor[e] = 1;
        return NULL;
    case FO_PT_BSIDE:
        return parse_border_edges(st, s, n, &e, 1);
    case FO_PT_PADCOND: case FO_PT_BCOND:
        if (!fo_pv_is(s, n, "discard") && !fo_pv_is(s, n, "retain"))
            return "discard or retain";
        if (st->def->type == FO_PT_PADCOND)
            p->padding_discard[e] = fo_pv_is(s, n, "discard");
        else
            p->border[e].discard = fo_pv_is(s, n, "discard");
        return NULL;
    default:
        return EXP_KEYWORD;
    }
}

/* ---- spaces, keeps, ranges ---- */

static const char *parse_space(fo_pstate *st, const char *s, size_t n)
{
    fo_space *sp = field(st);
    fo_len l;
    int32_t prec;
    if (sp == &st->p->space_before)
        st->spec.space_before = 1;
    else
        st->spec.space_after = 1;
    switch (st->def->arg) {
    case FO_ARG_COND:
        if (!fo_pv_is(s, n, "discard") && !fo_pv_is(s, n, "retain"))
            return "discard or retain";
        sp->discard = fo_pv_is(s, n, "discard");
        return NULL;
    case FO_ARG_PREC:
        if (fo_pv_is(s, n, "force"))
            prec = INT32_MAX;
        else if (fo_pv_integer(st, s, n, &prec) != 0)
            return "force or an integer";
        sp->precedence = prec;
        return NULL;
    default:
        if (fo_pv_len(st, s, n, fo_pv_em(st), 0, &l) != 0)
            return EXP_LENGTH;
        if (st->def->arg == FO_ARG_MIN) sp->min = l;
        else if (st->def->arg == FO_ARG_OPT) sp->opt = l;
        else if (st->def->arg == FO_ARG_MAX) sp->max = l;
        else {
            sp->min = sp->opt = sp->max = l;
            sp->precedence = 0;
            sp->discard = 1;
        }
        return NULL;
    }
}

static const char *parse_keep(fo_pstate *st, const char *s, size_t n)
{
    fo_keep *k = field(st);
    int32_t v;
    if (fo_pv_is(s, n, "auto"))
        v = FO_KEEP_AUTO;
    else if (fo_pv_is(s, n, "always"))
        v = FO_KEEP_ALWAYS;
    else if (fo_pv_integer(st, s, n, &v) != 0 || v < 1)
        return "auto, always or a positive integer";
    else if (v >= FO_KEEP_ALWAYS)
        v = FO_KEEP_ALWAYS - 1; /* an integer strength stays below always */
    if (st->def->arg == FO_ARG_PAGE || st->def->arg == FO_ARG_ALL) k->within_page = v;
    if (st->def->arg == FO_ARG_COLUMN || st->def->arg == FO_ARG_ALL) k->within_column = v;
    if (st->def->arg == FO_ARG_LINE || st->def->arg == FO_ARG_ALL) k->within_line = v;
    return NULL;
}

static const char *parse_leader_length(fo_pstate *st, const char *s, size_t n)
{
    fo_len l;
    if (fo_pv_len(st, s, n, fo_pv_em(st), 0, &l) != 0)
        return EXP_LENGTH;
    if (st->def->arg == FO_ARG_MIN || st->def->arg == FO_ARG_ALL) st->p->leader_length_min = l;
    if (st->def->arg == FO_ARG_OPT || st->def->arg == FO_ARG_ALL) st->p->leader_length_opt = l;
    if (st->def->arg == FO_ARG_MAX || st->def->arg == FO_ARG_ALL) st->p->leader_length_max = l;
    return NULL;
}

/* page-break-before/after/inside (§7.31.14–16, CSS2 compatibility). */
static const char *parse_page_break(fo_pstate *st, const char *s, size_t n)
{
    fo_props *p = st->p;
    int arg = st->def->arg;
    fo_break *br = arg == FO_ARG_BEFORE ? &p->break_before : &p->break_after;
    fo_keep *keep = arg == FO_ARG_BEFORE ? &p->keep_with_previous
                  : arg == FO_ARG_AFTER ? &p->keep_with_next : &p->keep_together;
    if (fo_pv_is(s, n, "avoid")) {
        keep->within_page = FO_KEEP_ALWAYS;
        return NULL;
    }
    if (fo_pv_is(s, n, "auto"))
        return NULL;
    if (arg == FO_ARG_INSIDE)
        return "auto or avoid";
    if (fo_pv_is(s, n, "always")) *br = FO_BREAK_PAGE;
    else if (fo_pv_is(s, n, "left")) *br = FO_BREAK_EVEN_PAGE;
    else if (fo_pv_is(s, n, "right")) *br = FO_BREAK_ODD_PAGE;
    else return "auto, always, avoid, left or right";
    return NULL;
}

/* ---- the rest ---- */

/* "url('a.png')", "url(a.png)", "'a.png'" → a.png (§5.11 <uri-specification>). */
static const char *parse_uri(fo_pstate *st, const char *s, size_t n, const char **out)
{
    if (fo_pv_is(s, n, "none")) {
        *out = NULL;
        return NULL;
    }
    if (n >= 5 && strncasecmp(s, "url(", 4) == 0 && s[n - 1] == ')') {
        s += 4;
        n -= 5;
        while (n && (*s == ' ' || *s == '\t'))
            s++, n--;
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
    }
    if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0])
        s++, n -= 2;
    if (n == 0)
        return "a URI such as url(images/logo.png)";
    *out = store_str(st, s, n);
    return NULL;
}

static const char *parse_char(fo_pstate *st, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t cp;
    size_t len = 0;
    if (n >= 1 && u[0] < 0x80) cp = u[0], len = 1;
    else if (n >= 2 && (u[0] & 0xe0) == 0xc0) cp = u[0] & 0x1f, len = 2;
    else if (n >= 3 && (u[0] & 0xf0) == 0xe0) cp = u[0] & 0x0f, len = 3;
    else if (n >= 4 && (u[0] & 0xf8) == 0xf0) cp = u[0] & 0x07, len = 4;
    else return "exactly one character";
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xc0) != 0x80)
            return "exactly one character";
        cp = cp << 6 | (u[i] & 0x3f);
    }
    if (len != n || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
        (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
        return "exactly one character";
    st->p->character = cp;
    return NULL;
}

static const char *parse_content_size(fo_pstate *st, const char *s, size_t n)
{
    fo_content_size *cs = field(st);
    fo_len l;
    if (fo_pv_is(s, n, "auto")) *cs = (fo_content_size){FO_CONTENT_AUTO, {0, 0, 1}};
    else if (fo_pv_is(s, n, "scale-to-fit")) *cs = (fo_content_size){FO_CONTENT_SCALE_TO_FIT, {0}};
    else if (fo_pv_is(s, n, "scale-down-to-fit")) *cs = (fo_content_size){FO_CONTENT_SCALE_DOWN, {0}};
    else if (fo_pv_is(s, n, "scale-up-to-fit")) *cs = (fo_content_size){FO_CONTENT_SCALE_UP, {0}};
    else if (fo_pv_len(st, s, n, fo_pv_em(st), 0, &l) == 0 && l.fixed >= 0 && l.pct >= 0)
        *cs = (fo_content_size){FO_CONTENT_LENGTH, l};
    else
        return "auto, scale-to-fit, scale-down-to-fit, scale-up-to-fit or a length";
    return NULL;
}

static const char *parse_dimension(fo_pstate *st, const char *s, size_t n)
{
    fo_props *p = st->p;
    int vertical = p->writing_mode == FO_WM_TB_RL || p->writing_mode == FO_WM_TB_LR;
    int inline_dir = st->def->type == FO_PT_IPD;
    fo_len l;
    if (fo_pv_len(st, s, n, fo_pv_em(st), 1, &l) != 0)
        return "auto or a length such as 5cm or 50%";
    if (st->def->arg == FO_ARG_MIN) {
        if (!vertical) /* min_height is the block direction only when horizontal */
            p->min_height = l;
    } else if (inline_dir != vertical) {
        p->width = l;
    } else {
        p->height = l;
    }
    return NULL;
}

static const char *parse_background(fo_pstate *st, const char *s, size_t n)
{
    fo_tok t[FO_PV_MAX_TOKENS];
    int nt = fo_pv_split(s, n, t, FO_PV_MAX_TOKENS);
    fo_color c = {0, 0, 0, 0};
    const char *img = NULL;
    if (nt <= 0)
        return "a color and/or url(...)";
    for (int i = 0; i < nt; i++) {
        if (t[i].n > 4 && strncasecmp(t[i].s, "url(", 4) == 0)
            parse_uri(st, t[i].s, t[i].n, &img);
        else
            fo_pv_color(st, t[i].s, t[i].n, &c); /* repeat, position: not used */
    }
    st->last = FO_EXPR_OK;
    st->p->background_color = c;
    st->p->background_image = img;
    return NULL;
}

static const char *parse_simple(fo_pstate *st, const char *s, size_t n)
{
    const fo_propdef *def = st->def;
    void *f = field(st);
    const char *w;
    size_t wn;
    int32_t v;
    switch ((fo_ptype)def->type) {
    case FO_PT_ENUM: case FO_PT_BOOL:
        if (parse_word(st, s, n, &w, &wn) != 0)
            return def->type == FO_PT_BOOL ? "true or false" : EXP_KEYWORD;
        if (def->type == FO_PT_BOOL && (fo_pv_is(w, wn, "true") || fo_pv_is(w, wn, "false")))
            v = fo_pv_is(w, wn, "true");
        else if (def->type == FO_PT_BOOL || !fo_pv_keyword(def, w, wn, &v))
            return def->type == FO_PT_BOOL ? "true or false" : EXP_KEYWORD;
        set_int(f, def->size, v);
        return NULL;
    case FO_PT_INT:
        if (!fo_pv_keyword(def, s, n, &v) && (fo_pv_integer(st, s, n, &v) != 0 || v < 1))
            return def->n_keywords ? "a positive integer or a keyword" : "a positive integer";
        set_int(f, def->size, v);
        return NULL;
    case FO_PT_ALEN: {
        mk_len l;
        if (fo_pv_keyword(def, s, n, &v))
            l = v;
        else if (parse_abs(st, s, n, &l) != 0)
            return EXP_POSLENGTH;
        *(mk_len *)f = l;
        return NULL;
    }
    default:
        return EXP_KEYWORD;
    }
}

/* A set of keywords, OR-ed ("start end adjacent"): the axf: JLREQ
 * composition properties. */
static const char *parse_flags(fo_pstate *st, const char *s, size_t n)
{
    fo_tok t[FO_PV_MAX_TOKENS];
    int nt = fo_pv_split(s, n, t, FO_PV_MAX_TOKENS);
    static const char *const exp = "a list of its keywords (docs/manual/extensions.md)";
    int32_t bits = 0, v;
    if (nt <= 0)
        return exp;
    for (int i = 0; i < nt; i++) {
        if (!fo_pv_keyword(st->def, t[i].s, t[i].n, &v))
            return exp;
        bits |= v;
    }
    set_int(field(st), st->def->size, bits);
    return NULL;
}

/* axf:text-combine-horizontal: none | all | [digits N || alpha N ||
 * alphanumeric N] (Antenna House's syntax; N from 1 to 4, default 2). */
static const char *parse_tcy(fo_pstate *st, const char *s, size_t n)
{
    static const char *const exp = "none, all, or digits/alpha/alphanumeric followed by "
                                   "an optional number from 1 to 4 (\"digits 2\"; docs/manual/extensions.md)";
    fo_props *p = st->p;
    fo_tok t[FO_PV_MAX_TOKENS];
    int nt = fo_pv_split(s, n, t, FO_PV_MAX_TOKENS);
    uint8_t bits = 0, max[3] = {2, 2, 2};
    int last = -1; /* the kind a number after it belongs to */
    if (nt == 1 && (fo_pv_is(t[0].s, t[0].n, "none") || fo_pv_is(t[0].s, t[0].n, "all"))) {
        p->text_combine = fo_pv_is(t[0].s, t[0].n, "all") ? FO_TCY_ALL : 0;
        return NULL;
    }
    for (int i = 0; i < nt; i++) {
        int k = fo_pv_is(t[i].s, t[i].n, "digits") ? 0 : fo_pv_is(t[i].s, t[i].n, "alpha") ? 1
                : fo_pv_is(t[i].s, t[i].n, "alphanumeric") ? 2 : -1;
        if (k >= 0) {
            bits |= (uint8_t)(FO_TCY_DIGITS << k);
            last = k;
        } else if (t[i].n == 1 && t[i].s[0] >= '1' && t[i].s[0] <= '4' && last >= 0) {
            max[last] = (uint8_t)(t[i].s[0] - '0');
            last = -1;
        } else {
            return exp;
        }
    }
    if (nt <= 0 || !bits)
        return exp;
    p->text_combine = bits;
    memcpy(p->text_combine_max, max, sizeof max);
    return NULL;
}

static const char *parse_misc(fo_pstate *st, const char *s, size_t n)
{
    fo_props *p = st->p;
    fo_expr_val v;
    int32_t i;
    mk_len l;
    switch ((fo_ptype)st->def->type) {
    case FO_PT_WM:
        if (fo_pv_is(s, n, "lr-tb") || fo_pv_is(s, n, "lr") || fo_pv_is(s, n, "horizontal-tb"))
            p->writing_mode = FO_WM_LR_TB;
        else if (fo_pv_is(s, n, "rl-tb") || fo_pv_is(s, n, "rl"))
            p->writing_mode = FO_WM_RL_TB;
        else if (fo_pv_is(s, n, "tb-rl") || fo_pv_is(s, n, "tb") || fo_pv_is(s, n, "vertical-rl"))
            p->writing_mode = FO_WM_TB_RL;
        else if (fo_pv_is(s, n, "tb-lr") || fo_pv_is(s, n, "vertical-lr"))
            p->writing_mode = FO_WM_TB_LR;
        else
            return "lr-tb, rl-tb, tb-rl or tb-lr";
        return NULL;
    case FO_PT_REFOR:
        if (fo_pv_integer(st, s, n, &i) != 0 || i % 90 != 0 || i < -270 || i > 270)
            return "0, 90, 180, 270, -90, -180 or -270";
        p->reference_orientation = (int16_t)((i + 360) % 360);
        return NULL;
    case FO_PT_PAGEDIM:
        if (fo_pv_is(s, n, "auto") || fo_pv_is(s, n, "indefinite"))
            l = st->def->offset == offsetof(fo_props, page_width) ? fo_props_initial()->page_width
                                                                  : fo_props_initial()->page_height;
        else if (parse_abs(st, s, n, &l) != 0 || l == 0)
            return "auto or a positive length such as 210mm";
        *(mk_len *)field(st) = l;
        return NULL;
    case FO_PT_COLWIDTH:
        if (fo_pv_eval(st, s, n, fo_pv_em(st), 1, &v) == 0 && v.kind == FO_EV_PROPORTIONAL) {
            p->column_width_proportional = (int32_t)fmin(lround(v.num * 1000), 1e9);
            p->column_width = (fo_len){0, 0, 0};
            return NULL;
        }
        if (fo_pv_len(st, s, n, fo_pv_em(st), 1, &p->column_width) != 0)
            return "a length, a percentage or proportional-column-width(N)";
        p->column_width_proportional = 0;
        return NULL;
    case FO_PT_BSEP: {
        fo_tok t[2];
        if (fo_pv_split(s, n, t, 2) <= 0 || parse_abs(st, t[0].s, t[0].n, &l) != 0)
            return EXP_POSLENGTH;
        p->border_separation = l;
        return NULL;
    }
    default:
        return EXP_KEYWORD;
    }
}

const char *fo_pv_apply(fo_pstate *st, const char *s, size_t n)
{
    fo_len l;
    switch ((fo_ptype)st->def->type) {
    case FO_PT_NONE:
        return NULL;
    case FO_PT_LEN:
        if (fo_pv_len(st, s, n, fo_pv_em(st), 1, &l) != 0)
            return EXP_LENGTH;
        *(fo_len *)field(st) = l;
        return NULL;
    case FO_PT_INDENT:
        if (fo_pv_len(st, s, n, fo_pv_em(st), 0, &l) != 0)
            return EXP_LENGTH;
        *(fo_len *)field(st) = l;
        if (st->def->arg == FO_ARG_START) st->spec.start_indent = 1;
        else st->spec.end_indent = 1;
        return NULL;
    case FO_PT_ENUM: case FO_PT_BOOL: case FO_PT_INT: case FO_PT_ALEN:
        return parse_simple(st, s, n);
    case FO_PT_FLAGS:
        return parse_flags(st, s, n);
    case FO_PT_TCY:
        return parse_tcy(st, s, n);
    case FO_PT_STR:
        *(const char **)field(st) = store_str(st, s, n);
        return NULL;
    case FO_PT_URI:
        return parse_uri(st, s, n, (const char **)field(st));
    case FO_PT_BACKGROUND: return parse_background(st, s, n);
    case FO_PT_RANGE: return parse_leader_length(st, s, n);
    case FO_PT_SPACE: return parse_space(st, s, n);
    case FO_PT_KEEP: return parse_keep(st, s, n);
    case FO_PT_PAGEBREAK: return parse_page_break(st, s, n);
    case FO_PT_MARGINS: case FO_PT_PADDINGS: case FO_PT_BWIDTHS: case FO_PT_BSTYLES:
    case FO_PT_BCOLORS:
        return parse_four(st, s, n);
    case FO_PT_BORDER: {
        static const int all[4] = {FO_TOP, FO_RIGHT, FO_BOTTOM, FO_LEFT};
        return parse_border_edges(st, s, n, all, 4);
    }
    case FO_PT_MARGIN: case FO_PT_PADDING: case FO_PT_PADCOND: case FO_PT_BSIDE:
    case FO_PT_BWIDTH: case FO_PT_BSTYLE: case FO_PT_BCOLOR: case FO_PT_BCOND:
        return parse_edge(st, s, n);
    case FO_PT_IPD: case FO_PT_BPD: return parse_dimension(st, s, n);
    case FO_PT_CSIZE: return parse_content_size(st, s, n);
    case FO_PT_CHAR: return parse_char(st, s, n);
    case FO_PT_AXKW: case FO_PT_AXFLAGS: case FO_PT_AXLEN: case FO_PT_AXFAMILY:
    case FO_PT_EMSTYLE:
        return fo_pv_axf(st, s, n);
    case FO_PT_COLOR: case FO_PT_XMLLANG: case FO_PT_LANGUAGE: case FO_PT_COUNTRY:
    case FO_PT_FONT: case FO_PT_FONTSIZE: case FO_PT_FAMILY: case FO_PT_WEIGHT:
    case FO_PT_LINEHEIGHT: case FO_PT_WHITESPACE: case FO_PT_TDECO: case FO_PT_BSHIFT:
    case FO_PT_VALIGN: case FO_PT_TALAST:
        return fo_pv_text(st, s, n);
    default: return parse_misc(st, s, n);
    }
}
