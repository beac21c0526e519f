#include "source_loc.h"

#include <stdio.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

static const xmlNode *loc_anchor(const xmlNode *node)
{
    if (node && node->type == XML_ATTRIBUTE_NODE)
        return node->parent;
    if (node && node->type == XML_NAMESPACE_DECL)
        return NULL; /* an xmlNs is not an xmlNode: no line, no parent */
    return node;
}

xmlChar *source_node_file(const xmlNode *node)
{
    node = loc_anchor(node);
    if (!node || !node->doc)
        return NULL;
    xmlChar *base = xmlNodeGetBase(node->doc, node);
    if (!base && node->doc->URL)
        base = xmlStrdup(node->doc->URL);
    if (base && xmlStrchr(base, '%')) { /* "my%20file.xml" -> "my file.xml" */
        char *plain = xmlURIUnescapeString((const char *)base, 0, NULL);
        if (plain) {
            xmlFree(base);
            base = (xmlChar *)plain;
        }
    }
    return base;
}

int source_node_line(const xmlNode *node)
{
    node = loc_anchor(node);
    if (!node || node->type == XML_DOCUMENT_NODE)
        return 0;
    long line = xmlGetLineNo(node);
    return line > 0 && line <= INT_MAX ? (int)line : 0;
}

/* The column (in characters, 1-based) where "<qname" starts on the given
 * line of file, or 0. libxml2 keeps no columns in the tree, so messages
 * about an element look its start tag up in the file; this happens only
 * when a message is made, never per node. */
int source_column_of(const char *file, int line, const char *qname)
{
    source_lines sl = {0};
    int col = source_lines_column(&sl, file, line, qname);
    source_lines_free(&sl);
    return col;
}

int source_node_column(source_lines *sl, const xmlNode *node, const char *file, int line)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return 0;
    char qname[256];
    if (node->ns && node->ns->prefix)
        snprintf(qname, sizeof qname, "%s:%s", node->ns->prefix, node->name);
    else
        snprintf(qname, sizeof qname, "%s", node->name);
    return source_lines_column(sl, file, line, qname);
}

diag_loc source_node_loc(const xmlNode *node, diag_list *interner)
{
    xmlChar *file = source_node_file(node);
    diag_loc loc = {diag_intern(interner, (const char *)file),
                    source_node_line(node), 0};
    source_lines sl = {0};
    loc.col = source_node_column(&sl, node, loc.file, loc.line);
    source_lines_free(&sl);
    xmlFree(file);
    return loc;
}

/* The number after the last ':' before end, or -1. */
static long trailing_number(const char *s, const char *end, const char **colon)
{
    const char *c = end;
    while (c > s && c[-1] != ':')
        c--;
    if (c == s || c == end)
        return -1;
    long v = 0;
    for (const char *p = c; p < end; p++) {
        int d = *p - '0';
        if (d < 0 || d > 9 || v > (INT_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *colon = c - 1;
    return v;
}

/* "FILE:LINE" or "FILE:LINE:COL" (mk:loc gives the column when it can
 * find the start tag in the file). */
int source_loc_parse(const char *mkloc, diag_loc *out, diag_list *interner)
{
    *out = (diag_loc){NULL, 0, 0};
    if (!mkloc)
        return -1;
    const char *colon, *colon2;
    long line = trailing_number(mkloc, mkloc + strlen(mkloc), &colon);
    if (line < 0 || colon == mkloc)
        return -1;
    long col = 0;
    long first = trailing_number(mkloc, colon, &colon2);
    if (first > 0 && colon2 > mkloc) {
        col = line;
        line = first;
        colon = colon2;
    }
    size_t n = (size_t)(colon - mkloc);
    char *file = malloc(n + 1);
    if (!file)
        abort();
    memcpy(file, mkloc, n);
    file[n] = '\0';
    *out = (diag_loc){diag_intern(interner, file), (int)line, (int)col};
    free(file);
    return 0;
}

/* ---- columns from the file's text, for many nodes ---- */

void source_lines_free(source_lines *sl)
{
    for (size_t k = 0; k < sl->files.len; k++) {
        free(sl->files.v[k].path);
        free(sl->files.v[k].text);
        free(sl->files.v[k].starts);
    }
    VEC_FREE(&sl->files);
}

static source_lines_file *lines_load(source_lines *sl, const char *path)
{
    for (size_t k = 0; k < sl->files.len; k++)
        if (strcmp(sl->files.v[k].path, path) == 0)
            return &sl->files.v[k];
    source_lines_file f = {strdup(path), NULL, 0, NULL, 0};
    FILE *fp = path[0] != '<' ? fopen(path, "rb") : NULL;
    if (fp) {
        size_t cap = 0;
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
            f.text = realloc(f.text, cap + n + 1);
            if (!f.text)
                abort();
            memcpy(f.text + cap, buf, n);
            cap += n;
        }
        fclose(fp);
        f.len = cap;
        VEC(size_t) st = {0};
        VEC_PUSH(&st, (size_t)0);
        for (size_t i = 0; i < cap; i++)
            if (f.text[i] == '\n')
                VEC_PUSH(&st, i + 1);
        f.starts = st.v;
        f.n_lines = st.len;
    }
    VEC_PUSH(&sl->files, f);
    return &sl->files.v[sl->files.len - 1];
}

int source_lines_column(source_lines *sl, const char *file, int line, const char *qname)
{
    if (!file || line <= 0 || !qname)
        return 0;
    source_lines_file *f = lines_load(sl, file);
    if (!f->text || (size_t)line > f->n_lines)
        return 0;
    size_t a = f->starts[line - 1];
    size_t b = (size_t)line < f->n_lines ? f->starts[line] : f->len;
    size_t qn = strlen(qname);
    for (size_t i = a; i + 1 + qn <= b; i++) {
        if (f->text[i] != '<' || strncmp(f->text + i + 1, qname, qn) != 0)
            continue;
        char after = i + 1 + qn < b ? f->text[i + 1 + qn] : '\n';
        if (after == ' ' || after == '>' || after == '/' || after == '\t' ||
            after == '\n' || after == '\r') {
            int col = 1;
            for (size_t k = a; k < i; k++)
                col += ((unsigned char)f->text[k] & 0xC0) != 0x80;
            return col;
        }
    }
    return 0;
}
