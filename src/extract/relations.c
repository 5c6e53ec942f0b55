/*
 * relations.c - from a document's mentions to its graph: a node per actor,
 * co-mention links between the actors of each sentence, and affiliation links
 * from persons to the state or organization they act for.  Every link keeps
 * its evidence: the document and the byte span of the sentence or phrase.
 */
#include <stdlib.h>

#include "extract/gazetteer.h"
#include "extract/nodes.h"
#include "extract/relations.h"

/* Pairs per sentence grow with the square of its actors; a pathological
 * "sentence" (a 100 MB line) is cut to its first actors. */
#define MAX_ACTORS_PER_SENTENCE 48

/* The nodes of one document's actors, looked up once each: persons by their
 * index, entities by theirs (key: kind bit + index). */
typedef struct {
	ag_u64map map;
} node_cache;

static int cached_node(ag_textdoc *td, ag_graph *g, node_cache *nc, bool person, int32_t index, size_t *out)
{
	uint64_t key = ((uint64_t)(person ? 1 : 0) << 32) | (uint32_t)index;
	int rc;
	if (ag__u64map_get(&nc->map, key, out))
		return 0;
	rc = person ? ag__person_node(g, &td->persons[index], out) : ag__entity_node(g, td->gz, index, out);
	if (rc == 0 && ag__u64map_put(&nc->map, key, *out) < 0)
		return AG_ENOMEM;
	return rc;
}

static int mention_node(ag_textdoc *td, ag_graph *g, node_cache *nc, const ag_mention *m, size_t *out)
{
	return cached_node(td, g, nc, m->kind == M_PERSON, m->entity, out);
}

static bool is_actor(const ag_mention *m)
{
	return m->kind == M_STATE || m->kind == M_ORG || m->kind == M_PERSON;
}

static int note_node(ag_textdoc *td, ag_graph *g, const ag_mention *m, size_t node)
{
	ag_node *n = &g->nodes[node];
	n->mentions++;
	if (m->kind != M_PERSON) {
		/* the surface form is an alias when it is not the label itself */
		const char *s = td->doc->text + m->start;
		size_t len = strnlen(s, m->end - m->start), ll = strlen(n->label);
		if (len == ll && memcmp(s, n->label, len) == 0)
			return 0;
		ag__buf_clear(&td->scratch);
		if (ag__buf_append(&td->scratch, s, len) < 0)
			return AG_ENOMEM;
		return ag__strlist_add(&n->aliases, td->scratch.data);
	}
	return 0;
}

static int relate(ag_textdoc *td, ag_graph *g, size_t doc, node_cache *nc);

int ag__relate(ag_textdoc *td, ag_graph *g, size_t doc)
{
	node_cache nc;
	int rc;
	memset(&nc, 0, sizeof(nc));
	rc = relate(td, g, doc, &nc);
	ag__u64map_free(&nc.map);
	return rc;
}

static int relate(ag_textdoc *td, ag_graph *g, size_t doc, node_cache *nc)
{
	size_t actors[MAX_ACTORS_PER_SENTENCE];
	int rc = 0;

	/* persons first: their attributes */
	for (size_t p = 0; p < td->n_persons; p++) {
		const ag_person *pp = &td->persons[p];
		size_t node;
		if ((rc = cached_node(td, g, nc, true, (int32_t)p, &node)) < 0)
			return rc;
		for (size_t k = 0; k < pp->aliases.count; k++)
			if (strcmp(pp->aliases.items[k], pp->label) != 0 &&
			    (rc = ag_graph_node_add_alias(g, node, pp->aliases.items[k])) < 0)
				return rc;
		if (pp->role && (rc = ag_graph_node_set(g, node, "role", pp->role)) < 0)
			return rc;
		/* "Trump's envoy": whose side, kept so that the corpus can settle it
		 * once it knows that person's side from every report */
		if (pp->affil_person >= 0 && pp->affil_person != (int32_t)p) {
			size_t other;
			if ((rc = cached_node(td, g, nc, true, pp->affil_person, &other)) < 0)
				return rc;
			if (!g->nodes[node].extra && !(g->nodes[node].extra = json_object()))
				return ag__enomem();
			json_object_set_new(g->nodes[node].extra, "side_of", json_string(g->nodes[other].id));
		}
		if (pp->affil >= 0) {
			/* evidence: the sentence that introduces the person */
			const ag_sentence *s = &td->sents[td->toks[pp->first_tok].sent];
			ag_evidence ev = {doc, s->start, s->end};
			size_t an, li;
			if ((rc = cached_node(td, g, nc, false, pp->affil, &an)) < 0 ||
			    (rc = ag_graph_node_set(g, node, "affiliation", g->nodes[an].id)) < 0)
				return rc;
			if ((rc = ag__graph_add_link_at(g, node, an, AG_REL_AFFILIATION, 1, &ev, &li)) < 0 ||
			    (rc = ag__link_set_example(g, li, td->doc->text, s->start, s->end)) < 0)
				return rc;
		}
	}

	for (size_t si = 0; si < td->n_sents; si++) {
		const ag_sentence *s = &td->sents[si];
		size_t n = 0;
		for (size_t i = s->tok; i < s->tok + s->ntok; i++) {
			const ag_mention *m;
			size_t node;
			bool dup = false;
			if (td->tok_ment[i] < 0)
				continue;
			m = &td->ments[td->tok_ment[i]];
			i = m->tok + m->ntok - 1;
			if (!is_actor(m))
				continue;
			if ((rc = mention_node(td, g, nc, m, &node)) < 0 || (rc = note_node(td, g, m, node)) < 0)
				return rc;
			for (size_t k = 0; k < n; k++)
				dup |= actors[k] == node;
			if (!dup && n < MAX_ACTORS_PER_SENTENCE)
				actors[n++] = node;
		}
		for (size_t x = 0; x < n; x++) {
			for (size_t y = x + 1; y < n; y++) {
				ag_evidence ev = {doc, s->start, s->end};
				size_t li;
				if ((rc = ag__graph_add_link_at(g, actors[x], actors[y], AG_REL_CO_MENTION, 1, &ev, &li)) < 0 ||
				    (rc = ag__link_set_example(g, li, td->doc->text, s->start, s->end)) < 0)
					return rc;
			}
		}
	}
	return 0;
}
