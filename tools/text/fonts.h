/* fonts: the font cache, fonts chosen through the project's own fontconfig
 * configuration (fonts/fonts.conf), so output never depends on the user's
 * desktop settings.
 *
 * A text_ctx owns a Pango font map built on that configuration and every
 * text_font it hands out; fonts stay valid until text_ctx_free. FO family
 * lists ("Helvetica, 'Noto Sans CJK JP', sans-serif") are resolved by
 * fontconfig aliases in fonts.conf: base-14 names map to metric-compatible
 * Liberation fonts, generic families to Noto, with Noto CJK JP as the CJK
 * fallback of each. */
#ifndef MKDOC_FONTS_H
#define MKDOC_FONTS_H

#include <stdint.h>
#include "../base/diag.h"
#include "../base/units.h"

typedef struct text_ctx text_ctx;
typedef struct text_font text_font;

/* fonts_conf: path of the fontconfig file to use (NULL: the one in
 * MKDOC_FONTS_CONF or <datadir>/fonts/fonts.conf). */
text_ctx *text_ctx_new(const char *fonts_conf, diag_list *diags);
void text_ctx_free(text_ctx *ctx);

typedef struct {
    mk_len ascent, descent;      /* positive, from the font's own tables */
    mk_len underline_position, underline_thickness;
    mk_len em;                   /* the font size */
    /* Added: the ideographic em box (JLREQ's character frame), positive
     * above and below the baseline, from the font's BASE table (Noto CJK:
     * 0.88 em and 0.12 em); a font without one gets a 1 em box divided as
     * its ascent and descent are. ascent/descent are the font's line
     * metrics (hhea, as browsers use them), for Noto CJK much taller
     * (1.15 em and 0.29 em). underline_position is positive below the
     * baseline. */
    mk_len em_ascent, em_descent;
} text_font_metrics;

void text_font_get_metrics(const text_font *font, text_font_metrics *m);
/* The ink box of one glyph from its origin: left and right along the
 * advance, top and bottom positive upwards (Pango units are mk units at
 * mkdoc's 72 dpi). Emphasis dots (JLREQ 3.3.9) are set by their ink, so
 * they are centred on their character and fit in the half-leading. */
typedef struct { mk_len left, right, top, bottom; } text_ink;
void text_font_glyph_ink(const text_font *font, uint32_t glyph, text_ink *ink);
/* PostScript-ish name for traces and messages ("NotoSerifCJKjp-Regular"). */
const char *text_font_name(const text_font *font);
/* The cairo_scaled_font_t * of the font (for renderers); not owned. */
void *text_font_cairo(const text_font *font);

/* The first font of the family list for the given style, at size, for the
 * language (so Han characters get Japanese forms in Japanese text). Used
 * for metrics of empty lines and for leaders. Never NULL. */
const text_font *text_font_primary(text_ctx *ctx, const char *family,
                                   mk_len size, int weight, int style,
                                   const char *lang);

/* ---- Additions for shape.c and renderers. Pango objects are typed void *
 * so that this header (and the layout code including it) needs no Pango. */

/* The PangoContext all shaping goes through (72 dpi, no hinting, no
 * rounding, language "ja" unless a run says otherwise); not owned. */
void *text_ctx_pango(text_ctx *ctx);

/* The text_font for a PangoFont * (from a PangoItem); the cache takes its
 * own reference, so each PangoFont appears once. Never NULL. */
const text_font *text_font_from_pango(text_ctx *ctx, void *pango_font);

/* A new PangoFontDescription * for an FO family list and style; the
 * caller frees it with pango_font_description_free. */
void *text_ctx_font_description(text_ctx *ctx, const char *family,
                                mk_len size, int weight, int style);

/* An FO font-family list ("'Noto Serif CJK JP', serif") as a Pango family
 * string ("Noto Serif CJK JP,serif"): quotes and blanks around names
 * removed. Interned by ctx: valid until text_ctx_free. NULL or empty gives
 * "serif". */
const char *text_ctx_family(text_ctx *ctx, const char *fo_family);

/* The PangoFont * behind a text_font (for renderers); not owned. */
void *text_font_pango(const text_font *font);

/* ---- Options of the text stage, and helpers it owns. ---- */

/* missing_is_error = 1: a character no font can draw is reported as an
 * error instead of a warning (the CLI's --strict), so the run fails with
 * the same message, location and advice; shaping still goes on, so every
 * such character is listed. Default 0. */
void text_ctx_set_missing_is_error(text_ctx *ctx, int missing_is_error);
int text_ctx_missing_is_error(const text_ctx *ctx);

struct breaks_icu;
/* The ICU line breaker shape.c uses for Burmese, Khmer and Lao
 * (breaks_icu.h), created on first use; owned by ctx. */
struct breaks_icu *text_ctx_breaks_icu(text_ctx *ctx);

#endif
