/*
 * fuzz_gazetteer.c - user gazetteer lines: ag_gazetteer_load_buffer on top
 * of the built-in lists (as --gazetteer FILE does), then, when the input has
 * a form feed, extraction of the text after it with that gazetteer, so that
 * the forms just loaded are matched.  Input: TSV [\f TEXT].
 * Invariants: a refused file says why with the file name and line; loading
 * never takes entries away; extraction with whatever loaded succeeds.
 *
 * Fixed state: the built-in gazetteer takes tens of milliseconds to build
 * under the sanitizers, so it is built once (LLVMFuzzerInitialize) and every
 * input is loaded into it.  Loading only adds, so to keep memory and the
 * phrase chains bounded the gazetteer is built afresh after RESET_RUNS
 * inputs or once the inputs added RESET_ENTRIES forms: a few milliseconds
 * spread over thousands of inputs.  An input therefore meets the built-in
 * lists plus what the inputs since the last rebuild added (replay.c keeps
 * the same rule, in file name order).  Work per input is bounded: at most
 * FUZZ_MAX_TSV bytes of TSV and FUZZ_MAX_TEXT bytes of text.
 */
#include <string.h>

#include <actorgraph.h>

#include "fuzz.h"

#define FUZZ_MAX_TSV 4096
#define FUZZ_MAX_TEXT 256
#define FUZZ_MAX_INPUT 4353 /* FUZZ_MAX_TSV + a form feed + FUZZ_MAX_TEXT */
#define RESET_RUNS 2000
#define RESET_ENTRIES 8000

static ag_gazetteer *gz;
static size_t base_size;
static unsigned runs;

static void fresh(void)
{
	ag_gazetteer_free(gz);
	FUZZ_CHECK(ag_gazetteer_new(&gz) == 0);
	base_size = ag_gazetteer_size(gz);
	runs = 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fresh();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ag_extract_options eo = AG_EXTRACT_OPTIONS_INIT;
	const char *tsv = (const char *)data, *ff;
	size_t tsv_len = size, before, len = 0;
	ag_extractor *ex = NULL;
	ag_document *doc = NULL;
	ag_graph *g = NULL;
	char *json = NULL;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	if ((ff = memchr(tsv, '\f', size)))
		tsv_len = (size_t)(ff - tsv);
	if (tsv_len > FUZZ_MAX_TSV || (ff && size - tsv_len - 1 > FUZZ_MAX_TEXT))
		return 0;
	if (++runs > RESET_RUNS || ag_gazetteer_size(gz) > base_size + RESET_ENTRIES)
		fresh();
	before = ag_gazetteer_size(gz);
	if (ag_gazetteer_load_buffer(gz, tsv, tsv_len, "fuzz.tsv") < 0)
		FUZZ_CHECK(strncmp(ag_error_last(), "fuzz.tsv:", 9) == 0);
	FUZZ_CHECK(ag_gazetteer_size(gz) >= before);
	if (!ff)
		return 0;
	eo.gazetteer = gz;
	FUZZ_CHECK(ag_extractor_new(&eo, &ex) == 0);
	FUZZ_CHECK(ag_document_new("gz", ff + 1, size - tsv_len - 1, &doc) == 0);
	FUZZ_CHECK(ag_extractor_add(ex, doc) == 0);
	FUZZ_CHECK(ag_extractor_finish(ex, &g) == 0);
	FUZZ_CHECK(ag_graph_to_json(g, &json, &len) == 0);
	free(json);
	ag_graph_free(g);
	ag_document_free(doc);
	ag_extractor_free(ex);
	return 0;
}
