/*
 * buf.h - growable arrays, string copies, the string buffer (ag_buf) and
 * string lists (ag_strlist).  Private.
 */
#ifndef AG_UTIL_BUF_H
#define AG_UTIL_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

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

int ag__buf_append(ag_buf *b, const char *s, size_t n);
int ag__buf_puts(ag_buf *b, const char *s);
int ag__buf_putc(ag_buf *b, char c);
int ag__buf_printf(ag_buf *b, const char *fmt, ...) AG_PRINTF(2, 3);
void ag__buf_clear(ag_buf *b);
void ag__buf_free(ag_buf *b);
/* Hand the string to the caller (never NULL unless out of memory). */
char *ag__buf_detach(ag_buf *b);

/* A list of distinct strings (aliases), in insertion order. */
typedef struct {
	char **items;
	size_t count, cap;
} ag_strlist;

int ag__strlist_add(ag_strlist *l, const char *s);
bool ag__strlist_has(const ag_strlist *l, const char *s);
void ag__strlist_free(ag_strlist *l);

#endif
