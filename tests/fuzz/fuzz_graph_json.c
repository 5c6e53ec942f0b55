/*
 * fuzz_graph_json.c - loading node-link JSON (ours, networkx, D3), then
 * writing it as JSON and DOT.  Invariants: a graph that loads writes; what
 * we write loads back and writes the same bytes again (a fixed point after
 * one round).
 */
#include <string.h>

#include <actorgraph.h>

#include "fuzz.h"

/* Work per input is bounded: larger inputs (a node-link file of a few hundred nodes) are skipped. */
#define FUZZ_MAX_INPUT 16384

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ag_graph *g = NULL, *back = NULL;
	char *json = NULL, *json2 = NULL, *dot = NULL;
	size_t len = 0, len2 = 0, dlen = 0;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	if (ag_graph_from_json((const char *)data, size, "fuzz.json", &g) < 0) {
		FUZZ_CHECK(g == NULL && *ag_error_last());
		return 0;
	}
	FUZZ_CHECK(ag_graph_to_json(g, &json, &len) == 0 && strlen(json) == len);
	FUZZ_CHECK(ag_graph_to_dot(g, NULL, &dot, &dlen) == 0 && dot && dlen > 0);
	FUZZ_CHECK(ag_graph_from_json(json, len, "written.json", &back) == 0);
	FUZZ_CHECK(ag_graph_node_count(back) == ag_graph_node_count(g));
	FUZZ_CHECK(ag_graph_link_count(back) == ag_graph_link_count(g));
	FUZZ_CHECK(ag_graph_to_json(back, &json2, &len2) == 0);
	FUZZ_CHECK(len2 == len && memcmp(json, json2, len) == 0);
	free(json);
	free(json2);
	free(dot);
	ag_graph_free(back);
	ag_graph_free(g);
	return 0;
}
