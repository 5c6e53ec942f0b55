/*
 * json_emit.h - JSON written straight into a buffer (json_emit.c).  Private.
 *
 * The bytes are exactly those jansson's json_dumpb gives with JSON_INDENT(1)
 * and JSON_REAL_PRECISION(12) for the same values, one space of indent per
 * level, so a writer may mix the two: its own records through these calls,
 * values it did not make (attributes read from a file) through
 * ag__jw_value.  Building a jansson tree for every record and dumping it cost
 * the extractor half its time on a large corpus; these calls cost a copy.
 *
 * Strings are checked as jansson checks them: one that is not well-formed
 * UTF-8 is not written, and the member or element it belonged to is left
 * out, as json_object_set_new and json_array_append_new leave out a value
 * json_string refused.
 */
#ifndef AG_FORMAT_JSON_EMIT_H
#define AG_FORMAT_JSON_EMIT_H

#include <jansson.h>
#include <stdbool.h>

#include "actorgraph/ingest.h"
#include "util/buf.h"

typedef struct {
	ag_buf out;
	char *tmp; /* json_dumpb's buffer for ag__jw_value */
	size_t tmp_cap;
	int rc;           /* the first error (AG_ENOMEM or the sink's), 0 while none */
	ag_output *sink;  /* when set, ag__jw_flush hands the buffer to it */
} ag_jw;

/* Members of one object being written at `depth` (its braces' level). */
typedef struct {
	ag_jw *w;
	int depth;
	unsigned n; /* members written */
} ag_jw_obj;

/* Bytes as they are. */
void ag__jw_raw(ag_jw *w, const char *s, size_t n);
/* A newline and `depth` spaces (at most 16, as the writers have always done). */
void ag__jw_newline(ag_jw *w, int depth);
/* Hand what is buffered to the sink, if any. */
void ag__jw_flush(ag_jw *w);
void ag__jw_free(ag_jw *w);

/* Would ag__jw_string write s?  (Well-formed UTF-8.) */
bool ag__jw_string_ok(const char *s);
/* s as a JSON string; false, and nothing written, when it is not ag__jw_string_ok. */
bool ag__jw_string(ag_jw *w, const char *s);
void ag__jw_int(ag_jw *w, long long v);
/* null for NaN and infinities, an integer for an integral value below 2^53,
 * else a real of 12 significant digits ("0.5", "1e-07", "3.0"). */
void ag__jw_number(ag_jw *w, double v);
/* v (not NULL) dumped by jansson, as if it sat at `depth`. */
void ag__jw_value(ag_jw *w, const json_t *v, int depth);

/* An object at `depth`: "{", its members one per line, "}" ("{}" when it has none). */
ag_jw_obj ag__jw_object(ag_jw *w, int depth);
/* The next member's key and ": "; false (nothing written) for a key that is
 * not well-formed UTF-8, whose value must then not be written either. */
bool ag__jw_key(ag_jw_obj *o, const char *key);
/* Members of the common kinds: a string (NULL writes null; a string that is
 * not well-formed UTF-8 leaves the member out), an integer, a number. */
void ag__jw_member_str(ag_jw_obj *o, const char *key, const char *value);
void ag__jw_member_int(ag_jw_obj *o, const char *key, long long value);
void ag__jw_member_number(ag_jw_obj *o, const char *key, double value);
void ag__jw_member_value(ag_jw_obj *o, const char *key, const json_t *value);
void ag__jw_object_end(ag_jw_obj *o);

/* An array at `depth`, the same way: ag__jw_item before each element (which
 * is then written at depth + 1), "[]" when it has none.  An ag_jw_obj too:
 * n counts its elements. */
ag_jw_obj ag__jw_array(ag_jw *w, int depth);
void ag__jw_item(ag_jw_obj *a);
void ag__jw_array_end(ag_jw_obj *a);

#endif
