/*
 * glue.c - the igraph glue of the analysis layer: the lock, the error,
 * warning and progress handlers, ag_graph to igraph_t, progress reports to
 * the caller's callback, and storing results back on the ag_graph.
 *
 * One igraph_t, one weight vector and one 1/weight vector are built per call;
 * everything is freed on every path.  igraph errors do not abort the process:
 * a handler records the reason and the call fails with AG_ERROR.  igraph as
 * Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE is 0: one error
 * handler, one RNG), so the whole igraph part runs under one lock.
 *
 * Debian's igraph also runs PRPACK (PageRank) on OpenMP threads, and their
 * reduction order changes the last digits of the scores from run to run on
 * graphs of thousands of nodes.  The same bytes on every run need one
 * OpenMP thread while igraph works: the calling thread's OpenMP setting is
 * pinned to 1 under the lock and put back after (the setting belongs to the
 * thread, so other threads of the caller keep theirs).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "analyze/glue.h"

#ifdef AG_HAVE_OPENMP
/* The OpenMP runtime's calls (omp.h), declared here: the library links the
 * runtime igraph links, by name and without an OpenMP compiler flag (see
 * CMakeLists.txt). */
int omp_get_max_threads(void);
void omp_set_num_threads(int n);
#endif

/* ---- errors and progress (all under igraph_lock) ---- */

static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;
static char ig_reason[512];
static const ag__analyze_ctx *progress_ctx; /* the call igraph's reports belong to */
static const char *progress_step;
static int progress_last;

/* Called once per unwinding level; only the first call carries the reason,
 * so keep the first one until ag__analyze_ig_fail() consumes it. */
static void ig_error_handler(const char *reason, const char *file, int line, igraph_error_t err)
{
	if (!ig_reason[0])
		snprintf(ig_reason, sizeof(ig_reason), "%s (%s, %s:%d)",
		         reason && *reason ? reason : "failed", igraph_strerror(err), file ? file : "?", line);
	IGRAPH_FINALLY_FREE();
}

static void ig_warning_handler(const char *reason, const char *file, int line)
{
	(void)reason;
	(void)file;
	(void)line;
}

static igraph_error_t ig_progress_handler(const char *message, igraph_real_t percent, void *data)
{
	int step = (int)(percent / 10.0) * 10;
	(void)message;
	(void)data;
	if (progress_step && step > progress_last && step < 100) {
		progress_last = step;
		ag__analyze_progress(progress_ctx, progress_step, step);
	}
	return IGRAPH_SUCCESS;
}

int ag__analyze_ig_fail(igraph_error_t err, const char *what)
{
	int rc = ag__error(err == IGRAPH_ENOMEM ? AG_ENOMEM : AG_ERROR, "igraph: %s: %s", what,
	                   ig_reason[0] ? ig_reason : igraph_strerror(err));
	ig_reason[0] = '\0';
	return rc;
}

int ag__analyze_locked(ag__analyze_ctx *c, int (*fn)(ag__analyze_ctx *c))
{
	igraph_error_handler_t *old_error;
	igraph_warning_handler_t *old_warning;
	igraph_progress_handler_t *old_progress;
	int rc;
#ifdef AG_HAVE_OPENMP
	int old_omp_threads;
#endif

	pthread_mutex_lock(&igraph_lock);
#ifdef AG_HAVE_OPENMP
	old_omp_threads = omp_get_max_threads();
	omp_set_num_threads(1);
#endif
	ig_reason[0] = '\0';
	progress_ctx = c;
	progress_step = NULL;
	old_error = igraph_set_error_handler(ig_error_handler);
	old_warning = igraph_set_warning_handler(ig_warning_handler);
	old_progress =
	        igraph_set_progress_handler(c->opts->progress && c->opts->progress_cb ? ig_progress_handler : NULL);
	rc = fn(c);
	igraph_set_progress_handler(old_progress);
	igraph_set_warning_handler(old_warning);
	igraph_set_error_handler(old_error);
	progress_ctx = NULL;
#ifdef AG_HAVE_OPENMP
	omp_set_num_threads(old_omp_threads);
#endif
	pthread_mutex_unlock(&igraph_lock);
	return rc;
}

void ag__analyze_progress(const ag__analyze_ctx *c, const char *step, int pct)
{
	ag_analyze_progress p;
	if (!c || !c->opts->progress || !c->opts->progress_cb)
		return;
	p.step = step;
	p.percent = pct;
	c->opts->progress_cb(&p, c->opts->progress_ctx);
}

void ag__analyze_seed_rng(unsigned long seed)
{
	igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
}

/* Even ARPACK (eigenvector centrality) draws a random start vector, which
 * changes the last digits from run to run unless the RNG is seeded. */
void ag__analyze_step_begin(const ag__analyze_ctx *c, const char *step)
{
	ag__analyze_seed_rng(c->opts->seed);
	progress_step = step;
	progress_last = 0;
	ag__analyze_progress(c, step, -1);
}

void ag__analyze_step_end(void)
{
	progress_step = NULL;
}

/* ---- ag_graph to igraph_t ---- */

int ag__analyze_graph_build(ag__analyze_ctx *c)
{
	ag_graph *g = c->g;
	igraph_vector_int_t edges;
	bool have_graph = false, have_w = false, have_invw = false, have_str = false, have_res = false,
	     have_memb = false;
	int rc = 0;

	c->n = (igraph_integer_t)g->n_nodes;
	c->m = (igraph_integer_t)g->n_links;
	c->total_w = 0;

	/* Node i is g->nodes[i], edge j is g->links[j]. */
	IG_TRY("graph", igraph_vector_int_init(&edges, 2 * c->m));
	for (igraph_integer_t j = 0; j < c->m; j++) {
		VECTOR(edges)[2 * j] = (igraph_integer_t)g->links[j].a;
		VECTOR(edges)[2 * j + 1] = (igraph_integer_t)g->links[j].b;
	}
	{
		igraph_error_t err = igraph_create(&c->graph, &edges, c->n, IGRAPH_UNDIRECTED);
		igraph_vector_int_destroy(&edges);
		IG_TRY("graph", err);
	}
	have_graph = true;
	IG_TRY("graph", igraph_vector_init(&c->w, c->m));
	have_w = true;
	IG_TRY("graph", igraph_vector_init(&c->invw, c->m));
	have_invw = true;
	IG_TRY("graph", igraph_vector_init(&c->str, c->n));
	have_str = true;
	IG_TRY("graph", igraph_vector_init(&c->res, c->n));
	have_res = true;
	IG_TRY("graph", igraph_vector_int_init(&c->membership, c->n));
	have_memb = true;
	IG_TRY("graph", igraph_vector_int_init(&c->run, c->n));
	for (igraph_integer_t j = 0; j < c->m; j++) {
		VECTOR(c->w)[j] = g->links[j].weight;
		VECTOR(c->invw)[j] = 1.0 / g->links[j].weight;
		c->total_w += g->links[j].weight;
	}
	c->built = true;
	return 0;

cleanup:
	if (have_memb)
		igraph_vector_int_destroy(&c->membership);
	if (have_res)
		igraph_vector_destroy(&c->res);
	if (have_str)
		igraph_vector_destroy(&c->str);
	if (have_invw)
		igraph_vector_destroy(&c->invw);
	if (have_w)
		igraph_vector_destroy(&c->w);
	if (have_graph)
		igraph_destroy(&c->graph);
	return rc;
}

void ag__analyze_graph_free(ag__analyze_ctx *c)
{
	free(c->stab);
	c->stab = NULL;
	if (!c->built)
		return;
	igraph_vector_int_destroy(&c->run);
	igraph_vector_int_destroy(&c->membership);
	igraph_vector_destroy(&c->res);
	igraph_vector_destroy(&c->str);
	igraph_vector_destroy(&c->invw);
	igraph_vector_destroy(&c->w);
	igraph_destroy(&c->graph);
	c->built = false;
}

/* ---- results on the ag_graph ---- */

int ag__analyze_store_metric(ag__analyze_ctx *c, const char *name, const double *values)
{
	int slot = ag__graph_metric_slot(c->g, name, true);
	if (slot < 0)
		return slot;
	for (igraph_integer_t i = 0; i < c->n; i++)
		c->g->nodes[i].metrics[slot] = values[i];
	return 0;
}

int ag__analyze_set_attr(json_t *o, const char *key, json_t *v)
{
	if (!v || json_object_set_new(o, key, v) < 0)
		return ag__enomem();
	return 0;
}
