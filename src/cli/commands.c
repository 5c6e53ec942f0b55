/* commands.c - the subcommands: extract, analyze, render, build, merge. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* build draws at most this many nodes in graph.svg (the most central) */
#define BUILD_SVG_MAX_NODES 150

#define EXTRACT_OPTS \
	{"gazetteer", 0, true, true}, {"since", 0, true, false}, {"until", 0, true, false}, \
	{"max-doc-mb", 0, true, false}, {"project", 0, true, false}, {"threads", 'j', true, false}, \
	{"quiet", 'q', false, false}, {"help", 'h', false, false}
#define ANALYZE_OPTS \
	{"communities", 0, true, false}, {"resolution", 0, true, false}, {"seed", 0, true, false}, \
	{"consensus", 0, true, false}, {"exact", 0, false, false}
#define RENDER_OPTS \
	{"engine", 0, true, false}, {"size-by", 0, true, false}, {"title", 0, true, false}, \
	{"no-legend", 0, false, false}
#define FILTER_OPTS \
	{"types", 0, true, false}, {"min-weight", 0, true, false}, {"top", 0, true, false}, \
	{"ego", 0, true, false}, {"radius", 0, true, false}

/* The view options, the same in every --help that takes them. */
#define FILTER_HELP \
	"  --types LIST          keep nodes of these types: person,state,organization,meeting\n" \
	"  --min-weight W        keep links of weight >= W; nodes that lose all their links go too\n" \
	"  --ego NODE            keep NODE (an id, e.g. state:ukraine) and its neighbours ...\n" \
	"  --radius R            ... up to R links away (default 1)\n" \
	"  --top K               keep the K most central nodes: by pagerank when the graph has\n" \
	"                        it, else by strength (ties: smaller id)\n"

static const char extract_help[] =
	"usage: actorgraph extract [-o OUT.json] [options] INPUT...\n"
	"\n"
	"Read news texts and write the actor graph as node-link JSON (stdout without -o).\n"
	"INPUT is a .txt file, a .jsonl file of {\"id\", \"date\", \"text\"} records (either may be\n"
	"gzipped), a folder (read recursively, in name order), or - for standard input\n"
	"(JSONL when it starts with '{', else one text).\n"
	"\n"
	"  -o, --out FILE        write the graph here (written to a temporary file, then renamed)\n"
	"  --gazetteer FILE      add names from a TSV file (kind, target, label, forms); repeatable\n"
	"  --since DATE          drop documents dated before DATE (YYYY-MM-DD)\n"
	"  --until DATE          drop documents dated after DATE\n"
	"  --max-doc-mb N        skip (with a warning) documents larger than N MB (default 256)\n"
	"  --project TYPE        keep one node type (persons, states, organizations), linking two\n"
	"                        of them when they were at the same meeting\n"
	"  -j, --threads N       extract on N threads (default: one per processor); the output\n"
	"                        is the same, byte for byte, for any N\n"
	"  --partial             leave identities unresolved, for 'actorgraph merge' (one shard\n"
	"                        of a corpus extracted apart: see 'actorgraph merge --help')\n"
	"  -q, --quiet           no warnings or progress on stderr\n"
	"\n"
	"On a terminal, progress (documents, MB, MB/s, time left) is shown on stderr.\n"
	"\n"
	"examples:\n"
	"  actorgraph extract -o graph.json graphs/peace-talks/texts\n"
	"  zcat news.jsonl.gz | actorgraph extract --threads 4 -o graph.json -\n";

static const char analyze_help[] =
	"usage: actorgraph analyze [-o OUT.json] [options] [GRAPH.json]\n"
	"\n"
	"Add network metrics and communities to a node-link graph (ours or networkx's);\n"
	"reads stdin when no file is given, writes stdout without -o.\n"
	"\n"
	"  -o, --out FILE        write the analysed graph here\n"
	"  --communities METHOD  leiden (default), louvain, label_propagation, walktrap, infomap, none\n"
	"  --resolution R        modularity resolution (default 1.0)\n"
	"  --seed N              random seed (default 42): the same seed gives the same output\n"
	"  --consensus K         run K seeds and report each node's community stability\n"
	"  --exact               never estimate path metrics, however large the graph\n"
	FILTER_HELP
	"  -q, --quiet           no progress on stderr\n"
	"\n"
	"Link weight is tie strength; betweenness, closeness and harmonic centrality use\n"
	"distance = 1/weight.  The view options (applied in the order above) cut the graph\n"
	"before it is analysed, so the metrics describe the view; what they dropped is\n"
	"said on stderr.\n"
	"\n"
	"examples:\n"
	"  actorgraph analyze -o analysed.json graph.json\n"
	"  actorgraph analyze --types person,state --min-weight 2 -o view.json graph.json\n";

static const char render_help[] =
	"usage: actorgraph render -f FORMAT [-o OUT] [options] [GRAPH.json]\n"
	"\n"
	"Write a graph in another format: json, dot, svg, png, pdf, csv-nodes, csv-links,\n"
	"graphml (Gephi, yEd, networkx), gexf (Gephi, with date spells), cyjs (Cytoscape.js).\n"
	"Reads stdin when no file is given, writes stdout without -o.\n"
	"\n"
	"  -f, --format FORMAT   the output format (required)\n"
	"  -o, --out FILE        write here\n"
	"  --engine NAME         Graphviz layout: sfdp, neato, fdp, dot, circo, twopi (default by size)\n"
	"  --size-by METRIC      node size: pagerank (default), betweenness, strength, degree\n"
	"  --title TEXT          the diagram's title\n"
	"  --no-legend           leave the legend out\n"
	FILTER_HELP
	"  -q, --quiet           do not say what the view options dropped\n"
	"\n"
	"The view options draw part of the graph; its metrics and communities stay those\n"
	"of the whole graph (run analyze with the same options to measure the view).\n"
	"\n"
	"examples:\n"
	"  actorgraph render -f svg -o graph.svg analysed.json\n"
	"  actorgraph render -f svg --ego state:ukraine --radius 2 -o ukraine.svg analysed.json\n";

static const char build_help[] =
	"usage: actorgraph build INPUT... --out DIR [options]\n"
	"\n"
	"The main job: extract the graph from the texts, analyse it, and write into DIR:\n"
	"graph.json (node-link with metrics), graph.dot, graph.svg, nodes.csv and edges.csv.\n"
	"graph.svg draws at most the 150 most central nodes (PageRank); render the others\n"
	"from graph.json with 'actorgraph render -f svg --top K' or --ego.\n"
	"Takes the options of extract, analyze and render, and the view options, which cut\n"
	"the graph after extraction and before analysis:\n"
	"\n"
	FILTER_HELP
	"\n"
	"examples:\n"
	"  actorgraph build graphs/peace-talks/texts --out graphs/peace-talks\n"
	"  actorgraph build graphs/peace-talks/texts --top 20 --out /tmp/top20\n";

static const char merge_help[] =
	"usage: actorgraph merge [-o OUT.json] [--partial] GRAPH.json...\n"
	"\n"
	"Merge graphs extracted from separate shards of a corpus (documents, nodes and links\n"
	"by id), then resolve persons and meetings across them.  Shards extracted with\n"
	"'extract --partial' merge exactly: the result is, byte for byte, the graph of one\n"
	"extract over all of them, whatever the order and grouping of the merges.  Finished\n"
	"graphs merge too, but a short name or an undated meeting resolved inside one of\n"
	"them may have had a second candidate in another.\n"
	"\n"
	"  -o, --out FILE        write the merged graph here\n"
	"  --partial             keep the result partial, to merge it again later (a tree of\n"
	"                        merges); needs partial inputs\n"
	"  -q, --quiet           no warnings on stderr\n"
	"\n"
	"examples:\n"
	"  actorgraph extract --partial -o part1.json shard1/\n"
	"  actorgraph extract --partial -o part2.json shard2/\n"
	"  actorgraph merge -o all.json part1.json part2.json\n";

static int with_help(const cli_args *a, const char *help, int *rc)
{
	if (cli_has(a, "help")) {
		fputs(help, stdout);
		*rc = CLI_EXIT_OK;
		return 1;
	}
	cli_set_quiet(cli_has(a, "quiet"));
	return 0;
}

int cmd_extract(int argc, char **argv)
{
	static const cli_opt spec[] = {{"out", 'o', true, false}, {"partial", 0, false, false}, EXTRACT_OPTS};
	cli_args a;
	ag_graph *g = NULL;
	int rc;

	if ((rc = cli_parse("extract", argc, argv, spec, COUNT(spec), &a)))
		return rc;
	if (with_help(&a, extract_help, &rc))
		goto out;
	if ((rc = cli_extract(&a, &g)))
		goto out;
	if (ag_graph_write_json(g, cli_get(&a, "out") ? cli_get(&a, "out") : "-") < 0)
		rc = cli_lib_fail();
out:
	ag_graph_free(g);
	cli_args_free(&a);
	return rc;
}

int cmd_analyze(int argc, char **argv)
{
	static const cli_opt spec[] = {{"out", 'o', true, false}, {"quiet", 'q', false, false},
	                               {"help", 'h', false, false}, ANALYZE_OPTS, FILTER_OPTS};
	cli_args a;
	ag_analyze_options ao = AG_ANALYZE_OPTIONS_INIT;
	ag_filter_options fo = AG_FILTER_OPTIONS_INIT;
	ag_graph *g = NULL;
	int rc;

	if ((rc = cli_parse("analyze", argc, argv, spec, COUNT(spec), &a)))
		return rc;
	if (with_help(&a, analyze_help, &rc))
		goto out;
	if (a.n_args > 1) {
		rc = cli_usage("analyze: one graph at a time (use 'actorgraph merge' to combine graphs)");
		goto out;
	}
	if ((rc = cli_analyze_options(&a, &ao)) || (rc = cli_filter_options(&a, &fo)) ||
	    (rc = cli_read_graph(a.n_args ? a.args[0] : NULL, &g)) || (rc = cli_filter(&a, &fo, g)))
		goto out;
	if (ag_analyze(g, &ao) < 0 || ag_graph_write_json(g, cli_get(&a, "out") ? cli_get(&a, "out") : "-") < 0)
		rc = cli_lib_fail();
out:
	ag_graph_free(g);
	cli_args_free(&a);
	return rc;
}

/* Render g in one format into a malloc'd buffer. */
static int render_to(ag_graph *g, const char *format, const ag_render_options *ro, char **out, size_t *len)
{
	if (strcmp(format, "json") == 0)
		return ag_graph_to_json(g, out, len);
	if (strcmp(format, "dot") == 0)
		return ag_graph_to_dot(g, ro, out, len);
	if (strcmp(format, "csv-nodes") == 0)
		return ag_graph_to_csv_nodes(g, out, len);
	if (strcmp(format, "csv-links") == 0 || strcmp(format, "csv-edges") == 0)
		return ag_graph_to_csv_links(g, out, len);
	if (strcmp(format, "graphml") == 0)
		return ag_graph_to_graphml(g, out, len);
	if (strcmp(format, "gexf") == 0)
		return ag_graph_to_gexf(g, out, len);
	if (strcmp(format, "cyjs") == 0)
		return ag_graph_to_cyjs(g, out, len);
	return ag_graph_render(g, ro, format, out, len);
}

int cmd_render(int argc, char **argv)
{
	static const cli_opt spec[] = {{"format", 'f', true, false}, {"out", 'o', true, false},
	                               {"help", 'h', false, false}, {"quiet", 'q', false, false}, RENDER_OPTS,
	                               FILTER_OPTS};
	static const char *const formats[] = {"json", "dot", "svg", "png", "pdf", "csv-nodes", "csv-links", "csv-edges",
	                                      "graphml", "gexf", "cyjs", NULL};
	cli_args a;
	ag_render_options ro = AG_RENDER_OPTIONS_INIT;
	ag_filter_options fo = AG_FILTER_OPTIONS_INIT;
	ag_graph *g = NULL;
	char *data = NULL;
	size_t len;
	const char *format;
	bool known = false;
	int rc;

	if ((rc = cli_parse("render", argc, argv, spec, COUNT(spec), &a)))
		return rc;
	if (with_help(&a, render_help, &rc))
		goto out;
	if (!(format = cli_get(&a, "format"))) {
		rc = cli_usage("render: -f FORMAT is required (json, dot, svg, png, pdf, csv-nodes, csv-links, graphml, gexf, cyjs)");
		goto out;
	}
	for (size_t k = 0; formats[k]; k++)
		known |= strcmp(formats[k], format) == 0;
	if (!known) {
		rc = cli_usage("render: unknown format '%s' (json, dot, svg, png, pdf, csv-nodes, csv-links, graphml, gexf, cyjs)", format);
		goto out;
	}
	if (a.n_args > 1) {
		rc = cli_usage("render: one graph at a time");
		goto out;
	}
	cli_render_options(&a, &ro);
	if ((rc = cli_filter_options(&a, &fo)) || (rc = cli_read_graph(a.n_args ? a.args[0] : NULL, &g)) ||
	    (rc = cli_filter(&a, &fo, g)))
		goto out;
	if (render_to(g, format, &ro, &data, &len) < 0) {
		rc = ag_error_last_code() == AG_EINVAL ? cli_usage("%s", ag_error_last()) : cli_lib_fail();
		goto out;
	}
	rc = cli_write(cli_get(&a, "out") ? cli_get(&a, "out") : "-", data, len);
out:
	ag_graph_free(g);
	cli_args_free(&a);
	return rc;
}

static int write_into(const char *dir, const char *name, ag_graph *g, const char *format,
                      const ag_render_options *ro)
{
	char path[4096];
	char *data = NULL;
	size_t len;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
		return cli_fail("%s: path too long", dir);
	if (strcmp(format, "json") == 0)
		return ag_graph_write_json(g, path) < 0 ? cli_lib_fail() : 0;
	if (render_to(g, format, ro, &data, &len) < 0)
		return cli_lib_fail();
	return cli_write(path, data, len);
}

int cmd_build(int argc, char **argv)
{
	static const cli_opt spec[] = {{"out", 'o', true, false}, EXTRACT_OPTS, ANALYZE_OPTS, RENDER_OPTS,
	                               FILTER_OPTS};
	cli_args a;
	ag_analyze_options ao = AG_ANALYZE_OPTIONS_INIT;
	ag_render_options ro = AG_RENDER_OPTIONS_INIT;
	ag_filter_options fo = AG_FILTER_OPTIONS_INIT;
	ag_graph *g = NULL;
	const char *dir;
	char title[128];
	size_t nodes, links;
	struct stat st;
	int rc;

	if ((rc = cli_parse("build", argc, argv, spec, COUNT(spec), &a)))
		return rc;
	if (with_help(&a, build_help, &rc))
		goto out;
	if (!(dir = cli_get(&a, "out"))) {
		rc = cli_usage("build: --out DIR is required");
		goto out;
	}
	if ((rc = cli_analyze_options(&a, &ao)) || (rc = cli_filter_options(&a, &fo)))
		goto out;
	cli_render_options(&a, &ro);
	/* a bad --engine or --size-by is a usage error before any work is done */
	{
		ag_graph *probe = NULL;
		char *dot = NULL;
		size_t dl;
		int prc = ag_graph_new(&probe) < 0 ? AG_ENOMEM : ag_graph_to_dot(probe, &ro, &dot, &dl);
		free(dot);
		ag_graph_free(probe);
		if (prc == AG_EINVAL) {
			rc = cli_usage("build: %s", ag_error_last());
			goto out;
		}
	}
	if (stat(dir, &st) < 0) {
		if (errno != ENOENT || mkdir(dir, 0777) < 0) {
			rc = cli_fail("%s: %s", dir, strerror(errno));
			goto out;
		}
	} else if (!S_ISDIR(st.st_mode)) {
		rc = cli_fail("%s: not a folder", dir);
		goto out;
	}
	if ((rc = cli_extract(&a, &g)) || (rc = cli_filter(&a, &fo, g)))
		goto out;
	if (ag_analyze(g, &ao) < 0) {
		rc = cli_lib_fail();
		goto out;
	}
	if ((rc = write_into(dir, "graph.json", g, "json", &ro)) || (rc = write_into(dir, "graph.dot", g, "dot", &ro)) ||
	    (rc = write_into(dir, "nodes.csv", g, "csv-nodes", &ro)) ||
	    (rc = write_into(dir, "edges.csv", g, "csv-links", &ro)) ||
	    (rc = write_into(dir, "graph.graphml", g, "graphml", &ro)) ||
	    (rc = write_into(dir, "graph.gexf", g, "gexf", &ro)) ||
	    (rc = write_into(dir, "graph.cyjs", g, "cyjs", &ro)))
		goto out;
	nodes = ag_graph_node_count(g);
	links = ag_graph_link_count(g);
	if (nodes > BUILD_SVG_MAX_NODES) {
		/* thousands of nodes make no readable drawing (and take Graphviz
		 * minutes): the diagram shows the most central ones, and says so */
		ag_filter_options top = AG_FILTER_OPTIONS_INIT;
		top.top = BUILD_SVG_MAX_NODES;
		if (ag_graph_filter(g, &top, NULL) < 0) {
			rc = cli_lib_fail();
			goto out;
		}
		if (!ro.title) {
			snprintf(title, sizeof(title), "The %d most central of %zu actors and meetings (PageRank)",
			         BUILD_SVG_MAX_NODES, nodes);
			ro.title = title;
		}
		if (!cli_quiet())
			fprintf(stderr, "actorgraph: graph.svg draws the %d most central of %zu nodes; for another cut: "
			        "actorgraph render -f svg --top K (or --ego, --types) %s/graph.json\n",
			        BUILD_SVG_MAX_NODES, nodes, dir);
	}
	if ((rc = write_into(dir, "graph.svg", g, "svg", &ro)))
		goto out;
	if (!cli_quiet())
		fprintf(stderr, "actorgraph: %zu nodes, %zu links, %zu documents -> %s/graph.{json,dot,svg,graphml,gexf,cyjs}, nodes.csv, edges.csv\n",
		        nodes, links, ag_graph_document_count(g), dir);
out:
	ag_graph_free(g);
	cli_args_free(&a);
	return rc;
}

int cmd_merge(int argc, char **argv)
{
	static const cli_opt spec[] = {{"out", 'o', true, false}, {"help", 'h', false, false},
	                               {"quiet", 'q', false, false}, {"partial", 0, false, false}};
	cli_args a;
	ag_graph *all = NULL, *g = NULL;
	int rc;

	if ((rc = cli_parse("merge", argc, argv, spec, COUNT(spec), &a)))
		return rc;
	if (with_help(&a, merge_help, &rc))
		goto out;
	if (!a.n_args) {
		rc = cli_usage("merge: give the graphs to merge");
		goto out;
	}
	if (ag_graph_new(&all) < 0) {
		rc = cli_lib_fail();
		goto out;
	}
	for (size_t i = 0; i < a.n_args; i++) {
		if ((rc = cli_read_graph(a.args[i], &g)))
			goto out;
		if (ag_graph_merge(all, g) < 0) {
			rc = cli_lib_fail();
			goto out;
		}
		ag_graph_free(g);
		g = NULL;
	}
	if (cli_has(&a, "partial") && !ag_graph_is_partial(all)) {
		rc = cli_usage("merge --partial: every input must be partial (from extract --partial)");
		goto out;
	}
	if (!cli_has(&a, "partial") && ag_graph_is_partial(all) && ag_graph_resolve(all) < 0) {
		rc = cli_lib_fail();
		goto out;
	}
	if (ag_graph_write_json(all, cli_get(&a, "out") ? cli_get(&a, "out") : "-") < 0)
		rc = cli_lib_fail();
out:
	ag_graph_free(g);
	ag_graph_free(all);
	cli_args_free(&a);
	return rc;
}
