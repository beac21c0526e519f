/* breaks_icu: ICU's dictionary line breaking for Burmese, Khmer and Lao.
 *
 * ICU works on UTF-16 and answers in UTF-16 offsets; our text is UTF-8
 * and our answers are per character. So a span is converted once, with a
 * table from each UTF-16 offset back to its character index, and every
 * boundary ICU reports is looked up in it. Spans are short (a phrase
 * between spaces or punctuation), so the buffers are reused, not cached. */
#include "breaks_icu.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "../base/vec.h"

typedef struct {
    char locale[ULOC_FULLNAME_CAPACITY];   /* ICU locale id, "my" */
    UBreakIterator *it;
} breaks_iter;

struct breaks_icu {
    VEC(breaks_iter) iters;     /* one per locale asked for; few */
    VEC(UChar) u16;             /* the span in UTF-16 */
    VEC(uint32_t) char_at;      /* UTF-16 offset -> character index */
};

breaks_icu *breaks_icu_new(void)
{
    breaks_icu *b = calloc(1, sizeof *b);
    if (!b)
        abort();
    return b;
}

void breaks_icu_free(breaks_icu *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->iters.len; i++)
        ubrk_close(b->iters.v[i].it);
    VEC_FREE(&b->iters);
    VEC_FREE(&b->u16);
    VEC_FREE(&b->char_at);
    free(b);
}

static UScriptCode breaks_script_of(uint32_t cp)
{
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)cp, &err);
    return U_FAILURE(err) ? USCRIPT_INVALID_CODE : s;
}

int breaks_icu_script(uint32_t cp)
{
    UScriptCode s = breaks_script_of(cp);
    return s == USCRIPT_MYANMAR || s == USCRIPT_KHMER || s == USCRIPT_LAO;
}

int breaks_icu_continues(uint32_t cp)
{
    return breaks_script_of(cp) == USCRIPT_INHERITED;
}

/* ---- locales ---- */

/* The language a span is in when the document does not say: the one its
 * script is written in most (ICU's dictionaries go by script anyway; the
 * locale only picks tailorings). */
static const char *breaks_default_lang(uint32_t first_cp)
{
    switch (breaks_script_of(first_cp)) {
    case USCRIPT_KHMER: return "km";
    case USCRIPT_LAO: return "lo";
    default: return "my";
    }
}

/* BCP 47 ("km-KH", "my-u-lb-strict") to an ICU locale id ("km_KH"). */
static void breaks_locale(const char *lang, char *out, size_t cap)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t parsed = 0;
    int32_t n = uloc_forLanguageTag(lang, out, (int32_t)cap, &parsed, &err);
    if (U_FAILURE(err) || n <= 0 || (size_t)n >= cap)
        out[0] = '\0';        /* ICU's root locale: still has the dictionaries */
}

static UBreakIterator *breaks_iter_for(breaks_icu *b, const char *lang)
{
    char loc[ULOC_FULLNAME_CAPACITY];
    breaks_locale(lang, loc, sizeof loc);
    for (size_t i = 0; i < b->iters.len; i++)
        if (strcmp(b->iters.v[i].locale, loc) == 0)
            return b->iters.v[i].it;
    UErrorCode err = U_ZERO_ERROR;
    breaks_iter e;
    memcpy(e.locale, loc, sizeof loc);
    e.it = ubrk_open(UBRK_LINE, loc, NULL, 0, &err);
    if (U_FAILURE(err) || !e.it)
        return NULL;
    VEC_PUSH(&b->iters, e);
    return e.it;
}

/* ---- text ---- */

/* Fills b->u16 and b->char_at from UTF-8; returns the number of
 * characters, or -1 if the text is not valid UTF-8 (the caller validated
 * it; this is a second line of defence, ICU must not read garbage). */
static long breaks_to_utf16(breaks_icu *b, const char *text, size_t len)
{
    b->u16.len = 0;
    b->char_at.len = 0;
    VEC_RESERVE(&b->u16, len + 1);        /* UTF-16 is never longer */
    VEC_RESERVE(&b->char_at, len + 2);
    const uint8_t *s = (const uint8_t *)text;
    int32_t i = 0, n = (int32_t)len;
    uint32_t chars = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            return -1;
        b->char_at.v[b->u16.len] = chars;
        if (U16_LENGTH(c) == 2)
            b->char_at.v[b->u16.len + 1] = chars;   /* never a boundary */
        size_t at = b->u16.len;
        UBool bad = 0;
        U16_APPEND((UChar *)b->u16.v, at, (size_t)(len + 1), c, bad);
        if (bad)
            return -1;
        b->u16.len = at;
        chars++;
    }
    b->char_at.v[b->u16.len] = chars;
    return (long)chars;
}

int breaks_icu_line(breaks_icu *b, const char *text, size_t len,
                    const char *lang, uint8_t *brk, size_t n_chars)
{
    memset(brk, 0, n_chars + 1);
    if (len == 0 || len > (size_t)INT32_MAX / 2)
        return len == 0 ? 0 : -1;
    long chars = breaks_to_utf16(b, text, len);
    if (chars < 0 || (size_t)chars != n_chars)
        return -1;
    UChar32 first;
    int32_t k = 0;
    U8_NEXT((const uint8_t *)text, k, (int32_t)len, first);
    UBreakIterator *it = breaks_iter_for(
        b, lang && *lang ? lang : breaks_default_lang((uint32_t)first));
    if (!it)
        return -1;
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(it, b->u16.v, (int32_t)b->u16.len, &err);
    if (U_FAILURE(err))
        return -1;
    /* Every boundary ICU reports inside the span is an opportunity; its
     * rule status (soft or hard) does not matter here, since a mandatory
     * break needs a BK/CR/LF character, which ends a span. */
    for (int32_t pos = ubrk_first(it); pos != UBRK_DONE; pos = ubrk_next(it)) {
        uint32_t ci = b->char_at.v[pos];
        if (ci > 0 && ci < n_chars)
            brk[ci] = 1;
    }
    ubrk_setText(it, NULL, 0, &err);   /* drop the pointer to our buffer */
    return 0;
}
