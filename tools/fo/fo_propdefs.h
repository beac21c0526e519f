/* fo_propdefs: the table of XSL-FO 1.1 property names mkdoc knows.
 *
 * Generated into fo_propdefs.c from fo_propdefs.txt by gen_propdefs.py;
 * this header is the hand-written half. One entry per property name
 * (components such as "space-before.optimum" have their own entries), sorted
 * by name for fo_propdef_find. Used only by fo_props.c. */
#ifndef MKDOC_FO_PROPDEFS_H
#define MKDOC_FO_PROPDEFS_H

#include <stdint.h>

/* How a value is parsed and where it goes; see fo_props.c. */
typedef enum {
    FO_PT_NONE, FO_PT_LEN, FO_PT_ALEN, FO_PT_INT, FO_PT_ENUM, FO_PT_BOOL,
    FO_PT_STR, FO_PT_URI, FO_PT_COLOR, FO_PT_WM, FO_PT_XMLLANG, FO_PT_LANGUAGE,
    FO_PT_COUNTRY, FO_PT_FONT, FO_PT_FONTSIZE, FO_PT_FAMILY, FO_PT_WEIGHT,
    FO_PT_LINEHEIGHT, FO_PT_BACKGROUND, FO_PT_TALAST, FO_PT_WHITESPACE,
    FO_PT_TDECO, FO_PT_BSHIFT, FO_PT_VALIGN, FO_PT_RANGE, FO_PT_MARGINS,
    FO_PT_MARGIN, FO_PT_INDENT, FO_PT_SPACE, FO_PT_PADDINGS, FO_PT_PADDING,
    FO_PT_PADCOND, FO_PT_BORDER, FO_PT_BSIDE, FO_PT_BWIDTHS, FO_PT_BSTYLES,
    FO_PT_BCOLORS, FO_PT_BWIDTH, FO_PT_BSTYLE, FO_PT_BCOLOR, FO_PT_BCOND,
    FO_PT_BSEP, FO_PT_PAGEBREAK, FO_PT_KEEP, FO_PT_IPD, FO_PT_BPD, FO_PT_CSIZE,
    FO_PT_REFOR, FO_PT_PAGEDIM, FO_PT_COLWIDTH, FO_PT_CHAR,
    FO_PT_FLAGS, FO_PT_TCY, FO_PT_AXKW, FO_PT_AXFLAGS, FO_PT_AXLEN, FO_PT_AXFAMILY,
    FO_PT_EMSTYLE
} fo_ptype;

/* arg: an edge or a component */
enum {
    FO_ARG_NONE = -1,
    FO_ARG_TOP = 0, FO_ARG_RIGHT, FO_ARG_BOTTOM, FO_ARG_LEFT,
    FO_ARG_BEFORE, FO_ARG_AFTER, FO_ARG_START, FO_ARG_END,
    FO_ARG_ALL, FO_ARG_MIN, FO_ARG_OPT, FO_ARG_MAX, FO_ARG_COND, FO_ARG_PREC,
    FO_ARG_PAGE, FO_ARG_COLUMN, FO_ARG_LINE, FO_ARG_INSIDE
};

typedef struct { const char *word; int32_t value; } fo_keyword;

typedef struct {
    const char *name;
    uint8_t inherited;       /* XSL 1.1 §7 "Inherited: yes" */
    uint8_t priority;        /* application order, see fo_propdefs.txt */
    uint8_t type;            /* fo_ptype */
    int8_t arg;              /* FO_ARG_* */
    uint16_t offset, size;   /* field in fo_props; size 0 = none */
    const fo_keyword *keywords;
    uint8_t n_keywords;
    const char *expand;      /* "a,b,c": what "inherit" on a shorthand means */
} fo_propdef;

extern const fo_propdef fo_propdefs[];
extern const int fo_propdefs_count;

/* Binary search by exact name; NULL when not an XSL-FO property mkdoc knows. */
const fo_propdef *fo_propdef_find(const char *name);

#endif
