/* render_file: atomic output files for the renderers.
 *
 * A renderer never writes its target directly: it writes a temporary file
 * "NAME.XXXXXX.tmp" in the target's folder (same file system, so the final
 * rename is atomic) and renames it onto the target only when everything
 * succeeded. A failed or abandoned run therefore never leaves a partial
 * file and never touches an existing good one. The render_file owns the
 * temporary path and the FILE; render_file_discard (safe to call after a
 * commit, and twice) removes what is left. */
#ifndef MKDOC_RENDER_FILE_H
#define MKDOC_RENDER_FILE_H

#include <stdio.h>
#include "../base/diag.h"

typedef struct {
    char *target;   /* owned */
    char *tmp;      /* owned; NULL once committed or discarded */
    FILE *f;        /* open on tmp until commit/discard */
} render_file;

/* Creates the temporary file. Returns 0, or -1 with an error diag. */
int render_file_open(render_file *rf, const char *target, diag_list *diags);
/* Flushes, closes and renames onto the target. Returns 0 or -1 (+diag);
 * on failure the temporary file is removed. */
int render_file_commit(render_file *rf, diag_list *diags);
/* Closes and removes the temporary file if any, frees the paths. */
void render_file_discard(render_file *rf);

/* Removes every temporary file of this process not yet committed or
 * discarded, for a signal handler (abort, Ctrl-C): it calls nothing but
 * unlink(2), which is async-signal-safe, so that a run stopped by a signal
 * leaves no partial file either. */
void render_file_remove_all_tmp(void);

#endif
