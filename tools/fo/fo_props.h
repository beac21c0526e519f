/* fo_props: computed property values of one formatting object.
 *
 * fo_props_compute turns the specified attributes of an element (strings)
 * into typed values, inheriting from the parent's computed values where
 * XSL 1.1 §7 says the property is inherited, and resolving em units and
 * font-size percentages on the spot. Percentages of a containing area's
 * dimension cannot be known before layout, so lengths are kept as
 * fo_len = fixed + percent-of-base, and layout calls fo_len_resolve.
 *
 * Shorthands (margin, padding, border, border-*, font, space-before.*)
 * are expanded; writing-mode-relative names (start/end/before/after) are
 * mapped to the absolute ones for lr-tb and tb-rl (XSL 1.1 §7.3).
 * Everything lives in the tree's arena. */
#ifndef MKDOC_FO_PROPS_H
#define MKDOC_FO_PROPS_H

#include <stdint.h>
#include "../base/arena.h"
#include "../base/diag.h"
#include "../base/units.h"

typedef struct {
    mk_len fixed;
    int32_t pct;  /* hundredths of a percent of the reference length */
    uint8_t auto_; /* "auto" was specified (width, height, margins …) */
} fo_len;

static inline mk_len fo_len_resolve(fo_len l, mk_len base)
{
    return l.fixed + (mk_len)(((int64_t)l.pct * base) / 10000);
}

typedef struct { uint8_t r, g, b, a; } fo_color; /* a = 0: transparent */

typedef enum { FO_ALIGN_START, FO_ALIGN_CENTER, FO_ALIGN_END, FO_ALIGN_JUSTIFY,
               FO_ALIGN_LEFT, FO_ALIGN_RIGHT, FO_ALIGN_INSIDE, FO_ALIGN_OUTSIDE,
               FO_ALIGN_RELATIVE } fo_text_align;

typedef enum { FO_BREAK_AUTO, FO_BREAK_COLUMN, FO_BREAK_PAGE, FO_BREAK_EVEN_PAGE,
               FO_BREAK_ODD_PAGE } fo_break;

typedef enum { FO_BORDER_NONE, FO_BORDER_HIDDEN, FO_BORDER_SOLID, FO_BORDER_DOTTED,
               FO_BORDER_DASHED, FO_BORDER_DOUBLE, FO_BORDER_GROOVE, FO_BORDER_RIDGE,
               FO_BORDER_INSET, FO_BORDER_OUTSET } fo_border_style;

typedef enum { FO_WM_LR_TB, FO_WM_RL_TB, FO_WM_TB_RL, FO_WM_TB_LR } fo_writing_mode;

typedef enum { FO_LEADER_SPACE, FO_LEADER_RULE, FO_LEADER_DOTS,
               FO_LEADER_USE_CONTENT } fo_leader_pattern;

typedef enum { FO_DISPLAY_AUTO, FO_DISPLAY_BEFORE, FO_DISPLAY_CENTER,
               FO_DISPLAY_AFTER } fo_display_align;

typedef enum { FO_SCALING_UNIFORM, FO_SCALING_NON_UNIFORM } fo_scaling;

/* keep-* values: 0 = auto, FO_KEEP_ALWAYS = always, else integer strength */
#define FO_KEEP_AUTO 0
#define FO_KEEP_ALWAYS 1000000
typedef struct { int32_t within_page, within_column, within_line; } fo_keep;

/* Edges in absolute terms; index with FO_TOP.. */
enum { FO_TOP, FO_RIGHT, FO_BOTTOM, FO_LEFT };

typedef struct {
    mk_len width;          /* computed: thin 0.5pt, medium 1pt, thick 2pt; 0 when
                              the style is none or hidden */
    fo_border_style style;
    fo_color color;
    uint8_t discard;       /* border-*-width.conditionality = discard (default) */
} fo_border;

typedef struct {
    fo_len min, opt, max;  /* space-before/after: length-range */
    int32_t precedence;    /* INT32_MAX = force */
    uint8_t discard;       /* conditionality: discard (default) / retain */
} fo_space;

typedef enum { FO_CONTENT_AUTO, FO_CONTENT_SCALE_TO_FIT, FO_CONTENT_SCALE_DOWN,
               FO_CONTENT_SCALE_UP, FO_CONTENT_LENGTH } fo_content_size_kind;
typedef struct { fo_content_size_kind kind; fo_len len; } fo_content_size;

/* Bits of the JLREQ composition properties (values as in fo_propdefs.txt;
 * "auto" is the initial value, spelled out in fo_props.c). */
enum {
    FO_PTRIM_START = 1, FO_PTRIM_START_EXCEPT_FIRST = 2, FO_PTRIM_END = 4,
    FO_PTRIM_ALLOW_END = 8, FO_PTRIM_END_EXCEPT_FULLSTOP = 16,
    FO_PTRIM_ADJACENT = 32, FO_PTRIM_ALL = 64,
    FO_PTRIM_AUTO = FO_PTRIM_START | FO_PTRIM_END | FO_PTRIM_ADJACENT
};
enum { FO_TCY_ALL = 1, FO_TCY_DIGITS = 2, FO_TCY_ALPHA = 4, FO_TCY_ALNUM = 8 };
enum { FO_AUTOSPACE_NUMERIC = 1, FO_AUTOSPACE_ALPHA = 2, FO_AUTOSPACE_PAREN = 4 };
enum { FO_JTRIM_PUNCT = 1, FO_JTRIM_IDEOGRAPH = 2, FO_JTRIM_INTERWORD = 4 };
enum {
    FO_HANG_START = 1, FO_HANG_FIRST = 2, FO_HANG_FORCE_END = 4,
    FO_HANG_ALLOW_END = 8, FO_HANG_LAST = 16
};

/* axf:ruby-align, axf:ruby-overhang, axf:text-emphasis-style and -skip */
enum {
    FO_RUBY_ALIGN_CENTER = 1, FO_RUBY_ALIGN_START = 2, FO_RUBY_ALIGN_END = 4,
    FO_RUBY_ALIGN_START_IF_VERTICAL = 8, FO_RUBY_ALIGN_DIST_SPACE = 16,
    FO_RUBY_ALIGN_DIST_LETTER = 32
};
enum {
    FO_RUBY_OH_START = 1, FO_RUBY_OH_END = 2, FO_RUBY_OH_EXCEPT_KANJI = 4,
    FO_RUBY_OH_EXCEPT_KATAKANA = 8, FO_RUBY_OH_EXCEPT_OPEN = 16,
    FO_RUBY_OH_EXCEPT_CLOSE = 32,
    FO_RUBY_OH_AUTO = FO_RUBY_OH_START | FO_RUBY_OH_END | FO_RUBY_OH_EXCEPT_KANJI
};
enum { FO_EM_NONE, FO_EM_DOT, FO_EM_CIRCLE, FO_EM_DOUBLE_CIRCLE, FO_EM_TRIANGLE,
       FO_EM_SESAME, FO_EM_STRING, FO_EM_FILLED_ONLY, FO_EM_SHAPE = 15, FO_EM_OPEN = 16 };
enum { FO_EMSKIP_SPACES = 1, FO_EMSKIP_PUNCT = 2, FO_EMSKIP_SYMBOLS = 4, FO_EMSKIP_NARROW = 8 };

typedef struct fo_props fo_props;
struct fo_props {
    /* --- inherited (XSL 1.1 §7) --- */
    const char *font_family;  /* comma-separated list, normalised: quotes and the
                                 spaces around commas removed ("A B,serif") */
    mk_len font_size;
    int16_t font_weight;      /* 100..900 */
    uint8_t font_style;       /* 0 normal, 1 italic, 2 oblique */
    uint8_t font_variant;     /* 0 normal, 1 small-caps */
    mk_len line_height;       /* resolved: 1.2 × font-size for "normal" */
    /* line-height as a <number> (or "normal" = 1200) in thousandths of the
     * font-size; 0 when a length was given. A number inherits as the number
     * (XSL 1.1 §7.16.4), so a child with another font-size recomputes. */
    int32_t line_height_factor;
    fo_color color;
    fo_text_align text_align, text_align_last;
    uint8_t text_align_last_set; /* text-align-last was specified (else "relative") */
    fo_len text_indent, last_line_end_indent;
    fo_len start_indent, end_indent;   /* absolute after margin→indent mapping */
    int32_t widows, orphans;
    const char *language;     /* BCP 47-ish, from xml:lang or language+country
                                 ("en-US"); NULL = none (the initial value) */
    fo_writing_mode writing_mode;
    uint8_t white_space_collapse;     /* 1 = true */
    uint8_t linefeed_treatment;       /* 0 treat-as-space, 1 ignore, 2 preserve, 3 z-w-space */
    uint8_t white_space_treatment;    /* 0 ignore-if-surrounding-linefeed (default) 1 preserve 2 ignore 3 ignore-if-before 4 ignore-if-after */
    uint8_t wrap_option;              /* 1 = wrap (default), 0 = no-wrap */
    uint8_t hyphenate;
    fo_leader_pattern leader_pattern;
    fo_len leader_length_min, leader_length_opt, leader_length_max;
    mk_len leader_pattern_width;
    mk_len rule_thickness;
    fo_border_style rule_style;
    fo_keep keep_together;    /* inherited per spec */
    fo_display_align relative_align;
    int32_t line_break;       /* mkdoc/axf strictness: 0 strict … (issue 3) */
    /* JLREQ composition (issue 3; docs/manual/extensions.md): bit sets
     * from the axf: properties of the same names, FO_PTRIM_* etc. below */
    uint8_t punctuation_trim;     /* axf:punctuation-trim */
    uint8_t text_autospace;       /* axf:text-autospace */
    uint8_t text_justify_trim;    /* axf:text-justify-trim */
    uint8_t hanging_punctuation;  /* axf:hanging-punctuation */
    /* axf:text-combine-horizontal (tate-chu-yoko, JLREQ 3.2.5): FO_TCY_*
     * bits, and for digits, alpha and alphanumeric the longest run that
     * is combined */
    uint8_t text_combine, text_combine_max[3];
    /* ruby and emphasis dots (issue 3, JLREQ 3.3; docs/manual/extensions.md).
     * Lengths with a percentage or number keep it in pct, resolved by
     * layout against the base font-size (ruby_font_size, em_font_size)
     * or the ruby/mark size (ruby_offset, ruby_limit_overhang, em_offset) */
    uint8_t ruby_align;           /* FO_RUBY_ALIGN_* bits, 0 = auto */
    uint8_t ruby_position;        /* 0 before, 1 after */
    uint8_t ruby_overhang;        /* FO_RUBY_OH_* bits, 0 = none */
    fo_len ruby_font_size, ruby_offset, ruby_limit_overhang;
    fo_color ruby_color;          /* a = 0: the text's color */
    const char *ruby_font_family; /* NULL: the base text's */
    uint8_t em_style;             /* FO_EM_* shape | FO_EM_OPEN, 0 = none */
    const char *em_string;        /* FO_EM_STRING: the mark, UTF-8 */
    uint8_t em_position;          /* 0 before, 1 after */
    uint8_t em_skip;              /* FO_EMSKIP_* bits */
    fo_color em_color;            /* a = 0: the text's color */
    fo_len em_font_size, em_offset;
    const char *em_font_family;   /* NULL: the base text's */
    /* list label/body geometry, inherited so list-item-* can see it */
    mk_len provisional_distance_between_starts, provisional_label_separation;
    /* label-end() and body-start() of the nearest list-block (XSL 1.1 §7.30):
     * relative to the containing reference area's width, hence fo_len */
    fo_len list_label_end, list_body_start;
    uint8_t border_collapse;  /* 0 separate, 1 collapse (default) */
    mk_len border_separation;

    /* --- not inherited --- */
    const char *id;
    fo_color background_color;
    const char *background_image;
    fo_len margin[4];         /* absolute edges, from margin-* and space-* / indent */
    fo_len padding[4];
    fo_border border[4];
    uint8_t padding_discard[4];
    fo_space space_before, space_after;
    fo_break break_before, break_after;
    fo_keep keep_with_next, keep_with_previous;
    fo_len width, height;     /* also inline-/block-progression-dimension */
    fo_len min_height;        /* block-progression-dimension.minimum */
    fo_content_size content_width, content_height;
    fo_scaling scaling;
    const char *src;          /* external-graphic: uri already stripped of url() */
    fo_display_align display_align;
    int32_t baseline_shift;   /* 0 baseline, 1 super, 2 sub, 3 length in shift_len */
    mk_len baseline_shift_len;
    uint8_t text_decoration;  /* bit 0 underline, 1 overline, 2 line-through */
    /* reference-orientation: 0, 90, 180 or 270 degrees counter-clockwise,
     * relative to the parent reference area (so not copied to children) */
    int16_t reference_orientation;
    int32_t span_all;         /* span="all" */
    int32_t baseline_grid;    /* axf:baseline-grid: 0 normal, 1 none, 2 new, 3 root */
    int32_t baseline_block_snap; /* axf:baseline-block-snap: GRID_SNAP_* bits (grid.h) */
    int32_t column_fill;      /* axf:column-fill: 0 by writing-mode, 1 balance, 2 auto */
    /* page masters and regions */
    const char *master_name, *master_reference, *region_name, *flow_name;
    mk_len page_width, page_height;
    fo_len extent;
    int32_t precedence;
    int32_t column_count;
    mk_len column_gap;
    int32_t initial_page_number; /* 0 = auto, -1 = auto-odd, -2 = auto-even */
    uint8_t force_page_count;    /* 0 auto,1 even,2 odd,3 end-on-even,4 end-on-odd,5 no-force */
    const char *format;          /* page-number format: "1", "i", "I", "a", "A", "一" */
    int32_t maximum_repeats;     /* -1 = no-limit */
    uint8_t page_position;       /* 0 any, 1 first, 2 last, 3 rest, 4 only */
    uint8_t odd_or_even;         /* 0 any, 1 odd, 2 even */
    uint8_t blank_or_not_blank;  /* 0 any, 1 blank, 2 not-blank */
    /* markers */
    const char *marker_class_name, *retrieve_class_name;
    uint8_t retrieve_position;   /* 0 first-starting-within-page (default), 1 first-including-carryover, 2 last-starting-within-page, 3 last-ending-within-page */
    uint8_t retrieve_boundary;   /* 0 page-sequence (default), 1 page, 2 document */
    /* links and citations */
    const char *internal_destination, *external_destination, *ref_id;
    /* tables */
    fo_len column_width;
    int32_t column_width_proportional; /* proportional-column-width(N) × 1000; 0 = none */
    int32_t column_number;   /* 0 = not specified (the next free column) */
    int32_t number_columns_repeated;
    int32_t number_columns_spanned, number_rows_spanned;
    uint8_t table_omit_header_at_break, table_omit_footer_at_break;
    uint8_t table_layout_fixed;
    /* fo:character */
    uint32_t character;
    /* bookmarks */
    uint8_t starting_state_hide;
    /* document metadata carried by mkdoc's stylesheets on fo:root */
    const char *meta_title, *meta_author, *meta_subject, *meta_keywords;
};

/* A property written on one element, before typing. */
typedef struct { const char *name; const char *value; diag_loc loc; } fo_attr;

/* Context for computing: where problems go and the arena to allocate in. */
typedef struct {
    arena *arena;       /* not owned */
    diag_list *diags;   /* not owned */
    uint32_t unsupported_warned; /* fo_props_unsupported.c: reported once each */
} fo_props_ctx;

/* Initial values of every property (XSL 1.1 §7), the parent of the root. */
const fo_props *fo_props_initial(void);

/* Computes props from the specified attributes and the parent's computed
 * values. Unknown properties and bad values produce warnings at the
 * attribute's location and fall back to the inherited/initial value.
 * kind is an fo_kind (int to avoid a header cycle). */
fo_props *fo_props_compute(fo_props_ctx *ctx, int kind, const fo_props *parent,
                           const fo_attr *attrs, int n_attrs);

/* Parses one length expression such as "12pt", "2em", "10%", "1cm + 3mm",
 * "label-end()", against the given font-size. Returns 0 on success. */
int fo_props_parse_length(const char *s, mk_len font_size, fo_len *out);

#endif
