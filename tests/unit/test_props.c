/* Unit tests of fo_props (XSL 1.1 §5, §7) and fo_expr (§5.9). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../../tools/base/arena.h"
#include "../../tools/base/diag.h"
#include "../../tools/fo/fo_expr.h"
#include "../../tools/fo/fo_props.h"
#include "../../tools/fo/fo_tree.h"
#include "test.h"

#define PT(x) ((mk_len)((x) * MK_PT))

/* Computes props from NULL-terminated name/value pairs. */
static fo_props *compute(fo_props_ctx *c, int kind, const fo_props *parent, ...)
{
    fo_attr attrs[32];
    int n = 0;
    va_list ap;
    va_start(ap, parent);
    for (const char *name; n < 32 && (name = va_arg(ap, const char *)) != NULL; n++) {
        attrs[n].name = name;
        attrs[n].value = va_arg(ap, const char *);
        attrs[n].loc = (diag_loc){"t.fo", n + 1, 1};
    }
    va_end(ap);
    return fo_props_compute(c, kind, parent, attrs, n);
}
#define P(kind, parent, ...) compute(&ctx, (kind), (parent), __VA_ARGS__, (const char *)NULL)
#define P0(kind, parent) compute(&ctx, (kind), (parent), (const char *)NULL)

static mk_len len(const char *s, mk_len fs)
{
    fo_len l = {0, 0, 0};
    if (fo_props_parse_length(s, fs, &l) != 0)
        return -999999;
    return l.fixed;
}

static int last_diag_has(diag_list *d, const char *needle)
{
    size_t n = diag_count(d);
    return n > 0 && strstr(diag_at(d, n - 1)->message, needle) != NULL;
}

static void test_units(void)
{
    fo_len l;
    INT_EQ(len("12pt", PT(12)), PT(12));
    INT_EQ(len("1in", PT(12)), PT(72));
    INT_EQ(len("2.54cm", PT(12)), PT(72));
    INT_EQ(len("25.4mm", PT(12)), PT(72));
    INT_EQ(len("1pc", PT(12)), PT(12));
    INT_EQ(len("96px", PT(12)), PT(72)); /* 96 dpi: 1px = 0.75pt */
    INT_EQ(len("2em", PT(10)), PT(20));
    INT_EQ(len(" 0 ", PT(10)), 0);
    INT_EQ(len("1cm + 3mm", PT(10)), len("13mm", PT(10)));
    INT_EQ(len("(1pt + 2pt) * 2", PT(10)), PT(6));
    INT_EQ(len("2 * (1pt + 2pt)", PT(10)), PT(6));
    INT_EQ(len("10pt div 4", PT(10)), PT(2.5));
    INT_EQ(len("7pt mod 3pt", PT(10)), PT(1));
    INT_EQ(len("-3pt", PT(10)), PT(-3));
    INT_EQ(len("- -3pt", PT(10)), PT(3));
    INT_EQ(len("10pt-2pt", PT(10)), PT(8));
    INT_EQ(len("abs(-2pt)", PT(10)), PT(2));
    INT_EQ(len("max(1pt, 3pt)", PT(10)), PT(3));
    INT_EQ(len("min(1pt, 3pt)", PT(10)), PT(1));
    INT_EQ(len("floor(2.7) * 1pt", PT(10)), PT(2));
    INT_EQ(len("ceiling(2.1) * 1pt", PT(10)), PT(3));
    INT_EQ(len("round(2.5) * 1pt", PT(10)), PT(3));
    INT_EQ(len(".5in", PT(10)), PT(36));
    OK(fo_props_parse_length("50%", PT(10), &l) == 0 && l.pct == 5000 && l.fixed == 0);
    OK(fo_props_parse_length("100% - 2pt", PT(10), &l) == 0 && l.pct == 10000 &&
       l.fixed == PT(-2));
    INT_EQ(len("12pz", PT(10)), -999999);
    INT_EQ(len("1pt +", PT(10)), -999999);
    INT_EQ(len("1pt * 2pt", PT(10)), -999999);
    INT_EQ(len("10pt div 0", PT(10)), -999999);
    INT_EQ(len("bold", PT(10)), -999999);
    INT_EQ(len("", PT(10)), -999999);
    INT_EQ(len("1e999999pt", PT(10)), -999999);
    INT_EQ(len("99999999999999pt", PT(10)), FO_EXPR_LEN_LIMIT);
    {
        char deep[400];
        int n = 0;
        for (int i = 0; i < 50; i++) deep[n++] = '(';
        memcpy(deep + n, "1pt", 3), n += 3;
        for (int i = 0; i < 50; i++) deep[n++] = ')';
        deep[n] = '\0';
        INT_EQ(len(deep, PT(10)), PT(1));
        n = 0;
        for (int i = 0; i < 100; i++) deep[n++] = '(';
        memcpy(deep + n, "1pt", 3), n += 3;
        for (int i = 0; i < 100; i++) deep[n++] = ')';
        deep[n] = '\0';
        INT_EQ(len(deep, PT(10)), -999999);
    }
}

static void test_expr(void)
{
    fo_expr_env env = {12, NULL, NULL, 0};
    fo_expr_val v;
    const char *s;
    s = "#fa0";
    OK(fo_expr_eval(&env, s, strlen(s), &v) == FO_EXPR_OK && v.kind == FO_EV_COLOR &&
       v.r == 255 && v.g == 170 && v.b == 0);
    s = "rgb(1, 2, 300)";
    OK(fo_expr_eval(&env, s, strlen(s), &v) == FO_EXPR_OK && v.r == 1 && v.g == 2 && v.b == 255);
    s = "proportional-column-width(2)";
    INT_EQ(fo_expr_eval(&env, s, strlen(s), &v), FO_EXPR_FUNCTION);
    env.allow_proportional = 1;
    OK(fo_expr_eval(&env, s, strlen(s), &v) == FO_EXPR_OK && v.kind == FO_EV_PROPORTIONAL &&
       v.num == 2);
    s = "4pt div 2pt";
    OK(fo_expr_eval(&env, s, strlen(s), &v) == FO_EXPR_OK && v.kind == FO_EV_NUMBER && v.num == 2);
    s = "'quoted'";
    OK(fo_expr_eval(&env, s, strlen(s), &v) == FO_EXPR_OK && v.kind == FO_EV_STRING && v.len == 6);
    s = "nosuch(1)";
    INT_EQ(fo_expr_eval(&env, s, strlen(s), &v), FO_EXPR_FUNCTION);
    s = "'open";
    INT_EQ(fo_expr_eval(&env, s, strlen(s), &v), FO_EXPR_SYNTAX);
}

static void test_fonts(fo_props_ctx ctx)
{
    const fo_props *init = fo_props_initial();
    fo_props *root, *a, *b, *c;
    INT_EQ(init->font_size, PT(12));
    STR_EQ(init->font_family, "serif");
    INT_EQ(init->line_height, 14746); /* 1.2 × 12pt */
    root = P(FO_ROOT, NULL, "font-size", "10pt");
    a = P(FO_BLOCK, root, "font-size", "2em");
    b = P(FO_BLOCK, a, "font-size", "1.5em");
    c = P0(FO_INLINE, b);
    INT_EQ(a->font_size, PT(20));
    INT_EQ(b->font_size, PT(30));
    INT_EQ(c->font_size, PT(30));
    INT_EQ(P(FO_BLOCK, root, "font-size", "120%")->font_size, PT(12));
    INT_EQ(P(FO_BLOCK, root, "font-size", "larger")->font_size, PT(12));
    INT_EQ(P(FO_BLOCK, root, "font-size", "medium")->font_size, PT(12));
    INT_EQ(P(FO_BLOCK, root, "font-size", "small")->font_size, PT(10));
    INT_EQ(P(FO_BLOCK, root, "font-size", "from-parent(font-size) * 2")->font_size, PT(20));
    /* em in other properties uses the element's own font-size */
    a = P(FO_BLOCK, root, "space-before", "1em", "font-size", "20pt");
    INT_EQ(a->space_before.opt.fixed, PT(20));
    /* line-height: a number inherits as the number (§7.16.4) */
    a = P(FO_BLOCK, root, "line-height", "1.5");
    INT_EQ(a->line_height, PT(15));
    b = P(FO_BLOCK, a, "font-size", "20pt");
    INT_EQ(b->line_height, PT(30));
    a = P(FO_BLOCK, root, "line-height", "14pt");
    INT_EQ(P(FO_BLOCK, a, "font-size", "20pt")->line_height, PT(14));
    a = P(FO_BLOCK, root, "line-height", "150%");
    INT_EQ(a->line_height, PT(15));
    INT_EQ(P(FO_BLOCK, a, "font-size", "20pt")->line_height, PT(15));
    INT_EQ(P(FO_BLOCK, root, "line-height", "2em", "font-size", "8pt")->line_height, PT(16));
    INT_EQ(P(FO_BLOCK, root, "font-size", "20pt")->line_height, PT(24)); /* normal */
    /* font shorthand */
    a = P(FO_BLOCK, root, "font", "bold 12pt/1.5 Noto Serif, 'Noto Sans CJK JP', serif");
    INT_EQ(a->font_weight, 700);
    INT_EQ(a->font_size, PT(12));
    INT_EQ(a->line_height, PT(18));
    STR_EQ(a->font_family, "Noto Serif,Noto Sans CJK JP,serif");
    a = P(FO_BLOCK, root, "font", "italic small-caps 300 8pt sans-serif", "font-weight", "bold");
    INT_EQ(a->font_style, 1);
    INT_EQ(a->font_variant, 1);
    INT_EQ(a->font_weight, 700); /* the specific property wins over the shorthand */
    INT_EQ(a->font_size, PT(8));
    STR_EQ(a->font_family, "sans-serif");
    a = P(FO_BLOCK, root, "font-weight", "bold");
    INT_EQ(P(FO_BLOCK, a, "font-weight", "bolder")->font_weight, 900);
    INT_EQ(P(FO_BLOCK, a, "font-weight", "lighter")->font_weight, 400);
    INT_EQ(P(FO_BLOCK, a, "font-weight", "600")->font_weight, 600);
    INT_EQ(P0(FO_BLOCK, a)->font_weight, 700);
    INT_EQ(P(FO_BLOCK, root, "font-style", "italic")->font_style, 1);
}

static void test_shorthands(fo_props_ctx ctx)
{
    fo_props *p;
    p = P(FO_BLOCK, NULL, "margin", "1pt 2pt 3pt 4pt");
    INT_EQ(p->margin[FO_TOP].fixed, PT(1));
    INT_EQ(p->margin[FO_RIGHT].fixed, PT(2));
    INT_EQ(p->margin[FO_BOTTOM].fixed, PT(3));
    INT_EQ(p->margin[FO_LEFT].fixed, PT(4));
    p = P(FO_BLOCK_CONTAINER, NULL, "padding", "1pt 2pt", "padding-top", "5pt");
    INT_EQ(p->padding[FO_TOP].fixed, PT(5));
    INT_EQ(p->padding[FO_BOTTOM].fixed, PT(1));
    INT_EQ(p->padding[FO_LEFT].fixed, PT(2));
    p = P(FO_BLOCK, NULL, "padding", "1pt 2pt 3pt");
    INT_EQ(p->padding[FO_LEFT].fixed, PT(2));
    INT_EQ(p->padding[FO_BOTTOM].fixed, PT(3));
    p = P(FO_BLOCK, NULL, "border", "1pt solid red");
    for (int i = 0; i < 4; i++) {
        INT_EQ(p->border[i].width, PT(1));
        INT_EQ(p->border[i].style, FO_BORDER_SOLID);
        INT_EQ(p->border[i].color.r, 255);
    }
    p = P(FO_BLOCK, NULL, "color", "blue", "border-top", "dashed thick");
    INT_EQ(p->border[FO_TOP].width, PT(2));
    INT_EQ(p->border[FO_TOP].style, FO_BORDER_DASHED);
    INT_EQ(p->border[FO_TOP].color.b, 255); /* initial border color = color */
    INT_EQ(p->border[FO_LEFT].width, 0);    /* style none: width 0 */
    p = P(FO_BLOCK, NULL, "border-style", "solid", "border-width", "1pt 2pt",
          "border-color", "red green");
    INT_EQ(p->border[FO_TOP].width, PT(1));
    INT_EQ(p->border[FO_RIGHT].width, PT(2));
    INT_EQ(p->border[FO_LEFT].color.g, 128);
    /* relative edges: lr-tb before=top, start=left; they win over absolute */
    p = P(FO_BLOCK, NULL, "border-before-width", "3pt", "border-top-width", "1pt",
          "border-top-style", "solid", "padding-start", "4pt", "padding-end", "5pt",
          "border-start-style", "double", "border-start-width", "thin",
          "border-before-width.conditionality", "retain",
          "padding-after.conditionality", "retain");
    INT_EQ(p->border[FO_TOP].width, PT(3));
    INT_EQ(p->padding[FO_LEFT].fixed, PT(4));
    INT_EQ(p->padding[FO_RIGHT].fixed, PT(5));
    INT_EQ(p->border[FO_LEFT].style, FO_BORDER_DOUBLE);
    INT_EQ(p->border[FO_LEFT].width, PT(0.5));
    INT_EQ(p->border[FO_TOP].discard, 0);
    INT_EQ(p->border[FO_BOTTOM].discard, 1);
    INT_EQ(p->padding_discard[FO_BOTTOM], 0);
    /* tb-rl: before=right, after=left, start=top, end=bottom */
    p = P(FO_BLOCK_CONTAINER, NULL, "writing-mode", "tb-rl", "padding-before", "1pt",
          "padding-after", "2pt", "padding-start", "3pt", "padding-end", "4pt");
    INT_EQ(p->writing_mode, FO_WM_TB_RL);
    INT_EQ(p->padding[FO_RIGHT].fixed, PT(1));
    INT_EQ(p->padding[FO_LEFT].fixed, PT(2));
    INT_EQ(p->padding[FO_TOP].fixed, PT(3));
    INT_EQ(p->padding[FO_BOTTOM].fixed, PT(4));
    INT_EQ(P(FO_ROOT, NULL, "writing-mode", "tb")->writing_mode, FO_WM_TB_RL);
    INT_EQ(P(FO_ROOT, NULL, "writing-mode", "rl")->writing_mode, FO_WM_RL_TB);
    /* space-before */
    p = P(FO_BLOCK, NULL, "space-before", "6pt");
    INT_EQ(p->space_before.min.fixed, PT(6));
    INT_EQ(p->space_before.max.fixed, PT(6));
    INT_EQ(p->space_before.discard, 1);
    p = P(FO_BLOCK, NULL, "space-after.optimum", "8pt", "space-after.precedence", "force",
          "space-after.conditionality", "retain", "space-before.minimum", "2pt",
          "space-before.optimum", "4pt", "space-before.maximum", "6pt");
    INT_EQ(p->space_after.opt.fixed, PT(8));
    INT_EQ(p->space_after.max.fixed, PT(8)); /* max < opt taken as opt */
    INT_EQ(p->space_after.precedence, INT32_MAX);
    INT_EQ(p->space_after.discard, 0);
    INT_EQ(p->space_before.min.fixed, PT(2));
    INT_EQ(p->space_before.max.fixed, PT(6));
    p = P(FO_BLOCK, NULL, "white-space", "pre");
    INT_EQ(p->linefeed_treatment, 2);
    INT_EQ(p->wrap_option, 0);
    INT_EQ(p->white_space_collapse, 0);
}

static void test_indents(fo_props_ctx ctx)
{
    fo_props *parent, *p;
    parent = P(FO_BLOCK, NULL, "start-indent", "10pt", "end-indent", "1pt");
    p = P(FO_BLOCK, parent, "margin-left", "5pt", "border-left", "1pt solid",
          "padding-left", "2pt");
    INT_EQ(p->start_indent.fixed, PT(18)); /* §5.3.2 */
    INT_EQ(p->end_indent.fixed, PT(1));    /* no margin-right: inherited */
    p = P(FO_BLOCK, parent, "margin", "3pt 4pt", "start-indent", "2pt");
    INT_EQ(p->start_indent.fixed, PT(2)); /* start-indent specified wins */
    INT_EQ(p->end_indent.fixed, PT(5));
    INT_EQ(p->space_before.opt.fixed, PT(3));
    INT_EQ(p->space_before.precedence, INT32_MAX);
    INT_EQ(p->space_before.discard, 0);
    INT_EQ(p->space_after.min.fixed, PT(3));
    p = P(FO_BLOCK, parent, "margin-top", "3pt", "space-before", "1pt");
    INT_EQ(p->space_before.opt.fixed, PT(1));
    p = P(FO_BLOCK, parent, "margin-left", "10%");
    INT_EQ(p->start_indent.fixed, PT(10));
    INT_EQ(p->start_indent.pct, 1000);
    p = P0(FO_BLOCK, parent);
    INT_EQ(p->start_indent.fixed, PT(10)); /* inherited */
    INT_EQ(p->margin[FO_LEFT].fixed, 0);
    /* page masters keep margins as margins */
    p = P(FO_SIMPLE_PAGE_MASTER, NULL, "margin", "20mm 15mm");
    INT_EQ(p->start_indent.fixed, 0);
    INT_EQ(p->margin[FO_LEFT].fixed, len("15mm", PT(12)));
    /* tb-rl: start = top */
    p = P(FO_BLOCK, NULL, "writing-mode", "tb-rl", "margin-top", "7pt", "margin-right", "2pt");
    INT_EQ(p->start_indent.fixed, PT(7));
    INT_EQ(p->space_before.opt.fixed, PT(2));
}

static void test_lists(fo_props_ctx ctx)
{
    fo_props *lb, *li, *label, *body;
    lb = P(FO_LIST_BLOCK, NULL, "start-indent", "10pt",
           "provisional-distance-between-starts", "30pt",
           "provisional-label-separation", "5pt");
    INT_EQ(lb->list_body_start.fixed, PT(40));
    INT_EQ(lb->list_label_end.fixed, PT(-35));
    INT_EQ(lb->list_label_end.pct, 10000);
    li = P0(FO_LIST_ITEM, lb);
    label = P(FO_LIST_ITEM_LABEL, li, "end-indent", "label-end()");
    body = P(FO_LIST_ITEM_BODY, li, "start-indent", "body-start()");
    INT_EQ(label->end_indent.fixed, PT(-35));
    INT_EQ(label->end_indent.pct, 10000);
    INT_EQ(fo_len_resolve(label->end_indent, PT(400)), PT(365));
    INT_EQ(body->start_indent.fixed, PT(40));
    lb = P0(FO_LIST_BLOCK, NULL);
    INT_EQ(lb->list_body_start.fixed, PT(24));
    INT_EQ(lb->list_label_end.fixed, PT(-18));
}

static void test_colors(fo_props_ctx ctx, diag_list *d)
{
    fo_props *p;
    size_t before;
    INT_EQ(P(FO_BLOCK, NULL, "color", "gray")->color.r, 128);
    INT_EQ(P(FO_BLOCK, NULL, "color", "grey")->color.g, 128);
    INT_EQ(P(FO_BLOCK, NULL, "color", "silver")->color.b, 192);
    INT_EQ(P(FO_BLOCK, NULL, "color", "navy")->color.b, 128);
    INT_EQ(P(FO_BLOCK, NULL, "color", "orange")->color.g, 165);
    INT_EQ(P(FO_BLOCK, NULL, "color", "Maroon")->color.r, 128);
    p = P(FO_BLOCK, NULL, "color", "#a1B2c3");
    OK(p->color.r == 0xa1 && p->color.g == 0xb2 && p->color.b == 0xc3 && p->color.a == 255);
    INT_EQ(P(FO_BLOCK, NULL, "color", "#abc")->color.b, 0xcc);
    INT_EQ(P(FO_BLOCK, NULL, "color", "rgb(10, 20, 30)")->color.g, 20);
    INT_EQ(P(FO_BLOCK, NULL, "background-color", "transparent")->background_color.a, 0);
    INT_EQ(P(FO_BLOCK, NULL, "background-color", "white")->background_color.a, 255);
    p = P(FO_BLOCK, NULL, "color", "red");
    before = diag_count(d);
    INT_EQ(P(FO_BLOCK, p, "color", "#12")->color.r, 255); /* inherited */
    INT_EQ(diag_count(d), before + 1);
    OK(last_diag_has(d, "invalid value '#12' for 'color'"));
    p = P(FO_BLOCK, NULL, "background", "url('bg.png') #eee no-repeat");
    STR_EQ(p->background_image, "bg.png");
    INT_EQ(p->background_color.r, 0xee);
}

static void test_invalid(fo_props_ctx ctx, diag_list *d)
{
    fo_props *root = P(FO_ROOT, NULL, "font-size", "10pt");
    size_t n0 = diag_count(d);
    INT_EQ(P(FO_BLOCK, root, "font-size", "garbage")->font_size, PT(10));
    INT_EQ(diag_count(d), n0 + 1);
    OK(last_diag_has(d, "expected a length such as 10pt"));
    OK(last_diag_has(d, "the inherited value is used"));
    INT_EQ(diag_at(d, diag_count(d) - 1)->severity, DIAG_WARNING);
    INT_EQ(diag_at(d, diag_count(d) - 1)->loc.line, 1);
    INT_EQ(P(FO_BLOCK, root, "font-size", "-3pt")->font_size, PT(10));
    INT_EQ(P(FO_BLOCK, root, "foo", "1")->font_size, PT(10));
    OK(last_diag_has(d, "unknown property 'foo' on fo:block; it is ignored"));
    n0 = diag_count(d);
    P(FO_BLOCK, root, "hyphenation-character", "-", "role", "x", "axf:foo", "1",
      "fox:bar", "2", "visibility", "visible", "z-index", "3", "source-document", "a");
    INT_EQ(diag_count(d), n0);
    /* a property mkdoc does not carry out, with a value that would change
     * the page: one warning saying what is done instead, then silence */
    P(FO_BLOCK, root, "visibility", "hidden");
    INT_EQ(diag_count(d), n0 + 1);
    OK(last_diag_has(d, "visibility=\"hidden\" is not implemented in mkdoc; the content is shown"));
    P(FO_BLOCK, root, "visibility", "collapse");
    INT_EQ(diag_count(d), n0 + 1);
    n0 = diag_count(d);
    P(FO_BLOCK, root, "space-before.optimun", "1pt");
    INT_EQ(diag_count(d), n0 + 1);
    INT_EQ(P(FO_BLOCK, root, "space-before", "1pt solid")->space_before.opt.fixed, 0);
    OK(last_diag_has(d, "the initial value is used"));
    INT_EQ(P(FO_BLOCK, root, "text-align", "middle")->text_align, FO_ALIGN_START);
    INT_EQ(P(FO_BLOCK, root, "widows", "1.5")->widows, 2);
    INT_EQ(P(FO_BLOCK, root, "padding", "-1pt")->padding[0].fixed, 0);
    INT_EQ(P(FO_TABLE_CELL, root, "number-columns-spanned", "0")->number_columns_spanned, 1);
    INT_EQ(P(FO_TABLE, root, "width", "proportional-column-width(1)")->width.auto_, 1);
    OK(last_diag_has(d, "'width'"));
    n0 = diag_count(d);
    P(FO_BLOCK, root, "font", "12pt", "margin", "1pt 2pt 3pt 4pt 5pt", "border", "1pt 2pt");
    INT_EQ(diag_count(d), n0 + 3);
    {
        char deep[300];
        memset(deep, '(', 100);
        strcpy(deep + 100, "1pt");
        memset(deep + 103, ')', 100);
        deep[203] = '\0';
        INT_EQ(P(FO_BLOCK, root, "start-indent", deep)->start_indent.fixed, 0);
        OK(last_diag_has(d, "more than 64 deep"));
    }
    INT_EQ(P(FO_BLOCK, root, "start-indent", "3pz")->start_indent.fixed, 0);
    OK(last_diag_has(d, "unknown unit"));
    /* the more specific shorthand wins whatever the attribute order */
    {
        fo_props *p = P(FO_BLOCK, root, "border-color", "blue", "border", "1pt solid red");
        INT_EQ(p->border[FO_TOP].color.b, 255);
        INT_EQ(p->border[FO_TOP].color.r, 0);
    }
}

static void test_keeps_breaks(fo_props_ctx ctx)
{
    fo_props *p, *c;
    p = P(FO_BLOCK, NULL, "keep-together", "always", "keep-with-next.within-page", "5",
          "break-before", "odd-page", "break-after", "page");
    INT_EQ(p->keep_together.within_page, FO_KEEP_ALWAYS);
    INT_EQ(p->keep_together.within_line, FO_KEEP_ALWAYS);
    INT_EQ(p->keep_with_next.within_page, 5);
    INT_EQ(p->keep_with_next.within_column, FO_KEEP_AUTO);
    INT_EQ(p->break_before, FO_BREAK_ODD_PAGE);
    INT_EQ(p->break_after, FO_BREAK_PAGE);
    c = P0(FO_BLOCK, p);
    INT_EQ(c->keep_together.within_page, FO_KEEP_ALWAYS); /* inherited */
    INT_EQ(c->keep_with_next.within_page, FO_KEEP_AUTO);   /* not inherited */
    INT_EQ(c->break_before, FO_BREAK_AUTO);
    c = P(FO_BLOCK, p, "keep-together.within-line", "auto", "page-break-after", "avoid",
          "page-break-before", "always");
    INT_EQ(c->keep_together.within_line, FO_KEEP_AUTO);
    INT_EQ(c->keep_together.within_page, FO_KEEP_ALWAYS);
    INT_EQ(c->keep_with_next.within_page, FO_KEEP_ALWAYS);
    INT_EQ(c->break_before, FO_BREAK_PAGE);
    INT_EQ(P(FO_BLOCK, NULL, "keep-with-previous", "auto")->keep_with_previous.within_page, 0);
}

static void test_pages(fo_props_ctx ctx)
{
    fo_props *p;
    p = P(FO_SIMPLE_PAGE_MASTER, NULL, "master-name", "A4", "page-width", "210mm",
          "page-height", "297mm", "margin-top", "1in");
    STR_EQ(p->master_name, "A4");
    INT_EQ(p->page_width, len("210mm", PT(12)));
    INT_EQ(p->page_height, len("297mm", PT(12)));
    INT_EQ(p->margin[FO_TOP].fixed, PT(72));
    p = P(FO_SIMPLE_PAGE_MASTER, NULL, "page-width", "auto");
    INT_EQ(p->page_width, 609563);
    INT_EQ(p->page_height, 862095);
    p = P(FO_REGION_BODY, NULL, "column-count", "2", "column-gap", "6mm",
          "region-name", "body", "margin", "10mm 0");
    INT_EQ(p->column_count, 2);
    INT_EQ(p->column_gap, len("6mm", PT(12)));
    STR_EQ(p->region_name, "body");
    INT_EQ(p->margin[FO_TOP].fixed, len("10mm", PT(12)));
    p = P(FO_REGION_BEFORE, NULL, "extent", "15mm", "precedence", "true",
          "display-align", "after", "reference-orientation", "-90");
    INT_EQ(p->extent.fixed, len("15mm", PT(12)));
    INT_EQ(p->precedence, 1);
    INT_EQ(p->display_align, FO_DISPLAY_AFTER);
    INT_EQ(p->reference_orientation, 270);
    p = P(FO_REPEATABLE_PAGE_MASTER_REFERENCE, NULL, "master-reference", "x");
    INT_EQ(p->maximum_repeats, -1);
    STR_EQ(p->master_reference, "x");
    INT_EQ(P(FO_REPEATABLE_PAGE_MASTER_REFERENCE, NULL, "maximum-repeats", "3")->maximum_repeats, 3);
    p = P(FO_CONDITIONAL_PAGE_MASTER_REFERENCE, NULL, "odd-or-even", "even",
          "page-position", "first", "blank-or-not-blank", "not-blank");
    INT_EQ(p->odd_or_even, 2);
    INT_EQ(p->page_position, 1);
    INT_EQ(p->blank_or_not_blank, 2);
    p = P(FO_PAGE_SEQUENCE, NULL, "initial-page-number", "auto-odd", "force-page-count",
          "end-on-even", "format", "i");
    INT_EQ(p->initial_page_number, -1);
    INT_EQ(p->force_page_count, 3);
    STR_EQ(p->format, "i");
    INT_EQ(P(FO_PAGE_SEQUENCE, NULL, "initial-page-number", "7")->initial_page_number, 7);
    STR_EQ(P0(FO_PAGE_SEQUENCE, NULL)->format, "1");
    INT_EQ(P(FO_FLOW, NULL, "flow-name", "xsl-region-body")->flow_name[4], 'r');
}

static void test_misc(fo_props_ctx ctx)
{
    fo_props *p, *c;
    p = P(FO_ROOT, NULL, "xml:lang", "EN-us");
    STR_EQ(p->language, "en-US");
    STR_EQ(P0(FO_BLOCK, p)->language, "en-US");
    STR_EQ(P(FO_BLOCK, p, "xml:lang", "ja")->language, "ja");
    STR_EQ(P(FO_BLOCK, NULL, "country", "GB", "language", "en")->language, "en-GB");
    p = P(FO_INLINE, NULL, "baseline-shift", "super");
    INT_EQ(p->baseline_shift, 1);
    INT_EQ(P(FO_INLINE, NULL, "vertical-align", "sub")->baseline_shift, 2);
    p = P(FO_INLINE, NULL, "baseline-shift", "3pt");
    OK(p->baseline_shift == 3 && p->baseline_shift_len == PT(3));
    INT_EQ(P(FO_INLINE, NULL, "baseline-shift", "50%")->baseline_shift_len, 7373);
    p = P(FO_INLINE, NULL, "text-decoration", "underline line-through");
    INT_EQ(p->text_decoration, 5);
    c = P(FO_INLINE, p, "text-decoration", "no-underline");
    INT_EQ(c->text_decoration, 4);
    INT_EQ(P0(FO_TEXT, p)->text_decoration, 5);
    p = P(FO_BLOCK_CONTAINER, NULL, "writing-mode", "tb-rl",
          "inline-progression-dimension", "100mm", "block-progression-dimension", "50%");
    INT_EQ(p->height.fixed, len("100mm", PT(12)));
    INT_EQ(p->width.pct, 5000);
    p = P(FO_BLOCK_CONTAINER, NULL, "width", "3cm",
          "block-progression-dimension.minimum", "2cm", "height", "auto");
    INT_EQ(p->width.fixed, len("3cm", PT(12)));
    INT_EQ(p->min_height.fixed, len("2cm", PT(12)));
    INT_EQ(p->height.auto_, 1);
    p = P(FO_EXTERNAL_GRAPHIC, NULL, "src", "url('img/a b.png')", "content-width",
          "scale-to-fit", "content-height", "50%", "scaling", "non-uniform");
    STR_EQ(p->src, "img/a b.png");
    INT_EQ(p->content_width.kind, FO_CONTENT_SCALE_TO_FIT);
    OK(p->content_height.kind == FO_CONTENT_LENGTH && p->content_height.len.pct == 5000);
    INT_EQ(p->scaling, FO_SCALING_NON_UNIFORM);
    STR_EQ(P(FO_EXTERNAL_GRAPHIC, NULL, "src", "url(x.svg)")->src, "x.svg");
    STR_EQ(P(FO_BASIC_LINK, NULL, "external-destination", "url(\"https://e.org/\")")
               ->external_destination, "https://e.org/");
    STR_EQ(P(FO_BASIC_LINK, NULL, "internal-destination", "sec1")->internal_destination, "sec1");
    p = P(FO_TABLE_COLUMN, NULL, "column-width", "proportional-column-width(2.5)",
          "number-columns-repeated", "3", "column-number", "2");
    INT_EQ(p->column_width_proportional, 2500);
    INT_EQ(p->number_columns_repeated, 3);
    INT_EQ(p->column_number, 2);
    INT_EQ(P(FO_TABLE_COLUMN, NULL, "column-width", "30%")->column_width.pct, 3000);
    p = P(FO_TABLE_CELL, NULL, "number-columns-spanned", "2", "number-rows-spanned", "3",
          "display-align", "center");
    OK(p->number_columns_spanned == 2 && p->number_rows_spanned == 3);
    INT_EQ(P0(FO_BLOCK_CONTAINER, p)->display_align, FO_DISPLAY_CENTER); /* §7.14.4 */
    p = P(FO_TABLE, NULL, "table-layout", "fixed", "border-collapse", "separate",
          "border-separation", "2pt", "table-omit-header-at-break", "true");
    OK(p->table_layout_fixed == 1 && p->border_collapse == 0 && p->border_separation == PT(2) &&
       p->table_omit_header_at_break == 1);
    INT_EQ(P(FO_CHARACTER, NULL, "character", "\xe3\x81\x82")->character, 0x3042);
    INT_EQ(P(FO_CHARACTER, NULL, "character", " ")->character, ' ');
    p = P(FO_LEADER, NULL, "leader-pattern", "dots", "leader-length", "2in",
          "leader-length.maximum", "100%", "rule-thickness", "0.5pt", "rule-style", "dashed");
    INT_EQ(p->leader_pattern, FO_LEADER_DOTS);
    INT_EQ(p->leader_length_min.fixed, PT(144));
    INT_EQ(p->leader_length_max.pct, 10000);
    INT_EQ(p->rule_thickness, PT(0.5));
    INT_EQ(p->rule_style, FO_BORDER_DASHED);
    p = P(FO_BLOCK, NULL, "text-align", "justify", "text-align-last", "center",
          "hyphenate", "true", "id", "x1", "widows", "3", "text-indent", "1em",
          "linefeed-treatment", "preserve", "wrap-option", "no-wrap", "span", "all");
    OK(p->text_align == FO_ALIGN_JUSTIFY && p->text_align_last == FO_ALIGN_CENTER &&
       p->text_align_last_set && p->hyphenate && p->widows == 3);
    STR_EQ(p->id, "x1");
    OK(p->text_indent.fixed == PT(12) && p->linefeed_treatment == 2 && p->wrap_option == 0 &&
       p->span_all == 1);
    c = P0(FO_BLOCK, p);
    OK(c->id == NULL && c->text_align == FO_ALIGN_JUSTIFY && c->span_all == 0);
    INT_EQ(P(FO_BLOCK, p, "text-align", "from-parent(text-align)")->text_align, FO_ALIGN_JUSTIFY);
    INT_EQ(P(FO_BLOCK, NULL, "text-align-last", "relative")->text_align_last, FO_ALIGN_RELATIVE);
    p = P(FO_MARKER, NULL, "marker-class-name", "chapter");
    STR_EQ(p->marker_class_name, "chapter");
    p = P(FO_RETRIEVE_MARKER, NULL, "retrieve-class-name", "chapter", "retrieve-position",
          "last-ending-within-page", "retrieve-boundary", "document");
    OK(p->retrieve_position == 3 && p->retrieve_boundary == 2);
    INT_EQ(P(FO_BOOKMARK, NULL, "starting-state", "hide")->starting_state_hide, 1);
    STR_EQ(P(FO_PAGE_NUMBER_CITATION, NULL, "ref-id", "a")->ref_id, "a");
    /* inherit works for any property */
    p = P(FO_BLOCK, NULL, "background-color", "red", "margin", "3pt", "border", "1pt solid");
    c = P(FO_BLOCK, p, "background-color", "inherit", "margin", "inherit",
          "border-start-width", "inherit");
    INT_EQ(c->background_color.r, 255);
    INT_EQ(c->margin[FO_BOTTOM].fixed, PT(3));
    INT_EQ(c->border[FO_LEFT].width, 0); /* style still none */
    c = P(FO_BLOCK, p, "start-indent", "inherited-property-value(start-indent) + 1pt");
    INT_EQ(c->start_indent.fixed, p->start_indent.fixed + PT(1));
}

/* Garbage, huge and hostile values terminate with warnings, never a crash. */
static void test_robust(fo_props_ctx ctx, diag_list *d)
{
    static const char *const names[] = {
        "font-size", "font", "margin", "border", "color", "line-height", "space-before",
        "start-indent", "column-width", "font-family", "character", "src", "xml:lang",
        "keep-together", "text-decoration", "border-start", "padding-before", "width",
        "country", "background", "baseline-shift", "text-align"};
    size_t big = 1 << 20;
    char *v = malloc(big + 1);
    unsigned seed = 12345;
    size_t n0 = diag_count(d);
    for (size_t i = 0; i < big; i++)
        v[i] = "(1pt+ "[i % 6];
    v[big] = '\0';
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        P(FO_BLOCK, NULL, names[k], v);
    memset(v, '(', big);
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        P(FO_BLOCK, NULL, names[k], v);
    memset(v, '9', big);
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        P(FO_BLOCK, NULL, names[k], v);
    for (int round = 0; round < 3000; round++) {
        char s[40];
        int n = round % 39;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            s[i] = (char)(1 + (seed >> 16) % 255);
        }
        s[n] = '\0';
        P(FO_BLOCK, NULL, names[round % (sizeof names / sizeof names[0])], s);
    }
    free(v);
    OK(diag_count(d) > n0);
    OK(last_diag_has(d, "") || 1);
}

/* The axf: JLREQ composition properties: keyword sets, inherited, with
 * "auto" as the initial value (docs/manual/extensions.md). */
static void test_jlreq_props(fo_props_ctx ctx, diag_list *d)
{
    fo_props *p = P0(FO_BLOCK, NULL), *c;
    INT_EQ(p->punctuation_trim, FO_PTRIM_AUTO);
    INT_EQ(p->text_autospace, FO_AUTOSPACE_NUMERIC | FO_AUTOSPACE_ALPHA);
    INT_EQ(p->text_justify_trim, FO_JTRIM_PUNCT | FO_JTRIM_IDEOGRAPH | FO_JTRIM_INTERWORD);
    INT_EQ(p->hanging_punctuation, 0);
    INT_EQ(p->line_break, 0);
    p = P(FO_BLOCK, NULL, "axf:punctuation-trim", "start-except-first  allow-end adjacent",
          "axf:text-autospace", "ideograph-numeric ideograph-parenthesis",
          "axf:text-justify-trim", "none", "axf:hanging-punctuation", "allow-end",
          "axf:line-break", "loose");
    INT_EQ(p->punctuation_trim,
           FO_PTRIM_START_EXCEPT_FIRST | FO_PTRIM_ALLOW_END | FO_PTRIM_ADJACENT);
    INT_EQ(p->text_autospace, FO_AUTOSPACE_NUMERIC | FO_AUTOSPACE_PAREN);
    INT_EQ(p->text_justify_trim, 0);
    INT_EQ(p->hanging_punctuation, FO_HANG_ALLOW_END);
    INT_EQ(p->line_break, 2);
    c = P0(FO_BLOCK, p); /* inherited */
    INT_EQ(c->punctuation_trim, p->punctuation_trim);
    INT_EQ(c->hanging_punctuation, FO_HANG_ALLOW_END);
    INT_EQ(P(FO_BLOCK, p, "axf:punctuation-trim", "auto")->punctuation_trim, FO_PTRIM_AUTO);
    INT_EQ(P(FO_BLOCK, p, "line-break", "anywhere")->line_break, 3);
    size_t before = diag_count(d);
    c = P(FO_BLOCK, p, "axf:punctuation-trim", "start bogus");
    INT_EQ(c->punctuation_trim, p->punctuation_trim); /* invalid: inherited */
    OK(diag_count(d) == before + 1 && last_diag_has(d, "extensions.md"));
    /* columns and the line grid: not inherited */
    p = P(FO_BLOCK, NULL, "axf:baseline-grid", "root", "span", "all",
          "axf:baseline-block-snap", "before margin-box");
    INT_EQ(p->baseline_grid, 3);
    INT_EQ(p->span_all, 1);
    INT_EQ(p->baseline_block_snap, 2 | 32);
    c = P0(FO_BLOCK, p);
    INT_EQ(c->baseline_grid, 0);
    INT_EQ(c->span_all, 0);
    INT_EQ(c->baseline_block_snap, 0);
    INT_EQ(P(FO_BLOCK, NULL, "axf:baseline-grid", "none")->baseline_grid, 1);
    INT_EQ(P(FO_BLOCK, NULL, "axf:baseline-grid", "new")->baseline_grid, 2);
    INT_EQ(P(FO_REGION_BODY, NULL, "axf:column-fill", "auto")->column_fill, 2);
    INT_EQ(P(FO_REGION_BODY, NULL, "axf:column-fill", "balance")->column_fill, 1);
    INT_EQ(P0(FO_REGION_BODY, NULL)->column_fill, 0);
    before = diag_count(d);
    INT_EQ(P(FO_BLOCK, NULL, "axf:baseline-grid", "page")->baseline_grid, 0);
    INT_EQ(diag_count(d), before + 1);
}

/* axf:text-combine-horizontal: mkdoc's initial value is "digits 2"; each
 * kind has its own N; inherited; invalid values keep the inherited one. */
static void test_tcy_props(fo_props_ctx ctx, diag_list *d)
{
    fo_props *p = P0(FO_BLOCK, NULL), *c;
    INT_EQ(p->text_combine, FO_TCY_DIGITS);
    INT_EQ(p->text_combine_max[0], 2);
    p = P(FO_BLOCK, NULL, "axf:text-combine-horizontal", "alpha 3 digits 1");
    INT_EQ(p->text_combine, FO_TCY_ALPHA | FO_TCY_DIGITS);
    INT_EQ(p->text_combine_max[0], 1);
    INT_EQ(p->text_combine_max[1], 3);
    c = P0(FO_INLINE, p);
    INT_EQ(c->text_combine, p->text_combine);
    INT_EQ(c->text_combine_max[1], 3);
    INT_EQ(P(FO_INLINE, p, "axf:text-combine-horizontal", "all")->text_combine, FO_TCY_ALL);
    INT_EQ(P(FO_INLINE, p, "axf:text-combine-horizontal", "none")->text_combine, 0);
    INT_EQ(P(FO_INLINE, p, "axf:text-combine-horizontal", "alphanumeric")->text_combine,
           FO_TCY_ALNUM);
    size_t before = diag_count(d);
    c = P(FO_BLOCK, p, "axf:text-combine-horizontal", "digits 5");
    INT_EQ(c->text_combine, p->text_combine);
    c = P(FO_BLOCK, p, "axf:text-combine-horizontal", "3");
    INT_EQ(c->text_combine_max[0], 1);
    OK(diag_count(d) == before + 2 && last_diag_has(d, "extensions.md"));
}

/* Ruby and emphasis dots (axf:ruby-*, axf:text-emphasis-*, JLREQ 3.3):
 * AH's keywords, the initial values, percentages and numbers kept for
 * layout, the mark string, and the accepted values named in messages. */
static void test_ruby_props(fo_props_ctx ctx, diag_list *d)
{
    fo_props *p = P0(FO_BLOCK, NULL), *c;
    INT_EQ(p->ruby_overhang, FO_RUBY_OH_AUTO);
    INT_EQ(p->ruby_font_size.pct, 5000);
    INT_EQ(p->em_style, FO_EM_NONE);
    INT_EQ(p->em_skip, FO_EMSKIP_SPACES | FO_EMSKIP_PUNCT);
    p = P(FO_BLOCK, NULL, "axf:ruby-align", "distribute-letter center",
          "axf:ruby-position", "after", "axf:ruby-overhang", "end except-katakana",
          "axf:ruby-font-size", "6pt", "axf:ruby-limit-overhang", "1",
          "axf:ruby-offset", "10%", "axf:text-emphasis-style", "open sesame",
          "axf:text-emphasis-position", "after", "axf:text-emphasis-skip", "spaces");
    INT_EQ(p->ruby_align, FO_RUBY_ALIGN_DIST_LETTER | FO_RUBY_ALIGN_CENTER);
    INT_EQ(p->ruby_position, 1);
    INT_EQ(p->ruby_overhang, FO_RUBY_OH_END | FO_RUBY_OH_EXCEPT_KATAKANA);
    INT_EQ(p->ruby_font_size.fixed, 6 * MK_PT);
    INT_EQ(p->ruby_font_size.pct, 0);
    INT_EQ(p->ruby_limit_overhang.pct, 10000);
    INT_EQ(p->ruby_offset.pct, 1000);
    INT_EQ(p->em_style, FO_EM_SESAME | FO_EM_OPEN);
    INT_EQ(p->em_position, 1);
    INT_EQ(p->em_skip, FO_EMSKIP_SPACES);
    c = P0(FO_INLINE, p); /* all inherited */
    INT_EQ(c->ruby_overhang, p->ruby_overhang);
    INT_EQ(c->em_style, p->em_style);
    INT_EQ(P(FO_INLINE, p, "axf:text-emphasis-style", "filled")->em_style, FO_EM_FILLED_ONLY);
    INT_EQ(P(FO_INLINE, p, "axf:text-emphasis-style", "none")->em_style, FO_EM_NONE);
    c = P(FO_INLINE, p, "axf:text-emphasis-style", "'\xe2\x97\x86'");
    INT_EQ(c->em_style, FO_EM_STRING);
    OK(c->em_string && strcmp(c->em_string, "\xe2\x97\x86") == 0);
    size_t before = diag_count(d);
    c = P(FO_INLINE, p, "axf:ruby-position", "above");
    INT_EQ(c->ruby_position, 1); /* invalid: inherited */
    OK(diag_count(d) == before + 1 && last_diag_has(d, "before, after"));
    c = P(FO_INLINE, p, "axf:ruby-overhang", "auto start");
    INT_EQ(c->ruby_overhang, p->ruby_overhang);
    OK(last_diag_has(d, "except-kanji"));
    P(FO_INLINE, p, "axf:text-emphasis-style", "filled open");
    OK(last_diag_has(d, "sesame"));
    P(FO_INLINE, p, "axf:ruby-font-size", "-2pt");
    OK(last_diag_has(d, "a number such as 0.5"));
    OK(diag_count(d) == before + 4);
}

int main(void)
{
    arena *a = arena_new();
    diag_list *d = diag_list_new();
    fo_props_ctx ctx = {a, d};
    TEST_BEGIN("props");
    test_units();
    test_expr();
    test_fonts(ctx);
    test_shorthands(ctx);
    test_indents(ctx);
    test_lists(ctx);
    test_colors(ctx, d);
    test_keeps_breaks(ctx);
    test_pages(ctx);
    test_misc(ctx);
    test_invalid(ctx, d);
    test_robust(ctx, d);
    test_jlreq_props(ctx, d);
    test_tcy_props(ctx, d);
    test_ruby_props(ctx, d);
    diag_list_free(d);
    arena_free(a);
    return TEST_END();
}
