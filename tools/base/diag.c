#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "vec.h"

struct diag_list {
    VEC(diag) items;
    VEC(char *) files;
};

/* Identical warnings beyond this many are summarised, not printed. */
#define DIAG_MAX_REPEATS 5

diag_list *diag_list_new(void)
{
    diag_list *l = calloc(1, sizeof *l);
    if (!l)
        abort();
    return l;
}

void diag_list_free(diag_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->items.len; i++)
        free(l->items.v[i].message);
    for (size_t i = 0; i < l->files.len; i++)
        free(l->files.v[i]);
    VEC_FREE(&l->items);
    VEC_FREE(&l->files);
    free(l);
}

const char *diag_intern(diag_list *l, const char *file)
{
    if (!file)
        return NULL;
    for (size_t i = l->files.len; i-- > 0;)
        if (strcmp(l->files.v[i], file) == 0)
            return l->files.v[i];
    char *copy = strdup(file);
    if (!copy)
        abort();
    VEC_PUSH(&l->files, copy);
    return copy;
}

diag_severity diag_addv(diag_list *l, diag_severity sev, diag_stage stage,
                        diag_loc loc, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *msg = malloc(n > 0 ? (size_t)n + 1 : 1);
    if (!msg)
        abort();
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    loc.file = diag_intern(l, loc.file);
    diag d = {sev, stage, loc, msg};
    VEC_PUSH(&l->items, d);
    return sev;
}

diag_severity diag_add(diag_list *l, diag_severity sev, diag_stage stage,
                       diag_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_severity r = diag_addv(l, sev, stage, loc, fmt, ap);
    va_end(ap);
    return r;
}

void diag_list_move(diag_list *dst, diag_list *src)
{
    for (size_t i = 0; i < src->items.len; i++) {
        diag d = src->items.v[i];
        d.loc.file = diag_intern(dst, d.loc.file);
        VEC_PUSH(&dst->items, d);
    }
    src->items.len = 0;
}

void diag_list_clear(diag_list *l)
{
    for (size_t i = 0; i < l->items.len; i++)
        free(l->items.v[i].message);
    l->items.len = 0;
}

size_t diag_count(const diag_list *l) { return l->items.len; }

size_t diag_count_severity(const diag_list *l, diag_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < l->items.len; i++)
        n += l->items.v[i].severity == sev;
    return n;
}

const diag *diag_at(const diag_list *l, size_t i)
{
    return i < l->items.len ? &l->items.v[i] : NULL;
}

static const char *severity_word(diag_severity s)
{
    switch (s) {
    case DIAG_NOTE: return "note";
    case DIAG_WARNING: return "warning";
    case DIAG_ERROR: return "error";
    case DIAG_INTERNAL: return "internal error";
    }
    return "error";
}

static size_t earlier_repeats(const diag_list *l, size_t i)
{
    size_t n = 0;
    for (size_t k = 0; k < i && n <= DIAG_MAX_REPEATS; k++)
        n += l->items.v[k].severity == l->items.v[i].severity &&
             strcmp(l->items.v[k].message, l->items.v[i].message) == 0;
    return n;
}

void diag_print(const diag_list *l, FILE *out, int quiet_warnings)
{
    size_t suppressed = 0;
    for (size_t i = 0; i < l->items.len; i++) {
        const diag *d = &l->items.v[i];
        if (quiet_warnings && d->severity < DIAG_ERROR)
            continue;
        if (d->severity < DIAG_ERROR && earlier_repeats(l, i) >= DIAG_MAX_REPEATS) {
            suppressed++;
            continue;
        }
        if (d->loc.file && d->loc.line > 0 && d->loc.col > 0)
            fprintf(out, "%s:%d:%d: ", d->loc.file, d->loc.line, d->loc.col);
        else if (d->loc.file && d->loc.line > 0)
            fprintf(out, "%s:%d: ", d->loc.file, d->loc.line);
        else if (d->loc.file)
            fprintf(out, "%s: ", d->loc.file);
        else
            fputs("mkdoc: ", out);
        fprintf(out, "%s: %s\n", severity_word(d->severity), d->message);
    }
    if (suppressed)
        fprintf(out, "mkdoc: note: %zu repeated warnings not shown\n", suppressed);
}
