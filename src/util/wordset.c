/*
 * wordset.c - fixed word lists looked up by hash instead of by scanning
 * them with strcmp.  A set is a static NULL-terminated list; its table is
 * built on first use.  Threads that race to build it each build a table and
 * the first to publish it wins (the others free theirs), so a set needs no
 * initialisation call and no lock.  Published tables live until exit.
 */
#include <stdatomic.h>
#include <stdlib.h>

#include "util/wordset.h"

static struct ag__wordtab *build(const char *const *words)
{
	size_t n = 0, slots = 16;
	struct ag__wordtab *t;

	while (words[n])
		n++;
	while (slots < 2 * n)
		slots *= 2;
	t = malloc(sizeof(*t) + slots * (2 * sizeof(uint32_t) + sizeof(int32_t)));
	if (!t)
		return NULL;
	t->bloom = 0;
	t->mask = (uint32_t)(slots - 1);
	t->hashes = (uint32_t *)(t + 1);
	t->lens = t->hashes + slots;
	t->index = (int32_t *)(t->lens + slots);
	for (size_t j = 0; j < slots; j++)
		t->index[j] = -1;
	for (size_t k = 0; k < n; k++) {
		size_t len = strlen(words[k]);
		uint32_t h = ag__hash_step(AG_HASH_INIT, words[k], len);
		size_t j = h & t->mask;
		bool dup = false;
		while (t->index[j] >= 0) {
			/* a word listed twice keeps its first index, as a scan would find it */
			if (t->hashes[j] == h && t->lens[j] == len && strcmp(words[t->index[j]], words[k]) == 0) {
				dup = true;
				break;
			}
			j = (j + 1) & t->mask;
		}
		if (dup)
			continue;
		t->bloom |= UINT64_C(1) << (h >> 26);
		t->hashes[j] = h;
		t->lens[j] = (uint32_t)len;
		t->index[j] = (int32_t)k;
	}
	return t;
}

static int scan(const char *const *words, const char *s)
{
	for (size_t k = 0; words[k]; k++)
		if (strcmp(words[k], s) == 0)
			return (int)k;
	return -1;
}

int ag__wordset_find_slow(ag_wordset *ws, uint32_t hstate, const char *s, size_t n)
{
	struct ag__wordtab *t = atomic_load_explicit(&ws->tab, memory_order_acquire);

	if (!t) {
		struct ag__wordtab *mine = build(ws->words), *expected = NULL;
		if (!mine)
			return scan(ws->words, s); /* out of memory: still correct, only slower */
		if (!atomic_compare_exchange_strong_explicit(&ws->tab, &expected, mine, memory_order_acq_rel,
		                                             memory_order_acquire))
			free(mine); /* another thread published first: expected is its table */
	}
	return ag__wordset_find(ws, hstate, s, n);
}
