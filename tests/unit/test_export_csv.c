/*
 * test_export_csv.c - node and link tables: RFC 4180 quoting, formula guard,
 * empty cells for missing values, LF line ends, deterministic order.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "graph/graph_int.h"
#include <actorgraph.h>

static size_t add_node(ag_graph *g, const char *id, ag_node_type t, const char *label)
{
	size_t k = 0;
	assert_int_equal(ag_graph_add_node(g, id, t, label, &k), 0);
	return k;
}

static void set_metric(ag_graph *g, size_t node, const char *metric, double v)
{
	int slot = ag__graph_metric_slot(g, metric, true);
	assert_true(slot >= 0);
	assert_int_equal(ag__graph_set_metric(g, node, slot, v), 0);
}

/* Two nodes added in reverse id order, with awkward text and missing values. */
static ag_graph *small_graph(void)
{
	ag_graph *g = NULL;
	size_t s1, p1, d1, d2;
	ag_evidence ev1 = {0, 100, 120}, ev2 = {0, 5, 9};

	assert_int_equal(ag_graph_new(&g), 0);
	assert_int_equal(ag_graph_add_document(g, "d2", NULL, "2024-01-02", &d2), 0);
	assert_int_equal(ag_graph_add_document(g, "d1", NULL, "2024-01-01", &d1), 0);
	s1 = add_node(g, "s1", AG_NODE_STATE, "Stateland");
	p1 = add_node(g, "p1", AG_NODE_PERSON, "Ann, \"The\" Boss");
	assert_int_equal(ag_graph_node_set(g, p1, "affiliation", "s1"), 0);
	assert_int_equal(ag_graph_node_set(g, p1, "role", "=HYPERLINK(\"x\")"), 0);
	assert_int_equal(ag_graph_node_add_alias(g, p1, "A. B."), 0);
	assert_int_equal(ag_graph_node_add_alias(g, p1, "Annie"), 0);
	assert_int_equal(ag_graph_node_set(g, p1, "first_seen", "2024-01-01"), 0);
	set_metric(g, p1, "pagerank", 0.25);
	set_metric(g, p1, "betweenness", -0.5);
	set_metric(g, s1, "betweenness", 2);
	/* s1's pagerank stays NaN */
	g->nodes[p1].community = 0;
	g->nodes[p1].mentions = 3;
	ev1.doc = d2;
	ev2.doc = d1;
	assert_int_equal(ag_graph_add_link(g, p1, s1, AG_REL_AFFILIATION, 2, &ev1), 0);
	assert_int_equal(ag_graph_add_link(g, p1, s1, AG_REL_CO_MENTION, 1, &ev2), 0);
	assert_non_null(g->links[0].example = strdup("Ann met the \"Stateland\" envoy, twice."));
	return g;
}

static char *nodes_csv(ag_graph *g, size_t *len)
{
	char *out = NULL;
	int rc = ag_graph_sort(g) == 0 ? ag_graph_to_csv_nodes(g, &out, len) : -1;
	if (rc != 0)
		fail_msg("ag_graph_to_csv_nodes: %d %s", rc, ag_error_last());
	assert_non_null(out);
	assert_int_equal(strlen(out), *len);
	return out;
}

static char *links_csv(ag_graph *g, size_t *len)
{
	char *out = NULL;
	int rc = ag_graph_sort(g) == 0 ? ag_graph_to_csv_links(g, &out, len) : -1;
	if (rc != 0)
		fail_msg("ag_graph_to_csv_links: %d %s", rc, ag_error_last());
	assert_non_null(out);
	assert_int_equal(strlen(out), *len);
	return out;
}

static void test_nodes_exact(void **state)
{
	ag_graph *g = small_graph();
	size_t len;
	char *csv;

	(void)state;
	csv = nodes_csv(g, &len);
	assert_string_equal(csv,
	    "id,label,type,affiliation,role,community,pagerank,betweenness,aliases,place,country,start,end,"
	    "status,first_seen,last_seen,mentions\n"
	    "p1,\"Ann, \"\"The\"\" Boss\",person,s1,\"'=HYPERLINK(\"\"x\"\")\",0,0.25,-0.5,A. B.; Annie,,,,,,"
	    "2024-01-01,,3\n"
	    "s1,Stateland,state,,,,,2,,,,,,,,,\n");
	free(csv);
	ag_graph_free(g);
}

static void test_links_exact(void **state)
{
	ag_graph *g = small_graph();
	size_t len;
	char *csv;

	(void)state;
	csv = links_csv(g, &len);
	assert_string_equal(csv,
	    "source,target,weight,co_mention,affiliation,party,mediator,host,participant,shared_meeting,other,"
	    "evidence_count,first_evidence_doc,first_evidence_start,first_evidence_end,example\n"
	    "p1,s1,3,1,2,0,0,0,0,0,0,2,d1,5,9,\"Ann met the \"\"Stateland\"\" envoy, twice.\"\n");
	free(csv);
	ag_graph_free(g);
}

static void test_deterministic(void **state)
{
	ag_graph *g = small_graph();
	size_t l1, l2;
	char *a, *b;

	(void)state;
	a = nodes_csv(g, &l1);
	b = nodes_csv(g, &l2);
	assert_int_equal(l1, l2);
	assert_memory_equal(a, b, l1);
	free(a);
	free(b);
	ag_graph_free(g);
}

/* The cell of column `col` (0-based) on line `row` (0 = header), as written. */
static char *raw_cell(const char *csv, int row, int col)
{
	const char *p = csv, *start;
	bool quoted = false;

	for (int r = 0; r < row; r++) {
		while (*p && (quoted || *p != '\n')) {
			if (*p == '"')
				quoted = !quoted;
			p++;
		}
		assert_true(*p == '\n');
		p++;
	}
	for (int c = 0; c < col; c++) {
		while (*p && (quoted || (*p != ',' && *p != '\n'))) {
			if (*p == '"')
				quoted = !quoted;
			p++;
		}
		assert_true(*p == ',');
		p++;
	}
	start = p;
	while (*p && (quoted || (*p != ',' && *p != '\n'))) {
		if (*p == '"')
			quoted = !quoted;
		p++;
	}
	{
		char *cell = malloc((size_t)(p - start) + 1);
		assert_non_null(cell);
		memcpy(cell, start, (size_t)(p - start));
		cell[p - start] = '\0';
		return cell;
	}
}

static void check_label(const char *label, const char *expected)
{
	ag_graph *g = NULL;
	size_t len;
	char *csv, *cell;

	assert_int_equal(ag_graph_new(&g), 0);
	add_node(g, "n", AG_NODE_PERSON, label);
	csv = nodes_csv(g, &len);
	cell = raw_cell(csv, 1, 1);
	if (strcmp(cell, expected) != 0)
		fail_msg("label [%s] written as [%s], expected [%s]", label, cell, expected);
	free(cell);
	free(csv);
	ag_graph_free(g);
}

static void test_quoting_and_formulas(void **state)
{
	(void)state;
	check_label("plain", "plain");
	check_label("a,b", "\"a,b\"");
	check_label("say \"hi\"", "\"say \"\"hi\"\"\"");
	check_label("two\nlines", "\"two\nlines\"");
	check_label("cr\rhere", "\"cr\rhere\"");
	check_label("=1+1", "'=1+1");
	check_label("+cmd", "'+cmd");
	check_label("-2+3", "'-2+3");
	check_label("@SUM(A1)", "'@SUM(A1)");
	check_label("\tx", "'\tx");
	check_label("\rx", "\"'\rx\"");
	check_label("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
	check_label("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	check_label("-", "'-");
	/* plain numbers are left alone */
	check_label("-0.5", "-0.5");
	check_label("+3", "+3");
	check_label("-1e-05", "-1e-05");
	check_label("a=b", "a=b");
	/* hostile markup is just text in CSV */
	check_label("\"><script>alert(1)</script>", "\"\"\"><script>alert(1)</script>\"");
}

static void test_missing_values(void **state)
{
	ag_graph *g = NULL;
	size_t a, b, len;
	char *csv, *cell;

	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	a = add_node(g, "a", AG_NODE_MEETING, "A");
	b = add_node(g, "b", AG_NODE_STATE, "B");
	set_metric(g, a, "closeness", NAN);
	set_metric(g, b, "closeness", -INFINITY);
	set_metric(g, a, "degree", 3);
	assert_int_equal(ag_graph_add_link(g, a, b, AG_REL_HOST, 1, NULL), 0);
	csv = nodes_csv(g, &len);
	assert_true(strncmp(csv, "id,label,type,affiliation,role,community,closeness,degree,aliases,", 66) == 0);
	cell = raw_cell(csv, 1, 5); /* community -1 */
	assert_string_equal(cell, "");
	free(cell);
	cell = raw_cell(csv, 1, 6); /* NaN */
	assert_string_equal(cell, "");
	free(cell);
	cell = raw_cell(csv, 2, 6); /* -inf */
	assert_string_equal(cell, "");
	free(cell);
	cell = raw_cell(csv, 1, 7);
	assert_string_equal(cell, "3");
	free(cell);
	cell = raw_cell(csv, 2, 7); /* never set */
	assert_string_equal(cell, "");
	free(cell);
	assert_null(strstr(csv, "nan"));
	assert_null(strstr(csv, "inf"));
	assert_null(strchr(csv, '\r'));
	free(csv);

	/* a link without evidence: count 0, the rest empty */
	csv = links_csv(g, &len);
	assert_non_null(strstr(csv, "\na,b,1,0,0,0,0,1,0,0,0,0,,,,\n"));
	free(csv);
	ag_graph_free(g);
}

/* Every attribute the graph has: stability after a consensus run, and the
 * attributes of a graph read from a file as extra columns, by name. */
static void test_every_attribute(void **state)
{
	static const char foreign[] =
	    "{\"nodes\": [{\"id\": \"a\", \"label\": \"A\", \"mentions\": 4, \"stability\": 0.75, \"zeta\": true,"
	    "   \"alpha\": [1, 2], \"score\": 2.5},"
	    "  {\"id\": \"b\", \"score\": 1}], \"links\": [{\"source\": \"a\", \"target\": \"b\"}]}";
	ag_graph *g = NULL;
	size_t len;
	char *csv;

	(void)state;
	assert_int_equal(ag_graph_from_json(foreign, sizeof(foreign) - 1, "foreign", &g), 0);
	csv = nodes_csv(g, &len);
	assert_string_equal(csv,
	    "id,label,type,affiliation,role,community,aliases,place,country,start,end,status,first_seen,last_seen,"
	    "mentions,stability,alpha,score,zeta\n"
	    "a,A,other,,,,,,,,,,,,4,0.75,\"[1,2]\",2.5,true\n"
	    "b,b,other,,,,,,,,,,,,,,,1,\n");
	free(csv);
	ag_graph_free(g);
}

static void test_empty_and_errors(void **state)
{
	ag_graph *g = NULL;
	size_t len;
	char *csv = NULL;

	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	csv = nodes_csv(g, &len);
	assert_string_equal(csv, "id,label,type,affiliation,role,community,aliases,place,country,start,end,"
	                         "status,first_seen,last_seen,mentions\n");
	free(csv);
	csv = links_csv(g, &len);
	assert_true(strncmp(csv, "source,target,weight,", 21) == 0);
	assert_non_null(strchr(csv, '\n'));
	assert_int_equal(strchr(csv, '\n')[1], '\0');
	free(csv);
	csv = NULL;
	assert_int_equal(ag_graph_to_csv_nodes(NULL, &csv, &len), AG_EINVAL);
	assert_int_equal(ag_graph_to_csv_links(g, NULL, &len), AG_EINVAL);
	ag_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nodes_exact),
		cmocka_unit_test(test_links_exact),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_quoting_and_formulas),
		cmocka_unit_test(test_missing_values),
		cmocka_unit_test(test_every_attribute),
		cmocka_unit_test(test_empty_and_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
