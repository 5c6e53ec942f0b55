/*
 * json_emit.c - JSON written straight into a buffer, byte for byte as
 * jansson 2.14's json_dumpb writes the same values with JSON_INDENT(1) and
 * JSON_REAL_PRECISION(12) (see json_emit.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/json_emit.h"
#include "util/utf8.h"

#define DUMP_FLAGS (JSON_INDENT(1) | JSON_REAL_PRECISION(12) | JSON_ENCODE_ANY)

/* Room for n more bytes and the terminating NUL. */
static bool room(ag_jw *w, size_t n)
{
	if (w->rc < 0)
		return false;
	if (AG_GROW(w->out.data, w->out.cap, w->out.len + n + 1) < 0) {
		w->rc = AG_ENOMEM;
		return false;
	}
	return true;
}

void ag__jw_raw(ag_jw *w, const char *s, size_t n)
{
	if (!room(w, n))
		return;
	memcpy(w->out.data + w->out.len, s, n);
	w->out.len += n;
	w->out.data[w->out.len] = '\0';
}

void ag__jw_newline(ag_jw *w, int depth)
{
	static const char spaces[] = "\n                ";
	ag__jw_raw(w, spaces, (size_t)depth + 1 < sizeof(spaces) ? (size_t)depth + 1 : sizeof(spaces) - 1);
}

void ag__jw_flush(ag_jw *w)
{
	if (w->sink && w->rc == 0 && w->out.len) {
		w->rc = ag_output_write(w->sink, w->out.data, w->out.len);
		w->out.len = 0;
	}
}

void ag__jw_free(ag_jw *w)
{
	ag__buf_free(&w->out);
	free(w->tmp);
	w->tmp = NULL;
	w->tmp_cap = 0;
}

bool ag__jw_string_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t n;
	for (;;) {
		while (*p && *p < 0x80)
			p++;
		if (!*p)
			return true;
		if ((n = ag__utf8_decode(p, SIZE_MAX, &cp)) == 0)
			return false;
		p += n;
	}
}

/* What json_dumpb writes for a code point below U+0020, '"' and '\\'. */
static size_t escape(unsigned char c, char *seq)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *e = NULL;
	switch (c) {
	case '\\': e = "\\\\"; break;
	case '"': e = "\\\""; break;
	case '\b': e = "\\b"; break;
	case '\f': e = "\\f"; break;
	case '\n': e = "\\n"; break;
	case '\r': e = "\\r"; break;
	case '\t': e = "\\t"; break;
	default: break;
	}
	if (e) {
		memcpy(seq, e, 2);
		return 2;
	}
	memcpy(seq, "\\u00", 4);
	seq[4] = hex[c >> 4];
	seq[5] = hex[c & 15];
	return 6;
}

/* Bytes that end a run copied as it is: the NUL, the escaped ones (below
 * 0x20, '"' and '\\') and the first bytes of UTF-8 sequences (checked). */
#define S8 1, 1, 1, 1, 1, 1, 1, 1
#define S64 S8, S8, S8, S8, S8, S8, S8, S8
static const unsigned char stops[256] = {
	S8, S8, S8, S8,                                  /* 0x00 - 0x1f */
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20 - 0x2f: '"' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x30 - 0x3f */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 - 0x4f */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x50 - 0x5f: '\\' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 - 0x6f */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x70 - 0x7f */
	S64, S64,                                        /* 0x80 - 0xff */
};
#undef S8
#undef S64

bool ag__jw_string(ag_jw *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t mark = w->out.len, n = strlen(s);
	char *o;

	/* at most 6 bytes out for each byte in, and the quotes */
	if (!room(w, 6 * n + 2))
		return false;
	o = w->out.data + w->out.len;
	*o++ = '"';
	for (;;) {
		const unsigned char *run = p;
		unsigned char c;
		while (!stops[*p])
			p++;
		memcpy(o, run, (size_t)(p - run));
		o += p - run;
		if (!(c = *p))
			break;
		if (c < 0x80) {
			o += escape(c, o);
			p++;
		} else {
			uint32_t cp;
			size_t k = ag__utf8_decode(p, SIZE_MAX, &cp);
			if (!k) { /* as json_string: not a string, nothing written */
				w->out.len = mark;
				w->out.data[mark] = '\0';
				return false;
			}
			memcpy(o, p, k);
			o += k;
			p += k;
		}
	}
	*o++ = '"';
	w->out.len = (size_t)(o - w->out.data);
	w->out.data[w->out.len] = '\0';
	return true;
}

void ag__jw_int(ag_jw *w, long long v)
{
	char digits[24], *d = digits + sizeof(digits);
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do {
		*--d = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--d = '-';
	ag__jw_raw(w, d, (size_t)(digits + sizeof(digits) - d));
}

/* jansson's jsonp_dtostr with precision 12: "%.12g", ".0" when that has
 * neither a point nor an exponent, no '+' or leading zeros in the exponent. */
static void real(ag_jw *w, double v)
{
	char b[64], *e;
	int n = snprintf(b, sizeof(b), "%.12g", v);
	size_t len;
	if (n < 0 || (size_t)n + 3 >= sizeof(b)) {
		w->rc = w->rc < 0 ? w->rc : AG_ENOMEM;
		return;
	}
	len = (size_t)n;
	if (!strchr(b, '.') && !strchr(b, 'e')) {
		memcpy(b + len, ".0", 3);
		len += 2;
	}
	if ((e = strchr(b, 'e')) != NULL) {
		char *start = e + 1, *end = e + 2;
		if (*start == '-')
			start++;
		while (*end == '0')
			end++;
		if (end != start) {
			memmove(start, end, len - (size_t)(end - b) + 1);
			len -= (size_t)(end - start);
		}
	}
	ag__jw_raw(w, b, len);
}

void ag__jw_number(ag_jw *w, double v)
{
	if (!isfinite(v))
		ag__jw_raw(w, "null", 4);
	else if (v == floor(v) && fabs(v) < 9007199254740992.0)
		ag__jw_int(w, (long long)v);
	else
		real(w, v);
}

void ag__jw_value(ag_jw *w, const json_t *v, int depth)
{
	size_t n, from;
	if (w->rc < 0)
		return;
	n = json_dumpb(v, w->tmp, w->tmp_cap, DUMP_FLAGS);
	if (n > w->tmp_cap) {
		char *t = realloc(w->tmp, n);
		if (!t) {
			w->rc = AG_ENOMEM;
			return;
		}
		w->tmp = t;
		w->tmp_cap = n;
		n = json_dumpb(v, w->tmp, w->tmp_cap, DUMP_FLAGS);
	}
	if (n == 0) {
		w->rc = AG_ENOMEM;
		return;
	}
	from = 0;
	for (size_t i = 0; i < n; i++) {
		if (w->tmp[i] == '\n') { /* jansson's indent, from level 0, follows ours */
			ag__jw_raw(w, w->tmp + from, i - from);
			ag__jw_newline(w, depth);
			from = i + 1;
		}
	}
	ag__jw_raw(w, w->tmp + from, n - from);
}

ag_jw_obj ag__jw_object(ag_jw *w, int depth)
{
	ag_jw_obj o = {w, depth, 0};
	ag__jw_raw(w, "{", 1);
	return o;
}

bool ag__jw_key(ag_jw_obj *o, const char *key)
{
	size_t mark = o->w->out.len;
	if (o->n)
		ag__jw_raw(o->w, ",", 1);
	ag__jw_newline(o->w, o->depth + 1);
	if (!ag__jw_string(o->w, key)) {
		if (o->w->rc == 0) {
			o->w->out.len = mark;
			o->w->out.data[mark] = '\0';
		}
		return false;
	}
	ag__jw_raw(o->w, ": ", 2);
	o->n++;
	return true;
}

void ag__jw_member_str(ag_jw_obj *o, const char *key, const char *value)
{
	size_t mark = o->w->out.len;
	if (!ag__jw_key(o, key))
		return;
	if (!value) {
		ag__jw_raw(o->w, "null", 4);
	} else if (!ag__jw_string(o->w, value) && o->w->rc == 0) {
		/* not UTF-8: the member is left out, key and all */
		o->w->out.len = mark;
		o->w->out.data[mark] = '\0';
		o->n--;
	}
}

void ag__jw_member_int(ag_jw_obj *o, const char *key, long long value)
{
	if (ag__jw_key(o, key))
		ag__jw_int(o->w, value);
}

void ag__jw_member_number(ag_jw_obj *o, const char *key, double value)
{
	if (ag__jw_key(o, key))
		ag__jw_number(o->w, value);
}

void ag__jw_member_value(ag_jw_obj *o, const char *key, const json_t *value)
{
	if (ag__jw_key(o, key))
		ag__jw_value(o->w, value, o->depth + 1);
}

void ag__jw_object_end(ag_jw_obj *o)
{
	if (o->n)
		ag__jw_newline(o->w, o->depth);
	ag__jw_raw(o->w, "}", 1);
}

ag_jw_obj ag__jw_array(ag_jw *w, int depth)
{
	ag_jw_obj a = {w, depth, 0};
	ag__jw_raw(w, "[", 1);
	return a;
}

void ag__jw_item(ag_jw_obj *a)
{
	if (a->n)
		ag__jw_raw(a->w, ",", 1);
	ag__jw_newline(a->w, a->depth + 1);
	a->n++;
}

void ag__jw_array_end(ag_jw_obj *a)
{
	if (a->n)
		ag__jw_newline(a->w, a->depth);
	ag__jw_raw(a->w, "]", 1);
}
