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
    if (!file || line <= 0 || !qname || file[0] == '<')
        return 0;
    FILE *f = fopen(file, "rb");
    if (!f)
        return 0;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t len = 0;
    for (int k = 0; k < line && (len = getline(&buf, &cap, f)) >= 0; k++)
        ;
    fclose(f);
    int col = 0;
    size_t qn = strlen(qname);
    for (ssize_t i = 0; len > 0 && i < len; i++) {
        char after = i + 1 + (ssize_t)qn < len ? buf[i + 1 + qn] : '\0';
        if (buf[i] == '<' && strncmp(buf + i + 1, qname, qn) == 0 &&
            (after == ' ' || after == '>' || after == '/' || after == '\t' ||
             after == '\n' || after == '\r')) {
            col = 1;
            for (ssize_t k = 0; k < i; k++)
                col += ((unsigned char)buf[k] & 0xC0) != 0x80;
            break;
        }
    }
    free(buf);
    return col;
}

diag_loc source_node_loc(const xmlNode *node, diag_list *interner)
{
    xmlChar *file = source_node_file(node);
    diag_loc loc = {diag_intern(interner, (const char *)file),
                    source_node_line(node), 0};
    if (node && node->type == XML_ELEMENT_NODE) {
        char qname[256];
        if (node->ns && node->ns->prefix)
            snprintf(qname, sizeof qname, "%s:%s", node->ns->prefix, node->name);
        else
            snprintf(qname, sizeof qname, "%s", node->name);
        loc.col = source_column_of(loc.file, loc.line, qname);
    }
    xmlFree(file);
    return loc;
}

int source_loc_parse(const char *mkloc, diag_loc *out, diag_list *interner)
{
    const char *colon = mkloc ? strrchr(mkloc, ':') : NULL;
    *out = (diag_loc){NULL, 0, 0};
    if (!colon || colon == mkloc || colon[1] == '\0')
        return -1;
    long line = 0;
    for (const char *p = colon + 1; *p; p++) {
        int d = *p - '0';
        if (d < 0 || d > 9 || line > (INT_MAX - d) / 10)
            return -1;
        line = line * 10 + d;
    }
    size_t n = (size_t)(colon - mkloc);
    char *file = malloc(n + 1);
    if (!file)
        abort();
    memcpy(file, mkloc, n);
    file[n] = '\0';
    *out = (diag_loc){diag_intern(interner, file), (int)line, 0};
    free(file);
    return 0;
}
