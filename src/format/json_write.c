/*
 * export_json.c - node-link JSON, as networkx node_link_data writes it and
 * D3 reads it: {"directed", "multigraph", "graph", "nodes", "links"}.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/export.h"
#include "actorgraph/ingest.h"
#include "graph/graph_int.h"

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

static json_t *document_json(const ag_doc_rec *d)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	set_str(o, "id", d->id);
	set_str(o, "path", d->path);
	set_str(o, "date", d->date);
	if (d->hash[0])
		set_str(o, "hash", d->hash);
	add_extra(o, d->extra);
	return o;
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

/*
 * The document is written one element at a time: each document, node and
 * link becomes a small jansson value, is dumped, indented to its depth and
 * freed, so that memory follows the largest element, not the graph.  The
 * bytes are those json_dumps(JSON_INDENT(1)) gives for the whole tree.
 */
typedef struct {
	ag_buf out;
	char *tmp;
	size_t tmp_cap;
	int rc;
	ag_output *sink; /* when set, out is handed to it every FLUSH_AT bytes */
} writer;

#define FLUSH_AT ((size_t)1 << 20)

#define DUMP_FLAGS (JSON_INDENT(1) | JSON_REAL_PRECISION(12) | JSON_ENCODE_ANY)

static void put(writer *w, const char *s, size_t n)
{
	if (w->rc == 0 && ag__buf_append(&w->out, s, n) < 0)
		w->rc = AG_ENOMEM;
}

static void flush(writer *w)
{
	if (w->sink && w->rc == 0 && w->out.len) {
		w->rc = ag_output_write(w->sink, w->out.data, w->out.len);
		w->out.len = 0;
	}
}

static void put_str(writer *w, const char *s)
{
	put(w, s, strlen(s));
}

static void newline(writer *w, int depth)
{
	static const char spaces[] = "\n                ";
	put(w, spaces, (size_t)depth + 1 < sizeof(spaces) ? (size_t)depth + 1 : sizeof(spaces) - 1);
}

/* Dump v (a reference is taken over, NULL = out of memory) as if it sat at `depth`. */
static void put_value(writer *w, json_t *v, int depth)
{
	size_t n, from;
	if (!v) {
		w->rc = AG_ENOMEM;
		return;
	}
	n = json_dumpb(v, w->tmp, w->tmp_cap, DUMP_FLAGS);
	if (n > w->tmp_cap && w->rc == 0) {
		char *t = realloc(w->tmp, n);
		if (!t) {
			w->rc = AG_ENOMEM;
		} else {
			w->tmp = t;
			w->tmp_cap = n;
			n = json_dumpb(v, w->tmp, w->tmp_cap, DUMP_FLAGS);
		}
	}
	json_decref(v);
	if (n == 0 || w->rc < 0) {
		w->rc = w->rc < 0 ? w->rc : AG_ENOMEM;
		return;
	}
	from = 0;
	for (size_t i = 0; i < n; i++) {
		if (w->tmp[i] == '\n') { /* jansson's indent, from level 0, follows ours */
			put(w, w->tmp + from, i - from);
			newline(w, depth);
			from = i + 1;
		}
	}
	put(w, w->tmp + from, n - from);
}

static void put_key(writer *w, const char *key, int depth, bool first)
{
	if (!first)
		put(w, ",", 1);
	newline(w, depth);
	put_value(w, json_string(key), depth);
	put(w, ": ", 2);
}

static json_t *doc_at(const ag_graph *g, size_t i)
{
	return document_json(&g->docs[i]);
}

static json_t *node_at(const ag_graph *g, size_t i)
{
	return node_json(g, &g->nodes[i]);
}

static json_t *link_at(const ag_graph *g, size_t i)
{
	return link_json(g, &g->links[i]);
}

/* An array of n elements made by `make`, its brackets at `depth`. */
static void put_array(writer *w, const ag_graph *g, size_t n, int depth, json_t *(*make)(const ag_graph *, size_t))
{
	if (!n) {
		put_str(w, "[]");
		return;
	}
	put(w, "[", 1);
	for (size_t i = 0; i < n && w->rc == 0; i++) {
		if (i)
			put(w, ",", 1);
		newline(w, depth + 1);
		put_value(w, make(g, i), depth + 1);
		if (w->out.len >= FLUSH_AT)
			flush(w);
	}
	newline(w, depth);
	put(w, "]", 1);
}

static int write_json(writer *w, const ag_graph *g)
{
	const char *key;
	json_t *v;

	put(w, "{", 1);
	put_key(w, "directed", 1, true);
	put_str(w, "false");
	put_key(w, "multigraph", 1, false);
	put_str(w, "false");

	put_key(w, "graph", 1, false);
	put(w, "{", 1);
	put_key(w, "generator", 2, true);
	put_value(w, json_string("actorgraph " AG_VERSION), 2);
	put_key(w, "documents", 2, false);
	put_array(w, g, g->n_docs, 2, doc_at);
	if (g->attrs) {
		json_object_foreach(g->attrs, key, v) {
			if (strcmp(key, "generator") == 0 || strcmp(key, "documents") == 0)
				continue;
			put_key(w, key, 2, false);
			put_value(w, json_incref(v), 2);
		}
	}
	newline(w, 1);
	put(w, "}", 1);

	put_key(w, "nodes", 1, false);
	put_array(w, g, g->n_nodes, 1, node_at);
	put_key(w, "links", 1, false);
	put_array(w, g, g->n_links, 1, link_at);
	newline(w, 0);
	put(w, "}\n", 2);
	flush(w);
	return w->rc;
}

int ag_graph_write_json(const ag_graph *g, const char *path)
{
	writer w = {{0}, NULL, 0, 0, NULL};
	int rc;

	AG_CHECK_ARGS(g && path);
	if ((rc = ag_output_open(path, &w.sink)) < 0)
		return rc;
	rc = write_json(&w, g);
	free(w.tmp);
	ag__buf_free(&w.out);
	if (rc < 0) {
		ag_output_abort(w.sink);
		return rc == AG_ENOMEM ? ag__error(rc, "%s: out of memory writing the graph", path) : rc;
	}
	return ag_output_commit(w.sink);
}

int ag_graph_to_json(const ag_graph *g, char **out, size_t *len)
{
	writer w = {{0}, NULL, 0, 0, NULL};
	int rc;

	AG_CHECK_ARGS(g && out);
	*out = NULL;
	rc = write_json(&w, g);
	free(w.tmp);
	if (rc < 0) {
		ag__buf_free(&w.out);
		return ag__error(rc, "out of memory writing the graph as JSON");
	}
	if (len)
		*len = w.out.len;
	*out = ag__buf_detach(&w.out);
	return *out ? 0 : ag__enomem();
}
