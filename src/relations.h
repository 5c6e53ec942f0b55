/* relations.h - the document's graph from its mentions (relations.c). */
#ifndef AG_RELATIONS_H
#define AG_RELATIONS_H

#include "extract_impl.h"

/* Add the actors of td and their links to g, with evidence in document `doc`. */
int ag__relate(ag_textdoc *td, ag_graph *g, size_t doc);

#endif
