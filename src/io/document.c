/*
 * document.c - documents (ag_document_new/free) and the UTF-8 repair that
 * every document's text goes through.
 *
 * Text keeps its byte offsets: a byte that is not part of valid UTF-8 becomes
 * '?', a NUL becomes ' ', one for one, so evidence spans point into the
 * original input.  The decoding is util/utf8.h's, the library's only one.
 */
#include <stdlib.h>

#include "io/document.h"
#include "util/utf8.h"
#include "util/util.h"

/* Repair in place; returns the count of replaced bytes and the first offset. */
static size_t repair_utf8(char *text, size_t len, size_t *first)
{
	unsigned char *s = (unsigned char *)text;
	size_t i = 0, bad = 0;
	while (i < len) {
		size_t k;
		uint32_t cp;
		if (s[i] >= 0x20 && s[i] < 0x80) {
			i++;
			/* then 8 bytes at a time while all are in 0x20..0x7F: no byte
			 * below 0x20 (its subtraction sets its top bit) nor above */
			while (i + 8 <= len) {
				uint64_t x;
				memcpy(&x, s + i, 8);
				if (((x - 0x2020202020202020ULL) | x) & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			continue;
		}
		if (s[i] == 0) {
			if (!bad++)
				*first = i;
			s[i++] = ' ';
			continue;
		}
		k = ag__utf8_decode(s + i, len - i, &cp);
		if (k) {
			i += k;
		} else {
			if (!bad++)
				*first = i;
			s[i++] = '?';
		}
	}
	return bad;
}

/* io/document.h */
int ag__document_take(const char *id, char *text, size_t len, ag_document **out)
{
	ag_document *d = calloc(1, sizeof(*d));
	*out = NULL;
	if (!d || !(d->id = ag__strdup(id && *id ? id : "doc"))) {
		ag_document_free(d);
		free(text);
		return ag__enomem();
	}
	d->text = text;
	d->len = len;
	d->invalid_bytes = repair_utf8(d->text, len, &d->first_invalid);
	*out = d;
	return 0;
}

int ag_document_new(const char *id, const char *text, size_t len, ag_document **out)
{
	char *copy;
	AG_CHECK_ARGS(out && (text || len == 0));
	*out = NULL;
	if (!(copy = malloc(len + 1)))
		return ag__enomem();
	if (len) /* text may be NULL when len is 0 */
		memcpy(copy, text, len);
	copy[len] = '\0';
	return ag__document_take(id, copy, len, out);
}

void ag_document_free(ag_document *d)
{
	if (!d)
		return;
	free(d->id);
	free(d->path);
	free(d->date);
	free(d->text);
	free(d);
}
