/* jlreq: Japanese line-breaking rules (kinsoku) as pure functions.
 *
 * jlreq_class_of() is the generated table (jlreq_table.c, from
 * jlreq_classes.txt by gen_jlreq.py). This file holds the rules of JLREQ
 * 3.1.7–3.1.10 and Table 2 (Appendix C) on top of it.
 *
 * Strictness levels. JLREQ's Addendum to Appendix C (C.3) names four
 * levels, CSS `line-break` and axf:line-break name others; ours are:
 *
 *   JL_STRICT   (default) Table 2 as printed: no line starts with small
 *               kana, ー, 々 or a cl-03 hyphen. = JLREQ "very strict";
 *               CSS `strict` minus its allowance of breaks before hyphens.
 *   JL_NORMAL   small kana (cl-11) and ー (cl-10) may start a line; they
 *               are treated as kana (3.9.2). = JLREQ "strict" except that
 *               々 stays forbidden (as in CSS `normal`). CSS `normal`.
 *   JL_LOOSE    additionally 々, ・ (U+30FB), cl-03 hyphens, the second of
 *               …… / ‥‥ and % may start a line. = JLREQ "loose"
 *               (magazines). CSS `loose`.
 *   JL_ANYWHERE only the prohibitions common to every level (C.3): no break
 *               after cl-01 and none before cl-02, cl-06, cl-07. Looser
 *               than JLREQ "very loose"; CSS `anywhere` minus those three.
 *
 * The rules see two code points, not a whole text: the paragraph builder
 * must still keep a line from ending in cl-01 when a space separates it
 * from the next character ("( x"), and must skip this module inside ruby,
 * tate-chu-yoko, warichu and other context classes (cl-20..23, 25, 28..30),
 * which only markup can tell. */
#include "jlreq.h"

/* 1 for characters that never start a break opportunity on their own:
 * combining marks and joiners belong to the preceding character (JLREQ
 * 3.1.10: a character and its marks are one unit; UAX #14 LB9, LB11). */
static int jl_is_attached(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F)      /* combining diacritics */
        || cp == 0x3099 || cp == 0x309A        /* combining (semi-)voiced marks */
        || (cp >= 0xFE00 && cp <= 0xFE0F)      /* variation selectors */
        || (cp >= 0xE0100 && cp <= 0xE01EF)    /* ideographic variation selectors */
        || cp == 0x200D;                       /* zero width joiner */
}

/* No-break spaces and word joiners glue their neighbours (UAX #14 LB11,
 * LB12): the caller passes them through when it has no better model. */
static int jl_is_glue(uint32_t cp)
{
    return cp == 0x00A0 || cp == 0x202F || cp == 0x2060 || cp == 0xFEFF;
}

static int jl_in_hiragana_block(uint32_t cp)
{
    return cp >= 0x3041 && cp <= 0x3096;
}

jlreq_class jlreq_effective_class(uint32_t cp, jlreq_strictness s)
{
    jlreq_class c = jlreq_class_of(cp);
    if (s >= JL_NORMAL && c == JL_SMALL_KANA) /* JLREQ 3.9.2, C.3 */
        return jl_in_hiragana_block(cp) ? JL_HIRAGANA : JL_KATAKANA;
    if (s >= JL_NORMAL && c == JL_PROLONGED) /* JLREQ 3.9.2: ー as katakana */
        return JL_KATAKANA;
    if (s >= JL_LOOSE && cp == 0x3005) /* JLREQ 3.9.2: 々 as ideographic */
        return JL_IDEOGRAPHIC;
    return c;
}

/* Classes that may never start a line at any level (C.3). */
static int jl_never_starts(jlreq_class c)
{
    return c == JL_CLOSING || c == JL_FULL_STOP || c == JL_COMMA;
}

static int jl_is_percent(uint32_t cp)
{
    return cp == 0x0025 || cp == 0xFF05;
}

int jlreq_no_line_start(uint32_t cp, jlreq_strictness s)
{
    jlreq_class c = jlreq_effective_class(cp, s);
    if (jl_never_starts(c)) /* JLREQ C.3: all levels */
        return 1;
    if (s == JL_ANYWHERE)
        return 0;
    if (s == JL_LOOSE && (c == JL_HYPHEN || cp == 0x30FB)) /* JLREQ C.3 loose */
        return 0;
    /* JLREQ 3.1.7 (LB-1); small kana, ー and 々 already left these classes
     * through jlreq_effective_class where the level allows them. */
    return c == JL_HYPHEN || c == JL_DIVIDING || c == JL_MIDDLE_DOT
        || c == JL_ITERATION || c == JL_PROLONGED || c == JL_SMALL_KANA;
}

int jlreq_no_line_end(uint32_t cp)
{
    return jlreq_class_of(cp) == JL_OPENING; /* JLREQ 3.1.8 (LB-2) */
}

int jlreq_is_cjk(uint32_t cp)
{
    /* Everything below U+2000 (Latin, Greek, Cyrillic and their symbols)
     * is set proportionally even when Appendix A gives it a Japanese
     * class; from General Punctuation up, classes 1–19 sit on the em grid
     * (Japanese fonts set ‘ ’ “ ” — … full-width). */
    jlreq_class c = jlreq_class_of(cp);
    return cp >= 0x2000 && c >= JL_OPENING && c <= JL_IDEOGRAPHIC;
}

/* Western-word view: cl-24 numerals, cl-27 letters and, for this purpose,
 * characters of no Japanese class (other scripts set with spaces). */
static int jl_is_wordlike(jlreq_class c)
{
    return c == JL_NUMERAL || c == JL_WESTERN || c == JL_NONE;
}

static int jl_is_letter_or_digit(jlreq_class c)
{
    return c == JL_NUMERAL || c == JL_WESTERN;
}

/* Half-width punctuation that Appendix A classes as Japanese punctuation
 * (brackets, stops, $ # %) but that, touching a letter or digit, is part
 * of a Western word or numeral: "3.14", "e.g", "f(x)", "C#", "US$", "50%",
 * "don’t" (3.2.6: Western text follows Western rules). */
static int jl_is_western_punct(uint32_t cp, jlreq_class c)
{
    return (cp < 0x80 || cp == 0x2019) && c != JL_NONE && c != JL_SPACE
        && !jl_is_letter_or_digit(c);
}

/* Unbreakable pairs of JLREQ 3.1.10 (LB-3) and the special cells of Table 2
 * (C.2 notes 5, 9–12). Returns 1 when the pair must stay together. */
static int jl_unbreakable_pair(uint32_t b, uint32_t a, jlreq_class cb,
                               jlreq_class ca, jlreq_strictness s)
{
    if (cb == JL_INSEPARABLE && b == a) /* JLREQ 3.1.10, C.2 note 5: —— …… */
        return !(s >= JL_LOOSE && (a == 0x2026 || a == 0x2025)); /* C.3 loose */
    if ((b == 0x3033 || b == 0x3034) && a == 0x3035) /* JLREQ 3.1.10: 〳〵 〴〵 */
        return 1;
    if (cb == JL_NUMERAL && ca == JL_POSTFIX) /* C.2 note 9: 50% */
        return !(s >= JL_LOOSE && jl_is_percent(a)); /* C.3 loose: % */
    /* Table 2 24→24, 24→27 (note 10), 27→24, 27→27 (note 12): inside a
     * Western word or numeral (JLREQ 3.1.10, 3.2.6). */
    if (jl_is_wordlike(cb) && jl_is_wordlike(ca))
        return 1;
    if ((jl_is_western_punct(b, cb) && jl_is_letter_or_digit(ca)) ||
        (jl_is_letter_or_digit(cb) && jl_is_western_punct(a, ca)))
        return 1; /* JLREQ 3.1.10: inside a Western word, "3.14", "f(x)" */
    return 0;
}

int jlreq_can_break(uint32_t cp_before, uint32_t cp_after, jlreq_strictness s)
{
    jlreq_class cb = jlreq_effective_class(cp_before, s);
    jlreq_class ca = jlreq_effective_class(cp_after, s);

    if (jl_is_attached(cp_after) || jl_is_glue(cp_before) || jl_is_glue(cp_after))
        return 0; /* JLREQ 3.1.10: a character and its marks are one unit */
    if (cb == JL_OPENING || jl_never_starts(ca)) /* JLREQ C.3: all levels */
        return 0;
    if (s == JL_ANYWHERE)
        return 1;
    if (ca == JL_SPACE || cp_after == 0x200B)
        return 0; /* JLREQ 3.2.2: the break is taken after the space */
    if (cb == JL_PREFIX) /* Table 2: the cl-12 row is all "not"; ¥100 */
        return 0;
    if (jlreq_no_line_start(cp_after, s)) /* JLREQ 3.1.7 (LB-1) */
        return 0;
    if (cb == JL_SPACE || cp_before == 0x200B) /* Table 2, cl-26 row */
        return 1;
    if (jl_unbreakable_pair(cp_before, cp_after, cb, ca, s)) /* JLREQ 3.1.10 */
        return 0;
    return 1; /* Table 2: a blank cell; kana/kanji, Japanese–Western, etc. */
}

/* ---- aki of punctuation (JLREQ 3.1.2–3.1.6, Appendix B) ---- */

int jlreq_is_half_punct(jlreq_class c)
{
    return c == JL_OPENING || c == JL_CLOSING || c == JL_MIDDLE_DOT ||
           c == JL_FULL_STOP || c == JL_COMMA;
}

int jlreq_aki_lead(jlreq_class c)
{
    if (c == JL_OPENING) /* JLREQ 3.1.2: ½ em before an opening bracket */
        return 2;
    return c == JL_MIDDLE_DOT; /* JLREQ 3.1.3: ¼ em each side of a middle dot */
}

static int jl_is_closing_like(jlreq_class c)
{
    return c == JL_CLOSING || c == JL_FULL_STOP || c == JL_COMMA;
}

int jlreq_aki_trail(jlreq_class c)
{
    if (jl_is_closing_like(c)) /* JLREQ 3.1.2: ½ em after 」 、 。 */
        return 2;
    return c == JL_MIDDLE_DOT;
}

jlreq_aki jlreq_aki_between(jlreq_class before, jlreq_class after, int adjacent)
{
    jlreq_aki a = {0, 0, (uint8_t)jlreq_aki_trail(before), (uint8_t)jlreq_aki_lead(after)};
    int t = a.trail, l = a.lead;
    if (adjacent) {
        if (jl_is_closing_like(after))
            t = 0;  /* JLREQ 3.1.4: 、」 。」 」」 」、 」。 are set solid */
        else if (after == JL_MIDDLE_DOT && before == JL_CLOSING)
            t = 0;  /* B.2 note 4: 」・ keeps only the dot's ¼ em */
        else if (before == JL_MIDDLE_DOT && after == JL_OPENING)
            l = 0;  /* B.2 note 4: ・「 keeps only the dot's ¼ em */
        else if (before == JL_OPENING && after == JL_OPENING)
            l = 0;  /* JLREQ 3.1.4: 「「 solid */
        else if (jl_is_closing_like(before) && after == JL_OPENING)
            l = 0;  /* JLREQ 3.1.4: 」「 、「 。「 take ½ em, not 1 em */
        /* two middle dots ¼ + ¼, a stop or comma and a dot ½ + ¼ (B.2
         * note 5): the plain sum */
    }
    a.mid = (uint8_t)(t + l);
    /* JLREQ 3.8.3: the ½ em after a full stop mid-line is never reduced */
    a.fixed = (uint8_t)(before == JL_FULL_STOP ? t : 0);
    return a;
}
