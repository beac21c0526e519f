/* area: the area tree, what layout produces and renderers consume.
 *
 * One area_page per page, built in the page's arena and handed to the
 * renderers as soon as it is complete, then freed (pages are streamed, so
 * memory does not grow with the document). Positions are logical: i is
 * the inline-progression offset and b the block-progression offset of an
 * area's start-before corner from its parent's content origin, in the
 * writing mode of the nearest reference area (page regions, block
 * containers). Only renderers map them to physical x/y (see
 * area_to_physical), so vertical writing needs no second layout engine.
 * Renderers never change the tree.
 *
 * Geometry, exactly (render_cairo.c and render_trace.c implement this):
 * - An area's i, b, ipd, bpd are its BORDER box. i, b are offsets from the
 *   parent's border-box start-before corner (that is what "content origin"
 *   means here: the tree stores no padding, so layout adds the parent's
 *   border and padding widths into each child's i and b).
 * - Frames: the nearest ancestor reference area (is_reference set, or
 *   AREA_REGION) gives the writing mode and frame size for its
 *   descendants. A reference area's own rectangle is in its parent's
 *   frame; its wm, borders and children are in its own.
 * - page->root is made by area_page_new: an lr-tb frame the size of the
 *   page, so regions (its children) are placed with i = x and b = y from
 *   the page's top-left corner. page->wm is informational (the trace).
 * - Borders are drawn inside the border box, border_w[AREA_BEFORE..START]
 *   mapped to physical sides by the frame's writing mode (XSL 1.1 §7.3);
 *   corners are mitred. Styles: none/hidden draw nothing; solid, dashed,
 *   dotted and double as in CSS; groove/ridge/inset/outset draw solid.
 *   The background fills the padding box: the border box minus the border
 *   widths. A colour with a = 0 draws nothing (a zeroed colour is
 *   transparent, so set border_color and glyph colours explicitly).
 * - AREA_LINE.baseline: from the line's before edge to its baseline; for
 *   the trace and for layout's own use (glyph runs carry their own).
 * - AREA_GLYPHS: the run's origin is its start edge on its baseline:
 *   (i, b + u.glyphs.baseline). Each glyph's i, b are ABSOLUTE offsets
 *   from that origin (layout accumulates advances; the renderer adds
 *   nothing): i along the inline axis in visual order, left to right in
 *   horizontal modes (as the shaper outputs, also for rl-tb), b towards
 *   the block end (down in horizontal text: HarfBuzz's y_offset negated).
 *   utf8 and clusters mean what they mean to cairo_show_text_glyphs (the
 *   text behind the glyphs, forward clusters); the byte and glyph counts
 *   must add up to utf8_len and n_glyphs, else the renderer falls back to
 *   one cluster for the whole run (text still extracts, in one piece).
 *   size is informational: the font (text_font_cairo) carries its size.
 *   Vertical modes (tb-rl, tb-lr): baseline is the distance from the
 *   run's before edge (the right edge in tb-rl) to the run's central line;
 *   i runs down. upright = 1: glyphs stand unrotated, their em box centred
 *   on the central line with the box's top at glyph i (Noto CJK: the
 *   alphabetic baseline 0.88 em below that top). upright = 0: glyphs are
 *   turned 90° clockwise (Latin in vertical text), each at glyph i, their
 *   em box centred on the central line.
 * - AREA_IMAGE: the image is stretched to fill the padding box; layout
 *   decides size and aspect ratio. Images stay upright in vertical text.
 * - AREA_RULE: along the inline axis across ipd, thickness centred in bpd
 *   (thickness 0 draws 1pt). dotted: round dots of diameter thickness on a
 *   grid of pattern_width (default 3 × thickness) counted from the
 *   reference area's start edge, so leaders on successive lines align;
 *   dashed: dashes of 3/5 pattern_width (default 5 × thickness) on that
 *   grid; double: two lines of thickness/3 at the band's edges.
 * - AREA_LINK: a link over i, b, ipd, bpd: uri (external) or dest (an id
 *   of some AREA_DEST anywhere in the document). AREA_DEST: a named
 *   destination at the area's start-before corner. */
#ifndef MKDOC_AREA_H
#define MKDOC_AREA_H

#include <stdint.h>
#include "../base/arena.h"
#include "../base/diag.h"
#include "../base/units.h"
#include "../fo/fo_props.h"

struct text_font; /* text/fonts.h; areas borrow fonts from the font cache */
struct image;     /* layout/image.h; borrowed from the document's image cache */

typedef enum {
    AREA_REGION,   /* region viewport+reference: writing mode, background */
    AREA_BLOCK,    /* block-level area: background, borders */
    AREA_LINE,     /* line area: baseline at b + baseline */
    AREA_INLINE,   /* inline area with background/borders/links (fo:inline) */
    AREA_GLYPHS,   /* one run of glyphs in one font */
    AREA_IMAGE,
    AREA_RULE,     /* leader rules, underlines: a filled rectangle/pattern */
    AREA_LINK,     /* link annotation over i,b,ipd,bpd */
    AREA_DEST      /* named destination (an id) at i,b */
} area_kind;

typedef struct {
    uint32_t id;      /* glyph index in font */
    mk_len i, b;      /* origin on the baseline, relative to the run's origin */
} area_glyph;

typedef struct {
    int num_bytes, num_glyphs; /* as cairo_text_cluster_t */
} area_cluster;

typedef struct {
    const struct text_font *font; /* not owned */
    mk_len size;
    fo_color color;
    const char *utf8; int utf8_len;   /* the text these glyphs show */
    area_glyph *glyphs; int n_glyphs;
    area_cluster *clusters; int n_clusters;
    mk_len baseline;                   /* baseline offset from the run's b */
    uint8_t upright;                   /* vertical text: CJK upright (1) or rotated (0) */
    uint8_t role;                      /* AREA_TEXT, AREA_RUBY, AREA_EMPHASIS */
} area_glyphs;

/* What a glyph run shows. Ruby and emphasis dots (JLREQ 3.3) are runs of
 * their line placed on its before side (above in lr-tb, right in tb-rl):
 * b is where the run's box starts, bpd its size, baseline as for text.
 * Renderers draw them like text; the trace names them. */
enum { AREA_TEXT, AREA_RUBY, AREA_EMPHASIS };

typedef struct {
    const struct image *image; /* not owned */
} area_image;

typedef struct {
    fo_border_style style;
    fo_color color;
    mk_len thickness;          /* the rule is drawn centred in bpd */
    mk_len pattern_width;      /* dots: the repeat width */
} area_rule;

typedef struct {
    const char *uri;           /* external link, or NULL */
    const char *dest;          /* internal destination id, or NULL */
} area_link;

typedef struct area area;
struct area {
    area_kind kind;
    area *parent, *first, *last, *next; /* not owned: page arena */
    mk_len i, b, ipd, bpd;
    fo_writing_mode wm;        /* AREA_REGION / reference blocks */
    uint8_t is_reference;      /* establishes a new writing-mode frame */
    fo_color background;
    mk_len border_w[4];        /* before, end, after, start (logical) */
    fo_border_style border_style[4];
    fo_color border_color[4];
    mk_len baseline;           /* AREA_LINE: baseline offset from b */
    const char *fo;            /* producing FO's name, for the trace */
    diag_loc loc;              /* producing FO's location */
    union {
        area_glyphs glyphs;
        area_image image;
        area_rule rule;
        area_link link;
        const char *dest_id;   /* AREA_DEST */
    } u;
};

enum { AREA_BEFORE, AREA_END, AREA_AFTER, AREA_START };

typedef struct {
    arena *arena;              /* owns the page's areas and strings */
    int index;                 /* 0-based position in the document */
    const char *number;        /* formatted page number ("12", "iv") */
    mk_len width, height;      /* physical, in units */
    fo_writing_mode wm;
    area *root;                /* children: the page's regions */
} area_page;

area_page *area_page_new(int index, mk_len width, mk_len height);
void area_page_free(area_page *page);
area *area_new(area_page *page, area *parent, area_kind kind);
void area_append(area *parent, area *child);

/* Document-wide outline (from fo:bookmark-tree), kept until the end. */
typedef struct area_bookmark area_bookmark;
struct area_bookmark {
    const char *title;         /* UTF-8 */
    const char *dest;          /* internal destination id or NULL */
    const char *uri;           /* external destination or NULL */
    int open;
    area_bookmark *first, *next;
};

typedef struct {
    const char *title, *author, *subject, *keywords, *creator;
    const char *language;      /* document language (xml:lang of root/first page-sequence) */
    int64_t creation_time;     /* seconds since the epoch (SOURCE_DATE_EPOCH) */
    uint8_t pages_rtl;         /* pages progress right to left: the first
                                * page's body is tb-rl (a vertical book,
                                * JLREQ 2.3.2 VT-1) or rl-tb */
} area_doc_info;

#endif
