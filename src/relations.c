/*
 * relations.c - from a document's mentions to its graph: a node per actor,
 * co-mention links between the actors of each sentence, and affiliation links
 * from persons to the state or organization they act for.  Every link keeps
 * its evidence: the document and the byte span of the sentence or phrase.
 */
#include <stdlib.h>

#include "extract_impl.h"
#include "graph_impl.h"
#include "relations.h"

/* Pairs per sentence grow with the square of its actors; a pathological
 * "sentence" (a 100 MB line) is cut to its first actors. */
#define MAX_ACTORS_PER_SENTENCE 48

int ag__entity_node(ag_graph *g, const ag_gazetteer *gz, int32_t entity, size_t *out)
{
	const gz_entity *e = &gz->entities[entity];
	ag_buf id = {0};
	int rc;
	ag_node_type type = e->kind == GZ_ORG ? AG_NODE_ORGANIZATION : AG_NODE_STATE;

	if ((rc = ag_buf_puts(&id, type == AG_NODE_STATE ? "state:" : "organization:")) == 0 &&
	    (rc = ag_buf_puts(&id, e->slug)) == 0)
		rc = ag_graph_add_node(g, id.data, type, e->label, out);
	ag_buf_free(&id);
	return rc;
}

int ag__person_node(ag_graph *g, const ag_person *p, size_t *out)
{
	ag_buf id = {0};
	int rc;
	if ((rc = ag_buf_puts(&id, "person:")) == 0 && (rc = ag__slugify(p->label, &id)) == 0)
		rc = ag_graph_add_node(g, id.data, AG_NODE_PERSON, p->label, out);
	ag_buf_free(&id);
	return rc;
}

static int mention_node(ag_textdoc *td, ag_graph *g, const ag_mention *m, size_t *out)
{
	if (m->kind == M_PERSON)
		return ag__person_node(g, &td->persons[m->entity], out);
	return ag__entity_node(g, td->gz, m->entity, out);
}

static bool is_actor(const ag_mention *m)
{
	return m->kind == M_STATE || m->kind == M_ORG || m->kind == M_PERSON;
}

/* Keep one sentence as the link's example (for tooltips), cut at a UTF-8 boundary. */
static int set_example(ag_graph *g, size_t a, size_t b, const char *text, size_t start, size_t end)
{
	size_t li;
	ag_link *l;
	if (ag_graph_find_link(g, a, b, &li) < 0)
		return 0;
	l = &g->links[li];
	if (l->example)
		return 0;
	if (end - start > AG_EXAMPLE_MAX) {
		end = start + AG_EXAMPLE_MAX;
		while (end > start && ((unsigned char)text[end] & 0xC0) == 0x80)
			end--;
	}
	if (!(l->example = ag__strndup(text + start, end - start)))
		return AG_ENOMEM;
	for (char *c = l->example; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	return 0;
}

static int note_node(ag_textdoc *td, ag_graph *g, const ag_mention *m, size_t node)
{
	ag_node *n = &g->nodes[node];
	ag_buf raw = {0};
	int rc = 0;
	n->mentions++;
	if (m->kind != M_PERSON) {
		/* the surface form is an alias when it is not the label itself */
		if ((rc = ag_buf_append(&raw, td->doc->text + m->start, m->end - m->start)) == 0 &&
		    strcmp(raw.data, n->label) != 0)
			rc = ag__strlist_add(&n->aliases, raw.data);
	}
	ag_buf_free(&raw);
	return rc;
}

int ag__relate(ag_textdoc *td, ag_graph *g, size_t doc)
{
	size_t actors[MAX_ACTORS_PER_SENTENCE];
	int rc = 0;

	/* persons first: their attributes */
	for (size_t p = 0; p < td->n_persons; p++) {
		const ag_person *pp = &td->persons[p];
		size_t node;
		if ((rc = ag__person_node(g, pp, &node)) < 0)
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
			if ((rc = ag__person_node(g, &td->persons[pp->affil_person], &other)) < 0)
				return rc;
			if (!g->nodes[node].extra && !(g->nodes[node].extra = json_object()))
				return ag__enomem();
			json_object_set_new(g->nodes[node].extra, "side_of", json_string(g->nodes[other].id));
		}
		if (pp->affil >= 0) {
			/* evidence: the sentence that introduces the person */
			const ag_sentence *s = &td->sents[td->toks[pp->first_tok].sent];
			ag_evidence ev = {doc, s->start, s->end};
			size_t an;
			if ((rc = ag__entity_node(g, td->gz, pp->affil, &an)) < 0 ||
			    (rc = ag_graph_node_set(g, node, "affiliation", g->nodes[an].id)) < 0)
				return rc;
			if ((rc = ag_graph_add_link(g, node, an, AG_REL_AFFILIATION, 1, &ev)) < 0 ||
			    (rc = set_example(g, node, an, td->doc->text, s->start, s->end)) < 0)
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
			if ((rc = mention_node(td, g, m, &node)) < 0 || (rc = note_node(td, g, m, node)) < 0)
				return rc;
			for (size_t k = 0; k < n; k++)
				dup |= actors[k] == node;
			if (!dup && n < MAX_ACTORS_PER_SENTENCE)
				actors[n++] = node;
		}
		for (size_t x = 0; x < n; x++) {
			for (size_t y = x + 1; y < n; y++) {
				ag_evidence ev = {doc, s->start, s->end};
				if ((rc = ag_graph_add_link(g, actors[x], actors[y], AG_REL_CO_MENTION, 1, &ev)) < 0 ||
				    (rc = set_example(g, actors[x], actors[y], td->doc->text, s->start, s->end)) < 0)
					return rc;
			}
		}
	}
	return 0;
}
