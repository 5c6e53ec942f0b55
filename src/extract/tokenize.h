/*
 * tokenize.h - the tokenizer: a document's bytes to tokens (tokenize.c).
 */
#ifndef AG_EXTRACT_TOKENIZE_H
#define AG_EXTRACT_TOKENIZE_H

#include "extract/textdoc.h"

/* Append the tokens of text[0..len) to td (offsets into text). */
int ag__tokenize(ag_textdoc *td, const char *text, size_t len);
/* The same without the fast path for ASCII words, spaces and punctuation:
 * every byte through the general one.  The tests hold the two to the same
 * tokens. */
int ag__tokenize_general(ag_textdoc *td, const char *text, size_t len);

#endif
