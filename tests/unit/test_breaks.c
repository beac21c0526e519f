/* Tests of line-break opportunities for the languages other than Japanese:
 * breaks_icu.c (ICU's dictionaries for Burmese, Khmer, Lao) on its own,
 * then through shape_paragraph: those scripts, Thai (libthai through
 * Pango), Korean kept whole at spaces, and bidi levels of Arabic in a
 * Japanese paragraph. The sentences are short and written for these tests
 * ("consultation is free", "you can consult about work, wages, visas and
 * medical care"). Run from the project root, or with MKDOC_FONTS_CONF. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "../../tools/text/breaks_icu.h"
#include "../../tools/text/fonts.h"
#include "../../tools/text/shape.h"
#include "test.h"

static text_ctx *ctx;
static diag_list *diags;

/* Burmese: "You can consult free of charge." */
#define MY_FREE "အခမဲ့ တိုင်ပင်ဆွေးနွေးနိုင်ပါသည်။"
/* Burmese, no spaces: "can consult" (consult + discuss + can + polite). */
#define MY_CONSULT "တိုင်ပင်ဆွေးနွေးနိုင်ပါသည်"
/* Khmer: "Consultation is free." */
#define KM_FREE "ការពិគ្រោះយោបល់គឺឥតគិតថ្លៃ"
/* Lao: "Consultation is free." */
#define LO_FREE "ການປຶກສາແມ່ນບໍ່ເສຍຄ່າ"
/* Thai: "We give advice on problems with work." */
#define TH_WORK "เรารับปรึกษาปัญหาเกี่ยวกับการทำงาน"

/* ---- breaks_icu alone ---- */

/* Character index of the byte offset strlen(prefix) in text. */
static size_t char_index(const char *prefix)
{
    return (size_t)g_utf8_strlen(prefix, -1);
}

/* Runs breaks_icu_line over text; brk gets n_chars + 1 entries. */
static uint8_t *icu_breaks(breaks_icu *b, const char *text, const char *lang,
                           size_t *n_chars)
{
    *n_chars = (size_t)g_utf8_strlen(text, -1);
    uint8_t *brk = malloc(*n_chars + 1);
    INT_EQ(breaks_icu_line(b, text, strlen(text), lang, brk, *n_chars), 0);
    return brk;
}

static int count_breaks(const uint8_t *brk, size_t n)
{
    int k = 0;
    for (size_t i = 0; i <= n; i++)
        k += brk[i];
    return k;
}

/* No opportunity before a combining mark: ICU keeps syllables whole. */
static int breaks_before_marks(const char *text, const uint8_t *brk)
{
    size_t i = 0;
    int bad = 0;
    for (const char *p = text; *p; p = g_utf8_next_char(p), i++)
        bad += brk[i] && g_unichar_ismark(g_utf8_get_char(p));
    return bad;
}

static void test_icu_script(void)
{
    OK(breaks_icu_script(0x1000));       /* MYANMAR LETTER KA */
    OK(breaks_icu_script(0x103A));       /* MYANMAR SIGN ASAT */
    OK(breaks_icu_script(0x1780));       /* KHMER LETTER KA */
    OK(breaks_icu_script(0x0E81));       /* LAO LETTER KO */
    OK(!breaks_icu_script(0x0E01));      /* Thai: Pango's (libthai) */
    OK(!breaks_icu_script('a'));
    OK(!breaks_icu_script(0x3042));
    OK(!breaks_icu_script(0x200B));      /* ZWSP: a break of its own */
    OK(breaks_icu_continues(0x200C));    /* ZWNJ is Script=Inherited */
    OK(breaks_icu_continues(0x0301));
    OK(!breaks_icu_continues(' '));
}

static void test_icu_words(void)
{
    breaks_icu *b = breaks_icu_new();
    size_t n;
    /* Burmese: between the four words, and nowhere else. */
    uint8_t *brk = icu_breaks(b, MY_CONSULT, "my", &n);
    OK(brk[char_index("တိုင်ပင်")]);
    OK(brk[char_index("တိုင်ပင်ဆွေးနွေး")]);
    OK(brk[char_index("တိုင်ပင်ဆွေးနွေးနိုင်")]);
    INT_EQ(count_breaks(brk, n), 3);
    INT_EQ(brk[0], 0);                   /* the edges are the caller's */
    INT_EQ(brk[n], 0);
    INT_EQ(breaks_before_marks(MY_CONSULT, brk), 0);
    free(brk);

    /* The same without a language: the script decides. */
    brk = icu_breaks(b, MY_CONSULT, NULL, &n);
    INT_EQ(count_breaks(brk, n), 3);
    free(brk);

    /* Khmer: consultation | (advice) | is | free. */
    brk = icu_breaks(b, KM_FREE, "km", &n);
    OK(brk[char_index("ការពិគ្រោះយោបល់")]);
    OK(brk[char_index("ការពិគ្រោះយោបល់គឺ")]);
    OK(count_breaks(brk, n) >= 2);
    INT_EQ(breaks_before_marks(KM_FREE, brk), 0);
    free(brk);

    /* Lao: consultation | is | not | pay | cost. */
    brk = icu_breaks(b, LO_FREE, "lo-LA", &n);
    OK(brk[char_index("ການປຶກສາ")]);
    OK(brk[char_index("ການປຶກສາແມ່ນ")]);
    OK(count_breaks(brk, n) >= 2);
    INT_EQ(breaks_before_marks(LO_FREE, brk), 0);
    free(brk);

    /* A tag ICU cannot parse falls back to its root locale. */
    brk = icu_breaks(b, MY_CONSULT, "!!", &n);
    INT_EQ(count_breaks(brk, n), 3);
    free(brk);

    uint8_t one[1] = {9};
    INT_EQ(breaks_icu_line(b, "", 0, "my", one, 0), 0);
    INT_EQ(one[0], 0);
    /* Invalid UTF-8 (the caller validates; this must not crash). */
    uint8_t two[3];
    INT_EQ(breaks_icu_line(b, "\xE1\x80", 2, "my", two, 2), -1);
    breaks_icu_free(b);
    breaks_icu_free(NULL);
}

/* ---- through the shaper ---- */

static shape_result shape_lang(const char *text, const char *lang)
{
    shape_run r = {0, strlen(text), "serif", 10 * MK_PT, 400, 0, lang, 0,
                   {"leaflet.fo", 12, 3}, 0};
    shape_result res;
    INT_EQ(shape_paragraph(ctx, text, strlen(text), &r, 1, &res, diags), 0);
    return res;
}

/* The cluster that starts strlen(prefix) bytes in, or NULL. */
static const shape_cluster *at(const shape_result *r, const char *prefix)
{
    uint32_t byte = (uint32_t)strlen(prefix);
    for (size_t i = 0; i < r->n_clusters; i++)
        if (r->clusters[i].byte_start == byte)
            return &r->clusters[i];
    return NULL;
}

static int brk_at(const shape_result *r, const char *prefix)
{
    const shape_cluster *c = at(r, prefix);
    return c ? c->break_before : -1;
}

static int breaks_in(const shape_result *r)
{
    int k = 0;
    for (size_t i = 1; i < r->n_clusters; i++)
        k += r->clusters[i].break_before;
    return k;
}

static void test_shape_burmese(void)
{
    shape_result r = shape_lang(MY_FREE, "my");
    OK(brk_at(&r, "အခမဲ့ ") == 1);                 /* after the space */
    OK(brk_at(&r, "အခမဲ့ တိုင်ပင်") == 1);         /* dictionary */
    OK(brk_at(&r, "အခမဲ့ တိုင်ပင်ဆွေးနွေး") == 1);
    OK(brk_at(&r, "အခမဲ့ တိုင်ပင်ဆွေးနွေးနိုင်") == 1);
    INT_EQ(breaks_in(&r), 4);
    OK(strstr(text_font_name(r.clusters[0].font), "Myanmar") != NULL);
    shape_result_free(&r);

    /* Burmese quoted in a Japanese paragraph: the script decides. */
    const char *mixed = "相談は無料です（" MY_CONSULT "）。";
    r = shape_lang(mixed, "ja");
    OK(brk_at(&r, "相談は無料です（တိုင်ပင်") == 1);
    OK(brk_at(&r, "相談は無料です（") == 0);        /* not after ( */
    OK(brk_at(&r, "相談は無料です（" MY_CONSULT) == 0);   /* not before ) */
    OK(brk_at(&r, "相談は") == 1);                   /* kanji keep theirs */
    shape_result_free(&r);
}

static void test_shape_khmer_lao(void)
{
    shape_result r = shape_lang(KM_FREE, "km");
    OK(brk_at(&r, "ការពិគ្រោះយោបល់") == 1);
    OK(brk_at(&r, "ការពិគ្រោះយោបល់គឺ") == 1);
    OK(strstr(text_font_name(r.clusters[0].font), "Khmer") != NULL);
    shape_result_free(&r);

    r = shape_lang(LO_FREE, NULL);
    OK(brk_at(&r, "ການປຶກສາ") == 1);
    OK(breaks_in(&r) >= 2);
    OK(strstr(text_font_name(r.clusters[0].font), "Lao") != NULL);
    shape_result_free(&r);
}

static void test_shape_thai(void)
{
    shape_result r = shape_lang(TH_WORK, "th");
    OK(brk_at(&r, "เรา") == 1);
    OK(brk_at(&r, "เรารับ") == 1);
    OK(brk_at(&r, "เรารับปรึกษา") == 1);
    OK(breaks_in(&r) >= 5);
    /* Never between a consonant and its vowel or tone mark: those are one
     * cluster ("กี่" of เกี่ยว). */
    const shape_cluster *c = at(&r, "เรารับปรึกษาปัญหาเ");
    OK(c && c->byte_len == strlen("กี่"));
    shape_result_free(&r);
}

static void test_shape_korean(void)
{
    /* "A free consultation service for migrants. In 2022 the OECD ..." */
    const char *ko = "이주민을 위한 무료 상담 서비스입니다. 2022년 OECD가";
    shape_result r = shape_lang(ko, "ko");
    OK(brk_at(&r, "이주민을 ") == 1);
    OK(brk_at(&r, "이") == 0);
    OK(brk_at(&r, "이주") == 0);
    OK(brk_at(&r, "이주민") == 0);
    OK(brk_at(&r, "이주민을 위한 무료 상담 서비스입니다. 2022") == 0);
    OK(brk_at(&r, "이주민을 위한 무료 상담 서비스입니다. 2022년 OECD") == 0);
    INT_EQ(breaks_in(&r), 6);                       /* after each space */
    /* The KR face of Noto CJK for Hangul. */
    OK(strstr(text_font_name(r.clusters[0].font), "CJKkr") != NULL);
    shape_result_free(&r);

    /* The run may ask for UAX #14's breaks between syllables. */
    r = shape_lang(ko, "ko-u-lw-normal");
    OK(brk_at(&r, "이주") == 1);
    INT_EQ(breaks_in(&r), 19);  /* 11 in words, 6 at spaces, 2022년, OECD가 */
    shape_result_free(&r);
    r = shape_lang(ko, "KO-U-LW-BREAKALL");
    OK(brk_at(&r, "이주") == 1);
    shape_result_free(&r);

    /* Hangul quoted in Japanese text stays whole too; kanji do not. */
    r = shape_lang("韓国語で「상담」と言う", "ja");
    OK(brk_at(&r, "韓国語で「상") == 0);
    OK(brk_at(&r, "韓国") == 1);
    shape_result_free(&r);

    /* Hanja words in Korean text are kept whole; in Japanese, not. */
    r = shape_lang("韓國語 상담", "ko");
    OK(brk_at(&r, "韓") == 0 && brk_at(&r, "韓國") == 0);
    OK(brk_at(&r, "韓國語 ") == 1);
    shape_result_free(&r);
}

/* Arabic inside Japanese: clusters in logical order with their bidi
 * levels, joined letters in their contextual forms. */
static void test_shape_arabic(void)
{
    /* "Consultation is free" (Arabic), in a Japanese sentence, with a
     * number inside the Arabic. */
    const char *text = "案内：الاستشارة مجانية 24 ساعة。";
    shape_result r = shape_lang(text, "ja");
    const shape_cluster *alef = at(&r, "案内：");
    const shape_cluster *digit = at(&r, "案内：الاستشارة مجانية ");
    const shape_cluster *stop = at(&r, "案内：الاستشارة مجانية 24 ساعة");
    OK(alef && alef->rtl && alef->level == 1);
    OK(digit && !digit->rtl && digit->level == 2);  /* UAX #9: EN in RTL */
    OK(stop && stop->level == 0);
    OK(r.clusters[0].level == 0);
    int ordered = 1;
    for (size_t i = 1; i < r.n_clusters; i++)
        ordered &= r.clusters[i].byte_start > r.clusters[i - 1].byte_start;
    OK(ordered);
    OK(alef && strstr(text_font_name(alef->font), "Arabic") != NULL);
    OK(brk_at(&r, "案内：الاستشارة ") == 1);
    shape_result_free(&r);

    /* Letters join: seen alone, SEEN has its isolated form; first in a
     * word, its initial one. */
    shape_result alone = shape_lang("س", "ar");
    shape_result word = shape_lang("سلام", "ar");
    OK(alone.glyphs[0].id != word.glyphs[word.clusters[0].glyph_start].id);
    shape_result_free(&alone);
    shape_result_free(&word);
}

/* UAX #9 L2 on made-up levels, then on the shaped Arabic. */
static void test_visual_order(void)
{
    shape_cluster c[8] = {0};
    const uint8_t levels[8] = {0, 0, 1, 1, 2, 2, 1, 0};
    for (size_t i = 0; i < 8; i++)
        c[i].level = levels[i];
    uint32_t order[8];
    shape_visual_order(c, 8, 0, order);
    const uint32_t want[8] = {0, 1, 6, 4, 5, 3, 2, 7};
    OK(memcmp(order, want, sizeof want) == 0);
    uint32_t order2[8];
    shape_reorder_levels(levels, 8, order2);
    OK(memcmp(order2, want, sizeof want) == 0);
    const uint8_t rtl_para[4] = {1, 1, 2, 1};         /* an RTL line */
    shape_reorder_levels(rtl_para, 4, order2);
    OK(order2[0] == 3 && order2[1] == 2 && order2[2] == 1 && order2[3] == 0);

    /* L1: a space ending the line goes back to the paragraph's level. */
    shape_cluster t[3] = {{.level = 1}, {.level = 1}, {.level = 1, .is_space = 1}};
    shape_visual_order(t, 3, 0, order);
    OK(order[0] == 1 && order[1] == 0 && order[2] == 2);

    /* All left to right: logical order. */
    shape_cluster l[3] = {0};
    shape_visual_order(l, 3, 0, order);
    OK(order[0] == 0 && order[1] == 1 && order[2] == 2);
    shape_visual_order(l, 0, 0, order);      /* nothing to do */

    const char *text = "案内：الاستشارة 24 ساعة。";
    shape_result r = shape_lang(text, "ja");
    uint32_t *ord = malloc(r.n_clusters * sizeof *ord);
    shape_visual_order(r.clusters, r.n_clusters, 0, ord);
    size_t n = r.n_clusters;
    OK(ord[0] == 0 && ord[1] == 1 && ord[2] == 2);
    OK(ord[n - 1] == n - 1);                        /* 。 stays last */
    OK(ord[n - 2] == 3);                            /* ا, first letter, at the right */
    OK(r.clusters[ord[3]].byte_start == strlen("案内：الاستشارة 24 ساع"));
    /* The digits inside keep their order, left to right. */
    size_t k2 = 0, k4 = 0;
    for (size_t k = 0; k < n; k++) {
        k2 = r.clusters[ord[k]].cp == '2' ? k : k2;
        k4 = r.clusters[ord[k]].cp == '4' ? k : k4;
    }
    INT_EQ(k4, k2 + 1);
    free(ord);
    shape_result_free(&r);
}

int main(void)
{
    TEST_BEGIN("breaks");
    test_icu_script();
    test_icu_words();
    diags = diag_list_new();
    ctx = text_ctx_new(NULL, diags);
    OK(ctx != NULL);
    if (!ctx) {
        diag_print(diags, stderr, 0);
        return TEST_END();
    }
    test_shape_burmese();
    test_shape_khmer_lao();
    test_shape_thai();
    test_shape_korean();
    test_shape_arabic();
    test_visual_order();
    INT_EQ(diag_count(diags), 0);   /* every character had a font */
    text_ctx_free(ctx);
    diag_list_free(diags);
    return TEST_END();
}
