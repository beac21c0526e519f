/* shape: itemizing and shaping a paragraph's text with Pango/HarfBuzz.
 *
 * Input: the paragraph's text as one UTF-8 string and the runs of it that
 * share one style. Output: clusters (the smallest units that line breaking
 * and justification may separate: a character and its combining marks, a
 * ligature, an Indic syllable) with their glyphs, advances, the font that
 * drew them, and the Unicode line-break opportunity before each
 * (Pango's log attributes, UAX #14 with Pango's script-specific breakers).
 * Characters no font can draw are reported once per paragraph as warnings
 * naming the character, U+code and the run's location; they are still
 * shaped (with .notdef), so nothing disappears silently.
 *
 * The result owns its arrays; free with shape_result_free. */
#ifndef MKDOC_SHAPE_H
#define MKDOC_SHAPE_H

#include <stddef.h>
#include <stdint.h>
#include "../base/diag.h"
#include "../base/units.h"
#include "fonts.h"

typedef struct {
    size_t start, len;        /* byte range in the paragraph text */
    const char *family;       /* FO font-family list, not owned */
    mk_len size;
    int weight;               /* 100..900 */
    int style;                /* 0 normal, 1 italic, 2 oblique */
    const char *lang;         /* BCP 47 (xml:lang), may be NULL; not owned */
    mk_len letter_spacing;
    diag_loc loc;             /* where the run's text came from */
    int vertical;             /* 1: vertical writing (issue 3); read from
                                 the first run: a paragraph is all one */
} shape_run;

/* A glyph id meaning "nothing to draw" (default-ignorable and control
 * characters such as ZWSP or a tab); it still has its advance. */
#define SHAPE_GLYPH_NONE UINT32_MAX

/* Glyphs of one cluster are in visual (left-to-right) order; clusters are
 * in logical order, so the line builder reverses rtl runs. In vertical text, an upright cluster's advance runs down the line and
 * its offsets are Pango's for its rotated (east gravity) frame; a sideways
 * cluster is set as horizontal text turned 90 degrees clockwise. */
typedef struct {
    uint32_t id;              /* glyph index in its cluster's font; .notdef
                                 (0) where missing, or SHAPE_GLYPH_NONE */
    mk_len advance;
    mk_len x_off, y_off;
} shape_glyph;

typedef struct {
    uint32_t byte_start, byte_len;   /* in the paragraph text */
    uint32_t glyph_start, n_glyphs;  /* in shape_result.glyphs */
    uint32_t cp;                     /* first code point of the cluster */
    mk_len advance;                  /* sum of the glyph advances */
    const text_font *font;           /* not owned: the text_ctx's cache */
    uint32_t run;                    /* index into the runs */
    uint8_t break_before;            /* a line may break before this cluster (UAX #14) */
    uint8_t mandatory_break;         /* a forced break before this (after LF) */
    uint8_t is_space;                /* white space */
    uint8_t rtl;                     /* bidi level odd */
    uint8_t missing;                 /* drawn with .notdef: no font has it */
    uint8_t upright;                 /* added: vertical text set upright (CJK);
                                        0 in vertical text = turned sideways */
} shape_cluster;

typedef struct {
    shape_cluster *clusters; size_t n_clusters;
    shape_glyph *glyphs; size_t n_glyphs;
} shape_result;

int shape_paragraph(text_ctx *ctx, const char *text, size_t len,
                    const shape_run *runs, size_t n_runs,
                    shape_result *out, diag_list *diags);
void shape_result_free(shape_result *r);

#endif
