#include "source_loc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

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

diag_loc source_node_loc(const xmlNode *node, diag_list *interner)
{
    xmlChar *file = source_node_file(node);
    diag_loc loc = {diag_intern(interner, (const char *)file),
                    source_node_line(node), 0};
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
