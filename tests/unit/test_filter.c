/*
 * test_filter.c - views (ag_graph_filter): types, minimum weight, ego
 * networks, the top K, errors, and what a filtered graph keeps.
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

/* Find or add node `id`; its type is the part before ':' (person when none). */
static size_t node(ag_graph *g, const char *id)
{
	const char *colon = strchr(id, ':');
	ag_node_type t = AG_NODE_PERSON;
	size_t i;
	if (colon) {
		char type[32];
		assert_true((size_t)(colon - id) < sizeof(type));
		memcpy(type, id, (size_t)(colon - id));
		type[colon - id] = '\0';
		assert_int_equal(ag_node_type_parse(type, &t), 0);
	}
	assert_int_equal(ag_graph_add_node(g, id, t, id, &i), 0);
	return i;
}

/* A graph from "a-b=3 b-c c ..." (weight after "=", default 1; a lone id is a node). */
static ag_graph *graph_of(const char *spec)
{
	ag_graph *g;
	char buf[1024], *save = NULL, *tok;

	assert_int_equal(ag_graph_new(&g), 0);
	assert_true(strlen(spec) < sizeof(buf));
	strcpy(buf, spec);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		char *dash = strstr(tok, "-"), *w;
		unsigned weight = 1;
		size_t a, b;
		if (!dash) {
			node(g, tok);
			continue;
		}
		*dash = '\0';
		if ((w = strrchr(dash + 1, '=')) != NULL) {
			*w = '\0';
			weight = (unsigned)atoi(w + 1);
		}
		a = node(g, tok);
		b = node(g, dash + 1);
		assert_int_equal(ag_graph_add_link(g, a, b, AG_REL_CO_MENTION, weight, NULL), 0);
	}
	return g;
}

static bool has(const ag_graph *g, const char *id)
{
	size_t i;
	if (ag_graph_find_node(g, id, &i) != 0)
		return false;
	assert_string_equal(ag_graph_node_id(g, i), id);
	return true;
}

static bool linked(const ag_graph *g, const char *x, const char *y)
{
	size_t a, b, l, la, lb;
	if (ag_graph_find_node(g, x, &a) != 0 || ag_graph_find_node(g, y, &b) != 0 ||
	    ag_graph_find_link(g, a, b, &l) != 0)
		return false;
	ag_graph_link_ends(g, l, &la, &lb);
	assert_true((la == a && lb == b) || (la == b && lb == a));
	return true;
}

static void filter_ok(ag_graph *g, const ag_filter_options *o, ag_filter_report *r)
{
	if (ag_graph_filter(g, o, r) != 0) {
		print_error("ag_graph_filter: %s\n", ag_error_last());
		fail();
	}
	assert_int_equal(r->nodes, ag_graph_node_count(g));
	assert_int_equal(r->links, ag_graph_link_count(g));
}

/* Actors of three types; "person:lonely" has no links. */
#define ACTORS                                                                                       \
	"person:alice-person:bob=1 person:alice-state:x=3 person:bob-state:x=2 person:carol-state:y=1 " \
	"state:x-state:y=4 organization:un-state:x=2 organization:un-person:carol=1 person:lonely"

static void test_types(void **state)
{
	ag_graph *g = graph_of(ACTORS);
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	(void)state;

	assert_int_equal(ag_filter_types_parse("person, state", &o.types), 0);
	assert_int_equal(o.types, AG_FILTER_TYPE(AG_NODE_PERSON) | AG_FILTER_TYPE(AG_NODE_STATE));
	filter_ok(g, &o, &r);
	assert_int_equal(r.nodes_before, 7);
	assert_int_equal(r.links_before, 7);
	assert_int_equal(r.type_nodes, 1);
	assert_int_equal(r.nodes, 6);
	assert_int_equal(r.links, 5);
	assert_null(r.top_by);
	assert_false(has(g, "organization:un"));
	assert_true(has(g, "person:lonely")); /* isolated nodes of a kept type stay */
	assert_true(linked(g, "person:alice", "state:x"));
	assert_true(linked(g, "state:x", "state:y"));
	assert_false(linked(g, "person:carol", "organization:un"));
	/* the graph stays usable: a new link finds its ends by the new indices */
	{
		size_t a, b, l;
		assert_int_equal(ag_graph_find_node(g, "person:lonely", &a), 0);
		assert_int_equal(ag_graph_find_node(g, "state:y", &b), 0);
		assert_int_equal(ag_graph_add_link(g, a, b, AG_REL_CO_MENTION, 1, NULL), 0);
		assert_int_equal(ag_graph_find_link(g, b, a, &l), 0);
		assert_int_equal(l, 5);
	}
	ag_graph_free(g);
}

static void test_types_parse(void **state)
{
	unsigned t = 99;
	(void)state;
	assert_int_equal(ag_filter_types_parse("organization", &t), 0);
	assert_int_equal(t, AG_FILTER_TYPE(AG_NODE_ORGANIZATION));
	assert_int_equal(ag_filter_types_parse("person,,state", &t), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "empty"));
	assert_int_equal(ag_filter_types_parse("person,statez", &t), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "'statez'"));
	/* the names --project takes too: plural, any case */
	assert_int_equal(ag_filter_types_parse("persons, States,MEETING", &t), 0);
	assert_int_equal(t, AG_FILTER_TYPE(AG_NODE_PERSON) | AG_FILTER_TYPE(AG_NODE_STATE) | AG_FILTER_TYPE(AG_NODE_MEETING));
	assert_int_equal(ag_filter_types_parse("organization", &t), 0);
	assert_int_equal(ag_filter_types_parse("s", &t), AG_EINVAL);
	assert_int_equal(ag_filter_types_parse("", &t), AG_EINVAL);
	assert_int_equal(t, AG_FILTER_TYPE(AG_NODE_ORGANIZATION)); /* untouched on error */
}

static void test_min_weight(void **state)
{
	ag_graph *g = graph_of(ACTORS);
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	(void)state;

	o.min_weight = 2;
	filter_ok(g, &o, &r);
	assert_int_equal(r.weight_links, 3);
	assert_int_equal(r.weight_nodes, 1); /* carol lost both her links */
	assert_int_equal(r.nodes, 6);
	assert_int_equal(r.links, 4);
	assert_false(has(g, "person:carol"));
	assert_true(has(g, "person:lonely")); /* isolated before: not the weight's doing */
	assert_true(has(g, "person:bob"));    /* kept through bob - x (2) */
	assert_false(linked(g, "person:alice", "person:bob"));
	assert_true(linked(g, "person:bob", "state:x"));
	for (size_t l = 0; l < ag_graph_link_count(g); l++)
		assert_true(ag_graph_link_weight(g, l) >= 2);
	ag_graph_free(g);
}

/* a - b - c - d - e, b - f, and z alone */
#define PATH "a-b b-c c-d d-e b-f z"

static void test_ego(void **state)
{
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	ag_graph *g;
	(void)state;

	g = graph_of(PATH);
	o.ego = "c";
	filter_ok(g, &o, &r); /* radius 1 by default */
	assert_int_equal(r.ego_nodes, 4);
	assert_int_equal(r.nodes, 3);
	assert_true(has(g, "b") && has(g, "c") && has(g, "d"));
	assert_true(linked(g, "b", "c") && linked(g, "c", "d"));
	assert_int_equal(r.links, 2);
	ag_graph_free(g);

	g = graph_of(PATH);
	o.radius = 2;
	filter_ok(g, &o, &r);
	assert_int_equal(r.nodes, 6);
	assert_int_equal(r.links, 5);
	assert_false(has(g, "z"));
	assert_true(has(g, "a") && has(g, "e") && has(g, "f"));
	ag_graph_free(g);

	g = graph_of(PATH);
	o.radius = 0;
	filter_ok(g, &o, &r);
	assert_int_equal(r.nodes, 1);
	assert_int_equal(r.links, 0);
	assert_true(has(g, "c"));
	ag_graph_free(g);

	/* the neighbourhood is taken over the links the weight filter kept */
	g = graph_of("a-b=1 b-c=5 c-d=5 d-e=1");
	o.radius = 2;
	o.min_weight = 2;
	filter_ok(g, &o, &r);
	assert_int_equal(r.weight_links, 2);
	assert_int_equal(r.weight_nodes, 2); /* a and e */
	assert_int_equal(r.nodes, 3);
	ag_graph_free(g);
}

static void test_ego_errors(void **state)
{
	ag_graph *g = graph_of(ACTORS);
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	(void)state;

	o.ego = "person:nobody";
	assert_int_equal(ag_graph_filter(g, &o, &r), AG_ENOTFOUND);
	assert_non_null(strstr(ag_error_last(), "'person:nobody'"));
	assert_null(strstr(ag_error_last(), "did you mean"));
	o.ego = "Carol"; /* a label, not an id */
	assert_int_equal(ag_graph_filter(g, &o, &r), AG_ENOTFOUND);
	assert_non_null(strstr(ag_error_last(), "did you mean 'person:carol'"));
	assert_int_equal(ag_graph_node_count(g), 7); /* unchanged */
	assert_int_equal(ag_graph_link_count(g), 7);
	assert_int_equal(r.nodes, 7);
	assert_null(json_object_get(ag__graph_attrs(g), "filters"));

	o.ego = "organization:un";
	o.types = AG_FILTER_TYPE(AG_NODE_PERSON);
	assert_int_equal(ag_graph_filter(g, &o, &r), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "type filter"));

	o.types = 0;
	o.ego = "person:carol";
	o.min_weight = 2;
	assert_int_equal(ag_graph_filter(g, &o, &r), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "person:carol"));
	assert_int_equal(ag_graph_node_count(g), 7);
	ag_graph_free(g);
}

static void test_top_strength_ties(void **state)
{
	/* strengths: a 1, b 1, c 1, d 1, e 2, f 2 */
	ag_graph *g = graph_of("c-d a-b e-f=2");
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	(void)state;

	o.top = 3;
	filter_ok(g, &o, &r);
	assert_string_equal(r.top_by, "strength");
	assert_int_equal(r.top_nodes, 3);
	assert_true(has(g, "e") && has(g, "f") && has(g, "a")); /* a: the smallest id of the ties */
	assert_false(has(g, "b") || has(g, "c") || has(g, "d"));
	assert_int_equal(r.links, 1);
	ag_graph_free(g);

	/* K at least the node count: nothing to drop */
	g = graph_of("c-d a-b e-f=2");
	o.top = 6;
	filter_ok(g, &o, &r);
	assert_int_equal(r.top_nodes, 0);
	assert_int_equal(r.nodes, 6);
	assert_string_equal(r.top_by, "strength");
	ag_graph_free(g);
}

static void test_top_pagerank(void **state)
{
	ag_graph *g = graph_of("a-b=9 b-c c-d");
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	const double pr[] = {0.1, 0.2, 0.3, 0.3}; /* a b c d: c and d tie */
	int slot;
	(void)state;

	slot = ag__graph_metric_slot(g, "pagerank", true);
	assert_true(slot >= 0);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(ag__graph_set_metric(g, i, slot, pr[i]), 0);
	o.top = 2;
	filter_ok(g, &o, &r);
	assert_string_equal(r.top_by, "pagerank");
	assert_true(has(g, "c") && has(g, "d"));
	assert_true(linked(g, "c", "d"));
	/* metrics come along with their nodes */
	assert_true(ag_graph_node_metric(g, 0, "pagerank") == 0.3);
	ag_graph_free(g);

	/* one node without a pagerank: the graph was not analysed as it is, so strength */
	g = graph_of("a-b=9 b-c c-d");
	slot = ag__graph_metric_slot(g, "pagerank", true);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(ag__graph_set_metric(g, i, slot, pr[i]), 0);
	filter_ok(g, &o, &r);
	assert_string_equal(r.top_by, "strength");
	assert_true(has(g, "a") && has(g, "b"));
	ag_graph_free(g);
}

static void test_empty_result(void **state)
{
	ag_graph *g = graph_of(ACTORS);
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_analyze_options ao = AG_ANALYZE_OPTIONS_INIT;
	ag_filter_report r;
	char *json = NULL;
	size_t len;
	(void)state;

	assert_int_equal(ag_graph_add_document(g, "talks", NULL, "2026-03-03", NULL), 0);
	o.types = AG_FILTER_TYPE(AG_NODE_MEETING);
	filter_ok(g, &o, &r);
	assert_int_equal(r.nodes, 0);
	assert_int_equal(r.links, 0);
	assert_int_equal(r.type_nodes, 7);
	assert_int_equal(ag_graph_document_count(g), 1);
	assert_int_equal(ag_analyze(g, &ao), 0);
	assert_int_equal(ag_graph_to_json(g, &json, &len), 0);
	assert_non_null(strstr(json, "\"filters\""));
	free(json);
	ag_graph_free(g);
}

/* Relations, evidence, examples, attributes and documents come through. */
static void test_keeps_everything(void **state)
{
	ag_graph *g = graph_of(ACTORS);
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	ag_evidence ev = {0, 10, 42};
	size_t a, x, l, doc;
	json_t *filters, *rec;
	(void)state;

	assert_int_equal(ag_graph_add_document(g, "talks", "texts/talks.txt", "2026-03-03", &doc), 0);
	ev.doc = doc;
	assert_int_equal(ag_graph_find_node(g, "person:alice", &a), 0);
	assert_int_equal(ag_graph_find_node(g, "state:x", &x), 0);
	assert_int_equal(ag_graph_add_link(g, a, x, AG_REL_AFFILIATION, 2, &ev), 0);
	assert_int_equal(ag_graph_find_link(g, a, x, &l), 0);
	g->links[l].example = strdup("Alice spoke for X.");
	assert_int_equal(ag_graph_node_set(g, a, "role", "envoy"), 0);
	assert_int_equal(ag_graph_node_add_alias(g, a, "Al"), 0);

	o.types = AG_FILTER_TYPE(AG_NODE_PERSON) | AG_FILTER_TYPE(AG_NODE_STATE);
	o.top = 4;
	filter_ok(g, &o, &r);
	assert_string_equal(r.top_by, "strength");
	assert_int_equal(r.nodes, 4);
	assert_true(has(g, "person:alice") && has(g, "state:x") && has(g, "state:y") && has(g, "person:bob"));
	assert_int_equal(ag_graph_find_node(g, "person:alice", &a), 0);
	assert_int_equal(ag_graph_find_node(g, "state:x", &x), 0);
	assert_int_equal(ag_graph_find_link(g, a, x, &l), 0);
	assert_int_equal(ag_graph_link_weight(g, l), 5);
	assert_int_equal(ag_graph_link_relation(g, l, AG_REL_AFFILIATION), 2);
	assert_int_equal(ag_graph_link_relation(g, l, AG_REL_CO_MENTION), 3);
	assert_int_equal(ag_graph_link_evidence_count(g, l), 1);
	assert_string_equal(ag_graph_document_id(g, ag_graph_link_evidence(g, l, 0)->doc), "talks");
	assert_int_equal(ag_graph_link_evidence(g, l, 0)->end, 42);
	assert_string_equal(g->links[l].example, "Alice spoke for X.");
	assert_string_equal(ag_graph_node_get(g, a, "role"), "envoy");
	assert_string_equal(ag_graph_node_alias(g, a, 0), "Al");
	assert_int_equal(ag_graph_document_count(g), 1);
	assert_string_equal(ag_graph_document_path(g, 0), "texts/talks.txt");

	filters = json_object_get(ag__graph_attrs(g), "filters");
	assert_true(json_is_array(filters));
	assert_int_equal(json_array_size(filters), 1);
	rec = json_array_get(filters, 0);
	assert_int_equal(json_array_size(json_object_get(rec, "types")), 2);
	assert_int_equal(json_integer_value(json_object_get(rec, "top")), 4);
	assert_string_equal(json_string_value(json_object_get(rec, "top_by")), "strength");
	assert_int_equal(json_integer_value(json_object_get(rec, "nodes_before")), 7);
	assert_int_equal(json_integer_value(json_object_get(rec, "nodes")), 4);
	ag_graph_free(g);
}

static void test_bad_options(void **state)
{
	ag_graph *g = graph_of(ACTORS);
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	(void)state;

	/* nothing asked: nothing changes, no record */
	assert_false(ag_filter_active(&o));
	filter_ok(g, &o, &r);
	assert_int_equal(r.nodes, 7);
	assert_null(json_object_get(ag__graph_attrs(g), "filters"));

	o.min_weight = -1;
	assert_int_equal(ag_graph_filter(g, &o, &r), AG_EINVAL);
	o.min_weight = NAN;
	assert_int_equal(ag_graph_filter(g, &o, &r), AG_EINVAL);
	o.min_weight = 0;
	o.types = 1u << 20;
	assert_int_equal(ag_graph_filter(g, &o, &r), AG_EINVAL);
	o.types = 0;
	o.version = 99;
	assert_int_equal(ag_graph_filter(g, &o, &r), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "AG_FILTER_OPTIONS_INIT"));
	/* NULL options are the defaults: everything kept */
	assert_int_equal(ag_graph_filter(g, NULL, &r), 0);
	assert_int_equal(r.nodes, 7);
	assert_int_equal(ag_graph_node_count(g), 7);
	assert_int_equal(ag_graph_filter(NULL, &o, &r), AG_EINVAL);
	ag_graph_free(g);
}

/* ------------------------------------------------------------ dates */

/* Documents d1 (2026-01-10), d2 (2026-02-20), d3 (2026-03) and u (undated);
 * links a-b (d1), b-c (d2, d3), c-d (u), d-e (no evidence), a-e (d1 and d3);
 * nodes a (seen 2026-01-10), f (first seen 2026-02-01, no links), g (seen in
 * 2025), h and b..e (no dates). */
static ag_graph *dated_graph(void)
{
	ag_graph *g = graph_of("a-b b-c c-d d-e a-e f g h");
	size_t d1, d2, d3, u, l;
	struct {
		const char *x, *y;
		size_t *doc;
	} ev[] = {{"a", "b", &d1}, {"b", "c", &d2}, {"b", "c", &d3}, {"c", "d", &u}, {"a", "e", &d1}, {"a", "e", &d3}};

	assert_int_equal(ag_graph_add_document(g, "d1", NULL, "2026-01-10", &d1), 0);
	assert_int_equal(ag_graph_add_document(g, "d2", NULL, "2026-02-20", &d2), 0);
	assert_int_equal(ag_graph_add_document(g, "d3", NULL, "2026-03", &d3), 0);
	assert_int_equal(ag_graph_add_document(g, "u", NULL, NULL, &u), 0);
	for (size_t k = 0; k < sizeof(ev) / sizeof(ev[0]); k++) {
		size_t a, b;
		ag_evidence e = {*ev[k].doc, k, k + 1};
		assert_int_equal(ag_graph_find_node(g, ev[k].x, &a), 0);
		assert_int_equal(ag_graph_find_node(g, ev[k].y, &b), 0);
		assert_int_equal(ag_graph_add_link(g, a, b, AG_REL_CO_MENTION, 1, &e), 0);
	}
	assert_int_equal(ag_graph_find_node(g, "a", &l), 0);
	assert_int_equal(ag_graph_node_set(g, l, "first_seen", "2026-01-10"), 0);
	assert_int_equal(ag_graph_node_set(g, l, "last_seen", "2026-01-10"), 0);
	assert_int_equal(ag_graph_find_node(g, "f", &l), 0);
	assert_int_equal(ag_graph_node_set(g, l, "first_seen", "2026-02-01"), 0);
	assert_int_equal(ag_graph_find_node(g, "g", &l), 0);
	assert_int_equal(ag_graph_node_set(g, l, "first_seen", "2025-05-01"), 0);
	assert_int_equal(ag_graph_node_set(g, l, "last_seen", "2025-06-01"), 0);
	assert_int_equal(ag_graph_sort(g), 0);
	return g;
}

static void test_dates(void **state)
{
	ag_graph *g = dated_graph();
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	(void)state;

	/* February: b-c (d2), the undated c-d and d-e; f was first seen then; h has no dates */
	o.since = "2026-02";
	o.until = "2026-02";
	filter_ok(g, &o, &r);
	assert_true(linked(g, "b", "c") && linked(g, "c", "d") && linked(g, "d", "e"));
	assert_false(linked(g, "a", "b") || linked(g, "a", "e"));
	assert_true(has(g, "b") && has(g, "c") && has(g, "d") && has(g, "e") && has(g, "f") && has(g, "h"));
	assert_false(has(g, "a") || has(g, "g"));
	assert_int_equal(r.date_links, 2);
	assert_int_equal(r.date_nodes, 2);
	assert_int_equal(r.documents_in, 1);
	assert_int_equal(r.documents_undated, 1);
	assert_int_equal(ag_graph_document_count(g), 4); /* documents all stay */
	ag_graph_free(g);

	/* a month-dated document meets the window of any of its days; a link with one span in it stays */
	g = dated_graph();
	o = (ag_filter_options)AG_FILTER_OPTIONS_INIT;
	o.since = "2026-03-15";
	filter_ok(g, &o, &r);
	assert_true(linked(g, "b", "c") && linked(g, "a", "e"));
	assert_false(linked(g, "a", "b"));
	assert_int_equal(r.documents_in, 1);
	ag_graph_free(g);

	/* until a year: everything up to its last day */
	g = dated_graph();
	o = (ag_filter_options)AG_FILTER_OPTIONS_INIT;
	o.until = "2025";
	filter_ok(g, &o, &r);
	assert_true(has(g, "g") && has(g, "h") && has(g, "b")); /* b: no dates, so not outside */
	assert_false(has(g, "f") || has(g, "a") || linked(g, "b", "c"));
	assert_true(linked(g, "c", "d"));
	assert_int_equal(r.documents_in, 0);
	ag_graph_free(g);
}

static void test_dates_combined_and_errors(void **state)
{
	ag_graph *g = dated_graph();
	ag_filter_options o = AG_FILTER_OPTIONS_INIT;
	ag_filter_report r;
	struct {
		const char *since, *until, *msg;
	} bad[] = {{"2026-13", NULL, "since: '2026-13' is not a date"},
	           {NULL, "yesterday", "until: 'yesterday' is not a date"},
	           {"2026-02-30", NULL, "not a date"},
	           {"2026-03", "2026-02", "is after until"}};
	(void)state;

	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		o.since = bad[k].since;
		o.until = bad[k].until;
		assert_int_equal(ag_graph_filter(g, &o, &r), AG_EINVAL);
		assert_non_null(strstr(ag_error_last(), bad[k].msg));
		assert_int_equal(ag_graph_node_count(g), 8); /* unchanged */
	}
	/* an ego the window dropped */
	o = (ag_filter_options)AG_FILTER_OPTIONS_INIT;
	o.since = "2026-02";
	o.until = "2026-02";
	o.ego = "a";
	assert_int_equal(ag_graph_filter(g, &o, &r), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "not seen in the date window"));
	/* the window first, then the other steps; the record says so */
	o.ego = NULL;
	o.types = AG_FILTER_TYPE(AG_NODE_PERSON);
	o.min_weight = 1;
	filter_ok(g, &o, &r);
	assert_int_equal(r.date_links, 2);
	{
		json_t *f = json_object_get(g->attrs, "filters"), *rec = json_array_get(f, 0);
		assert_string_equal(json_string_value(json_object_get(rec, "since")), "2026-02");
		assert_string_equal(json_string_value(json_object_get(rec, "until")), "2026-02");
	}
	ag_graph_free(g);
}

/* A version 1 struct (built before since/until) is taken, and gets a version 1 report. */
static void test_dates_version1(void **state)
{
	typedef struct {
		unsigned version, types;
		double min_weight;
		const char *ego;
		unsigned radius;
		size_t top;
	} v1_options;
	v1_options o = {1, 0, 2.0, NULL, 1, 0};
	ag_graph *g = graph_of(ACTORS);
	unsigned char buf[sizeof(ag_filter_report) + 16];
	ag_filter_report *r = (ag_filter_report *)(void *)buf;
	(void)state;

	memset(buf, 0xAB, sizeof(buf));
	assert_int_equal(ag_graph_filter(g, (const ag_filter_options *)(const void *)&o, r), 0);
	assert_int_equal(r->links_before, 7);
	assert_int_equal(r->weight_links, 3);
	/* nothing written past the version 1 report */
	assert_int_equal(buf[offsetof(ag_filter_report, date_links)], 0xAB);
	ag_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_types_parse),
		cmocka_unit_test(test_min_weight),
		cmocka_unit_test(test_ego),
		cmocka_unit_test(test_ego_errors),
		cmocka_unit_test(test_top_strength_ties),
		cmocka_unit_test(test_top_pagerank),
		cmocka_unit_test(test_empty_result),
		cmocka_unit_test(test_keeps_everything),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_dates_combined_and_errors),
		cmocka_unit_test(test_dates_version1),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
