/* source_guard: libxml2's and libxslt's process-wide hooks, held for one call.
 *
 * libxml2 2.9 and libxslt 1.1 report errors and load files through global
 * hooks: the structured error handler (xmlSetStructuredErrorFunc, per
 * thread), the generic error handlers of libxml2 (per thread) and libxslt
 * (process-wide), and the external entity loader (xmlSetExternalEntityLoader,
 * process-wide). 2.9 has no per-context resource loader (that came in 2.14).
 * So every public source_* call does
 *
 *     source_guard g;  source_guard_enter(&g, ...);  ... libxml2 work ...
 *     source_guard_leave(&g);
 *
 * enter saves the current hooks and installs ours; leave restores exactly
 * what was there. While a guard is active:
 *   - every libxml2 error (parser, namespaces, XInclude, RELAX NG, XPath) and
 *     every libxslt message becomes a diag value with FILE:LINE:COL and a
 *     message in plain words with what to do (source_xmlerr.c);
 *   - every file libxml2 or libxslt wants to read (the document itself,
 *     external entities and DTDs, XIncludes, xsl:import, document()) must lie
 *     inside the guard's roots (source_path.h); network reads are refused.
 * The loader has no user-data pointer, so it finds the active guard through
 * xmlStructuredErrorContext, which enter set to the guard (checked by a magic
 * number); a load on a thread without an active guard falls back to
 * libxml2's no-network loader. mkdoc keeps no mutable globals of its own.
 *
 * Consequence for callers: do not run source_* calls concurrently on two
 * threads (the entity loader and libxslt's error hook are process-wide).
 * Guards nest (each restores what it saved). The guard owns nothing it is
 * given: diags, roots and file are borrowed for the guard's lifetime. */
#ifndef MKDOC_SOURCE_GUARD_H
#define MKDOC_SOURCE_GUARD_H

#include <stddef.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "../base/diag.h"
#include "../base/vec.h"
#include "source_path.h"

typedef struct source_guard {
    unsigned magic;
    diag_list *diags;          /* not owned */
    diag_stage stage;
    const source_roots *roots; /* not owned: folders reads may come from */
    const char *file;          /* not owned: location for errors without one */
    size_t errors_at_enter;
    /* The parser reading the user's file, if one is running: entity text
     * is parsed by short-lived inner parsers with no file name, and errors
     * there are located at the reference in this one. Not owned. */
    xmlParserCtxtPtr parser;
    int watch_roots;     /* loader marks opened documents' roots */
    size_t entity_bytes; /* source_load's own expansion cap */
    int entity_capped;
    /* libxslt and libxml2 generic messages arrive in fragments: a context
     * line ("runtime error: file F line N element E") then the message. */
    VEC(char) text;
    diag_loc pending;
    int have_pending;
    /* An XPath error or a refused read during XSLT carries no location; it
     * waits here to be joined to libxslt's located message that follows
     * it. Owned. */
    char *detail;
    /* saved hooks */
    xmlStructuredErrorFunc old_serror;
    void *old_serror_ctx;
    xmlGenericErrorFunc old_xml_generic;
    void *old_xml_generic_ctx;
    xmlGenericErrorFunc old_xslt_generic;
    void *old_xslt_generic_ctx;
    xmlExternalEntityLoader old_loader;
} source_guard;

void source_guard_enter(source_guard *g, diag_list *diags, diag_stage stage,
                        const source_roots *roots, const char *file);
void source_guard_leave(source_guard *g);

/* The active guard of this thread, found through libxml2's (thread-local)
 * structured error context; NULL when no source_* call is running. */
source_guard *source_guard_current(void);

/* Number of DIAG_ERROR entries added since enter. */
size_t source_guard_errors(const source_guard *g);

/* The structured handler enter installs, for per-context hooks that take
 * one (xmlRelaxNGSetValidStructuredErrors); ctx must be the active guard. */
void source_guard_serror(void *ctx, xmlErrorPtr err);

/* The libxslt-style generic handler, for per-context hooks that take one
 * (xsltSetTransformErrorFunc); ctx must be the active guard. */
void source_guard_generic(void *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Holds text explaining the next located libxslt message (an XPath error,
 * a refused read); takes ownership of text (malloc'd). */
void source_guard_hold_detail(source_guard *g, char *text);

/* Translates one libxml2 error into a diag (source_xmlerr.c). */
void source_xmlerr_add(source_guard *g, const xmlError *err);

/* The position of the innermost input with a file name in ctxt, else in
 * g->parser; else {g->file, 0, 0}. */
diag_loc source_guard_input_loc(const source_guard *g, xmlParserCtxtPtr ctxt);

#endif
