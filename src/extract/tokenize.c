/*
 * tokenize.c - a document's bytes to tokens: words and punctuation with their
 * byte offsets, folded forms, hashes and flags (see textdoc.h).  ASCII is
 * classified through a table, and a word of ASCII letters and digits (nine
 * words in ten) is folded and hashed as it is read; other code points go
 * through utf8proc (the general path, which tests/unit/test_tokenize.c holds
 * the fast one to).
 */
#include <stdlib.h>
#include <utf8proc.h>

#include "extract/tokenize.h"
#include "text/fold.h"

static bool is_space(utf8proc_int32_t c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return true;
	if (c < 0x80)
		return false;
	if (c == 0xFEFF || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060)
		return true;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

static bool is_wordch(utf8proc_int32_t c)
{
	utf8proc_category_t k;
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	k = utf8proc_category(c);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
	       (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME) || k == UTF8PROC_CATEGORY_ND;
}

static bool is_upper(utf8proc_int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	return utf8proc_category(c) == UTF8PROC_CATEGORY_LU || utf8proc_category(c) == UTF8PROC_CATEGORY_LT;
}

static bool is_letter(utf8proc_int32_t c)
{
	utf8proc_category_t k;
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	k = utf8proc_category(c);
	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

/* Decode the code point at i (invalid bytes were repaired at ingest, but the
 * gazetteer loader also tokenizes, so stay defensive). */
static size_t cp_at(const char *text, size_t len, size_t i, utf8proc_int32_t *c)
{
	utf8proc_ssize_t n;
	if ((unsigned char)text[i] < 0x80) {
		*c = (unsigned char)text[i];
		return 1;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), c);
	if (n <= 0) {
		*c = '?';
		return 1;
	}
	return (size_t)n;
}

static int push_token(ag_textdoc *td, size_t start, size_t end, unsigned flags, char punct,
                      const char *text)
{
	ag_token *t;
	ag_buf fb;
	uint32_t h = AG_HASH_INIT;
	if (end - start > 0xFFFF / 4)
		end = start + 0xFFFF / 4; /* absurd "words" are cut, spans stay inside the text */
	if (AG_GROW(td->toks, td->cap_toks, td->n_toks + 1) < 0)
		return AG_ENOMEM;
	t = &td->toks[td->n_toks];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->flags = (uint16_t)flags;
	t->punct = punct;
	t->sent = 0;
	/* fold into the arena */
	fb.data = td->fold;
	fb.len = td->fold_len;
	fb.cap = td->fold_cap;
	t->fold = (uint32_t)fb.len;
	/* room for an ASCII token, its NUL, and a punctuation token */
	if (AG_GROW(fb.data, fb.cap, fb.len + (end - start) + 2) < 0)
		return AG_ENOMEM;
	if (!(flags & TF_WORD)) {
		fb.data[fb.len++] = punct;
		h = ag__hash_step(h, &punct, 1);
	} else {
		/* ASCII words (nearly all of them) are folded here, byte by byte,
		 * and hashed on the way (ag__hash_step, one byte at a time) */
		size_t k = start;
		char *o = fb.data + fb.len;
		while (k < end && !((unsigned char)text[k] & 0x80)) {
			unsigned char b = (unsigned char)text[k++];
			b = (unsigned char)(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
			*o++ = (char)b;
			h = (h ^ b) * 16777619u;
		}
		fb.len = (size_t)(o - fb.data);
		if (k < end) {
			size_t tail = fb.len;
			if (ag__fold(text + k, end - k, &fb) < 0)
				return AG_ENOMEM;
			h = ag__hash_step(h, fb.data + tail, fb.len - tail);
		}
	}
	t->fold_len = (uint16_t)(fb.len - t->fold);
	t->hash = h;
	if (AG_GROW(fb.data, fb.cap, fb.len + 1) < 0)
		return AG_ENOMEM;
	fb.data[fb.len++] = '\0';
	td->fold = fb.data;
	td->fold_len = fb.len;
	td->fold_cap = fb.cap;
	td->n_toks++;
	return 0;
}

/* Byte classes for the tokenizer's fast path: ASCII letters, digits and
 * spaces; 0 for other ASCII (punctuation) and for every byte of a UTF-8
 * sequence, which takes the general path. */
enum { AC_WORD = 1, AC_LETTER = 2, AC_UPPER = 4, AC_SPACE = 8 };
static const unsigned char ascii_class[256] = {
	['\t'] = AC_SPACE, ['\n'] = AC_SPACE, ['\v'] = AC_SPACE, ['\f'] = AC_SPACE, ['\r'] = AC_SPACE, [' '] = AC_SPACE,
	['0'] = AC_WORD, ['1'] = AC_WORD, ['2'] = AC_WORD, ['3'] = AC_WORD, ['4'] = AC_WORD,
	['5'] = AC_WORD, ['6'] = AC_WORD, ['7'] = AC_WORD, ['8'] = AC_WORD, ['9'] = AC_WORD,
#define L(c) [c] = AC_WORD | AC_LETTER
#define U(c) [c] = AC_WORD | AC_LETTER | AC_UPPER
	L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'),
	L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'),
	U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'), U('J'), U('K'), U('L'), U('M'),
	U('N'), U('O'), U('P'), U('Q'), U('R'), U('S'), U('T'), U('U'), U('V'), U('W'), U('X'), U('Y'), U('Z'),
#undef L
#undef U
};

/* A token whose folded form, `n` bytes hashed to h, was just written at the
 * end of the fold arena (room for its NUL is there). */
static int push_folded(ag_textdoc *td, size_t start, size_t end, unsigned flags, char punct, size_t n, uint32_t h)
{
	ag_token *t;
	if (AG_GROW(td->toks, td->cap_toks, td->n_toks + 1) < 0)
		return AG_ENOMEM;
	t = &td->toks[td->n_toks++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->flags = (uint16_t)flags;
	t->punct = punct;
	t->sent = 0;
	t->fold = (uint32_t)td->fold_len;
	t->fold_len = (uint16_t)n;
	t->hash = h;
	td->fold[td->fold_len + n] = '\0';
	td->fold_len += n + 1;
	return 0;
}

/* The common word: ASCII letters and digits up to a space or an ASCII
 * punctuation mark that is not an apostrophe, folded and hashed as it is
 * read.  Its end in *end and true; false, with nothing kept, for any other
 * word (an accent, an apostrophe, "U.S.", an initial, an absurd length),
 * which the general path reads from the start again. */
static bool fast_word(ag_textdoc *td, const char *text, size_t len, size_t start, unsigned pending, size_t *end,
                      int *rc)
{
	const unsigned char *p = (const unsigned char *)text, *q = p + start, *e = p + len;
	unsigned k0 = ascii_class[p[start]];
	unsigned letters = 0, lowers = 0, flags = TF_WORD | pending;
	uint32_t h = AG_HASH_INIT;
	size_t j;
	char *o;

	if (td->fold_len + (len - start) + 2 > td->fold_cap &&
	    AG_GROW(td->fold, td->fold_cap, td->fold_len + (len - start) + 2) < 0) {
		*rc = AG_ENOMEM;
		return true;
	}
	o = td->fold + td->fold_len;
	while (q < e) {
		unsigned char b = *q;
		unsigned k = ascii_class[b];
		if (!(k & AC_WORD))
			break;
		if (k & AC_LETTER) {
			letters++;
			if (k & AC_UPPER)
				b = (unsigned char)(b + ('a' - 'A'));
			else
				lowers++;
		}
		*o++ = (char)b;
		h = (h ^ b) * 16777619u;
		q++;
	}
	j = (size_t)(q - p);
	if (j < len && (p[j] >= 0x80 || p[j] == '\''))
		return false;
	if (j - start > 0xFFFF / 4 || (j - start == 1 && (k0 & AC_UPPER) && j < len && p[j] == '.'))
		return false;
	if (!(k0 & AC_LETTER))
		flags |= TF_DIGIT;
	if (k0 & AC_UPPER)
		flags |= TF_CAP;
	if (!lowers && letters > 1)
		flags |= TF_ALLCAPS;
	*rc = push_folded(td, start, j, flags, 0, j - start, h);
	*end = j;
	return true;
}

static int tokenize(ag_textdoc *td, const char *text, size_t len, bool fast)
{
	size_t i = 0;
	unsigned pending = 0; /* TF_NOSPACE / TF_NEWLINE for the next token */

	if (len > UINT32_MAX - 16)
		return ag__error(AG_ELIMIT, "document too large (over 4 GB)");
	td->n_toks = 0;
	td->fold_len = 0;
	pending = TF_NOSPACE;
	while (i < len) {
		utf8proc_int32_t c;
		size_t n;
		unsigned char b0 = (unsigned char)text[i];

		/* ASCII: spaces, punctuation and plain words without decoding */
		if (fast && b0 < 0x80) {
			unsigned k = ascii_class[b0];
			if (k & AC_SPACE) {
				pending &= ~(unsigned)TF_NOSPACE;
				if (b0 == '\n')
					pending |= TF_NEWLINE;
				i++;
				continue;
			}
			if (!(k & AC_WORD)) {
				if (td->fold_len + 2 > td->fold_cap && AG_GROW(td->fold, td->fold_cap, td->fold_len + 2) < 0)
					return AG_ENOMEM;
				td->fold[td->fold_len] = (char)b0;
				if (push_folded(td, i, i + 1, pending, (char)b0, 1, (AG_HASH_INIT ^ b0) * 16777619u) < 0)
					return AG_ENOMEM;
				i++;
				pending = TF_NOSPACE;
				continue;
			}
			{
				size_t end;
				int rc = 0;
				if (fast_word(td, text, len, i, pending, &end, &rc)) {
					if (rc < 0)
						return rc;
					i = end;
					pending = TF_NOSPACE;
					continue;
				}
			}
		}
		n = cp_at(text, len, i, &c);

		if (is_space(c)) {
			pending &= ~(unsigned)TF_NOSPACE;
			if (c == '\n')
				pending |= TF_NEWLINE;
			i += n;
			continue;
		}
		if (is_wordch(c)) {
			size_t start = i, j = i;
			unsigned flags = TF_WORD | pending;
			bool first_upper = is_upper(c), all_upper = true;
			unsigned letters = 0;

			if (c >= '0' && c <= '9')
				flags |= TF_DIGIT;
			for (;;) {
				utf8proc_int32_t d, e;
				size_t m;
				/* ASCII letters and digits: no decoding, a table lookup each */
				while (j < len) {
					unsigned char b = (unsigned char)text[j];
					unsigned k;
					if (b >= 0x80 || !((k = ascii_class[b]) & AC_WORD))
						break;
					if (k & AC_LETTER) {
						letters++;
						if (!(k & AC_UPPER))
							all_upper = false;
					}
					j++;
				}
				if (j >= len)
					break;
				/* an ASCII byte that is not part of a word ends it, unless it is an apostrophe */
				if (!((unsigned char)text[j] & 0x80) && text[j] != '\'')
					break;
				m = cp_at(text, len, j, &d);
				if (is_wordch(d)) {
					if (is_letter(d)) {
						letters++;
						if (!is_upper(d))
							all_upper = false;
					}
					j += m;
					continue;
				}
				/* an apostrophe inside a word: O'Brien, d'Ivoire; but 's ends it */
				if (ag__punct_ascii(d) == '\'' && j + m < len) {
					size_t m2 = cp_at(text, len, j + m, &e);
					if (is_letter(e)) {
						utf8proc_int32_t f = ' ';
						if (j + m + m2 < len)
							cp_at(text, len, j + m + m2, &f);
						if ((e == 's' || e == 'S') && !is_wordch(f)) {
							flags |= TF_POSS;
							if (push_token(td, start, j, flags | (first_upper ? TF_CAP : 0) |
							                                  (all_upper && letters > 1 ? TF_ALLCAPS : 0),
							               0, text) < 0)
								return AG_ENOMEM;
							i = j + m + m2;
							pending = TF_NOSPACE;
							goto next;
						}
						j += m;
						continue;
					}
				}
				break;
			}
			/* dotted abbreviations (U.S., U.K.) and initials (J. D. Vance) */
			if (j - start == 1 && first_upper && j < len && text[j] == '.') {
				size_t k = j + 1;
				while (k + 1 < len && (text[k] & 0x80) == 0 && ((text[k] >= 'A' && text[k] <= 'Z') ||
				                                                 (text[k] >= 'a' && text[k] <= 'z')) &&
				       text[k + 1] == '.')
					k += 2;
				if (k > j + 1) {
					flags |= TF_ABBREV;
					j = k;
				} else {
					flags |= TF_INITIAL;
					j = j + 1;
				}
			}
			/* possessive after a plural or abbreviation: "allies'" is left alone */
			if (first_upper)
				flags |= TF_CAP;
			if (all_upper && letters > 1)
				flags |= TF_ALLCAPS;
			if (push_token(td, start, j, flags, 0, text) < 0)
				return AG_ENOMEM;
			i = j;
			pending = TF_NOSPACE;
			continue;
		}
		if (push_token(td, i, i + n, pending, ag__punct_ascii(c), text) < 0)
			return AG_ENOMEM;
		i += n;
		pending = TF_NOSPACE;
	next:;
	}
	return 0;
}

int ag__tokenize(ag_textdoc *td, const char *text, size_t len)
{
	return tokenize(td, text, len, true);
}

int ag__tokenize_general(ag_textdoc *td, const char *text, size_t len)
{
	return tokenize(td, text, len, false);
}
