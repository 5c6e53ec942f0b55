/*
 * sentences.h - sentences and page furniture (sentences.c).
 */
#ifndef AG_EXTRACT_SENTENCES_H
#define AG_EXTRACT_SENTENCES_H

#include "extract/textdoc.h"

/* Reset td for doc: tokens, page furniture marked TF_SKIP, sentences. */
int ag__text_prepare(ag_textdoc *td, const ag_document *doc);

#endif
