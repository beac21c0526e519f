/* idmap: which page each id landed on, for page-number citations. */
#include <stdlib.h>
#include <string.h>

#include "../base/vec.h"
#include "lctx.h"

typedef struct {
    char *id;
    char *first, *last;
} entry;

struct idmap {
    VEC(entry) v;
    size_t *slots;      /* open-addressing hash: index+1 into v, 0 = empty */
    size_t n_slots;
};

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

idmap *idmap_new(void)
{
    idmap *m = calloc(1, sizeof *m);
    if (!m)
        abort();
    return m;
}

void idmap_free(idmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->v.len; i++) {
        free(m->v.v[i].id);
        free(m->v.v[i].first);
        free(m->v.v[i].last);
    }
    VEC_FREE(&m->v);
    free(m->slots);
    free(m);
}

static entry *find(const idmap *m, const char *id)
{
    if (!m || !m->n_slots)
        return NULL;
    for (size_t h = hash(id) & (m->n_slots - 1);; h = (h + 1) & (m->n_slots - 1)) {
        size_t s = m->slots[h];
        if (!s)
            return NULL;
        if (strcmp(m->v.v[s - 1].id, id) == 0)
            return &m->v.v[s - 1];
    }
}

static void rehash(idmap *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : 64;
    free(m->slots);
    m->slots = calloc(n, sizeof *m->slots);
    if (!m->slots)
        abort();
    m->n_slots = n;
    for (size_t i = 0; i < m->v.len; i++) {
        size_t h = hash(m->v.v[i].id) & (n - 1);
        while (m->slots[h])
            h = (h + 1) & (n - 1);
        m->slots[h] = i + 1;
    }
}

static char *dup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        abort();
    return p;
}

void idmap_put(idmap *m, const char *id, int page_index, const char *number)
{
    (void)page_index;
    entry *e = find(m, id);
    if (e) {
        free(e->last);
        e->last = dup(number);
        return;
    }
    entry ne = {dup(id), dup(number), dup(number)};
    VEC_PUSH(&m->v, ne);
    if (m->v.len * 2 > m->n_slots)
        rehash(m);
    else {
        size_t h = hash(id) & (m->n_slots - 1);
        while (m->slots[h])
            h = (h + 1) & (m->n_slots - 1);
        m->slots[h] = m->v.len;
    }
}

const char *idmap_first(const idmap *m, const char *id)
{
    entry *e = find(m, id);
    return e ? e->first : NULL;
}

const char *idmap_last(const idmap *m, const char *id)
{
    entry *e = find(m, id);
    return e ? e->last : NULL;
}

int idmap_same(const idmap *a, const idmap *b)
{
    if (!a || !b || a->v.len != b->v.len)
        return 0;
    for (size_t i = 0; i < a->v.len; i++) {
        entry *e = find(b, a->v.v[i].id);
        if (!e || strcmp(e->first, a->v.v[i].first) || strcmp(e->last, a->v.v[i].last))
            return 0;
    }
    return 1;
}
