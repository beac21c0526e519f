/* jlreq: Japanese line-composition rules as pure functions of character
 * classes (W3C JLREQ, Appendix A; summary in ../shared/JLREQ.md).
 *
 * The class table is generated from tools/text/jlreq_classes.txt by
 * tools/text/gen_jlreq.py into jlreq_table.c (regenerated and diffed by the
 * tests). Nothing here knows about fonts or layout. */
#ifndef MKDOC_JLREQ_H
#define MKDOC_JLREQ_H

#include <stdint.h>

typedef enum {
    JL_NONE = 0,        /* not a Japanese-relevant class (other scripts) */
    JL_OPENING = 1,     /* cl-01 */
    JL_CLOSING,         /* cl-02 */
    JL_HYPHEN,          /* cl-03 */
    JL_DIVIDING,        /* cl-04 */
    JL_MIDDLE_DOT,      /* cl-05 */
    JL_FULL_STOP,       /* cl-06 */
    JL_COMMA,           /* cl-07 */
    JL_INSEPARABLE,     /* cl-08 */
    JL_ITERATION,       /* cl-09 */
    JL_PROLONGED,       /* cl-10 */
    JL_SMALL_KANA,      /* cl-11 */
    JL_PREFIX,          /* cl-12 */
    JL_POSTFIX,         /* cl-13 */
    JL_IDEO_SPACE,      /* cl-14 */
    JL_HIRAGANA,        /* cl-15 */
    JL_KATAKANA,        /* cl-16 */
    JL_MATH_SYMBOL,     /* cl-17 */
    JL_MATH_OPERATOR,   /* cl-18 */
    JL_IDEOGRAPHIC,     /* cl-19 */
    JL_NUMERAL = 24,    /* cl-24 grouped numerals */
    JL_UNIT = 25,       /* cl-25 */
    JL_SPACE = 26,      /* cl-26 western word space */
    JL_WESTERN = 27,    /* cl-27 */
    JL_CLASS_MAX
} jlreq_class;

/* Strictness (JLREQ Appendix C.3; axf:line-break / CSS line-break). */
typedef enum { JL_STRICT = 0, JL_NORMAL, JL_LOOSE, JL_ANYWHERE } jlreq_strictness;

jlreq_class jlreq_class_of(uint32_t cp);

/* Class after applying the strictness (JLREQ 3.9.2: small kana become
 * kana, ー becomes katakana, 々 becomes ideographic where line-start is
 * allowed for them). */
jlreq_class jlreq_effective_class(uint32_t cp, jlreq_strictness s);

/* 1 if a line may break between a character of class before and one of
 * class after (JLREQ 3.1.7, 3.1.8, 3.1.10 and Table 2, Appendix C). Same
 * code points matter for cl-08 (—— … ‥), hence the code points too. */
int jlreq_can_break(uint32_t cp_before, uint32_t cp_after, jlreq_strictness s);

/* 1 if cp must not start a line (LB-1), resp. end a line (LB-2). */
int jlreq_no_line_start(uint32_t cp, jlreq_strictness s);
int jlreq_no_line_end(uint32_t cp);

/* 1 for characters set on the Japanese em grid: kana, kanji, full-width
 * punctuation; used to decide inter-character justification and the
 * Japanese–Latin quarter em (JLREQ 3.2.6). */
int jlreq_is_cjk(uint32_t cp);

/* Punctuation set on a half-em advance (JLREQ 3.1.2, SP-1): cl-01 opening
 * brackets, cl-02 closing brackets, cl-05 middle dots, cl-06 full stops,
 * cl-07 commas. The caller decides whether a given glyph is full-width
 * (proportional “ ” or ASCII “:” keep their own advance and no aki). */
int jlreq_is_half_punct(jlreq_class c);

/* A character's own aki (JLREQ Appendix B, Table 1), in quarter ems: the
 * space on its leading side (½ em before cl-01, ¼ em before cl-05) and on
 * its trailing side (½ em after cl-02, cl-06, cl-07, ¼ em after cl-05).
 * 0 for every other class. */
int jlreq_aki_lead(jlreq_class c);
int jlreq_aki_trail(jlreq_class c);

/* The space between two adjacent characters, in quarter ems.
 *   mid    the space mid-line, after consecutive punctuation collapses
 *          (JLREQ 3.1.4, SP-2) when `adjacent` is set, else the plain sum
 *          of the trailing aki of `before` and the leading aki of `after`;
 *   fixed  the part of mid that line adjustment must not reduce: the ½ em
 *          after a full stop mid-line (JLREQ 3.8.3, LA-3);
 *   trail  the aki of `before` alone, what it keeps at a line end;
 *   lead   the aki of `after` alone, what it keeps at a line start.
 * Pass JL_NONE for a character that is not set on a half-em advance. */
typedef struct {
    uint8_t mid, fixed, trail, lead;
} jlreq_aki;

jlreq_aki jlreq_aki_between(jlreq_class before, jlreq_class after, int adjacent);

#endif
