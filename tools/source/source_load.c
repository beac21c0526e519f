#include "source_load.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/xinclude.h>

#include "../base/vec.h"
#include "source_guard.h"
#include "source_xinclude.h"

/* No XML_PARSE_HUGE (keeps libxml2's depth, size and entity amplification
 * limits), no DTDLOAD/DTDVALID (no external DTD), no RECOVER (errors are
 * errors). NOENT expands entities, through the guard's loader. */
#define SOURCE_PARSE_OPTIONS                                                 \
    (XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_BIG_LINES |               \
     XML_PARSE_NOCDATA)

/* Entity replacement text one document may pull in, in total. libxml2
 * 2.9.14 stops exponential expansion ("billion laughs") by itself, but a
 * flat one (a 10 KB entity used 10,000 times) runs to its 10 MB text limit
 * with quadratic copying first. Real documents use entities for a name or a
 * character: 1 MiB is far above that and stops the attack early. */
#define SOURCE_MAX_ENTITY_TEXT ((size_t)1 << 20)

typedef struct {
    const char *path; /* file to read, or NULL */
    const char *data; /* bytes in memory when path is NULL */
    size_t len;
    const char *name; /* the document's name for messages and mk:loc */
} load_input;

/* SAX getEntity: libxml2's, plus the SOURCE_MAX_ENTITY_TEXT count. */
static xmlEntityPtr load_get_entity(void *ctx, const xmlChar *name)
{
    xmlEntityPtr ent = xmlSAX2GetEntity(ctx, name);
    source_guard *g = source_guard_current();
    if (!ent || !g || ent->etype != XML_INTERNAL_GENERAL_ENTITY)
        return ent;
    g->entity_bytes += (size_t)(ent->length > 0 ? ent->length : 0);
    if (g->entity_bytes <= SOURCE_MAX_ENTITY_TEXT || g->entity_capped)
        return ent;
    g->entity_capped = 1;
    diag_add(g->diags, DIAG_ERROR, STAGE_SOURCE,
             source_guard_input_loc(g, ctx),
             "entities expand to more than %zu KB of text in total here "
             "(mkdoc's limit against 'billion laughs' documents); use "
             "entities for short texts only, or XInclude for long ones",
             SOURCE_MAX_ENTITY_TEXT / 1024);
    xmlStopParser(ctx);
    if (g->parser && g->parser != ctx)
        xmlStopParser(g->parser);
    return ent;
}

static xmlDocPtr load_parse(const load_input *in, source_guard *g)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        diag_add(g->diags, DIAG_INTERNAL, STAGE_SOURCE,
                 (diag_loc){in->name, 0, 0},
                 "out of memory creating the XML parser");
        return NULL;
    }
    g->parser = ctxt;
    ctxt->sax->getEntity = load_get_entity;
    xmlDocPtr doc =
        in->path ? xmlCtxtReadFile(ctxt, in->path, NULL, SOURCE_PARSE_OPTIONS)
                 : xmlCtxtReadMemory(ctxt, in->data, (int)in->len, in->name,
                                     NULL, SOURCE_PARSE_OPTIONS);
    if (doc && !ctxt->wellFormed) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    g->parser = NULL;
    xmlFreeParserCtxt(ctxt);
    return doc;
}

static void load_xinclude(xmlDocPtr doc, source_guard *g)
{
    g->watch_roots = 1; /* source_xinclude.h */
    int r = xmlXIncludeProcessFlags(doc, SOURCE_PARSE_OPTIONS |
                                             XML_PARSE_NOXINCNODE);
    g->watch_roots = 0;
    if (r < 0 && source_guard_errors(g) == 0)
        diag_add(g->diags, DIAG_ERROR, STAGE_SOURCE, (diag_loc){g->file, 0, 0},
                 "XInclude processing failed; check the <xi:include> "
                 "elements' href attributes");
}

static xmlDocPtr load_run(const load_input *in, const source_opts *opts,
                          diag_list *diags)
{
    source_roots roots = {0};
    source_roots_add_dir_of(&roots, in->name);
    source_roots_add_opts(&roots, opts);
    source_guard g;
    source_guard_enter(&g, diags, STAGE_SOURCE, &roots, in->name);
    xmlDocPtr doc = load_parse(in, &g);
    if (doc && !in->path) { /* keep the name as given, not URI-escaped */
        xmlFree((xmlChar *)doc->URL);
        doc->URL = xmlStrdup((const xmlChar *)in->name);
    }
    if (doc && !xmlDocGetRootElement(doc))
        diag_add(diags, DIAG_ERROR, STAGE_SOURCE, (diag_loc){in->name, 0, 0},
                 "the document has no root element; add one such as <report>");
    if (doc && source_guard_errors(&g) == 0)
        load_xinclude(doc, &g);
    if (!doc && source_guard_errors(&g) == 0)
        diag_add(diags, DIAG_ERROR, STAGE_SOURCE, (diag_loc){in->name, 0, 0},
                 "the document could not be read as XML");
    if (doc && source_guard_errors(&g) > 0) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    source_guard_leave(&g);
    source_roots_free(&roots);
    return doc;
}

static int load_empty(const char *name, diag_list *diags)
{
    diag_add(diags, DIAG_ERROR, STAGE_SOURCE, (diag_loc){name, 0, 0},
             "the file is empty; a document starts with <?xml version=\"1.0\" "
             "encoding=\"UTF-8\"?> and one root element such as <report>");
    return -1;
}

static int load_check_file(const char *path, diag_list *diags)
{
    struct stat st;
    diag_loc at = {path, 0, 0};
    if (stat(path, &st) != 0) {
        diag_add(diags, DIAG_ERROR, STAGE_SOURCE, at,
                 "cannot open the document: %s; check the path",
                 strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, STAGE_SOURCE, at,
                 "this is a folder, not an XML file; name the .xml file");
        return -1;
    }
    return st.st_size == 0 && S_ISREG(st.st_mode) ? load_empty(path, diags) : 0;
}

/* All of f (named name in messages); the caller frees. NULL on a read
 * error, which is reported unless diags is NULL. */
static char *load_read_stream(FILE *f, const char *name, size_t *len,
                              diag_list *diags)
{
    VEC(char) buf = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        VEC_RESERVE(&buf, buf.len + n);
        memcpy(buf.v + buf.len, chunk, n);
        buf.len += n;
    }
    if (ferror(f)) {
        if (diags)
            diag_add(diags, DIAG_ERROR, STAGE_SOURCE, (diag_loc){name, 0, 0},
                     "cannot read %s: %s", strcmp(name, "<stdin>") ? "the file"
                     : "standard input", strerror(errno));
        VEC_FREE(&buf);
        return NULL;
    }
    *len = buf.len;
    return buf.v ? buf.v : calloc(1, 1);
}

/* source_load_file, and when text is not NULL the bytes parsed too. */
static xmlDocPtr load_file(const char *path, const source_opts *opts,
                           diag_list *diags, char **text, size_t *len)
{
    if (strcmp(path, "-") == 0) {
        size_t n = 0;
        char *data = load_read_stream(stdin, "<stdin>", &n, diags);
        if (!data)
            return NULL;
        xmlDocPtr doc = source_load_memory(data, n, "<stdin>", opts, diags);
        if (doc && text) {
            *text = data;
            *len = n;
        } else {
            free(data);
        }
        return doc;
    }
    if (load_check_file(path, diags) != 0)
        return NULL;
    load_input in = {path, NULL, 0, path};
    xmlDocPtr doc = load_run(&in, opts, diags);
    /* libxml2 read the file itself (by path, so its messages and base URI
     * are the file's); a second read for columns costs one more pass over
     * a file already in the page cache. */
    FILE *f = doc && text ? fopen(path, "rb") : NULL;
    if (f) {
        size_t n = 0;
        *text = load_read_stream(f, path, &n, NULL); /* no columns, no harm */
        *len = *text ? n : 0;
        fclose(f);
    }
    return doc;
}

xmlDocPtr source_load_file_text(const char *path, const source_opts *opts,
                                diag_list *diags, char **text, size_t *len)
{
    *text = NULL;
    *len = 0;
    return load_file(path, opts, diags, text, len);
}

xmlDocPtr source_load_file(const char *path, const source_opts *opts,
                           diag_list *diags)
{
    return load_file(path, opts, diags, NULL, NULL);
}

xmlDocPtr source_load_memory(const char *data, size_t len, const char *name,
                             const source_opts *opts, diag_list *diags)
{
    if (!name)
        name = "<memory>";
    if (len == 0) {
        load_empty(name, diags);
        return NULL;
    }
    if (len > INT_MAX) { /* libxml2 2.9 takes an int size */
        diag_add(diags, DIAG_ERROR, STAGE_SOURCE, (diag_loc){name, 0, 0},
                 "the document is larger than 2 GB; split it with XInclude");
        return NULL;
    }
    load_input in = {NULL, data, len, name};
    return load_run(&in, opts, diags);
}
