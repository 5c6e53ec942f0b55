/*
 * internal.h - private helpers shared by the library's files: error raising,
 * growable arrays, a string buffer and hash maps.  Not installed.
 */
#ifndef AG_INTERNAL_H
#define AG_INTERNAL_H

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "actorgraph/common.h"

#if defined(__GNUC__)
#  define AG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define AG_PRINTF(f, a)
#endif

/* Record an error message for this thread and return `code`. */
int ag__error(int code, const char *fmt, ...) AG_PRINTF(2, 3);
/* The same for out-of-memory, with a fixed message. */
int ag__enomem(void);

/* Grow *ptr (of *cap elements of size `elem`) so that it holds `need` elements. */
int ag__grow(void *ptr, size_t *cap, size_t need, size_t elem);
/* (The capacity test is made here, so that the common case costs no call;
 * the arguments must have no side effects.) */
#define AG_GROW(arr, cap, need) \
	((size_t)(need) <= (cap) ? 0 : ag__grow(&(arr), &(cap), (need), sizeof(*(arr))))

char *ag__strdup(const char *s);
char *ag__strndup(const char *s, size_t n);
/* Replace *slot with a copy of `value` (NULL clears). */
int ag__set_str(char **slot, const char *value);

/* A growable byte string, always NUL-terminated once anything was appended. */
typedef struct {
	char *data;
	size_t len, cap;
} ag_buf;

int ag_buf_append(ag_buf *b, const char *s, size_t n);
int ag_buf_puts(ag_buf *b, const char *s);
int ag_buf_putc(ag_buf *b, char c);
int ag_buf_printf(ag_buf *b, const char *fmt, ...) AG_PRINTF(2, 3);
void ag_buf_clear(ag_buf *b);
void ag_buf_free(ag_buf *b);
/* Hand the string to the caller (never NULL unless out of memory). */
char *ag_buf_detach(ag_buf *b);

/* A list of distinct strings (aliases), in insertion order. */
typedef struct {
	char **items;
	size_t count, cap;
} ag_strlist;

int ag__strlist_add(ag_strlist *l, const char *s);
bool ag__strlist_has(const ag_strlist *l, const char *s);
void ag__strlist_free(ag_strlist *l);

/* String -> size_t map with open addressing; keys are copied. */
typedef struct {
	char **keys;
	size_t *values;
	uint32_t *hashes;
	size_t cap, count;
} ag_strmap;

/* FNV-1a in steps, so that a key can be hashed piece by piece (a phrase
 * from its tokens): ag__hash(s, n) == ag__hash_final(ag__hash_step(AG_HASH_INIT, s, n)). */
#define AG_HASH_INIT 2166136261u
static inline uint32_t ag__hash_step(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}
static inline uint32_t ag__hash_final(uint32_t h)
{
	return h ? h : 1;
}
uint32_t ag__hash(const char *s, size_t n);
int ag_strmap_put(ag_strmap *m, const char *key, size_t value);
int ag_strmap_putn(ag_strmap *m, const char *key, size_t keylen, size_t value);
bool ag_strmap_get(const ag_strmap *m, const char *key, size_t *value);
bool ag_strmap_getn(const ag_strmap *m, const char *key, size_t keylen, size_t *value);
/* The same with the key's hash already known (hash == ag__hash(key, keylen)). */
bool ag_strmap_getnh(const ag_strmap *m, const char *key, size_t keylen, uint32_t hash, size_t *value);
void ag_strmap_free(ag_strmap *m);

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
	for (uint32_t j = hstate & t->mask; t->index[j] >= 0; j = (j + 1) & t->mask) {
		/* n + 1 bytes: the NUL too, so a match is exactly strcmp's */
		if (t->hashes[j] == hstate && t->lens[j] == n && memcmp(ws->words[t->index[j]], s, n + 1) == 0)
			return t->index[j];
	}
	return -1;
}

/* uint64 -> size_t map (link lookup by node pair). */
typedef struct {
	uint64_t *keys;
	size_t *values;
	size_t cap, count;
} ag_u64map;

int ag_u64map_put(ag_u64map *m, uint64_t key, size_t value);
bool ag_u64map_get(const ag_u64map *m, uint64_t key, size_t *value);
void ag_u64map_clear(ag_u64map *m);
void ag_u64map_free(ag_u64map *m);

#endif
