/*
 * map.h - FNV-1a hashing and the hash maps string -> size_t (ag_strmap) and
 * uint64 -> size_t (ag_u64map).  Private.
 */
#ifndef AG_UTIL_MAP_H
#define AG_UTIL_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
int ag__strmap_put(ag_strmap *m, const char *key, size_t value);
int ag__strmap_putn(ag_strmap *m, const char *key, size_t keylen, size_t value);
bool ag__strmap_get(const ag_strmap *m, const char *key, size_t *value);
bool ag__strmap_getn(const ag_strmap *m, const char *key, size_t keylen, size_t *value);
/* The same with the key's hash already known (hash == ag__hash(key, keylen)). */
bool ag__strmap_getnh(const ag_strmap *m, const char *key, size_t keylen, uint32_t hash, size_t *value);
void ag__strmap_free(ag_strmap *m);

/* uint64 -> size_t map (link lookup by node pair). */
typedef struct {
	uint64_t *keys;
	size_t *values;
	size_t cap, count;
} ag_u64map;

int ag__u64map_put(ag_u64map *m, uint64_t key, size_t value);
bool ag__u64map_get(const ag_u64map *m, uint64_t key, size_t *value);
void ag__u64map_clear(ag_u64map *m);
void ag__u64map_free(ag_u64map *m);

#endif
