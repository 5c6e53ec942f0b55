/* main.c - the actorgraph command: dispatch to a subcommand. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: actorgraph COMMAND [options] [args]\n"
	"\n"
	"Turn news reports into a weighted graph of who deals with whom, measure it, draw it.\n"
	"\n"
	"commands:\n"
	"  extract   texts -> actor graph (node-link JSON)\n"
	"  analyze   add metrics and communities to a graph\n"
	"  render    write a graph as json, dot, svg, png, pdf, csv-nodes, csv-links, graphml, gexf, cyjs\n"
	"  build     the main job: texts -> graph, metrics, drawing and tables in one folder\n"
	"  merge     merge graphs of corpus shards into one\n"
	"  timeline  per week or month, the most central actors (degree, PageRank), as CSV or JSON\n"
	"\n"
	"build writes DIR/graph.json, graph.dot, graph.svg, graph.graphml, graph.gexf, graph.cyjs,\n"
	"nodes.csv and edges.csv.\n"
	"\n"
	"'actorgraph COMMAND --help' (or 'actorgraph help COMMAND') describes a command.\n"
	"Every command ends with one line on stderr: documents, nodes, links, time and peak\n"
	"memory (MB of 2^20 bytes); -q silences it, with the warnings and progress.\n"
	"\n"
	"examples:\n"
	"  actorgraph build graphs/peace-talks/texts --out /tmp/peace\n"
	"  actorgraph extract -o graph.json articles/ && actorgraph analyze graph.json | actorgraph render -o g.svg\n"
	"\n"
	"exit status: 0 success, 1 failure (message on stderr), 2 usage error\n";

static const struct {
	const char *name;
	int (*run)(int, char **);
} commands[] = {
	{"extract", cmd_extract}, {"analyze", cmd_analyze}, {"render", cmd_render},
	{"build", cmd_build},     {"merge", cmd_merge},     {"timeline", cmd_timeline},
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static int run(const char *name, int argc, char **argv)
{
	const char *names[N_COMMANDS], *hint;

	for (size_t k = 0; k < N_COMMANDS; k++) {
		names[k] = commands[k].name;
		if (strcmp(name, commands[k].name) == 0) {
			int rc = commands[k].run(argc, argv);
			if (rc == CLI_EXIT_OK)
				cli_summary_print(name);
			return rc;
		}
	}
	if ((hint = cli_suggest(name, names, N_COMMANDS)))
		return cli_usage("'%s' is not a command (did you mean '%s'?)", name, hint);
	return cli_usage("'%s' is not a command (extract, analyze, render, build, merge, timeline)", name);
}

int main(int argc, char **argv)
{
	signal(SIGXFSZ, SIG_IGN); /* over ulimit -f, write() fails with EFBIG: reported, the old file kept */
	cli_report_start();
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    (strcmp(argv[1], "help") == 0 && argc == 2)) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_EXIT_USAGE : CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("actorgraph %s\n", ag_version());
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) { /* help COMMAND: its --help */
		char help[] = "--help", *args[] = {argv[2], help, NULL};
		return run(argv[2], 2, args);
	}
	return run(argv[1], argc - 1, argv + 1);
}
