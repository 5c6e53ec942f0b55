/*
 * actorgraph/filter.h - views: cut a graph down to the part worth looking at.
 *
 * A filter keeps, in this order (each step works on what the previous ones
 * kept):
 *
 *   1. since/until a date window (both ends included): a link when one of
 *                  its stored evidence spans comes from a document dated in
 *                  the window, a node when it keeps a link or when its
 *                  first_seen or last_seen falls in the window.  Undated
 *                  documents, links without evidence and nodes with neither
 *                  date are kept (as extraction keeps undated documents).
 *                  Bounds are YYYY-MM-DD, YYYY-MM or YYYY (since: its first
 *                  day, until: its last); a document dated by month or year
 *                  is in the window when that span meets it.  A link lists
 *                  at most 64 spans (the earliest by document id): one with
 *                  more is judged on those;
 *   2. types       nodes of the given types (links between them);
 *   3. min_weight  links of weight >= min_weight; a node that had links and
 *                  lost them all here goes too (nodes that were isolated
 *                  already stay);
 *   4. ego         the ego node and every node at most `radius` links from it,
 *                  over the links kept so far;
 *   5. top         the `top` most central nodes: by the stored "pagerank"
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
	const char *since; /**< keep what was seen on or after this date (borrowed); NULL = open */
	const char *until; /**< keep what was seen on or before this date (borrowed); NULL = open */
} ag_filter_options;

/* Version 2 added since and until (and the report's date_* counts);
 * ag_graph_filter still takes a version 1 struct and fills a version 1
 * report (without them) for programs built before. */
#define AG_FILTER_OPTIONS_VERSION 2
#define AG_FILTER_OPTIONS_INIT {AG_FILTER_OPTIONS_VERSION, 0, 0.0, NULL, 1, 0, NULL, NULL}

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
	size_t date_links;     /**< links dropped by the date window (version 2) */
	size_t date_nodes;     /**< nodes dropped by the date window (version 2) */
	size_t documents_in;   /**< documents dated in the window (version 2) */
	size_t documents_undated; /**< documents without a date (version 2) */
} ag_filter_report;

/**
 * Filter g in place as described above.  Node and link indices are
 * renumbered.  opts NULL = the defaults (keep everything); `report` may be
 * NULL.  An empty result is not an error.
 * Errors: AG_EINVAL for bad options (a negative or NaN min_weight, unknown
 * type bits, a since or until that is not a date or a since after the until,
 * an ego dropped by the window, type or weight filter), AG_ENOTFOUND when
 * the ego id is not in the graph (the message names it), AG_ENOMEM.  On
 * error the graph is unchanged.
 */
AG_EXTERN int ag_graph_filter(ag_graph *g, const ag_filter_options *opts, ag_filter_report *report);

/**
 * Parse a comma-separated list of type names ("person,state") into
 * AG_FILTER_TYPE() bits.  Names are those of ag_node_type_name(), in any
 * case, singular or plural ("persons", "States").  AG_EINVAL names an
 * unknown or empty entry.
 */
AG_EXTERN int ag_filter_types_parse(const char *list, unsigned *types);

/** 1 when the options ask for any filtering, 0 when they keep everything. */
AG_EXTERN int ag_filter_active(const ag_filter_options *opts);

#ifdef __cplusplus
}
#endif
#endif
