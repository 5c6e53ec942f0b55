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
	AG_REL_SHARED_MEETING, /**< in a one-mode projection: both at one meeting */
	AG_REL_OTHER,          /**< a relation read from a foreign graph */
	AG_REL_COUNT
} ag_relation;

/** Where a link was seen: a document (index into the graph's documents) and a byte span. */
typedef struct {
	size_t doc;
	size_t start; /**< first byte, offset into the original document text */
	size_t end;   /**< one past the last byte */
} ag_evidence;

/** Make an empty graph.  *out belongs to the caller (ag_graph_free).  AG_ENOMEM. */
AG_EXTERN int ag_graph_new(ag_graph **out);

/** Free a graph and everything in it; NULL is accepted. */
AG_EXTERN void ag_graph_free(ag_graph *g);

/** Number of nodes: valid node indices are 0 .. count-1. */
AG_EXTERN size_t ag_graph_node_count(const ag_graph *g);
/** Number of links: valid link indices are 0 .. count-1. */
AG_EXTERN size_t ag_graph_link_count(const ag_graph *g);
/** Number of document records: valid document indices are 0 .. count-1. */
AG_EXTERN size_t ag_graph_document_count(const ag_graph *g);

/**
 * Add a document record (id, path and ISO date may be NULL except id).  When a
 * document with the same id exists, its index is returned and missing fields
 * are filled in.  Strings are copied; *out_index may be NULL.  AG_EINVAL for a
 * NULL or empty id, AG_ENOMEM.
 */
AG_EXTERN int ag_graph_add_document(ag_graph *g, const char *id, const char *path,
                                    const char *date, size_t *out_index);
/** The id of document `doc` (< ag_graph_document_count, not checked); borrowed. */
AG_EXTERN const char *ag_graph_document_id(const ag_graph *g, size_t doc);
/** Its ISO date (YYYY-MM-DD), or NULL when undated; borrowed. */
AG_EXTERN const char *ag_graph_document_date(const ag_graph *g, size_t doc);
/** Where it was read from, or NULL; borrowed. */
AG_EXTERN const char *ag_graph_document_path(const ag_graph *g, size_t doc);

/**
 * Add a node, or find the existing node with this id (its type and label are
 * then left as they are).  *out_index, when not NULL, receives its index.
 * Strings are copied; a NULL label means the id.  AG_EINVAL for a NULL or
 * empty id, AG_ENOMEM.
 */
AG_EXTERN int ag_graph_add_node(ag_graph *g, const char *id, ag_node_type type,
                                const char *label, size_t *out_index);

/** Find a node by id: 0 and *out_index, or AG_ENOTFOUND (no error message is set). */
AG_EXTERN int ag_graph_find_node(const ag_graph *g, const char *id, size_t *out_index);

/** The id of node `node` (< ag_graph_node_count, not checked); borrowed. */
AG_EXTERN const char *ag_graph_node_id(const ag_graph *g, size_t node);
/** Its display name; borrowed, never NULL. */
AG_EXTERN const char *ag_graph_node_label(const ag_graph *g, size_t node);
/** Its type (AG_NODE_OTHER for a type read from a foreign graph). */
AG_EXTERN ag_node_type ag_graph_node_type(const ag_graph *g, size_t node);

/**
 * Set a string attribute of a node: "label", "affiliation" (a node id),
 * "role", "place", "country" (a node id), "start", "end", "status",
 * "first_seen", "last_seen".  The value is copied; NULL clears it.
 * AG_EINVAL for another key or for clearing the label, AG_ENOMEM.
 */
AG_EXTERN int ag_graph_node_set(ag_graph *g, size_t node, const char *key, const char *value);

/** Read a string attribute (see ag_graph_node_set); borrowed, NULL when unset or unknown. */
AG_EXTERN const char *ag_graph_node_get(const ag_graph *g, size_t node, const char *key);

/**
 * Add an alias (a name the node is known by; copied).  Duplicates, NULL and
 * "" are ignored.  AG_ENOMEM.
 */
AG_EXTERN int ag_graph_node_add_alias(ag_graph *g, size_t node, const char *alias);
/** Number of aliases of a node. */
AG_EXTERN size_t ag_graph_node_alias_count(const ag_graph *g, size_t node);
/** Alias i (< ag_graph_node_alias_count, not checked); borrowed. */
AG_EXTERN const char *ag_graph_node_alias(const ag_graph *g, size_t node, size_t i);

/** A metric computed by ag_analyze() ("pagerank", "degree", ...); NaN when absent. */
AG_EXTERN double ag_graph_node_metric(const ag_graph *g, size_t node, const char *metric);

/** The community of a node after ag_analyze(), or -1. */
AG_EXTERN int ag_graph_node_community(const ag_graph *g, size_t node);

/**
 * Add `count` occurrences of relation `rel` between nodes a and b (undirected;
 * a != b), creating the link when needed, and record the evidence (copied;
 * may be NULL).  The link weight grows by `count`.  AG_EINVAL for an index
 * out of range, a == b or an unknown relation; AG_ELIMIT past 2^32 nodes;
 * AG_ENOMEM.
 */
AG_EXTERN int ag_graph_add_link(ag_graph *g, size_t a, size_t b, ag_relation rel,
                                unsigned count, const ag_evidence *evidence);

/** Find the link between a and b (either order): 0 and *out_index, or AG_ENOTFOUND (no message). */
AG_EXTERN int ag_graph_find_link(const ag_graph *g, size_t a, size_t b, size_t *out_index);

/** The node indices of the ends of link `link` (< ag_graph_link_count, not checked). */
AG_EXTERN void ag_graph_link_ends(const ag_graph *g, size_t link, size_t *a, size_t *b);
/** Its weight: the sum of its relation counts. */
AG_EXTERN double ag_graph_link_weight(const ag_graph *g, size_t link);
/** How often it was seen as relation `rel` (0 for an unknown relation). */
AG_EXTERN unsigned ag_graph_link_relation(const ag_graph *g, size_t link, ag_relation rel);
/** Number of evidence records kept for it (at most 64: the earliest by document id and offset). */
AG_EXTERN size_t ag_graph_link_evidence_count(const ag_graph *g, size_t link);
/** Evidence record i (< ag_graph_link_evidence_count, not checked); borrowed. */
AG_EXTERN const ag_evidence *ag_graph_link_evidence(const ag_graph *g, size_t link, size_t i);

/**
 * Put nodes in id order, links in (source id, target id) order and evidence
 * in (document id, start) order, so that output is the same whatever order
 * things were added in.  Every graph the library hands out is already in
 * this order; call it after building or changing a graph by hand, before
 * writing it (writers write a graph in its order).  Indices change, and
 * strings borrowed from the graph before may no longer be valid.  AG_ENOMEM.
 */
AG_EXTERN int ag_graph_sort(ag_graph *g);

/** 1 when the graph is partial: identities not resolved yet (ag_extractor_finish_partial,
 * or merged from partial graphs), else 0. */
AG_EXTERN int ag_graph_is_partial(const ag_graph *g);

/** "person", "state", "organization", "meeting", "other" (static strings; "other" when out of range). */
AG_EXTERN const char *ag_node_type_name(ag_node_type type);
/** Parse a type name; AG_EINVAL when unknown. */
AG_EXTERN int ag_node_type_parse(const char *name, ag_node_type *out);

/**
 * Project the multi-mode graph onto one node type (persons or states, say):
 * the nodes of that type are kept with the links among them, and two of them
 * are also linked when they take part in the same meeting (as party, mediator,
 * host or participant), one "shared_meeting" count per meeting, with the
 * meeting links' evidence.  Other nodes and their links are dropped; the
 * documents stay.  g is rebuilt in place: indices change, and strings
 * borrowed from it before are gone.  AG_EINVAL unless keep is
 * AG_NODE_PERSON, AG_NODE_STATE or AG_NODE_ORGANIZATION; AG_ENOMEM.
 */
AG_EXTERN int ag_graph_project(ag_graph *g, ag_node_type keep);
/** "co_mention", "affiliation", "party", "mediator", "host", "participant", "other" (static strings). */
AG_EXTERN const char *ag_relation_name(ag_relation rel);
/** Parse a relation name; AG_EINVAL when unknown. */
AG_EXTERN int ag_relation_parse(const char *name, ag_relation *out);

#ifdef __cplusplus
}
#endif
#endif
