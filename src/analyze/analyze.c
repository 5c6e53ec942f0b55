/*
 * analyze.c - ag_analyze, the driver of the analysis layer: checks the
 * options and the graph, runs the stages under the igraph lock (glue.c), the
 * metrics (metrics.c) and the communities (communities.c), and commits the
 * results to the graph with its graph-level records.
 */
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "analyze/communities.h"
#include "analyze/glue.h"
#include "analyze/metrics.h"

static int check_input(ag_graph *g, const ag_analyze_options *opts)
{
	if ((unsigned)opts->communities > AG_COMMUNITY_NONE)
		return ag__error(AG_EINVAL, "analyze: unknown community method %d", (int)opts->communities);
	if (!isfinite(opts->resolution) || opts->resolution <= 0)
		return ag__error(AG_EINVAL, "analyze: resolution %g must be a positive number", opts->resolution);
	if (g->n_nodes > (size_t)INT_MAX || g->n_links > (size_t)INT32_MAX)
		return ag__error(AG_ELIMIT, "analyze: graph too large (%zu nodes, %zu links)", g->n_nodes, g->n_links);
	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		if (!isfinite(l->weight) || l->weight <= 0)
			return ag__error(AG_EINVAL, "link %s -- %s has weight %g; weights must be positive",
			                 g->nodes[l->a].id, g->nodes[l->b].id, l->weight);
		if (l->a == l->b)
			return ag__error(AG_EINVAL, "link %s -- %s is a self-loop", g->nodes[l->a].id, g->nodes[l->b].id);
	}
	return 0;
}

static json_t *real_or_null(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

/* Runs under the igraph lock (ag__analyze_locked). */
static int analyze_locked(ag__analyze_ctx *c)
{
	ag_graph *g = c->g;
	const ag_analyze_options *opts = c->opts;
	json_t *attrs;
	int rc = 0;

	c->ncomm = 0;
	c->modularity = NAN;
	c->stab = NULL;
	if ((rc = ag__analyze_graph_build(c)) < 0 || (rc = ag__analyze_metrics(c)) < 0)
		goto cleanup;
	ag__analyze_step_end();
	if ((rc = ag__analyze_communities(c)) < 0)
		goto cleanup;

	/* Commit communities and graph-level attributes. */
	for (igraph_integer_t i = 0; i < c->n; i++) {
		g->nodes[i].community = opts->communities != AG_COMMUNITY_NONE ? (int)VECTOR(c->membership)[i] : -1;
		g->nodes[i].stability = c->stab ? c->stab[i] : NAN;
	}
	if (!(attrs = ag__graph_attrs(g))) {
		rc = ag__enomem();
		goto cleanup;
	}
	json_object_del(attrs, "communities");
	if ((rc = ag__analyze_metrics_info(c, attrs)) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "community_method",
	                               json_string(ag_community_method_name(opts->communities)))) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "modularity", real_or_null(c->modularity))) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "resolution", json_real(opts->resolution))) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "seed", json_integer((json_int_t)opts->seed))) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "community_count", json_integer((json_int_t)c->ncomm))) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "consensus_runs",
	                               json_integer(opts->consensus > 1 && opts->communities != AG_COMMUNITY_NONE
	                                                    ? (json_int_t)opts->consensus
	                                                    : 1))) < 0)
		goto cleanup;
	if (opts->communities != AG_COMMUNITY_NONE && (rc = ag__analyze_communities_attr(c, attrs)) < 0)
		goto cleanup;

cleanup:
	ag__analyze_step_end();
	ag__analyze_graph_free(c);
	return rc;
}

/* An empty graph: no igraph work, only the graph-level attributes. */
static int analyze_empty(ag_graph *g, const ag_analyze_options *opts)
{
	json_t *attrs = ag__graph_attrs(g), *mi;
	int rc;
	if (!attrs || !(mi = json_object()))
		return ag__enomem();
	json_object_del(attrs, "communities");
	if ((rc = ag__analyze_set_attr(attrs, "metrics_info", mi)) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "community_method",
	                               json_string(ag_community_method_name(opts->communities)))) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "modularity", json_null())) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "resolution", json_real(opts->resolution))) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "seed", json_integer((json_int_t)opts->seed))) < 0 ||
	    (rc = ag__analyze_set_attr(attrs, "community_count", json_integer(0))) < 0)
		return rc;
	return 0;
}

int ag_analyze(ag_graph *g, const ag_analyze_options *opts)
{
	static const ag_analyze_options defaults = AG_ANALYZE_OPTIONS_INIT;
	ag_analyze_options v1;
	ag__analyze_ctx c;
	int rc;

	AG_CHECK_ARGS(g);
	if (opts && (opts->version == 1 || opts->version == 2)) {
		/* a version 1 struct ends before the progress callback, a version 2
		 * one before workers */
		v1 = defaults;
		memcpy(&v1, opts,
		       opts->version == 1 ? offsetof(ag_analyze_options, progress_cb) : offsetof(ag_analyze_options, workers));
		v1.version = AG_ANALYZE_OPTIONS_VERSION;
		opts = &v1;
	}
	AG_CHECK_OPTIONS(opts, AG_ANALYZE_OPTIONS_VERSION, "AG_ANALYZE_OPTIONS_INIT");
	if (!opts)
		opts = &defaults;
	if ((rc = check_input(g, opts)) < 0)
		return rc;
	if (g->n_nodes == 0)
		return analyze_empty(g, opts);

	memset(&c, 0, sizeof(c));
	c.g = g;
	c.opts = opts;
	rc = ag__analyze_locked(&c, analyze_locked);
	if (rc == 0)
		ag__analyze_progress(&c, NULL, -1); /* done */
	return rc;
}
