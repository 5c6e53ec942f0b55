/*
 * style.c - the visual encoding of the diagram, shared by the DOT file and the
 * rendered images:
 *   node shape and border by type: person ellipse, state rounded box with a
 *     heavy border, organization hexagon, meeting dashed diamond, any
 *     other type (a graph from another tool) octagon - readable without
 *     colour;
 *   node fill by community, the same in every picture of a graph: the
 *     colour and pattern the analysis stored for it in the graph's
 *     "communities" record (src/analyze/communities.c), else the same rule
 *     by id: Paul Tol's "light" qualitative colours (colour-blind safe, dark
 *     text stays legible on them) for ids 0-7, then the same colours with a
 *     double border (8-15), half filled (16-23), both (24-31), and round
 *     again; a community of one node (by the record's size) white, no
 *     community pale grey;
 *   the node at the centre of an ego view: a heavy magenta outline;
 *   node size and font size by a centrality (pagerank by default), scaled by
 *     the square root so that area follows the value, over the drawn nodes;
 *     font never below 10;
 *   link pen width 1 + 1.5 log2(weight), capped at 7; colour and dash by the
 *     strongest relation of the link: mediator (vermillion, dashed), host
 *     (green), party (near-black), participant (purple, dotted), affiliation
 *     (blue, dashed), co-mention (grey); a link without relations (a graph
 *     from another tool) plain grey.
 * The tables and the functions that pick from them; diagram.c and legend.c
 * apply them (tooltips, title and legend are theirs).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

const ag_render_type_style ag__render_type_styles[AG_NODE_TYPE_COUNT] = {
	[AG_NODE_PERSON] = {"ellipse", "filled", "#404040", "1.2", "person", "ellipse", 64, 24},
	[AG_NODE_STATE] = {"box", "rounded,filled", "#1A1A1A", "2.6", "state", "heavy rounded box", 64, 24},
	[AG_NODE_ORGANIZATION] = {"hexagon", "filled", "#404040", "1.6", "organization", "hexagon", 78, 26},
	[AG_NODE_MEETING] = {"diamond", "filled,dashed", "#404040", "1.6", "meeting", "dashed diamond", 80, 30},
	[AG_NODE_OTHER] = {"octagon", "filled", "#606060", "1.2", "other", "octagon", 56, 30},
};

const ag_render_rel_style ag__render_rel_styles[AG_REL_COUNT + 1] = {
	[AG_REL_CO_MENTION] = {AG_RENDER_COLOR_CO_MENTION, "solid", 1.0, "co-mention"},
	[AG_REL_AFFILIATION] = {"#0072B2", "dashed", 1.4, "affiliation"},
	[AG_REL_PARTY] = {"#1A1A1A", "solid", 1.6, "party to meeting"},
	[AG_REL_MEDIATOR] = {"#D55E00", "dashed", 2.6, "mediator"},
	[AG_REL_HOST] = {"#009E73", "solid", 2.2, "host of meeting"},
	[AG_REL_PARTICIPANT] = {"#AA4499", "dotted", 2.2, "participant"},
	[AG_REL_SHARED_MEETING] = {"#AA4499", "solid", 1.4, "at the same meeting"},
	[AG_REL_OTHER] = {"#B0B0B0", "dotted", 1.0, "other relation"},
	[AG_RENDER_REL_PLAIN] = {AG_RENDER_COLOR_CO_MENTION, "solid", 1.0, "link"},
};

/* The relation that decides a link's look: the most specific one present.
 * (Unsized here, sized in render.h: a list of another length does not compile.) */
const ag_relation ag__render_rel_priority[] = {
	AG_REL_MEDIATOR, AG_REL_HOST, AG_REL_PARTY, AG_REL_PARTICIPANT, AG_REL_SHARED_MEETING,
	AG_REL_AFFILIATION, AG_REL_CO_MENTION, AG_REL_OTHER,
};

/* Paul Tol's "light" scheme, in id order (8, as render.h says); the same
 * table as src/analyze/communities.c's. */
const char *const ag__render_palette[] = {
	"#77AADD", "#EE8866", "#44BB99", "#FFAABB", "#EEDD88", "#99DDFF", "#BBCC33", "#AAAA00",
};

static const char *const pattern_names[] = {"solid", "double", "half", "half,double"};

const char *ag__render_pattern_name(ag_render_pattern p)
{
	return (unsigned)p < sizeof(pattern_names) / sizeof(pattern_names[0]) ? pattern_names[p] : "solid";
}

int ag__render_link_relation(const ag_link *l)
{
	for (size_t i = 0; i < sizeof(ag__render_rel_priority) / sizeof(ag__render_rel_priority[0]); i++)
		if (l->rel[ag__render_rel_priority[i]])
			return (int)ag__render_rel_priority[i];
	return AG_RENDER_REL_PLAIN;
}

/* ---------------------------------------------------------------- communities */

static int cmp_comm_id(const void *a, const void *b)
{
	const ag_render_community *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

const ag_render_community *ag__render_community(const ag_render_plan *p, int id)
{
	ag_render_community key;
	if (id < 0 || !p->n_comms)
		return NULL;
	key.id = id;
	return bsearch(&key, p->comms, p->n_comms, sizeof(key), cmp_comm_id);
}


static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The rule by id (the analysis's, src/analyze/communities.c); `sized`: the
 * community's size in the whole graph is known (a record gave it), so one
 * of a single node is white.  (Counted in a view, a large community cut
 * down to one node would turn white in one view and not in another.) */
static void look_by_id(ag_render_community *c, bool sized)
{
	if (sized && c->size < 2) {
		snprintf(c->color, sizeof(c->color), "%s", AG_RENDER_FILL_ALONE);
		c->pattern = AG_RENDER_PAT_SOLID;
		return;
	}
	snprintf(c->color, sizeof(c->color), "%s", ag__render_palette[(size_t)c->id % AG_RENDER_PALETTE_SIZE]);
	c->pattern = (ag_render_pattern)(((size_t)c->id / AG_RENDER_PALETTE_SIZE) % 4);
}

/* A stored colour we draw: "#RRGGBB" (or "#RGB"), written upper case. */
static int stored_color(json_t *v, char out[8])
{
	const char *s = json_string_value(v);
	size_t n;

	if (!s || s[0] != '#')
		return 0;
	n = strlen(s + 1);
	if (n != 6 && n != 3)
		return 0;
	for (size_t i = 1; i <= n; i++)
		if (!strchr("0123456789abcdefABCDEF", s[i]))
			return 0;
	for (size_t i = 0; i < 6; i++) {
		char ch = s[1 + (n == 6 ? i : i / 2)];
		out[1 + i] = ch >= 'a' && ch <= 'f' ? (char)(ch - 'a' + 'A') : ch;
	}
	out[0] = '#';
	out[7] = '\0';
	return 1;
}

static int stored_pattern(json_t *v, ag_render_pattern *out)
{
	const char *s = json_string_value(v);
	for (size_t i = 0; s && i < sizeof(pattern_names) / sizeof(pattern_names[0]); i++)
		if (strcmp(s, pattern_names[i]) == 0) {
			*out = (ag_render_pattern)i;
			return 1;
		}
	return 0;
}

/* Take what the graph's "communities" record says of the communities in p. */
static void read_records(const ag_graph *g, ag_render_plan *p, const char **hub_ids, char (*num_ids)[24],
                         bool *given, bool *sized)
{
	json_t *list = g->attrs ? json_object_get(g->attrs, "communities") : NULL, *rec;
	size_t k;

	json_array_foreach(list, k, rec) {
		json_t *id = json_object_get(rec, "id"), *size = json_object_get(rec, "size"),
		       *hub = json_object_get(rec, "hub"), *name = json_object_get(rec, "hub_label");
		ag_render_community *c;
		char color[8];
		ag_render_pattern pat = AG_RENDER_PAT_SOLID;
		size_t at;

		if (!json_is_integer(id) || json_integer_value(id) < 0 || json_integer_value(id) > INT32_MAX ||
		    !(c = (ag_render_community *)ag__render_community(p, (int)json_integer_value(id))))
			continue;
		at = (size_t)(c - p->comms);
		if (json_is_integer(size) && json_integer_value(size) >= 1) {
			c->size = (size_t)json_integer_value(size);
			sized[at] = true;
		}
		if (stored_color(json_object_get(rec, "color"), color)) {
			memcpy(c->color, color, sizeof(color));
			stored_pattern(json_object_get(rec, "pattern"), &pat);
			c->pattern = pat;
			given[at] = true;
		}
		if (json_is_string(hub)) {
			hub_ids[at] = json_string_value(hub);
		} else if (json_is_integer(hub)) {
			snprintf(num_ids[at], sizeof(num_ids[at]), "%lld", (long long)json_integer_value(hub));
			hub_ids[at] = num_ids[at];
		}
		if (json_is_string(name) && !c->name)
			c->name = json_string_value(name);
	}
}

/* The communities of g with their looks and names (after the sizes: a
 * community without a known hub is named by its largest drawn member). */
static int communities(const ag_graph *g, ag_render_plan *p)
{
	int *ids = NULL;
	bool *given = NULL, *sized = NULL;
	const char **hub_ids = NULL;
	char(*num_ids)[24] = NULL;
	size_t *best = NULL, n = 0, k = 0;
	int rc = 0;

	if (!(ids = malloc((g->n_nodes + 1) * sizeof(*ids))))
		return ag__enomem();
	for (size_t i = 0; i < g->n_nodes; i++)
		if (g->nodes[i].community >= 0)
			ids[n++] = g->nodes[i].community;
	qsort(ids, n, sizeof(*ids), cmp_int);
	if (!(p->comms = calloc(n + 1, sizeof(*p->comms)))) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (size_t i = 0; i < n; i++) {
		if (!k || p->comms[k - 1].id != ids[i])
			p->comms[k++].id = ids[i];
		p->comms[k - 1].size++;
	}
	p->n_comms = k;
	hub_ids = calloc(k + 1, sizeof(*hub_ids));
	num_ids = calloc(k + 1, sizeof(*num_ids));
	best = malloc((k + 1) * sizeof(*best));
	given = calloc(k + 1, sizeof(*given));
	sized = calloc(k + 1, sizeof(*sized));
	if (!hub_ids || !num_ids || !best || !given || !sized) {
		rc = ag__enomem();
		goto cleanup;
	}
	read_records(g, p, hub_ids, num_ids, given, sized);
	for (size_t c = 0; c < k; c++) {
		size_t hub;
		if (!given[c])
			look_by_id(&p->comms[c], sized[c]);
		best[c] = AG_RENDER_NONE;
		/* the stored hub, shown as the diagram shows it, when it is in g */
		if (hub_ids[c] && ag_graph_find_node(g, hub_ids[c], &hub) == 0)
			p->comms[c].name = p->labels[hub];
	}
	/* drawn members, and the largest one for a community without a name */
	for (size_t i = 0; i < g->n_nodes; i++) {
		ag_render_community *c = (ag_render_community *)ag__render_community(p, g->nodes[i].community);
		size_t at;
		if (!c || !p->node_on[i])
			continue;
		at = (size_t)(c - p->comms);
		c->drawn++;
		if (best[at] == AG_RENDER_NONE || p->sizes[i] > p->sizes[best[at]])
			best[at] = i;
	}
	for (size_t c = 0; c < k; c++)
		if (!p->comms[c].name && best[c] != AG_RENDER_NONE)
			p->comms[c].name = p->labels[best[c]];
cleanup:
	free(ids);
	free(hub_ids);
	free(num_ids);
	free(best);
	free(given);
	free(sized);
	return rc;
}

/* ---------------------------------------------------------------- sizes */

/* Node sizes in [0, 1] over the drawn nodes (see ag__render_style). */
static int node_sizes(const ag_graph *g, ag_render_plan *p)
{
	double *v, lo = INFINITY, hi = -INFINITY;
	int slot = ag__graph_metric_slot((ag_graph *)g, p->size_by, false);
	bool have = false;

	p->size_used = NULL;
	if (!(v = calloc(g->n_nodes + 1, sizeof(double))))
		return ag__enomem();
	p->sizes = v;
	if (slot >= 0)
		for (size_t i = 0; i < g->n_nodes; i++) {
			v[i] = g->nodes[i].metrics ? g->nodes[i].metrics[slot] : NAN;
			if (p->node_on[i] && isfinite(v[i]))
				have = true;
		}
	if (have) {
		p->size_used = p->size_by;
	} else {
		bool strength = strcmp(p->size_by, "strength") == 0;
		for (size_t i = 0; i < g->n_nodes; i++)
			v[i] = 0;
		for (size_t j = 0; j < g->n_links; j++) {
			const ag_link *l = &g->links[j];
			double w = strength ? l->weight : 1;
			if (!p->link_on[j] || !isfinite(w))
				continue;
			v[l->a] += w;
			v[l->b] += w;
		}
		p->size_used = strength ? "strength" : "degree";
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		if (p->node_on[i] && isfinite(v[i])) {
			if (v[i] < lo)
				lo = v[i];
			if (v[i] > hi)
				hi = v[i];
		}
	if (!(hi > lo)) {
		for (size_t i = 0; i < g->n_nodes; i++)
			v[i] = 0.25;
		p->size_used = NULL;
		return 0;
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		v[i] = isfinite(v[i]) && v[i] >= lo ? sqrt((v[i] - lo) / (hi - lo)) : 0;
	return 0;
}

int ag__render_style(const ag_graph *g, ag_render_plan *p)
{
	int rc;
	if ((rc = node_sizes(g, p)) < 0)
		return rc;
	return communities(g, p);
}

double ag__render_link_penwidth(const ag_link *l, int rel)
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
