/*
 * graph.c - the graph model: nodes, links, documents, and sorting into a
 * canonical order so that every writer's output is deterministic.
 */
#include <math.h>
#include <stdlib.h>

#include "graph/graph_int.h"

static const char *const type_names[AG_NODE_TYPE_COUNT] = {
	"person", "state", "organization", "meeting", "other"};
static const char *const relation_names[AG_REL_COUNT] = {
	"co_mention", "affiliation", "party", "mediator", "host", "participant", "shared_meeting", "other"};

const char *ag_node_type_name(ag_node_type type)
{
	return (unsigned)type < AG_NODE_TYPE_COUNT ? type_names[type] : "other";
}

int ag_node_type_parse(const char *name, ag_node_type *out)
{
	for (int i = 0; i < AG_NODE_TYPE_COUNT; i++) {
		if (strcmp(name, type_names[i]) == 0) {
			*out = (ag_node_type)i;
			return 0;
		}
	}
	return ag__error(AG_EINVAL, "unknown node type '%s' (person, state, organization, meeting)", name);
}

const char *ag_relation_name(ag_relation rel)
{
	return (unsigned)rel < AG_REL_COUNT ? relation_names[rel] : "other";
}

int ag_relation_parse(const char *name, ag_relation *out)
{
	for (int i = 0; i < AG_REL_COUNT; i++) {
		if (strcmp(name, relation_names[i]) == 0) {
			*out = (ag_relation)i;
			return 0;
		}
	}
	return ag__error(AG_EINVAL, "unknown relation '%s'", name);
}

int ag_graph_new(ag_graph **out)
{
	ag_graph *g = calloc(1, sizeof(*g));
	if (!g)
		return ag__enomem();
	*out = g;
	return 0;
}

void ag__node_free(ag_node *n)
{
	free(n->id);
	free(n->label);
	free(n->type_name);
	ag__strlist_free(&n->aliases);
	free(n->affiliation);
	free(n->role);
	free(n->place);
	free(n->country);
	free(n->start);
	free(n->end);
	free(n->status);
	free(n->first_seen);
	free(n->last_seen);
	free(n->metrics);
	json_decref(n->extra);
}

void ag__link_free(ag_link *l)
{
	free(l->ev);
	free(l->example);
	json_decref(l->extra);
}

void ag_graph_free(ag_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n_nodes; i++)
		ag__node_free(&g->nodes[i]);
	for (size_t i = 0; i < g->n_links; i++)
		ag__link_free(&g->links[i]);
	for (size_t i = 0; i < g->n_docs; i++) {
		free(g->docs[i].id);
		free(g->docs[i].path);
		free(g->docs[i].date);
		json_decref(g->docs[i].extra);
	}
	for (size_t i = 0; i < g->n_metrics; i++)
		free(g->metric_names[i]);
	free(g->metric_names);
	free(g->nodes);
	free(g->links);
	free(g->docs);
	ag__strmap_free(&g->node_index);
	ag__strmap_free(&g->doc_index);
	ag__u64map_free(&g->link_index);
	ag__strlist_free(&g->sources);
	json_decref(g->attrs);
	free(g);
}

size_t ag_graph_node_count(const ag_graph *g) { return g->n_nodes; }
size_t ag_graph_link_count(const ag_graph *g) { return g->n_links; }
size_t ag_graph_document_count(const ag_graph *g) { return g->n_docs; }

int ag_graph_add_document(ag_graph *g, const char *id, const char *path,
                          const char *date, size_t *out_index)
{
	size_t i;
	ag_doc_rec *d;

	if (!id || !*id)
		return ag__error(AG_EINVAL, "a document needs an id");
	if (ag__strmap_get(&g->doc_index, id, &i)) {
		d = &g->docs[i];
		if ((!d->path && path && ag__set_str(&d->path, path) < 0) ||
		    (!d->date && date && ag__set_str(&d->date, date) < 0))
			return AG_ENOMEM;
	} else {
		if (AG_GROW(g->docs, g->cap_docs, g->n_docs + 1) < 0)
			return AG_ENOMEM;
		i = g->n_docs;
		d = &g->docs[i];
		memset(d, 0, sizeof(*d));
		if (!(d->id = ag__strdup(id)) ||
		    (path && !(d->path = ag__strdup(path))) ||
		    (date && !(d->date = ag__strdup(date))) ||
		    ag__strmap_put(&g->doc_index, id, i) < 0) {
			free(d->id);
			free(d->path);
			free(d->date);
			return AG_ENOMEM;
		}
		g->n_docs++;
	}
	if (out_index)
		*out_index = i;
	return 0;
}

const char *ag_graph_document_id(const ag_graph *g, size_t doc) { return g->docs[doc].id; }
const char *ag_graph_document_date(const ag_graph *g, size_t doc) { return g->docs[doc].date; }
const char *ag_graph_document_path(const ag_graph *g, size_t doc) { return g->docs[doc].path; }

int ag_graph_add_node(ag_graph *g, const char *id, ag_node_type type,
                      const char *label, size_t *out_index)
{
	size_t i;
	ag_node *n;

	if (!id || !*id)
		return ag__error(AG_EINVAL, "a node needs a non-empty id");
	if (ag__strmap_get(&g->node_index, id, &i)) {
		if (out_index)
			*out_index = i;
		return 0;
	}
	if (AG_GROW(g->nodes, g->cap_nodes, g->n_nodes + 1) < 0)
		return AG_ENOMEM;
	i = g->n_nodes;
	n = &g->nodes[i];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->community = -1;
	n->stability = NAN;
	if (!(n->id = ag__strdup(id)) || !(n->label = ag__strdup(label ? label : id)) ||
	    ag__strmap_put(&g->node_index, id, i) < 0) {
		free(n->id);
		free(n->label);
		return AG_ENOMEM;
	}
	if (g->n_metrics) {
		if (!(n->metrics = malloc(g->cap_metrics * sizeof(double)))) {
			free(n->id);
			free(n->label);
			return ag__enomem();
		}
		for (size_t k = 0; k < g->cap_metrics; k++)
			n->metrics[k] = NAN;
	}
	g->n_nodes++;
	if (out_index)
		*out_index = i;
	return 0;
}

int ag_graph_find_node(const ag_graph *g, const char *id, size_t *out_index)
{
	if (id && ag__strmap_get(&g->node_index, id, out_index))
		return 0;
	return AG_ENOTFOUND;
}

const char *ag_graph_node_id(const ag_graph *g, size_t node) { return g->nodes[node].id; }
const char *ag_graph_node_label(const ag_graph *g, size_t node) { return g->nodes[node].label; }
ag_node_type ag_graph_node_type(const ag_graph *g, size_t node) { return g->nodes[node].type; }

char **ag__node_field(ag_node *n, const char *key)
{
	static const struct { const char *key; size_t off; } fields[] = {
		{"label", offsetof(ag_node, label)},
		{"affiliation", offsetof(ag_node, affiliation)},
		{"role", offsetof(ag_node, role)},
		{"place", offsetof(ag_node, place)},
		{"country", offsetof(ag_node, country)},
		{"start", offsetof(ag_node, start)},
		{"end", offsetof(ag_node, end)},
		{"status", offsetof(ag_node, status)},
		{"first_seen", offsetof(ag_node, first_seen)},
		{"last_seen", offsetof(ag_node, last_seen)},
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(fields[i].key, key) == 0)
			return (char **)((char *)n + fields[i].off);
	return NULL;
}

int ag_graph_node_set(ag_graph *g, size_t node, const char *key, const char *value)
{
	char **slot = ag__node_field(&g->nodes[node], key);
	if (!slot)
		return ag__error(AG_EINVAL, "unknown node attribute '%s'", key);
	if (strcmp(key, "label") == 0 && !value)
		return ag__error(AG_EINVAL, "a node's label cannot be removed");
	return ag__set_str(slot, value);
}

const char *ag_graph_node_get(const ag_graph *g, size_t node, const char *key)
{
	char **slot = ag__node_field(&g->nodes[node], key);
	return slot ? *slot : NULL;
}

int ag_graph_node_add_alias(ag_graph *g, size_t node, const char *alias)
{
	if (!alias || !*alias)
		return 0;
	return ag__strlist_add(&g->nodes[node].aliases, alias);
}

size_t ag_graph_node_alias_count(const ag_graph *g, size_t node)
{
	return g->nodes[node].aliases.count;
}

const char *ag_graph_node_alias(const ag_graph *g, size_t node, size_t i)
{
	return g->nodes[node].aliases.items[i];
}

int ag__graph_metric_slot(ag_graph *g, const char *name, bool create)
{
	size_t k;
	for (k = 0; k < g->n_metrics; k++)
		if (strcmp(g->metric_names[k], name) == 0)
			return (int)k;
	if (!create)
		return -1;
	if (g->n_metrics == g->cap_metrics) {
		size_t ncap = g->cap_metrics ? g->cap_metrics * 2 : 16;
		char **names = realloc(g->metric_names, ncap * sizeof(*names));
		if (!names)
			return ag__enomem();
		g->metric_names = names;
		for (size_t i = 0; i < g->n_nodes; i++) {
			double *m = realloc(g->nodes[i].metrics, ncap * sizeof(double));
			if (!m)
				return ag__enomem();
			if (!g->nodes[i].metrics)
				for (size_t j = 0; j < g->cap_metrics; j++)
					m[j] = NAN;
			for (size_t j = g->cap_metrics; j < ncap; j++)
				m[j] = NAN;
			g->nodes[i].metrics = m;
		}
		g->cap_metrics = ncap;
	}
	if (!(g->metric_names[k] = ag__strdup(name)))
		return AG_ENOMEM;
	g->n_metrics++;
	return (int)k;
}

int ag__graph_set_metric(ag_graph *g, size_t node, int slot, double value)
{
	if (slot < 0 || (size_t)slot >= g->n_metrics)
		return ag__error(AG_EINVAL, "no such metric slot");
	g->nodes[node].metrics[slot] = value;
	return 0;
}

double ag_graph_node_metric(const ag_graph *g, size_t node, const char *metric)
{
	for (size_t k = 0; k < g->n_metrics; k++)
		if (strcmp(g->metric_names[k], metric) == 0)
			return g->nodes[node].metrics ? g->nodes[node].metrics[k] : NAN;
	return NAN;
}

int ag_graph_node_community(const ag_graph *g, size_t node)
{
	return g->nodes[node].community;
}

static int evidence_cmp(const ag_graph *g, const ag_evidence *x, const ag_evidence *y)
{
	int c = x->doc == y->doc ? 0 : strcmp(g->docs[x->doc].id, g->docs[y->doc].id);
	if (c)
		return c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/* Index of the largest kept entry; the first of equal ones, as a scan from
 * the front finds it. */
static uint32_t evidence_worst(const ag_graph *g, const ag_link *l)
{
	uint32_t worst = 0;
	for (uint32_t i = 1; i < l->n_ev; i++)
		if (evidence_cmp(g, &l->ev[i], &l->ev[worst]) > 0)
			worst = i;
	return worst;
}

/* Once a link holds AG_EVIDENCE_KEEP entries, the smallest ones by (document
 * id, start) are kept, so what survives does not depend on the input order.
 * The largest kept entry is remembered, so that rejecting one costs a single
 * comparison; it is searched again only when an entry is replaced. */
int ag__link_add_evidence(const ag_graph *g, ag_link *l, const ag_evidence *ev)
{
	l->ev_total++;
	if (l->n_ev < AG_EVIDENCE_KEEP) {
		if (l->n_ev == l->cap_ev) {
			/* most links have a few entries: grow from one, by doubling */
			uint32_t ncap = l->cap_ev ? l->cap_ev * 2 : 1;
			ag_evidence *n;
			if (ncap > AG_EVIDENCE_KEEP)
				ncap = AG_EVIDENCE_KEEP;
			if (!(n = realloc(l->ev, ncap * sizeof(*n))))
				return ag__enomem();
			l->ev = n;
			l->cap_ev = ncap;
		}
		l->ev[l->n_ev++] = *ev;
		l->ev_worst_ok = false;
		return 0;
	}
	if (!l->ev_worst_ok || l->ev_worst >= l->n_ev) {
		l->ev_worst = evidence_worst(g, l);
		l->ev_worst_ok = true;
	}
	if (evidence_cmp(g, ev, &l->ev[l->ev_worst]) < 0) {
		l->ev[l->ev_worst] = *ev;
		l->ev_worst = evidence_worst(g, l);
	}
	return 0;
}

int ag_graph_find_link(const ag_graph *g, size_t a, size_t b, size_t *out_index)
{
	if (a < g->n_nodes && b < g->n_nodes && ag__u64map_get(&g->link_index, ag__pair_key(a, b), out_index))
		return 0;
	return AG_ENOTFOUND;
}

int ag_graph_add_link(ag_graph *g, size_t a, size_t b, ag_relation rel,
                      unsigned count, const ag_evidence *evidence)
{
	return ag__graph_add_link_at(g, a, b, rel, count, evidence, NULL);
}

int ag__graph_add_link_at(ag_graph *g, size_t a, size_t b, ag_relation rel, unsigned count,
                          const ag_evidence *evidence, size_t *out_link)
{
	size_t i;
	ag_link *l;

	if (a >= g->n_nodes || b >= g->n_nodes)
		return ag__error(AG_EINVAL, "link end out of range");
	if (a == b)
		return ag__error(AG_EINVAL, "a link needs two different nodes (%s)", g->nodes[a].id);
	if ((unsigned)rel >= AG_REL_COUNT)
		return ag__error(AG_EINVAL, "unknown relation");
	if (a > (size_t)UINT32_MAX || b > (size_t)UINT32_MAX)
		return ag__error(AG_ELIMIT, "too many nodes");
	if (!ag__u64map_get(&g->link_index, ag__pair_key(a, b), &i)) {
		if (AG_GROW(g->links, g->cap_links, g->n_links + 1) < 0)
			return AG_ENOMEM;
		i = g->n_links;
		l = &g->links[i];
		memset(l, 0, sizeof(*l));
		l->a = a < b ? a : b;
		l->b = a < b ? b : a;
		if (ag__u64map_put(&g->link_index, ag__pair_key(a, b), i) < 0)
			return AG_ENOMEM;
		g->n_links++;
	}
	l = &g->links[i];
	l->rel[rel] += count;
	l->weight += count;
	if (out_link)
		*out_link = i;
	if (evidence && evidence->doc < g->n_docs)
		return ag__link_add_evidence(g, l, evidence);
	return 0;
}

void ag_graph_link_ends(const ag_graph *g, size_t link, size_t *a, size_t *b)
{
	*a = g->links[link].a;
	*b = g->links[link].b;
}

double ag_graph_link_weight(const ag_graph *g, size_t link) { return g->links[link].weight; }

unsigned ag_graph_link_relation(const ag_graph *g, size_t link, ag_relation rel)
{
	return (unsigned)rel < AG_REL_COUNT ? g->links[link].rel[rel] : 0;
}

size_t ag_graph_link_evidence_count(const ag_graph *g, size_t link) { return g->links[link].n_ev; }

const ag_evidence *ag_graph_link_evidence(const ag_graph *g, size_t link, size_t i)
{
	return &g->links[link].ev[i];
}

json_t *ag__graph_attrs(ag_graph *g)
{
	if (!g->attrs)
		g->attrs = json_object();
	return g->attrs;
}

const char *ag__doc_source(const ag_graph *g, size_t doc)
{
	uint32_t s = g->docs[doc].source;
	return s && s <= g->sources.count ? g->sources.items[s - 1] : NULL;
}

int ag__graph_source(ag_graph *g, const char *name, uint32_t *out)
{
	size_t i;
	for (i = 0; i < g->sources.count; i++)
		if (strcmp(g->sources.items[i], name) == 0)
			break;
	if (i == g->sources.count && (i >= UINT32_MAX - 1 || ag__strlist_add(&g->sources, name) < 0))
		return ag__enomem();
	*out = (uint32_t)i + 1;
	return 0;
}

int ag__graph_reindex(ag_graph *g)
{
	ag__strmap_free(&g->node_index);
	ag__strmap_free(&g->doc_index);
	ag__u64map_free(&g->link_index);
	for (size_t i = 0; i < g->n_nodes; i++)
		if (ag__strmap_put(&g->node_index, g->nodes[i].id, i) < 0)
			return AG_ENOMEM;
	for (size_t i = 0; i < g->n_docs; i++)
		if (ag__strmap_put(&g->doc_index, g->docs[i].id, i) < 0)
			return AG_ENOMEM;
	for (size_t i = 0; i < g->n_links; i++)
		if (ag__u64map_put(&g->link_index, ag__pair_key(g->links[i].a, g->links[i].b), i) < 0)
			return AG_ENOMEM;
	return 0;
}

/* C11 qsort takes no context pointer, and a file-level one would not be
 * thread-safe, so the sort keys are copied beside the indices instead. */
static int str_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

typedef struct {
	const char *key;
	size_t index;
} keyed;

static int keyed_cmp(const void *x, const void *y)
{
	const keyed *a = x, *b = y;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	return (a->index > b->index) - (a->index < b->index);
}

/* qsort, unless the array is in order already (a graph sorted before and
 * not changed since: each writer sorts, and so does resolution). */
static void sort_if_needed(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	const char *p = base;
	for (size_t i = 1; i < n; i++) {
		if (cmp(p + (i - 1) * size, p + i * size) > 0) {
			qsort(base, n, size, cmp);
			return;
		}
	}
}

/* Links and evidence are ordered after nodes and documents, whose new
 * indices follow their ids (which are unique): comparing indices then gives
 * the order of the ids without comparing strings. */
typedef struct {
	size_t a, b; /* new node indices, a < b */
	size_t index;
} keyed2;

static int keyed2_cmp(const void *x, const void *y)
{
	const keyed2 *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return (p->index > q->index) - (p->index < q->index);
}

/* Evidence by (document, start, end), documents by their new index. */
static int ev_cmp(const void *x, const void *y)
{
	const ag_evidence *a = x, *b = y;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (a->end > b->end) - (a->end < b->end);
}

/* Put element order[i] at i for every i, in place, following the cycles of
 * the permutation (order[] is left as the identity). */
static void permute(void *base, size_t size, keyed *order, size_t n, void *spare)
{
	char *p = base;
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		if (order[i].index == i)
			continue;
		memcpy(spare, p + i * size, size);
		for (;;) {
			size_t k = order[j].index;
			order[j].index = j;
			if (k == i) {
				memcpy(p + j * size, spare, size);
				break;
			}
			memcpy(p + j * size, p + k * size, size);
			j = k;
		}
	}
}

int ag_graph_sort(ag_graph *g)
{
	size_t n = g->n_nodes, m = g->n_links, d = g->n_docs;
	size_t big = n > m ? n : m;
	keyed *kn = NULL;
	keyed2 *kl = NULL;
	size_t *node_map = NULL, *doc_map = NULL;
	union {
		ag_node n;
		ag_link l;
		ag_doc_rec d;
	} spare;
	bool moved = false; /* anything renumbered: the indexes are rebuilt */
	int rc = AG_ENOMEM;

	if (big < d)
		big = d;
	if (!(kn = malloc((big + 1) * sizeof(*kn))) || !(node_map = malloc((n + 1) * sizeof(size_t))) ||
	    !(doc_map = malloc((d + 1) * sizeof(size_t)))) {
		ag__enomem();
		goto cleanup;
	}

	/* documents */
	for (size_t i = 0; i < d; i++) {
		kn[i].key = g->docs[i].id;
		kn[i].index = i;
	}
	sort_if_needed(kn, d, sizeof(*kn), keyed_cmp);
	for (size_t i = 0; i < d; i++) {
		doc_map[kn[i].index] = i;
		moved |= kn[i].index != i;
	}
	permute(g->docs, sizeof(*g->docs), kn, d, &spare);

	/* nodes, and each node's aliases */
	for (size_t i = 0; i < n; i++) {
		if (g->nodes[i].aliases.count > 1)
			sort_if_needed(g->nodes[i].aliases.items, g->nodes[i].aliases.count, sizeof(char *), str_cmp);
		kn[i].key = g->nodes[i].id;
		kn[i].index = i;
	}
	sort_if_needed(kn, n, sizeof(*kn), keyed_cmp);
	for (size_t i = 0; i < n; i++) {
		node_map[kn[i].index] = i;
		moved |= kn[i].index != i;
	}
	permute(g->nodes, sizeof(*g->nodes), kn, n, &spare);
	free(kn);
	kn = NULL;

	if (!(kl = malloc((m + 1) * sizeof(*kl)))) {
		ag__enomem();
		goto cleanup;
	}
	/* links: renumber ends, put the smaller id first, then order */
	for (size_t i = 0; i < m; i++) {
		ag_link *l = &g->links[i];
		size_t a = node_map[l->a], b = node_map[l->b];
		l->a = a < b ? a : b;
		l->b = a < b ? b : a;
		for (size_t e = 0; e < l->n_ev; e++)
			l->ev[e].doc = doc_map[l->ev[e].doc];
		if (l->n_ev > 1)
			sort_if_needed(l->ev, l->n_ev, sizeof(*l->ev), ev_cmp);
		l->ev_worst_ok = false; /* renumbered and reordered */
		kl[i].a = l->a;
		kl[i].b = l->b;
		kl[i].index = i;
	}
	sort_if_needed(kl, m, sizeof(*kl), keyed2_cmp);
	for (size_t i = 0; i < m; i++)
		moved |= kl[i].index != i;
	{
		/* permute by kl: the cycle walk of permute(), on keyed2 */
		char *p = (char *)g->links;
		for (size_t i = 0; i < m; i++) {
			size_t j = i;
			if (kl[i].index == i)
				continue;
			memcpy(&spare, p + i * sizeof(ag_link), sizeof(ag_link));
			for (;;) {
				size_t k = kl[j].index;
				kl[j].index = j;
				if (k == i) {
					memcpy(p + j * sizeof(ag_link), &spare, sizeof(ag_link));
					break;
				}
				memcpy(p + j * sizeof(ag_link), p + k * sizeof(ag_link), sizeof(ag_link));
				j = k;
			}
		}
	}
	/* (a link's key does not depend on the order of its ends) */
	if (moved || g->node_index.count != n || g->doc_index.count != d || g->link_index.count != m)
		rc = ag__graph_reindex(g);
	else
		rc = 0;

cleanup:
	free(kn);
	free(kl);
	free(node_map);
	free(doc_map);
	return rc;
}
