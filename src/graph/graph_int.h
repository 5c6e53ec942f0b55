/*
 * graph_impl.h - the layout of ag_graph, shared by the library's stages.
 * Not installed: users go through the accessors in actorgraph/graph.h.
 */
#ifndef AG_GRAPH_IMPL_H
#define AG_GRAPH_IMPL_H

#include <jansson.h>

#include "actorgraph/graph.h"
#include "util/util.h"

/* A document's content hash: FNV-1a 64 of its text as extracted, 16
 * lowercase hex digits ("" = not known: a graph from an older version, or
 * one not extracted by us). */
#define AG_DOC_HASH_LEN 16

typedef struct {
	char *id;
	char *path;
	char *date; /* ISO yyyy-mm-dd or NULL */
	char hash[AG_DOC_HASH_LEN + 1]; /* content hash, or "" */
	uint32_t source; /* 1 + index in g->sources of the graph file it was read from; 0 = none */
	json_t *extra; /* other fields read from a graph file, or NULL */
} ag_doc_rec;

typedef struct {
	char *id;
	char *label;
	ag_node_type type;
	char *type_name; /* the original type when AG_NODE_OTHER */
	ag_strlist aliases;
	char *affiliation, *role;                    /* persons */
	char *place, *country, *start, *end, *status; /* meetings */
	char *first_seen, *last_seen;
	unsigned mentions;
	double *metrics; /* g->n_metrics values, NaN = not computed; NULL before analysis */
	int community;   /* -1 = none */
	double stability; /* consensus stability, NaN = not computed */
	json_t *extra;   /* other attributes read from a graph file, or NULL */
} ag_node;

typedef struct {
	uint32_t a, b; /* node indices (a graph holds at most UINT32_MAX nodes) */
	double weight;
	unsigned rel[AG_REL_COUNT];
	ag_evidence *ev;
	size_t ev_total; /* evidence seen, kept or not (see AG_EVIDENCE_KEEP) */
	uint32_t n_ev, cap_ev; /* at most AG_EVIDENCE_KEEP */
	uint32_t ev_worst; /* when ev_worst_ok: index of the largest kept entry (the first such) */
	bool ev_worst_ok; /* false (as zeroed) = recompute; cleared by whatever reorders ev */
	char *example;   /* one evidence sentence, for tooltips; may be NULL */
	json_t *extra;   /* other attributes read from a graph file, or NULL */
} ag_link;

/* Evidence entries kept per link (the smallest by document id and offset);
 * the rest are counted in ev_total. */
#define AG_EVIDENCE_KEEP 64
/* Longest evidence sentence kept as a link's example, in bytes. */
#define AG_EXAMPLE_MAX 280

struct ag_graph {
	ag_node *nodes;
	size_t n_nodes, cap_nodes;
	ag_link *links;
	size_t n_links, cap_links;
	ag_doc_rec *docs;
	size_t n_docs, cap_docs;
	ag_strmap node_index; /* id -> node index */
	ag_strmap doc_index;  /* id -> doc index */
	ag_u64map link_index; /* (min,max) node pair -> link index */
	char **metric_names;
	size_t n_metrics, cap_metrics;
	json_t *attrs; /* graph-level attributes ("graph" in node-link JSON) */
	bool directed_input; /* read from a graph that said directed: true */
	bool multigraph_input; /* read from a graph that said multigraph: true */
	size_t links_summed; /* links read into a link between the same two nodes (ag_graph_from_json) */
	size_t self_loops;   /* self-loops left out when read */
	bool numeric_ids;    /* read from a graph whose ids were all integers */
	ag_strlist sources;  /* names of the graph files its documents were read from */
};


/* Slot of metric `name`, created when `create`; -1 when absent. */
int ag__graph_metric_slot(ag_graph *g, const char *name, bool create);
int ag__graph_set_metric(ag_graph *g, size_t node, int slot, double value);
/* Pointer to a string field of a node by key, or NULL for an unknown key. */
char **ag__node_field(ag_node *n, const char *key);
/* Add evidence to a link, keeping the first AG_EVIDENCE_KEEP.  Whatever else
 * changes l->ev (order, contents) or the documents' ids must clear
 * l->ev_worst_ok. */
int ag__link_add_evidence(const ag_graph *g, ag_link *l, const ag_evidence *ev);
/* ag_graph_add_link that also gives the link's index (when out_link). */
/* The key of the link between nodes a and b in link_index (either order). */
static inline uint64_t ag__pair_key(size_t a, size_t b)
{
	return a < b ? ((uint64_t)a << 32) | (uint64_t)b : ((uint64_t)b << 32) | (uint64_t)a;
}
int ag__graph_add_link_at(ag_graph *g, size_t a, size_t b, ag_relation rel, unsigned count,
                          const ag_evidence *evidence, size_t *out_link);
/* Free what a node or a link holds (not the struct). */
void ag__node_free(ag_node *n);
void ag__link_free(ag_link *l);
/* Rebuild node_index and link_index after nodes or links were renumbered. */
int ag__graph_reindex(ag_graph *g);
/* Graph-level attribute object, created on first use (borrowed). */
json_t *ag__graph_attrs(ag_graph *g);
/* The name of the graph file document `doc` was read from, or NULL. */
const char *ag__doc_source(const ag_graph *g, size_t doc);
/* *out = 1 + the index of `name` in g->sources, added when new; AG_ENOMEM. */
int ag__graph_source(ag_graph *g, const char *name, uint32_t *out);

#endif
