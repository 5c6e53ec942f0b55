/*
 * actorgraph/filter.h - views: cut a graph down to the part worth looking at.
 *
 * A filter keeps, in this order (each step works on what the previous ones
 * kept):
 *
 *   1. types       nodes of the given types (links between them);
 *   2. min_weight  links of weight >= min_weight; a node that had links and
 *                  lost them all here goes too (nodes that were isolated
 *                  already stay);
 *   3. ego         the ego node and every node at most `radius` links from it,
 *                  over the links kept so far;
 *   4. top         the `top` most central nodes: by the stored "pagerank"
 *                  metric when every remaining node has one (a graph that was
 *                  analysed), else by strength over the links kept so far;
 *                  ties by smaller id.
 *
 * Links are kept when both their ends are.  Kept nodes and links keep
 * everything they carry (attributes, relation counts, evidence, examples,
 * metrics and community ids as they were: a view is not re-analysed), the
 * documents are all kept, and the relative order of nodes and links is
 * unchanged.  The graph-level attribute "filters" gets one record per call
 * that filtered (what was asked, the counts before and after).
 */
#ifndef ACTORGRAPH_FILTER_H
#define ACTORGRAPH_FILTER_H

#include <stddef.h>
#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The bit of one node type in ag_filter_options.types. */
#define AG_FILTER_TYPE(t) (1u << (unsigned)(t))

typedef struct {
	unsigned version;
	unsigned types;    /**< AG_FILTER_TYPE() bits of the types to keep; 0 = every type */
	double min_weight; /**< keep links with weight >= this; 0 = every link */
	const char *ego;   /**< keep this node's neighbourhood (a node id, borrowed); NULL = none */
	unsigned radius;   /**< ego neighbourhood radius in links (default 1; 0 = the ego alone) */
	size_t top;        /**< keep the `top` most central nodes; 0 = all */
} ag_filter_options;

#define AG_FILTER_OPTIONS_VERSION 1
#define AG_FILTER_OPTIONS_INIT {AG_FILTER_OPTIONS_VERSION, 0, 0.0, NULL, 1, 0}

/** What a filter dropped, step by step.  Counts refer to the graph as given. */
typedef struct {
	size_t nodes_before, links_before; /**< the graph as given */
	size_t nodes, links;               /**< what is left */
	size_t type_nodes;     /**< nodes dropped for their type */
	size_t weight_links;   /**< links dropped for weighing less than min_weight */
	size_t weight_nodes;   /**< nodes dropped because min_weight took all their links */
	size_t ego_nodes;      /**< nodes farther than radius from the ego */
	size_t top_nodes;      /**< nodes not among the top K */
	const char *top_by;    /**< "pagerank" or "strength" when top was applied, else NULL (static) */
} ag_filter_report;

/**
 * Filter g in place as described above.  Node and link indices are
 * renumbered.  opts NULL = the defaults (keep everything); `report` may be
 * NULL.  An empty result is not an error.
 * Errors: AG_EINVAL for bad options (a negative or NaN min_weight, unknown
 * type bits, an ego dropped by the type or weight filter), AG_ENOTFOUND when
 * the ego id is not in the graph (the message names it), AG_ENOMEM.  On
 * error the graph is unchanged.
 */
AG_EXTERN int ag_graph_filter(ag_graph *g, const ag_filter_options *opts, ag_filter_report *report);

/**
 * Parse a comma-separated list of type names ("person,state") into
 * AG_FILTER_TYPE() bits.  AG_EINVAL names an unknown or empty entry.
 */
AG_EXTERN int ag_filter_types_parse(const char *list, unsigned *types);

/** 1 when the options ask for any filtering, 0 when they keep everything. */
AG_EXTERN int ag_filter_active(const ag_filter_options *opts);

#ifdef __cplusplus
}
#endif
#endif
