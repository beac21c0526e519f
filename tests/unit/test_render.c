/* Tests of the area tree, the image cache and the renderers (PDF, PNG,
 * trace). A two-page document is built by hand, rendered, and the PDF is
 * checked with poppler-utils and qpdf as a reader's tools would see it.
 * Run from the project root (fonts/fonts.conf), or with MKDOC_FONTS_CONF. */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "../../tools/layout/area.h"
#include "../../tools/layout/image.h"
#include "../../tools/render/render.h"
#include "../../tools/text/fonts.h"
#include "test.h"

/* 210 mm × 297 mm = 595.2756 × 841.8898 pt */
#define A4_W 609562
#define A4_H 862095
#define KANJI "一二大日月用"

typedef struct {
    char dir[64];            /* scratch folder */
    text_ctx *text;
    image_cache *images;
    diag_list *diags;
    const text_font *font;   /* Noto Serif CJK JP 10pt */
    const struct image *png, *jpeg, *svg;
} fixture;

/* ---- helpers ---------------------------------------------------------------- */

static char *path_in(const fixture *fx, const char *name)
{
    static char buf[8][256]; /* test-only: a few live paths at a time */
    static int k;
    char *p = buf[k++ & 7];
    snprintf(p, 256, "%s/%s", fx->dir, name);
    return p;
}

/* Runs a shell command and returns its standard output (caller frees). */
static char *run(const char *fmt, const char *arg)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, fmt, arg);
    FILE *p = popen(cmd, "r");
    if (!p)
        return strdup("");
    size_t cap = 4096, n = 0;
    char *out = malloc(cap);
    for (size_t got; (got = fread(out + n, 1, cap - n - 1, p)) > 0;)
        if ((n += got) + 1 == cap)
            out = realloc(out, cap *= 2);
    out[n] = 0;
    pclose(p);
    return out;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *d = malloc((size_t)n + 1);
    *len = fread(d, 1, (size_t)n, f);
    d[*len] = 0;
    fclose(f);
    return d;
}

static int same_file(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    char *da = slurp(a, &la), *db = slurp(b, &lb);
    int same = da && db && la == lb && memcmp(da, db, la) == 0;
    free(da);
    free(db);
    return same;
}

static int tmp_files_in(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strstr(e->d_name, ".tmp") != NULL;
    if (d)
        closedir(d);
    return n;
}

static fo_color rgb(uint8_t r, uint8_t g, uint8_t b)
{
    return (fo_color){ r, g, b, 255 };
}

/* ---- fixture: images ---------------------------------------------------------- */

/* A w×h picture saved by gdk-pixbuf with a declared resolution. */
static void make_image(const char *path, const char *type, int w, int h, const char *dpi)
{
    GdkPixbuf *pb = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, w, h);
    gdk_pixbuf_fill(pb, 0x3366ccff);
    GError *err = NULL;
    if (strcmp(type, "png") == 0)
        gdk_pixbuf_save(pb, path, type, &err, "x-dpi", dpi, "y-dpi", dpi, NULL);
    else
        gdk_pixbuf_save(pb, path, type, &err, "x-dpi", dpi, "y-dpi", dpi, "quality", "90", NULL);
    if (err)
        fprintf(stderr, "saving %s: %s\n", path, err->message), g_error_free(err);
    g_object_unref(pb);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

static void test_images(fixture *fx)
{
    TEST_BEGIN("image");
    make_image(path_in(fx, "a.png"), "png", 48, 24, "144");
    make_image(path_in(fx, "b.jpg"), "jpeg", 64, 32, "72");
    write_text(path_in(fx, "c.svg"),
               "<svg xmlns='http://www.w3.org/2000/svg' width='2in' height='1in'>"
               "<rect width='100%' height='100%' fill='red'/></svg>");
    write_text(path_in(fx, "bad.png"), "\x89PNG\r\n\x1a\nthis is no png");
    diag_loc loc = { "doc.xml", 12, 5 };

    fx->png = image_cache_get(fx->images, path_in(fx, "a.png"), loc, fx->diags);
    OK(fx->png != NULL);
    INT_EQ(fx->png->format, IMAGE_PNG);
    INT_EQ(fx->png->width_px, 48);
    INT_EQ(fx->png->width, 24 * MK_PT);   /* 48 px at 144 dpi = 1/3 in = 24pt */
    INT_EQ(fx->png->height, 12 * MK_PT);
    OK(image_cache_get(fx->images, path_in(fx, "a.png"), loc, fx->diags) == fx->png);

    fx->jpeg = image_cache_get(fx->images, path_in(fx, "b.jpg"), loc, fx->diags);
    OK(fx->jpeg != NULL);
    INT_EQ(fx->jpeg->format, IMAGE_JPEG);
    INT_EQ(fx->jpeg->width, 64 * MK_PT);  /* 72 dpi: one pixel per point */
    INT_EQ(fx->jpeg->height, 32 * MK_PT);
    OK(cairo_surface_supports_mime_type(fx->jpeg->surface, CAIRO_MIME_TYPE_JPEG) ||
       fx->jpeg->surface != NULL);

    const struct image *svg = image_cache_get(fx->images, path_in(fx, "c.svg"), loc, fx->diags);
    OK(svg && svg->svg);
    INT_EQ(svg ? svg->width : 0, 144 * MK_PT); /* 2in */
    INT_EQ(svg ? svg->height : 0, 72 * MK_PT);
    fx->svg = svg;
    INT_EQ(diag_count(fx->diags), 0);

    OK(image_cache_get(fx->images, path_in(fx, "missing.png"), loc, fx->diags) == NULL);
    OK(image_cache_get(fx->images, path_in(fx, "bad.png"), loc, fx->diags) == NULL);
    OK(image_cache_get(fx->images, path_in(fx, "bad.png"), loc, fx->diags) == NULL);
    INT_EQ(diag_count_severity(fx->diags, DIAG_ERROR), 2); /* once per file */
    const diag *d = diag_count(fx->diags) ? diag_at(fx->diags, 0) : NULL;
    OK(d && strstr(d->message, "missing.png") && d->loc.line == 12 && d->loc.col == 5);

    /* no resolution declared: 96 dpi */
    static const unsigned char bare_jpeg[] = { 0xFF, 0xD8, 0xFF, 0xDA };
    double dx = 0, dy = 0;
    INT_EQ(image_jpeg_dpi(bare_jpeg, sizeof bare_jpeg, &dx, &dy), 0);
    /* JFIF in dots per cm */
    static const unsigned char jfif_cm[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
                                             1, 2, 2, 0, 100, 0, 100, 0, 0, 0xFF, 0xDA };
    INT_EQ(image_jpeg_dpi(jfif_cm, sizeof jfif_cm, &dx, &dy), 1);
    INT_EQ((int)(dx * 10 + 0.5), 2540);
}

/* ---- fixture: the area tree ------------------------------------------------- */

/* The run's glyphs from the font's cmap (no shaping needed for kanji). */
static area *add_glyphs(fixture *fx, area_page *pg, area *parent, const char *text, int upright)
{
    area *a = area_new(pg, parent, AREA_GLYPHS);
    area_glyphs *g = &a->u.glyphs;
    cairo_scaled_font_t *sf = text_font_cairo(fx->font);
    cairo_glyph_t *gl = NULL;
    cairo_text_cluster_t *cl = NULL;
    int ng = 0, nc = 0;
    cairo_text_cluster_flags_t flags;
    cairo_scaled_font_text_to_glyphs(sf, 0, 0, text, -1, &gl, &ng, &cl, &nc, &flags);
    g->font = fx->font;
    g->size = 10 * MK_PT;
    g->color = rgb(0, 0, 0);
    g->utf8 = arena_strdup(pg->arena, text);
    g->utf8_len = (int)strlen(text);
    g->glyphs = ARENA_ARRAY(pg->arena, area_glyph, ng);
    g->clusters = ARENA_ARRAY(pg->arena, area_cluster, nc);
    g->n_glyphs = ng;
    g->n_clusters = nc;
    g->upright = (uint8_t)upright;
    for (int k = 0; k < ng; k++) /* ideographs: one em each, as the font says */
        g->glyphs[k] = (area_glyph){ gl[k].index, k * 10 * MK_PT, 0 };
    for (int k = 0; k < nc; k++)
        g->clusters[k] = (area_cluster){ cl[k].num_bytes, cl[k].num_glyphs };
    cairo_glyph_free(gl);
    cairo_text_cluster_free(cl);
    a->ipd = ng * 10 * MK_PT;
    a->bpd = 12 * MK_PT;
    g->baseline = 10 * MK_PT;
    return a;
}

static area *add(area_page *pg, area *parent, area_kind kind, mk_len i, mk_len b, mk_len ipd,
                 mk_len bpd)
{
    area *a = area_new(pg, parent, kind);
    a->i = i, a->b = b, a->ipd = ipd, a->bpd = bpd;
    return a;
}

static area *add_body(area_page *pg)
{
    area *r = add(pg, pg->root, AREA_REGION, 72 * MK_PT, 72 * MK_PT, A4_W - 144 * MK_PT,
                  A4_H - 144 * MK_PT);
    r->fo = "region-body";
    r->is_reference = 1;
    return r;
}

static area_page *page1(fixture *fx)
{
    area_page *pg = area_page_new(0, A4_W, A4_H);
    pg->number = "1";
    area *body = add_body(pg);
    area *top = add(pg, body, AREA_DEST, 0, 0, 0, 0);
    top->u.dest_id = "top";
    area *blk = add(pg, body, AREA_BLOCK, 0, 0, 300 * MK_PT, 40 * MK_PT);
    blk->fo = "block";
    blk->background = rgb(0xee, 0xee, 0xee);
    blk->border_w[AREA_BEFORE] = blk->border_w[AREA_AFTER] = MK_PT;
    blk->border_style[AREA_BEFORE] = blk->border_style[AREA_AFTER] = FO_BORDER_SOLID;
    blk->border_color[AREA_BEFORE] = blk->border_color[AREA_AFTER] = rgb(0, 0, 0);
    area *line = add(pg, blk, AREA_LINE, 4 * MK_PT, 4 * MK_PT, 292 * MK_PT, 12 * MK_PT);
    line->baseline = 10 * MK_PT;
    add_glyphs(fx, pg, line, KANJI, 0);
    area *in = add(pg, line, AREA_LINK, 0, 0, 60 * MK_PT, 12 * MK_PT);
    in->u.link.dest = "sec2";
    area *ex = add(pg, line, AREA_LINK, 100 * MK_PT, 0, 60 * MK_PT, 12 * MK_PT);
    ex->u.link.uri = "https://example.org/a b'c\\d";
    area *rule = add(pg, blk, AREA_RULE, 4 * MK_PT, 20 * MK_PT, 292 * MK_PT, 6 * MK_PT);
    rule->u.rule = (area_rule){ FO_BORDER_DOTTED, rgb(0, 0, 0), MK_PT, 4 * MK_PT };
    area *im1 = add(pg, body, AREA_IMAGE, 0, 60 * MK_PT, fx->png->width, fx->png->height);
    im1->u.image.image = fx->png;
    area *im2 = add(pg, body, AREA_IMAGE, 100 * MK_PT, 60 * MK_PT, fx->jpeg->width, fx->jpeg->height);
    im2->u.image.image = fx->jpeg;
    return pg;
}

/* Page 2: the link target, and a vertical (tb-rl) block container. */
static area_page *page2(fixture *fx)
{
    area_page *pg = area_page_new(1, A4_W, A4_H);
    pg->number = "2";
    area *body = add_body(pg);
    area *d = add(pg, body, AREA_DEST, 0, 100 * MK_PT, 0, 0);
    d->u.dest_id = "sec2";
    area *vc = add(pg, body, AREA_BLOCK, 0, 200 * MK_PT, 100 * MK_PT, 100 * MK_PT);
    vc->fo = "block-container";
    vc->is_reference = 1;
    vc->wm = FO_WM_TB_RL;
    vc->border_w[AREA_START] = 2 * MK_PT;
    vc->border_style[AREA_START] = FO_BORDER_DASHED;
    vc->border_color[AREA_START] = rgb(0xcc, 0, 0);
    area *line = add(pg, vc, AREA_LINE, 0, 0, 100 * MK_PT, 12 * MK_PT);
    line->baseline = 6 * MK_PT;
    area *g = add_glyphs(fx, pg, line, "月日", 1);
    g->u.glyphs.baseline = 6 * MK_PT;
    /* broken input must not put cairo into an error state */
    area *line2 = add(pg, body, AREA_LINE, 0, 320 * MK_PT, 100 * MK_PT, 12 * MK_PT);
    area *bad = add_glyphs(fx, pg, line2, "日月", 0);
    bad->u.glyphs.clusters[0].num_bytes = 5;          /* counts do not add up */
    bad = add_glyphs(fx, pg, line2, "日月", 0);
    bad->u.glyphs.utf8 = "\xff\xfe\xe6\x97";           /* not UTF-8 */
    bad->u.glyphs.utf8_len = 4;
    area *im = add(pg, body, AREA_IMAGE, 200 * MK_PT, 0, fx->svg->width, fx->svg->height);
    im->u.image.image = fx->svg;
    return pg;
}

static area_bookmark *outline(area_bookmark bm[4])
{
    bm[0] = (area_bookmark){ "第1章 \"はじめに\"", "top", NULL, 1, &bm[1], &bm[2] };
    bm[1] = (area_bookmark){ "1.1 節", "sec2", NULL, 0, NULL, NULL };
    bm[2] = (area_bookmark){ "付録", "sec2", NULL, 0, &bm[3], NULL };
    bm[3] = (area_bookmark){ "Web", NULL, "https://example.org/", 0, NULL, NULL };
    return &bm[0];
}

static const area_doc_info doc_info = {
    "テスト文書", "事務局", "レンダラーの試験", "mkdoc, test", NULL, "ja", 1700000000
};

/* Renders the fixture document with r; with_end 0 stops before end. */
static int render_doc(fixture *fx, renderer *r, int with_end)
{
    area_bookmark bm[4];
    int rc = r->begin(r, &doc_info, fx->diags);
    for (int k = 0; k < 2 && rc == 0; k++) {
        area_page *pg = k == 0 ? page1(fx) : page2(fx);
        rc = r->page(r, pg, fx->diags);
        area_page_free(pg);
    }
    if (rc == 0 && with_end)
        rc = r->end(r, outline(bm), fx->diags);
    r->destroy(r);
    return rc;
}

/* ---- tests --------------------------------------------------------------------- */

static void test_geometry(void)
{
    TEST_BEGIN("geometry");
    mk_len x, y, w, h;
    area_to_physical(FO_WM_LR_TB, 1000, 2000, 10, 20, 30, 40, &x, &y, &w, &h);
    OK(x == 10 && y == 20 && w == 30 && h == 40);
    area_to_physical(FO_WM_TB_RL, 1000, 2000, 10, 20, 30, 40, &x, &y, &w, &h);
    OK(x == 1000 - 20 - 40 && y == 10 && w == 40 && h == 30);

    area_page *pg = area_page_new(3, A4_W, A4_H);
    OK(pg->root && pg->root->ipd == A4_W && pg->root->bpd == A4_H);
    area *a = area_new(pg, pg->root, AREA_BLOCK), *b = area_new(pg, pg->root, AREA_BLOCK);
    OK(pg->root->first == a && pg->root->last == b && a->next == b && b->parent == pg->root);
    area_page_free(pg);
}

static void test_pdf(fixture *fx)
{
    TEST_BEGIN("pdf");
    const char *pdf = path_in(fx, "doc.pdf");
    INT_EQ(render_doc(fx, render_pdf_new(pdf), 1), 0);
    INT_EQ(diag_count(fx->diags), 2); /* the two image errors of test_images */

    char *info = run("pdfinfo '%s'", pdf);
    OK(strstr(info, "Pages:           2"));
    OK(strstr(info, "Page size:       595.275 x 841.89 pts (A4)"));
    OK(strstr(info, "Title:           テスト文書"));
    OK(strstr(info, "Creator:         mkdoc"));
    OK(strstr(info, "CreationDate:    Tue Nov 14 22:13:20 2023"));
    free(info);

    /* the kanji, not the Kangxi radicals (U+2F00..2FDF = E2 BC 80..E2 BF 9F) */
    char *text = run("pdftotext -f 1 -l 1 -enc UTF-8 '%s' -", pdf);
    OK(strstr(text, KANJI) != NULL);
    OK(strstr(text, "\xE2\xBC") == NULL && strstr(text, "\xE2\xBD") == NULL);
    free(text);

    char *fonts = run("pdffonts '%s' | tail -n +3", pdf);
    OK(count(fonts, "\n") >= 1);
    OK(count(fonts, " yes ") >= 1 && strstr(fonts, " no  ") == NULL);
    free(fonts);

    char *imgs = run("pdfimages -list '%s'", pdf);
    INT_EQ(count(imgs, "\n"), 4); /* 2 header lines, 2 images */
    INT_EQ(count(imgs, " jpeg "), 1); /* the JPEG passed through as DCT */
    free(imgs);

    char *check = run("qpdf --check '%s' 2>&1", pdf);
    OK(strstr(check, "No syntax or stream encoding errors found") != NULL);
    OK(strstr(check, "WARNING") == NULL && strstr(check, "damaged") == NULL);
    free(check);

    /* the uncompressed PDF on one line, keys sorted by qpdf */
    char *qdf = run("qpdf --qdf --object-streams=disable '%s' - | tr -s ' \\n' ' '", pdf);
    INT_EQ(count(qdf, "/Subtype /Link"), 2);
    INT_EQ(count(qdf, "/Dest (sec2) /QuadPoints"), 1);             /* internal link */
    INT_EQ(count(qdf, "/URI (https://example.org/a%20b'c%5Cd) >> /BS"), 1); /* external */
    OK(strstr(qdf, "/Type /Outlines") != NULL);
    OK(strstr(qdf, "/Lang (ja)") != NULL);               /* the incremental update */
    OK(strstr(qdf, "/DisplayDocTitle true") != NULL);
    OK(strstr(qdf, "/CreationDate (D:20231114221320Z)") != NULL);
    OK(strstr(qdf, "/Count 1 /Dest (top)") != NULL);    /* open, one child */
    OK(strstr(qdf, "/Count -1 /Dest (sec2)") != NULL);  /* closed, one child */
    free(qdf);
    char *outl = run("qpdf --json=1 --json-key=outlines '%s'", pdf);
    INT_EQ(count(outl, "\"title\":"), 4);
    free(outl);

    char *dests = run("pdfinfo -dests '%s'", pdf);
    OK(strstr(dests, "sec2") != NULL && strstr(dests, "top") != NULL);
    OK(strstr(dests, "   2 [ XYZ   72  670 ") != NULL); /* 841.89 - 72 - 100 */
    free(dests);
}

static void test_reproducible(fixture *fx)
{
    TEST_BEGIN("reproducible");
    const char *a = path_in(fx, "doc.pdf"), *b = path_in(fx, "again.pdf");
    INT_EQ(render_doc(fx, render_pdf_new(b), 1), 0);
    OK(same_file(a, b));
    const char *t1 = path_in(fx, "doc.trace"), *t2 = path_in(fx, "again.trace");
    INT_EQ(render_doc(fx, render_trace_new(t1), 1), 0);
    INT_EQ(render_doc(fx, render_trace_new(t2), 1), 0);
    OK(same_file(t1, t2));
}

static void test_atomic(fixture *fx)
{
    TEST_BEGIN("atomic");
    const char *good = path_in(fx, "doc.pdf"), *copy = path_in(fx, "again.pdf");
    /* abandoned: destroy without end leaves the old file and no temporary */
    OK(render_doc(fx, render_pdf_new(good), 0) == 0);
    OK(same_file(good, copy));
    INT_EQ(tmp_files_in(fx->dir), 0);
    /* a new target is not created either */
    const char *fresh = path_in(fx, "never.pdf");
    render_doc(fx, render_pdf_new(fresh), 0);
    OK(access(fresh, F_OK) != 0);
    render_doc(fx, render_trace_new(path_in(fx, "never.trace")), 0);
    OK(access(path_in(fx, "never.trace"), F_OK) != 0);
    INT_EQ(tmp_files_in(fx->dir), 0);
    /* a folder that does not exist: an error, nothing written */
    size_t before = diag_count(fx->diags);
    renderer *r = render_pdf_new(path_in(fx, "no/such/dir/x.pdf"));
    INT_EQ(r->begin(r, &doc_info, fx->diags), -1);
    r->destroy(r);
    INT_EQ(diag_count(fx->diags), before + 1);
}

static void test_trace(fixture *fx)
{
    TEST_BEGIN("trace");
    size_t len = 0;
    char *t = slurp(path_in(fx, "doc.trace"), &len);
    OK(t != NULL);
    if (!t)
        return;
    char expect_head[512];
    snprintf(expect_head, sizeof expect_head,
             "doc title=テスト文書 author=事務局 subject=レンダラーの試験 keywords=\"mkdoc, test\" lang=ja\n"
             "page 1 number=1 w=%d h=%d\n"
             "  region body i=73728 b=73728 ipd=%d bpd=%d wm=lr-tb\n"
             "    dest id=top i=0 b=0\n"
             "    block fo=block i=0 b=0 ipd=307200 bpd=40960 bg=#eeeeee border=1024,0,1024,0\n"
             "      line i=4096 b=4096 ipd=299008 bpd=12288 base=10240\n"
             "        glyphs i=0 b=0 ipd=61440 bpd=12288 font=",
             A4_W, A4_H, A4_W - 144 * MK_PT, A4_H - 144 * MK_PT);
    OK(strncmp(t, expect_head, strlen(expect_head)) == 0);
    OK(strstr(t, " size=10240 base=10240 \"" KANJI "\"\n"));
    OK(strstr(t, "        link dest=sec2 i=0 b=0 ipd=61440 bpd=12288\n"));
    OK(strstr(t, "        link uri=\"https://example.org/a b'c\\\\d\" i=102400"));
    OK(strstr(t, "      rule i=4096 b=20480 ipd=299008 bpd=6144 style=dotted thickness=1024 pattern=4096\n"));
    /* the scratch folder is not under the working directory: kept absolute */
    OK(strstr(t, "    image i=0 b=61440 ipd=24576 bpd=12288 src=/tmp/mkdoc-render-"));
    OK(strstr(t, "    block fo=block-container i=0 b=204800 ipd=102400 bpd=102400 wm=tb-rl "
                 "border=0,0,0,2048 border-style=none,none,none,dashed "
                 "border-color=-,-,-,#cc0000\n"));
    OK(strstr(t, " upright \"月日\"\n"));
    OK(strstr(t, "\nbookmark \"第1章 \\\"はじめに\\\"\" dest=top\n"
                 "  bookmark \"1.1 節\" dest=sec2\n"
                 "bookmark \"付録\" dest=sec2 closed\n"
                 "  bookmark \"Web\" uri=https://example.org/\n"));
    free(t);
}

static uint32_t pixel(cairo_surface_t *s, int x, int y)
{
    unsigned char *d = cairo_image_surface_get_data(s);
    return ((uint32_t *)(void *)(d + (size_t)y * cairo_image_surface_get_stride(s)))[x] & 0xffffff;
}

static void test_png(fixture *fx)
{
    TEST_BEGIN("png");
    INT_EQ(render_doc(fx, render_png_new(fx->dir, 1, 0, 72), 1), 0);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path_in(fx, "page-001.png"));
    INT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    INT_EQ(cairo_image_surface_get_width(s), 596);
    INT_EQ(cairo_image_surface_get_height(s), 842);
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        INT_EQ(pixel(s, 5, 5), 0xffffff);          /* white page */
        INT_EQ(pixel(s, 72 + 250, 72 + 35), 0xeeeeee); /* block background */
        INT_EQ(pixel(s, 72 + 250, 72), 0x000000);  /* its top border */
        INT_EQ(pixel(s, 72 + 5, 72 + 60 + 5), 0x3366cc); /* the PNG image */
    }
    cairo_surface_destroy(s);
    s = cairo_image_surface_create_from_png(path_in(fx, "page-002.png"));
    INT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        INT_EQ(pixel(s, 72 + 200 + 10, 72 + 10), 0xff0000);   /* the SVG */
        INT_EQ(pixel(s, 72 + 200 + 150, 72 + 10), 0xffffff);  /* 2in wide only */
    }
    cairo_surface_destroy(s);
    /* a range: only page 2 */
    unlink(path_in(fx, "page-001.png"));
    unlink(path_in(fx, "page-002.png"));
    INT_EQ(render_doc(fx, render_png_new(fx->dir, 2, 2, 72), 1), 0);
    OK(access(path_in(fx, "page-001.png"), F_OK) != 0);
    OK(access(path_in(fx, "page-002.png"), F_OK) == 0);
    /* a missing preview folder is made */
    INT_EQ(render_doc(fx, render_png_new(path_in(fx, "preview"), 1, 1, 36), 1), 0);
    OK(access(path_in(fx, "preview/page-001.png"), F_OK) == 0);
    OK(access(path_in(fx, "preview/page-002.png"), F_OK) != 0);
    INT_EQ(tmp_files_in(fx->dir), 0);
}

int main(void)
{
    fixture fx = { .diags = diag_list_new() };
    strcpy(fx.dir, "/tmp/mkdoc-render-XXXXXX");
    if (!mkdtemp(fx.dir))
        return perror("mkdtemp"), 1;
    const char *conf = getenv("MKDOC_FONTS_CONF");
    fx.text = text_ctx_new(conf ? conf : "fonts/fonts.conf", fx.diags);
    if (!fx.text)
        return diag_print(fx.diags, stderr, 0), 1;
    fx.font = text_font_primary(fx.text, "Noto Serif CJK JP", 10 * MK_PT, 400, 0, "ja");
    fx.images = image_cache_new();

    test_geometry();
    test_images(&fx);
    if (fx.png && fx.jpeg && fx.svg) {
        test_pdf(&fx);
        test_reproducible(&fx);
        test_atomic(&fx);
        test_trace(&fx);
        test_png(&fx);
    }
    TEST_BEGIN("render");
    if (!getenv("MKDOC_KEEP_TEST_FILES"))
        free(run("rm -rf '%s'", fx.dir));
    else
        fprintf(stderr, "files kept in %s\n", fx.dir);
    image_cache_free(fx.images);
    text_ctx_free(fx.text);
    diag_list_free(fx.diags);
    return TEST_END();
}
