/*
 * test_dates.c - calendar arithmetic and date expressions (src/text/dates.c).
 *
 * Every parser is fed a heap copy of its input without a terminating NUL,
 * so that a read past `len` shows up under AddressSanitizer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/dates.h"

/* A heap copy of `str` holding exactly its bytes, no NUL. */
static char *span(const char *str, size_t *len)
{
	char *p;

	*len = strlen(str);
	p = malloc(*len ? *len : 1);
	assert_non_null(p);
	memcpy(p, str, *len);
	return p;
}

static size_t parse(const char *str, ag_date *d)
{
	size_t len, n;
	char *p = span(str, &len);

	n = ag__date_parse_at(p, len, d);
	free(p);
	return n;
}

static bool find(const char *str, ag_date *d, size_t *where)
{
	size_t len;
	char *p = span(str, &len);
	bool found = ag__date_find_document_date(p, len, d, where);

	free(p);
	return found;
}

static size_t relative(const char *str, int *delta)
{
	size_t len, n;
	char *p = span(str, &len);

	n = ag__date_parse_relative(p, len, delta);
	free(p);
	return n;
}

static size_t day_span(const char *str, int *count, int *ordinal)
{
	size_t len, n;
	char *p = span(str, &len);

	n = ag__date_parse_day_span(p, len, count, ordinal);
	free(p);
	return n;
}

static bool future(const char *str)
{
	size_t len;
	char *p = span(str, &len);
	bool cue = ag__date_future_cue(p, len);

	free(p);
	return cue;
}

static void assert_date(ag_date d, int y, int m, int day)
{
	assert_int_equal(d.year, y);
	assert_int_equal(d.month, m);
	assert_int_equal(d.day, day);
}

/* Parse `str` expecting all of it to be consumed as y-m-d. */
static void assert_parses(const char *str, int y, int m, int day)
{
	ag_date d = { 0, 0, 0 };

	assert_int_equal(parse(str, &d), strlen(str));
	assert_date(d, y, m, day);
}

static void assert_no_date(const char *str)
{
	ag_date d = { 1, 2, 3 };

	assert_int_equal(parse(str, &d), 0);
	assert_date(d, 1, 2, 3);	/* untouched */
}

static void test_valid_and_leap_years(void **state)
{
	ag_date d;
	(void)state;

	d = (ag_date){ 2024, 2, 29 };
	assert_true(ag__date_valid(&d));
	d = (ag_date){ 2026, 2, 29 };
	assert_false(ag__date_valid(&d));
	d = (ag_date){ 2000, 2, 29 };
	assert_true(ag__date_valid(&d));
	d = (ag_date){ 1900, 2, 29 };
	assert_false(ag__date_valid(&d));
	d = (ag_date){ 2026, 4, 31 };
	assert_false(ag__date_valid(&d));
	d = (ag_date){ 2026, 12, 31 };
	assert_true(ag__date_valid(&d));
	d = (ag_date){ 2026, 13, 1 };
	assert_false(ag__date_valid(&d));
	d = (ag_date){ 2026, 2, 0 };
	assert_false(ag__date_valid(&d));
	d = (ag_date){ 1899, 12, 31 };
	assert_false(ag__date_valid(&d));
	d = (ag_date){ 2101, 1, 1 };
	assert_false(ag__date_valid(&d));
	d = (ag_date){ -2026, 1, 1 };
	assert_false(ag__date_valid(&d));
	assert_false(ag__date_valid(NULL));
}

static void test_format(void **state)
{
	char out[11];
	ag_date d;
	(void)state;

	d = (ag_date){ 2026, 2, 17 };
	ag__date_format(&d, out);
	assert_string_equal(out, "2026-02-17");
	d = (ag_date){ 2026, 2, 0 };
	ag__date_format(&d, out);
	assert_string_equal(out, "2026-02");
	d = (ag_date){ 2026, 0, 0 };
	ag__date_format(&d, out);
	assert_string_equal(out, "2026");
	d = (ag_date){ 99999, 12, 31 };
	ag__date_format(&d, out);
	assert_string_equal(out, "");
	d = (ag_date){ 2026, 0, 5 };
	ag__date_format(&d, out);
	assert_string_equal(out, "");
	d = (ag_date){ 2026, 2, 30 };
	ag__date_format(&d, out);
	assert_string_equal(out, "");
}

static void test_cmp(void **state)
{
	ag_date a = { 2026, 2, 17 }, b = { 2026, 2, 18 }, c = { 2026, 2, 0 }, e = { 2025, 12, 31 };
	(void)state;

	assert_true(ag__date_cmp(&a, &b) < 0);
	assert_true(ag__date_cmp(&b, &a) > 0);
	assert_int_equal(ag__date_cmp(&a, &a), 0);
	assert_true(ag__date_cmp(&c, &a) < 0);
	assert_true(ag__date_cmp(&e, &c) < 0);
}

static void test_add_days(void **state)
{
	(void)state;

	assert_date(ag__date_add_days((ag_date){ 2026, 1, 31 }, 1), 2026, 2, 1);
	assert_date(ag__date_add_days((ag_date){ 2025, 12, 31 }, 1), 2026, 1, 1);
	assert_date(ag__date_add_days((ag_date){ 2026, 1, 1 }, -1), 2025, 12, 31);
	assert_date(ag__date_add_days((ag_date){ 2024, 2, 28 }, 1), 2024, 2, 29);
	assert_date(ag__date_add_days((ag_date){ 2026, 2, 28 }, 1), 2026, 3, 1);
	assert_date(ag__date_add_days((ag_date){ 2024, 3, 1 }, -1), 2024, 2, 29);
	assert_date(ag__date_add_days((ag_date){ 2026, 2, 17 }, 365), 2027, 2, 17);
	assert_date(ag__date_add_days((ag_date){ 2026, 2, 17 }, 0), 2026, 2, 17);
	assert_date(ag__date_add_days((ag_date){ 1900, 1, 1 }, 73413), 2100, 12, 31);
	/* leaving the year range, or huge offsets, give the invalid date */
	assert_date(ag__date_add_days((ag_date){ 1900, 1, 1 }, -1), 0, 0, 0);
	assert_date(ag__date_add_days((ag_date){ 2100, 12, 31 }, 1), 0, 0, 0);
	assert_date(ag__date_add_days((ag_date){ 2026, 2, 17 }, INT_MAX), 0, 0, 0);
	assert_date(ag__date_add_days((ag_date){ 2026, 2, 17 }, INT_MIN), 0, 0, 0);
	assert_date(ag__date_add_days((ag_date){ 2026, 2, 30 }, 1), 0, 0, 0);
	assert_date(ag__date_add_days((ag_date){ 2026, 2, 0 }, 1), 0, 0, 0);
}

static void test_weekday(void **state)
{
	ag_date d;
	(void)state;

	d = (ag_date){ 2026, 2, 17 };
	assert_int_equal(ag__date_weekday(&d), 1);	/* Tuesday */
	d = (ag_date){ 1970, 1, 1 };
	assert_int_equal(ag__date_weekday(&d), 3);
	d = (ag_date){ 1900, 1, 1 };
	assert_int_equal(ag__date_weekday(&d), 0);
	d = (ag_date){ 2100, 12, 31 };
	assert_int_equal(ag__date_weekday(&d), 4);
	d = (ag_date){ 2026, 2, 29 };
	assert_int_equal(ag__date_weekday(&d), -1);
}

static void test_parse_iso(void **state)
{
	ag_date d = { 0, 0, 0 };
	(void)state;

	assert_true(ag__date_parse_iso("2026-02-17", 10, &d));
	assert_date(d, 2026, 2, 17);
	assert_true(ag__date_parse_iso("2026-02", 7, &d));
	assert_date(d, 2026, 2, 0);
	assert_true(ag__date_parse_iso("2026", 4, &d));
	assert_date(d, 2026, 0, 0);
	assert_true(ag__date_parse_iso("2024-02-29", 10, &d));
	/* only the first len bytes count */
	assert_true(ag__date_parse_iso("2026-02-17T09:00", 10, &d));
	assert_date(d, 2026, 2, 17);

	d = (ag_date){ 1, 2, 3 };
	assert_false(ag__date_parse_iso("2026-02-29", 10, &d));
	assert_false(ag__date_parse_iso("2026-2-17", 9, &d));
	assert_false(ag__date_parse_iso("2026-02-17T", 11, &d));
	assert_false(ag__date_parse_iso("2026-13", 7, &d));
	assert_false(ag__date_parse_iso("2026-00", 7, &d));
	assert_false(ag__date_parse_iso("2026-01-00", 10, &d));
	assert_false(ag__date_parse_iso("2026/02/17", 10, &d));
	assert_false(ag__date_parse_iso("1850-01-01", 10, &d));
	assert_false(ag__date_parse_iso("99999", 5, &d));
	assert_false(ag__date_parse_iso("abcd", 4, &d));
	assert_false(ag__date_parse_iso("", 0, &d));
	assert_date(d, 1, 2, 3);
}

static void test_parse_forms(void **state)
{
	ag_date d = { 0, 0, 0 };
	(void)state;

	assert_parses("2026-02-18", 2026, 2, 18);
	assert_parses("2026/02/18", 2026, 2, 18);
	assert_parses("February 17, 2026", 2026, 2, 17);
	assert_parses("February 17,2026", 2026, 2, 17);
	assert_parses("Feb. 17, 2026", 2026, 2, 17);
	assert_parses("Feb 17 2026", 2026, 2, 17);
	assert_parses("Feb.17, 2026", 2026, 2, 17);
	assert_parses("february 17th, 2026", 2026, 2, 17);
	assert_parses("17 February 2026", 2026, 2, 17);
	assert_parses("17th of February 2026", 2026, 2, 17);
	assert_parses("18 August, 2025", 2025, 8, 18);
	assert_parses("Monday, 18 August 2025", 2025, 8, 18);
	assert_parses("Tuesday February 17, 2026", 2026, 2, 17);
	assert_parses("Sept. 9, 2025", 2025, 9, 9);
	assert_parses("Sep 9, 2025", 2025, 9, 9);
	assert_parses("9 Sept 2025", 2025, 9, 9);
	assert_parses("SEPTEMBER 30, 2025", 2025, 9, 30);
	assert_parses("Jan. 2, 2026", 2026, 1, 2);
	assert_parses("1 Dec 2025", 2025, 12, 1);
	assert_parses("29 February 2024", 2024, 2, 29);
	/* no-break space between the parts, as in text taken from HTML */
	assert_parses("17\xC2\xA0" "February\xC2\xA0" "2026", 2026, 2, 17);

	/* numeric day-month-year, and the US order only when forced */
	assert_parses("20-01-2026", 2026, 1, 20);
	assert_parses("20/01/2026", 2026, 1, 20);
	assert_parses("01/20/2026", 2026, 1, 20);
	assert_parses("03/04/2026", 2026, 4, 3);
	assert_parses("3-4-2026", 2026, 4, 3);

	/* month and year */
	assert_parses("March 2022", 2022, 3, 0);
	assert_parses("February 2022", 2022, 2, 0);
	assert_parses("May 2022", 2022, 5, 0);

	/* the expression ends where the date does */
	assert_int_equal(parse("17 February 2026, when the envoys met", &d), 16);
	assert_date(d, 2026, 2, 17);
	assert_int_equal(parse("Feb 17, 2026 (Reuters) - ", &d), 12);
	assert_int_equal(parse("2026-02-18T10:15:00Z", &d), 10);
	assert_date(d, 2026, 2, 18);
	assert_int_equal(parse("March 2022 saw a thaw", &d), 10);
	assert_date(d, 2022, 3, 0);
}

static void test_parse_rejects(void **state)
{
	(void)state;

	assert_no_date("");
	assert_no_date("May");
	assert_no_date("May 17");
	assert_no_date("March 3 (Reuters)");
	assert_no_date("17 February");
	assert_no_date("in 2014");
	assert_no_date("2014");
	assert_no_date("2026-02");
	assert_no_date("Mayor Smith");
	assert_no_date("Marching 2026");
	assert_no_date("31 February 2026");
	assert_no_date("February 29, 2026");
	assert_no_date("2026-02-30");
	assert_no_date("31/04/2026");
	assert_no_date("13/13/2026");
	assert_no_date("February 17, 99999");
	assert_no_date("17 February 99999");
	assert_no_date("99999-02-17");
	assert_no_date("17 February 1850");
	assert_no_date("February 17, 2150");
	assert_no_date("February 172026");
	assert_no_date("February 123, 2026");
	assert_no_date("May. 2022");
	assert_no_date("March 2020s");
	assert_no_date("20-01/2026");
	assert_no_date("20/01/26");
	assert_no_date("2025-2026");
	assert_no_date("10-12 people");
	assert_no_date("Monday");
	assert_no_date("Monday, March 2022");
	assert_no_date("Monday 17");
	assert_no_date("Mondays, 17 February 2026");
	assert_no_date("garbage \x01\xff\xfe text");
	assert_no_date(" 17 February 2026");	/* must start exactly at s[0] */
}

static void test_hostile_input(void **state)
{
	const size_t n = 10000;
	char *digits = malloc(n + 32);
	ag_date d = { 1, 2, 3 };
	int count = 0, ordinal = 0;
	unsigned int seed = 12345;
	char noise[512];
	size_t i;
	(void)state;

	assert_non_null(digits);
	memset(digits, '9', n);
	assert_int_equal(ag__date_parse_at(digits, n, &d), 0);
	assert_false(ag__date_find_document_date(digits, n, &d, NULL));
	assert_false(ag__date_parse_iso(digits, n, &d));
	assert_int_equal(ag__date_parse_day_span(digits, n, &count, &ordinal), 0);
	assert_false(ag__date_future_cue(digits, n));

	memcpy(digits + n, "-02-17", 6);
	assert_int_equal(ag__date_parse_at(digits, n + 6, &d), 0);
	memcpy(digits, "February ", 9);
	memcpy(digits + n, ", 2026", 6);
	assert_int_equal(ag__date_parse_at(digits, n + 6, &d), 0);
	memcpy(digits, "Published ", 10);
	assert_false(ag__date_find_document_date(digits, n + 6, &d, NULL));
	assert_date(d, 1, 2, 3);
	free(digits);

	/* random bytes with date words mixed in: nothing may crash or read out */
	for (i = 0; i < 200; i++) {
		static const char *const bits[] = {
			"February ", "17", ", ", "2026", "-", "/", "Monday", " ", "\n",
			"Published", "the ", "two", "day", "of ", "will", "\xC2", "\xA0", "9999",
		};
		size_t len = 0, j;

		while (len < sizeof(noise) - 16) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 3 == 0) {
				noise[len++] = (char)(seed >> 8);
			} else {
				const char *b = bits[(seed >> 16) % (sizeof(bits) / sizeof(bits[0]))];
				memcpy(noise + len, b, strlen(b));
				len += strlen(b);
			}
		}
		for (j = 0; j < len; j += 7) {
			int v;
			size_t m;
			char out[11];
			ag_date got = { 0, 0, 0 };

			m = ag__date_parse_at(noise + j, len - j, &got);
			assert_true(m <= len - j);
			if (m > 0) {
				ag__date_format(&got, out);
				assert_true(strlen(out) == 10 || strlen(out) == 7);
			}
			assert_true(ag__date_parse_relative(noise + j, len - j, &v) <= len - j);
			assert_true(ag__date_parse_day_span(noise + j, len - j, &count, &ordinal) <= len - j);
			assert_true(ag__date_parse_weekday(noise + j, len - j, &v) <= len - j);
			(void)ag__date_future_cue(noise + j, len - j);
		}
		if (ag__date_find_document_date(noise, len, &d, &j))
			assert_true(ag__date_valid(&d) && j < len);
	}
}

/* Every prefix of a date is either no date or a shorter one. */
static void test_truncated_input(void **state)
{
	static const char *const samples[] = {
		"Monday, 18 August 2025", "February 17,2026", "Feb. 17, 2026", "20/01/2026",
		"2026-02-18", "17th of February, 2026", "the first of two days",
		"the day before yesterday",
	};
	size_t k, cut, len;
	(void)state;

	for (k = 0; k < sizeof(samples) / sizeof(samples[0]); k++) {
		for (cut = 0; cut <= strlen(samples[k]); cut++) {
			char *p = span(samples[k], &len);
			ag_date d;
			int a, b;

			assert_true(ag__date_parse_at(p, cut, &d) <= cut);
			assert_true(ag__date_parse_relative(p, cut, &a) <= cut);
			assert_true(ag__date_parse_day_span(p, cut, &a, &b) <= cut);
			(void)ag__date_find_document_date(p, cut, &d, NULL);
			free(p);
		}
	}
}

static void test_document_published_header(void **state)
{
	const char *text =
		"The Northern Courier\n"
		"World | Europe | Diplomacy\n"
		"Envoys agree to resume grain corridor talks\n"
		"By Staff Writer  Published February 17,2026  Updated February 18, 2026\n"
		"\n"
		"The talks, first proposed on 3 January 2026, will resume next month.\n";
	ag_date d;
	size_t where;
	(void)state;

	assert_true(find(text, &d, &where));
	assert_date(d, 2026, 2, 17);
	assert_int_equal(where, (size_t)(strstr(text, "February 17,2026") - text));
}

static void test_document_date_first_line(void **state)
{
	const char *text =
		" date 2026-02-18 Foreign ministers meet in Vienna over border dispute\n"
		"The meeting follows a round held on 12 January 2026 in Oslo.\n";
	ag_date d;
	size_t where;
	(void)state;

	assert_true(find(text, &d, &where));
	assert_date(d, 2026, 2, 18);
	assert_int_equal(where, 6);
}

static void test_document_dateline(void **state)
{
	ag_date d = { 1, 2, 3 };
	size_t where;
	(void)state;

	/* a dateline without a year is no full date */
	assert_false(find("KYIV, March 3 (Reuters) - Officials from both sides met on Monday "
		"to discuss a prisoner exchange, a spokesman said.\n", &d, &where));
	assert_date(d, 1, 2, 3);

	/* with a year the dateline wins over an earlier body date on a long line */
	assert_true(find("Ministers recall the accord of 5 May 2021 as talks reopen across the region\n"
		"BRUSSELS, 4 March 2026 (AFP) - Ministers gathered again.\n", &d, &where));
	assert_date(d, 2026, 3, 4);
	assert_true(find("LONDON, March 4, 2026 \xE2\x80\x94 The summit opened.\n", &d, NULL));
	assert_date(d, 2026, 3, 4);
}

static void test_document_no_date(void **state)
{
	ag_date d;
	size_t where;
	(void)state;

	assert_false(find("", &d, &where));
	assert_false(find("Leaders met in May and again in 2014 to talk about trade.\n", &d, &where));
	assert_false(find("Published recently\nThe council met on Monday.\n", &d, &where));
	assert_false(find("Published March 2022\n", &d, &where));
}

static void test_document_footer_only(void **state)
{
	char text[2400];
	ag_date d;
	size_t where, len;
	(void)state;

	assert_true(find("Delegates discussed water rights on the river.\n"
		"They agreed to meet again soon.\n"
		"Edition 20 January 2026\n", &d, &where));
	assert_date(d, 2026, 1, 20);

	/* a body date far from the start is not a candidate, and it makes
	 * the footer date no longer the only one */
	memset(text, 'x', sizeof(text));
	for (len = 60; len < 2000; len += 61)
		text[len] = '\n';
	memcpy(text + 1800, " on 2 February 2026 ", 20);
	len = 2000;
	memcpy(text + len, "\nEdition 20 January 2026\n", 25);
	len += 25;
	text[len] = '\0';
	assert_false(find(text, &d, &where));

	/* a near body date wins over the footer */
	assert_true(find("The pact signed on 2 February 2026 in a long sentence about the talks.\n"
		"Copyright 20 January 2026 The Courier\n", &d, &where));
	assert_date(d, 2026, 2, 2);

	/* "rights" in a body sentence does not make it a footer */
	assert_true(find("Talks on human rights resumed on 3 March 2026, officials told reporters later.\n"
		"All rights reserved.\n", &d, &where));
	assert_date(d, 2026, 3, 3);
}

static void test_document_preferences(void **state)
{
	ag_date d;
	size_t where;
	const char *own_line =
		"Observers recalled that on 9 November 2025 the previous round collapsed without a deal.\n"
		"Tuesday, 17 February 2026\n"
		"Talks resumed.\n";
	(void)state;

	/* a date on a short line of its own beats a body date */
	assert_true(find(own_line, &d, &where));
	assert_date(d, 2026, 2, 17);
	assert_int_equal(where, (size_t)(strstr(own_line, "Tuesday") - own_line));

	/* "Published" beats "Updated" whatever the order */
	assert_true(find("Updated 18 February 2026\nPublished 17 February 2026\n", &d, &where));
	assert_date(d, 2026, 2, 17);

	/* a cue on the line above */
	assert_true(find("Observers recalled that on 9 November 2025 the previous round collapsed entirely.\n"
		"First published:\n\n17 February 2026 09:30 GMT\n", &d, &where));
	assert_date(d, 2026, 2, 17);

	/* the first full date in the opening bytes when nothing else fits */
	assert_true(find("Negotiators said on 9 November 2025 that the corridor would reopen by "
		"1 March 2026, after talks in the capital.\n", &d, &where));
	assert_date(d, 2025, 11, 9);
	assert_int_equal(where, 20);
}

static void test_weekdays(void **state)
{
	int wd = -1;
	(void)state;

	assert_int_equal(ag__date_parse_weekday("Monday", 6, &wd), 6);
	assert_int_equal(wd, 0);
	assert_int_equal(ag__date_parse_weekday("SUNDAY night", 12, &wd), 6);
	assert_int_equal(wd, 6);
	assert_int_equal(ag__date_parse_weekday("wednesday's", 11, &wd), 9);
	assert_int_equal(wd, 2);
	assert_int_equal(ag__date_parse_weekday("Mondays", 7, &wd), 0);
	assert_int_equal(ag__date_parse_weekday("Mon", 3, &wd), 0);
	assert_int_equal(ag__date_parse_weekday("Monday", 5, &wd), 0);	/* cut short */

	/* 2026-03-02 is a Monday */
	assert_date(ag__date_resolve_weekday((ag_date){ 2026, 3, 2 }, 5, false), 2026, 2, 28);
	assert_date(ag__date_resolve_weekday((ag_date){ 2026, 3, 2 }, 0, false), 2026, 3, 2);
	assert_date(ag__date_resolve_weekday((ag_date){ 2026, 3, 2 }, 0, true), 2026, 3, 2);
	assert_date(ag__date_resolve_weekday((ag_date){ 2026, 3, 2 }, 6, true), 2026, 3, 8);
	/* across the year: 2026-01-01 is a Thursday, 2025-12-30 a Tuesday */
	assert_date(ag__date_resolve_weekday((ag_date){ 2026, 1, 1 }, 0, false), 2025, 12, 29);
	assert_date(ag__date_resolve_weekday((ag_date){ 2025, 12, 30 }, 4, true), 2026, 1, 2);
	/* across a leap day: 2024-03-01 is a Friday */
	assert_date(ag__date_resolve_weekday((ag_date){ 2024, 3, 1 }, 3, false), 2024, 2, 29);
	assert_date(ag__date_resolve_weekday((ag_date){ 2024, 2, 26 }, 3, true), 2024, 2, 29);
	/* bad input */
	assert_date(ag__date_resolve_weekday((ag_date){ 2026, 2, 30 }, 0, true), 0, 0, 0);
	assert_date(ag__date_resolve_weekday((ag_date){ 2026, 3, 2 }, 7, true), 0, 0, 0);
	assert_date(ag__date_resolve_weekday((ag_date){ 2026, 3, 2 }, -1, false), 0, 0, 0);
}

static void test_relative(void **state)
{
	int delta = 99;
	(void)state;

	assert_int_equal(relative("today", &delta), 5);
	assert_int_equal(delta, 0);
	assert_int_equal(relative("Yesterday, the envoys", &delta), 9);
	assert_int_equal(delta, -1);
	assert_int_equal(relative("TOMORROW", &delta), 8);
	assert_int_equal(delta, 1);
	assert_int_equal(relative("the following day", &delta), 17);
	assert_int_equal(delta, 1);
	assert_int_equal(relative("the next\n day they left", &delta), 13);
	assert_int_equal(delta, 1);
	assert_int_equal(relative("the previous day", &delta), 16);
	assert_int_equal(delta, -1);
	assert_int_equal(relative("the day before", &delta), 14);
	assert_int_equal(delta, -1);
	assert_int_equal(relative("the day before yesterday", &delta), 24);
	assert_int_equal(delta, -2);
	assert_int_equal(relative("today's vote", &delta), 5);
	assert_int_equal(delta, 0);

	delta = 99;
	assert_int_equal(relative("todays", &delta), 0);
	assert_int_equal(relative("tomorrowland", &delta), 0);
	assert_int_equal(relative("the day", &delta), 0);
	assert_int_equal(relative("the next week", &delta), 0);
	assert_int_equal(relative("last week", &delta), 0);
	assert_int_equal(relative("", &delta), 0);
	assert_int_equal(delta, 99);
}

static void test_day_spans(void **state)
{
	int count = -1, ordinal = -1;
	(void)state;

	assert_int_equal(day_span("the first of two days of talks", &count, &ordinal), 21);
	assert_int_equal(count, 2);
	assert_int_equal(ordinal, 1);
	assert_int_equal(day_span("first of two days", &count, &ordinal), 17);
	assert_int_equal(count, 2);
	assert_int_equal(ordinal, 1);
	assert_int_equal(day_span("a second day of negotiations", &count, &ordinal), 12);
	assert_int_equal(count, 2);
	assert_int_equal(ordinal, 2);
	assert_int_equal(day_span("second day of negotiations", &count, &ordinal), 10);
	assert_int_equal(count, 2);
	assert_int_equal(ordinal, 2);
	assert_int_equal(day_span("two-day summit", &count, &ordinal), 7);
	assert_int_equal(count, 2);
	assert_int_equal(ordinal, 0);
	assert_int_equal(day_span("a three-day visit", &count, &ordinal), 11);
	assert_int_equal(count, 3);
	assert_int_equal(day_span("two days of talks", &count, &ordinal), 8);
	assert_int_equal(count, 2);
	assert_int_equal(ordinal, 0);
	assert_int_equal(day_span("3 days", &count, &ordinal), 6);
	assert_int_equal(count, 3);
	assert_int_equal(day_span("the 2nd day", &count, &ordinal), 11);
	assert_int_equal(ordinal, 2);
	assert_int_equal(day_span("the third of the five days", &count, &ordinal), 26);
	assert_int_equal(count, 5);
	assert_int_equal(ordinal, 3);
	assert_int_equal(day_span("Ten days", &count, &ordinal), 8);
	assert_int_equal(count, 10);

	count = ordinal = -1;
	assert_int_equal(day_span("third of two days", &count, &ordinal), 0);
	assert_int_equal(day_span("45 days", &count, &ordinal), 0);
	assert_int_equal(day_span("0 days", &count, &ordinal), 0);
	assert_int_equal(day_span("forty days", &count, &ordinal), 0);
	assert_int_equal(day_span("two", &count, &ordinal), 0);
	assert_int_equal(day_span("the summit", &count, &ordinal), 0);
	assert_int_equal(day_span("a", &count, &ordinal), 0);
	assert_int_equal(day_span("twoday", &count, &ordinal), 0);
	assert_int_equal(day_span("two daylight hours", &count, &ordinal), 0);
	assert_int_equal(day_span("first of many", &count, &ordinal), 0);
	assert_int_equal(count, -1);
	assert_int_equal(ordinal, -1);
}

static void test_future_cues(void **state)
{
	(void)state;

	assert_true(future("The foreign ministers will meet again on"));
	assert_true(future("Talks are set to resume on"));
	assert_true(future("The vote is scheduled for"));
	assert_true(future("She is to travel to Ankara on"));
	assert_true(future("The envoys are expected to sign the text on"));
	assert_true(future("A second round is planned for"));
	assert_true(future("Negotiations are due to continue on"));
	assert_true(future("Delegates meet again next"));
	assert_true(future("WILL"));

	assert_false(future(""));
	assert_false(future("The delegation met the president on"));
	assert_false(future("They were expected on"));
	assert_false(future("He sat next to the minister on"));
	assert_false(future("A goodwill visit took place on"));
	assert_false(future("Willow Street was closed on"));
	assert_false(future("The island is tiny; it flooded on"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_and_leap_years),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_add_days),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_parse_iso),
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_hostile_input),
		cmocka_unit_test(test_truncated_input),
		cmocka_unit_test(test_document_published_header),
		cmocka_unit_test(test_document_date_first_line),
		cmocka_unit_test(test_document_dateline),
		cmocka_unit_test(test_document_no_date),
		cmocka_unit_test(test_document_footer_only),
		cmocka_unit_test(test_document_preferences),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_day_spans),
		cmocka_unit_test(test_future_cues),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
