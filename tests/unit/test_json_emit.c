/*
 * test_json_emit.c - the JSON emitter writes what jansson's json_dumpb
 * writes for the same values (JSON_INDENT(1), JSON_REAL_PRECISION(12)):
 * strings with every escape, bytes that are not UTF-8 (left out, as
 * json_string refuses them), integers at both ends, reals of every size,
 * and nested objects and arrays, empty ones too.  Random strings and
 * doubles from a fixed seed cover what the lists forget.
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "format/json_emit.h"

#define FLAGS (JSON_INDENT(1) | JSON_REAL_PRECISION(12) | JSON_ENCODE_ANY)

/* jansson's bytes for v (taken over), or NULL when v is NULL. */
static char *dump(json_t *v)
{
	char *s;
	if (!v)
		return NULL;
	s = json_dumps(v, FLAGS);
	json_decref(v);
	return s;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void same_string(const char *s)
{
	ag_jw w = {{0}, NULL, 0, 0, NULL};
	char *want = dump(json_string(s));
	bool ok = ag__jw_string(&w, s);
	assert_int_equal(w.rc, 0);
	if (!want) {
		assert_false(ok);
		assert_false(ag__jw_string_ok(s));
		assert_true(w.out.len == 0);
	} else {
		assert_true(ok);
		assert_true(ag__jw_string_ok(s));
		assert_string_equal(w.out.data, want);
	}
	free(want);
	ag__jw_free(&w);
}

static void test_strings(void **state)
{
	static const char *const cases[] = {
		"", "plain", "quote \" and \\ backslash", "/slash/", "tab\there\nnewline\r\b\f",
		"\x01\x02\x1f\x7f", "<script>alert(1)</script>", "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80",
		"\xc3\x28", "\xe2\x82", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\xff", "ok\x80",
		"\xef\xbf\xbe", "\xf0\x9f\x98",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		same_string(cases[i]);
	/* random bytes, mostly ASCII, some high and control bytes */
	for (int k = 0; k < 20000; k++) {
		char s[40];
		size_t n = next() % sizeof(s);
		for (size_t i = 0; i < n; i++) {
			uint64_t r = next();
			s[i] = (char)(r % 4 == 0 ? 0x80 + (r >> 8) % 0x80 : r % 9 == 0 ? 1 + (r >> 8) % 0x1f : 0x20 + (r >> 8) % 0x5f);
		}
		s[n] = '\0';
		same_string(s);
	}
}

/* json_write's rule: null, an integer when integral below 2^53, else a real. */
static json_t *number(double v)
{
	if (!isfinite(v))
		return json_null();
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static void same_number(double v)
{
	ag_jw w = {{0}, NULL, 0, 0, NULL};
	char *want = dump(number(v));
	ag__jw_number(&w, v);
	assert_int_equal(w.rc, 0);
	assert_string_equal(w.out.data, want);
	free(want);
	ag__jw_free(&w);
}

static void test_numbers(void **state)
{
	static const double cases[] = {
		0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 1.5e-300, 1e20, 1e21, 1e300, -2.5e-5,
		9007199254740992.0, 9007199254740993.0, -9007199254740992.0, 123456789012.5, 1234567890123.5,
		DBL_MAX, DBL_MIN, 4.9e-324, 0.000123456789012345, 100.0, 1e12 + 0.5,
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		same_number(cases[i]);
	same_number(NAN);
	same_number(INFINITY);
	same_number(-INFINITY);
	for (int k = 0; k < 20000; k++) {
		uint64_t bits = next();
		double v;
		memcpy(&v, &bits, sizeof(v));
		same_number(v);
		same_number((double)(int64_t)(next() >> (next() % 64)));
		same_number((double)(next() % 1000000) / 1000.0);
	}
}

static void test_integers(void **state)
{
	(void)state;
	static const long long cases[] = {0, 1, -1, 9, 10, -10, 1234567890, LLONG_MAX, LLONG_MIN, LLONG_MIN + 1};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ag_jw w = {{0}, NULL, 0, 0, NULL};
		char *want = dump(json_integer(cases[i]));
		ag__jw_int(&w, cases[i]);
		assert_string_equal(w.out.data, want);
		free(want);
		ag__jw_free(&w);
	}
}

/* The same nested value both ways, and a value dumped by jansson inside ours. */
static void test_nesting(void **state)
{
	ag_jw w = {{0}, NULL, 0, 0, NULL};
	ag_jw_obj top, arr, inner, empty_o, empty_a;
	json_t *t = json_object(), *a = json_array(), *in = json_object(), *extra = json_pack("{s:[i,{s:s}]}", "k", 1, "x", "y");
	char *want;

	(void)state;
	json_object_set_new(in, "b", json_null());
	json_object_set_new(in, "c", json_real(0.25));
	json_array_append_new(a, json_integer(1));
	json_array_append_new(a, json_string("x\n"));
	json_array_append_new(a, in);
	json_object_set_new(t, "a", a);
	json_object_set_new(t, "empty_object", json_object());
	json_object_set_new(t, "empty_array", json_array());
	json_object_set_new(t, "s", json_string("caf\xc3\xa9"));
	json_object_set(t, "extra", extra);
	want = dump(t);

	top = ag__jw_object(&w, 0);
	assert_true(ag__jw_key(&top, "a"));
	arr = ag__jw_array(&w, 1);
	ag__jw_item(&arr);
	ag__jw_int(&w, 1);
	ag__jw_item(&arr);
	ag__jw_string(&w, "x\n");
	ag__jw_item(&arr);
	inner = ag__jw_object(&w, 2);
	ag__jw_member_str(&inner, "b", NULL);
	ag__jw_member_number(&inner, "c", 0.25);
	ag__jw_member_str(&inner, "not utf-8", "\xff"); /* left out, as json_string refuses it */
	ag__jw_object_end(&inner);
	ag__jw_array_end(&arr);
	assert_false(ag__jw_key(&top, "\xc3")); /* a key that is not UTF-8: nothing */
	ag__jw_key(&top, "empty_object");
	empty_o = ag__jw_object(&w, 1);
	ag__jw_object_end(&empty_o);
	ag__jw_key(&top, "empty_array");
	empty_a = ag__jw_array(&w, 1);
	ag__jw_array_end(&empty_a);
	ag__jw_member_str(&top, "s", "caf\xc3\xa9");
	ag__jw_member_value(&top, "extra", extra);
	ag__jw_object_end(&top);

	assert_int_equal(w.rc, 0);
	assert_string_equal(w.out.data, want);
	free(want);
	json_decref(extra);
	ag__jw_free(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_nesting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
