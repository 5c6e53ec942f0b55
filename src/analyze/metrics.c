/*
 * metrics.c - the per-node metrics of ag_analyze: degree and strength,
 * betweenness, closeness and harmonic centrality (exact, or estimated from
 * sampled sources on large graphs), eigenvector, PageRank, coreness and
 * clustering, and the "metrics_info" record that says how each was computed.
 *
 * Link weight is tie strength.  Strength, eigenvector centrality, PageRank
 * and clustering read it as it is; betweenness, closeness and harmonic
 * centrality run on distance = 1/weight.  The values are scaled like
 * networkx 2.8 so that they can be checked against it (tests/nx_compare.py).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/metrics.h"
#include "analyze/workers.h"

/* Exact betweenness, closeness and harmonic centrality run a Dijkstra search
 * from every node: about nodes x links steps.  Above this many, and unless
 * opts->exact, they are estimated from AG_SAMPLE_SOURCES source nodes (a
 * 12,000-node, 53,000-link graph, 6e8, takes minutes exactly). */
#define AG_EXACT_WORK_LIMIT 1e8
#define AG_SAMPLE_SOURCES 256
/* Sources per igraph_betweenness_subset call, so that progress can be shown. */
#define AG_SAMPLE_CHUNK 32

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
static int sample_sources(ag__analyze_ctx *c, igraph_vector_int_t *out, size_t k)
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

static int metric_degree_strength(ag__analyze_ctx *c)
{
	igraph_vector_int_t deg;
	double *d = NULL;
	int rc = 0;

	ag__analyze_step_begin(c, "degree and strength");
	IG_TRY("degree", igraph_vector_int_init(&deg, c->n));
	if (!(d = malloc((size_t)c->n * sizeof(*d) + 1))) {
		rc = ag__enomem();
		goto cleanup_deg;
	}
	if (igraph_degree(&c->graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS) {
		rc = ag__analyze_ig_fail(IGRAPH_FAILURE, "degree");
		goto cleanup_deg;
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		d[i] = (double)VECTOR(deg)[i];
	if ((rc = ag__analyze_store_metric(c, "degree", d)) < 0)
		goto cleanup_deg;
	if (igraph_strength(&c->graph, &c->str, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &c->w) !=
	    IGRAPH_SUCCESS) {
		rc = ag__analyze_ig_fail(IGRAPH_FAILURE, "strength");
		goto cleanup_deg;
	}
	rc = ag__analyze_store_metric(c, "strength", VECTOR(c->str));
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
/* Betweenness from the sampled sources of chunk `chunk` (AG_SAMPLE_CHUNK of
 * them), targets all: one igraph_betweenness_subset call. */
static int betweenness_chunk(ag__analyze_ctx *c, size_t chunk, double *out, size_t len, void *arg)
{
	const igraph_vector_int_t *sources = arg;
	size_t k = (size_t)igraph_vector_int_size(sources), first = chunk * AG_SAMPLE_CHUNK;
	size_t n = k - first < AG_SAMPLE_CHUNK ? k - first : AG_SAMPLE_CHUNK;
	igraph_vector_int_t view;
	igraph_vector_t part;
	int rc = 0;

	igraph_vector_int_view(&view, VECTOR(*sources) + first, (igraph_integer_t)n);
	IG_TRY("betweenness (sampled)", igraph_vector_init(&part, (igraph_integer_t)len));
	if (igraph_betweenness_subset(&c->graph, &part, igraph_vss_all(), IGRAPH_UNDIRECTED, igraph_vss_vector(&view),
	                              igraph_vss_all(), &c->invw) != IGRAPH_SUCCESS)
		rc = ag__analyze_ig_fail(IGRAPH_FAILURE, "betweenness (sampled)");
	else
		memcpy(out, VECTOR(part), len * sizeof(*out));
	igraph_vector_destroy(&part);
cleanup:
	return rc;
}

static int metric_betweenness(ag__analyze_ctx *c)
{
	igraph_vector_int_t sources;
	bool have_sources = false;
	double *norm = NULL, *parts = NULL;
	int rc = 0;

	ag__analyze_step_begin(c, c->sampled ? "betweenness (sampled)" : "betweenness");
	if (!c->sampled) {
		IG_TRY("betweenness", igraph_betweenness(&c->graph, &c->res, igraph_vss_all(), IGRAPH_UNDIRECTED,
		                                         &c->invw));
	} else {
		size_t k = c->n_sources, n_chunks = (k + AG_SAMPLE_CHUNK - 1) / AG_SAMPLE_CHUNK;
		IG_TRY("betweenness", igraph_vector_int_init(&sources, 0));
		have_sources = true;
		if ((rc = sample_sources(c, &sources, k)) < 0)
			goto cleanup;
		if (!(parts = malloc(n_chunks * (size_t)c->n * sizeof(*parts) + 1))) {
			rc = ag__enomem();
			goto cleanup;
		}
		ag__analyze_step_end(); /* the chunks report the progress */
		if ((rc = ag__analyze_chunks(c, "betweenness (sampled)", n_chunks, (size_t)c->n, betweenness_chunk, &sources,
		                             parts)) < 0)
			goto cleanup;
		/* summed in chunk order: the same bytes for any number of workers */
		igraph_vector_null(&c->res);
		for (size_t ch = 0; ch < n_chunks; ch++)
			for (igraph_integer_t v = 0; v < c->n; v++)
				VECTOR(c->res)[v] += parts[ch * (size_t)c->n + (size_t)v];
		igraph_vector_scale(&c->res, (double)c->n / (double)k);
	}
	if ((rc = ag__analyze_store_metric(c, "betweenness", VECTOR(c->res))) < 0)
		goto cleanup;
	if (!(norm = malloc((size_t)c->n * sizeof(*norm) + 1))) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		norm[i] = c->n > 2 ? VECTOR(c->res)[i] * 2.0 / ((double)(c->n - 1) * (double)(c->n - 2)) : 0.0;
	rc = ag__analyze_store_metric(c, "betweenness_norm", norm);
cleanup:
	free(norm);
	free(parts);
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
static int metric_closeness_exact(ag__analyze_ctx *c)
{
	igraph_vector_int_t reach;
	igraph_bool_t all;
	int rc = 0;

	ag__analyze_step_begin(c, "closeness");
	IG_TRY("closeness", igraph_vector_int_init(&reach, c->n));
	if (igraph_closeness(&c->graph, &c->res, &reach, &all, igraph_vss_all(), IGRAPH_ALL, &c->invw, true) !=
	    IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&reach);
		rc = ag__analyze_ig_fail(IGRAPH_FAILURE, "closeness");
		goto cleanup;
	}
	for (igraph_integer_t i = 0; i < c->n; i++) {
		double r = (double)VECTOR(reach)[i], v = VECTOR(c->res)[i];
		VECTOR(c->res)[i] = (c->n > 1 && r > 0 && isfinite(v)) ? v * r / (double)(c->n - 1) : 0.0;
	}
	igraph_vector_int_destroy(&reach);
	if ((rc = ag__analyze_store_metric(c, "closeness", VECTOR(c->res))) < 0)
		goto cleanup;
	ag__analyze_step_begin(c, "harmonic");
	IG_TRY("harmonic centrality", igraph_harmonic_centrality(&c->graph, &c->res, igraph_vss_all(), IGRAPH_ALL,
	                                                         &c->invw, false));
	rc = ag__analyze_store_metric(c, "harmonic", VECTOR(c->res));
cleanup:
	return rc;
}

/* Closeness and harmonic sums from the sampled sources of chunk `chunk`: one
 * Dijkstra run each, into out = [reached count | total distance | sum of
 * 1/d], n values each, in source order. */
static int closeness_chunk(ag__analyze_ctx *c, size_t chunk, double *out, size_t len, void *arg)
{
	const igraph_vector_int_t *sources = arg;
	size_t k = (size_t)igraph_vector_int_size(sources), first = chunk * AG_SAMPLE_CHUNK;
	size_t n = (size_t)c->n, last = first + AG_SAMPLE_CHUNK < k ? first + AG_SAMPLE_CHUNK : k;
	double *cnt = out, *sum = out + n, *harm = out + 2 * n;
	igraph_matrix_t dist;
	int rc = 0;

	(void)len;
	IG_TRY("closeness (sampled)", igraph_matrix_init(&dist, 1, c->n));
	for (size_t s = first; s < last && rc == 0; s++) {
		igraph_integer_t src = VECTOR(*sources)[s];
		if (igraph_distances_dijkstra(&c->graph, &dist, igraph_vss_1(src), igraph_vss_all(), &c->invw, IGRAPH_ALL) !=
		    IGRAPH_SUCCESS) {
			rc = ag__analyze_ig_fail(IGRAPH_FAILURE, "closeness (sampled)");
			break;
		}
		for (igraph_integer_t v = 0; v < c->n; v++) {
			double d = MATRIX(dist, 0, v);
			if (v == src || !isfinite(d) || d <= 0)
				continue;
			cnt[v] += 1.0;
			sum[v] += d;
			harm[v] += 1.0 / d;
		}
	}
	igraph_matrix_destroy(&dist);
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
 * The sources run in chunks of AG_SAMPLE_CHUNK, on the worker processes;
 * the chunks' sums are added in chunk order.
 */
static int metric_closeness_sampled(ag__analyze_ctx *c)
{
	igraph_vector_int_t sources;
	bool have_sources = false;
	double *parts = NULL, *cnt = NULL, *sum = NULL;
	char *is_src = NULL;
	size_t k = c->n_sources, n = (size_t)c->n, n_chunks = (k + AG_SAMPLE_CHUNK - 1) / AG_SAMPLE_CHUNK;
	int rc = 0;

	ag__analyze_progress(c, "closeness and harmonic (sampled)", -1);
	IG_TRY("closeness", igraph_vector_int_init(&sources, 0));
	have_sources = true;
	if ((rc = sample_sources(c, &sources, k)) < 0)
		goto cleanup;
	parts = malloc(n_chunks * 3 * n * sizeof(*parts) + 1);
	cnt = calloc(n + 1, sizeof(*cnt));
	sum = calloc(n + 1, sizeof(*sum));
	is_src = calloc(n + 1, 1);
	if (!parts || !cnt || !sum || !is_src) {
		rc = ag__enomem();
		goto cleanup;
	}
	if ((rc = ag__analyze_chunks(c, "closeness and harmonic", n_chunks, 3 * n, closeness_chunk, &sources, parts)) < 0)
		goto cleanup;
	igraph_vector_null(&c->res); /* harmonic sums */
	for (size_t ch = 0; ch < n_chunks; ch++) {
		const double *p = parts + ch * 3 * n;
		for (size_t v = 0; v < n; v++) {
			cnt[v] += p[v];
			sum[v] += p[n + v];
			VECTOR(c->res)[v] += p[2 * n + v];
		}
	}
	for (size_t s = 0; s < k; s++)
		is_src[VECTOR(sources)[s]] = 1;
	for (igraph_integer_t v = 0; v < c->n; v++) {
		double kk = (double)k - (is_src[v] ? 1.0 : 0.0);
		VECTOR(c->res)[v] = kk > 0 ? VECTOR(c->res)[v] * (double)(c->n - 1) / kk : 0.0;
		sum[v] = kk > 0 && cnt[v] > 0 ? (cnt[v] / kk) * (cnt[v] / sum[v]) : 0.0;
	}
	if ((rc = ag__analyze_store_metric(c, "closeness", sum)) < 0)
		goto cleanup;
	rc = ag__analyze_store_metric(c, "harmonic", VECTOR(c->res));
cleanup:
	free(parts);
	free(cnt);
	free(sum);
	free(is_src);
	if (have_sources)
		igraph_vector_int_destroy(&sources);
	return rc;
}

/* Weighted eigenvector centrality.  igraph scales the largest value to 1;
 * networkx eigenvector_centrality scales to unit Euclidean norm: rescale. */
static int metric_eigenvector(ag__analyze_ctx *c)
{
	igraph_real_t value, norm = 0.0;
	int rc = 0;

	ag__analyze_step_begin(c, "eigenvector");
	IG_TRY("eigenvector centrality", igraph_eigenvector_centrality(&c->graph, &c->res, &value, IGRAPH_UNDIRECTED,
	                                                               true, &c->w, NULL));
	for (igraph_integer_t i = 0; i < c->n; i++)
		norm += VECTOR(c->res)[i] * VECTOR(c->res)[i];
	norm = sqrt(norm);
	for (igraph_integer_t i = 0; i < c->n; i++)
		VECTOR(c->res)[i] = norm > 0 ? fabs(VECTOR(c->res)[i]) / norm : 0.0;
	rc = ag__analyze_store_metric(c, "eigenvector", VECTOR(c->res));
cleanup:
	return rc;
}

static int metric_pagerank(ag__analyze_ctx *c)
{
	igraph_real_t value;
	int rc = 0;

	ag__analyze_step_begin(c, "pagerank");
	IG_TRY("pagerank", igraph_pagerank(&c->graph, IGRAPH_PAGERANK_ALGO_PRPACK, &c->res, &value, igraph_vss_all(),
	                                   IGRAPH_UNDIRECTED, 0.85, &c->w, NULL));
	rc = ag__analyze_store_metric(c, "pagerank", VECTOR(c->res));
cleanup:
	return rc;
}

static int metric_coreness(ag__analyze_ctx *c)
{
	igraph_vector_int_t core;
	int rc = 0;

	ag__analyze_step_begin(c, "coreness");
	IG_TRY("coreness", igraph_vector_int_init(&core, c->n));
	if (igraph_coreness(&c->graph, &core, IGRAPH_ALL) != IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&core);
		rc = ag__analyze_ig_fail(IGRAPH_FAILURE, "coreness");
		goto cleanup;
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		VECTOR(c->res)[i] = (double)VECTOR(core)[i];
	igraph_vector_int_destroy(&core);
	rc = ag__analyze_store_metric(c, "coreness", VECTOR(c->res));
cleanup:
	return rc;
}

/* Barrat's weighted local clustering; NaN (null in JSON) for degree < 2. */
static int metric_clustering(ag__analyze_ctx *c)
{
	int rc = 0;

	ag__analyze_step_begin(c, "clustering");
	IG_TRY("clustering", igraph_transitivity_barrat(&c->graph, &c->res, igraph_vss_all(), &c->w,
	                                                IGRAPH_TRANSITIVITY_NAN));
	rc = ag__analyze_store_metric(c, "clustering", VECTOR(c->res));
cleanup:
	return rc;
}

/* ---- the driver's entry points ---- */

/* Path metrics exactly, or from a sample of sources on large graphs; then
 * every metric in turn. */

int ag__analyze_metrics(ag__analyze_ctx *c)
{
	const ag_graph *g = c->g;
	int rc;

	c->sampled = !c->opts->exact && (double)g->n_nodes * (double)g->n_links > AG_EXACT_WORK_LIMIT &&
	             g->n_nodes > AG_SAMPLE_SOURCES;
	c->n_sources = g->n_nodes < AG_SAMPLE_SOURCES ? g->n_nodes : AG_SAMPLE_SOURCES;
	if ((rc = metric_degree_strength(c)) < 0 || (rc = metric_betweenness(c)) < 0 ||
	    (rc = (c->sampled ? metric_closeness_sampled(c) : metric_closeness_exact(c))) < 0 ||
	    (rc = metric_eigenvector(c)) < 0 || (rc = metric_pagerank(c)) < 0 || (rc = metric_coreness(c)) < 0 ||
	    (rc = metric_clustering(c)) < 0)
		return rc;
	return 0;
}

/* o[key] = the formatted text. */
static int info(json_t *o, const char *key, const char *fmt, ...) AG_PRINTF(3, 4);
static int info(json_t *o, const char *key, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return ag__analyze_set_attr(o, key, json_string(buf));
}

int ag__analyze_metrics_info(const ag__analyze_ctx *c, json_t *attrs)
{
	json_t *o = json_object();
	const char *how = c->sampled ? "estimated" : "exact";
	int rc;

	if (!o)
		return ag__enomem();
	if ((rc = ag__analyze_set_attr(attrs, "metrics_info", o)) < 0)
		return rc;
	if ((rc = info(o, "degree", "number of links (exact)")) < 0 ||
	    (rc = info(o, "strength", "sum of link weights (exact)")) < 0)
		return rc;
	if (c->sampled) {
		if ((rc = info(o, "betweenness",
		               "shortest-path betweenness on distance = 1/weight, each pair counted once; "
		               "estimated from %zu sampled source nodes scaled by n/%zu (nodes x links over %.0e; "
		               "exact when the exact option is set)", c->n_sources, c->n_sources, AG_EXACT_WORK_LIMIT)) < 0 ||
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
