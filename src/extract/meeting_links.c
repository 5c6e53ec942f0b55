/*
 * meeting_links.c - the meetings found in a document (meetings.c) as nodes of
 * its graph: id and label, place, country, dates and status, and the party,
 * mediator, host and participant links with their evidence: for each link
 * the sentence that shows it, one that names both the actor and the meeting
 * where the text has one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/gazetteer.h"
#include "extract/meeting_links.h"
#include "extract/nodes.h"
#include "text/dates.h"
#include "text/fold.h"


/* ---- the meetings' part of the document graph ----------------------------- */

static int meeting_id(ag_graph *g, const ag_textdoc *td, const ag_meeting *m, ag_buf *id, ag_buf *label)
{
	const ag_gazetteer *gz = td->gz;
	char date[11] = "";
	ag_date d = {m->year, m->month, m->day};
	int rc = 0;

	ag__buf_clear(id);
	ag__buf_clear(label);
	if (m->year)
		ag__date_format(&d, date);
	rc = ag__buf_puts(id, m->proposed ? "meeting:proposed-" : "meeting:");
	if (rc == 0 && m->place >= 0) {
		rc = ag__slugify(gz->entities[m->place].label, id);
		if (rc == 0)
			rc = ag__buf_printf(label, "%s %s", gz->entities[m->place].label, m->kind);
	} else if (rc == 0 && m->country >= 0) {
		rc = ag__slugify(gz->entities[m->country].label, id);
		if (rc == 0)
			rc = ag__buf_printf(label, "%s in %s", m->kind, gz->entities[m->country].label);
		if (rc == 0 && label->len)
			label->data[0] = (char)(label->data[0] - 'a' + 'A');
	} else if (rc == 0) {
		/* placeless: named by its sides */
		for (size_t k = 0; k < m->n_parties && k < 3 && rc == 0; k++) {
			const char *pl = gz->entities[m->parties[k]].label;
			if (k)
				rc = ag__buf_puts(id, "-");
			if (rc == 0)
				rc = ag__slugify(pl, id);
			if (rc == 0)
				rc = ag__buf_printf(label, "%s%s", k ? "–" : "", pl);
		}
		if (rc == 0 && !m->n_parties)
			rc = ag__buf_puts(id, "talks");
		if (rc == 0)
			rc = ag__buf_printf(label, "%s%s", m->n_parties ? " " : "Talks", m->n_parties ? m->kind : "");
	}
	if (rc == 0 && date[0])
		rc = ag__buf_printf(id, "-%s", date);
	/* two meetings of one document never share an id */
	for (unsigned k = 2; rc == 0 && ag_graph_find_node(g, id->data, NULL) == 0; k++) {
		size_t cut = id->len;
		while (cut > 0 && id->data[cut - 1] != '~')
			cut--;
		if (cut)
			id->len = cut - 1;
		rc = ag__buf_printf(id, "~%u", k);
	}
	return rc;
}

/* ---- evidence: where each actor is named ------------------------------------ */

/* For each actor (persons by index, states and organizations by entity) its
 * first mention, and for each mention the next one of the same actor. */
typedef struct {
	ag_u64map first;
	int32_t *next;
} actor_index;

static uint64_t actor_key(bool person, int32_t index)
{
	return ((uint64_t)(person ? 1 : 0) << 32) | (uint32_t)index;
}

static int index_actors(const ag_textdoc *td, actor_index *ix)
{
	ag_u64map last = {0};
	int rc = 0;
	memset(ix, 0, sizeof(*ix));
	if (!td->n_ments)
		return 0;
	if (!(ix->next = malloc(td->n_ments * sizeof(*ix->next))))
		return ag__enomem();
	for (size_t i = 0; i < td->n_ments && rc == 0; i++) {
		const ag_mention *m = &td->ments[i];
		uint64_t key = actor_key(m->kind == M_PERSON, m->entity);
		size_t prev;
		ix->next[i] = -1;
		if (m->kind != M_STATE && m->kind != M_ORG && m->kind != M_PERSON)
			continue;
		if (ag__u64map_get(&last, key, &prev))
			ix->next[prev] = (int32_t)i;
		else
			rc = ag__u64map_put(&ix->first, key, i);
		if (rc == 0)
			rc = ag__u64map_put(&last, key, i);
	}
	ag__u64map_free(&last);
	return rc;
}

static void actor_index_free(actor_index *ix)
{
	ag__u64map_free(&ix->first);
	free(ix->next);
}

/* A sentence of context names the meeting only through the sentence before:
 * "Among the participants of the meeting were A and B. Also attending were
 * C and D."  Its evidence starts with that one, when it is at most this many
 * sentences back. */
#define CONTEXT_REACH 2

typedef struct {
	uint32_t start, end;
} span;

/* The span that shows an actor's part in meeting j, best first: one of the
 * meeting's own sentences of talks that names the actor; one of its sentences
 * of context, from the sentence of talks before it; a sentence of talks that
 * went to no meeting; any sentence that names the actor; the meeting's first. */
static span role_span(const ag_textdoc *td, const actor_index *ix, int32_t j, bool person, int32_t who)
{
	const ag_sentence *talk = NULL, *any = NULL, *s = &td->sents[td->meetings[j].first_sent];
	int64_t context = -1;
	size_t first;
	span out;
	if (ag__u64map_get(&ix->first, actor_key(person, who), &first)) {
		for (int32_t k = (int32_t)first; k >= 0; k = ix->next[k]) {
			uint32_t si = td->toks[td->ments[k].tok].sent;
			const ag_sent_event *se = &td->sent_ev[si];
			if (se->meeting == j && se->names_talks) {
				talk = &td->sents[si];
				context = -1;
				break;
			}
			if (context < 0 && se->meeting == j)
				context = si;
			if (!talk && se->meeting == AG_SENT_UNUSED && se->names_talks)
				talk = &td->sents[si];
			if (!any)
				any = &td->sents[si];
		}
	}
	if (context >= 0) {
		out.start = td->sents[context].start;
		out.end = td->sents[context].end;
		for (int64_t b = context - 1; b >= 0 && b >= context - CONTEXT_REACH; b--)
			if (td->sent_ev[b].meeting == j && td->sent_ev[b].names_talks) {
				out.start = td->sents[b].start;
				break;
			}
		return out;
	}
	if (talk || any)
		s = talk ? talk : any;
	out.start = s->start;
	out.end = s->end;
	return out;
}

/* A role link from meeting node `node` to `other`, evidence and example the span sp. */
static int role_link(ag_textdoc *td, ag_graph *g, size_t doc, size_t node, size_t other, ag_relation rel, span sp)
{
	ag_evidence ev = {doc, sp.start, sp.end};
	size_t li;
	int rc = ag__graph_add_link_at(g, node, other, rel, 1, &ev, &li);
	return rc < 0 ? rc : ag__link_set_example(g, li, td->doc->text, sp.start, sp.end);
}

static int entity_role(ag_textdoc *td, ag_graph *g, size_t doc, const actor_index *ix, size_t j, size_t node,
                       int32_t entity, ag_relation rel)
{
	size_t other;
	int rc = ag__entity_node(g, td->gz, entity, &other);
	return rc < 0 ? rc : role_link(td, g, doc, node, other, rel, role_span(td, ix, (int32_t)j, false, entity));
}

static int person_role(ag_textdoc *td, ag_graph *g, size_t doc, const actor_index *ix, size_t j, size_t node,
                       int32_t person, ag_relation rel)
{
	size_t other;
	int rc = ag__person_node(g, &td->persons[person], &other);
	return rc < 0 ? rc : role_link(td, g, doc, node, other, rel, role_span(td, ix, (int32_t)j, true, person));
}

int ag__relate_meetings(ag_textdoc *td, ag_graph *g, size_t doc)
{
	ag_buf id = {0}, label = {0};
	actor_index ix;
	int rc;

	if (!td->n_meetings)
		return 0;
	if ((rc = index_actors(td, &ix)) < 0) {
		actor_index_free(&ix);
		return rc;
	}
	for (size_t j = 0; j < td->n_meetings && rc == 0; j++) {
		const ag_meeting *m = &td->meetings[j];
		size_t node, other;
		char date[11];

		/* --since/--until: dated talks outside the window are left out */
		if (m->year && m->day) {
			char iso[11];
			ag_date d = {m->year, m->month, m->day};
			ag__date_format(&d, iso);
			if ((td->since && strcmp(iso, td->since) < 0) || (td->until && strcmp(iso, td->until) > 0))
				continue;
		}
		if ((rc = meeting_id(g, td, m, &id, &label)) < 0 ||
		    (rc = ag_graph_add_node(g, id.data, AG_NODE_MEETING, label.data, &node)) < 0)
			break;
		g->nodes[node].mentions = m->events;
		if (m->place >= 0 && (rc = ag_graph_node_set(g, node, "place", td->gz->entities[m->place].label)) < 0)
			break;
		if (m->country >= 0) {
			ag_buf cid = {0};
			if ((rc = ag__buf_puts(&cid, "state:")) == 0 && (rc = ag__buf_puts(&cid, td->gz->entities[m->country].slug)) == 0)
				rc = ag_graph_node_set(g, node, "country", cid.data);
			/* the host, when the story names the country */
			if (rc == 0 && ag_graph_find_node(g, cid.data, &other) == 0)
				rc = role_link(td, g, doc, node, other, AG_REL_HOST, role_span(td, &ix, (int32_t)j, false, m->country));
			ag__buf_free(&cid);
			if (rc < 0)
				break;
		}
		if (m->year) {
			ag_date s = {m->year, m->month, m->day}, e = {m->end_year, m->end_month, m->end_day};
			ag__date_format(&s, date);
			if ((rc = ag_graph_node_set(g, node, "start", date)) < 0)
				break;
			if (ag__date_valid(&e) && ag__date_cmp(&e, &s) != 0) {
				ag__date_format(&e, date);
				if ((rc = ag_graph_node_set(g, node, "end", date)) < 0)
					break;
			}
		}
		if ((rc = ag_graph_node_set(g, node, "status", m->proposed ? "proposed" : "held")) < 0)
			break;
		for (size_t k = 0; k < m->n_parties && rc == 0; k++)
			rc = entity_role(td, g, doc, &ix, j, node, m->parties[k], AG_REL_PARTY);
		for (size_t k = 0; k < m->n_mediators && rc == 0; k++)
			rc = entity_role(td, g, doc, &ix, j, node, m->mediators[k], AG_REL_MEDIATOR);
		for (size_t k = 0; k < m->n_mediator_persons && rc == 0; k++)
			rc = person_role(td, g, doc, &ix, j, node, m->mediator_persons[k], AG_REL_MEDIATOR);
		for (size_t k = 0; k < m->n_participants && rc == 0; k++)
			rc = person_role(td, g, doc, &ix, j, node, m->participants[k], AG_REL_PARTICIPANT);
	}
	actor_index_free(&ix);
	ag__buf_free(&id);
	ag__buf_free(&label);
	return rc;
}
