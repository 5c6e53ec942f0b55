/*
 * util.c - errors, growable arrays, string buffers and hash maps.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/util.h"

static _Thread_local char error_message[1024];
static _Thread_local int error_code;

int ag__error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(error_message, sizeof(error_message), fmt, ap);
	va_end(ap);
	error_code = code;
	return code;
}

int ag__enomem(void)
{
	return ag__error(AG_ENOMEM, "out of memory");
}

const char *ag_error_last(void)
{
	return error_message;
}

int ag_error_last_code(void)
{
	return error_code;
}

void ag_error_clear(void)
{
	error_message[0] = '\0';
	error_code = AG_OK;
}

const char *ag_version(void)
{
	return AG_VERSION;
}

int ag__grow(void *ptr, size_t *cap, size_t need, size_t elem)
{
	void **p = ptr;
	size_t ncap;
	void *n;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / elem)
			return ag__enomem();
		/* doubling while small, then by half: less slack in big arrays */
		ncap = ncap < 4096 ? ncap * 2 : ncap + ncap / 2;
	}
	n = realloc(*p, ncap * elem);
	if (!n)
		return ag__enomem();
	*p = n;
	*cap = ncap;
	return 0;
}

char *ag__strndup(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d) {
		ag__enomem();
		return NULL;
	}
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *ag__strdup(const char *s)
{
	return s ? ag__strndup(s, strlen(s)) : NULL;
}

int ag__set_str(char **slot, const char *value)
{
	char *copy = NULL;
	if (value && !(copy = ag__strdup(value)))
		return AG_ENOMEM;
	free(*slot);
	*slot = copy;
	return 0;
}

int ag_buf_append(ag_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 < b->len)
		return ag__enomem();
	if (AG_GROW(b->data, b->cap, b->len + n + 1) < 0)
		return AG_ENOMEM;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int ag_buf_puts(ag_buf *b, const char *s)
{
	return ag_buf_append(b, s, strlen(s));
}

int ag_buf_putc(ag_buf *b, char c)
{
	if (b->len + 2 <= b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return 0;
	}
	return ag_buf_append(b, &c, 1);
}

int ag_buf_printf(ag_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	char small[256];

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return ag__error(AG_ERROR, "formatting failed");
	if ((size_t)n < sizeof(small))
		return ag_buf_append(b, small, (size_t)n);
	if (AG_GROW(b->data, b->cap, b->len + (size_t)n + 1) < 0)
		return AG_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void ag_buf_clear(ag_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void ag_buf_free(ag_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *ag_buf_detach(ag_buf *b)
{
	char *s;
	if (!b->data && ag_buf_append(b, "", 0) < 0)
		return NULL;
	s = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

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
		if (!m->keys[i])
			continue;
		j = m->hashes[i] & (ncap - 1);
		while (keys[j])
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

int ag_strmap_putn(ag_strmap *m, const char *key, size_t keylen, size_t value)
{
	uint32_t h = ag__hash(key, keylen);
	size_t j;

	if ((m->count + 1) * 4 >= m->cap * 3 &&
	    strmap_rehash(m, m->cap ? m->cap * 2 : 16) < 0)
		return AG_ENOMEM;
	j = h & (m->cap - 1);
	while (m->keys[j]) {
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

int ag_strmap_put(ag_strmap *m, const char *key, size_t value)
{
	return ag_strmap_putn(m, key, strlen(key), value);
}

bool ag_strmap_getn(const ag_strmap *m, const char *key, size_t keylen, size_t *value)
{
	if (!m->cap)
		return false;
	return ag_strmap_getnh(m, key, keylen, ag__hash(key, keylen), value);
}

bool ag_strmap_getnh(const ag_strmap *m, const char *key, size_t keylen, uint32_t h, size_t *value)
{
	size_t j;

	if (!m->cap)
		return false;
	j = h & (m->cap - 1);
	while (m->keys[j]) {
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

bool ag_strmap_get(const ag_strmap *m, const char *key, size_t *value)
{
	return ag_strmap_getn(m, key, strlen(key), value);
}

void ag_strmap_free(ag_strmap *m)
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

int ag_u64map_put(ag_u64map *m, uint64_t key, size_t value)
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

bool ag_u64map_get(const ag_u64map *m, uint64_t key, size_t *value)
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

void ag_u64map_clear(ag_u64map *m)
{
	if (m->cap) {
		memset(m->keys, 0, m->cap * sizeof(*m->keys));
		m->count = 0;
	}
}

void ag_u64map_free(ag_u64map *m)
{
	free(m->keys);
	free(m->values);
	memset(m, 0, sizeof(*m));
}
