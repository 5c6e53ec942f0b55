/*
 * export_json.c - node-link JSON, as networkx node_link_data writes it and
 * D3 reads it: {"directed", "multigraph", "graph", "nodes", "links"}.
 */
#include <math.h>
#include <stdlib.h>

#include "actorgraph/export.h"
#include "graph_impl.h"

/* jansson steals references given to the _new setters, also on failure, so a
 * failed set needs no cleanup of the value; the object is checked at the end. */
static int set_str(json_t *o, const char *key, const char *value)
{
	return json_object_set_new(o, key, value ? json_string(value) : json_null());
}

static json_t *number(double v)
{
	if (!isfinite(v))
		return json_null();
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *node_id_value(const ag_graph *g, const char *id)
{
	if (g->numeric_ids) {
		char *end;
		long long v = strtoll(id, &end, 10);
		if (*id && !*end)
			return json_integer((json_int_t)v);
	}
	return json_string(id);
}

/* Copy the extra attributes that do not clash with ours. */
static void add_extra(json_t *o, const json_t *extra)
{
	const char *key;
	json_t *v;
	if (!extra)
		return;
	json_object_foreach((json_t *)extra, key, v)
		if (!json_object_get(o, key))
			json_object_set(o, key, v);
}

static json_t *documents_json(const ag_graph *g)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < g->n_docs; i++) {
		const ag_doc_rec *d = &g->docs[i];
		json_t *o = json_object();
		set_str(o, "id", d->id);
		set_str(o, "path", d->path);
		set_str(o, "date", d->date);
		add_extra(o, d->extra);
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *node_json(const ag_graph *g, const ag_node *n)
{
	json_t *o = json_object(), *aliases = json_array();

	json_object_set_new(o, "id", node_id_value(g, n->id));
	set_str(o, "label", n->label);
	set_str(o, "type", n->type == AG_NODE_OTHER && n->type_name ? n->type_name : ag_node_type_name(n->type));
	for (size_t i = 0; i < n->aliases.count; i++)
		json_array_append_new(aliases, json_string(n->aliases.items[i]));
	json_object_set_new(o, "aliases", aliases);
	if (n->type == AG_NODE_PERSON || n->affiliation)
		set_str(o, "affiliation", n->affiliation);
	if (n->type == AG_NODE_PERSON || n->role)
		set_str(o, "role", n->role);
	if (n->type == AG_NODE_MEETING) {
		set_str(o, "place", n->place);
		set_str(o, "country", n->country);
		set_str(o, "start", n->start);
		set_str(o, "end", n->end);
		set_str(o, "status", n->status ? n->status : "held");
	}
	if (n->first_seen || n->last_seen) {
		set_str(o, "first_seen", n->first_seen);
		set_str(o, "last_seen", n->last_seen);
	}
	if (n->mentions)
		json_object_set_new(o, "mentions", json_integer(n->mentions));
	if (n->metrics && g->n_metrics) {
		json_t *m = json_object();
		for (size_t k = 0; k < g->n_metrics; k++)
			json_object_set_new(m, g->metric_names[k], number(n->metrics[k]));
		json_object_set_new(o, "metrics", m);
	}
	if (n->community >= 0)
		json_object_set_new(o, "community", json_integer(n->community));
	if (!isnan(n->stability))
		json_object_set_new(o, "stability", number(n->stability));
	add_extra(o, n->extra);
	return o;
}

static json_t *link_json(const ag_graph *g, const ag_link *l)
{
	json_t *o = json_object(), *rel = json_object(), *ev = json_array();
	json_t *extra_rel = l->extra ? json_object_get(l->extra, "relations") : NULL;

	json_object_set_new(o, "source", node_id_value(g, g->nodes[l->a].id));
	json_object_set_new(o, "target", node_id_value(g, g->nodes[l->b].id));
	json_object_set_new(o, "weight", number(l->weight));
	for (int r = 0; r < AG_REL_COUNT; r++)
		if (l->rel[r] && r != AG_REL_OTHER)
			json_object_set_new(rel, ag_relation_name((ag_relation)r), json_integer(l->rel[r]));
	if (json_is_object(extra_rel)) {
		const char *key;
		json_t *v;
		json_object_foreach(extra_rel, key, v)
			if (!json_object_get(rel, key))
				json_object_set(rel, key, v);
	}
	json_object_set_new(o, "relations", rel);
	if (l->ev_total) {
		for (size_t i = 0; i < l->n_ev; i++) {
			json_t *e = json_object();
			set_str(e, "doc", g->docs[l->ev[i].doc].id);
			json_object_set_new(e, "start", json_integer((json_int_t)l->ev[i].start));
			json_object_set_new(e, "end", json_integer((json_int_t)l->ev[i].end));
			json_array_append_new(ev, e);
		}
		json_object_set_new(o, "evidence", ev);
		json_object_set_new(o, "evidence_count", json_integer((json_int_t)l->ev_total));
	} else {
		json_decref(ev);
	}
	if (l->example)
		set_str(o, "example", l->example);
	add_extra(o, l->extra);
	return o;
}

int ag_graph_to_json(ag_graph *g, char **out, size_t *len)
{
	json_t *root = NULL, *graph, *nodes, *links;
	char *text = NULL;
	int rc;

	*out = NULL;
	if ((rc = ag_graph_sort(g)) < 0)
		return rc;
	root = json_object();
	graph = json_object();
	nodes = json_array();
	links = json_array();
	if (!root || !graph || !nodes || !links) {
		json_decref(root);
		json_decref(graph);
		json_decref(nodes);
		json_decref(links);
		return ag__enomem();
	}
	json_object_set_new(root, "directed", json_false());
	json_object_set_new(root, "multigraph", json_false());
	json_object_set_new(graph, "generator", json_string("actorgraph " AG_VERSION));
	json_object_set_new(graph, "documents", documents_json(g));
	add_extra(graph, g->attrs);
	json_object_set_new(root, "graph", graph);
	for (size_t i = 0; i < g->n_nodes; i++)
		json_array_append_new(nodes, node_json(g, &g->nodes[i]));
	json_object_set_new(root, "nodes", nodes);
	for (size_t i = 0; i < g->n_links; i++)
		json_array_append_new(links, link_json(g, &g->links[i]));
	json_object_set_new(root, "links", links);

	text = json_dumps(root, JSON_INDENT(1) | JSON_REAL_PRECISION(12));
	json_decref(root);
	if (!text)
		return ag__enomem();
	{
		size_t n = strlen(text);
		char *t = realloc(text, n + 2);
		if (!t) {
			free(text);
			return ag__enomem();
		}
		t[n] = '\n';
		t[n + 1] = '\0';
		*out = t;
		if (len)
			*len = n + 1;
	}
	return 0;
}
