/* units: the one length type of layout.
 *
 * Lengths are integers in 1/1024 pt (Pango units at 72 dpi), so layout
 * decisions never depend on floating-point rounding and traces are stable.
 * A4 is 862,208 x 609,526 units; int32 holds ~2 km. Sums over many lines
 * use int64 (see linebreak.c). */
#ifndef MKDOC_UNITS_H
#define MKDOC_UNITS_H

#include <stdint.h>

typedef int32_t mk_len;

#define MK_PT 1024
#define MK_FROM_PT(pt) ((mk_len)((pt) * MK_PT))
#define MK_TO_PT(x) ((double)(x) / MK_PT)
#define MK_LEN_MAX INT32_MAX

#endif
