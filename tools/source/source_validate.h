/* source_validate: checking the user's XML against its RELAX NG schema.
 *
 * The schema is chosen by the root element's name through a table
 * (source_validate.c): <report> -> styles/report.rng, relative to the
 * project root; more publications ("bulletin", "proposal") are one line
 * each. Every problem libxml2's RELAX NG validator finds becomes an error
 * with the node's FILE:LINE (libxml2 keeps no columns in the tree, so col is
 * 0; for XIncluded content FILE is the included file). Problems in the
 * schema itself are reported against the schema file.
 *
 * Reads (the schema and its includes) are confined to the project root, the
 * schema's folder and opts->allowed_roots (source_path.h).
 *
 * Return values: 0 = valid; -1 = not valid, no schema known for the root,
 * or the schema could not be read: the reasons are in diags. The exit code
 * is the CLI's choice. Nothing is allocated for the caller, except a
 * compiled schema (source_schema_load), freed with source_schema_free.
 *
 * Compiling report.rng takes ~30 ms, far more than validating a document
 * against it: a caller validating many documents (a fuzzer, an archive
 * build) compiles once with source_schema_load. */
#ifndef MKDOC_SOURCE_VALIDATE_H
#define MKDOC_SOURCE_VALIDATE_H

#include <libxml/tree.h>

#include "../base/diag.h"
#include "source_path.h"

/* The schema file for a root element name, relative to the project root
 * ("styles/report.rng"), or NULL when none is known. */
const char *source_schema_for(const char *root_name);

/* Validates doc against the schema its root element calls for. */
int source_validate(xmlDocPtr doc, const source_opts *opts, diag_list *diags);

/* Validates doc against the RELAX NG schema at rng_path (used as given). */
int source_validate_with(xmlDocPtr doc, const char *rng_path,
                         const source_opts *opts, diag_list *diags);

/* A compiled RELAX NG schema, reusable for any number of documents. */
typedef struct source_schema source_schema;

/* Compiles the schema at rng_path (reads confined as above); NULL, with
 * the reasons in diags, when it cannot be read or is not a valid schema. */
source_schema *source_schema_load(const char *rng_path, const source_opts *opts,
                                  diag_list *diags);
/* Validates doc against a compiled schema: 0 = valid, -1 = not (why: in
 * diags). The schema is not changed. */
int source_schema_validate(const source_schema *schema, xmlDocPtr doc,
                           const source_opts *opts, diag_list *diags);
void source_schema_free(source_schema *schema);

#endif
