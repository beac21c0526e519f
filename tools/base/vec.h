/* vec: growable arrays on the heap, as macros over a {ptr, len, cap} struct.
 *
 *   VEC(int) v = {0};  VEC_PUSH(&v, 3);  ...  VEC_FREE(&v);
 *
 * Growth doubles; out of memory aborts (see arena.h for why). */
#ifndef MKDOC_VEC_H
#define MKDOC_VEC_H

#include <stddef.h>
#include <stdlib.h>

void *vec_grow(void *ptr, size_t *cap, size_t need, size_t elem);

#define VEC(type) struct { type *v; size_t len, cap; }
#define VEC_RESERVE(vec, n)                                                  \
    ((vec)->v = vec_grow((vec)->v, &(vec)->cap, (n), sizeof(*(vec)->v)))
#define VEC_PUSH(vec, x)                                                     \
    (VEC_RESERVE((vec), (vec)->len + 1), (vec)->v[(vec)->len++] = (x))
#define VEC_FREE(vec) (free((vec)->v), (vec)->v = NULL, (vec)->len = (vec)->cap = 0)

#endif
