/* fo_xmp: see fo_xmp.h. */
#include "fo_xmp.h"

#include <libxml/tree.h>
#include <string.h>

#include "../base/vec.h"

#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define PDF_NS "http://ns.adobe.com/pdf/1.3/"
#define XML_NS "http://www.w3.org/XML/1998/namespace"

typedef VEC(char) charvec;

static int is(const xmlNode *x, const char *ns, const char *name)
{
    return x->type == XML_ELEMENT_NODE && x->ns &&
           strcmp((const char *)x->ns->href, ns) == 0 &&
           strcmp((const char *)x->name, name) == 0;
}

/* appends x's text with runs of white space made one space, trimmed */
static void add_text(charvec *out, const xmlNode *x)
{
    xmlChar *s = xmlNodeGetContent(x);
    int space = 0;
    for (const xmlChar *p = s; p && *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = 1;
            continue;
        }
        if (space && out->len && out->v[out->len - 1] != ' ')
            VEC_PUSH(out, ' ');
        space = 0;
        VEC_PUSH(out, (char)*p);
    }
    xmlFree(s);
}

/* the value of a simple property, or of an rdf:Alt/Seq/Bag: for Alt one
 * item (x-default first), for Seq and Bag every item joined with ", " */
static void prop_value(charvec *out, const xmlNode *prop)
{
    for (const xmlNode *c = prop->children; c; c = c->next) {
        int alt = is(c, RDF_NS, "Alt");
        if (!alt && !is(c, RDF_NS, "Seq") && !is(c, RDF_NS, "Bag"))
            continue;
        const xmlNode *pick = NULL;
        for (const xmlNode *li = c->children; li; li = li->next) {
            if (!is(li, RDF_NS, "li"))
                continue;
            if (alt) {
                xmlChar *lang = xmlGetNsProp(li, (const xmlChar *)"lang",
                                             (const xmlChar *)XML_NS);
                int dflt = lang && strcmp((const char *)lang, "x-default") == 0;
                xmlFree(lang);
                if (!pick || dflt)
                    pick = li;
                continue;
            }
            if (out->len) {
                VEC_PUSH(out, ',');
                VEC_PUSH(out, ' ');
            }
            add_text(out, li);
        }
        if (pick)
            add_text(out, pick);
        return;
    }
    add_text(out, prop);
}

static void fill(const char **field, const xmlNode *prop, arena *a)
{
    if (*field)
        return;
    charvec v = {0};
    prop_value(&v, prop);
    if (v.len)
        *field = arena_strndup(a, v.v, v.len);
    VEC_FREE(&v);
}

static void read_description(const xmlNode *d, fo_props *root, arena *a)
{
    xmlChar *kw = xmlGetNsProp(d, (const xmlChar *)"Keywords", (const xmlChar *)PDF_NS);
    if (kw && !root->meta_keywords) /* the attribute shorthand of a simple property */
        root->meta_keywords = arena_strdup(a, (const char *)kw);
    xmlFree(kw);
    for (const xmlNode *c = d->children; c; c = c->next) {
        if (is(c, DC_NS, "title"))
            fill(&root->meta_title, c, a);
        else if (is(c, DC_NS, "creator"))
            fill(&root->meta_author, c, a);
        else if (is(c, DC_NS, "description"))
            fill(&root->meta_subject, c, a);
        else if (is(c, PDF_NS, "Keywords") || is(c, DC_NS, "subject"))
            fill(&root->meta_keywords, c, a);
    }
}

void fo_xmp_read(const xmlNode *xmpmeta, fo_props *root, arena *a)
{
    for (const xmlNode *rdf = xmpmeta->children; rdf; rdf = rdf->next) {
        if (!is(rdf, RDF_NS, "RDF"))
            continue;
        for (const xmlNode *d = rdf->children; d; d = d->next)
            if (is(d, RDF_NS, "Description"))
                read_description(d, root, a);
    }
}
