/*
 * export_dot.c - the diagram as DOT, through cgraph.
 *
 * The visual encoding (shared with export_svg.c through render.h):
 *   node shape and border by type: person ellipse, state rounded box with a
 *     heavy border, organization hexagon, meeting dashed diamond, other
 *     dotted octagon - readable without colour;
 *   node fill by community: the 8 largest communities (of 2 or more nodes)
 *     get Paul Tol's "light" qualitative colours (colour-blind safe, dark
 *     text stays legible on them), smaller communities white, no community
 *     pale grey;
 *   node size and font size by a centrality (pagerank by default), scaled by
 *     the square root so that area follows the value; font never below 10;
 *   link pen width 1 + 1.5 log2(weight), capped at 7; colour and dash by the
 *     strongest relation of the link: mediator (vermillion, dashed), host
 *     (green), party (near-black), participant (purple, dotted), affiliation
 *     (blue, dashed), co-mention (grey);
 *   tooltips with the type, role, affiliation, metrics and, for links, the
 *     relation counts and an evidence sentence;
 *   a title (the documents and their dates) and a legend of the kinds
 *     present: in the DOT file a cluster_legend holding one HTML-like table
 *     node (it stays whole under any engine); export_svg.c draws real sample
 *     shapes and lines, placed after the layout.
 *
 * DOT node names are the node ids, escaped like labels; an id that becomes
 * the same name as an earlier one gets "~2", "~3"..., and one starting with
 * '%' (an anonymous id to cgraph) gets a leading '_'.  Output is
 * deterministic: the graph is sorted, numbers have fixed decimals.
 *
 * Text from the graph is hostile (scraped pages).  Every string given to
 * Graphviz goes through put_text(): invalid UTF-8 becomes U+FFFD, control
 * bytes and DEL become spaces, U+FFFE/U+FFFF (not XML) become U+FFFD,
 * '&' becomes "&amp;" (Graphviz decodes entities, "&#1;" would otherwise
 * reach the SVG), and backslashes are doubled in labels and names (an
 * escape such as \N would expand) and quadrupled in tooltips (Graphviz
 * unescapes tooltips twice).  Values are ordinary quoted strings, never HTML
 * labels: agwrite quotes them, so "<b>x</b>" stays text.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "render/render.h"
#include "util/utf8.h"

#define FONT "Helvetica,Arial,sans-serif"

/* Labels: wrapped at this many characters, at most this many lines. */
#define LABEL_WRAP 22
#define LABEL_LINES 3
#define LABEL_WORD_MAX 40
/* Longest text (in characters) of one tooltip field. */
#define TIP_FIELD_MAX 200
/* Metrics listed in a node tooltip. */
#define TIP_METRICS 8
/* Nodes above which edges are drawn straight (spline routing is quadratic). */
#define SPLINE_NODES_MAX 150
/* ... and links: routing thousands of curved edges takes neato minutes */
#define SPLINE_LINKS_MAX 1500
/* Nodes above which the default engine is sfdp (neato slows down badly). */
#define NEATO_NODES_MAX 150

/* ---------------------------------------------------------------- lock */

static pthread_mutex_t render_mutex = PTHREAD_MUTEX_INITIALIZER;
static char gv_messages[1024];
static size_t gv_messages_len;
static agusererrf saved_errf;

/* Graphviz's error callback: keep the messages (bounded) for our errors. */
static int collect_message(char *msg)
{
	size_t n = strlen(msg), room;

	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	if (!n)
		return 0;
	if (gv_messages_len && gv_messages_len + 2 < sizeof(gv_messages)) {
		memcpy(gv_messages + gv_messages_len, "; ", 2);
		gv_messages_len += 2;
	}
	room = sizeof(gv_messages) - 1 - gv_messages_len;
	if (n > room)
		n = room;
	memcpy(gv_messages + gv_messages_len, msg, n);
	gv_messages_len += n;
	gv_messages[gv_messages_len] = '\0';
	return 0;
}

void ag__render_lock(void)
{
	pthread_mutex_lock(&render_mutex);
	gv_messages[0] = '\0';
	gv_messages_len = 0;
	saved_errf = agseterrf(collect_message);
}

void ag__render_unlock(void)
{
	agseterrf(saved_errf);
	pthread_mutex_unlock(&render_mutex);
}

const char *ag__render_messages(void)
{
	return gv_messages;
}

/* ---------------------------------------------------------------- text */

enum {
	TXT_BS2 = 1, /* double backslashes (labels, names) */
	TXT_BS4 = 2  /* quadruple backslashes (tooltips) */
};

/*
 * Append the first n bytes of s, made safe for a Graphviz string value (see
 * the top of the file), stopping with "…" after max_chars characters
 * (0 = no limit).
 */
static int put_text(ag_buf *b, const char *s, size_t n, size_t max_chars, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t chars = 0;
	int rc = 0;

	while (p < end && rc == 0) {
		uint32_t cp;
		size_t len = ag__utf8_decode(p, (size_t)(end - p), &cp);

		if (max_chars && chars == max_chars)
			return ag__buf_puts(b, "\xE2\x80\xA6");
		chars++;
		if (len == 0 || cp == 0xFFFE || cp == 0xFFFF) {
			rc = ag__buf_puts(b, "\xEF\xBF\xBD");
			p += len ? len : 1;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F)
			rc = ag__buf_putc(b, ' ');
		else if (cp == '\\')
			rc = ag__buf_puts(b, (flags & TXT_BS4) ? "\\\\\\\\" : (flags & TXT_BS2) ? "\\\\" : "\\");
		else if (cp == '&')
			rc = ag__buf_puts(b, "&amp;");
		else
			rc = ag__buf_append(b, (const char *)p, len);
		p += len;
	}
	return rc;
}

static int put_str(ag_buf *b, const char *s, size_t max_chars, unsigned flags)
{
	return put_text(b, s, strlen(s), max_chars, flags);
}

/* Characters (code points, or stray bytes) in s[0..n). */
static size_t count_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* A node label: words wrapped at LABEL_WRAP characters on at most LABEL_LINES lines. */
static int put_label(ag_buf *b, const char *s)
{
	size_t line = 0, lines = 1;
	const char *p = s;
	int rc = 0;

	while (*p && rc == 0) {
		const char *w;
		size_t wl, wc;

		/* control bytes count as spaces, as put_text turns them into spaces */
		while (*p && (unsigned char)*p <= 0x20)
			p++;
		if (!*p)
			break;
		w = p;
		while (*p && (unsigned char)*p > 0x20)
			p++;
		wl = (size_t)(p - w);
		wc = count_chars(w, wl);
		if (wc > LABEL_WORD_MAX)
			wc = LABEL_WORD_MAX + 1;
		if (line && line + 1 + wc > LABEL_WRAP) {
			if (lines == LABEL_LINES)
				return ag__buf_puts(b, "\xE2\x80\xA6");
			rc = ag__buf_puts(b, "\\n");
			lines++;
			line = 0;
		} else if (line) {
			rc = ag__buf_putc(b, ' ');
			line++;
		}
		if (rc == 0)
			rc = put_text(b, w, wl, LABEL_WORD_MAX, TXT_BS2);
		line += wc;
	}
	return rc;
}

/*
 * A number in a fixed format, whatever the C locale says about decimal
 * commas; trailing zeros of a "%.Nf" format are dropped ("1.50" -> "1.5",
 * "10.0" -> "10").
 */
static void fmt_num(char *out, size_t size, const char *fmt, double v)
{
	char *dot = NULL, *end;

	snprintf(out, size, fmt, v);
	for (char *c = out; *c; c++)
		if (*c == ',' || *c == '.') {
			*c = '.';
			dot = c;
		}
	if (!dot || fmt[strlen(fmt) - 1] != 'f')
		return;
	end = out + strlen(out);
	while (end > dot + 1 && end[-1] == '0')
		*--end = '\0';
	if (end == dot + 1)
		*dot = '\0';
}

/* ---------------------------------------------------------------- plan */

static const char *const engines[] = {"sfdp", "neato", "fdp", "dot", "circo", "twopi"};
static const char *const size_metrics[] = {"pagerank", "betweenness", "strength", "degree"};

int ag__render_plan(const ag_graph *g, const ag_render_options *opts, ag_render_plan *out)
{
	ag_render_options defaults = AG_RENDER_OPTIONS_INIT;
	size_t i;

	if (!opts)
		opts = &defaults;
	if (opts->version != AG_RENDER_OPTIONS_VERSION)
		return ag__error(AG_EINVAL, "ag_render_options: version %u, expected %u", opts->version,
		                 (unsigned)AG_RENDER_OPTIONS_VERSION);

	/* neato (stress majorization) gives the most readable layouts of small
	 * graphs but grows quadratically; sfdp (multilevel) scales to thousands. */
	out->engine = g->n_nodes > NEATO_NODES_MAX ? "sfdp" : "neato";
	if (opts->engine) {
		for (i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
			if (strcmp(opts->engine, engines[i]) == 0)
				break;
		if (i == sizeof(engines) / sizeof(engines[0]))
			return ag__error(AG_EINVAL,
			                 "unknown layout engine '%.64s' (sfdp, neato, fdp, dot, circo, twopi)",
			                 opts->engine);
		out->engine = engines[i];
	}

	out->size_by = "pagerank";
	if (opts->size_by) {
		for (i = 0; i < sizeof(size_metrics) / sizeof(size_metrics[0]); i++)
			if (strcmp(opts->size_by, size_metrics[i]) == 0)
				break;
		if (i == sizeof(size_metrics) / sizeof(size_metrics[0]) &&
		    ag__graph_metric_slot((ag_graph *)g, opts->size_by, false) < 0)
			return ag__error(AG_EINVAL,
			                 "unknown size_by metric '%.64s' (pagerank, betweenness, strength, "
			                 "degree, or a metric the graph has)", opts->size_by);
		out->size_by = opts->size_by;
	}
	out->title = opts->title;
	out->legend = opts->legend != 0;
	return 0;
}

/* ---------------------------------------------------------------- encoding */

typedef struct {
	const char *shape, *style, *color, *penwidth, *legend, *shape_text;
} type_style;

static const type_style type_styles[AG_NODE_TYPE_COUNT] = {
	[AG_NODE_PERSON] = {"ellipse", "filled", "#404040", "1.2", "person", "ellipse"},
	[AG_NODE_STATE] = {"box", "rounded,filled", "#1A1A1A", "2.6", "state", "heavy rounded box"},
	[AG_NODE_ORGANIZATION] = {"hexagon", "filled", "#404040", "1.6", "organization", "hexagon"},
	[AG_NODE_MEETING] = {"diamond", "filled,dashed", "#404040", "1.6", "meeting", "dashed diamond"},
	[AG_NODE_OTHER] = {"octagon", "filled,dotted", "#606060", "1.2", "other", "dotted octagon"},
};

typedef struct {
	const char *color, *style;
	double min_pen;
	const char *legend;
} rel_style;

#define COLOR_CO_MENTION "#9A9A9A"

static const rel_style rel_styles[AG_REL_COUNT] = {
	[AG_REL_CO_MENTION] = {COLOR_CO_MENTION, "solid", 1.0, "co-mention"},
	[AG_REL_AFFILIATION] = {"#0072B2", "dashed", 1.4, "affiliation"},
	[AG_REL_PARTY] = {"#1A1A1A", "solid", 1.6, "party to meeting"},
	[AG_REL_MEDIATOR] = {"#D55E00", "dashed", 2.6, "mediator"},
	[AG_REL_HOST] = {"#009E73", "solid", 2.2, "host of meeting"},
	[AG_REL_PARTICIPANT] = {"#AA4499", "dotted", 2.2, "participant"},
	[AG_REL_SHARED_MEETING] = {"#AA4499", "solid", 1.4, "at the same meeting"},
	[AG_REL_OTHER] = {"#B0B0B0", "dotted", 1.0, "other relation"},
};

/* The relation that decides a link's look: the most specific one present. */
static const ag_relation rel_priority[] = {
	AG_REL_MEDIATOR, AG_REL_HOST, AG_REL_PARTY, AG_REL_PARTICIPANT, AG_REL_SHARED_MEETING,
	AG_REL_AFFILIATION, AG_REL_CO_MENTION, AG_REL_OTHER,
};

/* Paul Tol's "light" scheme, most distinct first. */
static const char *const palette[] = {
	"#77AADD", "#EE8866", "#44BB99", "#FFAABB", "#EEDD88", "#99DDFF", "#BBCC33", "#AAAA00",
};
#define PALETTE_SIZE (sizeof(palette) / sizeof(palette[0]))
#define FILL_NONE "#DDDDDD"
#define FILL_SMALL "#FFFFFF"

static ag_relation link_relation(const ag_link *l)
{
	for (size_t i = 0; i < sizeof(rel_priority) / sizeof(rel_priority[0]); i++)
		if (l->rel[rel_priority[i]])
			return rel_priority[i];
	return AG_REL_CO_MENTION;
}

/* Communities ranked by size (largest first, then by id). */
typedef struct {
	int id;
	size_t size;
	size_t rank;
} community;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int cmp_by_size(const void *a, const void *b)
{
	const community *x = a, *y = b;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static int cmp_by_id(const void *a, const void *b)
{
	const community *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* *out sorted by id, with ranks; *count communities.  Free *out. */
static int rank_communities(const ag_graph *g, community **out, size_t *count)
{
	int *ids = NULL;
	community *c = NULL;
	size_t n = 0, k = 0;

	*out = NULL;
	*count = 0;
	if (!(ids = malloc((g->n_nodes + 1) * sizeof(int))) ||
	    !(c = malloc((g->n_nodes + 1) * sizeof(community)))) {
		free(ids);
		free(c);
		return ag__enomem();
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		if (g->nodes[i].community >= 0)
			ids[n++] = g->nodes[i].community;
	qsort(ids, n, sizeof(int), cmp_int);
	for (size_t i = 0; i < n; i++) {
		if (k && c[k - 1].id == ids[i]) {
			c[k - 1].size++;
		} else {
			c[k].id = ids[i];
			c[k].size = 1;
			k++;
		}
	}
	qsort(c, k, sizeof(*c), cmp_by_size);
	for (size_t i = 0; i < k; i++)
		c[i].rank = i;
	qsort(c, k, sizeof(*c), cmp_by_id);
	free(ids);
	*out = c;
	*count = k;
	return 0;
}

static const char *community_fill(const community *c, size_t n, int id)
{
	community key, *hit;

	if (id < 0)
		return FILL_NONE;
	key.id = id;
	hit = bsearch(&key, c, n, sizeof(*c), cmp_by_id);
	if (hit && hit->size >= 2 && hit->rank < PALETTE_SIZE)
		return palette[hit->rank];
	return FILL_SMALL;
}

/*
 * Node sizes in [0, 1] from the plan's metric, or from degree (strength
 * when strength was asked for) computed from the links when the graph has
 * no values for it.  *used names what was used, NULL when all sizes are
 * equal.  Free *out.
 */
static int node_sizes(const ag_graph *g, const ag_render_plan *plan, double **out, const char **used)
{
	double *v, lo = INFINITY, hi = -INFINITY;
	int slot = ag__graph_metric_slot((ag_graph *)g, plan->size_by, false);
	bool have = false;

	*used = NULL;
	if (!(v = calloc(g->n_nodes + 1, sizeof(double))))
		return ag__enomem();
	*out = v;
	if (slot >= 0)
		for (size_t i = 0; i < g->n_nodes; i++) {
			v[i] = g->nodes[i].metrics ? g->nodes[i].metrics[slot] : NAN;
			if (isfinite(v[i]))
				have = true;
		}
	if (have) {
		*used = plan->size_by;
	} else {
		bool strength = strcmp(plan->size_by, "strength") == 0;
		for (size_t i = 0; i < g->n_nodes; i++)
			v[i] = 0;
		for (size_t j = 0; j < g->n_links; j++) {
			const ag_link *l = &g->links[j];
			double w = strength ? l->weight : 1;
			if (l->a >= g->n_nodes || l->b >= g->n_nodes || !isfinite(w))
				continue;
			v[l->a] += w;
			v[l->b] += w;
		}
		*used = strength ? "strength" : "degree";
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		if (isfinite(v[i])) {
			if (v[i] < lo)
				lo = v[i];
			if (v[i] > hi)
				hi = v[i];
		}
	if (!(hi > lo)) {
		for (size_t i = 0; i < g->n_nodes; i++)
			v[i] = 0.25;
		*used = NULL;
		return 0;
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		v[i] = isfinite(v[i]) ? sqrt((v[i] - lo) / (hi - lo)) : 0;
	return 0;
}

static double link_penwidth(const ag_link *l, ag_relation rel)
{
	double w = l->weight, pw = 1;
	if (isfinite(w) && w > 1)
		pw = 1 + 1.5 * log2(w);
	if (pw > 7)
		pw = 7;
	if (pw < rel_styles[rel].min_pen)
		pw = rel_styles[rel].min_pen;
	return pw;
}

/* ---------------------------------------------------------------- cgraph helpers */

static int set_attr(void *obj, const char *name, const char *value)
{
	if (agsafeset(obj, (char *)name, (char *)value, (char *)"") != 0)
		return ag__error(AG_ERROR, "Graphviz refused attribute '%s'", name);
	return 0;
}

/* Declare an attribute with its default, unless it exists already. */
static int declare(Agraph_t *G, int kind, const char *name, const char *def)
{
	if (agattr(G, kind, (char *)name, NULL))
		return 0;
	if (!agattr(G, kind, (char *)name, (char *)def))
		return ag__error(AG_ERROR, "Graphviz refused attribute '%s'", name);
	return 0;
}

/* A node whose name is `base`, or base~2, base~3, ... when that is taken. */
static int new_node(Agraph_t *G, Agraph_t *where, ag_buf *name, Agnode_t **out)
{
	size_t base = name->len;
	unsigned k = 1;

	while (agnode(G, name->data, 0)) {
		name->len = base;
		if (ag__buf_printf(name, "~%u", ++k) < 0)
			return AG_ENOMEM;
	}
	if (!(*out = agnode(where, name->data, 1)))
		return ag__error(AG_ERROR, "Graphviz could not create a node");
	return 0;
}

/* ---------------------------------------------------------------- tooltips */

static int tip_line(ag_buf *b, const char *key, const char *value)
{
	if (!value || !*value)
		return 0;
	if ((b->len && ag__buf_puts(b, "\\n") < 0) || ag__buf_printf(b, "%s: ", key) < 0)
		return AG_ENOMEM;
	return put_str(b, value, TIP_FIELD_MAX, TXT_BS4);
}

/* The label of the node with this id, or the id itself. */
static const char *label_of(const ag_graph *g, const char *id)
{
	size_t k;
	if (id && ag_graph_find_node(g, id, &k) == 0 && g->nodes[k].label)
		return g->nodes[k].label;
	return id;
}

static int node_tooltip(ag_buf *b, const ag_graph *g, const ag_node *n, const char *size_used)
{
	char num[64];
	size_t shown = 0;
	int rc = 0;

	ag__buf_clear(b);
	if ((rc = put_str(b, n->label ? n->label : n->id, TIP_FIELD_MAX, TXT_BS4)) < 0 ||
	    (rc = tip_line(b, "type", n->type == AG_NODE_OTHER && n->type_name ? n->type_name
	                                                                         : ag_node_type_name(n->type))) < 0 ||
	    (rc = tip_line(b, "role", n->role)) < 0 ||
	    (rc = tip_line(b, "affiliation", label_of(g, n->affiliation))) < 0 ||
	    (rc = tip_line(b, "place", n->place)) < 0 ||
	    (rc = tip_line(b, "country", label_of(g, n->country))) < 0 ||
	    (rc = tip_line(b, "start", n->start)) < 0 || (rc = tip_line(b, "end", n->end)) < 0 ||
	    (rc = tip_line(b, "status", n->status)) < 0)
		return rc;
	if (n->community >= 0) {
		snprintf(num, sizeof(num), "%d", n->community);
		if ((rc = tip_line(b, "community", num)) < 0)
			return rc;
	}
	/* the metric that sizes the node first, then the others in graph order */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < g->n_metrics && shown < TIP_METRICS; k++) {
			bool is_size = size_used && strcmp(g->metric_names[k], size_used) == 0;
			double v = n->metrics ? n->metrics[k] : NAN;
			if (is_size != (pass == 0) || !isfinite(v))
				continue;
			fmt_num(num, sizeof(num), "%.4g", v);
			if ((rc = tip_line(b, g->metric_names[k], num)) < 0)
				return rc;
			shown++;
		}
	if (n->mentions) {
		snprintf(num, sizeof(num), "%u", n->mentions);
		if ((rc = tip_line(b, "mentions", num)) < 0)
			return rc;
	}
	if ((rc = tip_line(b, "first seen", n->first_seen)) < 0 ||
	    (rc = tip_line(b, "last seen", n->last_seen)) < 0)
		return rc;
	if (n->aliases.count) {
		if (ag__buf_puts(b, "\\nalso: ") < 0)
			return AG_ENOMEM;
		for (size_t k = 0; k < n->aliases.count && k < 5; k++)
			if ((k && ag__buf_puts(b, "; ") < 0) ||
			    put_str(b, n->aliases.items[k], 60, TXT_BS4) < 0)
				return AG_ENOMEM;
		if (n->aliases.count > 5 && ag__buf_puts(b, "; \xE2\x80\xA6") < 0)
			return AG_ENOMEM;
	}
	return 0;
}

static int link_tooltip(ag_buf *b, const ag_graph *g, const ag_link *l)
{
	const ag_node *a = &g->nodes[l->a], *z = &g->nodes[l->b];
	char num[64];
	bool first = true;

	ag__buf_clear(b);
	if (put_str(b, a->label ? a->label : a->id, 80, TXT_BS4) < 0 ||
	    ag__buf_puts(b, " \xE2\x80\x94 ") < 0 || /* em dash */
	    put_str(b, z->label ? z->label : z->id, 80, TXT_BS4) < 0 || ag__buf_puts(b, "\\n") < 0)
		return AG_ENOMEM;
	for (int r = 0; r < AG_REL_COUNT; r++) {
		if (!l->rel[r])
			continue;
		if (ag__buf_printf(b, "%s%s \xC3\x97%u", first ? "" : ", ", ag_relation_name((ag_relation)r),
		                  l->rel[r]) < 0)
			return AG_ENOMEM;
		first = false;
	}
	fmt_num(num, sizeof(num), "%.6g", l->weight);
	if (ag__buf_printf(b, "%sweight %s", first ? "" : "; ", num) < 0)
		return AG_ENOMEM;
	if (l->ev_total && ag__buf_printf(b, "; evidence %zu", l->ev_total) < 0)
		return AG_ENOMEM;
	if (l->example && *l->example) {
		if (ag__buf_puts(b, "\\n\xE2\x80\x9C") < 0 || put_str(b, l->example, AG_EXAMPLE_MAX, TXT_BS4) < 0 ||
		    ag__buf_puts(b, "\xE2\x80\x9D") < 0)
			return AG_ENOMEM;
	}
	return 0;
}

/* ---------------------------------------------------------------- title */

static int put_title(ag_buf *b, const ag_graph *g, const ag_render_plan *plan)
{
	const char *lo = NULL, *hi = NULL;

	if (plan->title)
		return put_str(b, plan->title, 200, TXT_BS2);
	for (size_t i = 0; i < g->n_docs; i++) {
		const char *d = g->docs[i].date;
		if (!d || !*d)
			continue;
		if (!lo || strcmp(d, lo) < 0)
			lo = d;
		if (!hi || strcmp(d, hi) > 0)
			hi = d;
	}
	if (ag__buf_puts(b, "actorgraph") < 0 ||
	    (g->n_docs && ag__buf_printf(b, ": %zu document%s", g->n_docs, g->n_docs == 1 ? "" : "s") < 0))
		return AG_ENOMEM;
	if (lo) {
		if (ag__buf_puts(b, ", ") < 0 || put_str(b, lo, 32, TXT_BS2) < 0)
			return AG_ENOMEM;
		if (strcmp(lo, hi) != 0 &&
		    (ag__buf_puts(b, " \xE2\x80\x93 ") < 0 || put_str(b, hi, 32, TXT_BS2) < 0))
			return AG_ENOMEM;
	}
	return ag__buf_printf(b, "\\n%zu nodes, %zu links", g->n_nodes, g->n_links);
}

/* ---------------------------------------------------------------- legend */

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
/* the column where the texts of link and chip rows start */
#define LEG_TEXT_X(L) ((L)->x + LEG_PAD + LEG_LINE_W + 10)
#define LEG_TEXT_W (LEG_WIDTH - 2 * LEG_PAD - LEG_LINE_W - 10)

typedef struct {
	Agraph_t *G, *sub;
	ag_buf name, val;
	double x, y; /* cursor: left edge, centre of the current row */
} legend;

static int leg_pos(legend *L, void *obj, double x, double y)
{
	char a[32], b[32];
	fmt_num(a, sizeof(a), "%.2f", x);
	fmt_num(b, sizeof(b), "%.2f", y);
	ag__buf_clear(&L->val);
	if (ag__buf_printf(&L->val, "%s,%s", a, b) < 0)
		return AG_ENOMEM;
	return set_attr(obj, "pos", L->val.data);
}

static int leg_node(legend *L, const char *key, double w, double h, double x, double y, Agnode_t **out)
{
	char a[32], b[32];
	int rc;

	ag__buf_clear(&L->name);
	if ((rc = ag__buf_printf(&L->name, "legend_%s", key)) < 0 || (rc = new_node(L->G, L->sub, &L->name, out)) < 0)
		return rc;
	fmt_num(a, sizeof(a), "%.2f", w / 72.0);
	fmt_num(b, sizeof(b), "%.2f", h / 72.0);
	if ((rc = set_attr(*out, "width", a)) < 0 || (rc = set_attr(*out, "height", b)) < 0 ||
	    (rc = set_attr(*out, "fixedsize", "true")) < 0 ||
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
	if ((rc = put_str(&L->val, text, 80, TXT_BS2)) < 0 || (rc = ag__buf_puts(&L->val, "\\l")) < 0 ||
	    (rc = set_attr(*out, "label", L->val.data)) < 0 || (rc = set_attr(*out, "shape", "plaintext")) < 0 ||
	    (rc = set_attr(*out, "style", "")) < 0)
		return rc;
	return 0;
}

static int leg_kind(legend *L, ag_node_type t)
{
	const type_style *s = &type_styles[t];
	Agnode_t *n;
	int rc;

	L->y -= LEG_KIND_ROW / 2;
	if ((rc = leg_node(L, s->legend, LEG_KIND_W, LEG_KIND_H, L->x + LEG_PAD + LEG_KIND_W / 2, L->y, &n)) < 0 ||
	    (rc = set_attr(n, "label", s->legend)) < 0 || (rc = set_attr(n, "shape", s->shape)) < 0 ||
	    (rc = set_attr(n, "style", s->style)) < 0 || (rc = set_attr(n, "color", s->color)) < 0 ||
	    (rc = set_attr(n, "penwidth", s->penwidth)) < 0 || (rc = set_attr(n, "fillcolor", FILL_SMALL)) < 0)
		return rc;
	L->y -= LEG_KIND_ROW / 2;
	return 0;
}

static int leg_link(legend *L, ag_relation r)
{
	const rel_style *s = &rel_styles[r];
	Agnode_t *a, *b, *t;
	Agedge_t *e;
	char key[64], pw[32], p[4][2][32];
	double x0 = L->x + LEG_PAD, x1 = x0 + LEG_LINE_W;
	int rc;

	L->y -= LEG_LINK_ROW / 2;
	snprintf(key, sizeof(key), "%s_a", ag_relation_name(r));
	if ((rc = leg_node(L, key, 1, 1, x0, L->y, &a)) < 0)
		return rc;
	snprintf(key, sizeof(key), "%s_b", ag_relation_name(r));
	if ((rc = leg_node(L, key, 1, 1, x1, L->y, &b)) < 0)
		return rc;
	if ((rc = set_attr(a, "shape", "point")) < 0 || (rc = set_attr(a, "style", "invis")) < 0 ||
	    (rc = set_attr(b, "shape", "point")) < 0 || (rc = set_attr(b, "style", "invis")) < 0 ||
	    (rc = set_attr(a, "label", "")) < 0 || (rc = set_attr(b, "label", "")) < 0)
		return rc;
	if (!(e = agedge(L->G, a, b, NULL, 1)))
		return ag__error(AG_ERROR, "Graphviz could not create an edge");
	fmt_num(pw, sizeof(pw), "%.2f", s->min_pen > 1.6 ? s->min_pen : 1.6);
	if ((rc = set_attr(e, "color", s->color)) < 0 || (rc = set_attr(e, "style", s->style)) < 0 ||
	    (rc = set_attr(e, "penwidth", pw)) < 0 || (rc = set_attr(e, "tooltip", s->legend)) < 0)
		return rc;
	/* a straight cubic Bezier: nop2 draws it as given */
	for (int i = 0; i < 4; i++) {
		fmt_num(p[i][0], sizeof(p[i][0]), "%.2f", x0 + (x1 - x0) * i / 3.0);
		fmt_num(p[i][1], sizeof(p[i][1]), "%.2f", L->y);
	}
	ag__buf_clear(&L->val);
	if ((rc = ag__buf_printf(&L->val, "%s,%s %s,%s %s,%s %s,%s", p[0][0], p[0][1], p[1][0], p[1][1], p[2][0],
	                        p[2][1], p[3][0], p[3][1])) < 0 ||
	    (rc = set_attr(e, "pos", L->val.data)) < 0)
		return rc;
	snprintf(key, sizeof(key), "%s", ag_relation_name(r));
	if ((rc = leg_text(L, key, s->legend, LEG_TEXT_X(L), LEG_TEXT_W, &t)) < 0)
		return rc;
	L->y -= LEG_LINK_ROW / 2;
	return 0;
}

/* A row of coloured chips, followed by a text in the text column when `text` is set. */
static int leg_chips(legend *L, const char *key, const char *const *fills, size_t n, const char *text)
{
	Agnode_t *c, *t;
	char k[64];
	double x = L->x + LEG_PAD + LEG_CHIP / 2;
	int rc;

	L->y -= LEG_TEXT_ROW / 2;
	for (size_t i = 0; i < n; i++) {
		snprintf(k, sizeof(k), "%s_%zu", key, i);
		if ((rc = leg_node(L, k, LEG_CHIP, LEG_CHIP, x, L->y, &c)) < 0 ||
		    (rc = set_attr(c, "shape", "circle")) < 0 || (rc = set_attr(c, "label", "")) < 0 ||
		    (rc = set_attr(c, "fillcolor", fills[i])) < 0 || (rc = set_attr(c, "penwidth", "0.8")) < 0)
			return rc;
		x += LEG_CHIP + 4;
	}
	if (text) {
		snprintf(k, sizeof(k), "%s_text", key);
		if ((rc = leg_text(L, k, text, LEG_TEXT_X(L), LEG_TEXT_W, &t)) < 0)
			return rc;
	}
	L->y -= LEG_TEXT_ROW / 2;
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

/* What the legend shows: the kinds present in the graph. */
typedef struct {
	bool kinds[AG_NODE_TYPE_COUNT], rels[AG_REL_COUNT];
	bool any, any_small, any_none;
	size_t n_fills;
	const char *size_used;
} legend_content;

static int legend_survey(const ag_graph *g, const ag_render_plan *plan, legend_content *c)
{
	community *comms = NULL;
	size_t n_comms = 0;
	double *sizes = NULL;
	int rc;

	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < g->n_nodes; i++) {
		c->kinds[g->nodes[i].type < AG_NODE_TYPE_COUNT ? g->nodes[i].type : AG_NODE_OTHER] = c->any = true;
		if (g->nodes[i].community < 0)
			c->any_none = true;
	}
	for (size_t j = 0; j < g->n_links; j++)
		c->rels[link_relation(&g->links[j])] = true;
	if ((rc = rank_communities(g, &comms, &n_comms)) < 0 || (rc = node_sizes(g, plan, &sizes, &c->size_used)) < 0)
		goto cleanup;
	for (size_t i = 0; i < n_comms; i++) {
		if (comms[i].size >= 2 && comms[i].rank < PALETTE_SIZE)
			c->n_fills++;
		else
			c->any_small = true;
	}
cleanup:
	free(comms);
	free(sizes);
	return rc;
}

/* Relations in legend order: co-mention first, the meeting roles last. */
static ag_relation legend_relation(size_t i)
{
	return rel_priority[sizeof(rel_priority) / sizeof(rel_priority[0]) - 1 - i];
}

/* The legend drawn with real nodes and edges at fixed positions (after a layout). */
static int legend_placed(Agraph_t *G, Agraph_t *sub, const legend_content *c, double x, double y)
{
	legend L = {0};
	Agnode_t *frame;
	char a[32];
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
	    (rc = set_attr(frame, "shape", "box")) < 0 || (rc = set_attr(frame, "style", "rounded")) < 0 ||
	    (rc = set_attr(frame, "color", "#9A9A9A")) < 0 || (rc = set_attr(frame, "label", "Legend")) < 0 ||
	    (rc = set_attr(frame, "labelloc", "t")) < 0 || (rc = set_attr(frame, "fontsize", "12")) < 0 ||
	    (rc = set_attr(frame, "penwidth", "1")) < 0 || (rc = set_attr(frame, "tooltip", "legend")) < 0)
		goto cleanup;
	for (int t = 0; t < AG_NODE_TYPE_COUNT; t++)
		if (c->kinds[t] && (rc = leg_kind(&L, (ag_node_type)t)) < 0)
			goto cleanup;
	for (size_t i = 0; i < sizeof(rel_priority) / sizeof(rel_priority[0]); i++)
		if (c->rels[legend_relation(i)] && (rc = leg_link(&L, legend_relation(i))) < 0)
			goto cleanup;
	if (c->n_fills && ((rc = leg_line(&L, "community", "fill colour: community")) < 0 ||
	                   (rc = leg_chips(&L, "community", palette, c->n_fills, NULL)) < 0))
		goto cleanup;
	if (c->any_small && (rc = leg_chips(&L, "small", (const char *const[]){FILL_SMALL}, 1, "small community")) < 0)
		goto cleanup;
	if (c->any_none && (rc = leg_chips(&L, "nocommunity", (const char *const[]){FILL_NONE}, 1, "no community")) < 0)
		goto cleanup;
	if (c->size_used) {
		char text[80];
		snprintf(text, sizeof(text), "node size: %.60s", c->size_used);
		if ((rc = leg_line(&L, "size", text)) < 0)
			goto cleanup;
	}

	L.y -= LEG_PAD / 2;
	fmt_num(a, sizeof(a), "%.2f", (y - L.y) / 72.0);
	if ((rc = set_attr(frame, "height", a)) < 0 || (rc = leg_pos(&L, frame, x + LEG_WIDTH / 2, (y + L.y) / 2)) < 0)
		goto cleanup;

cleanup:
	ag__buf_free(&L.name);
	ag__buf_free(&L.val);
	return rc;
}

/* Text for HTML-like markup: safe text (put_text) with <, >, " escaped as well. */
static int put_html(ag_buf *b, const char *s)
{
	ag_buf t = {0};
	int rc;

	if ((rc = put_text(&t, s, strlen(s), 40, 0)) < 0)
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

static int html_chip(ag_buf *b, const char *fill)
{
	return ag__buf_printf(b, "<TD BGCOLOR=\"%s\" WIDTH=\"10\" HEIGHT=\"10\" FIXEDSIZE=\"TRUE\"></TD>", fill);
}

/*
 * The legend as one node with an HTML-like table, for the DOT file: whatever
 * engine lays that file out, a single node stays in one piece (a cluster of
 * loose nodes is scattered by the force layouts and ignored by sfdp).  Only
 * our own fixed strings and colours go into the markup.
 */
static int legend_html(Agraph_t *G, Agraph_t *sub, const legend_content *c)
{
	ag_buf b = {0}, name = {0};
	Agnode_t *n;
	Agsym_t *label;
	char *html = NULL;
	int rc = AG_ENOMEM;

	if (ag__buf_puts(&b, "<TABLE BORDER=\"1\" COLOR=\"#9A9A9A\" STYLE=\"ROUNDED\" CELLBORDER=\"0\" "
	                    "CELLSPACING=\"2\" CELLPADDING=\"2\">"
	                    "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"12\">Legend</FONT></TD></TR>") < 0)
		goto cleanup;
	for (int t = 0; t < AG_NODE_TYPE_COUNT; t++)
		if (c->kinds[t] && html_row(&b, type_styles[t].shape_text, type_styles[t].legend) < 0)
			goto cleanup;
	for (size_t i = 0; i < sizeof(rel_priority) / sizeof(rel_priority[0]); i++) {
		ag_relation r = legend_relation(i);
		const rel_style *s = &rel_styles[r];
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
	if (c->n_fills) {
		if (ag__buf_puts(&b, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" "
		                    "CELLPADDING=\"0\"><TR>") < 0)
			goto cleanup;
		for (size_t i = 0; i < c->n_fills; i++)
			if (html_chip(&b, palette[i]) < 0)
				goto cleanup;
		if (ag__buf_puts(&b, "</TR></TABLE></TD><TD ALIGN=\"LEFT\">community</TD></TR>") < 0)
			goto cleanup;
	}
	if (c->any_small && html_row(&b, "white fill", "small community") < 0)
		goto cleanup;
	if (c->any_none && html_row(&b, "grey fill", "no community") < 0)
		goto cleanup;
	if (c->size_used) {
		if (ag__buf_puts(&b, "<TR><TD ALIGN=\"LEFT\">node size</TD><TD ALIGN=\"LEFT\">") < 0 ||
		    put_html(&b, c->size_used) < 0 || ag__buf_puts(&b, "</TD></TR>") < 0)
			goto cleanup;
	}
	if (ag__buf_puts(&b, "</TABLE>") < 0 || ag__buf_puts(&name, "legend") < 0)
		goto cleanup;

	if ((rc = new_node(G, sub, &name, &n)) < 0 || (rc = set_attr(n, "shape", "plaintext")) < 0 ||
	    (rc = set_attr(n, "style", "")) < 0 || (rc = set_attr(n, "margin", "0")) < 0 ||
	    (rc = set_attr(n, "tooltip", "legend")) < 0)
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
	if ((rc = legend_survey(g, plan, &c)) < 0)
		return rc;
	if (!c.any)
		return 0;
	if (!(sub = agsubg(G, (char *)(placed ? "legend" : "cluster_legend"), 1)))
		return ag__error(AG_ERROR, "Graphviz could not create the legend");
	if (placed) {
		if ((rc = legend_placed(G, sub, &c, x, y)) < 0)
			return rc;
	} else {
		/* the table draws its own frame */
		if ((rc = set_attr(sub, "style", "invis")) < 0 || (rc = legend_html(G, sub, &c)) < 0)
			return rc;
	}
	*out_added = 1;
	return 0;
}

/* ---------------------------------------------------------------- build */

static int declare_all(Agraph_t *G)
{
	static const struct {
		int kind;
		const char *name, *def;
	} attrs[] = {
		{AGRAPH, "label", ""}, {AGRAPH, "labelloc", ""}, {AGRAPH, "fontname", ""},
		{AGRAPH, "fontsize", ""}, {AGRAPH, "fontcolor", ""}, {AGRAPH, "style", ""},
		{AGRAPH, "color", ""}, {AGRAPH, "bb", ""}, {AGRAPH, "lp", ""},
		{AGNODE, "label", "\\N"}, {AGNODE, "shape", "ellipse"}, {AGNODE, "style", "filled"},
		{AGNODE, "fillcolor", FILL_NONE}, {AGNODE, "color", "#404040"}, {AGNODE, "penwidth", "1.2"},
		{AGNODE, "fontname", FONT}, {AGNODE, "fontsize", "10"}, {AGNODE, "fontcolor", "#1A1A1A"},
		{AGNODE, "width", "0.55"}, {AGNODE, "height", "0.35"}, {AGNODE, "margin", "0.08,0.04"},
		{AGNODE, "fixedsize", "false"}, {AGNODE, "tooltip", ""},
		{AGEDGE, "color", COLOR_CO_MENTION}, {AGEDGE, "style", "solid"},
		{AGEDGE, "penwidth", "1"}, {AGEDGE, "weight", "1"}, {AGEDGE, "tooltip", ""},
	};
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if (declare(G, attrs[i].kind, attrs[i].name, attrs[i].def) < 0)
			return AG_ERROR;
	return 0;
}

static int graph_attrs(Agraph_t *G, const ag_graph *g, const ag_render_plan *plan, ag_build_mode mode, ag_buf *tmp)
{
	int rc;

	ag__buf_clear(tmp);
	if ((rc = put_title(tmp, g, plan)) < 0)
		return rc;
	if ((mode == AG_BUILD_DOT && (rc = set_attr(G, "layout", plan->engine)) < 0) ||
	    (rc = set_attr(G, "label", tmp->data)) < 0 || (rc = set_attr(G, "labelloc", "t")) < 0 ||
	    (rc = set_attr(G, "fontname", FONT)) < 0 || (rc = set_attr(G, "fontsize", "16")) < 0 ||
	    (rc = set_attr(G, "fontcolor", "#1A1A1A")) < 0 || (rc = set_attr(G, "bgcolor", "white")) < 0 ||
	    (rc = set_attr(G, "pad", "0.3")) < 0 || (rc = set_attr(G, "overlap", "prism")) < 0 ||
	    (rc = set_attr(G, "sep", "+6")) < 0 || (rc = set_attr(G, "pack", "true")) < 0 ||
	    (rc = set_attr(G, "outputorder", "edgesfirst")) < 0 ||
	    (rc = set_attr(G, "splines",
	                   g->n_nodes <= SPLINE_NODES_MAX && g->n_links <= SPLINE_LINKS_MAX ? "true" : "false")) < 0)
		return rc;
	return 0;
}

int ag__render_build(const ag_graph *g, const ag_render_plan *plan, ag_build_mode mode, Agdisc_t *disc,
                     Agraph_t **out)
{
	Agraph_t *G = NULL;
	Agnode_t **nodes = NULL;
	community *comms = NULL;
	size_t n_comms = 0;
	double *sizes = NULL;
	const char *size_used = NULL;
	ag_buf name = {0}, val = {0};
	char num[32];
	int rc = AG_ERROR, added;

	*out = NULL;
	if (!(nodes = calloc(g->n_nodes + 1, sizeof(*nodes)))) {
		rc = ag__enomem();
		goto cleanup;
	}
	if ((rc = rank_communities(g, &comms, &n_comms)) < 0 || (rc = node_sizes(g, plan, &sizes, &size_used)) < 0)
		goto cleanup;
	rc = AG_ERROR;
	if (!(G = agopen((char *)"actorgraph", Agundirected, disc))) {
		ag__error(AG_ERROR, "Graphviz could not create a graph");
		goto cleanup;
	}
	if ((rc = declare_all(G)) < 0 || (rc = graph_attrs(G, g, plan, mode, &val)) < 0)
		goto cleanup;

	for (size_t i = 0; i < g->n_nodes; i++) {
		const ag_node *n = &g->nodes[i];
		const type_style *s = &type_styles[n->type < AG_NODE_TYPE_COUNT ? n->type : AG_NODE_OTHER];
		double t = sizes[i];
		Agnode_t *v;

		/* DOT node names are the ids, made safe like any other text; cgraph
		 * takes a name starting with '%' for an anonymous id (and leaks its
		 * entry), so such a name gets a '_' in front */
		ag__buf_clear(&name);
		if ((rc = ag__buf_puts(&name, n->id && n->id[0] == '%' ? "_" : "")) < 0 ||
		    (rc = put_str(&name, n->id ? n->id : "", 0, TXT_BS2)) < 0 ||
		    (rc = new_node(G, G, &name, &v)) < 0)
			goto cleanup;
		nodes[i] = v;
		ag__buf_clear(&val);
		if ((rc = ag__buf_puts(&val, "")) < 0 || (rc = put_label(&val, n->label ? n->label : n->id ? n->id : "")) < 0)
			goto cleanup;
		/* several rounds in one city: the date tells them apart on the diagram */
		if (n->type == AG_NODE_MEETING && (n->start || (n->status && strcmp(n->status, "proposed") == 0))) {
			if ((rc = ag__buf_puts(&val, "\\n")) < 0 ||
			    (rc = put_label(&val, n->start ? n->start : "")) < 0 ||
			    (rc = ag__buf_puts(&val, n->status && strcmp(n->status, "proposed") == 0
			                                ? (n->start ? " (proposed)" : "(proposed)") : "")) < 0)
				goto cleanup;
		}
		if ((rc = set_attr(v, "label", val.data)) < 0 || (rc = set_attr(v, "shape", s->shape)) < 0 ||
		    (rc = set_attr(v, "style", s->style)) < 0 || (rc = set_attr(v, "color", s->color)) < 0 ||
		    (rc = set_attr(v, "penwidth", s->penwidth)) < 0 ||
		    (rc = set_attr(v, "fillcolor", community_fill(comms, n_comms, n->community))) < 0)
			goto cleanup;
		fmt_num(num, sizeof(num), "%.2f", 0.55 + 0.9 * t);
		if ((rc = set_attr(v, "width", num)) < 0)
			goto cleanup;
		fmt_num(num, sizeof(num), "%.2f", 0.35 + 0.4 * t);
		if ((rc = set_attr(v, "height", num)) < 0)
			goto cleanup;
		fmt_num(num, sizeof(num), "%.1f", 10 + 8 * t);
		if ((rc = set_attr(v, "fontsize", num)) < 0 || (rc = node_tooltip(&val, g, n, size_used)) < 0 ||
		    (rc = set_attr(v, "tooltip", val.len ? val.data : " ")) < 0)
			goto cleanup;
	}

	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		ag_relation r = link_relation(l);
		Agedge_t *e;
		double w = l->weight;

		if (l->a >= g->n_nodes || l->b >= g->n_nodes || l->a == l->b)
			continue;
		if (!(e = agedge(G, nodes[l->a], nodes[l->b], NULL, 1))) {
			rc = ag__error(AG_ERROR, "Graphviz could not create an edge");
			goto cleanup;
		}
		fmt_num(num, sizeof(num), "%.2f", link_penwidth(l, r));
		if ((rc = set_attr(e, "color", rel_styles[r].color)) < 0 ||
		    (rc = set_attr(e, "style", rel_styles[r].style)) < 0 || (rc = set_attr(e, "penwidth", num)) < 0)
			goto cleanup;
		/* an integer for dot; heavier links pull their ends together */
		snprintf(num, sizeof(num), "%d", isfinite(w) && w > 1 ? (w > 10 ? 10 : (int)lround(w)) : 1);
		if ((rc = set_attr(e, "weight", num)) < 0 || (rc = link_tooltip(&val, g, l)) < 0 ||
		    (rc = set_attr(e, "tooltip", val.data)) < 0)
			goto cleanup;
	}

	if (mode == AG_BUILD_DOT && plan->legend &&
	    (rc = ag__render_legend(G, g, plan, 0, 0, 0, &added)) < 0)
		goto cleanup;

	*out = G;
	G = NULL;
	rc = 0;

cleanup:
	if (G)
		agclose(G);
	ag__buf_free(&name);
	ag__buf_free(&val);
	free(nodes);
	free(comms);
	free(sizes);
	return rc;
}

/* ---------------------------------------------------------------- DOT */

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

int ag_graph_to_dot(ag_graph *g, const ag_render_options *opts, char **out, size_t *len)
{
	Agiodisc_t io = {buf_read, buf_putstr, buf_flush};
	Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
	ag_render_plan plan;
	Agraph_t *G = NULL;
	dot_chan chan = {{0}, 0};
	int rc, locked = 0;

	if (!g || !out)
		return ag__error(AG_EINVAL, "ag_graph_to_dot: NULL argument");
	*out = NULL;
	if (len)
		*len = 0;
	if ((rc = ag__render_plan(g, opts, &plan)) < 0 || (rc = ag_graph_sort(g)) < 0)
		return rc;

	ag__render_lock();
	locked = 1;
	if ((rc = ag__render_build(g, &plan, AG_BUILD_DOT, &disc, &G)) < 0)
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
	return rc;
}
