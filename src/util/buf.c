/*
 * buf.c - growable arrays, string copies, the string buffer and string lists.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "util/buf.h"

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

int ag__buf_append(ag_buf *b, const char *s, size_t n)
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

int ag__buf_puts(ag_buf *b, const char *s)
{
	return ag__buf_append(b, s, strlen(s));
}

int ag__buf_putc(ag_buf *b, char c)
{
	if (b->len + 2 <= b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return 0;
	}
	return ag__buf_append(b, &c, 1);
}

int ag__buf_printf(ag_buf *b, const char *fmt, ...)
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
		return ag__buf_append(b, small, (size_t)n);
	if (AG_GROW(b->data, b->cap, b->len + (size_t)n + 1) < 0)
		return AG_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void ag__buf_clear(ag_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void ag__buf_free(ag_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *ag__buf_detach(ag_buf *b)
{
	char *s;
	if (!b->data && ag__buf_append(b, "", 0) < 0)
		return NULL;
	s = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

int ag__strlist_add(ag_strlist *l, const char *s)
{
	char *copy;
	if (ag__strlist_has(l, s))
		return 0;
	if (AG_GROW(l->items, l->cap, l->count + 1) < 0 || !(copy = ag__strdup(s)))
		return AG_ENOMEM;
	l->items[l->count++] = copy;
	return 0;
}

bool ag__strlist_has(const ag_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->items[i], s) == 0)
			return true;
	return false;
}

void ag__strlist_free(ag_strlist *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}
