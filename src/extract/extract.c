/*
 * extract.c - the driver: the extraction pipeline for one document
 * (pipeline.h), and the corpus extractor that merges the documents' graphs
 * and resolves identities when it is finished.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "extract/extract.h"
#include "extract/pipeline.h"
#include "graph/graph_int.h"
#include "graph/union.h"
#include "text/dates.h"


struct ag_extractor {
	const ag_gazetteer *gz;
	ag_date since, until;
	bool has_since, has_until;
	char since_iso[11], until_iso[11];
	ag_graph *corpus;
};

static int parse_bound(const char *s, const char *what, ag_date *out, bool *has)
{
	*has = false;
	if (!s)
		return 0;
	if (!ag__date_parse_iso(s, strlen(s), out) || !ag__date_valid(out))
		return ag__error(AG_EINVAL, "%s: '%s' is not a date (use YYYY-MM-DD)", what, s);
	*has = true;
	return 0;
}

int ag_extractor_new(const ag_extract_options *opts, ag_extractor **out)
{
	ag_extract_options defaults = AG_EXTRACT_OPTIONS_INIT;
	ag_extractor *ex;
	int rc;

	AG_CHECK_ARGS(out);
	AG_CHECK_OPTIONS(opts, AG_EXTRACT_OPTIONS_VERSION, "AG_EXTRACT_OPTIONS_INIT");
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (!(ex = calloc(1, sizeof(*ex))))
		return ag__enomem();
	if ((rc = parse_bound(opts->since, "since", &ex->since, &ex->has_since)) < 0 ||
	    (rc = parse_bound(opts->until, "until", &ex->until, &ex->has_until)) < 0 ||
	    (rc = opts->gazetteer ? 0 : ag__gazetteer_default(&ex->gz)) < 0 ||
	    (rc = ag_graph_new(&ex->corpus)) < 0) {
		ag_extractor_free(ex);
		return rc;
	}
	if (opts->gazetteer)
		ex->gz = opts->gazetteer;
	ag__date_format(&ex->since, ex->since_iso);
	ag__date_format(&ex->until, ex->until_iso);
	*out = ex;
	return 0;
}

void ag_extractor_free(ag_extractor *ex)
{
	if (!ex)
		return;
	ag_graph_free(ex->corpus);
	free(ex);
}

/* The document's date: given with the input, else read from its text. */
static void document_date(const ag_document *doc, char out[11])
{
	ag_date d;
	size_t where;
	out[0] = '\0';
	if (doc->date && ag__date_parse_iso(doc->date, strlen(doc->date), &d) && ag__date_valid(&d)) {
		ag__date_format(&d, out);
		return;
	}
	if (ag__date_find_document_date(doc->text, doc->len, &d, &where))
		ag__date_format(&d, out);
}

/* The document's content hash (graph_int.h): FNV-1a 64 of its text, so that
 * a merge tells the same document seen twice from two documents with one id. */
static void document_hash(const ag_document *doc, char out[AG_DOC_HASH_LEN + 1])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < doc->len; i++) {
		h ^= (unsigned char)doc->text[i];
		h *= 0x100000001b3ULL;
	}
	snprintf(out, AG_DOC_HASH_LEN + 1, "%016" PRIx64, h);
}

static bool outside_window(const ag_extractor *ex, const char *date)
{
	ag_date d;
	if (!*date || !ag__date_parse_iso(date, strlen(date), &d))
		return false; /* undated documents are kept */
	return (ex->has_since && ag__date_cmp(&d, &ex->since) < 0) ||
	       (ex->has_until && ag__date_cmp(&d, &ex->until) > 0);
}

int ag_extract_document(const ag_extractor *ex, const ag_document *doc, ag_graph **out)
{
	ag_textdoc td = {0};
	int rc = ag__extract_document_td(ex, doc, &td, out);
	ag__textdoc_free(&td);
	return rc;
}

int ag__extract_document_td(const ag_extractor *ex, const ag_document *doc, ag_textdoc *td, ag_graph **out)
{
	ag_graph *g = NULL;
	size_t di;
	int rc;

	*out = NULL;
	td->gz = ex->gz;
	td->since = ex->has_since ? ex->since_iso : NULL;
	td->until = ex->has_until ? ex->until_iso : NULL;
	document_date(doc, td->date);
	if ((rc = ag_graph_new(&g)) < 0)
		return rc;
	if (outside_window(ex, td->date)) {
		*out = g; /* empty: the document falls outside the time window */
		return 0;
	}
	if ((rc = ag_graph_add_document(g, doc->id, doc->path, td->date[0] ? td->date : NULL, &di)) < 0)
		goto cleanup;
	document_hash(doc, g->docs[di].hash);
	if ((rc = ag__text_prepare(td, doc)) < 0 || (rc = ag__find_mentions(td)) < 0 ||
	    (rc = ag__find_persons(td)) < 0 || (rc = ag__find_meetings(td)) < 0 ||
	    (rc = ag__relate(td, g, di)) < 0 || (rc = ag__relate_meetings(td, g, di)) < 0)
		goto cleanup;
	if (td->date[0]) {
		for (size_t i = 0; i < g->n_nodes; i++)
			if ((rc = ag__set_str(&g->nodes[i].first_seen, td->date)) < 0 ||
			    (rc = ag__set_str(&g->nodes[i].last_seen, td->date)) < 0)
				goto cleanup;
	}
	*out = g;
	g = NULL;
cleanup:
	if (rc < 0 && doc->path && !strstr(ag_error_last(), doc->path)) {
		char why[AG_ERROR_MAX];
		snprintf(why, sizeof(why), "%s", ag_error_last());
		ag__error(rc, "%s: %s", doc->path, why);
	}
	td->doc = NULL; /* the document is the caller's: nothing of it is kept */
	ag_graph_free(g);
	return rc;
}

int ag_extractor_add_graph(ag_extractor *ex, const ag_graph *doc_graph)
{
	return ag__graph_absorb(ex->corpus, doc_graph);
}

int ag_extractor_add(ag_extractor *ex, const ag_document *doc)
{
	ag_textdoc td = {0};
	int rc = ag__extractor_add_td(ex, doc, &td);
	ag__textdoc_free(&td);
	return rc;
}

int ag__extractor_add_td(ag_extractor *ex, const ag_document *doc, ag_textdoc *td)
{
	ag_graph *g = NULL;
	int rc = ag__extract_document_td(ex, doc, td, &g);
	if (rc == 0)
		rc = ag_extractor_add_graph(ex, g);
	ag_graph_free(g);
	return rc;
}

static int hand_over(ag_extractor *ex, bool partial, ag_graph **out)
{
	ag_graph *fresh;
	int rc;
	*out = NULL;
	if (partial)
		rc = ag__graph_set_partial(ex->corpus, true);
	else
		rc = ag_graph_resolve(ex->corpus);
	if (rc < 0 || (rc = ag_graph_sort(ex->corpus)) < 0)
		return rc;
	if ((rc = ag_graph_new(&fresh)) < 0)
		return rc;
	*out = ex->corpus;
	ex->corpus = fresh;
	return 0;
}

int ag_extractor_finish(ag_extractor *ex, ag_graph **out)
{
	return hand_over(ex, false, out);
}

int ag_extractor_finish_partial(ag_extractor *ex, ag_graph **out)
{
	return hand_over(ex, true, out);
}
