/*
 * mentions.c - the mentions of gazetteer names in a document: states (named,
 * or through capitals, seats, demonyms and organs), organizations, places,
 * role titles and names that are never persons, longest match first.
 */
#include <stdlib.h>

#include "extract/gazetteer.h"
#include "extract/mentions.h"

/* "to" is not among them: "according to the Kremlin" names an actor. */
static bool after_locative(const ag_textdoc *td, size_t i, size_t n)
{
	size_t s = td->sents[td->toks[i].sent].tok;
	/* "the Washington-led drive": a compound modifier, not a place */
	if (i + n + 1 < td->n_toks && ag__tok_punct(td, i + n) == '-' && (td->toks[i + n].flags & TF_NOSPACE) &&
	    (td->toks[i + n + 1].flags & TF_NOSPACE))
		return false;
	return ag__after_locative(td, i, s, AG_LOC_PLACE);
}

/* "the Abu Dhabi talks", "the Moscow summit": a capital naming the meeting
 * held there is its place, not its state. */
static const char *const meeting_nouns[] = {
	"talks", "summit", "round", "meeting", "meetings", "negotiations", "conference", NULL};
static ag_wordset meeting_nouns_set = AG_WORDSET(meeting_nouns);

static bool names_meeting(const ag_textdoc *td, size_t i, size_t n)
{
	return i > td->sents[td->toks[i].sent].tok && ag__tok_is(td, i - 1, "the") && i + n < td->n_toks &&
	       (td->toks[i + n].flags & TF_WORD) && ag__tok_in(td, i + n, &meeting_nouns_set);
}

static int priority(gz_kind k)
{
	switch (k) {
	case GZ_STATE: return 9;
	case GZ_ORG: return 8;
	case GZ_ORGAN: return 8;
	case GZ_CAPITAL: case GZ_SEAT: case GZ_DEMONYM: return 7;
	case GZ_CITY: case GZ_REGION: return 6;
	case GZ_MEDIA: case GZ_NONPERSON: return 5;
	case GZ_TITLE: return 4;
	default: return 0;
	}
}

static int push_mention(ag_textdoc *td, ag_mention_kind kind, gz_kind via, size_t tok, size_t n, int32_t entity)
{
	ag_mention *m;
	if (AG_GROW(td->ments, td->cap_ments, td->n_ments + 1) < 0)
		return AG_ENOMEM;
	m = &td->ments[td->n_ments];
	m->kind = (uint8_t)kind;
	m->via = (uint8_t)via;
	m->tok = (uint32_t)tok;
	m->ntok = (uint16_t)n;
	m->start = td->toks[tok].start;
	m->end = td->toks[tok + n - 1].end;
	m->entity = entity;
	for (size_t k = tok; k < tok + n; k++)
		td->tok_ment[k] = (int32_t)td->n_ments;
	td->n_ments++;
	return 0;
}

/* Nouns after a place that make it the place of talks: "the Tianjin summit". */
static const char *const talks_nouns[] = {
	"talks", "summit", "meeting", "meetings", "round", "negotiations", "conference", "process", "format",
	"accords", "accord", "agreement", "declaration", "forum", NULL};
static ag_wordset talks_nouns_set = AG_WORDSET(talks_nouns);

static bool talks_after(const ag_textdoc *td, size_t i)
{
	return i < td->n_toks && (td->toks[i].flags & TF_WORD) && ag__tok_in(td, i, &talks_nouns_set);
}

/* Is the state's name at [i, i+n) the surname of a person of the actor
 * dictionary, whose given name is the word before it ("Prime Minister Luis
 * Montenegro")?  1 yes, 0 no, AG_ENOMEM. */
static int surname_of_actor(ag_textdoc *td, size_t i, size_t n)
{
	const ag_token *g;
	ag_buf key = {0};
	int rc;
	if (!td->gz->actors.count || i == 0 || td->tok_ment[i - 1] >= 0)
		return 0;
	g = &td->toks[i - 1];
	if (!(g->flags & TF_WORD) || !(g->flags & TF_CAP) || (g->flags & (TF_ALLCAPS | TF_SKIP | TF_DIGIT)) ||
	    g->sent != td->toks[i].sent || !ag__gz_tok_has(td, i - 1, GZ_GIVEN))
		return 0;
	if (ag__buf_append(&key, ag__tok_fold(td, i - 1), g->fold_len) < 0)
		return AG_ENOMEM;
	for (size_t k = i; k < i + n; k++)
		if ((!(td->toks[k].flags & TF_NOSPACE) && ag__buf_putc(&key, ' ') < 0) ||
		    ag__buf_append(&key, ag__tok_fold(td, k), td->toks[k].fold_len) < 0) {
			ag__buf_free(&key);
			return AG_ENOMEM;
		}
	rc = ag__gz_actor(td->gz, key.data, &td->scratch) != GZ_ACTOR_NONE;
	ag__buf_free(&key);
	return rc;
}

int ag__find_mentions(ag_textdoc *td)
{
	const ag_gazetteer *gz = td->gz;
	if (AG_GROW(td->tok_ment, td->cap_tok_ment, td->n_toks + 1) < 0)
		return AG_ENOMEM;
	for (size_t i = 0; i < td->n_toks; i++)
		td->tok_ment[i] = -1;
	for (size_t i = 0; i < td->n_toks;) {
		unsigned n = 0;
		int32_t e, best = -1;
		int best_pr = 0, loc;
		const ag_token *t = &td->toks[i];

		/* a word that begins only given and common names (or, in lower case,
		 * no title) starts no mention: the entries of its longest match would
		 * all be passed over below */
		if ((t->flags & TF_SKIP) || !(t->flags & TF_WORD) || !ag__gz_may_mention(td, i) ||
		    (e = ag__gz_match(td, i, &n)) < 0) {
			i++;
			continue;
		}
		loc = -1;
		for (int32_t k = e; k >= 0; k = gz->entries[k].next) {
			const gz_entry *en = &gz->entries[k];
			int pr;
			if (en->ntok != n || en->kind == GZ_GIVEN || en->kind == GZ_COMMON)
				continue;
			if (en->exact && !ag__gz_exact_match(td, i, n, en->exact))
				continue;
			/* proper names need a capital letter; role words do not */
			if (en->kind != GZ_TITLE && !(t->flags & (TF_CAP | TF_DIGIT)))
				continue;
			pr = priority(en->kind);
			/* a city of the world list or a venue is a place only in a place's
			 * frame: "in Tianjin", "at Lancaster House", "the Tianjin talks" */
			if (en->kind == GZ_VENUE || (en->kind == GZ_CITY && gz->entities[en->entity].weak)) {
				/* "the Nice Ocean Summit": the city names a summit */
				bool titled = i + n + 1 < td->n_toks && (td->toks[i + n].flags & TF_CAP) &&
				              (td->toks[i + n + 1].flags & TF_CAP) && talks_after(td, i + n + 1);
				if (loc < 0)
					loc = after_locative(td, i, n) || talks_after(td, i + n) || titled;
				if (!loc)
					continue;
				/* the name of someone or something else: "in Victoria Nuland's view" */
				if (gz->entities[en->entity].ambiguous && i + n < td->n_toks && (td->toks[i + n].flags & TF_CAP) && !titled)
					continue;
				if (en->kind == GZ_VENUE)
					pr = 8; /* "at the Kremlin": the building, not the state */
			}
			if (best < 0 || pr > best_pr) {
				best = k;
				best_pr = pr;
			}
		}
		if (best < 0) {
			i++;
			continue;
		}
		{
			const gz_entry *en = &gz->entries[best];
			int32_t ent = en->entity;
			int rc = 0;
			switch (en->kind) {
			case GZ_STATE: case GZ_DEMONYM: case GZ_ORGAN:
				if (en->kind == GZ_STATE && (rc = surname_of_actor(td, i, n)) != 0) {
					if (rc < 0)
						return rc;
					rc = 0; /* "Luis Montenegro": a person, named after no state */
					break;
				}
				rc = push_mention(td, M_STATE, en->kind, i, n, gz->entities[ent].state);
				break;
			case GZ_CAPITAL: case GZ_SEAT:
				/* "talks in Moscow" is a place; "Moscow said" is the state */
				if (after_locative(td, i, n) || names_meeting(td, i, n))
					rc = push_mention(td, M_PLACE, en->kind, i, n, ent);
				else
					rc = push_mention(td, M_STATE, en->kind, i, n, gz->entities[ent].state);
				break;
			case GZ_CITY: case GZ_REGION: case GZ_VENUE:
				rc = push_mention(td, M_PLACE, en->kind, i, n, ent);
				break;
			case GZ_ORG:
				rc = push_mention(td, M_ORG, en->kind, i, n, ent);
				break;
			case GZ_TITLE:
				/* "Prime Minister Hun Sen.": the end of a name, not "Sen." before one */
				if (n >= 2 && ag__tok_punct(td, i + n - 1) == '.' &&
				    (i + n >= td->n_toks || td->toks[i + n].sent != td->toks[i].sent))
					break;
				rc = push_mention(td, M_TITLE, en->kind, i, n, ent);
				break;
			default:
				rc = push_mention(td, M_BLOCK, en->kind, i, n, ent);
				break;
			}
			if (rc < 0)
				return rc;
			i += n;
		}
	}
	return 0;
}
