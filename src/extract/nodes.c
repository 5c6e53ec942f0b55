/*
 * nodes.c - the actor nodes of a document's graph: states and organizations
 * from their gazetteer entities, persons from what the document says of them.
 */
#include <stdlib.h>
#include <string.h>

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

/* Does any of the 8 bytes of x lie below 14 (NUL, tab, newline, CR, ...)? */
static inline bool any_below14(uint64_t x)
{
	return ((x - 0x0E0E0E0E0E0E0E0EULL) & ~x & 0x8080808080808080ULL) != 0;
}

int ag__link_set_example(ag_graph *g, size_t li, const char *text, size_t start, size_t end)
{
	ag_link *l = &g->links[li];
	const char *src;
	char *dst;
	size_t n, k = 0;

	if (l->example)
		return 0;
	if (end - start > AG_EXAMPLE_MAX) {
		end = start + AG_EXAMPLE_MAX;
		while (end > start && ((unsigned char)text[end] & 0xC0) == 0x80)
			end--;
	}
	n = end - start;
	src = text + start;
	if (!(dst = malloc(n + 1)))
		return ag__enomem();
	/* copy 8 bytes at a time while none is a control character */
	while (k + 8 <= n) {
		uint64_t x;
		memcpy(&x, src + k, 8);
		if (any_below14(x))
			break;
		memcpy(dst + k, &x, 8);
		k += 8;
	}
	for (; k < n; k++) {
		char c = src[k];
		if (c == '\0')
			break;
		dst[k] = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
	}
	dst[k] = '\0';
	l->example = dst;
	return 0;
}
