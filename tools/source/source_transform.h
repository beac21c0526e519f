/* source_transform: running mkdoc's XSLT stylesheets on a source document.
 *
 * Owns the XSLT step: compiling a stylesheet (with EXSLT), applying it with
 * string parameters, the mk:loc() extension function, and the security
 * policy of the run:
 *   - no writing files, creating folders or any network access
 *     (exsl:document, saxon:output and friends fail with an error and
 *     create nothing);
 *   - reading (document(), xsl:import/include, DTDs of loaded documents)
 *     only inside the project root, the source document's folder (for
 *     compiling: the stylesheet's folder) and opts->allowed_roots.
 *
 * mk:loc(node-set?) in namespace urn:mkdoc:ext returns "FILE:LINE:COL" (or
 * "FILE:LINE" when the start tag cannot be found in the file) of the
 * first node (document order) of its argument, or of the context node
 * without one; "" when the node has no known file (a result tree fragment).
 * FILE is the document's name as given to source_load_* (source_loc.h).
 *     <fo:block xmlns:mk="urn:mkdoc:ext" mk:loc="{mk:loc()}">
 *
 * Messages: libxslt errors become errors at the stylesheet's FILE:LINE.
 * xsl:message output becomes a warning, and the stylesheet can say more:
 *     <xsl:message><xsl:value-of select="mk:loc()"/>: error: ...</xsl:message>
 * i.e. an optional leading "FILE:LINE: " sets the location and an optional
 * "error: " / "warning: " / "note: " the severity. terminate="yes" makes the
 * transform fail.
 *
 * Memory: source_stylesheet_load returns a stylesheet the caller frees with
 * source_stylesheet_free (it can be applied to many documents: an archive
 * build compiles once). source_transform returns the result document (the
 * FO), freed by the caller with xmlFreeDoc, or NULL on any error. */
#ifndef MKDOC_SOURCE_TRANSFORM_H
#define MKDOC_SOURCE_TRANSFORM_H

#include <stddef.h>

#include <libxml/tree.h>

#include "../base/diag.h"
#include "source_path.h"

#define SOURCE_EXT_NS "urn:mkdoc:ext"

typedef struct source_stylesheet source_stylesheet;

/* A top-level xsl:param; value is a plain string (never an XPath
 * expression, so a value cannot inject one). Both borrowed. */
typedef struct {
    const char *name;
    const char *value;
} source_param;

source_stylesheet *source_stylesheet_load(const char *xsl_path,
                                          const source_opts *opts,
                                          diag_list *diags);
void source_stylesheet_free(source_stylesheet *style);

xmlDocPtr source_transform(source_stylesheet *style, xmlDocPtr doc,
                           const source_param *params, size_t n_params,
                           const source_opts *opts, diag_list *diags);

/* Compile, apply once, free the stylesheet. */
xmlDocPtr source_transform_file(const char *xsl_path, xmlDocPtr doc,
                                const source_param *params, size_t n_params,
                                const source_opts *opts, diag_list *diags);

#endif
