/*
 * wordset.h - fixed word lists looked up by hash (wordset.c).  Private.
 */
#ifndef AG_UTIL_WORDSET_H
#define AG_UTIL_WORDSET_H

#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "util/map.h"

/* A fixed set of words (a NULL-terminated static list), looked up by hash.
 * The table is built on first use and published atomically, so one static
 * set can be shared by threads without locking. */
struct ag__wordtab;
typedef struct {
	const char *const *words;
	_Atomic(struct ag__wordtab *) tab;
} ag_wordset;
#define AG_WORDSET(list) {(list), NULL}

/* The table of a set (wordset.c): open addressing by FNV state. */
struct ag__wordtab {
	uint64_t bloom;      /* bit (hash >> 26) of every word: most misses end here */
	uint32_t mask;       /* slots - 1 */
	uint32_t *hashes;    /* FNV state of the word in each slot */
	int32_t *index;      /* index in the list, or -1 for an empty slot */
	uint32_t *lens;
	/* the three arrays follow the header in the same allocation */
};

/* The lookup when the set has no table yet (builds and publishes it). */
int ag__wordset_find_slow(ag_wordset *ws, uint32_t hstate, const char *s, size_t n);

/* Index in the list of the word s[0..n) (whose FNV state from AG_HASH_INIT
 * is `hstate`), or -1.  s must be NUL-terminated at n: it is matched as a C
 * string, exactly as strcmp would.  Inline: it is called for most tokens. */
static inline int ag__wordset_find(ag_wordset *ws, uint32_t hstate, const char *s, size_t n)
{
	const struct ag__wordtab *t = atomic_load_explicit(&ws->tab, memory_order_acquire);
	if (!t)
		return ag__wordset_find_slow(ws, hstate, s, n);
	if (!((t->bloom >> (hstate >> 26)) & 1))
		return -1;
	for (uint32_t j = hstate & t->mask; t->index[j] >= 0; j = (j + 1) & t->mask) {
		/* n + 1 bytes: the NUL too, so a match is exactly strcmp's */
		if (t->hashes[j] == hstate && t->lens[j] == n && memcmp(ws->words[t->index[j]], s, n + 1) == 0)
			return t->index[j];
	}
	return -1;
}

#endif
