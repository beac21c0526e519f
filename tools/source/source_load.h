/* source_load: reading the user's XML, safely.
 *
 * Owns the parser settings for every source document. Documents are treated
 * as hostile:
 *   - no network, ever (XML_PARSE_NONET and the guard's loader);
 *   - no external DTD is loaded (no XML_PARSE_DTDLOAD / DTDVALID);
 *   - internal entities are expanded (XML_PARSE_NOENT), external ones only
 *     from inside the document's folder tree or opts->allowed_roots
 *     (so <!ENTITY x SYSTEM "file:///etc/passwd"> is refused, with an error);
 *   - entity expansion is bounded by libxml2 2.9.14's own amplification
 *     checks (we never pass XML_PARSE_HUGE): a "billion laughs" document
 *     fails in milliseconds with "entity reference loop"; and by our own
 *     cap of 1 MiB of entity text per document, which stops flat
 *     ("quadratic blowup") expansion before libxml2's 10 MB text limit;
 *   - nesting is bounded at 256 levels and text nodes at 10 MB (libxml2's
 *     limits without XML_PARSE_HUGE), reported as errors;
 *   - XInclude is processed after parsing, reading only inside the same
 *     folders; every included element gets xml:base (the XInclude spec's
 *     base URI fixup, done always: source_xinclude.h), which is how mk:loc
 *     and validation messages know its file. Schemas must therefore allow
 *     xml:base on elements that may be included.
 *   - line numbers are kept for every node (XML_PARSE_BIG_LINES).
 * Every libxml2 message goes into diags with FILE:LINE:COL (source_guard.h).
 *
 * Returns a document only if no error was reported while loading; the caller
 * frees it with xmlFreeDoc. On failure returns NULL and diags says why. */
#ifndef MKDOC_SOURCE_LOAD_H
#define MKDOC_SOURCE_LOAD_H

#include <stddef.h>

#include <libxml/tree.h>

#include "../base/diag.h"
#include "source_path.h"

/* path "-" reads standard input, named "<stdin>", with the current folder
 * as its folder. Any other path is used as given: it becomes the document's
 * name in every message and in mk:loc. */
xmlDocPtr source_load_file(const char *path, const source_opts *opts,
                           diag_list *diags);

/* source_load_file, also handing back the bytes that were parsed (all of
 * stdin for "-"; the file's content otherwise), for a later stage that
 * finds columns in them (source_tags.h). *text is malloc'd, freed by the
 * caller; NULL (with *len = 0) when the document did not load or the file
 * could not be read a second time. */
xmlDocPtr source_load_file_text(const char *path, const source_opts *opts,
                                diag_list *diags, char **text, size_t *len);

/* Parses len bytes. name is the document's name for messages and mk:loc
 * (e.g. "<stdin>"); its folder ("." if it has no '/') is the document's
 * folder for XInclude and external entities. */
xmlDocPtr source_load_memory(const char *data, size_t len, const char *name,
                             const source_opts *opts, diag_list *diags);

#endif
