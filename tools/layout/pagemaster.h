/* pagemaster: which simple-page-master each page uses, where its regions
 * lie, and how page numbers are written. Geometry is physical (lr-tb page
 * frame); the paginator makes region areas from it. */
#ifndef MKDOC_PAGEMASTER_H
#define MKDOC_PAGEMASTER_H

#include <stddef.h>
#include "../fo/fo_tree.h"

typedef struct {
    const fo_tree *tree;          /* not owned */
    const fo_node *single;        /* master-reference names a simple-page-master */
    const fo_node *psm;           /* … or a page-sequence-master */
    const fo_node *sub;           /* current sub-sequence specifier */
    int used;                     /* pages taken from it */
    const fo_node *last;          /* last master chosen */
    int warned;
} pm_state;

enum { PM_BODY, PM_BEFORE, PM_AFTER, PM_START, PM_END, PM_REGIONS };

typedef struct { mk_len x, y, w, h; } pm_rect;

typedef struct {
    mk_len page_w, page_h;
    pm_rect r[PM_REGIONS];
    const fo_node *node[PM_REGIONS];  /* region FO or NULL */
    int columns;
    mk_len column_gap;
} pm_geom;

int pm_init(pm_state *s, const fo_tree *t, const fo_node *page_sequence, diag_list *diags);
/* the master of the next page; first: first page of the sequence; odd:
 * its page number is odd; blank: a page inserted to make a count even/odd */
const fo_node *pm_next(pm_state *s, int first, int odd, int blank, diag_list *diags,
                       diag_loc loc);
void pm_geometry(const fo_node *simple_page_master, pm_geom *g);
void pm_format_number(const char *format, int n, char *out, size_t size);

#endif
