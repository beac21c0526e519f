/* source_loc: where a node of the user's XML came from, as FILE:LINE.
 *
 * XSLT loses source locations, so the stylesheets stamp every FO element with
 * mk:loc="{mk:loc()}" (source_transform.h) and the FO tree builder parses the
 * string back with source_loc_parse. The FILE of a node is the name the
 * document was loaded under (as the user typed it: "docs/reports/2022.xml",
 * "<stdin>") or, for content pulled in by XInclude, the included file's name
 * resolved against it (libxml2 records it as xml:base; see source_load.h).
 * URI escapes are undone ("my%20file.xml" -> "my file.xml").
 * The LINE is libxml2's (parsed with XML_PARSE_BIG_LINES, so lines past
 * 65535 stay right). Columns are not recorded by libxml2's tree: 0.
 *
 * Memory: source_node_file returns a string the caller frees with xmlFree;
 * file names in diag_loc values are interned in the given diag_list. */
#ifndef MKDOC_SOURCE_LOC_H
#define MKDOC_SOURCE_LOC_H

#include <libxml/tree.h>

#include "../base/diag.h"
#include "../base/vec.h"

/* File name of node (see above), or NULL when the document has no name. */
xmlChar *source_node_file(const xmlNode *node);
/* 1-based line of node (an attribute's: its element's), 0 if unknown. */
int source_node_line(const xmlNode *node);
/* Both, with the file interned in interner; col = 0. */
diag_loc source_node_loc(const xmlNode *node, diag_list *interner);

/* Parses "FILE:LINE" (as made by mk:loc; FILE may itself contain ':', the
 * last one separates) into *out, the file interned in interner. Returns 0,
 * or -1 for a malformed string (then *out = {NULL, 0, 0}). */
/* 1-based column of the start tag "<qname" on that line of file, or 0. */
int source_column_of(const char *file, int line, const char *qname);

/* Columns of many elements of the same files: each file is read once. */
typedef struct {
    char *path, *text;
    size_t len;
    size_t *starts;   /* byte offset of each line */
    size_t n_lines;
} source_lines_file;
typedef struct {
    VEC(source_lines_file) files;
} source_lines;
int source_lines_column(source_lines *sl, const char *file, int line, const char *qname);
/* The column of element node's start tag at file:line (0 for other nodes). */
int source_node_column(source_lines *sl, const xmlNode *node, const char *file, int line);
void source_lines_free(source_lines *sl);

int source_loc_parse(const char *mkloc, diag_loc *out, diag_list *interner);

#endif
