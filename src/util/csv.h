/*
 * csv.h - CSV cells (RFC 4180, safe for spreadsheets), for the tables the
 * library writes: the node and link tables (format/csv.c) and the timeline
 * (analyze/timeline.c).  Private.
 *
 * A field holding a comma, a double quote, CR or LF is quoted and its quotes
 * doubled.  Spreadsheets run a cell that starts with '=', '+', '-', '@', tab
 * or CR as a formula; such a cell gets a leading "'" unless it is a plain
 * number ("-0.5", "+3", "1e-4").  Numbers are written with %.12g, whatever
 * the locale; NaN and infinities, like NULL, are empty cells.
 */
#ifndef AG_UTIL_CSV_H
#define AG_UTIL_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Append one field (NULL = empty), preceded by a comma unless it is the first.  AG_ENOMEM. */
int ag__csv_cell(ag_buf *b, const char *s, bool first);
/* A number cell (never the first of a line). */
int ag__csv_num(ag_buf *b, double v);
/* An unsigned integer cell (never the first of a line). */
int ag__csv_size(ag_buf *b, size_t v);

#endif
