/*
 * union.c - graphs combined: the union of two graphs by id (documents, nodes
 * with their attributes merged, links with their counts, weights and
 * evidence), and the contraction of a graph's nodes into representatives
 * (what identity resolution decides; extract/resolve.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph_int.h"
#include "graph/union.h"


/* Deterministic pick between two labels: the longer, then the smaller. */
static bool better_label(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb)
		return la > lb;
	return strcmp(a, b) < 0;
}

static int keep_min(char **slot, const char *v)
{
	if (!v || (*slot && strcmp(*slot, v) <= 0))
		return 0;
	return ag__set_str(slot, v);
}

static int keep_max(char **slot, const char *v)
{
	if (!v || (*slot && strcmp(*slot, v) >= 0))
		return 0;
	return ag__set_str(slot, v);
}

/* Fold node `s` (of any graph) into node `d`. */
static int merge_node_attrs(ag_node *d, const ag_node *s)
{
	int rc = 0;
	if (s->label && d->label && strcmp(s->label, d->label) != 0) {
		if (better_label(s->label, d->label)) {
			if ((rc = ag__strlist_add(&d->aliases, d->label)) < 0 || (rc = ag__set_str(&d->label, s->label)) < 0)
				return rc;
		} else if ((rc = ag__strlist_add(&d->aliases, s->label)) < 0) {
			return rc;
		}
	}
	for (size_t k = 0; k < s->aliases.count; k++)
		if (strcmp(s->aliases.items[k], d->label) != 0 && (rc = ag__strlist_add(&d->aliases, s->aliases.items[k])) < 0)
			return rc;
	/* a label that became an alias of itself is dropped */
	for (size_t k = 0; k < d->aliases.count; k++) {
		if (strcmp(d->aliases.items[k], d->label) == 0) {
			free(d->aliases.items[k]);
			d->aliases.items[k] = d->aliases.items[--d->aliases.count];
			break;
		}
	}
	if ((rc = keep_min(&d->role, s->role)) < 0 || (rc = keep_min(&d->affiliation, s->affiliation)) < 0 ||
	    (rc = keep_min(&d->place, s->place)) < 0 || (rc = keep_min(&d->country, s->country)) < 0 ||
	    (rc = keep_min(&d->start, s->start)) < 0 || (rc = keep_max(&d->end, s->end)) < 0 ||
	    (rc = keep_min(&d->status, s->status)) < 0 || (rc = keep_min(&d->first_seen, s->first_seen)) < 0 ||
	    (rc = keep_max(&d->last_seen, s->last_seen)) < 0)
		return rc;
	d->mentions += s->mentions;
	if (!d->extra && s->extra) {
		d->extra = json_deep_copy(s->extra);
	} else if (d->extra && s->extra) {
		/* whose side: the same answer whatever the order of the reports */
		const char *a = json_string_value(json_object_get(d->extra, "side_of"));
		const char *b = json_string_value(json_object_get(s->extra, "side_of"));
		if (b && (!a || strcmp(b, a) < 0))
			json_object_set_new(d->extra, "side_of", json_string(b));
	}
	return 0;
}

/* ag__graph_absorb_link with the documents of `from` already in `into`:
 * docmap[i] is the index in `into` of document i of `from` (NULL: look each
 * one up by id). */
static int absorb_link(ag_graph *into, size_t a, size_t b, const ag_graph *from, const ag_link *l,
                       const size_t *docmap)
{
	size_t li;
	ag_link *d;
	int rc;

	if (a == b)
		return 0;
	if ((rc = ag__graph_add_link_at(into, a, b, AG_REL_OTHER, 0, NULL, &li)) < 0)
		return rc;
	d = &into->links[li];
	d->weight += l->weight;
	for (int r = 0; r < AG_REL_COUNT; r++)
		d->rel[r] += l->rel[r];
	for (size_t e = 0; e < l->n_ev; e++) {
		ag_evidence ev = l->ev[e];
		if (docmap)
			ev.doc = docmap[ev.doc];
		else if ((rc = ag_graph_add_document(into, from->docs[ev.doc].id, NULL, NULL, &ev.doc)) < 0)
			return rc;
		d = &into->links[li];
		if ((rc = ag__link_add_evidence(into, d, &ev)) < 0)
			return rc;
	}
	d->ev_total += l->ev_total - l->n_ev;
	if (l->example && (!d->example || strcmp(l->example, d->example) < 0) &&
	    (rc = ag__set_str(&d->example, l->example)) < 0)
		return rc;
	if (l->extra && !d->extra)
		d->extra = json_deep_copy(l->extra);
	return 0;
}

int ag__graph_absorb_link(ag_graph *into, size_t a, size_t b, const ag_graph *from, const ag_link *l)
{
	return absorb_link(into, a, b, from, l, NULL);
}

int ag__graph_absorb(ag_graph *into, const ag_graph *from)
{
	size_t *map = NULL, *docmap;
	int rc = 0;

	if (into == from)
		return ag__error(AG_EINVAL, "cannot merge a graph into itself");
	/* one block: node map, then document map */
	if (!(map = malloc((from->n_nodes + from->n_docs + 1) * sizeof(*map))))
		return ag__enomem();
	docmap = map + from->n_nodes;
	for (size_t i = 0; i < from->n_docs; i++) {
		const ag_doc_rec *d = &from->docs[i];
		size_t di;
		if ((rc = ag_graph_add_document(into, d->id, d->path, d->date, &di)) < 0) {
			free(map);
			return rc;
		}
		docmap[i] = di;
		if (d->extra && !into->docs[di].extra)
			into->docs[di].extra = json_deep_copy(d->extra);
	}
	for (size_t i = 0; i < from->n_nodes && rc == 0; i++) {
		const ag_node *s = &from->nodes[i];
		size_t before = into->n_nodes;
		if ((rc = ag_graph_add_node(into, s->id, s->type, s->label, &map[i])) < 0)
			break;
		if (into->n_nodes > before) {
			ag_node *d = &into->nodes[map[i]];
			d->community = -1;
			if (s->type_name && (rc = ag__set_str(&d->type_name, s->type_name)) < 0)
				break;
			if (s->aliases.count || s->role || s->affiliation || s->place || s->country || s->start ||
			    s->end || s->status || s->first_seen || s->last_seen || s->mentions || s->extra)
				rc = merge_node_attrs(d, s);
		} else {
			rc = merge_node_attrs(&into->nodes[map[i]], s);
		}
	}
	for (size_t i = 0; i < from->n_links && rc == 0; i++)
		rc = absorb_link(into, map[from->links[i].a], map[from->links[i].b], from, &from->links[i], docmap);
	if (rc == 0 && from->attrs) {
		const char *key;
		json_t *v;
		json_object_foreach(from->attrs, key, v)
			if (!json_object_get(ag__graph_attrs(into), key))
				json_object_set(ag__graph_attrs(into), key, v);
	}
	free(map);
	return rc;
}

int ag__graph_absorb_node(ag_graph *into, const ag_graph *from, size_t i, size_t *out)
{
	const ag_node *s = &from->nodes[i];
	int rc = ag_graph_add_node(into, s->id, s->type, s->label, out);
	if (rc == 0)
		rc = merge_node_attrs(&into->nodes[*out], s);
	if (rc == 0 && s->type_name)
		rc = ag__set_str(&into->nodes[*out].type_name, s->type_name);
	if (rc == 0 && s->metrics && from->n_metrics) {
		for (size_t k = 0; k < from->n_metrics && rc == 0; k++) {
			int slot = ag__graph_metric_slot(into, from->metric_names[k], true);
			if (slot < 0)
				rc = slot;
			else
				into->nodes[*out].metrics[slot] = s->metrics[k];
		}
	}
	if (rc == 0) {
		into->nodes[*out].community = s->community;
		into->nodes[*out].stability = s->stability;
	}
	return rc;
}

int ag__graph_swap(ag_graph *g, ag_graph *n)
{
	/* g takes n's contents; n takes g's old ones (freed by the caller) */
	ag_graph tmp = *g;
	*g = *n;
	g->directed_input = tmp.directed_input;
	g->numeric_ids = tmp.numeric_ids;
	*n = tmp;
	return 0;
}

/* Fold link `s` into link `d` (both of g, already re-pointed), as absorbing
 * them one after the other into a fresh graph would: `s` is emptied (its
 * example and extra are taken over or freed by the caller). */
static int fold_link(ag_graph *g, ag_link *d, ag_link *s)
{
	int rc;
	d->weight += s->weight;
	for (int r = 0; r < AG_REL_COUNT; r++)
		d->rel[r] += s->rel[r];
	for (size_t e = 0; e < s->n_ev; e++)
		if ((rc = ag__link_add_evidence(g, d, &s->ev[e])) < 0)
			return rc;
	d->ev_total += s->ev_total - s->n_ev;
	if (s->example && (!d->example || strcmp(s->example, d->example) < 0)) {
		free(d->example);
		d->example = s->example;
		s->example = NULL;
	}
	if (s->extra && !d->extra) {
		d->extra = s->extra;
		s->extra = NULL;
	}
	return 0;
}

/* A representative as a rebuilt graph would hold it: aliases without
 * repeats or its own label, no metrics, community or stability. */
static void fresh_rep(ag_node *d)
{
	size_t w = 0;
	for (size_t k = 0; k < d->aliases.count; k++) {
		bool drop = strcmp(d->aliases.items[k], d->label) == 0;
		for (size_t j = 0; j < w && !drop; j++)
			drop = strcmp(d->aliases.items[j], d->aliases.items[k]) == 0;
		if (drop)
			free(d->aliases.items[k]);
		else
			d->aliases.items[w++] = d->aliases.items[k];
	}
	d->aliases.count = w;
	free(d->metrics);
	d->metrics = NULL;
	d->community = -1;
	d->stability = NAN;
}

/* Fold node i into node rep[i] (rep[rep[i]] == rep[i]), in place: the
 * same graph as rebuilding it from the representatives (in index order),
 * the other nodes folded in (in index order) and the links absorbed (in
 * index order), which is how this was done before, without holding two
 * graphs at once. */
int ag__graph_contract(ag_graph *g, const size_t *rep)
{
	size_t n = g->n_nodes, m = g->n_links, kept = 0, w = 0;
	size_t *map = NULL;
	int rc = 0;

	if (!(map = malloc((n + 1) * sizeof(*map))))
		return ag__enomem();
	for (size_t i = 0; i < n; i++)
		if (rep[i] == i) {
			map[i] = kept++;
			fresh_rep(&g->nodes[i]);
		}
	/* a rebuilt graph has no metrics */
	for (size_t k = 0; k < g->n_metrics; k++)
		free(g->metric_names[k]);
	free(g->metric_names);
	g->metric_names = NULL;
	g->n_metrics = g->cap_metrics = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		ag_node *d;
		char *label;
		if (rep[i] == i)
			continue;
		map[i] = map[rep[i]];
		d = &g->nodes[rep[i]];
		/* the representative keeps its label; the other names become aliases */
		if (!(label = ag__strdup(d->label)))
			rc = AG_ENOMEM;
		if (rc == 0)
			rc = merge_node_attrs(d, &g->nodes[i]);
		if (rc == 0 && strcmp(label, d->label) != 0) {
			for (size_t k = 0; k < d->aliases.count; k++) {
				if (strcmp(d->aliases.items[k], label) == 0) {
					free(d->aliases.items[k]);
					d->aliases.items[k] = d->aliases.items[--d->aliases.count];
					break;
				}
			}
			if ((rc = ag__strlist_add(&d->aliases, d->label)) == 0) {
				free(d->label);
				d->label = label;
				label = NULL;
			}
		}
		free(label);
	}
	if (rc < 0) {
		free(map);
		return rc;
	}
	/* nodes: the representatives, in order */
	for (size_t i = 0; i < n; i++) {
		if (rep[i] != i)
			ag__node_free(&g->nodes[i]);
		else if (map[i] != i)
			g->nodes[map[i]] = g->nodes[i];
	}
	g->n_nodes = kept;
	/* links: re-pointed; the first of each pair takes the later ones in */
	ag__u64map_free(&g->link_index);
	for (size_t i = 0; i < m; i++) {
		ag_link *l = &g->links[i];
		size_t a = map[l->a], b = map[l->b], j;
		uint64_t key = ag__pair_key(a, b);
		if (rc == 0 && a != b && !ag__u64map_get(&g->link_index, key, &j)) {
			l->a = a < b ? a : b;
			l->b = a < b ? b : a;
			if (w != i)
				g->links[w] = *l;
			rc = ag__u64map_put(&g->link_index, key, w++);
			continue;
		}
		if (rc == 0 && a != b)
			rc = fold_link(g, &g->links[j], l);
		ag__link_free(l);
	}
	g->n_links = w; /* (after an error: what was kept so far) */
	free(map);
	if (rc < 0)
		return rc;
	/* node indices changed */
	ag__strmap_free(&g->node_index);
	for (size_t i = 0; i < g->n_nodes; i++)
		if (ag__strmap_put(&g->node_index, g->nodes[i].id, i) < 0)
			return ag__enomem();
	return 0;
}

int ag_graph_is_partial(const ag_graph *g)
{
	return g->attrs && json_is_true(json_object_get(g->attrs, "partial"));
}

int ag__graph_set_partial(ag_graph *g, bool partial)
{
	json_t *attrs = ag__graph_attrs(g);
	if (!attrs)
		return ag__enomem();
	if (!partial)
		json_object_del(attrs, "partial");
	else if (json_object_set_new(attrs, "partial", json_true()) < 0)
		return ag__enomem();
	return 0;
}
