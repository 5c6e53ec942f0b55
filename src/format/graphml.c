/*
 * graphml.c - GraphML, for networkx read_graphml, graphology-graphml,
 * Gephi and yEd.
 *
 * Every attribute is declared once by a typed <key> (boolean, long, double,
 * string; key ids d0, d1, ... in declaration order) and written as <data>
 * only where it has a value: the columns of export_attrs.h, so nested
 * metrics and relation counts become flat attributes ("pagerank",
 * "co_mention").  Every edge has a unique id (ag__link_id).  Text goes
 * through ag__xml_escape, so the file is well-formed XML 1.0 whatever the
 * labels hold.
 */
#include <stdlib.h>

#include "actorgraph/export.h"
#include "actorgraph/ingest.h"
#include "format/attrs.h"
#include "io/output.h"

typedef struct {
	ag_buf b;       /* the document, or what of it is not written yet */
	ag_buf scratch; /* values built on the fly */
	ag_buf id;      /* link ids */
	ag_output *sink; /* when set, b goes to it every AG_OUTPUT_CHUNK bytes */
} writer;

static int flush(writer *w, bool all)
{
	return ag__output_drain(w->sink, &w->b, all ? 0 : AG_OUTPUT_CHUNK);
}

static int put(writer *w, const char *s)
{
	return ag__buf_puts(&w->b, s) < 0 ? AG_ENOMEM : 0;
}

static int put_attr(writer *w, const char *s)
{
	return ag__xml_escape(&w->b, s, 1) < 0 ? AG_ENOMEM : 0;
}

/* <key> declarations of one table; key ids continue from *next. */
static int keys(writer *w, const ag_attr_table *t, const char *domain, size_t *next)
{
	for (size_t k = 0; k < t->count; k++) {
		if (ag__buf_printf(&w->b, "  <key id=\"d%zu\" for=\"%s\" attr.name=\"", (*next)++, domain) < 0 ||
		    put_attr(w, t->cols[k].name) < 0 ||
		    ag__buf_printf(&w->b, "\" attr.type=\"%s\"/>\n", ag__attr_type_name(t->cols[k].type)) < 0)
			return AG_ENOMEM;
	}
	return 0;
}

/* The <data> elements of one row; `first` is the key id of the table's first column. */
static int row_data(writer *w, const ag_graph *g, const ag_attr_table *t, size_t first, int rows, size_t i,
                    const char *indent)
{
	for (size_t k = 0; k < t->count; k++) {
		ag_attr_value v;
		char num[64];
		int rc = rows == 0   ? ag__attr_node_value(g, i, &t->cols[k], &w->scratch, &v)
		         : rows == 1 ? ag__attr_link_value(g, i, &t->cols[k], &w->scratch, &v)
		                     : ag__attr_graph_value(g, &t->cols[k], &w->scratch, &v);
		if (rc < 0)
			return rc;
		if (rc == 0)
			continue;
		if (ag__buf_printf(&w->b, "%s<data key=\"d%zu\">", indent, first + k) < 0 ||
		    ag__xml_escape(&w->b, ag__attr_text(&v, num), 0) < 0 || put(w, "</data>\n") < 0)
			return AG_ENOMEM;
	}
	return 0;
}

/* The document into w->b, through w->sink when it is set. */
static int write_graphml(writer *w, const ag_graph *g)
{
	ag_attr_table gt = {0}, nt = {0}, lt = {0};
	size_t next = 0, g0, n0, l0;
	int rc;

	if ((rc = ag__attr_graph(g, &gt)) < 0 || (rc = ag__attr_nodes(g, &nt)) < 0 ||
	    (rc = ag__attr_links(g, &lt)) < 0)
		goto cleanup;

	if ((rc = put(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
	                  "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	                  "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
	                  "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")) < 0)
		goto cleanup;
	g0 = next;
	if ((rc = keys(w, &gt, "graph", &next)) < 0)
		goto cleanup;
	n0 = next;
	if ((rc = keys(w, &nt, "node", &next)) < 0)
		goto cleanup;
	l0 = next;
	if ((rc = keys(w, &lt, "edge", &next)) < 0 ||
	    (rc = put(w, "  <graph id=\"G\" edgedefault=\"undirected\">\n")) < 0 ||
	    (rc = row_data(w, g, &gt, g0, 2, 0, "    ")) < 0)
		goto cleanup;
	for (size_t i = 0; i < g->n_nodes; i++) {
		if ((rc = put(w, "    <node id=\"")) < 0 || (rc = put_attr(w, g->nodes[i].id)) < 0 ||
		    (rc = put(w, "\">\n")) < 0 || (rc = row_data(w, g, &nt, n0, 0, i, "      ")) < 0 ||
		    (rc = put(w, "    </node>\n")) < 0 || (rc = flush(w, false)) < 0)
			goto cleanup;
	}
	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		if ((rc = ag__link_id(g, j, &w->id)) < 0 || (rc = put(w, "    <edge id=\"")) < 0 ||
		    (rc = put_attr(w, w->id.data)) < 0 || (rc = put(w, "\" source=\"")) < 0 ||
		    (rc = put_attr(w, g->nodes[l->a].id)) < 0 || (rc = put(w, "\" target=\"")) < 0 ||
		    (rc = put_attr(w, g->nodes[l->b].id)) < 0 || (rc = put(w, "\">\n")) < 0 ||
		    (rc = row_data(w, g, &lt, l0, 1, j, "      ")) < 0 || (rc = put(w, "    </edge>\n")) < 0 ||
		    (rc = flush(w, false)) < 0)
			goto cleanup;
	}
	rc = put(w, "  </graph>\n</graphml>\n");
	if (rc == 0)
		rc = flush(w, true);

cleanup:
	if (rc == AG_ENOMEM)
		ag__enomem();
	ag__attr_table_free(&gt);
	ag__attr_table_free(&nt);
	ag__attr_table_free(&lt);
	ag__buf_free(&w->scratch);
	ag__buf_free(&w->id);
	return rc;
}

int ag_graph_to_graphml(const ag_graph *g, char **out, size_t *len)
{
	writer w = {{0}, {0}, {0}, NULL};
	int rc;

	AG_CHECK_ARGS(g && out);
	*out = NULL;
	if (len)
		*len = 0;
	if ((rc = write_graphml(&w, g)) < 0) {
		ag__buf_free(&w.b);
		return rc;
	}
	if (len)
		*len = w.b.len;
	*out = ag__buf_detach(&w.b);
	return *out ? 0 : ag__enomem();
}

static int graphml_into(void *g, ag_output *o)
{
	writer w = {{0}, {0}, {0}, o};
	int rc = write_graphml(&w, g);
	ag__buf_free(&w.b);
	return rc;
}

int ag_graph_write_graphml(const ag_graph *g, const char *path)
{
	AG_CHECK_ARGS(g && path);
	return ag__output_to_file(path, graphml_into, (void *)g);
}
