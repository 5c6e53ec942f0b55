/*
 * actorgraph/graph.h - the actor graph: typed nodes, weighted links with
 * per-relation counts and evidence, and the documents they came from.
 *
 * Ownership: an ag_graph made by ag_graph_new() (or by a loader or the
 * extractor) belongs to the caller; free it with ag_graph_free().  Strings
 * returned by accessors are borrowed from the graph and stay valid until the
 * graph is changed or freed.  Strings passed in are copied.
 *
 * Nodes and links are addressed by index (0 .. count-1).  Indices are stable
 * while nodes and links are only added; ag_graph_sort() and the merge and
 * filter functions renumber them.
 */
#ifndef ACTORGRAPH_GRAPH_H
#define ACTORGRAPH_GRAPH_H

#include <stddef.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_graph ag_graph;

/** What a node stands for. */
typedef enum {
	AG_NODE_PERSON = 0,
	AG_NODE_STATE,
	AG_NODE_ORGANIZATION,
	AG_NODE_MEETING,
	AG_NODE_OTHER, /**< any other type read from a foreign graph */
	AG_NODE_TYPE_COUNT
} ag_node_type;

/** The relations a link counts.  A link's weight is the sum of its counts. */
typedef enum {
	AG_REL_CO_MENTION = 0, /**< named in the same sentence */
	AG_REL_AFFILIATION,    /**< person acts for a state or organization */
	AG_REL_PARTY,          /**< state/organization takes part in a meeting */
	AG_REL_MEDIATOR,       /**< mediates a meeting */
	AG_REL_HOST,           /**< state where a meeting takes place */
	AG_REL_PARTICIPANT,    /**< person present at a meeting */
	AG_REL_OTHER,          /**< a relation read from a foreign graph */
	AG_REL_COUNT
} ag_relation;

/** Where a link was seen: a document (index into the graph's documents) and a byte span. */
typedef struct {
	size_t doc;
	size_t start; /**< first byte, offset into the original document text */
	size_t end;   /**< one past the last byte */
} ag_evidence;

/** Make an empty graph.  *out belongs to the caller. */
AG_EXTERN int ag_graph_new(ag_graph **out);

/** Free a graph and everything in it; NULL is accepted. */
AG_EXTERN void ag_graph_free(ag_graph *g);

AG_EXTERN size_t ag_graph_node_count(const ag_graph *g);
AG_EXTERN size_t ag_graph_link_count(const ag_graph *g);
AG_EXTERN size_t ag_graph_document_count(const ag_graph *g);

/**
 * Add a document record (id, path and ISO date may be NULL except id).  When a
 * document with the same id exists, its index is returned and missing fields
 * are filled in.
 */
AG_EXTERN int ag_graph_add_document(ag_graph *g, const char *id, const char *path,
                                    const char *date, size_t *out_index);
AG_EXTERN const char *ag_graph_document_id(const ag_graph *g, size_t doc);
AG_EXTERN const char *ag_graph_document_date(const ag_graph *g, size_t doc);
AG_EXTERN const char *ag_graph_document_path(const ag_graph *g, size_t doc);

/**
 * Add a node, or find the existing node with this id (its type and label are
 * then left as they are).  *out_index, when not NULL, receives its index.
 */
AG_EXTERN int ag_graph_add_node(ag_graph *g, const char *id, ag_node_type type,
                                const char *label, size_t *out_index);

/** Find a node by id: 0 and *out_index, or AG_ENOTFOUND. */
AG_EXTERN int ag_graph_find_node(const ag_graph *g, const char *id, size_t *out_index);

AG_EXTERN const char *ag_graph_node_id(const ag_graph *g, size_t node);
AG_EXTERN const char *ag_graph_node_label(const ag_graph *g, size_t node);
AG_EXTERN ag_node_type ag_graph_node_type(const ag_graph *g, size_t node);

/**
 * Set a string attribute of a node: "label", "affiliation" (a node id),
 * "role", "place", "country" (a node id), "start", "end", "status",
 * "first_seen", "last_seen".  NULL clears it.  AG_EINVAL for another key.
 */
AG_EXTERN int ag_graph_node_set(ag_graph *g, size_t node, const char *key, const char *value);

/** Read a string attribute (see ag_graph_node_set); NULL when unset. */
AG_EXTERN const char *ag_graph_node_get(const ag_graph *g, size_t node, const char *key);

/** Add an alias (a name the node is known by); duplicates are ignored. */
AG_EXTERN int ag_graph_node_add_alias(ag_graph *g, size_t node, const char *alias);
AG_EXTERN size_t ag_graph_node_alias_count(const ag_graph *g, size_t node);
AG_EXTERN const char *ag_graph_node_alias(const ag_graph *g, size_t node, size_t i);

/** A metric computed by ag_analyze() ("pagerank", "degree", ...); NaN when absent. */
AG_EXTERN double ag_graph_node_metric(const ag_graph *g, size_t node, const char *metric);

/** The community of a node after ag_analyze(), or -1. */
AG_EXTERN int ag_graph_node_community(const ag_graph *g, size_t node);

/**
 * Add `count` occurrences of relation `rel` between nodes a and b (undirected;
 * a != b), creating the link when needed, and record the evidence (may be
 * NULL).  The link weight grows by `count`.
 */
AG_EXTERN int ag_graph_add_link(ag_graph *g, size_t a, size_t b, ag_relation rel,
                                unsigned count, const ag_evidence *evidence);

/** Find the link between a and b: 0 and *out_index, or AG_ENOTFOUND. */
AG_EXTERN int ag_graph_find_link(const ag_graph *g, size_t a, size_t b, size_t *out_index);

AG_EXTERN void ag_graph_link_ends(const ag_graph *g, size_t link, size_t *a, size_t *b);
AG_EXTERN double ag_graph_link_weight(const ag_graph *g, size_t link);
AG_EXTERN unsigned ag_graph_link_relation(const ag_graph *g, size_t link, ag_relation rel);
AG_EXTERN size_t ag_graph_link_evidence_count(const ag_graph *g, size_t link);
AG_EXTERN const ag_evidence *ag_graph_link_evidence(const ag_graph *g, size_t link, size_t i);

/**
 * Put nodes in id order, links in (source id, target id) order and evidence
 * in (document id, start) order, so that output is the same whatever order
 * things were added in.  Every writer calls this.
 */
AG_EXTERN int ag_graph_sort(ag_graph *g);

/** "person", "state", "organization", "meeting", "other". */
AG_EXTERN const char *ag_node_type_name(ag_node_type type);
/** Parse a type name; AG_EINVAL when unknown. */
AG_EXTERN int ag_node_type_parse(const char *name, ag_node_type *out);
/** "co_mention", "affiliation", "party", "mediator", "host", "participant", "other". */
AG_EXTERN const char *ag_relation_name(ag_relation rel);
AG_EXTERN int ag_relation_parse(const char *name, ag_relation *out);

#ifdef __cplusplus
}
#endif
#endif
