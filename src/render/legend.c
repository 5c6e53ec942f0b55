/*
 * legend.c - the legend of the diagram: the kinds of node and link drawn
 * (only those), the ego of an ego view, the communities drawn, each with
 * its fill and named by its hub and its other members ("Russia +15", the
 * same in every cut of the graph), and the metric that sizes the nodes.
 *
 * In the DOT file (unplaced) it is a cluster_legend holding one HTML-like
 * table node, which stays whole under any engine; in the rendered images
 * (placed) it is drawn with real sample shapes and lines at positions given
 * after the layout (svg.c), right of the drawing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

/* Legend geometry, in points. */
#define LEG_WIDTH 200.0
#define LEG_PAD 12.0
#define LEG_HEAD 30.0
#define LEG_KIND_ROW 30.0
#define LEG_KIND_W 86.0
#define LEG_KIND_H 22.0
#define LEG_LINK_ROW 20.0
#define LEG_LINE_W 48.0
#define LEG_TEXT_ROW 18.0
#define LEG_CHIP 12.0
#define LEG_COMM_ROW 21.0
/* Communities named one by one in the legend; the others are counted. */
#define LEG_COMMUNITIES_MAX 12
/* Longest community name in the legend, in characters. */
#define LEG_NAME_MAX 26
/* the column where the texts of link and chip rows start */
#define LEG_TEXT_X(L) ((L)->x + LEG_PAD + LEG_LINE_W + 2)
#define LEG_TEXT_W (LEG_WIDTH - 2 * LEG_PAD - LEG_LINE_W - 2)

typedef struct {
	Agraph_t *G, *sub;
	ag_buf name, val;
	double x, y; /* cursor: left edge, centre of the current row */
} legend;

static int leg_pos(legend *L, void *obj, double x, double y)
{
	char a[32], b[32];
	ag__render_fmt_num(a, sizeof(a), "%.2f", x);
	ag__render_fmt_num(b, sizeof(b), "%.2f", y);
	ag__buf_clear(&L->val);
	if (ag__buf_printf(&L->val, "%s,%s", a, b) < 0)
		return AG_ENOMEM;
	return ag__render_set_attr(obj, "pos", L->val.data);
}

static int leg_node(legend *L, const char *key, double w, double h, double x, double y, Agnode_t **out)
{
	char a[32], b[32];
	int rc;

	ag__buf_clear(&L->name);
	if ((rc = ag__buf_printf(&L->name, "legend_%s", key)) < 0 ||
	    (rc = ag__render_new_node(L->G, L->sub, &L->name, out)) < 0)
		return rc;
	ag__render_fmt_num(a, sizeof(a), "%.2f", w / 72.0);
	ag__render_fmt_num(b, sizeof(b), "%.2f", h / 72.0);
	if ((rc = ag__render_set_attr(*out, "width", a)) < 0 || (rc = ag__render_set_attr(*out, "height", b)) < 0 ||
	    (rc = ag__render_set_attr(*out, "fixedsize", "true")) < 0 ||
	    (rc = leg_pos(L, *out, x, y)) < 0)
		return rc;
	return 0;
}

/* A line of text, left-aligned, starting at x. */
static int leg_text(legend *L, const char *key, const char *text, double x, double w, Agnode_t **out)
{
	int rc;
	if ((rc = leg_node(L, key, w, LEG_TEXT_ROW - 2, x + w / 2, L->y, out)) < 0)
		return rc;
	ag__buf_clear(&L->val);
	if ((rc = ag__render_put_str(&L->val, text, 80, AG_RENDER_TXT_BS2)) < 0 ||
	    (rc = ag__buf_puts(&L->val, "\\l")) < 0 || (rc = ag__render_set_attr(*out, "label", L->val.data)) < 0 ||
	    (rc = ag__render_set_attr(*out, "shape", "plaintext")) < 0 ||
	    (rc = ag__render_set_attr(*out, "style", "")) < 0)
		return rc;
	return 0;
}


static int leg_kind(legend *L, ag_node_type t)
{
	const ag_render_type_style *s = &ag__render_type_styles[t];
	Agnode_t *n;
	double row = s->legend_h + 8;
	int rc;

	L->y -= row / 2;
	if ((rc = leg_node(L, s->legend, s->legend_w, s->legend_h, L->x + LEG_PAD + s->legend_w / 2, L->y, &n)) < 0 ||
	    (rc = ag__render_set_attr(n, "label", s->legend)) < 0 ||
	    (rc = ag__render_set_attr(n, "shape", s->shape)) < 0 ||
	    (rc = ag__render_set_attr(n, "style", s->style)) < 0 ||
	    (rc = ag__render_set_attr(n, "color", s->color)) < 0 ||
	    (rc = ag__render_set_attr(n, "penwidth", s->penwidth)) < 0 ||
	    (rc = ag__render_set_attr(n, "fillcolor", AG_RENDER_FILL_ALONE)) < 0)
		return rc;
	L->y -= row / 2;
	return 0;
}

/* The ego of an ego view: its type's shape with the ego's outline, and its name. */
static int leg_ego(legend *L, const ag_graph *g, const ag_render_plan *p)
{
	const ag_node *e = &g->nodes[p->ego];
	const ag_render_type_style *s = &ag__render_type_styles[e->type < AG_NODE_TYPE_COUNT ? e->type : AG_NODE_OTHER];
	Agnode_t *n, *t;
	char text[160];
	int rc;

	L->y -= LEG_LINK_ROW / 2 + 2;
	if ((rc = leg_node(L, "ego", 34, 16, L->x + LEG_PAD + 17, L->y, &n)) < 0 ||
	    (rc = ag__render_set_attr(n, "label", "")) < 0 || (rc = ag__render_set_attr(n, "shape", s->shape)) < 0 ||
	    (rc = ag__render_set_attr(n, "style", s->style)) < 0 ||
	    (rc = ag__render_set_attr(n, "color", AG_RENDER_EGO_COLOR)) < 0 ||
	    (rc = ag__render_set_attr(n, "penwidth", AG_RENDER_EGO_PEN)) < 0 ||
	    (rc = ag__render_set_attr(n, "fillcolor", AG_RENDER_FILL_ALONE)) < 0)
		return rc;
	snprintf(text, sizeof(text), "centre: %.120s", p->labels[p->ego]);
	if ((rc = leg_text(L, "ego_text", text, LEG_TEXT_X(L), LEG_TEXT_W, &t)) < 0)
		return rc;
	L->y -= LEG_LINK_ROW / 2 + 2;
	return 0;
}

static int leg_link(legend *L, int r)
{
	const ag_render_rel_style *s = &ag__render_rel_styles[r];
	const char *rname = r == AG_RENDER_REL_PLAIN ? "link" : ag_relation_name((ag_relation)r);
	Agnode_t *a, *b, *t;
	Agedge_t *e;
	char key[64], pw[32], p[4][2][32];
	double x0 = L->x + LEG_PAD, x1 = x0 + LEG_LINE_W;
	int rc;

	L->y -= LEG_LINK_ROW / 2;
	snprintf(key, sizeof(key), "%s_a", rname);
	if ((rc = leg_node(L, key, 1, 1, x0, L->y, &a)) < 0)
		return rc;
	snprintf(key, sizeof(key), "%s_b", rname);
	if ((rc = leg_node(L, key, 1, 1, x1, L->y, &b)) < 0)
		return rc;
	if ((rc = ag__render_set_attr(a, "shape", "point")) < 0 ||
	    (rc = ag__render_set_attr(a, "style", "invis")) < 0 ||
	    (rc = ag__render_set_attr(b, "shape", "point")) < 0 ||
	    (rc = ag__render_set_attr(b, "style", "invis")) < 0 || (rc = ag__render_set_attr(a, "label", "")) < 0 ||
	    (rc = ag__render_set_attr(b, "label", "")) < 0)
		return rc;
	if (!(e = agedge(L->G, a, b, NULL, 1)))
		return ag__error(AG_ERROR, "Graphviz could not create an edge");
	ag__render_fmt_num(pw, sizeof(pw), "%.2f", s->min_pen > 1.6 ? s->min_pen : 1.6);
	if ((rc = ag__render_set_attr(e, "color", s->color)) < 0 ||
	    (rc = ag__render_set_attr(e, "style", s->style)) < 0 || (rc = ag__render_set_attr(e, "penwidth", pw)) < 0 ||
	    (rc = ag__render_set_attr(e, "tooltip", s->legend)) < 0)
		return rc;
	/* a straight cubic Bezier: nop2 draws it as given */
	for (int i = 0; i < 4; i++) {
		ag__render_fmt_num(p[i][0], sizeof(p[i][0]), "%.2f", x0 + (x1 - x0) * i / 3.0);
		ag__render_fmt_num(p[i][1], sizeof(p[i][1]), "%.2f", L->y);
	}
	ag__buf_clear(&L->val);
	if ((rc = ag__buf_printf(&L->val, "%s,%s %s,%s %s,%s %s,%s", p[0][0], p[0][1], p[1][0], p[1][1], p[2][0],
	                        p[2][1], p[3][0], p[3][1])) < 0 ||
	    (rc = ag__render_set_attr(e, "pos", L->val.data)) < 0)
		return rc;
	if ((rc = leg_text(L, rname, s->legend, LEG_TEXT_X(L), LEG_TEXT_W, &t)) < 0)
		return rc;
	L->y -= LEG_LINK_ROW / 2;
	return 0;
}

/* One chip (a community's fill, or NULL for no community) and its text. */
static int leg_chip(legend *L, const char *key, const ag_render_community *c, const char *fill, const char *text)
{
	Agnode_t *n, *t;
	char k[64];
	double x = L->x + LEG_PAD + 4 + LEG_CHIP / 2;
	int rc;

	L->y -= LEG_COMM_ROW / 2;
	snprintf(k, sizeof(k), "%s_chip", key);
	if ((rc = leg_node(L, k, LEG_CHIP, LEG_CHIP, x, L->y, &n)) < 0 ||
	    (rc = ag__render_set_attr(n, "shape", "box")) < 0 || (rc = ag__render_set_attr(n, "label", "")) < 0 ||
	    (rc = ag__render_set_attr(n, "penwidth", "0.8")) < 0 ||
	    (rc = ag__render_set_attr(n, "color", "#404040")) < 0)
		return rc;
	if (c)
		rc = ag__render_set_fill(n, c, "filled");
	else if ((rc = ag__render_set_attr(n, "fillcolor", fill)) == 0)
		rc = ag__render_set_attr(n, "style", "filled");
	if (rc < 0)
		return rc;
	if ((rc = leg_text(L, key, text, L->x + LEG_PAD + 4 + LEG_CHIP + 2,
	                   LEG_WIDTH - 2 * LEG_PAD - LEG_CHIP - 6, &t)) < 0)
		return rc;
	L->y -= LEG_COMM_ROW / 2;
	return 0;
}

/* A line of text across the legend. */
static int leg_line(legend *L, const char *key, const char *text)
{
	Agnode_t *t;
	int rc;

	L->y -= LEG_TEXT_ROW / 2;
	if ((rc = leg_text(L, key, text, L->x + LEG_PAD, LEG_WIDTH - 2 * LEG_PAD, &t)) < 0)
		return rc;
	L->y -= LEG_TEXT_ROW / 2;
	return 0;
}

/* What the legend shows: what is drawn. */
typedef struct {
	bool kinds[AG_NODE_TYPE_COUNT], rels[AG_REL_COUNT + 1];
	bool any, any_none, ego;
	size_t n_named, n_more, n_alone; /* communities: named, counted, of one node */
	const char *size_used;
} legend_content;

/* A community drawn as one of the "single nodes" (white, one member). */
static bool alone(const ag_render_community *c)
{
	return c->size < 2 && strcmp(c->color, AG_RENDER_FILL_ALONE) == 0 && c->pattern == AG_RENDER_PAT_SOLID;
}

static void legend_survey(const ag_graph *g, const ag_render_plan *p, legend_content *c)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < g->n_nodes; i++) {
		if (!p->node_on[i])
			continue;
		c->kinds[g->nodes[i].type < AG_NODE_TYPE_COUNT ? g->nodes[i].type : AG_NODE_OTHER] = c->any = true;
		if (g->nodes[i].community < 0 || !ag__render_community(p, g->nodes[i].community))
			c->any_none = true;
	}
	for (size_t j = 0; j < g->n_links; j++)
		if (p->link_on[j])
			c->rels[ag__render_link_relation(&g->links[j])] = true;
	c->ego = p->ego != AG_RENDER_NONE && p->node_on[p->ego];
	for (size_t k = 0; k < p->n_comms; k++) {
		const ag_render_community *m = &p->comms[k];
		if (!m->drawn)
			continue;
		if (alone(m))
			c->n_alone++;
		else if (c->n_named < LEG_COMMUNITIES_MAX)
			c->n_named++;
		else
			c->n_more++;
	}
	c->size_used = p->size_used;
}

/* Relations in legend order: a plain link, co-mention first, the meeting roles last. */
static int legend_relation(size_t i)
{
	const size_t n = sizeof(ag__render_rel_priority) / sizeof(ag__render_rel_priority[0]);
	return i == 0 ? AG_RENDER_REL_PLAIN : (int)ag__render_rel_priority[n - i];
}
#define LEGEND_RELATIONS (AG_REL_COUNT + 1)

/* "Russia +15": the community's name (cut at LEG_NAME_MAX characters; made
 * safe by whoever writes it) and its other members in the graph. */
static void community_text(char *out, size_t size, const ag_render_community *c)
{
	size_t n = 0, chars = 0;

	if (c->name) {
		const char *s = c->name;
		for (; s[n] && n + 8 < size; n++) {
			if (((unsigned char)s[n] & 0xC0) != 0x80 && chars++ == LEG_NAME_MAX)
				break;
			out[n] = s[n];
		}
		out[n] = '\0';
		if (s[n] && n + 4 < size) {
			memcpy(out + n, "\xE2\x80\xA6", 4); /* … */
			n += 3;
		}
	} else {
		n = (size_t)snprintf(out, size, "community %d", c->id);
	}
	if (c->size > 1 && n < size)
		snprintf(out + n, size - n, " +%zu", c->size - 1);
}

/* The legend drawn with real nodes and edges at fixed positions (after a layout). */
static int legend_placed(Agraph_t *G, Agraph_t *sub, const ag_graph *g, const ag_render_plan *p,
                         const legend_content *c, double x, double y)
{
	legend L = {0};
	Agnode_t *frame;
	char a[32], text[200];
	size_t named = 0;
	int rc = 0;

	L.G = G;
	L.sub = sub;
	L.x = x;
	L.y = y - LEG_HEAD;
	/*
	 * The frame is a node made first, so it is drawn under the others.  (A
	 * cluster would do, but neato's -n mode leaks its label and arrays on
	 * every layout in Graphviz 2.42/2.43.)  Its size is set at the end.
	 */
	if ((rc = leg_node(&L, "frame", LEG_WIDTH, 10, x + LEG_WIDTH / 2, y, &frame)) < 0 ||
	    (rc = ag__render_set_attr(frame, "shape", "box")) < 0 ||
	    (rc = ag__render_set_attr(frame, "style", "rounded")) < 0 ||
	    (rc = ag__render_set_attr(frame, "color", "#9A9A9A")) < 0 ||
	    (rc = ag__render_set_attr(frame, "label", "Legend")) < 0 ||
	    (rc = ag__render_set_attr(frame, "labelloc", "t")) < 0 ||
	    (rc = ag__render_set_attr(frame, "fontsize", "12")) < 0 ||
	    (rc = ag__render_set_attr(frame, "penwidth", "1")) < 0 ||
	    (rc = ag__render_set_attr(frame, "tooltip", "legend")) < 0)
		goto cleanup;
	for (int t = 0; t < AG_NODE_TYPE_COUNT; t++)
		if (c->kinds[t] && (rc = leg_kind(&L, (ag_node_type)t)) < 0)
			goto cleanup;
	if (c->ego && (rc = leg_ego(&L, g, p)) < 0)
		goto cleanup;
	for (size_t i = 0; i < LEGEND_RELATIONS; i++)
		if (c->rels[legend_relation(i)] && (rc = leg_link(&L, legend_relation(i))) < 0)
			goto cleanup;
	if ((c->n_named || c->n_alone) && (rc = leg_line(&L, "community", "fill: community (its hub +members)")) < 0)
		goto cleanup;
	for (size_t k = 0; k < p->n_comms && named < c->n_named; k++) {
		const ag_render_community *m = &p->comms[k];
		char key[48];
		if (!m->drawn || alone(m))
			continue;
		named++;
		community_text(text, sizeof(text), m);
		snprintf(key, sizeof(key), "community_%d", m->id);
		if ((rc = leg_chip(&L, key, m, NULL, text)) < 0)
			goto cleanup;
	}
	if (c->n_more) {
		snprintf(text, sizeof(text), "+ %zu more communit%s", c->n_more, c->n_more == 1 ? "y" : "ies");
		if ((rc = leg_line(&L, "community_more", text)) < 0)
			goto cleanup;
	}
	if (c->n_alone) {
		snprintf(text, sizeof(text), "alone in its community (%zu)", c->n_alone);
		if ((rc = leg_chip(&L, "alone", NULL, AG_RENDER_FILL_ALONE, text)) < 0)
			goto cleanup;
	}
	if (c->any_none && (rc = leg_chip(&L, "nocommunity", NULL, AG_RENDER_FILL_NONE, "no community")) < 0)
		goto cleanup;
	if (c->size_used) {
		snprintf(text, sizeof(text), "node size: %.60s", c->size_used);
		if ((rc = leg_line(&L, "size", text)) < 0)
			goto cleanup;
	}

	L.y -= LEG_PAD / 2;
	ag__render_fmt_num(a, sizeof(a), "%.2f", (y - L.y) / 72.0);
	if ((rc = ag__render_set_attr(frame, "height", a)) < 0 ||
	    (rc = leg_pos(&L, frame, x + LEG_WIDTH / 2, (y + L.y) / 2)) < 0)
		goto cleanup;

cleanup:
	ag__buf_free(&L.name);
	ag__buf_free(&L.val);
	return rc;
}

/* Text for HTML-like markup: safe text (ag__render_put_text) with <, >, " escaped as well. */
static int put_html(ag_buf *b, const char *s)
{
	ag_buf t = {0};
	int rc;

	if ((rc = ag__render_put_text(&t, s, strlen(s), 40, 0)) < 0)
		goto cleanup;
	for (size_t i = 0; i < t.len && rc == 0; i++) {
		char ch = t.data[i];
		rc = ch == '<' ? ag__buf_puts(b, "&lt;") : ch == '>' ? ag__buf_puts(b, "&gt;")
		   : ch == '"' ? ag__buf_puts(b, "&quot;") : ag__buf_putc(b, ch);
	}
cleanup:
	ag__buf_free(&t);
	return rc;
}

/* An HTML-like table row: a sample cell and a text cell (both trusted markup). */
static int html_row(ag_buf *b, const char *sample, const char *text)
{
	return ag__buf_printf(b, "<TR><TD ALIGN=\"LEFT\">%s</TD><TD ALIGN=\"LEFT\">%s</TD></TR>", sample, text);
}

/* A chip row: a cell filled like the community (the pattern in words), the text made safe. */
static int html_chip_row(ag_buf *b, const ag_render_community *c, const char *fill, const char *text)
{
	const char *pattern = c && c->pattern != AG_RENDER_PAT_SOLID ? ag__render_pattern_name(c->pattern) : NULL;
	if (ag__buf_printf(b, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" "
	                      "CELLPADDING=\"0\"><TR><TD BGCOLOR=\"%s%s\" WIDTH=\"12\" HEIGHT=\"10\" FIXEDSIZE=\"TRUE\">"
	                      "</TD></TR></TABLE></TD><TD ALIGN=\"LEFT\">",
	                  c ? c->color : fill,
	                  c && (c->pattern == AG_RENDER_PAT_HALF || c->pattern == AG_RENDER_PAT_HALF_DOUBLE)
	                      ? ";0.5:#FFFFFF"
	                      : "") < 0 ||
	    put_html(b, text) < 0 || (pattern && ag__buf_printf(b, " (%s)", pattern) < 0) ||
	    ag__buf_puts(b, "</TD></TR>") < 0)
		return AG_ENOMEM;
	return 0;
}

/*
 * The legend as one node with an HTML-like table, for the DOT file: whatever
 * engine lays that file out, a single node stays in one piece (a cluster of
 * loose nodes is scattered by the force layouts and ignored by sfdp).  Only
 * our own fixed strings and colours go into the markup, and the names made
 * safe (put_html).
 */
static int legend_html(Agraph_t *G, Agraph_t *sub, const ag_graph *g, const ag_render_plan *p,
                       const legend_content *c)
{
	ag_buf b = {0}, name = {0};
	Agnode_t *n;
	Agsym_t *label;
	char *html = NULL, text[200];
	size_t named = 0;
	int rc = AG_ENOMEM;

	if (ag__buf_puts(&b, "<TABLE BORDER=\"1\" COLOR=\"#9A9A9A\" STYLE=\"ROUNDED\" CELLBORDER=\"0\" "
	                    "CELLSPACING=\"2\" CELLPADDING=\"2\">"
	                    "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"12\">Legend</FONT></TD></TR>") < 0)
		goto cleanup;
	for (int t = 0; t < AG_NODE_TYPE_COUNT; t++)
		if (c->kinds[t] &&
		    html_row(&b, ag__render_type_styles[t].shape_text, ag__render_type_styles[t].legend) < 0)
			goto cleanup;
	if (c->ego) {
		if (ag__buf_printf(&b, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\"><B>heavy outline</B></FONT></TD>"
		                       "<TD ALIGN=\"LEFT\">centre: ", AG_RENDER_EGO_COLOR) < 0 ||
		    put_html(&b, p->labels[p->ego]) < 0 || ag__buf_puts(&b, "</TD></TR>") < 0)
			goto cleanup;
	}
	for (size_t i = 0; i < LEGEND_RELATIONS; i++) {
		int r = legend_relation(i);
		const ag_render_rel_style *s = &ag__render_rel_styles[r];
		const char *line = strcmp(s->style, "dashed") == 0   ? "\xE2\x80\x93 \xE2\x80\x93 \xE2\x80\x93"
		                   : strcmp(s->style, "dotted") == 0 ? "\xC2\xB7 \xC2\xB7 \xC2\xB7 \xC2\xB7 \xC2\xB7"
		                                                     : "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94";
		char sample[160];
		if (!c->rels[r])
			continue;
		snprintf(sample, sizeof(sample), "<FONT COLOR=\"%s\">%s%s%s</FONT>", s->color,
		         s->min_pen >= 2 ? "<B>" : "", line, s->min_pen >= 2 ? "</B>" : "");
		if (html_row(&b, sample, s->legend) < 0)
			goto cleanup;
	}
	if ((c->n_named || c->n_alone) && html_row(&b, "fill", "community (its hub +members)") < 0)
		goto cleanup;
	for (size_t k = 0; k < p->n_comms && named < c->n_named; k++) {
		const ag_render_community *m = &p->comms[k];
		if (!m->drawn || alone(m))
			continue;
		named++;
		community_text(text, sizeof(text), m);
		if (html_chip_row(&b, m, NULL, text) < 0)
			goto cleanup;
	}
	if (c->n_more &&
	    ag__buf_printf(&b, "<TR><TD></TD><TD ALIGN=\"LEFT\">+ %zu more communit%s</TD></TR>", c->n_more,
	                   c->n_more == 1 ? "y" : "ies") < 0)
		goto cleanup;
	if (c->n_alone) {
		snprintf(text, sizeof(text), "alone in its community (%zu)", c->n_alone);
		if (html_chip_row(&b, NULL, AG_RENDER_FILL_ALONE, text) < 0)
			goto cleanup;
	}
	if (c->any_none && html_chip_row(&b, NULL, AG_RENDER_FILL_NONE, "no community") < 0)
		goto cleanup;
	if (c->size_used) {
		if (ag__buf_puts(&b, "<TR><TD ALIGN=\"LEFT\">node size</TD><TD ALIGN=\"LEFT\">") < 0 ||
		    put_html(&b, c->size_used) < 0 || ag__buf_puts(&b, "</TD></TR>") < 0)
			goto cleanup;
	}
	if (ag__buf_puts(&b, "</TABLE>") < 0 || ag__buf_puts(&name, "legend") < 0)
		goto cleanup;
	(void)g;

	if ((rc = ag__render_new_node(G, sub, &name, &n)) < 0 ||
	    (rc = ag__render_set_attr(n, "shape", "plaintext")) < 0 || (rc = ag__render_set_attr(n, "style", "")) < 0 ||
	    (rc = ag__render_set_attr(n, "margin", "0")) < 0 || (rc = ag__render_set_attr(n, "tooltip", "legend")) < 0)
		goto cleanup;
	rc = AG_ERROR;
	if (!(label = agattr(G, AGNODE, (char *)"label", NULL)) || !(html = agstrdup_html(G, b.data)) ||
	    agxset(n, label, html) != 0) {
		ag__error(AG_ERROR, "Graphviz refused the legend");
		goto cleanup;
	}
	rc = 0;

cleanup:
	if (html)
		agstrfree(G, html);
	ag__buf_free(&b);
	ag__buf_free(&name);
	return rc;
}

int ag__render_legend(Agraph_t *G, const ag_graph *g, const ag_render_plan *plan, int placed,
                      double x, double y, int *out_added)
{
	legend_content c;
	Agraph_t *sub;
	int rc;

	*out_added = 0;
	legend_survey(g, plan, &c);
	if (!c.any)
		return 0;
	if (!(sub = agsubg(G, (char *)(placed ? "legend" : "cluster_legend"), 1)))
		return ag__error(AG_ERROR, "Graphviz could not create the legend");
	if (placed) {
		if ((rc = legend_placed(G, sub, g, plan, &c, x, y)) < 0)
			return rc;
	} else {
		/* the table draws its own frame */
		if ((rc = ag__render_set_attr(sub, "style", "invis")) < 0 || (rc = legend_html(G, sub, g, plan, &c)) < 0)
			return rc;
	}
	*out_added = 1;
	return 0;
}
