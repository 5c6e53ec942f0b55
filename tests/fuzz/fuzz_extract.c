/*
 * fuzz_extract.c - text ingest and extraction on arbitrary bytes.
 *
 * The input is split at form feeds into up to 8 documents (so that the
 * corpus merge sees several), each made with ag_document_new (UTF-8 repair),
 * extracted and merged; the graph is written as JSON.  Invariants: every
 * call succeeds (the text is repaired, never refused), and the JSON loads
 * back with the same nodes and links.
 *
 * Fixed state, made once (LLVMFuzzerInitialize): the extractor, which also
 * builds the built-in gazetteer; ag_extractor_finish leaves it empty for the
 * next input.  Work per input is bounded: inputs over FUZZ_MAX_INPUT bytes
 * (a short news story) are skipped (scripts/fuzz also passes -max_len).
 */
#include <string.h>

#include <actorgraph.h>

#include "fuzz.h"

#define FUZZ_MAX_INPUT 4096

static ag_extractor *ex;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	FUZZ_CHECK(ag_extractor_new(NULL, &ex) == 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	ag_graph *g = NULL, *back = NULL;
	char *json = NULL;
	size_t len = 0, pos = 0;
	int ndoc = 0;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	while (pos <= size && ndoc < 8) {
		const char *ff = size - pos ? memchr(text + pos, '\f', size - pos) : NULL;
		size_t end = ff && ndoc < 7 ? (size_t)(ff - text) : size;
		char id[16];
		ag_document *doc = NULL;

		snprintf(id, sizeof(id), "d%d", ndoc++);
		FUZZ_CHECK(ag_document_new(id, text + pos, end - pos, &doc) == 0);
		FUZZ_CHECK(doc->len == end - pos && strlen(doc->text) == doc->len);
		FUZZ_CHECK(ag_extractor_add(ex, doc) == 0);
		ag_document_free(doc);
		pos = end + 1;
	}
	FUZZ_CHECK(ag_extractor_finish(ex, &g) == 0);
	FUZZ_CHECK(ag_graph_to_json(g, &json, &len) == 0 && json && strlen(json) == len);
	FUZZ_CHECK(ag_graph_from_json(json, len, "extracted", &back) == 0);
	FUZZ_CHECK(ag_graph_node_count(back) == ag_graph_node_count(g));
	FUZZ_CHECK(ag_graph_link_count(back) == ag_graph_link_count(g));
	ag_graph_free(back);
	free(json);
	ag_graph_free(g);
	return 0;
}
