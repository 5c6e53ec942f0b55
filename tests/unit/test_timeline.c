/*
 * test_timeline.c - the timeline (ag_timeline_new): periods by month and ISO
 * week, the ranking, the numbers against ag_analyze on the same date view,
 * the window, CSV and JSON, errors.
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
#include <jansson.h>

#include <actorgraph.h>

static size_t node(ag_graph *g, const char *id)
{
	size_t i;
	assert_int_equal(ag_graph_add_node(g, id, strncmp(id, "state:", 6) == 0 ? AG_NODE_STATE : AG_NODE_PERSON, id, &i),
	                 0);
	return i;
}

static void link_in(ag_graph *g, const char *x, const char *y, unsigned w, const char *doc)
{
	size_t a = node(g, x), b = node(g, y), d;
	ag_evidence e = {0, 0, 1};
	assert_int_equal(ag_graph_add_document(g, doc, NULL, NULL, &d), 0);
	e.doc = d;
	assert_int_equal(ag_graph_add_link(g, a, b, AG_REL_CO_MENTION, w, &e), 0);
}

/* Documents in two ISO weeks around a new year and in February; one undated. */
static ag_graph *sample(void)
{
	ag_graph *g;
	assert_int_equal(ag_graph_new(&g), 0);
	assert_int_equal(ag_graph_add_document(g, "dec", NULL, "2025-12-30", NULL), 0); /* 2026-W01 */
	assert_int_equal(ag_graph_add_document(g, "jan", NULL, "2026-01-08", NULL), 0); /* 2026-W02 */
	assert_int_equal(ag_graph_add_document(g, "feb", NULL, "2026-02-16", NULL), 0); /* 2026-W08 */
	assert_int_equal(ag_graph_add_document(g, "undated", NULL, NULL, NULL), 0);
	link_in(g, "person:a", "state:x", 3, "dec");
	link_in(g, "person:b", "state:x", 1, "dec");
	link_in(g, "person:a", "person:b", 1, "jan");
	link_in(g, "person:c", "state:x", 2, "feb");
	link_in(g, "person:c", "person:d", 1, "feb");
	link_in(g, "person:d", "state:y", 1, "feb");
	link_in(g, "person:e", "state:y", 5, "undated");
	assert_int_equal(ag_graph_sort(g), 0);
	return g;
}

static void test_months(void **state)
{
	ag_graph *g = sample();
	ag_timeline_options o = AG_TIMELINE_OPTIONS_INIT;
	ag_timeline *t = NULL;
	ag_timeline_period p;
	ag_timeline_row r;
	(void)state;

	assert_int_equal(ag_timeline_new(g, &o, &t), 0);
	assert_int_equal(ag_timeline_period_count(t), 3);
	ag_timeline_period_get(t, 0, &p);
	assert_string_equal(p.name, "2025-12");
	assert_string_equal(p.start, "2025-12-01");
	assert_string_equal(p.end, "2025-12-31");
	assert_int_equal(p.documents, 1);
	assert_int_equal(p.links, 2);
	assert_int_equal(p.nodes, 3);
	ag_timeline_period_get(t, 2, &p);
	assert_string_equal(p.name, "2026-02");
	assert_string_equal(p.end, "2026-02-28");
	assert_int_equal(p.links, 3); /* the undated link is in no period */
	assert_int_equal(p.rows, 4);
	/* state:x is the hub of December */
	ag_timeline_row_get(t, 0, &r);
	assert_int_equal(r.period, 0);
	assert_int_equal(r.rank, 1);
	assert_string_equal(r.id, "state:x");
	assert_string_equal(r.type, "state");
	assert_int_equal(r.degree, 2);
	ag_timeline_free(t);
	ag_graph_free(g);
}

static void test_weeks_and_top(void **state)
{
	ag_graph *g = sample();
	ag_timeline_options o = AG_TIMELINE_OPTIONS_INIT;
	ag_timeline *t = NULL;
	ag_timeline_period p;
	(void)state;

	o.period = AG_PERIOD_WEEK;
	o.top = 1;
	assert_int_equal(ag_timeline_new(g, &o, &t), 0);
	assert_int_equal(ag_timeline_period_count(t), 3);
	ag_timeline_period_get(t, 0, &p);
	assert_string_equal(p.name, "2026-W01"); /* Tuesday 2025-12-30 is in the first ISO week of 2026 */
	assert_string_equal(p.start, "2025-12-29");
	assert_string_equal(p.end, "2026-01-04");
	ag_timeline_period_get(t, 1, &p);
	assert_string_equal(p.name, "2026-W02");
	ag_timeline_period_get(t, 2, &p);
	assert_string_equal(p.name, "2026-W08");
	assert_string_equal(p.start, "2026-02-16");
	assert_int_equal(ag_timeline_row_count(t), 3); /* one per period */
	ag_timeline_free(t);

	/* the window bounds the periods and cuts the first and last */
	o = (ag_timeline_options)AG_TIMELINE_OPTIONS_INIT;
	o.since = "2026-01-05";
	o.until = "2026-02-20";
	assert_int_equal(ag_timeline_new(g, &o, &t), 0);
	assert_int_equal(ag_timeline_period_count(t), 2);
	ag_timeline_period_get(t, 0, &p);
	assert_string_equal(p.name, "2026-01");
	assert_string_equal(p.start, "2026-01-05");
	ag_timeline_period_get(t, 1, &p);
	assert_string_equal(p.end, "2026-02-20");
	ag_timeline_free(t);
	ag_graph_free(g);
}

/* A period's numbers are ag_analyze's on the date view of the period (a graph
 * whose documents and nodes are all dated: the undated link removed). */
static void test_same_as_analyze(void **state)
{
	ag_graph *g = sample(), *v = sample();
	ag_timeline_options o = AG_TIMELINE_OPTIONS_INIT;
	ag_filter_options f = AG_FILTER_OPTIONS_INIT;
	ag_timeline *t = NULL;
	ag_timeline_period p;
	(void)state;

	o.top = 0;
	assert_int_equal(ag_timeline_new(g, &o, &t), 0);
	ag_timeline_period_get(t, 2, &p);
	f.since = p.start;
	f.until = p.end;
	assert_int_equal(ag_graph_filter(v, &f, NULL), 0);
	{
		/* the view keeps the undated link person:e -- state:y: the period does not */
		ag_graph *w;
		assert_int_equal(ag_graph_new(&w), 0);
		for (size_t j = 0; j < ag_graph_link_count(v); j++) {
			size_t a, b, na, nb;
			ag_graph_link_ends(v, j, &a, &b);
			if (strcmp(ag_graph_node_id(v, a), "person:e") == 0 || strcmp(ag_graph_node_id(v, b), "person:e") == 0)
				continue;
			na = node(w, ag_graph_node_id(v, a));
			nb = node(w, ag_graph_node_id(v, b));
			assert_int_equal(ag_graph_add_link(w, na, nb, AG_REL_CO_MENTION,
			                                   (unsigned)ag_graph_link_weight(v, j), NULL), 0);
		}
		assert_int_equal(ag_graph_sort(w), 0);
		assert_int_equal(ag_analyze(w, NULL), 0);
		assert_int_equal(ag_graph_node_count(w), p.nodes);
		for (size_t r = p.first_row; r < p.first_row + p.rows; r++) {
			ag_timeline_row row;
			size_t i;
			ag_timeline_row_get(t, r, &row);
			assert_int_equal(ag_graph_find_node(w, row.id, &i), 0);
			assert_true(fabs(ag_graph_node_metric(w, i, "pagerank") - row.pagerank) < 1e-12);
			assert_true(ag_graph_node_metric(w, i, "degree") == (double)row.degree);
			if (r > p.first_row) {
				ag_timeline_row prev;
				ag_timeline_row_get(t, r - 1, &prev);
				assert_true(prev.pagerank >= row.pagerank);
			}
		}
		ag_graph_free(w);
	}
	ag_timeline_free(t);
	ag_graph_free(v);
	ag_graph_free(g);
}

static void test_writers(void **state)
{
	ag_graph *g = sample();
	ag_timeline_options o = AG_TIMELINE_OPTIONS_INIT;
	ag_timeline *t = NULL;
	char *csv = NULL, *js = NULL;
	size_t len;
	json_error_t err;
	(void)state;

	o.top = 2;
	assert_int_equal(ag_timeline_new(g, &o, &t), 0);
	assert_int_equal(ag_timeline_to_csv(t, &csv, &len), 0);
	assert_int_equal(strlen(csv), len);
	assert_true(strncmp(csv, "period,start,end,rank,id,label,type,degree,pagerank\n2025-12,2025-12-01,2025-12-31,1,"
	                         "state:x,state:x,state,2,", 83) == 0);
	assert_int_equal(ag_timeline_to_json(t, &js, &len), 0);
	assert_int_equal(js[len - 1], '\n');
	{
		json_t *root = json_loads(js, 0, &err), *periods = json_object_get(root, "periods");
		assert_non_null(root);
		assert_string_equal(json_string_value(json_object_get(root, "period")), "month");
		assert_int_equal(json_array_size(periods), 3);
		assert_int_equal(json_array_size(json_object_get(json_array_get(periods, 0), "top")), 2);
		assert_int_equal(json_integer_value(json_object_get(json_array_get(periods, 2), "links")), 3);
		json_decref(root);
	}
	free(csv);
	free(js);
	ag_timeline_free(t);
	ag_graph_free(g);
}

static void test_empty_and_errors(void **state)
{
	ag_graph *g;
	ag_timeline *t = NULL;
	ag_timeline_options o = AG_TIMELINE_OPTIONS_INIT;
	ag_period p;
	char *csv = NULL;
	(void)state;

	assert_int_equal(ag_graph_new(&g), 0);
	assert_int_equal(ag_timeline_new(g, NULL, &t), 0);
	assert_int_equal(ag_timeline_period_count(t), 0);
	assert_int_equal(ag_timeline_to_csv(t, &csv, NULL), 0);
	assert_string_equal(csv, "period,start,end,rank,id,label,type,degree,pagerank\n");
	free(csv);
	ag_timeline_free(t);
	t = NULL;
	o.since = "2026-02-30";
	assert_int_equal(ag_timeline_new(g, &o, &t), AG_EINVAL);
	assert_null(t);
	o = (ag_timeline_options)AG_TIMELINE_OPTIONS_INIT;
	o.version = 9;
	assert_int_equal(ag_timeline_new(g, &o, &t), AG_EINVAL);
	assert_int_equal(ag_timeline_new(NULL, NULL, &t), AG_EINVAL);
	assert_int_equal(ag_period_parse("week", &p), 0);
	assert_int_equal(p, AG_PERIOD_WEEK);
	assert_int_equal(ag_period_parse("fortnight", &p), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "month, week"));
	assert_string_equal(ag_period_name(AG_PERIOD_MONTH), "month");
	ag_timeline_free(NULL);
	ag_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_weeks_and_top),
		cmocka_unit_test(test_same_as_analyze),
		cmocka_unit_test(test_writers),
		cmocka_unit_test(test_empty_and_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
