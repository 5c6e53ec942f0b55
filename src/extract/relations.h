/*
 * relations.h - co-mention, affiliation and other actor links of a document (relations.c).
 */
#ifndef AG_EXTRACT_RELATIONS_H
#define AG_EXTRACT_RELATIONS_H

#include "extract/textdoc.h"
#include "graph/graph_int.h"

/* Add the actors of td and their links to g, with evidence in document `doc`. */
int ag__relate(ag_textdoc *td, ag_graph *g, size_t doc);

#endif
