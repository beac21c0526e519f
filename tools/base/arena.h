/* arena: bump allocation for data that lives as long as one document
 * (FO tree, strings) or one page (area tree).
 *
 * Blocks are chained; arena_free releases them all at once. Allocation
 * never fails silently: on out-of-memory it aborts with a message, since
 * no stage could recover meaningfully. Memory is zeroed. */
#ifndef MKDOC_ARENA_H
#define MKDOC_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);
void *arena_alloc(arena *a, size_t size);
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
/* Bytes handed out so far (for the benchmark's memory figures). */
size_t arena_used(const arena *a);

#define ARENA_NEW(a, type) ((type *)arena_alloc((a), sizeof(type)))
#define ARENA_ARRAY(a, type, n) ((type *)arena_alloc((a), sizeof(type) * (size_t)(n)))

#endif
