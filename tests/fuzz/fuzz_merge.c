/*
 * fuzz_merge.c - merging shards, as `actorgraph merge A B` does: two
 * node-link JSON graphs (the input split at its first form feed: A \f B;
 * JSON has no raw form feed) loaded with ag_graph_from_json, merged in
 * order into an empty graph with ag_graph_merge, resolved when the result
 * is partial, and written as JSON.
 *
 * Invariants: a graph that loads merges into an empty one; a refused merge
 * says why; the merged graph holds no more documents than its inputs
 * together, stays partial only when both were, and writes JSON that loads
 * back with the same nodes and links.
 *
 * No fixed state.  Work per input is bounded: at most FUZZ_MAX_INPUT bytes.
 */
#include <string.h>

#include <actorgraph.h>

#include "fuzz.h"

#define FUZZ_MAX_INPUT 16384

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *ff;
	ag_graph *a = NULL, *b = NULL, *all = NULL, *back = NULL;
	char *json = NULL;
	size_t alen, len = 0;

	if (size > FUZZ_MAX_INPUT || !(ff = memchr(text, '\f', size)))
		return 0;
	alen = (size_t)(ff - text);
	if (ag_graph_from_json(text, alen, "a.json", &a) < 0)
		return 0;
	if (ag_graph_from_json(ff + 1, size - alen - 1, "b.json", &b) < 0) {
		ag_graph_free(a);
		return 0;
	}
	FUZZ_CHECK(ag_graph_new(&all) == 0);
	FUZZ_CHECK(ag_graph_merge(all, a) == 0);
	if (ag_graph_merge(all, b) < 0) {
		FUZZ_CHECK(*ag_error_last());
	} else {
		FUZZ_CHECK(ag_graph_document_count(all) <= ag_graph_document_count(a) + ag_graph_document_count(b));
		if (ag_graph_is_partial(all)) {
			FUZZ_CHECK(ag_graph_is_partial(a) && ag_graph_is_partial(b));
			FUZZ_CHECK(ag_graph_resolve(all) == 0 && !ag_graph_is_partial(all));
		}
		FUZZ_CHECK(ag_graph_to_json(all, &json, &len) == 0 && json && strlen(json) == len);
		FUZZ_CHECK(ag_graph_from_json(json, len, "merged.json", &back) == 0);
		FUZZ_CHECK(ag_graph_node_count(back) == ag_graph_node_count(all));
		FUZZ_CHECK(ag_graph_link_count(back) == ag_graph_link_count(all));
		ag_graph_free(back);
		free(json);
	}
	ag_graph_free(all);
	ag_graph_free(b);
	ag_graph_free(a);
	return 0;
}
