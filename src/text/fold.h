/*
 * fold.h - folding text for matching, and slugs for ids (fold.c).  Private.
 *
 * Folding is what makes "Erdoğan", "ERDOGAN" and "Erdogan" one key: case
 * folded, marks stripped, compatibility forms decomposed, curly quotes and
 * apostrophes straightened.  Invalid UTF-8 folds to '?'.
 */
#ifndef AG_TEXT_FOLD_H
#define AG_TEXT_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* Append the folded form of s[0..len) to out (NUL-terminated). */
int ag__fold(const char *s, size_t len, ag_buf *out);

/* Append the slug of s to out: lower-case ASCII where it folds to it, '-'
 * between words ("Rustem Umerov" -> "rustem-umerov"; "x" when nothing is left). */
int ag__slugify(const char *s, ag_buf *out);

/* The ASCII stand-in of a punctuation code point that news text writes in
 * several ways: '\'' for apostrophes and single quotes, '"' for double quotes
 * and guillemets, '-' for dashes, '.' for an ellipsis; the character itself
 * below 0x80, else '*'. */
char ag__punct_ascii(int32_t c);

#endif
