/* steps.c - the steps the subcommands share: read texts into a graph, read a
 * graph file, option structs from the command line, write outputs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Say once what reading changed in the graph (a directed graph or a
 * multigraph read as a simple undirected one): the library records it. */
static void say_read_changes(const char *name, const ag_graph *g)
{
	ag_read_report r;
	char msg[512];
	int n;
	ag_graph_read_report(g, &r);
	if (cli_quiet() || (!r.directed && !r.multigraph && !r.links_summed && !r.self_loops))
		return;
	n = snprintf(msg, sizeof(msg), "%s: %s", name,
	             r.directed && r.multigraph ? "a directed multigraph, read as undirected with one link per pair of nodes"
	             : r.directed               ? "a directed graph, read as undirected"
	             : r.multigraph             ? "a multigraph, read with one link per pair of nodes"
	                                        : "read with one link per pair of nodes");
	if (r.links_summed && n > 0 && (size_t)n < sizeof(msg))
		n += snprintf(msg + n, sizeof(msg) - (size_t)n,
		              "; %zu link%s added into another between the same two nodes (weights and counts summed)",
		              r.links_summed, r.links_summed == 1 ? "" : "s");
	if (r.self_loops && n > 0 && (size_t)n < sizeof(msg))
		snprintf(msg + n, sizeof(msg) - (size_t)n, "; %zu self-loop%s left out", r.self_loops,
		         r.self_loops == 1 ? "" : "s");
	cli_warn(NULL, msg);
}

int cli_read_graph(const char *path, ag_graph **out)
{
	char *text = NULL;
	size_t len = 0;
	const char *name = path && strcmp(path, "-") ? path : "-";
	int rc;

	if (!path)
		path = "-";
	if (strcmp(path, "-") == 0 && isatty(0))
		return cli_usage("no graph file given and standard input is a terminal");
	if ((rc = ag_file_read(path, (size_t)4 << 30, &text, &len)) < 0)
		return cli_lib_fail();
	{
		size_t k = 0;
		while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n'))
			k++;
		if (k == len) { /* in a pipe: the stage before wrote nothing */
			free(text);
			return strcmp(name, "-") == 0 ? cli_fail("standard input is empty (did the previous command fail?)")
			                              : cli_fail("%s: the file is empty, not a graph", name);
		}
	}
	rc = ag_graph_from_json(text, len, strcmp(name, "-") ? name : "stdin", out);
	if (rc < 0) {
		/* a text, GraphML, JSONL...: say what it is and which command reads it */
		const char *kind = cli_file_kind(text, len);
		rc = kind ? cli_fail("%s: %s", strcmp(name, "-") ? name : "stdin", kind) : cli_lib_fail();
		free(text);
		return rc;
	}
	free(text);
	say_read_changes(strcmp(name, "-") ? name : "stdin", *out);
	return 0;
}

static bool parse_size(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v >= lo && v <= hi))
		return false;
	*out = v;
	return true;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
	double started, last;
	size_t documents; /* read so far: extracted and merged, in the window or not */
	size_t skipped;   /* files and records the reader skipped, with a warning */
} progress_state;

/* Documents counted always; on a terminal also shown: documents, MB, MB/s
 * and the time left, at most a few times a second (ag_extractor_run calls
 * it after every document). */
static void progress(const ag_extract_progress *p, void *ctx)
{
	progress_state *st = ctx;
	double now, secs;
	char eta[48] = "";

	st->documents = p->documents;
	if (!cli_progress_on() || (now = cli_now()) - st->last < 0.25)
		return;
	st->last = now;
	secs = now - st->started > 1e-6 ? now - st->started : 1e-6;
	if (p->input_total && p->input_done && p->input_done < p->input_total) {
		double done = (double)p->input_done / (double)p->input_total;
		cli_eta(st->started, done, eta, sizeof(eta));
		cli_status("extract: %zu documents, %.1f MB, %.1f MB/s, %d%%%s", p->documents, (double)p->bytes / 1048576.0,
		           (double)p->bytes / 1048576.0 / secs, (int)(100.0 * done), eta);
	} else {
		cli_status("extract: %zu documents, %.1f MB, %.1f MB/s", p->documents, (double)p->bytes / 1048576.0,
		           (double)p->bytes / 1048576.0 / secs);
	}
}

static progress_state *reading; /* the run in progress, for reader_warn */

/* The reader's warnings, counting what it skipped. */
static void reader_warn(void *ctx, const char *msg)
{
	if (reading && strstr(msg, "skipped"))
		reading->skipped++;
	cli_warn(ctx, msg);
}

static char empty_why[512];

const char *cli_extract_empty(void)
{
	return empty_why[0] ? empty_why : NULL;
}

/* Why no document made it into the graph: the counts. */
static void say_why_empty(const cli_args *a, const progress_state *ps)
{
	const char *since = cli_get(a, "since"), *until = cli_get(a, "until");
	size_t n = a->n_args;

	if (ps->documents && (since || until))
		snprintf(empty_why, sizeof(empty_why),
		         "no documents: none of the %zu read is dated in the window%s%s%s%s (undated ones are kept)",
		         ps->documents, since ? " --since " : "", since ? since : "", until ? " --until " : "",
		         until ? until : "");
	else if (ps->documents)
		snprintf(empty_why, sizeof(empty_why), "no documents: %zu read, none kept", ps->documents);
	else if (ps->skipped)
		snprintf(empty_why, sizeof(empty_why),
		         "no documents in %zu input%s: %zu skipped (not .txt or .jsonl, binary, unreadable), none read",
		         n, n == 1 ? "" : "s", ps->skipped);
	else
		snprintf(empty_why, sizeof(empty_why), "no documents in %zu input%s (an empty folder or input?)", n,
		         n == 1 ? "" : "s");
}

/* The first (or last) day of "2026" or "2026-02", as the views read them;
 * anything else as it is (the extractor says what is wrong with it). */
static const char *full_day(const char *v, bool last, char buf[11])
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m = 0, n = 0;
	if (!v || !((strlen(v) == 4 && sscanf(v, "%4d%n", &y, &n) == 1 && n == 4) ||
	            (strlen(v) == 7 && sscanf(v, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7 && m >= 1 && m <= 12)))
		return v;
	if (!m)
		snprintf(buf, 11, "%04d-%s", y, last ? "12-31" : "01-01");
	else
		snprintf(buf, 11, "%04d-%02d-%02d", y, m,
		         !last ? 1 : days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)));
	return buf;
}

/* --project: person, state or organization, singular or plural, any case. */
static int project_type(const char *v, ag_node_type *t)
{
	unsigned bits;
	if (ag_filter_types_parse(v, &bits) == 0) {
		for (int k = AG_NODE_PERSON; k <= AG_NODE_ORGANIZATION; k++) {
			if (bits == AG_FILTER_TYPE(k)) {
				*t = (ag_node_type)k;
				return 0;
			}
		}
	}
	return cli_usage("--project: '%s' is not person, state or organization (or persons, states, organizations)", v);
}

int cli_extract(const cli_args *a, ag_graph **out)
{
	ag_ingest_options io = AG_INGEST_OPTIONS_INIT;
	ag_extract_options eo = AG_EXTRACT_OPTIONS_INIT;
	ag_gazetteer *gz = NULL;
	ag_reader *r = NULL;
	ag_extractor *ex = NULL;
	const char *const *inputs = a->args;
	size_t n_inputs = a->n_args;
	ag_run_options ro = AG_RUN_OPTIONS_INIT;
	progress_state ps = {0, 0, 0, 0};
	ag_node_type project = AG_NODE_PERSON;
	char since_day[11], until_day[11];
	const char *v;
	double mb;
	int rc = CLI_EXIT_OK;

	*out = NULL;
	empty_why[0] = '\0';
	if (!n_inputs)
		return cli_usage("no input given (files, folders, or - for standard input)");
	if ((v = cli_get(a, "max-doc-mb"))) {
		if (!parse_size(v, 1, 4000, &mb))
			return cli_usage("--max-doc-mb: '%s' is not a number of megabytes (1 to 4000)", v);
		io.max_doc_bytes = (size_t)(mb * 1024 * 1024);
	}
	if ((v = cli_get(a, "threads"))) {
		double n;
		if (!parse_size(v, 1, 256, &n) || n != (double)(unsigned)n)
			return cli_usage("--threads: '%s' is not a whole number from 1 to 256", v);
		ro.threads = (unsigned)n;
	}
	if ((v = cli_get(a, "project")) && (rc = project_type(v, &project)))
		return rc;
	if (cli_has(a, "partial") && cli_get(a, "project"))
		return cli_usage("--partial and --project: project the merged graph instead");
	io.warn = reader_warn;
	eo.since = full_day(cli_get(a, "since"), false, since_day);
	eo.until = full_day(cli_get(a, "until"), true, until_day);
	{
		size_t k;
		for (k = 0; k < a->n_spec; k++)
			if (strcmp(a->spec[k].name, "gazetteer") == 0)
				break;
		if (k < a->n_spec && a->counts[k]) {
			if (ag_gazetteer_new(&gz) < 0)
				return cli_lib_fail();
			for (size_t i = 0; i < a->counts[k]; i++) {
				if (ag_gazetteer_load_file(gz, a->values[k][i]) < 0) {
					rc = cli_lib_fail();
					goto cleanup;
				}
			}
			eo.gazetteer = gz;
		}
	}
	if (ag_extractor_new(&eo, &ex) < 0) {
		/* the library names the option field (since, until); we name the flag */
		const char *m = ag_error_last();
		bool flag = strncmp(m, "since:", 6) == 0 || strncmp(m, "until:", 6) == 0;
		rc = ag_error_last_code() == AG_EINVAL ? cli_usage("%s%s", flag ? "--" : "", m) : cli_lib_fail();
		goto cleanup;
	}
	if (ag_reader_open(inputs, n_inputs, &io, &r) < 0) {
		rc = cli_lib_fail();
		goto cleanup;
	}
	ps.started = cli_now();
	ro.progress = progress;
	ro.progress_ctx = &ps;
	reading = &ps;
	rc = ag_extractor_run(ex, r, &ro);
	reading = NULL;
	cli_status_clear();
	if (rc < 0) {
		rc = cli_lib_fail();
		goto cleanup;
	}
	cli_summary_bytes((double)ag_reader_bytes_read(r));
	if ((cli_has(a, "partial") ? ag_extractor_finish_partial(ex, out) : ag_extractor_finish(ex, out)) < 0) {
		rc = cli_lib_fail();
		goto cleanup;
	}
	if (!ag_graph_document_count(*out))
		say_why_empty(a, &ps);
	if (cli_get(a, "project") && ag_graph_project(*out, project) < 0) {
		rc = cli_lib_fail();
		goto cleanup;
	}
cleanup:
	ag_reader_free(r);
	ag_extractor_free(ex);
	ag_gazetteer_free(gz);
	return rc;
}

int cli_analyze_options(const cli_args *a, ag_analyze_options *o)
{
	const char *v;
	double x;
	if ((v = cli_get(a, "communities")) && ag_community_method_parse(v, &o->communities) < 0)
		return cli_usage("--communities: %s", ag_error_last());
	if ((v = cli_get(a, "resolution"))) {
		if (!parse_size(v, 1e-9, 1e9, &x))
			return cli_usage("--resolution: '%s' is not a positive number", v);
		o->resolution = x;
	}
	if ((v = cli_get(a, "seed"))) {
		if (!parse_size(v, 0, 4294967295.0, &x) || x != (double)(unsigned long)x)
			return cli_usage("--seed: '%s' is not a whole number from 0 to 4294967295", v);
		o->seed = (unsigned long)x;
	}
	if ((v = cli_get(a, "consensus"))) {
		if (!parse_size(v, 1, 1000, &x) || x != (double)(size_t)x)
			return cli_usage("--consensus: '%s' is not a whole number from 1 to 1000", v);
		o->consensus = (size_t)x;
	}
	o->exact = cli_has(a, "exact");
	if ((v = cli_get(a, "threads"))) { /* analyze's worker processes; build's extraction threads too */
		if (!parse_size(v, 1, 256, &x) || x != (double)(unsigned)x)
			return cli_usage("--threads: '%s' is not a whole number from 1 to 256", v);
		o->workers = (unsigned)x;
	}
	o->progress = cli_progress_on();
	o->progress_cb = cli_analyze_progress;
	return 0;
}

/* ag_graph_render's progress on a terminal: the layout as it begins, and
 * how long the drawing took when that was long enough to notice. */
static void render_progress(const ag_render_progress *p, void *ctx)
{
	static double started;
	(void)ctx;
	if (p->step && strcmp(p->step, "layout") == 0) {
		started = now_seconds();
		fprintf(stderr, "\ractorgraph: laying out %zu nodes and %zu links (%s)...\033[K", p->nodes, p->links,
		        p->engine);
	} else if (!p->step) {
		double secs = now_seconds() - started;
		if (secs >= 1.0)
			fprintf(stderr, "\ractorgraph: drawn %zu nodes and %zu links in %.1f s\033[K\n", p->nodes, p->links,
			        secs);
		else
			fputs("\r\033[K", stderr);
	}
}

void cli_render_options(const cli_args *a, ag_render_options *o)
{
	o->engine = cli_get(a, "engine");
	o->size_by = cli_get(a, "size-by");
	o->title = cli_get(a, "title");
	if (cli_has(a, "no-legend"))
		o->legend = 0;
	if (cli_has(a, "all"))
		o->max_nodes = 0;
	if (!cli_quiet() && isatty(2))
		o->progress_cb = render_progress;
}

void cli_say_cap(const ag_graph *g, const ag_render_options *o, const char *what)
{
	size_t n = ag_graph_node_count(g);
	if (cli_quiet() || !o->max_nodes || n <= o->max_nodes)
		return;
	fprintf(stderr, "actorgraph: %s draws the %zu most central of %zu nodes (the most central of each type "
	        "first); --all draws every node, --top K, --ego or --types another cut\n", what,
	        o->max_nodes, n);
}

int cli_filter_options(const cli_args *a, ag_filter_options *o)
{
	const char *v;
	double x;
	if ((v = cli_get(a, "types")) && ag_filter_types_parse(v, &o->types) < 0)
		return cli_usage("--types: %s", ag_error_last());
	if ((v = cli_get(a, "min-weight"))) {
		if (!parse_size(v, 0, 1e300, &x))
			return cli_usage("--min-weight: '%s' is not a number >= 0", v);
		o->min_weight = x;
	}
	if ((v = cli_get(a, "top"))) {
		if (!parse_size(v, 1, 1e15, &x) || x != (double)(size_t)x)
			return cli_usage("--top: '%s' is not a whole number of nodes (1 or more)", v);
		o->top = (size_t)x;
	}
	if ((v = cli_get(a, "radius"))) {
		if (!cli_has(a, "ego"))
			return cli_usage("--radius needs --ego NODE");
		if (!parse_size(v, 0, 1e6, &x) || x != (double)(unsigned)x)
			return cli_usage("--radius: '%s' is not a whole number of links (0 to 1000000)", v);
		o->radius = (unsigned)x;
	}
	if ((v = cli_get(a, "ego"))) {
		if (!*v)
			return cli_usage("--ego: give a node id, e.g. state:ukraine");
		o->ego = v;
	}
	o->since = cli_get(a, "since");
	o->until = cli_get(a, "until");
	if (o->since || o->until) {
		/* bad dates are usage errors before any work: the library checks them on an empty graph */
		ag_filter_options d = AG_FILTER_OPTIONS_INIT;
		ag_graph *probe = NULL;
		int prc;
		d.since = o->since;
		d.until = o->until;
		prc = ag_graph_new(&probe) < 0 ? AG_ENOMEM : ag_graph_filter(probe, &d, NULL);
		ag_graph_free(probe);
		if (prc == AG_EINVAL && o->since && o->until && strncmp(ag_error_last(), "since ", 6) == 0)
			return cli_usage("--since %s is after --until %s: the window is empty", o->since, o->until);
		if (prc == AG_EINVAL) /* "since: 'x' is not a date ..." */
			return cli_usage("--%s", ag_error_last());
		if (prc < 0)
			return cli_lib_fail();
	}
	return 0;
}

/* " (--types person,state: -4 nodes; --top 10 by strength: -5 nodes)" */
static void say_dropped(const cli_args *a, const ag_filter_options *o, const ag_filter_report *r)
{
	const char *sep = " (";
	fprintf(stderr, "actorgraph: kept %zu of %zu nodes and %zu of %zu links", r->nodes, r->nodes_before, r->links,
	        r->links_before);
	if (o->since || o->until) {
		fprintf(stderr, "%s%s%s%s%s%s: -%zu links, -%zu nodes", sep, o->since ? "--since " : "",
		        o->since ? o->since : "", o->since && o->until ? " " : "", o->until ? "--until " : "",
		        o->until ? o->until : "", r->date_links, r->date_nodes);
		sep = "; ";
	}
	if (o->types) {
		fprintf(stderr, "%s--types %s: -%zu nodes", sep, cli_get(a, "types"), r->type_nodes);
		sep = "; ";
	}
	if (o->min_weight > 0) {
		fprintf(stderr, "%s--min-weight %g: -%zu links, -%zu nodes left without links", sep, o->min_weight,
		        r->weight_links, r->weight_nodes);
		sep = "; ";
	}
	if (o->ego) {
		fprintf(stderr, "%s--ego %s --radius %u: -%zu nodes", sep, o->ego, o->radius, r->ego_nodes);
		sep = "; ";
	}
	if (o->top) {
		fprintf(stderr, "%s--top %zu by %s: -%zu nodes", sep, o->top, r->top_by ? r->top_by : "?", r->top_nodes);
		sep = "; ";
	}
	fputs(*sep == ';' ? ")\n" : "\n", stderr);
}

int cli_filter(const cli_args *a, const ag_filter_options *o, ag_graph *g)
{
	ag_filter_report r;
	if (!ag_filter_active(o))
		return 0;
	if (ag_graph_filter(g, o, &r) < 0)
		return cli_lib_fail();
	if (!cli_quiet()) {
		cli_status_clear();
		say_dropped(a, o, &r);
		if ((o->since || o->until) && r.documents_in == 0) {
			char msg[512];
			size_t dated = ag_graph_document_count(g) - r.documents_undated;
			snprintf(msg, sizeof(msg),
			         "no document is dated in the window%s%s%s%s: 0 of %zu dated documents (%zu undated); "
			         "%zu of %zu links and %zu of %zu nodes kept",
			         o->since ? " --since " : "", o->since ? o->since : "", o->until ? " --until " : "",
			         o->until ? o->until : "", dated, r.documents_undated, r.links, r.links_before, r.nodes,
			         r.nodes_before);
			cli_warn(NULL, msg);
		}
		if (r.nodes == 0)
			cli_warn(NULL, "the view is empty");
	}
	return 0;
}

int cli_write(const char *path, char *data, size_t len)
{
	int rc;
	if (!cli_status_shown()) /* else the caller said what it writes */
		cli_status("writing %s", strcmp(path, "-") ? path : "standard output");
	rc = ag_file_write_atomic(path, data, len);
	cli_status_clear();
	free(data);
	return rc < 0 ? cli_lib_fail() : 0;
}
