/*
 * title.c - the title of a diagram, which says what it draws:
 *
 *   the first line: the title asked for, or the graph's own "name" (a
 *     graph from networkx: "Zachary's Karate Club"), or "actorgraph: 8
 *     documents, 2025-05-16 – 2026-02-18": the documents and the dates of
 *     the drawn links' evidence (of every document when none is dated);
 *   a line per cut: each filter record of the graph ("Seen from 2026-01-01
 *     to 2026-02-18", "Persons and states",
 *     "Links of weight ≥ 2", "Within 1 link of Steve Witkoff", "The 10 most
 *     central of 46 nodes (PageRank)"), then the image's own cut ("The 150
 *     most central of 14,893 nodes by PageRank, the top 18 of each type
 *     first")
 *     and thinning ("Each node's 4 strongest links: 612 of 6,302");
 *   the nodes and links drawn.
 */
#include <stdio.h>
#include <string.h>

#include "render/render.h"

/* Longest title line asked for, in characters. */
#define TITLE_MAX 200

/* 14893 -> "14,893" */
static void fmt_count(char *out, size_t size, size_t v)
{
	char digits[32];
	size_t n, o = 0;

	snprintf(digits, sizeof(digits), "%zu", v);
	n = strlen(digits);
	for (size_t i = 0; i < n && o + 2 < size; i++) {
		if (i && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

/* The dates of the documents behind the drawn links, or of all documents. */
static void date_window(const ag_graph *g, const ag_render_plan *p, const char **lo, const char **hi)
{
	*lo = *hi = NULL;
	for (int pass = 0; pass < 2 && !*lo; pass++) {
		if (pass == 0) {
			for (size_t j = 0; j < g->n_links; j++) {
				const ag_link *l = &g->links[j];
				if (!p->link_on[j])
					continue;
				for (uint32_t k = 0; k < l->n_ev; k++) {
					const char *d = l->ev[k].doc < g->n_docs ? g->docs[l->ev[k].doc].date : NULL;
					if (!d || !*d)
						continue;
					if (!*lo || strcmp(d, *lo) < 0)
						*lo = d;
					if (!*hi || strcmp(d, *hi) > 0)
						*hi = d;
				}
			}
		} else {
			for (size_t i = 0; i < g->n_docs; i++) {
				const char *d = g->docs[i].date;
				if (!d || !*d)
					continue;
				if (!*lo || strcmp(d, *lo) < 0)
					*lo = d;
				if (!*hi || strcmp(d, *hi) > 0)
					*hi = d;
			}
		}
	}
}

static int first_line(ag_buf *b, const ag_graph *g, const ag_render_plan *p)
{
	json_t *name = g->attrs ? json_object_get(g->attrs, "name") : NULL;
	const char *lo, *hi;
	char num[32];

	if (p->title)
		return ag__render_put_str(b, p->title, TITLE_MAX, AG_RENDER_TXT_BS2);
	if (json_is_string(name) && *json_string_value(name))
		return ag__render_put_str(b, json_string_value(name), TITLE_MAX, AG_RENDER_TXT_BS2);
	if (ag__buf_puts(b, "actorgraph") < 0)
		return AG_ENOMEM;
	if (g->n_docs) {
		fmt_count(num, sizeof(num), g->n_docs);
		if (ag__buf_printf(b, ": %s document%s", num, g->n_docs == 1 ? "" : "s") < 0)
			return AG_ENOMEM;
	}
	date_window(g, p, &lo, &hi);
	if (lo) {
		if (ag__buf_puts(b, g->n_docs ? ", " : ": ") < 0 || ag__render_put_str(b, lo, 32, AG_RENDER_TXT_BS2) < 0)
			return AG_ENOMEM;
		if (strcmp(lo, hi) != 0 &&
		    (ag__buf_puts(b, " \xE2\x80\x93 ") < 0 || ag__render_put_str(b, hi, 32, AG_RENDER_TXT_BS2) < 0))
			return AG_ENOMEM;
	}
	return 0;
}

/* A new line of the title; its first letter is made upper case afterwards. */
static int new_line(ag_buf *b, size_t *line_start)
{
	if (ag__buf_puts(b, "\\n") < 0)
		return AG_ENOMEM;
	*line_start = b->len;
	return 0;
}

static void capitalise(ag_buf *b, size_t at)
{
	if (at < b->len && b->data[at] >= 'a' && b->data[at] <= 'z')
		b->data[at] = (char)(b->data[at] - 'a' + 'A');
}

static const char *plural(const char *type)
{
	static const char *const names[][2] = {{"person", "persons"},           {"state", "states"},
	                                        {"organization", "organizations"}, {"meeting", "meetings"},
	                                        {"other", "other nodes"}};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(type, names[i][0]) == 0)
			return names[i][1];
	return NULL;
}

/* The label of the node with this id, as the diagram shows it, or the id. */
static const char *shown(const ag_graph *g, const ag_render_plan *p, const char *id)
{
	size_t k;
	if (ag_graph_find_node(g, id, &k) == 0 && p->labels)
		return p->labels[k];
	return id;
}

static json_int_t int_field(json_t *rec, const char *key, json_int_t def)
{
	json_t *v = json_object_get(rec, key);
	return json_is_integer(v) ? json_integer_value(v) : def;
}

/* The lines of one filter record (see the top of the file). */
static int filter_lines(ag_buf *b, const ag_graph *g, const ag_render_plan *p, json_t *rec)
{
	json_t *types = json_object_get(rec, "types"), *mw = json_object_get(rec, "min_weight"),
	       *ego = json_object_get(rec, "ego"), *top = json_object_get(rec, "top");
	const char *since = json_string_value(json_object_get(rec, "since")),
	           *until = json_string_value(json_object_get(rec, "until"));
	size_t at, k;
	char num[64], num2[32];
	int rc = 0;

	if (since || until) {
		if ((rc = new_line(b, &at)) < 0 || (rc = ag__buf_puts(b, "Seen")) < 0 ||
		    (since && (ag__buf_puts(b, " from ") < 0 || ag__render_put_str(b, since, 32, AG_RENDER_TXT_BS2) < 0)) ||
		    (until && (ag__buf_puts(b, since ? " to " : " until ") < 0 ||
		               ag__render_put_str(b, until, 32, AG_RENDER_TXT_BS2) < 0)))
			return AG_ENOMEM;
	}
	if (json_array_size(types)) {
		size_t n = json_array_size(types);
		if ((rc = new_line(b, &at)) < 0)
			return rc;
		for (k = 0; k < n && rc == 0; k++) {
			const char *t = json_string_value(json_array_get(types, k)), *pl = t ? plural(t) : NULL;
			if (!pl)
				continue;
			rc = ag__buf_printf(b, "%s%s", k == 0 ? "" : k + 1 == n ? " and " : ", ", pl);
		}
		if (rc == 0 && n == 1)
			rc = ag__buf_puts(b, " only");
		capitalise(b, at);
	}
	if (rc == 0 && json_is_number(mw)) {
		ag__render_fmt_num(num, sizeof(num), "%.6g", json_number_value(mw));
		if ((rc = new_line(b, &at)) < 0 ||
		    (rc = ag__buf_printf(b, "Links of weight \xE2\x89\xA5 %s", num)) < 0) /* ≥ */
			return rc;
	}
	if (rc == 0 && json_is_string(ego)) {
		json_int_t r = int_field(rec, "radius", 1);
		if ((rc = new_line(b, &at)) < 0)
			return rc;
		if (r != 0 && ag__buf_printf(b, "Within %lld link%s of ", (long long)r, r == 1 ? "" : "s") < 0)
			return AG_ENOMEM;
		if (ag__render_put_str(b, shown(g, p, json_string_value(ego)), 80, AG_RENDER_TXT_BS2) < 0 ||
		    (r == 0 && ag__buf_puts(b, " alone") < 0))
			return AG_ENOMEM;
	}
	if (rc == 0 && json_is_integer(top)) {
		const char *by = json_string_value(json_object_get(rec, "top_by"));
		bool alone = !json_array_size(types) && !json_is_number(mw) && !json_is_string(ego) && !since && !until;
		fmt_count(num, sizeof(num), (size_t)int_field(rec, "nodes", json_integer_value(top)));
		fmt_count(num2, sizeof(num2), (size_t)int_field(rec, "nodes_before", 0));
		if ((rc = new_line(b, &at)) < 0)
			return rc;
		if (alone)
			rc = ag__buf_printf(b, "The %s most central of %s nodes", num, num2);
		else
			rc = ag__buf_printf(b, "The %s most central of those", num);
		if (rc == 0 && by)
			rc = ag__buf_printf(b, " (%s)", strcmp(by, "pagerank") == 0 ? "PageRank" : "strength");
	}
	return rc < 0 ? AG_ENOMEM : 0;
}

int ag__render_put_title(ag_buf *b, const ag_graph *g, const ag_render_plan *p)
{
	json_t *filters = g->attrs ? json_object_get(g->attrs, "filters") : NULL;
	char a[32], c[32];
	size_t k, at;
	int rc;

	if ((rc = first_line(b, g, p)) < 0)
		return rc;
	for (k = 0; k < json_array_size(filters); k++)
		if ((rc = filter_lines(b, g, p, json_array_get(filters, k))) < 0)
			return rc;
	if (p->cap_floor) {
		fmt_count(a, sizeof(a), p->nodes);
		fmt_count(c, sizeof(c), g->n_nodes);
		if ((rc = new_line(b, &at)) < 0 ||
		    (rc = ag__buf_printf(b, "The %s most central of %s nodes by %s, the top %zu of each type first",
		                         a, c, p->cap_by ? p->cap_by : "PageRank", p->cap_floor)) < 0)
			return AG_ENOMEM;
	}
	if (p->thin) {
		fmt_count(a, sizeof(a), p->links);
		fmt_count(c, sizeof(c), p->links_unthinned);
		if ((rc = new_line(b, &at)) < 0 ||
		    (rc = ag__buf_printf(b, "Each node's %zu strongest links: %s of %s", p->thin, a, c)) < 0)
			return AG_ENOMEM;
	}
	fmt_count(a, sizeof(a), p->nodes);
	fmt_count(c, sizeof(c), p->links);
	if (ag__buf_printf(b, "\\n%s node%s, %s link%s", a, p->nodes == 1 ? "" : "s", c, p->links == 1 ? "" : "s") < 0)
		return AG_ENOMEM;
	return 0;
}
