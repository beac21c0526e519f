/* Tests of the source stage: safe loading, validation, XSLT, locations.
 * Inputs live in tests/hostile/ (each file says what it attacks). Run from
 * anywhere: paths are found from this file's own path. */
#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../tools/base/diag.h"
#include "../../tools/source/source_load.h"
#include "../../tools/source/source_loc.h"
#include "../../tools/source/source_path.h"
#include "../../tools/source/source_tags.h"
#include "../../tools/source/source_transform.h"
#include "../../tools/source/source_validate.h"
#include "test.h"

/* "tests/hostile/NAME" relative to the repository, as the user would type. */
static const char *H(char *buf, size_t n, const char *name)
{
    const char *self = __FILE__, *tail = "tests/unit/test_source.c";
    size_t prefix = strlen(self) - strlen(tail);
    snprintf(buf, n, "%.*stests/hostile/%s", (int)prefix, self, name);
    return buf;
}
#define HOSTILE(name) H((char[1024]){0}, 1024, (name))

static double seconds_since(struct timespec t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* MKDOC_TEST_VERBOSE=1 shows every message the tests provoke. */
static void done_with(diag_list *d)
{
    if (getenv("MKDOC_TEST_VERBOSE"))
        diag_print(d, stderr, 0);
    diag_list_free(d);
}

/* Any diag whose message contains text? Its index, or -1. */
static int find_diag(const diag_list *d, const char *text)
{
    for (size_t i = 0; i < diag_count(d); i++)
        if (strstr(diag_at(d, i)->message, text))
            return (int)i;
    return -1;
}

static int any_diag_contains(const diag_list *d, const char *text)
{
    return find_diag(d, text) >= 0;
}

static xmlNodePtr find_element(xmlNodePtr n, const char *name, int nth)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE &&
            strcmp((const char *)n->name, name) == 0 && nth-- == 0)
            return n;
        xmlNodePtr c = find_element(n->children, name, nth);
        if (c)
            return c;
    }
    return NULL;
}

/* Loads a hostile file that must fail; returns the diags (caller frees). */
static diag_list *load_fails(const char *name, double *secs)
{
    diag_list *d = diag_list_new();
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    xmlDocPtr doc = source_load_file(HOSTILE(name), NULL, d);
    if (secs)
        *secs = seconds_since(t0);
    OK(doc == NULL);
    OK(diag_count_severity(d, DIAG_ERROR) >= 1);
    xmlFreeDoc(doc);
    return d;
}

static void test_wellformed(void)
{
    diag_list *d = diag_list_new();
    const char *path = HOSTILE("wellformed.xml");
    xmlDocPtr doc = source_load_file(path, NULL, d);
    OK(doc != NULL);
    INT_EQ(diag_count(d), 0);
    xmlNodePtr para = doc ? find_element(doc->children, "para", 0) : NULL;
    OK(para != NULL);
    diag_loc loc = source_node_loc(para, d);
    STR_EQ(loc.file, path);
    INT_EQ(loc.line, 5);
    INT_EQ(source_node_line(find_element(doc->children, "para", 1)), 6);
    xmlFreeDoc(doc);
    done_with(d);
}

static void test_malformed(void)
{
    diag_list *d = load_fails("malformed.xml", NULL);
    const diag *first = diag_at(d, 0);
    OK(first && first->loc.line == 5 && first->loc.col > 0);
    OK(first && strstr(first->message, "not well-formed"));
    OK(first && strstr(first->message, "close <para> before </section>"));
    STR_EQ(first ? first->loc.file : NULL, HOSTILE("malformed.xml"));
    done_with(d);
}

static void test_xxe(void)
{
    const char *names[] = {"xxe.xml", "xxe-relative.xml"};
    for (size_t i = 0; i < 2; i++) {
        diag_list *d = load_fails(names[i], NULL);
        OK(!any_diag_contains(d, "root:"));
        int k = find_diag(d, "refusing to read");
        OK(k >= 0);
        OK(k >= 0 && diag_at(d, k)->loc.line == 5);
        done_with(d);
    }
}

static void test_network(void)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_file(HOSTILE("ext-dtd.xml"), NULL, d);
    OK(doc != NULL); /* the DTD is simply not loaded */
    INT_EQ(diag_count_severity(d, DIAG_ERROR), 0);
    OK(seconds_since(t0) < 1.0);
    xmlFreeDoc(doc);
    done_with(d);

    d = load_fails("ext-entity-net.xml", NULL);
    OK(any_diag_contains(d, "never reads from the network"));
    done_with(d);
}

static void test_amplification(void)
{
    double secs = 0;
    diag_list *d = load_fails("billion-laughs.xml", &secs);
    OK(secs < 1.0);
    OK(any_diag_contains(d, "billion laughs"));
    OK(diag_at(d, 0) && diag_at(d, 0)->loc.line == 14);
    done_with(d);

    const char *flat[] = {"quadratic-blowup.xml", "quadratic-attr.xml"};
    for (size_t i = 0; i < 2; i++) {
        d = load_fails(flat[i], &secs);
        OK(any_diag_contains(d, "billion laughs"));
        OK(diag_at(d, 0) && diag_at(d, 0)->loc.line == 3);
        OK(secs < 1.0);
        done_with(d);
    }

    /* ordinary entities still expand */
    d = diag_list_new();
    xmlDocPtr doc = source_load_file(HOSTILE("entities-ok.xml"), NULL, d);
    OK(doc != NULL);
    xmlNodePtr para = doc ? find_element(doc->children, "para", 0) : NULL;
    xmlChar *text = para ? xmlNodeGetContent(para) : NULL;
    STR_EQ((const char *)text, "移住者と連帯する全国ネットワーク（2022年度）");
    xmlFree(text);
    text = doc ? xmlGetProp(xmlDocGetRootElement(doc), (const xmlChar *)"year") : NULL;
    STR_EQ((const char *)text, "2022");
    xmlFree(text);
    xmlFreeDoc(doc);
    done_with(d);
}

static void test_xinclude(void)
{
    diag_list *d = load_fails("xinclude-escape.xml", NULL);
    OK(!any_diag_contains(d, "root:"));
    int k = find_diag(d, "XInclude failed");
    OK(k >= 0 && diag_at(d, k)->loc.line == 3);
    /* the refused read is reported once, at its xi:include */
    k = find_diag(d, "refusing to read '../../../../../../etc/passwd'");
    OK(k >= 0 && diag_at(d, k)->loc.line == 4 && diag_at(d, k)->loc.col == 3);
    INT_EQ(diag_count(d), 2);
    done_with(d);

    d = load_fails("xinclude-abs.xml", NULL);
    OK(any_diag_contains(d, "refusing to read 'file:///etc/passwd'"));
    done_with(d);

    d = diag_list_new();
    xmlDocPtr doc = source_load_file(HOSTILE("xinclude-ok.xml"), NULL, d);
    OK(doc != NULL);
    INT_EQ(diag_count(d), 0);
    xmlNodePtr inc = doc ? find_element(doc->children, "para", 1) : NULL;
    diag_loc loc = source_node_loc(inc, d);
    STR_EQ(loc.file, HOSTILE("sub/chapter.xml"));
    INT_EQ(loc.line, 5);
    loc = source_node_loc(doc ? find_element(doc->children, "para", 0) : NULL, d);
    STR_EQ(loc.file, HOSTILE("xinclude-ok.xml"));
    INT_EQ(loc.line, 3);
    xmlFreeDoc(doc);
    done_with(d);
}

static void test_xinclude_nested(void)
{
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_file(HOSTILE("xinclude-nested.xml"), NULL, d);
    OK(doc != NULL);
    INT_EQ(diag_count(d), 0);
    xmlNodePtr part = doc ? find_element(doc->children, "para", 0) : NULL;
    diag_loc loc = source_node_loc(part, d);
    STR_EQ(loc.file, HOSTILE("sub/part.xml"));
    INT_EQ(loc.line, 2);
    xmlNodePtr fallback = doc ? find_element(doc->children, "para", 1) : NULL;
    xmlChar *text = fallback ? xmlNodeGetContent(fallback) : NULL;
    STR_EQ((const char *)text, "fallback");
    xmlFree(text);
    loc = source_node_loc(fallback, d);
    STR_EQ(loc.file, HOSTILE("sub/nested.xml"));
    INT_EQ(loc.line, 5);
    xmlNodePtr note = doc ? find_element(doc->children, "para", 2) : NULL;
    text = note ? xmlNodeGetContent(note) : NULL;
    STR_EQ((const char *)text, "a plain text note\n");
    xmlFree(text);
    xmlFreeDoc(doc);
    done_with(d);
}

static void test_xinclude_more(void)
{
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_file(HOSTILE("xinclude-same.xml"), NULL, d);
    OK(doc != NULL);
    diag_loc loc = source_node_loc(doc ? find_element(doc->children, "para", 0) : NULL, d);
    STR_EQ(loc.file, HOSTILE("chapter-same.xml"));
    INT_EQ(loc.line, 4);
    xmlFreeDoc(doc);
    done_with(d);

    d = load_fails("xinclude-self.xml", NULL);
    OK(any_diag_contains(d, "recursion"));
    done_with(d);

    d = load_fails("entity-missing.xml", NULL);
    int k = find_diag(d, "cannot find");
    OK(k >= 0 && diag_at(d, k)->loc.line == 5);
    done_with(d);
}

/* Lines past 65535 (XML_PARSE_BIG_LINES) stay right. */
static void test_big_lines(void)
{
    size_t n = 70000;
    static const char head[] = "<report>", tail[] = "<para>x</para></report>";
    size_t len = sizeof head - 1 + n + sizeof tail - 1;
    char *xml = malloc(len);
    if (!xml)
        abort();
    memcpy(xml, head, sizeof head - 1);
    memset(xml + sizeof head - 1, '\n', n);
    memcpy(xml + sizeof head - 1 + n, tail, sizeof tail - 1);
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_memory(xml, len, "big.xml", NULL, d);
    OK(doc != NULL);
    INT_EQ(source_node_line(doc ? find_element(doc->children, "para", 0) : NULL),
           (long long)n + 1);
    xmlFreeDoc(doc);
    free(xml);
    done_with(d);
}

/* A symlink inside the document's folder that points outside it. */
static void test_symlink_escape(void)
{
    char dir[] = "/tmp/mkdoc-src-XXXXXX";
    if (!mkdtemp(dir)) {
        OK(!"mkdtemp");
        return;
    }
    char doc_path[256], link_path[256];
    snprintf(doc_path, sizeof doc_path, "%s/doc.xml", dir);
    snprintf(link_path, sizeof link_path, "%s/passwd.xml", dir);
    FILE *f = fopen(doc_path, "w");
    fputs("<report xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
          "<xi:include href=\"passwd.xml\" parse=\"text\"/></report>\n", f);
    fclose(f);
    OK(symlink("/etc/passwd", link_path) == 0);
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_file(doc_path, NULL, d);
    OK(doc == NULL);
    OK(any_diag_contains(d, "refusing to read"));
    OK(!any_diag_contains(d, "root:"));
    char *out = NULL;
    OK(source_resolve_path(doc_path, "passwd.xml", NULL, (diag_loc){doc_path, 2, 0},
                           &out, d) == -1);
    OK(out == NULL);
    xmlFreeDoc(doc);
    done_with(d);
    unlink(link_path);
    unlink(doc_path);
    rmdir(dir);
}

static void test_bad_bytes(void)
{
    diag_list *d = load_fails("bad-utf8.xml", NULL);
    OK(diag_at(d, 0) && diag_at(d, 0)->loc.line == 3);
    OK(any_diag_contains(d, "save it as UTF-8"));
    done_with(d);

    d = load_fails("nul-byte.xml", NULL);
    OK(diag_at(d, 0) && diag_at(d, 0)->loc.line == 3);
    OK(any_diag_contains(d, "control character"));
    done_with(d);

    d = load_fails("empty.xml", NULL);
    OK(any_diag_contains(d, "empty"));
    done_with(d);

    d = diag_list_new();
    OK(source_load_memory("", 0, "<stdin>", NULL, d) == NULL);
    OK(source_load_memory("  \n", 3, "<stdin>", NULL, d) == NULL);
    OK(source_load_memory("<?xml version=\"1.0\"?>", 21, "<stdin>", NULL, d) == NULL);
    INT_EQ(diag_count_severity(d, DIAG_ERROR), 3);
    OK(source_load_file(HOSTILE("no-such-file.xml"), NULL, d) == NULL);
    OK(any_diag_contains(d, "cannot open"));
    OK(source_load_file(HOSTILE("sub"), NULL, d) == NULL);
    OK(any_diag_contains(d, "folder"));
    done_with(d);
}

static void test_deep(void)
{
    diag_list *d = load_fails("deep-10000.xml", NULL);
    OK(any_diag_contains(d, "256"));
    done_with(d);
}

static void test_memory_load(void)
{
    static const char xml[] = "<?xml version=\"1.0\"?>\n<report>\n <para>x</para>\n</report>\n";
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_memory(xml, sizeof xml - 1, "<stdin>", NULL, d);
    OK(doc != NULL);
    diag_loc loc = source_node_loc(doc ? find_element(doc->children, "para", 0) : NULL, d);
    STR_EQ(loc.file, "<stdin>");
    INT_EQ(loc.line, 3);
    xmlFreeDoc(doc);

    static const char xxe[] = "<!DOCTYPE r [<!ENTITY x SYSTEM \"/etc/passwd\">]>\n<r>&x;</r>";
    OK(source_load_memory(xxe, sizeof xxe - 1, "<stdin>", NULL, d) == NULL);
    OK(any_diag_contains(d, "refusing to read '/etc/passwd'"));
    OK(!any_diag_contains(d, "root:"));
    done_with(d);
    d = diag_list_new();

    static const char bad[] = "<report>\n<para></report>";
    OK(source_load_memory(bad, sizeof bad - 1, "<stdin>", NULL, d) == NULL);
    const diag *e = diag_at(d, 0);
    STR_EQ(e ? e->loc.file : NULL, "<stdin>");
    INT_EQ(e ? e->loc.line : 0, 2);
    done_with(d);
}

static void test_validate(void)
{
    diag_list *d = diag_list_new();
    const char *rng = HOSTILE("small.rng");
    xmlDocPtr good = source_load_file(HOSTILE("rng-valid.xml"), NULL, d);
    xmlDocPtr bad = source_load_file(HOSTILE("rng-invalid.xml"), NULL, d);
    OK(good && bad);
    INT_EQ(source_validate_with(good, rng, NULL, d), 0);
    INT_EQ(diag_count(d), 0);
    INT_EQ(source_validate_with(bad, rng, NULL, d), -1);
    OK(diag_count_severity(d, DIAG_ERROR) >= 3);
    int lines[3] = {0};
    for (size_t i = 0; i < diag_count(d); i++) {
        const diag *e = diag_at(d, i);
        OK(e->loc.line > 0 && e->stage == STAGE_VALIDATE);
        STR_EQ(e->loc.file, HOSTILE("rng-invalid.xml"));
        lines[0] |= e->loc.line == 2;
        lines[1] |= e->loc.line == 8;
        lines[2] |= e->loc.line == 12;
    }
    OK(lines[0] && lines[1] && lines[2]);
    OK(any_diag_contains(d, "does not follow the schema"));
    done_with(d);

    /* a broken schema is reported against the schema's own lines */
    d = diag_list_new();
    INT_EQ(source_validate_with(good, HOSTILE("broken.rng"), NULL, d), -1);
    int k = find_diag(d, "schema itself is broken");
    OK(k >= 0);
    STR_EQ(k >= 0 ? diag_at(d, k)->loc.file : NULL, HOSTILE("broken.rng"));
    OK(k >= 0 && diag_at(d, k)->loc.line == 6);
    done_with(d);

    /* by root name, from the project's styles/ */
    d = diag_list_new();
    source_opts opts = {HOSTILE("project"), NULL, 0};
    STR_EQ(source_schema_for("report"), "styles/report.rng");
    OK(source_schema_for("nonsense") == NULL);
    INT_EQ(source_validate(good, &opts, d), 0);
    INT_EQ(source_validate(bad, &opts, d), -1);
    xmlDocPtr bulletin = source_load_file(HOSTILE("bulletin.xml"), NULL, d);
    size_t before = diag_count(d);
    INT_EQ(source_validate(bulletin, &opts, d), -1);
    INT_EQ(diag_count(d), before + 1);
    OK(any_diag_contains(d, "no schema") && any_diag_contains(d, "<report>"));
    source_opts nowhere = {HOSTILE("no-such-project"), NULL, 0};
    before = diag_count(d);
    INT_EQ(source_validate(good, &nowhere, d), -1);
    OK(diag_count(d) > before);
    xmlFreeDoc(bulletin);
    xmlFreeDoc(good);
    xmlFreeDoc(bad);
    done_with(d);
}

static void test_transform_loc(void)
{
    diag_list *d = diag_list_new();
    const char *path = HOSTILE("xinclude-ok.xml");
    xmlDocPtr doc = source_load_file(path, NULL, d);
    source_param params[] = {{"year", "20'22\"x"}};
    xmlDocPtr fo = doc ? source_transform_file(HOSTILE("loc.xsl"), doc, params, 1,
                                              NULL, d)
                       : NULL;
    OK(fo != NULL);
    INT_EQ(diag_count(d), 0);
    xmlNodePtr root = fo ? xmlDocGetRootElement(fo) : NULL;
    xmlNodePtr b0 = fo ? find_element(fo->children, "block", 0) : NULL;
    xmlNodePtr b1 = fo ? find_element(fo->children, "block", 1) : NULL;
    const xmlChar *ns = (const xmlChar *)SOURCE_EXT_NS;
    char want[1100];
    xmlChar *v;

    /* FILE:LINE:COL, the column found from the start tag in the file */
    snprintf(want, sizeof want, "%s:2:1", path);
    STR_EQ((const char *)(v = root ? xmlGetNsProp(root, (const xmlChar *)"loc", ns) : NULL), want);
    xmlFree(v);
    snprintf(want, sizeof want, "%s:3:3", path);
    STR_EQ((const char *)(v = b0 ? xmlGetNsProp(b0, (const xmlChar *)"loc", ns) : NULL), want);
    xmlFree(v);
    snprintf(want, sizeof want, "%s:5:3", HOSTILE("sub/chapter.xml"));
    STR_EQ((const char *)(v = b1 ? xmlGetNsProp(b1, (const xmlChar *)"loc", ns) : NULL), want);
    xmlFree(v);
    snprintf(want, sizeof want, "%s:4:1", HOSTILE("sub/chapter.xml"));
    STR_EQ((const char *)(v = b1 ? xmlGetProp(b1, (const xmlChar *)"parent") : NULL), want);
    xmlFree(v);
    STR_EQ((const char *)(v = b1 ? xmlGetProp(b1, (const xmlChar *)"none") : NULL), "");
    xmlFree(v);
    STR_EQ((const char *)(v = root ? xmlGetProp(root, (const xmlChar *)"year") : NULL), "20'22\"x");
    xmlFree(v);
    STR_EQ((const char *)(v = root ? xmlGetProp(root, (const xmlChar *)"exslt") : NULL), "ab2022");
    xmlFree(v);

    /* the mk:loc string parses back */
    diag_loc loc;
    v = b1 ? xmlGetNsProp(b1, (const xmlChar *)"loc", ns) : NULL;
    INT_EQ(source_loc_parse((const char *)v, &loc, d), 0);
    STR_EQ(loc.file, HOSTILE("sub/chapter.xml"));
    INT_EQ(loc.line, 5);
    INT_EQ(loc.col, 3);
    xmlFree(v);
    xmlFreeDoc(fo);
    xmlFreeDoc(doc);
    done_with(d);
}

static void test_transform_hostile(void)
{
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_file(HOSTILE("wellformed.xml"), NULL, d);
    char relative[1100];
    unlink("/tmp/mkdoc-pwned");
    xmlDocPtr fo = source_transform_file(HOSTILE("write-file.xsl"), doc, NULL, 0, NULL, d);
    OK(fo == NULL);
    OK(access("/tmp/mkdoc-pwned", F_OK) != 0);
    OK(access("mkdoc-pwned-relative.txt", F_OK) != 0);
    OK(access(H(relative, sizeof relative, "mkdoc-pwned-relative.txt"), F_OK) != 0);
    int k = find_diag(d, "refused");
    OK(k >= 0 && diag_at(d, k)->severity == DIAG_ERROR);
    STR_EQ(k >= 0 ? diag_at(d, k)->loc.file : NULL, HOSTILE("write-file.xsl"));
    OK(k >= 0 && diag_at(d, k)->loc.line == 8);
    xmlFreeDoc(fo);
    done_with(d);

    const char *readers[] = {"read-passwd.xsl", "read-net.xsl"};
    for (size_t i = 0; i < 2; i++) {
        d = diag_list_new();
        fo = source_transform_file(HOSTILE(readers[i]), doc, NULL, 0, NULL, d);
        OK(fo == NULL);
        OK(diag_count_severity(d, DIAG_ERROR) >= 1);
        OK(!any_diag_contains(d, "root:"));
        xmlFreeDoc(fo);
        done_with(d);
    }
    xmlFreeDoc(doc);
}

static void test_transform_messages(void)
{
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_file(HOSTILE("wellformed.xml"), NULL, d);
    xmlDocPtr fo = source_transform_file(HOSTILE("message.xsl"), doc, NULL, 0, NULL, d);
    OK(fo == NULL);
    int k = find_diag(d, "para seen");
    OK(k >= 0 && diag_at(d, k)->severity == DIAG_WARNING);
    STR_EQ(k >= 0 ? diag_at(d, k)->loc.file : NULL, HOSTILE("wellformed.xml"));
    OK(k >= 0 && diag_at(d, k)->loc.line == 5);
    STR_EQ(k >= 0 ? diag_at(d, k)->message : NULL, "para seen");
    k = find_diag(d, "giving up"); /* terminate="yes" with "error: " */
    OK(k >= 0 && diag_at(d, k)->severity == DIAG_ERROR);
    done_with(d);

    d = diag_list_new();
    source_stylesheet *s = source_stylesheet_load(HOSTILE("broken.xsl"), NULL, d);
    OK(s == NULL);
    k = find_diag(d, "could not compile");
    OK(diag_count_severity(d, DIAG_ERROR) >= 1);
    OK(k >= 0 && diag_at(d, k)->loc.line == 5);
    source_stylesheet_free(s);
    OK(source_stylesheet_load(HOSTILE("no-such.xsl"), NULL, d) == NULL);
    done_with(d);

    d = diag_list_new();
    OK(source_stylesheet_load(HOSTILE("import-escape.xsl"), NULL, d) == NULL);
    OK(any_diag_contains(d, "refusing to read 'file:///etc/passwd'"));
    OK(!any_diag_contains(d, "root:"));
    done_with(d);

    d = diag_list_new();
    OK(source_transform_file(HOSTILE("read-dtd-net.xsl"), doc, NULL, 0, NULL, d) == NULL);
    OK(any_diag_contains(d, "never reads from the network"));
    done_with(d);

    d = diag_list_new();
    OK(source_transform_file(HOSTILE("arity.xsl"), doc, NULL, 0, NULL, d) == NULL);
    OK(diag_count_severity(d, DIAG_ERROR) >= 1);
    done_with(d);

    /* one compiled stylesheet, many documents (an archive build) */
    d = diag_list_new();
    source_stylesheet *loc = source_stylesheet_load(HOSTILE("loc.xsl"), NULL, d);
    xmlDocPtr doc2 = source_load_file(HOSTILE("xinclude-ok.xml"), NULL, d);
    for (int i = 0; i < 3; i++) {
        xmlDocPtr r = source_transform(loc, i % 2 ? doc : doc2, NULL, 0, NULL, d);
        OK(r != NULL);
        xmlFreeDoc(r);
    }
    INT_EQ(diag_count(d), 0);
    source_stylesheet_free(loc);
    xmlFreeDoc(doc2);
    done_with(d);

    d = diag_list_new();
    fo = source_transform_file(HOSTILE("runtime-error.xsl"), doc, NULL, 0, NULL, d);
    OK(fo == NULL);
    OK(diag_count_severity(d, DIAG_ERROR) >= 1);
    done_with(d);
    xmlFreeDoc(doc);
}

static void test_loc_parse(void)
{
    diag_list *d = diag_list_new();
    diag_loc loc;
    INT_EQ(source_loc_parse("docs/reports/2022.xml:120", &loc, d), 0);
    STR_EQ(loc.file, "docs/reports/2022.xml");
    INT_EQ(loc.line, 120);
    INT_EQ(loc.col, 0);
    INT_EQ(source_loc_parse("a:b.xml:7", &loc, d), 0);
    STR_EQ(loc.file, "a:b.xml");
    INT_EQ(loc.line, 7);
    INT_EQ(source_loc_parse("<stdin>:1", &loc, d), 0);
    STR_EQ(loc.file, "<stdin>");
    INT_EQ(source_loc_parse("nocolon", &loc, d), -1);
    OK(loc.file == NULL && loc.line == 0);
    INT_EQ(source_loc_parse("x.xml:", &loc, d), -1);
    INT_EQ(source_loc_parse(":12", &loc, d), -1);
    INT_EQ(source_loc_parse("x.xml:12a", &loc, d), -1);
    INT_EQ(source_loc_parse("x.xml:99999999999", &loc, d), -1);
    INT_EQ(source_loc_parse("", &loc, d), -1);
    INT_EQ(source_loc_parse(NULL, &loc, d), -1);
    done_with(d);
}

static void test_resolve_path(void)
{
    diag_list *d = diag_list_new();
    const char *doc = HOSTILE("xinclude-ok.xml");
    diag_loc at = {doc, 4, 3};
    char *out = NULL;
    INT_EQ(source_resolve_path(doc, "sub/chapter.xml", NULL, at, &out, d), 0);
    OK(out && out[0] == '/' && strstr(out, "/tests/hostile/sub/chapter.xml"));
    free(out);
    INT_EQ(diag_count(d), 0);

    INT_EQ(source_resolve_path(doc, "../../../../../../../etc/passwd", NULL, at, &out, d), -1);
    OK(out == NULL);
    const diag *e = diag_at(d, 0);
    OK(e && e->loc.line == 4 && e->loc.col == 3 && strstr(e->message, "outside"));
    INT_EQ(source_resolve_path(doc, "/etc/passwd", NULL, at, &out, d), -1);
    INT_EQ(source_resolve_path(doc, "file:///etc/passwd", NULL, at, &out, d), -1);
    INT_EQ(source_resolve_path(doc, "http://example.com/a.png", NULL, at, &out, d), -1);
    OK(any_diag_contains(d, "network"));
    INT_EQ(source_resolve_path(doc, "missing.png", NULL, at, &out, d), -1);
    OK(any_diag_contains(d, "cannot find"));

    /* an allowed root covers a file outside the document's folder */
    const char *roots[] = {HOSTILE("project")};
    source_opts opts = {NULL, roots, 1};
    const char *other = HOSTILE("sub/chapter.xml");
    INT_EQ(source_resolve_path(other, "../project/styles/report.rng", NULL, at, &out, d), -1);
    INT_EQ(source_resolve_path(other, "../project/styles/report.rng", &opts, at, &out, d), 0);
    free(out);
    /* the project's styles/ is readable from any document */
    source_opts proj = {HOSTILE("project"), NULL, 0};
    INT_EQ(source_resolve_path(other, "../project/styles/report.rng", &proj, at, &out, d), 0);
    free(out);
    INT_EQ(source_resolve_path(other, "file:../project/styles/report.rng", &proj, at, &out, d), -1);
    done_with(d);
}

/* Every call restores libxml2's and libxslt's global hooks. */
static void test_hooks_restored(void)
{
    xmlExternalEntityLoader loader = xmlGetExternalEntityLoader();
    xmlStructuredErrorFunc serror = xmlStructuredError;
    xmlGenericErrorFunc xslt_generic = xsltGenericError;
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_file(HOSTILE("xxe.xml"), NULL, d);
    xmlFreeDoc(doc);
    doc = source_load_file(HOSTILE("wellformed.xml"), NULL, d);
    xmlFreeDoc(source_transform_file(HOSTILE("write-file.xsl"), doc, NULL, 0, NULL, d));
    xmlFreeDoc(doc);
    OK(xmlGetExternalEntityLoader() == loader);
    OK(xmlStructuredError == serror);
    OK(xsltGenericError == xslt_generic);
    done_with(d);
}

/* Start-tag columns (source_tags.h): the element walk of the FO builder,
 * over markup that holds '<' and '>' where no tag is. */
static void walk_tags(source_tags *t, const xmlNode *n, char *out, size_t size)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        int line = 0, col = source_tags_element(t, n, &line);
        size_t k = strlen(out);
        snprintf(out + k, size - k, "%s@%d:%d ", (const char *)n->name, line, col);
        for (const xmlAttr *a = n->properties; a; a = a->next) {
            int al = 0, ac = source_tags_attr(t, a, &al);
            k = strlen(out);
            snprintf(out + k, size - k, "%s@%d:%d ", (const char *)a->name, al, ac);
        }
        walk_tags(t, n->children, out, size);
    }
}

static void test_tags(void)
{
    static const char xml[] =
        "<?xml version='1.0'?>\r\n"
        "<?pi a='<b>'?><!DOCTYPE r [ <!ENTITY e '<x/>'> <!-- ] > --> ]>\n"
        "<r a='>' b=\"1\"><!-- <c> --><c\n"
        "   d = '2'\n"
        "   e='3'/><![CDATA[<c>]]>&#x4E00;<c f='一'/>&e;<c/></r>\n";
    diag_list *d = diag_list_new();
    xmlDocPtr doc = source_load_memory(xml, sizeof xml - 1, "t.xml", NULL, d);
    OK(doc != NULL);
    source_tags t;
    source_tags_init(&t, xml, sizeof xml - 1);
    char out[512] = "";
    if (doc)
        walk_tags(&t, xmlDocGetRootElement(doc), out, sizeof out);
    /* the <x/> made by &e; is not in the text: 0, and the next <c/> is
     * still found; 一 counts as one column */
    STR_EQ(out, "r@3:1 a@3:4 b@3:10 c@3:28 d@4:4 e@5:4 c@5:34 f@5:37 "
                "x@0:0 c@5:47 ");
    source_tags_free(&t);
    xmlFreeDoc(doc);
    done_with(d);

    /* no text: no columns, no crash */
    source_tags_init(&t, NULL, 0);
    xmlNode fake = {.type = XML_ELEMENT_NODE, .name = (const xmlChar *)"r"};
    int line = 7;
    INT_EQ(source_tags_element(&t, &fake, &line), 0);
    INT_EQ(line, 7);
    source_tags_free(&t);
}

/* A compiled schema serves many documents, each with its own verdict. */
static void test_schema_reuse(void)
{
    diag_list *d = diag_list_new();
    source_schema *s = source_schema_load(HOSTILE("small.rng"), NULL, d);
    OK(s != NULL);
    xmlDocPtr good = source_load_file(HOSTILE("rng-valid.xml"), NULL, d);
    xmlDocPtr bad = source_load_file(HOSTILE("rng-invalid.xml"), NULL, d);
    for (int i = 0; s && good && bad && i < 3; i++) {
        INT_EQ(source_schema_validate(s, good, NULL, d), 0);
        INT_EQ(source_schema_validate(s, bad, NULL, d), -1);
    }
    OK(diag_count_severity(d, DIAG_ERROR) >= 9);
    source_schema_free(s);
    xmlFreeDoc(good);
    xmlFreeDoc(bad);
    done_with(d);
    d = diag_list_new();
    OK(source_schema_load(HOSTILE("broken.rng"), NULL, d) == NULL);
    OK(diag_count_severity(d, DIAG_ERROR) > 0);
    done_with(d);
}

int main(void)
{
    TEST_BEGIN("source");
    test_wellformed();
    test_malformed();
    test_xxe();
    test_network();
    test_amplification();
    test_xinclude();
    test_xinclude_nested();
    test_xinclude_more();
    test_big_lines();
    test_symlink_escape();
    test_bad_bytes();
    test_deep();
    test_memory_load();
    test_validate();
    test_schema_reuse();
    test_tags();
    test_transform_loc();
    test_transform_hostile();
    test_transform_messages();
    test_loc_parse();
    test_resolve_path();
    test_hooks_restored();
    xsltCleanupGlobals();
    xmlCleanupParser();
    return TEST_END();
}
