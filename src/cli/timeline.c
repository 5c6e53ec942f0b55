/* timeline.c - the timeline subcommand: per week or month, the most central
 * actors of a graph (ag_timeline_new), as CSV or JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char timeline_help[] =
	"usage: actorgraph timeline [-o OUT.csv|OUT.json] [options] [GRAPH.json]\n"
	"\n"
	"The graph over time: for each month (or week) that has dated documents, the most\n"
	"central actors of that period's part of the graph, with their degree and PageRank.\n"
	"A period's part is the view --since FIRST-DAY --until LAST-DAY of it (links with\n"
	"evidence from a document dated in the period, nodes that keep a link or were first\n"
	"or last seen in it), without undated documents; its numbers are those 'actorgraph\n"
	"analyze' gives on that view.  Reads stdin when no file is given, writes stdout\n"
	"without -o.\n"
	"\n"
	"  -o, --out FILE        write here; .csv or .json says the format\n"
	"  -f, --format FORMAT   csv (default: one row per period and rank: period, start, end,\n"
	"                        rank, id, label, type, degree, pagerank) or json (one object\n"
	"                        per period, with its documents, nodes and links)\n"
	"  --period PERIOD       month (default) or week (ISO weeks, Monday to Sunday)\n"
	"  --top K               the K most central nodes of each period (default 10; 0 = all)\n"
	DATE_HELP
	VIEW_HELP
	"  -q, --quiet           no warnings or summary on stderr\n"
	HELP_HELP
	"\n"
	"The view options cut the graph first; --since and --until also bound the periods.\n"
	"\n"
	"examples:\n"
	"  actorgraph timeline -o timeline.csv graphs/peace-talks/graph.json\n"
	"  actorgraph timeline --period week --types person --top 5 -o weeks.json graph.json\n";

int cmd_timeline(int argc, char **argv)
{
	static const cli_opt spec[] = {{"out", 'o', true, false},    {"format", 'f', true, false},
	                               {"period", 0, true, false},   {"top", 0, true, false},
	                               {"quiet", 'q', false, false}, {"help", 'h', false, false},
	                               DATE_OPTS,                    {"types", 0, true, false},
	                               {"min-weight", 0, true, false}, {"ego", 0, true, false},
	                               {"radius", 0, true, false}};
	static const char *const formats[] = {"csv", "json", NULL};
	cli_args a;
	ag_timeline_options to = AG_TIMELINE_OPTIONS_INIT;
	ag_filter_options fo = AG_FILTER_OPTIONS_INIT;
	ag_timeline *t = NULL;
	ag_graph *g = NULL;
	const char *v, *format = "csv", *out;
	char buf[16], *data = NULL;
	size_t len;
	int rc;

	if ((rc = cli_parse("timeline", argc, argv, spec, sizeof(spec) / sizeof(spec[0]), &a)))
		return rc;
	if (cli_has(&a, "help")) {
		fputs(timeline_help, stdout);
		goto out;
	}
	cli_set_quiet(cli_has(&a, "quiet"));
	out = cli_get(&a, "out");
	if ((v = cli_get(&a, "format"))) {
		if (!(format = cli_format_name(v, formats, buf, sizeof(buf)))) {
			rc = cli_usage("timeline: unknown format '%s' (csv, json)", v);
			goto out;
		}
	} else if (out && strcmp(out, "-") != 0) {
		const char *dot = strrchr(out, '.');
		if (!dot || !(format = cli_format_name(dot + 1, formats, buf, sizeof(buf)))) {
			rc = cli_usage("timeline: -o %s: give -f csv or -f json (or a .csv or .json name)", out);
			goto out;
		}
	}
	if ((v = cli_get(&a, "period")) && ag_period_parse(v, &to.period) < 0) {
		rc = cli_usage("--period: %s", ag_error_last());
		goto out;
	}
	if ((v = cli_get(&a, "top"))) {
		char *end;
		unsigned long long k;
		errno = 0;
		k = strtoull(v, &end, 10);
		if (errno || end == v || *end || *v == '-' || k > 1000000000ULL) {
			rc = cli_usage("--top: '%s' is not a whole number of nodes (0 for all)", v);
			goto out;
		}
		to.top = (size_t)k;
	}
	if (a.n_args > 1) {
		rc = cli_usage("timeline: one graph at a time");
		goto out;
	}
	if ((rc = cli_filter_options(&a, &fo)))
		goto out;
	fo.top = 0; /* --top is the timeline's own: per period */
	to.since = fo.since;
	to.until = fo.until;
	if ((rc = cli_check_output(out)) || (rc = cli_read_graph(a.n_args ? a.args[0] : NULL, &g)) ||
	    (rc = cli_filter(&a, &fo, g)))
		goto out;
	cli_status("timeline: %zu nodes, %zu links, by %s", ag_graph_node_count(g), ag_graph_link_count(g),
	           ag_period_name(to.period));
	if (ag_timeline_new(g, &to, &t) < 0) {
		rc = cli_lib_fail();
		goto out;
	}
	if (!ag_timeline_period_count(t)) {
		char msg[256];
		snprintf(msg, sizeof(msg), "no dated document%s: the timeline is empty (%zu documents in the graph)",
		         fo.since || fo.until ? " in the window" : "", ag_graph_document_count(g));
		cli_warn(NULL, msg);
	}
	if ((strcmp(format, "csv") == 0 ? ag_timeline_to_csv(t, &data, &len) : ag_timeline_to_json(t, &data, &len)) <
	    0) {
		rc = cli_lib_fail();
		goto out;
	}
	cli_summary_graph(g);
	cli_summary_note("-> %zu %s%s", ag_timeline_period_count(t), ag_period_name(to.period),
	                 ag_timeline_period_count(t) == 1 ? "" : "s");
	rc = cli_write(out ? out : "-", data, len);
out:
	ag_timeline_free(t);
	ag_graph_free(g);
	cli_args_free(&a);
	return rc;
}
