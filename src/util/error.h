/*
 * error.h - raising errors: the message kept for ag_error_last().  Private.
 */
#ifndef AG_UTIL_ERROR_H
#define AG_UTIL_ERROR_H

#include "actorgraph/common.h"

#if defined(__GNUC__)
#  define AG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define AG_PRINTF(f, a)
#endif

/* The longest error message kept, in bytes with its NUL. */
#define AG_ERROR_MAX 1024

/* Record an error message for this thread and return `code`. */
int ag__error(int code, const char *fmt, ...) AG_PRINTF(2, 3);
/* The same for out-of-memory, with a fixed message. */
int ag__enomem(void);

/*
 * Argument checks at the library's entry points, one convention for all:
 *   AG_CHECK_ARGS(g && out);                     "ag_graph_x: NULL argument"
 *   AG_CHECK_OPTIONS(opts, AG_X_OPTIONS_VERSION, "AG_X_OPTIONS_INIT");
 * opts == NULL always means the defaults; a non-NULL opts must carry the
 * version its initialiser sets: "ag_x: options version 7, expected 1 (use
 * AG_X_OPTIONS_INIT)".  Both return AG_EINVAL from the calling function.
 */
#define AG_CHECK_ARGS(cond) \
	do { \
		if (!(cond)) \
			return ag__error(AG_EINVAL, "%s: NULL argument", __func__); \
	} while (0)
#define AG_CHECK_OPTIONS(opts, expected, init) \
	do { \
		if ((opts) && (opts)->version != (expected)) \
			return ag__error(AG_EINVAL, "%s: options version %u, expected %u (use %s)", __func__, \
			                 (opts)->version, (unsigned)(expected), (init)); \
	} while (0)

#endif
