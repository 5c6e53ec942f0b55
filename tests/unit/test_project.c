/* test_project.c - one-mode projections of the person-meeting-state graph. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <actorgraph.h>

static ag_graph *multi_mode(void)
{
	ag_graph *g;
	size_t d, a, b, c, m, m2, s, t;
	ag_evidence ev = {0, 5, 50};

	assert_int_equal(ag_graph_new(&g), 0);
	assert_int_equal(ag_graph_add_document(g, "d1", NULL, "2026-02-17", &d), 0);
	ev.doc = d;
	assert_int_equal(ag_graph_add_node(g, "person:a", AG_NODE_PERSON, "A", &a), 0);
	assert_int_equal(ag_graph_add_node(g, "person:b", AG_NODE_PERSON, "B", &b), 0);
	assert_int_equal(ag_graph_add_node(g, "person:c", AG_NODE_PERSON, "C", &c), 0);
	assert_int_equal(ag_graph_add_node(g, "meeting:geneva", AG_NODE_MEETING, "Geneva talks", &m), 0);
	assert_int_equal(ag_graph_add_node(g, "meeting:istanbul", AG_NODE_MEETING, "Istanbul talks", &m2), 0);
	assert_int_equal(ag_graph_add_node(g, "state:s", AG_NODE_STATE, "S", &s), 0);
	assert_int_equal(ag_graph_add_node(g, "state:t", AG_NODE_STATE, "T", &t), 0);
	assert_int_equal(ag_graph_add_link(g, a, m, AG_REL_PARTICIPANT, 1, &ev), 0);
	assert_int_equal(ag_graph_add_link(g, b, m, AG_REL_PARTICIPANT, 1, &ev), 0);
	assert_int_equal(ag_graph_add_link(g, a, m2, AG_REL_PARTICIPANT, 1, &ev), 0);
	assert_int_equal(ag_graph_add_link(g, b, m2, AG_REL_PARTICIPANT, 2, &ev), 0);
	assert_int_equal(ag_graph_add_link(g, s, m, AG_REL_PARTY, 1, &ev), 0);
	assert_int_equal(ag_graph_add_link(g, t, m, AG_REL_MEDIATOR, 1, &ev), 0);
	assert_int_equal(ag_graph_add_link(g, a, s, AG_REL_AFFILIATION, 1, &ev), 0);
	assert_int_equal(ag_graph_add_link(g, a, c, AG_REL_CO_MENTION, 3, &ev), 0);
	return g;
}

static void test_project_persons(void **state)
{
	ag_graph *g = multi_mode();
	size_t a, b, c, l;
	(void)state;

	assert_int_equal(ag_graph_project(g, AG_NODE_PERSON), 0);
	assert_int_equal(ag_graph_node_count(g), 3);
	assert_int_equal(ag_graph_find_node(g, "person:a", &a), 0);
	assert_int_equal(ag_graph_find_node(g, "person:b", &b), 0);
	assert_int_equal(ag_graph_find_node(g, "person:c", &c), 0);
	/* A and B were at two meetings together: two counts, whatever the link weights */
	assert_int_equal(ag_graph_find_link(g, a, b, &l), 0);
	assert_int_equal(ag_graph_link_relation(g, l, AG_REL_SHARED_MEETING), 2);
	assert_true(ag_graph_link_weight(g, l) == 2.0);
	assert_int_equal(ag_graph_link_evidence_count(g, l), 2);
	/* the direct link stays as it was */
	assert_int_equal(ag_graph_find_link(g, a, c, &l), 0);
	assert_int_equal(ag_graph_link_relation(g, l, AG_REL_CO_MENTION), 3);
	assert_int_equal(ag_graph_find_link(g, b, c, &l), AG_ENOTFOUND);
	assert_int_equal(ag_graph_link_count(g), 2);
	assert_int_equal(ag_graph_document_count(g), 1);
	ag_graph_free(g);
}

static void test_project_states(void **state)
{
	ag_graph *g = multi_mode();
	size_t s, t, l;
	(void)state;

	assert_int_equal(ag_graph_project(g, AG_NODE_STATE), 0);
	assert_int_equal(ag_graph_node_count(g), 2);
	assert_int_equal(ag_graph_find_node(g, "state:s", &s), 0);
	assert_int_equal(ag_graph_find_node(g, "state:t", &t), 0);
	/* party and mediator of one meeting */
	assert_int_equal(ag_graph_find_link(g, s, t, &l), 0);
	assert_int_equal(ag_graph_link_relation(g, l, AG_REL_SHARED_MEETING), 1);
	ag_graph_free(g);
}

static void test_project_rejects_meetings(void **state)
{
	ag_graph *g = multi_mode();
	(void)state;
	assert_int_equal(ag_graph_project(g, AG_NODE_MEETING), AG_EINVAL);
	assert_int_equal(ag_graph_node_count(g), 7); /* untouched */
	ag_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_project_persons),
		cmocka_unit_test(test_project_states),
		cmocka_unit_test(test_project_rejects_meetings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
