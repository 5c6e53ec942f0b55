/*
 * glue.h - the analysis layer's shared context and its igraph glue.  Private.
 *
 * One ag__analyze_ctx per ag_analyze call: the ag_graph, its igraph copy
 * (node i is g->nodes[i], edge j is g->links[j]) and the vectors the stages
 * share.  Every igraph call goes through IG_TRY; the stages (metrics.c,
 * communities.c) run inside ag__analyze_locked, under the one lock that
 * igraph needs (Debian builds it without thread safety: one error handler,
 * one RNG).
 */
#ifndef AG_ANALYZE_GLUE_H
#define AG_ANALYZE_GLUE_H

#include <igraph.h>
#include <jansson.h>

#include "actorgraph/analyze.h"
#include "graph/graph_int.h"

typedef struct {
	ag_graph *g;
	const ag_analyze_options *opts;
	igraph_t graph;
	igraph_vector_t w;     /* link weights (strength) */
	igraph_vector_t invw;  /* 1/weight (distance); reused for label propagation */
	igraph_vector_t str;   /* node strength (Leiden node weights) */
	igraph_vector_t res;   /* scratch result, one value per node */
	igraph_vector_int_t membership; /* community per node (communities.c) */
	igraph_vector_int_t run;        /* scratch membership of one consensus run */
	igraph_integer_t n, m;
	double total_w;
	bool built;            /* the igraph part above is allocated (ag__analyze_graph_build) */
	bool sampled;          /* path metrics estimated from a sample of sources (metrics.c) */
	size_t n_sources;
	igraph_integer_t ncomm; /* communities found; 0 before (or without) detection */
	double modularity;      /* NaN when not computed */
	double *stab;           /* consensus stability per node, or NULL */
} ag__analyze_ctx;

/* Turn a failed igraph call into the library's error (AG_ENOMEM or AG_ERROR,
 * with the reason igraph's error handler recorded) and return the code. */
int ag__analyze_ig_fail(igraph_error_t err, const char *what);

/* Run an igraph call; on failure set the error and leave through cleanup
 * (the caller has `int rc` and a `cleanup:` label). */
#define IG_TRY(what, call)                                          \
	do {                                                        \
		igraph_error_t ig_err_ = (call);                    \
		if (ig_err_ != IGRAPH_SUCCESS) {                    \
			rc = ag__analyze_ig_fail(ig_err_, (what));  \
			goto cleanup;                               \
		}                                                   \
	} while (0)

/* Take the igraph lock, install the error, warning and progress handlers,
 * run fn(c), put the previous handlers back and unlock; fn's return value. */
int ag__analyze_locked(ag__analyze_ctx *c, int (*fn)(ag__analyze_ctx *c));

/* Build c's igraph graph and vectors from c->g (sets n, m, total_w);
 * all or nothing.  ag__analyze_graph_free frees them and c->stab. */
int ag__analyze_graph_build(ag__analyze_ctx *c);
void ag__analyze_graph_free(ag__analyze_ctx *c);

/* Report progress to the caller's callback (when opts->progress is set):
 * pct -1 as a step begins, else 0..99; step NULL once everything is done. */
void ag__analyze_progress(const ag__analyze_ctx *c, const char *step, int pct);
/* Seed igraph's RNG. */
void ag__analyze_seed_rng(unsigned long seed);
/* Announce a step; igraph's own progress reports add percentages.  The RNG
 * is seeded before every step. */
void ag__analyze_step_begin(const ag__analyze_ctx *c, const char *step);
/* Ignore igraph's progress reports until the next step begins. */
void ag__analyze_step_end(void);

/* Store a metric for every node from a double array (stride 1). */
int ag__analyze_store_metric(ag__analyze_ctx *c, const char *name, const double *values);
/* Set o[key] = v (stolen); AG_ENOMEM when v is NULL or the set fails. */
int ag__analyze_set_attr(json_t *o, const char *key, json_t *v);

#endif
