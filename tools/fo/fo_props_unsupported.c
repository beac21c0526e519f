/* fo_props_unsupported: properties mkdoc parses but does not carry out.
 *
 * XSL 1.1 has properties that change what a page looks like but that
 * mkdoc's layout does not implement yet (rotation, letter-spacing,
 * hyphenation, side floats ...). Accepting them without a word would let
 * a user believe they took effect; rejecting them would stop FO written
 * for other formatters (DocBook XSL writes hyphenate="true" on every page
 * sequence). So each is reported once per document, the first time it
 * appears with a value that would change the output, saying what mkdoc
 * does instead. Values that change nothing ("normal", "0", "none") and
 * cases where the property has no effect anyway (hyphenation of Japanese,
 * Chinese or Korean text, rotated regions of zero extent) pass quietly. */
#include <string.h>

#include "fo_props_impl.h"

typedef struct {
    const char *name;
    const char *quiet;   /* values that change nothing, space-separated */
    const char *instead; /* what mkdoc does: the message's tail */
} unsupported;

static const unsupported table[] = {
    {"hyphenate", "false",
     "words are not hyphenated automatically: lines break at spaces, after hyphens and "
     "at soft hyphens (U+00AD), so justified lines in narrow columns may be loose"},
    {"letter-spacing", "normal 0 0pt",
     "the text is set with the font's own letter spacing"},
    {"word-spacing", "normal 0 0pt", "spaces keep their normal width"},
    {"text-transform", "none", "the text is printed as written (write it in capitals instead)"},
    {"reference-orientation", "0 360 -360 0deg",
     "the content is not rotated (rotate the page in the PDF viewer or the image instead)"},
    {"float", "none",
     "the fo:float is set as an ordinary block where it stands, not at the side or "
     "the top of the page"},
    {"visibility", "visible", "the content is shown"},
    {"overflow", "visible auto", "content that overflows its container is not clipped"},
    {"caption-side", "before top start", "the caption is set before the table"},
    {"text-shadow", "none", "the text is drawn without a shadow"},
};

/* whether v[0, n) is one of the space-separated words of list */
static int in_list(const char *list, const char *v, size_t n)
{
    for (const char *s = list; *s;) {
        size_t w = strcspn(s, " ");
        if (w == n && strncmp(s, v, n) == 0)
            return 1;
        s += w + (s[w] == ' ');
    }
    return 0;
}

static int cjk_language(const char *lang)
{
    return lang && (strncmp(lang, "ja", 2) == 0 || strncmp(lang, "zh", 2) == 0 ||
                    strncmp(lang, "ko", 2) == 0) &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/* the cases where the property has no visible effect anyway */
static int without_effect(const fo_pstate *st, const char *name)
{
    if (strcmp(name, "hyphenate") == 0) /* no hyphenation in CJK text (JLREQ 3.1.7) */
        return cjk_language(st->p->language);
    if (strcmp(name, "reference-orientation") == 0) /* DocBook's zero-extent side regions */
        return fo_props_is_region(st->kind);
    return 0;
}

void fo_pv_unsupported(fo_pstate *st, const char *v, size_t n)
{
    const char *name = st->def->name;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcmp(table[i].name, name) != 0)
            continue;
        uint32_t bit = 1u << i;
        if ((st->ctx->unsupported_warned & bit) || in_list(table[i].quiet, v, n) ||
            without_effect(st, name) || !st->ctx->diags)
            return;
        st->ctx->unsupported_warned |= bit;
        char q[80];
        fo_props_quote(st->attr->value ? st->attr->value : "", q, sizeof q);
        diag_add(st->ctx->diags, DIAG_WARNING, STAGE_FO, st->attr->loc,
                 "%s=\"%s\" is not implemented in mkdoc; %s (this warning is given "
                 "once)", name, q, table[i].instead);
        return;
    }
}
