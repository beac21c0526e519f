/* render_trace: the area tree as deterministic text, the golden format of
 * the layout tests (docs/trace-format.md has the full description).
 *
 *   doc title="…" lang=ja                 (only the fields that are set)
 *   page 1 number=1 w=609526 h=862208     (wm=… when not lr-tb)
 *     region body i=0 b=0 ipd=… bpd=… wm=lr-tb
 *       block fo=block i=… b=… ipd=… bpd=… bg=#eeeeee border=1024,0,1024,0
 *         line i=… b=… ipd=… bpd=… base=…
 *           glyphs i=… b=… ipd=… bpd=… font=NotoSerifCJKjp-Regular size=10240 "テキスト"
 *           image i=… b=… ipd=… bpd=… src=images/x.png   (relative to the cwd)
 *           rule i=… b=… ipd=… bpd=… style=dotted thickness=… pattern=…
 *           link dest=ID i=… …   |   link uri=https://… i=… …
 *           dest id=ID i=… b=…
 *   bookmark "Title" dest=ID               (the outline, after the pages)
 *     bookmark "Child" dest=ID2 closed
 *
 * One area per line, two spaces of indent per depth, integers only
 * (lengths in 1/1024 pt, positions as in the area tree: logical, relative
 * to the parent). Defaults are omitted so traces stay short: no bg when
 * transparent, no border when all widths are 0, no border-style when every
 * bordered side is solid, no border-color/color when opaque black (sides
 * without a border show "-" in border-color). Text is
 * always quoted; other values are quoted only when they contain a space,
 * quote, backslash, '=' or control character. In quotes, \" \\ \n \t and
 * \xHH escape. Like the other renderers it writes a temporary file and
 * renames it at a successful end. */
#include "render.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../layout/image.h"
#include "../text/fonts.h"
#include "render_file.h"

typedef struct {
    renderer base;
    render_file out;
    char *path;
    char *cwd;      /* image paths are shown relative to it; may be NULL */
    int failed;
} render_trace;

static const char *trace_kind_name[] = {
    [AREA_REGION] = "region", [AREA_BLOCK] = "block", [AREA_LINE] = "line",
    [AREA_INLINE] = "inline", [AREA_GLYPHS] = "glyphs", [AREA_IMAGE] = "image",
    [AREA_RULE] = "rule", [AREA_LINK] = "link", [AREA_DEST] = "dest",
};

static const char *trace_wm_name(fo_writing_mode wm)
{
    static const char *names[] = { "lr-tb", "rl-tb", "tb-rl", "tb-lr" };
    return names[wm & 3];
}

static const char *trace_style_name(fo_border_style s)
{
    static const char *names[] = { "none", "hidden", "solid", "dotted", "dashed",
                                   "double", "groove", "ridge", "inset", "outset" };
    return (unsigned)s < sizeof names / sizeof *names ? names[s] : "?";
}

/* ---- values --------------------------------------------------------------- */

static void trace_quoted(FILE *f, const char *s, int n)
{
    fputc('"', f);
    for (int k = 0; n < 0 ? s[k] != 0 : k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\x%02X", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void trace_value(FILE *f, const char *s)
{
    int plain = *s != 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && plain; p++)
        plain = *p > 0x20 && *p != 0x7f && *p != '"' && *p != '\\' && *p != '=';
    if (plain)
        fputs(s, f);
    else
        trace_quoted(f, s, -1);
}

static void trace_attr(FILE *f, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(f, " %s=", name);
    trace_value(f, value);
}

static int trace_black(fo_color c)
{
    return c.r == 0 && c.g == 0 && c.b == 0 && c.a == 255;
}

/* #rrggbb, or #rrggbbaa when not opaque */
static void trace_hex(FILE *f, fo_color c, const char *after)
{
    fprintf(f, "#%02x%02x%02x", c.r, c.g, c.b);
    if (c.a != 255)
        fprintf(f, "%02x", c.a);
    fputs(after, f);
}

static void trace_color(FILE *f, const char *name, fo_color c)
{
    fprintf(f, " %s=", name);
    trace_hex(f, c, "");
}

/* ---- areas ---------------------------------------------------------------- */

static void trace_borders(FILE *f, const area *a)
{
    const mk_len *w = a->border_w;
    if (!w[0] && !w[1] && !w[2] && !w[3])
        return;
    fprintf(f, " border=%d,%d,%d,%d", w[0], w[1], w[2], w[3]);
    int solid = 1, black = 1;
    for (int s = 0; s < 4; s++) {
        solid &= !w[s] || a->border_style[s] == FO_BORDER_SOLID;
        black &= !w[s] || trace_black(a->border_color[s]);
    }
    if (!solid)
        fprintf(f, " border-style=%s,%s,%s,%s", trace_style_name(a->border_style[0]),
                trace_style_name(a->border_style[1]), trace_style_name(a->border_style[2]),
                trace_style_name(a->border_style[3]));
    if (!black) {
        fputs(" border-color=", f);
        for (int s = 0; s < 4; s++) /* "-": no border, no colour to show */
            if (w[s])
                trace_hex(f, a->border_color[s], s < 3 ? "," : "");
            else
                fputs(s < 3 ? "-," : "-", f);
    }
}

static void trace_glyphs(FILE *f, const area_glyphs *g)
{
    trace_attr(f, "font", g->font ? text_font_name(g->font) : "none");
    fprintf(f, " size=%d", g->size);
    if (g->baseline)
        fprintf(f, " base=%d", g->baseline);
    if (!trace_black(g->color))
        trace_color(f, "color", g->color);
    if (g->upright)
        fputs(" upright", f);
    if (g->role == AREA_RUBY)
        fputs(" ruby", f);
    else if (g->role == AREA_EMPHASIS)
        fputs(" emphasis", f);
    fputc(' ', f);
    trace_quoted(f, g->utf8 ? g->utf8 : "", g->utf8 ? g->utf8_len : 0);
}

static void trace_rule(FILE *f, const area_rule *r)
{
    fprintf(f, " style=%s thickness=%d", trace_style_name(r->style), r->thickness);
    if (r->pattern_width)
        fprintf(f, " pattern=%d", r->pattern_width);
    if (!trace_black(r->color))
        trace_color(f, "color", r->color);
}

/* What a line starts with: the kind and, for regions, the region's name
 * (the FO name without "region-"); fo= for blocks and inlines. */
static void trace_head(FILE *f, const area *a)
{
    fputs(trace_kind_name[a->kind], f);
    if (a->kind == AREA_REGION && a->fo) {
        const char *n = strncmp(a->fo, "region-", 7) == 0 ? a->fo + 7 : a->fo;
        fputc(' ', f);
        trace_value(f, n);
    } else if ((a->kind == AREA_BLOCK || a->kind == AREA_INLINE) && a->fo) {
        trace_attr(f, "fo", a->fo);
    }
    if (a->kind == AREA_LINK) {
        trace_attr(f, "dest", a->u.link.dest);
        trace_attr(f, "uri", a->u.link.uri);
    } else if (a->kind == AREA_DEST) {
        trace_attr(f, "id", a->u.dest_id);
    }
}

/* Image paths reach the cache resolved, often absolute; the trace shows
 * them relative to the working directory when they lie under it, so a
 * golden trace made from the project root is the same on every machine. */
static const char *trace_src(const render_trace *t, const area *a)
{
    const struct image *img = a->u.image.image;
    if (!img)
        return "(missing)";
    size_t n = t->cwd ? strlen(t->cwd) : 0;
    if (n > 1 && strncmp(img->path, t->cwd, n) == 0 && img->path[n] == '/')
        return img->path + n + 1;
    return img->path;
}

static void trace_area(const render_trace *t, FILE *f, const area *a, int depth)
{
    fprintf(f, "%*s", 2 * depth, "");
    trace_head(f, a);
    fprintf(f, " i=%d b=%d", a->i, a->b);
    if (a->kind != AREA_DEST)
        fprintf(f, " ipd=%d bpd=%d", a->ipd, a->bpd);
    if (a->kind == AREA_REGION || a->is_reference)
        fprintf(f, " wm=%s", trace_wm_name(a->wm));
    if (a->kind == AREA_LINE)
        fprintf(f, " base=%d", a->baseline);
    if (a->background.a)
        trace_color(f, "bg", a->background);
    trace_borders(f, a);
    if (a->kind == AREA_GLYPHS)
        trace_glyphs(f, &a->u.glyphs);
    else if (a->kind == AREA_IMAGE)
        trace_attr(f, "src", trace_src(t, a));
    else if (a->kind == AREA_RULE)
        trace_rule(f, &a->u.rule);
    fputc('\n', f);
    for (const area *c = a->first; c; c = c->next)
        trace_area(t, f, c, depth + 1);
}

static void trace_bookmarks(FILE *f, const area_bookmark *bm, int depth)
{
    for (; bm; bm = bm->next) {
        fprintf(f, "%*sbookmark ", 2 * depth, "");
        trace_quoted(f, bm->title ? bm->title : "", -1);
        trace_attr(f, "dest", bm->dest);
        trace_attr(f, "uri", bm->uri);
        if (!bm->open && bm->first)
            fputs(" closed", f);
        fputc('\n', f);
        trace_bookmarks(f, bm->first, depth + 1);
    }
}

/* ---- the renderer ----------------------------------------------------------- */

static int trace_begin(renderer *r, const area_doc_info *info, diag_list *diags)
{
    render_trace *t = (render_trace *)r;
    if (t->out.f || render_file_open(&t->out, t->path, diags) != 0)
        return t->failed = 1, -1;
    if (!info || !(info->title || info->author || info->subject || info->keywords || info->language))
        return 0;
    fputs("doc", t->out.f);
    trace_attr(t->out.f, "title", info->title);
    trace_attr(t->out.f, "author", info->author);
    trace_attr(t->out.f, "subject", info->subject);
    trace_attr(t->out.f, "keywords", info->keywords);
    trace_attr(t->out.f, "lang", info->language);
    fputc('\n', t->out.f);
    return 0;
}

static int trace_page(renderer *r, const area_page *page, diag_list *diags)
{
    (void)diags;
    render_trace *t = (render_trace *)r;
    if (!t->out.f || t->failed)
        return -1;
    FILE *f = t->out.f;
    fprintf(f, "page %d", page->index + 1);
    trace_attr(f, "number", page->number);
    fprintf(f, " w=%d h=%d", page->width, page->height);
    if (page->wm != FO_WM_LR_TB)
        fprintf(f, " wm=%s", trace_wm_name(page->wm));
    fputc('\n', f);
    /* the root is the page line itself: its children are the regions */
    if (page->root)
        for (const area *c = page->root->first; c; c = c->next)
            trace_area(t, f, c, 1);
    return 0;
}

static int trace_end(renderer *r, const area_bookmark *outline, diag_list *diags)
{
    render_trace *t = (render_trace *)r;
    if (!t->out.f || t->failed)
        return -1;
    trace_bookmarks(t->out.f, outline, 0);
    return render_file_commit(&t->out, diags);
}

static void trace_destroy(renderer *r)
{
    render_trace *t = (render_trace *)r;
    if (!t)
        return;
    render_file_discard(&t->out);
    free(t->cwd);
    free(t->path);
    free(t);
}

renderer *render_trace_new(const char *path)
{
    render_trace *t = calloc(1, sizeof *t);
    if (!t || !(t->path = strdup(path)))
        abort();
    t->base = (renderer){ trace_begin, trace_page, trace_end, trace_destroy };
    char buf[4096];
    if (getcwd(buf, sizeof buf) && !(t->cwd = strdup(buf)))
        abort();
    return &t->base;
}
