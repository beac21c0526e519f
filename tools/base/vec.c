#include "vec.h"

#include <stdio.h>

void *vec_grow(void *ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return ptr;
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n *= 2;
    void *p = realloc(ptr, n * elem);
    if (!p) {
        fprintf(stderr, "mkdoc: out of memory (array of %zu)\n", n);
        abort();
    }
    *cap = n;
    return p;
}
