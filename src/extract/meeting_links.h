/*
 * meeting_links.h - the meetings of a document as nodes, with their party, mediator,
 * host and participant links (meeting_links.c).
 */
#ifndef AG_EXTRACT_MEETING_LINKS_H
#define AG_EXTRACT_MEETING_LINKS_H

#include "extract/textdoc.h"
#include "graph/graph_int.h"

/* Add the meetings of td (after ag__relate) with their links to g, evidence in `doc`. */
int ag__relate_meetings(ag_textdoc *td, ag_graph *g, size_t doc);

#endif
