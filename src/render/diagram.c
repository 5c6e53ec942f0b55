/*
 * diagram.c - the graph as a cgraph graph with the diagram's encoding
 * (style.c): one node per node, one edge per link, with labels, tooltips and
 * a title; the legend is legend.c's, added by the writers.
 *
 *   labels: the node's shown label (labels.c), words wrapped;
 *   tooltips with the type, role, affiliation, community, metrics and, for
 *     links, the relation counts and an evidence sentence;
 *   a title (title.c);
 *   only what the plan draws (cut.c), the ego of an ego view outlined.
 *
 * DOT node names are the node ids, escaped like labels; an id that becomes
 * the same name as an earlier one gets "~2", "~3"..., and one starting with
 * '%' (an anonymous id to cgraph) gets a leading '_'.  Nodes and links are
 * added in the graph's order, and every string goes through escape.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

/* Longest text (in characters) of one tooltip field. */
#define TIP_FIELD_MAX 200
/* Metrics listed in a node tooltip. */
#define TIP_METRICS 8
/* Nodes above which edges are drawn straight (spline routing is quadratic:
 * 150 nodes and 199 links took neato 8 s, 47 and 223 under a second). */
#define SPLINE_NODES_MAX 100
/* ... and links: routing thousands of curved edges takes neato minutes */
#define SPLINE_LINKS_MAX 1500
/* ... and nodes x links, which routing grows with (faster than linearly): 100
 * nodes and 336 links took 1.5 s, 150 and 525 took 14 s */
#define SPLINE_WORK_MAX 40000

/* ---------------------------------------------------------------- cgraph helpers */

int ag__render_set_attr(void *obj, const char *name, const char *value)
{
	if (agsafeset(obj, (char *)name, (char *)value, (char *)"") != 0)
		return ag__error(AG_ERROR, "Graphviz refused attribute '%s'", name);
	return 0;
}

/* Declare an attribute with its default, unless it exists already. */
static int declare(Agraph_t *G, int kind, const char *name, const char *def)
{
	if (agattr(G, kind, (char *)name, NULL))
		return 0;
	if (!agattr(G, kind, (char *)name, (char *)def))
		return ag__error(AG_ERROR, "Graphviz refused attribute '%s'", name);
	return 0;
}

/* A node whose name is `base`, or base~2, base~3, ... when that is taken. */
int ag__render_new_node(Agraph_t *G, Agraph_t *where, ag_buf *name, Agnode_t **out)
{
	size_t base = name->len;
	unsigned k = 1;

	while (agnode(G, name->data, 0)) {
		name->len = base;
		if (ag__buf_printf(name, "~%u", ++k) < 0)
			return AG_ENOMEM;
	}
	if (!(*out = agnode(where, name->data, 1)))
		return ag__error(AG_ERROR, "Graphviz could not create a node");
	return 0;
}

int ag__render_set_fill(void *obj, const ag_render_community *c, const char *style)
{
	char fill[32];
	ag_render_pattern pat = c ? c->pattern : AG_RENDER_PAT_SOLID;
	int rc;

	/* half: a two-stop colour list with a fraction is a hard split, the
	 * left half the colour, the right white */
	snprintf(fill, sizeof(fill), "%s%s", c ? c->color : AG_RENDER_FILL_NONE,
	         pat == AG_RENDER_PAT_HALF || pat == AG_RENDER_PAT_HALF_DOUBLE ? ";0.5:#FFFFFF" : "");
	if ((rc = ag__render_set_attr(obj, "fillcolor", fill)) < 0 || (rc = ag__render_set_attr(obj, "style", style)) < 0)
		return rc;
	/* "" is the shape's own count (one border) */
	return ag__render_set_attr(obj, "peripheries",
	                           pat == AG_RENDER_PAT_DOUBLE || pat == AG_RENDER_PAT_HALF_DOUBLE ? "2" : "");
}

/* ---------------------------------------------------------------- tooltips */

static int tip_line(ag_buf *b, const char *key, const char *value)
{
	if (!value || !*value)
		return 0;
	if ((b->len && ag__buf_puts(b, "\\n") < 0) || ag__buf_printf(b, "%s: ", key) < 0)
		return AG_ENOMEM;
	return ag__render_put_str(b, value, TIP_FIELD_MAX, AG_RENDER_TXT_BS4);
}

/* The label of the node with this id as the diagram shows it, or the id itself. */
static const char *label_of(const ag_graph *g, const ag_render_plan *plan, const char *id)
{
	size_t k;
	if (id && ag_graph_find_node(g, id, &k) == 0)
		return plan->labels[k];
	return id;
}

static int node_tooltip(ag_buf *b, const ag_graph *g, const ag_render_plan *plan, size_t i)
{
	const ag_node *n = &g->nodes[i];
	const char *size_used = plan->size_used;
	char num[160];
	size_t shown = 0;
	int rc = 0;

	ag__buf_clear(b);
	if ((rc = ag__render_put_str(b, plan->labels[i], TIP_FIELD_MAX, AG_RENDER_TXT_BS4)) < 0 ||
	    (rc = tip_line(b, "type", n->type == AG_NODE_OTHER && n->type_name ? n->type_name
	                                                                         : ag_node_type_name(n->type))) < 0 ||
	    (rc = tip_line(b, "role", n->role)) < 0 ||
	    (rc = tip_line(b, "affiliation", label_of(g, plan, n->affiliation))) < 0 ||
	    (rc = tip_line(b, "place", n->place)) < 0 ||
	    (rc = tip_line(b, "country", label_of(g, plan, n->country))) < 0 ||
	    (rc = tip_line(b, "start", n->start)) < 0 || (rc = tip_line(b, "end", n->end)) < 0 ||
	    (rc = tip_line(b, "status", n->status)) < 0)
		return rc;
	if (n->community >= 0) {
		const ag_render_community *c = ag__render_community(plan, n->community);
		if (c && c->name)
			snprintf(num, sizeof(num), "%d (%.100s +%zu)", n->community, c->name, c->size - 1);
		else
			snprintf(num, sizeof(num), "%d", n->community);
		if ((rc = tip_line(b, "community", num)) < 0)
			return rc;
	}
	/* the metric that sizes the node first, then the others in graph order */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < g->n_metrics && shown < TIP_METRICS; k++) {
			bool is_size = size_used && strcmp(g->metric_names[k], size_used) == 0;
			double v = n->metrics ? n->metrics[k] : NAN;
			if (is_size != (pass == 0) || !isfinite(v))
				continue;
			ag__render_fmt_num(num, sizeof(num), "%.4g", v);
			if ((rc = tip_line(b, g->metric_names[k], num)) < 0)
				return rc;
			shown++;
		}
	if (n->mentions) {
		snprintf(num, sizeof(num), "%u", n->mentions);
		if ((rc = tip_line(b, "mentions", num)) < 0)
			return rc;
	}
	if ((rc = tip_line(b, "first seen", n->first_seen)) < 0 ||
	    (rc = tip_line(b, "last seen", n->last_seen)) < 0)
		return rc;
	if (n->aliases.count) {
		if (ag__buf_puts(b, "\\nalso: ") < 0)
			return AG_ENOMEM;
		for (size_t k = 0; k < n->aliases.count && k < 5; k++)
			if ((k && ag__buf_puts(b, "; ") < 0) ||
			    ag__render_put_str(b, n->aliases.items[k], 60, AG_RENDER_TXT_BS4) < 0)
				return AG_ENOMEM;
		if (n->aliases.count > 5 && ag__buf_puts(b, "; \xE2\x80\xA6") < 0)
			return AG_ENOMEM;
	}
	return 0;
}

static int link_tooltip(ag_buf *b, const ag_render_plan *plan, const ag_link *l)
{
	char num[64];
	bool first = true;

	ag__buf_clear(b);
	if (ag__render_put_str(b, plan->labels[l->a], 80, AG_RENDER_TXT_BS4) < 0 ||
	    ag__buf_puts(b, " \xE2\x80\x94 ") < 0 || /* em dash */
	    ag__render_put_str(b, plan->labels[l->b], 80, AG_RENDER_TXT_BS4) < 0 || ag__buf_puts(b, "\\n") < 0)
		return AG_ENOMEM;
	for (int r = 0; r < AG_REL_COUNT; r++) {
		if (!l->rel[r])
			continue;
		if (ag__buf_printf(b, "%s%s \xC3\x97%u", first ? "" : ", ", ag_relation_name((ag_relation)r),
		                  l->rel[r]) < 0)
			return AG_ENOMEM;
		first = false;
	}
	ag__render_fmt_num(num, sizeof(num), "%.6g", l->weight);
	if (ag__buf_printf(b, "%sweight %s", first ? "" : "; ", num) < 0)
		return AG_ENOMEM;
	if (l->ev_total && ag__buf_printf(b, "; evidence %zu", l->ev_total) < 0)
		return AG_ENOMEM;
	if (l->example && *l->example) {
		if (ag__buf_puts(b, "\\n\xE2\x80\x9C") < 0 ||
		    ag__render_put_str(b, l->example, AG_EXAMPLE_MAX, AG_RENDER_TXT_BS4) < 0 ||
		    ag__buf_puts(b, "\xE2\x80\x9D") < 0)
			return AG_ENOMEM;
	}
	return 0;
}

/* ---------------------------------------------------------------- build */

static int declare_all(Agraph_t *G)
{
	static const struct {
		int kind;
		const char *name, *def;
	} attrs[] = {
		{AGRAPH, "label", ""}, {AGRAPH, "labelloc", ""}, {AGRAPH, "fontname", ""},
		{AGRAPH, "fontsize", ""}, {AGRAPH, "fontcolor", ""}, {AGRAPH, "style", ""},
		{AGRAPH, "color", ""}, {AGRAPH, "bb", ""}, {AGRAPH, "lp", ""},
		{AGNODE, "label", "\\N"}, {AGNODE, "shape", "ellipse"}, {AGNODE, "style", "filled"},
		{AGNODE, "fillcolor", AG_RENDER_FILL_NONE}, {AGNODE, "color", "#404040"}, {AGNODE, "penwidth", "1.2"},
		{AGNODE, "fontname", AG_RENDER_FONT}, {AGNODE, "fontsize", "10"}, {AGNODE, "fontcolor", "#1A1A1A"},
		{AGNODE, "width", "0.55"}, {AGNODE, "height", "0.35"}, {AGNODE, "margin", "0.08,0.04"},
		{AGNODE, "fixedsize", "false"}, {AGNODE, "tooltip", ""}, {AGNODE, "peripheries", ""},
		{AGEDGE, "color", AG_RENDER_COLOR_CO_MENTION}, {AGEDGE, "style", "solid"},
		{AGEDGE, "penwidth", "1"}, {AGEDGE, "weight", "1"}, {AGEDGE, "tooltip", ""},
	};
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if (declare(G, attrs[i].kind, attrs[i].name, attrs[i].def) < 0)
			return AG_ERROR;
	return 0;
}

static int graph_attrs(Agraph_t *G, const ag_graph *g, const ag_render_plan *plan, ag_build_mode mode, ag_buf *tmp)
{
	int rc;

	ag__buf_clear(tmp);
	if ((rc = ag__render_put_title(tmp, g, plan)) < 0)
		return rc;
	if ((mode == AG_BUILD_DOT && (rc = ag__render_set_attr(G, "layout", plan->engine)) < 0) ||
	    (rc = ag__render_set_attr(G, "label", tmp->data)) < 0 ||
	    (rc = ag__render_set_attr(G, "labelloc", "t")) < 0 ||
	    (rc = ag__render_set_attr(G, "fontname", AG_RENDER_FONT)) < 0 ||
	    (rc = ag__render_set_attr(G, "fontsize", "16")) < 0 ||
	    (rc = ag__render_set_attr(G, "fontcolor", "#1A1A1A")) < 0 ||
	    (rc = ag__render_set_attr(G, "bgcolor", "white")) < 0 ||
	    (rc = ag__render_set_attr(G, "pad", "0.3")) < 0 ||
	    (rc = ag__render_set_attr(G, "overlap", "prism")) < 0 ||
	    (rc = ag__render_set_attr(G, "sep", "+6")) < 0 ||
	    (rc = ag__render_set_attr(G, "pack", "true")) < 0 ||
	    (rc = ag__render_set_attr(G, "outputorder", "edgesfirst")) < 0 ||
	    (rc = ag__render_set_attr(G, "splines",
	                   plan->nodes <= SPLINE_NODES_MAX && plan->links <= SPLINE_LINKS_MAX &&
	                           plan->nodes * plan->links <= SPLINE_WORK_MAX
	                       ? "true"
	                       : "false")) < 0)
		return rc;
	return 0;
}

int ag__render_build(const ag_graph *g, const ag_render_plan *plan, ag_build_mode mode, Agdisc_t *disc,
                     Agraph_t **out)
{
	Agraph_t *G = NULL;
	Agnode_t **nodes = NULL;
	ag_buf name = {0}, val = {0};
	char num[32];
	int rc = AG_ERROR;

	*out = NULL;
	if (!(nodes = calloc(g->n_nodes + 1, sizeof(*nodes)))) {
		rc = ag__enomem();
		goto cleanup;
	}
	if (!(G = agopen((char *)"actorgraph", Agundirected, disc))) {
		ag__error(AG_ERROR, "Graphviz could not create a graph");
		goto cleanup;
	}
	if ((rc = declare_all(G)) < 0 || (rc = graph_attrs(G, g, plan, mode, &val)) < 0)
		goto cleanup;

	for (size_t i = 0; i < g->n_nodes; i++) {
		const ag_node *n = &g->nodes[i];
		const ag_render_type_style *s =
		    &ag__render_type_styles[n->type < AG_NODE_TYPE_COUNT ? n->type : AG_NODE_OTHER];
		double t = plan->sizes[i];
		Agnode_t *v;

		if (!plan->node_on[i])
			continue;
		/* DOT node names are the ids, made safe like any other text; cgraph
		 * takes a name starting with '%' for an anonymous id (and leaks its
		 * entry), so such a name gets a '_' in front */
		ag__buf_clear(&name);
		if ((rc = ag__buf_puts(&name, n->id && n->id[0] == '%' ? "_" : "")) < 0 ||
		    (rc = ag__render_put_str(&name, n->id ? n->id : "", 0, AG_RENDER_TXT_BS2)) < 0 ||
		    (rc = ag__render_new_node(G, G, &name, &v)) < 0)
			goto cleanup;
		nodes[i] = v;
		ag__buf_clear(&val);
		if ((rc = ag__buf_puts(&val, "")) < 0 || (rc = ag__render_put_label(&val, plan->labels[i])) < 0)
			goto cleanup;
		if ((rc = ag__render_set_attr(v, "label", val.data)) < 0 ||
		    (rc = ag__render_set_attr(v, "shape", s->shape)) < 0 ||
		    (rc = ag__render_set_fill(v, ag__render_community(plan, n->community), s->style)) < 0 ||
		    (rc = ag__render_set_attr(v, "color", i == plan->ego ? AG_RENDER_EGO_COLOR : s->color)) < 0 ||
		    (rc = ag__render_set_attr(v, "penwidth", i == plan->ego ? AG_RENDER_EGO_PEN : s->penwidth)) < 0)
			goto cleanup;
		ag__render_fmt_num(num, sizeof(num), "%.2f", 0.55 + 0.9 * t);
		if ((rc = ag__render_set_attr(v, "width", num)) < 0)
			goto cleanup;
		ag__render_fmt_num(num, sizeof(num), "%.2f", 0.35 + 0.4 * t);
		if ((rc = ag__render_set_attr(v, "height", num)) < 0)
			goto cleanup;
		ag__render_fmt_num(num, sizeof(num), "%.1f", 10 + 8 * t);
		if ((rc = ag__render_set_attr(v, "fontsize", num)) < 0 ||
		    (rc = node_tooltip(&val, g, plan, i)) < 0 ||
		    (rc = ag__render_set_attr(v, "tooltip", val.len ? val.data : " ")) < 0)
			goto cleanup;
	}

	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		int r = ag__render_link_relation(l);
		Agedge_t *e;
		double w = l->weight;

		if (!plan->link_on[j])
			continue;
		if (!(e = agedge(G, nodes[l->a], nodes[l->b], NULL, 1))) {
			rc = ag__error(AG_ERROR, "Graphviz could not create an edge");
			goto cleanup;
		}
		ag__render_fmt_num(num, sizeof(num), "%.2f", ag__render_link_penwidth(l, r));
		if ((rc = ag__render_set_attr(e, "color", ag__render_rel_styles[r].color)) < 0 ||
		    (rc = ag__render_set_attr(e, "style", ag__render_rel_styles[r].style)) < 0 ||
		    (rc = ag__render_set_attr(e, "penwidth", num)) < 0)
			goto cleanup;
		/* an integer for dot; heavier links pull their ends together */
		snprintf(num, sizeof(num), "%d", isfinite(w) && w > 1 ? (w > 10 ? 10 : (int)lround(w)) : 1);
		if ((rc = ag__render_set_attr(e, "weight", num)) < 0 || (rc = link_tooltip(&val, plan, l)) < 0 ||
		    (rc = ag__render_set_attr(e, "tooltip", val.data)) < 0)
			goto cleanup;
	}

	*out = G;
	G = NULL;
	rc = 0;

cleanup:
	if (G)
		agclose(G);
	ag__buf_free(&name);
	ag__buf_free(&val);
	free(nodes);
	return rc;
}
