/* para_items: the paragraph builder's internal types, and the item
 * builder (internal to para.c and para_items.c).
 *
 * para.c collects a block's inline content into a pbuild (one UTF-8 text,
 * style runs, anchored objects, links) and shapes it; para_items_build
 * turns the shaped clusters and objects into the line breaker's boxes,
 * glue and penalties (pitems.items), each with its source (pitems.src),
 * and fills pitems.set (how each cluster is set). para.c then breaks the
 * items into lines and builds the line areas. Everything here is owned by
 * the pitems/pbuild, freed by para.c. */
#ifndef MKDOC_PARA_ITEMS_H
#define MKDOC_PARA_ITEMS_H

#include "../base/vec.h"
#include "../text/jlreq.h"
#include "../text/linebreak.h"
#include "../text/shape.h"
#include "lctx.h"

typedef enum { OBJ_IMAGE, OBJ_LEADER, OBJ_NOTE, OBJ_ID, OBJ_NOBREAK } obj_kind;

typedef struct {
    obj_kind kind;
    size_t at;               /* byte offset in the text: before this cluster */
    const fo_node *fo;
    const struct image *image;
    mk_len w, h;             /* image size; leader optimum and maximum */
    mk_len min;              /* leader minimum */
    const char *id;
    vnote *note;
    area *box;               /* OBJ_IMAGE of an fo:inline-container (para_box.c):
                              * its area, baseline = its first line's baseline */
} pobj;

typedef struct {
    size_t start, end;
    const char *uri, *dest;
} plink;

typedef struct {
    const fo_props *props;   /* the run's FO props */
    const fo_node *fo;
    mk_len above, below;     /* nominal ascent+half-leading, descent+half-leading */
    mk_len shift;            /* baseline shift (positive = up) */
    uint8_t tcy;             /* the run is one tate-chu-yoko unit (JLREQ 3.2.5) */
    mk_len em_asc, em_desc;  /* the ideographic em box (JLREQ's character
                              * frame): ruby and dots stand on it */
} pstyle;

/* A ruby container (para_ruby.c, JLREQ 3.3): the base text [start, end)
 * of the paragraph text and its ruby, shaped apart. The ruby is not in
 * the paragraph text, so copy-paste and search see the base text only. */
typedef struct {
    size_t start, end;
    const fo_node *rt;       /* the axf:ruby-text: ruby properties, location */
    const char *text;        /* the ruby, UTF-8, in the sequence arena */
    size_t len;
    int group;               /* its axf:ruby: jukugo containers share it */
    shape_result sh;
    mk_len size, width;      /* ruby font size and natural width */
    size_t k0, k1;           /* the base's clusters [k0, k1); k0 = k1: none */
    mk_len lead, gap, trail; /* room before, between and after the base
                              * clusters when the ruby is the longer */
    mk_len at;               /* placed: the ruby's start from its base's */
    uint8_t placed;          /* at is set (jukugo-ruby, Appendix F) */
    mk_len oh_start, oh_end; /* of lead and trail, what may lie over the
                              * neighbouring characters mid-line (RB-6) */
} pruby;

/* An fo:inline (or the block itself) whose background, borders or
 * text-decoration are drawn over the text [start, end) (para_decor.c). */
typedef struct {
    size_t start, end;
    const fo_node *fo;
} pdeco;

typedef struct {
    lctx *c;
    const fo_node *block;
    VEC(char) text;
    VEC(shape_run) runs;
    VEC(pstyle) styles;
    VEC(pobj) objs;
    VEC(plink) links;
    VEC(pdeco) decos;
    VEC(pruby) rubies;
    int ruby_groups;         /* axf:ruby elements seen */
    int in_ruby;             /* collecting an axf:ruby-base */
    int depth;
} pbuild;

/* SRC_HYPHEN: the break penalty after a soft hyphen (idx: its run), whose
 * width is the hyphen drawn when the line breaks there */
typedef enum { SRC_NONE, SRC_CLUSTER, SRC_OBJ, SRC_HYPHEN } src_kind;

/* The hyphen of one run (para_items.c), shaped on first use. */
typedef struct {
    uint32_t glyph;
    mk_len advance;
    const text_font *font;    /* not owned; NULL: none could be shaped */
    uint8_t done;
} phyphen;
typedef struct { uint8_t kind; uint32_t idx; } isrc;

/* How a cluster is set: its box width and where its glyphs go in it. For
 * punctuation set on a half-em advance (JLREQ 3.1.2) cls is its class, box
 * half its em and dx the glyph shift that keeps the ink in the box. */
typedef struct {
    mk_len box, dx;
    uint8_t cls;              /* jlreq_class, or 0: set as shaped */
} pset;

typedef struct {
    pbuild *pb;
    shape_result sh;
    VEC(lb_item) items;
    VEC(isrc) src;
    pset *set;                /* per cluster */
    jlreq_strictness strict;
    int justify, justify_last;
    uint8_t ptrim, autospace, jtrim, hang; /* FO_PTRIM_* … of the block */
    long widow_k;             /* a break before this cluster leaves one
                               * character on the last line (JLREQ 3.5.4) */
    int32_t cost;             /* penalty of the junction being built */
    uint8_t nowrap;           /* wrap-option="no-wrap": forced breaks only */
    int32_t *ruby_at;         /* per cluster: its pruby, or -1 (caller frees) */
    phyphen *hyphens;         /* per run, for soft hyphens (caller frees) */
} pitems;

/* Where the text [start, end) of the paragraph lies on a line. */
typedef struct { size_t start, end; mk_len x0, x1; } pspan;
typedef VEC(pspan) pspans;

/* The hyphen shown at a break after a soft hyphen in run r, or NULL. */
const phyphen *para_hyphen(pitems *pi, uint32_t r);

/* Builds pi->items and pi->src from pi->sh and pi->pb's objects; indent is
 * the first line's text-indent (a box). Allocates pi->set (caller frees). */
void para_items_build(pitems *pi, mk_len indent);

/* para_tcy.c: tate-chu-yoko (JLREQ 3.2.5, axf:text-combine-horizontal).
 * The first unit of s[from, len) under p's property, as [*k, *e): a run
 * of ASCII digits (letters) standing alone; before is the character
 * before s[0]. 0 when there is none. */
int para_tcy_next(const fo_props *p, const char *s, size_t len, size_t from, char before,
                  size_t *k, size_t *e);
/* Makes r, the run of one unit s[0, len), horizontal and one em long. */
void para_tcy_run(shape_run *r, const char *s, size_t len);

/* para.c: collects inline content (for para_ruby.c's bases). */
void para_collect(pbuild *pb, const fo_node *n);
/* para.c: adds an object at the current end of the text */
void para_add_obj(pbuild *pb, pobj o);
/* para_box.c: an fo:inline-container, laid out as one area set like an image */
void para_box_collect(pbuild *pb, const fo_node *n);

/* para_ruby.c: ruby (JLREQ 3.3) and emphasis dots (3.3.9).
 * collect: an axf:ruby's containers, its base text into the paragraph.
 * plan: after shaping, shapes the ruby, maps containers to clusters and
 *   decides the spacing (pi->set must be filled; allocates pi->ruby_at).
 * nobreak: no break and no justification between clusters prev and k
 *   (inside one container, JLREQ 3.3.5–3.3.7, LA-5).
 * before/after: the items around cluster k's box: room and overhang;
 *   mark is pi->items.len before the junction's items were pushed.
 * line: the ruby and dot runs of a finished line (children of line, b
 *   from the baseline until finish_line geometry adds it); raises
 *   *above / *below to what they need beyond the half-leading. */
void para_ruby_collect(pbuild *pb, const fo_node *ruby);
void para_ruby_plan(pitems *pi);
int para_ruby_nobreak(const pitems *pi, long prev, size_t k);
/* Are clusters ka and kb bases of two containers of one jukugo-ruby? */
int para_ruby_jukugo_inner(const pitems *pi, size_t ka, size_t kb);
void para_ruby_before(pitems *pi, long prev, size_t k, size_t mark);
void para_ruby_after(pitems *pi, size_t k);
void para_ruby_line(lctx *c, pitems *pi, area *line, const pspans *spans,
                    mk_len *above, mk_len *below);
void para_ruby_free(pbuild *pb);
/* para_emph.c: the emphasis dots of a finished line (JLREQ 3.3.9), as
 * para_ruby_line does the ruby (it calls this); they never move lines. */
void para_emphasis_line(lctx *c, pitems *pi, area *line, const pspans *spans);

/* para_decor.c: records n as a pdeco when it has anything to draw. */
void para_decor_collect(pbuild *pb, const fo_node *n, size_t start, size_t end);
/* The inline areas (background, borders: first among the line's children)
 * and decoration rules (last) of every pdeco on a finished line. */
void para_decor_line(lctx *c, const pbuild *pb, area *line, const pspans *spans);

#endif
