/*
 * gexf.c - GEXF 1.2draft, for Gephi (with its timeline) and networkx
 * read_gexf (2.8 reads 1.1draft and 1.2draft, not 1.3).
 *
 * Node label and edge weight are GEXF's own attributes; every other column of
 * export_attrs.h is a static attribute (<attributes class="node|edge">, ids
 * 0, 1, ... per class) with an <attvalue> where it has a value.
 *
 * Time: when any date is known the graph is mode="dynamic" with
 * timeformat="date" and
 *   - a node lives in one spell, first_seen .. last_seen;
 *   - a link lives in one spell per date of the documents its (kept) evidence
 *     comes from, so the timeline shows when each tie was reported;
 *   - the graph's start and end bound all spells.
 * Partial dates ("2026-02", "2026") cover their whole month or year; other
 * strings and undated documents give no spell (the element is then always
 * present).  Spells of one element never overlap: touching or overlapping
 * ones are merged.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "actorgraph/export.h"
#include "actorgraph/ingest.h"
#include "text/dates.h"
#include "format/attrs.h"
#include "io/output.h"

typedef struct {
	char start[11], end[11];
} spell;

typedef struct {
	ag_buf b;        /* the document, or what of it is not written yet */
	ag_buf scratch;
	ag_buf id;
	spell *sp; /* one element's spells */
	size_t n_sp, cap_sp;
	char lo[11], hi[11]; /* the graph's time bounds, "" = none yet */
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

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* The first and last day a date string covers; false when it is no ISO date. */
static bool date_span(const char *s, spell *out)
{
	ag_date d;
	int m0, m1, d1;

	if (!s || !ag__date_parse_iso(s, strlen(s), &d))
		return false;
	m0 = d.month ? d.month : 1;
	m1 = d.month ? d.month : 12;
	d1 = d.day ? d.day : days_in_month(d.year, m1);
	snprintf(out->start, sizeof(out->start), "%04d-%02d-%02d", d.year, m0, d.day ? d.day : 1);
	snprintf(out->end, sizeof(out->end), "%04d-%02d-%02d", d.year, m1, d1);
	return true;
}

static int spell_cmp(const void *a, const void *b)
{
	const spell *x = a, *y = b;
	int c = strcmp(x->start, y->start);
	return c ? c : strcmp(x->end, y->end);
}

static int add_spell(writer *w, const spell *s)
{
	if (AG_GROW(w->sp, w->cap_sp, w->n_sp + 1) < 0)
		return AG_ENOMEM;
	w->sp[w->n_sp++] = *s;
	return 0;
}

/* Sort and merge the collected spells, write them, and widen the graph's bounds. */
static int put_spells(writer *w, const char *indent)
{
	size_t n = 0;

	if (!w->n_sp)
		return 0;
	qsort(w->sp, w->n_sp, sizeof(*w->sp), spell_cmp);
	for (size_t k = 1; k < w->n_sp; k++) {
		if (strcmp(w->sp[k].start, w->sp[n].end) <= 0) {
			if (strcmp(w->sp[k].end, w->sp[n].end) > 0)
				memcpy(w->sp[n].end, w->sp[k].end, sizeof(w->sp[n].end));
		} else {
			w->sp[++n] = w->sp[k];
		}
	}
	w->n_sp = n + 1;
	if (ag__buf_printf(&w->b, "%s<spells>\n", indent) < 0)
		return AG_ENOMEM;
	for (size_t k = 0; k < w->n_sp; k++)
		if (ag__buf_printf(&w->b, "%s  <spell start=\"%s\" end=\"%s\"/>\n", indent, w->sp[k].start,
		                  w->sp[k].end) < 0)
			return AG_ENOMEM;
	if (ag__buf_printf(&w->b, "%s</spells>\n", indent) < 0)
		return AG_ENOMEM;
	if (!w->lo[0] || strcmp(w->sp[0].start, w->lo) < 0)
		memcpy(w->lo, w->sp[0].start, sizeof(w->lo));
	if (!w->hi[0] || strcmp(w->sp[w->n_sp - 1].end, w->hi) > 0)
		memcpy(w->hi, w->sp[w->n_sp - 1].end, sizeof(w->hi));
	return 0;
}

/* Collect a node's spell: first_seen .. last_seen (either alone is used for both). */
static int node_spells(writer *w, const ag_node *n)
{
	spell a, b, s;
	bool ha = date_span(n->first_seen, &a), hb = date_span(n->last_seen, &b);

	w->n_sp = 0;
	if (!ha && !hb)
		return 0;
	memcpy(s.start, ha ? a.start : b.start, sizeof(s.start));
	memcpy(s.end, hb ? b.end : a.end, sizeof(s.end));
	if (strcmp(s.start, s.end) > 0)
		return 0; /* inconsistent dates: better none than a false one */
	return add_spell(w, &s);
}

static int link_spells(writer *w, const ag_graph *g, const ag_link *l)
{
	spell s;

	w->n_sp = 0;
	for (size_t k = 0; k < l->n_ev; k++) {
		int rc;
		if (l->ev[k].doc >= g->n_docs || (k && l->ev[k].doc == l->ev[k - 1].doc) ||
		    !date_span(g->docs[l->ev[k].doc].date, &s))
			continue;
		if ((rc = add_spell(w, &s)) < 0)
			return rc;
	}
	return 0;
}

/* Is this column written as a GEXF attribute (label and weight are built in)? */
static bool is_attvalue(const ag_attr_col *c)
{
	return !(c->kind == AG_COL_FIELD && (c->field == AG_NF_LABEL || c->field == AG_LF_WEIGHT));
}

static int declare(writer *w, const ag_attr_table *t, const char *cls)
{
	size_t id = 0;
	int any = 0;

	for (size_t k = 0; k < t->count; k++)
		any |= is_attvalue(&t->cols[k]);
	if (!any)
		return 0;
	if (ag__buf_printf(&w->b, "    <attributes class=\"%s\" mode=\"static\">\n", cls) < 0)
		return AG_ENOMEM;
	for (size_t k = 0; k < t->count; k++) {
		if (!is_attvalue(&t->cols[k]))
			continue;
		if (ag__buf_printf(&w->b, "      <attribute id=\"%zu\" title=\"", id++) < 0 ||
		    put_attr(w, t->cols[k].name) < 0 ||
		    ag__buf_printf(&w->b, "\" type=\"%s\"/>\n", ag__attr_type_name(t->cols[k].type)) < 0)
			return AG_ENOMEM;
	}
	return put(w, "    </attributes>\n");
}

static int attvalues(writer *w, const ag_graph *g, const ag_attr_table *t, bool links, size_t i)
{
	size_t id = 0;
	int opened = 0;

	for (size_t k = 0; k < t->count; k++) {
		ag_attr_value v;
		char num[64];
		int rc;

		if (!is_attvalue(&t->cols[k]))
			continue;
		rc = links ? ag__attr_link_value(g, i, &t->cols[k], &w->scratch, &v)
		           : ag__attr_node_value(g, i, &t->cols[k], &w->scratch, &v);
		id++;
		if (rc < 0)
			return rc;
		if (rc == 0)
			continue;
		if ((!opened++ && put(w, "        <attvalues>\n") < 0) ||
		    ag__buf_printf(&w->b, "          <attvalue for=\"%zu\" value=\"", id - 1) < 0 ||
		    put_attr(w, ag__attr_text(&v, num)) < 0 || put(w, "\"/>\n") < 0)
			return AG_ENOMEM;
	}
	return opened ? put(w, "        </attvalues>\n") : 0;
}

/* Everything before the body: XML declaration, <gexf>, <meta> and the
 * <graph> element, written once the time bounds are known. */
static int head(writer *w, const ag_graph *g, ag_buf *h)
{
	if (ag__buf_puts(h, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                   "<gexf xmlns=\"http://www.gexf.net/1.2draft\"\n"
	                   "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	                   "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
	                   "http://www.gexf.net/1.2draft/gexf.xsd\"\n"
	                   "    version=\"1.2\">\n"
	                   "  <meta>\n"
	                   "    <creator>actorgraph " AG_VERSION "</creator>\n") < 0)
		return AG_ENOMEM;
	if (g->n_docs && ag__buf_printf(h, "    <description>actor graph of %zu document%s</description>\n",
	                               g->n_docs, g->n_docs == 1 ? "" : "s") < 0)
		return AG_ENOMEM;
	if (ag__buf_puts(h, "  </meta>\n  <graph defaultedgetype=\"undirected\"") < 0)
		return AG_ENOMEM;
	if (w->lo[0] ? ag__buf_printf(h, " mode=\"dynamic\" timeformat=\"date\" start=\"%s\" end=\"%s\"", w->lo,
	                             w->hi) < 0
	             : ag__buf_puts(h, " mode=\"static\"") < 0)
		return AG_ENOMEM;
	return ag__buf_puts(h, ">\n") < 0 ? AG_ENOMEM : 0;
}

/* Widen the graph's bounds by the collected spells, as put_spells will:
 * the earliest start, the latest end. */
static void widen(writer *w)
{
	for (size_t k = 0; k < w->n_sp; k++) {
		if (!w->lo[0] || strcmp(w->sp[k].start, w->lo) < 0)
			memcpy(w->lo, w->sp[k].start, sizeof(w->lo));
		if (!w->hi[0] || strcmp(w->sp[k].end, w->hi) > 0)
			memcpy(w->hi, w->sp[k].end, sizeof(w->hi));
	}
}

/* The document into w->b, through w->sink when it is set.  The head needs
 * the graph's time bounds, so a first pass finds them. */
static int write_gexf(writer *w, const ag_graph *g)
{
	ag_attr_table nt = {0}, lt = {0};
	int rc;

	if ((rc = ag__attr_nodes(g, &nt)) < 0 || (rc = ag__attr_links(g, &lt)) < 0)
		goto cleanup;
	for (size_t i = 0; i < g->n_nodes; i++) {
		if ((rc = node_spells(w, &g->nodes[i])) < 0)
			goto cleanup;
		widen(w);
	}
	for (size_t j = 0; j < g->n_links; j++) {
		if ((rc = link_spells(w, g, &g->links[j])) < 0)
			goto cleanup;
		widen(w);
	}
	if ((rc = head(w, g, &w->b)) < 0)
		goto cleanup;

	/* the body: attribute declarations, nodes, edges */
	if ((rc = declare(w, &nt, "node")) < 0 || (rc = declare(w, &lt, "edge")) < 0 ||
	    (rc = put(w, "    <nodes>\n")) < 0)
		goto cleanup;
	for (size_t i = 0; i < g->n_nodes; i++) {
		const ag_node *n = &g->nodes[i];
		if ((rc = put(w, "      <node id=\"")) < 0 || (rc = put_attr(w, n->id)) < 0 ||
		    (rc = put(w, "\" label=\"")) < 0 || (rc = put_attr(w, n->label ? n->label : n->id)) < 0 ||
		    (rc = put(w, "\">\n")) < 0 || (rc = attvalues(w, g, &nt, false, i)) < 0 ||
		    (rc = node_spells(w, n)) < 0 || (rc = put_spells(w, "        ")) < 0 ||
		    (rc = put(w, "      </node>\n")) < 0 || (rc = flush(w, false)) < 0)
			goto cleanup;
	}
	if ((rc = put(w, "    </nodes>\n    <edges>\n")) < 0)
		goto cleanup;
	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		ag_attr_value wv = {AG_ATTR_DOUBLE, 0, 0, l->weight, NULL};
		char num[64];

		if ((rc = ag__link_id(g, j, &w->id)) < 0 || (rc = put(w, "      <edge id=\"")) < 0 ||
		    (rc = put_attr(w, w->id.data)) < 0 || (rc = put(w, "\" source=\"")) < 0 ||
		    (rc = put_attr(w, g->nodes[l->a].id)) < 0 || (rc = put(w, "\" target=\"")) < 0 ||
		    (rc = put_attr(w, g->nodes[l->b].id)) < 0 || (rc = put(w, "\"")) < 0)
			goto cleanup;
		if (isfinite(l->weight) &&
		    ((rc = put(w, " weight=\"")) < 0 || (rc = put(w, ag__attr_text(&wv, num))) < 0 ||
		     (rc = put(w, "\"")) < 0))
			goto cleanup;
		if ((rc = put(w, ">\n")) < 0 || (rc = attvalues(w, g, &lt, true, j)) < 0 ||
		    (rc = link_spells(w, g, l)) < 0 || (rc = put_spells(w, "        ")) < 0 ||
		    (rc = put(w, "      </edge>\n")) < 0 || (rc = flush(w, false)) < 0)
			goto cleanup;
	}
	if ((rc = put(w, "    </edges>\n  </graph>\n</gexf>\n")) == 0)
		rc = flush(w, true);

cleanup:
	if (rc == AG_ENOMEM)
		ag__enomem();
	ag__attr_table_free(&nt);
	ag__attr_table_free(&lt);
	ag__buf_free(&w->scratch);
	ag__buf_free(&w->id);
	free(w->sp);
	w->sp = NULL;
	return rc;
}

int ag_graph_to_gexf(const ag_graph *g, char **out, size_t *len)
{
	writer w;
	int rc;

	AG_CHECK_ARGS(g && out);
	memset(&w, 0, sizeof(w));
	*out = NULL;
	if (len)
		*len = 0;
	if ((rc = write_gexf(&w, g)) < 0) {
		ag__buf_free(&w.b);
		return rc;
	}
	if (len)
		*len = w.b.len;
	*out = ag__buf_detach(&w.b);
	return *out ? 0 : ag__enomem();
}

static int gexf_into(void *g, ag_output *o)
{
	writer w;
	int rc;
	memset(&w, 0, sizeof(w));
	w.sink = o;
	rc = write_gexf(&w, g);
	ag__buf_free(&w.b);
	return rc;
}

int ag_graph_write_gexf(const ag_graph *g, const char *path)
{
	AG_CHECK_ARGS(g && path);
	return ag__output_to_file(path, gexf_into, (void *)g);
}
