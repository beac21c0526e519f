/* source_xinclude: recording which file XIncluded content came from.
 *
 * libxml2 2.9 adds xml:base to included elements only when the included
 * file's relative URI contains a '/': content included from the same folder
 * (the usual case: docs/reports/2022.xml including 2022-finance.xml) would
 * look as if it came from the including file, and mk:loc would point at the
 * wrong file. Marking afterwards is impossible: nested includes lose their
 * href on the way. So while source_load processes XIncludes, the guard's
 * loader calls source_xinclude_watch on the parser of every document it
 * opens, and that parser gives the document's root element an xml:base
 * naming its own file ("part.xml"). libxml2's base fixup then keeps it
 * (same folder) or rewrites it correctly ("sub/chapter.xml"); either way
 * xmlNodeGetBase of any included node names its file.
 *
 * Limits: content picked out of a file by xpointer (not its root element)
 * stays attributed to the includer; fallback content rightly does too. */
#ifndef MKDOC_SOURCE_XINCLUDE_H
#define MKDOC_SOURCE_XINCLUDE_H

#include <libxml/parser.h>

/* Hooks ctxt's SAX start-element so the document's root element gets
 * xml:base = the last segment of the document's URL. Only for a fresh
 * document parser using libxml2's SAX2 handler; otherwise does nothing. */
void source_xinclude_watch(xmlParserCtxtPtr ctxt);

#endif
