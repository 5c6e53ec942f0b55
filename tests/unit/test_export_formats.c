/*
 * test_export_formats.c - Cytoscape JSON, GraphML and GEXF.
 *
 * Content and determinism are checked here; hostile text (markup, quotes,
 * control bytes, bytes that are not UTF-8, U+FFFE) must leave well-formed
 * files (xmllint --noout, where installed) with no markup of their own.
 * The round trip writes each format next to the node-link JSON into a
 * temporary folder and runs tests/nx_formats.py on it: networkx must read
 * GraphML, GEXF and Cytoscape JSON back to the same nodes, links and
 * attributes (skipped when /usr/bin/python3 has no networkx).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "graph/graph_int.h"
#include <actorgraph.h>

#define HOSTILE_SCRIPT "\"><script>alert(1)</script>"

typedef int (*writer_fn)(const ag_graph *, char **, size_t *);

static const struct {
	const char *file;
	writer_fn fn;
	bool xml;
} formats[] = {
	{"graph.cyjs", ag_graph_to_cyjs, false},
	{"graph.graphml", ag_graph_to_graphml, true},
	{"graph.gexf", ag_graph_to_gexf, true},
};
#define N_FORMATS (sizeof(formats) / sizeof(formats[0]))

/* ------------------------------------------------------------ helpers */

static size_t add_node(ag_graph *g, const char *id, ag_node_type t, const char *label)
{
	size_t k = 0;
	assert_int_equal(ag_graph_add_node(g, id, t, label, &k), 0);
	return k;
}

static size_t node(ag_graph *g, const char *id)
{
	size_t k;
	assert_int_equal(ag_graph_find_node(g, id, &k), 0);
	return k;
}

static void link_ev(ag_graph *g, const char *a, const char *b, ag_relation r, unsigned count, size_t doc,
                    size_t start)
{
	ag_evidence ev = {doc, start, start + 20};
	assert_int_equal(ag_graph_add_link(g, node(g, a), node(g, b), r, count, doc == SIZE_MAX ? NULL : &ev), 0);
}

static void set_metric(ag_graph *g, const char *id, const char *metric, double v)
{
	int slot = ag__graph_metric_slot(g, metric, true);
	assert_true(slot >= 0);
	assert_int_equal(ag__graph_set_metric(g, node(g, id), slot, v), 0);
}

static void set(ag_graph *g, const char *id, const char *key, const char *value)
{
	assert_int_equal(ag_graph_node_set(g, node(g, id), key, value), 0);
}

/* Every node type and relation, metrics (some NaN), communities, dated and
 * undated documents, a partial date and a meeting. */
static ag_graph *sample_graph(bool reversed)
{
	static const struct {
		const char *id, *label;
		ag_node_type type;
	} nodes[] = {
		{"state:ukraine", "Ukraine", AG_NODE_STATE},
		{"state:russia", "Russia", AG_NODE_STATE},
		{"state:turkey", "Turkey", AG_NODE_STATE},
		{"organization:un", "United Nations", AG_NODE_ORGANIZATION},
		{"person:antonio-guterres", "António Guterres", AG_NODE_PERSON},
		{"person:sergey-lavrov", "Sergey Lavrov", AG_NODE_PERSON},
		{"meeting:istanbul-2022", "Istanbul talks", AG_NODE_MEETING},
	};
	size_t n = sizeof(nodes) / sizeof(nodes[0]), da, db, dc;
	ag_graph *g = NULL;

	assert_int_equal(ag_graph_new(&g), 0);
	if (reversed) {
		assert_int_equal(ag_graph_add_document(g, "doc-c", "texts/c.txt", NULL, &dc), 0);
		assert_int_equal(ag_graph_add_document(g, "doc-b", "texts/b.txt", "2022-07", &db), 0);
		assert_int_equal(ag_graph_add_document(g, "doc-a", "texts/a.txt", "2022-03-29", &da), 0);
	} else {
		assert_int_equal(ag_graph_add_document(g, "doc-a", "texts/a.txt", "2022-03-29", &da), 0);
		assert_int_equal(ag_graph_add_document(g, "doc-b", "texts/b.txt", "2022-07", &db), 0);
		assert_int_equal(ag_graph_add_document(g, "doc-c", "texts/c.txt", NULL, &dc), 0);
	}
	for (size_t i = 0; i < n; i++) {
		size_t k = reversed ? n - 1 - i : i;
		add_node(g, nodes[k].id, nodes[k].type, nodes[k].label);
	}
	set(g, "person:antonio-guterres", "affiliation", "organization:un");
	set(g, "person:antonio-guterres", "role", "Secretary-General");
	set(g, "person:sergey-lavrov", "affiliation", "state:russia");
	set(g, "meeting:istanbul-2022", "place", "Istanbul");
	set(g, "meeting:istanbul-2022", "country", "state:turkey");
	set(g, "meeting:istanbul-2022", "start", "2022-03-29");
	set(g, "meeting:istanbul-2022", "end", "2022-03-29");
	set(g, "state:ukraine", "first_seen", "2022-03-29");
	set(g, "state:ukraine", "last_seen", "2022-07");
	set(g, "state:russia", "first_seen", "2022-03-29");
	set(g, "state:russia", "last_seen", "2022-07");
	set(g, "meeting:istanbul-2022", "first_seen", "2022-03-29");
	set(g, "meeting:istanbul-2022", "last_seen", "2022-03-29");
	assert_int_equal(ag_graph_node_add_alias(g, node(g, "state:turkey"), "Türkiye"), 0);
	assert_int_equal(ag_graph_node_add_alias(g, node(g, "state:turkey"), "Ankara"), 0);
	g->nodes[node(g, "state:russia")].mentions = 12;

	link_ev(g, "state:ukraine", "state:russia", AG_REL_CO_MENTION, 9, db, 40);
	link_ev(g, "state:ukraine", "state:russia", AG_REL_CO_MENTION, 1, da, 10);
	link_ev(g, "state:ukraine", "state:russia", AG_REL_CO_MENTION, 1, dc, 5);
	link_ev(g, "person:antonio-guterres", "organization:un", AG_REL_AFFILIATION, 2, da, 100);
	link_ev(g, "person:sergey-lavrov", "state:russia", AG_REL_AFFILIATION, 1, dc, 7);
	link_ev(g, "state:ukraine", "meeting:istanbul-2022", AG_REL_PARTY, 2, da, 0);
	link_ev(g, "state:russia", "meeting:istanbul-2022", AG_REL_PARTY, 2, da, 0);
	link_ev(g, "state:turkey", "meeting:istanbul-2022", AG_REL_HOST, 1, da, 0);
	link_ev(g, "organization:un", "meeting:istanbul-2022", AG_REL_MEDIATOR, 1, SIZE_MAX, 0);
	link_ev(g, "person:antonio-guterres", "meeting:istanbul-2022", AG_REL_PARTICIPANT, 1, da, 300);
	link_ev(g, "state:turkey", "state:russia", AG_REL_CO_MENTION, 1, db, 3);
	{
		size_t l;
		assert_int_equal(ag_graph_find_link(g, node(g, "state:ukraine"), node(g, "state:russia"), &l), 0);
		g->links[l].example = strdup("Ukraine and Russia met in Istanbul.");
		assert_non_null(g->links[l].example);
	}

	set_metric(g, "state:ukraine", "pagerank", 0.25);
	set_metric(g, "state:russia", "pagerank", 0.30);
	set_metric(g, "meeting:istanbul-2022", "pagerank", 0.2);
	set_metric(g, "person:antonio-guterres", "pagerank", 0.1);
	set_metric(g, "state:russia", "betweenness", 4.5);
	set_metric(g, "state:ukraine", "clustering", NAN);
	g->nodes[node(g, "state:ukraine")].community = 0;
	g->nodes[node(g, "meeting:istanbul-2022")].community = 0;
	g->nodes[node(g, "state:turkey")].community = 0;
	g->nodes[node(g, "state:russia")].community = 1;
	g->nodes[node(g, "person:sergey-lavrov")].community = 1;
	g->nodes[node(g, "organization:un")].community = 2;
	g->nodes[node(g, "state:russia")].stability = 0.75;
	return g;
}

/* Markup, quotes, backslashes, CR/LF/TAB, control bytes and DEL, a literal
 * character reference, U+FFFE, "]]>", a node whose id is a link id, and a
 * metric named like a node field.  With `bad_utf8`, also bytes that are not
 * UTF-8 (which node-link JSON cannot carry, so not for the round trip). */
static ag_graph *hostile_graph(bool bad_utf8)
{
	ag_graph *g = sample_graph(false);
	size_t h1 = add_node(g, HOSTILE_SCRIPT, AG_NODE_PERSON, HOSTILE_SCRIPT);
	size_t h2 = add_node(g, "\\N", AG_NODE_ORGANIZATION, "a\r\nb\tc ]]> </graphml>");
	size_t h3 = add_node(g, "q\"uote'\x01" "ctl\\", AG_NODE_STATE, "say \"hi\"\x01\x7f & &#1; tail\x1f");
	size_t h4 = add_node(g, "e0", AG_NODE_STATE, "<b>x</b>");
	size_t h5 = add_node(g, "odd \xef\xbf\xbe", AG_NODE_MEETING, "U+FFFE \xef\xbf\xbe &#xFFFE;");
	size_t l;

	assert_int_equal(ag_graph_node_set(g, h1, "role", "a\\Nb \\G <i>"), 0);
	assert_int_equal(ag_graph_node_add_alias(g, h1, "<img src=x onerror=alert(1)>"), 0);
	assert_int_equal(ag_graph_node_set(g, h1, "first_seen", "<2022>"), 0);
	assert_int_equal(ag_graph_add_link(g, h1, h2, AG_REL_CO_MENTION, 1, NULL), 0);
	assert_int_equal(ag_graph_add_link(g, h3, h4, AG_REL_CO_MENTION, 2, NULL), 0);
	assert_int_equal(ag_graph_add_link(g, h4, h5, AG_REL_PARTY, 1, NULL), 0);
	assert_int_equal(ag_graph_add_link(g, h1, h3, AG_REL_AFFILIATION, 1, NULL), 0);
	assert_int_equal(ag_graph_find_link(g, h1, h2, &l), 0);
	g->links[l].example = strdup("He said \"</title><script>x</script>\" \\N \\n\x02!");
	assert_non_null(g->links[l].example);
	set_metric(g, HOSTILE_SCRIPT, "label", 1.5);
	set_metric(g, HOSTILE_SCRIPT, "<script>", 2);
	if (bad_utf8) {
		size_t h6 = add_node(g, "bad\xff\xfe", AG_NODE_STATE, "bad \xff utf8 \xc3\x28 \xed\xa0\x80 \xf4\x90\x80\x80");
		assert_int_equal(ag_graph_add_link(g, h5, h6, AG_REL_CO_MENTION, 1, NULL), 0);
	}
	return g;
}

/* Hand-built graphs are put in canonical order before they are written. */
static char *write_format(ag_graph *g, writer_fn fn, size_t *len)
{
	char *out = NULL;
	int rc;
	assert_int_equal(ag_graph_sort(g), 0);
	rc = fn(g, &out, len);
	if (rc != 0)
		fail_msg("writer: %d %s", rc, ag_error_last());
	assert_non_null(out);
	assert_int_equal(strlen(out), *len);
	return out;
}

static bool have_tool(const char *name)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", name);
	return system(cmd) == 0;
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static char *make_dir(void)
{
	char *dir = strdup("/tmp/ag_formats_XXXXXX");
	assert_non_null(dir);
	assert_non_null(mkdtemp(dir));
	return dir;
}

static void remove_dir(char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

/* xmllint --noout on the data: 0 when well-formed, -1 when xmllint is missing. */
static int xmllint(const char *data, size_t len)
{
	char *dir, cmd[600];
	int rc;

	if (!have_tool("xmllint"))
		return -1;
	dir = make_dir();
	write_file(dir, "doc.xml", data, len);
	snprintf(cmd, sizeof(cmd), "xmllint --noout '%s/doc.xml'", dir);
	rc = system(cmd);
	remove_dir(dir);
	return rc;
}

/* Valid UTF-8, no byte XML 1.0 forbids, no U+FFFE/U+FFFF. */
static void assert_xml_chars(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		size_t n = 1;
		if (*p < 0x20 && *p != '\n' && *p != '\t')
			fail_msg("raw control byte 0x%02x at %zu", *p, (size_t)(p - (const unsigned char *)s));
		if (*p == 0x7F)
			fail_msg("raw DEL at %zu", (size_t)(p - (const unsigned char *)s));
		if (*p >= 0x80) {
			n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
			assert_true(*p >= 0xC2 && *p <= 0xF4);
			assert_true(p + n <= end);
			for (size_t k = 1; k < n; k++)
				assert_int_equal(p[k] & 0xC0, 0x80);
			if (n == 3 && p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
				fail_msg("U+FFFE/U+FFFF at %zu", (size_t)(p - (const unsigned char *)s));
			if (n == 3 && p[0] == 0xED)
				assert_true(p[1] < 0xA0);
		}
		p += n;
	}
}

static json_t *parse_json(const char *text, size_t len)
{
	json_error_t err;
	json_t *root = json_loadb(text, len, 0, &err);
	if (!root)
		fail_msg("not JSON: %s at line %d", err.text, err.line);
	return root;
}

/* ------------------------------------------------------------ Cytoscape JSON */

static json_t *cy_node(json_t *root, const char *id)
{
	json_t *nodes = json_object_get(json_object_get(root, "elements"), "nodes"), *el;
	size_t i;
	json_array_foreach(nodes, i, el) {
		json_t *d = json_object_get(el, "data");
		if (strcmp(json_string_value(json_object_get(d, "id")), id) == 0)
			return d;
	}
	fail_msg("no node %s", id);
	return NULL;
}

static json_t *cy_edge(json_t *root, const char *source, const char *target)
{
	json_t *edges = json_object_get(json_object_get(root, "elements"), "edges"), *el;
	size_t i;
	json_array_foreach(edges, i, el) {
		json_t *d = json_object_get(el, "data");
		if (strcmp(json_string_value(json_object_get(d, "source")), source) == 0 &&
		    strcmp(json_string_value(json_object_get(d, "target")), target) == 0)
			return d;
	}
	fail_msg("no edge %s -- %s", source, target);
	return NULL;
}

static void test_cyjs_content(void **state)
{
	ag_graph *g = sample_graph(false);
	size_t len, i;
	char *out = write_format(g, ag_graph_to_cyjs, &len);
	json_t *root = parse_json(out, len), *nodes, *edges, *el, *d;
	ag_strmap ids = {0};

	(void)state;
	nodes = json_object_get(json_object_get(root, "elements"), "nodes");
	edges = json_object_get(json_object_get(root, "elements"), "edges");
	assert_int_equal(json_array_size(nodes), 7);
	assert_int_equal(json_array_size(edges), 9);
	assert_true(json_is_false(json_object_get(root, "directed")));
	assert_string_equal(json_string_value(json_object_get(json_object_get(root, "data"), "generator")),
	                    "actorgraph " AG_VERSION);
	assert_int_equal(json_array_size(json_object_get(json_object_get(root, "data"), "documents")), 3);

	/* unique ids across nodes and edges; every edge between nodes */
	json_array_foreach(nodes, i, el) {
		const char *id = json_string_value(json_object_get(json_object_get(el, "data"), "id"));
		assert_non_null(id);
		assert_false(ag__strmap_get(&ids, id, &(size_t){0}));
		assert_int_equal(ag__strmap_put(&ids, id, i), 0);
	}
	json_array_foreach(edges, i, el) {
		d = json_object_get(el, "data");
		assert_non_null(json_string_value(json_object_get(d, "id")));
		assert_false(ag__strmap_get(&ids, json_string_value(json_object_get(d, "id")), &(size_t){0}));
		assert_true(ag__strmap_get(&ids, json_string_value(json_object_get(d, "source")), &(size_t){0}));
		assert_true(ag__strmap_get(&ids, json_string_value(json_object_get(d, "target")), &(size_t){0}));
		assert_int_equal(ag__strmap_put(&ids, json_string_value(json_object_get(d, "id")), i), 0);
	}
	ag__strmap_free(&ids);

	/* flat attributes */
	d = cy_node(root, "state:russia");
	assert_string_equal(json_string_value(json_object_get(d, "name")), "Russia");
	assert_string_equal(json_string_value(json_object_get(d, "value")), "state:russia");
	assert_string_equal(json_string_value(json_object_get(d, "type")), "state");
	assert_true(fabs(json_number_value(json_object_get(d, "pagerank")) - 0.3) < 1e-12);
	assert_true(fabs(json_number_value(json_object_get(d, "betweenness")) - 4.5) < 1e-12);
	assert_int_equal(json_integer_value(json_object_get(d, "community")), 1);
	assert_int_equal(json_integer_value(json_object_get(d, "mentions")), 12);
	assert_true(fabs(json_number_value(json_object_get(d, "stability")) - 0.75) < 1e-12);
	d = cy_node(root, "state:ukraine");
	assert_null(json_object_get(d, "clustering")); /* NaN: left out */
	assert_null(json_object_get(d, "betweenness"));
	d = cy_node(root, "state:turkey");
	assert_int_equal(json_array_size(json_object_get(d, "aliases")), 2);
	assert_string_equal(json_string_value(json_array_get(json_object_get(d, "aliases"), 0)), "Ankara");
	d = cy_node(root, "meeting:istanbul-2022");
	assert_string_equal(json_string_value(json_object_get(d, "status")), "held");
	assert_string_equal(json_string_value(json_object_get(d, "country")), "state:turkey");

	d = cy_edge(root, "state:russia", "state:ukraine");
	assert_int_equal(json_integer_value(json_object_get(d, "weight")), 11);
	assert_int_equal(json_integer_value(json_object_get(d, "co_mention")), 11);
	assert_int_equal(json_integer_value(json_object_get(d, "evidence_count")), 3);
	assert_int_equal(json_array_size(json_object_get(d, "documents")), 3);
	assert_int_equal(json_array_size(json_object_get(d, "evidence")), 3);
	assert_string_equal(json_string_value(json_object_get(d, "first_seen")), "2022-03-29");
	assert_string_equal(json_string_value(json_object_get(d, "last_seen")), "2022-07");
	assert_string_equal(json_string_value(json_object_get(d, "example")), "Ukraine and Russia met in Istanbul.");
	d = cy_edge(root, "meeting:istanbul-2022", "organization:un");
	assert_int_equal(json_integer_value(json_object_get(d, "mediator")), 1);
	assert_null(json_object_get(d, "evidence"));
	assert_null(json_object_get(d, "first_seen"));

	json_decref(root);
	free(out);
	ag_graph_free(g);
}

/* ------------------------------------------------------------ GraphML */

static void test_graphml_content(void **state)
{
	ag_graph *g = sample_graph(false);
	size_t len;
	char *out = write_format(g, ag_graph_to_graphml, &len);
	int lint;

	(void)state;
	assert_true(strncmp(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ", 48) == 0);
	assert_non_null(strstr(out, "<graph id=\"G\" edgedefault=\"undirected\">"));
	assert_non_null(strstr(out, "attr.name=\"pagerank\" attr.type=\"double\"/>"));
	assert_non_null(strstr(out, "for=\"node\" attr.name=\"community\" attr.type=\"long\"/>"));
	assert_non_null(strstr(out, "for=\"edge\" attr.name=\"co_mention\" attr.type=\"long\"/>"));
	/* typed by value: the sample's weights are whole numbers */
	assert_non_null(strstr(out, "for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>"));
	assert_non_null(strstr(out, "for=\"graph\" attr.name=\"generator\" attr.type=\"string\"/>"));
	assert_null(strstr(out, "attr.name=\"clustering\"")); /* NaN everywhere: no column */
	assert_non_null(strstr(out, "<edge id=\"e0\" source=\"meeting:istanbul-2022\" target=\"organization:un\">"));
	assert_non_null(strstr(out, "<edge id=\"e8\" "));
	assert_null(strstr(out, "<edge id=\"e9\" "));
	assert_non_null(strstr(out, ">António Guterres</data>"));
	assert_non_null(strstr(out, ">Ankara; Türkiye</data>"));
	assert_true(strcmp(out + len - 22, "  </graph>\n</graphml>\n") == 0);
	assert_xml_chars(out, len);
	if ((lint = xmllint(out, len)) >= 0)
		assert_int_equal(lint, 0);
	free(out);
	ag_graph_free(g);
}

/* ------------------------------------------------------------ GEXF */

static void test_gexf_content(void **state)
{
	ag_graph *g = sample_graph(false);
	size_t len;
	char *out = write_format(g, ag_graph_to_gexf, &len);
	const char *p;
	int lint;

	(void)state;
	assert_non_null(strstr(out, "<gexf xmlns=\"http://www.gexf.net/1.2draft\""));
	assert_non_null(strstr(out, "version=\"1.2\">"));
	assert_non_null(strstr(out, "<graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\" "
	                            "start=\"2022-03-29\" end=\"2022-07-31\">"));
	assert_non_null(strstr(out, "<attributes class=\"node\" mode=\"static\">"));
	assert_non_null(strstr(out, "title=\"pagerank\" type=\"double\"/>"));
	assert_null(strstr(out, "title=\"label\""));  /* GEXF's own label attribute */
	assert_null(strstr(out, "title=\"weight\"")); /* GEXF's own weight attribute */
	assert_non_null(strstr(out, "<node id=\"person:antonio-guterres\" label=\"António Guterres\">"));
	/* a node from first_seen to the end of its partial last_seen */
	p = strstr(out, "<node id=\"state:ukraine\"");
	assert_non_null(p);
	assert_non_null(strstr(p, "<spell start=\"2022-03-29\" end=\"2022-07-31\"/>"));
	assert_true(strstr(p, "<spell ") < strstr(p, "</node>"));
	/* an undated node has no spells */
	p = strstr(out, "<node id=\"state:turkey\"");
	assert_true(strstr(p, "</node>") < strstr(p, "<spells>"));
	/* a link on its evidence dates: doc-a, the whole July of doc-b; doc-c is undated */
	p = strstr(out, "source=\"state:russia\" target=\"state:ukraine\" weight=\"11\">");
	assert_non_null(p);
	assert_non_null(strstr(p, "<spells>\n          <spell start=\"2022-03-29\" end=\"2022-03-29\"/>\n"
	                          "          <spell start=\"2022-07-01\" end=\"2022-07-31\"/>\n        </spells>\n"
	                          "      </edge>"));
	assert_xml_chars(out, len);
	if ((lint = xmllint(out, len)) >= 0)
		assert_int_equal(lint, 0);
	free(out);
	ag_graph_free(g);

	/* no dates at all: a static graph */
	assert_int_equal(ag_graph_new(&g), 0);
	add_node(g, "a", AG_NODE_STATE, "A");
	add_node(g, "b", AG_NODE_STATE, "B");
	link_ev(g, "a", "b", AG_REL_CO_MENTION, 1, SIZE_MAX, 0);
	out = write_format(g, ag_graph_to_gexf, &len);
	assert_non_null(strstr(out, "<graph defaultedgetype=\"undirected\" mode=\"static\">"));
	assert_null(strstr(out, "timeformat"));
	assert_null(strstr(out, "<spells>"));
	free(out);
	ag_graph_free(g);
}

/* ------------------------------------------------------------ all formats */

static void test_deterministic(void **state)
{
	(void)state;
	for (size_t f = 0; f < N_FORMATS; f++) {
		ag_graph *a = sample_graph(false), *b = sample_graph(true);
		size_t la, lb, la2;
		char *oa = write_format(a, formats[f].fn, &la), *ob = write_format(b, formats[f].fn, &lb),
		     *oa2 = write_format(a, formats[f].fn, &la2);
		if (la != lb || memcmp(oa, ob, la) != 0)
			fail_msg("%s depends on insertion order", formats[f].file);
		assert_int_equal(la, la2);
		assert_memory_equal(oa, oa2, la);
		free(oa);
		free(ob);
		free(oa2);
		ag_graph_free(a);
		ag_graph_free(b);
	}
}

/* The _write_ forms give the bytes of the _to_ forms, in the file, for a
 * graph of thousands of links (several flushes of the writers' buffers), for
 * the sample and for an empty graph; a folder that does not exist is an
 * error that leaves nothing. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return data;
}

static void test_streamed_writers(void **state)
{
	typedef int (*stream_fn)(const ag_graph *, const char *);
	static const struct {
		writer_fn to;
		stream_fn write;
		const char *name;
	} pairs[] = {
		{ag_graph_to_cyjs, ag_graph_write_cyjs, "cyjs"},
		{ag_graph_to_graphml, ag_graph_write_graphml, "graphml"},
		{ag_graph_to_gexf, ag_graph_write_gexf, "gexf"},
		{ag_graph_to_csv_links, ag_graph_write_csv_links, "csv"},
		{ag_graph_to_json, ag_graph_write_json, "json"},
	};
	char dir[] = "/tmp/ag-stream-XXXXXX";
	ag_graph *graphs[3] = {sample_graph(false), NULL, NULL};
	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(ag_graph_new(&graphs[1]), 0);
	assert_int_equal(ag_graph_new(&graphs[2]), 0);
	for (int k = 0; k < 3000; k++) { /* a few MB of output: many flushes */
		char a[32], b[32];
		size_t ia, ib, d;
		ag_evidence ev;
		snprintf(a, sizeof(a), "person:p%d", k % 997);
		snprintf(b, sizeof(b), "state:s%d", k % 101);
		assert_int_equal(ag_graph_add_node(graphs[2], a, AG_NODE_PERSON, "Ann \"<Lee>\"", &ia), 0);
		assert_int_equal(ag_graph_add_node(graphs[2], b, AG_NODE_STATE, "Land & Sea", &ib), 0);
		assert_int_equal(ag_graph_add_document(graphs[2], "doc", "doc.txt", "2026-03-01", &d), 0);
		ev.doc = d;
		ev.start = (size_t)k;
		ev.end = (size_t)k + 5;
		assert_int_equal(ag_graph_add_link(graphs[2], ia, ib, AG_REL_CO_MENTION, 1, &ev), 0);
	}
	assert_int_equal(ag_graph_sort(graphs[2]), 0);
	for (size_t gi = 0; gi < 3; gi++) {
		for (size_t p = 0; p < sizeof(pairs) / sizeof(pairs[0]); p++) {
			char path[128];
			size_t la, lb;
			char *a = write_format(graphs[gi], pairs[p].to, &la), *b;
			snprintf(path, sizeof(path), "%s/out.%s", dir, pairs[p].name);
			assert_int_equal(pairs[p].write(graphs[gi], path), 0);
			b = slurp(path, &lb);
			if (la != lb || memcmp(a, b, la) != 0)
				fail_msg("ag_graph_write_%s differs from ag_graph_to_%s (graph %zu)", pairs[p].name,
				         pairs[p].name, gi);
			unlink(path);
			free(a);
			free(b);
		}
	}
	for (size_t p = 0; p < sizeof(pairs) / sizeof(pairs[0]); p++) {
		char path[128];
		snprintf(path, sizeof(path), "%s/no/such/folder/out", dir);
		assert_true(pairs[p].write(graphs[0], path) < 0);
		assert_int_equal(access(path, F_OK), -1);
	}
	rmdir(dir);
	for (size_t gi = 0; gi < 3; gi++)
		ag_graph_free(graphs[gi]);
}

static void test_empty_and_errors(void **state)
{
	(void)state;
	for (size_t f = 0; f < N_FORMATS; f++) {
		ag_graph *g = NULL;
		char *out = NULL;
		size_t len = 0;
		int lint;

		assert_int_equal(ag_graph_new(&g), 0);
		out = write_format(g, formats[f].fn, &len);
		if (formats[f].xml) {
			assert_xml_chars(out, len);
			if ((lint = xmllint(out, len)) >= 0)
				assert_int_equal(lint, 0);
		} else {
			json_decref(parse_json(out, len));
		}
		free(out);
		out = NULL;
		assert_int_equal(formats[f].fn(NULL, &out, &len), AG_EINVAL);
		assert_int_equal(formats[f].fn(g, NULL, &len), AG_EINVAL);
		assert_null(out);
		ag_graph_free(g);
	}
}

static void check_hostile_xml(const char *file, const char *out, size_t len)
{
	int lint;

	assert_xml_chars(out, len);
	if (strstr(out, "<script") || strstr(out, "<img") || strstr(out, "<b>") || strstr(out, "<i>") ||
	    strstr(out, "]]>") || strstr(out, "</graphml> ") || strstr(out, "\"><"))
		fail_msg("%s: markup from a label got through", file);
	/* the text is there, escaped; forbidden characters replaced one for one */
	assert_non_null(strstr(out, "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(out, "\xe2\x90\x81")); /* U+2401 for \x01 */
	assert_non_null(strstr(out, "\xe2\x90\xa1")); /* U+2421 for DEL */
	assert_non_null(strstr(out, "\xef\xbf\xbd")); /* U+FFFD */
	assert_non_null(strstr(out, "&amp;#1;"));
	assert_non_null(strstr(out, "&#13;"));
	if ((lint = xmllint(out, len)) >= 0 && lint != 0)
		fail_msg("%s is not well-formed XML", file);
}

static void test_hostile(void **state)
{
	(void)state;
	for (size_t f = 0; f < N_FORMATS; f++) {
		ag_graph *g = hostile_graph(true);
		size_t len;
		char *out = write_format(g, formats[f].fn, &len);

		if (formats[f].xml) {
			check_hostile_xml(formats[f].file, out, len);
		} else {
			/* JSON: the text survives as data; bad UTF-8 became U+FFFD */
			json_t *root = parse_json(out, len), *d, *edges, *el;
			ag_strmap ids = {0};
			size_t i, n = 0;

			d = cy_node(root, HOSTILE_SCRIPT);
			assert_string_equal(json_string_value(json_object_get(d, "name")), HOSTILE_SCRIPT);
			/* a metric named like a field is renamed, not lost */
			assert_true(fabs(json_number_value(json_object_get(d, "metric_label")) - 1.5) < 1e-12);
			assert_int_equal(json_integer_value(json_object_get(d, "<script>")), 2);
			d = cy_node(root, "bad\xef\xbf\xbd\xef\xbf\xbd");
			assert_string_equal(json_string_value(json_object_get(d, "label")),
			                    "bad \xef\xbf\xbd utf8 \xef\xbf\xbd( \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd "
			                    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
			d = cy_node(root, "q\"uote'\x01" "ctl\\");
			assert_string_equal(json_string_value(json_object_get(d, "label")),
			                    "say \"hi\"\x01\x7f & &#1; tail\x1f");
			/* the node "e0" pushes the first link id to "e0_" */
			edges = json_object_get(json_object_get(root, "elements"), "edges");
			json_array_foreach(json_object_get(json_object_get(root, "elements"), "nodes"), i, el)
				assert_int_equal(ag__strmap_put(&ids, json_string_value(json_object_get(json_object_get(el, "data"), "id")), n++), 0);
			json_array_foreach(edges, i, el) {
				const char *id = json_string_value(json_object_get(json_object_get(el, "data"), "id"));
				assert_false(ag__strmap_get(&ids, id, &(size_t){0}));
				assert_int_equal(ag__strmap_put(&ids, id, n++), 0);
			}
			assert_string_equal(json_string_value(json_object_get(json_object_get(json_array_get(edges, 0), "data"), "id")), "e0_");
			ag__strmap_free(&ids);
			json_decref(root);
		}
		free(out);
		ag_graph_free(g);
	}
}

/* ------------------------------------------------------------ networkx round trip */

/* Write graph.json and the three formats of g into a new folder and run
 * tests/nx_formats.py on it.  False when it was skipped. */
static bool round_trip(ag_graph *g, const char *what)
{
	char *dir = make_dir(), cmd[1024], *out;
	size_t len;
	int rc;

	out = write_format(g, ag_graph_to_json, &len);
	write_file(dir, "graph.json", out, len);
	free(out);
	for (size_t f = 0; f < N_FORMATS; f++) {
		out = write_format(g, formats[f].fn, &len);
		write_file(dir, formats[f].file, out, len);
		free(out);
	}
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 '%s/nx_formats.py' '%s'", AG_TEST_DATA, dir);
	rc = system(cmd);
	if (rc != -1 && WIFEXITED(rc) && WEXITSTATUS(rc) == 77) {
		remove_dir(dir);
		return false;
	}
	if (rc != 0)
		fail_msg("networkx round trip of %s failed (files in %s)", what, dir);
	remove_dir(dir);
	return true;
}

static ag_graph *load(const char *path)
{
	char *text = NULL;
	size_t len;
	ag_graph *g = NULL;

	if (ag_file_read(path, (size_t)1 << 28, &text, &len) < 0)
		fail_msg("%s: %s", path, ag_error_last());
	if (ag_graph_from_json(text, len, path, &g) < 0)
		fail_msg("%s: %s", path, ag_error_last());
	free(text);
	return g;
}

/* A number column is long when every value is a whole number, double otherwise,
 * in GraphML and GEXF alike; the values are written the same either way. */
static void test_typed_by_value(void **state)
{
	static const char foreign[] =
	    "{\"nodes\": [{\"id\": \"a\", \"score\": 2.0, \"share\": 0.5, \"metrics\": {\"degree\": 2, \"pagerank\": 0.5}},"
	    "  {\"id\": \"b\", \"score\": 3, \"share\": 1, \"metrics\": {\"degree\": 1, \"pagerank\": 0.5}},"
	    "  {\"id\": \"c\", \"metrics\": {\"degree\": 1, \"pagerank\": 1e20}}],"
	    " \"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": 2.5}, {\"source\": \"a\", \"target\": \"c\"}]}";
	ag_graph *g;
	size_t len;
	char *ml, *gx;

	(void)state;
	assert_int_equal(ag_graph_from_json(foreign, sizeof(foreign) - 1, "typed", &g), 0);
	ml = write_format(g, ag_graph_to_graphml, &len);
	gx = write_format(g, ag_graph_to_gexf, &len);
	assert_non_null(strstr(ml, "attr.name=\"degree\" attr.type=\"long\"/>"));
	assert_non_null(strstr(ml, "attr.name=\"score\" attr.type=\"long\"/>")); /* 2.0 and 3 */
	assert_non_null(strstr(ml, "attr.name=\"share\" attr.type=\"double\"/>"));
	assert_non_null(strstr(ml, "attr.name=\"pagerank\" attr.type=\"double\"/>")); /* 1e20 is past 2^53 */
	assert_non_null(strstr(ml, "for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"));
	assert_non_null(strstr(ml, ">2</data>"));
	assert_null(strstr(ml, ">2.0</data>"));
	assert_non_null(strstr(gx, "title=\"degree\" type=\"long\"/>"));
	assert_non_null(strstr(gx, "title=\"score\" type=\"long\"/>"));
	assert_non_null(strstr(gx, "title=\"share\" type=\"double\"/>"));
	free(ml);
	free(gx);
	ag_graph_free(g);
}

static void test_networkx_round_trip(void **state)
{
	static const char foreign[] =
	    "{\"directed\": false, \"multigraph\": false, \"graph\": {\"name\": \"x\", \"flag\": true, \"nested\": {\"a\": [1]}},"
	    " \"nodes\": [{\"id\": \"n1\", \"label\": \"Tab\\there\", \"type\": \"ngo\", \"flag\": true, \"score\": 1,"
	    "   \"tags\": [\"x\", \"y\"], \"metrics\": {\"label\": 3, \"pagerank\": 0.25}, \"first_seen\": \"2026-02\","
	    "   \"last_seen\": \"2026\"},"
	    "  {\"id\": \"n2\", \"flag\": false, \"score\": 2.5, \"tags\": \"z\", \"first_seen\": \"soon\", \"type\": \"meeting\"},"
	    "  {\"id\": \"e1\", \"type\": \"person\", \"first_seen\": \"2026-03-01\", \"last_seen\": \"2026-02-01\"}],"
	    " \"links\": [{\"source\": \"n1\", \"target\": \"n2\", \"weight\": 2.5, \"kind\": \"x\","
	    "   \"relations\": {\"co_mention\": 1, \"allied\": 2},"
	    "   \"evidence\": [{\"doc\": \"d1\", \"start\": 0, \"end\": 3}, {\"doc\": \"d2\", \"start\": 1, \"end\": 2}]},"
	    "  {\"source\": \"n2\", \"target\": \"e1\", \"weight\": 1, \"kind\": 3}]}";
	ag_graph *g;
	bool ran;

	(void)state;
	g = load(AG_TEST_DATA "/../graphs/peace-talks/graph.json");
	ran = round_trip(g, "graphs/peace-talks/graph.json");
	ag_graph_free(g);
	if (!ran)
		skip();
	g = sample_graph(true);
	round_trip(g, "the sample graph");
	ag_graph_free(g);
	g = hostile_graph(false);
	round_trip(g, "the hostile graph");
	ag_graph_free(g);
	assert_int_equal(ag_graph_from_json(foreign, sizeof(foreign) - 1, "foreign", &g), 0);
	round_trip(g, "a foreign graph");
	ag_graph_free(g);
	assert_int_equal(ag_graph_new(&g), 0);
	round_trip(g, "the empty graph");
	ag_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cyjs_content),
		cmocka_unit_test(test_graphml_content),
		cmocka_unit_test(test_gexf_content),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_empty_and_errors),
		cmocka_unit_test(test_streamed_writers),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_typed_by_value),
		cmocka_unit_test(test_networkx_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
