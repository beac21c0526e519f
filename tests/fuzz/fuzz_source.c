/* libFuzzer target for the source stage: loading and validating the user's
 * XML.
 *
 * The bytes are a source document named fuzz.xml in the current folder,
 * loaded by source_load_memory (the secure loader: no network, bounded
 * entities and nesting, XInclude and external entities confined to the
 * folder) and, when it loads, validated against styles/report.rng. Neither
 * may crash, nor report an internal error; a document that loads has a
 * root element.
 *
 * The schema is compiled once per process (source_schema_load): compiling
 * it per input (~30 ms) was most of the time of each execution.
 *
 * Run from the project root (styles/report.rng), or set MKDOC_HOME:
 *   make fuzz && build-fuzz/fuzz_source CORPUS_DIR */
#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <libxml/tree.h>

#include "../../tools/base/diag.h"
#include "../../tools/source/source_load.h"
#include "../../tools/source/source_validate.h"

static char root[PATH_MAX], rng[PATH_MAX + 32];
static source_schema *schema; /* kept for the whole process */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *home = getenv("MKDOC_HOME");
    snprintf(root, sizeof root, "%s", home && *home ? home : ".");
    snprintf(rng, sizeof rng, "%s/styles/report.rng", root);
    diag_list *diags = diag_list_new();
    source_opts so = {root, NULL, 0};
    schema = source_schema_load(rng, &so, diags);
    diag_list_free(diags);
    if (!schema) {
        fprintf(stderr, "fuzz_source: cannot compile %s (run from the project "
                        "root or set MKDOC_HOME)\n", rng);
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    source_opts so = {root, NULL, 0};
    xmlDocPtr doc = source_load_memory((const char *)data, size, "fuzz.xml", &so, diags);
    if (doc) {
        assert(xmlDocGetRootElement(doc) != NULL);
        int rc = source_schema_validate(schema, doc, &so, diags);
        assert(rc == 0 || diag_count_severity(diags, DIAG_ERROR) > 0);
        xmlFreeDoc(doc);
    } else {
        assert(diag_count_severity(diags, DIAG_ERROR) > 0);
    }
    assert(diag_count_severity(diags, DIAG_INTERNAL) == 0);
    diag_list_free(diags);
    return 0;
}
