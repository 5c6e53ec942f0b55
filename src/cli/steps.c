/* steps.c - the steps the subcommands share: read texts into a graph, read a
 * graph file, option structs from the command line, write outputs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

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
	rc = ag_graph_from_json(text, len, strcmp(name, "-") ? name : "stdin", out);
	free(text);
	return rc < 0 ? cli_lib_fail() : 0;
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
} progress_state;

/* Progress on a terminal: documents, MB, MB/s and the time left, at most a
 * few times a second (ag_extractor_run calls it after every document). */
static void progress(const ag_extract_progress *p, void *ctx)
{
	progress_state *st = ctx;
	double now = now_seconds(), secs;
	char eta[48] = "";
	if (now - st->last < 0.25)
		return;
	st->last = now;
	secs = now - st->started > 1e-6 ? now - st->started : 1e-6;
	if (p->input_total && p->input_done && p->input_done < p->input_total) {
		double left = secs * (double)(p->input_total - p->input_done) / (double)p->input_done;
		long l = (long)(left + 0.5);
		snprintf(eta, sizeof(eta), ", %d%%, %ld:%02ld left",
		         (int)(100.0 * (double)p->input_done / (double)p->input_total), l / 60, l % 60);
	}
	fprintf(stderr, "\ractorgraph: %zu documents, %.1f MB, %.1f MB/s%s\033[K", p->documents,
	        (double)p->bytes / 1e6, (double)p->bytes / 1e6 / secs, eta);
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
	progress_state ps = {0, 0};
	const char *v;
	double mb;
	int rc = CLI_EXIT_OK;

	*out = NULL;
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
	io.warn = cli_warn;
	eo.since = cli_get(a, "since");
	eo.until = cli_get(a, "until");
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
	if (!cli_quiet() && isatty(2)) {
		ps.started = now_seconds();
		ro.progress = progress;
		ro.progress_ctx = &ps;
	}
	if (ag_extractor_run(ex, r, &ro) < 0) {
		if (ro.progress)
			fputc('\n', stderr);
		rc = cli_lib_fail();
		goto cleanup;
	}
	if (ro.progress && ps.last > 0) {
		double secs = now_seconds() - ps.started;
		size_t bytes = ag_reader_bytes_read(r);
		fprintf(stderr, "\ractorgraph: %.1f MB in %.1f s, %.1f MB/s\033[K\n", (double)bytes / 1e6, secs,
		        (double)bytes / 1e6 / (secs > 1e-6 ? secs : 1e-6));
	}
	if (cli_has(a, "partial") && cli_get(a, "project")) {
		rc = cli_usage("--partial and --project: project the merged graph instead");
		goto cleanup;
	}
	if ((cli_has(a, "partial") ? ag_extractor_finish_partial(ex, out) : ag_extractor_finish(ex, out)) < 0) {
		rc = cli_lib_fail();
		goto cleanup;
	}
	if ((v = cli_get(a, "project"))) {
		ag_node_type t;
		char one[32];
		size_t n = strlen(v);
		/* "persons" or "person" */
		snprintf(one, sizeof(one), "%.*s", (int)(n > 1 && v[n - 1] == 's' ? n - 1 : n), v);
		if (ag_node_type_parse(one, &t) < 0 || t == AG_NODE_MEETING || t == AG_NODE_OTHER) {
			rc = cli_usage("--project: '%s' is not persons, states or organizations", v);
			goto cleanup;
		}
		if (ag_graph_project(*out, t) < 0) {
			rc = cli_lib_fail();
			goto cleanup;
		}
	}
cleanup:
	ag_reader_free(r);
	ag_extractor_free(ex);
	ag_gazetteer_free(gz);
	return rc;
}

/* ag_analyze's progress on a terminal, one line per report. */
static void analyze_progress(const ag_analyze_progress *p, void *ctx)
{
	(void)ctx;
	if (!p->step)
		fputs("analyze: done\n", stderr);
	else if (p->percent < 0)
		fprintf(stderr, "analyze: %s...\n", p->step);
	else
		fprintf(stderr, "analyze: %s %d%%...\n", p->step, p->percent);
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
	o->progress = !cli_quiet() && isatty(2);
	o->progress_cb = analyze_progress;
	return 0;
}

void cli_render_options(const cli_args *a, ag_render_options *o)
{
	o->engine = cli_get(a, "engine");
	o->size_by = cli_get(a, "size-by");
	o->title = cli_get(a, "title");
	if (cli_has(a, "no-legend"))
		o->legend = 0;
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
	return 0;
}

/* " (--types person,state: -4 nodes; --top 10 by strength: -5 nodes)" */
static void say_dropped(const cli_args *a, const ag_filter_options *o, const ag_filter_report *r)
{
	const char *sep = " (";
	fprintf(stderr, "actorgraph: kept %zu of %zu nodes and %zu of %zu links", r->nodes, r->nodes_before, r->links,
	        r->links_before);
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
		say_dropped(a, o, &r);
		if (r.nodes == 0)
			cli_warn(NULL, "the view is empty");
	}
	return 0;
}

int cli_write(const char *path, char *data, size_t len)
{
	int rc = ag_file_write_atomic(path, data, len);
	free(data);
	return rc < 0 ? cli_lib_fail() : 0;
}
