/*
 * csv.c - node and link tables as CSV.
 *
 * Cells as util/csv.h writes them (RFC 4180 quoting, formula-safe, %.12g
 * numbers whatever the locale).  Lines end with LF (not the RFC's CRLF):
 * every spreadsheet and CSV library reads both, and LF keeps the files
 * diff-friendly.  The first line is a header.  Missing values (NULL, NaN,
 * community -1, no mentions) are empty cells.
 *
 * nodes.csv: id label type affiliation role community, every metric, aliases
 * place country start end status first_seen last_seen mentions, stability
 * when some node has one, then the foreign attributes of a graph read from a
 * file (by name; arrays and objects as compact JSON), as the flat formats
 * have them (format/attrs.h).
 * edges.csv: source target weight, one count per relation, evidence_count,
 * the first evidence span (document, start, end) and the example sentence.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "actorgraph/export.h"
#include "actorgraph/ingest.h"
#include "format/attrs.h"
#include "io/output.h"
#include "graph/graph_int.h"
#include "util/csv.h"

static int finish(ag_buf *b, char **out, size_t *len)
{
	if (!b->data && ag__buf_puts(b, "") < 0)
		return AG_ENOMEM;
	if (len)
		*len = b->len;
	*out = ag__buf_detach(b);
	return 0;
}

/* The foreign attributes' columns of the flat formats, and whether some node has a stability. */
static int node_extras(const ag_graph *g, ag_attr_table *t, bool *stability)
{
	size_t k = 0;
	int rc = ag__attr_nodes(g, t);

	if (rc < 0)
		return rc;
	*stability = false;
	for (size_t c = 0; c < t->count; c++) {
		if (t->cols[c].kind == AG_COL_FIELD && t->cols[c].field == AG_NF_STABILITY)
			*stability = true;
		if (t->cols[c].kind != AG_COL_EXTRA) {
			free(t->cols[c].name);
			free(t->cols[c].key);
			continue;
		}
		t->cols[k++] = t->cols[c];
	}
	t->count = k;
	return 0;
}

int ag_graph_to_csv_nodes(const ag_graph *g, char **out, size_t *len)
{
	static const char *const head[] = {"id", "label", "type", "affiliation", "role", "community"};
	static const char *const tail[] = {"aliases", "place", "country", "start", "end", "status",
	                                   "first_seen", "last_seen", "mentions"};
	ag_buf b = {0}, aliases = {0}, scratch = {0};
	ag_attr_table extras = {0};
	bool stability = false;
	int rc;

	AG_CHECK_ARGS(g && out);
	*out = NULL;
	if (len)
		*len = 0;
	if ((rc = node_extras(g, &extras, &stability)) < 0)
		goto cleanup;

	rc = AG_ENOMEM;
	for (size_t k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		if (ag__csv_cell(&b, head[k], k == 0) < 0)
			goto cleanup;
	for (size_t k = 0; k < g->n_metrics; k++)
		if (ag__csv_cell(&b, g->metric_names[k], false) < 0)
			goto cleanup;
	for (size_t k = 0; k < sizeof(tail) / sizeof(tail[0]); k++)
		if (ag__csv_cell(&b, tail[k], false) < 0)
			goto cleanup;
	if (stability && ag__csv_cell(&b, "stability", false) < 0)
		goto cleanup;
	for (size_t k = 0; k < extras.count; k++)
		if (ag__csv_cell(&b, extras.cols[k].name, false) < 0)
			goto cleanup;
	if (ag__buf_putc(&b, '\n') < 0)
		goto cleanup;

	for (size_t i = 0; i < g->n_nodes; i++) {
		const ag_node *n = &g->nodes[i];
		const char *type = n->type == AG_NODE_OTHER && n->type_name ? n->type_name : ag_node_type_name(n->type);
		char comm[32] = "", mentions[32] = "";

		if (n->community >= 0)
			snprintf(comm, sizeof(comm), "%d", n->community);
		if (n->mentions)
			snprintf(mentions, sizeof(mentions), "%u", n->mentions);
		if (ag__csv_cell(&b, n->id, true) < 0 || ag__csv_cell(&b, n->label, false) < 0 ||
		    ag__csv_cell(&b, type, false) < 0 || ag__csv_cell(&b, n->affiliation, false) < 0 ||
		    ag__csv_cell(&b, n->role, false) < 0 || ag__csv_cell(&b, comm, false) < 0)
			goto cleanup;
		for (size_t k = 0; k < g->n_metrics; k++)
			if (ag__csv_num(&b, n->metrics ? n->metrics[k] : NAN) < 0)
				goto cleanup;
		ag__buf_clear(&aliases);
		for (size_t k = 0; k < n->aliases.count; k++)
			if ((k && ag__buf_puts(&aliases, "; ") < 0) || ag__buf_puts(&aliases, n->aliases.items[k]) < 0)
				goto cleanup;
		if (ag__csv_cell(&b, n->aliases.count ? aliases.data : NULL, false) < 0 ||
		    ag__csv_cell(&b, n->place, false) < 0 || ag__csv_cell(&b, n->country, false) < 0 ||
		    ag__csv_cell(&b, n->start, false) < 0 || ag__csv_cell(&b, n->end, false) < 0 ||
		    ag__csv_cell(&b, n->status, false) < 0 || ag__csv_cell(&b, n->first_seen, false) < 0 ||
		    ag__csv_cell(&b, n->last_seen, false) < 0 || ag__csv_cell(&b, mentions, false) < 0 ||
		    (stability && ag__csv_num(&b, n->stability) < 0))
			goto cleanup;
		for (size_t k = 0; k < extras.count; k++) {
			ag_attr_value v;
			char num[64];
			int got = ag__attr_node_value(g, i, &extras.cols[k], &scratch, &v);
			if (got < 0 || ag__csv_cell(&b, got ? ag__attr_text(&v, num) : NULL, false) < 0)
				goto cleanup;
		}
		if (ag__buf_putc(&b, '\n') < 0)
			goto cleanup;
	}
	rc = finish(&b, out, len);

cleanup:
	if (rc == AG_ENOMEM)
		ag__enomem();
	ag__buf_free(&b);
	ag__buf_free(&aliases);
	ag__buf_free(&scratch);
	ag__attr_table_free(&extras);
	return rc;
}

static int flush(ag_buf *b, ag_output *sink, bool all)
{
	return ag__output_drain(sink, b, all ? 0 : AG_OUTPUT_CHUNK);
}

/* The links' table into b, through sink when it is set. */
static int write_csv_links(const ag_graph *g, ag_buf *b, ag_output *sink)
{
	static const char *const tail[] = {"evidence_count", "first_evidence_doc", "first_evidence_start",
	                                   "first_evidence_end", "example"};
	int rc;

	if (ag__csv_cell(b, "source", true) < 0 || ag__csv_cell(b, "target", false) < 0 ||
	    ag__csv_cell(b, "weight", false) < 0)
		goto fail;
	for (int r = 0; r < AG_REL_COUNT; r++)
		if (ag__csv_cell(b, ag_relation_name((ag_relation)r), false) < 0)
			goto fail;
	for (size_t k = 0; k < sizeof(tail) / sizeof(tail[0]); k++)
		if (ag__csv_cell(b, tail[k], false) < 0)
			goto fail;
	if (ag__buf_putc(b, '\n') < 0)
		goto fail;

	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];

		if (l->a >= g->n_nodes || l->b >= g->n_nodes)
			continue;
		if (ag__csv_cell(b, g->nodes[l->a].id, true) < 0 || ag__csv_cell(b, g->nodes[l->b].id, false) < 0 ||
		    ag__csv_num(b, l->weight) < 0)
			goto fail;
		for (int r = 0; r < AG_REL_COUNT; r++)
			if (ag__csv_size(b, l->rel[r]) < 0)
				goto fail;
		if (ag__csv_size(b, l->ev_total > l->n_ev ? l->ev_total : l->n_ev) < 0)
			goto fail;
		if (l->n_ev && l->ev[0].doc < g->n_docs) {
			if (ag__csv_cell(b, g->docs[l->ev[0].doc].id, false) < 0 || ag__csv_size(b, l->ev[0].start) < 0 ||
			    ag__csv_size(b, l->ev[0].end) < 0)
				goto fail;
		} else if (ag__csv_cell(b, NULL, false) < 0 || ag__csv_cell(b, NULL, false) < 0 ||
		           ag__csv_cell(b, NULL, false) < 0) {
			goto fail;
		}
		if (ag__csv_cell(b, l->example, false) < 0 || ag__buf_putc(b, '\n') < 0)
			goto fail;
		if ((rc = flush(b, sink, false)) < 0)
			return rc;
	}
	return flush(b, sink, true);
fail:
	return ag__enomem();
}

int ag_graph_to_csv_links(const ag_graph *g, char **out, size_t *len)
{
	ag_buf b = {0};
	int rc;

	AG_CHECK_ARGS(g && out);
	*out = NULL;
	if (len)
		*len = 0;
	if ((rc = write_csv_links(g, &b, NULL)) == 0 && (rc = finish(&b, out, len)) == AG_ENOMEM)
		ag__enomem();
	ag__buf_free(&b);
	return rc;
}

static int csv_links_into(void *g, ag_output *o)
{
	ag_buf b = {0};
	int rc = write_csv_links(g, &b, o);
	ag__buf_free(&b);
	return rc;
}

int ag_graph_write_csv_links(const ag_graph *g, const char *path)
{
	AG_CHECK_ARGS(g && path);
	return ag__output_to_file(path, csv_links_into, (void *)g);
}
