/*
 * plan.c - the render options checked and resolved against the graph: the
 * layout engine (by the size of what is drawn unless one is asked for), the
 * metric that sizes the nodes, the title and the legend; then what is drawn
 * (cut.c), the labels it is shown by (labels.c) and its communities and
 * sizes (style.c).  The stages after this one read the plan, never the
 * options.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

/* Nodes above which the default engine is sfdp (neato slows down badly). */
#define NEATO_NODES_MAX 150

static const char *const engines[] = {"sfdp", "neato", "fdp", "dot", "circo", "twopi"};
static const char *const size_metrics[] = {"pagerank", "betweenness", "strength", "degree"};

int ag__render_plan(const ag_graph *g, const ag_render_options *opts, int image, ag_render_plan *out)
{
	ag_render_options o = AG_RENDER_OPTIONS_INIT;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	out->ego = AG_RENDER_NONE;
	/* the version was checked at the entry point: 1 or the current one; a
	 * version 1 struct ends after `legend` and draws every node */
	if (opts && opts->version == 1) {
		memcpy(&o, opts, offsetof(ag_render_options, max_nodes));
		o.max_nodes = 0;
	} else if (opts) {
		o = *opts;
	}

	out->size_by = "pagerank";
	if (o.size_by) {
		for (i = 0; i < sizeof(size_metrics) / sizeof(size_metrics[0]); i++)
			if (strcmp(o.size_by, size_metrics[i]) == 0)
				break;
		if (i == sizeof(size_metrics) / sizeof(size_metrics[0]) &&
		    ag__graph_metric_slot((ag_graph *)g, o.size_by, false) < 0)
			return ag__error(AG_EINVAL,
			                 "unknown size_by metric '%.64s' (pagerank, betweenness, strength, "
			                 "degree, or a metric the graph has)", o.size_by);
		out->size_by = o.size_by;
	}
	if (o.engine) {
		for (i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
			if (strcmp(o.engine, engines[i]) == 0)
				break;
		if (i == sizeof(engines) / sizeof(engines[0]))
			return ag__error(AG_EINVAL,
			                 "unknown layout engine '%.64s' (sfdp, neato, fdp, dot, circo, twopi)",
			                 o.engine);
	}
	out->title = o.title;
	out->legend = o.legend != 0;
	out->progress_cb = o.progress_cb;
	out->progress_ctx = o.progress_ctx;

	out->n_labels = g->n_nodes;
	if ((rc = ag__render_cut(g, image ? o.max_nodes : 0, out)) < 0 ||
	    (rc = ag__render_labels(g, &out->labels)) < 0 || (rc = ag__render_style(g, out)) < 0)
		return rc;

	/* neato (stress majorization) gives the most readable layouts of small
	 * graphs but grows quadratically; sfdp (multilevel) scales to thousands */
	out->engine = out->nodes > NEATO_NODES_MAX ? "sfdp" : "neato";
	if (o.engine)
		out->engine = engines[i];
	return 0;
}

void ag__render_plan_free(ag_render_plan *p)
{
	free(p->node_on);
	free(p->link_on);
	free(p->comms);
	free(p->sizes);
	if (p->labels)
		ag__render_labels_free(p->labels, p->n_labels);
	memset(p, 0, sizeof(*p));
}

void ag__render_progress(const ag_render_plan *p, const ag_graph *g, const char *step)
{
	ag_render_progress r;
	if (!p->progress_cb)
		return;
	r.step = step;
	r.engine = p->engine;
	r.nodes = p->nodes;
	r.links = p->links;
	r.nodes_total = g->n_nodes;
	r.links_total = g->n_links;
	p->progress_cb(&r, p->progress_ctx);
}
