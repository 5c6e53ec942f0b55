/*
 * union.h - graphs combined (union.c): union by id, contraction into
 * representatives, the partial mark.  Private.
 */
#ifndef AG_GRAPH_UNION_H
#define AG_GRAPH_UNION_H

#include <stdbool.h>
#include <stddef.h>

#include "graph/graph_int.h"

/* Add everything of `from` to `into` (documents, nodes and links by id),
 * without resolving identities. */
int ag__graph_absorb(ag_graph *into, const ag_graph *from);

/* The documents of `from` against those of `into` (by id and content hash),
 * for a merge that counts each document once (ag_graph_merge):
 *   AG_DOCS_NEW       none of them is in `into`: absorb `from`;
 *   AG_DOCS_SEEN      every one is, with the same text: `from` adds nothing;
 *   AG_DOCS_SUPERSET  `from` holds every document of `into` and more: it
 *                     replaces `into` (ag__graph_absorb_replacing).
 * AG_EINVAL, naming both sides, when one id has two different texts, or
 * when the graphs share documents and each has others (their counts cannot
 * be told apart).  When documents are shared, `note` (may be NULL) gets a
 * warning for the caller, else "". */
enum { AG_DOCS_NEW, AG_DOCS_SEEN, AG_DOCS_SUPERSET };
int ag__graph_doc_overlap(const ag_graph *into, const ag_graph *from, char *note, size_t size);

/* `into` becomes a fresh graph with its graph-level attributes and `from`
 * absorbed (what `into` held is dropped); a failure leaves it as it was. */
int ag__graph_absorb_replacing(ag_graph *into, const ag_graph *from);

/* Copy node i of `from` into `into` (by id, attributes merged), *out its index there. */
int ag__graph_absorb_node(ag_graph *into, const ag_graph *from, size_t i, size_t *out);

/* Add link l of `from` between nodes a and b of `into`: counts, weight, evidence. */
int ag__graph_absorb_link(ag_graph *into, size_t a, size_t b, const ag_graph *from, const ag_link *l);

/* Fold every node i into node rep[i] (rep[rep[i]] == rep[i]), in place: the
 * same graph as rebuilding it from the representatives. */
int ag__graph_contract(ag_graph *g, const size_t *rep);

/* Give g the contents of n and n the old contents of g (free n afterwards). */
int ag__graph_swap(ag_graph *g, ag_graph *n);
/* Mark a graph partial (identities not resolved: graph attribute "partial") or not. */
int ag__graph_set_partial(ag_graph *g, bool partial);

#endif
