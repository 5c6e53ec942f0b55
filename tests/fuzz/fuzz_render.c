/*
 * fuzz_render.c - a loaded graph written in every format: JSON, DOT, the
 * two CSV tables, and SVG through Graphviz's layout (slow: only for graphs
 * of at most 30 nodes and 100 links).  The render options come from the
 * input's length, so the inputs stay plain JSON.  Invariants: every writer
 * succeeds on a graph that loaded, and the DOT and SVG carry no raw markup
 * from the labels.
 */
#include <string.h>

#include <actorgraph.h>

#include "fuzz.h"

/* Work per input is bounded: larger inputs (a graph of a few hundred nodes) are skipped. */
#define FUZZ_MAX_INPUT 16384

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const size_by[] = {"pagerank", "betweenness", "strength", "degree"};
	ag_render_options ro = AG_RENDER_OPTIONS_INIT;
	ag_graph *g = NULL;
	char *out = NULL;
	size_t len = 0;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	if (ag_graph_from_json((const char *)data, size, "fuzz.json", &g) < 0)
		return 0;
	ro.size_by = size_by[size % 4];
	ro.legend = (size / 4) % 2 == 0;
	ro.title = (size / 8) % 2 ? "<b>\"t\" & 'x'</b>\\N" : NULL;

	FUZZ_CHECK(ag_graph_to_json(g, &out, &len) == 0 && strlen(out) == len);
	free(out);
	FUZZ_CHECK(ag_graph_to_dot(g, &ro, &out, &len) == 0 && len > 0);
	free(out);
	FUZZ_CHECK(ag_graph_to_csv_nodes(g, &out, &len) == 0 && len > 0);
	free(out);
	FUZZ_CHECK(ag_graph_to_csv_links(g, &out, &len) == 0 && len > 0);
	free(out);
	if (ag_graph_node_count(g) <= 30 && ag_graph_link_count(g) <= 100) {
		FUZZ_CHECK(ag_graph_render(g, &ro, "svg", &out, &len) == 0 && len > 0);
		FUZZ_CHECK(!strstr(out, "<script") && !strstr(out, "<b>"));
		free(out);
	}
	ag_graph_free(g);
	return 0;
}
