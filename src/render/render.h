/*
 * render.h - the diagram shared by export_dot.c (DOT through cgraph) and
 * export_svg.c (layout and rendering through gvc).  Not installed.
 *
 * Both writers build the same cgraph graph with ag__render_build(); the DOT
 * writer adds an unplaced legend, the renderer places the legend itself after
 * the layout (ag__render_legend with coordinates).
 */
#ifndef AG_RENDER_H
#define AG_RENDER_H

#include <graphviz/cgraph.h>

#include "actorgraph/export.h"
#include "graph/graph_int.h"

/* Options checked and resolved against a graph. */
typedef struct {
	const char *engine;  /* a name from the engine list, never NULL */
	const char *size_by; /* the metric asked for, never NULL */
	const char *title;   /* NULL: made from the documents */
	int legend;
} ag_render_plan;

/*
 * Check the options (NULL = defaults) against g: a known engine, a known
 * size_by (or a metric the graph has).  AG_EINVAL with a message otherwise.
 */
int ag__render_plan(const ag_graph *g, const ag_render_options *opts, ag_render_plan *out);

typedef enum {
	AG_BUILD_DOT,   /* for agwrite: unplaced legend, "layout" attribute set */
	AG_BUILD_RENDER /* for gvLayout: no legend (placed later), no "layout" */
} ag_build_mode;

/*
 * Build the cgraph graph of g (sorted by the caller) with the diagram's
 * encoding.  `disc` may be NULL (cgraph's default).  *out is closed by the
 * caller with agclose().  Call with the render lock held.
 */
int ag__render_build(const ag_graph *g, const ag_render_plan *plan, ag_build_mode mode,
                     Agdisc_t *disc, Agraph_t **out);

/*
 * Add the legend cluster to G.  When `placed`, its top-left corner is at
 * (x, y) in points (Graphviz coordinates, y up) and every legend node and
 * edge gets a "pos", ready for the "nop2" engine; *out_added tells whether
 * there was anything to show.  Call with the render lock held.
 */
int ag__render_legend(Agraph_t *G, const ag_graph *g, const ag_render_plan *plan, int placed,
                      double x, double y, int *out_added);

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
