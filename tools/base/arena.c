#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks grow with use so a 300-page document does not make thousands of
 * small mallocs, but stay bounded so one large string gets its own block
 * instead of wasting a doubled one. */
#define ARENA_MIN_BLOCK (64 * 1024)
#define ARENA_MAX_BLOCK (4 * 1024 * 1024)

typedef struct block {
    struct block *next;
    size_t size, used;
    max_align_t data[];
} block;

struct arena {
    block *head;
    size_t next_size;
    size_t total;
};

static void *arena_oom(size_t n)
{
    fprintf(stderr, "mkdoc: out of memory (asked for %zu bytes)\n", n);
    abort();
}

arena *arena_new(void)
{
    arena *a = calloc(1, sizeof *a);
    if (!a)
        arena_oom(sizeof *a);
    a->next_size = ARENA_MIN_BLOCK;
    return a;
}

void arena_free(arena *a)
{
    if (!a)
        return;
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

static block *arena_new_block(arena *a, size_t need)
{
    size_t size = a->next_size;
    if (size < need)
        size = need;
    /* calloc: large blocks come straight from mmap, already zero, so the
     * memory is touched only when used (and allocations need no memset) */
    block *b = calloc(1, sizeof *b + size);
    if (!b)
        arena_oom(size);
    b->size = size;
    b->used = 0;
    b->next = a->head;
    a->head = b;
    if (a->next_size < ARENA_MAX_BLOCK)
        a->next_size *= 2;
    return b;
}

void *arena_alloc(arena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    block *b = a->head;
    if (!b || b->size - b->used < size)
        b = arena_new_block(a, size);
    void *p = (char *)b->data + b->used;
    b->used += size;
    a->total += size;
    return p; /* zero: blocks are calloc'ed and never reused */
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

size_t arena_used(const arena *a)
{
    return a->total;
}
