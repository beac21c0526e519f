/* source_path: which files the source stage may read, and resolving hrefs.
 *
 * Documents are hostile until proven otherwise: an href, an XInclude, an
 * external entity or an XSLT document() call may try to read /etc/passwd or
 * a URL. Every read the source stage allows goes through one rule: the file's
 * canonical path (realpath: symlinks and ".." resolved) must lie inside one of
 * a short list of canonical "root" folders. Which roots apply depends on the
 * step:
 *   loading a document:     the document's folder tree + opts->allowed_roots
 *   compiling a stylesheet: the project root + the stylesheet's folder
 *                           + opts->allowed_roots
 *   transforming:           the project root + the document's folder
 *                           + opts->allowed_roots
 *   resolving an href (images, later stages): the document's folder tree,
 *                           <project>/styles, <project>/fonts
 *                           + opts->allowed_roots
 * Network reads are never allowed.
 *
 * Memory: source_roots owns its strings (source_roots_free). The path that
 * source_resolve_path returns is malloc'd; the caller frees it. */
#ifndef MKDOC_SOURCE_PATH_H
#define MKDOC_SOURCE_PATH_H

#include <stddef.h>

#include "../base/diag.h"
#include "../base/vec.h"

typedef struct {
    const char *project_root;         /* where styles/ and fonts/ live; NULL = "." */
    const char *const *allowed_roots; /* extra readable folders; not owned */
    size_t n_allowed_roots;
} source_opts;

/* Resolves href (a relative or absolute path, or a file: URI) against the
 * folder of base_file ("<stdin>" or NULL: the current folder) and checks it
 * against the href roots above. On success stores a malloc'd canonical
 * absolute path in *out and returns 0. On failure (missing file, network
 * URL, escape from the allowed folders) appends an error at `at` to diags,
 * sets *out = NULL and returns -1. */
int source_resolve_path(const char *base_file, const char *href,
                        const source_opts *opts, diag_loc at, char **out,
                        diag_list *diags);

/* ---- shared by the source_* modules ---- */

typedef struct {
    VEC(char *) dirs; /* canonical absolute folders, owned */
} source_roots;

/* Adds the canonical form of dir (ignored if it does not exist: a folder
 * that does not exist cannot hold a file to read). */
void source_roots_add(source_roots *r, const char *dir);
/* Adds the folder containing file ("<stdin>" or NULL: the current folder). */
void source_roots_add_dir_of(source_roots *r, const char *file);
void source_roots_add_opts(source_roots *r, const source_opts *opts);
void source_roots_free(source_roots *r);
/* Describes the roots for messages: "docs/a, /x/styles" (malloc'd). */
char *source_roots_describe(const source_roots *r);

/* Does url start with a URI scheme ("file:", "http:")? */
int source_url_has_scheme(const char *url);

/* Outcome of checking one URL or path against the roots. */
typedef enum {
    SOURCE_PATH_OK,       /* *canon set: malloc'd canonical path */
    SOURCE_PATH_MISSING,  /* does not exist (or cannot be canonicalised) */
    SOURCE_PATH_NETWORK,  /* a URL with a scheme other than file: */
    SOURCE_PATH_OUTSIDE   /* exists, but outside every root */
} source_path_verdict;

/* url as libxml2 hands it over: a path, possibly %-escaped, or a URI. A
 * relative path is taken relative to the current folder (libxml2 has
 * already resolved it against the including document). */
source_path_verdict source_roots_check(const source_roots *r, const char *url,
                                       char **canon);

#endif
