/*
 * test_analyze.c - ag_analyze on small graphs with values known by hand.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <actorgraph.h>
#include "graph/graph_int.h"

#define EPS 1e-9

/* Find or add node `id`. */
static size_t node(ag_graph *g, const char *id)
{
	size_t i;
	assert_int_equal(ag_graph_add_node(g, id, AG_NODE_PERSON, id, &i), 0);
	return i;
}

/* Add the link a -- b with weight w (w > 0, or any value to set it raw). */
static void link_w(ag_graph *g, const char *a, const char *b, double w)
{
	size_t ia = node(g, a), ib = node(g, b), idx;
	assert_int_equal(ag_graph_add_link(g, ia, ib, AG_REL_CO_MENTION, 1, NULL), 0);
	assert_int_equal(ag_graph_find_link(g, ia, ib, &idx), 0);
	g->links[idx].weight = w;
}

/* A graph from "a-b b-c ..." with weight 1 per link. */
static ag_graph *graph_of(const char *spec)
{
	ag_graph *g;
	char buf[512], *save = NULL, *tok;

	assert_int_equal(ag_graph_new(&g), 0);
	assert_true(strlen(spec) < sizeof(buf));
	strcpy(buf, spec);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		char *dash = strchr(tok, '-');
		if (!dash) {
			node(g, tok);
			continue;
		}
		*dash = '\0';
		link_w(g, tok, dash + 1, 1.0);
	}
	return g;
}

static double metric(ag_graph *g, const char *id, const char *name)
{
	size_t i;
	assert_int_equal(ag_graph_find_node(g, id, &i), 0);
	return ag_graph_node_metric(g, i, name);
}

static int community(ag_graph *g, const char *id)
{
	size_t i;
	assert_int_equal(ag_graph_find_node(g, id, &i), 0);
	return ag_graph_node_community(g, i);
}

static double stability(ag_graph *g, const char *id)
{
	size_t i;
	assert_int_equal(ag_graph_find_node(g, id, &i), 0);
	return g->nodes[i].stability;
}

static void assert_near(double got, double want)
{
	if (!(fabs(got - want) <= EPS * (1.0 + fabs(want)))) {
		print_error("got %.17g, want %.17g\n", got, want);
		fail();
	}
}

static void run(ag_graph *g, ag_community_method m)
{
	ag_analyze_options o = AG_ANALYZE_OPTIONS_INIT;
	o.communities = m;
	if (ag_analyze(g, &o) != 0) {
		print_error("ag_analyze: %s\n", ag_error_last());
		fail();
	}
}

static json_t *attr(ag_graph *g, const char *key)
{
	return json_object_get(ag__graph_attrs(g), key);
}

static void test_path(void **state)
{
	ag_graph *g = graph_of("a-b b-c c-d");
	(void)state;
	run(g, AG_COMMUNITY_LEIDEN);
	assert_near(metric(g, "a", "degree"), 1);
	assert_near(metric(g, "b", "degree"), 2);
	assert_near(metric(g, "b", "strength"), 2);
	assert_near(metric(g, "a", "betweenness"), 0);
	assert_near(metric(g, "b", "betweenness"), 2);
	assert_near(metric(g, "c", "betweenness"), 2);
	/* 2 * 2/((n-1)(n-2)) with n = 4 */
	assert_near(metric(g, "b", "betweenness_norm"), 2.0 / 3.0);
	/* a: distances 1, 2, 3, all reachable: 3/6 */
	assert_near(metric(g, "a", "closeness"), 0.5);
	assert_near(metric(g, "b", "closeness"), 3.0 / 4.0);
	assert_near(metric(g, "a", "harmonic"), 1.0 + 0.5 + 1.0 / 3.0);
	assert_near(metric(g, "a", "coreness"), 1);
	assert_true(isnan(metric(g, "a", "clustering")));
	assert_near(metric(g, "b", "clustering"), 0);
	ag_graph_free(g);
}

static void test_star(void **state)
{
	ag_graph *g = graph_of("c-l1 c-l2 c-l3 c-l4");
	double pr = 0;
	(void)state;
	run(g, AG_COMMUNITY_LOUVAIN);
	assert_near(metric(g, "c", "betweenness"), 6);
	assert_near(metric(g, "c", "betweenness_norm"), 1.0);
	assert_near(metric(g, "l1", "betweenness_norm"), 0.0);
	/* principal eigenvector (2, 1, 1, 1, 1), unit norm */
	assert_near(metric(g, "c", "eigenvector"), 2.0 / sqrt(8.0));
	assert_near(metric(g, "l3", "eigenvector"), 1.0 / sqrt(8.0));
	for (size_t i = 0; i < ag_graph_node_count(g); i++)
		pr += ag_graph_node_metric(g, i, "pagerank");
	assert_near(pr, 1.0);
	assert_true(metric(g, "c", "pagerank") > metric(g, "l1", "pagerank"));
	assert_near(metric(g, "c", "closeness"), 1.0);
	assert_near(metric(g, "l1", "closeness"), 4.0 / 7.0);
	ag_graph_free(g);
}

/* Weights are strengths; path metrics use 1/w. */
static void test_weights_as_distance(void **state)
{
	ag_graph *g;
	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	link_w(g, "a", "b", 2.0);
	link_w(g, "b", "c", 1.0);
	link_w(g, "a", "c", 0.25); /* distance 4: the way through b (1.5) is shorter */
	run(g, AG_COMMUNITY_NONE);
	assert_near(metric(g, "b", "strength"), 3.0);
	assert_near(metric(g, "a", "strength"), 2.25);
	assert_near(metric(g, "b", "betweenness"), 1.0);
	assert_near(metric(g, "a", "betweenness"), 0.0);
	/* a: distances 0.5 and 1.5 */
	assert_near(metric(g, "a", "closeness"), 2.0 / 2.0);
	assert_near(metric(g, "a", "harmonic"), 2.0 + 1.0 / 1.5);
	assert_int_equal(community(g, "a"), -1);
	assert_true(json_is_null(attr(g, "modularity")));
	assert_string_equal(json_string_value(attr(g, "community_method")), "none");
	ag_graph_free(g);
}

#define TWO_TRIANGLES "z1-z2 z2-z3 z1-z3 a-b b-c a-c c-z1"

static void check_two_triangles(ag_community_method m)
{
	ag_graph *g = graph_of(TWO_TRIANGLES);
	run(g, m);
	/* equal sizes: the community holding the smallest id ("a") is 0 */
	assert_int_equal(community(g, "a"), 0);
	assert_int_equal(community(g, "b"), 0);
	assert_int_equal(community(g, "c"), 0);
	assert_int_equal(community(g, "z1"), 1);
	assert_int_equal(community(g, "z2"), 1);
	assert_int_equal(community(g, "z3"), 1);
	assert_int_equal(json_integer_value(attr(g, "community_count")), 2);
	/* m = 7, each side: 3 internal links, degree sum 7: 2 (3/7 - 1/4) */
	assert_near(json_real_value(attr(g, "modularity")), 5.0 / 14.0);
	ag_graph_free(g);
}

static void test_two_triangles(void **state)
{
	ag_graph *g = graph_of(TWO_TRIANGLES);
	(void)state;
	run(g, AG_COMMUNITY_LEIDEN);
	assert_near(metric(g, "c", "betweenness"), 6);
	assert_near(metric(g, "z1", "betweenness"), 6);
	assert_near(metric(g, "a", "betweenness"), 0);
	assert_near(metric(g, "a", "coreness"), 2);
	assert_near(metric(g, "c", "coreness"), 2);
	assert_near(metric(g, "a", "clustering"), 1.0);
	assert_near(metric(g, "c", "clustering"), 1.0 / 3.0);
	ag_graph_free(g);
	check_two_triangles(AG_COMMUNITY_LEIDEN);
	check_two_triangles(AG_COMMUNITY_LOUVAIN);
	check_two_triangles(AG_COMMUNITY_WALKTRAP);
	check_two_triangles(AG_COMMUNITY_INFOMAP);
}

/* The larger community is 0 even when its smallest id sorts later. */
static void test_community_order(void **state)
{
	ag_graph *g = graph_of("a-b b-c a-c w-x w-y w-z x-y x-z y-z c-w");
	(void)state;
	run(g, AG_COMMUNITY_LEIDEN);
	assert_int_equal(community(g, "w"), 0);
	assert_int_equal(community(g, "z"), 0);
	assert_int_equal(community(g, "a"), 1);
	ag_graph_free(g);
}

static void test_label_propagation(void **state)
{
	ag_graph *g;
	(void)state;
	/* small fractional weights: 0.10.2 would round them all to 0 */
	assert_int_equal(ag_graph_new(&g), 0);
	link_w(g, "a", "b", 0.3);
	link_w(g, "b", "c", 0.3);
	link_w(g, "a", "c", 0.3);
	link_w(g, "x", "y", 0.2);
	link_w(g, "y", "z", 0.2);
	link_w(g, "x", "z", 0.2);
	run(g, AG_COMMUNITY_LABEL_PROPAGATION);
	assert_int_equal(community(g, "a"), 0);
	assert_int_equal(community(g, "c"), 0);
	assert_int_equal(community(g, "x"), 1);
	assert_int_equal(community(g, "z"), 1);
	/* W = 1.5; each side: internal/W - (degree sum/2W)^2 = 0.24 */
	assert_near(json_real_value(attr(g, "modularity")), 0.48);
	ag_graph_free(g);
}

static ag_graph *two_cliques(void)
{
	static const char *const l[] = {"a", "b", "c", "d", "e"}, *const r[] = {"v", "w", "x", "y", "z"};
	ag_graph *g;
	assert_int_equal(ag_graph_new(&g), 0);
	for (int i = 0; i < 5; i++)
		for (int j = i + 1; j < 5; j++) {
			link_w(g, l[i], l[j], 1.0 + i);
			link_w(g, r[i], r[j], 2.0);
		}
	link_w(g, "e", "v", 1.0);
	return g;
}

static void test_determinism(void **state)
{
	ag_graph *g1 = two_cliques(), *g2 = two_cliques();
	(void)state;
	run(g1, AG_COMMUNITY_LEIDEN);
	run(g2, AG_COMMUNITY_LEIDEN);
	assert_int_equal(g1->n_metrics, g2->n_metrics);
	for (size_t i = 0; i < g1->n_nodes; i++) {
		assert_int_equal(g1->nodes[i].community, g2->nodes[i].community);
		for (size_t k = 0; k < g1->n_metrics; k++) {
			double x = g1->nodes[i].metrics[k], y = g2->nodes[i].metrics[k];
			if (!((isnan(x) && isnan(y)) || memcmp(&x, &y, sizeof(x)) == 0)) {
				print_error("%s %s: %.17g vs %.17g\n", g1->nodes[i].id, g1->metric_names[k], x, y);
				fail();
			}
		}
	}
	/* again on the same graph: same results */
	run(g1, AG_COMMUNITY_LEIDEN);
	for (size_t i = 0; i < g1->n_nodes; i++)
		assert_int_equal(g1->nodes[i].community, g2->nodes[i].community);
	ag_graph_free(g1);
	ag_graph_free(g2);
}

static void test_consensus(void **state)
{
	ag_graph *g = two_cliques();
	ag_analyze_options o = AG_ANALYZE_OPTIONS_INIT;
	(void)state;
	o.consensus = 5;
	assert_int_equal(ag_analyze(g, &o), 0);
	for (size_t i = 0; i < g->n_nodes; i++)
		assert_near(g->nodes[i].stability, 1.0);
	assert_int_equal(community(g, "a"), 0);
	assert_int_equal(community(g, "z"), 1);
	assert_non_null(json_object_get(attr(g, "metrics_info"), "stability"));
	assert_int_equal(json_integer_value(attr(g, "consensus_runs")), 5);
	/* without consensus the stability is cleared */
	o.consensus = 0;
	assert_int_equal(ag_analyze(g, &o), 0);
	assert_true(isnan(stability(g, "a")));
	ag_graph_free(g);
}

static void test_isolated(void **state)
{
	ag_graph *g = graph_of("a-b b-c a-c lone");
	ag_community_method methods[] = {AG_COMMUNITY_LEIDEN, AG_COMMUNITY_LOUVAIN, AG_COMMUNITY_LABEL_PROPAGATION,
	                                 AG_COMMUNITY_WALKTRAP, AG_COMMUNITY_INFOMAP, AG_COMMUNITY_NONE};
	(void)state;
	for (size_t k = 0; k < sizeof(methods) / sizeof(methods[0]); k++) {
		run(g, methods[k]);
		assert_near(metric(g, "lone", "degree"), 0);
		assert_near(metric(g, "lone", "closeness"), 0);
		assert_near(metric(g, "lone", "harmonic"), 0);
		assert_near(metric(g, "lone", "betweenness"), 0);
		assert_near(metric(g, "lone", "coreness"), 0);
		assert_true(isnan(metric(g, "lone", "clustering")));
		assert_true(isfinite(metric(g, "lone", "pagerank")));
		/* networkx: (r-1)/(n-1) * (r-1)/sum d = 2/3 * 2/2 */
		assert_near(metric(g, "a", "closeness"), 2.0 / 3.0);
		if (methods[k] != AG_COMMUNITY_NONE) {
			assert_int_equal(community(g, "a"), 0);
			assert_int_equal(community(g, "lone"), 1);
		}
	}
	ag_graph_free(g);
}

static void test_no_links(void **state)
{
	ag_graph *g = graph_of("b a c");
	(void)state;
	run(g, AG_COMMUNITY_LEIDEN);
	assert_int_equal(community(g, "a"), 0);
	assert_int_equal(community(g, "b"), 1);
	assert_int_equal(community(g, "c"), 2);
	assert_near(metric(g, "a", "closeness"), 0);
	assert_true(json_is_null(attr(g, "modularity")));
	ag_graph_free(g);

	assert_int_equal(ag_graph_new(&g), 0);
	run(g, AG_COMMUNITY_LEIDEN);
	assert_int_equal(json_integer_value(attr(g, "community_count")), 0);
	ag_graph_free(g);
}

static void test_attrs(void **state)
{
	static const char *const names[] = {"degree", "strength", "betweenness", "betweenness_norm", "closeness",
	                                    "harmonic", "eigenvector", "pagerank", "coreness", "clustering"};
	ag_graph *g = graph_of(TWO_TRIANGLES);
	ag_analyze_options o = AG_ANALYZE_OPTIONS_INIT;
	json_t *info, *comms;
	(void)state;
	o.seed = 7;
	o.resolution = 0.5;
	g->directed_input = true;
	assert_int_equal(ag_analyze(g, &o), 0);
	info = attr(g, "metrics_info");
	assert_true(json_is_object(info));
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		assert_true(json_is_string(json_object_get(info, names[i])));
		assert_false(isnan(metric(g, "a", names[i])) && strcmp(names[i], "clustering") != 0);
	}
	assert_non_null(strstr(json_string_value(json_object_get(info, "closeness")), "1/weight"));
	assert_non_null(strstr(json_string_value(json_object_get(info, "betweenness")), "exact"));
	assert_true(json_is_string(json_object_get(info, "directed_input")));
	assert_string_equal(json_string_value(attr(g, "community_method")), "leiden");
	assert_int_equal(json_integer_value(attr(g, "seed")), 7);
	assert_near(json_real_value(attr(g, "resolution")), 0.5);
	assert_true(json_is_real(attr(g, "modularity")));
	comms = attr(g, "communities");
	assert_true(json_is_array(comms));
	assert_int_equal(json_array_size(comms), (size_t)json_integer_value(attr(g, "community_count")));
	assert_int_equal(json_integer_value(json_object_get(json_array_get(comms, 0), "id")), 0);
	ag_graph_free(g);
}

static void test_bad_weight(void **state)
{
	ag_graph *g = graph_of("a-b b-c");
	ag_analyze_options o = AG_ANALYZE_OPTIONS_INIT;
	(void)state;
	g->links[1].weight = 0;
	assert_int_equal(ag_analyze(g, &o), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "b -- c has weight 0; weights must be positive"));
	g->links[1].weight = NAN;
	assert_int_equal(ag_analyze(g, &o), AG_EINVAL);
	g->links[1].weight = -2;
	assert_int_equal(ag_analyze(g, &o), AG_EINVAL);
	g->links[1].weight = 1;
	o.resolution = 0;
	assert_int_equal(ag_analyze(g, &o), AG_EINVAL);
	o.resolution = 1;
	o.version = 99;
	assert_int_equal(ag_analyze(g, &o), AG_EINVAL);
	assert_string_equal(ag_error_last(), "ag_analyze: options version 99, expected 3 (use AG_ANALYZE_OPTIONS_INIT)");
	/* a version 1 struct (before the progress callback) is still read */
	o.version = 1;
	o.progress_cb = NULL;
	assert_int_equal(ag_analyze(g, &o), 0);
	/* and a version 2 one (before workers), whatever lies past its end */
	o.version = 2;
	o.workers = 12345;
	assert_int_equal(ag_analyze(g, &o), 0);
	o.workers = 0;
	o.version = AG_ANALYZE_OPTIONS_VERSION;
	o.communities = (ag_community_method)42;
	assert_int_equal(ag_analyze(g, &o), AG_EINVAL);
	assert_int_equal(ag_analyze(NULL, &o), AG_EINVAL);
	assert_string_equal(ag_error_last(), "ag_analyze: NULL argument");
	assert_int_equal(ag_analyze(NULL, NULL), AG_EINVAL);
	assert_int_equal(ag_analyze(g, NULL), 0);
	ag_graph_free(g);
}

static void test_method_names(void **state)
{
	ag_community_method m;
	(void)state;
	for (int i = AG_COMMUNITY_LEIDEN; i <= AG_COMMUNITY_NONE; i++) {
		assert_int_equal(ag_community_method_parse(ag_community_method_name((ag_community_method)i), &m), 0);
		assert_int_equal(m, i);
	}
	assert_string_equal(ag_community_method_name(AG_COMMUNITY_LABEL_PROPAGATION), "label_propagation");
	assert_int_equal(ag_community_method_parse("label-propagation", &m), 0);
	assert_int_equal(m, AG_COMMUNITY_LABEL_PROPAGATION);
	assert_int_equal(ag_community_method_parse("spectral", &m), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "spectral"));
	assert_int_equal(ag_community_method_parse(NULL, &m), AG_EINVAL);
	assert_string_equal(ag_error_last(), "ag_community_method_parse: NULL argument");
	assert_int_equal(ag_community_method_parse("leiden", NULL), AG_EINVAL);
	assert_string_equal(ag_community_method_name((ag_community_method)99), "unknown");
}

/* Progress reports as "step pct" lines ("done" for step NULL). */
typedef struct {
	char lines[64][64];
	size_t n, calls;
} progress_log;

static void record_progress(const ag_analyze_progress *p, void *ctx)
{
	progress_log *log = ctx;
	log->calls++;
	if (log->n < sizeof(log->lines) / sizeof(log->lines[0]))
		snprintf(log->lines[log->n++], sizeof(log->lines[0]), "%s %d", p->step ? p->step : "done", p->percent);
}

/* The reports that begin a step (percent -1) and the last one, in order. */
static void test_progress(void **state)
{
	static const char *const begins[] = {"degree and strength -1", "betweenness -1", "closeness -1",
	                                     "harmonic -1", "eigenvector -1", "pagerank -1", "coreness -1",
	                                     "clustering -1", "leiden -1"};
	ag_graph *g = graph_of(TWO_TRIANGLES), *empty;
	ag_analyze_options o = AG_ANALYZE_OPTIONS_INIT;
	progress_log log;
	size_t k = 0, consensus = 0;
	(void)state;
	assert_null(o.progress_cb);
	assert_null(o.progress_ctx);
	memset(&log, 0, sizeof(log));
	o.progress = 1;
	o.progress_cb = record_progress;
	o.progress_ctx = &log;
	o.consensus = 3;
	assert_int_equal(ag_analyze(g, &o), 0);
	assert_int_equal(log.calls, log.n);
	for (size_t i = 0; i < log.n; i++) {
		if (strstr(log.lines[i], " -1") && k < sizeof(begins) / sizeof(begins[0]))
			assert_string_equal(log.lines[i], begins[k++]);
		if (strncmp(log.lines[i], "consensus ", 10) == 0) {
			static const char *const want[] = {"consensus 0", "consensus 33", "consensus 66"};
			assert_true(consensus < 3);
			assert_string_equal(log.lines[i], want[consensus++]);
		}
	}
	assert_int_equal(k, sizeof(begins) / sizeof(begins[0]));
	assert_int_equal(consensus, 3);
	assert_string_equal(log.lines[log.n - 1], "done -1");

	/* progress 0, or no callback: no reports (and nothing on stderr) */
	memset(&log, 0, sizeof(log));
	o.progress = 0;
	assert_int_equal(ag_analyze(g, &o), 0);
	assert_int_equal(log.calls, 0);
	o.progress = 1;
	o.progress_cb = NULL;
	assert_int_equal(ag_analyze(g, &o), 0);
	/* a graph without nodes has no steps */
	o.progress_cb = record_progress;
	assert_int_equal(ag_graph_new(&empty), 0);
	assert_int_equal(ag_analyze(empty, &o), 0);
	assert_int_equal(log.calls, 0);
	/* a failure: no "done" */
	g->links[0].weight = -1;
	assert_int_equal(ag_analyze(g, &o), AG_EINVAL);
	assert_int_equal(log.calls, 0);
	ag_graph_free(empty);
	ag_graph_free(g);
}

/* Past nodes x links = 1e8 path metrics are estimated from 256 sources.  A
 * circulant graph, every node linked to the 200 nearest on each side of a
 * ring of 1001: 200200 links (2e8), every node alike. */
static void test_large_sampled(void **state)
{
	enum { N = 1001, K = 200 };
	ag_graph *g;
	ag_analyze_options o = AG_ANALYZE_OPTIONS_INIT;
	char id[16];
	json_t *info;
	progress_log log;
	bool seen_chunk = false, seen_sampled_b = false, seen_sampled = false, seen_closeness = false;
	/* exact harmonic: 400 nodes at 1, 400 at 2, 200 at 3 */
	const double harmonic = 400.0 + 200.0 + 200.0 / 3.0;
	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	for (int i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "n%04d", i);
		node(g, id);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t d = 1; d <= K; d++)
			assert_int_equal(ag_graph_add_link(g, i, (i + d) % N, AG_REL_CO_MENTION, 1, NULL), 0);
	assert_int_equal(ag_graph_link_count(g), (size_t)N * K);
	o.communities = AG_COMMUNITY_LOUVAIN;
	memset(&log, 0, sizeof(log));
	o.progress = 1;
	o.progress_cb = record_progress;
	o.progress_ctx = &log;
	o.workers = 1; /* in this process: every chunk reports as it ends */
	assert_int_equal(ag_analyze(g, &o), 0);
	/* 256 sources in chunks of 32: 12%, 25%, ... 87% */
	for (size_t i = 0; i < log.n; i++) {
		/* a sampled step says so, as it begins and as it advances */
		seen_chunk |= strcmp(log.lines[i], "betweenness (sampled) 12") == 0;
		seen_sampled_b |= strcmp(log.lines[i], "betweenness (sampled) -1") == 0;
		seen_sampled |= strcmp(log.lines[i], "closeness and harmonic (sampled) -1") == 0;
		seen_closeness |= strcmp(log.lines[i], "closeness and harmonic 50") == 0;
	}
	assert_true(seen_chunk && seen_sampled_b && seen_sampled && seen_closeness);
	assert_string_equal(log.lines[log.n - 1], "done -1");
	info = attr(g, "metrics_info");
	assert_non_null(strstr(json_string_value(json_object_get(info, "betweenness")), "estimated"));
	/* the library's text names no command-line option */
	assert_null(strstr(json_string_value(json_object_get(info, "betweenness")), "--"));
	assert_non_null(strstr(json_string_value(json_object_get(info, "closeness")), "sampled"));
	for (size_t i = 0; i < N; i++) {
		double h = ag_graph_node_metric(g, i, "harmonic"), c = ag_graph_node_metric(g, i, "closeness");
		double b = ag_graph_node_metric(g, i, "betweenness");
		assert_true(fabs(h - harmonic) < 0.15 * harmonic);
		assert_true(c > 0.4 && c < 0.8); /* exact: 1000/1800 */
		assert_true(isfinite(b) && b >= 0);
		assert_near(ag_graph_node_metric(g, i, "degree"), 2 * K);
	}
	/* on 2 and 3 worker processes (and one per processor): the same values,
	 * to the last bit */
	{
		static const char *const path[] = {"betweenness", "closeness", "harmonic"};
		double *one = malloc(3 * N * sizeof(*one));
		assert_non_null(one);
		for (size_t i = 0; i < N; i++)
			for (size_t m = 0; m < 3; m++)
				one[3 * i + m] = ag_graph_node_metric(g, i, path[m]);
		for (unsigned w = 0; w <= 3; w++) {
			if (w == 1)
				continue;
			o.workers = w;
			o.progress = 0;
			assert_int_equal(ag_analyze(g, &o), 0);
			for (size_t i = 0; i < N; i++)
				for (size_t m = 0; m < 3; m++)
					assert_memory_equal(&one[3 * i + m], &(double){ag_graph_node_metric(g, i, path[m])},
					                    sizeof(double));
		}
		free(one);
	}
	ag_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_star),
		cmocka_unit_test(test_weights_as_distance),
		cmocka_unit_test(test_two_triangles),
		cmocka_unit_test(test_community_order),
		cmocka_unit_test(test_label_propagation),
		cmocka_unit_test(test_determinism),
		cmocka_unit_test(test_consensus),
		cmocka_unit_test(test_isolated),
		cmocka_unit_test(test_no_links),
		cmocka_unit_test(test_attrs),
		cmocka_unit_test(test_bad_weight),
		cmocka_unit_test(test_method_names),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_large_sampled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
