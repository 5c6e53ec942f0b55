/*
 * import_json.c - reading node-link JSON: ours, or any networkx/D3 graph
 * (integer or string ids, "links" or "edges", extra attributes kept).
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "actorgraph/export.h"
#include "graph/graph_int.h"

/* Ids may be strings or integers; anything else is an error. */
static int id_string(const json_t *v, char *buf, size_t size, const char **out, bool *numeric)
{
	if (json_is_string(v)) {
		*out = json_string_value(v);
		*numeric = false;
		return 0;
	}
	if (json_is_integer(v)) {
		snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		*out = buf;
		*numeric = true;
		return 0;
	}
	return -1;
}

static const char *const link_known[] = {
	"source", "target", "weight", "relations", "evidence", "evidence_count", "example", NULL};

static bool is_known(const char *const *list, const char *key)
{
	for (; *list; list++)
		if (strcmp(*list, key) == 0)
			return true;
	return false;
}

static int keep_extra(json_t **extra, const char *key, json_t *v)
{
	if (!*extra && !(*extra = json_object()))
		return ag__enomem();
	return json_object_set(*extra, key, v) < 0 ? ag__enomem() : 0;
}

static int read_node(ag_graph *g, const json_t *jn, size_t pos, const char *name, bool *all_numeric)
{
	char buf[32];
	const char *id, *key;
	bool numeric;
	json_t *v, *label = json_object_get(jn, "label"), *type = json_object_get(jn, "type");
	ag_node_type t = AG_NODE_OTHER;
	size_t idx, before = g->n_nodes;
	ag_node *n;
	int rc;

	if (!json_is_object(jn))
		return ag__error(AG_EINVAL, "%s: node %zu is not an object", name, pos);
	if (id_string(json_object_get(jn, "id"), buf, sizeof(buf), &id, &numeric) < 0)
		return ag__error(AG_EINVAL, "%s: node %zu has no string or integer \"id\"", name, pos);
	if (!*id)
		return ag__error(AG_EINVAL, "%s: node %zu has an empty id", name, pos);
	*all_numeric = *all_numeric && numeric;
	if (json_is_string(type) && ag_node_type_parse(json_string_value(type), &t) < 0) {
		t = AG_NODE_OTHER; /* a foreign type: kept by name */
		ag_error_clear();
	}
	if ((rc = ag_graph_add_node(g, id, t, json_is_string(label) ? json_string_value(label) : id, &idx)) < 0)
		return rc;
	if (g->n_nodes == before)
		return ag__error(AG_EINVAL, "%s: node %zu: duplicate id \"%s\"", name, pos, id);
	n = &g->nodes[idx];
	if (t == AG_NODE_OTHER && json_is_string(type) && ag__set_str(&n->type_name, json_string_value(type)) < 0)
		return AG_ENOMEM;
	json_object_foreach((json_t *)jn, key, v) {
		char **slot = ag__node_field(n, key);
		bool used = true;

		if (strcmp(key, "id") == 0 || strcmp(key, "type") == 0 || strcmp(key, "label") == 0) {
			continue;
		} else if (strcmp(key, "aliases") == 0 && json_is_array(v)) {
			size_t i;
			json_t *a;
			json_array_foreach(v, i, a)
				if (json_is_string(a) && (rc = ag__strlist_add(&n->aliases, json_string_value(a))) < 0)
					return rc;
		} else if (strcmp(key, "metrics") == 0 && json_is_object(v)) {
			const char *mk;
			json_t *mv;
			json_object_foreach(v, mk, mv) {
				int k = ag__graph_metric_slot(g, mk, true);
				if (k < 0)
					return k;
				g->nodes[idx].metrics[k] = json_is_number(mv) ? json_number_value(mv) : NAN;
			}
		} else if (strcmp(key, "community") == 0 && json_is_integer(v)) {
			json_int_t c = json_integer_value(v);
			n->community = c >= 0 && c < INT32_MAX ? (int)c : -1;
		} else if (strcmp(key, "stability") == 0 && json_is_number(v)) {
			n->stability = json_number_value(v);
		} else if (strcmp(key, "mentions") == 0 && json_is_integer(v)) {
			json_int_t c = json_integer_value(v);
			n->mentions = c > 0 && c < UINT32_MAX ? (unsigned)c : 0;
		} else if (slot && json_is_string(v)) {
			if ((rc = ag__set_str(slot, json_string_value(v))) < 0)
				return rc;
		} else if (!(slot && json_is_null(v))) {
			used = false;
		}
		if (!used && (rc = keep_extra(&n->extra, key, v)) < 0)
			return rc;
	}
	return 0;
}

static int link_end(ag_graph *g, const json_t *jl, const char *which, size_t pos,
                    const char *name, size_t *out)
{
	char buf[32];
	const char *id;
	bool numeric;
	json_t *v = json_object_get(jl, which);

	/* D3 replaces ends by node objects; accept those too. */
	if (json_is_object(v))
		v = json_object_get(v, "id");
	if (id_string(v, buf, sizeof(buf), &id, &numeric) < 0)
		return ag__error(AG_EINVAL, "%s: link %zu has no \"%s\"", name, pos, which);
	if (ag_graph_find_node(g, id, out) < 0)
		return ag__error(AG_EINVAL, "%s: link %zu: %s \"%s\" is not a node", name, pos, which, id);
	return 0;
}

static int read_link(ag_graph *g, const json_t *jl, size_t pos, const char *name, size_t *self_loops)
{
	size_t a, b, idx;
	json_t *w, *rel, *ev, *v;
	const char *key;
	double weight = 1.0;
	ag_link *l;
	int rc;

	if (!json_is_object(jl))
		return ag__error(AG_EINVAL, "%s: link %zu is not an object", name, pos);
	if ((rc = link_end(g, jl, "source", pos, name, &a)) < 0 ||
	    (rc = link_end(g, jl, "target", pos, name, &b)) < 0)
		return rc;
	if (a == b) {
		(*self_loops)++;
		return 0;
	}
	w = json_object_get(jl, "weight");
	if (w) {
		if (!json_is_number(w))
			return ag__error(AG_EINVAL, "%s: link %zu (%s -- %s): weight is not a number", name, pos,
			                 g->nodes[a].id, g->nodes[b].id);
		weight = json_number_value(w);
		if (!isfinite(weight) || weight <= 0 || weight > 1e15)
			return ag__error(AG_EINVAL, "%s: link %zu (%s -- %s): weight %g is not a positive finite number up to 1e15",
			                 name, pos, g->nodes[a].id, g->nodes[b].id, weight);
	}
	/* Create the link with no counts, then fill it in: a multigraph's parallel
	 * links, and a directed graph's links both ways, add up (counted, for the
	 * caller to say: ag_graph_read_report). */
	if (ag_graph_find_link(g, a, b, &idx) == 0)
		g->links_summed++;
	if ((rc = ag_graph_add_link(g, a, b, AG_REL_OTHER, 0, NULL)) < 0)
		return rc;
	ag_graph_find_link(g, a, b, &idx);
	l = &g->links[idx];
	l->weight += weight;
	rel = json_object_get(jl, "relations");
	if (json_is_object(rel)) {
		json_object_foreach(rel, key, v) {
			ag_relation r;
			if (json_is_integer(v) && json_integer_value(v) > 0 && ag_relation_parse(key, &r) == 0 &&
			    r != AG_REL_OTHER) {
				json_int_t c = json_integer_value(v);
				l->rel[r] += c < UINT32_MAX ? (unsigned)c : UINT32_MAX;
			} else {
				json_t *er;
				ag_error_clear();
				if (!l->extra && !(l->extra = json_object()))
					return ag__enomem();
				if (!(er = json_object_get(l->extra, "relations"))) {
					json_object_set_new(l->extra, "relations", json_object());
					er = json_object_get(l->extra, "relations");
				}
				json_object_set(er, key, v);
			}
		}
	}
	ev = json_object_get(jl, "evidence");
	if (json_is_array(ev)) {
		size_t i;
		json_t *e;
		json_array_foreach(ev, i, e) {
			json_t *d = json_object_get(e, "doc"), *s = json_object_get(e, "start"),
			       *en = json_object_get(e, "end");
			ag_evidence item;
			if (!json_is_string(d) || !json_is_integer(s) || !json_is_integer(en) ||
			    json_integer_value(s) < 0 || json_integer_value(en) < json_integer_value(s))
				return ag__error(AG_EINVAL, "%s: link %zu: evidence %zu needs \"doc\", \"start\" <= \"end\"",
				                 name, pos, i);
			if ((rc = ag_graph_add_document(g, json_string_value(d), NULL, NULL, &item.doc)) < 0)
				return rc;
			l = &g->links[idx];
			item.start = (size_t)json_integer_value(s);
			item.end = (size_t)json_integer_value(en);
			if ((rc = ag__link_add_evidence(g, l, &item)) < 0)
				return rc;
		}
		v = json_object_get(jl, "evidence_count");
		if (json_is_integer(v) && (size_t)json_integer_value(v) > json_array_size(ev))
			l->ev_total += (size_t)json_integer_value(v) - json_array_size(ev);
	}
	v = json_object_get(jl, "example");
	if (json_is_string(v) && !l->example && ag__set_str(&l->example, json_string_value(v)) < 0)
		return AG_ENOMEM;
	json_object_foreach((json_t *)jl, key, v) {
		/* a multigraph's edge key names one of several parallel links: read
		 * as one link, it names nothing */
		if (g->multigraph_input && strcmp(key, "key") == 0)
			continue;
		if (!is_known(link_known, key) && (rc = keep_extra(&l->extra, key, v)) < 0)
			return rc;
	}
	return 0;
}

/* Our content hash: 16 lowercase hex digits (another "hash" is kept as it is). */
static bool is_hash(const json_t *v)
{
	const char *s = json_string_value(v);
	if (!s || json_string_length(v) != AG_DOC_HASH_LEN)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}

static int read_documents(ag_graph *g, const json_t *docs, const char *name)
{
	size_t i;
	json_t *d;
	json_array_foreach(docs, i, d) {
		json_t *id = json_object_get(d, "id"), *path = json_object_get(d, "path"),
		       *date = json_object_get(d, "date"), *v;
		const char *key;
		size_t idx;
		int rc;
		if (!json_is_string(id))
			return ag__error(AG_EINVAL, "%s: graph.documents[%zu] has no string \"id\"", name, i);
		if ((rc = ag_graph_add_document(g, json_string_value(id),
		                                json_is_string(path) ? json_string_value(path) : NULL,
		                                json_is_string(date) ? json_string_value(date) : NULL, &idx)) < 0)
			return rc;
		if ((rc = ag__graph_source(g, name, &g->docs[idx].source)) < 0)
			return rc;
		json_object_foreach(d, key, v) {
			if (strcmp(key, "hash") == 0 && is_hash(v)) {
				memcpy(g->docs[idx].hash, json_string_value(v), AG_DOC_HASH_LEN + 1);
				continue;
			}
			if (strcmp(key, "id") && strcmp(key, "path") && strcmp(key, "date") &&
			    (rc = keep_extra(&g->docs[idx].extra, key, v)) < 0)
				return rc;
		}
	}
	return 0;
}

/* jansson reports a failed allocation inside its parser as a syntax error
 * ("invalid token", or line -1 with no text), so its allocator is wrapped
 * once, keeping whatever functions were set before, to tell the two apart:
 * the wrapper only notes, per thread, that an allocation failed. */
static json_malloc_t prev_malloc;
static json_free_t prev_free;
static _Thread_local bool alloc_failed;
static pthread_once_t alloc_once = PTHREAD_ONCE_INIT;

static void *noting_malloc(size_t n)
{
	void *p = prev_malloc(n);
	if (!p)
		alloc_failed = true;
	return p;
}

static void noting_free(void *p)
{
	prev_free(p);
}

static void wrap_alloc(void)
{
	json_get_alloc_funcs(&prev_malloc, &prev_free);
	if (!prev_malloc || !prev_free) {
		prev_malloc = malloc;
		prev_free = free;
	}
	json_set_alloc_funcs(noting_malloc, noting_free);
}

int ag_graph_from_json(const char *text, size_t len, const char *name, ag_graph **out)
{
	json_error_t err;
	json_t *root, *nodes, *links, *graph, *v;
	ag_graph *g = NULL;
	bool all_numeric = true;
	size_t i, self_loops = 0;
	int rc = 0;

	AG_CHECK_ARGS(text && name && out);
	*out = NULL;
	/* a UTF-8 byte order mark (Windows editors write one) is not JSON: skip it */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	pthread_once(&alloc_once, wrap_alloc);
	alloc_failed = false;
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!root && (alloc_failed || json_error_code(&err) == json_error_out_of_memory))
		return ag__error(AG_ENOMEM, "%s: out of memory reading the graph", name);
	if (!root)
		return ag__error(AG_EPARSE, "%s: line %d, column %d: %s", name, err.line, err.column, err.text);
	if (!json_is_object(root)) {
		rc = ag__error(AG_EINVAL, "%s: not a node-link graph (the top level is not an object)", name);
		goto cleanup;
	}
	nodes = json_object_get(root, "nodes");
	links = json_object_get(root, "links");
	if (!links)
		links = json_object_get(root, "edges");
	if (!json_is_array(nodes)) {
		rc = ag__error(AG_EINVAL, "%s: not a node-link graph (no \"nodes\" array)", name);
		goto cleanup;
	}
	if (links && !json_is_array(links)) {
		rc = ag__error(AG_EINVAL, "%s: \"links\" is not an array", name);
		goto cleanup;
	}
	if ((rc = ag_graph_new(&g)) < 0)
		goto cleanup;
	g->directed_input = json_is_true(json_object_get(root, "directed"));
	g->multigraph_input = json_is_true(json_object_get(root, "multigraph"));
	graph = json_object_get(root, "graph");
	if (json_is_object(graph)) {
		const char *key;
		json_object_foreach(graph, key, v) {
			if (strcmp(key, "documents") == 0 && json_is_array(v)) {
				if ((rc = read_documents(g, v, name)) < 0)
					goto cleanup;
			} else if (strcmp(key, "generator") != 0 && json_object_set(ag__graph_attrs(g), key, v) < 0) {
				rc = ag__enomem();
				goto cleanup;
			}
		}
	}
	json_array_foreach(nodes, i, v)
		if ((rc = read_node(g, v, i, name, &all_numeric)) < 0)
			goto cleanup;
	g->numeric_ids = g->n_nodes > 0 && all_numeric;
	if (links)
		json_array_foreach(links, i, v)
			if ((rc = read_link(g, v, i, name, &self_loops)) < 0)
				goto cleanup;
	if (self_loops && json_object_set_new(ag__graph_attrs(g), "self_loops_dropped",
	                                      json_integer((json_int_t)self_loops)) < 0) {
		rc = ag__enomem();
		goto cleanup;
	}
	g->self_loops = self_loops;
	/* documents named only by evidence were read from this file too */
	for (i = 0; i < g->n_docs; i++)
		if (!g->docs[i].source && (rc = ag__graph_source(g, name, &g->docs[i].source)) < 0)
			goto cleanup;
	if ((rc = ag_graph_sort(g)) < 0)
		goto cleanup;
	*out = g;
	g = NULL;
cleanup:
	json_decref(root);
	ag_graph_free(g);
	return rc;
}

void ag_graph_read_report(const ag_graph *g, ag_read_report *out)
{
	if (!out)
		return;
	memset(out, 0, sizeof(*out));
	if (!g)
		return;
	out->directed = g->directed_input;
	out->multigraph = g->multigraph_input;
	out->links_summed = g->links_summed;
	out->self_loops = g->self_loops;
}
