/*
 * actorgraph/analyze.h - network metrics and communities through igraph.
 *
 * Link weight is read as tie strength.  Strength, eigenvector centrality,
 * PageRank and the community methods use it as it is; the path metrics
 * (betweenness, closeness, harmonic centrality) run on distance = 1/weight.
 * Results are stored on the graph (per-node metrics, community ids, and
 * graph-level "metrics_info", "communities" records).
 */
#ifndef ACTORGRAPH_ANALYZE_H
#define ACTORGRAPH_ANALYZE_H

#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	AG_COMMUNITY_LEIDEN = 0, /**< Leiden optimising modularity (default) */
	AG_COMMUNITY_LOUVAIN,
	AG_COMMUNITY_LABEL_PROPAGATION,
	AG_COMMUNITY_WALKTRAP,
	AG_COMMUNITY_INFOMAP,
	AG_COMMUNITY_NONE
} ag_community_method;

/** How far ag_analyze has come (given to its progress callback). */
typedef struct {
	/** The step: "degree and strength", "betweenness", "closeness",
	 * "harmonic"; on large graphs "betweenness (sampled)" and "closeness
	 * and harmonic (sampled)" then "closeness and harmonic" (estimated
	 * from a sample of sources); "eigenvector", "pagerank", "coreness",
	 * "clustering", the community method's name, "consensus"; NULL once
	 * the analysis is done.  A static string. */
	const char *step;
	int percent; /**< how far the step has come, 0 to 99; -1 as it begins */
} ag_analyze_progress;

typedef struct {
	unsigned version;
	unsigned long seed;        /**< RNG seed for every randomised step (default 42) */
	ag_community_method communities;
	double resolution;         /**< modularity resolution (default 1.0) */
	int exact;                 /**< 1: never approximate path metrics on large graphs */
	size_t consensus;          /**< >1: run that many seeds and report stability */
	int progress;              /**< 1: report the long steps to progress_cb */
	/** Called on the calling thread, when progress is 1, as each step
	 * begins and advances, and once more (step NULL) when the analysis has
	 * succeeded (a graph without nodes has no steps and no report); may be
	 * NULL.  Step reports come while ag_analyze holds the igraph lock, so it
	 * must not call ag_analyze. */
	void (*progress_cb)(const ag_analyze_progress *p, void *ctx);
	void *progress_ctx;        /**< given to progress_cb */
	/** Worker processes for the estimated path metrics of large graphs
	 * (forked once the graph is built; igraph is not thread-safe, processes
	 * are): 0 = one per processor (default), 1 = this process only.  The
	 * results are the same, byte for byte, for any number. */
	unsigned workers;
} ag_analyze_options;

/* Version 2 added progress_cb and progress_ctx, version 3 workers;
 * ag_analyze still takes a version 1 or 2 struct (without them) from
 * programs built before. */
#define AG_ANALYZE_OPTIONS_VERSION 3
#define AG_ANALYZE_OPTIONS_INIT {AG_ANALYZE_OPTIONS_VERSION, 42, AG_COMMUNITY_LEIDEN, 1.0, 0, 0, 0, NULL, NULL, 0}

/**
 * Compute every metric and the communities, storing them on g (metrics and
 * community ids per node, graph-level records).  opts NULL = the defaults.
 * Calls run one at a time in a process (igraph is not thread-safe).
 * AG_EINVAL for bad options, a link weight that is not positive or a
 * self-loop; AG_ELIMIT for a graph past igraph's sizes; AG_ENOMEM; AG_ERROR
 * when igraph fails (the message gives its reason).
 */
AG_EXTERN int ag_analyze(ag_graph *g, const ag_analyze_options *opts);

/**
 * Parse a method name ("leiden", "louvain", "label_propagation" or
 * "label-propagation", "walktrap", "infomap", "none").  AG_EINVAL when unknown.
 */
AG_EXTERN int ag_community_method_parse(const char *name, ag_community_method *out);
/** The name of a method (a static string; "unknown" when out of range). */
AG_EXTERN const char *ag_community_method_name(ag_community_method m);

#ifdef __cplusplus
}
#endif
#endif
