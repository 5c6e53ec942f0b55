/*
 * analyze.c - per-node metrics and communities through igraph 0.10.
 *
 * Link weight is tie strength.  Strength, eigenvector centrality, PageRank,
 * clustering and the community methods read it as it is; betweenness,
 * closeness and harmonic centrality run on distance = 1/weight.  The values
 * are scaled like networkx 2.8 so that they can be checked against it
 * (tests/nx_compare.py).
 *
 * One igraph_t, one weight vector and one 1/weight vector are built per call;
 * everything is freed on every path.  igraph errors do not abort the process:
 * a handler records the reason and the call fails with AG_ERROR.  igraph as
 * Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE is 0: one error
 * handler, one RNG), so the whole igraph part runs under one lock.
 */
#include <igraph.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "actorgraph/analyze.h"
#include "graph/graph_int.h"

/* Exact betweenness, closeness and harmonic centrality run a Dijkstra search
 * from every node: about nodes x links steps.  Above this many, and unless
 * opts->exact, they are estimated from AG_SAMPLE_SOURCES source nodes (a
 * 12,000-node, 53,000-link graph, 6e8, takes minutes exactly). */
#define AG_EXACT_WORK_LIMIT 1e8
#define AG_SAMPLE_SOURCES 256
/* Sources per igraph_betweenness_subset call, so that progress can be shown. */
#define AG_SAMPLE_CHUNK 32
/* Walktrap random-walk length and infomap trials. */
#define AG_WALKTRAP_STEPS 4
#define AG_INFOMAP_TRIALS 10
/* Leiden randomness in the refinement step (igraph's and leidenalg's default). */
#define AG_LEIDEN_BETA 0.01

static const char *const method_names[] = {
	"leiden", "louvain", "label_propagation", "walktrap", "infomap", "none"};

int ag_community_method_parse(const char *name, ag_community_method *out)
{
	if (!name || !out)
		return ag__error(AG_EINVAL, "community method: NULL argument");
	for (size_t i = 0; i < sizeof(method_names) / sizeof(method_names[0]); i++) {
		if (strcmp(name, method_names[i]) == 0) {
			*out = (ag_community_method)i;
			return 0;
		}
	}
	if (strcmp(name, "label-propagation") == 0) {
		*out = AG_COMMUNITY_LABEL_PROPAGATION;
		return 0;
	}
	return ag__error(AG_EINVAL,
	                 "unknown community method \"%s\" (expected leiden, louvain, label_propagation, "
	                 "walktrap, infomap or none)", name);
}

const char *ag_community_method_name(ag_community_method m)
{
	if ((unsigned)m < sizeof(method_names) / sizeof(method_names[0]))
		return method_names[m];
	return "unknown";
}

/* ---- igraph glue: errors and progress (all under igraph_lock) ---- */

static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;
static char ig_reason[512];
static const char *progress_step;
static int progress_last;

/* Called once per unwinding level; only the first call carries the reason,
 * so keep the first one until ig_fail() consumes it. */
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
		fprintf(stderr, "analyze: %s %d%%...\n", progress_step, step);
	}
	return IGRAPH_SUCCESS;
}

static int ig_fail(igraph_error_t err, const char *what)
{
	int rc = ag__error(err == IGRAPH_ENOMEM ? AG_ENOMEM : AG_ERROR, "igraph: %s: %s", what,
	                   ig_reason[0] ? ig_reason : igraph_strerror(err));
	ig_reason[0] = '\0';
	return rc;
}

/* Run an igraph call; on failure set the error and leave through cleanup. */
#define IG_TRY(what, call)                                  \
	do {                                                \
		igraph_error_t ig_err_ = (call);            \
		if (ig_err_ != IGRAPH_SUCCESS) {            \
			rc = ig_fail(ig_err_, (what));      \
			goto cleanup;                       \
		}                                           \
	} while (0)

typedef struct {
	ag_graph *g;
	const ag_analyze_options *opts;
	igraph_t graph;
	igraph_vector_t w;     /* link weights (strength) */
	igraph_vector_t invw;  /* 1/weight (distance); reused for label propagation */
	igraph_vector_t str;   /* node strength (Leiden node weights) */
	igraph_vector_t res;   /* scratch result, one value per node */
	igraph_integer_t n, m;
	double total_w;
	bool sampled;          /* path metrics estimated from a sample of sources */
	size_t n_sources;
} ag_actx;

static void progress(const ag_actx *c, const char *step, int pct)
{
	if (!c->opts->progress)
		return;
	if (pct < 0)
		fprintf(stderr, "analyze: %s...\n", step);
	else
		fprintf(stderr, "analyze: %s %d%%...\n", step, pct);
}

static void seed_rng(unsigned long seed)
{
	igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
}

/* Announce a step; igraph's own progress reports add percentages.  The RNG
 * is seeded before every step: even ARPACK (eigenvector centrality) draws a
 * random start vector, which changes the last digits from run to run. */
static void step_begin(const ag_actx *c, const char *step)
{
	seed_rng(c->opts->seed);
	progress_step = step;
	progress_last = 0;
	progress(c, step, -1);
}

/* Store a metric for every node from a double array (stride 1). */
static int store_metric(ag_actx *c, const char *name, const double *values)
{
	int slot = ag__graph_metric_slot(c->g, name, true);
	if (slot < 0)
		return slot;
	for (igraph_integer_t i = 0; i < c->n; i++)
		c->g->nodes[i].metrics[slot] = values[i];
	return 0;
}

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int cmp_integer(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
	return (x > y) - (x < y);
}

/* A deterministic sample of k distinct source nodes (partial Fisher-Yates
 * driven by the seed), in increasing order. */
static int sample_sources(ag_actx *c, igraph_vector_int_t *out, size_t k)
{
	igraph_integer_t *perm;
	uint64_t state = (uint64_t)c->opts->seed;
	int rc = 0;

	if (!(perm = malloc((size_t)c->n * sizeof(*perm))))
		return ag__enomem();
	for (igraph_integer_t i = 0; i < c->n; i++)
		perm[i] = i;
	for (size_t i = 0; i < k; i++) {
		size_t j = i + (size_t)(splitmix64(&state) % (uint64_t)((size_t)c->n - i));
		igraph_integer_t t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
	qsort(perm, k, sizeof(*perm), cmp_integer);
	IG_TRY("sample", igraph_vector_int_resize(out, (igraph_integer_t)k));
	for (size_t i = 0; i < k; i++)
		VECTOR(*out)[i] = perm[i];
cleanup:
	free(perm);
	return rc;
}

/* ---- metrics ---- */

static int metric_degree_strength(ag_actx *c)
{
	igraph_vector_int_t deg;
	double *d = NULL;
	int rc = 0;

	step_begin(c, "degree and strength");
	IG_TRY("degree", igraph_vector_int_init(&deg, c->n));
	if (!(d = malloc((size_t)c->n * sizeof(*d) + 1))) {
		rc = ag__enomem();
		goto cleanup_deg;
	}
	if (igraph_degree(&c->graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS) {
		rc = ig_fail(IGRAPH_FAILURE, "degree");
		goto cleanup_deg;
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		d[i] = (double)VECTOR(deg)[i];
	if ((rc = store_metric(c, "degree", d)) < 0)
		goto cleanup_deg;
	if (igraph_strength(&c->graph, &c->str, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &c->w) !=
	    IGRAPH_SUCCESS) {
		rc = ig_fail(IGRAPH_FAILURE, "strength");
		goto cleanup_deg;
	}
	rc = store_metric(c, "strength", VECTOR(c->str));
cleanup_deg:
	free(d);
	igraph_vector_int_destroy(&deg);
cleanup:
	return rc;
}

/*
 * Betweenness on distance 1/w.  igraph counts each unordered pair once, as
 * networkx does with normalized=False; networkx's normalized=True value for
 * an undirected graph is that times 2/((n-1)(n-2)) (0 when n <= 2).
 *
 * On large graphs the sum runs over a sample S of k sources only
 * (igraph_betweenness_subset, sources S, targets all) and is scaled by n/k:
 * every source contributes the same expected share of the exact sum.
 */
static int metric_betweenness(ag_actx *c)
{
	igraph_vector_int_t sources;
	igraph_vector_t part;
	bool have_sources = false, have_part = false;
	double *norm = NULL;
	int rc = 0;

	step_begin(c, "betweenness");
	if (!c->sampled) {
		IG_TRY("betweenness", igraph_betweenness(&c->graph, &c->res, igraph_vss_all(), IGRAPH_UNDIRECTED,
		                                         &c->invw));
	} else {
		size_t k = c->n_sources, done = 0;
		IG_TRY("betweenness", igraph_vector_int_init(&sources, 0));
		have_sources = true;
		IG_TRY("betweenness", igraph_vector_init(&part, c->n));
		have_part = true;
		if ((rc = sample_sources(c, &sources, k)) < 0)
			goto cleanup;
		igraph_vector_null(&c->res);
		progress_step = NULL; /* our chunks report the progress */
		while (done < k) {
			size_t len = k - done < AG_SAMPLE_CHUNK ? k - done : AG_SAMPLE_CHUNK;
			igraph_vector_int_t chunk;
			igraph_vs_t vs;
			igraph_vector_int_view(&chunk, VECTOR(sources) + done, (igraph_integer_t)len);
			vs = igraph_vss_vector(&chunk);
			IG_TRY("betweenness (sampled)",
			       igraph_betweenness_subset(&c->graph, &part, igraph_vss_all(), IGRAPH_UNDIRECTED, vs,
			                                 igraph_vss_all(), &c->invw));
			IG_TRY("betweenness", igraph_vector_add(&c->res, &part));
			done += len;
			if (done < k)
				progress(c, "betweenness", (int)(100 * done / k));
		}
		igraph_vector_scale(&c->res, (double)c->n / (double)k);
	}
	if ((rc = store_metric(c, "betweenness", VECTOR(c->res))) < 0)
		goto cleanup;
	if (!(norm = malloc((size_t)c->n * sizeof(*norm) + 1))) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		norm[i] = c->n > 2 ? VECTOR(c->res)[i] * 2.0 / ((double)(c->n - 1) * (double)(c->n - 2)) : 0.0;
	rc = store_metric(c, "betweenness_norm", norm);
cleanup:
	free(norm);
	if (have_part)
		igraph_vector_destroy(&part);
	if (have_sources)
		igraph_vector_int_destroy(&sources);
	return rc;
}

/*
 * Closeness and harmonic centrality on distance 1/w, as networkx 2.8 computes
 * them.  networkx closeness_centrality (wf_improved=True) of u with r nodes
 * reachable (u included) is (r-1)/sum(d) * (r-1)/(n-1), and 0 when u reaches
 * nobody; igraph's normalised closeness is (r-1)/sum(d) over the reachable
 * set, with reachable_count = r-1, so we multiply by (r-1)/(n-1) and turn
 * igraph's NaN for isolated nodes into networkx's 0.  Harmonic centrality is
 * the raw sum of 1/d over the other nodes (unreachable ones add 0).
 */
static int metric_closeness_exact(ag_actx *c)
{
	igraph_vector_int_t reach;
	igraph_bool_t all;
	int rc = 0;

	step_begin(c, "closeness");
	IG_TRY("closeness", igraph_vector_int_init(&reach, c->n));
	if (igraph_closeness(&c->graph, &c->res, &reach, &all, igraph_vss_all(), IGRAPH_ALL, &c->invw, true) !=
	    IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&reach);
		rc = ig_fail(IGRAPH_FAILURE, "closeness");
		goto cleanup;
	}
	for (igraph_integer_t i = 0; i < c->n; i++) {
		double r = (double)VECTOR(reach)[i], v = VECTOR(c->res)[i];
		VECTOR(c->res)[i] = (c->n > 1 && r > 0 && isfinite(v)) ? v * r / (double)(c->n - 1) : 0.0;
	}
	igraph_vector_int_destroy(&reach);
	if ((rc = store_metric(c, "closeness", VECTOR(c->res))) < 0)
		goto cleanup;
	step_begin(c, "harmonic");
	IG_TRY("harmonic centrality", igraph_harmonic_centrality(&c->graph, &c->res, igraph_vss_all(), IGRAPH_ALL,
	                                                         &c->invw, false));
	rc = store_metric(c, "harmonic", VECTOR(c->res));
cleanup:
	return rc;
}

/*
 * Estimated closeness and harmonic centrality on large graphs: one Dijkstra
 * run (distance 1/w) from each of k sampled sources.  For node v, with k' the
 * sampled sources other than v, c_v of them reaching v at total distance D_v
 * and H_v the sum of 1/d over them:
 *   harmonic(v)  ~ H_v * (n-1)/k'
 *   closeness(v) ~ (c_v/k') * (c_v/D_v)
 * i.e. networkx's (r-1)/(n-1) * (r-1)/sum(d) with the reachable share and the
 * mean distance both taken from the sample (0 when no source reaches v).
 */
static int metric_closeness_sampled(ag_actx *c)
{
	igraph_vector_int_t sources;
	igraph_matrix_t dist;
	bool have_sources = false, have_dist = false;
	double *cnt = NULL, *sum = NULL;
	char *is_src = NULL;
	size_t k = c->n_sources;
	int rc = 0, last = 0;

	progress(c, "closeness and harmonic (sampled)", -1);
	IG_TRY("closeness", igraph_vector_int_init(&sources, 0));
	have_sources = true;
	IG_TRY("closeness", igraph_matrix_init(&dist, 1, c->n));
	have_dist = true;
	if ((rc = sample_sources(c, &sources, k)) < 0)
		goto cleanup;
	cnt = calloc((size_t)c->n + 1, sizeof(*cnt));
	sum = calloc((size_t)c->n + 1, sizeof(*sum));
	is_src = calloc((size_t)c->n + 1, 1);
	if (!cnt || !sum || !is_src) {
		rc = ag__enomem();
		goto cleanup;
	}
	igraph_vector_null(&c->res); /* harmonic sums */
	for (size_t s = 0; s < k; s++) {
		igraph_integer_t src = VECTOR(sources)[s];
		int pct;
		is_src[src] = 1;
		IG_TRY("closeness (sampled)", igraph_distances_dijkstra(&c->graph, &dist, igraph_vss_1(src),
		                                                         igraph_vss_all(), &c->invw, IGRAPH_ALL));
		for (igraph_integer_t v = 0; v < c->n; v++) {
			double d = MATRIX(dist, 0, v);
			if (v == src || !isfinite(d) || d <= 0)
				continue;
			cnt[v] += 1.0;
			sum[v] += d;
			VECTOR(c->res)[v] += 1.0 / d;
		}
		pct = (int)(100 * (s + 1) / k) / 10 * 10;
		if (pct > last && s + 1 < k) {
			last = pct;
			progress(c, "closeness and harmonic", pct);
		}
	}
	for (igraph_integer_t v = 0; v < c->n; v++) {
		double kk = (double)k - (is_src[v] ? 1.0 : 0.0);
		VECTOR(c->res)[v] = kk > 0 ? VECTOR(c->res)[v] * (double)(c->n - 1) / kk : 0.0;
		sum[v] = kk > 0 && cnt[v] > 0 ? (cnt[v] / kk) * (cnt[v] / sum[v]) : 0.0;
	}
	if ((rc = store_metric(c, "closeness", sum)) < 0)
		goto cleanup;
	rc = store_metric(c, "harmonic", VECTOR(c->res));
cleanup:
	free(cnt);
	free(sum);
	free(is_src);
	if (have_dist)
		igraph_matrix_destroy(&dist);
	if (have_sources)
		igraph_vector_int_destroy(&sources);
	return rc;
}

/* Weighted eigenvector centrality.  igraph scales the largest value to 1;
 * networkx eigenvector_centrality scales to unit Euclidean norm: rescale. */
static int metric_eigenvector(ag_actx *c)
{
	igraph_real_t value, norm = 0.0;
	int rc = 0;

	step_begin(c, "eigenvector");
	IG_TRY("eigenvector centrality", igraph_eigenvector_centrality(&c->graph, &c->res, &value, IGRAPH_UNDIRECTED,
	                                                               true, &c->w, NULL));
	for (igraph_integer_t i = 0; i < c->n; i++)
		norm += VECTOR(c->res)[i] * VECTOR(c->res)[i];
	norm = sqrt(norm);
	for (igraph_integer_t i = 0; i < c->n; i++)
		VECTOR(c->res)[i] = norm > 0 ? fabs(VECTOR(c->res)[i]) / norm : 0.0;
	rc = store_metric(c, "eigenvector", VECTOR(c->res));
cleanup:
	return rc;
}

static int metric_pagerank(ag_actx *c)
{
	igraph_real_t value;
	int rc = 0;

	step_begin(c, "pagerank");
	IG_TRY("pagerank", igraph_pagerank(&c->graph, IGRAPH_PAGERANK_ALGO_PRPACK, &c->res, &value, igraph_vss_all(),
	                                   IGRAPH_UNDIRECTED, 0.85, &c->w, NULL));
	rc = store_metric(c, "pagerank", VECTOR(c->res));
cleanup:
	return rc;
}

static int metric_coreness(ag_actx *c)
{
	igraph_vector_int_t core;
	int rc = 0;

	step_begin(c, "coreness");
	IG_TRY("coreness", igraph_vector_int_init(&core, c->n));
	if (igraph_coreness(&c->graph, &core, IGRAPH_ALL) != IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&core);
		rc = ig_fail(IGRAPH_FAILURE, "coreness");
		goto cleanup;
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		VECTOR(c->res)[i] = (double)VECTOR(core)[i];
	igraph_vector_int_destroy(&core);
	rc = store_metric(c, "coreness", VECTOR(c->res));
cleanup:
	return rc;
}

/* Barrat's weighted local clustering; NaN (null in JSON) for degree < 2. */
static int metric_clustering(ag_actx *c)
{
	int rc = 0;

	step_begin(c, "clustering");
	IG_TRY("clustering", igraph_transitivity_barrat(&c->graph, &c->res, igraph_vss_all(), &c->w,
	                                                IGRAPH_TRANSITIVITY_NAN));
	rc = store_metric(c, "clustering", VECTOR(c->res));
cleanup:
	return rc;
}

/* ---- communities ---- */

/* One run of the community method with the given seed; *membership gets a
 * community per node (any numbering). */
static int run_communities(ag_actx *c, ag_community_method method, unsigned long seed,
                           igraph_vector_int_t *membership)
{
	int rc = 0;

	IG_TRY("communities", igraph_vector_int_resize(membership, c->n));
	if (c->m == 0) {
		/* Nothing to cluster: every node on its own. */
		for (igraph_integer_t i = 0; i < c->n; i++)
			VECTOR(*membership)[i] = i;
		return 0;
	}
	seed_rng(seed);
	switch (method) {
	case AG_COMMUNITY_LEIDEN: {
		/* Modularity through the CPM objective: node weights = strength and
		 * resolution gamma/(2W) give sum_ij (A_ij - gamma k_i k_j / 2W),
		 * i.e. 2W times modularity.  n_iterations < 0: iterate until an
		 * iteration changes nothing. */
		igraph_integer_t nb;
		igraph_real_t quality;
		IG_TRY("leiden", igraph_community_leiden(&c->graph, &c->w, &c->str,
		                                         c->opts->resolution / (2.0 * c->total_w), AG_LEIDEN_BETA,
		                                         false, -1, membership, &nb, &quality));
		break;
	}
	case AG_COMMUNITY_LOUVAIN:
		IG_TRY("louvain", igraph_community_multilevel(&c->graph, &c->w, c->opts->resolution, membership,
		                                              NULL, NULL));
		break;
	case AG_COMMUNITY_LABEL_PROPAGATION:
		/* igraph 0.10.2 rounds weights to integers: c->invw (no longer needed
		 * for distances) holds weights scaled by label_scale. */
		IG_TRY("label propagation", igraph_community_label_propagation(&c->graph, membership, IGRAPH_ALL,
		                                                               &c->invw, NULL, NULL));
		break;
	case AG_COMMUNITY_WALKTRAP: {
		/* 0.10.2 cannot compute the membership unless it is given both
		 * the merges and the modularity vector. */
		igraph_vector_t q;
		igraph_matrix_int_t merges;
		igraph_error_t err;
		IG_TRY("walktrap", igraph_vector_init(&q, 0));
		if ((err = igraph_matrix_int_init(&merges, 0, 0)) == IGRAPH_SUCCESS) {
			err = igraph_community_walktrap(&c->graph, &c->w, AG_WALKTRAP_STEPS, &merges, &q, membership);
			igraph_matrix_int_destroy(&merges);
		}
		igraph_vector_destroy(&q);
		IG_TRY("walktrap", err);
		break;
	}
	case AG_COMMUNITY_INFOMAP: {
		igraph_real_t codelength;
		IG_TRY("infomap", igraph_community_infomap(&c->graph, &c->w, NULL, AG_INFOMAP_TRIALS, membership,
		                                           &codelength));
		break;
	}
	default:
		return ag__error(AG_EINVAL, "unknown community method %d", (int)method);
	}
cleanup:
	return rc;
}

typedef struct {
	igraph_integer_t raw;  /* community id as the method gave it */
	igraph_integer_t size;
	igraph_integer_t first; /* member with the smallest node id (string order) */
} ag_comm_rank;

static const ag_graph *rank_graph; /* for cmp_rank; only used under igraph_lock */

static int cmp_rank(const void *pa, const void *pb)
{
	const ag_comm_rank *a = pa, *b = pb;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return strcmp(rank_graph->nodes[a->first].id, rank_graph->nodes[b->first].id);
}

/* Renumber in place: 0 is the largest community, ties broken by the
 * smallest member id; *count gets the number of communities. */
static int renumber(ag_actx *c, igraph_vector_int_t *membership, igraph_integer_t *count)
{
	ag_comm_rank *rank = NULL;
	igraph_integer_t *map = NULL, k = 0;
	int rc = 0;

	rank = malloc((size_t)c->n * sizeof(*rank) + 1);
	map = malloc((size_t)c->n * sizeof(*map) + 1);
	if (!rank || !map) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		map[i] = -1;
	for (igraph_integer_t i = 0; i < c->n; i++) {
		igraph_integer_t r = VECTOR(*membership)[i];
		if (r < 0 || r >= c->n) {
			rc = ag__error(AG_ERROR, "igraph: community id %" IGRAPH_PRId " out of range", r);
			goto cleanup;
		}
		if (map[r] < 0) {
			map[r] = k;
			rank[k].raw = r;
			rank[k].size = 0;
			rank[k].first = i;
			k++;
		}
		rank[map[r]].size++;
		if (strcmp(c->g->nodes[i].id, c->g->nodes[rank[map[r]].first].id) < 0)
			rank[map[r]].first = i;
	}
	rank_graph = c->g;
	qsort(rank, (size_t)k, sizeof(*rank), cmp_rank);
	for (igraph_integer_t j = 0; j < k; j++)
		map[rank[j].raw] = j;
	for (igraph_integer_t i = 0; i < c->n; i++)
		VECTOR(*membership)[i] = map[VECTOR(*membership)[i]];
	*count = k;
cleanup:
	free(rank);
	free(map);
	return rc;
}

/*
 * Consensus stability.  For node v with reference community C (the main
 * run, seed s), over the K runs r with seeds s, s+1, ..., s+K-1:
 *   stability(v) = mean_r |{u in C : comm_r(u) == comm_r(v)}| / |C|
 * i.e. the share of v's reference community that stays with v, averaged
 * over the runs.  1.0 means v's community never splits around it.
 */
static int consensus(ag_actx *c, const igraph_vector_int_t *ref, igraph_integer_t ncomm,
                     igraph_vector_int_t *run, double *stab)
{
	size_t k = c->opts->consensus;
	igraph_integer_t *size = NULL;
	ag_u64map pairs = {0};
	int rc = 0;

	if (!(size = calloc((size_t)ncomm + 1, sizeof(*size))))
		return ag__enomem();
	for (igraph_integer_t i = 0; i < c->n; i++) {
		size[VECTOR(*ref)[i]]++;
		stab[i] = 0.0;
	}
	for (size_t r = 0; r < k; r++) {
		progress(c, "consensus", (int)(100 * r / k));
		if ((rc = run_communities(c, c->opts->communities, c->opts->seed + (unsigned long)r, run)) < 0)
			goto cleanup;
		ag__u64map_clear(&pairs);
		/* count members per (reference community, run community) pair */
		for (igraph_integer_t i = 0; i < c->n; i++) {
			uint64_t key = ((uint64_t)VECTOR(*ref)[i] << 32) | (uint64_t)(uint32_t)VECTOR(*run)[i];
			size_t have = 0;
			ag__u64map_get(&pairs, key, &have);
			if ((rc = ag__u64map_put(&pairs, key, have + 1)) < 0)
				goto cleanup;
		}
		for (igraph_integer_t i = 0; i < c->n; i++) {
			uint64_t key = ((uint64_t)VECTOR(*ref)[i] << 32) | (uint64_t)(uint32_t)VECTOR(*run)[i];
			size_t have = 0;
			ag__u64map_get(&pairs, key, &have);
			stab[i] += (double)have / (double)size[VECTOR(*ref)[i]];
		}
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		stab[i] /= (double)k;
cleanup:
	ag__u64map_free(&pairs);
	free(size);
	return rc;
}

/* ---- graph-level attributes ---- */

static int set_attr(json_t *o, const char *key, json_t *v)
{
	if (!v || json_object_set_new(o, key, v) < 0)
		return ag__enomem();
	return 0;
}

static json_t *real_or_null(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static int info(json_t *o, const char *key, const char *fmt, ...) AG_PRINTF(3, 4);
static int info(json_t *o, const char *key, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return set_attr(o, key, json_string(buf));
}

static int metrics_info(ag_actx *c, json_t *attrs)
{
	json_t *o = json_object();
	const char *how = c->sampled ? "estimated" : "exact";
	int rc;

	if (!o)
		return ag__enomem();
	if ((rc = set_attr(attrs, "metrics_info", o)) < 0)
		return rc;
	if ((rc = info(o, "degree", "number of links (exact)")) < 0 ||
	    (rc = info(o, "strength", "sum of link weights (exact)")) < 0)
		return rc;
	if (c->sampled) {
		if ((rc = info(o, "betweenness",
		               "shortest-path betweenness on distance = 1/weight, each pair counted once; "
		               "estimated from %zu sampled source nodes scaled by n/%zu (nodes x links over %.0e; "
		               "exact with --exact)", c->n_sources, c->n_sources, AG_EXACT_WORK_LIMIT)) < 0 ||
		    (rc = info(o, "closeness",
		               "closeness on distance = 1/weight, networkx style ((r-1)/(n-1))*((r-1)/sum of "
		               "distances) over the r reachable nodes; estimated from Dijkstra runs from %zu "
		               "sampled sources (reachable share and mean distance from the sample)",
		               c->n_sources)) < 0 ||
		    (rc = info(o, "harmonic",
		               "harmonic centrality, sum of 1/distance with distance = 1/weight; estimated from "
		               "%zu sampled sources scaled by (n-1)/sources", c->n_sources)) < 0)
			return rc;
	} else {
		if ((rc = info(o, "betweenness",
		               "shortest-path betweenness on distance = 1/weight, each pair counted once (exact)")) <
		            0 ||
		    (rc = info(o, "closeness",
		               "closeness on distance = 1/weight, networkx style (wf_improved): "
		               "((r-1)/(n-1))*((r-1)/sum of distances) over the r nodes reachable; 0 when "
		               "isolated (exact)")) < 0 ||
		    (rc = info(o, "harmonic",
		               "harmonic centrality, sum of 1/distance over the other nodes with distance = "
		               "1/weight (exact)")) < 0)
			return rc;
	}
	if ((rc = info(o, "betweenness_norm",
	               "betweenness * 2/((n-1)(n-2)), as networkx normalized=True (%s)", how)) < 0 ||
	    (rc = info(o, "eigenvector",
	               "weighted eigenvector centrality, unit Euclidean norm as networkx (exact)")) < 0 ||
	    (rc = info(o, "pagerank", "weighted PageRank, damping 0.85 (exact)")) < 0 ||
	    (rc = info(o, "coreness", "k-core number, unweighted (exact)")) < 0 ||
	    (rc = info(o, "clustering",
	               "Barrat's weighted local clustering; null for nodes with fewer than 2 links (exact)")) < 0)
		return rc;
	if (c->opts->consensus > 1 && c->opts->communities != AG_COMMUNITY_NONE &&
	    (rc = info(o, "stability",
	               "consensus over %zu runs with seeds seed..seed+%zu: for node v in reference community C "
	               "(the main run), the mean over runs of |{u in C : comm_run(u) == comm_run(v)}| / |C|",
	               c->opts->consensus, c->opts->consensus - 1)) < 0)
		return rc;
	if (c->g->directed_input &&
	    (rc = info(o, "directed_input",
	               "the input graph was directed; it was analysed as undirected (links in both "
	               "directions between two nodes form one link with the summed weight)")) < 0)
		return rc;
	return 0;
}

/* "communities": [{"id", "size", "hub"}] with hub the member of highest
 * strength (ties: smallest id). */
static int communities_attr(ag_actx *c, json_t *attrs, igraph_integer_t ncomm,
                            const igraph_vector_int_t *membership)
{
	igraph_integer_t *size = NULL, *hub = NULL;
	json_t *arr = NULL;
	int rc = 0;

	size = calloc((size_t)ncomm + 1, sizeof(*size));
	hub = malloc(((size_t)ncomm + 1) * sizeof(*hub));
	if (!size || !hub) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (igraph_integer_t j = 0; j < ncomm; j++)
		hub[j] = -1;
	for (igraph_integer_t i = 0; i < c->n; i++) {
		igraph_integer_t k = VECTOR(*membership)[i], h = hub[k];
		size[k]++;
		if (h < 0 || VECTOR(c->str)[i] > VECTOR(c->str)[h] ||
		    (VECTOR(c->str)[i] == VECTOR(c->str)[h] && strcmp(c->g->nodes[i].id, c->g->nodes[h].id) < 0))
			hub[k] = i;
	}
	if (!(arr = json_array())) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (igraph_integer_t j = 0; j < ncomm; j++) {
		const char *id = c->g->nodes[hub[j]].id;
		char *end;
		long long num = strtoll(id, &end, 10);
		/* the hub id as the node ids are written: integers when all were */
		json_t *o = json_pack("{sIsIso}", "id", (json_int_t)j, "size", (json_int_t)size[j], "hub",
		                      c->g->numeric_ids && *id && !*end ? json_integer((json_int_t)num)
		                                                        : json_string(id));
		if (!o || json_array_append_new(arr, o) < 0) {
			rc = ag__enomem();
			goto cleanup;
		}
	}
	rc = set_attr(attrs, "communities", arr);
	arr = NULL;
cleanup:
	json_decref(arr);
	free(size);
	free(hub);
	return rc;
}

/* ---- driver ---- */

static int check_input(ag_graph *g, const ag_analyze_options *opts)
{
	if (opts->version != AG_ANALYZE_OPTIONS_VERSION)
		return ag__error(AG_EINVAL, "analyze: options version %u, expected %u (use AG_ANALYZE_OPTIONS_INIT)",
		                 opts->version, AG_ANALYZE_OPTIONS_VERSION);
	if ((unsigned)opts->communities > AG_COMMUNITY_NONE)
		return ag__error(AG_EINVAL, "analyze: unknown community method %d", (int)opts->communities);
	if (!isfinite(opts->resolution) || opts->resolution <= 0)
		return ag__error(AG_EINVAL, "analyze: resolution %g must be a positive number", opts->resolution);
	if (g->n_nodes > (size_t)INT_MAX || g->n_links > (size_t)INT32_MAX)
		return ag__error(AG_ELIMIT, "analyze: graph too large (%zu nodes, %zu links)", g->n_nodes, g->n_links);
	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		if (!isfinite(l->weight) || l->weight <= 0)
			return ag__error(AG_EINVAL, "link %s -- %s has weight %g; weights must be positive",
			                 g->nodes[l->a].id, g->nodes[l->b].id, l->weight);
		if (l->a == l->b)
			return ag__error(AG_EINVAL, "link %s -- %s is a self-loop", g->nodes[l->a].id, g->nodes[l->b].id);
	}
	return 0;
}

/* Weights for label propagation, which rounds them to integers in 0.10.2:
 * the smallest becomes 1000 (or less if the largest would pass 1e12). */
static void label_weights(ag_actx *c)
{
	double lo = INFINITY, hi = 0, scale;
	for (igraph_integer_t j = 0; j < c->m; j++) {
		double w = VECTOR(c->w)[j];
		lo = w < lo ? w : lo;
		hi = w > hi ? w : hi;
	}
	scale = 1000.0 / lo;
	if (hi * scale > 1e12)
		scale = 1e12 / hi;
	for (igraph_integer_t j = 0; j < c->m; j++) {
		double s = round(VECTOR(c->w)[j] * scale);
		VECTOR(c->invw)[j] = s < 1 ? 1 : s;
	}
}

static int analyze_locked(ag_actx *c)
{
	ag_graph *g = c->g;
	const ag_analyze_options *opts = c->opts;
	igraph_vector_int_t edges, membership, run;
	bool have_graph = false, have_w = false, have_invw = false, have_str = false, have_res = false,
	     have_memb = false, have_run = false;
	igraph_integer_t ncomm = 0;
	double modularity = NAN, *stab = NULL;
	json_t *attrs;
	int rc = 0;

	c->n = (igraph_integer_t)g->n_nodes;
	c->m = (igraph_integer_t)g->n_links;
	c->total_w = 0;
	c->sampled = !opts->exact && (double)g->n_nodes * (double)g->n_links > AG_EXACT_WORK_LIMIT &&
	             g->n_nodes > AG_SAMPLE_SOURCES;
	c->n_sources = g->n_nodes < AG_SAMPLE_SOURCES ? g->n_nodes : AG_SAMPLE_SOURCES;

	/* Build the graph: node i is g->nodes[i], edge j is g->links[j]. */
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
	IG_TRY("graph", igraph_vector_int_init(&membership, c->n));
	have_memb = true;
	IG_TRY("graph", igraph_vector_int_init(&run, c->n));
	have_run = true;
	for (igraph_integer_t j = 0; j < c->m; j++) {
		VECTOR(c->w)[j] = g->links[j].weight;
		VECTOR(c->invw)[j] = 1.0 / g->links[j].weight;
		c->total_w += g->links[j].weight;
	}

	if ((rc = metric_degree_strength(c)) < 0 || (rc = metric_betweenness(c)) < 0 ||
	    (rc = (c->sampled ? metric_closeness_sampled(c) : metric_closeness_exact(c))) < 0 ||
	    (rc = metric_eigenvector(c)) < 0 || (rc = metric_pagerank(c)) < 0 || (rc = metric_coreness(c)) < 0 ||
	    (rc = metric_clustering(c)) < 0)
		goto cleanup;
	progress_step = NULL;

	/* Communities.  The distances are no longer needed: invw may now hold
	 * the label propagation weights. */
	if (opts->communities == AG_COMMUNITY_LABEL_PROPAGATION && c->m > 0)
		label_weights(c);
	if (opts->communities != AG_COMMUNITY_NONE) {
		progress(c, ag_community_method_name(opts->communities), -1);
		if ((rc = run_communities(c, opts->communities, opts->seed, &membership)) < 0 ||
		    (rc = renumber(c, &membership, &ncomm)) < 0)
			goto cleanup;
		if (c->m > 0)
			IG_TRY("modularity", igraph_modularity(&c->graph, &membership, &c->w, opts->resolution,
			                                        IGRAPH_UNDIRECTED, &modularity));
		if (opts->consensus > 1) {
			if (!(stab = malloc((size_t)c->n * sizeof(*stab) + 1))) {
				rc = ag__enomem();
				goto cleanup;
			}
			if ((rc = consensus(c, &membership, ncomm, &run, stab)) < 0)
				goto cleanup;
		}
	}

	/* Commit communities and graph-level attributes. */
	for (igraph_integer_t i = 0; i < c->n; i++) {
		g->nodes[i].community = opts->communities != AG_COMMUNITY_NONE ? (int)VECTOR(membership)[i] : -1;
		g->nodes[i].stability = stab ? stab[i] : NAN;
	}
	if (!(attrs = ag__graph_attrs(g))) {
		rc = ag__enomem();
		goto cleanup;
	}
	json_object_del(attrs, "communities");
	if ((rc = metrics_info(c, attrs)) < 0 ||
	    (rc = set_attr(attrs, "community_method", json_string(ag_community_method_name(opts->communities)))) <
	            0 ||
	    (rc = set_attr(attrs, "modularity", real_or_null(modularity))) < 0 ||
	    (rc = set_attr(attrs, "resolution", json_real(opts->resolution))) < 0 ||
	    (rc = set_attr(attrs, "seed", json_integer((json_int_t)opts->seed))) < 0 ||
	    (rc = set_attr(attrs, "community_count", json_integer((json_int_t)ncomm))) < 0 ||
	    (rc = set_attr(attrs, "consensus_runs",
	                   json_integer(opts->consensus > 1 && opts->communities != AG_COMMUNITY_NONE
	                                        ? (json_int_t)opts->consensus
	                                        : 1))) < 0)
		goto cleanup;
	if (opts->communities != AG_COMMUNITY_NONE && (rc = communities_attr(c, attrs, ncomm, &membership)) < 0)
		goto cleanup;

cleanup:
	progress_step = NULL;
	free(stab);
	if (have_run)
		igraph_vector_int_destroy(&run);
	if (have_memb)
		igraph_vector_int_destroy(&membership);
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

/* An empty graph: no igraph work, only the graph-level attributes. */
static int analyze_empty(ag_graph *g, const ag_analyze_options *opts)
{
	json_t *attrs = ag__graph_attrs(g), *mi;
	int rc;
	if (!attrs || !(mi = json_object()))
		return ag__enomem();
	json_object_del(attrs, "communities");
	if ((rc = set_attr(attrs, "metrics_info", mi)) < 0 ||
	    (rc = set_attr(attrs, "community_method", json_string(ag_community_method_name(opts->communities)))) <
	            0 ||
	    (rc = set_attr(attrs, "modularity", json_null())) < 0 ||
	    (rc = set_attr(attrs, "resolution", json_real(opts->resolution))) < 0 ||
	    (rc = set_attr(attrs, "seed", json_integer((json_int_t)opts->seed))) < 0 ||
	    (rc = set_attr(attrs, "community_count", json_integer(0))) < 0)
		return rc;
	return 0;
}

int ag_analyze(ag_graph *g, const ag_analyze_options *opts)
{
	static const ag_analyze_options defaults = AG_ANALYZE_OPTIONS_INIT;
	igraph_error_handler_t *old_error;
	igraph_warning_handler_t *old_warning;
	igraph_progress_handler_t *old_progress;
	ag_actx c;
	int rc;

	if (!g)
		return ag__error(AG_EINVAL, "analyze: NULL graph");
	if (!opts)
		opts = &defaults;
	if ((rc = check_input(g, opts)) < 0)
		return rc;
	if (g->n_nodes == 0)
		return analyze_empty(g, opts);

	memset(&c, 0, sizeof(c));
	c.g = g;
	c.opts = opts;
	pthread_mutex_lock(&igraph_lock);
	ig_reason[0] = '\0';
	progress_step = NULL;
	old_error = igraph_set_error_handler(ig_error_handler);
	old_warning = igraph_set_warning_handler(ig_warning_handler);
	old_progress = igraph_set_progress_handler(opts->progress ? ig_progress_handler : NULL);
	rc = analyze_locked(&c);
	igraph_set_progress_handler(old_progress);
	igraph_set_warning_handler(old_warning);
	igraph_set_error_handler(old_error);
	pthread_mutex_unlock(&igraph_lock);
	if (rc == 0 && opts->progress)
		fprintf(stderr, "analyze: done\n");
	return rc;
}
