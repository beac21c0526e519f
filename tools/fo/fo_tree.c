/* fo_tree: building the FO tree from a libxml2 document.
 *
 * The builder walks the XML once, depth first, without recursion depth
 * limits of its own beyond FO_MAX_DEPTH (deeper input is reported, not
 * followed: the layout stages recurse over the tree too). Whitespace is
 * handled here as far as it can be without knowing line breaks
 * (XSL 1.1 §7.16.7–§7.16.12): linefeeds become spaces (or are kept, or
 * dropped), runs of spaces collapse, and whitespace-only text between
 * block-level siblings is dropped. A linefeed between two CJK characters
 * disappears instead of becoming a space (as CSS Text 3 §4.1.2 does for
 * East Asian text), since a source line break inside a Japanese sentence
 * is never meant as a word space. Leading/trailing spaces of each line are
 * removed later, by the paragraph builder. */
#include "fo_tree.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "../base/vec.h"
#include "../source/source_loc.h"
#include "../source/source_tags.h"
#include "fo_xmp.h"

#define FO_NS "http://www.w3.org/1999/XSL/Format"
#define MK_NS "urn:mkdoc:ext"
#define AXF_NS "http://www.antennahouse.com/names/XSL/Extensions"
#define XML_NS "http://www.w3.org/XML/1998/namespace"
#define RX_NS "http://www.renderx.com/XSL/Extensions"

/* Nesting deeper than this is reported and cut off: each level costs a
 * stack frame in layout, and real documents stay far below it. */
#define FO_MAX_DEPTH 400

static const char *const fo_names[FO_KIND_COUNT] = {
    [FO_TEXT] = "#text",
    [FO_ROOT] = "root",
    [FO_DECLARATIONS] = "declarations",
    [FO_LAYOUT_MASTER_SET] = "layout-master-set",
    [FO_SIMPLE_PAGE_MASTER] = "simple-page-master",
    [FO_REGION_BODY] = "region-body",
    [FO_REGION_BEFORE] = "region-before",
    [FO_REGION_AFTER] = "region-after",
    [FO_REGION_START] = "region-start",
    [FO_REGION_END] = "region-end",
    [FO_PAGE_SEQUENCE_MASTER] = "page-sequence-master",
    [FO_SINGLE_PAGE_MASTER_REFERENCE] = "single-page-master-reference",
    [FO_REPEATABLE_PAGE_MASTER_REFERENCE] = "repeatable-page-master-reference",
    [FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES] = "repeatable-page-master-alternatives",
    [FO_CONDITIONAL_PAGE_MASTER_REFERENCE] = "conditional-page-master-reference",
    [FO_PAGE_SEQUENCE] = "page-sequence",
    [FO_TITLE] = "title",
    [FO_FLOW] = "flow",
    [FO_STATIC_CONTENT] = "static-content",
    [FO_BLOCK] = "block",
    [FO_BLOCK_CONTAINER] = "block-container",
    [FO_INLINE] = "inline",
    [FO_INLINE_CONTAINER] = "inline-container",
    [FO_WRAPPER] = "wrapper",
    [FO_CHARACTER] = "character",
    [FO_PAGE_NUMBER] = "page-number",
    [FO_PAGE_NUMBER_CITATION] = "page-number-citation",
    [FO_PAGE_NUMBER_CITATION_LAST] = "page-number-citation-last",
    [FO_BASIC_LINK] = "basic-link",
    [FO_LEADER] = "leader",
    [FO_EXTERNAL_GRAPHIC] = "external-graphic",
    [FO_INSTREAM_FOREIGN_OBJECT] = "instream-foreign-object",
    [FO_LIST_BLOCK] = "list-block",
    [FO_LIST_ITEM] = "list-item",
    [FO_LIST_ITEM_LABEL] = "list-item-label",
    [FO_LIST_ITEM_BODY] = "list-item-body",
    [FO_TABLE_AND_CAPTION] = "table-and-caption",
    [FO_TABLE_CAPTION] = "table-caption",
    [FO_TABLE] = "table",
    [FO_TABLE_COLUMN] = "table-column",
    [FO_TABLE_HEADER] = "table-header",
    [FO_TABLE_FOOTER] = "table-footer",
    [FO_TABLE_BODY] = "table-body",
    [FO_TABLE_ROW] = "table-row",
    [FO_TABLE_CELL] = "table-cell",
    [FO_FOOTNOTE] = "footnote",
    [FO_FOOTNOTE_BODY] = "footnote-body",
    [FO_MARKER] = "marker",
    [FO_RETRIEVE_MARKER] = "retrieve-marker",
    [FO_BOOKMARK_TREE] = "bookmark-tree",
    [FO_BOOKMARK] = "bookmark",
    [FO_BOOKMARK_TITLE] = "bookmark-title",
    [FO_FLOAT] = "float",
    [FO_AXF_RUBY] = "axf:ruby",
    [FO_AXF_RUBY_BASE] = "axf:ruby-base",
    [FO_AXF_RUBY_TEXT] = "axf:ruby-text",
};

const char *fo_kind_name(fo_kind kind)
{
    return kind < FO_KIND_COUNT && fo_names[kind] ? fo_names[kind] : "?";
}

static int fo_kind_lookup(const char *name)
{
    for (int k = 1; k < FO_AXF_RUBY; k++)
        if (fo_names[k] && strcmp(fo_names[k], name) == 0)
            return k;
    return -1;
}

/* The axf: elements mkdoc formats (axf:document-info is read apart). */
static int axf_kind_lookup(const char *name)
{
    for (int k = FO_AXF_RUBY; k < FO_KIND_COUNT; k++)
        if (strcmp(fo_names[k] + 4, name) == 0)
            return k;
    return -1;
}

/* The kind of an element in the FO or the axf: namespace, else -1. */
static int xml_kind(const xmlNode *x)
{
    const char *ns = x->ns ? (const char *)x->ns->href : "";
    if (strcmp(ns, FO_NS) == 0)
        return fo_kind_lookup((const char *)x->name);
    if (strcmp(ns, AXF_NS) == 0)
        return axf_kind_lookup((const char *)x->name);
    return -1;
}

int fo_is_inline(const fo_node *n)
{
    switch (n->kind) {
    case FO_TEXT: case FO_INLINE: case FO_INLINE_CONTAINER: case FO_CHARACTER:
    case FO_PAGE_NUMBER: case FO_PAGE_NUMBER_CITATION:
    case FO_PAGE_NUMBER_CITATION_LAST: case FO_BASIC_LINK: case FO_LEADER:
    case FO_EXTERNAL_GRAPHIC: case FO_INSTREAM_FOREIGN_OBJECT: case FO_FOOTNOTE:
    case FO_AXF_RUBY: case FO_AXF_RUBY_BASE: case FO_AXF_RUBY_TEXT:
        return 1;
    case FO_WRAPPER:
        /* a wrapper is inline when its content is; treat as neutral */
        return 1;
    default:
        return 0;
    }
}

typedef struct {
    fo_tree *tree;
    diag_list *diags;
    fo_props_ctx pctx;
    VEC(char) buf;            /* scratch for text */
    VEC(fo_attr) attrs;       /* scratch for attributes */
    const char *unknown[64];  /* element names already warned about */
    int n_unknown;
    int depth_warned;
    int foreign_warned;   /* a non-SVG fo:instream-foreign-object was reported */
    int prev_space;           /* the inline text so far ends in a collapsible space */
    source_tags tags;         /* start-tag columns in the FO text */
    const char *file;         /* the file the current element is from: the
                               * FO file, or one it XIncluded */
} builder;

static diag_loc node_fo_loc(builder *b, xmlNode *x)
{
    diag_loc l = {b->file, (int)xmlGetLineNo(x), 0};
    if (l.line < 0)
        l.line = 0;
    return l;
}

/* An element's FO location with the column of its start tag. Called once
 * per element, in document order (source_tags.h): every element of the
 * document passes here or through source_tags_skip. */
static diag_loc element_fo_loc(builder *b, xmlNode *x)
{
    diag_loc l = node_fo_loc(b, x);
    if (b->file != b->tree->file)
        return l; /* XIncluded: not in the FO text (no column) */
    int line = l.line, col = source_tags_element(&b->tags, x, &line);
    if (col > 0) {
        l.line = line;
        l.col = col;
    }
    return l;
}

/* The number after the last ':' before end, or -1; *colon set to it. */
static long loc_number(const char *s, const char *end, const char **colon)
{
    const char *c = end;
    while (c > s && c[-1] >= '0' && c[-1] <= '9')
        c--;
    if (c == end || c == s || c[-1] != ':' || end - c > 9)
        return -1;
    *colon = c - 1;
    return strtol(c, NULL, 10);
}

/* "file:line" or "file:line:col" written by mk:loc in mkdoc's stylesheets. */
static int parse_mk_loc(builder *b, const char *s, diag_loc *out)
{
    const char *colon, *colon2;
    long line = loc_number(s, s + strlen(s), &colon);
    if (line <= 0 || colon == s)
        return -1;
    long col = 0, first = loc_number(s, colon, &colon2);
    if (first > 0 && colon2 > s) {
        col = line;
        line = first;
        colon = colon2;
    }
    out->file = arena_strndup(b->tree->arena, s, (size_t)(colon - s));
    out->line = (int)line;
    out->col = (int)col;
    return 0;
}

/* Formatters whose extension elements FO written for them contains. Their
 * names go into the message, so the reader knows the element is not a typo
 * but a feature of another program. */
static const char *vendor_of(const char *ns)
{
    static const char *const vendors[][2] = {
        {"http://xmlgraphics.apache.org/fop/extensions", "Apache FOP"},
        {RX_NS, "RenderX XEP"},
        {AXF_NS, "Antenna House Formatter"},
        {"http://www.xmlmind.com/foconverter/xsl/extensions", "XMLmind XSL-FO Converter"},
    };
    for (size_t i = 0; i < sizeof vendors / sizeof vendors[0]; i++)
        if (strcmp(ns, vendors[i][0]) == 0)
            return vendors[i][1];
    return NULL;
}

/* Extension elements whose effect mkdoc's PDF has anyway: passed quietly.
 * fox:destination asks for a named destination, and mkdoc writes one for
 * every id in the document. */
static int is_redundant_extension(const char *ns, const char *name)
{
    return strcmp(ns, "http://xmlgraphics.apache.org/fop/extensions") == 0 &&
           strcmp(name, "destination") == 0;
}

/* One warning per element name: a DocBook book has hundreds of the same
 * extension element, and one line says all there is to say. */
static void warn_unknown_element(builder *b, xmlNode *x, diag_loc loc)
{
    const char *name = (const char *)x->name;
    const char *ns = x->ns ? (const char *)x->ns->href : "";
    if (is_redundant_extension(ns, name))
        return;
    for (int i = 0; i < b->n_unknown; i++)
        if (strcmp(b->unknown[i], name) == 0)
            return;
    if (b->n_unknown < (int)(sizeof b->unknown / sizeof b->unknown[0]))
        b->unknown[b->n_unknown++] = arena_strdup(b->tree->arena, name);
    const char *vendor = vendor_of(ns);
    const char *prefix = x->ns && x->ns->prefix ? (const char *)x->ns->prefix : "";
    if (strcmp(ns, FO_NS) == 0)
        diag_add(b->diags, DIAG_WARNING, STAGE_FO, loc,
                 "fo:%s is not an XSL-FO 1.1 element mkdoc knows; it is ignored "
                 "with its content (check the spelling)", name);
    else if (vendor)
        diag_add(b->diags, DIAG_WARNING, STAGE_FO, loc,
                 "%s%s%s is an extension of %s that mkdoc does not implement; it is "
                 "ignored with its content (this warning is given once)",
                 prefix, *prefix ? ":" : "", name, vendor);
    else
        diag_add(b->diags, DIAG_WARNING, STAGE_FO, loc,
                 "element '%s' (namespace '%s') is not XSL-FO; it is ignored "
                 "with its content", name, ns);
}

static fo_node *node_new(builder *b, fo_node *parent, fo_kind kind)
{
    fo_node *n = ARENA_NEW(b->tree->arena, fo_node);
    n->kind = kind;
    n->parent = parent;
    if (parent) {
        n->prev = parent->last;
        if (parent->last)
            parent->last->next = n;
        else
            parent->first = n;
        parent->last = n;
    }
    return n;
}

/* Attributes that are FO properties: no namespace, plus xml:lang and the
 * axf: extensions (handed on with their prefix so fo_props can map them). */
static void collect_attrs(builder *b, xmlNode *x, diag_loc loc, diag_loc *src)
{
    b->attrs.len = 0;
    for (xmlAttr *a = x->properties; a; a = a->next) {
        const char *ns = a->ns ? (const char *)a->ns->href : NULL;
        xmlChar *v = xmlNodeListGetString(x->doc, a->children, 1);
        const char *val = v ? (const char *)v : "";
        const char *name = NULL;
        if (!ns) /* copied: the XML document is freed before markers are recomputed */
            name = arena_strdup(b->tree->arena, (const char *)a->name);
        else if (strcmp(ns, XML_NS) == 0 && strcmp((const char *)a->name, "lang") == 0)
            name = "xml:lang";
        else if (strcmp(ns, AXF_NS) == 0) {
            size_t len = strlen((const char *)a->name);
            char *n = arena_alloc(b->tree->arena, len + 5);
            memcpy(n, "axf:", 4);
            memcpy(n + 4, a->name, len + 1);
            name = n;
        } else if (strcmp(ns, MK_NS) == 0 && strcmp((const char *)a->name, "loc") == 0) {
            parse_mk_loc(b, val, src);
        }
        if (name) {
            fo_attr at = {name, arena_strdup(b->tree->arena, val), loc};
            int line = loc.line, col = source_tags_attr(&b->tags, a, &line);
            if (col > 0) {
                at.loc.line = line;
                at.loc.col = col;
            }
            VEC_PUSH(&b->attrs, at);
        }
        xmlFree(v);
    }
}

static void compute_props(builder *b, fo_node *n, const fo_props *parent)
{
    n->props = fo_props_compute(&b->pctx, (int)n->kind, parent, n->attrs, n->n_attrs);
}

/* ---------------------------------------------------------------- text */

static int utf8_decode(const unsigned char *s, size_t len, size_t *i)
{
    unsigned c = s[*i];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (*i + (size_t)n > len) {
        (*i)++;
        return 0xFFFD;
    }
    unsigned cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; k++)
        cp = (cp << 6) | (s[*i + (size_t)k] & 0x3F);
    *i += (size_t)n;
    return (int)cp;
}

/* Wide East Asian characters that take no space at a source line break.
 * Hangul is excluded: Korean separates words with spaces. */
static int is_cjk_wide(int cp)
{
    return (cp >= 0x2E80 && cp <= 0x303F) || (cp >= 0x3040 && cp <= 0x30FF) ||
           (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

static int last_cp(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    size_t i = len - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return utf8_decode((const unsigned char *)s, len, &i);
}

static int next_non_space_cp(const unsigned char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i < len ? utf8_decode(s, len, &i) : 0;
}

static int is_xml_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* XSL 1.1 §7.16.7 linefeed-treatment, §7.16.12 white-space-collapse,
 * applied within one text node. prev_space says whether the text before
 * this node (in the same block) ended in a collapsible space. */
static void normalise_text(builder *b, const fo_props *p, const unsigned char *s,
                           size_t len, int *prev_space)
{
    b->buf.len = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c == '\r') { i++; continue; }
        if (c == '\n') {
            if (p->linefeed_treatment == 2) { VEC_PUSH(&b->buf, '\n'); *prev_space = 0; i++; continue; }
            if (p->linefeed_treatment == 1) { i++; continue; }
            if (p->linefeed_treatment == 3) { /* U+200B */
                VEC_PUSH(&b->buf, '\xE2'); VEC_PUSH(&b->buf, '\x80'); VEC_PUSH(&b->buf, '\x8B');
                i++; continue;
            }
            int before = last_cp(b->buf.v, b->buf.len);
            int after = next_non_space_cp(s, len, i + 1);
            if (p->white_space_collapse && is_cjk_wide(before) && is_cjk_wide(after)) {
                i++;
                while (i < len && is_xml_space(s[i]) && s[i] != '\n') i++;
                continue;
            }
            c = ' ';
        }
        if ((c == ' ' || c == '\t') && p->white_space_treatment != 1) {
            if (p->white_space_collapse && *prev_space) { i++; continue; }
            VEC_PUSH(&b->buf, ' ');
            *prev_space = 1;
            i++;
            continue;
        }
        VEC_PUSH(&b->buf, (char)c);
        *prev_space = 0;
        i++;
    }
}

static int is_all_space(const unsigned char *s)
{
    for (; *s; s++)
        if (!is_xml_space(*s))
            return 0;
    return 1;
}

static int kind_takes_text(fo_kind k)
{
    switch (k) {
    case FO_BLOCK: case FO_INLINE: case FO_WRAPPER: case FO_BASIC_LINK:
    case FO_LEADER: case FO_TITLE: case FO_BOOKMARK_TITLE: case FO_MARKER:
    case FO_FOOTNOTE_BODY: case FO_LIST_ITEM_BODY: case FO_TABLE_CELL:
    case FO_AXF_RUBY_BASE: case FO_AXF_RUBY_TEXT:
        return 1;
    default:
        return 0;
    }
}

static int xml_is_inline_fo(xmlNode *x)
{
    if (!x || x->type != XML_ELEMENT_NODE)
        return x && (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE);
    int k = xml_kind(x);
    return k >= 0 && fo_is_inline(&(fo_node){.kind = (fo_kind)k});
}

/* Whitespace-only text is content only between two inline siblings, or
 * inside an inline FO; elsewhere it is source indentation. */
static int space_is_content(const fo_node *parent, xmlNode *x)
{
    switch (parent->kind) {
    case FO_INLINE: case FO_BASIC_LINK: case FO_LEADER: case FO_TITLE:
    case FO_BOOKMARK_TITLE: case FO_AXF_RUBY_BASE: case FO_AXF_RUBY_TEXT:
        return 1;
    case FO_AXF_RUBY: /* between ruby-base and ruby-text: indentation */
        return 0;
    default:
        return xml_is_inline_fo(x->prev) && xml_is_inline_fo(x->next);
    }
}

static void add_text(builder *b, fo_node *parent, xmlNode *x, int *prev_space)
{
    const unsigned char *s = x->content ? x->content : (const unsigned char *)"";
    if (is_all_space(s) && !space_is_content(parent, x))
        return;
    if (!kind_takes_text(parent->kind)) {
        if (!is_all_space(s))
            diag_add(b->diags, DIAG_WARNING, STAGE_FO, node_fo_loc(b, x),
                     "text is not allowed directly inside fo:%s; it is ignored "
                     "(put it in an fo:block)", fo_kind_name(parent->kind));
        return;
    }
    normalise_text(b, parent->props, s, strlen((const char *)s), prev_space);
    if (b->buf.len == 0)
        return;
    fo_node *t = node_new(b, parent, FO_TEXT);
    t->text = arena_strndup(b->tree->arena, b->buf.v, b->buf.len);
    t->text_len = b->buf.len;
    t->loc = parent->loc;
    t->fo_loc = node_fo_loc(b, x);
    t->props = parent->props;
}

/* ------------------------------------------------------------ elements */

static void doc_info(builder *b, xmlNode *x)
{
    fo_props *rp = b->tree->root ? b->tree->root->props : NULL;
    if (!rp)
        return;
    xmlChar *name = xmlGetProp(x, (const xmlChar *)"name");
    xmlChar *value = xmlGetProp(x, (const xmlChar *)"value");
    if (name && value) {
        const char *v = arena_strdup(b->tree->arena, (const char *)value);
        if (!strcmp((char *)name, "title")) rp->meta_title = v;
        else if (!strcmp((char *)name, "author")) rp->meta_author = v;
        else if (!strcmp((char *)name, "subject")) rp->meta_subject = v;
        else if (!strcmp((char *)name, "keywords")) rp->meta_keywords = v;
    }
    xmlFree(name);
    xmlFree(value);
}

static void build_children(builder *b, fo_node *parent, xmlNode *x, int depth);

/* XSL 1.1 §6.6.6: the content of fo:instream-foreign-object is another
 * XML vocabulary. An SVG child is kept as a standalone document (its
 * namespace declarations, which may sit on fo:root, copied onto it) for
 * the image cache to draw like an SVG file; anything else (MathML ...)
 * is reported once and left out. */
#define SVG_NS "http://www.w3.org/2000/svg"
static void foreign_object(builder *b, fo_node *n, xmlNode *x)
{
    xmlNode *child = x->children;
    while (child && child->type != XML_ELEMENT_NODE)
        child = child->next;
    const char *ns = child && child->ns ? (const char *)child->ns->href : "";
    if (!child || strcmp(ns, SVG_NS) != 0 || strcmp((const char *)child->name, "svg") != 0) {
        if (!b->foreign_warned++)
            diag_add(b->diags, DIAG_WARNING, STAGE_FO, n->fo_loc,
                     "fo:instream-foreign-object holds %s%s%s, but mkdoc draws only SVG "
                     "(an svg element in namespace " SVG_NS "); it is left out",
                     child ? "element '" : "no element", child ? (const char *)child->name : "",
                     child ? "'" : "");
        return;
    }
    xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNode *copy = doc ? xmlDocCopyNode(child, doc, 1) : NULL;
    xmlChar *mem = NULL;
    int len = 0;
    if (copy) {
        xmlDocSetRootElement(doc, copy);
        xmlReconciliateNs(doc, copy);
        xmlDocDumpMemory(doc, &mem, &len);
    }
    if (mem && len > 0) {
        n->text = arena_strndup(b->tree->arena, (const char *)mem, (size_t)len);
        n->text_len = (size_t)len;
    }
    xmlFree(mem);
    xmlFreeDoc(doc);
}

/* An element XInclude brought in carries xml:base (source_load.h): it and
 * its content are located in that file. Returns the file to restore. */
static const char *enter_file(builder *b, xmlNode *x)
{
    const char *was = b->file;
    if (!xmlHasNsProp(x, (const xmlChar *)"base", XML_XML_NAMESPACE))
        return was;
    xmlChar *f = source_node_file(x);
    if (f && strcmp((const char *)f, b->tree->file) != 0)
        b->file = arena_strdup(b->tree->arena, (const char *)f);
    xmlFree(f);
    return was;
}

static void build_element_in(builder *b, fo_node *parent, xmlNode *x, int depth);

static void build_element(builder *b, fo_node *parent, xmlNode *x, int depth)
{
    const char *was = enter_file(b, x);
    build_element_in(b, parent, x, depth);
    b->file = was;
}

static void build_element_in(builder *b, fo_node *parent, xmlNode *x, int depth)
{
    diag_loc floc = element_fo_loc(b, x);
    const char *ns = x->ns ? (const char *)x->ns->href : "";
    if (strcmp(ns, AXF_NS) == 0 && strcmp((const char *)x->name, "document-info") == 0) {
        doc_info(b, x);
        source_tags_skip(&b->tags, x);
        return;
    }
    if (strcmp(ns, RX_NS) == 0 && strcmp((const char *)x->name, "meta-info") == 0) {
        /* XEP's document info: rx:meta-field name= value=, as axf:document-info */
        for (xmlNode *f = x->children; f; f = f->next)
            if (f->type == XML_ELEMENT_NODE && !strcmp((const char *)f->name, "meta-field"))
                doc_info(b, f);
        source_tags_skip(&b->tags, x);
        return;
    }
    if (strcmp(ns, FO_XMP_META_NS) == 0 && strcmp((const char *)x->name, "xmpmeta") == 0) {
        if (b->tree->root) /* metadata for the PDF (FOP's XMP extension) */
            fo_xmp_read(x, b->tree->root->props, b->tree->arena);
        source_tags_skip(&b->tags, x);
        return;
    }
    int kind = xml_kind(x);
    if (kind < 0) {
        /* the user's source when known; else the element itself, unless
         * it has no line (made by an entity reference): then its parent */
        int up = parent && (parent->loc.file != parent->fo_loc.file || floc.line <= 0);
        warn_unknown_element(b, x, up ? parent->loc : floc);
        source_tags_skip(&b->tags, x);
        return;
    }
    if (depth > FO_MAX_DEPTH) {
        if (!b->depth_warned++)
            diag_add(b->diags, DIAG_ERROR, STAGE_FO, floc,
                     "elements are nested more than %d deep; the content below "
                     "this level is left out (flatten the structure)", FO_MAX_DEPTH);
        source_tags_skip(&b->tags, x);
        return;
    }
    fo_node *n = node_new(b, parent, (fo_kind)kind);
    n->fo_loc = floc;
    n->loc = parent && parent->loc.file != parent->fo_loc.file ? parent->loc : floc;
    diag_loc src = {0};
    collect_attrs(b, x, floc, &src);
    if (src.file)
        n->loc = src;
    if (n->loc.file != floc.file) /* property problems: the user's source */
        for (size_t i = 0; i < b->attrs.len; i++)
            b->attrs.v[i].loc = n->loc;
    fo_attr *attrs = ARENA_ARRAY(b->tree->arena, fo_attr, b->attrs.len ? b->attrs.len : 1);
    if (b->attrs.len) /* v is NULL when empty: memcpy's NULL is UB even for 0 bytes */
        memcpy(attrs, b->attrs.v, b->attrs.len * sizeof *attrs);
    n->attrs = attrs;
    n->n_attrs = (int)b->attrs.len;
    if (kind == FO_ROOT)
        b->tree->root = n;
    compute_props(b, n, parent ? parent->props : fo_props_initial());
    if (kind == FO_INSTREAM_FOREIGN_OBJECT) {
        foreign_object(b, n, x);
        for (xmlNode *c = x->children; c; c = c->next) /* not FO: no columns */
            if (c->type == XML_ELEMENT_NODE)
                source_tags_skip(&b->tags, c);
        return;
    }
    build_children(b, n, x, depth + 1);
}

/* XSL 1.1 §7.16.12 white-space-collapse works on the text of a whole line,
 * across fo:inline boundaries ("a<fo:inline> b </fo:inline> c" has single
 * spaces), so the collapse state runs through the inline children of a
 * block; a block-level FO starts afresh and leaves its parent's state as
 * it found it (a footnote-body inside an inline). */
static void build_children(builder *b, fo_node *parent, xmlNode *x, int depth)
{
    int block_level = !fo_is_inline(parent);
    int saved = b->prev_space;
    if (block_level)
        b->prev_space = 1;
    for (xmlNode *c = x->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            build_element(b, parent, c, depth);
            if (!fo_is_inline(parent->last ? parent->last : parent))
                b->prev_space = 1;
        } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            add_text(b, parent, c, &b->prev_space);
        }
    }
    if (block_level)
        b->prev_space = saved;
}

fo_tree *fo_tree_build(struct _xmlDoc *doc, const char *file, const char *text,
                       size_t text_len, diag_list *diags)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    diag_loc loc = {file, 1, 0};
    if (!root || !root->ns || strcmp((const char *)root->ns->href, FO_NS) != 0 ||
        strcmp((const char *)root->name, "root") != 0) {
        diag_add(diags, DIAG_ERROR, STAGE_FO, loc,
                 "this is not an XSL-FO document: the root element must be "
                 "fo:root in namespace " FO_NS);
        return NULL;
    }
    fo_tree *t = calloc(1, sizeof *t);
    if (!t)
        abort();
    t->arena = arena_new();
    t->file = arena_strdup(t->arena, file);
    builder b = {.tree = t, .diags = diags, .pctx = {t->arena, diags}, .file = t->file};
    source_tags_init(&b.tags, text, text_len);
    build_element(&b, NULL, root, 0);
    source_tags_free(&b.tags);
    VEC_FREE(&b.buf);
    VEC_FREE(&b.attrs);
    return t;
}

void fo_tree_free(fo_tree *t)
{
    if (!t)
        return;
    arena_free(t->arena);
    free(t);
}

static void recompute(fo_props_ctx *ctx, fo_node *n, const fo_props *parent)
{
    if (n->kind == FO_TEXT) {
        n->props = (fo_props *)parent;
        return;
    }
    n->props = fo_props_compute(ctx, (int)n->kind, parent, n->attrs, n->n_attrs);
    for (fo_node *c = n->first; c; c = c->next)
        recompute(ctx, c, n->props);
}

void fo_tree_recompute(fo_tree *t, fo_node *n, const fo_props *parent, diag_list *diags)
{
    fo_props_ctx ctx = {t->arena, diags};
    recompute(&ctx, n, parent);
}

static int check_node(const fo_node *n)
{
    const fo_node *prev = NULL;
    for (const fo_node *c = n->first; c; c = c->next) {
        if (c->parent != n || c->prev != prev || !c->props)
            return 0;
        if (!check_node(c))
            return 0;
        prev = c;
    }
    return n->last == prev;
}

int fo_tree_check(const fo_tree *t)
{
    return t && t->root && check_node(t->root);
}
