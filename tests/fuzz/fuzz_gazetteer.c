/*
 * fuzz_gazetteer.c - a run-time gazetteer file: ag_gazetteer_load_buffer
 * into a fresh ag_gazetteer_new.  The same bytes are then extracted as a
 * document with that gazetteer, so the forms just loaded are matched too.
 * Invariants: a refused file says why with the file name and line; loading
 * never takes entries away; extraction with whatever loaded succeeds.
 */
#include <string.h>

#include <actorgraph.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ag_extract_options eo = AG_EXTRACT_OPTIONS_INIT;
	ag_gazetteer *gz = NULL;
	ag_extractor *ex = NULL;
	ag_document *doc = NULL;
	ag_graph *g = NULL;
	char *json = NULL;
	size_t before, len = 0;

	FUZZ_CHECK(ag_gazetteer_new(&gz) == 0);
	before = ag_gazetteer_size(gz);
	if (ag_gazetteer_load_buffer(gz, (const char *)data, size, "fuzz.tsv") < 0)
		FUZZ_CHECK(strncmp(ag_error_last(), "fuzz.tsv:", 9) == 0);
	FUZZ_CHECK(ag_gazetteer_size(gz) >= before);
	eo.gazetteer = gz;
	FUZZ_CHECK(ag_extractor_new(&eo, &ex) == 0);
	FUZZ_CHECK(ag_document_new("gz", (const char *)data, size, &doc) == 0);
	FUZZ_CHECK(ag_extractor_add(ex, doc) == 0);
	FUZZ_CHECK(ag_extractor_finish(ex, &g) == 0);
	FUZZ_CHECK(ag_graph_to_json(g, &json, &len) == 0);
	free(json);
	ag_graph_free(g);
	ag_document_free(doc);
	ag_extractor_free(ex);
	ag_gazetteer_free(gz);
	return 0;
}
