/*
 * filter.c - views of a graph: by date, by node type, by link weight, the ego
 * network of a node, the K most central nodes (see actorgraph/filter.h).
 *
 * The steps only mark what to keep; the graph is changed once, at the end.
 * Kept nodes and links are moved (not copied) into new arrays, so everything
 * they carry comes along; the new indexes are built by ag__graph_reindex on
 * a stand-in graph before anything of g is touched, so a failure leaves g as
 * it was.  The dropped nodes and links are handed to a scratch graph and
 * freed by ag_graph_free, so this file need not know what a node owns.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "actorgraph/filter.h"
#include "graph/filter.h"
#include "graph/graph_int.h"
#include "text/dates.h"

int ag_filter_active(const ag_filter_options *o)
{
	return o && (o->types != 0 || o->min_weight > 0 || o->ego != NULL || o->top > 0 ||
	             (o->version >= 2 && (o->since || o->until)));
}

/* ---- the date window ---- */

bool ag__window_date_span(const char *s, char first[11], char last[11])
{
	ag_date d, a, b;

	if (!s || !ag__date_parse_iso(s, strlen(s), &d))
		return false;
	a = d;
	b = d;
	if (!d.month) {
		a.month = 1;
		b.month = 12;
	}
	if (!d.day) {
		ag_date next = {b.month == 12 ? b.year + 1 : b.year, b.month == 12 ? 1 : b.month + 1, 1};
		a.day = 1;
		b.day = 31; /* December, and any month whose next one is past the year range */
		if (b.month != 12) {
			next = ag__date_add_days(next, -1);
			b.day = next.day ? next.day : 31;
		}
	}
	if (!ag__date_valid(&a) || !ag__date_valid(&b))
		return false;
	ag__date_format(&a, first);
	ag__date_format(&b, last);
	return true;
}

bool ag__window_meets(const ag__window *w, const char *first, const char *last)
{
	return (!w->lo[0] || strcmp(last, w->lo) >= 0) && (!w->hi[0] || strcmp(first, w->hi) <= 0);
}

int ag__window_parse(const char *since, const char *until, ag__window *w)
{
	char a[11], b[11];

	memset(w, 0, sizeof(*w));
	if (since) {
		if (!ag__window_date_span(since, a, b))
			return ag__error(AG_EINVAL, "since: '%.64s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", since);
		memcpy(w->lo, a, sizeof(w->lo));
	}
	if (until) {
		if (!ag__window_date_span(until, a, b))
			return ag__error(AG_EINVAL, "until: '%.64s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", until);
		memcpy(w->hi, b, sizeof(w->hi));
	}
	if (w->lo[0] && w->hi[0] && strcmp(w->lo, w->hi) > 0)
		return ag__error(AG_EINVAL, "since %s is after until %s: the window is empty", since, until);
	return 0;
}

/* 1 inside the window, 0 outside, -1 undated (no ISO date) */
static int date_verdict(const ag__window *w, const char *date)
{
	char first[11], last[11];
	if (!ag__window_date_span(date, first, last))
		return -1;
	return ag__window_meets(w, first, last);
}

int ag__window_mark(const ag_graph *g, const ag__window *w, bool keep_undated, char *keep, char *lkeep,
                    size_t *docs_in, size_t *docs_undated)
{
	signed char *doc = malloc(g->n_docs + 1);
	char *end = calloc(g->n_nodes + 1, 1); /* an end of a link the window keeps */
	size_t in = 0, undated = 0;

	if (!doc || !end) {
		free(doc);
		free(end);
		return ag__enomem();
	}
	for (size_t d = 0; d < g->n_docs; d++) {
		doc[d] = (signed char)date_verdict(w, g->docs[d].date);
		in += doc[d] == 1;
		undated += doc[d] < 0;
	}
	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		bool inside = false, unknown = l->n_ev == 0;
		if (!lkeep[j])
			continue;
		for (size_t k = 0; k < l->n_ev && !inside; k++) {
			int v = l->ev[k].doc < g->n_docs ? doc[l->ev[k].doc] : -1;
			inside = v == 1;
			unknown |= v < 0;
		}
		if (inside || (keep_undated && unknown))
			end[l->a] = end[l->b] = 1;
		else
			lkeep[j] = 0;
	}
	for (size_t i = 0; i < g->n_nodes; i++) {
		const ag_node *n = &g->nodes[i];
		int a, b;
		if (!keep[i] || end[i])
			continue;
		a = date_verdict(w, n->first_seen);
		b = date_verdict(w, n->last_seen);
		if (!(a == 1 || b == 1 || (keep_undated && a < 0 && b < 0)))
			keep[i] = 0;
	}
	free(doc);
	free(end);
	if (docs_in)
		*docs_in = in;
	if (docs_undated)
		*docs_undated = undated;
	return 0;
}

int ag_filter_types_parse(const char *list, unsigned *types)
{
	unsigned mask = 0;
	const char *p;

	if (!list || !types)
		return ag__error(AG_EINVAL, "types: NULL argument");
	p = list;
	for (;;) {
		const char *end = strchr(p, ','), *s = p, *e;
		char name[32];
		ag_node_type t;
		if (!end)
			end = p + strlen(p);
		e = end;
		while (s < e && *s == ' ')
			s++;
		while (e > s && e[-1] == ' ')
			e--;
		if (s == e)
			return ag__error(AG_EINVAL, "types: empty entry in '%s' (expected e.g. person,state)", list);
		if ((size_t)(e - s) >= sizeof(name))
			return ag__error(AG_EINVAL, "unknown node type '%.*s' (person, state, organization, meeting, other)",
			                 (int)(e - s > 64 ? 64 : e - s), s);
		for (size_t k = 0; k < (size_t)(e - s); k++) /* any case */
			name[k] = s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] - 'A' + 'a') : s[k];
		name[e - s] = '\0';
		/* singular or plural ("persons", as --project takes it) */
		if (ag_node_type_parse(name, &t) < 0) {
			size_t n = (size_t)(e - s);
			bool plural = n > 1 && name[n - 1] == 's';
			if (plural)
				name[n - 1] = '\0';
			if (!plural || ag_node_type_parse(name, &t) < 0)
				return ag__error(AG_EINVAL,
				                 "unknown node type '%.*s' (person, state, organization, meeting, other)",
				                 (int)n, s);
		}
		mask |= AG_FILTER_TYPE(t);
		if (!*end)
			break;
		p = end + 1;
	}
	*types = mask;
	return 0;
}

/* ---- the steps: each narrows keep[] (nodes) and lkeep[] (links) ---- */

typedef struct {
	ag_graph *g;
	const ag_filter_options *o;
	ag_filter_report *r;
	ag__window win;
	bool dated;  /* since or until given */
	bool ego_out; /* the date window dropped the ego */
	char *keep, *lkeep;
	size_t *deg; /* scratch, one per node */
} fctx;

/* Drop the links that lost an end. */
static void drop_loose_links(fctx *c)
{
	for (size_t j = 0; j < c->g->n_links; j++)
		if (c->lkeep[j] && (!c->keep[c->g->links[j].a] || !c->keep[c->g->links[j].b]))
			c->lkeep[j] = 0;
}

static void count_degrees(fctx *c)
{
	memset(c->deg, 0, c->g->n_nodes * sizeof(*c->deg));
	for (size_t j = 0; j < c->g->n_links; j++) {
		if (!c->lkeep[j])
			continue;
		c->deg[c->g->links[j].a]++;
		c->deg[c->g->links[j].b]++;
	}
}

static int step_dates(fctx *c)
{
	int rc = ag__window_mark(c->g, &c->win, true, c->keep, c->lkeep, &c->r->documents_in,
	                         &c->r->documents_undated);
	size_t ego;
	if (rc < 0)
		return rc;
	if (c->o->ego && ag_graph_find_node(c->g, c->o->ego, &ego) == 0)
		c->ego_out = !c->keep[ego];
	for (size_t i = 0; i < c->g->n_nodes; i++)
		c->r->date_nodes += !c->keep[i];
	for (size_t j = 0; j < c->g->n_links; j++)
		c->r->date_links += !c->lkeep[j];
	drop_loose_links(c);
	return 0;
}

static void step_types(fctx *c)
{
	for (size_t i = 0; i < c->g->n_nodes; i++) {
		if (!(c->o->types & AG_FILTER_TYPE(c->g->nodes[i].type))) {
			c->keep[i] = 0;
			c->r->type_nodes++;
		}
	}
	drop_loose_links(c);
}

/* A node that had links before this step and has none after it goes; one
 * that was isolated already stays (it did not lose anything to the weight).
 * keep[i] == 2 marks a node that lost a link here. */
static void step_weight(fctx *c)
{
	count_degrees(c);
	for (size_t j = 0; j < c->g->n_links; j++) {
		const ag_link *l = &c->g->links[j];
		if (c->lkeep[j] && !(l->weight >= c->o->min_weight)) {
			c->lkeep[j] = 0;
			c->r->weight_links++;
			c->deg[l->a]--;
			c->deg[l->b]--;
			c->keep[l->a] = c->keep[l->b] = 2;
		}
	}
	for (size_t i = 0; i < c->g->n_nodes; i++) {
		if (c->keep[i] != 2)
			continue;
		c->keep[i] = c->deg[i] > 0;
		c->r->weight_nodes += c->deg[i] == 0;
	}
}

static bool same_ascii_nocase(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

/* An unknown ego: name it, and the node it probably meant when its label or
 * the part of an id after the type matches ("Ukraine" -> state:ukraine). */
static int unknown_ego(const ag_graph *g, const char *ego)
{
	const char *hint = NULL;
	size_t found = 0;
	for (size_t i = 0; i < g->n_nodes && found < 2; i++) {
		const char *id = g->nodes[i].id, *colon = strchr(id, ':');
		if (same_ascii_nocase(g->nodes[i].label, ego) || (colon && same_ascii_nocase(colon + 1, ego))) {
			hint = id;
			found++;
		}
	}
	if (found == 1)
		return ag__error(AG_ENOTFOUND, "ego node '%s' is not in the graph (did you mean '%s'?)", ego, hint);
	return ag__error(AG_ENOTFOUND, "ego node '%s' is not in the graph", ego);
}

/* Breadth-first search from the ego over the kept links, up to the radius. */
static int step_ego(fctx *c)
{
	ag_graph *g = c->g;
	size_t n = g->n_nodes, ego, *start = NULL, *adj = NULL, *queue = NULL, *dist = NULL, head = 0, tail = 0;
	int rc = 0;

	if (ag_graph_find_node(g, c->o->ego, &ego) < 0)
		return unknown_ego(g, c->o->ego);
	if (!c->keep[ego]) {
		if (c->ego_out)
			return ag__error(AG_EINVAL, "ego node '%s' was not seen in the date window", c->o->ego);
		if (c->o->types && !(c->o->types & AG_FILTER_TYPE(g->nodes[ego].type)))
			return ag__error(AG_EINVAL, "ego node '%s' is of type %s, which the type filter leaves out",
			                 c->o->ego, ag_node_type_name(g->nodes[ego].type));
		return ag__error(AG_EINVAL, "ego node '%s' has no link of weight %g or more", c->o->ego,
		                 c->o->min_weight);
	}
	/* adjacency lists (CSR) of the kept links */
	count_degrees(c);
	start = malloc((n + 1) * sizeof(*start));
	adj = malloc((2 * g->n_links + 1) * sizeof(*adj));
	queue = malloc((n + 1) * sizeof(*queue));
	dist = malloc((n + 1) * sizeof(*dist));
	if (!start || !adj || !queue || !dist) {
		rc = ag__enomem();
		goto cleanup;
	}
	start[0] = 0;
	for (size_t i = 0; i < n; i++)
		start[i + 1] = start[i] + c->deg[i];
	memcpy(c->deg, start, n * sizeof(*c->deg)); /* deg[i]: next free slot of i */
	for (size_t j = 0; j < g->n_links; j++) {
		if (!c->lkeep[j])
			continue;
		adj[c->deg[g->links[j].a]++] = g->links[j].b;
		adj[c->deg[g->links[j].b]++] = g->links[j].a;
	}
	for (size_t i = 0; i < n; i++)
		dist[i] = SIZE_MAX;
	dist[ego] = 0;
	queue[tail++] = ego;
	while (head < tail) {
		size_t u = queue[head++];
		if (dist[u] >= c->o->radius)
			continue;
		for (size_t k = start[u]; k < start[u + 1]; k++) {
			size_t v = adj[k];
			if (dist[v] == SIZE_MAX) {
				dist[v] = dist[u] + 1;
				queue[tail++] = v;
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (c->keep[i] && dist[i] == SIZE_MAX) {
			c->keep[i] = 0;
			c->r->ego_nodes++;
		}
	}
	drop_loose_links(c);
cleanup:
	free(start);
	free(adj);
	free(queue);
	free(dist);
	return rc;
}

typedef struct {
	double score;
	const char *id;
	size_t index;
} ranked;

/* Higher score first, then smaller id. */
static int ranked_cmp(const void *x, const void *y)
{
	const ranked *a = x, *b = y;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int step_top(fctx *c)
{
	ag_graph *g = c->g;
	size_t kept = 0, k = 0;
	int slot = ag__graph_metric_slot(g, "pagerank", false);
	ranked *rank = NULL;
	double *strength = NULL;

	for (size_t i = 0; i < g->n_nodes; i++) {
		if (!c->keep[i])
			continue;
		kept++;
		if (slot >= 0 && (!g->nodes[i].metrics || !isfinite(g->nodes[i].metrics[slot])))
			slot = -1; /* not every node has one: the graph was not analysed as it is */
	}
	c->r->top_by = slot >= 0 ? "pagerank" : "strength";
	if (kept <= c->o->top)
		return 0;
	if (!(rank = malloc(kept * sizeof(*rank))) || (slot < 0 && !(strength = calloc(g->n_nodes, sizeof(*strength))))) {
		free(rank);
		return ag__enomem();
	}
	if (slot < 0)
		for (size_t j = 0; j < g->n_links; j++) {
			if (!c->lkeep[j])
				continue;
			strength[g->links[j].a] += g->links[j].weight;
			strength[g->links[j].b] += g->links[j].weight;
		}
	for (size_t i = 0; i < g->n_nodes; i++) {
		if (!c->keep[i])
			continue;
		rank[k].score = slot >= 0 ? g->nodes[i].metrics[slot] : strength[i];
		rank[k].id = g->nodes[i].id;
		rank[k].index = i;
		k++;
	}
	qsort(rank, kept, sizeof(*rank), ranked_cmp);
	for (size_t r = c->o->top; r < kept; r++) {
		c->keep[rank[r].index] = 0;
		c->r->top_nodes++;
	}
	drop_loose_links(c);
	free(rank);
	free(strength);
	return 0;
}

/* ---- the record of the view, and the commit ---- */

static int set_new(json_t *o, const char *key, json_t *v)
{
	if (!v || json_object_set_new(o, key, v) < 0)
		return AG_ENOMEM;
	return 0;
}

/* The "filters" record of this call (*out owned by the caller). */
static int view_record(const fctx *c, json_t **out)
{
	const ag_filter_options *o = c->o;
	const ag_filter_report *r = c->r;
	json_t *rec = json_object(), *types = NULL;
	int rc = 0;

	if (!rec)
		return ag__enomem();
	if (o->types) {
		if ((rc = set_new(rec, "types", types = json_array())) < 0)
			goto cleanup;
		for (int t = 0; t < AG_NODE_TYPE_COUNT && rc == 0; t++)
			if (o->types & AG_FILTER_TYPE(t) && json_array_append_new(types, json_string(ag_node_type_name((ag_node_type)t))) < 0)
				rc = AG_ENOMEM;
	}
	if (rc == 0 && o->since)
		rc = set_new(rec, "since", json_string(o->since));
	if (rc == 0 && o->until)
		rc = set_new(rec, "until", json_string(o->until));
	if (rc == 0 && o->min_weight > 0)
		rc = set_new(rec, "min_weight", json_real(o->min_weight));
	if (rc == 0 && o->ego && (rc = set_new(rec, "ego", json_string(o->ego))) == 0)
		rc = set_new(rec, "radius", json_integer((json_int_t)o->radius));
	if (rc == 0 && o->top && (rc = set_new(rec, "top", json_integer((json_int_t)o->top))) == 0)
		rc = set_new(rec, "top_by", json_string(r->top_by));
	if (rc == 0 && (rc = set_new(rec, "nodes_before", json_integer((json_int_t)r->nodes_before))) == 0 &&
	    (rc = set_new(rec, "links_before", json_integer((json_int_t)r->links_before))) == 0 &&
	    (rc = set_new(rec, "nodes", json_integer((json_int_t)r->nodes))) == 0)
		rc = set_new(rec, "links", json_integer((json_int_t)r->links));
cleanup:
	if (rc < 0) {
		json_decref(rec);
		return ag__enomem();
	}
	*out = rec;
	return 0;
}

/* Append the record to the graph's "filters" list; the last fallible step. */
static int add_record(ag_graph *g, json_t *rec)
{
	json_t *attrs = ag__graph_attrs(g), *list;
	if (!attrs) {
		json_decref(rec);
		return ag__enomem();
	}
	list = json_object_get(attrs, "filters");
	if (!json_is_array(list)) {
		if (!(list = json_array()) || json_object_set_new(attrs, "filters", list) < 0) {
			json_decref(rec);
			return ag__enomem();
		}
	}
	if (json_array_append_new(list, rec) < 0)
		return ag__enomem();
	return 0;
}

static int commit(fctx *c)
{
	ag_graph *g = c->g, view, *trash = NULL;
	ag_node *nodes = NULL;
	ag_link *links = NULL;
	size_t *map = NULL, kn = c->r->nodes, km = c->r->links, k, d;
	json_t *rec = NULL;
	int rc;

	memset(&view, 0, sizeof(view));
	if ((rc = ag_graph_new(&trash)) < 0)
		return rc;
	nodes = malloc((kn + 1) * sizeof(*nodes));
	links = malloc((km + 1) * sizeof(*links));
	map = malloc((g->n_nodes + 1) * sizeof(*map));
	if (!nodes || !links || !map) {
		rc = ag__enomem();
		goto cleanup;
	}
	/* shallow copies first: g still owns everything until the swap */
	k = 0;
	for (size_t i = 0; i < g->n_nodes; i++) {
		if (c->keep[i]) {
			map[i] = k;
			nodes[k++] = g->nodes[i];
		}
	}
	k = 0;
	for (size_t j = 0; j < g->n_links; j++) {
		if (c->lkeep[j]) {
			links[k] = g->links[j];
			links[k].a = map[g->links[j].a];
			links[k].b = map[g->links[j].b];
			k++;
		}
	}
	view.nodes = nodes;
	view.n_nodes = kn;
	view.links = links;
	view.n_links = km;
	view.docs = g->docs;
	view.n_docs = g->n_docs;
	if ((rc = ag__graph_reindex(&view)) < 0 || (rc = view_record(c, &rec)) < 0 ||
	    (rc = add_record(g, rec)) < 0) {
		if (rc == AG_ENOMEM)
			ag__enomem();
		goto cleanup;
	}

	/* Nothing fails from here on.  The dropped nodes and links move to the
	 * front of the old arrays, which the scratch graph then frees. */
	d = 0;
	for (size_t i = 0; i < g->n_nodes; i++)
		if (!c->keep[i])
			g->nodes[d++] = g->nodes[i];
	trash->nodes = g->nodes;
	trash->n_nodes = d;
	trash->cap_nodes = g->cap_nodes;
	d = 0;
	for (size_t j = 0; j < g->n_links; j++)
		if (!c->lkeep[j])
			g->links[d++] = g->links[j];
	trash->links = g->links;
	trash->n_links = d;
	trash->cap_links = g->cap_links;
	g->nodes = nodes;
	g->n_nodes = kn;
	g->cap_nodes = kn + 1;
	g->links = links;
	g->n_links = km;
	g->cap_links = km + 1;
	nodes = NULL;
	links = NULL;
	ag__strmap_free(&g->node_index);
	ag__u64map_free(&g->link_index);
	g->node_index = view.node_index;
	g->link_index = view.link_index;
	memset(&view.node_index, 0, sizeof(view.node_index));
	memset(&view.link_index, 0, sizeof(view.link_index));
cleanup:
	ag__strmap_free(&view.node_index);
	ag__strmap_free(&view.doc_index);
	ag__u64map_free(&view.link_index);
	ag_graph_free(trash);
	free(nodes);
	free(links);
	free(map);
	return rc;
}

/* The version 1 structs: options without since/until, a report without the date counts. */
#define FILTER_V1_OPTIONS_SIZE offsetof(ag_filter_options, since)
#define FILTER_V1_REPORT_SIZE offsetof(ag_filter_report, date_links)

int ag_graph_filter(ag_graph *g, const ag_filter_options *opts, ag_filter_report *report)
{
	ag_filter_options v1;
	ag_filter_report r;
	size_t rsize = sizeof(r);
	fctx c;
	int rc = 0;

	memset(&r, 0, sizeof(r));
	if (opts && opts->version == 1) {
		ag_filter_options defaults = AG_FILTER_OPTIONS_INIT;
		v1 = defaults;
		memcpy(&v1, opts, FILTER_V1_OPTIONS_SIZE);
		v1.version = AG_FILTER_OPTIONS_VERSION;
		opts = &v1;
		rsize = FILTER_V1_REPORT_SIZE;
	}
	if (report)
		memset(report, 0, rsize);
	AG_CHECK_ARGS(g);
	AG_CHECK_OPTIONS(opts, AG_FILTER_OPTIONS_VERSION, "AG_FILTER_OPTIONS_INIT");
	r.nodes_before = r.nodes = g->n_nodes;
	r.links_before = r.links = g->n_links;
	memset(&c, 0, sizeof(c));
	if (!opts) /* the defaults keep everything */
		goto out;
	if (opts->types & ~((1u << AG_NODE_TYPE_COUNT) - 1u))
		rc = ag__error(AG_EINVAL, "filter: unknown node type bits 0x%x", opts->types);
	else if (!(opts->min_weight >= 0) || !isfinite(opts->min_weight))
		rc = ag__error(AG_EINVAL, "filter: minimum weight %g must be a number >= 0", opts->min_weight);
	else if (opts->ego && !*opts->ego)
		rc = ag__error(AG_EINVAL, "filter: empty ego node id");
	else
		rc = ag__window_parse(opts->since, opts->until, &c.win);
	if (rc < 0 || !ag_filter_active(opts))
		goto out;

	c.g = g;
	c.o = opts;
	c.r = &r;
	c.dated = opts->since || opts->until;
	c.keep = malloc(g->n_nodes + 1);
	c.lkeep = malloc(g->n_links + 1);
	c.deg = malloc((g->n_nodes + 1) * sizeof(*c.deg));
	if (!c.keep || !c.lkeep || !c.deg) {
		rc = ag__enomem();
		goto cleanup;
	}
	memset(c.keep, 1, g->n_nodes);
	memset(c.lkeep, 1, g->n_links);
	if (c.dated && (rc = step_dates(&c)) < 0)
		goto cleanup;
	if (opts->types)
		step_types(&c);
	if (opts->min_weight > 0)
		step_weight(&c);
	if (opts->ego && (rc = step_ego(&c)) < 0)
		goto cleanup;
	if (opts->top && (rc = step_top(&c)) < 0)
		goto cleanup;
	r.nodes = r.links = 0;
	for (size_t i = 0; i < g->n_nodes; i++)
		r.nodes += c.keep[i] != 0;
	for (size_t j = 0; j < g->n_links; j++)
		r.links += c.lkeep[j] != 0;
	rc = commit(&c);
cleanup:
	if (rc < 0) { /* the graph is as it was: say so */
		memset(&r, 0, sizeof(r));
		r.nodes_before = r.nodes = g->n_nodes;
		r.links_before = r.links = g->n_links;
	}
	free(c.keep);
	free(c.lkeep);
	free(c.deg);
out:
	if (report)
		memcpy(report, &r, rsize);
	return rc;
}
