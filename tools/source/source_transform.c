#include "source_transform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include <libexslt/exslt.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "source_guard.h"
#include "source_loc.h"

struct source_stylesheet {
    xsltStylesheetPtr xslt;
    char *path; /* owned: the name given to source_stylesheet_load */
};

/* What one transform run needs in libxslt's callbacks (ctxt->_private). */
typedef struct {
    source_roots roots;
    source_guard *guard; /* not owned */
    source_lines lines;  /* the source files' text, for mk:loc's columns */
} transform_run;

static const char *project_of(const source_opts *opts)
{
    return opts && opts->project_root ? opts->project_root : ".";
}

/* ---- compiling ---- */

source_stylesheet *source_stylesheet_load(const char *xsl_path,
                                          const source_opts *opts,
                                          diag_list *diags)
{
    if (access(xsl_path, R_OK) != 0) {
        diag_add(diags, DIAG_ERROR, STAGE_XSLT, (diag_loc){xsl_path, 0, 0},
                 "cannot read the stylesheet: %s; check the project root",
                 strerror(errno));
        return NULL;
    }
    source_roots roots = {0};
    source_roots_add(&roots, project_of(opts));
    source_roots_add_dir_of(&roots, xsl_path);
    source_roots_add_opts(&roots, opts);
    source_guard g;
    source_guard_enter(&g, diags, STAGE_XSLT, &roots, xsl_path);
    exsltRegisterAll(); /* process-wide registry; idempotent */
    xsltStylesheetPtr xslt = xsltParseStylesheetFile((const xmlChar *)xsl_path);
    if (!xslt && source_guard_errors(&g) == 0)
        diag_add(diags, DIAG_ERROR, STAGE_XSLT, (diag_loc){xsl_path, 0, 0},
                 "cannot read the stylesheet; check that the file exists");
    if (xslt && (xslt->errors > 0 || source_guard_errors(&g) > 0)) {
        xsltFreeStylesheet(xslt);
        xslt = NULL;
    }
    source_guard_leave(&g);
    source_roots_free(&roots);
    if (!xslt)
        return NULL;
    source_stylesheet *style = calloc(1, sizeof *style);
    if (!style || !(style->path = strdup(xsl_path)))
        abort();
    style->xslt = xslt;
    return style;
}

void source_stylesheet_free(source_stylesheet *style)
{
    if (!style)
        return;
    xsltFreeStylesheet(style->xslt);
    free(style->path);
    free(style);
}

/* ---- mk:loc ---- */

static xmlChar *loc_string(transform_run *run, const xmlNode *node)
{
    xmlChar *file = source_node_file(node);
    if (!file)
        return xmlStrdup((const xmlChar *)"");
    int line = source_node_line(node);
    int col = run ? source_node_column(&run->lines, node, (const char *)file, line) : 0;
    char tail[48];
    if (col > 0)
        snprintf(tail, sizeof tail, ":%d:%d", line, col);
    else
        snprintf(tail, sizeof tail, ":%d", line);
    return xmlStrcat(file, (const xmlChar *)tail);
}

/* mk:loc(node-set?): see source_transform.h. */
static void mk_loc(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs > 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    transform_run *run = tctxt ? tctxt->_private : NULL;
    if (nargs == 0) {
        xmlXPathReturnString(ctxt, loc_string(run, ctxt->context->node));
        return;
    }
    xmlXPathObjectPtr arg = valuePop(ctxt);
    if (!arg || arg->type != XPATH_NODESET) {
        xmlXPathFreeObject(arg);
        xmlXPathSetTypeError(ctxt);
        return;
    }
    xmlNodeSetPtr set = arg->nodesetval;
    const xmlNode *first = NULL;
    if (set && set->nodeNr > 0) {
        xmlXPathNodeSetSort(set);
        first = set->nodeTab[0];
    }
    xmlChar *s = first ? loc_string(run, first) : xmlStrdup((const xmlChar *)"");
    xmlXPathFreeObject(arg);
    xmlXPathReturnString(ctxt, s);
}

/* ---- security ---- */

/* XSLT_SECPREF_READ_FILE check: value is a local path (libxslt has
 * already split off file: and sent other schemes to READ_NETWORK). */
static int check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                      const char *value)
{
    (void)sec;
    transform_run *run = ctxt ? ctxt->_private : NULL;
    if (!run || !value)
        return 0;
    char *canon = NULL;
    source_path_verdict v = source_roots_check(&run->roots, value, &canon);
    free(canon);
    if (v == SOURCE_PATH_OUTSIDE) {
        char *roots = source_roots_describe(&run->roots);
        size_t n = strlen(roots) + 64;
        char *why = malloc(n);
        if (!why)
            abort();
        snprintf(why, n, "it is outside the folders a stylesheet may read: %s",
                 roots);
        source_guard_hold_detail(run->guard, why);
        free(roots);
    }
    return v == SOURCE_PATH_OK || v == SOURCE_PATH_MISSING;
}

static xsltSecurityPrefsPtr security_prefs(void)
{
    xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();
    if (!sec)
        abort();
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, check_read);
    return sec;
}

/* ---- applying ---- */

/* {name, value, ..., NULL} for xsltQuoteUserParams; free() the array. */
static const char **param_array(const source_param *params, size_t n)
{
    const char **arr = calloc(2 * n + 1, sizeof *arr);
    if (!arr)
        abort();
    for (size_t i = 0; i < n; i++) {
        arr[2 * i] = params[i].name;
        arr[2 * i + 1] = params[i].value;
    }
    return arr;
}

static xmlDocPtr apply(source_stylesheet *style, xmlDocPtr doc,
                       const source_param *params, size_t n_params,
                       transform_run *run)
{
    source_guard *g = run->guard;
    xsltTransformContextPtr tctxt = xsltNewTransformContext(style->xslt, doc);
    if (!tctxt)
        return NULL;
    xsltSecurityPrefsPtr sec = security_prefs();
    tctxt->_private = run;
    xsltSetCtxtSecurityPrefs(sec, tctxt);
    xsltSetTransformErrorFunc(tctxt, g, source_guard_generic);
    xsltRegisterExtFunction(tctxt, (const xmlChar *)"loc",
                            (const xmlChar *)SOURCE_EXT_NS, mk_loc);
    const char **arr = param_array(params, n_params);
    xmlDocPtr res = NULL;
    if (xsltQuoteUserParams(tctxt, arr) == 0)
        res = xsltApplyStylesheetUser(style->xslt, doc, NULL, NULL, NULL,
                                      tctxt);
    if (tctxt->state == XSLT_STATE_STOPPED && source_guard_errors(g) == 0)
        diag_add(g->diags, DIAG_ERROR, STAGE_XSLT, (diag_loc){g->file, 0, 0},
                 "the stylesheet stopped the transformation "
                 "(xsl:message terminate=\"yes\")");
    if (res && (tctxt->state != XSLT_STATE_OK || source_guard_errors(g) > 0)) {
        xmlFreeDoc(res);
        res = NULL;
    }
    free(arr);
    xsltFreeTransformContext(tctxt);
    xsltFreeSecurityPrefs(sec);
    return res;
}

xmlDocPtr source_transform(source_stylesheet *style, xmlDocPtr doc,
                           const source_param *params, size_t n_params,
                           const source_opts *opts, diag_list *diags)
{
    transform_run run = {0};
    source_roots_add(&run.roots, project_of(opts));
    if (doc && doc->URL)
        source_roots_add_dir_of(&run.roots, (const char *)doc->URL);
    source_roots_add_opts(&run.roots, opts);
    source_guard g;
    source_guard_enter(&g, diags, STAGE_XSLT, &run.roots, style->path);
    run.guard = &g;
    xmlDocPtr res = doc ? apply(style, doc, params, n_params, &run) : NULL;
    if (!res && source_guard_errors(&g) == 0)
        diag_add(diags, DIAG_ERROR, STAGE_XSLT, (diag_loc){style->path, 0, 0},
                 "the transformation produced no result");
    source_guard_leave(&g);
    source_roots_free(&run.roots);
    source_lines_free(&run.lines);
    return res;
}

xmlDocPtr source_transform_file(const char *xsl_path, xmlDocPtr doc,
                                const source_param *params, size_t n_params,
                                const source_opts *opts, diag_list *diags)
{
    source_stylesheet *style = source_stylesheet_load(xsl_path, opts, diags);
    if (!style)
        return NULL;
    xmlDocPtr res = source_transform(style, doc, params, n_params, opts, diags);
    source_stylesheet_free(style);
    return res;
}
