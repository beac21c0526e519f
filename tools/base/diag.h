/* diag: errors and warnings as values.
 *
 * Every stage appends problems to a diag_list that the caller owns; no stage
 * prints or exits. Only the CLI renders the list (diag_print) and chooses
 * the exit code. A location names the user's file where it is known (the
 * source XML behind an FO element), else the FO file itself. Strings given
 * to diag_add are copied: the list owns everything in it. */
#ifndef MKDOC_DIAG_H
#define MKDOC_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR, DIAG_INTERNAL } diag_severity;

typedef enum {
    STAGE_CLI, STAGE_SOURCE, STAGE_VALIDATE, STAGE_XSLT, STAGE_FO,
    STAGE_TEXT, STAGE_LAYOUT, STAGE_RENDER
} diag_stage;

typedef struct {
    const char *file; /* not owned: interned by the list */
    int line;         /* 1-based; 0 = unknown */
    int col;          /* 1-based; 0 = unknown */
} diag_loc;

typedef struct {
    diag_severity severity;
    diag_stage stage;
    diag_loc loc;
    char *message; /* owned */
} diag;

typedef struct diag_list diag_list;

diag_list *diag_list_new(void);
void diag_list_free(diag_list *list);

/* Appends one problem; fmt is printf-style. Returns severity for chaining
 * into "return diag_add(...) == DIAG_ERROR ? -1 : 0" style code. */
diag_severity diag_add(diag_list *list, diag_severity sev, diag_stage stage,
                       diag_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
diag_severity diag_addv(diag_list *list, diag_severity sev, diag_stage stage,
                        diag_loc loc, const char *fmt, va_list ap);

/* A copy of the file name owned by the list, for building diag_loc values
 * that outlive the caller's buffers. */
const char *diag_intern(diag_list *list, const char *file);

/* Moves every diag of src to the end of dst (src is left empty). */
void diag_list_move(diag_list *dst, diag_list *src);
/* Drops every diag of the list. */
void diag_list_clear(diag_list *list);

size_t diag_count(const diag_list *list);
size_t diag_count_severity(const diag_list *list, diag_severity sev);
const diag *diag_at(const diag_list *list, size_t i);

/* Drops warnings after the first max_per_message of identical text so a
 * 300-page document with one missing glyph does not print 5,000 lines. */
void diag_print(const diag_list *list, FILE *out, int quiet_warnings);

#endif
