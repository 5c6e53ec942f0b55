/*
 * render.h - what the files of the render layer share.  Not installed.
 *
 * The diagram is made in stages, a file each, and two writers put them
 * together:
 *   plan.c     the options, checked and resolved against the graph, and
 *              what is drawn (cut.c, labels.c, style.c fill it in);
 *   cut.c      the nodes and links an image draws: a large graph's most
 *              central nodes of each type, a dense one's strongest links;
 *   labels.c   the text a node is shown by (meetings that would read the
 *              same get their place and date);
 *   style.c    the visual encoding: shapes, colours, patterns, sizes, pens;
 *   escape.c   text and numbers made safe for Graphviz;
 *   title.c    the title: the graph's name or its documents, the cut, the
 *              counts;
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

#include <stddef.h>
#include <stdint.h>

#include <graphviz/cgraph.h>

#include "actorgraph/export.h"
#include "graph/graph_int.h"
#include "util/buf.h"

/* ---------------------------------------------------------------- plan.c */

/* How a community's fill is drawn past the palette (style.c). */
typedef enum {
	AG_RENDER_PAT_SOLID,      /* "solid" */
	AG_RENDER_PAT_DOUBLE,     /* "double": a second border */
	AG_RENDER_PAT_HALF,       /* "half": the left half filled, the right white */
	AG_RENDER_PAT_HALF_DOUBLE /* "half,double" */
} ag_render_pattern;

/* A community of the graph, as the diagram draws it. */
typedef struct {
	int id;
	size_t size;  /* members: the stored record's count, else those in the graph */
	size_t drawn; /* members drawn */
	char color[8]; /* "#RRGGBB" */
	ag_render_pattern pattern;
	const char *name; /* the hub's shown label (borrowed from the plan or the graph), NULL if unknown */
} ag_render_community;

/* No node (ego, hub). */
#define AG_RENDER_NONE SIZE_MAX

/* Options checked and resolved against a graph, and what is drawn of it. */
typedef struct {
	const char *engine;  /* a name from the engine list, never NULL */
	const char *size_by; /* the metric asked for, never NULL */
	const char *title;   /* the title's first line; NULL: the graph's name or documents */
	int legend;
	void (*progress_cb)(const ag_render_progress *p, void *ctx);
	void *progress_ctx;

	/* what is drawn (cut.c): a flag per node and per link of the graph */
	unsigned char *node_on, *link_on;
	size_t nodes, links;
	size_t cap_floor;      /* > 0: the cut kept the most central nodes, at least this many of each type */
	const char *cap_by;    /* what ranked them: "PageRank" or "strength" */
	size_t thin;           /* > 0: links thinned to the `thin` strongest of each node */
	size_t links_unthinned; /* the links between the drawn nodes before thinning */
	size_t ego;            /* the node at the centre of an ego view, or AG_RENDER_NONE */

	char **labels; /* labels.c: the shown label of every node (owned) */
	size_t n_labels;

	ag_render_community *comms; /* style.c: every community in the graph, by id */
	size_t n_comms;

	double *sizes;         /* style.c: node sizes in [0, 1] over the drawn nodes */
	const char *size_used; /* the metric used, NULL when all sizes are equal */
} ag_render_plan;

/*
 * Resolve the options (NULL = defaults; the caller has checked their
 * version: 1 or AG_RENDER_OPTIONS_VERSION) against g: a known engine, a
 * known size_by (or a metric the graph has); then what is drawn: for an
 * `image` (ag_graph_render) the cut of max_nodes, else every node and link.
 * AG_EINVAL with a message, AG_ENOMEM.  Free with ag__render_plan_free,
 * also after a failure.
 */
int ag__render_plan(const ag_graph *g, const ag_render_options *opts, int image, ag_render_plan *out);
void ag__render_plan_free(ag_render_plan *p);

/* Tell the progress callback (if any) that `step` begins (NULL: done). */
void ag__render_progress(const ag_render_plan *p, const ag_graph *g, const char *step);

/* ---------------------------------------------------------------- cut.c */

/*
 * Fill in node_on, link_on and the counts: with max_nodes > 0 and a graph
 * larger than that, the most central nodes of each type up to an equal
 * share of half the cap, the rest by centrality whatever their type, the
 * ego always; then, when the links between them are dense, the strongest
 * links of each node (and every link of the ego).  Otherwise all.
 */
int ag__render_cut(const ag_graph *g, size_t max_nodes, ag_render_plan *p);

/* The ego of the graph's last filter record with one, if it is in g. */
size_t ag__render_find_ego(const ag_graph *g);

/* ---------------------------------------------------------------- labels.c */

/*
 * The label every node of g is shown by: its label (or id); meetings whose
 * labels would read the same (ignoring case) get their place (when the
 * label does not name it), "proposed", and their start date (or "seen"
 * and the first date seen) in brackets, and their id if that is not
 * enough.  *out has g->n_nodes strings; free with ag__render_labels_free.
 */
int ag__render_labels(const ag_graph *g, char ***out);
void ag__render_labels_free(char **labels, size_t n);

/* ---------------------------------------------------------------- style.c */

#define AG_RENDER_FONT "Helvetica,Arial,sans-serif"

/* The look of a node type; `legend` and `shape_text` name it in the legend;
 * `legend_w`, `legend_h` the sample's size in the legend (points). */
typedef struct {
	const char *shape, *style, *color, *penwidth, *legend, *shape_text;
	double legend_w, legend_h;
} ag_render_type_style;

/* The look of a relation: colour, dash and the least pen width of its links. */
typedef struct {
	const char *color, *style;
	double min_pen;
	const char *legend;
} ag_render_rel_style;

#define AG_RENDER_COLOR_CO_MENTION "#9A9A9A"

/* A link with no relation counts (a graph from networkx): drawn as a plain
 * link, named "link" in the legend.  Indexes ag__render_rel_styles. */
#define AG_RENDER_REL_PLAIN AG_REL_COUNT

extern const ag_render_type_style ag__render_type_styles[AG_NODE_TYPE_COUNT];
extern const ag_render_rel_style ag__render_rel_styles[AG_REL_COUNT + 1];
/* Every relation, the most specific (the one that decides a link's look) first. */
extern const ag_relation ag__render_rel_priority[AG_REL_COUNT];

/* Community fills: Paul Tol's "light" scheme, in id order. */
extern const char *const ag__render_palette[8];
#define AG_RENDER_PALETTE_SIZE (sizeof(ag__render_palette) / sizeof(ag__render_palette[0]))
#define AG_RENDER_FILL_NONE "#DDDDDD"
#define AG_RENDER_FILL_ALONE "#FFFFFF"
/* The outline of the node at the centre of an ego view. */
#define AG_RENDER_EGO_COLOR "#E7298A"
#define AG_RENDER_EGO_PEN "4.5"

/* The pattern's name as stored ("solid", "double", "half", "half,double"). */
const char *ag__render_pattern_name(ag_render_pattern p);

/* The relation that decides a link's look: the most specific one present,
 * AG_RENDER_REL_PLAIN when it has none. */
int ag__render_link_relation(const ag_link *l);

/*
 * The communities of g (p->comms, by id): colour and pattern from the
 * graph's "communities" record when it gives a valid one, else by id as
 * the analysis assigns them; the hub's name; how many are drawn.  Then
 * the node sizes (p->sizes): from the plan's metric, or from degree
 * (strength when strength was asked for) computed from the links when the
 * graph has no values for it, scaled over the drawn nodes.
 */
int ag__render_style(const ag_graph *g, ag_render_plan *p);

/* The community with this id (< 0 or unknown: NULL). */
const ag_render_community *ag__render_community(const ag_render_plan *p, int id);

/* The pen width of link l drawn as relation rel. */
double ag__render_link_penwidth(const ag_link *l, int rel);

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

/* ---------------------------------------------------------------- title.c */

/*
 * The title, made safe for Graphviz, lines joined by "\\n": the first
 * line the plan's title, or the graph's "name", or "actorgraph: N
 * documents, first date - last date" (the dates of the drawn links'
 * evidence); then what the cut keeps (the graph's filter records, the
 * plan's own cut and thinning); then the nodes and links drawn.
 */
int ag__render_put_title(ag_buf *b, const ag_graph *g, const ag_render_plan *plan);

/* ---------------------------------------------------------------- diagram.c */

typedef enum {
	AG_BUILD_DOT,   /* for agwrite: "layout" attribute set */
	AG_BUILD_RENDER /* for gvLayout: no "layout" */
} ag_build_mode;

/*
 * Build the cgraph graph of what the plan draws of g (in g's order) with
 * the diagram's encoding, without the legend (ag__render_legend).  `disc`
 * may be NULL (cgraph's default).  *out is closed by the caller with
 * agclose().  Call with the render lock held.
 */
int ag__render_build(const ag_graph *g, const ag_render_plan *plan, ag_build_mode mode,
                     Agdisc_t *disc, Agraph_t **out);

/*
 * Set the fill of a node (or legend sample) of community c (NULL: none):
 * "fillcolor", "peripheries", and "style" made of `style` (the type's,
 * which must hold "filled") as the pattern needs.
 */
int ag__render_set_fill(void *obj, const ag_render_community *c, const char *style);

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
