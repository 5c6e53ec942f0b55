/*
 * cut.c - what an image draws of a graph.
 *
 * A drawing of thousands of nodes is a grey wall (and takes Graphviz
 * minutes), and the most central nodes of a news graph are nearly all
 * states: ranked together, persons and meetings never make it in.  So an
 * image of a graph larger than max_nodes draws
 *   1. the ego of an ego view (the last filter record's "ego");
 *   2. the most central nodes of each type, up to an equal share of half the
 *      cap (max_nodes / (2 x the types present)): every type is seen;
 *   3. then the most central of the rest, whatever their type, to the cap;
 * centrality being the stored PageRank when every node has one, else the
 * strength over the links (ties: smaller id).  And when the links between
 * the drawn nodes are dense, each drawn node keeps its THIN_PER_NODE
 * strongest links (heavier first, then the more specific relation, then
 * the graph's order), the ego all of its own.  The title says what was cut.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

/* Links are thinned when there are more than THIN_MIN_LINKS of them and
 * more than THIN_DENSITY per drawn node (a mean degree over 10): past that
 * a force layout draws a hairball. */
#define THIN_MIN_LINKS 600
#define THIN_DENSITY 5
/* ... to the strongest THIN_PER_NODE of each node. */
#define THIN_PER_NODE 4

size_t ag__render_find_ego(const ag_graph *g)
{
	json_t *filters = g->attrs ? json_object_get(g->attrs, "filters") : NULL;
	size_t k;

	for (size_t i = json_array_size(filters); i-- > 0;) {
		json_t *ego = json_object_get(json_array_get(filters, i), "ego");
		if (json_is_string(ego))
			return ag_graph_find_node(g, json_string_value(ego), &k) == 0 ? k : AG_RENDER_NONE;
	}
	return AG_RENDER_NONE;
}

typedef struct {
	double score;
	const char *id;
	size_t index;
} ranked;

static int cmp_ranked(const void *x, const void *y)
{
	const ranked *a = x, *b = y;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int valid_link(const ag_graph *g, const ag_link *l)
{
	return l->a < g->n_nodes && l->b < g->n_nodes && l->a != l->b;
}

/* Steps 1-3 above: node_on for the max_nodes most central. */
static int cut_nodes(const ag_graph *g, size_t max_nodes, ag_render_plan *p)
{
	int slot = ag__graph_metric_slot((ag_graph *)g, "pagerank", false);
	size_t taken[AG_NODE_TYPE_COUNT] = {0}, types = 0, kept = 0, floor;
	bool present[AG_NODE_TYPE_COUNT] = {false};
	ranked *rank;

	if (!(rank = malloc(g->n_nodes * sizeof(*rank))))
		return ag__enomem();
	for (size_t i = 0; i < g->n_nodes && slot >= 0; i++)
		if (!g->nodes[i].metrics || !isfinite(g->nodes[i].metrics[slot]))
			slot = -1; /* not every node has one: rank by strength */
	for (size_t i = 0; i < g->n_nodes; i++) {
		rank[i].score = slot >= 0 ? g->nodes[i].metrics[slot] : 0;
		rank[i].id = g->nodes[i].id ? g->nodes[i].id : "";
		rank[i].index = i;
		ag_node_type t = g->nodes[i].type < AG_NODE_TYPE_COUNT ? g->nodes[i].type : AG_NODE_OTHER;
		if (!present[t])
			types++;
		present[t] = true;
	}
	if (slot < 0)
		for (size_t j = 0; j < g->n_links; j++) {
			const ag_link *l = &g->links[j];
			if (!valid_link(g, l) || !isfinite(l->weight))
				continue;
			rank[l->a].score += l->weight;
			rank[l->b].score += l->weight;
		}
	p->cap_by = slot >= 0 ? "PageRank" : "strength";
	qsort(rank, g->n_nodes, sizeof(*rank), cmp_ranked);

	floor = max_nodes / (2 * (types ? types : 1));
	if (floor < 1)
		floor = 1;
	p->cap_floor = floor;
	if (p->ego != AG_RENDER_NONE) {
		p->node_on[p->ego] = 1;
		taken[g->nodes[p->ego].type < AG_NODE_TYPE_COUNT ? g->nodes[p->ego].type : AG_NODE_OTHER]++;
		kept++;
	}
	for (size_t r = 0; r < g->n_nodes && kept < max_nodes; r++) {
		size_t i = rank[r].index;
		ag_node_type t = g->nodes[i].type < AG_NODE_TYPE_COUNT ? g->nodes[i].type : AG_NODE_OTHER;
		if (!p->node_on[i] && taken[t] < floor) {
			p->node_on[i] = 1;
			taken[t]++;
			kept++;
		}
	}
	for (size_t r = 0; r < g->n_nodes && kept < max_nodes; r++)
		if (!p->node_on[rank[r].index]) {
			p->node_on[rank[r].index] = 1;
			kept++;
		}
	free(rank);
	return 0;
}

/* For thin_links: a link of one node; strongest first. */
typedef struct {
	double weight;
	int prio; /* position of the link's relation in the priority list */
	size_t index;
} incident;

static int cmp_incident(const void *x, const void *y)
{
	const incident *a = x, *b = y;
	if (a->weight != b->weight)
		return a->weight > b->weight ? -1 : 1;
	if (a->prio != b->prio)
		return a->prio < b->prio ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

static int relation_prio(const ag_link *l)
{
	int r = ag__render_link_relation(l);
	for (int k = 0; k < AG_REL_COUNT; k++)
		if ((int)ag__render_rel_priority[k] == r)
			return k;
	return AG_REL_COUNT;
}

/* Keep each drawn node's THIN_PER_NODE strongest links (the ego: all). */
static int thin_links(const ag_graph *g, ag_render_plan *p)
{
	size_t *start = NULL, *fill = NULL;
	incident *inc = NULL;
	unsigned char *keep = NULL;
	int rc = 0;

	start = calloc(g->n_nodes + 2, sizeof(*start));
	fill = calloc(g->n_nodes + 1, sizeof(*fill));
	inc = malloc((2 * p->links + 1) * sizeof(*inc));
	keep = calloc(g->n_links + 1, 1);
	if (!start || !fill || !inc || !keep) {
		rc = ag__enomem();
		goto cleanup;
	}
	/* the drawn links of each node, in one array (node i: start[i] .. start[i+1]) */
	for (size_t j = 0; j < g->n_links; j++)
		if (p->link_on[j]) {
			start[g->links[j].a + 1]++;
			start[g->links[j].b + 1]++;
		}
	for (size_t i = 0; i < g->n_nodes; i++)
		start[i + 1] += start[i];
	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		incident e;
		if (!p->link_on[j])
			continue;
		e.weight = isfinite(l->weight) ? l->weight : 0;
		e.prio = relation_prio(l);
		e.index = j;
		inc[start[l->a] + fill[l->a]++] = e;
		inc[start[l->b] + fill[l->b]++] = e;
	}
	for (size_t i = 0; i < g->n_nodes; i++) {
		size_t n = start[i + 1] - start[i];
		if (!n)
			continue;
		qsort(inc + start[i], n, sizeof(*inc), cmp_incident);
		for (size_t k = 0; k < n && (k < THIN_PER_NODE || i == p->ego); k++)
			keep[inc[start[i] + k].index] = 1;
	}
	p->links = 0;
	for (size_t j = 0; j < g->n_links; j++) {
		p->link_on[j] = keep[j];
		p->links += keep[j];
	}
	p->thin = THIN_PER_NODE;
cleanup:
	free(start);
	free(fill);
	free(inc);
	free(keep);
	return rc;
}

int ag__render_cut(const ag_graph *g, size_t max_nodes, ag_render_plan *p)
{
	int rc;

	if (!(p->node_on = calloc(g->n_nodes + 1, 1)) || !(p->link_on = calloc(g->n_links + 1, 1)))
		return ag__enomem();
	p->ego = ag__render_find_ego(g);
	if (max_nodes > 0 && g->n_nodes > max_nodes) {
		if ((rc = cut_nodes(g, max_nodes, p)) < 0)
			return rc;
	} else {
		memset(p->node_on, 1, g->n_nodes);
	}
	p->nodes = 0;
	for (size_t i = 0; i < g->n_nodes; i++)
		p->nodes += p->node_on[i];
	p->links = 0;
	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		p->link_on[j] = valid_link(g, l) && p->node_on[l->a] && p->node_on[l->b];
		p->links += p->link_on[j];
	}
	p->links_unthinned = p->links;
	if (max_nodes > 0 && p->links > THIN_MIN_LINKS && p->links > THIN_DENSITY * p->nodes)
		return thin_links(g, p);
	return 0;
}
