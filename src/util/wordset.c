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

/* ---- lexicons: the union of several sets, each word with its mask ---- */

static struct ag__lextab *build_lexicon(ag_wordset *const *sets)
{
	size_t n = 0, slots = 16;
	struct ag__lextab *t;

	for (size_t k = 0; sets[k]; k++)
		for (size_t w = 0; sets[k]->words[w]; w++)
			n++;
	while (slots < 2 * n)
		slots *= 2;
	t = calloc(1, sizeof(*t) + slots * (2 * sizeof(uint32_t) + sizeof(const char *) + sizeof(uint64_t)));
	if (!t)
		return NULL;
	t->mask = (uint32_t)(slots - 1);
	t->bits = (uint64_t *)(t + 1);
	t->words = (const char **)(t->bits + slots);
	t->hashes = (uint32_t *)(t->words + slots);
	t->lens = t->hashes + slots;
	for (size_t k = 0; sets[k] && k < 64; k++) {
		for (size_t w = 0; sets[k]->words[w]; w++) {
			const char *word = sets[k]->words[w];
			size_t len = strlen(word);
			uint32_t h = ag__hash_final(ag__hash_step(AG_HASH_INIT, word, len));
			size_t j = h & t->mask;
			while (t->words[j] && !(t->hashes[j] == h && t->lens[j] == len && strcmp(t->words[j], word) == 0))
				j = (j + 1) & t->mask;
			t->words[j] = word;
			t->hashes[j] = h;
			t->lens[j] = (uint32_t)len;
			t->bits[j] |= UINT64_C(1) << k;
		}
	}
	return t;
}

uint64_t ag__lexicon_bits_slow(ag_lexicon *lx, uint32_t hstate, const char *s, size_t n)
{
	struct ag__lextab *t = atomic_load_explicit(&lx->tab, memory_order_acquire);

	if (!t) {
		struct ag__lextab *mine = build_lexicon(lx->sets), *expected = NULL;
		if (!mine) { /* out of memory: each set alone, still correct */
			uint64_t bits = 0;
			for (size_t k = 0; lx->sets[k] && k < 64; k++)
				if (ag__wordset_find(lx->sets[k], hstate, s, n) >= 0)
					bits |= UINT64_C(1) << k;
			return bits;
		}
		if (!atomic_compare_exchange_strong_explicit(&lx->tab, &expected, mine, memory_order_acq_rel,
		                                             memory_order_acquire))
			free(mine); /* another thread published first */
	}
	return ag__lexicon_bits(lx, hstate, s, n);
}
