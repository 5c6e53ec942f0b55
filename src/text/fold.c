/*
 * fold.c - folding text for matching, and slugs for ids (see fold.h).
 */
#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "text/fold.h"


/* Punctuation that news text writes in several ways, folded to ASCII. */
char ag__punct_ascii(int32_t c)
{
	switch (c) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
		return '-';
	case 0x2026:
		return '.';
	default:
		return c < 0x80 ? (char)c : '*';
	}
}

static int fold_cp(utf8proc_int32_t c, ag_buf *out)
{
	utf8proc_int32_t dec[8];
	utf8proc_uint8_t enc[4];
	int last = 0;
	utf8proc_ssize_t n;

	if (c < 0x80) {
		char ch = (char)c;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		return ag__buf_putc(out, ch);
	}
	if (ag__punct_ascii(c) == '\'')
		return ag__buf_putc(out, '\'');
	n = utf8proc_decompose_char(c, dec, 8,
	                            UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT,
	                            &last);
	if (n < 0 || n > 8) {
		n = 1;
		dec[0] = c;
	}
	for (utf8proc_ssize_t k = 0; k < n; k++) {
		utf8proc_ssize_t m = utf8proc_encode_char(dec[k], enc);
		if (ag__buf_append(out, (const char *)enc, (size_t)m) < 0)
			return AG_ENOMEM;
	}
	return 0;
}

int ag__fold(const char *s, size_t len, ag_buf *out)
{
	size_t i = 0;
	/* one growth for the whole span: ASCII folds to one byte each, and a
	 * decomposed code point is at most 8 code points of 4 bytes */
	if (AG_GROW(out->data, out->cap, out->len + len * 8 + 1) < 0)
		return AG_ENOMEM;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		utf8proc_int32_t c;
		utf8proc_ssize_t n;
		if (b < 0x80) {
			/* a run of ASCII, lower-cased; the reserve can have been used up
			 * by code points that expand a lot */
			char *o;
			if (AG_GROW(out->data, out->cap, out->len + (len - i) + 2) < 0)
				return AG_ENOMEM;
			o = out->data + out->len;
			do {
				*o++ = (char)(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
				if (++i >= len)
					break;
				b = (unsigned char)s[i];
			} while (b < 0x80);
			out->len = (size_t)(o - out->data);
			continue;
		}
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
		if (n <= 0) {
			n = 1;
			c = '?';
		}
		if (fold_cp(c, out) < 0)
			return AG_ENOMEM;
		i += (size_t)n;
	}
	out->data[out->len] = '\0';
	return 0;
}

int ag__slugify(const char *s, ag_buf *out)
{
	ag_buf f = {0};
	bool dash = false, ascii = true;
	size_t start = out->len, len = strlen(s), n;
	const char *src = s;
	char *o;
	int rc = 0;

	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)s[i] & 0x80) {
			ascii = false;
			break;
		}
	}
	if (!ascii) {
		/* folded first; ASCII folds to itself in lower case, done below */
		if ((rc = ag__fold(s, len, &f)) < 0) {
			ag__buf_free(&f);
			return rc;
		}
		src = f.data;
		len = f.len;
	}
	/* each byte at most a dash and itself; or the 'x'; and the NUL */
	if (AG_GROW(out->data, out->cap, out->len + 2 * len + 2) < 0) {
		ag__buf_free(&f);
		return AG_ENOMEM;
	}
	o = out->data + out->len;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];
		if (ascii && c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
			if (dash && o > out->data + start)
				*o++ = '-';
			dash = false;
			*o++ = (char)c;
		} else if (c != '\'' && c != '.') {
			dash = true;
		}
	}
	if (o == out->data + start)
		*o++ = 'x';
	*o = '\0';
	n = (size_t)(o - out->data);
	out->len = n;
	ag__buf_free(&f);
	return 0;
}
