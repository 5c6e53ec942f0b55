/*
 * svg.c - lay out the diagram and render it (SVG, PNG, PDF) through gvc
 * (ag_graph_render).
 *
 * The graph is what the plan draws (plan.c, cut.c: a large graph is cut to
 * its most central nodes unless max_nodes is 0), built as dot.c builds it
 * (diagram.c, ag__render_build).  The legend is
 * placed after the layout, right of the drawing and level with its top: the
 * layout's positions are attached as "pos" attributes, the legend is added with
 * its own positions, and the "nop2" engine (neato -n2) takes every position
 * as given.  That works the same whatever the engine, where a legend cluster
 * would be ignored by sfdp and twopi and scattered by the force layouts.
 *
 * One gvc context serves the whole process (made on first use, never freed).
 * Graphviz 2.42/2.43's pango plugin keeps a static pointer to the last font
 * name it measured, and that name belongs to the context: after
 * gvFreeContext() the next context's first label reads freed memory
 * (AddressSanitizer: heap-use-after-free in strcmp under textspan_size).  A
 * context that lives as long as the plugin does avoids that; it stays
 * reachable, so leak checkers do not report it.
 */
#include <stdio.h>
#include <stdlib.h>

#include <graphviz/gvc.h>

#include "render/render.h"
#include "util/error.h"

static const char *const formats[] = {"svg", "png", "pdf"};

/* The process's gvc context; only touched with the render lock held. */
static GVC_t *shared_gvc;

/* "a,b,c,d" -> four numbers (Graphviz writes them with '.', whatever the locale). */
static int parse_box(const char *s, double v[4])
{
	char *end;
	for (int i = 0; i < 4; i++) {
		if (!s || !*s)
			return -1;
		v[i] = strtod(s, &end);
		if (end == s)
			return -1;
		s = *end == ',' ? end + 1 : end;
	}
	return 0;
}

/* Move the laid-out drawing into attributes, then add the legend with positions. */
static int place_legend(GVC_t *gvc, Agraph_t *G, const ag_graph *g, const ag_render_plan *plan, int *added)
{
	double bb[4], top, lheight = 0;
	char *s;
	int rc;

	attach_attrs(G);
	if (parse_box(agget(G, "bb"), bb) < 0)
		return ag__error(AG_ERROR, "Graphviz gave no bounding box after the layout");
	if ((s = agget(G, "lheight")) && *s)
		lheight = strtod(s, NULL) * 72.0;
	/* level with the top of the drawing, below the title */
	top = bb[3] - (lheight > 0 ? lheight + 8 : 0);
	gvFreeLayout(gvc, G);
	/* let nop2 compute the bounding box anew; the title keeps its place
	 * ("lp", centred over the drawing) */
	if (agsafeset(G, (char *)"bb", (char *)"", (char *)"") != 0)
		return ag__error(AG_ERROR, "Graphviz refused an attribute");
	if ((rc = ag__render_legend(G, g, plan, 1, bb[2] + 24, top, added)) < 0)
		return rc;
	return 0;
}

int ag_graph_render(const ag_graph *g, const ag_render_options *opts, const char *format, char **out, size_t *len)
{
	ag_render_plan plan = {0};
	GVC_t *gvc = NULL;
	Agraph_t *G = NULL;
	char *data = NULL;
	unsigned int ulen = 0; /* gvRenderData takes unsigned int * in 2.42/2.43 */
	int rc, locked = 0, laid = 0, nop_laid = 0, added = 0;
	size_t i;

	AG_CHECK_ARGS(g && format && out);
	*out = NULL;
	if (len)
		*len = 0;
	if (!opts || opts->version != 1)
		AG_CHECK_OPTIONS(opts, AG_RENDER_OPTIONS_VERSION, "AG_RENDER_OPTIONS_INIT");
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(format, formats[i]) == 0)
			break;
	if (i == sizeof(formats) / sizeof(formats[0]))
		return ag__error(AG_EINVAL, "unknown image format '%.32s' (svg, png, pdf)", format);
	if ((rc = ag__render_plan(g, opts, 1, &plan)) < 0)
		goto cleanup;

	/* gvc is not known to be thread-safe: one rendering at a time */
	ag__render_lock();
	locked = 1;
	if (!shared_gvc && !(shared_gvc = gvContext())) {
		rc = ag__error(AG_ENOMEM, "could not create a Graphviz context");
		goto cleanup;
	}
	gvc = shared_gvc;
	if ((rc = ag__render_build(g, &plan, AG_BUILD_RENDER, NULL, &G)) < 0)
		goto cleanup;
	laid = 1;
	ag__render_progress(&plan, g, "layout");
	if (gvLayout(gvc, G, plan.engine) != 0) {
		rc = ag__error(AG_ENOTFOUND, "Graphviz layout '%s' failed (is the plugin installed? "
		               "'dot -c' as root rebuilds the plugin list): %s", plan.engine, ag__render_messages());
		goto cleanup;
	}
	if (plan.legend) {
		ag__render_progress(&plan, g, "legend");
		if ((rc = place_legend(gvc, G, g, &plan, &added)) < 0)
			goto cleanup;
		nop_laid = 1;
		if (gvLayout(gvc, G, "nop2") != 0) {
			rc = ag__error(AG_ENOTFOUND, "Graphviz layout 'nop2' failed: %s", ag__render_messages());
			goto cleanup;
		}
	}
	ag__render_progress(&plan, g, "render");
	if (gvRenderData(gvc, G, format, &data, &ulen) != 0 || !data) {
		rc = ag__error(AG_ENOTFOUND, "Graphviz cannot render '%s' (is its plugin installed?): %s", format,
		               ag__render_messages());
		goto cleanup;
	}
	if (!(*out = malloc((size_t)ulen + 1))) {
		rc = ag__enomem();
		goto cleanup;
	}
	memcpy(*out, data, ulen);
	(*out)[ulen] = '\0';
	if (len)
		*len = ulen;
	rc = 0;
	ag__render_progress(&plan, g, NULL);

cleanup:
	if (data)
		gvFreeRenderData(data);
	if (nop_laid) {
		/* neato's cleanup forgets the node list that -n mode made (it checks
		 * a global flag that is already reset): a leak per layout in
		 * 2.42/2.43 that we close here; cleanup frees NULL harmlessly when a
		 * later Graphviz does free it */
		free(GD_neato_nlist(G));
		GD_neato_nlist(G) = NULL;
	}
	/* gvFreeLayout is a no-op when the layout did not happen */
	if (laid)
		gvFreeLayout(gvc, G);
	if (G)
		agclose(G);
	/* no gvFreeContext: see the top of the file */
	if (locked)
		ag__render_unlock();
	ag__render_plan_free(&plan);
	return rc;
}
