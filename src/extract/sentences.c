/*
 * sentences.c - from a document's bytes to tokens and sentences, with page
 * furniture (sign-up prompts, photo credits, bylines, footers) marked so that
 * later stages skip it.  Offsets always point into the original text.
 */
#include <stdlib.h>
#include <utf8proc.h>

#include "extract/extract_impl.h"

/* ---- folding ---------------------------------------------------------------- */

/* Punctuation that news text writes in several ways, folded to ASCII. */
static char punct_ascii(utf8proc_int32_t c)
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
	if (punct_ascii(c) == '\'')
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

/* ---- tokens ----------------------------------------------------------------- */

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

/* ASCII byte classes for the tokenizer's fast path. */
enum { AC_WORD = 1, AC_LETTER = 2, AC_UPPER = 4 };
static const unsigned char ascii_class[128] = {
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

int ag__tokenize(ag_textdoc *td, const char *text, size_t len)
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
		size_t n = cp_at(text, len, i, &c);

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
				if (punct_ascii(d) == '\'' && j + m < len) {
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
		if (push_token(td, i, i + n, pending, punct_ascii(c), text) < 0)
			return AG_ENOMEM;
		i += n;
		pending = TF_NOSPACE;
	next:;
	}
	return 0;
}

/* ---- page furniture ----------------------------------------------------------- */

/* Lines that are navigation, sign-up prompts or other page furniture; matched
 * case-insensitively at the start of a line (after folding). */
static const char *const furniture_starts[] = {
	"contact us", "subscribe", "sign up", "sign in", "log in", "login", "register", "email us",
	"by continuing", "advertisement", "sponsored", "share this", "share on", "follow us",
	"follow the", "click here", "get the first look", "skip to", "all rights reserved",
	"copyright", "(c) ", "terms of use", "terms and conditions", "privacy policy", "cookie",
	"credit:", "credits:", "photo:", "photos:", "photograph:", "image:", "picture:", "file photo",
	"video:", "watch:", "listen:", "read more", "read also", "also read", "see also", "related:",
	"related articles", "related stories", "more from", "more stories", "recommended",
	"most read", "most popular", "trending", "you may also like", "top stories", "latest edition",
	"latest news", "newsletter", "download the", "install the", "join our", "leave a comment",
	"comments", "reporting by", "editing by", "additional reporting", "written by", "posted by",
	"published", "updated", "last updated", "first published", "staff writer", "staff writers",
	"news desk", "tags:", "topics:", NULL};

/* Lines after which the story is over (the rest is footer), when they come
 * past the first third of the text.  "READ MORE" and "ALSO READ" are not among
 * them: pages put those between paragraphs of the story too. */
static const char *const footer_starts[] = {
	"comments", "latest edition", "related articles", "related stories", "more from",
	"more stories", "recommended", "most read", "most popular", "you may also like",
	"top stories", "tags:", "topics:", NULL};

static bool starts_with_word(const char *s, size_t n, const char *prefix)
{
	size_t k;
	if (n == 0 || s[0] != prefix[0])
		return false; /* the common case, decided on the first byte */
	k = strlen(prefix);
	if (n < k || memcmp(s, prefix, k) != 0)
		return false;
	/* whole word, unless the prefix ends in punctuation or a space */
	if (n == k || !((prefix[k - 1] >= 'a' && prefix[k - 1] <= 'z')))
		return true;
	return !((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= '0' && s[k] <= '9'));
}

static bool line_matches(const char *folded, size_t n, const char *const *list)
{
	for (size_t k = 0; list[k]; k++)
		if (starts_with_word(folded, n, list[k]))
			return true;
	return false;
}

/* Mark tokens [a, b) as furniture. */
static void skip_tokens(ag_textdoc *td, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < td->n_toks; i++)
		td->toks[i].flags |= TF_SKIP;
}

static bool tok_terminal(const ag_textdoc *td, size_t i)
{
	char p = ag__tok_punct(td, i);
	return p == '.' || p == '!' || p == '?';
}

/* The lists above are matched on the first bytes of a line's folded form:
 * a match looks at most at its prefix and the byte after it.  Longer than
 * the longest prefix (20 bytes) with room to spare. */
#define LINE_START_BYTES 32

/* fb = the folded form of s[0..n), or of a part of it that starts the same
 * and is at least LINE_START_BYTES long: the lists cannot tell them apart.
 * Folding goes code point by code point, so a cut at a code point boundary
 * gives the beginning of the whole folded form. */
static int fold_line_start(const char *s, size_t n, ag_buf *fb)
{
	size_t cut = n;
	ag__buf_clear(fb);
	if (n > 2 * LINE_START_BYTES) {
		cut = 2 * LINE_START_BYTES;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		if (cut > 0) {
			if (ag__fold(s, cut, fb) < 0)
				return AG_ENOMEM;
			if (fb->len >= LINE_START_BYTES)
				return 0;
			ag__buf_clear(fb);
		}
	}
	return ag__fold(s, n, fb);
}

/* Decide line by line what is furniture.  A line is a run of tokens between
 * TF_NEWLINE tokens. */
static int mark_furniture(ag_textdoc *td, const char *text)
{
	size_t line = 0, n = td->n_toks;
	bool footer = false;
	ag_buf *fb = &td->scratch;

	while (line < n) {
		size_t end = line + 1, words = 0, caps = 0, lower = 0;
		size_t lstart, lend;
		bool media_only = true;

		while (end < n && !(td->toks[end].flags & TF_NEWLINE))
			end++;
		lstart = td->toks[line].start;
		lend = td->toks[end - 1].end;
		for (size_t i = line; i < end; i++) {
			if (!(td->toks[i].flags & TF_WORD))
				continue;
			words++;
			if (td->toks[i].flags & (TF_ALLCAPS))
				caps++;
			if (!(td->toks[i].flags & TF_CAP) && !(td->toks[i].flags & TF_DIGIT))
				lower++;
			if (media_only && !ag__gz_tok_has(td, i, GZ_MEDIA) && !ag__gz_tok_has(td, i, GZ_NONPERSON))
				media_only = false;
		}
		if (fold_line_start(text + lstart, lend - lstart < 200 ? lend - lstart : 200, fb) < 0)
			return AG_ENOMEM;
		if (footer) {
			skip_tokens(td, line, end);
		} else if (line_matches(fb->data, fb->len, footer_starts) && words <= 12 &&
		           lstart * 3 > td->doc->len) {
			footer = true;
			skip_tokens(td, line, end);
		} else if (words <= 14 && !tok_terminal(td, end - 1) && line_matches(fb->data, fb->len, furniture_starts)) {
			skip_tokens(td, line, end);
		} else if (line_matches(fb->data, fb->len, furniture_starts) && words <= 30 &&
		           (starts_with_word(fb->data, fb->len, "credit:") || starts_with_word(fb->data, fb->len, "photo:") ||
		            starts_with_word(fb->data, fb->len, "published") || starts_with_word(fb->data, fb->len, "updated"))) {
			skip_tokens(td, line, end);
		} else if (words && words <= 4 && (media_only || caps == words) && !tok_terminal(td, end - 1)) {
			/* a byline or section label: "Staff Writers", "Reuters", "DPA WORLD" */
			skip_tokens(td, line, end);
		} else if (words && words <= 6 && ag__tok_is(td, line, "by") && lower <= 1) {
			skip_tokens(td, line, end);
		} else {
			/* in-line furniture: "... Credit: Name/Agency" to the end of the line,
			 * and a "Desk:" or "CITY (Agency) -" prefix */
			for (size_t i = line; i + 1 < end; i++) {
				if ((ag__tok_is(td, i, "credit") || ag__tok_is(td, i, "credits") ||
				     ag__tok_is(td, i, "photo")) && ag__tok_punct(td, i + 1) == ':' &&
				    (td->toks[i].flags & TF_CAP)) {
					skip_tokens(td, i, end);
					break;
				}
			}
			if (end - line > 2 && ag__tok_is(td, line, "desk") && ag__tok_punct(td, line + 1) == ':')
				skip_tokens(td, line, line + 2);
			else if (end - line > 3 && (td->toks[line].flags & TF_WORD) && ag__tok_punct(td, line + 2) == ':' &&
			         ag__tok_is(td, line + 1, "desk"))
				skip_tokens(td, line, line + 3);
			/* a dateline: "GENEVA, Feb 17, 2026 (Reuters) - ..." */
			{
				size_t k = line;
				while (k < end && k < line + 3 && (td->toks[k].flags & TF_ALLCAPS))
					k++;
				if (k > line && k < end && (ag__tok_punct(td, k) == ',' || ag__tok_punct(td, k) == '(')) {
					for (size_t d = k; d < end && d < k + 16; d++) {
						if (ag__tok_punct(td, d) == '-' && !(td->toks[d].flags & TF_NOSPACE)) {
							skip_tokens(td, line, d + 1);
							break;
						}
					}
				}
			}
			/* " date 2026-02-18 Headline ..." */
			if (end - line > 6 && ag__tok_is(td, line, "date") && (td->toks[line + 1].flags & TF_DIGIT) &&
			    ag__tok_punct(td, line + 2) == '-' && ag__tok_punct(td, line + 4) == '-')
				skip_tokens(td, line, line + 6);
		}
		line = end;
	}
	return 0;
}

/* ---- sentences ---------------------------------------------------------------- */

static const char *const abbreviations[] = {
	"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "prof",
	"sen", "rep", "gov", "pres", "rev", "hon", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co",
	"corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"approx", "est", "dept", "univ", "fig", NULL};

static ag_wordset abbreviation_set = AG_WORDSET(abbreviations);

static int push_sentence(ag_textdoc *td, size_t a, size_t b)
{
	ag_sentence *s;
	if (a >= b)
		return 0;
	if (AG_GROW(td->sents, td->cap_sents, td->n_sents + 1) < 0)
		return AG_ENOMEM;
	s = &td->sents[td->n_sents];
	s->tok = (uint32_t)a;
	s->ntok = (uint32_t)(b - a);
	s->start = td->toks[a].start;
	s->end = td->toks[b - 1].end;
	for (size_t i = a; i < b; i++)
		td->toks[i].sent = (uint32_t)td->n_sents;
	td->toks[a].flags |= TF_SENT;
	td->n_sents++;
	return 0;
}

/* A "sentence" longer than this (a page with no full stops, a 100 MB line) is
 * cut: every later stage does bounded work per sentence, so the whole
 * extraction stays linear in the size of the text. */
#define MAX_SENTENCE_TOKENS 256

static int split_sentences(ag_textdoc *td)
{
	size_t a = 0, n = td->n_toks;
	td->n_sents = 0;
	for (size_t i = 0; i < n; i++) {
		const ag_token *t = &td->toks[i];
		bool brk = i - a >= MAX_SENTENCE_TOKENS;

		/* a line break ends a sentence, unless a hard-wrapped sentence goes on in lower case */
		if (i > a && (t->flags & TF_NEWLINE) &&
		    !(!tok_terminal(td, i - 1) && (t->flags & TF_WORD) && !(t->flags & (TF_CAP | TF_DIGIT))))
			brk = true;
		/* furniture never shares a sentence with the story */
		if (i > a && ((t->flags ^ td->toks[i - 1].flags) & TF_SKIP))
			brk = true;
		if (brk) {
			if (push_sentence(td, a, i) < 0)
				return AG_ENOMEM;
			a = i;
		}
		if (tok_terminal(td, i) && i > a) {
			size_t j = i + 1;
			const ag_token *prev = &td->toks[i - 1];
			/* closing quotes and brackets stay with the sentence */
			while (j < n && !(td->toks[j].flags & (TF_WORD | TF_NEWLINE)) &&
			       (td->toks[j].punct == '"' || td->toks[j].punct == '\'' || td->toks[j].punct == ')' ||
			        tok_terminal(td, j)))
				j++;
			if (ag__tok_punct(td, i) == '.' && (prev->flags & TF_WORD) &&
			    ag__tok_in(td, i - 1, &abbreviation_set) && j < n && !(td->toks[j].flags & TF_NEWLINE))
				continue; /* "Mr. Smith" */
			if (j >= n || (td->toks[j].flags & TF_NEWLINE) ||
			    (td->toks[j].flags & (TF_CAP | TF_DIGIT)) || !(td->toks[j].flags & TF_WORD)) {
				if (push_sentence(td, a, j) < 0)
					return AG_ENOMEM;
				a = j;
				i = j - 1;
			}
		}
	}
	return push_sentence(td, a, n);
}

int ag__text_prepare(ag_textdoc *td, const ag_document *doc)
{
	int rc;
	td->doc = doc;
	td->n_sents = 0;
	td->n_ments = 0;
	for (size_t i = 0; i < td->n_persons; i++) {
		free(td->persons[i].label);
		free(td->persons[i].surname);
		free(td->persons[i].role);
		ag__strlist_free(&td->persons[i].aliases);
	}
	td->n_persons = 0;
	td->n_meetings = 0;
	if ((rc = ag__tokenize(td, doc->text, doc->len)) < 0)
		return rc;
	if ((rc = mark_furniture(td, doc->text)) < 0)
		return rc;
	return split_sentences(td);
}

void ag__textdoc_free(ag_textdoc *td)
{
	free(td->toks);
	free(td->sents);
	free(td->fold);
	free(td->ments);
	free(td->tok_ment);
	for (size_t i = 0; i < td->n_persons; i++) {
		free(td->persons[i].label);
		free(td->persons[i].surname);
		free(td->persons[i].role);
		ag__strlist_free(&td->persons[i].aliases);
	}
	free(td->persons);
	free(td->meetings);
	ag__buf_free(&td->scratch);
	memset(td, 0, sizeof(*td));
}
