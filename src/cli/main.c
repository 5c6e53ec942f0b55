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
	"  render    write a graph as json, dot, svg, png, pdf or csv\n"
	"  build     the main job: texts -> DIR/graph.json, graph.dot, graph.svg, nodes.csv, edges.csv\n"
	"  merge     merge graphs of corpus shards into one\n"
	"\n"
	"'actorgraph COMMAND --help' describes a command.\n"
	"\n"
	"examples:\n"
	"  actorgraph build graphs/peace-talks/texts --out /tmp/peace\n"
	"  actorgraph extract -o graph.json articles/ && actorgraph analyze graph.json | actorgraph render -f svg > g.svg\n"
	"\n"
	"exit status: 0 success, 1 failure (message on stderr), 2 usage error\n";

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int, char **);
	} commands[] = {
		{"extract", cmd_extract}, {"analyze", cmd_analyze}, {"render", cmd_render},
		{"build", cmd_build},     {"merge", cmd_merge},
	};

	signal(SIGXFSZ, SIG_IGN); /* over ulimit -f, write() fails with EFBIG: reported, the old file kept */
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_EXIT_USAGE : CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("actorgraph %s\n", ag_version());
		return CLI_EXIT_OK;
	}
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (strcmp(argv[1], commands[k].name) == 0)
			return commands[k].run(argc - 1, argv + 1);
	return cli_usage("'%s' is not a command", argv[1]);
}
