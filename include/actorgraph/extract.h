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

/** How far ag_extractor_run has come (given to its progress callback). */
typedef struct {
	size_t documents;     /**< documents extracted and merged so far */
	size_t bytes;         /**< their text, in bytes */
	uint64_t input_done;  /**< ag_reader_position(): input read so far, bytes on disk */
	uint64_t input_total; /**< all input, bytes on disk; 0 = unknown (stdin) */
} ag_extract_progress;

typedef struct {
	unsigned version;
	unsigned threads; /**< extraction threads; 0 = one per online processor, 1 = none besides the caller */
	/** Called on the calling thread after each document is merged; may be NULL. */
	void (*progress)(const ag_extract_progress *p, void *ctx);
	void *progress_ctx;
} ag_run_options;

#define AG_RUN_OPTIONS_VERSION 1
#define AG_RUN_OPTIONS_INIT {AG_RUN_OPTIONS_VERSION, 0, NULL, NULL}

/**
 * Read every document from `r`, extract them on `threads` threads, and merge
 * them into the corpus in the order the reader gives them: the corpus is the
 * same, byte for byte, whatever the number of threads.  At most a few
 * documents per thread (and 64 MB of text) are held at once, so memory grows
 * with the graph, not with the input.  On an error (the reader's, or a
 * document's, its path in the message) the documents merged before it stay
 * in the corpus.  AG_ENOMEM, AG_EIO, AG_ELIMIT.
 */
AG_EXTERN int ag_extractor_run(ag_extractor *ex, ag_reader *r, const ag_run_options *opts);

/**
 * Resolve identities across documents (one node per person and meeting),
 * sort, and hand the corpus graph to the caller (*out, ag_graph_free).  The
 * extractor is empty afterwards and may be reused.  AG_ENOMEM.
 */
AG_EXTERN int ag_extractor_finish(ag_extractor *ex, ag_graph **out);

/**
 * Hand over the corpus graph as ag_extractor_finish does, but with identities
 * not resolved yet, marked partial (graph attribute "partial": true): the map
 * step of a sharded run.  Partial graphs merge exactly (ag_graph_merge): the
 * merged graph, once resolved, is byte for byte the graph of one run over all
 * the shards, whatever the grouping and order of the merges.  AG_ENOMEM.
 */
AG_EXTERN int ag_extractor_finish_partial(ag_extractor *ex, ag_graph **out);

/**
 * Merge graph `from` into `into` (nodes by id, link counts and evidence added
 * up, documents by id), counting each document once: a document both hold
 * (the same id and content hash: "hash" in graph.documents) is merged once,
 * with a warning (ag_graph_merge_with); when `from` holds only documents
 * `into` has, it adds nothing, and when it holds all of them and more, it
 * stands for `into`.  AG_EINVAL (naming both files, for graphs read from
 * JSON) when one document id has two different texts, or when the graphs
 * share documents and each has others: counts summed over documents cannot
 * be told apart.  When both are partial (an empty `into` counts as
 * partial) the result stays partial and unresolved, so that partial shards
 * merge exactly in any grouping and order: resolve at the end
 * (ag_graph_resolve).  Otherwise identities are resolved again after the
 * merge, which is close to one run over everything but not always the same:
 * resolution picks the one candidate a short name or an undated meeting may
 * stand for, and the other graph may bring a second one.  `from` is not
 * changed (strings are copied).  AG_EINVAL when both are the same graph;
 * AG_ENOMEM.
 */
AG_EXTERN int ag_graph_merge(ag_graph *into, const ag_graph *from);

/** Options of ag_graph_merge_with. */
typedef struct {
	unsigned version;
	ag_warn_fn warn; /**< documents already merged, counted once; may be NULL */
	void *warn_ctx;
} ag_merge_options;

#define AG_MERGE_OPTIONS_VERSION 1
#define AG_MERGE_OPTIONS_INIT {AG_MERGE_OPTIONS_VERSION, NULL, NULL}

/** ag_graph_merge, with warnings (opts NULL = none). */
AG_EXTERN int ag_graph_merge_with(ag_graph *into, const ag_graph *from, const ag_merge_options *opts);

/** Resolve identities inside one graph: what ag_extractor_finish does; the graph is no longer partial.  Renumbers; AG_ENOMEM. */
AG_EXTERN int ag_graph_resolve(ag_graph *g);

#ifdef __cplusplus
}
#endif
#endif
