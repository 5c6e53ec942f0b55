/*
 * csv.c - CSV cells (see csv.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/csv.h"

/* [+-]digits[.digits][e[+-]digits] or [+-].digits[...]: what a number looks like. */
static bool plain_number(const char *s)
{
	bool digits = false;

	if (*s == '+' || *s == '-')
		s++;
	while (*s >= '0' && *s <= '9') {
		s++;
		digits = true;
	}
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			s++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

int ag__csv_cell(ag_buf *b, const char *s, bool first)
{
	bool guard, quote;

	if (!first && ag__buf_putc(b, ',') < 0)
		return AG_ENOMEM;
	if (!s || !*s)
		return 0;
	guard = strchr("=+-@\t\r", *s) != NULL && !plain_number(s);
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote && ag__buf_putc(b, '"') < 0)
		return AG_ENOMEM;
	if (guard && ag__buf_putc(b, '\'') < 0)
		return AG_ENOMEM;
	for (const char *p = s; *p; p++) {
		const char *q = p;
		/* copy runs without quotes in one go */
		while (*q && *q != '"')
			q++;
		if (q > p && ag__buf_append(b, p, (size_t)(q - p)) < 0)
			return AG_ENOMEM;
		if (!*q)
			break;
		if (ag__buf_puts(b, "\"\"") < 0)
			return AG_ENOMEM;
		p = q;
	}
	if (quote && ag__buf_putc(b, '"') < 0)
		return AG_ENOMEM;
	return 0;
}

int ag__csv_num(ag_buf *b, double v)
{
	char num[64];

	if (!isfinite(v))
		return ag__csv_cell(b, NULL, false);
	snprintf(num, sizeof(num), "%.12g", v);
	for (char *c = num; *c; c++)
		if (*c == ',') /* a locale with decimal commas */
			*c = '.';
	return ag__csv_cell(b, num, false);
}

int ag__csv_size(ag_buf *b, size_t v)
{
	char num[32];
	snprintf(num, sizeof(num), "%zu", v);
	return ag__csv_cell(b, num, false);
}
