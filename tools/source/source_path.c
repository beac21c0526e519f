/* realpath() is XSI: ask for it here rather than change the build flags. */
#define _XOPEN_SOURCE 700

#include "source_path.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

static char *path_dup(const char *s)
{
    char *d = strdup(s);
    if (!d)
        abort();
    return d;
}

/* "dir/file.xml" -> "dir"; "file.xml", "<stdin>", NULL -> "." */
static char *path_dirname(const char *file)
{
    const char *slash = file ? strrchr(file, '/') : NULL;
    if (!slash)
        return path_dup(".");
    if (slash == file)
        return path_dup("/");
    char *d = path_dup(file);
    d[slash - file] = '\0';
    return d;
}

static char *path_join(const char *dir, const char *rel)
{
    if (rel[0] == '/')
        return path_dup(rel);
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = malloc(n);
    if (!p)
        abort();
    snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

void source_roots_add(source_roots *r, const char *dir)
{
    char *canon = dir ? realpath(dir, NULL) : NULL;
    if (canon)
        VEC_PUSH(&r->dirs, canon);
}

void source_roots_add_dir_of(source_roots *r, const char *file)
{
    char *dir = path_dirname(file);
    source_roots_add(r, dir);
    free(dir);
}

void source_roots_add_opts(source_roots *r, const source_opts *opts)
{
    if (!opts)
        return;
    for (size_t i = 0; i < opts->n_allowed_roots; i++)
        source_roots_add(r, opts->allowed_roots[i]);
}

void source_roots_free(source_roots *r)
{
    for (size_t i = 0; i < r->dirs.len; i++)
        free(r->dirs.v[i]);
    VEC_FREE(&r->dirs);
}

char *source_roots_describe(const source_roots *r)
{
    size_t n = 1;
    for (size_t i = 0; i < r->dirs.len; i++)
        n += strlen(r->dirs.v[i]) + 2;
    char *s = calloc(1, n + 16);
    if (!s)
        abort();
    if (r->dirs.len == 0)
        strcpy(s, "none");
    for (size_t i = 0; i < r->dirs.len; i++) {
        if (i)
            strcat(s, ", ");
        strcat(s, r->dirs.v[i]);
    }
    return s;
}

/* RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
 * One letter is not taken as a scheme ("C:" would be a drive). Returns the
 * scheme's length, 0 if none. */
static size_t url_scheme_len(const char *url)
{
    size_t i = 0;
    if (!isalpha((unsigned char)url[0]))
        return 0;
    while (isalnum((unsigned char)url[i]) || url[i] == '+' || url[i] == '-' ||
           url[i] == '.')
        i++;
    return url[i] == ':' && i >= 2 ? i : 0;
}

int source_url_has_scheme(const char *url)
{
    return url && url_scheme_len(url) > 0;
}

/* The local path a URL names, malloc'd; NULL if it names a network
 * resource. file://host/ with a host other than localhost is network. */
static char *url_to_path(const char *url, int *network)
{
    size_t slen = url_scheme_len(url);
    *network = 0;
    if (slen == 0)
        return path_dup(url);
    if (slen != 4 || strncasecmp(url, "file", 4) != 0) {
        *network = 1;
        return NULL;
    }
    xmlURIPtr uri = xmlParseURI(url);
    char *path = NULL;
    if (uri && uri->path &&
        (!uri->server || uri->server[0] == '\0' ||
         strcmp(uri->server, "localhost") == 0))
        path = path_dup(uri->path);
    else
        *network = uri && uri->server;
    xmlFreeURI(uri);
    return path;
}

/* realpath of path; if that fails, of its %-unescaped form, since libxml2
 * hands over escaped URI references ("my%20file.xml"). */
static char *canonical(const char *path)
{
    char *canon = realpath(path, NULL);
    if (canon || !strchr(path, '%'))
        return canon;
    char *plain = xmlURIUnescapeString(path, 0, NULL);
    if (plain) {
        canon = realpath(plain, NULL);
        xmlFree(plain);
    }
    return canon;
}

static int path_inside(const char *canon, const char *root)
{
    size_t n = strlen(root);
    if (strcmp(root, "/") == 0)
        return 1;
    return strncmp(canon, root, n) == 0 && (canon[n] == '\0' || canon[n] == '/');
}

source_path_verdict source_roots_check(const source_roots *r, const char *url,
                                       char **canon)
{
    int network = 0;
    *canon = NULL;
    char *path = url ? url_to_path(url, &network) : NULL;
    if (!path)
        return network ? SOURCE_PATH_NETWORK : SOURCE_PATH_MISSING;
    char *c = canonical(path);
    free(path);
    if (!c)
        return SOURCE_PATH_MISSING;
    for (size_t i = 0; i < r->dirs.len; i++) {
        if (path_inside(c, r->dirs.v[i])) {
            *canon = c;
            return SOURCE_PATH_OK;
        }
    }
    free(c);
    return SOURCE_PATH_OUTSIDE;
}

static void href_roots(source_roots *r, const char *base_file,
                       const source_opts *opts)
{
    const char *project = opts && opts->project_root ? opts->project_root : ".";
    char *styles = path_join(project, "styles");
    char *fonts = path_join(project, "fonts");
    source_roots_add_dir_of(r, base_file);
    source_roots_add(r, styles);
    source_roots_add(r, fonts);
    source_roots_add_opts(r, opts);
    free(styles);
    free(fonts);
}

static void href_refuse(source_path_verdict v, const char *href,
                        const char *path, const source_roots *r, diag_loc at,
                        diag_list *diags)
{
    if (v == SOURCE_PATH_NETWORK) {
        diag_add(diags, DIAG_ERROR, STAGE_SOURCE, at,
                 "'%s' is a network address and mkdoc reads only local files; "
                 "save the file next to the document and refer to it by a "
                 "relative path", href);
    } else if (v == SOURCE_PATH_MISSING) {
        diag_add(diags, DIAG_ERROR, STAGE_SOURCE, at,
                 "cannot find '%s' (looked for %s); check the spelling and "
                 "that the file exists", href, path);
    } else {
        char *roots = source_roots_describe(r);
        diag_add(diags, DIAG_ERROR, STAGE_SOURCE, at,
                 "'%s' is outside the folders mkdoc may read (%s); move the "
                 "file into the document's folder or allow its folder with "
                 "--allow-root DIR", href, roots);
        free(roots);
    }
}

int source_resolve_path(const char *base_file, const char *href,
                        const source_opts *opts, diag_loc at, char **out,
                        diag_list *diags)
{
    source_roots roots = {0};
    char *path = NULL;
    source_path_verdict v = SOURCE_PATH_NETWORK;
    *out = NULL;
    href_roots(&roots, base_file, opts);
    if (url_scheme_len(href) == 0) {
        char *dir = path_dirname(base_file);
        path = path_join(dir, href);
        free(dir);
        v = source_roots_check(&roots, path, out);
    } else {
        v = source_roots_check(&roots, href, out);
    }
    if (v != SOURCE_PATH_OK)
        href_refuse(v, href, path ? path : href, &roots, at, diags);
    free(path);
    source_roots_free(&roots);
    return v == SOURCE_PATH_OK ? 0 : -1;
}
