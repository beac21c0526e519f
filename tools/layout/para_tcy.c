/* para_tcy: which text is set as tate-chu-yoko, and how it is shaped
 * (JLREQ 3.2.5; axf:text-combine-horizontal, docs/manual/extensions.md).
 *
 * In vertical writing a short run of ASCII digits (or letters) that
 * stands alone is set across the line in the space of one character.
 * para.c makes each such run a style run of its own, marked tcy;
 * para_items.c gives it one em and no break inside; para.c places it as
 * an lr-tb inline reference area (place_tcy). */
#include "para_items.h"

static int ascii_digit(char ch) { return ch >= '0' && ch <= '9'; }

static int ascii_alnum(char ch)
{
    return ascii_digit(ch) || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

static int separator(char ch) { return ch == '.' || ch == ',' || ch == ':' || ch == '/'; }

/* Is the ASCII word s[k, e) a unit under p's property? It must stand alone
 * (JLREQ 3.2.5, CSS text-combine-upright "digits"): the word is maximal,
 * and not part of a longer number such as 3.14, 1,000 or 10:30 (a
 * separator with a digit beyond it). */
static int tcy_word(const fo_props *p, const char *s, size_t k, size_t e, size_t len,
                    char before)
{
    size_t n = e - k;
    int digits = 1, letters = 1;
    for (size_t j = k; j < e; j++) {
        digits &= ascii_digit(s[j]);
        letters &= !ascii_digit(s[j]);
    }
    const uint8_t *max = p->text_combine_max; /* digits, alpha, alphanumeric */
    int kind = (digits && (p->text_combine & FO_TCY_DIGITS) && n <= max[0]) ||
               (letters && (p->text_combine & FO_TCY_ALPHA) && n <= max[1]) ||
               ((p->text_combine & FO_TCY_ALNUM) && n <= max[2]);
    if (!kind || ascii_alnum(before))
        return 0;
    char b2 = k >= 2 ? s[k - 2] : 0;
    if (separator(before) && ascii_digit(b2))
        return 0;
    return !(e + 1 < len && separator(s[e]) && ascii_digit(s[e + 1]));
}

int para_tcy_next(const fo_props *p, const char *s, size_t len, size_t from, char before,
                  size_t *k, size_t *e)
{
    for (size_t i = from; i < len;) {
        if (!ascii_alnum(s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && ascii_alnum(s[j]))
            j++;
        if (tcy_word(p, s, i, j, len, i ? s[i - 1] : before)) {
            *k = i;
            *e = j;
            return 1;
        }
        i = j;
    }
    return 0;
}

/* One em along the line: two characters in the font's half-width forms
 * (OpenType hwid, which Noto CJK has for digits and Latin letters), more
 * in half-width forms at a size made smaller in proportion (Noto CJK has
 * no third-width forms), never below a quarter em: a long "all" run
 * overflows its em rather than vanish. */
void para_tcy_run(shape_run *r, const char *s, size_t len)
{
    size_t n = 0;
    for (size_t j = 0; j < len; j++)
        n += ((unsigned char)s[j] & 0xC0) != 0x80; /* characters, not bytes */
    r->horizontal = 1;
    r->features = n >= 2 ? "hwid" : NULL;
    if (n > 8)
        r->size /= 4;
    else if (n > 2)
        r->size = (mk_len)((int64_t)r->size * 2 / (int64_t)n);
}
