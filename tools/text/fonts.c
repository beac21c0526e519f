/* fonts: the font cache on the project's own fontconfig configuration.
 *
 * Determinism is the point of this file. Three things would otherwise make
 * the same document typeset differently on two machines:
 *   - the user's fontconfig settings: we load fonts/fonts.conf into a fresh
 *     FcConfig and never touch the process-wide default one;
 *   - hinting and rounding: hinted advances depend on the rasteriser, and
 *     rounded ones lose up to half a pixel per glyph; we turn both off, so
 *     an advance is the font's design advance scaled to the size, in Pango
 *     units (1/1024 pt at the 72 dpi we set);
 *   - the locale: Pango's default language comes from $LANG; we pin it to
 *     "ja", the language of most of our documents.
 * Each PangoFont the shaper meets is wrapped once in a text_font that holds
 * the things layout asks for often (name, metrics), read once from the
 * font's own tables through HarfBuzz. */
#include "fonts.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <harfbuzz/hb-ot.h>
#include <harfbuzz/hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "breaks_icu.h"

#ifndef MKDOC_DATADIR
#define MKDOC_DATADIR "."
#endif

/* Text with no language of its own is Japanese (see CONTEXT.md). */
#define TEXT_DEFAULT_LANG "ja"

struct text_font {
    PangoFont *pango;          /* one reference, held by the cache */
    PangoFont *upright;        /* vertical gravity: the same face unrotated,
                                * which draws upright glyphs (one reference) */
    char *name;                /* PostScript name */
    text_font_metrics metrics;
};

struct text_ctx {
    FcConfig *fc;
    PangoFontMap *map;
    PangoContext *pango;
    GHashTable *fonts;         /* PangoFont * -> text_font * (owned) */
    GHashTable *families;      /* FO family list -> Pango family string */
    breaks_icu *icu;           /* lazily: most documents have no Burmese */
    int missing_is_error;
};

/* ---- configuration ---- */

static const char *fonts_conf_path(const char *arg)
{
    if (arg && *arg)
        return arg;
    const char *env = getenv("MKDOC_FONTS_CONF");
    if (env && *env)
        return env;
    return MKDOC_DATADIR "/fonts/fonts.conf";
}

/* fontconfig looks a relative file name up in /etc/fonts, not in the
 * working directory, so it gets an absolute one. */
static char *fonts_absolute(const char *path)
{
    if (path[0] == '/')
        return g_strdup(path);
    char *cwd = g_get_current_dir();
    char *abs = g_build_filename(cwd, path, NULL);
    g_free(cwd);
    return abs;
}

static FcConfig *fonts_load_config(const char *path, diag_list *diags)
{
    diag_loc loc = {path, 0, 0};
    if (access(path, R_OK) != 0) {
        diag_add(diags, DIAG_ERROR, STAGE_TEXT, loc,
                 "cannot read the font configuration; set MKDOC_FONTS_CONF "
                 "to the path of mkdoc's fonts/fonts.conf");
        return NULL;
    }
    char *abs = fonts_absolute(path);
    FcConfig *fc = FcConfigCreate();
    if (!fc)
        abort();
    FcBool ok = FcConfigParseAndLoad(fc, (const FcChar8 *)abs, FcTrue);
    g_free(abs);
    if (!ok) {
        diag_add(diags, DIAG_ERROR, STAGE_TEXT, loc,
                 "the font configuration is not valid fontconfig XML "
                 "(fontconfig printed the details above)");
        FcConfigDestroy(fc);
        return NULL;
    }
    FcConfigBuildFonts(fc);
    FcFontSet *set = FcConfigGetFonts(fc, FcSetSystem);
    if (!set || set->nfont == 0) {
        /* Without this check every later lookup would come back empty. */
        diag_add(diags, DIAG_ERROR, STAGE_TEXT, loc,
                 "no fonts found in the directories this configuration "
                 "names; install fonts-noto-cjk, fonts-noto-core and "
                 "fonts-liberation (see fonts/README.md)");
        FcConfigDestroy(fc);
        return NULL;
    }
    return fc;
}

/* Exact, unhinted, unrounded metrics: see the note at the top. */
static PangoContext *fonts_make_context(PangoFontMap *map)
{
    PangoContext *pc = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(pc, 72.0);
    cairo_font_options_t *opt = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(opt, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(opt, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(opt, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(pc, opt);
    cairo_font_options_destroy(opt);
    pango_context_set_round_glyph_positions(pc, FALSE);
    pango_context_set_base_dir(pc, PANGO_DIRECTION_LTR);
    pango_context_set_language(pc, pango_language_from_string(TEXT_DEFAULT_LANG));
    PangoFontDescription *d = pango_font_description_from_string("serif 10");
    pango_context_set_font_description(pc, d);
    pango_font_description_free(d);
    return pc;
}

static void fonts_font_free(void *p)
{
    text_font *f = p;
    g_object_unref(f->pango);
    if (f->upright)
        g_object_unref(f->upright);
    free(f->name);
    free(f);
}

text_ctx *text_ctx_new(const char *fonts_conf, diag_list *diags)
{
    FcConfig *fc = fonts_load_config(fonts_conf_path(fonts_conf), diags);
    if (!fc)
        return NULL;
    text_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        abort();
    ctx->fc = fc;
    ctx->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    assert(ctx->map && PANGO_IS_FC_FONT_MAP(ctx->map));
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(ctx->map), fc);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(ctx->map), 72.0);
    ctx->pango = fonts_make_context(ctx->map);
    ctx->fonts = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                       fonts_font_free);
    ctx->families = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          g_free);
    return ctx;
}

void text_ctx_free(text_ctx *ctx)
{
    if (!ctx)
        return;
    /* Fonts first: they belong to the font map. */
    g_hash_table_destroy(ctx->fonts);
    g_hash_table_destroy(ctx->families);
    breaks_icu_free(ctx->icu);
    g_object_unref(ctx->pango);
    g_object_unref(ctx->map);
    FcConfigDestroy(ctx->fc); /* the map held its own reference */
    free(ctx);
}

void *text_ctx_pango(text_ctx *ctx) { return ctx->pango; }

void text_ctx_set_missing_is_error(text_ctx *ctx, int missing_is_error)
{
    ctx->missing_is_error = missing_is_error != 0;
}

int text_ctx_missing_is_error(const text_ctx *ctx) { return ctx->missing_is_error; }

breaks_icu *text_ctx_breaks_icu(text_ctx *ctx)
{
    if (!ctx->icu)
        ctx->icu = breaks_icu_new();
    return ctx->icu;
}

/* ---- family lists ---- */

/* Appends one name of an FO family list, unquoted and trimmed. */
static void fonts_family_append(GString *out, const char *s, size_t n)
{
    while (n && g_ascii_isspace(s[0]))
        s++, n--;
    while (n && g_ascii_isspace(s[n - 1]))
        n--;
    if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0])
        s++, n -= 2;
    if (!n)
        return;
    if (out->len)
        g_string_append_c(out, ',');
    g_string_append_len(out, s, (gssize)n);
}

/* Pango splits the family on ',' and does not trim, so blanks must go. A
 * comma inside a quoted name cannot be passed on; such names do not exist
 * among the fonts we configure. */
static char *fonts_family_convert(const char *fo)
{
    GString *out = g_string_new(NULL);
    const char *start = fo;
    char quote = 0;
    for (const char *p = fo;; p++) {
        if (quote && *p) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == ',' || !*p) {
            fonts_family_append(out, start, (size_t)(p - start));
            start = p + 1;
            if (!*p)
                break;
        }
    }
    if (!out->len)
        g_string_append(out, "serif");
    return g_string_free(out, FALSE);
}

const char *text_ctx_family(text_ctx *ctx, const char *fo_family)
{
    if (!fo_family)
        fo_family = "";
    const char *hit = g_hash_table_lookup(ctx->families, fo_family);
    if (hit)
        return hit;
    char *conv = fonts_family_convert(fo_family);
    g_hash_table_insert(ctx->families, g_strdup(fo_family), conv);
    return conv;
}

void *text_ctx_font_description(text_ctx *ctx, const char *family,
                                mk_len size, int weight, int style)
{
    PangoFontDescription *d = pango_font_description_new();
    pango_font_description_set_family(d, text_ctx_family(ctx, family));
    /* mk_len is 1/1024 pt = a Pango unit at 72 dpi: no conversion. */
    pango_font_description_set_absolute_size(d, size > 0 ? size : 10 * MK_PT);
    pango_font_description_set_weight(d, weight >= 100 && weight <= 1000
                                             ? (PangoWeight)weight
                                             : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d, style == 1   ? PANGO_STYLE_ITALIC
                                        : style == 2 ? PANGO_STYLE_OBLIQUE
                                                     : PANGO_STYLE_NORMAL);
    return d;
}

/* ---- fonts ---- */

static char *fonts_ps_name(PangoFont *pf, hb_font_t *hb)
{
    char buf[128];
    unsigned int len = sizeof buf;
    hb_face_t *face = hb_font_get_face(hb);
    if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
                            HB_LANGUAGE_INVALID, &len, buf) > 0)
        return strdup(buf);
    /* No name table entry: fall back to what fontconfig knows. */
    FcPattern *pat = pango_fc_font_get_pattern(PANGO_FC_FONT(pf));
    FcChar8 *s = NULL;
    if (pat && (FcPatternGetString(pat, FC_POSTSCRIPT_NAME, 0, &s) == FcResultMatch ||
                FcPatternGetString(pat, FC_FAMILY, 0, &s) == FcResultMatch))
        return strdup((const char *)s);
    return strdup("unknown");
}

/* HarfBuzz units to ours, rounded half away from zero, in integers so the
 * result cannot depend on floating point. Pango scales its hb_font so that
 * one em is size * PANGO_SCALE, which at our 72 dpi makes this the identity;
 * the division is there in case a future Pango scales otherwise. */
typedef struct {
    int64_t em, scale;
} fonts_units;

static mk_len fonts_to_len(fonts_units u, hb_position_t v)
{
    if (u.scale == u.em || u.scale == 0)
        return (mk_len)v;
    int64_t n = (int64_t)v * u.em, h = u.scale / 2;
    return (mk_len)(n >= 0 ? (n + h) / u.scale : -((-n + h) / u.scale));
}

/* The ideographic em box of the Han script, whatever script the font is
 * for: it is the frame Japanese composition sets every character in. CJK
 * fonts give its bottom in the BASE table ('ideo'; Noto CJK has no 'idtp',
 * and the top is then one em above, OpenType BASE spec). A font without
 * one gets a 1 em box split as its ascent and descent are. */
static void fonts_em_box(hb_font_t *hb, fonts_units u, text_font_metrics *m)
{
    hb_position_t top = 0, bottom = 0;
    hb_tag_t hani = HB_TAG('h', 'a', 'n', 'i');
    if (hb_ot_layout_get_baseline(hb, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT,
                                  HB_DIRECTION_LTR, hani, HB_TAG_NONE, &bottom)) {
        m->em_descent = -fonts_to_len(u, bottom);
        m->em_ascent = m->em - m->em_descent;
        if (hb_ot_layout_get_baseline(hb, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                      HB_DIRECTION_LTR, hani, HB_TAG_NONE, &top))
            m->em_ascent = fonts_to_len(u, top);
        return;
    }
    int64_t total = (int64_t)m->ascent + m->descent;
    m->em_ascent = total > 0 ? (mk_len)((int64_t)m->em * m->ascent / total) : m->em;
    m->em_descent = m->em - m->em_ascent;
}

static void fonts_read_metrics(PangoFont *pf, hb_font_t *hb, text_font_metrics *m)
{
    PangoFontDescription *d = pango_font_describe_with_absolute_size(pf);
    m->em = pango_font_description_get_size(d);
    pango_font_description_free(d);
    int xs, ys;
    hb_font_get_scale(hb, &xs, &ys);
    fonts_units u = {m->em, ys};

    hb_font_extents_t ext;
    hb_font_get_h_extents(hb, &ext);
    m->ascent = fonts_to_len(u, ext.ascender);
    m->descent = -fonts_to_len(u, ext.descender);
    fonts_em_box(hb, u, m);

    hb_position_t pos = 0, thick = 0;
    if (!hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_UNDERLINE_OFFSET, &pos))
        pos = -ys / 10;                   /* a tenth of the em below */
    if (!hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_UNDERLINE_SIZE, &thick) ||
        thick <= 0)
        thick = ys / 20;
    /* The font's post.underlinePosition, positive below the baseline like
     * descent. */
    m->underline_position = -fonts_to_len(u, pos);
    m->underline_thickness = fonts_to_len(u, thick);
}

/* Pango gives a font used with an east or west gravity (CJK in vertical
 * text) a scaled font turned by 90°; glyphs drawn with it lie on their
 * side. The renderer sets upright glyphs itself, so it draws them with
 * the same face loaded with the south (unturned) gravity. NULL for fonts
 * that are not turned. */
static PangoFont *fonts_unrotated(text_ctx *ctx, PangoFont *pf)
{
    PangoFontDescription *d = pango_font_describe(pf);
    PangoFont *up = NULL;
    if (PANGO_GRAVITY_IS_VERTICAL(pango_font_description_get_gravity(d))) {
        pango_font_description_set_gravity(d, PANGO_GRAVITY_SOUTH);
        up = pango_font_map_load_font(ctx->map, ctx->pango, d);
    }
    pango_font_description_free(d);
    return up;
}

const text_font *text_font_from_pango(text_ctx *ctx, void *pango_font)
{
    PangoFont *pf = pango_font;
    assert(pf);
    text_font *f = g_hash_table_lookup(ctx->fonts, pf);
    if (f)
        return f;
    f = calloc(1, sizeof *f);
    if (!f)
        abort();
    f->pango = g_object_ref(pf);
    f->upright = fonts_unrotated(ctx, pf);
    PangoFont *face = f->upright ? f->upright : pf; /* metrics: unrotated */
    hb_font_t *hb = pango_font_get_hb_font(face); /* not owned */
    f->name = fonts_ps_name(face, hb);
    fonts_read_metrics(face, hb, &f->metrics);
    g_hash_table_insert(ctx->fonts, pf, f);
    return f;
}

void text_font_get_metrics(const text_font *font, text_font_metrics *m)
{
    *m = font->metrics;
}

const char *text_font_name(const text_font *font) { return font->name; }

void text_font_glyph_ink(const text_font *font, uint32_t glyph, text_ink *ink)
{
    PangoRectangle r;
    pango_font_get_glyph_extents(font->pango, glyph, &r, NULL);
    ink->left = r.x;
    ink->right = r.x + r.width;
    ink->top = -r.y;
    ink->bottom = -(r.y + r.height);
}

void *text_font_cairo(const text_font *font)
{
    PangoFont *pf = font->upright ? font->upright : font->pango;
    return pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(pf));
}

void *text_font_pango(const text_font *font) { return font->pango; }

static gboolean fonts_take_first(PangoFontset *fs, PangoFont *font, gpointer data)
{
    (void)fs;
    *(PangoFont **)data = font;
    return TRUE; /* stop: only the first font of the list is wanted */
}

const text_font *text_font_primary(text_ctx *ctx, const char *family,
                                   mk_len size, int weight, int style,
                                   const char *lang)
{
    PangoFontDescription *d =
        text_ctx_font_description(ctx, family, size, weight, style);
    PangoLanguage *l = pango_language_from_string(
        lang && *lang ? lang : TEXT_DEFAULT_LANG);
    PangoFontset *fs = pango_font_map_load_fontset(ctx->map, ctx->pango, d, l);
    pango_font_description_free(d);
    PangoFont *first = NULL;
    if (fs)
        pango_fontset_foreach(fs, fonts_take_first, &first);
    /* text_ctx_new checked that the configuration has fonts, and the list
     * always ends in fallbacks, so a fontset is never empty. */
    assert(first);
    const text_font *f = text_font_from_pango(ctx, first);
    g_object_unref(fs);
    return f;
}
