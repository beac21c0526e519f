/* libFuzzer target for the FO builder and layout.
 *
 * The bytes are an FO document, read as `mkdoc fo` reads a file: through
 * the secure loader (source_load_memory: no network, entities bounded,
 * reads confined to the document's folder), then fo_tree_build, the tree's
 * invariant checker, and layout_run to the trace renderer, whose file goes
 * to a temporary folder. max_pages is small, so a runaway document costs
 * little; --keep-going is on, so a missing image takes the placeholder
 * path. The text context (fontconfig and Pango: slower to make than most
 * inputs are to lay out) is made once; its caches grow as fonts are first
 * used, so run with -detect_leaks=0 (tests/fuzz/smoke.sh does).
 *
 * Run from the project root (fonts/fonts.conf, styles/), or set MKDOC_HOME:
 *   make fuzz && build-fuzz/fuzz_fo -dict=tests/fuzz/fo.dict CORPUS_DIR */
#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <libxml/parser.h>

#include "../../tools/base/diag.h"
#include "../../tools/fo/fo_tree.h"
#include "../../tools/layout/layout.h"
#include "../../tools/render/render.h"
#include "../../tools/source/source_load.h"
#include "../../tools/text/fonts.h"

#define FUZZ_MAX_PAGES 20

static struct {
    text_ctx *text;
    char root[PATH_MAX];
    char trace[PATH_MAX + 32];
} g;

static void fuzz_fo_cleanup(void)
{
    /* before LeakSanitizer's check at exit: fontconfig's and cairo's
     * caches are not leaks of ours */
    text_ctx_free(g.text);
    cairo_debug_reset_static_data();
    char dir[sizeof g.trace];
    snprintf(dir, sizeof dir, "%s", g.trace);
    unlink(g.trace);
    char *slash = strrchr(dir, '/');
    if (slash) {
        *slash = '\0';
        rmdir(dir);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *home = getenv("MKDOC_HOME");
    snprintf(g.root, sizeof g.root, "%s", home && *home ? home : ".");
    char conf[PATH_MAX + 32];
    snprintf(conf, sizeof conf, "%s/fonts/fonts.conf", g.root);
    diag_list *d = diag_list_new();
    g.text = text_ctx_new(getenv("MKDOC_FONTS_CONF") ? NULL : conf, d);
    diag_list_free(d);
    if (!g.text) {
        fprintf(stderr, "fuzz_fo: no fonts (run from the project root or set MKDOC_HOME)\n");
        exit(1);
    }
    char tmpl[] = "/tmp/mkdoc-fuzz-fo.XXXXXX";
    if (!mkdtemp(tmpl)) {
        perror("fuzz_fo: mkdtemp");
        exit(1);
    }
    snprintf(g.trace, sizeof g.trace, "%s/out.trace", tmpl);
    atexit(fuzz_fo_cleanup);
    return 0;
}

static renderer *fuzz_r[1];

static int sink_open(void *ud, renderer ***out, int *n, diag_list *diags)
{
    (void)ud;
    if (fuzz_r[0])
        fuzz_r[0]->destroy(fuzz_r[0]);
    fuzz_r[0] = render_trace_new(g.trace);
    if (!fuzz_r[0]) {
        diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){0}, "no trace renderer");
        return -1;
    }
    *out = fuzz_r;
    *n = 1;
    return 0;
}

static void sink_discard(void *ud)
{
    (void)ud;
    if (fuzz_r[0])
        fuzz_r[0]->destroy(fuzz_r[0]);
    fuzz_r[0] = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    source_opts so = {g.root, NULL, 0};
    xmlDocPtr doc = source_load_memory((const char *)data, size, "fuzz.fo", &so, diags);
    if (doc) {
        fo_tree *tree = fo_tree_build(doc, "fuzz.fo", (const char *)data, size, diags);
        xmlFreeDoc(doc);
        if (tree) {
            assert(fo_tree_check(tree)); /* 1 = links consistent */
            layout_opts lo = {.max_pages = FUZZ_MAX_PAGES, .quiet = 1, .project_root = g.root,
                              .keep_going = 1, .creator = "fuzz_fo"};
            layout_sink ls = {sink_open, sink_discard, NULL};
            layout_stats st = {0};
            (void)layout_run(tree, g.text, &lo, &ls, diags, &st);
            sink_discard(NULL);
            assert(st.pages <= FUZZ_MAX_PAGES);
            fo_tree_free(tree);
        }
    }
    /* every stage reports through diags, never as an internal error */
    assert(diag_count_severity(diags, DIAG_INTERNAL) == 0);
    diag_list_free(diags);
    return 0;
}
