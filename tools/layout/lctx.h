/* lctx: what the layout files share (internal to tools/layout).
 *
 * Block-level content becomes a vlist: a flat sequence of boxes (a line, an
 * image, a table row: each with its areas prebuilt at b = 0, except a
 * table row that may break, whose vsplit builds the areas of each part
 * the paginator places), glue (space
 * before/after), penalties (where a page may break, and at what cost) and
 * open/close marks of the blocks around them. The paginator (paginate.c)
 * walks the vlist, chooses page breaks, and re-creates the nesting of
 * block areas on each page from the open/close marks, so a block split
 * across pages gets one area per page (XSL 1.1 §4.4).
 *
 * Inline positions (i) of prebuilt areas are relative to the content
 * rectangle of the region (or table cell) being filled; the paginator
 * rebases them when it puts an area inside a block area.
 *
 * Everything of one page-sequence's flow lives in lctx.seq (an arena
 * freed after the sequence's last page is rendered). */
#ifndef MKDOC_LCTX_H
#define MKDOC_LCTX_H

#include "../base/arena.h"
#include "../base/diag.h"
#include "../base/vec.h"
#include "../fo/fo_tree.h"
#include "../text/fonts.h"
#include "area.h"
#include "image.h"
#include "layout.h"

#define VP_INF 10000           /* penalty >= VP_INF: no break here */
#define VP_FORCE (-10000)      /* penalty <= VP_FORCE: break here */

typedef enum { V_BOX, V_GLUE, V_PENALTY, V_OPEN, V_CLOSE } vkind;

typedef struct vblock vblock;
typedef struct vitem vitem;
typedef struct vlist vlist;
typedef struct vsplit vsplit;

/* A footnote attached to a line: its body, laid out at the region width. */
typedef struct vnote {
    vlist *body;
    struct vnote *next;
} vnote;

typedef struct vid {
    const char *id;
    struct vid *next;
} vid;

/* A list label riding on the first box of its item's body (XSL 1.1
 * §6.8.3). A body that starts with another list carries that list's first
 * label too, so one box may carry several, innermost first. */
typedef struct vlabel {
    area *area;
    mk_len i;             /* area->i as built (placing rebases it) */
    const fo_node *item;  /* the fo:list-item whose area gets the label */
    struct vlabel *next;
} vlabel;

struct vitem {
    vkind kind;
    uint8_t brk;          /* V_PENALTY forced: fo_break kind */
    uint8_t discard;      /* V_GLUE: dropped at a page top/bottom */
    uint8_t retain;       /* V_GLUE of a space with conditionality="retain":
                           * kept at a page top (XSL 1.1 §4.3.1 rule 1) */
    int32_t prec;         /* V_GLUE: space precedence, FO_SPACE_FORCE = force */
    int32_t penalty;      /* V_PENALTY */
    mk_len h;             /* V_BOX/V_GLUE height; V_OPEN/V_CLOSE: border+padding */
    area *area;           /* V_BOX: prebuilt, not yet placed */
    vlabel *labels;       /* V_BOX: placed beside it at the same b */
    vblock *blk;          /* V_OPEN / V_CLOSE */
    mk_len area_i;        /* area->i as built: placing a box rebases area->i,
                           * and a later pagination starts again from this */
    vnote *notes;         /* V_BOX: footnotes referenced from this box */
    vid *ids;             /* ids whose first area is this item */
    const fo_node *fo;    /* for messages */
    /* The line grid (grid.h): V_BOX, V_OPEN, V_CLOSE: the pitch of the
     * grid whose lines this item's top snaps to, 0 when off the grid */
    mk_len grid;
    /* V_BOX on a grid: the whole grid lines it takes, when less than h
     * (a line made taller by small inline text or ruby reaches into the
     * leading of the next grid line instead of moving it); 0 = h */
    mk_len grid_adv;
    uint8_t span;         /* belongs to a span="all" block of the flow */
    /* V_BOX: a table row that may break across pages (table_split.c);
     * area is then NULL: the paginator builds the areas of each part */
    vsplit *split;
};

struct vlist {
    VEC(vitem) items;
};

/* A block-level FO whose area may span pages. */
struct vblock {
    const fo_node *fo;
    mk_len i, ipd;                /* border box, relative to the region content */
    mk_len border_w[4];           /* logical: before, end, after, start */
    fo_border_style border_style[4];
    fo_color border_color[4];
    mk_len pad_before, pad_after;
    /* border + padding kept where a page break splits the block: their
     * .conditionality="retain" parts (XSL 1.1 §7.8.4, §7.8.31); the
     * others are dropped at the break */
    mk_len retain_before, retain_after;
    uint8_t retain_border_before, retain_border_after;
    fo_color background;
    const char *fo_name;
    const fo_node *markers;       /* first fo:marker child, if any */
    vlist *header;                /* tables: rows repeated after a page break */
    mk_len header_h;
    uint8_t reference;            /* block-container: new reference area */
    uint8_t is_table;
    /* A block off the grid inside a grid (gyo-dori, grid.h): it takes
     * grid_total (whole grid lines, its spaces included), its border box
     * grid_lead below the first of them; 0 when it is no such block */
    mk_len grid_total, grid_lead, grid_trail;
};

/* id → page, filled while pages are laid out. */
typedef struct idmap idmap;
idmap *idmap_new(void);
void idmap_free(idmap *m);
void idmap_put(idmap *m, const char *id, int page_index, const char *number);
/* formatted page number of the first/last page holding id, or NULL */
const char *idmap_first(const idmap *m, const char *id);
const char *idmap_last(const idmap *m, const char *id);
int idmap_same(const idmap *a, const idmap *b);

typedef struct lctx {
    fo_tree *tree;                /* not owned */
    text_ctx *text;               /* not owned */
    const layout_opts *opts;      /* not owned */
    diag_list *diags;             /* not owned */
    arena *seq;                   /* the current page-sequence's vlists */
    image_cache *images;
    const idmap *cited;           /* previous pass: for citations (may be NULL) */
    const idmap *known;           /* every id of the tree: link targets */
    idmap *ids;                   /* this pass */
    int citations_seen;           /* the document has citations */
    int citation_guessed;         /* a citation had no known target page yet */
    const char *page_number;      /* static content: the page being finished */
    mk_len region_ipd;            /* width of the region being filled */
    mk_len cur_ipd;               /* width of the lines being composed */
    mk_len strut_above, strut_below; /* the block's nominal line (XSL 1.1 §4.5) */
    int note_counter;
    struct pagestate *page;       /* paginate.c: the page being filled (markers) */
    VEC(vlist *) vlists;          /* every vlist of the sequence, freed with it */
    struct seqflow *flowrec;      /* relayout.c: the flow being built (citations) */
    int measuring;                /* paginating only to learn pages: no static
                                   * content, nothing rendered */
    int in_static;                /* laying out static content (per page anyway) */
    mk_len body_ipd, body_bpd;    /* the region-body's size: span="all" blocks,
                                   * the largest grid pitch */
    mk_len grid;                  /* pitch of the line grid of the blocks being
                                   * built (grid.h), 0 = none */
    mk_len root_grid;             /* the pitch axf:baseline-grid="root" means */
    uint8_t in_span;              /* building a span="all" block */
} lctx;

/* vlist building (vlist.c) */
vlist *vlist_new(lctx *c);
/* frees the item arrays of every vlist made since the sequence began */
void vlist_free_all(lctx *c);
vitem *vlist_push(vlist *v, vkind kind);
void vlist_box(vlist *v, area *a, mk_len h, const fo_node *fo);
void vlist_glue(vlist *v, mk_len h, int discard);
/* The glue of a space-before/-after (its optimum; percentages of base). */
void vlist_space(vlist *v, const fo_space *s, mk_len base);

/* Adjacent spaces resolved to one (XSL 1.1 §4.3.1 rules 2–4): the forcing
 * ones add up; otherwise the greatest precedence wins, and among those
 * the greatest length. Add glue items with vspace_add. */
#define FO_SPACE_FORCE INT32_MAX
typedef struct {
    mk_len len, forced;
    int32_t prec;
    uint8_t any, any_forced;
} vspace;
void vspace_add(vspace *s, const vitem *glue);
mk_len vspace_len(const vspace *s);
/* The height items [from, to) take when placed one after the other
 * (spaces resolved as the paginator does, the pending space included). */
mk_len vlist_span_height(const vlist *v, size_t from, size_t to);
/* Adds a break opportunity between what came before and what follows:
 * merges with an immediately preceding penalty (the stronger keep wins;
 * a forced break wins over any keep, XSL 1.1 §4.8). */
void vlist_penalty(vlist *v, int32_t penalty, uint8_t brk);
void vlist_append(vlist *dst, const vlist *src);
mk_len vlist_height(const vlist *v);   /* natural height, no breaks */
/* Deep copy of an area subtree into the arena (repeated table headers). */
area *area_clone(arena *a, const area *src);

/* paragraphs (para.c): the inline content of one block, from first to
 * last (siblings, all inline), as lines appended to v. i0/ipd: the line
 * box's start offset and width in the region's content rectangle. */
void para_layout(lctx *c, vlist *v, const fo_node *block, const fo_node *first,
                 const fo_node *last, mk_len i0, mk_len ipd, int keep_level);

/* block-level content (blocks.c): the children of parent, inside the
 * reference area that starts at ref_i0 (region content coordinates) and is
 * ref_ipd wide; start-/end-indent are relative to it (XSL 1.1 §5.3.2). */
void blocks_layout(lctx *c, vlist *v, const fo_node *parent, mk_len ref_i0,
                   mk_len ref_ipd, int keep_level);
/* one block-level FO, with the spaces, keeps and breaks around it */
void blocks_layout_one(lctx *c, vlist *v, const fo_node *n, mk_len ref_i0,
                       mk_len ref_ipd, int keep_level);
/* what a percentage of n's width refers to (XSL 1.1 §7.15.9): the content
 * width of its closest ancestor block, inside a reference area ref_ipd wide */
mk_len blocks_percent_base(const fo_node *n, mk_len ref_ipd);
/* fills a vblock's decoration from n's props; content box i/ipd given */
void blocks_decorate(vblock *b, const fo_node *n, mk_len content_i, mk_len content_ipd,
                     mk_len ref_ipd);

/* the open/close marks of a block-level area (border and padding before
 * and after; the block's id goes on the open mark) */
vitem *blocks_open(lctx *c, vlist *v, vblock *b);
void blocks_close(vlist *v, vblock *b);

/* tables (table.c): the table as rows, each a box (see table.c) */
void table_layout(lctx *c, vlist *v, const fo_node *table, mk_len ref_i0,
                  mk_len ref_ipd, int keep_level);

/* A table row that may break between the lines of its cells (XSL 1.1
 * §6.7.9, table_split.c). Positions t run in the row's own block
 * direction from 0 (its top) to vsplit_height (its bottom); a part of
 * the row spans [t0, t1). */
mk_len vsplit_height(const vsplit *s);
/* the height of the part from t0 to the row's end */
mk_len vsplit_rest(const vsplit *s, mk_len t0);
/* Where a part starting at t0 ends when at most room tall: t1 > t0, its
 * height in *h; t0 when no break of the cells fits. force: end at the
 * nearest break even when it does not fit (never returns t0 then). */
mk_len vsplit_cut(const vsplit *s, mk_len t0, mk_len room, int force, mk_len *h);
/* The areas of the part [t0, t1): a row area with its cells (their
 * borders at a cut edge dropped, XSL 1.1 §7.8.4), i in region
 * coordinates; the ids placed in it are added to *ids. */
area *vsplit_area(lctx *c, const vsplit *s, mk_len t0, mk_len t1, vid **ids);

/* fo:retrieve-marker in static content (static.c): the marker to copy, or NULL */
const fo_node *static_find_marker(lctx *c, const fo_node *retrieve);

/* the image of an fo:external-graphic, loaded once; NULL (with a diag)
 * when it cannot be had */
const struct image *layout_image(lctx *c, const fo_node *graphic);
/* XSL 1.1 §7.15: the size of a graphic from its intrinsic size */
void para_graphic_size(const fo_props *p, mk_len iw, mk_len ih, mk_len avail_w,
                       mk_len *out_w, mk_len *out_h);

/* keep strength of a keep property as a penalty (auto → 0) */
int32_t keep_penalty(const fo_keep *k);

/* a new area in the sequence arena, not yet on a page */
area *lctx_area(lctx *c, area_kind kind, const fo_node *fo);

#endif
