#include "source_guard.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlIO.h>
#include <libxslt/xsltutils.h>

#include "source_loc.h"
#include "source_xinclude.h"

#define SOURCE_GUARD_MAGIC 0x6d6b6763u /* "mkgc" */

void source_guard_serror(void *ctx, xmlErrorPtr err)
{
    source_guard *g = ctx;
    if (g && g->magic == SOURCE_GUARD_MAGIC && err)
        source_xmlerr_add(g, err);
}

source_guard *source_guard_current(void)
{
    if (xmlStructuredError != source_guard_serror)
        return NULL;
    source_guard *g = xmlStructuredErrorContext;
    return g && g->magic == SOURCE_GUARD_MAGIC ? g : NULL;
}

static int input_loc(xmlParserCtxtPtr ctxt, diag_loc *loc)
{
    for (int i = ctxt ? ctxt->inputNr - 1 : -1; i >= 0; i--) {
        xmlParserInputPtr in = ctxt->inputTab[i];
        if (in && in->filename) {
            *loc = (diag_loc){in->filename, in->line, in->col};
            return 1;
        }
    }
    return 0;
}

diag_loc source_guard_input_loc(const source_guard *g, xmlParserCtxtPtr ctxt)
{
    diag_loc loc = {g->file, 0, 0};
    if (!input_loc(ctxt, &loc))
        input_loc(g->parser, &loc);
    return loc;
}

static void loader_refuse(source_guard *g, source_path_verdict v,
                          const char *url, xmlParserCtxtPtr ctxt)
{
    diag_loc at = source_guard_input_loc(g, ctxt);
    if (v == SOURCE_PATH_NETWORK) {
        diag_add(g->diags, DIAG_ERROR, g->stage, at,
                 "refusing to fetch '%s': mkdoc never reads from the network; "
                 "save the file next to the document and refer to it by a "
                 "relative path (for a DTD: remove the DOCTYPE line)", url);
        return;
    }
    char *roots = source_roots_describe(g->roots);
    static const char fmt[] =
        "refusing to read '%s': it is outside the folders mkdoc may read "
        "here (%s); move the file into the document's folder or allow its "
        "folder with --allow-root DIR";
    if (g->watch_roots && at.line == 0) {
        /* an XInclude: no line here, but libxml2's error about the
         * xi:include follows and takes this text (source_xmlerr.c) */
        size_t n = sizeof fmt + strlen(url) + strlen(roots);
        char *text = malloc(n);
        if (!text)
            abort();
        snprintf(text, n, fmt, url, roots);
        source_guard_hold_detail(g, text);
    } else {
        diag_add(g->diags, DIAG_ERROR, g->stage, at, fmt, url, roots);
    }
    free(roots);
}

/* A missing entity or DTD silently reads as empty text in libxml2 2.9
 * (its default loader only warns), so in a document that is an error. An
 * XInclude may have a fallback: nothing here, XInclude reports its own
 * error when there is none. A stylesheet may probe with document(): a
 * warning. */
static void loader_missing(source_guard *g, const char *url,
                           xmlParserCtxtPtr ctxt)
{
    if (g->watch_roots)
        return;
    int strict = g->stage == STAGE_SOURCE;
    diag_add(g->diags, strict ? DIAG_ERROR : DIAG_WARNING, g->stage,
             source_guard_input_loc(g, ctxt),
             "cannot find '%s'; check the file name and that it exists", url);
}

/* xmlExternalEntityLoader for every read made under a guard. */
static xmlParserInputPtr guard_loader(const char *url, const char *id,
                                      xmlParserCtxtPtr ctxt)
{
    source_guard *g = source_guard_current();
    if (!g)
        return xmlNoNetExternalEntityLoader(url, id, ctxt);
    if (!ctxt)
        return NULL; /* xmlNewInputFromFile needs one; libxml2 always has one */
    char *canon = NULL;
    source_path_verdict v = source_roots_check(g->roots, url, &canon);
    if (v == SOURCE_PATH_MISSING) {
        loader_missing(g, url, ctxt);
        return NULL;
    }
    if (v != SOURCE_PATH_OK) {
        loader_refuse(g, v, url, ctxt);
        return NULL;
    }
    int fresh = ctxt->inputNr == 0; /* a new document, not its DTD */
    xmlParserInputPtr in = xmlNewInputFromFile(ctxt, canon);
    free(canon);
    if (in && fresh && g->watch_roots)
        source_xinclude_watch(ctxt);
    /* Keep the name as the user's document spelled it (relative), so
     * messages and mk:loc read "docs/reports/ch1.xml", not /home/... */
    if (in && url && !source_url_has_scheme(url)) {
        xmlFree((char *)in->filename);
        in->filename = (char *)xmlStrdup((const xmlChar *)url);
    }
    return in;
}

void source_guard_enter(source_guard *g, diag_list *diags, diag_stage stage,
                        const source_roots *roots, const char *file)
{
    xmlInitParser();
    *g = (source_guard){0};
    g->magic = SOURCE_GUARD_MAGIC;
    g->diags = diags;
    g->stage = stage;
    g->roots = roots;
    g->file = file;
    g->errors_at_enter = diag_count_severity(diags, DIAG_ERROR);
    g->old_serror = xmlStructuredError;
    g->old_serror_ctx = xmlStructuredErrorContext;
    g->old_xml_generic = xmlGenericError;
    g->old_xml_generic_ctx = xmlGenericErrorContext;
    g->old_xslt_generic = xsltGenericError;
    g->old_xslt_generic_ctx = xsltGenericErrorContext;
    g->old_loader = xmlGetExternalEntityLoader();
    xmlSetStructuredErrorFunc(g, source_guard_serror);
    xmlSetGenericErrorFunc(g, source_guard_generic);
    xsltSetGenericErrorFunc(g, source_guard_generic);
    xmlSetExternalEntityLoader(guard_loader);
}

static void guard_flush_text(source_guard *g);

void source_guard_leave(source_guard *g)
{
    guard_flush_text(g);
    xmlSetExternalEntityLoader(g->old_loader);
    xsltSetGenericErrorFunc(g->old_xslt_generic_ctx, g->old_xslt_generic);
    xmlSetGenericErrorFunc(g->old_xml_generic_ctx, g->old_xml_generic);
    xmlSetStructuredErrorFunc(g->old_serror_ctx, g->old_serror);
    VEC_FREE(&g->text);
    g->magic = 0;
}

size_t source_guard_errors(const source_guard *g)
{
    return diag_count_severity(g->diags, DIAG_ERROR) - g->errors_at_enter;
}

/* ---- generic (printf-style) messages from libxslt and libxml2 ---- */

static const char *skip_prefix(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(s, prefix, n) == 0 ? s + n : NULL;
}

/* libxslt's xsltPrintErrorContext writes
 *   "<type>: file F line N element E" (each part optional)
 * before the message itself; remember it as the next message's location. */
static int parse_context_line(source_guard *g, const char *line)
{
    static const char *const types[] = {"runtime error: ",
                                        "compilation error: ", "error: "};
    const char *p = NULL;
    for (size_t i = 0; !p && i < sizeof types / sizeof *types; i++)
        p = skip_prefix(line, types[i]);
    const char *f = p ? skip_prefix(p, "file ") : NULL;
    if (!f)
        return 0;
    const char *end = strstr(f, " line ");
    const char *elem = strstr(f, " element ");
    if (!end || (elem && elem < end))
        end = elem ? elem : f + strlen(f);
    char *file = strndup(f, (size_t)(end - f));
    if (!file)
        abort();
    int lineno = 0;
    if (skip_prefix(end, " line "))
        lineno = atoi(end + 6);
    g->pending = (diag_loc){diag_intern(g->diags, file), lineno, 0};
    g->have_pending = 1;
    free(file);
    return 1;
}

/* A line with no context line before it: xsl:message output or a bare
 * library notice. "FILE:LINE: " and "error: " prefixes are honoured (see
 * source_transform.h). */
static void guard_bare_line(source_guard *g, const char *line)
{
    static const struct {
        const char *prefix;
        diag_severity sev;
    } sevs[] = {{"error: ", DIAG_ERROR},
                {"warning: ", DIAG_WARNING},
                {"note: ", DIAG_NOTE}};
    diag_loc loc = {g->file, 0, 0};
    diag_severity sev = DIAG_WARNING;
    const char *sep = strstr(line, ": ");
    if (sep) {
        char *head = strndup(line, (size_t)(sep - line));
        diag_loc at;
        if (!head)
            abort();
        if (source_loc_parse(head, &at, g->diags) == 0 && at.line > 0) {
            loc = at;
            line = sep + 2;
        }
        free(head);
    }
    for (size_t i = 0; i < sizeof sevs / sizeof *sevs; i++) {
        const char *rest = skip_prefix(line, sevs[i].prefix);
        if (rest) {
            sev = sevs[i].sev;
            line = rest;
            break;
        }
    }
    diag_add(g->diags, sev, g->stage, loc, "%s", line);
}

static void guard_drop_detail(source_guard *g)
{
    if (g->detail)
        diag_add(g->diags, DIAG_ERROR, g->stage, (diag_loc){g->file, 0, 0},
                 "%s", g->detail);
    free(g->detail);
    g->detail = NULL;
}

void source_guard_hold_detail(source_guard *g, char *text)
{
    guard_drop_detail(g);
    g->detail = text;
}

static void guard_text_line(source_guard *g, const char *line)
{
    if (line[0] == '\0' || parse_context_line(g, line))
        return;
    if (g->have_pending) {
        size_t n = strlen(line);
        int dot = n > 0 && line[n - 1] == '.';
        diag_add(g->diags, DIAG_ERROR, g->stage, g->pending,
                 "the stylesheet failed: %.*s%s%s%s", (int)(n - (size_t)dot),
                 line, g->detail ? " (" : "",
                 g->detail ? g->detail : "",
                 g->detail ? ")" : "");
        free(g->detail);
        g->detail = NULL;
        g->have_pending = 0;
        return;
    }
    guard_bare_line(g, line);
}

static void guard_take_lines(source_guard *g)
{
    size_t start = 0;
    for (size_t i = 0; i < g->text.len; i++) {
        if (g->text.v[i] != '\n')
            continue;
        g->text.v[i] = '\0';
        guard_text_line(g, g->text.v + start);
        start = i + 1;
    }
    memmove(g->text.v, g->text.v + start, g->text.len - start);
    g->text.len -= start;
}

static void guard_flush_text(source_guard *g)
{
    if (g->text.len == 0 && !g->have_pending) {
        guard_drop_detail(g);
        return;
    }
    VEC_PUSH(&g->text, '\n');
    guard_take_lines(g);
    if (g->have_pending)
        diag_add(g->diags, DIAG_ERROR, g->stage, g->pending,
                 "the stylesheet failed here");
    g->have_pending = 0;
    guard_drop_detail(g);
}

void source_guard_generic(void *ctx, const char *fmt, ...)
{
    source_guard *g = ctx;
    if (!g || g->magic != SOURCE_GUARD_MAGIC)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    VEC_RESERVE(&g->text, g->text.len + (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(g->text.v + g->text.len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    g->text.len += (size_t)n;
    guard_take_lines(g);
}
