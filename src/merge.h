/* merge.h - combining graphs (merge.c). */
#ifndef AG_MERGE_H
#define AG_MERGE_H

#include "graph_impl.h"

/* Add everything of `from` to `into` (documents, nodes and links by id),
 * without resolving identities. */
int ag__graph_absorb(ag_graph *into, const ag_graph *from);

#endif
