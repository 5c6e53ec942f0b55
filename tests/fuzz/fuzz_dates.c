/*
 * fuzz_dates.c - the date parsers of text/dates.h (private) on arbitrary
 * bytes.  The first four bytes choose an anchor date (a story's date); the
 * rest is text, and every parser is tried at every offset of it, each on
 * the span up to the end of the input (so that ASan sees a read past it).
 *
 * Invariants: a parser consumes no more than it was given and gives only
 * what its contract allows (years in range, real calendar days, weekdays
 * 0..6, spans 1..31); a full date formats and parses back to itself; date
 * arithmetic goes forward and back to the same day with the weekday moving
 * along; a resolved weekday or month-day is that weekday or day, on the
 * right side of the anchor and near it.
 *
 * No fixed state: the functions are pure.  Work per input is bounded:
 * at most FUZZ_MAX_INPUT bytes.
 */
#include <string.h>

#include "fuzz.h"
#include "text/dates.h"

#define FUZZ_MAX_INPUT 1024

static void check_date(const ag_date *d, bool full)
{
	char iso[11];
	ag_date back = {0, 0, 0};

	FUZZ_CHECK(d->year >= AG_DATE_YEAR_MIN && d->year <= AG_DATE_YEAR_MAX);
	FUZZ_CHECK(d->month >= 0 && d->month <= 12 && d->day >= 0 && d->day <= 31);
	FUZZ_CHECK(d->day == 0 || d->month != 0);
	if (full)
		FUZZ_CHECK(ag__date_valid(d));
	ag__date_format(d, iso);
	FUZZ_CHECK(iso[0] != '\0');
	FUZZ_CHECK(ag__date_parse_iso(iso, strlen(iso), &back));
	FUZZ_CHECK(ag__date_cmp(&back, d) == 0 && back.year == d->year && back.month == d->month && back.day == d->day);
}

/* Arithmetic around a valid date. */
static void check_arith(ag_date d, int days)
{
	ag_date there = ag__date_add_days(d, days), back;
	int wd = ag__date_weekday(&d);

	FUZZ_CHECK(wd >= 0 && wd <= 6);
	if (there.year == 0)
		return; /* out of the year range */
	FUZZ_CHECK(ag__date_valid(&there));
	back = ag__date_add_days(there, -days);
	FUZZ_CHECK(ag__date_cmp(&back, &d) == 0);
	FUZZ_CHECK(ag__date_weekday(&there) == ((wd + days) % 7 + 7) % 7);
	FUZZ_CHECK(days == 0 ? ag__date_cmp(&there, &d) == 0
	                     : (days > 0) == (ag__date_cmp(&there, &d) > 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + 4;
	ag_date anchor, d, doc;
	size_t n, where, len;
	bool have_anchor;

	if (size < 4 || size > FUZZ_MAX_INPUT)
		return 0;
	len = size - 4;
	anchor.year = AG_DATE_YEAR_MIN + (data[0] | data[1] << 8) % (AG_DATE_YEAR_MAX - AG_DATE_YEAR_MIN + 3) - 1;
	anchor.month = data[2] % 14;
	anchor.day = data[3] % 33;
	have_anchor = ag__date_valid(&anchor);
	if (have_anchor)
		check_arith(anchor, (int8_t)data[3] * 7 + data[2]);

	if (ag__date_parse_iso(s, len, &d)) {
		check_date(&d, false);
		FUZZ_CHECK(len == 4 || len == 7 || len == 10);
	}
	if (ag__date_find_document_date(s, len, &doc, &where)) {
		check_date(&doc, true);
		FUZZ_CHECK(where < len);
	}
	(void)ag__date_future_cue(s, len);
	(void)ag__date_future_cue(s, len / 2);
	(void)ag__date_future_cue(s + len / 2, len - len / 2);

	for (size_t i = 0; i < len; i++) {
		const char *p = s + i;
		size_t left = len - i;
		int wd = -1, month = -1, day = -1, end_day = -1, delta = 0, count = -1, ordinal = -1;

		if ((n = ag__date_parse_at(p, left, &d))) {
			FUZZ_CHECK(n <= left);
			check_date(&d, d.day != 0);
			if (d.day && have_anchor)
				check_arith(d, (int)(i % 400) - 200);
		}
		if ((n = ag__date_parse_weekday(p, left, &wd))) {
			FUZZ_CHECK(n <= left && wd >= 0 && wd <= 6);
			if (have_anchor) {
				ag_date past = ag__date_resolve_weekday(anchor, wd, false);
				ag_date next = ag__date_resolve_weekday(anchor, wd, true);
				ag_date week;
				if (past.year) {
					FUZZ_CHECK(ag__date_weekday(&past) == wd && ag__date_cmp(&past, &anchor) <= 0);
					week = ag__date_add_days(past, 7);
					FUZZ_CHECK(!week.year || ag__date_cmp(&week, &anchor) > 0);
				}
				if (next.year) {
					FUZZ_CHECK(ag__date_weekday(&next) == wd && ag__date_cmp(&next, &anchor) >= 0);
					week = ag__date_add_days(next, -7);
					FUZZ_CHECK(!week.year || ag__date_cmp(&week, &anchor) < 0);
				}
			}
		}
		if ((n = ag__date_parse_month_day(p, left, &month, &day, &end_day))) {
			FUZZ_CHECK(n <= left && month >= 1 && month <= 12 && day >= 1 && day <= 31);
			FUZZ_CHECK(end_day == 0 || (end_day >= 1 && end_day <= 31));
			if (have_anchor) {
				ag_date r = ag__date_resolve_month_day(anchor, month, day);
				if (r.year) {
					ag_date limit = ag__date_add_days(anchor, AG_DATE_AHEAD_DAYS);
					FUZZ_CHECK(ag__date_valid(&r) && r.month == month && r.day == day);
					FUZZ_CHECK(!limit.year || ag__date_cmp(&r, &limit) <= 0);
				}
			}
		}
		if ((n = ag__date_parse_relative(p, left, &delta)))
			FUZZ_CHECK(n <= left && delta >= -2 && delta <= 2);
		if ((n = ag__date_parse_day_span(p, left, &count, &ordinal)))
			FUZZ_CHECK(n <= left && count >= 1 && count <= 31 && ordinal >= 0 && ordinal <= 31);
	}
	return 0;
}
