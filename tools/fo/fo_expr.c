/* fo_expr: a recursive-descent evaluator for XSL 1.1 §5.9 expressions.
 *
 *   Expr           ::= Multiplicative (('+' | '-') Multiplicative)*
 *   Multiplicative ::= Unary (('*' | 'div' | 'mod') Unary)*
 *   Unary          ::= '-' Unary | Primary
 *   Primary        ::= '(' Expr ')' | Number Unit? | '#' Hex | Literal
 *                    | NCName | NCName '(' (Expr (',' Expr)*)? ')'
 *
 * Tokens are read on the fly; there is no token array to allocate. Every
 * nesting level goes through parse_unary, which is where the depth bound is
 * checked. */
#include "fo_expr.h"

#include <math.h>
#include <string.h>

/* rgb-icc() has the most arguments of any XSL function we evaluate: three
 * fallback components, a profile name and a few color values. */
#define FO_EXPR_MAX_ARGS 12

typedef struct {
    const fo_expr_env *env;
    const char *s;
    size_t len, pos;
    int depth;
} parser;

static fo_expr_status parse_additive(parser *p, fo_expr_val *out);

static int is_name_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int is_name_char(unsigned char c)
{
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int peek(const parser *p)
{
    return p->pos < p->len ? (unsigned char)p->s[p->pos] : -1;
}

static void skip_ws(parser *p)
{
    while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
                               p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
        p->pos++;
}

/* Is the word w (an operator name) at the current position, followed by
 * something that cannot continue a name? */
static int at_word(const parser *p, const char *w)
{
    size_t n = strlen(w);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, w, n) != 0)
        return 0;
    return p->pos + n == p->len || !is_name_char((unsigned char)p->s[p->pos + n]);
}

static fo_expr_status checked(fo_expr_val *v)
{
    return isfinite(v->num) && isfinite(v->pct) ? FO_EXPR_OK : FO_EXPR_RANGE;
}

static int is_numeric(const fo_expr_val *v)
{
    return v->kind == FO_EV_NUMBER || v->kind == FO_EV_LENGTH ||
           v->kind == FO_EV_PROPORTIONAL;
}

/* A bare 0 is accepted where a length is expected ("0 + 2pt"), as every
 * formatter does, although §5.9.6 would call it a type error. */
static void promote_zero(fo_expr_val *a, const fo_expr_val *b)
{
    if (a->kind == FO_EV_NUMBER && a->num == 0 && b->kind == FO_EV_LENGTH) {
        a->kind = FO_EV_LENGTH;
        a->pct = 0;
    }
}

static fo_expr_status op_add(fo_expr_val *a, fo_expr_val b, int sign)
{
    if (!is_numeric(a) || !is_numeric(&b))
        return FO_EXPR_TYPE;
    promote_zero(a, &b);
    promote_zero(&b, a);
    if (a->kind != b.kind)
        return FO_EXPR_TYPE;
    a->num += sign * b.num;
    a->pct += sign * b.pct;
    return checked(a);
}

static fo_expr_status op_mul(fo_expr_val *a, fo_expr_val b)
{
    if (!is_numeric(a) || !is_numeric(&b))
        return FO_EXPR_TYPE;
    if (a->kind != FO_EV_NUMBER && b.kind != FO_EV_NUMBER)
        return FO_EXPR_TYPE; /* length × length has no meaning in XSL */
    if (a->kind == FO_EV_NUMBER) {
        fo_expr_val t = *a;
        *a = b;
        b = t;
    }
    a->num *= b.num;
    a->pct *= b.num;
    return checked(a);
}

static fo_expr_status op_div(fo_expr_val *a, fo_expr_val b)
{
    if (!is_numeric(a) || !is_numeric(&b))
        return FO_EXPR_TYPE;
    if (b.num == 0)
        return FO_EXPR_RANGE;
    if (b.kind == FO_EV_NUMBER) {
        a->num /= b.num;
        a->pct /= b.num;
        return checked(a);
    }
    /* length div length is a number when neither has a percentage part */
    if (a->kind != b.kind || a->pct != 0 || b.pct != 0)
        return FO_EXPR_TYPE;
    a->kind = FO_EV_NUMBER;
    a->num /= b.num;
    return checked(a);
}

static fo_expr_status op_mod(fo_expr_val *a, fo_expr_val b)
{
    if (!is_numeric(a) || !is_numeric(&b) || a->kind != b.kind || a->pct != 0 ||
        b.pct != 0)
        return FO_EXPR_TYPE;
    if (b.num == 0)
        return FO_EXPR_RANGE;
    a->num = fmod(a->num, b.num);
    return checked(a);
}

/* Units of §5.9.13, in points. px is device-dependent in XSL; mkdoc takes
 * the CSS reference pixel, 96 per inch, so 1px = 0.75pt. */
static int unit_pt(const char *u, size_t n, double em, double *pt)
{
    static const struct { const char *name; double pt; } units[] = {
        {"pt", 1.0}, {"pc", 12.0}, {"in", 72.0}, {"cm", 72.0 / 2.54},
        {"mm", 72.0 / 25.4}, {"px", 0.75}, {"q", 72.0 / 25.4 / 4}, {"Q", 72.0 / 25.4 / 4},
    };
    if (n == 2 && memcmp(u, "em", 2) == 0) {
        *pt = em;
        return 1;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strlen(units[i].name) == n && memcmp(units[i].name, u, n) == 0) {
            *pt = units[i].pt;
            return 1;
        }
    return 0;
}

static fo_expr_status parse_number(parser *p, fo_expr_val *out)
{
    double v = 0, scale = 1;
    while (is_digit((unsigned char)peek(p)))
        v = v * 10 + (p->s[p->pos++] - '0');
    if (peek(p) == '.') {
        p->pos++;
        while (is_digit((unsigned char)peek(p))) {
            scale /= 10;
            v += (p->s[p->pos++] - '0') * scale;
        }
    }
    memset(out, 0, sizeof *out);
    out->kind = FO_EV_NUMBER;
    out->num = v;
    if (peek(p) == '%') {
        p->pos++;
        out->kind = FO_EV_LENGTH;
        out->pct = v;
        out->num = 0;
    } else if (peek(p) >= 0 && is_name_start((unsigned char)peek(p))) {
        size_t start = p->pos;
        double pt;
        while (p->pos < p->len && ((p->s[p->pos] >= 'a' && p->s[p->pos] <= 'z') ||
                                   (p->s[p->pos] >= 'A' && p->s[p->pos] <= 'Z')))
            p->pos++;
        if (!unit_pt(p->s + start, p->pos - start, p->env->font_size_pt, &pt))
            return FO_EXPR_UNIT;
        out->kind = FO_EV_LENGTH;
        out->num = v * pt;
    }
    return checked(out);
}

static int hex_val(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* #rgb or #rrggbb (§5.9.13 color; CSS2 syntax) */
static fo_expr_status parse_hex_color(parser *p, fo_expr_val *out)
{
    size_t start = ++p->pos, n;
    while (p->pos < p->len && hex_val((unsigned char)p->s[p->pos]) >= 0)
        p->pos++;
    n = p->pos - start;
    if ((n != 3 && n != 6) || (peek(p) >= 0 && is_name_char((unsigned char)peek(p))))
        return FO_EXPR_SYNTAX;
    memset(out, 0, sizeof *out);
    out->kind = FO_EV_COLOR;
    out->a = 255;
    uint8_t *ch[3] = {&out->r, &out->g, &out->b};
    for (int i = 0; i < 3; i++) {
        if (n == 3)
            *ch[i] = (uint8_t)(hex_val((unsigned char)p->s[start + i]) * 17);
        else
            *ch[i] = (uint8_t)(hex_val((unsigned char)p->s[start + 2 * i]) * 16 +
                               hex_val((unsigned char)p->s[start + 2 * i + 1]));
    }
    return FO_EXPR_OK;
}

static fo_expr_status parse_literal(parser *p, fo_expr_val *out)
{
    char q = p->s[p->pos++];
    size_t start = p->pos;
    while (p->pos < p->len && p->s[p->pos] != q)
        p->pos++;
    if (p->pos >= p->len)
        return FO_EXPR_SYNTAX;
    memset(out, 0, sizeof *out);
    out->kind = FO_EV_STRING;
    out->str = p->s + start;
    out->len = p->pos - start;
    p->pos++;
    return FO_EXPR_OK;
}

static int name_is(const char *name, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(name, w, n) == 0;
}

static uint8_t color_component(const fo_expr_val *v)
{
    double x = v->kind == FO_EV_LENGTH ? v->pct * 2.55 : v->num;
    x = x < 0 ? 0 : x > 255 ? 255 : x;
    return (uint8_t)lround(x);
}

/* rgb(r, g, b) and rgb-icc(r, g, b, profile, values…), whose first three
 * arguments are the sRGB fallback we use (§5.10.2). */
static fo_expr_status fn_rgb(const fo_expr_val *a, int n, int icc, fo_expr_val *out)
{
    if (icc ? n < 3 : n != 3)
        return FO_EXPR_FUNCTION;
    for (int i = 0; i < 3; i++)
        if (a[i].kind != FO_EV_NUMBER && !(a[i].kind == FO_EV_LENGTH && a[i].num == 0))
            return FO_EXPR_FUNCTION;
    memset(out, 0, sizeof *out);
    out->kind = FO_EV_COLOR;
    out->r = color_component(&a[0]);
    out->g = color_component(&a[1]);
    out->b = color_component(&a[2]);
    out->a = 255;
    return FO_EXPR_OK;
}

static fo_expr_status fn_round(const char *name, size_t n, const fo_expr_val *a,
                               int na, fo_expr_val *out)
{
    if (na != 1 || !is_numeric(&a[0]) || a[0].pct != 0)
        return FO_EXPR_FUNCTION;
    *out = a[0];
    if (name_is(name, n, "abs"))
        out->num = fabs(out->num);
    else if (name_is(name, n, "floor"))
        out->num = floor(out->num);
    else if (name_is(name, n, "ceiling"))
        out->num = ceil(out->num);
    else
        out->num = floor(out->num + 0.5); /* §5.10.1: round half up */
    return checked(out);
}

static fo_expr_status fn_minmax(int want_max, const fo_expr_val *a, int na,
                                fo_expr_val *out)
{
    if (na != 2 || !is_numeric(&a[0]) || a[0].kind != a[1].kind)
        return FO_EXPR_FUNCTION;
    if (a[0].pct != a[1].pct)
        return FO_EXPR_TYPE; /* cannot compare before layout */
    int first = want_max ? a[0].num >= a[1].num : a[0].num <= a[1].num;
    *out = first ? a[0] : a[1];
    return FO_EXPR_OK;
}

static fo_expr_status call_function(parser *p, const char *name, size_t n,
                                    const fo_expr_val *a, int na, fo_expr_val *out)
{
    if (name_is(name, n, "abs") || name_is(name, n, "floor") ||
        name_is(name, n, "ceiling") || name_is(name, n, "round"))
        return fn_round(name, n, a, na, out);
    if (name_is(name, n, "min") || name_is(name, n, "max"))
        return fn_minmax(name_is(name, n, "max"), a, na, out);
    if (name_is(name, n, "rgb") || name_is(name, n, "rgb-icc"))
        return fn_rgb(a, na, name_is(name, n, "rgb-icc"), out);
    if (name_is(name, n, "proportional-column-width")) {
        if (!p->env->allow_proportional || na != 1 || a[0].kind != FO_EV_NUMBER ||
            a[0].num <= 0)
            return FO_EXPR_FUNCTION;
        *out = a[0];
        out->kind = FO_EV_PROPORTIONAL;
        return FO_EXPR_OK;
    }
    if (p->env->call)
        return p->env->call(p->env, name, n, a, na, out);
    return FO_EXPR_FUNCTION;
}

static fo_expr_status parse_call(parser *p, const char *name, size_t n,
                                 fo_expr_val *out)
{
    fo_expr_val args[FO_EXPR_MAX_ARGS] = {{0}};
    int na = 0;
    fo_expr_status st;
    p->pos++; /* '(' */
    skip_ws(p);
    if (peek(p) == ')') {
        p->pos++;
        return call_function(p, name, n, args, 0, out);
    }
    for (;;) {
        if (na == FO_EXPR_MAX_ARGS)
            return FO_EXPR_FUNCTION;
        if ((st = parse_additive(p, &args[na++])) != FO_EXPR_OK)
            return st;
        skip_ws(p);
        if (peek(p) == ',') {
            p->pos++;
            continue;
        }
        if (peek(p) != ')')
            return FO_EXPR_SYNTAX;
        p->pos++;
        return call_function(p, name, n, args, na, out);
    }
}

static fo_expr_status parse_unary(parser *p, fo_expr_val *out);

static fo_expr_status parse_primary(parser *p, fo_expr_val *out)
{
    fo_expr_status st;
    int c;
    skip_ws(p);
    c = peek(p);
    if (c == '(') {
        p->pos++;
        if ((st = parse_additive(p, out)) != FO_EXPR_OK)
            return st;
        skip_ws(p);
        if (peek(p) != ')')
            return FO_EXPR_SYNTAX;
        p->pos++;
        return FO_EXPR_OK;
    }
    if (c >= 0 && (is_digit((unsigned char)c) ||
                   (c == '.' && p->pos + 1 < p->len &&
                    is_digit((unsigned char)p->s[p->pos + 1]))))
        return parse_number(p, out);
    if (c == '#')
        return parse_hex_color(p, out);
    if (c == '\'' || c == '"')
        return parse_literal(p, out);
    if (c >= 0 && is_name_start((unsigned char)c)) {
        size_t start = p->pos;
        while (p->pos < p->len && is_name_char((unsigned char)p->s[p->pos]))
            p->pos++;
        if (peek(p) == '(')
            return parse_call(p, p->s + start, p->pos - start, out);
        memset(out, 0, sizeof *out);
        out->kind = FO_EV_IDENT;
        out->str = p->s + start;
        out->len = p->pos - start;
        return FO_EXPR_OK;
    }
    return FO_EXPR_SYNTAX;
}

static fo_expr_status parse_unary(parser *p, fo_expr_val *out)
{
    fo_expr_status st;
    if (++p->depth > FO_EXPR_MAX_DEPTH)
        return FO_EXPR_DEPTH;
    skip_ws(p);
    if (peek(p) == '-') {
        p->pos++;
        st = parse_unary(p, out);
        if (st == FO_EXPR_OK) {
            if (!is_numeric(out))
                st = FO_EXPR_TYPE;
            out->num = -out->num;
            out->pct = -out->pct;
        }
    } else {
        st = parse_primary(p, out);
    }
    p->depth--;
    return st;
}

static fo_expr_status parse_multiplicative(parser *p, fo_expr_val *out)
{
    fo_expr_status st = parse_unary(p, out);
    while (st == FO_EXPR_OK) {
        fo_expr_val b;
        int op;
        skip_ws(p);
        if (peek(p) == '*')
            op = '*', p->pos += 1;
        else if (at_word(p, "div"))
            op = '/', p->pos += 3;
        else if (at_word(p, "mod"))
            op = '%', p->pos += 3;
        else
            break;
        if ((st = parse_unary(p, &b)) != FO_EXPR_OK)
            break;
        st = op == '*' ? op_mul(out, b) : op == '/' ? op_div(out, b) : op_mod(out, b);
    }
    return st;
}

static fo_expr_status parse_additive(parser *p, fo_expr_val *out)
{
    fo_expr_status st = parse_multiplicative(p, out);
    while (st == FO_EXPR_OK) {
        fo_expr_val b;
        int c;
        skip_ws(p);
        c = peek(p);
        if (c != '+' && c != '-')
            break;
        p->pos++;
        if ((st = parse_multiplicative(p, &b)) != FO_EXPR_OK)
            break;
        st = op_add(out, b, c == '+' ? 1 : -1);
    }
    return st;
}

fo_expr_status fo_expr_eval(const fo_expr_env *env, const char *s, size_t len,
                            fo_expr_val *out)
{
    parser p = {env, s, len, 0, 0};
    fo_expr_status st;
    memset(out, 0, sizeof *out);
    st = parse_additive(&p, out);
    if (st != FO_EXPR_OK)
        return st;
    skip_ws(&p);
    return p.pos == p.len ? FO_EXPR_OK : FO_EXPR_SYNTAX;
}

const char *fo_expr_status_text(fo_expr_status st)
{
    switch (st) {
    case FO_EXPR_OK: return "ok";
    case FO_EXPR_SYNTAX: return "not a valid expression";
    case FO_EXPR_TYPE: return "mixes incompatible types";
    case FO_EXPR_UNIT: return "has an unknown unit (use pt, mm, cm, in, pc, px or em)";
    case FO_EXPR_RANGE: return "is out of range or divides by zero";
    case FO_EXPR_DEPTH: return "nests parentheses too deeply";
    case FO_EXPR_FUNCTION: return "calls an unknown function or passes wrong arguments";
    }
    return "is invalid";
}

mk_len fo_expr_pt_to_len(double pt)
{
    double u = pt * MK_PT;
    if (!(u > -FO_EXPR_LEN_LIMIT)) /* also catches NaN */
        return u != u ? 0 : -FO_EXPR_LEN_LIMIT;
    if (u > FO_EXPR_LEN_LIMIT)
        return FO_EXPR_LEN_LIMIT;
    return (mk_len)lround(u);
}

int32_t fo_expr_pct_to_int(double pct)
{
    double u = pct * 100;
    if (!(u > -FO_EXPR_LEN_LIMIT))
        return u != u ? 0 : -FO_EXPR_LEN_LIMIT;
    if (u > FO_EXPR_LEN_LIMIT)
        return FO_EXPR_LEN_LIMIT;
    return (int32_t)lround(u);
}
