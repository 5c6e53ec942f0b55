/* relations.h - the document's graph from its mentions (relations.c). */
#ifndef AG_RELATIONS_H
#define AG_RELATIONS_H

#include "extract/extract_impl.h"

/* Add the actors of td and their links to g, with evidence in document `doc`. */
int ag__relate(ag_textdoc *td, ag_graph *g, size_t doc);

/* Add the meetings of td (after ag__relate) with their party, mediator, host
 * and participant links (meetings.c). */
int ag__relate_meetings(ag_textdoc *td, ag_graph *g, size_t doc);

/* The node of a state or organization entity, or of a person, made when missing. */
int ag__entity_node(ag_graph *g, const ag_gazetteer *gz, int32_t entity, size_t *out);
int ag__person_node(ag_graph *g, const ag_person *p, size_t *out);

#endif
