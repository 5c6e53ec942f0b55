/*
 * actorgraph/export.h - writing and reading graphs.
 *
 * Writers render into a memory buffer (*out, NUL-terminated, owned by the
 * caller: free()), which ag_file_write_atomic() then puts in place.
 *
 * Writers take a const graph and write it in its order.  Every graph the
 * library hands out (extraction, merge, reading, analysis, views) is already
 * in canonical order, so their output is deterministic; a graph built or
 * changed by hand is put in that order by ag_graph_sort() before it is written.
 */
#ifndef ACTORGRAPH_EXPORT_H
#define ACTORGRAPH_EXPORT_H

#include <stddef.h>
#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Node-link JSON as networkx node_link_data writes it and D3 reads it.
 * *out as above; len may be NULL.  AG_ENOMEM.
 */
AG_EXTERN int ag_graph_to_json(const ag_graph *g, char **out, size_t *len);

/**
 * The same bytes written to a file as they are made (through a temporary file
 * renamed into place, as ag_file_write_atomic; "-" = stdout), so that a large
 * graph is never held twice in memory.  AG_EIO, AG_ENOMEM.
 */
AG_EXTERN int ag_graph_write_json(const ag_graph *g, const char *path);

/**
 * Read a node-link graph: ours, or one written by networkx (integer or string
 * ids, "links" or "edges").  `name` is used in error messages.  *out belongs
 * to the caller (ag_graph_free), in canonical order.  Errors give line and column (AG_EPARSE) or
 * name the bad node or link (AG_EINVAL); AG_ENOMEM.
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

/**
 * The graph as DOT (through cgraph), with the visual encoding of the diagram,
 * nodes and links in the graph's order.  opts NULL = the defaults.  *out as
 * above.  AG_EINVAL for a NULL argument, an unknown engine or size_by metric
 * or options version; AG_ENOMEM; AG_ERROR when Graphviz fails.
 */
AG_EXTERN int ag_graph_to_dot(const ag_graph *g, const ag_render_options *opts, char **out, size_t *len);

/**
 * Lay out and render the graph through gvc: format "svg", "png" or "pdf".
 * opts NULL = the defaults.  *out as above (binary for png and pdf: use
 * *len).  AG_EINVAL for a NULL argument, another format or bad options,
 * AG_ENOTFOUND when Graphviz has no plugin for the format or the engine,
 * AG_ENOMEM.
 */
AG_EXTERN int ag_graph_render(const ag_graph *g, const ag_render_options *opts, const char *format,
                              char **out, size_t *len);

/**
 * CSV table (RFC 4180, formula-safe) of the nodes, one row each with every
 * metric.  *out as above.  AG_EINVAL for NULL arguments, AG_ENOMEM.
 */
AG_EXTERN int ag_graph_to_csv_nodes(const ag_graph *g, char **out, size_t *len);
/** The same for the links: ends, weight, relation counts, first evidence. */
AG_EXTERN int ag_graph_to_csv_links(const ag_graph *g, char **out, size_t *len);

/*
 * Formats for other graph tools.  Nested attributes are flattened: each
 * metric ("pagerank"), relation count ("co_mention"), evidence_count, and a
 * link's documents and first/last evidence date become one attribute.  Every
 * edge has a unique id "e<k>" (k in sorted link order), the same in the three
 * formats.  Text is escaped for the format; in the XML formats, characters
 * XML 1.0 forbids are replaced (control bytes by their U+2400 symbols, bytes
 * that are not UTF-8 by U+FFFD).
 */

/**
 * Cytoscape.js JSON, {"data": {...}, "elements": {"nodes": [{"data": {"id",
 * "name", ...}}], "edges": [{"data": {"id", "source", "target", ...}}]}}, as
 * cy.json(), Cytoscape and networkx cytoscape_graph read it.
 *
 * This and the two below: *out as above (NUL-terminated, free()); len may
 * be NULL.  AG_ENOMEM.
 */
AG_EXTERN int ag_graph_to_cyjs(const ag_graph *g, char **out, size_t *len);

/**
 * GraphML with typed <key> declarations, for networkx read_graphml,
 * graphology, Gephi, yEd.
 */
AG_EXTERN int ag_graph_to_graphml(const ag_graph *g, char **out, size_t *len);

/**
 * GEXF 1.2draft for Gephi and networkx read_gexf.  With dates known, the
 * graph is dynamic (timeformat "date"): a node lives from first_seen to
 * last_seen, a link on the dates of the documents its evidence comes from.
 */
AG_EXTERN int ag_graph_to_gexf(const ag_graph *g, char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
