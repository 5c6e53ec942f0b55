/*
 * workers.h - work split into chunks and run by forked worker processes
 * (workers.c).  Private.
 *
 * igraph as Debian builds it is not thread-safe, but processes are: after
 * the igraph graph is built, workers fork, each computes some of the chunks
 * into shared memory, and the caller combines the chunks in chunk order.
 * The chunks are fixed by the work, not by the number of workers, so the
 * result is the same, byte for byte, for any number of workers.
 */
#ifndef AG_ANALYZE_WORKERS_H
#define AG_ANALYZE_WORKERS_H

#include <stddef.h>

#include "analyze/glue.h"

/* Compute chunk `chunk` into out[0..len) (zeroed beforehand); 0 or a
 * negative AG_E* code.  Runs in a worker process, or in the caller's: it
 * must not report progress or keep state outside `out`. */
typedef int (*ag__chunk_fn)(ag__analyze_ctx *c, size_t chunk, double *out, size_t len, void *arg);

/* Run fn for chunks 0..n_chunks-1 into out (n_chunks x len doubles, chunk k
 * at out + k * len), on up to c->opts->workers processes (0: one per
 * processor), reporting progress as step.  A chunk whose worker failed or
 * died (a fork that fails, memory that runs out in a worker) is computed
 * again here; so is everything when one process is all there is. */
int ag__analyze_chunks(ag__analyze_ctx *c, const char *step, size_t n_chunks, size_t len, ag__chunk_fn fn, void *arg,
                       double *out);

/* How many worker processes ag__analyze_chunks would use for n_chunks. */
unsigned ag__analyze_workers(const ag__analyze_ctx *c, size_t n_chunks);

#endif
