/*
 * map.c - hash maps: string -> size_t (ag_strmap) and uint64 -> size_t
 * (ag_u64map), open addressing.
 */
#include <stdlib.h>

#include <string.h>

#include "util/buf.h"
#include "util/map.h"

/* FNV-1a: small, fast on short keys, and good enough with a power-of-two table. */
uint32_t ag__hash(const char *s, size_t n)
{
	return ag__hash_final(ag__hash_step(AG_HASH_INIT, s, n));
}

static int strmap_rehash(ag_strmap *m, size_t ncap)
{
	char **keys = calloc(ncap, sizeof(*keys));
	size_t *values = calloc(ncap, sizeof(*values));
	uint32_t *hashes = calloc(ncap, sizeof(*hashes));

	if (!keys || !values || !hashes) {
		free(keys);
		free(values);
		free(hashes);
		return ag__enomem();
	}
	for (size_t i = 0; i < m->cap; i++) {
		size_t j;
		if (!m->hashes[i])
			continue;
		j = m->hashes[i] & (ncap - 1);
		while (hashes[j])
			j = (j + 1) & (ncap - 1);
		keys[j] = m->keys[i];
		values[j] = m->values[i];
		hashes[j] = m->hashes[i];
	}
	free(m->keys);
	free(m->values);
	free(m->hashes);
	m->keys = keys;
	m->values = values;
	m->hashes = hashes;
	m->cap = ncap;
	return 0;
}

int ag__strmap_putn(ag_strmap *m, const char *key, size_t keylen, size_t value)
{
	uint32_t h = ag__hash(key, keylen);
	size_t j;

	if ((m->count + 1) * 4 >= m->cap * 3 &&
	    strmap_rehash(m, m->cap ? m->cap * 2 : 16) < 0)
		return AG_ENOMEM;
	j = h & (m->cap - 1);
	while (m->hashes[j]) {
		if (m->hashes[j] == h && strncmp(m->keys[j], key, keylen) == 0 &&
		    m->keys[j][keylen] == '\0') {
			m->values[j] = value;
			return 0;
		}
		j = (j + 1) & (m->cap - 1);
	}
	if (!(m->keys[j] = ag__strndup(key, keylen)))
		return AG_ENOMEM;
	m->hashes[j] = h;
	m->values[j] = value;
	m->count++;
	return 0;
}

int ag__strmap_put(ag_strmap *m, const char *key, size_t value)
{
	return ag__strmap_putn(m, key, strlen(key), value);
}

bool ag__strmap_getn(const ag_strmap *m, const char *key, size_t keylen, size_t *value)
{
	if (!m->cap)
		return false;
	return ag__strmap_getnh(m, key, keylen, ag__hash(key, keylen), value);
}

bool ag__strmap_getnh(const ag_strmap *m, const char *key, size_t keylen, uint32_t h, size_t *value)
{
	size_t j;

	if (!m->cap)
		return false;
	/* probing reads the hashes alone (0 = an empty slot: ag__hash_final
	 * never gives 0), sixteen slots to a cache line; a key is compared only
	 * when its hash is the one sought */
	j = h & (m->cap - 1);
	while (m->hashes[j]) {
		if (m->hashes[j] == h && strncmp(m->keys[j], key, keylen) == 0 &&
		    m->keys[j][keylen] == '\0') {
			if (value)
				*value = m->values[j];
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return false;
}

bool ag__strmap_get(const ag_strmap *m, const char *key, size_t *value)
{
	return ag__strmap_getn(m, key, strlen(key), value);
}

void ag__strmap_free(ag_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->values);
	free(m->hashes);
	memset(m, 0, sizeof(*m));
}

/* Keys are stored +1 so that 0 marks an empty slot. */
static size_t u64_slot(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

static int u64map_rehash(ag_u64map *m, size_t ncap)
{
	uint64_t *keys = calloc(ncap, sizeof(*keys));
	size_t *values = calloc(ncap, sizeof(*values));

	if (!keys || !values) {
		free(keys);
		free(values);
		return ag__enomem();
	}
	for (size_t i = 0; i < m->cap; i++) {
		size_t j;
		if (!m->keys[i])
			continue;
		j = u64_slot(m->keys[i], ncap);
		while (keys[j])
			j = (j + 1) & (ncap - 1);
		keys[j] = m->keys[i];
		values[j] = m->values[i];
	}
	free(m->keys);
	free(m->values);
	m->keys = keys;
	m->values = values;
	m->cap = ncap;
	return 0;
}

int ag__u64map_put(ag_u64map *m, uint64_t key, size_t value)
{
	size_t j;
	key += 1;
	if ((m->count + 1) * 4 >= m->cap * 3 &&
	    u64map_rehash(m, m->cap ? m->cap * 2 : 16) < 0)
		return AG_ENOMEM;
	j = u64_slot(key, m->cap);
	while (m->keys[j]) {
		if (m->keys[j] == key) {
			m->values[j] = value;
			return 0;
		}
		j = (j + 1) & (m->cap - 1);
	}
	m->keys[j] = key;
	m->values[j] = value;
	m->count++;
	return 0;
}

bool ag__u64map_get(const ag_u64map *m, uint64_t key, size_t *value)
{
	size_t j;
	if (!m->cap)
		return false;
	key += 1;
	j = u64_slot(key, m->cap);
	while (m->keys[j]) {
		if (m->keys[j] == key) {
			if (value)
				*value = m->values[j];
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return false;
}

void ag__u64map_clear(ag_u64map *m)
{
	if (m->cap) {
		memset(m->keys, 0, m->cap * sizeof(*m->keys));
		m->count = 0;
	}
}

void ag__u64map_free(ag_u64map *m)
{
	free(m->keys);
	free(m->values);
	memset(m, 0, sizeof(*m));
}
