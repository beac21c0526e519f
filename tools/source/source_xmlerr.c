/* source_xmlerr: libxml2's structured errors in plain words.
 *
 * libxml2 says "Opening and ending tag mismatch: para line 12 and section";
 * an editor who is not a programmer needs that plus what to do about it. A
 * table maps error codes (and, where one code covers several cases, a piece
 * of libxml2's text) to advice; the message becomes
 *     "<what kind of problem>: <libxml2's text>; <advice>".
 * Part of source_guard (declared in source_guard.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_guard.h"
#include "source_loc.h"

typedef struct {
    int code;
    const char *text; /* NULL, or a piece libxml2's message must contain */
    const char *advice;
} xmlerr_advice;

static const xmlerr_advice advice_table[] = {
    {XML_ERR_DOCUMENT_EMPTY, NULL,
     "the file is empty or holds no element; a document starts with "
     "<?xml version=\"1.0\" encoding=\"UTF-8\"?> and one root element such "
     "as <report>"},
    {XML_ERR_INVALID_CHAR, "UTF-8",
     "the file is not valid UTF-8; save it as UTF-8 in your editor (or "
     "declare its real encoding in <?xml ... encoding=\"...\"?>)"},
    {XML_ERR_INVALID_CHAR, NULL,
     "remove the control character (often a NUL byte or similar pasted from "
     "another program); XML does not allow it"},
    {XML_ERR_INVALID_ENCODING, NULL,
     "the file is not valid in its encoding; save it as UTF-8"},
    {XML_ERR_ENTITY_LOOP, NULL,
     "entities here expand into an enormous text (a loop or a 'billion "
     "laughs' pattern); mkdoc stops to protect memory: define entities "
     "without nesting them"},
    {XML_ERR_INTERNAL_ERROR, "depth",
     "elements are nested more than 256 levels deep, the limit mkdoc keeps "
     "from libxml2; flatten the structure"},
    {XML_ERR_NO_MEMORY, NULL,
     "a size limit was reached (a text or attribute longer than 10 MB, or "
     "memory ran out); split the content"},
    {XML_ERR_UNDECLARED_ENTITY, NULL,
     "write the character itself or a numeric reference such as &#160;; "
     "HTML names like &nbsp; are not XML"},
    {XML_WAR_UNDECLARED_ENTITY, NULL,
     "write the character itself or a numeric reference such as &#160;"},
    {XML_ERR_NAME_REQUIRED, "EntityRef", "write a plain & as &amp;"},
    {XML_ERR_ENTITYREF_SEMICOL_MISSING, NULL,
     "write a plain & as &amp;, or end the entity reference with ';'"},
    {XML_ERR_LT_IN_ATTRIBUTE, NULL, "write < inside an attribute as &lt;"},
    {XML_ERR_ATTRIBUTE_NOT_STARTED, NULL,
     "put attribute values in quotes: name=\"value\""},
    {XML_ERR_ATTRIBUTE_WITHOUT_VALUE, NULL,
     "give the attribute a value in quotes: name=\"value\""},
    {XML_ERR_ATTRIBUTE_NOT_FINISHED, NULL,
     "close the attribute's quotes"},
    {XML_ERR_ATTRIBUTE_REDEFINED, NULL, "remove the repeated attribute"},
    {XML_ERR_GT_REQUIRED, NULL,
     "check the tag for a missing '>' or an unclosed quote"},
    {XML_ERR_LTSLASH_REQUIRED, NULL, "check the end tag's spelling"},
    {XML_ERR_EXTRA_CONTENT, NULL,
     "a document has exactly one root element; move this content inside it"},
    {XML_ERR_DOCUMENT_END, NULL,
     "a document has exactly one root element; move this content inside it"},
    {XML_ERR_NAME_REQUIRED, NULL,
     "a '<' must start a tag; write a plain < as &lt;"},
    {XML_ERR_STRING_NOT_CLOSED, NULL, "close the quotes"},
    {XML_ERR_HYPHEN_IN_COMMENT, NULL, "comments may not contain '--'"},
    {XML_NS_ERR_UNDEFINED_NAMESPACE, NULL,
     "declare the prefix on the root element, for example "
     "xmlns:xi=\"http://www.w3.org/2001/XInclude\""},
    {XML_IO_LOAD_ERROR, NULL,
     "check that the file exists inside the document's folder"},
    {XML_XINCLUDE_HREF_URI, NULL,
     "the href is not a valid URI reference: write a space as %20 or "
     "rename the file without spaces"},
    {XML_XINCLUDE_NO_FALLBACK, NULL,
     "check the href: it must name a file inside the document's folder"},
};

static int is_parser_domain(int domain);

/* Codes are only unique within a family of domains: RELAX NG validity
 * codes, for one, reuse the parser's small numbers. */
static const char *advice_for(const xmlError *err)
{
    if (!is_parser_domain(err->domain) && err->domain != XML_FROM_XINCLUDE)
        return NULL;
    for (size_t i = 0; i < sizeof advice_table / sizeof *advice_table; i++) {
        const xmlerr_advice *a = &advice_table[i];
        if (a->code == err->code &&
            (!a->text || (err->message && strstr(err->message, a->text))))
            return a->advice;
    }
    return NULL;
}

/* libxml2's own text: trailing newline cut, first letter lowered unless it
 * starts an acronym ("XInclude"). */
static char *clean_text(const char *msg)
{
    char *s = strdup(msg && *msg ? msg : "unknown problem");
    if (!s)
        abort();
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
        s[--n] = '\0';
    for (char *p = s; *p; p++)
        if (*p == '\n')
            *p = ' ';
    if (isupper((unsigned char)s[0]) && islower((unsigned char)s[1]))
        s[0] = (char)tolower((unsigned char)s[0]);
    return s;
}

static int is_parser_domain(int domain)
{
    return domain == XML_FROM_PARSER || domain == XML_FROM_NAMESPACE ||
           domain == XML_FROM_I18N || domain == XML_FROM_IO ||
           domain == XML_FROM_DTD;
}

static const char *kind_of(const xmlError *err)
{
    if (err->level == XML_ERR_WARNING)
        return "";
    switch (err->domain) {
    case XML_FROM_PARSER:
    case XML_FROM_NAMESPACE:
    case XML_FROM_I18N: return "the XML is not well-formed: ";
    case XML_FROM_XINCLUDE: return "XInclude failed: ";
    case XML_FROM_RELAXNGV: return "does not follow the schema: ";
    case XML_FROM_RELAXNGP: return "the schema itself is broken: ";
    case XML_FROM_XPATH: return "XPath error: ";
    default: return "";
    }
}

/* Advice built from the error's own fields, for the commonest mistakes. */
/* "declare the prefix ...", with the namespace a known prefix stands for
 * (the example must be the prefix the document used, not another one). */
static void undeclared_prefix_advice(const char *prefix, char *buf, size_t n)
{
    static const struct { const char *prefix, *uri; } known[] = {
        {"xi", "http://www.w3.org/2001/XInclude"},
        {"fo", "http://www.w3.org/1999/XSL/Format"},
        {"axf", "http://www.antennahouse.com/names/XSL/Extensions"},
        {"mk", "urn:mkdoc:ext"},
    };
    for (size_t k = 0; k < sizeof known / sizeof *known; k++)
        if (strcmp(prefix, known[k].prefix) == 0) {
            snprintf(buf, n, "declare the prefix on the root element: "
                     "xmlns:%s=\"%s\"", prefix, known[k].uri);
            return;
        }
    snprintf(buf, n, "declare the prefix on the root element: "
             "xmlns:%.64s=\"the namespace's URI\"", prefix);
}

static void dynamic_advice(const xmlError *err, char *buf, size_t n)
{
    buf[0] = '\0';
    if (err->code == XML_ERR_TAG_NAME_MISMATCH && err->str1 && err->str2)
        snprintf(buf, n, "close <%s> before </%s>", err->str1, err->str2);
    else if (err->code == XML_ERR_TAG_NOT_FINISHED && err->str1)
        snprintf(buf, n, "close <%s> with </%s>", err->str1, err->str1);
    else if (err->code == XML_NS_ERR_UNDEFINED_NAMESPACE && err->str1)
        undeclared_prefix_advice(err->str1, buf, n);
}

static diag_loc error_loc(source_guard *g, const xmlError *err)
{
    if (err->node && !is_parser_domain(err->domain))
        return source_node_loc(err->node, g->diags);
    diag_loc loc = {err->file, err->line, 0};
    if (is_parser_domain(err->domain))
        loc.col = err->int2;
    if (!loc.file) /* an entity's text: point at the reference */
        loc = source_guard_input_loc(
            g, is_parser_domain(err->domain) ? err->ctxt : NULL);
    return loc;
}

static int repeats_last(diag_list *diags, diag_severity sev, diag_loc loc,
                        const char *msg)
{
    size_t n = diag_count(diags);
    const diag *d = n ? diag_at(diags, n - 1) : NULL;
    return d && d->severity == sev && d->loc.line == loc.line &&
           strcmp(d->message, msg) == 0;
}

void source_xmlerr_add(source_guard *g, const xmlError *err)
{
    if (g->entity_capped && is_parser_domain(err->domain))
        return; /* the cascade after we stopped the parser says nothing */
    diag_severity sev = err->level == XML_ERR_WARNING ? DIAG_WARNING
                                                      : DIAG_ERROR;
    if (err->domain == XML_FROM_XINCLUDE && g->detail) {
        /* the guard refused the read (and knew no line): its reason, at
         * the xi:include, says more than "could not load" */
        diag_add(g->diags, sev, g->stage, error_loc(g, err), "%s", g->detail);
        free(g->detail);
        g->detail = NULL;
        return;
    }
    char dyn[512];
    dynamic_advice(err, dyn, sizeof dyn);
    const char *advice = dyn[0] ? dyn : advice_for(err);
    char *text = clean_text(err->message);
    if (err->domain == XML_FROM_XPATH && err->str1) { /* the expression */
        size_t tn = strlen(text) + strlen(err->str1) + 8;
        char *t = malloc(tn);
        if (!t)
            abort();
        snprintf(t, tn, "%s in '%s'", text, err->str1);
        free(text);
        text = t;
    }
    diag_loc loc = error_loc(g, err);
    const char *kind = kind_of(err);
    size_t n = strlen(kind) + strlen(text) + (advice ? strlen(advice) : 0) + 4;
    char *msg = malloc(n);
    if (!msg)
        abort();
    snprintf(msg, n, "%s%s%s%s", kind, text, advice ? "; " : "",
             advice ? advice : "");
    if (err->domain == XML_FROM_XPATH && g->stage == STAGE_XSLT &&
        sev == DIAG_ERROR && !err->node) {
        source_guard_hold_detail(g, msg); /* joins libxslt's next message */
        msg = NULL;
    } else if (!repeats_last(g->diags, sev, loc, msg)) {
        diag_add(g->diags, sev, g->stage, loc, "%s", msg);
    }
    free(msg);
    free(text);
}
