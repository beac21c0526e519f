#include "source_validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include <libxml/relaxng.h>

#include "source_guard.h"
#include "source_loc.h"

/* Root element name -> schema, relative to the project root. */
static const struct {
    const char *root;
    const char *schema;
} schema_table[] = {
    {"report", "styles/report.rng"},
};

#define SCHEMA_COUNT (sizeof schema_table / sizeof *schema_table)

const char *source_schema_for(const char *root_name)
{
    for (size_t i = 0; root_name && i < SCHEMA_COUNT; i++)
        if (strcmp(schema_table[i].root, root_name) == 0)
            return schema_table[i].schema;
    return NULL;
}

static xmlRelaxNGPtr schema_parse(const char *rng_path, source_guard *g)
{
    xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt(rng_path);
    if (!pctxt)
        return NULL;
    xmlRelaxNGSetParserStructuredErrors(pctxt, source_guard_serror, g);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    if (!schema && source_guard_errors(g) == 0)
        diag_add(g->diags, DIAG_ERROR, STAGE_VALIDATE,
                 (diag_loc){rng_path, 0, 0},
                 "cannot read the RELAX NG schema; check that the file exists "
                 "and is a valid schema");
    return schema;
}

static int schema_check(xmlRelaxNGPtr schema, xmlDocPtr doc, source_guard *g)
{
    xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(schema);
    if (!vctxt)
        return -1;
    xmlRelaxNGSetValidStructuredErrors(vctxt, source_guard_serror, g);
    int r = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    if (r != 0 && source_guard_errors(g) == 0)
        diag_add(g->diags, DIAG_ERROR, STAGE_VALIDATE,
                 source_node_loc(xmlDocGetRootElement(doc), g->diags),
                 "the document does not follow its schema");
    return r == 0 ? 0 : -1;
}

struct source_schema {
    xmlRelaxNGPtr rng;
    char *path;
};

/* The folders a schema may read from, and the messages' guard. */
static void schema_roots(source_roots *roots, const char *rng_path,
                         const source_opts *opts)
{
    source_roots_add(roots, opts && opts->project_root ? opts->project_root
                                                       : ".");
    source_roots_add_dir_of(roots, rng_path);
    source_roots_add_opts(roots, opts);
}

source_schema *source_schema_load(const char *rng_path, const source_opts *opts,
                                  diag_list *diags)
{
    if (access(rng_path, R_OK) != 0) {
        diag_add(diags, DIAG_ERROR, STAGE_VALIDATE, (diag_loc){rng_path, 0, 0},
                 "cannot read the schema: %s; check the project root",
                 strerror(errno));
        return NULL;
    }
    source_roots roots = {0};
    schema_roots(&roots, rng_path, opts);
    source_guard g;
    source_guard_enter(&g, diags, STAGE_VALIDATE, &roots, rng_path);
    xmlRelaxNGPtr rng = schema_parse(rng_path, &g);
    if (rng && source_guard_errors(&g) > 0) {
        xmlRelaxNGFree(rng);
        rng = NULL;
    }
    source_guard_leave(&g);
    source_roots_free(&roots);
    if (!rng)
        return NULL;
    source_schema *s = malloc(sizeof *s);
    char *path = strdup(rng_path);
    if (!s || !path)
        abort();
    *s = (source_schema){rng, path};
    return s;
}

int source_schema_validate(const source_schema *s, xmlDocPtr doc,
                           const source_opts *opts, diag_list *diags)
{
    source_roots roots = {0};
    schema_roots(&roots, s->path, opts);
    source_guard g;
    source_guard_enter(&g, diags, STAGE_VALIDATE, &roots, s->path);
    int r = schema_check(s->rng, doc, &g);
    if (source_guard_errors(&g) > 0)
        r = -1;
    source_guard_leave(&g);
    source_roots_free(&roots);
    return r;
}

void source_schema_free(source_schema *s)
{
    if (!s)
        return;
    xmlRelaxNGFree(s->rng);
    free(s->path);
    free(s);
}

int source_validate_with(xmlDocPtr doc, const char *rng_path,
                         const source_opts *opts, diag_list *diags)
{
    source_schema *s = source_schema_load(rng_path, opts, diags);
    int r = s ? source_schema_validate(s, doc, opts, diags) : -1;
    source_schema_free(s);
    return r;
}

static void no_schema(xmlNodePtr root, diag_list *diags)
{
    char known[256] = "";
    for (size_t i = 0; i < SCHEMA_COUNT; i++) {
        size_t n = strlen(known);
        snprintf(known + n, sizeof known - n, "%s<%s>", i ? ", " : "",
                 schema_table[i].root);
    }
    diag_add(diags, DIAG_ERROR, STAGE_VALIDATE, source_node_loc(root, diags),
             "mkdoc has no schema for a document whose root element is "
             "<%s>; the root element must be one of %s",
             root ? (const char *)root->name : "(none)", known);
}

int source_validate(xmlDocPtr doc, const source_opts *opts, diag_list *diags)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    const char *rel = root ? source_schema_for((const char *)root->name) : NULL;
    if (!rel) {
        no_schema(root, diags);
        return -1;
    }
    const char *project = opts && opts->project_root ? opts->project_root : ".";
    size_t n = strlen(project) + strlen(rel) + 2;
    char *path = malloc(n);
    if (!path)
        abort();
    snprintf(path, n, "%s/%s", project, rel);
    int r = source_validate_with(doc, path, opts, diags);
    free(path);
    return r;
}
