/*
 * nodes.c - the actor nodes of a document's graph: states and organizations
 * from their gazetteer entities, persons from what the document says of them.
 */
#include <stdlib.h>

#include "extract/nodes.h"
#include "text/fold.h"


int ag__entity_node(ag_graph *g, const ag_gazetteer *gz, int32_t entity, size_t *out)
{
	const gz_entity *e = &gz->entities[entity];
	ag_node_type type = e->kind == GZ_ORG ? AG_NODE_ORGANIZATION : AG_NODE_STATE;
	const char *prefix = type == AG_NODE_STATE ? "state:" : "organization:";
	size_t np = strlen(prefix), ns = strlen(e->slug);
	char small[128];
	ag_buf id = {0};
	int rc;

	if (np + ns < sizeof(small)) {
		/* the common case, without an allocation */
		memcpy(small, prefix, np);
		memcpy(small + np, e->slug, ns + 1);
		return ag_graph_add_node(g, small, type, e->label, out);
	}
	if ((rc = ag__buf_puts(&id, prefix)) == 0 && (rc = ag__buf_puts(&id, e->slug)) == 0)
		rc = ag_graph_add_node(g, id.data, type, e->label, out);
	ag__buf_free(&id);
	return rc;
}

int ag__person_node(ag_graph *g, const ag_person *p, size_t *out)
{
	ag_buf id = {0};
	int rc;
	if ((rc = ag__buf_puts(&id, "person:")) == 0 && (rc = ag__slugify(p->label, &id)) == 0)
		rc = ag_graph_add_node(g, id.data, AG_NODE_PERSON, p->label, out);
	ag__buf_free(&id);
	return rc;
}
