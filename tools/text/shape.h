/* shape: itemizing and shaping a paragraph's text with Pango/HarfBuzz.
 *
 * Input: the paragraph's text as one UTF-8 string and the runs of it that
 * share one style. Output: clusters (the smallest units that line breaking
 * and justification may separate: a character and its combining marks, a
 * ligature, an Indic syllable) with their glyphs, advances, the font that
 * drew them, and the Unicode line-break opportunity before each.
 *
 * Break opportunities (break_before) are UAX #14 as Pango computes them,
 * with its dictionary breaks for Thai (libthai), and two tailorings:
 *   - Burmese, Khmer and Lao (Myanmar, Khmer, Lao script, whatever the
 *     language): inside each span of such text, ICU's dictionary breaks
 *     (breaks_icu.h), with the run's xml:lang as ICU's locale;
 *   - Korean words are kept whole ("keep-all"): no break between two
 *     letters or digits when one is Hangul (한국어, 2022년, OECD가), nor
 *     between Han characters in a run whose language is Korean; lines
 *     break at spaces, as Korean is set. xml:lang="ko-u-lw-normal" (or
 *     "-u-lw-breakall", CLDR's line-break word keys) on a run gives UAX
 *     #14's breaks between syllables back.
 * Han characters are shaped in their run's language, so xml:lang="ko",
 * "zh-CN", "zh-TW", "zh-HK" give each region's forms (locl); fonts.conf
 * picks the regional Noto CJK face for them.
 * Characters no font can draw are reported once per paragraph as warnings
 * naming the character, U+code and the run's location (errors when
 * text_ctx_set_missing_is_error is on); they are still shaped (with
 * .notdef), so nothing disappears silently.
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
    int horizontal;           /* in vertical writing: set this run
                                 horizontally (tate-chu-yoko, upright = 0) */
    const char *features;     /* OpenType features for the run ("hwid"),
                                 CSS syntax, or NULL; not owned */
} shape_run;

/* A glyph id meaning "nothing to draw" (default-ignorable and control
 * characters such as ZWSP or a tab); it still has its advance. */
#define SHAPE_GLYPH_NONE UINT32_MAX

/* Glyphs of one cluster are in visual (left-to-right) order; clusters are
 * in logical order, so the line builder reorders each line by the
 * clusters' bidi levels (shape_visual_order). In vertical text, an upright
 * cluster's advance runs down the line and its offsets are Pango's for its
 * rotated (east gravity) frame; a sideways cluster is set as horizontal
 * text turned 90 degrees clockwise. */
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
    uint8_t level;                   /* the UAX #9 embedding level (0 in a
                                        left-to-right paragraph, 1 for
                                        Arabic in it, 2 for digits inside
                                        that): what the line builder needs
                                        to reorder a line (UAX #9 L2) */
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

/* The order in which to draw the clusters of one line, for the line
 * builder: UAX #9 rules L1 (white space at the end of the line takes the
 * paragraph's level) and L2 (from the highest level down to the lowest
 * odd one, reverse every maximal run of clusters at that level or
 * higher). clusters[0, n) are the line's clusters in logical order;
 * order[k] receives the index (into clusters) of the k-th cluster from
 * the line's start edge. para_level is 0 for a left-to-right paragraph.
 * A line with every level even comes back in logical order. */
void shape_visual_order(const shape_cluster *clusters, size_t n,
                        uint8_t para_level, uint32_t *order);

/* L2 alone, for a line of items that are not all clusters (glue, inline
 * objects): levels[0, n) in logical order, with L1 and the levels of
 * neutral items already decided by the caller; order as above. */
void shape_reorder_levels(const uint8_t *levels, size_t n, uint32_t *order);

#endif
