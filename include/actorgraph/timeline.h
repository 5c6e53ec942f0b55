/*
 * actorgraph/timeline.h - the graph over time: per week or month, the most
 * central actors of that period's view.
 *
 * A period's graph is the date view of actorgraph/filter.h cut to the
 * period (its links: those with an evidence span from a document dated in
 * the period; its nodes: their ends, and the nodes first or last seen in
 * it), except that undated documents, links and nodes belong to no period.
 * On that graph each node gets its degree (links in the period) and its
 * PageRank (weighted by the links' whole weight, damping 0.85, as
 * ag_analyze computes it), so a period's numbers are those ag_analyze gives
 * after ag_graph_filter with since and until set to the period's first and
 * last day, on a graph whose documents and nodes are all dated.  The nodes
 * are ranked by PageRank, then degree, then id; the first `top` are kept.
 *
 * Periods are the calendar months ("2026-02") or ISO weeks ("2026-W08",
 * Monday to Sunday) holding at least one dated document, in order; a
 * document dated by month or year only counts in the period of its first
 * day.  The results are kept in an ag_timeline and written as CSV (one row
 * per period and rank) or JSON (one object per period).
 */
#ifndef ACTORGRAPH_TIMELINE_H
#define ACTORGRAPH_TIMELINE_H

#include <stddef.h>
#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	AG_PERIOD_MONTH = 0, /**< calendar months (default) */
	AG_PERIOD_WEEK       /**< ISO weeks, Monday to Sunday */
} ag_period;

typedef struct {
	unsigned version;
	ag_period period;
	size_t top;        /**< nodes kept per period (default 10); 0 = all of them */
	const char *since; /**< only periods from this date on (YYYY-MM-DD, YYYY-MM, YYYY; borrowed); NULL = open */
	const char *until; /**< only periods up to this date; NULL = open */
} ag_timeline_options;

#define AG_TIMELINE_OPTIONS_VERSION 1
#define AG_TIMELINE_OPTIONS_INIT {AG_TIMELINE_OPTIONS_VERSION, AG_PERIOD_MONTH, 10, NULL, NULL}

typedef struct ag_timeline ag_timeline;

/** One period (strings borrowed from the timeline). */
typedef struct {
	const char *name;  /**< "2026-02" or "2026-W08" */
	const char *start; /**< its first day, YYYY-MM-DD (since, when that is later) */
	const char *end;   /**< its last day (until, when that is earlier) */
	size_t documents;  /**< documents dated in it */
	size_t nodes, links; /**< the size of its graph */
	size_t first_row, rows; /**< its ranked nodes: rows first_row .. first_row + rows - 1 */
} ag_timeline_period;

/** One ranked node of one period (strings borrowed from the timeline). */
typedef struct {
	size_t period;     /**< index of its period */
	size_t rank;       /**< 1 = the most central */
	const char *id, *label, *type;
	size_t degree;     /**< links in the period */
	double pagerank;   /**< PageRank in the period's graph */
} ag_timeline_row;

/**
 * Compute the timeline of g (not changed).  opts NULL = the defaults.  *out
 * belongs to the caller (ag_timeline_free).  A graph without dated documents
 * gives a timeline without periods.  AG_EINVAL for bad options (a bad date,
 * since after until), a link weight that is not a positive finite number or
 * a self-loop; AG_ENOMEM; AG_ERROR when igraph fails.
 */
AG_EXTERN int ag_timeline_new(const ag_graph *g, const ag_timeline_options *opts, ag_timeline **out);
/** Free a timeline; NULL is accepted. */
AG_EXTERN void ag_timeline_free(ag_timeline *t);

/** Number of periods. */
AG_EXTERN size_t ag_timeline_period_count(const ag_timeline *t);
/** Period k (< ag_timeline_period_count, not checked). */
AG_EXTERN void ag_timeline_period_get(const ag_timeline *t, size_t k, ag_timeline_period *out);
/** Number of ranked rows over all periods. */
AG_EXTERN size_t ag_timeline_row_count(const ag_timeline *t);
/** Row r (< ag_timeline_row_count, not checked). */
AG_EXTERN void ag_timeline_row_get(const ag_timeline *t, size_t r, ag_timeline_row *out);

/**
 * The timeline as CSV (header period,start,end,rank,id,label,type,degree,
 * pagerank; one line per row; cells as the node table's) or as JSON
 * ({"generator", "period": "month"|"week", "top", "since", "until",
 * "periods": [{"period", "start", "end", "documents", "nodes", "links",
 * "top": [{"rank", "id", "label", "type", "degree", "pagerank"}]}]}).
 * *out is NUL-terminated and belongs to the caller (free()); len may be NULL.
 * AG_ENOMEM.
 */
AG_EXTERN int ag_timeline_to_csv(const ag_timeline *t, char **out, size_t *len);
AG_EXTERN int ag_timeline_to_json(const ag_timeline *t, char **out, size_t *len);

/** Parse "month" or "week" (also "monthly", "weekly").  AG_EINVAL when unknown. */
AG_EXTERN int ag_period_parse(const char *name, ag_period *out);
/** "month" or "week" (static; "unknown" when out of range). */
AG_EXTERN const char *ag_period_name(ag_period p);

#ifdef __cplusplus
}
#endif
#endif
