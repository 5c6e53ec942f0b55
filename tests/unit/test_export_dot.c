/*
 * test_export_dot.c - the diagram: DOT through cgraph, SVG/PNG/PDF through gvc.
 *
 * Where `dot` and `xmllint` are on PATH, the DOT is checked with `dot -Tcanon`
 * (the reference parser) and the SVG with `xmllint --noout`; otherwise those
 * tests are skipped.
 */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "graph/graph_int.h"
#include <actorgraph.h>

#define HOSTILE_SCRIPT "\"><script>alert(1)</script>"

/* ------------------------------------------------------------ helpers */

static size_t add_node(ag_graph *g, const char *id, ag_node_type t, const char *label)
{
	size_t k = 0;
	assert_int_equal(ag_graph_add_node(g, id, t, label, &k), 0);
	return k;
}

static void add_link(ag_graph *g, const char *a, const char *b, ag_relation r, unsigned count)
{
	size_t x, y;
	ag_evidence ev = {0, 10, 42};
	assert_int_equal(ag_graph_find_node(g, a, &x), 0);
	assert_int_equal(ag_graph_find_node(g, b, &y), 0);
	assert_int_equal(ag_graph_add_link(g, x, y, r, count, g->n_docs ? &ev : NULL), 0);
}

static void set_metric(ag_graph *g, const char *id, const char *metric, double v)
{
	size_t k;
	int slot = ag__graph_metric_slot(g, metric, true);
	assert_true(slot >= 0);
	assert_int_equal(ag_graph_find_node(g, id, &k), 0);
	assert_int_equal(ag__graph_set_metric(g, k, slot, v), 0);
}

static void set_community(ag_graph *g, const char *id, int c)
{
	size_t k;
	assert_int_equal(ag_graph_find_node(g, id, &k), 0);
	g->nodes[k].community = c;
}

/* A small diplomatic graph with every node type and relation, metrics and communities. */
static ag_graph *sample_graph(bool reversed)
{
	static const struct {
		const char *id, *label;
		ag_node_type type;
	} nodes[] = {
		{"s:ua", "Ukraine", AG_NODE_STATE},
		{"s:ru", "Russia", AG_NODE_STATE},
		{"s:tr", "Turkey", AG_NODE_STATE},
		{"o:un", "United Nations", AG_NODE_ORGANIZATION},
		{"p:guterres", "Guterres", AG_NODE_PERSON},
		{"p:lavrov", "Lavrov", AG_NODE_PERSON},
		{"m:istanbul", "Istanbul talks", AG_NODE_MEETING},
	};
	size_t n = sizeof(nodes) / sizeof(nodes[0]), d;
	ag_graph *g = NULL;

	assert_int_equal(ag_graph_new(&g), 0);
	assert_int_equal(ag_graph_add_document(g, "doc-b", NULL, "2022-07-22", &d), 0);
	assert_int_equal(ag_graph_add_document(g, "doc-a", NULL, "2022-03-29", &d), 0);
	for (size_t i = 0; i < n; i++) {
		size_t k = reversed ? n - 1 - i : i;
		add_node(g, nodes[k].id, nodes[k].type, nodes[k].label);
	}
	{
		size_t k;
		assert_int_equal(ag_graph_find_node(g, "p:guterres", &k), 0);
		assert_int_equal(ag_graph_node_set(g, k, "affiliation", "o:un"), 0);
		assert_int_equal(ag_graph_node_set(g, k, "role", "Secretary-General"), 0);
		assert_int_equal(ag_graph_find_node(g, "p:lavrov", &k), 0);
		assert_int_equal(ag_graph_node_set(g, k, "affiliation", "s:ru"), 0);
	}
	add_link(g, "s:ua", "s:ru", AG_REL_CO_MENTION, 9);
	add_link(g, "p:guterres", "o:un", AG_REL_AFFILIATION, 2);
	add_link(g, "p:lavrov", "s:ru", AG_REL_AFFILIATION, 1);
	add_link(g, "s:ua", "m:istanbul", AG_REL_PARTY, 2);
	add_link(g, "s:ru", "m:istanbul", AG_REL_PARTY, 2);
	add_link(g, "s:tr", "m:istanbul", AG_REL_HOST, 1);
	add_link(g, "o:un", "m:istanbul", AG_REL_MEDIATOR, 1);
	add_link(g, "p:guterres", "m:istanbul", AG_REL_PARTICIPANT, 1);
	add_link(g, "p:guterres", "m:istanbul", AG_REL_CO_MENTION, 3);
	add_link(g, "s:tr", "s:ru", AG_REL_CO_MENTION, 1);

	set_metric(g, "s:ua", "pagerank", 0.25);
	set_metric(g, "s:ru", "pagerank", 0.30);
	set_metric(g, "m:istanbul", "pagerank", 0.2);
	set_metric(g, "p:guterres", "pagerank", 0.1);
	set_metric(g, "s:ru", "betweenness", 4.5);
	/* the others stay NaN */
	set_community(g, "s:ua", 0);
	set_community(g, "m:istanbul", 0);
	set_community(g, "s:tr", 0);
	set_community(g, "s:ru", 1);
	set_community(g, "p:lavrov", 1);
	set_community(g, "o:un", 2);
	/* built by hand: the writers take the graph in its order */
	assert_int_equal(ag_graph_sort(g), 0);
	return g;
}

static ag_graph *hostile_graph(void)
{
	ag_graph *g = sample_graph(false);
	size_t h1 = add_node(g, HOSTILE_SCRIPT, AG_NODE_PERSON, HOSTILE_SCRIPT);
	size_t h2 = add_node(g, "\\N", AG_NODE_ORGANIZATION, "\\N");
	size_t h3 = add_node(g, "q\"uote\x01" "ctl\\", AG_NODE_STATE, "say \"hi\"\x01\x7f & &#1; tail\\");
	size_t h4 = add_node(g, "%1", AG_NODE_STATE, "<b>x</b>");
	size_t h5 = add_node(g, "bad\xff\xfe", AG_NODE_MEETING, "bad \xff utf8 \xef\xbf\xbe &#xFFFE;");
	assert_int_equal(ag_graph_node_set(g, h1, "role", "a\\Nb \\G <i>"), 0);
	assert_int_equal(ag_graph_add_link(g, h1, h2, AG_REL_CO_MENTION, 1, NULL), 0);
	assert_int_equal(ag_graph_add_link(g, h3, h4, AG_REL_CO_MENTION, 2, NULL), 0);
	assert_int_equal(ag_graph_add_link(g, h4, h5, AG_REL_PARTY, 1, NULL), 0);
	assert_int_equal(ag_graph_add_link(g, h1, h3, AG_REL_AFFILIATION, 1, NULL), 0);
	{
		size_t l;
		assert_int_equal(ag_graph_find_link(g, h1, h2, &l), 0);
		g->links[l].example = strdup("He said \"</title><script>x</script>\" \\N \\n\x02!");
		assert_non_null(g->links[l].example);
	}
	assert_int_equal(ag_graph_sort(g), 0);
	return g;
}

static bool have_tool(const char *name)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", name);
	return system(cmd) == 0;
}

/* Write data to a new temporary file; the path goes to `path` (at least 64 bytes). */
static void write_temp(char *path, const char *suffix, const char *data, size_t len)
{
	int fd;
	FILE *f;

	(void)suffix; /* dot and xmllint do not look at it */
	snprintf(path, 64, "/tmp/ag_test_XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Run `cmd` on data written to a temporary file; the exit status. */
static int run_on(const char *cmd, const char *suffix, const char *data, size_t len)
{
	char path[64], line[256];
	int rc;

	write_temp(path, suffix, data, len);
	snprintf(line, sizeof(line), "%s '%s' >/dev/null 2>&1", cmd, path);
	rc = system(line);
	unlink(path);
	return rc;
}

static char *to_dot(ag_graph *g, const ag_render_options *opts, size_t *len)
{
	char *out = NULL;
	int rc = ag_graph_to_dot(g, opts, &out, len);
	if (rc != 0)
		fail_msg("ag_graph_to_dot: %d %s", rc, ag_error_last());
	assert_non_null(out);
	assert_int_equal(strlen(out), *len);
	return out;
}

static char *render(ag_graph *g, const ag_render_options *opts, const char *format, size_t *len)
{
	char *out = NULL;
	int rc = ag_graph_render(g, opts, format, &out, len);
	if (rc != 0)
		fail_msg("ag_graph_render(%s): %d %s", format, rc, ag_error_last());
	assert_non_null(out);
	return out;
}

static void assert_svg_shape(const char *svg, size_t len)
{
	assert_true(strncmp(svg, "<?xml", 5) == 0 || strncmp(svg, "<svg", 4) == 0);
	assert_true(len > 7);
	assert_string_equal(svg + len - 7, "</svg>\n");
	assert_null(strstr(svg, "<script"));
	assert_null(strstr(svg, "javascript:"));
}

/* ------------------------------------------------------------ DOT */

static void test_dot_content(void **state)
{
	ag_graph *g = sample_graph(false);
	size_t len;
	char *dot;

	(void)state;
	dot = to_dot(g, NULL, &len);
	assert_true(strncmp(dot, "graph actorgraph {", 18) == 0); /* undirected */
	assert_null(strstr(dot, "->"));
	/* nodes are named by their ids */
	assert_non_null(strstr(dot, "\"s:ua\""));
	assert_non_null(strstr(dot, "\"m:istanbul\""));
	if (!strstr(dot, "\"p:guterres\" -- \"m:istanbul\"") && !strstr(dot, "\"m:istanbul\" -- \"p:guterres\""))
		fail_msg("edge missing:\n%s", dot);
	/* graph attributes */
	assert_non_null(strstr(dot, "layout=neato"));
	assert_non_null(strstr(dot, "overlap=prism"));
	assert_non_null(strstr(dot, "outputorder=edgesfirst"));
	assert_non_null(strstr(dot, "splines=true"));
	assert_non_null(strstr(dot, "labelloc=t"));
	assert_non_null(strstr(dot, "fontname=\"Helvetica,Arial,sans-serif\""));
	/* the documents, the dates of the drawn links' evidence (all in doc-b), the counts */
	assert_non_null(strstr(dot, "label=\"actorgraph: 2 documents, 2022-07-22\\n7 nodes, 9 links\""));
	/* encoding by type */
	assert_non_null(strstr(dot, "shape=box"));
	assert_non_null(strstr(dot, "style=\"rounded,filled\""));
	assert_non_null(strstr(dot, "shape=hexagon"));
	assert_non_null(strstr(dot, "shape=diamond"));
	/* links: affiliation dashed blue, mediator vermillion, participant purple dotted */
	assert_non_null(strstr(dot, "color=\"#0072B2\""));
	assert_non_null(strstr(dot, "color=\"#D55E00\""));
	assert_non_null(strstr(dot, "color=\"#AA4499\""));
	assert_non_null(strstr(dot, "style=dashed"));
	assert_non_null(strstr(dot, "style=dotted"));
	/* community fills by id (without a record, one of a single node too) */
	assert_non_null(strstr(dot, "fillcolor=\"#77AADD\""));
	assert_non_null(strstr(dot, "fillcolor=\"#EE8866\""));
	assert_non_null(strstr(dot, "fillcolor=\"#44BB99\""));
	/* tooltips */
	assert_non_null(strstr(dot, "type: person\\nrole: Secretary-General\\naffiliation: United Nations"));
	assert_non_null(strstr(dot, "pagerank: 0.3\\nbetweenness: 4.5"));
	assert_non_null(strstr(dot, "Istanbul talks \xE2\x80\x94 Guterres\\nco_mention \xC3\x97" "3, participant \xC3\x97" "1"));
	/* legend */
	assert_non_null(strstr(dot, "subgraph cluster_legend"));
	assert_non_null(strstr(dot, "party to meeting"));
	assert_non_null(strstr(dot, "pagerank</TD>"));
	/* written before any layout */
	assert_null(strstr(dot, "pos="));
	assert_null(strstr(dot, "bb="));
	/* no font below 10 */
	assert_null(strstr(dot, "fontsize=9"));
	assert_null(strstr(dot, "fontsize=\"9"));
	free(dot);
	ag_graph_free(g);
}

static void test_dot_deterministic(void **state)
{
	ag_graph *g1 = sample_graph(false), *g2 = sample_graph(true);
	size_t l1, l2, l3;
	char *a, *b, *c;

	(void)state;
	a = to_dot(g1, NULL, &l1);
	b = to_dot(g1, NULL, &l2);
	c = to_dot(g2, NULL, &l3);
	assert_int_equal(l1, l2);
	assert_memory_equal(a, b, l1);
	/* the same graph built in another order */
	assert_int_equal(l1, l3);
	assert_memory_equal(a, c, l1);
	free(a);
	free(b);
	free(c);
	ag_graph_free(g1);
	ag_graph_free(g2);
}

static void test_dot_options(void **state)
{
	ag_graph *g = sample_graph(false);
	ag_render_options o = AG_RENDER_OPTIONS_INIT;
	size_t len;
	char *dot, *out = NULL;

	(void)state;
	o.engine = "dot";
	o.title = "My \\N title & more";
	o.legend = 0;
	o.size_by = "betweenness";
	dot = to_dot(g, &o, &len);
	assert_non_null(strstr(dot, "layout=dot"));
	/* the title asked for, then the counts */
	assert_non_null(strstr(dot, "label=\"My \\\\N title &amp; more\\n7 nodes, 9 links\""));
	assert_null(strstr(dot, "cluster_legend"));
	free(dot);

	o = (ag_render_options)AG_RENDER_OPTIONS_INIT;
	o.engine = "bogus";
	assert_int_equal(ag_graph_to_dot(g, &o, &out, &len), AG_EINVAL);
	assert_non_null(strstr(ag_error_last(), "bogus"));
	assert_null(out);
	o.engine = NULL;
	o.size_by = "shoe_size";
	assert_int_equal(ag_graph_to_dot(g, &o, &out, &len), AG_EINVAL);
	o.size_by = NULL;
	o.version = 99;
	assert_int_equal(ag_graph_to_dot(g, &o, &out, &len), AG_EINVAL);
	assert_int_equal(ag_graph_to_dot(NULL, NULL, &out, &len), AG_EINVAL);
	assert_int_equal(ag_graph_to_dot(g, NULL, NULL, &len), AG_EINVAL);
	ag_graph_free(g);
}

/* Without metrics nodes are sized by degree (or all alike when there are no links). */
static void test_dot_fallback_sizes(void **state)
{
	ag_graph *g = NULL;
	size_t len;
	char *dot;

	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	add_node(g, "a", AG_NODE_PERSON, "A");
	add_node(g, "b", AG_NODE_PERSON, "B");
	add_node(g, "c", AG_NODE_STATE, "C");
	dot = to_dot(g, NULL, &len);
	assert_null(strstr(dot, "node size"));
	free(dot);
	add_link(g, "a", "b", AG_REL_CO_MENTION, 1);
	add_link(g, "a", "c", AG_REL_CO_MENTION, 1);
	dot = to_dot(g, NULL, &len);
	assert_non_null(strstr(dot, "node size</TD><TD ALIGN=\"LEFT\">degree"));
	free(dot);
	ag_graph_free(g);
}

static void test_dot_empty(void **state)
{
	ag_graph *g = NULL;
	size_t len;
	char *dot, *svg;

	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	dot = to_dot(g, NULL, &len);
	assert_non_null(strstr(dot, "label=\"actorgraph\\n0 nodes, 0 links\""));
	free(dot);
	svg = render(g, NULL, "svg", &len);
	assert_svg_shape(svg, len);
	free(svg);
	ag_graph_free(g);
}

static void test_dot_canon(void **state)
{
	ag_graph *g = sample_graph(false);
	size_t len;
	char *dot;

	(void)state;
	if (!have_tool("dot")) {
		ag_graph_free(g);
		skip();
	}
	dot = to_dot(g, NULL, &len);
	assert_int_equal(run_on("dot -Tcanon", ".dot", dot, len), 0);
	/* and the file lays out as it says (layout=neato), legend included */
	assert_int_equal(run_on("dot -Tsvg", ".dot", dot, len), 0);
	free(dot);
	ag_graph_free(g);
}

/* ------------------------------------------------------------ hostile text */

static void test_hostile_dot(void **state)
{
	ag_graph *g = hostile_graph();
	size_t len;
	char *dot;

	(void)state;
	dot = to_dot(g, NULL, &len);
	/* quoted as ordinary strings: never an HTML label */
	assert_non_null(strstr(dot, "label=\"<b>x</b>\""));
	assert_null(strstr(dot, "label=<<b>"));
	/* backslashes doubled in labels, quadrupled in tooltips */
	assert_non_null(strstr(dot, "label=\"\\\\N\""));
	assert_non_null(strstr(dot, "role: a\\\\\\\\Nb \\\\\\\\G <i>"));
	/* control bytes and DEL gone, entities defused */
	assert_null(memchr(dot, '\x01', len));
	assert_null(memchr(dot, '\x02', len));
	assert_null(memchr(dot, '\x7f', len));
	assert_null(strstr(dot, "&#1;"));
	assert_non_null(strstr(dot, "&amp;#1;"));
	/* invalid UTF-8 and U+FFFE replaced */
	assert_null(strstr(dot, "\xff"));
	assert_null(strstr(dot, "\xef\xbf\xbe"));
	if (have_tool("dot"))
		assert_int_equal(run_on("dot -Tcanon", ".dot", dot, len), 0);
	free(dot);
	ag_graph_free(g);
}

static void test_hostile_svg(void **state)
{
	ag_graph *g = hostile_graph();
	size_t len;
	char *svg;

	(void)state;
	svg = render(g, NULL, "svg", &len);
	assert_svg_shape(svg, len);
	assert_non_null(strstr(svg, "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
	/* \N prints as itself, not as the node name */
	assert_non_null(strstr(svg, ">\\N</text>"));
	assert_non_null(strstr(svg, "&lt;b&gt;x&lt;/b&gt;</text>"));
	assert_non_null(strstr(svg, "&amp;#1;"));
	assert_null(strstr(svg, "&#1;"));
	assert_null(strstr(svg, "&#xFFFE;"));
	/* the tooltip keeps the backslashes as they were */
	assert_non_null(strstr(svg, "role: a\\Nb \\G &lt;i&gt;"));
	if (have_tool("xmllint"))
		assert_int_equal(run_on("xmllint --noout", ".svg", svg, len), 0);
	free(svg);
	ag_graph_free(g);
}

/* agwrite breaks long lines: long values full of escapes must survive it. */
static void test_long_escapes(void **state)
{
	ag_graph *g = NULL;
	char label[2048];
	size_t len, k = 0;
	char *dot, *svg;

	(void)state;
	for (int i = 0; i < 300; i++) {
		const char *piece = (i % 3 == 0) ? "\\" : (i % 3 == 1) ? "\"" : "x ";
		k += (size_t)snprintf(label + k, sizeof(label) - k, "%s", piece);
	}
	assert_int_equal(ag_graph_new(&g), 0);
	add_node(g, label, AG_NODE_PERSON, label);
	add_node(g, "b\\", AG_NODE_PERSON, "b\\");
	add_link(g, label, "b\\", AG_REL_CO_MENTION, 1);
	dot = to_dot(g, NULL, &len);
	if (have_tool("dot"))
		assert_int_equal(run_on("dot -Tcanon", ".dot", dot, len), 0);
	free(dot);
	svg = render(g, NULL, "svg", &len);
	assert_svg_shape(svg, len);
	if (have_tool("xmllint"))
		assert_int_equal(run_on("xmllint --noout", ".svg", svg, len), 0);
	free(svg);
	ag_graph_free(g);
}

/* ------------------------------------------------------------ rendering */

static void test_render_svg(void **state)
{
	ag_graph *g = sample_graph(false);
	size_t len;
	char *svg;

	(void)state;
	svg = render(g, NULL, "svg", &len);
	assert_svg_shape(svg, len);
	for (size_t i = 0; i < g->n_nodes; i++) {
		char text[128];
		snprintf(text, sizeof(text), ">%s</text>", g->nodes[i].label);
		if (!strstr(svg, text))
			fail_msg("label %s missing from the SVG", g->nodes[i].label);
	}
	/* tooltips become xlink:title, with line breaks */
	assert_non_null(strstr(svg, "xlink:title=\"Guterres&#10;type: person&#10;role: Secretary&#45;General") ||
	                strstr(svg, "xlink:title=\"Guterres&#10;type: person&#10;role: Secretary-General"));
	assert_non_null(strstr(svg, ">Legend</text>"));
	assert_non_null(strstr(svg, ">party to meeting</text>"));
	if (have_tool("xmllint"))
		assert_int_equal(run_on("xmllint --noout", ".svg", svg, len), 0);
	free(svg);
	ag_graph_free(g);
}

static void test_render_engines(void **state)
{
	static const char *const engines[] = {"sfdp", "neato", "fdp", "dot", "circo", "twopi"};
	ag_graph *g = sample_graph(false);
	ag_render_options o = AG_RENDER_OPTIONS_INIT;
	size_t len;
	char *out = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(engines) / sizeof(engines[0]); i++) {
		o.engine = engines[i];
		o.legend = (int)(i % 2);
		out = render(g, &o, "svg", &len);
		assert_svg_shape(out, len);
		assert_true((strstr(out, ">Legend</text>") != NULL) == (o.legend != 0));
		free(out);
	}
	o.engine = "nop2"; /* used inside, not offered */
	out = NULL;
	assert_int_equal(ag_graph_render(g, &o, "svg", &out, &len), AG_EINVAL);
	assert_null(out);
	ag_graph_free(g);
}

static void test_render_formats(void **state)
{
	ag_graph *g = sample_graph(false);
	size_t len;
	char *out = NULL;

	(void)state;
	out = render(g, NULL, "png", &len);
	assert_true(len > 8);
	assert_memory_equal(out, "\x89PNG\r\n\x1a\n", 8);
	free(out);
	out = render(g, NULL, "pdf", &len);
	assert_true(len > 5);
	assert_memory_equal(out, "%PDF-", 5);
	free(out);
	out = NULL;
	assert_int_equal(ag_graph_render(g, NULL, "gif", &out, &len), AG_EINVAL);
	assert_null(out);
	assert_int_equal(ag_graph_render(g, NULL, NULL, &out, &len), AG_EINVAL);
	ag_graph_free(g);
}

/* Larger graphs get sfdp and straight edges by default. */
static void test_render_large(void **state)
{
	ag_graph *g = NULL;
	char id[32];
	size_t len;
	char *dot, *svg;

	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	for (int i = 0; i < 200; i++) {
		snprintf(id, sizeof(id), "n%03d", i);
		add_node(g, id, (ag_node_type)(i % 4), id);
		g->nodes[i].community = i / 20;
	}
	for (size_t i = 1; i < 200; i++)
		assert_int_equal(ag_graph_add_link(g, i, (i * 7) % i, (ag_relation)(i % 6), 1 + (unsigned)(i % 3), NULL), 0);
	dot = to_dot(g, NULL, &len);
	assert_non_null(strstr(dot, "layout=sfdp"));
	assert_non_null(strstr(dot, "splines=false"));
	free(dot);
	svg = render(g, NULL, "svg", &len);
	assert_svg_shape(svg, len);
	free(svg);
	ag_graph_free(g);
}

static void *render_thread(void *arg)
{
	ag_graph *g = arg;
	for (int i = 0; i < 3; i++) {
		char *out = NULL;
		size_t len;
		if (ag_graph_render(g, NULL, "svg", &out, &len) != 0 || !out || len < 100)
			return (void *)1;
		free(out);
		if (ag_graph_to_dot(g, NULL, &out, &len) != 0)
			return (void *)1;
		free(out);
	}
	return NULL;
}

/* Separate graphs from separate threads: the Graphviz section is serialised. */
static void test_render_threads(void **state)
{
	pthread_t t[4];
	ag_graph *g[4];
	void *res;

	(void)state;
	for (int i = 0; i < 4; i++) {
		g[i] = sample_graph(i % 2);
		ag_graph_sort(g[i]);
	}
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, render_thread, g[i]), 0);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], &res), 0);
		assert_null(res);
		ag_graph_free(g[i]);
	}
}


/* ------------------------------------------------------------ one encoding for every view */

/* The fillcolor of DOT node `name` ("" when it has the default). */
static void dot_fill(const char *dot, const char *name, char *out, size_t size)
{
	char key[128];
	const char *at, *end, *f;

	snprintf(key, sizeof(key), "\t\"%s\"\t[", name);
	at = strstr(dot, key);
	if (!at)
		fail_msg("node %s not in the DOT", name);
	end = strstr(at, "];");
	f = strstr(at, "fillcolor=\"");
	out[0] = '\0';
	if (f && f < end) {
		size_t n = strcspn(f + 11, "\"");
		snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), f + 11);
	}
}

/* 34 communities of 2 nodes: the fill and pattern are by id, whatever the view. */
static ag_graph *many_communities(void)
{
	ag_graph *g = NULL;
	char id[32];

	assert_int_equal(ag_graph_new(&g), 0);
	for (int c = 0; c < 34; c++)
		for (int k = 0; k < 2; k++) {
			size_t i;
			snprintf(id, sizeof(id), "p:c%02d-%d", c, k);
			i = add_node(g, id, AG_NODE_PERSON, id);
			g->nodes[i].community = c;
		}
	for (size_t i = 1; i < g->n_nodes; i++)
		assert_int_equal(ag_graph_add_link(g, i - 1, i, AG_REL_CO_MENTION, 1 + (unsigned)(i % 3), NULL), 0);
	assert_int_equal(ag_graph_sort(g), 0);
	return g;
}

static void test_fill_by_id(void **state)
{
	ag_graph *g = many_communities();
	size_t len;
	char *dot, fill[64];

	(void)state;
	dot = to_dot(g, NULL, &len);
	dot_fill(dot, "p:c00-0", fill, sizeof(fill));
	assert_string_equal(fill, "#77AADD");
	dot_fill(dot, "p:c07-1", fill, sizeof(fill));
	assert_string_equal(fill, "#AAAA00");
	/* past the palette: the same colours with a double border, half filled, both */
	dot_fill(dot, "p:c09-0", fill, sizeof(fill));
	assert_string_equal(fill, "#EE8866");
	assert_non_null(strstr(dot, "\t\"p:c09-0\"\t[") && strstr(strstr(dot, "\t\"p:c09-0\"\t["), "peripheries=2"));
	dot_fill(dot, "p:c17-0", fill, sizeof(fill));
	assert_string_equal(fill, "#EE8866;0.5:#FFFFFF");
	dot_fill(dot, "p:c25-0", fill, sizeof(fill));
	assert_string_equal(fill, "#EE8866;0.5:#FFFFFF");
	/* then round again */
	dot_fill(dot, "p:c33-0", fill, sizeof(fill));
	assert_string_equal(fill, "#EE8866");
	/* the legend names them (no hub known: the largest drawn member) */
	assert_non_null(strstr(dot, "p:c00-"));
	assert_non_null(strstr(dot, "+1</TD>"));
	assert_non_null(strstr(dot, "(double)</TD>"));
	assert_non_null(strstr(dot, "+ 22 more communities"));
	free(dot);
	ag_graph_free(g);
}

/* A stored colour wins; a bad one is ignored for the rule; the record names the hub. */
static void test_stored_colours(void **state)
{
	ag_graph *g = sample_graph(false);
	json_error_t err;
	json_t *recs = json_loads("[{\"id\": 0, \"size\": 40, \"hub\": \"s:ua\", \"color\": \"#123abc\", \"pattern\": \"double\"},"
	                          " {\"id\": 1, \"size\": 9, \"hub\": \"gone\", \"hub_label\": \"Somebody\", "
	                          "  \"color\": \"red;x\"},"
	                          " {\"id\": 2, \"size\": 1, \"hub\": \"o:un\"}]", 0, &err);
	size_t len;
	char *dot, fill[64];

	(void)state;
	assert_non_null(recs);
	assert_int_equal(json_object_set_new(ag__graph_attrs(g), "communities", recs), 0);
	dot = to_dot(g, NULL, &len);
	dot_fill(dot, "s:ua", fill, sizeof(fill));
	assert_string_equal(fill, "#123ABC");
	assert_non_null(strstr(strstr(dot, "\t\"s:ua\"\t["), "peripheries=2"));
	dot_fill(dot, "s:ru", fill, sizeof(fill));
	assert_string_equal(fill, "#EE8866"); /* the rule for id 1 */
	dot_fill(dot, "o:un", fill, sizeof(fill));
	assert_string_equal(fill, "#FFFFFF"); /* one node: alone */
	/* named by the record: the hub, its label when the hub is not in the view, the size */
	assert_non_null(strstr(dot, ">Ukraine +39 (double)</TD>"));
	assert_non_null(strstr(dot, ">Somebody +8</TD>"));
	assert_non_null(strstr(dot, "alone in its community (1)"));
	free(dot);
	ag_graph_free(g);
}

/* The same community has the same fill in the overview, a --top cut and an --ego cut. */
static void test_same_fill_in_every_cut(void **state)
{
	ag_graph *all = many_communities(), *top = many_communities(), *ego = many_communities();
	ag_filter_options fo = AG_FILTER_OPTIONS_INIT;
	size_t len;
	char *a, *t, *e, fa[64], fb[64];

	(void)state;
	fo.top = 10;
	assert_int_equal(ag_graph_filter(top, &fo, NULL), 0);
	fo = (ag_filter_options)AG_FILTER_OPTIONS_INIT;
	fo.ego = "p:c20-0";
	assert_int_equal(ag_graph_filter(ego, &fo, NULL), 0);
	a = to_dot(all, NULL, &len);
	t = to_dot(top, NULL, &len);
	e = to_dot(ego, NULL, &len);
	for (size_t i = 0; i < top->n_nodes; i++) {
		dot_fill(a, top->nodes[i].id, fa, sizeof(fa));
		dot_fill(t, top->nodes[i].id, fb, sizeof(fb));
		assert_string_equal(fa, fb);
	}
	for (size_t i = 0; i < ego->n_nodes; i++) {
		dot_fill(a, ego->nodes[i].id, fa, sizeof(fa));
		dot_fill(e, ego->nodes[i].id, fb, sizeof(fb));
		assert_string_equal(fa, fb);
	}
	/* titles that say what is cut; the ego outlined and in the legend */
	assert_non_null(strstr(t, "label=\"actorgraph\\nThe 10 most central of 68 nodes (strength)\\n10 nodes, 0 links\""));
	assert_non_null(strstr(e, "\\nWithin 1 link of p:c20-0\\n3 nodes, 2 links\""));
	assert_non_null(strstr(strstr(e, "\t\"p:c20-0\"\t["), "color=\"#E7298A\""));
	assert_non_null(strstr(e, "centre: p:c20-0"));
	assert_null(strstr(a, "#E7298A"));
	free(a);
	free(t);
	free(e);
	ag_graph_free(all);
	ag_graph_free(top);
	ag_graph_free(ego);
}

/* The legend lists what is drawn only; plain links are "link"; a graph's name is its title. */
static void test_legend_lists_what_is_drawn(void **state)
{
	ag_graph *g = NULL;
	size_t a, b, c, len;
	char *dot, *svg;

	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	assert_int_equal(ag_graph_add_node(g, "1", AG_NODE_OTHER, NULL, &a), 0);
	assert_int_equal(ag_graph_add_node(g, "2", AG_NODE_OTHER, NULL, &b), 0);
	assert_int_equal(ag_graph_add_node(g, "3", AG_NODE_OTHER, NULL, &c), 0);
	/* a link read from networkx: no relation counts */
	assert_int_equal(ag_graph_add_link(g, a, b, AG_REL_OTHER, 0, NULL), 0);
	g->links[0].weight = 1;
	assert_int_equal(ag_graph_add_link(g, b, c, AG_REL_OTHER, 0, NULL), 0);
	g->links[1].weight = 2;
	assert_int_equal(json_object_set_new(ag__graph_attrs(g), "name", json_string("Zachary's Karate Club")), 0);
	assert_int_equal(ag_graph_sort(g), 0);
	dot = to_dot(g, NULL, &len);
	assert_non_null(strstr(dot, "label=\"Zachary's Karate Club\\n3 nodes, 2 links\""));
	assert_non_null(strstr(dot, ">link</TD>"));
	assert_null(strstr(dot, "co-mention"));
	assert_null(strstr(dot, ">person</TD>"));
	assert_non_null(strstr(dot, ">octagon</TD><TD ALIGN=\"LEFT\">other</TD>"));
	assert_null(strstr(dot, "mediator"));
	free(dot);
	svg = render(g, NULL, "svg", &len);
	assert_non_null(strstr(svg, ">Zachary&#39;s Karate Club</text>") || strstr(svg, ">Zachary's Karate Club</text>"));
	assert_non_null(strstr(svg, ">link</text>"));
	assert_null(strstr(svg, "co&#45;mention"));
	assert_null(strstr(svg, "co-mention"));
	/* the legend's sample of "other" is an octagon, like the nodes: a polygon of 8 corners */
	{
		const char *at = strstr(svg, "<title>legend_other</title>");
		assert_non_null(at);
		at = strstr(at, "<polygon");
		assert_non_null(at);
		size_t pts = 0;
		for (const char *p = strstr(at, "points=\""); *p && *p != '/'; p++)
			pts += *p == ',';
		assert_int_equal(pts, 9); /* 8 corners and the first again */
	}
	assert_svg_shape(svg, len);
	free(svg);
	ag_graph_free(g);
}

/* Meetings that read the same get their place and date (or id) in every diagram. */
static void test_meeting_labels(void **state)
{
	ag_graph *g = NULL;
	size_t m1, m2, m3, m4, len;
	char *dot;

	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	m1 = add_node(g, "m:ist-1", AG_NODE_MEETING, "Istanbul talks");
	m2 = add_node(g, "m:ist-2", AG_NODE_MEETING, "Istanbul talks");
	m3 = add_node(g, "m:x-1", AG_NODE_MEETING, "Talks");
	m4 = add_node(g, "m:x-2", AG_NODE_MEETING, "Talks");
	add_node(g, "m:geneva", AG_NODE_MEETING, "Geneva talks");
	assert_int_equal(ag_graph_node_set(g, m1, "start", "2025-05-16"), 0);
	assert_int_equal(ag_graph_node_set(g, m1, "place", "Istanbul"), 0);
	assert_int_equal(ag_graph_node_set(g, m2, "status", "proposed"), 0);
	assert_int_equal(ag_graph_node_set(g, m2, "first_seen", "2025-06-02"), 0);
	assert_int_equal(ag_graph_node_set(g, m3, "place", "Doha"), 0);
	assert_int_equal(ag_graph_node_set(g, m4, "place", "Doha"), 0);
	assert_int_equal(ag_graph_sort(g), 0);
	dot = to_dot(g, NULL, &len);
	assert_non_null(strstr(dot, "label=\"Istanbul talks\\n(2025-05-16)\""));
	assert_non_null(strstr(dot, "label=\"Istanbul talks\\n(proposed, seen\\n2025-06-02)\""));
	assert_non_null(strstr(dot, "label=\"Talks (Doha) [m:x-1]\""));
	assert_non_null(strstr(dot, "label=\"Talks (Doha) [m:x-2]\""));
	assert_non_null(strstr(dot, "label=\"Geneva talks\""));
	free(dot);
	ag_graph_free(g);
}

/* A large graph: an image draws the most central of each type, to max_nodes. */
static ag_graph *typed_graph(size_t n)
{
	ag_graph *g = NULL;
	char id[32];

	assert_int_equal(ag_graph_new(&g), 0);
	for (size_t i = 0; i < n; i++) {
		/* states are the most central, by far; persons the most numerous */
		ag_node_type t = i % 10 < 6 ? AG_NODE_PERSON : i % 10 < 8 ? AG_NODE_STATE : i % 10 < 9 ? AG_NODE_MEETING
		                                                                                     : AG_NODE_ORGANIZATION;
		snprintf(id, sizeof(id), "%s:n%04zu", ag_node_type_name(t), i);
		add_node(g, id, t, id);
	}
	assert_int_equal(ag_graph_sort(g), 0);
	for (size_t i = 0; i < n; i++) {
		double pr = g->nodes[i].type == AG_NODE_STATE ? 1.0 + (double)i / (double)n : (double)i / (double)n;
		set_metric(g, g->nodes[i].id, "pagerank", pr);
		g->nodes[i].community = (int)(i % 5);
		if (i)
			assert_int_equal(ag_graph_add_link(g, i - 1, i, AG_REL_CO_MENTION, 1, NULL), 0);
	}
	assert_int_equal(ag_graph_sort(g), 0);
	return g;
}

static size_t count_of(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_render_cap(void **state)
{
	ag_graph *g = typed_graph(120);
	ag_render_options o = AG_RENDER_OPTIONS_INIT;
	size_t len;
	char *svg;

	(void)state;
	o.max_nodes = 20;
	o.legend = 0;
	svg = render(g, &o, "svg", &len);
	/* the 24 states would take every place by PageRank: each type gets its
	 * share first (20 / (2 x 4 types) = 2), the rest go by PageRank */
	assert_int_equal(count_of(svg, "class=\"node\">\n<title>person:"), 2);
	assert_int_equal(count_of(svg, "class=\"node\">\n<title>meeting:"), 2);
	assert_int_equal(count_of(svg, "class=\"node\">\n<title>organization:"), 2);
	assert_int_equal(count_of(svg, "class=\"node\">\n<title>state:"), 14);
	assert_non_null(strstr(svg, ">The 20 most central of 120 nodes by PageRank, the top 2 of each type first</text>"));
	free(svg);
	/* 0: every node; a version 1 struct too */
	o.max_nodes = 0;
	svg = render(g, &o, "svg", &len);
	assert_int_equal(count_of(svg, "class=\"node\""), 120);
	assert_null(strstr(svg, "most central"));
	free(svg);
	o.version = 1;
	o.max_nodes = 5; /* not read */
	svg = render(g, &o, "svg", &len);
	assert_int_equal(count_of(svg, "class=\"node\""), 120);
	free(svg);
	ag_graph_free(g);
}

static void test_render_cap_ego(void **state)
{
	ag_graph *g = typed_graph(120);
	ag_filter_options fo = AG_FILTER_OPTIONS_INIT;
	ag_render_options o = AG_RENDER_OPTIONS_INIT;
	size_t len;
	char *svg;

	(void)state;
	fo.ego = "person:n0000"; /* the least central node */
	fo.radius = 200;
	assert_int_equal(ag_graph_filter(g, &fo, NULL), 0);
	o.max_nodes = 10;
	o.legend = 0;
	svg = render(g, &o, "svg", &len);
	/* the ego is drawn whatever its rank, and marked */
	assert_non_null(strstr(svg, "<title>person:n0000</title>"));
	assert_non_null(strstr(svg, "stroke=\"#e7298a\""));
	assert_non_null(strstr(svg, ">Within 200 links of person:n0000</text>"));
	free(svg);
	ag_graph_free(g);
}

/* Dense links are thinned to each node's strongest. */
static void test_render_thin(void **state)
{
	ag_graph *g = NULL;
	ag_render_options o = AG_RENDER_OPTIONS_INIT;
	char id[32];
	size_t len;
	char *svg;

	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	for (int i = 0; i < 40; i++) {
		snprintf(id, sizeof(id), "p:%02d", i);
		add_node(g, id, AG_NODE_PERSON, id);
	}
	for (size_t i = 0; i < 40; i++)
		for (size_t j = i + 1; j < 40; j++)
			assert_int_equal(ag_graph_add_link(g, i, j, AG_REL_CO_MENTION, 1 + (unsigned)((i * j) % 7), NULL), 0);
	assert_int_equal(ag_graph_sort(g), 0);
	o.legend = 0;
	o.engine = "sfdp";
	svg = render(g, &o, "svg", &len);
	assert_true(count_of(svg, "class=\"edge\"") <= 40 * 4);
	assert_true(count_of(svg, "class=\"edge\"") >= 40 * 4 / 2);
	assert_non_null(strstr(svg, ">Each node&#39;s 4 strongest links: ") || strstr(svg, ">Each node's 4 strongest links: "));
	assert_non_null(strstr(svg, " of 780</text>"));
	free(svg);
	o.max_nodes = 0; /* draw everything */
	svg = render(g, &o, "svg", &len);
	assert_int_equal(count_of(svg, "class=\"edge\""), 780);
	free(svg);
	ag_graph_free(g);
}

typedef struct {
	char steps[8][16];
	size_t n, nodes;
} progress_log;

static void on_progress(const ag_render_progress *p, void *ctx)
{
	progress_log *log = ctx;
	if (log->n < 8)
		snprintf(log->steps[log->n++], sizeof(log->steps[0]), "%s", p->step ? p->step : "done");
	log->nodes = p->nodes;
}

static void test_render_progress(void **state)
{
	ag_graph *g = typed_graph(40);
	ag_render_options o = AG_RENDER_OPTIONS_INIT;
	progress_log log = {{{0}}, 0, 0};
	size_t len;
	char *svg;

	(void)state;
	o.progress_cb = on_progress;
	o.progress_ctx = &log;
	o.max_nodes = 30;
	svg = render(g, &o, "svg", &len);
	free(svg);
	assert_int_equal(log.n, 4);
	assert_string_equal(log.steps[0], "layout");
	assert_string_equal(log.steps[1], "legend");
	assert_string_equal(log.steps[2], "render");
	assert_string_equal(log.steps[3], "done");
	assert_int_equal(log.nodes, 30);
	ag_graph_free(g);
}

/* The colours the analysis stores are the renderer's rule: the same DOT with
 * and without them (40 pairs: past the palette and the patterns; 3 alone). */
static void test_analysis_colours_are_the_rule(void **state)
{
	ag_graph *g = NULL;
	json_t *recs, *rec;
	char id[32], *a, *b;
	size_t la, lb, k;

	(void)state;
	assert_int_equal(ag_graph_new(&g), 0);
	for (int i = 0; i < 83; i++) {
		snprintf(id, sizeof(id), "p:%02d", i);
		add_node(g, id, AG_NODE_PERSON, id);
	}
	for (size_t i = 0; i < 80; i += 2)
		assert_int_equal(ag_graph_add_link(g, i, i + 1, AG_REL_CO_MENTION, 1 + (unsigned)(i % 5), NULL), 0);
	assert_int_equal(ag_graph_sort(g), 0);
	assert_int_equal(ag_analyze(g, NULL), 0);
	recs = json_object_get(g->attrs, "communities");
	assert_int_equal(json_array_size(recs), 43);
	json_array_foreach(recs, k, rec) {
		assert_true(json_is_string(json_object_get(rec, "color")));
		assert_true(json_is_string(json_object_get(rec, "pattern")));
		assert_true(json_is_string(json_object_get(rec, "hub_label")));
	}
	assert_string_equal(json_string_value(json_object_get(json_array_get(recs, 9), "pattern")), "double");
	assert_string_equal(json_string_value(json_object_get(json_array_get(recs, 42), "color")), "#FFFFFF");
	a = to_dot(g, NULL, &la);
	json_array_foreach(recs, k, rec) {
		json_object_del(rec, "color");
		json_object_del(rec, "pattern");
	}
	b = to_dot(g, NULL, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	free(a);
	free(b);
	ag_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dot_content),
		cmocka_unit_test(test_dot_deterministic),
		cmocka_unit_test(test_dot_options),
		cmocka_unit_test(test_dot_fallback_sizes),
		cmocka_unit_test(test_dot_empty),
		cmocka_unit_test(test_dot_canon),
		cmocka_unit_test(test_hostile_dot),
		cmocka_unit_test(test_hostile_svg),
		cmocka_unit_test(test_long_escapes),
		cmocka_unit_test(test_render_svg),
		cmocka_unit_test(test_render_engines),
		cmocka_unit_test(test_render_formats),
		cmocka_unit_test(test_render_large),
		cmocka_unit_test(test_render_threads),
		cmocka_unit_test(test_fill_by_id),
		cmocka_unit_test(test_stored_colours),
		cmocka_unit_test(test_same_fill_in_every_cut),
		cmocka_unit_test(test_legend_lists_what_is_drawn),
		cmocka_unit_test(test_meeting_labels),
		cmocka_unit_test(test_render_cap),
		cmocka_unit_test(test_render_cap_ego),
		cmocka_unit_test(test_render_thin),
		cmocka_unit_test(test_render_progress),
		cmocka_unit_test(test_analysis_colours_are_the_rule),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
