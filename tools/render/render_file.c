/* render_file: temporary-file-and-rename output. See render_file.h. */
#include "render_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Tries this many random names before giving up (each clash means another
 * process made the same name: more is pointless). */
#define RENDER_FILE_TRIES 100

/* The temporary files open in this process, for render_file_remove_all_tmp.
 * A signal handler can reach nothing but process-wide state, so this is
 * mkdoc's one mutable global: a slot is set when a file is created and
 * cleared before its path is freed, by the thread that owns the
 * render_file; the handler only reads. mkdoc has at most a PDF and a trace
 * open at once; files beyond RENDER_FILE_TRACKED are still removed by a
 * failed run, only not by a signal. */
#define RENDER_FILE_TRACKED 16
static char *volatile render_file_tracked[RENDER_FILE_TRACKED];

static void render_file_track(char *tmp)
{
    for (int k = 0; k < RENDER_FILE_TRACKED; k++)
        if (!render_file_tracked[k]) {
            render_file_tracked[k] = tmp;
            return;
        }
}

static void render_file_untrack(const char *tmp)
{
    for (int k = 0; tmp && k < RENDER_FILE_TRACKED; k++)
        if (render_file_tracked[k] == tmp)
            render_file_tracked[k] = NULL;
}

void render_file_remove_all_tmp(void)
{
    for (int k = 0; k < RENDER_FILE_TRACKED; k++) {
        char *tmp = render_file_tracked[k];
        if (tmp)
            unlink(tmp);
    }
}

/* mkstemp would do, but it creates the file with mode 0600, and the final
 * PDF must get the usual permissions from the umask (0666 & ~umask);
 * reading the umask means setting it, which is not thread-safe. So the
 * name is made here and the file created with O_EXCL, as mkstemp does. */
static void render_file_name(char *out, size_t n, const char *target, uint64_t seed)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    char x[7];
    for (int k = 0; k < 6; k++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        x[k] = digits[(seed >> 33) % 36];
    }
    x[6] = 0;
    snprintf(out, n, "%s.%s.tmp", target, x);
}

static uint64_t render_file_seed(int attempt)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 30 ^ (uint64_t)getpid() << 12 ^
           (uint64_t)attempt;
}

int render_file_open(render_file *rf, const char *target, diag_list *diags)
{
    memset(rf, 0, sizeof *rf);
    size_t n = strlen(target) + 16;
    char *tmp = malloc(n);
    if (!tmp || !(rf->target = strdup(target)))
        abort();
    int fd = -1;
    for (int k = 0; k < RENDER_FILE_TRIES && fd < 0; k++) {
        render_file_name(tmp, n, target, render_file_seed(k));
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0 || !(rf->f = fdopen(fd, "wb"))) {
        int err = errno;
        diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){ diag_intern(diags, target), 0, 0 },
                 "cannot create a file next to '%s': %s; check that the folder exists and is writable",
                 target, strerror(err));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        free(tmp);
        free(rf->target);
        rf->target = NULL;
        return -1;
    }
    rf->tmp = tmp;
    render_file_track(tmp);
    return 0;
}

int render_file_commit(render_file *rf, diag_list *diags)
{
    if (!rf->f)
        return -1;
    /* fsync before rename: after a crash the target is the old file or
     * the complete new one, never an empty one. */
    errno = 0;
    int bad = fflush(rf->f) != 0 || ferror(rf->f) || fsync(fileno(rf->f)) != 0;
    int err = bad ? errno : 0;
    if (fclose(rf->f) != 0 && !bad)
        bad = 1, err = errno;
    rf->f = NULL;
    if (!bad && rename(rf->tmp, rf->target) != 0)
        bad = 1, err = errno;
    if (!bad) {
        render_file_untrack(rf->tmp);
        free(rf->tmp);
        rf->tmp = NULL;
        render_file_discard(rf);
        return 0;
    }
    diag_add(diags, DIAG_ERROR, STAGE_RENDER, (diag_loc){ diag_intern(diags, rf->target), 0, 0 },
             "cannot write '%s': %s; the previous file, if any, is unchanged",
             rf->target, err ? strerror(err) : "output error");
    render_file_discard(rf);
    return -1;
}

void render_file_discard(render_file *rf)
{
    if (rf->f)
        fclose(rf->f);
    if (rf->tmp)
        unlink(rf->tmp);
    render_file_untrack(rf->tmp);
    free(rf->tmp);
    free(rf->target);
    memset(rf, 0, sizeof *rf);
}
