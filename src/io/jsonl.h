/*
 * jsonl.h - a fast reading of JSONL records, for the reader.  Private.
 *
 * Most records are plain objects: {"id": ..., "date": "...", "text": "..."}
 * and other keys.  ag__jsonl_record() reads those without building a jansson
 * tree.  It is strict: it accepts only what json_loadb() certainly accepts the
 * same way (an object; keys without escapes; "id", "date" and "text" once
 * each; short numbers; nesting up to 32 levels; valid UTF-8; no \u0000) and
 * says "not sure" for anything else, which json_loadb() then reads as before,
 * with its error messages.  Both functions are pure: no allocation, no global
 * state, and they read only the bytes they are given.
 */
#ifndef AG_IO_JSONL_H
#define AG_IO_JSONL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *s; /* the string's bytes between the quotes, escapes as written */
	size_t n;
	bool escaped;  /* has a backslash */
	bool set;
} ag_jsonl_str;

typedef struct {
	ag_jsonl_str text, date, id_str;
	bool id_int, id_seen;
	long long id;
} ag_jsonl_rec;

/* 1 with *rec when the line (len bytes, the newline left out) is certainly
 * read as a JSON object with a "text" string, 0 when not sure.  rec's strings
 * point into line. */
int ag__jsonl_record(const char *line, size_t len, ag_jsonl_rec *rec);

/* Decode a string ag__jsonl_record() accepted into dst (at least src->n + 1
 * bytes); returns the length, dst NUL-terminated. */
size_t ag__jsonl_decode(const ag_jsonl_str *src, char *dst);

#endif
