/* Tests of fonts.c and shape.c against the fonts Debian installs
 * (fonts-noto-cjk, fonts-noto-core, fonts-liberation) through
 * fonts/fonts.conf. Run from the project root, or with MKDOC_FONTS_CONF. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../tools/text/fonts.h"
#include "../../tools/text/shape.h"
#include "test.h"

#define PT10 (10 * MK_PT)

static text_ctx *ctx;
static diag_list *diags;

static shape_run run1(size_t start, size_t len, const char *family,
                      const char *lang)
{
    shape_run r = {start, len, family, PT10, 400, 0, lang, 0, {"t.xml", 3, 7}, 0};
    return r;
}

/* Shapes text as one run. */
static shape_result shape1(const char *text, const char *family, const char *lang)
{
    shape_run r = run1(0, strlen(text), family, lang);
    shape_result res;
    int rc = shape_paragraph(ctx, text, strlen(text), &r, 1, &res, diags);
    INT_EQ(rc, 0);
    return res;
}

static int name_has(const shape_cluster *c, const char *part)
{
    return c->font && strstr(text_font_name(c->font), part) != NULL;
}

static void test_japanese(void)
{
    shape_result r = shape1("漢字", "Noto Serif CJK JP, serif", "ja");
    INT_EQ(r.n_clusters, 2);
    OK(name_has(&r.clusters[0], "NotoSerifCJK"));
    INT_EQ(r.clusters[0].advance, PT10);          /* an ideograph is 1 em */
    INT_EQ(r.clusters[0].byte_start, 0);
    INT_EQ(r.clusters[0].byte_len, 3);
    INT_EQ(r.clusters[1].cp, 0x5B57);
    OK(r.glyphs[0].id != 0);
    OK(text_font_cairo(r.clusters[0].font) != NULL);
    shape_result_free(&r);

    /* The Mincho aliases and the default class (serif) land on it too. */
    r = shape1("漢", "'MS Mincho'", "ja");
    OK(name_has(&r.clusters[0], "NotoSerifCJKjp"));
    shape_result_free(&r);
    r = shape1("漢", "NoSuchFamily", NULL);
    OK(name_has(&r.clusters[0], "NotoSerifCJKjp"));
    shape_result_free(&r);
    r = shape1("漢", "ゴシック", "ja");
    OK(name_has(&r.clusters[0], "NotoSansCJKjp"));
    shape_result_free(&r);
}

static void test_latin(void)
{
    shape_result r = shape1("Hello", "Helvetica", "en");
    INT_EQ(r.n_clusters, 5);
    OK(name_has(&r.clusters[0], "LiberationSans"));
    shape_result_free(&r);

    r = shape1("Hello", "\"Times New Roman\", serif", "en");
    OK(name_has(&r.clusters[0], "LiberationSerif"));
    shape_result_free(&r);

    /* Kanji inside a Helvetica run fall back to the sans CJK face. */
    r = shape1("A漢", "Helvetica", "ja");
    OK(name_has(&r.clusters[0], "LiberationSans"));
    OK(name_has(&r.clusters[1], "NotoSansCJKjp"));
    shape_result_free(&r);

    /* Bold picks the bold face, not a synthetic one. */
    shape_run run = run1(0, 3, "Noto Sans CJK JP", "ja");
    run.weight = 700;
    shape_paragraph(ctx, "漢", 3, &run, 1, &r, diags);
    OK(name_has(&r.clusters[0], "Bold"));
    shape_result_free(&r);
}

static void test_breaks(void)
{
    shape_result r = shape1("日本語の文章", "serif", "ja");
    INT_EQ(r.n_clusters, 6);
    INT_EQ(r.clusters[0].break_before, 0);
    int all = 1;
    for (size_t i = 1; i < r.n_clusters; i++)
        all &= r.clusters[i].break_before;
    OK(all);
    shape_result_free(&r);

    r = shape1("hello world", "serif", "en");
    INT_EQ(r.n_clusters, 11);
    int inside = 0;
    for (size_t i = 1; i < 5; i++)
        inside |= r.clusters[i].break_before;
    INT_EQ(inside, 0);
    INT_EQ(r.clusters[5].is_space, 1);
    INT_EQ(r.clusters[5].break_before, 0);
    INT_EQ(r.clusters[6].break_before, 1);       /* after the space */
    shape_result_free(&r);

    /* A line feed forces a break and draws nothing. */
    size_t before = diag_count(diags);
    r = shape1("a\nb", "serif", "en");
    INT_EQ(r.n_clusters, 3);
    INT_EQ(r.clusters[2].mandatory_break, 1);
    INT_EQ(r.clusters[1].missing, 0);
    INT_EQ(diag_count(diags), before);
    shape_result_free(&r);

    /* Thai has no spaces between words: libthai finds the breaks. */
    r = shape1("ภาษาไทยง่ายนิดเดียว", "sans-serif", "th");
    int thai = 0;
    for (size_t i = 1; i < r.n_clusters; i++)
        thai += r.clusters[i].break_before;
    OK(thai >= 2);
    OK(name_has(&r.clusters[0], "NotoSansThai"));
    shape_result_free(&r);
}

static void test_missing(void)
{
    size_t before = diag_count(diags);
    /* U+10FFFD: private use, in no font; twice, but warned once. */
    const char *text = "a\xF4\x8F\xBF\xBD" "b\xF4\x8F\xBF\xBD";
    shape_result r = shape1(text, "serif", "en");
    INT_EQ(r.n_clusters, 4);
    INT_EQ(r.clusters[1].missing, 1);
    INT_EQ(r.glyphs[r.clusters[1].glyph_start].id, 0);
    OK(r.clusters[1].advance > 0);
    INT_EQ(r.clusters[0].missing, 0);
    INT_EQ(diag_count(diags), before + 1);
    const diag *d = diag_at(diags, before);
    OK(d && strstr(d->message, "U+10FFFD") != NULL);
    OK(d && strstr(d->message, "fonts/README.md") != NULL);
    INT_EQ(d ? (int)d->severity : -1, DIAG_WARNING);
    INT_EQ(d ? (int)d->stage : -1, STAGE_TEXT);
    INT_EQ(d ? d->loc.line : 0, 3);
    shape_result_free(&r);

    /* --strict: the same message as an error. */
    text_ctx_set_missing_is_error(ctx, 1);
    OK(text_ctx_missing_is_error(ctx));
    before = diag_count(diags);
    r = shape1("x\xF4\x8F\xBF\xBD", "serif", "en");
    INT_EQ(diag_count(diags), before + 1);
    d = diag_at(diags, before);
    INT_EQ(d ? (int)d->severity : -1, DIAG_ERROR);
    OK(d && strstr(d->message, "U+10FFFD") != NULL);
    shape_result_free(&r);
    text_ctx_set_missing_is_error(ctx, 0);
    diag_list_free(diags);          /* the error must not count below */
    diags = diag_list_new();

    /* Invalid UTF-8 is an error, not a crash. */
    before = diag_count(diags);
    shape_run run = run1(0, 2, "serif", "en");
    INT_EQ(shape_paragraph(ctx, "a\xFF", 2, &run, 1, &r, diags), -1);
    INT_EQ(diag_count_severity(diags, DIAG_ERROR), 1);
}

/* The glyph ids of text shaped as one run. */
static void glyph_ids(const char *text, const char *family, const char *lang,
                      uint32_t *ids, size_t n)
{
    shape_result r = shape1(text, family, lang);
    INT_EQ(r.n_glyphs, n);
    for (size_t i = 0; i < n && i < r.n_glyphs; i++)
        ids[i] = r.glyphs[i].id;
    shape_result_free(&r);
}

static void test_locl(void)
{
    /* 直 has a Japanese and a Chinese form in the same Pan-CJK font. */
    shape_result ja = shape1("直", "Noto Serif CJK JP", "ja");
    shape_result zh = shape1("直", "Noto Serif CJK JP", "zh-cn");
    OK(ja.glyphs[0].id != zh.glyphs[0].id);
    /* Text without a language is Japanese, whatever $LANG says. */
    shape_result none = shape1("直", "Noto Serif CJK JP", NULL);
    INT_EQ(none.glyphs[0].id, ja.glyphs[0].id);
    shape_result_free(&none);
    /* The language picks the regional face of the same design. */
    OK(name_has(&ja.clusters[0], "NotoSerifCJKjp"));
    OK(name_has(&zh.clusters[0], "NotoSerifCJKsc"));
    shape_result_free(&ja);
    shape_result_free(&zh);

    /* 直 骨 次 化 誤: Japanese, Simplified, Traditional, Hong Kong and
     * Korean forms. 直 differs in ja, zh-CN and zh-HK; 骨 in ja, zh-CN
     * and zh-TW; 次 化 誤 in ko. The ids are those of one family, so a
     * face change alone cannot make them differ. */
    const char *han = "直骨次化誤";
    uint32_t j[5], cn[5], tw[5], hk[5], ko[5];
    glyph_ids(han, "Noto Serif CJK JP", "ja", j, 5);
    glyph_ids(han, "Noto Serif CJK JP", "zh-CN", cn, 5);
    glyph_ids(han, "Noto Serif CJK JP", "zh-TW", tw, 5);
    glyph_ids(han, "Noto Serif CJK JP", "zh-HK", hk, 5);
    glyph_ids(han, "Noto Serif CJK JP", "ko", ko, 5);
    OK(cn[0] != j[0] && hk[0] != j[0] && hk[0] != cn[0]);
    OK(cn[1] != j[1] && tw[1] != j[1] && tw[1] != cn[1]);
    OK(ko[2] != j[2] && ko[3] != j[3] && ko[4] != j[4]);
    INT_EQ(ko[0], j[0]);
    /* The regional faces agree with locl: zh-TW in the TC face. */
    uint32_t tc[5];
    glyph_ids(han, "Noto Serif CJK TC", "zh-TW", tc, 5);
    OK(memcmp(tc, tw, sizeof tc) == 0);

    /* Faces: TC for zh-TW, HK for zh-HK, SC for plain zh, in serif and
     * sans alike; for Korean, Hangul in the KR face. */
    shape_result r = shape1("直", "serif", "zh-TW");
    OK(name_has(&r.clusters[0], "NotoSerifCJKtc"));
    shape_result_free(&r);
    r = shape1("直", "sans-serif", "zh-HK");
    OK(name_has(&r.clusters[0], "NotoSansCJKhk"));
    shape_result_free(&r);
    r = shape1("直", "sans-serif", "zh");
    OK(name_has(&r.clusters[0], "NotoSansCJKsc"));
    shape_result_free(&r);
    r = shape1("상담 次", "serif", "ko");
    OK(name_has(&r.clusters[0], "NotoSerifCJKkr"));
    INT_EQ(r.glyphs[r.clusters[3].glyph_start].id, ko[2]);
    shape_result_free(&r);
    r = shape1("상담", "sans-serif", "ko-KR");
    OK(name_has(&r.clusters[0], "NotoSansCJKkr"));
    shape_result_free(&r);
    r = shape1("상담", "Noto Serif CJK JP", "ko");      /* named JP face */
    OK(name_has(&r.clusters[0], "NotoSerifCJKkr"));
    shape_result_free(&r);
    /* Japanese stays in the JP face: the rules test the lang exactly. */
    r = shape1("漢字", "serif", "ja");
    OK(name_has(&r.clusters[0], "NotoSerifCJKjp"));
    shape_result_free(&r);
}

static void test_metrics(void)
{
    const text_font *f = text_font_primary(ctx, "Noto Serif CJK JP", PT10, 400, 0, "ja");
    text_font_metrics m;
    text_font_get_metrics(f, &m);
    INT_EQ(m.em, PT10);
    OK(m.ascent > 0 && m.descent > 0);
    /* Line metrics (hhea): Noto CJK's are tall, 1.15 em + 0.29 em. */
    OK(m.ascent + m.descent >= PT10);
    OK(m.ascent >= MK_FROM_PT(8.5) && m.ascent <= MK_FROM_PT(12.0));
    /* The em box from the BASE table: 0.88 em above, 0.12 em below. */
    INT_EQ(m.em_ascent, 9011);
    INT_EQ(m.em_descent, 1229);
    OK(m.underline_thickness > 0);
    OK(strstr(text_font_name(f), "NotoSerifCJKjp") != NULL);
    /* The cache hands out each font once. */
    OK(text_font_primary(ctx, "Noto Serif CJK JP", PT10, 400, 0, "ja") == f);

    f = text_font_primary(ctx, "Helvetica", 12 * MK_PT, 400, 1, "en");
    OK(strstr(text_font_name(f), "LiberationSans-Italic") != NULL);
    text_font_get_metrics(f, &m);
    INT_EQ(m.em, 12 * MK_PT);
    INT_EQ(m.em_ascent + m.em_descent, 12 * MK_PT);  /* a synthesized box */
}

/* Marks and vowel signs stay with their base, whatever HarfBuzz's own
 * cluster numbering, so justification cannot pull them apart. */
static void test_clusters(void)
{
    shape_result r = shape1("नेपाली", "sans-serif", "ne");   /* Nepali */
    INT_EQ(r.n_clusters, 3);
    INT_EQ(r.clusters[0].byte_len, 6);
    INT_EQ(r.clusters[0].n_glyphs, 2);
    OK(name_has(&r.clusters[0], "NotoSansDevanagari"));
    shape_result_free(&r);

    r = shape1("ง่าย", "serif", "th");                        /* tone mark */
    INT_EQ(r.n_clusters, 3);
    INT_EQ(r.clusters[0].byte_len, 6);
    shape_result_free(&r);

    /* A conjunct: क्ष (KA, VIRAMA, SSA) is one cluster, drawn as the
     * font's one KSSA ligature, not KA + visible virama + SSA. */
    r = shape1("क्ष", "serif", "ne");
    INT_EQ(r.n_clusters, 1);
    INT_EQ(r.n_glyphs, 1);
    shape_result ka = shape1("क", "serif", "ne");
    OK(r.glyphs[0].id != ka.glyphs[0].id && r.glyphs[0].id != 0);
    shape_result_free(&ka);
    shape_result_free(&r);
    r = shape1("रक्षा", "sans-serif", "ne");               /* + vowel sign AA */
    INT_EQ(r.n_clusters, 2);
    INT_EQ(r.clusters[1].n_glyphs, 2);
    shape_result_free(&r);

    /* Vietnamese stacked diacritics: ệ (dot below and circumflex) and ở
     * (horn and hook above) are one cluster and one glyph, the same
     * whether the text is precomposed (NFC) or decomposed (NFD). */
    shape_result nfc = shape1("việc ở", "serif", "vi");
    shape_result nfd = shape1("vie\xCC\xA3\xCC\x82" "c o\xCC\x9B\xCC\x89", "serif", "vi");
    INT_EQ(nfc.n_clusters, 6);
    INT_EQ(nfd.n_clusters, 6);
    INT_EQ(nfc.n_glyphs, 6);
    INT_EQ(nfd.n_glyphs, 6);
    INT_EQ(nfd.clusters[2].byte_len, 5);
    int same = nfc.n_glyphs == nfd.n_glyphs;
    for (size_t i = 0; same && i < nfc.n_glyphs; i++)
        same = nfc.glyphs[i].id == nfd.glyphs[i].id;
    OK(same);
    OK(name_has(&nfc.clusters[2], "NotoSerif-"));
    INT_EQ(nfc.clusters[2].missing + nfc.clusters[5].missing, 0);
    shape_result_free(&nfc);
    shape_result_free(&nfd);

    /* Burmese, and the Regular face, not the mislabeled Bold one. */
    r = shape1("မြန်မာ", "serif", "my");
    INT_EQ(r.n_clusters, 3);
    OK(name_has(&r.clusters[0], "NotoSerifMyanmar-Regular"));
    shape_result_free(&r);

    r = shape1("e\xCC\x81", "serif", "fr");                   /* e + U+0301 */
    INT_EQ(r.n_clusters, 1);
    shape_result_free(&r);

    /* An ideographic variation sequence (葛 + VS17) is one cluster. */
    r = shape1("葛\xF3\xA0\x84\x80", "serif", "ja");
    INT_EQ(r.n_clusters, 1);
    INT_EQ(r.clusters[0].advance, PT10);
    shape_result_free(&r);

    /* Arabic: clusters in logical order, flagged rtl. */
    r = shape1("سلام", "serif", "ar");
    INT_EQ(r.n_clusters, 4);
    OK(r.clusters[0].rtl && r.clusters[3].rtl);
    INT_EQ(r.clusters[0].level, 1);
    OK(r.clusters[0].byte_start < r.clusters[1].byte_start);
    INT_EQ(r.clusters[0].cp, 0x0633);
    shape_result_free(&r);
}

static void test_runs(void)
{
    /* Two runs in one paragraph; an RTL word in the middle. */
    const char *text = "日本 Hello مرحبا end";
    size_t n = strlen(text), jp = strlen("日本 ");
    shape_run runs[2] = {run1(0, jp, "serif", "ja"),
                         run1(jp, n - jp, "sans-serif", "en")};
    runs[1].letter_spacing = 100;
    shape_result r;
    INT_EQ(shape_paragraph(ctx, text, n, runs, 2, &r, diags), 0);
    size_t pos = 0;
    int contiguous = 1, rtl = 0, runs_ok = 1;
    for (size_t i = 0; i < r.n_clusters; i++) {
        const shape_cluster *c = &r.clusters[i];
        contiguous &= c->byte_start == pos;
        pos += c->byte_len;
        rtl += c->rtl;
        runs_ok &= c->run == (c->byte_start < jp ? 0u : 1u);
    }
    OK(contiguous);
    INT_EQ(pos, n);
    OK(rtl >= 5);
    OK(runs_ok);
    /* Letter spacing is added to the second run's clusters only. */
    shape_result plain = shape1("Hello", "sans-serif", "en");
    INT_EQ(r.clusters[3].advance, plain.clusters[0].advance + 100);
    INT_EQ(r.clusters[0].advance, PT10);
    shape_result_free(&plain);
    shape_result_free(&r);
}

static void test_vertical(void)
{
    const char *text = "縦書きAB";
    shape_run run = run1(0, strlen(text), "serif", "ja");
    run.vertical = 1;
    shape_result r;
    INT_EQ(shape_paragraph(ctx, text, strlen(text), &run, 1, &r, diags), 0);
    INT_EQ(r.n_clusters, 5);
    INT_EQ(r.clusters[0].upright, 1);
    INT_EQ(r.clusters[0].advance, PT10);          /* one em down the line */
    INT_EQ(r.clusters[3].upright, 0);             /* Latin turned sideways */
    OK(r.clusters[3].advance > 0 && r.clusters[3].advance < PT10);
    shape_result_free(&r);

    /* The context is back to horizontal for the next paragraph. */
    r = shape1("漢A", "serif", "ja");
    INT_EQ(r.clusters[0].upright, 0);
    shape_result_free(&r);
}

static void test_family(void)
{
    STR_EQ(text_ctx_family(ctx, " 'Noto Serif CJK JP' , \"MS Gothic\",serif "),
           "Noto Serif CJK JP,MS Gothic,serif");
    STR_EQ(text_ctx_family(ctx, ""), "serif");
    STR_EQ(text_ctx_family(ctx, NULL), "serif");
    STR_EQ(text_ctx_family(ctx, "Helvetica"), "Helvetica");
}

/* Not a pass/fail test: prints how long a report's worth of text takes. */
static void bench(void)
{
    const char *para = "外国人住民の権利を守るため、政策提言と省庁交渉を行いました。"
                       "The network (Migrants Network) held 12 workshops in 2022. ";
    size_t n = strlen(para) * 20, reps = 150;    /* ~300 pages of 1,000 chars */
    char *text = malloc(n + 1);
    for (size_t i = 0; i < 20; i++)
        memcpy(text + i * strlen(para), para, strlen(para));
    text[n] = '\0';
    shape_run r = run1(0, n, "serif", "ja");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t clusters = 0;
    for (size_t i = 0; i < reps; i++) {
        shape_result res;
        shape_paragraph(ctx, text, n, &r, 1, &res, diags);
        clusters += res.n_clusters;
        shape_result_free(&res);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(stderr, "bench: %zu clusters in %.3f s (%.0f ns/cluster)\n",
            clusters, s, s * 1e9 / (double)clusters);
    free(text);
}

int main(void)
{
    TEST_BEGIN("shape");
    diags = diag_list_new();
    ctx = text_ctx_new(NULL, diags);
    OK(ctx != NULL);
    if (!ctx) {
        diag_print(diags, stderr, 0);
        return TEST_END();
    }
    test_family();
    test_japanese();
    test_latin();
    test_breaks();
    test_missing();
    test_locl();
    test_metrics();
    test_clusters();
    test_runs();
    test_vertical();
    if (getenv("MKDOC_BENCH"))
        bench();
    text_ctx_free(ctx);

    /* A missing configuration is an error value, not a crash. */
    diag_list *d2 = diag_list_new();
    OK(text_ctx_new("/nonexistent/fonts.conf", d2) == NULL);
    INT_EQ(diag_count_severity(d2, DIAG_ERROR), 1);
    diag_list_free(d2);
    diag_list_free(diags);
    return TEST_END();
}
