/*
 * utf8.h - the one UTF-8 decoder of the library (private).
 *
 * ag__utf8_decode(s, n, &cp) gives the length (1 to 4) of the well-formed
 * UTF-8 sequence at s, reading at most n bytes, and its code point; 0 when no
 * well-formed sequence starts there (a stray continuation byte, an overlong
 * form, a UTF-16 surrogate, a code point past U+10FFFF, or a sequence cut by
 * the end).  Bytes are read one by one and the first bad one stops it, so a
 * NUL-terminated string may be passed with n = SIZE_MAX: it never reads past
 * the NUL.  Inline: the document reader calls it for every non-ASCII byte.
 */
#ifndef AG_UTIL_UTF8_H
#define AG_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

static inline size_t ag__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t len;
	uint32_t v;

	if (n == 0)
		return 0;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0Fu;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* UTF-16 surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07u;
		if (c == 0xF0)
			lo = 0x90; /* overlong */
		else if (c == 0xF4)
			hi = 0x8F; /* past U+10FFFF */
	} else {
		return 0;
	}
	if (n < 2 || s[1] < lo || s[1] > hi)
		return 0;
	v = (v << 6) | (s[1] & 0x3Fu);
	for (size_t i = 2; i < len; i++) {
		if (i >= n || (s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3Fu);
	}
	*cp = v;
	return len;
}

#endif
