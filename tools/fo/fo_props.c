/* fo_props: computing the properties of one formatting object.
 *
 * The model (XSL 1.1 §5.1): a computed value comes from the specified value
 * on the element, else from the parent's computed value when the property
 * is inherited, else from the initial value. fo_props keeps inherited
 * fields before `id` and the others after it, so "copy the parent, then
 * reset the tail to initial values" does the whole of §5.1.4 for
 * unspecified properties at once.
 *
 * Specified attributes are applied in priority order (fo_propdefs.txt):
 * writing-mode and font-size first because relative edges and em lengths
 * depend on them, shorthands before the properties they expand to, and
 * writing-mode-relative names last so they win over absolute ones (§5.3.1).
 * Then the dependent rules run: border colour defaults to `color`, a border
 * whose style is none has width 0, margins become indents and spaces on
 * block-level objects (§5.3.2), and a list-block records where its labels
 * end and its bodies start (§7.30.9, §7.30.12). */
#include "fo_props.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fo_props_impl.h"
#include "fo_tree.h"

/* A4, the size "auto" page dimensions stand for (§7.27.15 leaves it to the
 * formatter); computed from 210 mm × 297 mm. */
#define FO_A4_WIDTH 609563   /* 595.276pt */
#define FO_A4_HEIGHT 862095  /* 841.89pt */

static const fo_props initial = {
    .font_family = "serif",
    .font_size = 12 * MK_PT,
    .font_weight = 400,
    .line_height = (mk_len)(12 * MK_PT * 1.2 + 0.5),
    .line_height_factor = 1200,
    .color = {0, 0, 0, 255},
    .text_align = FO_ALIGN_START,
    .text_align_last = FO_ALIGN_RELATIVE,
    .widows = 2,
    .orphans = 2,
    .writing_mode = FO_WM_LR_TB,
    .white_space_collapse = 1,
    .wrap_option = 1,
    .leader_pattern = FO_LEADER_SPACE,
    .leader_length_opt = {12 * MK_PT, 0, 0},
    .leader_length_max = {0, 10000, 0},
    .rule_thickness = MK_PT,
    .rule_style = FO_BORDER_SOLID,
    .relative_align = FO_DISPLAY_BEFORE,
    .provisional_distance_between_starts = 24 * MK_PT,
    .provisional_label_separation = 6 * MK_PT,
    .border_collapse = 1,
    .punctuation_trim = FO_PTRIM_AUTO,
    .text_autospace = FO_AUTOSPACE_NUMERIC | FO_AUTOSPACE_ALPHA,
    .text_justify_trim = FO_JTRIM_PUNCT | FO_JTRIM_IDEOGRAPH | FO_JTRIM_INTERWORD,
    /* mkdoc sets numbers of up to two digits upright by default (AH's
     * initial value is none; docs/manual/extensions.md) */
    .text_combine = FO_TCY_DIGITS,
    .text_combine_max = {2, 2, 2},
    .ruby_overhang = FO_RUBY_OH_AUTO,
    .ruby_font_size = {0, 5000, 0},        /* JLREQ 3.3.3: half the base */
    .ruby_limit_overhang = {0, 5000, 0},   /* half a ruby character (issue 3) */
    .em_skip = FO_EMSKIP_SPACES | FO_EMSKIP_PUNCT,
    .em_font_size = {0, 5000, 0},          /* JLREQ 3.3.9: half the base */
    /* not inherited */
    .background_color = {0, 0, 0, 0},
    .border = {{MK_PT, FO_BORDER_NONE, {0, 0, 0, 255}, 1},
               {MK_PT, FO_BORDER_NONE, {0, 0, 0, 255}, 1},
               {MK_PT, FO_BORDER_NONE, {0, 0, 0, 255}, 1},
               {MK_PT, FO_BORDER_NONE, {0, 0, 0, 255}, 1}},
    .padding_discard = {1, 1, 1, 1},
    .space_before = {.discard = 1},
    .space_after = {.discard = 1},
    .width = {0, 0, 1},
    .height = {0, 0, 1},
    .content_width = {FO_CONTENT_AUTO, {0, 0, 1}},
    .content_height = {FO_CONTENT_AUTO, {0, 0, 1}},
    .page_width = FO_A4_WIDTH,
    .page_height = FO_A4_HEIGHT,
    .column_count = 1,
    .column_gap = 12 * MK_PT,
    .format = "1",
    .maximum_repeats = -1,
    .column_width = {0, 0, 1},
    .number_columns_repeated = 1,
    .number_columns_spanned = 1,
    .number_rows_spanned = 1,
};

const fo_props *fo_props_initial(void)
{
    return &initial;
}

/* fo_kind names for messages; fo_tree.c owns the element table, but this
 * module must build and test without libxml2, hence a copy. */
static const char *const kind_names[FO_KIND_COUNT] = {
    "#text", "root", "declarations", "layout-master-set", "simple-page-master",
    "region-body", "region-before", "region-after", "region-start", "region-end",
    "page-sequence-master", "single-page-master-reference",
    "repeatable-page-master-reference", "repeatable-page-master-alternatives",
    "conditional-page-master-reference", "page-sequence", "title", "flow",
    "static-content", "block", "block-container", "inline", "inline-container",
    "wrapper", "character", "page-number", "page-number-citation",
    "page-number-citation-last", "basic-link", "leader", "external-graphic",
    "instream-foreign-object", "list-block", "list-item", "list-item-label",
    "list-item-body", "table-and-caption", "table-caption", "table",
    "table-column", "table-header", "table-footer", "table-body", "table-row",
    "table-cell", "footnote", "footnote-body", "marker", "retrieve-marker",
    "bookmark-tree", "bookmark", "bookmark-title", "float",
    "axf:ruby", "axf:ruby-base", "axf:ruby-text",
};

static const char *kind_name(int kind)
{
    return kind >= 0 && kind < FO_KIND_COUNT ? kind_names[kind] : "?";
}

/* "fo:" for XSL's own elements; the axf: ones carry their prefix */
static const char *kind_prefix(int kind)
{
    return strchr(kind_name(kind), ':') ? "" : "fo:";
}

/* ---- expressions ---- */

static void val_from_len(fo_len l, fo_expr_val *out)
{
    memset(out, 0, sizeof *out);
    out->kind = FO_EV_LENGTH;
    out->num = l.fixed / (double)MK_PT;
    out->pct = l.pct / 100.0;
}

static void val_from_mk(mk_len l, fo_expr_val *out)
{
    val_from_len((fo_len){l, 0, 0}, out);
}

static int32_t read_int(const void *f, size_t size)
{
    if (size == 1) return *(const uint8_t *)f;
    if (size == 2) return *(const int16_t *)f;
    return *(const int32_t *)f;
}

/* The parent's computed value of def as an expression value, for
 * from-parent() and inherited-property-value() (§5.10.4). */
static fo_expr_status read_parent(const fo_pstate *st, const fo_propdef *def,
                                  fo_expr_val *out)
{
    const fo_props *pp = st->parent;
    const char *f = (const char *)pp + def->offset;
    int edge = def->arg >= FO_ARG_TOP && def->arg <= FO_ARG_END
                   ? fo_pv_edge(pp->writing_mode, def->arg) : -1;
    switch ((fo_ptype)def->type) {
    case FO_PT_FONTSIZE: case FO_PT_LINEHEIGHT: case FO_PT_ALEN:
    case FO_PT_PAGEDIM: case FO_PT_BSEP:
        val_from_mk(*(const mk_len *)f, out);
        return FO_EXPR_OK;
    case FO_PT_LEN: case FO_PT_MARGIN: case FO_PT_INDENT:
        val_from_len(*(const fo_len *)f, out);
        return FO_EXPR_OK;
    case FO_PT_PADDING:
        val_from_len(pp->padding[edge], out);
        return FO_EXPR_OK;
    case FO_PT_BWIDTH:
        val_from_mk(pp->border[edge].width, out);
        return FO_EXPR_OK;
    case FO_PT_SPACE:
        val_from_len(((const fo_space *)f)->opt, out);
        return FO_EXPR_OK;
    case FO_PT_COLOR: {
        const fo_color *c = (const fo_color *)f;
        memset(out, 0, sizeof *out);
        out->kind = FO_EV_COLOR;
        out->r = c->r, out->g = c->g, out->b = c->b, out->a = c->a;
        return FO_EXPR_OK;
    }
    case FO_PT_INT:
        memset(out, 0, sizeof *out);
        out->kind = FO_EV_NUMBER;
        out->num = read_int(f, def->size);
        return FO_EXPR_OK;
    case FO_PT_ENUM: case FO_PT_BOOL: {
        int32_t v = read_int(f, def->size);
        memset(out, 0, sizeof *out);
        out->kind = FO_EV_IDENT;
        out->str = def->type == FO_PT_BOOL ? (v ? "true" : "false") : NULL;
        for (int i = 0; !out->str && i < def->n_keywords; i++)
            if (def->keywords[i].value == v)
                out->str = def->keywords[i].word;
        if (!out->str)
            return FO_EXPR_FUNCTION;
        out->len = strlen(out->str);
        return FO_EXPR_OK;
    }
    default:
        return FO_EXPR_FUNCTION;
    }
}

static int name_eq(const char *name, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(name, w, n) == 0;
}

/* §5.10.4 property value functions, and §7.30 label-end()/body-start(). */
static fo_expr_status prop_call(const fo_expr_env *env, const char *name, size_t n,
                                const fo_expr_val *args, int na, fo_expr_val *out)
{
    const fo_pstate *st = env->user;
    char buf[64];
    const fo_propdef *def;
    if (name_eq(name, n, "label-end") || name_eq(name, n, "body-start")) {
        if (na != 0)
            return FO_EXPR_FUNCTION;
        val_from_len(name_eq(name, n, "label-end") ? st->parent->list_label_end
                                                   : st->parent->list_body_start, out);
        return FO_EXPR_OK;
    }
    if (!name_eq(name, n, "from-parent") && !name_eq(name, n, "inherited-property-value") &&
        !name_eq(name, n, "from-nearest-specified-value"))
        return FO_EXPR_FUNCTION;
    if (na > 1 || (na == 1 && (args[0].kind != FO_EV_IDENT || args[0].len >= sizeof buf)))
        return FO_EXPR_FUNCTION;
    if (na == 1) {
        memcpy(buf, args[0].str, args[0].len);
        buf[args[0].len] = '\0';
        def = fo_propdef_find(buf);
    } else {
        def = st->def;
    }
    if (!def)
        return FO_EXPR_FUNCTION;
    return read_parent(st, def, out);
}

int fo_pv_eval(fo_pstate *st, const char *s, size_t n, double em_pt,
               int allow_proportional, fo_expr_val *out)
{
    fo_expr_env env = {em_pt, prop_call, st, allow_proportional};
    st->last = fo_expr_eval(&env, s, n, out);
    return st->last == FO_EXPR_OK ? 0 : -1;
}

int fo_props_parse_length(const char *s, mk_len font_size, fo_len *out)
{
    fo_props_ctx ctx = {NULL, NULL};
    fo_pstate st = {.ctx = &ctx, .parent = &initial};
    fo_expr_val v;
    if (!s || fo_pv_eval(&st, s, strlen(s), font_size / (double)MK_PT, 0, &v) != 0)
        return -1;
    if (v.kind == FO_EV_NUMBER && v.num == 0)
        v.kind = FO_EV_LENGTH;
    if (v.kind != FO_EV_LENGTH)
        return -1;
    out->fixed = fo_expr_pt_to_len(v.num);
    out->pct = fo_expr_pct_to_int(v.pct);
    out->auto_ = 0;
    return 0;
}

/* ---- diagnostics ---- */

/* A value quoted in a message: at most 60 bytes, cut at a UTF-8 boundary,
 * control characters shown as '?', so a 1 MB attribute stays readable. */
static void quote_value(const char *v, char *buf, size_t cap)
{
    size_t n = strlen(v), i, o = 0, lim = cap - 4;
    for (i = 0; i < n && o < lim && o < 60; i++)
        buf[o++] = (unsigned char)v[i] < 0x20 || v[i] == 0x7f ? '?' : v[i];
    if (i < n) {
        while (o > 0 && ((unsigned char)buf[o - 1] & 0xc0) == 0x80)
            o--;
        if (o > 0 && (unsigned char)buf[o - 1] >= 0xc0)
            o--;
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = '\0';
}

static void warn_invalid(fo_pstate *st, const char *expected)
{
    char q[80];
    const char *why = "";
    if (!st->ctx->diags)
        return;
    quote_value(st->attr->value, q, sizeof q);
    if (st->last == FO_EXPR_DEPTH)
        why = " (the expression nests parentheses more than 64 deep)";
    else if (st->last == FO_EXPR_UNIT)
        why = " (unknown unit: use pt, mm, cm, in, pc, px or em)";
    diag_add(st->ctx->diags, DIAG_WARNING, STAGE_FO, st->attr->loc,
             "invalid value '%s' for '%s' on %s%s: expected %s%s; the %s value is used",
             q, st->attr->name, kind_prefix(st->kind), kind_name(st->kind), expected, why,
             st->def->inherited ? "inherited" : "initial");
}

/* Names outside XSL are warned about; names in another namespace
 * (axf:, fox:, mk:…) belong to other tools and pass silently. */
static void warn_unknown(fo_pstate *st, const fo_attr *a)
{
    char q[80];
    if (!st->ctx->diags || strchr(a->name, ':'))
        return;
    quote_value(a->name, q, sizeof q);
    diag_add(st->ctx->diags, DIAG_WARNING, STAGE_FO, a->loc,
             "unknown property '%s' on %s%s; it is ignored", q, kind_prefix(st->kind),
             kind_name(st->kind));
}

/* ---- inherit ---- */

static void apply_inherit(fo_pstate *st, const fo_propdef *def, int depth)
{
    const fo_props *pp = st->parent;
    fo_props *p = st->p;
    if (def->size) {
        memcpy((char *)p + def->offset, (const char *)pp + def->offset, def->size);
    } else if (def->expand && depth < 2) {
        const char *s = def->expand;
        while (*s) {
            char name[64];
            size_t n = strcspn(s, " ");
            if (n < sizeof name) {
                memcpy(name, s, n);
                name[n] = '\0';
                const fo_propdef *d = fo_propdef_find(name);
                if (d)
                    apply_inherit(st, d, depth + 1);
            }
            s += n + (s[n] == ' ');
        }
    } else if (def->arg >= FO_ARG_BEFORE && def->arg <= FO_ARG_END) {
        int e = fo_pv_edge(p->writing_mode, def->arg);
        switch ((fo_ptype)def->type) {
        case FO_PT_PADDING: p->padding[e] = pp->padding[e]; break;
        case FO_PT_PADCOND: p->padding_discard[e] = pp->padding_discard[e]; break;
        case FO_PT_BSIDE: p->border[e] = pp->border[e]; break;
        case FO_PT_BWIDTH: p->border[e].width = pp->border[e].width; break;
        case FO_PT_BSTYLE: p->border[e].style = pp->border[e].style; break;
        case FO_PT_BCOLOR: p->border[e].color = pp->border[e].color; break;
        case FO_PT_BCOND: p->border[e].discard = pp->border[e].discard; break;
        default: break;
        }
    }
    if (def->type == FO_PT_LINEHEIGHT || (def->expand && strstr(def->expand, "line-height")))
        p->line_height_factor = pp->line_height_factor;
}

/* ---- the dependent rules ---- */

static int is_block_level(int kind)
{
    return kind == FO_BLOCK || kind == FO_BLOCK_CONTAINER || kind == FO_TABLE ||
           kind == FO_TABLE_AND_CAPTION || kind == FO_LIST_BLOCK || kind == FO_LIST_ITEM;
}

static fo_len len_add(fo_len a, fo_len b)
{
    a.fixed += b.fixed;
    a.pct += b.pct;
    a.auto_ = 0;
    return a;
}

static fo_len no_auto(fo_len l)
{
    return l.auto_ ? (fo_len){0, 0, 0} : l;
}

/* XSL 1.1 §5.3.2: a margin specified without the corresponding indent or
 * space becomes that indent (adding border and padding) or space. */
static void margins_to_indents(fo_pstate *st)
{
    fo_props *p = st->p;
    const fo_props *pp = st->parent;
    int s = fo_pv_edge(p->writing_mode, FO_ARG_START);
    int e = fo_pv_edge(p->writing_mode, FO_ARG_END);
    int b = fo_pv_edge(p->writing_mode, FO_ARG_BEFORE);
    int a = fo_pv_edge(p->writing_mode, FO_ARG_AFTER);
    if (st->spec.margin[s] && !st->spec.start_indent) {
        fo_len l = len_add(pp->start_indent, no_auto(p->margin[s]));
        l.fixed += p->border[s].width;
        p->start_indent = len_add(l, p->padding[s]);
    }
    if (st->spec.margin[e] && !st->spec.end_indent) {
        fo_len l = len_add(pp->end_indent, no_auto(p->margin[e]));
        l.fixed += p->border[e].width;
        p->end_indent = len_add(l, p->padding[e]);
    }
    for (int i = 0; i < 2; i++) {
        int edge = i ? a : b;
        fo_space *sp = i ? &p->space_after : &p->space_before;
        if (st->spec.margin[edge] && !(i ? st->spec.space_after : st->spec.space_before)) {
            sp->min = sp->opt = sp->max = no_auto(p->margin[edge]);
            sp->precedence = INT32_MAX; /* force */
            sp->discard = 0;            /* retain */
        }
    }
}

/* §4.3 / §5.11 <space>: a minimum above the optimum is taken as the
 * optimum, a maximum below it likewise (only comparable without %). */
static void space_order(fo_space *sp)
{
    if (sp->min.pct == sp->opt.pct && sp->min.fixed > sp->opt.fixed)
        sp->min = sp->opt;
    if (sp->max.pct == sp->opt.pct && sp->max.fixed < sp->opt.fixed)
        sp->max = sp->opt;
}

static void finalize(fo_pstate *st)
{
    fo_props *p = st->p;
    if (!st->spec.line_height && p->line_height_factor)
        p->line_height = (mk_len)(((int64_t)p->font_size * p->line_height_factor + 500) / 1000);
    for (int i = 0; i < 4; i++) {
        if (!st->spec.bcolor[i])
            p->border[i].color = p->color; /* initial value: the color property */
        if (p->border[i].style == FO_BORDER_NONE || p->border[i].style == FO_BORDER_HIDDEN)
            p->border[i].width = 0;
    }
    space_order(&p->space_before);
    space_order(&p->space_after);
    if (is_block_level(st->kind))
        margins_to_indents(st);
    if (st->kind == FO_LIST_BLOCK) {
        /* §7.30.9 body-start() = start-indent + p-d-b-s;
         * §7.30.12 label-end() = width - (start-indent + p-d-b-s - p-l-s) */
        mk_len d = p->provisional_distance_between_starts;
        p->list_body_start = p->start_indent;
        p->list_body_start.fixed += d;
        p->list_body_start.auto_ = 0;
        p->list_label_end.fixed =
            -(p->start_indent.fixed + d - p->provisional_label_separation);
        p->list_label_end.pct = 10000 - p->start_indent.pct;
        p->list_label_end.auto_ = 0;
    }
}

/* ---- the computing loop ---- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void apply_one(fo_pstate *st)
{
    const char *v = st->attr->value ? st->attr->value : "";
    size_t n = strlen(v);
    const char *expected;
    if (st->def->type != FO_PT_CHAR) {
        while (n && is_space(*v))
            v++, n--;
        while (n && is_space(v[n - 1]))
            n--;
    }
    st->last = FO_EXPR_OK;
    if (n == 7 && memcmp(v, "inherit", 7) == 0) {
        apply_inherit(st, st->def, 0);
        return;
    }
    expected = fo_pv_apply(st, v, n);
    if (expected)
        warn_invalid(st, expected);
    else
        fo_pv_unsupported(st, v, n);
}

void fo_props_quote(const char *v, char *buf, size_t cap)
{
    quote_value(v, buf, cap);
}

int fo_props_is_region(int kind)
{
    return strncmp(kind_name(kind), "region-", 7) == 0;
}

fo_props *fo_props_compute(fo_props_ctx *ctx, int kind, const fo_props *parent,
                           const fo_attr *attrs, int n_attrs)
{
    fo_pstate st = {.ctx = ctx, .kind = kind};
    const fo_propdef **defs = NULL;
    const size_t tail = offsetof(fo_props, id);
    st.parent = parent ? parent : &initial;
    st.p = ARENA_NEW(ctx->arena, fo_props);
    memcpy(st.p, st.parent, tail);
    memcpy((char *)st.p + tail, (const char *)&initial + tail, sizeof(fo_props) - tail);
    /* Exceptions to the split: display-align is inherited (§7.14.4) and
     * text-decoration propagates to descendants (§7.17.4). */
    st.p->display_align = st.parent->display_align;
    st.p->text_decoration = st.parent->text_decoration;
    if (n_attrs > 0 && attrs)
        defs = ARENA_ARRAY(ctx->arena, const fo_propdef *, n_attrs);
    for (int i = 0; defs && i < n_attrs; i++) {
        defs[i] = attrs[i].name ? fo_propdef_find(attrs[i].name) : NULL;
        if (!defs[i] && attrs[i].name) {
            st.attr = &attrs[i];
            warn_unknown(&st, &attrs[i]);
        }
    }
    /* stable by priority: 9 passes beat sorting for the usual 2-10 attributes */
    for (int prio = 0; defs && prio <= 8; prio++)
        for (int i = 0; i < n_attrs; i++)
            if (defs[i] && defs[i]->priority == prio) {
                st.attr = &attrs[i];
                st.def = defs[i];
                apply_one(&st);
            }
    finalize(&st);
    return st.p;
}
