/*
 * filter.h - the date window of the views (filter.c), for the layers above
 * that cut a graph by date without changing it (the timeline).  Private.
 */
#ifndef AG_GRAPH_FILTER_H
#define AG_GRAPH_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "graph/graph_int.h"

/* A closed window of days, as ISO strings ("" = open on that side). */
typedef struct {
	char lo[11], hi[11];
} ag__window;

/* The window of since/until (YYYY-MM-DD, YYYY-MM or YYYY, NULL = open):
 * since's first day, until's last.  AG_EINVAL ("since: 'x' is not a date
 * (YYYY-MM-DD, YYYY-MM or YYYY)", "since 2026-03-01 is after until ...").  */
int ag__window_parse(const char *since, const char *until, ag__window *w);

/* The first and last day a date string covers ("2026-02" covers the month);
 * false when it is no ISO date. */
bool ag__window_date_span(const char *date, char first[11], char last[11]);

/* Whether the span first..last meets the window. */
bool ag__window_meets(const ag__window *w, const char *first, const char *last);

/*
 * Mark what the window keeps of g (see actorgraph/filter.h): keep[i] and
 * lkeep[j] are cleared for the nodes and links it drops, and left alone for
 * the others (so that marks combine).  When keep_undated is false, undated
 * documents, links without evidence and nodes without dates count as
 * outside.  *docs_in (may be NULL) gets the documents dated in the window,
 * *docs_undated (may be NULL) the undated ones.  AG_ENOMEM.
 */
int ag__window_mark(const ag_graph *g, const ag__window *w, bool keep_undated, char *keep, char *lkeep,
                    size_t *docs_in, size_t *docs_undated);

#endif
