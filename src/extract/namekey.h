/*
 * namekey.h - the spelling-tolerant key of a name (namekey.c), shared by the
 * person finder and identity resolution.
 */
#ifndef AG_EXTRACT_NAMEKEY_H
#define AG_EXTRACT_NAMEKEY_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/wordset.h"

/* The key of a folded name: y as i, doubled letters single. */
int ag__name_key(const char *folded, size_t n, ag_buf *out);
/* The set of name particles, for token lookups (ag__tok_in). */
ag_wordset *ag__particles(void);
/* Is this folded word a name particle (von, der, bin, al, ...)? */
bool ag__is_particle(const char *folded);

#endif
