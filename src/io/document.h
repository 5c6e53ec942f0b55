/*
 * document.h - making documents, for the rest of the io layer.  Private.
 *
 * The public half (ag_document_new/free) is in actorgraph/ingest.h; this is
 * the variant without the copy, for the reader, which has the text in a
 * buffer of its own already.
 */
#ifndef AG_IO_DOCUMENT_H
#define AG_IO_DOCUMENT_H

#include <stddef.h>

#include "actorgraph/ingest.h"

/* ag_document_new() without the copy: text (malloc()ed, len + 1 bytes, NUL
 * at len) is taken over, also on failure. */
int ag__document_take(const char *id, char *text, size_t len, ag_document **out);

#endif
