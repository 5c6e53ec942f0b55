/*
 * test_tokenize.c - the tokenizer's fast path for ASCII words, spaces and
 * punctuation gives exactly the tokens of its general path (every byte
 * decoded and classified through utf8proc): offsets, flags, stand-in
 * punctuation, folded forms and their hashes.  Texts: hand-picked cases
 * (initials, "U.S.", possessives, apostrophes inside words, accents, NUL and
 * control bytes, bytes that are not UTF-8, a word too long to keep whole)
 * and 5,000 random texts from a fixed seed built of such pieces.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/tokenize.h"

static void same_tokens(const char *text, size_t len)
{
	ag_textdoc a = {0}, b = {0};
	assert_int_equal(ag__tokenize(&a, text, len), 0);
	assert_int_equal(ag__tokenize_general(&b, text, len), 0);
	if (a.n_toks != b.n_toks)
		fail_msg("%zu tokens, the general path %zu, in \"%.*s\"", a.n_toks, b.n_toks, (int)(len > 200 ? 200 : len), text);
	for (size_t i = 0; i < a.n_toks; i++) {
		const ag_token *x = &a.toks[i], *y = &b.toks[i];
		if (x->start != y->start || x->end != y->end || x->flags != y->flags || x->punct != y->punct ||
		    x->fold_len != y->fold_len || x->hash != y->hash || strcmp(ag__tok_fold(&a, i), ag__tok_fold(&b, i)) != 0)
			fail_msg("token %zu [%u, %u) flags %#x fold '%s', the general path [%u, %u) flags %#x fold '%s'", i,
			         x->start, x->end, x->flags, ag__tok_fold(&a, i), y->start, y->end, y->flags, ag__tok_fold(&b, i));
	}
	ag__textdoc_free(&a);
	ag__textdoc_free(&b);
}

static void test_cases(void **state)
{
	static const char *const cases[] = {
		"", " ", "a", "A", "AB", "A.", "J. D. Vance", "U.S.-backed", "U.K.", "Zelensky's plan", "allies' talks",
		"O'Brien and d'Ivoire", "Côte d'Ivoire", "ERDOĞAN", "naïve café", "Straße", "İstanbul", "x\xc2\xa0y",
		"zero\xe2\x80\x8bwidth", "don't", "rock 'n' roll", "'quoted'", "\"Hi\" - she said...", "6-10 March 2026",
		"A1B2 b3", "\x01\x02\x7f", "tab\there\r\nline", "end.", "Mr. Smith", "I.", "a.b", "e-mail",
		"\xff\xfe bad", "caf\xc3", "MIT's AI", "NATO'S", "X's", "x'",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		same_tokens(cases[i], strlen(cases[i]));
	same_tokens("a\0b c\0", 6); /* NUL bytes */
}

static void test_long_word(void **state)
{
	size_t n = 70000;
	char *s = malloc(n + 3);
	(void)state;
	assert_non_null(s);
	memset(s, 'x', n);
	memcpy(s + n, " y", 3);
	same_tokens(s, n + 2); /* cut at 0xFFFF / 4 bytes on both paths */
	free(s);
}

static uint64_t rng = 0x2545F4914F6CDD1Dull;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void test_random(void **state)
{
	static const char *const pieces[] = {
		"Putin", "U.S.", "J.", "talks", "O'Brien", "d'Ivoire", "'s", "'", "Côte", "Ürümqi", "NATO", "a", "I",
		"A.B.C.", "6-10", "2026", "—", "“", "”", "\xc2\xa0", "\xe2\x80\x8b", "ß", "İ", "ﬃ", ".", ",", "-", "\n",
		" ", "  ", "\t", "\r", "\x01", "\x80", "\xc3", "\xff", "Mr.", "x1", "ABC", "aBc",
	};
	char buf[512];
	(void)state;
	for (int k = 0; k < 5000; k++) {
		size_t len = 0, parts = next() % 40;
		for (size_t p = 0; p < parts; p++) {
			const char *piece = pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))];
			size_t m = strlen(piece);
			if (len + m >= sizeof(buf))
				break;
			memcpy(buf + len, piece, m);
			len += m;
		}
		same_tokens(buf, len);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
