/*
 * jsonl.c - the fast reading of a JSONL record (io/jsonl.h): a strict
 * scanner for the plain objects most records are, and the decoding of the
 * strings it found, without building a jansson tree.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "io/jsonl.h"
#include "util/utf8.h"

#define FAST_DEPTH 32

static void fast_ws(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r'))
		(*p)++;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int k = 0; k < 4; k++) {
		char c = p[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* A string at *p (on its opening quote): true with *out, *p after it. */
static bool fast_string(const char **p, const char *end, ag_jsonl_str *out)
{
	const unsigned char *s = (const unsigned char *)*p + 1, *e = (const unsigned char *)end;
	bool escaped = false;
	for (;;) {
		/* 8 bytes at a time while none is below 0x20, above 0x7F, a quote or
		 * a backslash ((v - 0x01..) & ~v & 0x80.. is nonzero iff v has a zero
		 * byte) */
		while (e - s >= 8) {
			const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
			uint64_t x, q, b;
			memcpy(&x, s, 8);
			q = x ^ (ones * '"');
			b = x ^ (ones * '\\');
			if ((((x - ones * 0x20) | x) & highs) || ((q - ones) & ~q & highs) || ((b - ones) & ~b & highs))
				break;
			s += 8;
		}
		while (s < e && *s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\')
			s++;
		if (s >= e || *s < 0x20)
			return false;
		if (*s == '"')
			break;
		if (*s == '\\') {
			int v, w;
			escaped = true;
			if (e - s < 2)
				return false;
			switch (s[1]) {
			case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
				s += 2;
				continue;
			case 'u':
				break;
			default:
				return false;
			}
			if (e - s < 6 || (v = hex4((const char *)s + 2)) <= 0 || (v >= 0xDC00 && v <= 0xDFFF))
				return false;
			s += 6;
			if (v >= 0xD800 && v <= 0xDBFF) {
				if (e - s < 6 || s[0] != '\\' || s[1] != 'u' || (w = hex4((const char *)s + 2)) < 0xDC00 ||
				    w > 0xDFFF)
					return false;
				s += 6;
			}
			continue;
		}
		{
			uint32_t cp;
			size_t k = ag__utf8_decode(s, (size_t)(e - s), &cp);
			if (!k)
				return false;
			s += k;
		}
	}
	out->s = *p + 1;
	out->n = (size_t)((const char *)s - out->s);
	out->escaped = escaped;
	out->set = true;
	*p = (const char *)s + 1;
	return true;
}

/* io/jsonl.h */
size_t ag__jsonl_decode(const ag_jsonl_str *src, char *dst)
{
	const char *s = src->s, *e = src->s + src->n;
	char *d = dst;
	if (!src->escaped) {
		memcpy(dst, s, src->n);
		dst[src->n] = '\0';
		return src->n;
	}
	while (s < e) {
		unsigned v;
		if (*s != '\\') {
			*d++ = *s++;
			continue;
		}
		switch (s[1]) {
		case 'b': *d++ = '\b'; s += 2; continue;
		case 'f': *d++ = '\f'; s += 2; continue;
		case 'n': *d++ = '\n'; s += 2; continue;
		case 'r': *d++ = '\r'; s += 2; continue;
		case 't': *d++ = '\t'; s += 2; continue;
		case 'u': break;
		default: *d++ = s[1]; s += 2; continue;
		}
		v = (unsigned)hex4(s + 2);
		s += 6;
		if (v >= 0xD800 && v <= 0xDBFF) {
			v = 0x10000 + ((v - 0xD800) << 10) + ((unsigned)hex4(s + 2) - 0xDC00);
			s += 6;
		}
		if (v < 0x80) {
			*d++ = (char)v;
		} else if (v < 0x800) {
			*d++ = (char)(0xC0 | (v >> 6));
			*d++ = (char)(0x80 | (v & 0x3F));
		} else if (v < 0x10000) {
			*d++ = (char)(0xE0 | (v >> 12));
			*d++ = (char)(0x80 | ((v >> 6) & 0x3F));
			*d++ = (char)(0x80 | (v & 0x3F));
		} else {
			*d++ = (char)(0xF0 | (v >> 18));
			*d++ = (char)(0x80 | ((v >> 12) & 0x3F));
			*d++ = (char)(0x80 | ((v >> 6) & 0x3F));
			*d++ = (char)(0x80 | (v & 0x3F));
		}
	}
	*d = '\0';
	return (size_t)(d - dst);
}

/* A number at *p: true when it is short and certainly in range; *is_int and
 * *ival for an integer. */
static bool fast_number(const char **p, const char *end, bool *is_int, long long *ival)
{
	const char *s = *p, *digits;
	bool neg = false;
	size_t nd;
	long long v = 0;
	if (s < end && *s == '-')
		neg = true, s++;
	digits = s;
	if (s >= end || *s < '0' || *s > '9')
		return false;
	if (*s == '0')
		s++;
	else
		while (s < end && *s >= '0' && *s <= '9')
			s++;
	nd = (size_t)(s - digits);
	if (nd > 18)
		return false;
	*is_int = true;
	if (s < end && *s == '.') {
		const char *f = ++s;
		while (s < end && *s >= '0' && *s <= '9')
			s++;
		if (s == f || s - f > 18)
			return false;
		*is_int = false;
	}
	if (s < end && (*s == 'e' || *s == 'E')) {
		const char *x;
		s++;
		if (s < end && (*s == '+' || *s == '-'))
			s++;
		x = s;
		while (s < end && *s >= '0' && *s <= '9')
			s++;
		if (s == x || s - x > 2)
			return false;
		*is_int = false;
	}
	if (*is_int) {
		for (const char *k = digits; k < digits + nd; k++)
			v = v * 10 + (*k - '0');
		*ival = neg ? -v : v;
	}
	*p = s;
	return true;
}

static bool fast_value(const char **p, const char *end, int depth, ag_jsonl_str *str, bool *is_int, long long *ival);

/* The rest of an array or object after its opening bracket. */
static bool fast_container(const char **p, const char *end, int depth, bool object)
{
	char close = object ? '}' : ']';
	ag_jsonl_str tmp;
	bool is_int;
	long long iv;
	if (depth > FAST_DEPTH)
		return false;
	fast_ws(p, end);
	if (*p < end && **p == close) {
		(*p)++;
		return true;
	}
	for (;;) {
		if (object) {
			if (*p >= end || **p != '"' || !fast_string(p, end, &tmp))
				return false;
			fast_ws(p, end);
			if (*p >= end || **p != ':')
				return false;
			(*p)++;
			fast_ws(p, end);
		}
		if (!fast_value(p, end, depth, &tmp, &is_int, &iv))
			return false;
		fast_ws(p, end);
		if (*p >= end)
			return false;
		if (**p == close) {
			(*p)++;
			return true;
		}
		if (**p != ',')
			return false;
		(*p)++;
		fast_ws(p, end);
	}
}

/* A value at *p (not on white space): *str set for a string, *is_int for an
 * integer; *p after it, followed by something that ends a value. */
static bool fast_value(const char **p, const char *end, int depth, ag_jsonl_str *str, bool *is_int, long long *ival)
{
	const char *s = *p;
	str->set = false;
	*is_int = false;
	if (s >= end)
		return false;
	switch (*s) {
	case '"':
		if (!fast_string(p, end, str))
			return false;
		break;
	case '{':
	case '[':
		(*p)++;
		if (!fast_container(p, end, depth + 1, *s == '{'))
			return false;
		break;
	case 't':
		if (end - s < 4 || memcmp(s, "true", 4) != 0)
			return false;
		*p += 4;
		break;
	case 'f':
		if (end - s < 5 || memcmp(s, "false", 5) != 0)
			return false;
		*p += 5;
		break;
	case 'n':
		if (end - s < 4 || memcmp(s, "null", 4) != 0)
			return false;
		*p += 4;
		break;
	default:
		if (!fast_number(p, end, is_int, ival))
			return false;
	}
	/* what json_loadb() reads next must be a new token */
	return *p == end || strchr(" \t\n\r,}]", **p) != NULL;
}

/* io/jsonl.h */
int ag__jsonl_record(const char *line, size_t len, ag_jsonl_rec *rec)
{
	const char *p = line, *end = line + len;
	memset(rec, 0, sizeof(*rec));
	fast_ws(&p, end);
	if (p >= end || *p != '{')
		return 0;
	p++;
	fast_ws(&p, end);
	if (p < end && *p == '}')
		return 0;
	for (;;) {
		ag_jsonl_str key, val;
		bool is_int;
		long long iv;
		ag_jsonl_str *slot = NULL;
		if (p >= end || *p != '"' || !fast_string(&p, end, &key) || key.escaped)
			return 0;
		fast_ws(&p, end);
		if (p >= end || *p != ':')
			return 0;
		p++;
		fast_ws(&p, end);
		if (!fast_value(&p, end, 1, &val, &is_int, &iv))
			return 0;
		if (key.n == 4 && memcmp(key.s, "text", 4) == 0)
			slot = &rec->text;
		else if (key.n == 4 && memcmp(key.s, "date", 4) == 0)
			slot = &rec->date;
		else if (key.n == 2 && memcmp(key.s, "id", 2) == 0) {
			if (rec->id_seen)
				return 0; /* a repeated key: the last one counts; not here */
			rec->id_seen = true;
			rec->id_str = val;
			rec->id_int = is_int;
			rec->id = iv;
		}
		if (slot) {
			if (slot->s) /* repeated */
				return 0;
			*slot = val;
			if (!val.set)
				slot->s = key.s; /* seen, not a string */
		}
		fast_ws(&p, end);
		if (p >= end)
			return 0;
		if (*p == '}') {
			p++;
			break;
		}
		if (*p != ',')
			return 0;
		p++;
		fast_ws(&p, end);
	}
	fast_ws(&p, end);
	if (p != end || !rec->text.set)
		return 0;
	return 1;
}
