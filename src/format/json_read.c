/*
 * json_read.c - reading node-link JSON: ours, or any networkx/D3 graph
 * (integer or string ids, "links" or "edges", extra attributes kept).
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "actorgraph/export.h"
#include "format/json_read.h"
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

/* ---- reading one element at a time ----------------------------------------
 *
 * A whole jansson tree of a large graph is about eight times its file
 * (2.3 GB for 270 MB), so the top level is scanned here instead: the value
 * of each of its keys is found by its brackets, and "nodes" and "links" (or
 * "edges") element by element; each element, and each other value, is
 * parsed by jansson alone (JSON_REJECT_DUPLICATES, as the whole file would
 * be), read into the graph and freed.  Whatever the scanner does not expect
 * (not an object at the top, a key twice, a syntax error anywhere, a read
 * that fails) makes it give up, and the file is read whole as before, so
 * that every error is reported exactly as jansson and the readers report
 * it for the whole file. */

typedef struct {
	size_t s, e; /* text[s, e) */
} span;

static size_t skip_ws(const char *t, size_t n, size_t i)
{
	while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
		i++;
	return i;
}

/* Past the string at t[*i] ('"'); false when it does not end. */
static bool skip_string(const char *t, size_t n, size_t *i)
{
	size_t j = *i + 1;
	for (;;) {
		const char *q = memchr(t + j, '"', n - j), *bs;
		if (!q)
			return false;
		/* the quote ends the string unless an odd run of backslashes precedes it */
		bs = q;
		while (bs > t + j && bs[-1] == '\\')
			bs--;
		j = (size_t)(q - t) + 1;
		if (((size_t)(q - bs) & 1) == 0) {
			*i = j;
			return true;
		}
	}
}

/* Past the value at t[*i]: a string, an object or array (by its brackets,
 * strings skipped), or a scalar (up to the next separator).  Only its extent
 * is found: jansson checks it. */
static bool skip_value(const char *t, size_t n, size_t *i)
{
	size_t j = *i, depth = 0;
	if (j >= n)
		return false;
	if (t[j] == '"')
		return skip_string(t, n, i);
	if (t[j] != '{' && t[j] != '[') {
		while (j < n && t[j] != ',' && t[j] != ']' && t[j] != '}' && t[j] != ' ' && t[j] != '\t' &&
		       t[j] != '\n' && t[j] != '\r')
			j++;
		if (j == *i)
			return false;
		*i = j;
		return true;
	}
	while (j < n) {
		char c = t[j];
		if (c == '"') {
			if (!skip_string(t, n, &j))
				return false;
			continue;
		}
		if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && --depth == 0) {
			*i = j + 1;
			return true;
		}
		j++;
	}
	return false;
}

/* The value text[sp) parsed alone (as the whole file would parse it), or NULL. */
static json_t *load_span(const char *t, span sp)
{
	json_error_t err;
	return json_loadb(t + sp.s, sp.e - sp.s, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
}

/* The top level: the spans of "nodes", "links"/"edges", "directed",
 * "multigraph" and "graph", every other value checked and dropped.  False:
 * leave it to the whole-file reader. */
typedef struct {
	span nodes, links, edges, directed, multigraph, graph;
	bool has_nodes, has_links, has_edges, has_directed, has_multigraph, has_graph;
} top_level;

static bool scan_top(const char *t, size_t n, top_level *top)
{
	size_t i = skip_ws(t, n, 0);
	char *seen = NULL;
	size_t n_seen = 0, seen_cap = 0;
	bool ok = false;

	memset(top, 0, sizeof(*top));
	if (i >= n || t[i] != '{')
		return false;
	i = skip_ws(t, n, i + 1);
	if (i < n && t[i] == '}') {
		ok = skip_ws(t, n, i + 1) == n;
		return ok;
	}
	for (;;) {
		span ks, vs;
		json_t *key, *v;
		const char *k;
		bool keep = false;
		if (i >= n || t[i] != '"')
			break;
		ks.s = i;
		if (!skip_string(t, n, &i))
			break;
		ks.e = i;
		if (!(key = load_span(t, ks)) || !json_is_string(key)) {
			json_decref(key);
			break;
		}
		k = json_string_value(key);
		/* a key twice is jansson's error to report */
		{
			bool dup = false;
			for (size_t p = 0; p < n_seen; p += strlen(seen + p) + 1)
				dup |= strcmp(seen + p, k) == 0;
			/* (a graph has a handful of top-level keys: past 64, read it whole) */
			if (dup || n_seen > 64 * 32 || AG_GROW(seen, seen_cap, n_seen + strlen(k) + 1) < 0) {
				json_decref(key);
				break;
			}
			memcpy(seen + n_seen, k, strlen(k) + 1);
			n_seen += strlen(k) + 1;
		}
		i = skip_ws(t, n, i);
		if (i >= n || t[i] != ':') {
			json_decref(key);
			break;
		}
		i = skip_ws(t, n, i + 1);
		vs.s = i;
		if (!skip_value(t, n, &i)) {
			json_decref(key);
			break;
		}
		vs.e = i;
#define KEEP(field) (top->field = vs, top->has_##field = true, keep = true)
		if (strcmp(k, "nodes") == 0)
			KEEP(nodes);
		else if (strcmp(k, "links") == 0)
			KEEP(links);
		else if (strcmp(k, "edges") == 0)
			KEEP(edges);
		else if (strcmp(k, "directed") == 0)
			KEEP(directed);
		else if (strcmp(k, "multigraph") == 0)
			KEEP(multigraph);
		else if (strcmp(k, "graph") == 0)
			KEEP(graph);
#undef KEEP
		json_decref(key);
		if (!keep) { /* a value nobody reads must still be JSON */
			if (!(v = load_span(t, vs)))
				break;
			json_decref(v);
		}
		i = skip_ws(t, n, i);
		if (i < n && t[i] == ',') {
			i = skip_ws(t, n, i + 1);
			continue;
		}
		if (i < n && t[i] == '}')
			ok = skip_ws(t, n, i + 1) == n;
		break;
	}
	free(seen);
	return ok;
}

/* Each element of the array text[sp) through `read`, in order; false on the
 * first that does not scan, parse or read. */
typedef int (*element_fn)(ag_graph *g, const json_t *v, size_t pos, const char *name, void *ctx);

static bool each_element(ag_graph *g, const char *t, span sp, const char *name, element_fn read, void *ctx)
{
	size_t i = skip_ws(t, sp.e, sp.s + 1), pos = 0;
	if (t[sp.s] != '[')
		return false;
	if (i < sp.e && t[i] == ']')
		return skip_ws(t, sp.e, i + 1) == sp.e;
	for (;;) {
		span es;
		json_t *v;
		int rc;
		es.s = i;
		if (!skip_value(t, sp.e, &i))
			return false;
		es.e = i;
		if (!(v = load_span(t, es)))
			return false;
		rc = read(g, v, pos++, name, ctx);
		json_decref(v);
		if (rc < 0)
			return false;
		i = skip_ws(t, sp.e, i);
		if (i < sp.e && t[i] == ',') {
			i = skip_ws(t, sp.e, i + 1);
			continue;
		}
		return i < sp.e && t[i] == ']' && skip_ws(t, sp.e, i + 1) == sp.e;
	}
}

static int node_element(ag_graph *g, const json_t *v, size_t pos, const char *name, void *ctx)
{
	return read_node(g, v, pos, name, ctx);
}

static int link_element(ag_graph *g, const json_t *v, size_t pos, const char *name, void *ctx)
{
	return read_link(g, v, pos, name, ctx);
}

/* The graph-level object: its documents, and the rest as attributes. */
static int read_graph_attrs(ag_graph *g, const json_t *graph, const char *name)
{
	const char *key;
	json_t *v;
	int rc;
	if (!json_is_object(graph))
		return 0;
	json_object_foreach((json_t *)graph, key, v) {
		if (strcmp(key, "documents") == 0 && json_is_array(v)) {
			if ((rc = read_documents(g, v, name)) < 0)
				return rc;
		} else if (strcmp(key, "generator") != 0 && json_object_set(ag__graph_attrs(g), key, v) < 0) {
			return ag__enomem();
		}
	}
	return 0;
}

/* After nodes and links: what both readers do. */
static int finish_read(ag_graph *g, const char *name, size_t self_loops)
{
	int rc;
	if (self_loops && json_object_set_new(ag__graph_attrs(g), "self_loops_dropped",
	                                      json_integer((json_int_t)self_loops)) < 0)
		return ag__enomem();
	g->self_loops = self_loops;
	/* documents named only by evidence were read from this file too */
	for (size_t i = 0; i < g->n_docs; i++)
		if (!g->docs[i].source && (rc = ag__graph_source(g, name, &g->docs[i].source)) < 0)
			return rc;
	return ag_graph_sort(g);
}

/* The element-by-element reader: 0 with *out, or 1 (nothing kept) to read
 * the file whole. */
static int from_json_streamed(const char *text, size_t len, const char *name, ag_graph **out)
{
	top_level top;
	ag_graph *g = NULL;
	json_t *v;
	bool all_numeric = true;
	size_t self_loops = 0;
	span links;

	if (!scan_top(text, len, &top) || !top.has_nodes || text[top.nodes.s] != '[')
		return 1;
	links = top.has_links ? top.links : top.edges;
	if ((top.has_links || top.has_edges) && text[links.s] != '[')
		return 1;
	if (ag_graph_new(&g) < 0)
		return 1;
	if (top.has_directed) {
		if (!(v = load_span(text, top.directed)))
			goto give_up;
		g->directed_input = json_is_true(v);
		json_decref(v);
	}
	if (top.has_multigraph) {
		if (!(v = load_span(text, top.multigraph)))
			goto give_up;
		g->multigraph_input = json_is_true(v);
		json_decref(v);
	}
	if (top.has_graph) {
		int rc;
		if (!(v = load_span(text, top.graph)))
			goto give_up;
		rc = read_graph_attrs(g, v, name);
		json_decref(v);
		if (rc < 0)
			goto give_up;
	}
	if (!each_element(g, text, top.nodes, name, node_element, &all_numeric))
		goto give_up;
	g->numeric_ids = g->n_nodes > 0 && all_numeric;
	if ((top.has_links || top.has_edges) && !each_element(g, text, links, name, link_element, &self_loops))
		goto give_up;
	if (finish_read(g, name, self_loops) < 0)
		goto give_up;
	ag_error_clear();
	*out = g;
	return 0;
give_up:
	ag_graph_free(g);
	ag_error_clear();
	return 1;
}

/* The whole-file reader: the text (past a byte order mark) as one jansson tree. */
static int from_json_tree(const char *text, size_t len, const char *name, ag_graph **out)
{
	json_error_t err;
	json_t *root, *nodes, *links, *graph;
	ag_graph *g = NULL;
	bool all_numeric = true;
	size_t i, self_loops = 0;
	int rc = 0;
	json_t *v;

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
	if ((rc = read_graph_attrs(g, graph, name)) < 0)
		goto cleanup;
	json_array_foreach(nodes, i, v)
		if ((rc = read_node(g, v, i, name, &all_numeric)) < 0)
			goto cleanup;
	g->numeric_ids = g->n_nodes > 0 && all_numeric;
	if (links)
		json_array_foreach(links, i, v)
			if ((rc = read_link(g, v, i, name, &self_loops)) < 0)
				goto cleanup;
	if ((rc = finish_read(g, name, self_loops)) < 0)
		goto cleanup;
	*out = g;
	g = NULL;
cleanup:
	json_decref(root);
	ag_graph_free(g);
	return rc;
}

/* A UTF-8 byte order mark (Windows editors write one) is not JSON: skip it. */
static void skip_bom(const char **text, size_t *len)
{
	if (*len >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0)
		*text += 3, *len -= 3;
}

int ag_graph_from_json(const char *text, size_t len, const char *name, ag_graph **out)
{
	AG_CHECK_ARGS(text && name && out);
	*out = NULL;
	skip_bom(&text, &len);
	pthread_once(&alloc_once, wrap_alloc);
	alloc_failed = false;
	if (from_json_streamed(text, len, name, out) == 0)
		return 0;
	return from_json_tree(text, len, name, out);
}

int ag__graph_from_json_whole(const char *text, size_t len, const char *name, ag_graph **out)
{
	AG_CHECK_ARGS(text && name && out);
	*out = NULL;
	skip_bom(&text, &len);
	pthread_once(&alloc_once, wrap_alloc);
	return from_json_tree(text, len, name, out);
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
