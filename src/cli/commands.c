/* commands.c - the subcommands: extract, analyze, render, build, merge (timeline.c: timeline). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define EXTRACT_OPTS \
	{"gazetteer", 0, true, true}, {"since", 0, true, false}, {"until", 0, true, false}, \
	{"max-doc-mb", 0, true, false}, {"project", 0, true, false}, {"threads", 'j', true, false}, \
	{"quiet", 'q', false, false}, {"help", 'h', false, false}
#define ANALYZE_OPTS \
	{"communities", 0, true, false}, {"resolution", 0, true, false}, {"seed", 0, true, false}, \
	{"consensus", 0, true, false}, {"exact", 0, false, false}
#define RENDER_OPTS \
	{"engine", 0, true, false}, {"size-by", 0, true, false}, {"title", 0, true, false}, \
	{"no-legend", 0, false, false}, {"all", 0, false, false}
/* The option lines of each group, the same in every --help that takes them
 * (build takes them all). */
#define EXTRACT_HELP \
	"  --gazetteer FILE      add names from a TSV file (kind, target, label, forms); repeatable\n" \
	"  --since DATE          drop documents dated before DATE (YYYY-MM-DD, YYYY-MM or YYYY;\n" \
	"                        undated ones stay)\n" \
	"  --until DATE          drop documents dated after DATE\n" \
	"  --max-doc-mb N        skip (with a warning) documents larger than N MB (default 256;\n" \
	"                        MB here and on stderr are 2^20 bytes)\n" \
	"  --project TYPE        keep one node type (person, state or organization; or persons,\n" \
	"                        ...), linking two of them when they were at the same meeting\n" \
	"  -j, --threads N       extract on N threads (default: one per processor); the output\n" \
	"                        is the same, byte for byte, for any N (build: and analyse on N\n" \
	"                        worker processes)\n"
#define ANALYZE_HELP \
	"  --communities METHOD  leiden (default), louvain, label_propagation, walktrap, infomap, none\n" \
	"  --resolution R        modularity resolution (default 1.0)\n" \
	"  --seed N              random seed (default 42): the same seed gives the same output\n" \
	"  --consensus K         run K seeds and report each node's community stability\n" \
	"  --exact               never estimate path metrics, however large the graph\n"
#define ANALYZE_THREADS_HELP \
	"  -j, --threads N       estimate the path metrics of large graphs on N worker processes\n" \
	"                        (default: one per processor); the same bytes for any N\n"
#define RENDER_HELP \
	"  --engine NAME         Graphviz layout: sfdp, neato, fdp, dot, circo, twopi (default by size)\n" \
	"  --size-by METRIC      node size: pagerank (default), betweenness, strength, degree\n" \
	"  --title TEXT          the diagram's title\n" \
	"  --no-legend           leave the legend out\n" \
	"  --all                 images (svg, png, pdf) draw every node, not the 150 most central\n"

static const char extract_help[] =
	"usage: actorgraph extract [-o OUT.json] [options] INPUT...\n"
	"\n"
	"Read news texts and write the actor graph as node-link JSON (stdout without -o).\n"
	"INPUT is a .txt file, a .jsonl file of {\"id\", \"date\", \"text\"} records (either may be\n"
	"gzipped), a folder (read recursively, in name order; other files are skipped with a\n"
	"warning), or - for standard input (JSONL when it starts with '{', else one text).\n"
	"\n"
	"  -o, --out FILE        write the graph here (written to a temporary file, then renamed)\n"
	EXTRACT_HELP
	"  --partial             leave identities unresolved, for 'actorgraph merge' (one shard\n"
	"                        of a corpus extracted apart: see 'actorgraph merge --help')\n"
	"  -q, --quiet           no warnings, progress or summary on stderr\n"
	HELP_HELP
	"\n"
	"On a terminal, progress (documents, MB, MB/s, time left) is shown on stderr; the run\n"
	"ends with one line: documents, nodes, links, time and peak memory.  No documents at\n"
	"all (an empty folder, a folder without texts, a date window that keeps none) is a\n"
	"warning with the counts, and an empty graph.\n"
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
	ANALYZE_HELP
	ANALYZE_THREADS_HELP
	DATE_HELP
	FILTER_HELP
	"  -q, --quiet           no warnings, progress or summary on stderr\n"
	HELP_HELP
	"\n"
	"Link weight is tie strength; betweenness, closeness and harmonic centrality use\n"
	"distance = 1/weight.  The view options (applied in the order above) cut the graph\n"
	"before it is analysed, so the metrics describe the view; what they dropped is\n"
	"said on stderr.  On a terminal each analysis step shows its progress (a metric\n"
	"estimated from a sample of sources says so).\n"
	"\n"
	"examples:\n"
	"  actorgraph analyze -o analysed.json graph.json\n"
	"  actorgraph analyze --types person,state --min-weight 2 -o view.json graph.json\n"
	"  actorgraph analyze --since 2026-01 --until 2026-02 -o winter.json graph.json\n";

static const char render_help[] =
	"usage: actorgraph render [-f FORMAT] [-o OUT] [options] [GRAPH.json]\n"
	"\n"
	"Write a graph in another format: json, dot, svg, png, pdf, csv-nodes, csv-links,\n"
	"graphml (Gephi, yEd, networkx), gexf (Gephi, with date spells), cyjs (Cytoscape.js).\n"
	"Reads stdin when no file is given, writes stdout without -o.\n"
	"\n"
	"  -f, --format FORMAT   the output format, in any case; without it, the extension of\n"
	"                        -o says (.json .dot .gv .svg .png .pdf .graphml .gexf .cyjs;\n"
	"                        a .csv named for nodes, or for edges or links)\n"
	"  -o, --out FILE        write here\n"
	RENDER_HELP
	DATE_HELP
	FILTER_HELP
	"  -q, --quiet           no warnings, progress or summary on stderr\n"
	HELP_HELP
	"\n"
	"The view options draw part of the graph; its metrics and communities stay those\n"
	"of the whole graph (run analyze with the same options to measure the view).\n"
	"\n"
	"examples:\n"
	"  actorgraph render -o graph.svg analysed.json\n"
	"  actorgraph render -f svg --ego state:ukraine --radius 2 -o ukraine.svg analysed.json\n";

static const char build_help[] =
	"usage: actorgraph build INPUT... --out DIR [options]\n"
	"\n"
	"The main job: extract the graph from the texts (INPUT as for extract), analyse it,\n"
	"and write into DIR (made when missing):\n"
	"\n"
	"  graph.json            node-link JSON with metrics and communities\n"
	"  graph.dot             Graphviz DOT, the whole graph\n"
	"  graph.svg             the drawing: at most the 150 most central nodes (PageRank);\n"
	"                        'actorgraph render -f svg --top K' (or --ego) draws another cut\n"
	"  graph.graphml         GraphML for Gephi, yEd, networkx read_graphml\n"
	"  graph.gexf            GEXF for Gephi, with date spells for its timeline\n"
	"  graph.cyjs            Cytoscape.js JSON\n"
	"  nodes.csv             one row per node: attributes and metrics\n"
	"  edges.csv             one row per link: relation counts, first evidence, its sentence\n"
	"\n"
	"  -o, --out DIR         the folder to write into (required)\n"
	"  --formats LIST        write only these, comma-separated: json, dot, svg, png, pdf,\n"
	"                        graphml, gexf, cyjs, csv (both tables); default\n"
	"                        json,dot,svg,graphml,gexf,cyjs,csv\n"
	"input (as extract):\n"
	EXTRACT_HELP
	"analysis (as analyze):\n"
	ANALYZE_HELP
	"drawing (as render):\n"
	RENDER_HELP
	"views, which cut the graph after extraction and before analysis (--since and\n"
	"--until above cut it as analyze's do, as the documents are read):\n"
	FILTER_HELP
	"  -q, --quiet           no warnings, progress or summary on stderr\n"
	HELP_HELP
	"\n"
	"No documents to build from is an error (exit 1).  On a terminal, progress is shown\n"
	"for each step and each output; the run ends with one line on stderr.\n"
	"\n"
	"examples:\n"
	"  actorgraph build graphs/peace-talks/texts --out graphs/peace-talks\n"
	"  actorgraph build graphs/peace-talks/texts --top 20 --out /tmp/top20\n"
	"  actorgraph build corpus/ --formats json,csv --out /tmp/tables\n";

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
	"  -q, --quiet           no warnings or summary on stderr\n"
	HELP_HELP
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
	if ((rc = cli_check_output(cli_get(&a, "out"))) || (rc = cli_extract(&a, &g)))
		goto out;
	if (cli_extract_empty()) /* still a graph: an empty shard merges as nothing */
		cli_warn(NULL, cli_extract_empty());
	cli_summary_graph(g);
	rc = cli_write_json(g, cli_get(&a, "out"));
out:
	ag_graph_free(g);
	cli_args_free(&a);
	return rc;
}

int cmd_analyze(int argc, char **argv)
{
	static const cli_opt spec[] = {{"out", 'o', true, false}, {"quiet", 'q', false, false},
	                               {"help", 'h', false, false}, {"threads", 'j', true, false},
	                               ANALYZE_OPTS, DATE_OPTS, FILTER_OPTS};
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
	    (rc = cli_check_output(cli_get(&a, "out"))) ||
	    (rc = cli_read_graph(a.n_args ? a.args[0] : NULL, &g)) || (rc = cli_filter(&a, &fo, g)))
		goto out;
	if (ag_analyze(g, &ao) < 0) {
		rc = cli_lib_fail();
		goto out;
	}
	cli_summary_graph(g);
	rc = cli_write_json(g, cli_get(&a, "out"));
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

typedef struct {
	ag_graph *g;
	const char *format;
	const ag_render_options *ro;
} render_job;

static int render_job_make(void *ctx, char **out, size_t *len)
{
	const render_job *j = ctx;
	return render_to(j->g, j->format, j->ro, out, len);
}

/* render_to as a step: 0, or the exit status after the message.  What
 * Graphviz makes goes through cli_guarded: an error, never a crash, when a
 * memory limit is reached. */
static int render_step(ag_graph *g, const char *format, const ag_render_options *ro, char **out, size_t *len)
{
	static const char *const ours[] = {"json", "csv-nodes", "csv-links", "csv-edges", "graphml", "gexf", "cyjs"};
	render_job j = {g, format, ro};
	for (size_t k = 0; k < COUNT(ours); k++) {
		if (strcmp(format, ours[k]) == 0) {
			if (render_to(g, format, ro, out, len) < 0)
				return ag_error_last_code() == AG_EINVAL ? cli_usage("%s", ag_error_last()) : cli_lib_fail();
			return 0;
		}
	}
	return cli_guarded(render_job_make, &j, out, len);
}

#define FORMAT_LIST "json, dot, svg, png, pdf, csv-nodes, csv-links, graphml, gexf, cyjs"

/* -f in any case, else what -o's extension says; 0 or the usage error. */
static int render_format(const cli_args *a, const char *const *formats, const char **format)
{
	const char *given = cli_get(a, "format"), *out = cli_get(a, "out"), *why = NULL, *hint;
	static char buf[32];

	if (given) {
		if ((*format = cli_format_name(given, formats, buf, sizeof(buf))))
			return 0;
		if ((hint = cli_suggest(buf, formats, 11)))
			return cli_usage("render: unknown format '%s' (did you mean '%s'?)", given, hint);
		return cli_usage("render: unknown format '%s' (" FORMAT_LIST ")", given);
	}
	if (out && strcmp(out, "-") != 0 && (*format = cli_format_of_path(out, &why)))
		return 0;
	if (why)
		return cli_usage("render: -o %s: %s", out, why);
	if (out && strcmp(out, "-") != 0)
		return cli_usage("render: -o %s: no known extension; give -f FORMAT (" FORMAT_LIST ")", out);
	return cli_usage("render: give -f FORMAT (" FORMAT_LIST "), or -o FILE with its extension");
}

int cmd_render(int argc, char **argv)
{
	static const cli_opt spec[] = {{"format", 'f', true, false}, {"out", 'o', true, false},
	                               {"help", 'h', false, false}, {"quiet", 'q', false, false}, RENDER_OPTS,
	                               DATE_OPTS, FILTER_OPTS};
	static const char *const formats[] = {"json", "dot", "svg", "png", "pdf", "csv-nodes", "csv-links", "csv-edges",
	                                      "graphml", "gexf", "cyjs", NULL};
	cli_args a;
	ag_render_options ro = AG_RENDER_OPTIONS_INIT;
	ag_filter_options fo = AG_FILTER_OPTIONS_INIT;
	ag_graph *g = NULL;
	char *data = NULL;
	size_t len;
	const char *format;
	int rc;

	if ((rc = cli_parse("render", argc, argv, spec, COUNT(spec), &a)))
		return rc;
	if (with_help(&a, render_help, &rc))
		goto out;
	if ((rc = render_format(&a, formats, &format)))
		goto out;
	if (a.n_args > 1) {
		rc = cli_usage("render: one graph at a time");
		goto out;
	}
	cli_render_options(&a, &ro);
	if ((rc = cli_filter_options(&a, &fo)) || (rc = cli_check_output(cli_get(&a, "out"))) ||
	    (rc = cli_read_graph(a.n_args ? a.args[0] : NULL, &g)) || (rc = cli_filter(&a, &fo, g)))
		goto out;
	if (strcmp(format, "svg") == 0 || strcmp(format, "png") == 0 || strcmp(format, "pdf") == 0)
		cli_say_cap(g, &ro, cli_get(&a, "out") ? cli_get(&a, "out") : "the image");
	if ((rc = render_step(g, format, &ro, &data, &len)))
		goto out;
	cli_summary_graph(g);
	rc = cli_write(cli_get(&a, "out") ? cli_get(&a, "out") : "-", data, len);
out:
	ag_graph_free(g);
	cli_args_free(&a);
	return rc;
}

/* One of build's files, written into the staging folder `stage` inside
 * `dir`; a failure names the file as it would be in dir. */
static int write_into(const char *dir, const char *stage, const char *name, ag_graph *g, const char *format,
                      const ag_render_options *ro)
{
	char path[4096];
	char *data = NULL;
	size_t len, sl = strlen(stage);
	const char *why;
	int rc;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", stage, name) >= sizeof(path))
		return cli_fail("%s: path too long", dir);
	cli_status("build: writing %s", name);
	if (strcmp(format, "json") == 0) {
		rc = ag_graph_write_json(g, path);
	} else if (strcmp(format, "cyjs") == 0) {
		rc = ag_graph_write_cyjs(g, path);
	} else if (strcmp(format, "graphml") == 0) {
		rc = ag_graph_write_graphml(g, path);
	} else if (strcmp(format, "gexf") == 0) {
		rc = ag_graph_write_gexf(g, path);
	} else if (strcmp(format, "csv-links") == 0) {
		rc = ag_graph_write_csv_links(g, path);
	} else {
		if ((rc = render_step(g, format, ro, &data, &len)))
			return rc;
		rc = ag_file_write_atomic(path, data, len);
		free(data);
	}
	cli_status_clear();
	if (rc == 0)
		return 0;
	why = ag_error_last();
	if (strncmp(why, stage, sl) == 0 && why[sl] == '/')
		return cli_fail("%s%s", dir, why + sl);
	return cli_lib_fail();
}

/* What build can write: the --formats name, its files and their formats. */
static const struct {
	const char *name, *file, *format, *file2, *format2;
	bool image;
} build_outputs[] = {
	{"json", "graph.json", "json", NULL, NULL, false},
	{"dot", "graph.dot", "dot", NULL, NULL, false},
	{"csv", "nodes.csv", "csv-nodes", "edges.csv", "csv-links", false},
	{"graphml", "graph.graphml", "graphml", NULL, NULL, false},
	{"gexf", "graph.gexf", "gexf", NULL, NULL, false},
	{"cyjs", "graph.cyjs", "cyjs", NULL, NULL, false},
	{"svg", "graph.svg", "svg", NULL, NULL, true},
	{"png", "graph.png", "png", NULL, NULL, true},
	{"pdf", "graph.pdf", "pdf", NULL, NULL, true},
};
#define BUILD_DEFAULT_FORMATS "json,dot,svg,graphml,gexf,cyjs,csv"
#define BUILD_FORMAT_NAMES "json, dot, svg, png, pdf, graphml, gexf, cyjs, csv"

/* --formats LIST into a mask over build_outputs; a usage error names the bad one. */
static int build_formats(const char *list, unsigned *mask)
{
	const char *p = list;
	*mask = 0;
	while (*p) {
		size_t n = strcspn(p, ","), k;
		for (k = 0; k < COUNT(build_outputs); k++)
			if (strlen(build_outputs[k].name) == n && strncmp(build_outputs[k].name, p, n) == 0)
				break;
		if (k == COUNT(build_outputs))
			return cli_usage("build --formats: unknown format '%.*s' (valid: %s)", (int)n, p, BUILD_FORMAT_NAMES);
		*mask |= 1u << k;
		p += n;
		if (*p == ',')
			p++;
	}
	if (!*mask)
		return cli_usage("build --formats: give at least one format (valid: %s)", BUILD_FORMAT_NAMES);
	return 0;
}

int cmd_build(int argc, char **argv)
{
	static const cli_opt spec[] = {{"out", 'o', true, false}, {"formats", 0, true, false}, EXTRACT_OPTS,
	                               ANALYZE_OPTS, RENDER_OPTS, FILTER_OPTS};
	cli_args a;
	ag_analyze_options ao = AG_ANALYZE_OPTIONS_INIT;
	ag_render_options ro = AG_RENDER_OPTIONS_INIT;
	ag_filter_options fo = AG_FILTER_OPTIONS_INIT;
	ag_graph *g = NULL;
	const char *dir;
	char stage[4096] = "";
	bool made = false;
	unsigned formats = 0, n_files = 0;
	int rc;

	if ((rc = cli_parse("build", argc, argv, spec, COUNT(spec), &a)))
		return rc;
	if (with_help(&a, build_help, &rc))
		goto out;
	if (!(dir = cli_get(&a, "out"))) {
		rc = cli_usage("build: --out DIR is required");
		goto out;
	}
	if ((rc = build_formats(cli_get(&a, "formats") ? cli_get(&a, "formats") : BUILD_DEFAULT_FORMATS, &formats)))
		goto out;
	for (size_t k = 0; k < COUNT(build_outputs); k++)
		if (formats & (1u << k))
			n_files += build_outputs[k].file2 ? 2 : 1;
	if ((rc = cli_analyze_options(&a, &ao)) || (rc = cli_filter_options(&a, &fo)))
		goto out;
	fo.since = fo.until = NULL; /* the extraction keeps the documents of the window: the same cut */
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
	if ((rc = cli_check_output_dir(dir, &made)) || (rc = cli_extract(&a, &g)))
		goto out;
	if (cli_extract_empty()) { /* nothing to draw or measure: an error, with the counts */
		rc = cli_fail("build: %s", cli_extract_empty());
		goto out;
	}
	if ((rc = cli_filter(&a, &fo, g)))
		goto out;
	if (ag_analyze(g, &ao) < 0) {
		rc = cli_lib_fail();
		goto out;
	}
	cli_summary_graph(g);
	cli_summary_note("-> %s (%u file%s)", dir, n_files, n_files == 1 ? "" : "s");
	/* all the files or none: written apart, moved into DIR at the end */
	if ((rc = cli_stage_begin(dir, stage, sizeof(stage))))
		goto out;
	for (size_t k = 0; k < COUNT(build_outputs); k++) {
		if (!(formats & (1u << k)))
			continue;
		/* thousands of nodes make no readable drawing (and take Graphviz
		 * minutes): an image draws the most central ones (the library's
		 * cut, ro.max_nodes, unless --all), its title says so, and so do we */
		if (build_outputs[k].image)
			cli_say_cap(g, &ro, build_outputs[k].file);
		if ((rc = write_into(dir, stage, build_outputs[k].file, g, build_outputs[k].format, &ro)) ||
		    (build_outputs[k].file2 &&
		     (rc = write_into(dir, stage, build_outputs[k].file2, g, build_outputs[k].format2, &ro))))
			goto out;
	}
	if ((rc = cli_stage_commit(stage, dir)))
		goto out;
out:
	cli_stage_abort(stage);
	if (rc && made)
		rmdir(dir); /* the folder this run made, empty: a failed build leaves nothing */
	ag_graph_free(g);
	cli_args_free(&a);
	return rc;
}

int cmd_merge(int argc, char **argv)
{
	static const cli_opt spec[] = {{"out", 'o', true, false}, {"help", 'h', false, false},
	                               {"quiet", 'q', false, false}, {"partial", 0, false, false}};
	cli_args a;
	ag_merge_options mo = AG_MERGE_OPTIONS_INIT;
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
	mo.warn = cli_warn;
	if ((rc = cli_check_output(cli_get(&a, "out"))))
		goto out;
	if (ag_graph_new(&all) < 0) {
		rc = cli_lib_fail();
		goto out;
	}
	for (size_t i = 0; i < a.n_args; i++) {
		if ((rc = cli_read_graph(a.args[i], &g)))
			goto out;
		if (ag_graph_merge_with(all, g, &mo) < 0) {
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
	cli_summary_graph(all);
	rc = cli_write_json(all, cli_get(&a, "out"));
out:
	ag_graph_free(g);
	ag_graph_free(all);
	cli_args_free(&a);
	return rc;
}
