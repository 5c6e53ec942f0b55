/*
 * plan.c - the render options checked and resolved against the graph: the
 * layout engine (by the graph's size unless one is asked for), the metric
 * that sizes the nodes, the title and the legend.
 */
#include <string.h>

#include "render/render.h"

/* Nodes above which the default engine is sfdp (neato slows down badly). */
#define NEATO_NODES_MAX 150

static const char *const engines[] = {"sfdp", "neato", "fdp", "dot", "circo", "twopi"};
static const char *const size_metrics[] = {"pagerank", "betweenness", "strength", "degree"};

int ag__render_plan(const ag_graph *g, const ag_render_options *opts, ag_render_plan *out)
{
	ag_render_options defaults = AG_RENDER_OPTIONS_INIT;
	size_t i;

	/* the version was checked at the entry point (AG_CHECK_OPTIONS) */
	if (!opts)
		opts = &defaults;

	/* neato (stress majorization) gives the most readable layouts of small
	 * graphs but grows quadratically; sfdp (multilevel) scales to thousands. */
	out->engine = g->n_nodes > NEATO_NODES_MAX ? "sfdp" : "neato";
	if (opts->engine) {
		for (i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
			if (strcmp(opts->engine, engines[i]) == 0)
				break;
		if (i == sizeof(engines) / sizeof(engines[0]))
			return ag__error(AG_EINVAL,
			                 "unknown layout engine '%.64s' (sfdp, neato, fdp, dot, circo, twopi)",
			                 opts->engine);
		out->engine = engines[i];
	}

	out->size_by = "pagerank";
	if (opts->size_by) {
		for (i = 0; i < sizeof(size_metrics) / sizeof(size_metrics[0]); i++)
			if (strcmp(opts->size_by, size_metrics[i]) == 0)
				break;
		if (i == sizeof(size_metrics) / sizeof(size_metrics[0]) &&
		    ag__graph_metric_slot((ag_graph *)g, opts->size_by, false) < 0)
			return ag__error(AG_EINVAL,
			                 "unknown size_by metric '%.64s' (pagerank, betweenness, strength, "
			                 "degree, or a metric the graph has)", opts->size_by);
		out->size_by = opts->size_by;
	}
	out->title = opts->title;
	out->legend = opts->legend != 0;
	return 0;
}
