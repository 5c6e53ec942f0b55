/*
 * example.c - libactorgraph from another program: read a folder of news
 * texts, build and analyse the actor graph, print the five most central
 * actors (by PageRank) and write the diagram as SVG.
 *
 *   cc -std=c11 example.c $(pkg-config --cflags --libs actorgraph) -o example
 *   ./example graphs/peace-talks/texts peace.svg
 *
 * Output: one line per actor, "pagerank<TAB>id<TAB>label", most central
 * first.  Exit status 0 on success, 1 on failure (message on stderr), 2 on a
 * usage error.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph.h>

#define TOP 5

typedef struct {
	double pagerank;
	const char *id;    /* borrowed from the graph */
	const char *label;
} actor;

/* Highest PageRank first; ties (and NaN, sorted last) by id, so the order is
 * the same on every run. */
static int by_pagerank(const void *pa, const void *pb)
{
	const actor *a = pa, *b = pb;
	int a_nan = isnan(a->pagerank) != 0, b_nan = isnan(b->pagerank) != 0;

	if (a_nan != b_nan)
		return a_nan - b_nan;
	if (!a_nan && a->pagerank != b->pagerank)
		return a->pagerank > b->pagerank ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* The reader's warnings: a skipped file, repaired bytes. */
static void warn(void *ctx, const char *message)
{
	(void)ctx;
	fprintf(stderr, "example: warning: %s\n", message);
}

int main(int argc, char **argv)
{
	ag_ingest_options io = AG_INGEST_OPTIONS_INIT;
	ag_analyze_options ao = AG_ANALYZE_OPTIONS_INIT;
	ag_render_options ro = AG_RENDER_OPTIONS_INIT;
	ag_reader *reader = NULL;
	ag_extractor *ex = NULL;
	ag_document *doc = NULL;
	ag_graph *g = NULL;
	actor *actors = NULL;
	char *svg = NULL;
	size_t n, len = 0;
	const char *inputs[1];
	int rc = 1, more;

	if (argc != 3) {
		fprintf(stderr, "usage: %s TEXTS_FOLDER OUT.svg\n", argc ? argv[0] : "example");
		return 2;
	}
	inputs[0] = argv[1];
	io.warn = warn;

	/* texts -> documents -> one graph per document, merged into the corpus */
	if (ag_extractor_new(NULL, &ex) < 0 || ag_reader_open(inputs, 1, &io, &reader) < 0)
		goto fail;
	while ((more = ag_reader_next(reader, &doc)) > 0) {
		int added = ag_extractor_add(ex, doc);
		ag_document_free(doc);
		doc = NULL;
		if (added < 0)
			goto fail;
	}
	if (more < 0 || ag_extractor_finish(ex, &g) < 0 || ag_analyze(g, &ao) < 0)
		goto fail;

	/* Rank the actors.  Their ids and labels are borrowed from the graph,
	 * valid until it changes: print them before rendering, which sorts it. */
	n = ag_graph_node_count(g);
	if (!(actors = malloc((n ? n : 1) * sizeof(*actors)))) {
		fputs("example: out of memory\n", stderr);
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		actors[i].pagerank = ag_graph_node_metric(g, i, "pagerank");
		actors[i].id = ag_graph_node_id(g, i);
		actors[i].label = ag_graph_node_label(g, i);
	}
	qsort(actors, n, sizeof(*actors), by_pagerank);
	for (size_t i = 0; i < n && i < TOP; i++)
		printf("%.6f\t%s\t%s\n", actors[i].pagerank, actors[i].id, actors[i].label);
	if (fflush(stdout) != 0) {
		perror("example: stdout");
		goto done;
	}

	/* the diagram, written through a temporary file and a rename */
	ro.title = "Who deals with whom";
	if (ag_graph_render(g, &ro, "svg", &svg, &len) < 0 || ag_file_write_atomic(argv[2], svg, len) < 0)
		goto fail;
	rc = 0;
	goto done;

fail:
	fprintf(stderr, "example: %s\n", ag_error_last());
done:
	free(svg);
	free(actors);
	ag_graph_free(g);
	ag_document_free(doc);
	ag_reader_free(reader);
	ag_extractor_free(ex);
	return rc;
}
