/*
 * dates.c - calendar arithmetic and the date expressions of news text.
 * One concern, long because news writes dates in many ways (absolute,
 * weekday, relative, spans, month alone); every parser shares the readers
 * at the top.
 *
 * Everything here reads byte spans that may end without a NUL, so every
 * look at s[i] is guarded by i < len.  Numbers are read with a digit cap
 * (read_num) so that hostile digit runs can neither overflow nor make a
 * scan quadratic.
 */
#include <string.h>
#include <stdint.h>

#include "text/dates.h"

/* How far from the start a document date still counts as "near the start". */
#define NEAR_START 1500
/* How far to look either way for the ends of the line holding a date. */
#define LINE_WINDOW 160
/* How far before a date a cue word may start. */
#define CUE_WINDOW 48
/* A line this short (and mostly the date) is a date line of its own. */
#define SHORT_LINE 64
#define SHORT_LINE_EXTRA 32

typedef struct {
	const char *text;
	int value;
} word_value;

static const word_value months[] = {
	{ "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 },
	{ "may", 5 }, { "june", 6 }, { "july", 7 }, { "august", 8 },
	{ "september", 9 }, { "october", 10 }, { "november", 11 }, { "december", 12 },
	/* abbreviations: from here on a following '.' belongs to the name */
	{ "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 },
	{ "jul", 7 }, { "aug", 8 }, { "sept", 9 }, { "sep", 9 }, { "oct", 10 },
	{ "nov", 11 }, { "dec", 12 },
};
#define FIRST_ABBREVIATION 12

static const word_value weekdays[] = {
	{ "monday", 0 }, { "tuesday", 1 }, { "wednesday", 2 }, { "thursday", 3 },
	{ "friday", 4 }, { "saturday", 5 }, { "sunday", 6 },
};

/* Longer phrases first: "the day before" would also match the start of
 * "the day before yesterday". */
static const word_value relative_words[] = {
	{ "the day before yesterday", -2 }, { "the day after tomorrow", 2 },
	{ "today", 0 }, { "tonight", 0 }, { "yesterday", -1 }, { "tomorrow", 1 },
	{ "the following day", 1 }, { "the next day", 1 },
	{ "the day before", -1 }, { "the previous day", -1 },
};

static const word_value number_words[] = {
	{ "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
	{ "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
};

static const word_value ordinal_words[] = {
	{ "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 },
	{ "fifth", 5 }, { "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 },
	{ "ninth", 9 }, { "tenth", 10 },
};

static const word_value future_cues[] = {
	{ "will", 1 }, { "shall", 1 }, { "is to", 1 }, { "are to", 1 },
	{ "to continue", 1 }, { "set to", 1 }, { "due to", 1 }, { "scheduled", 1 },
	{ "expected to", 1 }, { "planned", 1 }, { "plans to", 1 }, { "upcoming", 1 },
	{ "next", 2 },	/* 2: unless "next to", which is about place */
};

/* Words that introduce a publication date; 2 = first publication, 1 = a
 * later revision, so "Published" wins over "Updated" on the same page. */
static const word_value cue_words[] = {
	{ "published", 2 }, { "posted", 2 }, { "date", 2 }, { "dated", 2 },
	{ "updated", 1 }, { "modified", 1 },
};

static const word_value footer_words[] = {
	{ "edition", 1 }, { "copyright", 1 }, { "all rights reserved", 1 },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Bytes >= 0x80 are not word bytes, so "today’s" (curly apostrophe) still
 * ends the word "today". */
static bool is_word(char c)
{
	return is_alpha(c) || is_digit(c) || c == '_';
}

static bool is_eol(char c)
{
	return c == '\n' || c == '\r';
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Length of the blank at s[i]: space, tab, a UTF-8 no-break space (common
 * in text taken from HTML) and, when `lines`, line breaks. */
static size_t blank_at(const char *s, size_t len, size_t i, bool lines)
{
	if (i >= len)
		return 0;
	if (s[i] == ' ' || s[i] == '\t')
		return 1;
	if (lines && (is_eol(s[i]) || s[i] == '\f' || s[i] == '\v'))
		return 1;
	if ((unsigned char)s[i] == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)
		return 2;
	return 0;
}

static size_t skip_blanks(const char *s, size_t len, size_t i, bool lines)
{
	size_t n;

	while ((n = blank_at(s, len, i, lines)) > 0)
		i += n;
	return i;
}

/*
 * Match `phrase` (lowercase words separated by single spaces) at s[i], any
 * case; each space takes one or more blanks, line breaks included.  The
 * match must end at a word boundary.  Returns the bytes consumed or 0.
 */
static size_t match_phrase(const char *s, size_t len, size_t i, const char *phrase)
{
	size_t j = i, k;

	for (; *phrase; phrase++) {
		if (*phrase == ' ') {
			if ((k = skip_blanks(s, len, j, true)) == j)
				return 0;
			j = k;
		} else {
			if (j >= len || lower(s[j]) != *phrase)
				return 0;
			j++;
		}
	}
	if (j < len && is_word(s[j]))
		return 0;
	return j - i;
}

static size_t match_table(const char *s, size_t len, size_t i,
	const word_value *table, size_t n, int *value, size_t *index)
{
	size_t k, m;
	char c, c2;

	/* every table word starts with a letter: most text is turned away on
	 * its first two bytes, before any phrase is tried */
	if (i >= len || !is_alpha(s[i]))
		return 0;
	c = lower(s[i]);
	c2 = i + 1 < len ? lower(s[i + 1]) : '\0';
	for (k = 0; k < n; k++) {
		const char *t = table[k].text;
		if (t[0] != c || (t[1] != '\0' && t[1] != ' ' && t[1] != c2))
			continue;
		if ((m = match_phrase(s, len, i, table[k].text)) > 0) {
			*value = table[k].value;
			if (index)
				*index = k;
			return m;
		}
	}
	return 0;
}

/* A word starts at s[i] (nothing wordy glued before it). */
static bool word_start(const char *s, size_t i)
{
	return is_word(s[i]) && (i == 0 || !is_word(s[i - 1]));
}

/*
 * Read a run of 1..max (<= 4) digits at s[i].  A longer run is not a number
 * at all, and is rejected after looking at max + 1 digits only.  Returns the
 * digits read, 0 when none or too many.
 */
static size_t read_num(const char *s, size_t len, size_t i, size_t max, int *value)
{
	size_t n = 0;
	int v = 0;

	while (i + n < len && is_digit(s[i + n])) {
		if (n == max)
			return 0;
		v = v * 10 + (s[i + n] - '0');
		n++;
	}
	if (n > 0)
		*value = v;
	return n;
}

/* A four-digit year in range, not glued to letters ("2020s" is a decade). */
static size_t read_year(const char *s, size_t len, size_t i, int *year)
{
	int y;

	if (read_num(s, len, i, 4, &y) != 4 || y < AG_DATE_YEAR_MIN || y > AG_DATE_YEAR_MAX)
		return 0;
	if (i + 4 < len && is_alpha(s[i + 4]))
		return 0;
	*year = y;
	return 4;
}

/* "st", "nd", "rd", "th" after a day number. */
static size_t ordinal_suffix(const char *s, size_t len, size_t i)
{
	static const char *const suffixes[] = { "st", "nd", "rd", "th" };
	size_t k, m;

	for (k = 0; k < COUNT(suffixes); k++)
		if ((m = match_phrase(s, len, i, suffixes[k])) > 0)
			return m;
	return 0;
}

/* The entries of `months` by first letter, in table order (-1 ends a list):
 * match_table() over the whole table, trying only the words that can match. */
static const signed char months_by_letter[26][7] = {
	['a' - 'a'] = { 3, 7, 15, 18, -1 },
	['d' - 'a'] = { 11, 23, -1 },
	['f' - 'a'] = { 1, 13, -1 },
	['j' - 'a'] = { 0, 5, 6, 12, 16, 17, -1 },
	['m' - 'a'] = { 2, 4, 14, -1 },
	['n' - 'a'] = { 10, 22, -1 },
	['o' - 'a'] = { 9, 21, -1 },
	['s' - 'a'] = { 8, 19, 20, -1 },
};
/* The first letters with a list above. */
#define MONTH_LETTERS ((1u << ('a' - 'a')) | (1u << ('d' - 'a')) | (1u << ('f' - 'a')) | (1u << ('j' - 'a')) | \
	(1u << ('m' - 'a')) | (1u << ('n' - 'a')) | (1u << ('o' - 'a')) | (1u << ('s' - 'a')))

static size_t match_month(const char *s, size_t len, size_t i, int *month)
{
	size_t n = 0, index = 0;
	const signed char *cand;
	char c2;

	if (i >= len || !is_alpha(s[i]))
		return 0;
	if (!((MONTH_LETTERS >> (lower(s[i]) - 'a')) & 1u))
		return 0; /* no month starts with this letter */
	cand = months_by_letter[lower(s[i]) - 'a'];
	c2 = i + 1 < len ? lower(s[i + 1]) : '\0';
	for (; *cand >= 0; cand++) {
		const char *t = months[*cand].text;
		if (t[1] != c2)
			continue;
		if ((n = match_phrase(s, len, i, t)) > 0) {
			index = (size_t)*cand;
			*month = months[index].value;
			break;
		}
	}
	if (n == 0)
		return 0;
	if (index >= FIRST_ABBREVIATION && i + n < len && s[i + n] == '.')
		n++;
	return n;
}

/* The " 2026", ", 2026" or ",2026" closing a date; returns the bytes up to
 * the end of the year, 0 when there is no separator or no year. */
static size_t year_after(const char *s, size_t len, size_t i, int *year)
{
	size_t j = skip_blanks(s, len, i, false), n;

	if (j < len && s[j] == ',')
		j = skip_blanks(s, len, j + 1, false);
	if (j == i || (n = read_year(s, len, j, year)) == 0)
		return 0;
	return j + n - i;
}

static size_t done(ag_date d, size_t n, ag_date *out)
{
	if (!ag__date_valid(&d))
		return 0;
	*out = d;
	return n;
}

/* 2026-02-18, 2026/02/18, 20-01-2026, 20/01/2026. */
static size_t parse_numeric(const char *s, size_t len, ag_date *out)
{
	int a, b, c;
	size_t n1 = read_num(s, len, 0, 4, &a), n2, n3, i;
	char sep;

	if (n1 == 0 || n1 == 3 || n1 >= len || (s[n1] != '-' && s[n1] != '/'))
		return 0;
	sep = s[n1];
	i = n1 + 1;
	if ((n2 = read_num(s, len, i, 2, &b)) == 0 || i + n2 >= len || s[i + n2] != sep)
		return 0;
	i += n2 + 1;
	n3 = read_num(s, len, i, n1 == 4 ? 2 : 4, &c);
	if (n1 == 4)
		return n3 ? done((ag_date){ a, b, c }, i + n3, out) : 0;
	if (n3 != 4)
		return 0;
	/* Day first unless only the US month/day order can be a date. */
	if (a <= 12 && b > 12)
		return done((ag_date){ c, a, b }, i + n3, out);
	return done((ag_date){ c, b, a }, i + n3, out);
}

/* 17 February 2026, 17th of February, 2026. */
static size_t parse_day_first(const char *s, size_t len, ag_date *out)
{
	int day, month, year;
	size_t i, j, n;

	if ((i = read_num(s, len, 0, 2, &day)) == 0)
		return 0;
	i += ordinal_suffix(s, len, i);
	if ((j = skip_blanks(s, len, i, false)) == i)
		return 0;
	if ((n = match_phrase(s, len, j, "of")) > 0) {
		i = j + n;
		if ((j = skip_blanks(s, len, i, false)) == i)
			return 0;
	}
	if ((n = match_month(s, len, j, &month)) == 0)
		return 0;
	j += n;
	if ((n = year_after(s, len, j, &year)) == 0)
		return 0;
	return done((ag_date){ year, month, day }, j + n, out);
}

/* February 17, 2026, Feb. 17 2026, February 17,2026, March 2022. */
static size_t parse_month_first(const char *s, size_t len, ag_date *out)
{
	int day, month, year;
	size_t i, j, n;

	if ((i = match_month(s, len, 0, &month)) == 0)
		return 0;
	j = skip_blanks(s, len, i, false);
	if (j == i && s[i - 1] != '.')
		return 0;
	if ((n = read_year(s, len, j, &year)) > 0) {
		*out = (ag_date){ year, month, 0 };
		return j + n;
	}
	if ((n = read_num(s, len, j, 2, &day)) == 0)
		return 0;
	j += n;
	j += ordinal_suffix(s, len, j);
	if ((n = year_after(s, len, j, &year)) == 0)
		return 0;
	return done((ag_date){ year, month, day }, j + n, out);
}

static size_t parse_plain(const char *s, size_t len, ag_date *out)
{
	size_t n;

	if (len == 0)
		return 0;
	if (is_digit(s[0]))
		return (n = parse_numeric(s, len, out)) > 0 ? n : parse_day_first(s, len, out);
	return parse_month_first(s, len, out);
}

/* Could s start a month or weekday name?  Their first three letters, any
 * case: every month and weekday name has three at least, so "the", "said",
 * "more" and "from" go no further.  For each first two letters, the third
 * letters as bits. */
static bool may_start_name(const char *s, size_t len)
{
#define B(c) (1u << ((c) - 'a'))
#define P(a, b) [(a) - 'a'][(b) - 'a']
	static const uint32_t third[26][26] = {
		P('j', 'a') = B('n'), P('f', 'e') = B('b'), P('m', 'a') = B('r') | B('y'), P('a', 'p') = B('r'),
		P('j', 'u') = B('n') | B('l'), P('a', 'u') = B('g'), P('s', 'e') = B('p'), P('o', 'c') = B('t'),
		P('n', 'o') = B('v'), P('d', 'e') = B('c'), P('m', 'o') = B('n'), P('t', 'u') = B('e'),
		P('w', 'e') = B('d'), P('t', 'h') = B('u'), P('f', 'r') = B('i'), P('s', 'a') = B('t'),
		P('s', 'u') = B('n'),
	};
#undef P
#undef B

	if (len < 3 || !is_alpha(s[0]) || !is_alpha(s[1]) || !is_alpha(s[2]))
		return false;
	return (third[lower(s[0]) - 'a'][lower(s[1]) - 'a'] >> (lower(s[2]) - 'a')) & 1u;
}

size_t ag__date_parse_at(const char *s, size_t len, ag_date *out)
{
	ag_date d;
	size_t pre = 0, i, n;
	int weekday;

	if (!s || !out || len == 0)
		return 0;
	/* most words start no date: turn them away on their first byte */
	if (!is_digit(s[0]) && !may_start_name(s, len))
		return 0;
	if ((n = ag__date_parse_weekday(s, len, &weekday)) > 0) {
		i = n;
		if (i < len && s[i] == ',')
			i++;
		pre = skip_blanks(s, len, i, false);
		if (pre == n)
			return 0;
	}
	n = parse_plain(s + pre, len - pre, &d);
	/* A weekday names one day, so it only prefixes a full date. */
	if (n == 0 || (pre > 0 && d.day == 0))
		return 0;
	*out = d;
	return pre + n;
}

/* Calendar arithmetic */

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return (m == 2 && is_leap(y)) ? 29 : days[m - 1];
}

/* Valid full date, or a valid year-month or year alone. */
static bool partial_valid(const ag_date *d)
{
	if (d->year < AG_DATE_YEAR_MIN || d->year > AG_DATE_YEAR_MAX ||
	    d->month < 0 || d->month > 12 || d->day < 0)
		return false;
	if (d->month == 0)
		return d->day == 0;
	return d->day <= days_in_month(d->year, d->month);
}

bool ag__date_valid(const ag_date *d)
{
	return d && d->month >= 1 && d->day >= 1 && partial_valid(d);
}

static char *put_num(char *p, int v, int width)
{
	int k;

	for (k = width - 1; k >= 0; k--) {
		p[k] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

void ag__date_format(const ag_date *d, char out[11])
{
	char *p = out;

	if (!out)
		return;
	/* partial_valid bounds every field, so the output fits in 11 bytes. */
	if (d && partial_valid(d)) {
		p = put_num(p, d->year, 4);
		if (d->month) {
			*p++ = '-';
			p = put_num(p, d->month, 2);
		}
		if (d->day) {
			*p++ = '-';
			p = put_num(p, d->day, 2);
		}
	}
	*p = '\0';
}

int ag__date_cmp(const ag_date *a, const ag_date *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil); only called on valid dates, so y >= 1900 > 0. */
static long days_from_civil(int y, int m, int d)
{
	long yy = y - (m <= 2), era = yy / 400, yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static ag_date civil_from_days(long z)
{
	long era, doe, yoe, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	return (ag_date){ (int)(yoe + era * 400 + (m <= 2)), (int)m, (int)d };
}

ag_date ag__date_add_days(ag_date d, int days)
{
	static const ag_date none = { 0, 0, 0 };
	/* The whole year range is about 73,400 days; anything longer leaves it
	 * and, checked first, cannot overflow the sum below. */
	const int span = 366 * (AG_DATE_YEAR_MAX - AG_DATE_YEAR_MIN + 1);
	ag_date r;

	if (!ag__date_valid(&d) || days > span || days < -span)
		return none;
	r = civil_from_days(days_from_civil(d.year, d.month, d.day) + days);
	return ag__date_valid(&r) ? r : none;
}

int ag__date_weekday(const ag_date *d)
{
	long z;

	if (!ag__date_valid(d))
		return -1;
	z = days_from_civil(d->year, d->month, d->day);
	/* 1970-01-01 was a Thursday (3); z is negative before 1970. */
	return (int)(((z % 7) + 7 + 3) % 7);
}

bool ag__date_parse_iso(const char *s, size_t len, ag_date *out)
{
	ag_date d = { 0, 0, 0 };

	if (!s || !out || (len != 4 && len != 7 && len != 10))
		return false;
	if (read_num(s, len, 0, 4, &d.year) != 4)
		return false;
	if (len >= 7 && (s[4] != '-' || read_num(s, len, 5, 2, &d.month) != 2 || d.month == 0))
		return false;
	if (len == 10 && (s[7] != '-' || read_num(s, len, 8, 2, &d.day) != 2 || d.day == 0))
		return false;
	if (!partial_valid(&d))
		return false;
	*out = d;
	return true;
}

/* Weekdays, relative words, spans, cues */

size_t ag__date_parse_weekday(const char *s, size_t len, int *weekday)
{
	int v;
	size_t n;

	if (!s || !weekday || (n = match_table(s, len, 0, weekdays, COUNT(weekdays), &v, NULL)) == 0)
		return 0;
	*weekday = v;
	return n;
}

ag_date ag__date_resolve_weekday(ag_date anchor, int weekday, bool future)
{
	static const ag_date none = { 0, 0, 0 };
	int wd = ag__date_weekday(&anchor);

	if (wd < 0 || weekday < 0 || weekday > 6)
		return none;
	if (future)
		return ag__date_add_days(anchor, (weekday - wd + 7) % 7);
	return ag__date_add_days(anchor, -((wd - weekday + 7) % 7));
}

/* A dash between two day numbers: '-', an en dash or "to"; the bytes up to
 * the second number, or 0. */
static size_t day_dash(const char *s, size_t len, size_t i)
{
	size_t j = skip_blanks(s, len, i, false), n;

	if (j < len && s[j] == '-')
		return skip_blanks(s, len, j + 1, false) - i;
	if (j + 2 < len && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
	    (unsigned char)s[j + 2] == 0x93)
		return skip_blanks(s, len, j + 3, false) - i;
	if (j > i && (n = match_phrase(s, len, j, "to")) > 0 && skip_blanks(s, len, j + n, false) > j + n)
		return skip_blanks(s, len, j + n, false) - i;
	return 0;
}

/* A day number 1..31 at s[i] with its ordinal suffix, not glued to more
 * digits or letters; the bytes read, or 0. */
static size_t day_number(const char *s, size_t len, size_t i, int *day)
{
	int d;
	size_t n = read_num(s, len, i, 2, &d);

	if (n == 0 || d < 1 || d > 31)
		return 0;
	n += ordinal_suffix(s, len, i + n);
	if (i + n < len && is_word(s[i + n]))
		return 0;
	*day = d;
	return n;
}

size_t ag__date_parse_month_day(const char *s, size_t len, int *month, int *day, int *end_day)
{
	int m, d, e = 0, y;
	size_t i, j, n;

	if (!s || !month || !day || !end_day || len == 0)
		return 0;
	if (s[0] >= 'A' && s[0] <= 'Z') {
		/* July 7, July 7th, July 7-8 */
		if ((i = match_month(s, len, 0, &m)) == 0)
			return 0;
		j = skip_blanks(s, len, i, false);
		if (j == i || (n = day_number(s, len, j, &d)) == 0)
			return 0;
		j += n;
		if ((n = day_dash(s, len, j)) > 0 && (i = day_number(s, len, j + n, &e)) > 0 && e > d)
			j += n + i;
		else
			e = 0;
	} else {
		/* 7 July, 7th of July, 7-8 July */
		if ((j = day_number(s, len, 0, &d)) == 0)
			return 0;
		if ((n = day_dash(s, len, j)) > 0 && (i = day_number(s, len, j + n, &e)) > 0 && e > d)
			j += n + i;
		else
			e = 0;
		i = skip_blanks(s, len, j, false);
		if (i == j)
			return 0;
		if ((n = match_phrase(s, len, i, "of")) > 0) {
			j = skip_blanks(s, len, i + n, false);
			if (j == i + n)
				return 0;
			i = j;
		}
		if (i >= len || s[i] < 'A' || s[i] > 'Z' || (n = match_month(s, len, i, &m)) == 0)
			return 0;
		j = i + n;
	}
	/* with a year it is a full date (ag__date_parse_at), not this */
	if (year_after(s, len, j, &y) > 0)
		return 0;
	*month = m;
	*day = d;
	*end_day = e;
	return j;
}

ag_date ag__date_resolve_month_day(ag_date anchor, int month, int day)
{
	static const ag_date none = { 0, 0, 0 };
	ag_date limit = ag__date_add_days(anchor, AG_DATE_AHEAD_DAYS);

	if (!ag__date_valid(&anchor) || !ag__date_valid(&limit))
		return none;
	for (int y = anchor.year + 1; y >= anchor.year - 1; y--) {
		ag_date d = { y, month, day };
		if (ag__date_valid(&d) && ag__date_cmp(&d, &limit) <= 0)
			return d;
	}
	return none;
}

size_t ag__date_parse_relative(const char *s, size_t len, int *delta)
{
	int v;
	size_t n;

	if (!s || !delta ||
	    (n = match_table(s, len, 0, relative_words, COUNT(relative_words), &v, NULL)) == 0)
		return 0;
	*delta = v;
	return n;
}

bool ag__date_future_cue(const char *s, size_t len)
{
	size_t i, n;
	int v;

	if (!s)
		return false;
	for (i = 0; i < len; i++) {
		if (!word_start(s, i) ||
		    (n = match_table(s, len, i, future_cues, COUNT(future_cues), &v, NULL)) == 0)
			continue;
		if (v == 2 && match_phrase(s, len, skip_blanks(s, len, i + n, true), "to"))
			continue;
		return true;
	}
	return false;
}

/* "two" or "2" (cardinal), "second" or "2nd" (ordinal), at s[i]. */
static size_t read_number(const char *s, size_t len, size_t i, bool ordinal, int *value)
{
	size_t n, sfx;

	if ((n = match_table(s, len, i, ordinal ? ordinal_words : number_words,
	    ordinal ? COUNT(ordinal_words) : COUNT(number_words), value, NULL)) > 0)
		return n;
	if ((n = read_num(s, len, i, 2, value)) == 0)
		return 0;
	sfx = ordinal_suffix(s, len, i + n);
	if (ordinal != (sfx > 0))
		return 0;
	return n + sfx;
}

/* "two days", "two-day", "3 days" at s[i]. */
static size_t span_count(const char *s, size_t len, size_t i, int *count)
{
	size_t n, j;

	if ((n = read_number(s, len, i, false, count)) == 0)
		return 0;
	j = i + n;
	if (j < len && s[j] == '-')
		j++;
	else if ((j = skip_blanks(s, len, j, true)) == i + n)
		return 0;
	if ((n = match_phrase(s, len, j, "days")) == 0 && (n = match_phrase(s, len, j, "day")) == 0)
		return 0;
	return j + n - i;
}

size_t ag__date_parse_day_span(const char *s, size_t len, int *count, int *ordinal)
{
	static const char *const articles[] = { "the", "an", "a" };
	size_t i = 0, j, k, n;
	int c = 0, o = 0;

	if (!s || !count || !ordinal)
		return 0;
	/* An article belongs to the expression ("a second day") when one follows. */
	for (k = 0; k < COUNT(articles); k++) {
		if ((n = match_phrase(s, len, 0, articles[k])) > 0) {
			i = skip_blanks(s, len, n, true);
			if (i == n)
				return 0;
			break;
		}
	}
	if ((n = read_number(s, len, i, true, &o)) > 0) {
		j = skip_blanks(s, len, i + n, true);
		if ((n = match_phrase(s, len, j, "day")) > 0) {
			c = o;	/* "second day": at least that many */
			i = j + n;
		} else if ((n = match_phrase(s, len, j, "of")) > 0) {
			j = skip_blanks(s, len, j + n, true);
			if ((n = match_phrase(s, len, j, "the")) > 0)
				j = skip_blanks(s, len, j + n, true);
			if ((n = span_count(s, len, j, &c)) == 0)
				return 0;
			i = j + n;
		} else {
			return 0;
		}
	} else if ((n = span_count(s, len, i, &c)) > 0) {
		i += n;
	} else {
		return 0;
	}
	if (c < 1 || c > 31 || o > c)
		return 0;
	*count = c;
	*ordinal = o;
	return i;
}

/* Document date */

/* Ends of the line holding t[pos..end), looking at most LINE_WINDOW bytes
 * either way; false when the line is longer than that. */
static bool line_bounds(const char *t, size_t len, size_t pos, size_t end,
	size_t *ls, size_t *le)
{
	size_t a = pos, b = end;

	while (a > 0 && !is_eol(t[a - 1]) && pos - a < LINE_WINDOW)
		a--;
	while (b < len && !is_eol(t[b]) && b - end < LINE_WINDOW)
		b++;
	*ls = a;
	*le = b;
	return (a == 0 || is_eol(t[a - 1])) && (b == len || is_eol(t[b]));
}

/* The highest value of a table word starting in t[from..to). */
static int best_word(const char *t, size_t len, size_t from, size_t to,
	const word_value *table, size_t n)
{
	int best = 0, v;
	size_t i;

	for (i = from; i < to; i++)
		if (word_start(t, i) && match_table(t, len, i, table, n, &v, NULL) && v > best)
			best = v;
	return best;
}

/* A cue word ending the previous non-blank line, a short one ("Published:"
 * on a line of its own above the date). */
static int cue_line_above(const char *t, size_t ls)
{
	size_t e = ls, a;
	int v;

	while (e > 0 && ls - e < LINE_WINDOW && blank_at(t, ls, e - 1, true))
		e--;
	if (e > 0 && t[e - 1] == ':')
		e--;
	for (a = e; a > 0 && is_alpha(t[a - 1]) && e - a < 16; a--)
		;
	if (a == e || (a > 0 && is_word(t[a - 1])))
		return 0;
	/* With len = e the word must end exactly at e. */
	if (match_table(t, e, a, cue_words, COUNT(cue_words), &v, NULL) == 0)
		return 0;
	while (a > 0 && !is_eol(t[a - 1])) {
		if (e - a > 40)
			return 0;
		a--;
	}
	return v;
}

/* "GENEVA, " or "SAO PAULO, " opening the line before the date. */
static bool dateline_prefix(const char *t, size_t ls, size_t pos)
{
	size_t e = pos, i, caps = 0;

	while (e > ls && (t[e - 1] == ' ' || t[e - 1] == '\t'))
		e--;
	if (e == ls || t[e - 1] != ',' || e - ls > 40)
		return false;
	for (i = ls; i < e - 1; i++) {
		char c = t[i];

		if (c >= 'a' && c <= 'z')
			return false;
		if (c >= 'A' && c <= 'Z')
			caps++;
		else if ((unsigned char)c < 0x80 && !strchr(" \t.-'/", c))
			return false;
	}
	return caps >= 2;
}

/* " (Reuters) -" or " -" / " — " after the date. */
static bool dateline_suffix(const char *t, size_t le, size_t end)
{
	size_t i = skip_blanks(t, le, end, false), close;

	if (i < le && t[i] == '(') {
		for (close = i + 1; close < le && t[close] != ')' && close - i < 40; close++)
			;
		if (close >= le || t[close] != ')')
			return false;
		i = skip_blanks(t, le, close + 1, false);
	}
	if (i == end || i >= le)
		return false;
	if (t[i] == '-')
		return true;
	/* en dash and em dash: E2 80 93, E2 80 94 */
	return i + 2 < le && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
		((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94);
}

static bool footer_line(const char *t, size_t len, size_t ls, size_t le)
{
	size_t i;

	for (i = ls; i + 1 < le; i++)	/* the copyright sign, C2 A9 */
		if ((unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA9)
			return true;
	return best_word(t, len, ls, le, footer_words, COUNT(footer_words)) > 0;
}

#define FOOTER 0
#define NO_CANDIDATE (-1)

/* Score the date t[pos..end): higher is better (see the header's order),
 * FOOTER for a footer line, NO_CANDIDATE when it does not count. */
static int score_date(const char *t, size_t len, size_t pos, size_t end)
{
	size_t ls, le, from, trimmed_start, trimmed_end;
	bool whole = line_bounds(t, len, pos, end, &ls, &le);
	bool near = pos < NEAR_START || pos < len / 4;
	int cue;

	from = pos - ls > CUE_WINDOW ? pos - CUE_WINDOW : ls;
	cue = best_word(t, len, from, pos, cue_words, COUNT(cue_words));
	trimmed_start = skip_blanks(t, le, ls, false);
	if (cue == 0 && whole && trimmed_start == pos)
		cue = cue_line_above(t, ls);
	if (cue == 0 && ((whole && dateline_prefix(t, trimmed_start, pos)) ||
	    dateline_suffix(t, le, end)))
		cue = 2;
	if (cue > 0)
		return (near ? 16 : 8) + cue;
	if (footer_line(t, len, ls, le))
		return FOOTER;
	for (trimmed_end = le; trimmed_end > end && blank_at(t, le, trimmed_end - 1, false); trimmed_end--)
		;
	if (near && whole && trimmed_end - trimmed_start <= SHORT_LINE &&
	    (trimmed_end - trimmed_start) - (end - pos) <= SHORT_LINE_EXTRA)
		return 12;
	return pos < NEAR_START ? 4 : NO_CANDIDATE;
}

/* is_word() as a table, for the scan below. */
#define W(c) [c] = true
static const bool word_byte[256] = {
	W('0'), W('1'), W('2'), W('3'), W('4'), W('5'), W('6'), W('7'), W('8'), W('9'), W('_'),
	W('a'), W('b'), W('c'), W('d'), W('e'), W('f'), W('g'), W('h'), W('i'), W('j'), W('k'), W('l'), W('m'),
	W('n'), W('o'), W('p'), W('q'), W('r'), W('s'), W('t'), W('u'), W('v'), W('w'), W('x'), W('y'), W('z'),
	W('A'), W('B'), W('C'), W('D'), W('E'), W('F'), W('G'), W('H'), W('I'), W('J'), W('K'), W('L'), W('M'),
	W('N'), W('O'), W('P'), W('Q'), W('R'), W('S'), W('T'), W('U'), W('V'), W('W'), W('X'), W('Y'), W('Z'),
};
#undef W

bool ag__date_find_document_date(const char *text, size_t len, ag_date *out, size_t *where)
{
	ag_date d, best = { 0, 0, 0 }, first = { 0, 0, 0 }, footer = { 0, 0, 0 };
	size_t i = 0, n, best_at = 0, footer_at = 0;
	int score, best_score = NO_CANDIDATE, max_cue = 2; /* 2: a dateline */
	bool have_first = false, several = false, have_footer = false;

	if (!text || !out)
		return false;
	for (size_t k = 0; k < COUNT(cue_words); k++)
		if (cue_words[k].value > max_cue)
			max_cue = cue_words[k].value;
	while (i < len) {
		/* Past the start (first NEAR_START bytes and first quarter), a date
		 * scores at most 8 + a cue (see score_date) and must score strictly
		 * more than the best to win; the footer rule needs no candidate at
		 * all.  So once the best reaches that, nothing later can change the
		 * result. */
		if (i >= NEAR_START && i >= len / 4 && best_score >= 8 + max_cue)
			break;
		if (!word_start(text, i)) {
			/* on to the next word start: the rest of this word, then what
			 * is not a word */
			if (is_word(text[i]))
				while (i < len && word_byte[(unsigned char)text[i]])
					i++;
			while (i < len && !word_byte[(unsigned char)text[i]])
				i++;
			continue;
		}
		/* Skip a whole word that starts no date: digit runs are then
		 * looked at once, not from each of their bytes.  Most words are
		 * turned away on their first letters, as ag__date_parse_at would
		 * turn them away, without the call. */
		if ((!is_digit(text[i]) && !may_start_name(text + i, len - i)) ||
		    (n = ag__date_parse_at(text + i, len - i, &d)) == 0) {
			while (i < len && word_byte[(unsigned char)text[i]])
				i++;
			continue;
		}
		if (ag__date_valid(&d)) {
			if (!have_first) {
				first = d;
				have_first = true;
			} else if (ag__date_cmp(&d, &first) != 0) {
				several = true;
			}
			score = score_date(text, len, i, i + n);
			if (score == FOOTER) {
				if (!have_footer) {
					footer = d;
					footer_at = i;
					have_footer = true;
				}
			} else if (score > best_score) {
				best = d;
				best_at = i;
				best_score = score;
			}
		}
		i += n;
	}
	if (best_score == NO_CANDIDATE) {
		if (!have_footer || several)
			return false;
		best = footer;
		best_at = footer_at;
	}
	*out = best;
	if (where)
		*where = best_at;
	return true;
}
