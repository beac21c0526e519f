/* source_tags: the line and column of each element's start tag, and of its
 * attributes, found in the document's own text.
 *
 * libxml2's tree keeps a line per element (the line where its start tag
 * ends: "<b\n x='1'\n>" is line 3) but no column. Messages should say
 * FILE:LINE:COL, so a builder that walks the tree in document order (the FO
 * tree builder) walks the text alongside it with this scanner: each call
 * moves a cursor to the next start tag whose name is the element's
 * qualified name and whose '>' is on the element's line. Comments, CDATA
 * sections, processing instructions, the DOCTYPE (internal subset
 * included) and end tags are stepped over. The whole text is scanned once
 * per document: the cursor only moves forward, and lines and columns are
 * counted as it moves, so a document on a single line (as stylesheets
 * often write FO) costs no more than one with many.
 *
 * When the text and the tree disagree (an element made by an entity
 * reference or an XInclude, a file in UTF-16), the match fails after a few
 * tags and the column is 0 ("FILE:LINE", as before), and the cursor stays
 * where it was. A subtree the builder leaves out must still be passed to
 * source_tags_skip, or its start tags would be taken for later elements'.
 *
 * Columns count characters (UTF-8 sequences), from 1, as libxml2's parser
 * messages do. The text is borrowed for the scanner's lifetime; the scanner
 * owns only its attribute list (source_tags_free). */
#ifndef MKDOC_SOURCE_TAGS_H
#define MKDOC_SOURCE_TAGS_H

#include <stddef.h>

#include <libxml/tree.h>

#include "../base/vec.h"

/* A position in the text: byte offset, 1-based line and column. */
typedef struct {
    size_t off;
    int line, col;
} source_tags_pos;

typedef struct {
    size_t name_off, name_len;
    int line, col;
} source_tags_attr_at;

typedef struct {
    const char *text; /* not owned */
    size_t len;
    source_tags_pos cur;  /* just after the last start tag matched */
    int found;            /* the last source_tags_element call matched */
    VEC(source_tags_attr_at) attrs; /* of the last matched tag */
    size_t attr_next;     /* where the next attribute lookup starts */
} source_tags;

/* text may be NULL (then nothing is ever found). */
void source_tags_init(source_tags *t, const char *text, size_t len);
void source_tags_free(source_tags *t);

/* The column of element x's start tag (its '<'), 0 when not found; *line
 * receives the line of the '<' (which differs from libxml2's when the
 * start tag spans lines), left as it is when not found. */
int source_tags_element(source_tags *t, const xmlNode *x, int *line);

/* The line and column of attribute a of the element last found by
 * source_tags_element; 0 when not found. Attributes are looked up fastest
 * in document order (libxml2's x->properties order). */
int source_tags_attr(source_tags *t, const xmlAttr *a, int *line);

/* Moves past the start tags of x's descendants (x itself already passed),
 * for a subtree the caller does not build. */
void source_tags_skip(source_tags *t, const xmlNode *x);

#endif
