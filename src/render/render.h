/*
 * render.h - what the files of the render layer share.  Not installed.
 *
 * The diagram is made in stages, a file each, and two writers put them
 * together:
 *   plan.c     the options, checked and resolved against the graph;
 *   style.c    the visual encoding: shapes, colours, sizes, pen widths;
 *   escape.c   text and numbers made safe for Graphviz;
 *   diagram.c  the cgraph graph of the nodes and links (labels, tooltips,
 *              title), and the helpers that add attributes and nodes;
 *   legend.c   the legend: unplaced (in the DOT file) or placed after a layout;
 *   lock.c     the lock held around every use of Graphviz, and its messages;
 *   dot.c      ag_graph_to_dot(): the diagram and an unplaced legend, agwrite;
 *   svg.c      ag_graph_render(): the diagram, its layout, the placed legend,
 *              gvRenderData.
 * The writers use the stages and not each other; no stage uses a writer.
 */
#ifndef AG_RENDER_H
#define AG_RENDER_H

#include <graphviz/cgraph.h>

#include "actorgraph/export.h"
#include "graph/graph_int.h"
#include "util/buf.h"

/* ---------------------------------------------------------------- plan.c */

/* Options checked and resolved against a graph. */
typedef struct {
	const char *engine;  /* a name from the engine list, never NULL */
	const char *size_by; /* the metric asked for, never NULL */
	const char *title;   /* NULL: made from the documents */
	int legend;
} ag_render_plan;

/*
 * Resolve the options (NULL = defaults; the caller has checked their
 * version) against g: a known engine, a known size_by (or a metric the graph
 * has).  AG_EINVAL with a message otherwise.
 */
int ag__render_plan(const ag_graph *g, const ag_render_options *opts, ag_render_plan *out);

/* ---------------------------------------------------------------- style.c */

#define AG_RENDER_FONT "Helvetica,Arial,sans-serif"

/* The look of a node type; `legend` and `shape_text` name it in the legend. */
typedef struct {
	const char *shape, *style, *color, *penwidth, *legend, *shape_text;
} ag_render_type_style;

/* The look of a relation: colour, dash and the least pen width of its links. */
typedef struct {
	const char *color, *style;
	double min_pen;
	const char *legend;
} ag_render_rel_style;

#define AG_RENDER_COLOR_CO_MENTION "#9A9A9A"

extern const ag_render_type_style ag__render_type_styles[AG_NODE_TYPE_COUNT];
extern const ag_render_rel_style ag__render_rel_styles[AG_REL_COUNT];
/* Every relation, the most specific (the one that decides a link's look) first. */
extern const ag_relation ag__render_rel_priority[AG_REL_COUNT];

/* Community fills: Paul Tol's "light" scheme, most distinct first. */
extern const char *const ag__render_palette[8];
#define AG_RENDER_PALETTE_SIZE (sizeof(ag__render_palette) / sizeof(ag__render_palette[0]))
#define AG_RENDER_FILL_NONE "#DDDDDD"
#define AG_RENDER_FILL_SMALL "#FFFFFF"

/* The relation that decides a link's look: the most specific one present. */
ag_relation ag__render_link_relation(const ag_link *l);

/* Communities ranked by size (largest first, then by id). */
typedef struct {
	int id;
	size_t size;
	size_t rank;
} ag_render_community;

/* *out sorted by id, with ranks; *count communities.  Free *out. */
int ag__render_rank_communities(const ag_graph *g, ag_render_community **out, size_t *count);
/* The fill of a node of community `id` (< 0: none), from the ranked communities. */
const char *ag__render_community_fill(const ag_render_community *c, size_t n, int id);

/*
 * Node sizes in [0, 1] from the plan's metric, or from degree (strength
 * when strength was asked for) computed from the links when the graph has
 * no values for it.  *used names what was used, NULL when all sizes are
 * equal.  Free *out.
 */
int ag__render_node_sizes(const ag_graph *g, const ag_render_plan *plan, double **out, const char **used);

/* The pen width of link l drawn as relation rel. */
double ag__render_link_penwidth(const ag_link *l, ag_relation rel);

/* ---------------------------------------------------------------- escape.c */

enum {
	AG_RENDER_TXT_BS2 = 1, /* double backslashes (labels, names) */
	AG_RENDER_TXT_BS4 = 2  /* quadruple backslashes (tooltips) */
};

/*
 * Append the first n bytes of s, made safe for a Graphviz string value (see
 * escape.c), stopping with "…" after max_chars characters (0 = no limit).
 * ag__render_put_str: the same for a NUL-terminated string.
 */
int ag__render_put_text(ag_buf *b, const char *s, size_t n, size_t max_chars, unsigned flags);
int ag__render_put_str(ag_buf *b, const char *s, size_t max_chars, unsigned flags);

/* A node label: words wrapped, on a few lines, made safe as above. */
int ag__render_put_label(ag_buf *b, const char *s);

/*
 * A number in a fixed format, whatever the C locale says about decimal
 * commas; trailing zeros of a "%.Nf" format are dropped ("1.50" -> "1.5",
 * "10.0" -> "10").
 */
void ag__render_fmt_num(char *out, size_t size, const char *fmt, double v);

/* ---------------------------------------------------------------- diagram.c */

typedef enum {
	AG_BUILD_DOT,   /* for agwrite: "layout" attribute set */
	AG_BUILD_RENDER /* for gvLayout: no "layout" */
} ag_build_mode;

/*
 * Build the cgraph graph of g (in its order) with the diagram's encoding,
 * without the legend (ag__render_legend).  `disc` may be NULL (cgraph's
 * default).  *out is closed by the caller with agclose().  Call with the
 * render lock held.
 */
int ag__render_build(const ag_graph *g, const ag_render_plan *plan, ag_build_mode mode,
                     Agdisc_t *disc, Agraph_t **out);

/* Set an attribute of a graph, node or edge; AG_ERROR when Graphviz refuses. */
int ag__render_set_attr(void *obj, const char *name, const char *value);

/*
 * A node in `where` (G or a subgraph of it) whose name is `name`, or
 * name~2, name~3, ... when that is taken in G (name is extended).
 */
int ag__render_new_node(Agraph_t *G, Agraph_t *where, ag_buf *name, Agnode_t **out);

/* ---------------------------------------------------------------- legend.c */

/*
 * Add the legend cluster to G.  When `placed`, its top-left corner is at
 * (x, y) in points (Graphviz coordinates, y up) and every legend node and
 * edge gets a "pos", ready for the "nop2" engine; *out_added tells whether
 * there was anything to show.  Call with the render lock held.
 */
int ag__render_legend(Agraph_t *G, const ag_graph *g, const ag_render_plan *plan, int placed,
                      double x, double y, int *out_added);

/* ---------------------------------------------------------------- lock.c */

/*
 * cgraph and gvc keep process-wide state (error handler, shared string
 * dictionary, plugin configuration); every use in the library holds this lock.
 * While it is held, Graphviz messages are collected instead of printed:
 * ag__render_messages() returns them (never NULL, "" when none).
 */
void ag__render_lock(void);
void ag__render_unlock(void);
const char *ag__render_messages(void);

#endif
