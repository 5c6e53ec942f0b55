/*
 * style.c - the visual encoding of the diagram, shared by the DOT file and the
 * rendered images:
 *   node shape and border by type: person ellipse, state rounded box with a
 *     heavy border, organization hexagon, meeting dashed diamond, other
 *     dotted octagon - readable without colour;
 *   node fill by community: the 8 largest communities (of 2 or more nodes)
 *     get Paul Tol's "light" qualitative colours (colour-blind safe, dark
 *     text stays legible on them), smaller communities white, no community
 *     pale grey;
 *   node size and font size by a centrality (pagerank by default), scaled by
 *     the square root so that area follows the value; font never below 10;
 *   link pen width 1 + 1.5 log2(weight), capped at 7; colour and dash by the
 *     strongest relation of the link: mediator (vermillion, dashed), host
 *     (green), party (near-black), participant (purple, dotted), affiliation
 *     (blue, dashed), co-mention (grey).
 * The tables and the functions that pick from them; diagram.c and legend.c
 * apply them (tooltips, title and legend are theirs).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

const ag_render_type_style ag__render_type_styles[AG_NODE_TYPE_COUNT] = {
	[AG_NODE_PERSON] = {"ellipse", "filled", "#404040", "1.2", "person", "ellipse"},
	[AG_NODE_STATE] = {"box", "rounded,filled", "#1A1A1A", "2.6", "state", "heavy rounded box"},
	[AG_NODE_ORGANIZATION] = {"hexagon", "filled", "#404040", "1.6", "organization", "hexagon"},
	[AG_NODE_MEETING] = {"diamond", "filled,dashed", "#404040", "1.6", "meeting", "dashed diamond"},
	[AG_NODE_OTHER] = {"octagon", "filled,dotted", "#606060", "1.2", "other", "dotted octagon"},
};

const ag_render_rel_style ag__render_rel_styles[AG_REL_COUNT] = {
	[AG_REL_CO_MENTION] = {AG_RENDER_COLOR_CO_MENTION, "solid", 1.0, "co-mention"},
	[AG_REL_AFFILIATION] = {"#0072B2", "dashed", 1.4, "affiliation"},
	[AG_REL_PARTY] = {"#1A1A1A", "solid", 1.6, "party to meeting"},
	[AG_REL_MEDIATOR] = {"#D55E00", "dashed", 2.6, "mediator"},
	[AG_REL_HOST] = {"#009E73", "solid", 2.2, "host of meeting"},
	[AG_REL_PARTICIPANT] = {"#AA4499", "dotted", 2.2, "participant"},
	[AG_REL_SHARED_MEETING] = {"#AA4499", "solid", 1.4, "at the same meeting"},
	[AG_REL_OTHER] = {"#B0B0B0", "dotted", 1.0, "other relation"},
};

/* The relation that decides a link's look: the most specific one present.
 * (Unsized here, sized in render.h: a list of another length does not compile.) */
const ag_relation ag__render_rel_priority[] = {
	AG_REL_MEDIATOR, AG_REL_HOST, AG_REL_PARTY, AG_REL_PARTICIPANT, AG_REL_SHARED_MEETING,
	AG_REL_AFFILIATION, AG_REL_CO_MENTION, AG_REL_OTHER,
};

/* Paul Tol's "light" scheme, most distinct first (8, as render.h says). */
const char *const ag__render_palette[] = {
	"#77AADD", "#EE8866", "#44BB99", "#FFAABB", "#EEDD88", "#99DDFF", "#BBCC33", "#AAAA00",
};

ag_relation ag__render_link_relation(const ag_link *l)
{
	for (size_t i = 0; i < sizeof(ag__render_rel_priority) / sizeof(ag__render_rel_priority[0]); i++)
		if (l->rel[ag__render_rel_priority[i]])
			return ag__render_rel_priority[i];
	return AG_REL_CO_MENTION;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int cmp_by_size(const void *a, const void *b)
{
	const ag_render_community *x = a, *y = b;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static int cmp_by_id(const void *a, const void *b)
{
	const ag_render_community *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* *out sorted by id, with ranks; *count communities.  Free *out. */
int ag__render_rank_communities(const ag_graph *g, ag_render_community **out, size_t *count)
{
	int *ids = NULL;
	ag_render_community *c = NULL;
	size_t n = 0, k = 0;

	*out = NULL;
	*count = 0;
	if (!(ids = malloc((g->n_nodes + 1) * sizeof(int))) ||
	    !(c = malloc((g->n_nodes + 1) * sizeof(ag_render_community)))) {
		free(ids);
		free(c);
		return ag__enomem();
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		if (g->nodes[i].community >= 0)
			ids[n++] = g->nodes[i].community;
	qsort(ids, n, sizeof(int), cmp_int);
	for (size_t i = 0; i < n; i++) {
		if (k && c[k - 1].id == ids[i]) {
			c[k - 1].size++;
		} else {
			c[k].id = ids[i];
			c[k].size = 1;
			k++;
		}
	}
	qsort(c, k, sizeof(*c), cmp_by_size);
	for (size_t i = 0; i < k; i++)
		c[i].rank = i;
	qsort(c, k, sizeof(*c), cmp_by_id);
	free(ids);
	*out = c;
	*count = k;
	return 0;
}

const char *ag__render_community_fill(const ag_render_community *c, size_t n, int id)
{
	ag_render_community key, *hit;

	if (id < 0)
		return AG_RENDER_FILL_NONE;
	key.id = id;
	hit = bsearch(&key, c, n, sizeof(*c), cmp_by_id);
	if (hit && hit->size >= 2 && hit->rank < AG_RENDER_PALETTE_SIZE)
		return ag__render_palette[hit->rank];
	return AG_RENDER_FILL_SMALL;
}

/*
 * Node sizes in [0, 1] from the plan's metric, or from degree (strength
 * when strength was asked for) computed from the links when the graph has
 * no values for it.  *used names what was used, NULL when all sizes are
 * equal.  Free *out.
 */
int ag__render_node_sizes(const ag_graph *g, const ag_render_plan *plan, double **out, const char **used)
{
	double *v, lo = INFINITY, hi = -INFINITY;
	int slot = ag__graph_metric_slot((ag_graph *)g, plan->size_by, false);
	bool have = false;

	*used = NULL;
	if (!(v = calloc(g->n_nodes + 1, sizeof(double))))
		return ag__enomem();
	*out = v;
	if (slot >= 0)
		for (size_t i = 0; i < g->n_nodes; i++) {
			v[i] = g->nodes[i].metrics ? g->nodes[i].metrics[slot] : NAN;
			if (isfinite(v[i]))
				have = true;
		}
	if (have) {
		*used = plan->size_by;
	} else {
		bool strength = strcmp(plan->size_by, "strength") == 0;
		for (size_t i = 0; i < g->n_nodes; i++)
			v[i] = 0;
		for (size_t j = 0; j < g->n_links; j++) {
			const ag_link *l = &g->links[j];
			double w = strength ? l->weight : 1;
			if (l->a >= g->n_nodes || l->b >= g->n_nodes || !isfinite(w))
				continue;
			v[l->a] += w;
			v[l->b] += w;
		}
		*used = strength ? "strength" : "degree";
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		if (isfinite(v[i])) {
			if (v[i] < lo)
				lo = v[i];
			if (v[i] > hi)
				hi = v[i];
		}
	if (!(hi > lo)) {
		for (size_t i = 0; i < g->n_nodes; i++)
			v[i] = 0.25;
		*used = NULL;
		return 0;
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		v[i] = isfinite(v[i]) ? sqrt((v[i] - lo) / (hi - lo)) : 0;
	return 0;
}

double ag__render_link_penwidth(const ag_link *l, ag_relation rel)
{
	double w = l->weight, pw = 1;
	if (isfinite(w) && w > 1)
		pw = 1 + 1.5 * log2(w);
	if (pw > 7)
		pw = 7;
	if (pw < ag__render_rel_styles[rel].min_pen)
		pw = ag__render_rel_styles[rel].min_pen;
	return pw;
}
