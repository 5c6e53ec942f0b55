/*
 * actorgraph/common.h - version, export macro and error reporting.
 *
 * Every fallible function returns an int: 0 (AG_OK) on success or a negative
 * AG_E* code.  The message of the last failure on the calling thread is read
 * back with ag_error_last().  Errors are per thread, so separate graphs may be
 * processed from separate threads.
 */
#ifndef ACTORGRAPH_COMMON_H
#define ACTORGRAPH_COMMON_H

#include <stddef.h>

#if defined(AG_BUILDING) && defined(__GNUC__)
#  define AG_EXTERN __attribute__((visibility("default")))
#else
#  define AG_EXTERN
#endif

#define AG_VERSION_MAJOR 0
#define AG_VERSION_MINOR 1
#define AG_VERSION_PATCH 0
#define AG_VERSION "0.1.0"

#ifdef __cplusplus
extern "C" {
#endif

/** Error codes; every failing call returns one of these (all negative). */
typedef enum {
	AG_OK = 0,
	AG_ERROR = -1,     /**< generic failure */
	AG_ENOMEM = -2,    /**< out of memory */
	AG_EIO = -3,       /**< a file could not be read or written */
	AG_EINVAL = -4,    /**< a bad argument or option */
	AG_EPARSE = -5,    /**< malformed input (JSON, gazetteer, date) */
	AG_ENOTFOUND = -6, /**< a named node, file or engine does not exist */
	AG_ELIMIT = -7,    /**< an input exceeds a documented size limit */
	AG_EENCODING = -8  /**< text is not valid UTF-8 (strict mode) */
} ag_error_code;

/**
 * The message of the last error raised on this thread, or "" when none.
 * The string is owned by the library and valid until the next failing call
 * on the same thread.
 */
AG_EXTERN const char *ag_error_last(void);

/** The code of the last error raised on this thread (AG_OK when none). */
AG_EXTERN int ag_error_last_code(void);

/** Forget the last error of this thread. */
AG_EXTERN void ag_error_clear(void);

/** The library version string, e.g. "0.1.0" (static; AG_VERSION is the header's). */
AG_EXTERN const char *ag_version(void);

#ifdef __cplusplus
}
#endif
#endif
