/* mkdoc: the command line. The only place that prints diagnostics and
 * chooses exit codes (0 ok, 1 input error, 2 usage error, 3 internal
 * error); every stage below reports problems as diag values. */
#include <errno.h>
#include <libgen.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../fo/fo_tree.h"
#include "../layout/layout.h"
#include "../render/render.h"
#include "../render/render_file.h"
#include "../source/source_load.h"
#include "../source/source_transform.h"
#include "../source/source_validate.h"
#include "../text/fonts.h"

#define MKDOC_VERSION "0.1.0"
#define EXIT_INPUT 1
#define EXIT_USAGE 2
#define EXIT_INTERNAL 3
/* 2000-01-01T00:00:00Z: the creation date when SOURCE_DATE_EPOCH is unset,
 * so that the same input always gives the same bytes. */
#define DEFAULT_EPOCH 946684800

typedef struct {
    const char *command;
    const char *input;       /* FILE or YEAR */
    const char *out;         /* -o / --out */
    int trace, quiet, keep_going, strict, max_pages, dpi, first_page, last_page;
    const char *allow_roots[16];
    size_t n_allow;
} cli_opts;

static const char usage_text[] =
    "usage: mkdoc COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  report YEAR [--out DIR]      build DIR/report-YEAR.pdf from docs/reports/YEAR.xml\n"
    "                                (default DIR: out)\n"
    "  fo FILE.fo -o OUT.pdf        format an XSL-FO document (FILE '-' = standard input)\n"
    "  check FILE.xml               validate a source against its RELAX NG schema\n"
    "  png FILE.fo|FILE.xml -o DIR [--pages 1-3] [--dpi 96]\n"
    "                               page previews DIR/page-001.png ...\n"
    "\n"
    "options:\n"
    "  --trace          also write the area tree as text beside the PDF (OUT.trace)\n"
    "  --quiet          no progress on stderr (warnings and errors are still shown)\n"
    "  --max-pages N    stop documents longer than N pages (default 100000)\n"
    "  --keep-going     draw a placeholder for a missing image instead of failing\n"
    "  --strict         a character no font can draw is an error, not a warning\n"
    "  --allow-root DIR let documents read images from DIR too\n"
    "  --help, --version\n"
    "\n"
    "exit status: 0 ok, 1 input error, 2 usage error, 3 internal error\n"
    "environment: SOURCE_DATE_EPOCH (PDF dates), MKDOC_HOME (where styles/ and fonts/ are),\n"
    "             MKDOC_FONTS_CONF (fontconfig file)\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("mkdoc: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n(run 'mkdoc --help' for the commands)\n", stderr);
    return EXIT_USAGE;
}

static int parse_pages(const char *s, int *first, int *last)
{
    char *end;
    long a = strtol(s, &end, 10);
    if (end == s || a < 1)
        return -1;
    long b = a;
    if (*end == '-') {
        const char *t = end + 1;
        b = *t ? strtol(t, &end, 10) : 0;
        if (*t && (end == t || b < a))
            return -1;
    }
    if (*end)
        return -1;
    *first = (int)a;
    *last = (int)b;
    return 0;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int parse_args(int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->dpi = 96;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = !strcmp(a, "-o") || !strcmp(a, "--out") || !strcmp(a, "--pages") ||
                    !strcmp(a, "--dpi") || !strcmp(a, "--max-pages") || !strcmp(a, "--allow-root");
        if (takes && !next)
            return usage_error("option %s needs a value", a);
        if (!strcmp(a, "-o") || !strcmp(a, "--out")) o->out = argv[++i];
        else if (!strcmp(a, "--pages")) {
            if (parse_pages(argv[++i], &o->first_page, &o->last_page))
                return usage_error("--pages takes a range such as 1-3 or 2, not '%s'", argv[i]);
        } else if (!strcmp(a, "--dpi")) {
            if (parse_int(argv[++i], 10, 1200, &o->dpi))
                return usage_error("--dpi takes a number from 10 to 1200, not '%s'", argv[i]);
        } else if (!strcmp(a, "--max-pages")) {
            if (parse_int(argv[++i], 1, 10000000, &o->max_pages))
                return usage_error("--max-pages takes a positive number, not '%s'", argv[i]);
        } else if (!strcmp(a, "--allow-root")) {
            if (o->n_allow < sizeof o->allow_roots / sizeof *o->allow_roots)
                o->allow_roots[o->n_allow++] = argv[++i];
        } else if (!strcmp(a, "--trace")) o->trace = 1;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) o->quiet = 1;
        else if (!strcmp(a, "--keep-going")) o->keep_going = 1;
        else if (!strcmp(a, "--strict")) o->strict = 1;
        else if (a[0] == '-' && a[1] != '\0')
            return usage_error("unknown option '%s'", a);
        else if (!o->command) o->command = a;
        else if (!o->input) o->input = a;
        else return usage_error("unexpected argument '%s'", a);
    }
    return 0;
}

/* ------------------------------------------------------------ project */

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder holding styles/ and fonts/: MKDOC_HOME, else the folder above
 * the executable (build/mkdoc), else the current folder. */
static void project_root(char *out, size_t size)
{
    const char *home = getenv("MKDOC_HOME");
    if (home && *home) {
        snprintf(out, size, "%s", home);
        return;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *d = dirname(dirname(exe));
        char probe[PATH_MAX + 16];
        snprintf(probe, sizeof probe, "%s/styles", d);
        if (is_dir(probe)) {
            snprintf(out, size, "%s", d);
            return;
        }
    }
    snprintf(out, size, ".");
}

static int mkdir_p(const char *dir)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", dir);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    return mkdir(tmp, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

static int64_t creation_time(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) {
        char *end;
        long long v = strtoll(e, &end, 10);
        if (*end == '\0' && v >= 0)
            return v;
    }
    return DEFAULT_EPOCH;
}

/* --------------------------------------------------------------- sinks */

typedef struct {
    const char *pdf, *trace, *png_dir;
    int first, last, dpi;
    const diag_list *early;  /* not owned: the run's diags from before layout */
    renderer *r[3];
    int n;
} sink_state;

/* A renderer in front of each output that commits it (the inner end, which
 * renames the temporary file into place) only when no error was reported,
 * in this pass or before layout. Layout recovers from some errors and goes
 * on (a missing image, a refused path) so that one run reports them all;
 * the run still fails, so it must leave no output and the previous one
 * unchanged. With --keep-going those problems are warnings instead. */
typedef struct {
    renderer base;
    renderer *inner;          /* owned */
    const diag_list *early;   /* not owned */
} out_guard;

static int has_errors(const diag_list *d)
{
    return d && (diag_count_severity(d, DIAG_ERROR) || diag_count_severity(d, DIAG_INTERNAL));
}

static int guard_begin(renderer *r, const area_doc_info *info, diag_list *diags)
{
    renderer *in = ((out_guard *)r)->inner;
    return in->begin(in, info, diags);
}

static int guard_page(renderer *r, const area_page *page, diag_list *diags)
{
    renderer *in = ((out_guard *)r)->inner;
    return in->page(in, page, diags);
}

static int guard_end(renderer *r, const area_bookmark *outline, diag_list *diags)
{
    out_guard *g = (out_guard *)r;
    if (has_errors(diags) || has_errors(g->early))
        return -1; /* the errors are in the list already */
    return g->inner->end(g->inner, outline, diags);
}

static void guard_destroy(renderer *r)
{
    out_guard *g = (out_guard *)r;
    g->inner->destroy(g->inner);
    free(g);
}

static renderer *guard_new(renderer *inner, const diag_list *early)
{
    out_guard *g = inner ? calloc(1, sizeof *g) : NULL;
    if (!g) {
        if (inner)
            inner->destroy(inner);
        return NULL;
    }
    g->base = (renderer){guard_begin, guard_page, guard_end, guard_destroy};
    g->inner = inner;
    g->early = early;
    return &g->base;
}

static void sink_discard(void *ud)
{
    sink_state *s = ud;
    for (int k = 0; k < s->n; k++)
        if (s->r[k]) /* NULL when sink_open failed */
            s->r[k]->destroy(s->r[k]);
    s->n = 0;
}

static int sink_open(void *ud, renderer ***out, int *n, diag_list *diags)
{
    sink_state *s = ud;
    sink_discard(s);
    if (s->pdf) s->r[s->n++] = guard_new(render_pdf_new(s->pdf), s->early);
    if (s->trace) s->r[s->n++] = guard_new(render_trace_new(s->trace), s->early);
    if (s->png_dir)
        s->r[s->n++] = guard_new(render_png_new(s->png_dir, s->first, s->last, s->dpi), s->early);
    for (int k = 0; k < s->n; k++)
        if (!s->r[k]) {
            diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){0},
                     "could not set up the output; check that the folder is writable");
            return -1;
        }
    *out = s->r;
    *n = s->n;
    return 0;
}

/* -------------------------------------------------------------- stages */

typedef struct {
    cli_opts *o;
    char root[PATH_MAX];
    source_opts so;
    diag_list *diags;
} app;

static void progress(void *ud, int pages)
{
    (void)ud;
    fprintf(stderr, "\rmkdoc: %d pages laid out", pages);
    fflush(stderr);
}

/* Takes the FO document (and fo_text, the bytes it was parsed from when
 * it came from a file, for columns in messages) and frees both as soon as
 * the tree is built: the tree copies what it needs, and layout should not
 * carry them. */
static int format_fo(app *a, xmlDocPtr fo, char *fo_text, size_t fo_len,
                     const char *fo_name, sink_state *sink, int *pages)
{
    fo_tree *tree = fo_tree_build(fo, fo_name, fo_text, fo_len, a->diags);
    xmlFreeDoc(fo);
    free(fo_text);
    if (!tree)
        return -1;
    char conf[PATH_MAX + 32];
    snprintf(conf, sizeof conf, "%s/fonts/fonts.conf", a->root);
    text_ctx *text = text_ctx_new(getenv("MKDOC_FONTS_CONF") ? NULL : conf, a->diags);
    if (!text) {
        fo_tree_free(tree);
        return -1;
    }
    text_ctx_set_missing_is_error(text, a->o->strict);
    layout_opts lo = {
        .max_pages = a->o->max_pages, .quiet = a->o->quiet,
        .creation_time = creation_time(), .project_root = a->root,
        .allowed_roots = a->o->allow_roots, .n_allowed_roots = a->o->n_allow,
        .keep_going = a->o->keep_going, .creator = "mkdoc " MKDOC_VERSION,
        .progress_fn = !a->o->quiet && isatty(2) ? progress : NULL,
    };
    layout_sink ls = {sink_open, sink_discard, sink};
    layout_stats st = {0};
    int rc = layout_run(tree, text, &lo, &ls, a->diags, &st);
    if (lo.progress_fn)
        fputc('\n', stderr);
    sink_discard(sink);
    *pages = st.pages;
    text_ctx_free(text);
    fo_tree_free(tree);
    return rc;
}

static const char *stylesheet_for(const xmlDoc *doc)
{
    xmlNode *r = xmlDocGetRootElement((xmlDoc *)doc);
    if (r && !strcmp((const char *)r->name, "report"))
        return "styles/report-fo.xsl";
    return NULL;
}

/* Source XML → validated → FO document (NULL on error). */
static xmlDocPtr source_to_fo(app *a, const char *path)
{
    xmlDocPtr src = source_load_file(path, &a->so, a->diags);
    if (!src)
        return NULL;
    xmlDocPtr fo = NULL;
    if (source_validate(src, &a->so, a->diags) == 0) {
        const char *xsl = stylesheet_for(src);
        char xp[PATH_MAX + 64];
        snprintf(xp, sizeof xp, "%s/%s", a->root, xsl ? xsl : "");
        if (!xsl)
            diag_add(a->diags, DIAG_ERROR, STAGE_XSLT, (diag_loc){path, 1, 0},
                     "mkdoc has no stylesheet for this kind of document");
        else
            fo = source_transform_file(xp, src, NULL, 0, &a->so, a->diags);
    }
    xmlFreeDoc(src);
    return fo;
}

static int is_fo_file(const char *path)
{
    size_t n = strlen(path);
    return !strcmp(path, "-") || (n > 3 && !strcmp(path + n - 3, ".fo"));
}

static void trace_path(const char *pdf, char *out, size_t size)
{
    size_t n = strlen(pdf);
    if (n > 4 && !strcmp(pdf + n - 4, ".pdf"))
        snprintf(out, size, "%.*s.trace", (int)(n - 4), pdf);
    else
        snprintf(out, size, "%s.trace", pdf);
}

static int run_to_outputs(app *a, const char *input, sink_state *sink)
{
    char *text = NULL;
    size_t len = 0;
    xmlDocPtr fo = is_fo_file(input)
                       ? source_load_file_text(input, &a->so, a->diags, &text, &len)
                       : source_to_fo(a, input);
    if (!fo)
        return -1;
    sink->early = a->diags;
    int pages = 0;
    char name[PATH_MAX + 32];
    if (is_fo_file(input))
        snprintf(name, sizeof name, "%s", !strcmp(input, "-") ? "<stdin>" : input);
    else
        snprintf(name, sizeof name, "%s (as FO)", input);
    int rc = format_fo(a, fo, text, len, name, sink, &pages);
    if (rc == 0 && !a->o->quiet) {
        const char *what = sink->pdf ? sink->pdf : sink->png_dir;
        fprintf(stderr, "mkdoc: wrote %s (%d page%s)\n", what, pages, pages == 1 ? "" : "s");
    }
    return rc;
}

static int cmd_report(app *a)
{
    cli_opts *o = a->o;
    int year;
    if (!o->input || parse_int(o->input, 1900, 9999, &year))
        return usage_error("report needs a year such as 2022%s", "");
    char src[PATH_MAX + 64], pdf[PATH_MAX + 64], tr[PATH_MAX + 80];
    snprintf(src, sizeof src, "docs/reports/%d.xml", year);
    if (access(src, R_OK) != 0)
        snprintf(src, sizeof src, "%s/docs/reports/%d.xml", a->root, year);
    const char *dir = o->out ? o->out : "out";
    if (mkdir_p(dir) != 0) {
        diag_add(a->diags, DIAG_ERROR, STAGE_CLI, (diag_loc){dir, 0, 0},
                 "cannot create the output folder: %s", strerror(errno));
        return -1;
    }
    snprintf(pdf, sizeof pdf, "%s/report-%d.pdf", dir, year);
    trace_path(pdf, tr, sizeof tr);
    sink_state sink = {.pdf = pdf, .trace = o->trace ? tr : NULL};
    int rc = run_to_outputs(a, src, &sink);
    if (rc == 0 && !o->quiet)
        printf("%s\n", pdf);
    return rc;
}

static int cmd_fo(app *a)
{
    cli_opts *o = a->o;
    if (!o->input)
        return usage_error("fo needs an input file (or - for standard input)%s", "");
    if (!o->out)
        return usage_error("fo needs -o OUT.pdf%s", "");
    char tr[PATH_MAX + 16];
    trace_path(o->out, tr, sizeof tr);
    sink_state sink = {.pdf = o->out, .trace = o->trace ? tr : NULL};
    return run_to_outputs(a, o->input, &sink);
}

static int cmd_png(app *a)
{
    cli_opts *o = a->o;
    if (!o->input || !o->out)
        return usage_error("png needs an input file and -o DIR%s", "");
    if (mkdir_p(o->out) != 0) {
        diag_add(a->diags, DIAG_ERROR, STAGE_CLI, (diag_loc){o->out, 0, 0},
                 "cannot create the output folder: %s", strerror(errno));
        return -1;
    }
    sink_state sink = {.png_dir = o->out, .first = o->first_page ? o->first_page : 1,
                       .last = o->last_page, .dpi = o->dpi};
    return run_to_outputs(a, o->input, &sink);
}

static int cmd_check(app *a)
{
    if (!a->o->input)
        return usage_error("check needs a source file such as docs/reports/2022.xml%s", "");
    xmlDocPtr src = source_load_file(a->o->input, &a->so, a->diags);
    if (!src)
        return -1;
    int rc = source_validate(src, &a->so, a->diags);
    xmlFreeDoc(src);
    if (rc == 0 && !a->o->quiet)
        fprintf(stderr, "mkdoc: %s is valid\n", a->o->input);
    return rc;
}

/* A failed assert (they stay on in release builds) or an allocation that
 * could not be had ends in abort(): not a problem of the input, so exit 3
 * as for DIAG_INTERNAL, with the request to report it. Outputs are renamed
 * into place only by a successful run, so an earlier PDF is unchanged, and
 * the temporary files of this run are removed here. */
static void on_abort(int sig)
{
    static const char msg[] =
        "mkdoc: internal error: a check inside mkdoc failed (or memory ran out); "
        "this is a bug in mkdoc unless memory was short: please report it with the input file\n";
    (void)sig;
    render_file_remove_all_tmp();
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(EXIT_INTERNAL);
}

/* Ctrl-C, kill, a closed terminal: the run stops as the signal says (so
 * the shell sees it), leaving no temporary file and the previous PDF. */
static void on_stop(int sig)
{
    render_file_remove_all_tmp();
    signal(sig, SIG_DFL);
    raise(sig);
}

static int finish(app *a, int rc)
{
    diag_print(a->diags, stderr, 0); /* --quiet silences progress, never problems */
    int code = 0;
    if (diag_count_severity(a->diags, DIAG_INTERNAL)) {
        fputs("mkdoc: this is a bug in mkdoc; please report it with the input file\n", stderr);
        code = EXIT_INTERNAL;
    } else if (rc > 0)
        code = rc;
    else if (rc < 0 || diag_count_severity(a->diags, DIAG_ERROR))
        code = EXIT_INPUT;
    diag_list_free(a->diags);
    xsltCleanupGlobals();
    xmlCleanupParser();
    return code;
}

int main(int argc, char **argv)
{
    cli_opts o;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--version")) {
            printf("mkdoc %s\n", MKDOC_VERSION);
            return 0;
        }
    }
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc;
    signal(SIGABRT, on_abort);
    /* a signal ignored when mkdoc started (nohup, a background job of a
     * script) stays ignored, as the user asked */
    const int stops[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t k = 0; k < sizeof stops / sizeof *stops; k++)
        if (signal(stops[k], SIG_IGN) != SIG_IGN)
            signal(stops[k], on_stop);
    if (!o.command) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    app a = {.o = &o, .diags = diag_list_new()};
    project_root(a.root, sizeof a.root);
    a.so = (source_opts){a.root, o.allow_roots, o.n_allow};
    if (!strcmp(o.command, "report")) rc = cmd_report(&a);
    else if (!strcmp(o.command, "fo")) rc = cmd_fo(&a);
    else if (!strcmp(o.command, "png")) rc = cmd_png(&a);
    else if (!strcmp(o.command, "check")) rc = cmd_check(&a);
    else {
        diag_list_free(a.diags);
        return usage_error("unknown command '%s'", o.command);
    }
    return finish(&a, rc);
}
