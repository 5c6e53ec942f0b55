/*
 * actorgraph/export.h - writing and reading graphs.
 *
 * Writers render into a memory buffer (*out, NUL-terminated, owned by the
 * caller: free()), which ag_file_write_atomic() then puts in place.  Writers
 * sort the graph first (ag_graph_sort), so their output is deterministic.
 */
#ifndef ACTORGRAPH_EXPORT_H
#define ACTORGRAPH_EXPORT_H

#include <stddef.h>
#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Node-link JSON as networkx node_link_data writes it and D3 reads it. */
AG_EXTERN int ag_graph_to_json(ag_graph *g, char **out, size_t *len);

/**
 * Read a node-link graph: ours, or one written by networkx (integer or string
 * ids, "links" or "edges").  `name` is used in error messages.  Errors give
 * line and column (AG_EPARSE) or name the bad node or link (AG_EINVAL).
 */
AG_EXTERN int ag_graph_from_json(const char *text, size_t len, const char *name, ag_graph **out);

typedef struct {
	unsigned version;
	const char *engine;  /**< sfdp, neato, fdp, dot, circo, twopi; NULL = by size */
	const char *size_by; /**< pagerank, betweenness, strength, degree; NULL = pagerank */
	const char *title;   /**< diagram title; NULL = from the documents and dates */
	int legend;          /**< 1 (default): draw a legend */
} ag_render_options;

#define AG_RENDER_OPTIONS_VERSION 1
#define AG_RENDER_OPTIONS_INIT {AG_RENDER_OPTIONS_VERSION, NULL, NULL, NULL, 1}

/** The graph as DOT (through cgraph), with the visual encoding of the diagram. */
AG_EXTERN int ag_graph_to_dot(ag_graph *g, const ag_render_options *opts, char **out, size_t *len);

/**
 * Lay out and render the graph through gvc: format "svg", "png" or "pdf"
 * (AG_ENOTFOUND when Graphviz has no plugin for it or for the engine).
 */
AG_EXTERN int ag_graph_render(ag_graph *g, const ag_render_options *opts, const char *format,
                              char **out, size_t *len);

/** CSV tables (RFC 4180, formula-safe) of nodes and of links with every metric. */
AG_EXTERN int ag_graph_to_csv_nodes(ag_graph *g, char **out, size_t *len);
AG_EXTERN int ag_graph_to_csv_links(ag_graph *g, char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
