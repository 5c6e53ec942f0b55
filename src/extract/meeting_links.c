/*
 * meeting_links.c - the meetings found in a document (meetings.c) as nodes of
 * its graph: id and label, place, country, dates and status, and the party,
 * mediator, host and participant links with their evidence.
 */
#include <stdio.h>
#include <stdlib.h>

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

int ag__relate_meetings(ag_textdoc *td, ag_graph *g, size_t doc)
{
	ag_buf id = {0}, label = {0};
	int rc = 0;

	for (size_t j = 0; j < td->n_meetings && rc == 0; j++) {
		const ag_meeting *m = &td->meetings[j];
		ag_evidence ev = {doc, m->span_start, m->span_end};
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
				rc = ag_graph_add_link(g, node, other, AG_REL_HOST, 1, &ev);
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
			if ((rc = ag__entity_node(g, td->gz, m->parties[k], &other)) == 0)
				rc = ag_graph_add_link(g, node, other, AG_REL_PARTY, 1, &ev);
		for (size_t k = 0; k < m->n_mediators && rc == 0; k++)
			if ((rc = ag__entity_node(g, td->gz, m->mediators[k], &other)) == 0)
				rc = ag_graph_add_link(g, node, other, AG_REL_MEDIATOR, 1, &ev);
		for (size_t k = 0; k < m->n_participants && rc == 0; k++)
			if ((rc = ag__person_node(g, &td->persons[m->participants[k]], &other)) == 0)
				rc = ag_graph_add_link(g, node, other, AG_REL_PARTICIPANT, 1, &ev);
	}
	ag__buf_free(&id);
	ag__buf_free(&label);
	return rc;
}
