/* Unit tests for tools/text/jlreq.c and the generated class table: the
 * Appendix A classes, LB-1, LB-2, LB-3, LB-4 (Table 2) and LB-5/LB-6
 * (strictness) of /work/shared/JLREQ.md, one check per rule and level. */
#include "../../tools/text/jlreq.h"
#include "test.h"

static void test_classes(void)
{
    /* JLREQ Appendix A: one or more members of every class. */
    static const struct { uint32_t cp; jlreq_class cls; } t[] = {
        {0x300C, JL_OPENING},     {0xFF08, JL_OPENING},  {0x0028, JL_OPENING},
        {0x300D, JL_CLOSING},     {0x2019, JL_CLOSING},  {0xFF09, JL_CLOSING},
        {0x2010, JL_HYPHEN},      {0x301C, JL_HYPHEN},
        {0xFF1F, JL_DIVIDING},    {0x0021, JL_DIVIDING},
        {0x30FB, JL_MIDDLE_DOT},  {0xFF1A, JL_MIDDLE_DOT},
        {0x3002, JL_FULL_STOP},   {0xFF0E, JL_FULL_STOP},
        {0x3001, JL_COMMA},       {0xFF0C, JL_COMMA},
        {0x2014, JL_INSEPARABLE}, {0x2026, JL_INSEPARABLE}, {0x2025, JL_INSEPARABLE},
        {0x3005, JL_ITERATION},   {0x309D, JL_ITERATION},
        {0x30FC, JL_PROLONGED},
        {0x3083, JL_SMALL_KANA},  {0x30C3, JL_SMALL_KANA}, {0x31F0, JL_SMALL_KANA},
        {0x3095, JL_SMALL_KANA},
        {0x00A5, JL_PREFIX},      {0xFFE5, JL_PREFIX},   {0x0024, JL_PREFIX},
        {0x0025, JL_POSTFIX},     {0xFF05, JL_POSTFIX},  {0x2103, JL_POSTFIX},
        {0x3000, JL_IDEO_SPACE},
        {0x3042, JL_HIRAGANA},    {0x3094, JL_HIRAGANA},
        {0x30A2, JL_KATAKANA},    {0x30FA, JL_KATAKANA},
        {0x2260, JL_MATH_SYMBOL}, {0x21D2, JL_MATH_SYMBOL},
        {0x00D7, JL_MATH_OPERATOR}, {0x2212, JL_MATH_OPERATOR},
        {0x6F22, JL_IDEOGRAPHIC}, {0x3400, JL_IDEOGRAPHIC}, {0x20000, JL_IDEOGRAPHIC},
        {0x2B820, JL_IDEOGRAPHIC}, {0x2EBE0, JL_IDEOGRAPHIC}, {0xF900, JL_IDEOGRAPHIC},
        {0x3006, JL_IDEOGRAPHIC}, {0x3007, JL_IDEOGRAPHIC},
        {0xFF21, JL_IDEOGRAPHIC}, {0xFF10, JL_IDEOGRAPHIC}, /* 3.2.4 */
        {0x0030, JL_NUMERAL},     {0x0039, JL_NUMERAL},
        {0x0020, JL_SPACE},
        {0x0061, JL_WESTERN},     {0x00E9, JL_WESTERN},  {0x03A9, JL_WESTERN},
        {0x0416, JL_WESTERN},     {0x002D, JL_WESTERN},
        {0x0E01, JL_NONE},        {0x10FFFF, JL_NONE},   {0x0000, JL_NONE},
    };
    for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
        if (jlreq_class_of(t[k].cp) == t[k].cls)
            test_passed++;
        else
            TEST_FAIL_AT("class of U+%04X: %d, want %d", (unsigned)t[k].cp,
                         (int)jlreq_class_of(t[k].cp), (int)t[k].cls);
}

static void test_effective_class(void)
{
    /* JLREQ 3.9.2: where the level lets them start a line, small kana
     * count as kana, ー as katakana, 々 as ideographic. */
    INT_EQ(jlreq_effective_class(0x3083, JL_STRICT), JL_SMALL_KANA);
    INT_EQ(jlreq_effective_class(0x3083, JL_NORMAL), JL_HIRAGANA);
    INT_EQ(jlreq_effective_class(0x30E3, JL_NORMAL), JL_KATAKANA);
    INT_EQ(jlreq_effective_class(0x31F0, JL_LOOSE), JL_KATAKANA);
    INT_EQ(jlreq_effective_class(0x30FC, JL_STRICT), JL_PROLONGED);
    INT_EQ(jlreq_effective_class(0x30FC, JL_NORMAL), JL_KATAKANA);
    INT_EQ(jlreq_effective_class(0x3005, JL_NORMAL), JL_ITERATION);
    INT_EQ(jlreq_effective_class(0x3005, JL_LOOSE), JL_IDEOGRAPHIC);
    INT_EQ(jlreq_effective_class(0x309D, JL_LOOSE), JL_ITERATION);
}

/* Expected results per level: strict, normal, loose, anywhere. */
typedef struct {
    uint32_t a, b;
    int want[4];
    const char *rule;
} pair_case;

static const pair_case line_start[] = {
    /* LB-1, JLREQ 3.1.7: the no-line-start classes, by level (C.3). */
    {0x300D, 0, {1, 1, 1, 1}, "LB-1 cl-02 」 never starts a line"},
    {0x2010, 0, {1, 1, 0, 0}, "LB-1 cl-03 ‐ (loose allows)"},
    {0x301C, 0, {1, 1, 0, 0}, "LB-1 cl-03 〜 (loose allows)"},
    {0xFF1F, 0, {1, 1, 1, 0}, "LB-1 cl-04 ？"},
    {0x30FB, 0, {1, 1, 0, 0}, "LB-1 cl-05 ・ (loose allows)"},
    {0xFF1A, 0, {1, 1, 1, 0}, "LB-1 cl-05 ： (only ・ is relaxed)"},
    {0x3002, 0, {1, 1, 1, 1}, "LB-1 cl-06 。 never starts a line"},
    {0x3001, 0, {1, 1, 1, 1}, "LB-1 cl-07 、 never starts a line"},
    {0x3005, 0, {1, 1, 0, 0}, "LB-1 cl-09 々 (loose allows)"},
    {0x309D, 0, {1, 1, 1, 0}, "LB-1 cl-09 ゝ (only 々 is relaxed)"},
    {0x30FC, 0, {1, 0, 0, 0}, "LB-1 cl-10 ー (normal allows)"},
    {0x3083, 0, {1, 0, 0, 0}, "LB-1 cl-11 ゃ (normal allows)"},
    {0x30C3, 0, {1, 0, 0, 0}, "LB-1 cl-11 ッ (normal allows)"},
    {0x300C, 0, {0, 0, 0, 0}, "LB-1 cl-01 「 may start a line"},
    {0x3042, 0, {0, 0, 0, 0}, "LB-1 cl-15 あ may start a line"},
    {0x6F22, 0, {0, 0, 0, 0}, "LB-1 cl-19 漢 may start a line"},
};

static const pair_case can_break[] = {
    /* LB-4 (a), JLREQ 3.1.8 and Table 2: nothing breaks after cl-01. */
    {0x300C, 0x3042, {0, 0, 0, 0}, "LB-4a no break after cl-01 「あ"},
    {0xFF08, 0x6F22, {0, 0, 0, 0}, "LB-4a no break after cl-01 （漢"},
    /* LB-4 (a): nor after cl-12 (the whole row is "not"). */
    {0x00A5, 0x0031, {0, 0, 0, 1}, "LB-4a/LB-3 ¥1 prefix + numeral"},
    {0xFFE5, 0x4E07, {0, 0, 0, 1}, "LB-4a ￥万 no break after cl-12"},
    /* LB-4 (b), JLREQ 3.1.7: no break before the no-line-start classes. */
    {0x3042, 0x300D, {0, 0, 0, 0}, "LB-4b あ」 before cl-02"},
    {0x3042, 0x301C, {0, 0, 1, 1}, "LB-4b あ〜 before cl-03"},
    {0x3042, 0xFF01, {0, 0, 0, 1}, "LB-4b あ！ before cl-04"},
    {0x30A2, 0x30FB, {0, 0, 1, 1}, "LB-4b ア・ before cl-05 ・"},
    {0x3042, 0x3002, {0, 0, 0, 0}, "LB-4b あ。 before cl-06"},
    {0x3042, 0x3001, {0, 0, 0, 0}, "LB-4b あ、 before cl-07"},
    {0x4EBA, 0x3005, {0, 0, 1, 1}, "LB-4b 人々 before cl-09 々"},
    {0x3042, 0x309D, {0, 0, 0, 1}, "LB-4b あゝ before cl-09 ゝ"},
    {0x30C7, 0x30FC, {0, 1, 1, 1}, "LB-4b デー before cl-10"},
    {0x3061, 0x3083, {0, 1, 1, 1}, "LB-4b ちゃ before cl-11"},
    {0x0061, 0x0029, {0, 0, 0, 0}, "LB-4b a) before cl-02 (half-width)"},
    /* LB-3, JLREQ 3.1.10 / C.2 note 5: identical cl-08 stay together. */
    {0x2014, 0x2014, {0, 0, 0, 1}, "LB-3 —— em dash pair"},
    {0x2026, 0x2026, {0, 0, 1, 1}, "LB-3 …… (loose allows)"},
    {0x2025, 0x2025, {0, 0, 1, 1}, "LB-3 ‥‥ (loose allows)"},
    {0x2014, 0x2026, {1, 1, 1, 1}, "LB-3 —… different cl-08 are separable"},
    {0x3033, 0x3035, {0, 0, 0, 1}, "LB-3 〳〵 vertical repeat mark"},
    /* LB-3 / Table 2 cl-24 row: numerals. */
    {0x0031, 0x0032, {0, 0, 0, 1}, "LB-3 12 inside a numeral (24→24)"},
    {0x0033, 0x002E, {0, 0, 0, 0}, "LB-3 3. before the decimal point"},
    {0x002E, 0x0031, {0, 0, 0, 1}, "LB-3 .1 after the decimal point"},
    {0x002C, 0x0030, {0, 0, 0, 1}, "LB-3 ,0 digit group separator"},
    {0x0035, 0x0025, {0, 0, 1, 1}, "LB-3 5% numeral + cl-13 (C.2 n.9; loose allows %)"},
    {0x0035, 0xFF05, {0, 0, 1, 1}, "LB-3 5％ full-width percent"},
    {0x0035, 0x00B0, {0, 0, 0, 1}, "LB-3 5° numeral + cl-13 (only % is relaxed)"},
    {0x0035, 0x0061, {0, 0, 0, 1}, "LB-4 24→27 (C.2 n.10)"},
    {0x0061, 0x0035, {0, 0, 0, 1}, "LB-4 27→24 not"},
    /* LB-3 / C.2 note 12: inside a Western word. */
    {0x0061, 0x0062, {0, 0, 0, 1}, "LB-3 ab Western word (27→27)"},
    {0x0065, 0x002E, {0, 0, 0, 0}, "LB-3 e. before a full stop"},
    {0x002E, 0x0067, {0, 0, 0, 1}, "LB-3 .g inside e.g"},
    {0x2019, 0x0074, {0, 0, 0, 1}, "LB-3 ’t inside don’t"},
    {0x0066, 0x0028, {0, 0, 0, 1}, "LB-3 f( inside f(x)"},
    {0x0029, 0x0062, {0, 0, 0, 1}, "LB-3 )b inside (a)b"},
    {0x0043, 0x0023, {0, 0, 0, 1}, "LB-3 C# half-width cl-12 inside a word"},
    {0x0061, 0x0025, {0, 0, 0, 1}, "LB-3 a% half-width cl-13 inside a word"},
    {0x0025, 0x0061, {0, 0, 0, 1}, "LB-3 %a after half-width cl-13"},
    {0x0061, 0x00A5, {1, 1, 1, 1}, "LB-4 a¥ Latin-1 yen is not half-width ASCII"},
    {0x0061, 0x300C, {1, 1, 1, 1}, "LB-4 a「 full-width bracket after a word"},
    {0x002E, 0x3042, {1, 1, 1, 1}, "LB-4 .あ after a Western stop"},
    /* LB-4: Western word space cl-26: break after the space, not before. */
    {0x0061, 0x0020, {0, 0, 0, 1}, "LB-4 a␠ no break before cl-26"},
    {0x0020, 0x0062, {1, 1, 1, 1}, "LB-4 ␠b break after cl-26"},
    {0x0020, 0x0029, {0, 0, 0, 0}, "LB-4 ␠) still no line start with cl-02"},
    /* LB-4: the blank cells of Table 2. */
    {0x3042, 0x3044, {1, 1, 1, 1}, "LB-4 あい kana/kana (15→15)"},
    {0x30A2, 0x30A4, {1, 1, 1, 1}, "LB-4 アイ 16→16"},
    {0x6F22, 0x5B57, {1, 1, 1, 1}, "LB-4 漢字 19→19"},
    {0x3042, 0x6F22, {1, 1, 1, 1}, "LB-4 あ漢 15→19"},
    {0x6F22, 0x0061, {1, 1, 1, 1}, "LB-4 漢a Japanese→Western"},
    {0x0061, 0x6F22, {1, 1, 1, 1}, "LB-4 a漢 Western→Japanese"},
    {0x0031, 0x3042, {1, 1, 1, 1}, "LB-4 1あ numeral→kana"},
    {0x300D, 0x3042, {1, 1, 1, 1}, "LB-4 」あ after cl-02"},
    {0x3002, 0x300C, {1, 1, 1, 1}, "LB-4 。「 after cl-06 before cl-01"},
    {0x6F22, 0x300C, {1, 1, 1, 1}, "LB-4 漢「 before cl-01"},
    {0x3042, 0x3000, {1, 1, 1, 1}, "LB-4 あ　 before cl-14"},
    {0x3000, 0x3042, {1, 1, 1, 1}, "LB-4 　あ after cl-14"},
    {0x3042, 0x00A5, {1, 1, 1, 1}, "LB-4 あ¥ before cl-12"},
    {0x6F22, 0x2260, {1, 1, 1, 1}, "LB-4 漢≠ before cl-17"},
    /* JLREQ 3.1.10: a character and its marks are one unit. */
    {0x30AB, 0x309A, {0, 0, 0, 0}, "LB-3 カ゚ combining mark"},
    {0x0061, 0x00A0, {0, 0, 0, 0}, "LB-3 a + no-break space"},
};

static const char *level_name[] = {"strict", "normal", "loose", "anywhere"};

static void check(int got, const pair_case *c, int level)
{
    if (got == c->want[level])
        test_passed++;
    else
        TEST_FAIL_AT("%s [%s]: got %d", c->rule, level_name[level], got);
}

static void test_line_start(void)
{
    for (size_t k = 0; k < sizeof line_start / sizeof line_start[0]; k++)
        for (int s = JL_STRICT; s <= JL_ANYWHERE; s++)
            check(jlreq_no_line_start(line_start[k].a, (jlreq_strictness)s),
                  &line_start[k], s);
}

static void test_line_end(void)
{
    /* LB-2, JLREQ 3.1.8: cl-01 never ends a line; nothing else is barred
     * by itself (cl-12 is barred through Table 2 in jlreq_can_break). */
    OK(jlreq_no_line_end(0x300C));
    OK(jlreq_no_line_end(0xFF08));
    OK(jlreq_no_line_end(0x201C));
    OK(!jlreq_no_line_end(0x300D));
    OK(!jlreq_no_line_end(0x3042));
    OK(!jlreq_no_line_end(0x3002));
}

static void test_can_break(void)
{
    for (size_t k = 0; k < sizeof can_break / sizeof can_break[0]; k++)
        for (int s = JL_STRICT; s <= JL_ANYWHERE; s++)
            check(jlreq_can_break(can_break[k].a, can_break[k].b, (jlreq_strictness)s),
                  &can_break[k], s);
}

static void test_is_cjk(void)
{
    /* JLREQ 3.2.6: what sits on the em grid decides the quarter em. */
    OK(jlreq_is_cjk(0x3042));
    OK(jlreq_is_cjk(0x6F22));
    OK(jlreq_is_cjk(0x300C));
    OK(jlreq_is_cjk(0x3002));
    OK(jlreq_is_cjk(0xFF10)); /* full-width digit: cl-19 (3.2.4) */
    OK(!jlreq_is_cjk(0x0061));
    OK(!jlreq_is_cjk(0x0028)); /* half-width bracket: proportional */
    OK(!jlreq_is_cjk(0x0031));
    OK(!jlreq_is_cjk(0x0E01));
}

/* JLREQ 3.1.2–3.1.4 and Appendix B, Table 1: aki in quarter ems. */
static void aki_is(jlreq_class a, jlreq_class b, int adjacent, int mid, int fixed,
                   int trail, int lead)
{
    jlreq_aki k = jlreq_aki_between(a, b, adjacent);
    INT_EQ(k.mid, mid);
    INT_EQ(k.fixed, fixed);
    INT_EQ(k.trail, trail);
    INT_EQ(k.lead, lead);
}

static void test_aki(void)
{
    OK(jlreq_is_half_punct(JL_OPENING) && jlreq_is_half_punct(JL_COMMA));
    OK(!jlreq_is_half_punct(JL_DIVIDING) && !jlreq_is_half_punct(JL_HIRAGANA));
    aki_is(JL_HIRAGANA, JL_OPENING, 1, 2, 0, 0, 2);     /* あ「 */
    aki_is(JL_CLOSING, JL_HIRAGANA, 1, 2, 0, 2, 0);     /* 」あ */
    aki_is(JL_COMMA, JL_HIRAGANA, 1, 2, 0, 2, 0);       /* 、あ */
    aki_is(JL_FULL_STOP, JL_HIRAGANA, 1, 2, 2, 2, 0);   /* 。あ: not reducible */
    aki_is(JL_HIRAGANA, JL_MIDDLE_DOT, 1, 1, 0, 0, 1);  /* あ・ */
    aki_is(JL_MIDDLE_DOT, JL_HIRAGANA, 1, 1, 0, 1, 0);  /* ・あ */
    aki_is(JL_CLOSING, JL_OPENING, 1, 2, 0, 2, 2);      /* 」「 ½, each keeps ½ */
    aki_is(JL_CLOSING, JL_OPENING, 0, 4, 0, 2, 2);      /* without adjacent: 1 em */
    aki_is(JL_COMMA, JL_OPENING, 1, 2, 0, 2, 2);        /* 、「 */
    aki_is(JL_FULL_STOP, JL_OPENING, 1, 2, 2, 2, 2);    /* 。「: the stop's ½ */
    aki_is(JL_FULL_STOP, JL_CLOSING, 1, 0, 0, 2, 0);    /* 。」 solid */
    aki_is(JL_CLOSING, JL_COMMA, 1, 0, 0, 2, 0);        /* 」、 solid */
    aki_is(JL_CLOSING, JL_CLOSING, 1, 0, 0, 2, 0);      /* 」」 */
    aki_is(JL_OPENING, JL_OPENING, 1, 0, 0, 0, 2);      /* 「「 */
    aki_is(JL_CLOSING, JL_MIDDLE_DOT, 1, 1, 0, 2, 1);   /* 」・ ¼ */
    aki_is(JL_MIDDLE_DOT, JL_OPENING, 1, 1, 0, 1, 2);   /* ・「 ¼ */
    aki_is(JL_MIDDLE_DOT, JL_MIDDLE_DOT, 1, 2, 0, 1, 1);/* ・・ ¼ + ¼ */
    aki_is(JL_FULL_STOP, JL_MIDDLE_DOT, 1, 3, 2, 2, 1); /* 。・ ½ + ¼ */
    aki_is(JL_DIVIDING, JL_CLOSING, 1, 0, 0, 0, 0);     /* ！」 (3.1.6) */
    aki_is(JL_HYPHEN, JL_OPENING, 1, 2, 0, 0, 2);       /* ‐「 (3.1.6 SP-4) */
    aki_is(JL_NONE, JL_NONE, 1, 0, 0, 0, 0);
}

int main(void)
{
    TEST_BEGIN("jlreq");
    test_classes();
    test_effective_class();
    test_line_start();
    test_line_end();
    test_can_break();
    test_is_cjk();
    test_aki();
    return TEST_END();
}
