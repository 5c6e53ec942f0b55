/* test_merge_once.c - merges count each document once (content hashes), what
 * reading a directed multigraph changed is recorded, and two threads may
 * analyse at once with the same results as one (run under ThreadSanitizer by
 * scripts/test). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <actorgraph.h>

static const char text_a[] =
	"Ukrainian Foreign Minister Andrii Sybiha met US envoy Steve Witkoff in Vienna on Monday. "
	"Sybiha said Ukraine and the United States agreed on the next steps.";
static const char text_b[] =
	"Russian Foreign Minister Sergei Lavrov spoke with Turkish Foreign Minister Hakan Fidan. "
	"Lavrov said Russia was ready for talks in Istanbul.";

/* A partial graph of the given documents, as extract --partial makes it. */
static ag_graph *extract(const char *const *ids, const char *const *texts, size_t n)
{
	ag_extractor *ex;
	ag_graph *g;
	assert_int_equal(ag_extractor_new(NULL, &ex), 0);
	for (size_t i = 0; i < n; i++) {
		ag_document *d;
		assert_int_equal(ag_document_new(ids[i], texts[i], strlen(texts[i]), &d), 0);
		assert_int_equal(ag_extractor_add(ex, d), 0);
		ag_document_free(d);
	}
	assert_int_equal(ag_extractor_finish_partial(ex, &g), 0);
	ag_extractor_free(ex);
	return g;
}

static char *to_json(const ag_graph *g)
{
	char *s = NULL;
	size_t len;
	int rc = ag_graph_to_json(g, &s, &len);
	assert_int_equal(rc, 0);
	assert_non_null(s);
	return s;
}

/* Read a graph back from JSON under `name`. */
static ag_graph *reread(const ag_graph *g, const char *name)
{
	char *s = to_json(g);
	ag_graph *r;
	assert_int_equal(ag_graph_from_json(s, strlen(s), name, &r), 0);
	free(s);
	return r;
}

typedef struct {
	int calls;
	char last[1024];
} warnings;

static void on_warn(void *ctx, const char *msg)
{
	warnings *w = ctx;
	w->calls++;
	snprintf(w->last, sizeof(w->last), "%s", msg);
}

static void test_hash_written(void **state)
{
	const char *ids[] = {"a"}, *texts[] = {text_a};
	ag_graph *g = extract(ids, texts, 1);
	char *s = to_json(g);
	const char *key = "\"hash\": \"", *at = strstr(s, key);
	(void)state;
	/* FNV-1a 64, 16 hex digits, beside the document's other fields */
	assert_true(at != NULL);
	at += strlen(key);
	assert_int_equal(strspn(at, "0123456789abcdef"), 16);
	assert_int_equal(at[16], '"');
	free(s);
	ag_graph_free(g);
}

static void test_same_graph_twice(void **state)
{
	const char *ids[] = {"a", "b"}, *texts[] = {text_a, text_b};
	ag_graph *one = extract(ids, texts, 2), *a = reread(one, "one.json"), *b = reread(one, "one.json"), *m;
	ag_merge_options mo = AG_MERGE_OPTIONS_INIT;
	warnings w = {0, ""};
	char *want, *got;
	(void)state;

	mo.warn = on_warn;
	mo.warn_ctx = &w;
	assert_int_equal(ag_graph_new(&m), 0);
	assert_int_equal(ag_graph_merge_with(m, a, &mo), 0);
	assert_int_equal(w.calls, 0);
	want = to_json(m);
	assert_int_equal(ag_graph_merge_with(m, b, &mo), 0);
	assert_int_equal(w.calls, 1);
	assert_non_null(strstr(w.last, "2 documents already merged from one.json"));
	got = to_json(m);
	assert_string_equal(got, want); /* nothing doubled */
	free(want);
	free(got);
	ag_graph_free(one);
	ag_graph_free(a);
	ag_graph_free(b);
	ag_graph_free(m);
}

/* A shard holding another's documents and more stands for it: the merge is
 * the graph of the larger shard, in either order. */
static void test_superset(void **state)
{
	const char *ids[] = {"a", "b"}, *texts[] = {text_a, text_b};
	ag_graph *small = extract(ids, texts, 1), *big = extract(ids, texts, 2), *m1, *m2;
	char *want = to_json(big), *g1, *g2;
	(void)state;

	assert_int_equal(ag_graph_new(&m1), 0);
	assert_int_equal(ag_graph_merge(m1, small), 0);
	assert_int_equal(ag_graph_merge(m1, big), 0);
	assert_int_equal(ag_graph_new(&m2), 0);
	assert_int_equal(ag_graph_merge(m2, big), 0);
	assert_int_equal(ag_graph_merge(m2, small), 0);
	g1 = to_json(m1);
	g2 = to_json(m2);
	assert_string_equal(g1, want);
	assert_string_equal(g2, want);
	free(want);
	free(g1);
	free(g2);
	ag_graph_free(small);
	ag_graph_free(big);
	ag_graph_free(m1);
	ag_graph_free(m2);
}

static void test_same_id_other_text(void **state)
{
	const char *ida[] = {"x"}, *ta[] = {text_a}, *tb[] = {text_b};
	ag_graph *ga = extract(ida, ta, 1), *gb = extract(ida, tb, 1);
	ag_graph *a = reread(ga, "first.json"), *b = reread(gb, "second.json"), *m;
	char *before, *after;
	(void)state;

	assert_int_equal(ag_graph_new(&m), 0);
	assert_int_equal(ag_graph_merge(m, a), 0);
	before = to_json(m);
	assert_int_equal(ag_graph_merge(m, b), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "document 'x' has two different texts"));
	assert_non_null(strstr(ag_error_last(), "first.json"));
	assert_non_null(strstr(ag_error_last(), "second.json"));
	after = to_json(m);
	assert_string_equal(before, after); /* the failed merge changed nothing */
	free(before);
	free(after);
	ag_graph_free(ga);
	ag_graph_free(gb);
	ag_graph_free(a);
	ag_graph_free(b);
	ag_graph_free(m);
}

/* Each holds a document the other lacks and they share one: refused. */
static void test_overlap_refused(void **state)
{
	const char *ids1[] = {"a", "b"}, *t1[] = {text_a, text_b};
	const char *ids2[] = {"b", "c"}, *t2[] = {text_b, text_a};
	ag_graph *g1 = extract(ids1, t1, 2), *g2 = extract(ids2, t2, 2);
	(void)state;
	assert_int_equal(ag_graph_merge(g1, g2), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "cannot be told apart"));
	ag_graph_free(g1);
	ag_graph_free(g2);
}

/* Graphs without hashes (older versions) merge by id as before for
 * separate documents. */
static void test_no_hash(void **state)
{
	static const char a[] = "{\"directed\": false, \"multigraph\": false, \"graph\": {\"documents\": "
	                        "[{\"id\": \"d1\", \"path\": null, \"date\": null}]}, \"nodes\": "
	                        "[{\"id\": \"x\"}, {\"id\": \"y\"}], \"links\": [{\"source\": \"x\", "
	                        "\"target\": \"y\", \"weight\": 2, \"evidence\": [{\"doc\": \"d1\", "
	                        "\"start\": 0, \"end\": 4}]}]}";
	static const char b[] = "{\"directed\": false, \"multigraph\": false, \"graph\": {\"documents\": "
	                        "[{\"id\": \"d2\", \"path\": null, \"date\": null, \"hash\": \"sha1:abc\"}]}, "
	                        "\"nodes\": [{\"id\": \"x\"}, {\"id\": \"y\"}], \"links\": [{\"source\": \"x\", "
	                        "\"target\": \"y\", \"weight\": 3}]}";
	ag_graph *ga, *gb, *m;
	size_t l;
	char *s;
	(void)state;
	assert_int_equal(ag_graph_from_json(a, strlen(a), "a.json", &ga), 0);
	assert_int_equal(ag_graph_from_json(b, strlen(b), "b.json", &gb), 0);
	assert_int_equal(ag_graph_new(&m), 0);
	assert_int_equal(ag_graph_merge(m, ga), 0);
	assert_int_equal(ag_graph_merge(m, gb), 0);
	assert_int_equal(ag_graph_find_link(m, 0, 1, &l), 0);
	assert_true(ag_graph_link_weight(m, l) == 5.0);
	/* the same unhashed graph again adds nothing */
	assert_int_equal(ag_graph_merge(m, ga), 0);
	assert_true(ag_graph_link_weight(m, l) == 5.0);
	/* a foreign "hash" is kept as it was */
	s = to_json(m);
	assert_non_null(strstr(s, "\"hash\": \"sha1:abc\""));
	free(s);
	ag_graph_free(ga);
	ag_graph_free(gb);
	ag_graph_free(m);
}

static void test_read_report(void **state)
{
	/* networkx's node_link_data of a directed multigraph: two parallel
	 * links 1 -> 2 (keys 0 and 1), one back, one self-loop */
	static const char nx[] =
		"{\"directed\": true, \"multigraph\": true, \"graph\": {}, \"nodes\": [{\"id\": 1}, {\"id\": 2}, "
		"{\"id\": 3}], \"links\": [{\"source\": 1, \"target\": 2, \"key\": 0, \"weight\": 1}, "
		"{\"source\": 1, \"target\": 2, \"key\": 1, \"weight\": 2}, {\"source\": 2, \"target\": 1, "
		"\"key\": 0}, {\"source\": 2, \"target\": 3, \"key\": 0, \"colour\": \"red\"}, "
		"{\"source\": 3, \"target\": 3, \"key\": 0}]}";
	static const char plain[] = "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": "
	                            "[{\"source\": \"a\", \"target\": \"b\", \"key\": \"mine\"}]}";
	ag_read_report r;
	ag_graph *g;
	size_t l;
	char *s;
	(void)state;

	assert_int_equal(ag_graph_from_json(nx, strlen(nx), "nx.json", &g), 0);
	ag_graph_read_report(g, &r);
	assert_true(r.directed);
	assert_true(r.multigraph);
	assert_int_equal(r.links_summed, 2);
	assert_int_equal(r.self_loops, 1);
	assert_int_equal(ag_graph_link_count(g), 2);
	assert_int_equal(ag_graph_find_link(g, 0, 1, &l), 0);
	assert_true(ag_graph_link_weight(g, l) == 4.0);
	s = to_json(g);
	assert_null(strstr(s, "\"key\"")); /* no stale edge key */
	assert_non_null(strstr(s, "\"colour\": \"red\"")); /* other attributes stay */
	free(s);
	ag_graph_free(g);

	/* a simple graph's own "key" attribute is its own: kept, nothing to say */
	assert_int_equal(ag_graph_from_json(plain, strlen(plain), "plain.json", &g), 0);
	ag_graph_read_report(g, &r);
	assert_false(r.directed || r.multigraph || r.links_summed || r.self_loops);
	s = to_json(g);
	assert_non_null(strstr(s, "\"key\": \"mine\""));
	free(s);
	ag_graph_free(g);

	/* a graph made in memory has nothing to report */
	assert_int_equal(ag_graph_new(&g), 0);
	ag_graph_read_report(g, &r);
	assert_false(r.directed || r.multigraph || r.links_summed || r.self_loops);
	ag_graph_free(g);
}

/* ---- analysis from two threads at once ---- */

/* A ring of n nodes with chords, weights varied: big enough that PageRank's
 * sums have rounding to lose. */
static ag_graph *ring(size_t n)
{
	ag_graph *g;
	char id[32];
	assert_int_equal(ag_graph_new(&g), 0);
	for (size_t i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "state:s%05zu", i);
		assert_int_equal(ag_graph_add_node(g, id, AG_NODE_STATE, id + 6, NULL), 0);
	}
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(ag_graph_add_link(g, i, (i + 1) % n, AG_REL_CO_MENTION, 1 + (unsigned)(i % 7), NULL), 0);
		assert_int_equal(ag_graph_add_link(g, i, (i * 37 + 11) % n == i ? (i + 2) % n : (i * 37 + 11) % n,
		                                   AG_REL_CO_MENTION, 1 + (unsigned)(i % 3), NULL),
		                 0);
	}
	assert_int_equal(ag_graph_sort(g), 0);
	return g;
}

static void *analyse_ring(void *arg)
{
	char **out = arg;
	ag_graph *g = ring(1500);
	ag_analyze_options o = AG_ANALYZE_OPTIONS_INIT;
	o.exact = 1;
	if (ag_analyze(g, &o) < 0 || ag_graph_to_json(g, out, NULL) < 0)
		*out = NULL;
	ag_graph_free(g);
	return NULL;
}

static void test_analyze_threads(void **state)
{
	char *alone = NULL, *t1 = NULL, *t2 = NULL;
	pthread_t a, b;
	(void)state;
	analyse_ring(&alone);
	assert_non_null(alone);
	assert_int_equal(pthread_create(&a, NULL, analyse_ring, &t1), 0);
	assert_int_equal(pthread_create(&b, NULL, analyse_ring, &t2), 0);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert_non_null(t1);
	assert_non_null(t2);
	assert_string_equal(t1, alone);
	assert_string_equal(t2, alone);
	free(alone);
	free(t1);
	free(t2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_written),
		cmocka_unit_test(test_same_graph_twice),
		cmocka_unit_test(test_superset),
		cmocka_unit_test(test_same_id_other_text),
		cmocka_unit_test(test_overlap_refused),
		cmocka_unit_test(test_no_hash),
		cmocka_unit_test(test_read_report),
		cmocka_unit_test(test_analyze_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
