/* libFuzzer target for the source -> FO step: what `mkdoc report` does
 * with a member group's article before layout.
 *
 * The bytes are a source document named docs/reports/fuzz.xml (so that
 * the report's images resolve as they do for a real report): loaded by the
 * secure loader, validated against styles/report.rng, transformed by
 * styles/report-fo.xsl (mk:loc on every FO element), and the result built
 * into the FO tree and checked. A small document is also laid out to at
 * most FUZZ_MAX_PAGES pages with --keep-going, to the trace renderer:
 * layout is fuzz_fo's subject, and laying out every large mutant of the
 * 60 KB sample report would cut the executions to a few per second, so
 * here it covers what only the stylesheet makes (TOC leaders, citations,
 * markers, tables of the report) on the small seeds.
 *
 * No step may crash or report an internal error; a step that fails says
 * why with an error; a valid document always gives an FO document that
 * the tree builder accepts (the stylesheet's output is mkdoc's own
 * responsibility, not the user's).
 *
 * The schema, the stylesheet and the text context are made once per
 * process (each costs more than most inputs). Run from the project root,
 * or set MKDOC_HOME; with -detect_leaks=0, as fuzz_fo (the text context's
 * caches grow as fonts are first used):
 *   make fuzz && build-fuzz/fuzz_report -detect_leaks=0 CORPUS_DIR */
#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <libxml/parser.h>
#include <libxslt/xsltutils.h>

#include "../../tools/base/diag.h"
#include "../../tools/fo/fo_tree.h"
#include "../../tools/layout/layout.h"
#include "../../tools/render/render.h"
#include "../../tools/source/source_load.h"
#include "../../tools/source/source_transform.h"
#include "../../tools/source/source_validate.h"
#include "../../tools/text/fonts.h"

#define FUZZ_MAX_PAGES 4
/* documents up to this size are laid out too (the sample's chapters are
 * 5-40 KB; the whole sample is 60 KB) */
#define FUZZ_LAYOUT_MAX_BYTES (16 * 1024)
#define FUZZ_NAME "docs/reports/fuzz.xml"

static struct {
    char root[PATH_MAX];
    char trace[PATH_MAX + 32];
    source_schema *schema;
    source_stylesheet *style;
    text_ctx *text;
    renderer *r[1];
} g;

static void fuzz_report_cleanup(void)
{
    source_stylesheet_free(g.style);
    source_schema_free(g.schema);
    text_ctx_free(g.text);
    cairo_debug_reset_static_data();
    unlink(g.trace);
    char *slash = strrchr(g.trace, '/');
    if (slash) {
        *slash = '\0';
        rmdir(g.trace);
    }
}

static void die(const char *what, diag_list *d)
{
    fprintf(stderr, "fuzz_report: cannot %s (run from the project root or set "
                    "MKDOC_HOME)\n", what);
    for (size_t i = 0; i < diag_count(d); i++)
        fprintf(stderr, "  %s\n", diag_at(d, i)->message);
    exit(1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *home = getenv("MKDOC_HOME");
    snprintf(g.root, sizeof g.root, "%s", home && *home ? home : ".");
    char path[PATH_MAX + 64];
    diag_list *d = diag_list_new();
    source_opts so = {g.root, NULL, 0};
    snprintf(path, sizeof path, "%s/styles/report.rng", g.root);
    if (!(g.schema = source_schema_load(path, &so, d)))
        die("compile styles/report.rng", d);
    snprintf(path, sizeof path, "%s/styles/report-fo.xsl", g.root);
    if (!(g.style = source_stylesheet_load(path, &so, d)))
        die("compile styles/report-fo.xsl", d);
    snprintf(path, sizeof path, "%s/fonts/fonts.conf", g.root);
    if (!(g.text = text_ctx_new(getenv("MKDOC_FONTS_CONF") ? NULL : path, d)))
        die("load the fonts", d);
    diag_list_free(d);
    char tmpl[] = "/tmp/mkdoc-fuzz-report.XXXXXX";
    if (!mkdtemp(tmpl)) {
        perror("fuzz_report: mkdtemp");
        exit(1);
    }
    snprintf(g.trace, sizeof g.trace, "%s/out.trace", tmpl);
    atexit(fuzz_report_cleanup);
    return 0;
}

static int sink_open(void *ud, renderer ***out, int *n, diag_list *diags)
{
    (void)ud;
    if (g.r[0])
        g.r[0]->destroy(g.r[0]);
    g.r[0] = render_trace_new(g.trace);
    if (!g.r[0]) {
        diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){0}, "no trace renderer");
        return -1;
    }
    *out = g.r;
    *n = 1;
    return 0;
}

static void sink_discard(void *ud)
{
    (void)ud;
    if (g.r[0])
        g.r[0]->destroy(g.r[0]);
    g.r[0] = NULL;
}

static void lay_out(fo_tree *tree, diag_list *diags)
{
    layout_opts lo = {.max_pages = FUZZ_MAX_PAGES, .quiet = 1, .project_root = g.root,
                      .keep_going = 1, .creator = "fuzz_report"};
    layout_sink ls = {sink_open, sink_discard, NULL};
    layout_stats st = {0};
    (void)layout_run(tree, g.text, &lo, &ls, diags, &st);
    sink_discard(NULL);
    assert(st.pages <= FUZZ_MAX_PAGES);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    source_opts so = {g.root, NULL, 0};
    xmlDocPtr src = source_load_memory((const char *)data, size, FUZZ_NAME, &so, diags);
    xmlDocPtr fo = NULL;
    if (!src) {
        assert(diag_count_severity(diags, DIAG_ERROR) > 0);
    } else if (source_schema_validate(g.schema, src, &so, diags) != 0) {
        assert(diag_count_severity(diags, DIAG_ERROR) > 0);
    } else {
        fo = source_transform(g.style, src, NULL, 0, &so, diags);
        assert(fo || diag_count_severity(diags, DIAG_ERROR) > 0);
    }
    xmlFreeDoc(src);
    if (fo) {
        const char *name = FUZZ_NAME " (as FO)";
        fo_tree *tree = fo_tree_build(fo, name, NULL, 0, diags);
        xmlFreeDoc(fo);
        /* a valid document always makes an FO document mkdoc can build */
        assert(tree && fo_tree_check(tree));
        if (size <= FUZZ_LAYOUT_MAX_BYTES)
            lay_out(tree, diags);
        fo_tree_free(tree);
    }
    assert(diag_count_severity(diags, DIAG_INTERNAL) == 0);
    diag_list_free(diags);
    return 0;
}
