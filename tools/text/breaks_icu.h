/* breaks_icu: line-break opportunities from ICU for the scripts whose
 * words only a dictionary can find: Burmese (Myanmar script), Khmer and
 * Lao. They are written without spaces between words; UAX #14 puts their
 * letters in class SA ("complex context") and leaves the segmentation to
 * the implementation. Pango 1.50 segments Thai (libthai) but not these,
 * so a whole Burmese phrase would be one unbreakable word. ICU's line
 * break iterator has dictionaries for all three.
 *
 * The module knows nothing of Pango or fonts: it takes UTF-8, answers per
 * character, and the caller (shape.c) merges the answers into Pango's.
 * A breaks_icu holds ICU break iterators, one per locale asked for, opened
 * on first use (opening one loads its rules; the dictionaries are loaded
 * once per process by ICU itself). Free with breaks_icu_free. */
#ifndef MKDOC_BREAKS_ICU_H
#define MKDOC_BREAKS_ICU_H

#include <stddef.h>
#include <stdint.h>

typedef struct breaks_icu breaks_icu;

breaks_icu *breaks_icu_new(void);
void breaks_icu_free(breaks_icu *b);

/* 1 if cp is a letter, mark or sign of a script this module segments
 * (Myanmar, Khmer, Lao), by the Unicode Script property (ICU's data). */
int breaks_icu_script(uint32_t cp);

/* 1 if cp may continue a span of such a script without being of it:
 * Script=Inherited (ZWJ, ZWNJ, variation selectors, some marks), which
 * takes the script of its base. */
int breaks_icu_continues(uint32_t cp);

/* Line-break opportunities in text[0, len) (valid UTF-8, one span of
 * such a script), by ICU's line break iterator for the locale `lang`
 * (BCP 47 such as "my", "km-KH"; NULL or "" gives the default for the
 * script of the first character). brk must hold n_chars + 1 entries, one
 * per character plus the end: brk[i] is set to 1 if a line may break
 * before character i, else 0; brk[0] and brk[n_chars] are set to 0, since
 * the span's edges are the caller's to decide. Returns 0, or -1 if ICU
 * failed (brk is then all 0). */
int breaks_icu_line(breaks_icu *b, const char *text, size_t len,
                    const char *lang, uint8_t *brk, size_t n_chars);

#endif
