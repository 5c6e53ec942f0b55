/*
 * actorgraph/extract.h - from documents to an actor graph.
 *
 * Each document is read on its own (ag_extract_document, safe to call from
 * several threads with one shared extractor); the per-document graphs are
 * then merged into one corpus graph, where the same person or meeting seen in
 * several documents becomes one node (ag_extractor_add + ag_extractor_finish).
 */
#ifndef ACTORGRAPH_EXTRACT_H
#define ACTORGRAPH_EXTRACT_H

#include "common.h"
#include "graph.h"
#include "ingest.h"
#include "gazetteer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	unsigned version;
	const ag_gazetteer *gazetteer; /**< borrowed; NULL = the built-in lists */
	const char *since;             /**< ISO date: drop documents and meetings before it, or NULL */
	const char *until;             /**< ISO date: drop documents and meetings after it, or NULL */
} ag_extract_options;

#define AG_EXTRACT_OPTIONS_VERSION 1
#define AG_EXTRACT_OPTIONS_INIT {AG_EXTRACT_OPTIONS_VERSION, NULL, NULL, NULL}

typedef struct ag_extractor ag_extractor;

/**
 * Make an extractor.  Options are copied (opts NULL = the defaults); the
 * gazetteer is borrowed and must outlive the extractor.  *out belongs to the
 * caller (ag_extractor_free).  AG_EINVAL when since or until is not a
 * YYYY-MM-DD date; AG_ENOMEM.
 */
AG_EXTERN int ag_extractor_new(const ag_extract_options *opts, ag_extractor **out);
/** Free an extractor and the corpus graph it holds; NULL is accepted. */
AG_EXTERN void ag_extractor_free(ag_extractor *ex);

/**
 * Extract one document into a graph of its own (*out, owned by the caller;
 * empty when the document is dated outside since/until).  Does not change
 * the extractor: may run on several threads at once.  AG_ENOMEM, or another
 * code with the document's path in the message.
 */
AG_EXTERN int ag_extract_document(const ag_extractor *ex, const ag_document *doc, ag_graph **out);

/** Merge a per-document graph (from ag_extract_document; not changed) into the corpus.  AG_ENOMEM. */
AG_EXTERN int ag_extractor_add_graph(ag_extractor *ex, const ag_graph *doc_graph);

/** Extract a document and merge it into the corpus (both calls above; their errors). */
AG_EXTERN int ag_extractor_add(ag_extractor *ex, const ag_document *doc);

/**
 * Resolve identities across documents (one node per person and meeting),
 * sort, and hand the corpus graph to the caller (*out, ag_graph_free).  The
 * extractor is empty afterwards and may be reused.  AG_ENOMEM.
 */
AG_EXTERN int ag_extractor_finish(ag_extractor *ex, ag_graph **out);

/**
 * Merge graph `from` into `into` (nodes by id, link counts and evidence added
 * up, documents by id), then resolve identities.  Merging the graphs of
 * shards gives the graph of one run over all of them.  `from` is not changed
 * (strings are copied).  AG_EINVAL when both are the same graph; AG_ENOMEM.
 */
AG_EXTERN int ag_graph_merge(ag_graph *into, const ag_graph *from);

/** Resolve identities inside one graph: what ag_extractor_finish does.  Renumbers; AG_ENOMEM. */
AG_EXTERN int ag_graph_resolve(ag_graph *g);

#ifdef __cplusplus
}
#endif
#endif
