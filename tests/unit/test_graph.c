/* test_graph.c - the graph model and the node-link JSON round trip. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <actorgraph.h>

static ag_graph *small_graph(void)
{
	ag_graph *g;
	size_t d, a, b, c;
	ag_evidence ev1, ev2;

	assert_int_equal(ag_graph_new(&g), 0);
	assert_int_equal(ag_graph_add_document(g, "doc-b", "b.txt", "2026-02-18", &d), 0);
	assert_int_equal(ag_graph_add_node(g, "state:ukraine", AG_NODE_STATE, "Ukraine", &a), 0);
	assert_int_equal(ag_graph_add_node(g, "person:rustem-umerov", AG_NODE_PERSON, "Rustem Umerov", &b), 0);
	assert_int_equal(ag_graph_add_node(g, "state:russia", AG_NODE_STATE, "Russia", &c), 0);
	assert_int_equal(ag_graph_node_set(g, b, "affiliation", "state:ukraine"), 0);
	assert_int_equal(ag_graph_node_set(g, b, "role", "negotiator"), 0);
	assert_int_equal(ag_graph_node_add_alias(g, b, "Umerov"), 0);
	ev1 = (ag_evidence){d, 10, 40};
	ev2 = (ag_evidence){d, 2, 9};
	assert_int_equal(ag_graph_add_link(g, b, a, AG_REL_AFFILIATION, 1, &ev1), 0);
	assert_int_equal(ag_graph_add_link(g, a, b, AG_REL_CO_MENTION, 2, &ev2), 0);
	assert_int_equal(ag_graph_add_link(g, a, c, AG_REL_CO_MENTION, 1, NULL), 0);
	return g;
}

static void test_nodes_and_links(void **state)
{
	ag_graph *g = small_graph();
	size_t i, l, again;
	(void)state;

	assert_int_equal(ag_graph_node_count(g), 3);
	assert_int_equal(ag_graph_link_count(g), 2);
	/* adding an existing id returns the same node */
	assert_int_equal(ag_graph_find_node(g, "state:ukraine", &i), 0);
	assert_int_equal(ag_graph_add_node(g, "state:ukraine", AG_NODE_STATE, "Other", &again), 0);
	assert_int_equal(i, again);
	assert_string_equal(ag_graph_node_label(g, i), "Ukraine");
	assert_int_equal(ag_graph_find_node(g, "state:nowhere", &i), AG_ENOTFOUND);
	/* one link per pair, counts and weight add up */
	{
		size_t a, b;
		ag_graph_find_node(g, "state:ukraine", &a);
		ag_graph_find_node(g, "person:rustem-umerov", &b);
		assert_int_equal(ag_graph_find_link(g, b, a, &l), 0);
		assert_true(ag_graph_link_weight(g, l) == 3.0);
		assert_int_equal(ag_graph_link_relation(g, l, AG_REL_AFFILIATION), 1);
		assert_int_equal(ag_graph_link_relation(g, l, AG_REL_CO_MENTION), 2);
		assert_int_equal(ag_graph_link_evidence_count(g, l), 2);
		/* a link needs two different nodes */
		assert_int_equal(ag_graph_add_link(g, a, a, AG_REL_CO_MENTION, 1, NULL), AG_EINVAL);
		assert_non_null(strstr(ag_error_last(), "two different nodes"));
	}
	assert_int_equal(ag_graph_node_set(g, 0, "colour", "red"), AG_EINVAL);
	ag_graph_free(g);
}

static void test_sort_is_canonical(void **state)
{
	ag_graph *g = small_graph();
	size_t l;
	(void)state;
	assert_int_equal(ag_graph_sort(g), 0);
	assert_string_equal(ag_graph_node_id(g, 0), "person:rustem-umerov");
	assert_string_equal(ag_graph_node_id(g, 2), "state:ukraine");
	/* the link's evidence is in offset order after sorting */
	assert_int_equal(ag_graph_find_link(g, 0, 2, &l), 0);
	assert_int_equal(ag_graph_link_evidence(g, l, 0)->start, 2);
	assert_int_equal(ag_graph_link_evidence(g, l, 1)->start, 10);
	ag_graph_free(g);
}

static void test_json_round_trip(void **state)
{
	ag_graph *g = small_graph(), *back = NULL;
	char *j1 = NULL, *j2 = NULL;
	size_t n1, n2, i;
	(void)state;

	assert_int_equal(ag_graph_sort(g), 0); /* built by hand: canonical order first */
	assert_int_equal(ag_graph_to_json(g, &j1, &n1), 0);
	assert_non_null(strstr(j1, "\"directed\": false"));
	assert_non_null(strstr(j1, "\"affiliation\": \"state:ukraine\""));
	assert_int_equal(ag_graph_from_json(j1, n1, "t", &back), 0);
	assert_int_equal(ag_graph_node_count(back), 3);
	assert_int_equal(ag_graph_link_count(back), 2);
	assert_int_equal(ag_graph_find_node(back, "person:rustem-umerov", &i), 0);
	assert_string_equal(ag_graph_node_get(back, i, "role"), "negotiator");
	assert_int_equal(ag_graph_node_alias_count(back, i), 1);
	assert_string_equal(ag_graph_document_date(back, 0), "2026-02-18");
	assert_int_equal(ag_graph_to_json(back, &j2, &n2), 0);
	assert_int_equal(n1, n2);
	assert_string_equal(j1, j2);
	free(j1);
	free(j2);
	ag_graph_free(g);
	ag_graph_free(back);
}

static void test_json_networkx_shape(void **state)
{
	/* integer ids, "edges" instead of "links", extra attributes kept */
	static const char nx[] =
		"{\"directed\": false, \"multigraph\": false, \"graph\": {\"name\": \"g\"},"
		" \"nodes\": [{\"id\": 0, \"club\": \"Mr. Hi\"}, {\"id\": 1}, {\"id\": 2}],"
		" \"edges\": [{\"source\": 0, \"target\": 1, \"weight\": 4}, {\"source\": 1, \"target\": 2}]}";
	ag_graph *g = NULL;
	char *out = NULL;
	size_t len, l;
	(void)state;

	assert_int_equal(ag_graph_from_json(nx, strlen(nx), "nx", &g), 0);
	assert_int_equal(ag_graph_node_count(g), 3);
	assert_int_equal(ag_graph_find_link(g, 0, 1, &l), 0);
	assert_true(ag_graph_link_weight(g, l) == 4.0);
	assert_int_equal(ag_graph_to_json(g, &out, &len), 0);
	assert_non_null(strstr(out, "\"id\": 0"));       /* ids stay integers */
	assert_non_null(strstr(out, "\"club\": \"Mr. Hi\""));
	assert_non_null(strstr(out, "\"name\": \"g\""));
	free(out);
	ag_graph_free(g);
}

static void expect_load_error(const char *text, int code, const char *needle)
{
	ag_graph *g = NULL;
	assert_int_equal(ag_graph_from_json(text, strlen(text), "bad.json", &g), code);
	assert_null(g);
	if (!strstr(ag_error_last(), needle))
		fail_msg("message '%s' does not mention '%s'", ag_error_last(), needle);
}

static void test_json_errors(void **state)
{
	(void)state;
	expect_load_error("{\"nodes\": [", AG_EPARSE, "bad.json: line 1");
	expect_load_error("[1, 2]", AG_EINVAL, "not a node-link graph");
	expect_load_error("{\"links\": []}", AG_EINVAL, "no \"nodes\"");
	expect_load_error("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}", AG_EINVAL, "duplicate id \"a\"");
	expect_load_error("{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"zz\"}]}",
	                  AG_EINVAL, "\"zz\" is not a node");
	expect_load_error("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": -1}]}",
	                  AG_EINVAL, "positive finite");
	expect_load_error("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": 1e400}]}",
	                  AG_EPARSE, "bad.json");
	expect_load_error("{\"nodes\": [{\"label\": \"x\"}]}", AG_EINVAL, "node 0 has no string or integer \"id\"");
}

static void test_hostile_labels_in_json(void **state)
{
	ag_graph *g = NULL, *back = NULL;
	char *out = NULL;
	size_t len, i;
	const char *evil = "\"><script>alert(1)</script>\\N\x01";
	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	assert_int_equal(ag_graph_add_node(g, "person:x", AG_NODE_PERSON, evil, &i), 0);
	assert_int_equal(ag_graph_to_json(g, &out, &len), 0);
	/* the quote is escaped, so the label cannot end the JSON string */
	assert_non_null(strstr(out, "\"\\\"><script>alert(1)</script>\\\\N\\u0001\""));
	assert_non_null(strstr(out, "\\u0001"));
	assert_int_equal(ag_graph_from_json(out, len, "t", &back), 0);
	assert_string_equal(ag_graph_node_label(back, 0), evil);
	free(out);
	ag_graph_free(g);
	ag_graph_free(back);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nodes_and_links),
		cmocka_unit_test(test_sort_is_canonical),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_json_networkx_shape),
		cmocka_unit_test(test_json_errors),
		cmocka_unit_test(test_hostile_labels_in_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
