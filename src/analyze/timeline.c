/*
 * timeline.c - per week or month, the most central nodes of the period's
 * view of the graph (see actorgraph/timeline.h).
 *
 * The graph is never changed or copied: each period marks what the date
 * window keeps (graph/filter.h, undated things left out), and an igraph
 * graph of just those nodes and links, in the graph's order, gets its
 * PageRank the way metrics.c computes it (PRPACK, damping 0.85, the links'
 * weights), so the numbers are those of ag_analyze on the same view.  All
 * periods run under one hold of the igraph lock.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "actorgraph/timeline.h"
#include "analyze/glue.h"
#include "graph/filter.h"
#include "text/dates.h"
#include "util/csv.h"

typedef struct {
	char name[16];         /* "2026-02", "2026-W08" */
	char start[11], end[11];
	size_t documents, nodes, links;
	size_t first_row, rows;
} tl_period;

typedef struct {
	size_t period, rank, node, degree;
	double pagerank;
} tl_row;

struct ag_timeline {
	ag_period period;
	size_t top;
	ag__window win;
	tl_period *periods;
	size_t n_periods, cap_periods;
	tl_row *rows;
	size_t n_rows, cap_rows;
	/* the node strings of the rows, copied: the timeline outlives nothing */
	char **ids, **labels, **types;
};

int ag_period_parse(const char *name, ag_period *out)
{
	AG_CHECK_ARGS(name && out);
	if (strcmp(name, "month") == 0 || strcmp(name, "monthly") == 0 || strcmp(name, "months") == 0)
		*out = AG_PERIOD_MONTH;
	else if (strcmp(name, "week") == 0 || strcmp(name, "weekly") == 0 || strcmp(name, "weeks") == 0)
		*out = AG_PERIOD_WEEK;
	else
		return ag__error(AG_EINVAL, "unknown period '%.64s' (month, week)", name);
	return 0;
}

const char *ag_period_name(ag_period p)
{
	return p == AG_PERIOD_MONTH ? "month" : p == AG_PERIOD_WEEK ? "week" : "unknown";
}

/* ---- periods ---- */

static int day_of_year(const ag_date *d)
{
	static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
	bool leap = (d->year % 4 == 0 && d->year % 100 != 0) || d->year % 400 == 0;
	return before[d->month - 1] + d->day + (leap && d->month > 2);
}

/* The period holding the full date `day`: its name, first and last day. */
static void period_of(ag_period kind, const char *day, tl_period *p)
{
	ag_date d, a, b;

	memset(p, 0, sizeof(*p));
	ag__date_parse_iso(day, strlen(day), &d);
	if (kind == AG_PERIOD_MONTH) {
		char last[11];
		snprintf(p->name, sizeof(p->name), "%04d-%02d", d.year, d.month);
		ag__window_date_span(p->name, p->start, last);
		memcpy(p->end, last, sizeof(p->end));
		return;
	}
	/* ISO week: Monday to Sunday, numbered in the year of its Thursday */
	{
		int wd = ag__date_weekday(&d);
		ag_date thu;
		a = ag__date_add_days(d, -wd);
		b = ag__date_add_days(d, 6 - wd);
		thu = ag__date_add_days(d, 3 - wd);
		if (!a.year) /* before the year range: the week starts at its first day */
			a = (ag_date){AG_DATE_YEAR_MIN, 1, 1};
		if (!b.year)
			b = (ag_date){AG_DATE_YEAR_MAX, 12, 31};
		if (!thu.year)
			thu = d;
		ag__date_format(&a, p->start);
		ag__date_format(&b, p->end);
		snprintf(p->name, sizeof(p->name), "%04u-W%02u", (unsigned)thu.year % 10000u,
		         (unsigned)((day_of_year(&thu) - 1) / 7 + 1) % 100u);
	}
}

static int period_cmp(const void *x, const void *y)
{
	return strcmp(((const tl_period *)x)->start, ((const tl_period *)y)->start);
}

/* The periods holding a dated document in the window, in order. */
static int find_periods(ag_timeline *t, const ag_graph *g)
{
	size_t n = 0;

	for (size_t d = 0; d < g->n_docs; d++) {
		char first[11], last[11];
		tl_period p;
		if (!ag__window_date_span(g->docs[d].date, first, last) || !ag__window_meets(&t->win, first, last))
			continue;
		period_of(t->period, strcmp(first, t->win.lo) < 0 ? t->win.lo : first, &p);
		if (AG_GROW(t->periods, t->cap_periods, t->n_periods + 1) < 0)
			return ag__enomem();
		t->periods[t->n_periods++] = p;
	}
	if (!t->n_periods)
		return 0;
	qsort(t->periods, t->n_periods, sizeof(*t->periods), period_cmp);
	for (size_t k = 1; k < t->n_periods; k++)
		if (strcmp(t->periods[k].start, t->periods[n].start) != 0)
			t->periods[++n] = t->periods[k];
	t->n_periods = n + 1;
	/* cut the first and last period to the window */
	for (size_t k = 0; k < t->n_periods; k++) {
		tl_period *p = &t->periods[k];
		if (t->win.lo[0] && strcmp(p->start, t->win.lo) < 0)
			memcpy(p->start, t->win.lo, sizeof(p->start));
		if (t->win.hi[0] && strcmp(p->end, t->win.hi) > 0)
			memcpy(p->end, t->win.hi, sizeof(p->end));
	}
	return 0;
}

/* ---- PageRank per period, under the igraph lock ---- */

typedef struct {
	ag__analyze_ctx c; /* first: ag__analyze_locked hands it back */
	const ag_graph *g;
	ag_timeline *t;
	char *keep, *lkeep;
	size_t *index, *degree;
	double *pr;
} tl_ctx;

typedef struct {
	double pagerank;
	size_t degree, node;
	const char *id;
} ranked;

static int ranked_cmp(const void *x, const void *y)
{
	const ranked *a = x, *b = y;
	if (a->pagerank != b->pagerank)
		return a->pagerank > b->pagerank ? -1 : 1;
	if (a->degree != b->degree)
		return a->degree > b->degree ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* PageRank of the marked part of the graph into x->pr (by compact index). */
static int period_pagerank(tl_ctx *x, size_t nv, size_t ne)
{
	const ag_graph *g = x->g;
	igraph_t graph;
	igraph_vector_int_t edges;
	igraph_vector_t w, res;
	igraph_real_t value;
	bool have_edges = false, have_graph = false, have_w = false, have_res = false;
	size_t e = 0;
	int rc = 0;

	IG_TRY("timeline", igraph_vector_int_init(&edges, 2 * (igraph_integer_t)ne));
	have_edges = true;
	IG_TRY("timeline", igraph_vector_init(&w, (igraph_integer_t)ne));
	have_w = true;
	for (size_t j = 0; j < g->n_links; j++) {
		if (!x->lkeep[j])
			continue;
		VECTOR(edges)[2 * e] = (igraph_integer_t)x->index[g->links[j].a];
		VECTOR(edges)[2 * e + 1] = (igraph_integer_t)x->index[g->links[j].b];
		VECTOR(w)[e] = g->links[j].weight;
		e++;
	}
	IG_TRY("timeline", igraph_create(&graph, &edges, (igraph_integer_t)nv, IGRAPH_UNDIRECTED));
	have_graph = true;
	IG_TRY("timeline", igraph_vector_init(&res, (igraph_integer_t)nv));
	have_res = true;
	ag__analyze_seed_rng(42);
	IG_TRY("pagerank", igraph_pagerank(&graph, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
	                                   IGRAPH_UNDIRECTED, 0.85, &w, NULL));
	for (size_t i = 0; i < nv; i++)
		x->pr[i] = VECTOR(res)[(igraph_integer_t)i];
cleanup:
	if (have_res)
		igraph_vector_destroy(&res);
	if (have_graph)
		igraph_destroy(&graph);
	if (have_w)
		igraph_vector_destroy(&w);
	if (have_edges)
		igraph_vector_int_destroy(&edges);
	return rc;
}

static int one_period(tl_ctx *x, size_t k)
{
	const ag_graph *g = x->g;
	ag_timeline *t = x->t;
	tl_period *p = &t->periods[k];
	ag__window pw;
	ranked *rank = NULL;
	size_t nv = 0, ne = 0, keep_n;
	int rc;

	memset(&pw, 0, sizeof(pw));
	memcpy(pw.lo, p->start, sizeof(pw.lo));
	memcpy(pw.hi, p->end, sizeof(pw.hi));
	memset(x->keep, 1, g->n_nodes);
	memset(x->lkeep, 1, g->n_links);
	if ((rc = ag__window_mark(g, &pw, false, x->keep, x->lkeep, &p->documents, NULL)) < 0)
		return rc;
	for (size_t i = 0; i < g->n_nodes; i++) {
		x->degree[i] = 0;
		if (x->keep[i])
			x->index[i] = nv++;
	}
	for (size_t j = 0; j < g->n_links; j++) {
		if (!x->lkeep[j])
			continue;
		ne++;
		x->degree[g->links[j].a]++;
		x->degree[g->links[j].b]++;
	}
	p->nodes = nv;
	p->links = ne;
	p->first_row = t->n_rows;
	p->rows = 0;
	if (!nv)
		return 0;
	if ((rc = period_pagerank(x, nv, ne)) < 0)
		return rc;
	if (!(rank = malloc(nv * sizeof(*rank))))
		return ag__enomem();
	for (size_t i = 0; i < g->n_nodes; i++) {
		if (!x->keep[i])
			continue;
		rank[x->index[i]] = (ranked){x->pr[x->index[i]], x->degree[i], i, g->nodes[i].id};
	}
	qsort(rank, nv, sizeof(*rank), ranked_cmp);
	keep_n = t->top && t->top < nv ? t->top : nv;
	if (AG_GROW(t->rows, t->cap_rows, t->n_rows + keep_n) < 0) {
		free(rank);
		return ag__enomem();
	}
	for (size_t r = 0; r < keep_n; r++)
		t->rows[t->n_rows++] = (tl_row){k, r + 1, rank[r].node, rank[r].degree, rank[r].pagerank};
	p->rows = keep_n;
	free(rank);
	return 0;
}

static int all_periods(ag__analyze_ctx *c)
{
	tl_ctx *x = (tl_ctx *)c;
	int rc = 0;
	for (size_t k = 0; k < x->t->n_periods && rc == 0; k++)
		rc = one_period(x, k);
	return rc;
}

/* Copy the strings of the ranked nodes, so that the timeline stands alone. */
static int copy_strings(ag_timeline *t, const ag_graph *g)
{
	t->ids = calloc(t->n_rows + 1, sizeof(*t->ids));
	t->labels = calloc(t->n_rows + 1, sizeof(*t->labels));
	t->types = calloc(t->n_rows + 1, sizeof(*t->types));
	if (!t->ids || !t->labels || !t->types)
		return ag__enomem();
	for (size_t r = 0; r < t->n_rows; r++) {
		const ag_node *n = &g->nodes[t->rows[r].node];
		const char *type = n->type == AG_NODE_OTHER && n->type_name ? n->type_name : ag_node_type_name(n->type);
		if (!(t->ids[r] = ag__strdup(n->id)) || !(t->labels[r] = ag__strdup(n->label ? n->label : n->id)) ||
		    !(t->types[r] = ag__strdup(type)))
			return ag__enomem();
	}
	return 0;
}

int ag_timeline_new(const ag_graph *g, const ag_timeline_options *opts, ag_timeline **out)
{
	static const ag_timeline_options defaults = AG_TIMELINE_OPTIONS_INIT;
	static const ag_analyze_options quiet = AG_ANALYZE_OPTIONS_INIT;
	ag_timeline *t = NULL;
	tl_ctx x;
	int rc;

	AG_CHECK_ARGS(g && out);
	AG_CHECK_OPTIONS(opts, AG_TIMELINE_OPTIONS_VERSION, "AG_TIMELINE_OPTIONS_INIT");
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if ((unsigned)opts->period > AG_PERIOD_WEEK)
		return ag__error(AG_EINVAL, "timeline: unknown period %d", (int)opts->period);
	for (size_t j = 0; j < g->n_links; j++) {
		const ag_link *l = &g->links[j];
		if (!isfinite(l->weight) || l->weight <= 0)
			return ag__error(AG_EINVAL, "link %s -- %s has weight %g; weights must be positive",
			                 g->nodes[l->a].id, g->nodes[l->b].id, l->weight);
		if (l->a == l->b)
			return ag__error(AG_EINVAL, "link %s -- %s is a self-loop", g->nodes[l->a].id, g->nodes[l->b].id);
	}
	if (!(t = calloc(1, sizeof(*t))))
		return ag__enomem();
	t->period = opts->period;
	t->top = opts->top;
	memset(&x, 0, sizeof(x));
	if ((rc = ag__window_parse(opts->since, opts->until, &t->win)) < 0 || (rc = find_periods(t, g)) < 0)
		goto cleanup;
	if (t->n_periods) {
		x.c.opts = &quiet;
		x.g = g;
		x.t = t;
		x.keep = malloc(g->n_nodes + 1);
		x.lkeep = malloc(g->n_links + 1);
		x.index = malloc((g->n_nodes + 1) * sizeof(*x.index));
		x.degree = malloc((g->n_nodes + 1) * sizeof(*x.degree));
		x.pr = malloc((g->n_nodes + 1) * sizeof(*x.pr));
		if (!x.keep || !x.lkeep || !x.index || !x.degree || !x.pr) {
			rc = ag__enomem();
			goto cleanup;
		}
		if ((rc = ag__analyze_locked(&x.c, all_periods)) < 0)
			goto cleanup;
	}
	if ((rc = copy_strings(t, g)) < 0)
		goto cleanup;
	*out = t;
	t = NULL;
cleanup:
	free(x.keep);
	free(x.lkeep);
	free(x.index);
	free(x.degree);
	free(x.pr);
	ag_timeline_free(t);
	return rc;
}

void ag_timeline_free(ag_timeline *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->n_rows; r++) {
		if (t->ids)
			free(t->ids[r]);
		if (t->labels)
			free(t->labels[r]);
		if (t->types)
			free(t->types[r]);
	}
	free(t->ids);
	free(t->labels);
	free(t->types);
	free(t->periods);
	free(t->rows);
	free(t);
}

size_t ag_timeline_period_count(const ag_timeline *t)
{
	return t ? t->n_periods : 0;
}

void ag_timeline_period_get(const ag_timeline *t, size_t k, ag_timeline_period *out)
{
	const tl_period *p = &t->periods[k];
	out->name = p->name;
	out->start = p->start;
	out->end = p->end;
	out->documents = p->documents;
	out->nodes = p->nodes;
	out->links = p->links;
	out->first_row = p->first_row;
	out->rows = p->rows;
}

size_t ag_timeline_row_count(const ag_timeline *t)
{
	return t ? t->n_rows : 0;
}

void ag_timeline_row_get(const ag_timeline *t, size_t r, ag_timeline_row *out)
{
	const tl_row *w = &t->rows[r];
	out->period = w->period;
	out->rank = w->rank;
	out->id = t->ids[r];
	out->label = t->labels[r];
	out->type = t->types[r];
	out->degree = w->degree;
	out->pagerank = w->pagerank;
}

/* ---- writers ---- */

int ag_timeline_to_csv(const ag_timeline *t, char **out, size_t *len)
{
	static const char *const head[] = {"period", "start", "end", "rank", "id", "label", "type", "degree",
	                                   "pagerank"};
	ag_buf b = {0};
	int rc = AG_ENOMEM;

	AG_CHECK_ARGS(t && out);
	*out = NULL;
	if (len)
		*len = 0;
	for (size_t k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		if (ag__csv_cell(&b, head[k], k == 0) < 0)
			goto cleanup;
	if (ag__buf_putc(&b, '\n') < 0)
		goto cleanup;
	for (size_t r = 0; r < t->n_rows; r++) {
		const tl_row *w = &t->rows[r];
		const tl_period *p = &t->periods[w->period];
		if (ag__csv_cell(&b, p->name, true) < 0 || ag__csv_cell(&b, p->start, false) < 0 ||
		    ag__csv_cell(&b, p->end, false) < 0 || ag__csv_size(&b, w->rank) < 0 ||
		    ag__csv_cell(&b, t->ids[r], false) < 0 || ag__csv_cell(&b, t->labels[r], false) < 0 ||
		    ag__csv_cell(&b, t->types[r], false) < 0 || ag__csv_size(&b, w->degree) < 0 ||
		    ag__csv_num(&b, w->pagerank) < 0 || ag__buf_putc(&b, '\n') < 0)
			goto cleanup;
	}
	if (len)
		*len = b.len;
	if ((*out = ag__buf_detach(&b)))
		rc = 0;
cleanup:
	if (rc < 0)
		ag__enomem();
	ag__buf_free(&b);
	return rc;
}

/* A JSON string; graph strings are UTF-8 (the document reader and the JSON
 * reader see to it), and one that is not is written as "" rather than fail. */
static json_t *text(const char *s)
{
	json_t *j = json_string(s);
	return j ? j : json_string("");
}

int ag_timeline_to_json(const ag_timeline *t, char **out, size_t *len)
{
	json_t *root = NULL, *periods;
	ag_buf b = {0};
	char *s = NULL;
	int rc = AG_ENOMEM;

	AG_CHECK_ARGS(t && out);
	*out = NULL;
	if (len)
		*len = 0;
	if (!(root = json_object()) || !(periods = json_array()) ||
	    json_object_set_new(root, "generator", json_string("actorgraph " AG_VERSION)) < 0 ||
	    json_object_set_new(root, "period", json_string(ag_period_name(t->period))) < 0 ||
	    json_object_set_new(root, "top", json_integer((json_int_t)t->top)) < 0 ||
	    json_object_set_new(root, "since", t->win.lo[0] ? json_string(t->win.lo) : json_null()) < 0 ||
	    json_object_set_new(root, "until", t->win.hi[0] ? json_string(t->win.hi) : json_null()) < 0 ||
	    json_object_set_new(root, "periods", periods) < 0)
		goto cleanup;
	for (size_t k = 0; k < t->n_periods; k++) {
		const tl_period *p = &t->periods[k];
		json_t *o = json_object(), *top = json_array();
		if (!o || !top || json_array_append_new(periods, o) < 0) {
			json_decref(o);
			json_decref(top);
			goto cleanup;
		}
		if (json_object_set_new(o, "period", json_string(p->name)) < 0 ||
		    json_object_set_new(o, "start", json_string(p->start)) < 0 ||
		    json_object_set_new(o, "end", json_string(p->end)) < 0 ||
		    json_object_set_new(o, "documents", json_integer((json_int_t)p->documents)) < 0 ||
		    json_object_set_new(o, "nodes", json_integer((json_int_t)p->nodes)) < 0 ||
		    json_object_set_new(o, "links", json_integer((json_int_t)p->links)) < 0 ||
		    json_object_set_new(o, "top", top) < 0)
			goto cleanup;
		for (size_t r = p->first_row; r < p->first_row + p->rows; r++) {
			const tl_row *w = &t->rows[r];
			json_t *e = json_object();
			if (!e || json_array_append_new(top, e) < 0 ||
			    json_object_set_new(e, "rank", json_integer((json_int_t)w->rank)) < 0 ||
			    json_object_set_new(e, "id", text(t->ids[r])) < 0 ||
			    json_object_set_new(e, "label", text(t->labels[r])) < 0 ||
			    json_object_set_new(e, "type", text(t->types[r])) < 0 ||
			    json_object_set_new(e, "degree", json_integer((json_int_t)w->degree)) < 0 ||
			    json_object_set_new(e, "pagerank", isfinite(w->pagerank) ? json_real(w->pagerank) : json_null()) < 0)
				goto cleanup;
		}
	}
	if (!(s = json_dumps(root, JSON_INDENT(1) | JSON_REAL_PRECISION(12))) || ag__buf_puts(&b, s) < 0 ||
	    ag__buf_putc(&b, '\n') < 0)
		goto cleanup;
	if (len)
		*len = b.len;
	if ((*out = ag__buf_detach(&b)))
		rc = 0;
cleanup:
	if (rc < 0)
		ag__enomem();
	free(s);
	ag__buf_free(&b);
	json_decref(root);
	return rc;
}
