#include "source_xinclude.h"

#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/tree.h>

/* SAX2 startElementNs, then the root element's xml:base. */
static void watch_start(void *ctx, const xmlChar *localname,
                        const xmlChar *prefix, const xmlChar *uri,
                        int nb_namespaces, const xmlChar **namespaces,
                        int nb_attributes, int nb_defaulted,
                        const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
                          namespaces, nb_attributes, nb_defaulted, attributes);
    xmlNodePtr node = ctxt->node;
    xmlDocPtr doc = ctxt->myDoc;
    if (!node || !doc || !doc->URL || node->parent != (xmlNodePtr)doc ||
        xmlHasNsProp(node, (const xmlChar *)"base", XML_XML_NAMESPACE))
        return;
    const xmlChar *slash = (const xmlChar *)strrchr((const char *)doc->URL, '/');
    xmlNodeSetBase(node, slash ? slash + 1 : doc->URL);
}

void source_xinclude_watch(xmlParserCtxtPtr ctxt)
{
    if (ctxt && ctxt->sax && ctxt->inputNr == 0 &&
        ctxt->sax->startElementNs == xmlSAX2StartElementNs)
        ctxt->sax->startElementNs = watch_start;
}
