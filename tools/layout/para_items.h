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
} pstyle;

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
    int depth;
} pbuild;

typedef enum { SRC_NONE, SRC_CLUSTER, SRC_OBJ } src_kind;
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
} pitems;

/* Where the text [start, end) of the paragraph lies on a line. */
typedef struct { size_t start, end; mk_len x0, x1; } pspan;
typedef VEC(pspan) pspans;

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

/* para_decor.c: records n as a pdeco when it has anything to draw. */
void para_decor_collect(pbuild *pb, const fo_node *n, size_t start, size_t end);
/* The inline areas (background, borders: first among the line's children)
 * and decoration rules (last) of every pdeco on a finished line. */
void para_decor_line(lctx *c, const pbuild *pb, area *line, const pspans *spans);

#endif
