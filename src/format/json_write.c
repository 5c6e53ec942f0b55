/*
 * json_write.c - node-link JSON, as networkx node_link_data writes it and
 * D3 reads it: {"directed", "multigraph", "graph", "nodes", "links"}.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/export.h"
#include "actorgraph/ingest.h"
#include "format/json_emit.h"
#include "io/output.h"
#include "graph/graph_int.h"

/* Was `key` one of the first n members written?  (Those written are few and
 * known: the writers below list them in `keys`.) */
static bool written(const char *const *keys, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return true;
	return false;
}

/* The members in `extra` whose keys were not written. */
static void put_extra(ag_jw_obj *o, const json_t *extra, const char *const *keys, size_t n_keys)
{
	const char *key;
	json_t *v;
	if (!extra)
		return;
	json_object_foreach((json_t *)extra, key, v)
		if (!written(keys, n_keys, key))
			ag__jw_member_value(o, key, v);
}

/* The keys a writer wrote, for put_extra; a member left out for a string
 * that is not UTF-8 is not among them. */
typedef struct {
	const char *keys[24];
	size_t n;
} key_list;

/* key into kl when the member just asked for was written (o grew past `before`). */
static void mark(ag_jw_obj *o, key_list *kl, const char *key, unsigned before)
{
	if (o->n > before && kl->n < sizeof(kl->keys) / sizeof(kl->keys[0]))
		kl->keys[kl->n++] = key;
}

static void str_member(ag_jw_obj *o, key_list *kl, const char *key, const char *value)
{
	unsigned before = o->n;
	ag__jw_member_str(o, key, value);
	mark(o, kl, key, before);
}

static void int_member(ag_jw_obj *o, key_list *kl, const char *key, long long value)
{
	unsigned before = o->n;
	ag__jw_member_int(o, key, value);
	mark(o, kl, key, before);
}

static void number_member(ag_jw_obj *o, key_list *kl, const char *key, double value)
{
	unsigned before = o->n;
	ag__jw_member_number(o, key, value);
	mark(o, kl, key, before);
}

/* A node's id: an integer when the graph was read with integer ids. */
static void node_id(ag_jw_obj *o, key_list *kl, const ag_graph *g, const char *key, const char *id)
{
	if (g->numeric_ids) {
		char *end;
		long long v = strtoll(id, &end, 10);
		if (*id && !*end) {
			int_member(o, kl, key, v);
			return;
		}
	}
	str_member(o, kl, key, id);
}

static void put_document(ag_jw *w, const ag_graph *g, size_t i, int depth)
{
	const ag_doc_rec *d = &g->docs[i];
	ag_jw_obj o = ag__jw_object(w, depth);
	key_list kl = {{0}, 0};
	str_member(&o, &kl, "id", d->id);
	str_member(&o, &kl, "path", d->path);
	str_member(&o, &kl, "date", d->date);
	if (d->hash[0])
		str_member(&o, &kl, "hash", d->hash);
	put_extra(&o, d->extra, kl.keys, kl.n);
	ag__jw_object_end(&o);
}

static void put_node(ag_jw *w, const ag_graph *g, size_t i, int depth)
{
	const ag_node *n = &g->nodes[i];
	ag_jw_obj o = ag__jw_object(w, depth);
	key_list kl = {{0}, 0};

	node_id(&o, &kl, g, "id", n->id);
	str_member(&o, &kl, "label", n->label);
	str_member(&o, &kl, "type", n->type == AG_NODE_OTHER && n->type_name ? n->type_name : ag_node_type_name(n->type));
	if (ag__jw_key(&o, "aliases")) {
		ag_jw_obj a = ag__jw_array(w, depth + 1);
		kl.keys[kl.n++] = "aliases";
		for (size_t k = 0; k < n->aliases.count; k++) {
			if (!ag__jw_string_ok(n->aliases.items[k]))
				continue;
			ag__jw_item(&a);
			ag__jw_string(w, n->aliases.items[k]);
		}
		ag__jw_array_end(&a);
	}
	if (n->type == AG_NODE_PERSON || n->affiliation)
		str_member(&o, &kl, "affiliation", n->affiliation);
	if (n->type == AG_NODE_PERSON || n->role)
		str_member(&o, &kl, "role", n->role);
	if (n->type == AG_NODE_MEETING) {
		str_member(&o, &kl, "place", n->place);
		str_member(&o, &kl, "country", n->country);
		str_member(&o, &kl, "start", n->start);
		str_member(&o, &kl, "end", n->end);
		str_member(&o, &kl, "status", n->status ? n->status : "held");
	}
	if (n->first_seen || n->last_seen) {
		str_member(&o, &kl, "first_seen", n->first_seen);
		str_member(&o, &kl, "last_seen", n->last_seen);
	}
	if (n->mentions)
		int_member(&o, &kl, "mentions", n->mentions);
	if (n->metrics && g->n_metrics && ag__jw_key(&o, "metrics")) {
		ag_jw_obj m = ag__jw_object(w, depth + 1);
		kl.keys[kl.n++] = "metrics";
		for (size_t k = 0; k < g->n_metrics; k++)
			ag__jw_member_number(&m, g->metric_names[k], n->metrics[k]);
		ag__jw_object_end(&m);
	}
	if (n->community >= 0)
		int_member(&o, &kl, "community", n->community);
	if (!isnan(n->stability))
		number_member(&o, &kl, "stability", n->stability);
	put_extra(&o, n->extra, kl.keys, kl.n);
	ag__jw_object_end(&o);
}

static void put_link(ag_jw *w, const ag_graph *g, size_t i, int depth)
{
	const ag_link *l = &g->links[i];
	const json_t *extra_rel = l->extra ? json_object_get(l->extra, "relations") : NULL;
	ag_jw_obj o = ag__jw_object(w, depth);
	key_list kl = {{0}, 0};

	node_id(&o, &kl, g, "source", g->nodes[l->a].id);
	node_id(&o, &kl, g, "target", g->nodes[l->b].id);
	number_member(&o, &kl, "weight", l->weight);
	if (ag__jw_key(&o, "relations")) {
		ag_jw_obj r = ag__jw_object(w, depth + 1);
		const char *names[AG_REL_COUNT];
		size_t n_names = 0;
		kl.keys[kl.n++] = "relations";
		for (int k = 0; k < AG_REL_COUNT; k++) {
			if (l->rel[k] && k != AG_REL_OTHER) {
				names[n_names++] = ag_relation_name((ag_relation)k);
				ag__jw_member_int(&r, names[n_names - 1], l->rel[k]);
			}
		}
		if (json_is_object(extra_rel))
			put_extra(&r, extra_rel, names, n_names);
		ag__jw_object_end(&r);
	}
	if (l->ev_total) {
		if (ag__jw_key(&o, "evidence")) {
			ag_jw_obj a = ag__jw_array(w, depth + 1);
			kl.keys[kl.n++] = "evidence";
			for (size_t k = 0; k < l->n_ev; k++) {
				ag_jw_obj e;
				ag__jw_item(&a);
				e = ag__jw_object(w, depth + 2);
				ag__jw_member_str(&e, "doc", g->docs[l->ev[k].doc].id);
				ag__jw_member_int(&e, "start", (long long)l->ev[k].start);
				ag__jw_member_int(&e, "end", (long long)l->ev[k].end);
				ag__jw_object_end(&e);
			}
			ag__jw_array_end(&a);
		}
		int_member(&o, &kl, "evidence_count", (long long)l->ev_total);
	}
	if (l->example)
		str_member(&o, &kl, "example", l->example);
	put_extra(&o, l->extra, kl.keys, kl.n);
	ag__jw_object_end(&o);
}

/*
 * The document is written one element at a time, straight into the buffer
 * (json_emit.c), which goes to the file every AG_OUTPUT_CHUNK bytes, so that memory
 * follows the largest element, not the graph.  The bytes are those
 * json_dumps(JSON_INDENT(1) | JSON_REAL_PRECISION(12)) gives for the whole
 * tree.
 */

/* An array of n elements written by `put`, its brackets at `depth`. */
static void put_array(ag_jw *w, const ag_graph *g, size_t n, int depth,
                      void (*put)(ag_jw *, const ag_graph *, size_t, int))
{
	ag_jw_obj a = ag__jw_array(w, depth);
	for (size_t i = 0; i < n && w->rc == 0; i++) {
		ag__jw_item(&a);
		put(w, g, i, depth + 1);
		if (w->out.len >= AG_OUTPUT_CHUNK)
			ag__jw_flush(w);
	}
	ag__jw_array_end(&a);
}

static int write_json(ag_jw *w, const ag_graph *g)
{
	ag_jw_obj top = ag__jw_object(w, 0), gr;
	const char *key;
	json_t *v;

	ag__jw_key(&top, "directed");
	ag__jw_raw(w, "false", 5);
	ag__jw_key(&top, "multigraph");
	ag__jw_raw(w, "false", 5);

	ag__jw_key(&top, "graph");
	gr = ag__jw_object(w, 1);
	ag__jw_member_str(&gr, "generator", "actorgraph " AG_VERSION);
	ag__jw_key(&gr, "documents");
	put_array(w, g, g->n_docs, 2, put_document);
	if (g->attrs) {
		json_object_foreach(g->attrs, key, v) {
			if (strcmp(key, "generator") == 0 || strcmp(key, "documents") == 0)
				continue;
			ag__jw_member_value(&gr, key, v);
		}
	}
	ag__jw_object_end(&gr);

	ag__jw_key(&top, "nodes");
	put_array(w, g, g->n_nodes, 1, put_node);
	ag__jw_key(&top, "links");
	put_array(w, g, g->n_links, 1, put_link);
	ag__jw_object_end(&top);
	ag__jw_raw(w, "\n", 1);
	ag__jw_flush(w);
	return w->rc;
}

static int json_into(void *g, ag_output *o)
{
	ag_jw w = {{0}, NULL, 0, 0, o};
	int rc = write_json(&w, g);
	ag__jw_free(&w);
	return rc;
}

int ag_graph_write_json(const ag_graph *g, const char *path)
{
	AG_CHECK_ARGS(g && path);
	return ag__output_to_file(path, json_into, (void *)g);
}

int ag_graph_to_json(const ag_graph *g, char **out, size_t *len)
{
	ag_jw w = {{0}, NULL, 0, 0, NULL};
	int rc;

	AG_CHECK_ARGS(g && out);
	*out = NULL;
	rc = write_json(&w, g);
	free(w.tmp);
	w.tmp = NULL;
	if (rc < 0) {
		ag__jw_free(&w);
		return ag__error(rc, "out of memory writing the graph as JSON");
	}
	if (len)
		*len = w.out.len;
	*out = ag__buf_detach(&w.out);
	return *out ? 0 : ag__enomem();
}
