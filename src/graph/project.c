/*
 * project.c - one-mode projections of the person-meeting-state graph: keep one
 * node type, and link two kept nodes that were at the same meeting.
 */
#include <stdlib.h>

#include "graph/graph_int.h"
#include "graph/union.h"

static bool meeting_role(const ag_link *l)
{
	return l->rel[AG_REL_PARTY] || l->rel[AG_REL_MEDIATOR] || l->rel[AG_REL_HOST] || l->rel[AG_REL_PARTICIPANT];
}

int ag_graph_project(ag_graph *g, ag_node_type keep)
{
	ag_graph *p = NULL;
	size_t *map = NULL, *at = NULL, *start = NULL;
	int rc;

	AG_CHECK_ARGS(g);
	if ((unsigned)keep >= AG_NODE_TYPE_COUNT || keep == AG_NODE_MEETING)
		return ag__error(AG_EINVAL, "a projection keeps persons, states or organizations");
	if ((rc = ag_graph_sort(g)) < 0 || (rc = ag_graph_new(&p)) < 0)
		return rc;
	if (!(map = malloc((g->n_nodes + 1) * sizeof(*map))) || !(start = calloc(g->n_nodes + 2, sizeof(*start))) ||
	    !(at = malloc((g->n_links + 1) * sizeof(*at)))) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (size_t i = 0; i < g->n_docs && rc == 0; i++)
		rc = ag_graph_add_document(p, g->docs[i].id, g->docs[i].path, g->docs[i].date, NULL);
	for (size_t i = 0; i < g->n_nodes && rc == 0; i++) {
		map[i] = SIZE_MAX;
		if (g->nodes[i].type != keep)
			continue;
		rc = ag__graph_absorb_node(p, g, i, &map[i]);
	}
	/* links among kept nodes stay as they are */
	for (size_t l = 0; l < g->n_links && rc == 0; l++) {
		const ag_link *k = &g->links[l];
		if (map[k->a] != SIZE_MAX && map[k->b] != SIZE_MAX)
			rc = ag__graph_absorb_link(p, map[k->a], map[k->b], g, k);
	}
	/* the kept nodes around each meeting, by a counting sort of the links */
	for (size_t l = 0; l < g->n_links; l++) {
		const ag_link *k = &g->links[l];
		if (!meeting_role(k))
			continue;
		if (g->nodes[k->a].type == AG_NODE_MEETING && map[k->b] != SIZE_MAX)
			start[k->a + 1]++;
		else if (g->nodes[k->b].type == AG_NODE_MEETING && map[k->a] != SIZE_MAX)
			start[k->b + 1]++;
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		start[i + 1] += start[i];
	{
		size_t *fill = calloc(g->n_nodes + 1, sizeof(*fill));
		if (!fill) {
			rc = ag__enomem();
			goto cleanup;
		}
		for (size_t l = 0; l < g->n_links; l++) {
			const ag_link *k = &g->links[l];
			size_t m;
			if (!meeting_role(k))
				continue;
			if (g->nodes[k->a].type == AG_NODE_MEETING && map[k->b] != SIZE_MAX)
				m = k->a;
			else if (g->nodes[k->b].type == AG_NODE_MEETING && map[k->a] != SIZE_MAX)
				m = k->b;
			else
				continue;
			at[start[m] + fill[m]++] = l;
		}
		free(fill);
	}
	for (size_t m = 0; m < g->n_nodes && rc == 0; m++) {
		for (size_t x = start[m]; x < start[m + 1] && rc == 0; x++) {
			for (size_t y = x + 1; y < start[m + 1] && rc == 0; y++) {
				const ag_link *lx = &g->links[at[x]], *ly = &g->links[at[y]];
				size_t u = map[lx->a == m ? lx->b : lx->a], v = map[ly->a == m ? ly->b : ly->a];
				ag_evidence ev;
				if (u == v)
					continue;
				ev = lx->n_ev ? lx->ev[0] : (ly->n_ev ? ly->ev[0] : (ag_evidence){SIZE_MAX, 0, 0});
				if (ev.doc != SIZE_MAX) {
					size_t d;
					rc = ag_graph_add_document(p, g->docs[ev.doc].id, NULL, NULL, &d);
					ev.doc = d;
				}
				if (rc == 0)
					rc = ag_graph_add_link(p, u, v, AG_REL_SHARED_MEETING, 1, ev.doc != SIZE_MAX ? &ev : NULL);
			}
		}
	}
	if (rc == 0) {
		json_t *attrs = ag__graph_attrs(p);
		const char *key;
		json_t *v;
		if (g->attrs)
			json_object_foreach(g->attrs, key, v)
				json_object_set(attrs, key, v);
		json_object_set_new(attrs, "projection", json_string(ag_node_type_name(keep)));
		/* the projected links came after the kept ones: canonical order again */
		if ((rc = ag_graph_sort(p)) == 0)
			rc = ag__graph_swap(g, p);
	}
cleanup:
	free(map);
	free(start);
	free(at);
	ag_graph_free(p);
	return rc;
}
