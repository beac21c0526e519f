/* render_pdf_xref: repairs the cross-reference table cairo 1.16 writes.
 *
 * Why: cairo 1.16.0 reserves an object for the structure tree as soon as a
 * link tag is used, never writes it, and still lists it in the xref table
 * as in use, at a stale offset. Readers then report "file is damaged" and
 * rebuild the table (qpdf --check, Acrobat's repair prompt, preflight at
 * the print shop). The fix is local and safe: every in-use entry whose
 * offset does not hold "N G obj" is turned into a free entry. Entries are
 * fixed-width (20 bytes, PDF 1.7 §7.5.4), so the file is patched in place
 * and no other offset moves. Files without a classic xref table (later
 * cairo versions may write xref streams) are left alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_cairo.h"

/* Where the last "startxref" points, or -1. */
static long xref_start(const char *d, size_t n)
{
    size_t from = n > 64 ? n - 64 : 0;
    for (size_t k = n; k-- > from;)
        if (strncmp(d + k, "startxref", 9) == 0 && k + 9 < n)
            return strtol(d + k + 9, NULL, 10);
    return -1;
}

/* Whether offset off holds the header "num gen obj". */
static int xref_points_at(const char *d, size_t n, long off, long num)
{
    if (off <= 0 || (size_t)off >= n)
        return 0;
    char want[32];
    int len = snprintf(want, sizeof want, "%ld ", num);
    if ((size_t)off + (size_t)len + 6 >= n || memcmp(d + off, want, (size_t)len) != 0)
        return 0;
    const char *gen = d + off + len;
    char *end;
    strtol(gen, &end, 10);
    return end > gen && strncmp(end, " obj", 4) == 0;
}

/* Patches d (a whole PDF of n bytes, NUL-terminated); returns the number
 * of entries freed and sets *table, *len to the patched bytes. The free
 * list is relinked through entry 0. */
static int xref_patch(char *d, size_t n, size_t *table, size_t *len)
{
    long start = xref_start(d, n);
    if (start < 0 || (size_t)start + 5 > n || strncmp(d + start, "xref", 4) != 0)
        return 0;
    char *p = d + start + 4;
    long first = strtol(p, &p, 10), count = strtol(p, &p, 10);
    while (*p == ' ' || *p == '\r' || *p == '\n')
        p++;
    if (first != 0 || count <= 0 || (size_t)(p - d) + 20 * (size_t)count > n)
        return 0; /* one subsection from 0 is what cairo writes */
    char *e = p; /* entry k at e + 20k */
    int freed = 0;
    long prev_free = 0;
    for (long k = count - 1; k > 0; k--) {
        char *ent = e + 20 * k;
        if (ent[17] != 'n' || xref_points_at(d, n, strtol(ent, NULL, 10), k))
            continue;
        char buf[32]; /* 18 used; room for any long */
        snprintf(buf, sizeof buf, "%010ld 00001 f", prev_free);
        memcpy(ent, buf, 18);
        prev_free = k;
        freed++;
    }
    if (freed) {
        char buf[32]; /* 18 used; room for any long */
        snprintf(buf, sizeof buf, "%010ld 65535 f", prev_free);
        memcpy(e, buf, 18);
    }
    *table = (size_t)(e - d);
    *len = 20 * (size_t)count;
    return freed;
}

int render_pdf_xref_fix(const char *path)
{
    FILE *f = fopen(path, "r+b");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    char *d = n > 0 ? malloc((size_t)n + 1) : NULL;
    int rc = -1;
    if (d && fseek(f, 0, SEEK_SET) == 0 && fread(d, 1, (size_t)n, f) == (size_t)n) {
        d[n] = 0;
        size_t at = 0, len = 0;
        rc = 0;
        if (xref_patch(d, (size_t)n, &at, &len) > 0) /* rewrite the table only */
            rc = fseek(f, (long)at, SEEK_SET) == 0 && fwrite(d + at, 1, len, f) == len ? 0 : -1;
    }
    free(d);
    return fclose(f) == 0 ? rc : -1;
}
