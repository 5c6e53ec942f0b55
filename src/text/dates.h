/*
 * dates.h - calendar dates and the date expressions of English news text:
 * absolute dates, a document's publication date, weekdays, relative day
 * words, multi-day spans and future-tense cues.  Not installed.
 *
 * Every function is pure: no allocation, no global state, no locale (ASCII
 * case folding only).  Text arguments are byte spans (`s`, `len`) of UTF-8
 * that need not be NUL-terminated; nothing is read at or past `len`.
 * Years outside AG_DATE_YEAR_MIN..AG_DATE_YEAR_MAX are never produced.
 */
#ifndef AG_DATES_H
#define AG_DATES_H

#include <stdbool.h>
#include <stddef.h>

#define AG_DATE_YEAR_MIN 1900
#define AG_DATE_YEAR_MAX 2100

/* A calendar date; month/day 0 = unknown (year-only or year-month). */
typedef struct { int year, month, day; } ag_date;

/* True when `d` is a full y-m-d within the year range and a real calendar day. */
bool ag__date_valid(const ag_date *d);

/*
 * Write "2026-02-17", or "2026-02" / "2026" for a partial date, into `out`.
 * A date that is neither valid nor a valid partial date gives "".
 */
void ag__date_format(const ag_date *d, char out[11]);

/* Order by year, month, day (unknown parts sort first): <0, 0 or >0. */
int ag__date_cmp(const ag_date *a, const ag_date *b);

/*
 * `d` moved by `days` (negative goes back).  Returns {0, 0, 0} when `d` is
 * not a valid full date or the result leaves the year range.
 */
ag_date ag__date_add_days(ag_date d, int days);

/* Day of the week of a full date, 0 = Monday .. 6 = Sunday; -1 if invalid. */
int ag__date_weekday(const ag_date *d);

/*
 * Parse exactly the whole span as "2026-02-17", "2026-02" or "2026" (two-digit
 * month and day).  Returns false, leaving *out alone, on anything else.
 */
bool ag__date_parse_iso(const char *s, size_t len, ag_date *out);

/*
 * Parse an absolute date expression starting exactly at s[0] and return the
 * bytes consumed, or 0 (with *out untouched) when there is none.  Forms:
 *
 *   2026-02-18, 2026/02/18
 *   February 17, 2026 | February 17,2026 | Feb. 17, 2026 | Feb 17 2026
 *   17 February 2026 | 17th of February 2026 | 18 August, 2025
 *   Monday, 18 August 2025 (an optional weekday prefix is consumed; it must
 *     be followed by a full date)
 *   20-01-2026, 20/01/2026: day-month-year.  When the second number is over
 *     12 and the first is not, it is read as the US month/day/year; when both
 *     are 12 or less it is read day first, as most non-US news writes it.
 *   February 2022 (month-year: day 0)
 *
 * Month names are full or abbreviated (Jan, Jan., Sept, Sep.), any case.
 * A month and day without a year ("March 3") and a bare year are not dates
 * here: there is no year to give, or too much ambiguity.
 */
size_t ag__date_parse_at(const char *s, size_t len, ag_date *out);

/*
 * Find the publication date of a news document in text[0..len).  The best
 * full date wins, in this order:
 *   1. after a cue word earlier on its line or on the line just before
 *      ("Published", "Posted", "Date", "Updated", "Last updated", ...) or in
 *      a dateline ("GENEVA, Feb 17, 2026 (Reuters) -"), near the start
 *      (first 1500 bytes or first quarter); "Published" beats "Updated";
 *   2. on a short line of its own near the start;
 *   3. after a cue word later in the text;
 *   4. the first full date starting in the first 1500 bytes;
 *   5. a date on a footer line ("Edition 20 January 2026", "Copyright"),
 *      only when it is the only full date in the text.
 * Ties go to the earliest.  Returns true with *out and *where (byte offset
 * of the expression; `where` may be NULL), or false when there is none.
 */
bool ag__date_find_document_date(const char *text, size_t len, ag_date *out, size_t *where);

/*
 * Parse a weekday name "Monday".."Sunday" (any case, whole word) at s.
 * Returns the bytes consumed and *weekday 0 (Monday) .. 6, or 0.
 */
size_t ag__date_parse_weekday(const char *s, size_t len, int *weekday);

/*
 * Resolve a weekday mentioned in a story dated `anchor`: with future false,
 * the latest such day on or before anchor (a story dated Tuesday saying "on
 * Tuesday" means that day); with future true, the first on or after anchor.
 * Returns {0, 0, 0} for an invalid anchor or weekday.
 */
ag_date ag__date_resolve_weekday(ag_date anchor, int weekday, bool future);

/*
 * Parse a day of a month without a year at s: "July 7", "July 7th", "Jul. 7",
 * "7 July", "7th of July", and spans "July 7-8", "7-8 July", "7 to 8 July"
 * (hyphen or en dash).  The month name must be capitalised (so "may" the verb
 * is never a month) and the expression must not go on with a year (that is a
 * full date: ag__date_parse_at).  Returns the bytes consumed with *month,
 * *day and *end_day (the last day of a span, 0 when none), or 0.
 */
size_t ag__date_parse_month_day(const char *s, size_t len, int *month, int *day, int *end_day);

/* How far after the document date a date without a year may fall. */
#define AG_DATE_AHEAD_DAYS 60

/*
 * The year of a month and day written without one, in a story dated
 * `anchor`: news reports what happened or what is coming soon, so the date
 * is the latest of that month and day falling no more than
 * AG_DATE_AHEAD_DAYS after the anchor ("July 7" in a story of 2026-03-10 is
 * 2025-07-07; "January 3" in one of 2025-12-30 is 2026-01-03; "March 12"
 * in one of 2026-03-10 is 2026-03-12).  Only the anchor's year and the
 * years either side of it are tried (February 29 may be in none of them).
 * Returns {0, 0, 0} for an invalid anchor or when no such date is found.
 */
ag_date ag__date_resolve_month_day(ag_date anchor, int month, int day);

/*
 * Parse a relative day expression at s: "today", "tonight", "yesterday",
 * "tomorrow", "the following day", "the next day", "the day before", "the
 * previous day", "the day before yesterday", "the day after tomorrow".
 * Whole words, any case.  Returns the bytes consumed and the offset in days
 * (*delta), or 0.
 */
size_t ag__date_parse_relative(const char *s, size_t len, int *delta);

/*
 * Does s[0..len) - the sentence up to a date mention - hold a future-tense
 * cue ("will", "shall", "is to", "are to", "to continue", "set to", "due
 * to", "scheduled", "expected to", "planned", "plans to", "upcoming",
 * "next" but not "next to")?  Whole words, any case.
 */
bool ag__date_future_cue(const char *s, size_t len);

/*
 * Parse a span of days at s: "two days", "two-day", "3 days", "the first of
 * two days", "a second day", "2nd day".  Returns the bytes consumed, *count
 * (days in the span, 1..31) and *ordinal (which of them is meant, 0 when
 * none); for an ordinal alone ("second day") *count is the ordinal, the
 * least the span can be.  Number words one..ten, ordinals first..tenth, or
 * digits.  Returns 0 and leaves the outputs alone when there is no span.
 */
size_t ag__date_parse_day_span(const char *s, size_t len, int *count, int *ordinal);

#endif
