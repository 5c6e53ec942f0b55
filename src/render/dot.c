/*
 * dot.c - the diagram as DOT (ag_graph_to_dot), through cgraph's agwrite.
 *
 * The file holds the whole graph (no cut, whatever max_nodes says), as the
 * diagram (diagram.c) with a "layout" attribute naming
 * the engine, so that `dot -Tsvg` lays it out with the engine
 * ag_graph_render() would use, and the legend unplaced (legend.c).  It is
 * written into a memory buffer through an I/O discipline, before any layout.
 * The graph is written in its order and numbers have fixed decimals: a graph
 * in canonical order (ag_graph_sort) gives the same bytes every time.
 */
#include <stdio.h>

#include "render/render.h"
#include "util/error.h"

static int buf_read(void *chan, char *buf, int bufsize)
{
	(void)chan;
	(void)buf;
	(void)bufsize;
	return 0;
}

typedef struct {
	ag_buf b;
	int failed;
} dot_chan;

static int buf_putstr(void *chan, const char *str)
{
	dot_chan *c = chan;
	if (ag__buf_puts(&c->b, str) < 0) {
		c->failed = 1;
		return EOF;
	}
	return 0;
}

static int buf_flush(void *chan)
{
	(void)chan;
	return 0;
}

int ag_graph_to_dot(const ag_graph *g, const ag_render_options *opts, char **out, size_t *len)
{
	Agiodisc_t io = {buf_read, buf_putstr, buf_flush};
	Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
	ag_render_plan plan = {0};
	Agraph_t *G = NULL;
	dot_chan chan = {{0}, 0};
	int rc, locked = 0, added;

	AG_CHECK_ARGS(g && out);
	*out = NULL;
	if (len)
		*len = 0;
	if (!opts || opts->version != 1)
		AG_CHECK_OPTIONS(opts, AG_RENDER_OPTIONS_VERSION, "AG_RENDER_OPTIONS_INIT");
	if ((rc = ag__render_plan(g, opts, 0, &plan)) < 0)
		goto cleanup;

	ag__render_lock();
	locked = 1;
	if ((rc = ag__render_build(g, &plan, AG_BUILD_DOT, &disc, &G)) < 0 ||
	    (plan.legend && (rc = ag__render_legend(G, g, &plan, 0, 0, 0, &added)) < 0))
		goto cleanup;
	/* before any layout: agwrite would add the layout's attributes */
	if (agwrite(G, &chan) != 0) {
		rc = chan.failed ? AG_ENOMEM
		                 : ag__error(AG_ERROR, "Graphviz could not write DOT: %s", ag__render_messages());
		goto cleanup;
	}
	if (!chan.b.data && (rc = ag__buf_puts(&chan.b, "")) < 0)
		goto cleanup;
	if (len)
		*len = chan.b.len;
	*out = ag__buf_detach(&chan.b);
	rc = 0;

cleanup:
	if (G)
		agclose(G);
	if (locked)
		ag__render_unlock();
	ag__buf_free(&chan.b);
	ag__render_plan_free(&plan);
	return rc;
}
