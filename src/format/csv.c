/*
 * export_csv.c - node and link tables as CSV.
 *
 * RFC 4180 quoting: a field holding a comma, a double quote, CR or LF is
 * quoted and its quotes doubled.  Lines end with LF (not the RFC's CRLF):
 * every spreadsheet and CSV library reads both, and LF keeps the files
 * diff-friendly.  The first line is a header.
 *
 * Spreadsheets run a cell that starts with '=', '+', '-', '@', tab or CR as a
 * formula; such a cell gets a leading "'" unless it is a plain number
 * ("-0.5", "+3", "1e-4").  Missing values (NULL, NaN, community -1) are
 * empty cells.  Numbers are written with %.12g, whatever the locale.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "actorgraph/export.h"
#include "graph/graph_int.h"

/* [+-]digits[.digits][e[+-]digits] or [+-].digits[...]: what a number looks like. */
static bool plain_number(const char *s)
{
	bool digits = false;

	if (*s == '+' || *s == '-')
		s++;
	while (*s >= '0' && *s <= '9') {
		s++;
		digits = true;
	}
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			s++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* Append one field (NULL = empty), preceded by a comma unless it is the first. */
static int cell(ag_buf *b, const char *s, bool first)
{
	bool guard, quote;

	if (!first && ag__buf_putc(b, ',') < 0)
		return AG_ENOMEM;
	if (!s || !*s)
		return 0;
	guard = strchr("=+-@\t\r", *s) != NULL && !plain_number(s);
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote && ag__buf_putc(b, '"') < 0)
		return AG_ENOMEM;
	if (guard && ag__buf_putc(b, '\'') < 0)
		return AG_ENOMEM;
	for (const char *p = s; *p; p++) {
		const char *q = p;
		/* copy runs without quotes in one go */
		while (*q && *q != '"')
			q++;
		if (q > p && ag__buf_append(b, p, (size_t)(q - p)) < 0)
			return AG_ENOMEM;
		if (!*q)
			break;
		if (ag__buf_puts(b, "\"\"") < 0)
			return AG_ENOMEM;
		p = q;
	}
	if (quote && ag__buf_putc(b, '"') < 0)
		return AG_ENOMEM;
	return 0;
}

/* A number cell: empty for NaN and infinities. */
static int num_cell(ag_buf *b, double v)
{
	char num[64];

	if (!isfinite(v))
		return cell(b, NULL, false);
	snprintf(num, sizeof(num), "%.12g", v);
	for (char *c = num; *c; c++)
		if (*c == ',') /* a locale with decimal commas */
			*c = '.';
	return cell(b, num, false);
}

static int size_cell(ag_buf *b, size_t v)
{
	char num[32];
	snprintf(num, sizeof(num), "%zu", v);
	return cell(b, num, false);
}

static int finish(ag_buf *b, char **out, size_t *len)
{
	if (!b->data && ag__buf_puts(b, "") < 0)
		return AG_ENOMEM;
	if (len)
		*len = b->len;
	*out = ag__buf_detach(b);
	return 0;
}

int ag_graph_to_csv_nodes(const ag_graph *g, char **out, size_t *len)
{
	static const char *const head[] = {"id", "label", "type", "affiliation", "role", "community"};
	static const char *const tail[] = {"aliases", "place", "country", "start", "end",
	                                   "status", "first_seen", "last_seen"};
	ag_buf b = {0}, aliases = {0};
	int rc;

	AG_CHECK_ARGS(g && out);
	*out = NULL;
	if (len)
		*len = 0;

	rc = AG_ENOMEM;
	for (size_t k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		if (cell(&b, head[k], k == 0) < 0)
			goto cleanup;
	for (size_t k = 0; k < g->n_metrics; k++)
		if (cell(&b, g->metric_names[k], false) < 0)
			goto cleanup;
	for (size_t k = 0; k < sizeof(tail) / sizeof(tail[0]); k++)
		if (cell(&b, tail[k], false) < 0)
			goto cleanup;
	if (ag__buf_putc(&b, '\n') < 0)
		goto cleanup;

	for (size_t i = 0; i < g->n_nodes; i++) {
		const ag_node *n = &g->nodes[i];
		const char *type = n->type == AG_NODE_OTHER && n->type_name ? n->type_name : ag_node_type_name(n->type);
		char comm[32] = "";

		if (n->community >= 0)
			snprintf(comm, sizeof(comm), "%d", n->community);
		if (cell(&b, n->id, true) < 0 || cell(&b, n->label, false) < 0 || cell(&b, type, false) < 0 ||
		    cell(&b, n->affiliation, false) < 0 || cell(&b, n->role, false) < 0 || cell(&b, comm, false) < 0)
			goto cleanup;
		for (size_t k = 0; k < g->n_metrics; k++)
			if (num_cell(&b, n->metrics ? n->metrics[k] : NAN) < 0)
				goto cleanup;
		ag__buf_clear(&aliases);
		for (size_t k = 0; k < n->aliases.count; k++)
			if ((k && ag__buf_puts(&aliases, "; ") < 0) || ag__buf_puts(&aliases, n->aliases.items[k]) < 0)
				goto cleanup;
		if (cell(&b, n->aliases.count ? aliases.data : NULL, false) < 0 || cell(&b, n->place, false) < 0 ||
		    cell(&b, n->country, false) < 0 || cell(&b, n->start, false) < 0 || cell(&b, n->end, false) < 0 ||
		    cell(&b, n->status, false) < 0 || cell(&b, n->first_seen, false) < 0 ||
		    cell(&b, n->last_seen, false) < 0 || ag__buf_putc(&b, '\n') < 0)
			goto cleanup;
	}
	rc = finish(&b, out, len);

cleanup:
	ag__buf_free(&b);
	ag__buf_free(&aliases);
	return rc;
}

int ag_graph_to_csv_links(const ag_graph *g, char **out, size_t *len)
{
	static const char *const tail[] = {"evidence_count", "first_evidence_doc", "first_evidence_start",
	                                   "first_evidence_end"};
	ag_buf b = {0};
	int rc;

	AG_CHECK_ARGS(g && out);
	*out = NULL;
	if (len)
		*len = 0;

	rc = AG_ENOMEM;
	if (cell(&b, "source", true) < 0 || cell(&b, "target", false) < 0 || cell(&b, "weight", false) < 0)
		goto cleanup;
	for (int r = 0; r < AG_REL_COUNT; r++)
		if (cell(&b, ag_relation_name((ag_relation)r), false) < 0)
			goto cleanup;
	for (size_t k = 0; k < sizeof(tail) / sizeof(tail[0]); k++)
		if (cell(&b, tail[k], false) < 0)
			goto cleanup;
	if (ag__buf_putc(&b, '\n') < 0)
		goto cleanup;

	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];

		if (l->a >= g->n_nodes || l->b >= g->n_nodes)
			continue;
		if (cell(&b, g->nodes[l->a].id, true) < 0 || cell(&b, g->nodes[l->b].id, false) < 0 ||
		    num_cell(&b, l->weight) < 0)
			goto cleanup;
		for (int r = 0; r < AG_REL_COUNT; r++)
			if (size_cell(&b, l->rel[r]) < 0)
				goto cleanup;
		if (size_cell(&b, l->ev_total > l->n_ev ? l->ev_total : l->n_ev) < 0)
			goto cleanup;
		if (l->n_ev && l->ev[0].doc < g->n_docs) {
			if (cell(&b, g->docs[l->ev[0].doc].id, false) < 0 || size_cell(&b, l->ev[0].start) < 0 ||
			    size_cell(&b, l->ev[0].end) < 0)
				goto cleanup;
		} else if (cell(&b, NULL, false) < 0 || cell(&b, NULL, false) < 0 || cell(&b, NULL, false) < 0) {
			goto cleanup;
		}
		if (ag__buf_putc(&b, '\n') < 0)
			goto cleanup;
	}
	rc = finish(&b, out, len);

cleanup:
	ag__buf_free(&b);
	return rc;
}
