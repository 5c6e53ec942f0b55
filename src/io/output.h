/*
 * output.h - what the writers share on top of ag_output (output.c).  Private.
 *
 * A writer that makes its file in a buffer hands the buffer to the file
 * every megabyte or so (ag__output_drain) and lets ag__output_to_file open,
 * commit or abort the file around it, so that memory follows the writer's
 * buffer, not the file.
 */
#ifndef AG_IO_OUTPUT_H
#define AG_IO_OUTPUT_H

#include <stddef.h>

#include "actorgraph/ingest.h"
#include "util/buf.h"

/* What a writer buffers before it hands the bytes on. */
#define AG_OUTPUT_CHUNK ((size_t)1 << 20)

/* b to o once it holds at least `at_least` bytes (0: whatever it holds),
 * b then emptied; nothing without o (the writer is making a string). */
int ag__output_drain(ag_output *o, ag_buf *b, size_t at_least);

/* path opened (ag_output_open), make(ctx, o) run, the file committed, or
 * aborted on an error; out of memory is reported with the path. */
int ag__output_to_file(const char *path, int (*make)(void *ctx, ag_output *o), void *ctx);

#endif
