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

/* Several sets looked up at once: for a word, the mask of the sets (at
 * most 64) that hold it, bit k for sets[k].  A stage that asks of each token
 * whether it is in this set or that one asks once per token instead
 * (meetings.c).  The table is built on first use and published as a set's
 * is. */
struct ag__lextab;
typedef struct {
	ag_wordset *const *sets; /* NULL-terminated */
	_Atomic(struct ag__lextab *) tab;
} ag_lexicon;
#define AG_LEXICON(sets) {(sets), NULL}

/* The table of a lexicon (wordset.c): open addressing by final FNV hash. */
struct ag__lextab {
	uint32_t mask;     /* slots - 1 */
	uint32_t *hashes;  /* final FNV hash of the word in each slot; 0 = an empty slot */
	uint32_t *lens;
	const char **words;
	uint64_t *bits;
	/* the arrays follow the header in the same allocation */
};

/* The lookup when the lexicon has no table yet (builds and publishes it). */
uint64_t ag__lexicon_bits_slow(ag_lexicon *lx, uint32_t hstate, const char *s, size_t n);

/* The mask of the word s[0..n) (FNV state `hstate`, NUL-terminated at n, as
 * for ag__wordset_find).  Inline: it is called for every word of a text. */
static inline uint64_t ag__lexicon_bits(ag_lexicon *lx, uint32_t hstate, const char *s, size_t n)
{
	const struct ag__lextab *t = atomic_load_explicit(&lx->tab, memory_order_acquire);
	uint32_t h = hstate ? hstate : 1; /* ag__hash_final */
	if (!t)
		return ag__lexicon_bits_slow(lx, hstate, s, n);
	for (uint32_t j = h & t->mask; t->hashes[j]; j = (j + 1) & t->mask)
		if (t->hashes[j] == h && t->lens[j] == n && memcmp(t->words[j], s, n + 1) == 0)
			return t->bits[j];
	return 0;
}

#endif
