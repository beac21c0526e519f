/* fo_tree: the XSL-FO document as a tree of formatting objects.
 *
 * Built from a libxml2 document (fo_tree_build), which it does not keep:
 * every string is copied into the tree's arena, so the xmlDoc can be freed
 * right after. Each node records where it came from: the FO file, line and
 * column (of its start tag, found in the FO text: source_tags.h), and, when
 * the FO was made by mkdoc's stylesheets, the user's source XML location
 * carried in the mk:loc attribute (see styles/common-fo.xsl). Content an
 * xi:include brought in is located in its own file (line only). Each
 * specified property keeps its attribute's own FO line and column, or the
 * user's source location when there is one.
 * Unknown elements and properties are reported as warnings and kept out of
 * the tree. Text nodes are FO_TEXT children holding UTF-8 with whitespace
 * already handled per white-space-collapse / linefeed-treatment.
 *
 * Computed properties (fo_props.h) are filled by fo_tree_build for every
 * node, inheritance included (XSL 1.1 §5, §7). */
#ifndef MKDOC_FO_TREE_H
#define MKDOC_FO_TREE_H

#include <stddef.h>

#include "../base/arena.h"
#include "../base/diag.h"
#include "fo_props.h"

typedef enum {
    FO_TEXT,
    FO_ROOT,
    FO_DECLARATIONS,
    FO_LAYOUT_MASTER_SET,
    FO_SIMPLE_PAGE_MASTER,
    FO_REGION_BODY,
    FO_REGION_BEFORE,
    FO_REGION_AFTER,
    FO_REGION_START,
    FO_REGION_END,
    FO_PAGE_SEQUENCE_MASTER,
    FO_SINGLE_PAGE_MASTER_REFERENCE,
    FO_REPEATABLE_PAGE_MASTER_REFERENCE,
    FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES,
    FO_CONDITIONAL_PAGE_MASTER_REFERENCE,
    FO_PAGE_SEQUENCE,
    FO_TITLE,
    FO_FLOW,
    FO_STATIC_CONTENT,
    FO_BLOCK,
    FO_BLOCK_CONTAINER,
    FO_INLINE,
    FO_INLINE_CONTAINER,
    FO_WRAPPER,
    FO_CHARACTER,
    FO_PAGE_NUMBER,
    FO_PAGE_NUMBER_CITATION,
    FO_PAGE_NUMBER_CITATION_LAST,
    FO_BASIC_LINK,
    FO_LEADER,
    FO_EXTERNAL_GRAPHIC,
    FO_INSTREAM_FOREIGN_OBJECT,
    FO_LIST_BLOCK,
    FO_LIST_ITEM,
    FO_LIST_ITEM_LABEL,
    FO_LIST_ITEM_BODY,
    FO_TABLE_AND_CAPTION,
    FO_TABLE_CAPTION,
    FO_TABLE,
    FO_TABLE_COLUMN,
    FO_TABLE_HEADER,
    FO_TABLE_FOOTER,
    FO_TABLE_BODY,
    FO_TABLE_ROW,
    FO_TABLE_CELL,
    FO_FOOTNOTE,
    FO_FOOTNOTE_BODY,
    FO_MARKER,
    FO_RETRIEVE_MARKER,
    FO_BOOKMARK_TREE,
    FO_BOOKMARK,
    FO_BOOKMARK_TITLE,
    FO_FLOAT,
    /* Antenna House extension elements (namespace axf:, issue 3): ruby.
     * axf:ruby holds pairs of axf:ruby-base and axf:ruby-text, each pair a
     * "ruby container"; several pairs in one axf:ruby are jukugo-ruby. */
    FO_AXF_RUBY,
    FO_AXF_RUBY_BASE,
    FO_AXF_RUBY_TEXT,
    FO_KIND_COUNT
} fo_kind;

typedef struct fo_node fo_node;
struct fo_node {
    fo_kind kind;
    fo_node *parent, *first, *last, *next, *prev; /* not owned: all in the arena */
    diag_loc loc;     /* user's source where known (mk:loc), else the FO's */
    diag_loc fo_loc;  /* always the FO file's own location */
    const char *text; /* FO_TEXT: UTF-8, NUL-terminated; FO_INSTREAM_FOREIGN_OBJECT:
                       * its SVG child as a standalone XML document (else NULL) */
    size_t text_len;
    fo_props *props;  /* computed; never NULL after fo_tree_build */
    const fo_attr *attrs; /* as specified, kept so retrieved markers can be
                           * recomputed in their new context (XSL 1.1 §6.13.5) */
    int n_attrs;
};

typedef struct {
    arena *arena;     /* owns every node and string */
    fo_node *root;
    const char *file; /* FO file name as given (or "<stdin>") */
} fo_tree;

struct _xmlDoc;
/* Builds the tree from a parsed FO document. text/text_len are the bytes
 * doc was parsed from (borrowed during the call), for columns; NULL gives
 * locations without columns. Problems go to diags with locations; returns
 * NULL only when the document is not XSL-FO at all (root is not fo:root)
 * or structurally unusable. */
fo_tree *fo_tree_build(struct _xmlDoc *doc, const char *file, const char *text,
                       size_t text_len, diag_list *diags);
void fo_tree_free(fo_tree *tree);

const char *fo_kind_name(fo_kind kind); /* "block", "table-cell", ... */
int fo_is_inline(const fo_node *node);  /* inline-level FO or text */

/* Recomputes the props of node and its descendants as if node's parent
 * had the given props (used for fo:retrieve-marker). */
void fo_tree_recompute(fo_tree *tree, fo_node *node, const fo_props *parent,
                       diag_list *diags);

/* Structure checker used by the tests: parent/sibling links consistent. */
int fo_tree_check(const fo_tree *tree);

#endif
