/* render_pdf_fixup: corrections to the PDF file cairo 1.16 writes, made on
 * the temporary file before it is renamed onto the target.
 *
 * 1. The cross-reference table. cairo 1.16.0 reserves an object for the
 *    structure tree as soon as a link tag is used, never writes it, and
 *    still lists it in the xref table as in use, at a stale offset. Readers
 *    then report "file is damaged" and rebuild the table (qpdf --check,
 *    Acrobat's repair prompt, preflight at the print shop). Every in-use
 *    entry whose offset does not hold "N G obj" becomes a free entry.
 *    Entries are fixed-width (20 bytes, ISO 32000-1 §7.5.4), so the table
 *    is patched in place and no offset moves.
 * 2. What cairo 1.16 cannot write: the document language (/Lang, which
 *    screen readers and hyphenating reflow need), /DisplayDocTitle (viewers
 *    show the title, not the file name), /Direction /R2L for a book whose
 *    pages progress right to left (a vertical Japanese book, JLREQ 2.3.2:
 *    viewers then show its spreads with the first page on the right), and well-formed dates (it writes
 *    "(20231114221320Z)" without the "D:" prefix of §7.9.4). These go in
 *    an incremental update (§7.5.6): new versions of the catalog and the
 *    information dictionary appended with their own xref section, so
 *    nothing cairo wrote has to move.
 * Files this code does not understand (an xref stream, several subsections:
 * later cairo versions) are left as they are. All of it is deterministic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/vec.h"
#include "render_cairo.h"

typedef VEC(char) fix_buf;

typedef struct {
    char *d; size_t n;     /* the whole file, NUL-terminated */
    char *table; long count; /* xref entries, 20 bytes each */
    long xref_at;          /* offset of "xref" */
} fix_pdf;

static void fix_add(fix_buf *b, const char *s, size_t n)
{
    VEC_RESERVE(b, b->len + n + 1);
    memcpy(b->v + b->len, s, n);
    b->len += n;
    b->v[b->len] = 0;
}

static void fix_printf(fix_buf *b, const char *fmt, long v)
{
    char s[64];
    int n = snprintf(s, sizeof s, fmt, v);
    fix_add(b, s, (size_t)n);
}

/* ---- the xref table -------------------------------------------------------- */

/* Where the last "startxref" points, or -1. */
static long fix_startxref(const fix_pdf *p)
{
    size_t from = p->n > 64 ? p->n - 64 : 0;
    for (size_t k = p->n; k-- > from;)
        if (strncmp(p->d + k, "startxref", 9) == 0 && k + 9 < p->n)
            return strtol(p->d + k + 9, NULL, 10);
    return -1;
}

static int fix_find_table(fix_pdf *p)
{
    long start = fix_startxref(p);
    if (start < 0 || (size_t)start + 5 > p->n || strncmp(p->d + start, "xref", 4) != 0)
        return -1;
    char *s = p->d + start + 4;
    long first = strtol(s, &s, 10), count = strtol(s, &s, 10);
    while (*s == ' ' || *s == '\r' || *s == '\n')
        s++;
    /* one subsection from 0 is what cairo writes */
    if (first != 0 || count <= 0 || (size_t)(s - p->d) + 20 * (size_t)count > p->n)
        return -1;
    p->table = s;
    p->count = count;
    p->xref_at = start;
    return 0;
}

static long fix_offset(const fix_pdf *p, long num)
{
    if (num <= 0 || num >= p->count || p->table[20 * num + 17] != 'n')
        return -1;
    return strtol(p->table + 20 * num, NULL, 10);
}

/* Whether offset off holds the header "num gen obj". */
static int fix_points_at(const fix_pdf *p, long off, long num)
{
    if (off <= 0 || (size_t)off >= p->n)
        return 0;
    char want[32];
    int len = snprintf(want, sizeof want, "%ld ", num);
    if ((size_t)off + (size_t)len + 6 >= p->n || memcmp(p->d + off, want, (size_t)len) != 0)
        return 0;
    const char *gen = p->d + off + len;
    char *end;
    strtol(gen, &end, 10);
    return end > gen && strncmp(end, " obj", 4) == 0;
}

/* Frees the entries that point nowhere, relinking the free list through
 * entry 0. Returns how many. */
static int fix_xref(fix_pdf *p)
{
    int freed = 0;
    long prev_free = 0;
    for (long k = p->count - 1; k > 0; k--) {
        char *ent = p->table + 20 * k;
        if (ent[17] != 'n' || fix_points_at(p, strtol(ent, NULL, 10), k))
            continue;
        char buf[32]; /* 18 used; room for any long */
        snprintf(buf, sizeof buf, "%010ld 00001 f", prev_free);
        memcpy(ent, buf, 18);
        prev_free = k;
        freed++;
    }
    if (freed) {
        char buf[32];
        snprintf(buf, sizeof buf, "%010ld 65535 f", prev_free);
        memcpy(p->table, buf, 18);
    }
    return freed;
}

/* ---- the incremental update ------------------------------------------------- */

/* The value after key in the trailer ("/Root 12 0 R" -> 12), or -1. */
static long fix_trailer_num(const fix_pdf *p, const char *key)
{
    const char *t = strstr(p->table + 20 * p->count, "trailer");
    const char *k = t ? strstr(t, key) : NULL;
    return k ? strtol(k + strlen(key), NULL, 10) : -1;
}

/* The dictionary of object num without its closing ">>": [*from, *to). */
static int fix_dict(const fix_pdf *p, long num, const char **from, const char **to)
{
    long off = fix_offset(p, num);
    if (off < 0 || !fix_points_at(p, off, num))
        return -1;
    const char *open = strstr(p->d + off, "<<"), *end = strstr(p->d + off, "endobj");
    if (!open || !end || open > end)
        return -1;
    const char *close = end;
    while (close > open && strncmp(close, ">>", 2) != 0)
        close--;
    if (close <= open)
        return -1;
    *from = open;
    *to = close;
    return 0;
}

/* Copies the dictionary body, giving dates the "D:" prefix. */
static void fix_copy_dates(fix_buf *b, const char *s, const char *end)
{
    while (s < end) {
        const char *paren = memchr(s, '(', (size_t)(end - s));
        if (!paren) {
            fix_add(b, s, (size_t)(end - s));
            return;
        }
        fix_add(b, s, (size_t)(paren + 1 - s));
        int date = ((paren - s >= 14 && strncmp(paren - 14, "/CreationDate ", 14) == 0) ||
                    (paren - s >= 9 && strncmp(paren - 9, "/ModDate ", 9) == 0)) &&
                   paren[1] >= '0' && paren[1] <= '9';
        if (date)
            fix_add(b, "D:", 2);
        s = paren + 1;
    }
}

static void fix_object(fix_buf *b, long num, long *at, const char *from, const char *to,
                       const char *extra, int dates)
{
    *at = (long)b->len;
    fix_printf(b, "%ld 0 obj\n", num);
    if (dates)
        fix_copy_dates(b, from, to);
    else
        fix_add(b, from, (size_t)(to - from));
    fix_add(b, extra, strlen(extra));
    fix_add(b, ">>\nendobj\n", 10);
}

/* Language tags are ASCII letters, digits and hyphens (BCP 47); anything
 * else is dropped rather than written into the PDF. */
static int fix_lang_ok(const char *lang)
{
    if (!lang || !*lang || strlen(lang) > 35)
        return 0;
    for (const char *c = lang; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-'))
            return 0;
    return 1;
}

/* Builds the update into b (offsets relative to the end of the file). */
static int fix_update(const fix_pdf *p, const char *lang, int rtl, fix_buf *b)
{
    long root = fix_trailer_num(p, "/Root"), info = fix_trailer_num(p, "/Info");
    long size = fix_trailer_num(p, "/Size");
    const char *cf, *ct, *inf = NULL, *int_ = NULL;
    if (root <= 0 || size <= 0 || fix_dict(p, root, &cf, &ct) != 0)
        return -1;
    if (info > 0 && fix_dict(p, info, &inf, &int_) != 0)
        info = -1;
    char extra[128];
    snprintf(extra, sizeof extra, " /ViewerPreferences << /DisplayDocTitle true%s >>",
             rtl ? " /Direction /R2L" : "");
    if (fix_lang_ok(lang))
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra), " /Lang (%s)", lang);
    if (strstr(cf, "/ViewerPreferences") && strstr(cf, "/ViewerPreferences") < ct)
        return -1; /* a cairo that writes its own: leave it be */
    long at_root, at_info = 0, base = (long)p->n;
    fix_add(b, "\n", 1);
    fix_object(b, root, &at_root, cf, ct, extra, 0);
    if (info > 0)
        fix_object(b, info, &at_info, inf, int_, "", 1);
    long xref = (long)b->len;
    fix_printf(b, "xref\n%ld 1\n", root);
    fix_printf(b, "%010ld 00000 n \n", base + at_root);
    if (info > 0) {
        fix_printf(b, "%ld 1\n", info);
        fix_printf(b, "%010ld 00000 n \n", base + at_info);
    }
    fix_printf(b, "trailer\n<< /Size %ld", size);
    fix_printf(b, " /Root %ld 0 R", root);
    if (info > 0)
        fix_printf(b, " /Info %ld 0 R", info);
    fix_printf(b, " /Prev %ld >>\n", p->xref_at);
    fix_printf(b, "startxref\n%ld\n%%%%EOF\n", base + xref);
    return 0;
}

/* ---- the file ------------------------------------------------------------- */

static int fix_read(FILE *f, fix_pdf *p)
{
    if (fseek(f, 0, SEEK_END) != 0)
        return -1;
    long n = ftell(f);
    if (n <= 0 || fseek(f, 0, SEEK_SET) != 0)
        return -1;
    p->d = malloc((size_t)n + 1);
    if (!p->d)
        abort();
    p->n = (size_t)n;
    if (fread(p->d, 1, p->n, f) != p->n)
        return -1;
    p->d[n] = 0;
    return 0;
}

int render_pdf_fixup(const char *path, const char *lang, int rtl)
{
    FILE *f = fopen(path, "r+b");
    if (!f)
        return -1;
    fix_pdf p = { 0 };
    fix_buf upd = { 0 };
    int rc = fix_read(f, &p);
    if (rc == 0 && fix_find_table(&p) == 0) {
        if (fix_xref(&p) > 0) { /* rewrite the table only */
            size_t at = (size_t)(p.table - p.d), len = 20 * (size_t)p.count;
            rc = fseek(f, (long)at, SEEK_SET) == 0 && fwrite(p.table, 1, len, f) == len ? 0 : -1;
        }
        if (rc == 0 && fix_update(&p, lang, rtl, &upd) == 0)
            rc = fseek(f, 0, SEEK_END) == 0 && fwrite(upd.v, 1, upd.len, f) == upd.len ? 0 : -1;
    }
    free(p.d);
    VEC_FREE(&upd);
    return fclose(f) == 0 ? rc : -1;
}
