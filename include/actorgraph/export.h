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

/** What reading a node-link graph changed in it (ag_graph_from_json), for the caller to say. */
typedef struct {
	int directed;        /**< it said "directed": true; read as undirected */
	int multigraph;      /**< it said "multigraph": true; one link per pair of nodes, edge "key"s dropped */
	size_t links_summed; /**< links added into an earlier one between the same two nodes (parallel,
	                          or the other direction): weights and counts summed */
	size_t self_loops;   /**< links from a node to itself, left out */
} ag_read_report;

/** Fill *out with what ag_graph_from_json changed in g's input (all 0 for a graph made otherwise). */
AG_EXTERN void ag_graph_read_report(const ag_graph *g, ag_read_report *out);

/** How far a rendering has come (given to the progress callback). */
typedef struct {
	/** The step: "layout" (the long one: Graphviz places the nodes and
	 * routes the links), "legend", "render" (the image is written); NULL
	 * once the image is done.  A static string. */
	const char *step;
	const char *engine;  /**< the layout engine (static) */
	size_t nodes, links; /**< what is drawn */
	size_t nodes_total, links_total; /**< what the graph holds */
} ag_render_progress;

/** Images draw at most this many nodes by default (see max_nodes). */
#define AG_RENDER_MAX_NODES 150

typedef struct {
	unsigned version;
	const char *engine;  /**< sfdp, neato, fdp, dot, circo, twopi; NULL = by size */
	const char *size_by; /**< pagerank, betweenness, strength, degree; NULL = pagerank */
	const char *title;   /**< the title's first line; NULL = the graph's "name", else
	                          the documents; the lines that describe the cut stay */
	int legend;          /**< 1 (default): draw a legend */
	/** Images (ag_graph_render) of a larger graph draw this many nodes: the
	 * most central of each type (PageRank, else strength) up to an equal
	 * share, the rest the most central of any type, the ego of an ego view
	 * always; when the links left are dense, each node's strongest ones.
	 * The title says so.  0 = every node and every link.  The DOT file
	 * always holds the whole graph.  Default AG_RENDER_MAX_NODES. */
	size_t max_nodes;
	/** Called on the calling thread as each step of ag_graph_render
	 * begins, and once more (step NULL) when the image is made; may be
	 * NULL.  It is called while the render lock is held: it must not
	 * render. */
	void (*progress_cb)(const ag_render_progress *p, void *ctx);
	void *progress_ctx; /**< given to progress_cb */
} ag_render_options;

/* Version 2 added max_nodes, progress_cb and progress_ctx; a version 1
 * struct (without them) is still taken, and draws every node. */
#define AG_RENDER_OPTIONS_VERSION 2
#define AG_RENDER_OPTIONS_INIT {AG_RENDER_OPTIONS_VERSION, NULL, NULL, NULL, 1, AG_RENDER_MAX_NODES, NULL, NULL}

/**
 * The graph as DOT (through cgraph), with the visual encoding of the diagram,
 * nodes and links in the graph's order.  opts NULL = the defaults.  *out as
 * above.  AG_EINVAL for a NULL argument, an unknown engine or size_by metric
 * or options version; AG_ENOMEM; AG_ERROR when Graphviz fails.
 */
AG_EXTERN int ag_graph_to_dot(const ag_graph *g, const ag_render_options *opts, char **out, size_t *len);

/**
 * Lay out and render the graph through gvc: format "svg", "png" or "pdf".
 * A graph of more than opts->max_nodes nodes (default 150) is drawn as its
 * most central ones (see max_nodes), and the title says so.  Communities are
 * filled with the colour and pattern the graph's "communities" record gives
 * them (ag_analyze stores one), else by the same rule by community id, so
 * that every cut of a graph fills a community alike.  opts NULL = the defaults.  *out as above (binary for png and pdf: use
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
/** The links' table written to a file as it is made (as ag_graph_write_json).  AG_EIO, AG_ENOMEM. */
AG_EXTERN int ag_graph_write_csv_links(const ag_graph *g, const char *path);

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

/** The same bytes written to a file as they are made, as ag_graph_write_json
 * writes node-link JSON.  AG_EIO, AG_ENOMEM. */
AG_EXTERN int ag_graph_write_cyjs(const ag_graph *g, const char *path);

/**
 * GraphML with typed <key> declarations, for networkx read_graphml,
 * graphology, Gephi, yEd.
 */
AG_EXTERN int ag_graph_to_graphml(const ag_graph *g, char **out, size_t *len);
/** The same bytes written to a file as they are made (as ag_graph_write_json).  AG_EIO, AG_ENOMEM. */
AG_EXTERN int ag_graph_write_graphml(const ag_graph *g, const char *path);

/**
 * GEXF 1.2draft for Gephi and networkx read_gexf.  With dates known, the
 * graph is dynamic (timeformat "date"): a node lives from first_seen to
 * last_seen, a link on the dates of the documents its evidence comes from.
 */
AG_EXTERN int ag_graph_to_gexf(const ag_graph *g, char **out, size_t *len);
/** The same bytes written to a file as they are made (as ag_graph_write_json).  AG_EIO, AG_ENOMEM. */
AG_EXTERN int ag_graph_write_gexf(const ag_graph *g, const char *path);

#ifdef __cplusplus
}
#endif
#endif
