/* libFuzzer target for the property parser (fo_props, fo_expr).
 *
 * The first byte picks the property name, the second the element kind, the
 * rest is the value (NUL bytes become spaces, as an XML parser would never
 * hand them on). The child is computed from a parent that had the same
 * value, so inheritance and from-parent() see hostile input too.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined tools/base/arena.c \
 *     tools/base/diag.c tools/base/vec.c tools/fo/fo_expr.c tools/fo/fo_props.c \
 *     tools/fo/fo_props_values.c tools/fo/fo_props_text.c tools/fo/fo_propdefs.c \
 *     tests/fuzz/fuzz_props.c -lm -o /tmp/fuzz_props && /tmp/fuzz_props */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../tools/base/arena.h"
#include "../../tools/base/diag.h"
#include "../../tools/fo/fo_props.h"
#include "../../tools/fo/fo_tree.h"

static const char *const names[] = {
    "font-size", "font", "font-family", "font-weight", "line-height", "margin",
    "margin-left", "padding", "padding-start", "border", "border-top", "border-width",
    "border-before-width.conditionality", "space-before", "space-after.precedence",
    "start-indent", "end-indent", "color", "background", "background-color",
    "column-width", "width", "inline-progression-dimension", "content-width",
    "keep-together", "keep-with-next.within-page", "break-before", "text-align",
    "text-align-last", "writing-mode", "xml:lang", "country", "baseline-shift",
    "vertical-align", "text-decoration", "leader-length", "src",
    "external-destination", "character", "page-width", "reference-orientation",
    "initial-page-number", "maximum-repeats", "white-space", "page-break-inside",
    "border-separation", "provisional-distance-between-starts", "inherit", "foo",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const char *name = names[data[0] % (sizeof names / sizeof names[0])];
    int kind = data[1] % FO_KIND_COUNT;
    char *value = malloc(size - 1);
    memcpy(value, data + 2, size - 2);
    for (size_t i = 0; i < size - 2; i++)
        if (value[i] == '\0')
            value[i] = ' ';
    value[size - 2] = '\0';

    arena *a = arena_new();
    diag_list *d = diag_list_new();
    fo_props_ctx ctx = {a, d};
    fo_attr attr = {name, value, {"fuzz.fo", 1, 1}};
    fo_props *parent = fo_props_compute(&ctx, FO_LIST_BLOCK, NULL, &attr, 1);
    fo_attr attrs[2] = {attr, {"end-indent", value, {"fuzz.fo", 1, 1}}};
    fo_props *p = fo_props_compute(&ctx, kind, parent, attrs, 2);
    fo_len l;
    (void)fo_props_parse_length(value, p->font_size, &l);
    diag_list_free(d);
    arena_free(a);
    free(value);
    return 0;
}
