/*
 * union.c - graphs combined: the union of two graphs by id (documents, nodes
 * with their attributes merged, links with their counts, weights and
 * evidence), and the contraction of a graph's nodes into representatives
 * (what identity resolution decides; extract/resolve.c).
 */
#include <math.h>
#include <stdio.h>
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
	size_t *map = NULL, *docmap, *srcmap;
	int rc = 0;

	if (into == from)
		return ag__error(AG_EINVAL, "cannot merge a graph into itself");
	/* one block: node map, document map, then source map */
	if (!(map = malloc((from->n_nodes + from->n_docs + from->sources.count + 1) * sizeof(*map))))
		return ag__enomem();
	docmap = map + from->n_nodes;
	srcmap = docmap + from->n_docs;
	for (size_t k = 0; k < from->sources.count; k++) {
		uint32_t s;
		if ((rc = ag__graph_source(into, from->sources.items[k], &s)) < 0) {
			free(map);
			return rc;
		}
		srcmap[k] = s;
	}
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
		if (!into->docs[di].hash[0])
			memcpy(into->docs[di].hash, d->hash, sizeof(d->hash));
		if (!into->docs[di].source && d->source && d->source <= from->sources.count)
			into->docs[di].source = (uint32_t)srcmap[d->source - 1];
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

/* ---- documents seen in both graphs (a merge counts each once) ---- */

/* The name of the graph file `g` was read from, when all its documents were. */
static const char *graph_name(const ag_graph *g)
{
	return g->sources.count == 1 ? g->sources.items[0] : NULL;
}

/* "a.json (texts/x.txt, hash 0123...)", or what of it is known, `fallback`
 * standing for the file. */
static void describe_doc(const ag_graph *g, size_t i, const char *fallback, char *buf, size_t size)
{
	const ag_doc_rec *d = &g->docs[i];
	const char *src = ag__doc_source(g, i);
	int n = snprintf(buf, size, "%s", src ? src : fallback);
	if ((d->path || d->hash[0]) && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " (%s%s%s%s)", d->path ? d->path : "",
		         d->path && d->hash[0] ? ", " : "", d->hash[0] ? "hash " : "", d->hash);
}

int ag__graph_doc_overlap(const ag_graph *into, const ag_graph *from, char *note, size_t size)
{
	size_t shared = 0, from_only = 0, shared_at = 0, shared_into = 0, from_only_at = 0, into_only;
	const char *name = graph_name(from), *there;
	char a[512], b[512];

	if (note && size)
		note[0] = '\0';
	for (size_t i = 0; i < from->n_docs; i++) {
		const ag_doc_rec *d = &from->docs[i];
		size_t j;
		if (!ag__strmap_get(&into->doc_index, d->id, &j)) {
			if (!from_only++)
				from_only_at = i;
			continue;
		}
		/* a hash not known (an older graph) is taken for the same text: the id names it */
		if (d->hash[0] && into->docs[j].hash[0] && strcmp(d->hash, into->docs[j].hash) != 0) {
			describe_doc(into, j, "the graph merged into", a, sizeof(a));
			describe_doc(from, i, "the graph merged", b, sizeof(b));
			return ag__error(AG_EINVAL,
			                 "document '%s' has two different texts: %s and %s; a document id must "
			                 "name one text (extract them apart, or give one another id)",
			                 d->id, a, b);
		}
		if (!shared++) {
			shared_at = i;
			shared_into = j;
		}
	}
	if (!shared)
		return AG_DOCS_NEW;
	there = ag__doc_source(into, shared_into);
	into_only = into->n_docs - shared;
	if (from_only && into_only) {
		size_t j = 0;
		while (j < into->n_docs && ag__strmap_get(&from->doc_index, into->docs[j].id, NULL))
			j++;
		return ag__error(AG_EINVAL,
		                 "%s%sshares %zu document%s with %s ('%s', the same text) but each has documents "
		                 "the other lacks ('%s' only there, '%s' only here): their counts cannot be told "
		                 "apart; merge graphs of separate documents",
		                 name ? name : "", name ? ": " : "", shared, shared == 1 ? "" : "s",
		                 there ? there : "the graph merged into", from->docs[shared_at].id,
		                 j < into->n_docs ? into->docs[j].id : "?", from->docs[from_only_at].id);
	}
	if (note && size)
		snprintf(note, size, "%s%s%zu document%s already merged%s%s (the same id and text, e.g. '%s'): counted once",
		         name ? name : "", name ? ": " : "", shared, shared == 1 ? "" : "s", there ? " from " : "",
		         there ? there : "", from->docs[shared_at].id);
	return from_only ? AG_DOCS_SUPERSET : AG_DOCS_SEEN;
}

int ag__graph_absorb_replacing(ag_graph *into, const ag_graph *from)
{
	ag_graph *fresh;
	int rc;
	if ((rc = ag_graph_new(&fresh)) < 0)
		return rc;
	/* the graph-level attributes of `into` stay first, as in any merge */
	fresh->attrs = into->attrs;
	into->attrs = NULL;
	rc = ag__graph_absorb(fresh, from);
	if (rc == 0) {
		ag__graph_swap(into, fresh);
	} else {
		into->attrs = fresh->attrs; /* a failure leaves `into` as it was */
		fresh->attrs = NULL;
	}
	ag_graph_free(fresh);
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
	g->multigraph_input = tmp.multigraph_input;
	g->links_summed = tmp.links_summed;
	g->self_loops = tmp.self_loops;
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
