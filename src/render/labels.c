/*
 * labels.c - the text each node is shown by in the diagrams.
 *
 * A node is shown by its label (or its id).  Meetings are named after their
 * place ("Istanbul talks"), so two rounds in one city read the same: those
 * whose labels fold to the same text (case and accents aside) get, in
 * brackets, their place when the label does not name it already (the city,
 * else the country's label), "proposed" for talks only talked about, and
 * their start date, or "seen" and the first date they were seen; and their
 * id when even that leaves two the same:
 *   "Istanbul talks (2025-06-02)", "Istanbul talks (proposed, seen 2026-02-10)".
 * The viewer (scripts/viewer.html) and the Python package
 * (python/actorgraph/colors.py) follow the same rule.  The node's "label"
 * field itself is data and is written as it is (JSON, CSV, GraphML...).
 */
#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "text/fold.h"

typedef struct {
	char *key; /* the folded label */
	size_t index;
} meeting_key;

static int cmp_key(const void *x, const void *y)
{
	const meeting_key *a = x, *b = y;
	int c = strcmp(a->key, b->key);
	return c ? c : (a->index > b->index) - (a->index < b->index);
}

static const char *base_label(const ag_node *n)
{
	return n->label ? n->label : n->id ? n->id : "";
}

/* The folded, trimmed form of s (a new string), or NULL when out of memory. */
static char *folded(const char *s)
{
	ag_buf b = {0};
	size_t i = 0, n;
	char *out;

	if (ag__fold(s, strlen(s), &b) < 0 || (!b.data && ag__buf_puts(&b, "") < 0)) {
		ag__buf_free(&b);
		return NULL;
	}
	while (b.data[i] == ' ')
		i++;
	n = strlen(b.data + i);
	while (n && b.data[i + n - 1] == ' ')
		n--;
	memmove(b.data, b.data + i, n);
	b.data[n] = '\0';
	b.len = n;
	out = ag__buf_detach(&b);
	return out;
}

/* The bracket of a meeting that reads like another: place, proposed, date. */
static int put_bits(ag_buf *b, const ag_graph *g, const ag_node *n, const char *key)
{
	const char *place = n->place && *n->place ? n->place : NULL;
	size_t k, bits = 0;
	int rc = 0;

	if (!place && n->country && *n->country) {
		place = n->country;
		if (ag_graph_find_node(g, n->country, &k) == 0 && g->nodes[k].label)
			place = g->nodes[k].label;
	}
	if (place) {
		char *fp = folded(place);
		if (!fp)
			return ag__enomem();
		if (*fp && !strstr(key, fp))
			rc = ag__buf_printf(b, "%s%s", bits++ ? ", " : " (", place);
		free(fp);
	}
	if (rc == 0 && n->status && strcmp(n->status, "proposed") == 0)
		rc = ag__buf_printf(b, "%sproposed", bits++ ? ", " : " (");
	if (rc == 0 && n->start && *n->start)
		rc = ag__buf_printf(b, "%s%s", bits++ ? ", " : " (", n->start);
	else if (rc == 0 && n->first_seen && *n->first_seen)
		rc = ag__buf_printf(b, "%sseen %s", bits++ ? ", " : " (", n->first_seen);
	if (rc == 0 && bits)
		rc = ag__buf_puts(b, ")");
	return rc;
}

/* Give the meetings of one group [lo, hi) of keys their brackets. */
static int tell_apart(const ag_graph *g, const meeting_key *keys, size_t lo, size_t hi, char **labels)
{
	ag_buf b = {0};
	bool *twin = NULL;
	int rc = 0;

	for (size_t k = lo; k < hi && rc == 0; k++) {
		const ag_node *n = &g->nodes[keys[k].index];
		ag__buf_clear(&b);
		if ((rc = ag__buf_puts(&b, base_label(n))) < 0 || (rc = put_bits(&b, g, n, keys[k].key)) < 0)
			break;
		free(labels[keys[k].index]);
		if (!(labels[keys[k].index] = ag__buf_detach(&b)))
			rc = ag__enomem();
	}
	/* still the same: the id tells them apart (ids are unique) */
	if (rc == 0 && !(twin = calloc(hi - lo, sizeof(*twin))))
		rc = ag__enomem();
	for (size_t k = lo; k < hi && rc == 0; k++)
		for (size_t o = lo; o < hi && !twin[k - lo]; o++)
			twin[k - lo] = o != k && strcmp(labels[keys[o].index], labels[keys[k].index]) == 0;
	for (size_t k = lo; k < hi && rc == 0; k++) {
		if (!twin[k - lo])
			continue;
		ag__buf_clear(&b);
		if ((rc = ag__buf_printf(&b, "%s [%s]", labels[keys[k].index], g->nodes[keys[k].index].id)) < 0)
			break;
		free(labels[keys[k].index]);
		if (!(labels[keys[k].index] = ag__buf_detach(&b)))
			rc = ag__enomem();
	}
	free(twin);
	ag__buf_free(&b);
	return rc;
}

int ag__render_labels(const ag_graph *g, char ***out)
{
	char **labels;
	meeting_key *keys = NULL;
	size_t n_keys = 0;
	int rc = 0;

	*out = NULL;
	if (!(labels = calloc(g->n_nodes + 1, sizeof(*labels))))
		return ag__enomem();
	for (size_t i = 0; i < g->n_nodes; i++)
		if (!(labels[i] = ag__strdup(base_label(&g->nodes[i])))) {
			rc = ag__enomem();
			goto cleanup;
		}
	if (!(keys = calloc(g->n_nodes + 1, sizeof(*keys)))) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (size_t i = 0; i < g->n_nodes; i++) {
		if (g->nodes[i].type != AG_NODE_MEETING)
			continue;
		if (!(keys[n_keys].key = folded(base_label(&g->nodes[i])))) {
			rc = ag__enomem();
			goto cleanup;
		}
		keys[n_keys++].index = i;
	}
	qsort(keys, n_keys, sizeof(*keys), cmp_key);
	for (size_t lo = 0, hi; lo < n_keys && rc == 0; lo = hi) {
		for (hi = lo + 1; hi < n_keys && strcmp(keys[hi].key, keys[lo].key) == 0; hi++)
			;
		if (hi - lo > 1)
			rc = tell_apart(g, keys, lo, hi, labels);
	}
cleanup:
	for (size_t k = 0; keys && k < n_keys; k++)
		free(keys[k].key);
	free(keys);
	if (rc < 0) {
		ag__render_labels_free(labels, g->n_nodes);
		return rc;
	}
	*out = labels;
	return 0;
}

void ag__render_labels_free(char **labels, size_t n)
{
	if (!labels)
		return;
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
}
