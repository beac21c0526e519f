/* fo_props_text: value parsers for colors, fonts, language and the text
 * properties (§7.9, §7.10, §7.13, §7.16, §7.17). Same contract as
 * fo_props_values.c: succeed completely or change nothing. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "../base/arena.h"
#include "fo_props_impl.h"

/* A font-size above this is treated as a mistake (and would overflow line
 * heights computed in 1/1024 pt). */
#define FO_MAX_FONT_SIZE_PT 10000.0

/* ---- colors (§5.11 <color>, CSS2 names plus common CSS3 ones) ---- */

static const struct { const char *name; uint32_t rgb; } color_names[] = {
    {"aqua", 0x00ffff}, {"beige", 0xf5f5dc}, {"black", 0x000000}, {"blue", 0x0000ff},
    {"brown", 0xa52a2a}, {"chocolate", 0xd2691e}, {"coral", 0xff7f50},
    {"crimson", 0xdc143c}, {"cyan", 0x00ffff}, {"darkblue", 0x00008b},
    {"darkgray", 0xa9a9a9}, {"darkgreen", 0x006400}, {"darkgrey", 0xa9a9a9},
    {"darkred", 0x8b0000}, {"dimgray", 0x696969}, {"dimgrey", 0x696969},
    {"fuchsia", 0xff00ff}, {"gainsboro", 0xdcdcdc}, {"gold", 0xffd700},
    {"gray", 0x808080}, {"green", 0x008000}, {"grey", 0x808080}, {"indigo", 0x4b0082},
    {"ivory", 0xfffff0}, {"khaki", 0xf0e68c}, {"lightblue", 0xadd8e6},
    {"lightgray", 0xd3d3d3}, {"lightgreen", 0x90ee90}, {"lightgrey", 0xd3d3d3},
    {"lightyellow", 0xffffe0}, {"lime", 0x00ff00}, {"magenta", 0xff00ff},
    {"maroon", 0x800000}, {"navy", 0x000080}, {"olive", 0x808000},
    {"orange", 0xffa500}, {"pink", 0xffc0cb}, {"purple", 0x800080}, {"red", 0xff0000},
    {"royalblue", 0x4169e1}, {"salmon", 0xfa8072}, {"silver", 0xc0c0c0},
    {"skyblue", 0x87ceeb}, {"steelblue", 0x4682b4}, {"tan", 0xd2b48c},
    {"teal", 0x008080}, {"tomato", 0xff6347}, {"violet", 0xee82ee},
    {"wheat", 0xf5deb3}, {"white", 0xffffff}, {"whitesmoke", 0xf5f5f5},
    {"yellow", 0xffff00},
};

int fo_pv_color(fo_pstate *st, const char *s, size_t n, fo_color *out)
{
    fo_expr_val v;
    if (n == 11 && strncasecmp(s, "transparent", 11) == 0) {
        *out = (fo_color){0, 0, 0, 0};
        return 0;
    }
    for (size_t i = 0; i < sizeof color_names / sizeof color_names[0]; i++)
        if (strlen(color_names[i].name) == n && strncasecmp(s, color_names[i].name, n) == 0) {
            uint32_t c = color_names[i].rgb;
            *out = (fo_color){(uint8_t)(c >> 16), (uint8_t)(c >> 8), (uint8_t)c, 255};
            return 0;
        }
    if (fo_pv_eval(st, s, n, fo_pv_em(st), 0, &v) != 0 || v.kind != FO_EV_COLOR)
        return -1;
    *out = (fo_color){v.r, v.g, v.b, v.a};
    return 0;
}

/* ---- fonts (§7.9) ---- */

static int parse_font_size(fo_pstate *st, const char *s, size_t n, mk_len *out)
{
    static const struct { const char *w; double pt; } abs_sizes[] = {
        {"xx-small", 12 / 1.728}, {"x-small", 12 / 1.44}, {"small", 10},
        {"medium", 12}, {"large", 14.4}, {"x-large", 17.28}, {"xx-large", 20.736},
    };
    double parent_pt = st->parent->font_size / (double)MK_PT, pt = -1;
    fo_len l;
    for (size_t i = 0; i < sizeof abs_sizes / sizeof abs_sizes[0]; i++)
        if (fo_pv_is(s, n, abs_sizes[i].w))
            pt = abs_sizes[i].pt;
    if (fo_pv_is(s, n, "larger"))
        pt = parent_pt * 1.2;
    else if (fo_pv_is(s, n, "smaller"))
        pt = parent_pt / 1.2;
    if (pt < 0) {
        /* em and % of the parent's font-size (§7.9.4) */
        if (fo_pv_len(st, s, n, parent_pt, 0, &l) != 0)
            return -1;
        pt = l.fixed / (double)MK_PT + l.pct / 10000.0 * parent_pt;
    }
    if (!(pt > 0) || pt > FO_MAX_FONT_SIZE_PT)
        return -1;
    *out = fo_expr_pt_to_len(pt);
    return 0;
}

/* "Noto Serif, 'Noto Sans CJK JP', serif" → "Noto Serif,Noto Sans CJK JP,serif":
 * quotes and the spaces around commas go, spaces inside names collapse. */
int fo_pv_family(fo_pstate *st, const char *s, size_t n, const char **out)
{
    char *buf = arena_alloc(st->ctx->arena, n + 1);
    size_t o = 0;
    int names = 0, pending_space = 0, in_name = 0;
    char quote = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!quote && (c == '\'' || c == '"')) {
            quote = c;
            continue;
        }
        if (quote && c == quote) {
            quote = 0;
            continue;
        }
        if (!quote && c == ',') {
            if (!in_name)
                return -1;
            buf[o++] = ',';
            in_name = pending_space = 0;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = in_name;
            continue;
        }
        if (pending_space)
            buf[o++] = ' ';
        pending_space = 0;
        if (!in_name)
            names++;
        in_name = 1;
        buf[o++] = c;
    }
    if (!in_name || names == 0 || quote)
        return -1;
    buf[o] = '\0';
    *out = buf;
    return 0;
}

static int parse_weight(fo_pstate *st, const char *s, size_t n, int16_t *out)
{
    int w = st->parent->font_weight;
    int32_t num;
    if (fo_pv_is(s, n, "normal"))
        w = 400;
    else if (fo_pv_is(s, n, "bold"))
        w = 700;
    else if (fo_pv_is(s, n, "bolder")) /* CSS2 §15.5 steps */
        w = w < 400 ? 400 : w < 600 ? 700 : 900;
    else if (fo_pv_is(s, n, "lighter"))
        w = w < 600 ? 100 : w < 800 ? 400 : 700;
    else if (fo_pv_integer(st, s, n, &num) == 0 && num >= 100 && num <= 900 &&
             num % 100 == 0)
        w = num;
    else
        return -1;
    *out = (int16_t)w;
    return 0;
}

/* line-height: normal | <length> | <number> | <percentage> (§7.16.4). */
static int parse_line_height(fo_pstate *st, const char *s, size_t n)
{
    fo_expr_val v;
    double fs = fo_pv_em(st);
    mk_len lh;
    int32_t factor = 0;
    if (fo_pv_is(s, n, "normal")) {
        factor = 1200;
        lh = fo_expr_pt_to_len(fs * 1.2);
    } else {
        if (fo_pv_eval(st, s, n, fs, 0, &v) != 0)
            return -1;
        if (v.kind == FO_EV_NUMBER && v.num >= 0 && v.num <= 1000) {
            factor = (int32_t)lround(v.num * 1000);
            lh = fo_expr_pt_to_len(fs * v.num);
        } else if (v.kind == FO_EV_LENGTH) {
            lh = fo_expr_pt_to_len(v.num + v.pct / 100 * fs);
        } else {
            return -1;
        }
    }
    if (lh < 0)
        return -1;
    st->p->line_height = lh;
    st->p->line_height_factor = factor;
    st->spec.line_height = 1;
    return 0;
}

/* font: [style || variant || weight]? size [/ line-height]? family
 * (§7.31.13); the parts not given return to their initial values. */
static int parse_font(fo_pstate *st, const char *s, size_t n)
{
    fo_props save = *st->p;
    fo_spec save_spec = st->spec;
    const char *family;
    size_t i = 0;
    int style = 0, variant = 0;
    int16_t weight = 400;
    static const char *const system_fonts[] = {"caption", "icon", "menu", "message-box",
                                               "small-caption", "status-bar"};
    for (size_t k = 0; k < sizeof system_fonts / sizeof system_fonts[0]; k++)
        if (fo_pv_is(s, n, system_fonts[k]))
            return 0; /* no system fonts in print: accepted, ignored */
    for (;;) {
        size_t start, len;
        while (i < n && s[i] == ' ')
            i++;
        start = i;
        while (i < n && s[i] != ' ' && s[i] != '/')
            i++;
        len = i - start;
        if (len == 0)
            return -1;
        if (fo_pv_is(s + start, len, "italic") || fo_pv_is(s + start, len, "oblique"))
            style = fo_pv_is(s + start, len, "italic") ? 1 : 2;
        else if (fo_pv_is(s + start, len, "small-caps"))
            variant = 1;
        else if (fo_pv_is(s + start, len, "normal"))
            ;
        else if (parse_weight(st, s + start, len, &weight) == 0)
            ;
        else if (parse_font_size(st, s + start, len, &st->p->font_size) == 0)
            break;
        else
            goto fail;
    }
    st->p->font_style = (uint8_t)style;
    st->p->font_variant = (uint8_t)variant;
    st->p->font_weight = weight;
    st->p->line_height_factor = 1200;
    st->p->line_height = fo_expr_pt_to_len(fo_pv_em(st) * 1.2);
    if (i < n && s[i] == '/') {
        size_t start = ++i;
        while (i < n && s[i] != ' ')
            i++;
        if (parse_line_height(st, s + start, i - start) != 0)
            goto fail;
    }
    if (fo_pv_family(st, s + i, n - i, &family) != 0)
        goto fail;
    st->p->font_family = family;
    return 0;
fail:
    *st->p = save;
    st->spec = save_spec;
    return -1;
}

/* ---- language (§7.10.1 language, country; xml:lang as in §7.31.24) ---- */

static int lang_ok(const char *s, size_t n)
{
    if (n == 0 || n > 35)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || (s[i] == '-' && i > 0)))
            return 0;
    return 1;
}

/* BCP 47 case: "EN-us" → "en-US" (language lower, two-letter region upper). */
static const char *lang_normalise(fo_pstate *st, const char *s, size_t n)
{
    char *t = arena_strndup(st->ctx->arena, s, n);
    size_t part = 0, start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && t[i] != '-')
            continue;
        for (size_t k = start; k < i; k++) {
            int upper = part > 0 && i - start == 2;
            char c = t[k];
            t[k] = upper ? (c >= 'a' && c <= 'z' ? c - 32 : c)
                         : (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        part++;
        start = i + 1;
    }
    return t;
}

static int parse_lang(fo_pstate *st, const char *s, size_t n, int which)
{
    const char *cur = st->p->language;
    if (which != 2 && fo_pv_is(s, n, "none")) {
        st->p->language = NULL;
        return 0;
    }
    if (!lang_ok(s, n))
        return -1;
    if (which == 2) { /* country: replace the region of the current language */
        size_t base = cur ? strcspn(cur, "-") : 0;
        char buf[80];
        if (!cur || base + 1 + n >= sizeof buf)
            return 0;
        memcpy(buf, cur, base);
        buf[base] = '-';
        memcpy(buf + base + 1, s, n);
        st->p->language = lang_normalise(st, buf, base + 1 + n);
        return 0;
    }
    st->p->language = lang_normalise(st, s, n);
    return 0;
}

static const char *parse_text_decoration(fo_pstate *st, const char *s, size_t n)
{
    static const char *const words[] = {"underline", "overline", "line-through"};
    fo_tok t[FO_PV_MAX_TOKENS];
    int nt = fo_pv_split(s, n, t, FO_PV_MAX_TOKENS);
    uint8_t d = st->p->text_decoration;
    if (nt <= 0)
        return "none, underline, overline or line-through";
    for (int i = 0; i < nt; i++) {
        int done = 0;
        if (fo_pv_is(t[i].s, t[i].n, "none"))
            d = 0, done = 1;
        else if (fo_pv_is(t[i].s, t[i].n, "blink") || fo_pv_is(t[i].s, t[i].n, "no-blink"))
            done = 1;
        for (int b = 0; b < 3 && !done; b++) {
            if (fo_pv_is(t[i].s, t[i].n, words[b]))
                d |= (uint8_t)(1u << b), done = 1;
            else if (t[i].n == strlen(words[b]) + 3 && memcmp(t[i].s, "no-", 3) == 0 &&
                     memcmp(t[i].s + 3, words[b], t[i].n - 3) == 0)
                d &= (uint8_t)~(1u << b), done = 1;
        }
        if (!done)
            return "none, underline, overline or line-through";
    }
    st->p->text_decoration = d;
    return NULL;
}

/* baseline-shift (§7.13.3), and the super/sub/length of vertical-align
 * (§7.31.22); other vertical-align values concern alignment-baseline,
 * which mkdoc does not use, and are accepted. */
static const char *parse_shift(fo_pstate *st, const char *s, size_t n)
{
    fo_len l;
    static const char *const align_words[] = {"top", "text-top", "middle", "bottom",
                                              "text-bottom"};
    if (fo_pv_is(s, n, "baseline") || fo_pv_is(s, n, "super") || fo_pv_is(s, n, "sub")) {
        st->p->baseline_shift = fo_pv_is(s, n, "baseline") ? 0 : fo_pv_is(s, n, "super") ? 1 : 2;
        st->p->baseline_shift_len = 0;
        return NULL;
    }
    if (st->def->type == FO_PT_VALIGN)
        for (int i = 0; i < 5; i++)
            if (fo_pv_is(s, n, align_words[i]))
                return NULL;
    if (fo_pv_len(st, s, n, fo_pv_em(st), 0, &l) != 0)
        return "baseline, super, sub or a length such as 3pt or 33%";
    st->p->baseline_shift = 3;
    /* percentages refer to the parent's line-height */
    st->p->baseline_shift_len = fo_len_resolve(l, st->parent->line_height);
    return NULL;
}

static const char *parse_white_space(fo_pstate *st, const char *s, size_t n)
{
    fo_props *p = st->p;
    if (fo_pv_is(s, n, "normal") || fo_pv_is(s, n, "nowrap")) {
        p->white_space_collapse = 1;
        p->linefeed_treatment = 0;
        p->white_space_treatment = 0;
        p->wrap_option = fo_pv_is(s, n, "normal");
    } else if (fo_pv_is(s, n, "pre")) {
        p->white_space_collapse = 0;
        p->linefeed_treatment = 2;
        p->white_space_treatment = 1;
        p->wrap_option = 0;
    } else {
        return "normal, pre or nowrap";
    }
    return NULL;
}

const char *fo_pv_text(fo_pstate *st, const char *s, size_t n)
{
    fo_props *p = st->p;
    fo_color c;
    mk_len fs;
    const char *str;
    int32_t i;
    switch ((fo_ptype)st->def->type) {
    case FO_PT_COLOR:
        if (fo_pv_color(st, s, n, &c) != 0)
            return "a color such as black, #336699 or rgb(51,102,153)";
        *(fo_color *)((char *)p + st->def->offset) = c;
        return NULL;
    case FO_PT_XMLLANG: case FO_PT_LANGUAGE: case FO_PT_COUNTRY:
        return parse_lang(st, s, n, st->def->type == FO_PT_COUNTRY ? 2 : 1) == 0 ? NULL : "a language code such as ja or en-US";
    case FO_PT_FONT:
        return parse_font(st, s, n) == 0 ? NULL
               : "[style] [weight] size[/line-height] family, such as \"bold 12pt/1.5 serif\"";
    case FO_PT_FONTSIZE:
        if (parse_font_size(st, s, n, &fs) != 0)
            return "a length such as 10pt, a percentage or medium/large/smaller...";
        p->font_size = fs;
        return NULL;
    case FO_PT_FAMILY:
        if (fo_pv_family(st, s, n, &str) != 0)
            return "a list of font families such as \"Noto Serif, serif\"";
        p->font_family = str;
        return NULL;
    case FO_PT_WEIGHT:
        return parse_weight(st, s, n, &p->font_weight) == 0 ? NULL
               : "normal, bold, bolder, lighter or 100-900";
    case FO_PT_LINEHEIGHT:
        return parse_line_height(st, s, n) == 0 ? NULL
               : "normal, a number such as 1.5, or a length such as 14pt";
    case FO_PT_TALAST: {
        const fo_propdef *ta = fo_propdef_find("text-align");
        if (fo_pv_is(s, n, "relative")) {
            p->text_align_last = FO_ALIGN_RELATIVE;
            p->text_align_last_set = 0;
        } else if (ta && fo_pv_keyword(ta, s, n, &i)) {
            p->text_align_last = (fo_text_align)i;
            p->text_align_last_set = 1;
        } else {
            return "relative, start, center, end, justify, left, right, inside or outside";
        }
        return NULL;
    }
    case FO_PT_WHITESPACE: return parse_white_space(st, s, n);
    case FO_PT_TDECO: return parse_text_decoration(st, s, n);
    case FO_PT_BSHIFT: case FO_PT_VALIGN: return parse_shift(st, s, n);
    default: return "a valid value";
    }
}
