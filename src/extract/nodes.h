/*
 * nodes.h - the document graph's actor nodes (nodes.c).
 */
#ifndef AG_EXTRACT_NODES_H
#define AG_EXTRACT_NODES_H

#include "extract/gazetteer.h"
#include "extract/textdoc.h"
#include "graph/graph_int.h"

/* The node of a state or organization entity, or of a person, made when missing. */
int ag__entity_node(ag_graph *g, const ag_gazetteer *gz, int32_t entity, size_t *out);
int ag__person_node(ag_graph *g, const ag_person *p, size_t *out);

/* Keep text[start, end) as link li's example sentence (for tooltips), cut at
 * a UTF-8 boundary past AG_EXAMPLE_MAX bytes; a NUL ends it.  A link that has
 * one keeps it. */
int ag__link_set_example(ag_graph *g, size_t li, const char *text, size_t start, size_t end);

#endif
