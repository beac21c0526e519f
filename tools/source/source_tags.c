#include "source_tags.h"

#include <string.h>

/* How many start tags past the cursor an element may be found at. The
 * right tag is normally the very next one (skipped subtrees are walked by
 * source_tags_skip); the few more cover elements the tree has and the text
 * has not. A bound keeps a mismatch from costing a scan of the rest of a
 * one-line document for every element after it. */
#define TAGS_LOOKAHEAD 32

typedef struct {
    source_tags_pos at; /* the '<' */
    size_t name_off, name_len;
    int end_line;       /* line of the closing '>' (libxml2's line) */
} tag;

void source_tags_init(source_tags *t, const char *text, size_t len)
{
    *t = (source_tags){.text = text, .len = text ? len : 0,
                       .cur = {0, 1, 1}};
}

void source_tags_free(source_tags *t)
{
    VEC_FREE(&t->attrs);
}

/* One byte forward; a column is counted at each UTF-8 lead byte. */
static void step(const source_tags *t, source_tags_pos *p)
{
    unsigned char c = (unsigned char)t->text[p->off++];
    if (c == '\n') {
        p->line++;
        p->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        p->col++;
    }
}

static int at(const source_tags *t, const source_tags_pos *p, const char *s)
{
    size_t n = strlen(s);
    return t->len - p->off >= n && memcmp(t->text + p->off, s, n) == 0;
}

static char cur_char(const source_tags *t, const source_tags_pos *p)
{
    return p->off < t->len ? t->text[p->off] : '\0';
}

/* To just after the next occurrence of end (or to the end of the text). */
static void skip_past(const source_tags *t, source_tags_pos *p, const char *end)
{
    while (p->off < t->len && !at(t, p, end))
        step(t, p);
    for (size_t k = strlen(end); k > 0 && p->off < t->len; k--)
        step(t, p);
}

static void skip_quoted(const source_tags *t, source_tags_pos *p)
{
    char q[2] = {cur_char(t, p), '\0'};
    step(t, p);
    skip_past(t, p, q);
}

/* <!DOCTYPE ... [ internal subset ] >: declarations there hold '>' and
 * quoted '<' ("<!ENTITY e '<fo:block/>'>"), so brackets, quotes, comments
 * and processing instructions are followed. */
static void skip_doctype(const source_tags *t, source_tags_pos *p)
{
    int depth = 0;
    while (p->off < t->len) {
        char c = cur_char(t, p);
        if (at(t, p, "<!--")) {
            skip_past(t, p, "-->");
        } else if (at(t, p, "<?")) {
            skip_past(t, p, "?>");
        } else if (c == '"' || c == '\'') {
            skip_quoted(t, p);
        } else {
            step(t, p);
            if (c == '[')
                depth++;
            else if (c == ']' && depth > 0)
                depth--;
            else if (c == '>' && depth == 0)
                return;
        }
    }
}

static int is_name_end(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' ||
           c == '/' || c == '=' || c == '"' || c == '\'' || c == '\0';
}

/* *p at the '<' of a start tag: reads its name and attribute names (into
 * t->attrs) up to just after its '>'. */
static void scan_start_tag(source_tags *t, source_tags_pos *p, tag *tg)
{
    tg->at = *p;
    step(t, p);
    tg->name_off = p->off;
    while (p->off < t->len && !is_name_end(cur_char(t, p)))
        step(t, p);
    tg->name_len = p->off - tg->name_off;
    tg->end_line = p->line;
    t->attrs.len = 0;
    while (p->off < t->len) {
        char c = cur_char(t, p);
        if (c == '>') {
            tg->end_line = p->line;
            step(t, p);
            return;
        }
        if (c == '"' || c == '\'') {
            skip_quoted(t, p);
        } else if (is_name_end(c)) {
            step(t, p);
        } else {
            source_tags_attr_at a = {p->off, 0, p->line, p->col};
            while (p->off < t->len && !is_name_end(cur_char(t, p)))
                step(t, p);
            a.name_len = p->off - a.name_off;
            VEC_PUSH(&t->attrs, a);
        }
    }
    tg->end_line = p->line;
}

/* To just after the next start tag, described in *tg; 0 at the end. */
static int next_tag(source_tags *t, source_tags_pos *p, tag *tg)
{
    while (p->off < t->len) {
        if (cur_char(t, p) != '<')
            step(t, p);
        else if (at(t, p, "<!--"))
            skip_past(t, p, "-->");
        else if (at(t, p, "<![CDATA["))
            skip_past(t, p, "]]>");
        else if (at(t, p, "<?"))
            skip_past(t, p, "?>");
        else if (at(t, p, "<!"))
            skip_doctype(t, p);
        else if (at(t, p, "</"))
            skip_past(t, p, ">");
        else {
            scan_start_tag(t, p, tg);
            return 1;
        }
    }
    return 0;
}

/* Text [off, off+len) is "prefix:name" (or "name" without a prefix). */
static int name_is(const source_tags *t, size_t off, size_t len,
                   const xmlNs *ns, const xmlChar *name)
{
    const char *s = t->text + off;
    if (ns && ns->prefix) {
        size_t pn = strlen((const char *)ns->prefix);
        if (len <= pn || memcmp(s, ns->prefix, pn) != 0 || s[pn] != ':')
            return 0;
        s += pn + 1;
        len -= pn + 1;
    }
    return strlen((const char *)name) == len && memcmp(s, name, len) == 0;
}

int source_tags_element(source_tags *t, const xmlNode *x, int *line)
{
    t->found = 0;
    if (!t->text || !x || x->type != XML_ELEMENT_NODE)
        return 0;
    long want = xmlGetLineNo(x);
    source_tags_pos p = t->cur;
    tag tg;
    for (int k = 0; k < TAGS_LOOKAHEAD && next_tag(t, &p, &tg); k++) {
        if (tg.end_line > want)
            break; /* lines only grow: it is not in the text */
        if (tg.end_line == want && name_is(t, tg.name_off, tg.name_len, x->ns, x->name)) {
            t->cur = p;
            t->found = 1;
            t->attr_next = 0;
            *line = tg.at.line;
            return tg.at.col;
        }
    }
    return 0;
}

int source_tags_attr(source_tags *t, const xmlAttr *a, int *line)
{
    size_t n = t->attrs.len;
    if (!t->found || !a || n == 0)
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = (t->attr_next + k) % n;
        const source_tags_attr_at *at_i = &t->attrs.v[i];
        if (name_is(t, at_i->name_off, at_i->name_len, a->ns, a->name)) {
            t->attr_next = i + 1;
            *line = at_i->line;
            return at_i->col;
        }
    }
    return 0;
}

void source_tags_skip(source_tags *t, const xmlNode *x)
{
    int line;
    const xmlNode *n = x ? x->children : NULL;
    while (n && n != x) {
        if (n->type == XML_ELEMENT_NODE) {
            source_tags_element(t, n, &line);
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n != x && !n->next)
            n = n->parent;
        if (n != x)
            n = n->next;
    }
}
