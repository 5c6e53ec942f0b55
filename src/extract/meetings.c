/*
 * meetings.c - rounds of talks as first-class nodes.  A sentence that names
 * talks, negotiations, a meeting or a summit is an event: where (a city, a
 * capital as a place, or a country after "in"), when (dates, weekdays and
 * "the following day" resolved against the document date; "first of two
 * days"), who takes part (states), who mediates ("US-mediated", "brokered by",
 * "opened the session"), and which persons are there ("a delegation led by",
 * "talks with", a negotiator's role).  Events of one document are then grouped
 * into meetings: by place and date, and placeless mentions ("the talks") go
 * to the document's main meeting.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/gazetteer.h"
#include "extract/meetings.h"
#include "text/dates.h"

/* A date without a year this many days before the document date is an
 * earlier round when it dates the talks (as a date of another year is). */
#define EARLIER_ROUND_DAYS 45

/* Nouns (and verbs) of talks, and the kind of meeting each names. */
static const char *const cue_nouns[] = {
	"talks", "negotiations", "negotiation", "meeting", "meetings", "summit", "summits",
	"conference", "consultations", "encounter", "call", "round", "rounds", "met", "meet",
	"signed", "signing", "forum", NULL};
static const char *const cue_kinds[] = {
	"talks", "talks", "talks", "meeting", "meeting", "summit", "summit",
	"conference", "talks", "meeting", "call", "talks", "talks", "meeting", "meeting",
	"signing", "signing", "forum"};

/* What is signed at a signing: "the agreement signed in Pretoria". */
static const char *const signed_things[] = {
	"agreement", "agreements", "accord", "accords", "deal", "treaty", "declaration", "memorandum",
	"ceasefire", "truce", "communique", "pact", "protocol", NULL};
static ag_wordset signed_things_set = AG_WORDSET(signed_things);
_Static_assert(sizeof(cue_kinds) / sizeof(cue_kinds[0]) == sizeof(cue_nouns) / sizeof(cue_nouns[0]) - 1,
               "one kind for each cue noun");
static ag_wordset cue_set = AG_WORDSET(cue_nouns);

static const char *const ordinals[] = {
	"first", "second", "third", "fourth", "fifth", "next", "latest", "new", "last", "previous", NULL};

/* Words that open a clause of their own after a comma. */
static const char *const clause_openers[] = {"with", "while", "as", "amid", "despite", "but", "after", "before", NULL};
static ag_wordset clause_openers_set = AG_WORDSET(clause_openers);

/* Words that carry no distance between talks and their place. */
static const char *const small_words[] = {"the", "a", "an", "of", "on", "in", "at", "for", "to", NULL};
static ag_wordset small_words_set = AG_WORDSET(small_words);

/* Words that tie a sentence to the talks without naming them. */
static const char *const context_words[] = {
	"delegation", "delegations", "session", "side", "sides", "mediation", "mediator", "mediators", NULL};

/* A gathering many attend, whose host and chair take part rather than broker. */
static bool multilateral(const char *kind)
{
	return kind && (strcmp(kind, "summit") == 0 || strcmp(kind, "conference") == 0 || strcmp(kind, "forum") == 0);
}

/* Nouns of those who rule a place: "the government in Kabul" names no venue. */
static const char *const ruler_words[] = {
	"government", "authorities", "regime", "leadership", "administration", "officials", "rulers", NULL};
static ag_wordset ruler_words_set = AG_WORDSET(ruler_words);

/* Words before the cue that make the talks another round than the one told of. */
static const char *const another_words[] = {
	"next", "another", "new", "second", "third", "fourth", "fifth", "further", "follow-up", "subsequent", NULL};
static ag_wordset another_words_set = AG_WORDSET(another_words);

static const char *const said_words[] = {"said", "says", "told", "added", "stated", NULL};
static const char *const proposal_words[] = {
	"potential", "possible", "proposed", "planned", "prospective", "future", "hypothetical",
	"eventual", "such", "new", "any", NULL};
static const char *const modal_words[] = {
	"would", "could", "might", "should", "without", "will", "plan", "plans", "planned", "prepare",
	"prepares", "preparing", "scheduled", "upcoming", "next", "proposes", "proposed", "suggested",
	"possibility", "invited", "invitation", NULL};
static const char *const verdict_words[] = {"possible", "likely", "planned", "expected", "envisaged", "mooted", NULL};
static const char *const mediation_verbs[] = {
	"mediated", "brokered", "facilitated", "sponsored", "chaired", "moderated", "opened", "hosted", "supervised",
	"convened", "organised", "organized", "arranged", "overseen", NULL};
/* "Foreign Minister X, who helped facilitate the meeting" */
static const char *const mediation_infinitives[] = {"mediate", "facilitate", "broker", "host", "arrange", NULL};
static ag_wordset mediation_infinitives_set = AG_WORDSET(mediation_infinitives);
static const char *const opening_verbs[] = {"opened", "chaired", "hosted", "moderated", "presided", NULL};
static const char *const lead_verbs[] = {
	"led", "leads", "leading", "headed", "heads", "heading", "met", "meets", "attended", "attends",
	"joined", "negotiated", "opened", "lead", "head", NULL};
static ag_wordset ordinals_set = AG_WORDSET(ordinals);
static ag_wordset context_words_set = AG_WORDSET(context_words);
static ag_wordset said_words_set = AG_WORDSET(said_words);
static ag_wordset proposal_words_set = AG_WORDSET(proposal_words);
static ag_wordset modal_words_set = AG_WORDSET(modal_words);
static ag_wordset verdict_words_set = AG_WORDSET(verdict_words);
static ag_wordset mediation_verbs_set = AG_WORDSET(mediation_verbs);
static ag_wordset opening_verbs_set = AG_WORDSET(opening_verbs);
static ag_wordset lead_verbs_set = AG_WORDSET(lead_verbs);

/* The word sets of this stage (X(name) stands for name_set), looked up
 * together: each word token's membership of all of them is found once per
 * document, into td->tok_bits (see ag__find_meetings), and a rule's test of
 * a word is then a bit test. */
#define MEETING_SETS(X) \
	X(signed_things) \
	X(cue) \
	X(clause_openers) \
	X(small_words) \
	X(ruler_words) \
	X(another_words) \
	X(mediation_infinitives) \
	X(ordinals) \
	X(context_words) \
	X(said_words) \
	X(proposal_words) \
	X(modal_words) \
	X(verdict_words) \
	X(mediation_verbs) \
	X(opening_verbs) \
	X(lead_verbs) \
	X(host_verbs) \
	X(venue_starts) \
	X(venue_breaks) \
	X(venue_time_words) \
	X(date_starts) \
	X(date_caps) \
	X(held_verbs) \
	X(holding_verbs) \
	X(arrival_verbs) \
	X(turn_words) \
	X(heads_words) \
	X(body_words)
enum {
#define X(name) LX_##name,
	MEETING_SETS(X)
#undef X
	LX_COUNT
};
_Static_assert(LX_COUNT <= 64, "a lexicon holds at most 64 sets");

/* Is word token i in set LX_... ? */
static inline bool word_in(const ag_textdoc *td, size_t i, int set)
{
	return i < td->n_toks && ((td->tok_bits[i] >> set) & 1);
}

/* Verbs of a host meeting a visitor: "Trump welcomed Zelensky at the White
 * House", "Xi received Lula in Beijing", "was greeted by Sandu". */
static const char *const host_verbs[] = {
	"welcomed", "welcomes", "welcoming", "received", "receives", "receiving", "greeted", "greets", "greeting",
	"hosted", "hosts", "hosting", NULL};
static ag_wordset host_verbs_set = AG_WORDSET(host_verbs);

/* A person named within a few words after token k (past titles, states and
 * "the"): the one a host verb receives. */
static bool person_follows(const ag_textdoc *td, size_t k, size_t send)
{
	for (size_t v = k + 1; v < send && v <= k + 5; v++) {
		const ag_mention *m = ag__ment_at(td, v);
		if (m && m->kind == M_PERSON)
			return true;
		if (m && (m->kind == M_TITLE || m->kind == M_STATE)) {
			v = m->tok + m->ntok - 1;
			continue;
		}
		if (!(td->toks[v].flags & TF_WORD) || !(ag__tok_is(td, v, "the") || (td->toks[v].flags & TF_CAP)))
			return false;
	}
	return false;
}

/* A host verb with its visitor ("welcomed X", or "X was welcomed by"). */
static bool host_meets(const ag_textdoc *td, size_t k, size_t s, size_t send)
{
	if (!word_in(td, k, LX_host_verbs))
		return false;
	if (person_follows(td, k, send))
		return true;
	if (k > s && (ag__tok_is(td, k - 1, "was") || ag__tok_is(td, k - 1, "were") || ag__tok_is(td, k - 1, "been")))
		for (size_t v = k + 1; v < send && v < k + 12; v++)
			if (ag__tok_is(td, v, "by"))
				return person_follows(td, v, send);
	return false;
}

static const char *cue_kind(const ag_textdoc *td, size_t i)
{
	int k;
	if (!word_in(td, i, LX_cue) || (k = ag__tok_find(td, i, &cue_set)) < 0)
		return NULL;
	return cue_kinds[k];
}

static void add_role(int32_t *arr, size_t *n, int32_t v)
{
	for (size_t k = 0; k < *n; k++)
		if (arr[k] == v)
			return;
	if (*n < AG_MEETING_MAX_ROLES)
		arr[(*n)++] = v;
}

static bool has_role(const int32_t *arr, size_t n, int32_t v)
{
	for (size_t k = 0; k < n; k++)
		if (arr[k] == v)
			return true;
	return false;
}

static const char *const venue_starts[] = {"hold", "begin", "open", "start", "resume", "launch", "attend", "continue", NULL};
static const char *const venue_breaks[] = {
	"and", "but", "or", "after", "before", "ahead", "while", "when", "as", "than", "since", "with",
	"without", "against", "not", NULL};
static const char *const venue_time_words[] = {
	"on", "this", "last", "late", "early", "morning", "afternoon", "evening", "night", "the", NULL};
static ag_wordset venue_starts_set = AG_WORDSET(venue_starts);
static ag_wordset venue_breaks_set = AG_WORDSET(venue_breaks);
static ag_wordset venue_time_words_set = AG_WORDSET(venue_time_words);

/* A venue named before the talks: "gathered in Yerevan on Saturday for talks",
 * "sat down in Hanoi on Sunday, June 23 for talks", "arrived in Doha to hold
 * talks".  The place ends at token `end`, right after its locative; then only
 * words of time may come (on, a weekday, a date), then "for" or "to hold",
 * and then at most five words that describe the talks ("a new round of",
 * "one-day", "IGAD-mediated"), with no clause break, no other place and no
 * word that starts another event ("ahead of talks", "and talks").  */
static bool venue_before_cue(const ag_textdoc *td, size_t end, size_t cue)
{
	size_t k = end, lead;

	while (k < cue && k < end + 8) {
		const ag_token *t = &td->toks[k];
		/* "on Sunday, June 23", "late on Friday": weekdays and months are
		 * capitalised words that name no actor */
		if (!(t->flags & TF_WORD) ? t->punct == ',' :
		    (t->flags & TF_DIGIT) || word_in(td, k, LX_venue_time_words) ||
		    ((t->flags & TF_CAP) && (!ag__ment_at(td, k) || ag__ment_at(td, k)->kind == M_BLOCK))) {
			k++;
			continue;
		}
		break;
	}
	if (ag__tok_is(td, k, "for")) {
		k++;
	} else if (ag__tok_is(td, k, "to") && word_in(td, k + 1, LX_venue_starts)) {
		k += 2;
	} else {
		return false;
	}
	if (k > cue || cue - k > 5)
		return false;
	for (lead = k; lead < cue; lead++) {
		const ag_mention *m = ag__ment_at(td, lead);
		if (!(td->toks[lead].flags & TF_WORD) && td->toks[lead].punct != '-')
			return false;
		if ((td->toks[lead].flags & TF_WORD) && (word_in(td, lead, LX_venue_breaks) ||
		                                          ag__tok_locative(td, lead, AG_LOC_VENUE) || word_in(td, lead, LX_said_words)))
			return false;
		if (m && m->kind == M_PLACE)
			return false;
	}
	return true;
}

/* Tokens a to b (the cue) all capitalized: one title ("Nice Ocean Summit"). */
static bool title_to(const ag_textdoc *td, size_t a, size_t b)
{
	for (size_t k = a; k <= b; k++)
		if (!(td->toks[k].flags & TF_CAP))
			return false;
	return true;
}

/* A conjunction opening another clause between tokens a and b ("marched in
 * Tbilisi on Saturday, and talks resumed"): the place is not the talks'. */
static bool clause_between(const ag_textdoc *td, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (ag__tok_is(td, k, "and") || ag__tok_is(td, k, "but") || ag__tok_is(td, k, "while") ||
		    ag__tok_is(td, k, "whereas"))
			return true;
	return false;
}

/* "in Pretoria, where the talks began", "a visit to Lisbon on Monday, where
 * he held talks": a place (ending before token end) whose where-clause
 * holds the cue. */
static bool where_clause(const ag_textdoc *td, size_t end, size_t cue)
{
	for (size_t k = end; k < cue && k < end + 5; k++) {
		if (ag__tok_punct(td, k) == ',' && ag__tok_is(td, k + 1, "where"))
			return cue <= k + 10 && !clause_between(td, k + 2, cue);
		if (clause_between(td, k, k + 1))
			return false;
	}
	return false;
}

/* One sentence's worth of meeting information. */
typedef struct {
	ag_meeting m;
	size_t cue;
	bool creates; /* names the talks (else only context: a delegation, the session) */
	bool between; /* "talks between X and Y" named the sides */
	bool dated;
	ag_date start, end;
} event;

static void set_dates(event *ev, ag_date a, ag_date b)
{
	if (!ev->dated || ag__date_cmp(&a, &ev->start) < 0)
		ev->start = a;
	if (!ev->dated || ag__date_cmp(&b, &ev->end) > 0)
		ev->end = b;
	ev->dated = true;
}

/* Dates in sentence s: absolute dates, weekdays, relative days, day spans. */
/* Is token i close enough to the cue to date the talks ("the failed 2022
 * negotiations", "talks were in March 2022")? */
static bool near_cue(const event *ev, size_t i)
{
	return ev->creates && (i > ev->cue ? i - ev->cue : ev->cue - i) <= 4;
}

/* The lower-case words that can start a date, a weekday or a day word. */
static const char *const date_starts[] = {
	"the", "today", "yesterday", "tomorrow", "tonight", "first", "second", "third",
	"two", "three", "four", "a", "one", "five", NULL};
static ag_wordset date_starts_set = AG_WORDSET(date_starts);
/* The capitalised words a date expression of dates.h can start with:
 * months, weekdays, and the words above; any other (a name) starts none. */
static const char *const date_caps[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"the", "today", "yesterday", "tomorrow", "tonight", "a", "an", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
	"ninth", "tenth", NULL};
static ag_wordset date_caps_set = AG_WORDSET(date_caps);

/* "the talks ..., held earlier this week": after the cue, a verb of the
 * talks with a vague time of its own.  The sentence's dates then belong to
 * something else ("capitals weighed in on Sunday on the talks, held earlier
 * this week in Abuja"), and talks with a venue stay undated here. */
static const char *const held_verbs[] = {"held", "ended", "concluded", "began", "opened", "wrapped", "took", NULL};
static ag_wordset held_verbs_set = AG_WORDSET(held_verbs);

static bool held_vaguely(const ag_textdoc *td, const event *ev, size_t send)
{
	if (!ev->creates)
		return false;
	for (size_t k = ev->cue + 1; k + 2 < send; k++) {
		size_t v = k + 1;
		if (!word_in(td, k, LX_held_verbs))
			continue;
		if (ag__tok_is(td, v, "up") || ag__tok_is(td, v, "place")) /* "wrapped up", "took place" */
			v++;
		if (v + 1 < send && (ag__tok_is(td, v, "earlier") || ag__tok_is(td, v, "last")) &&
		    (ag__tok_is(td, v + 1, "week") || ag__tok_is(td, v + 1, "month") ||
		     (ag__tok_is(td, v + 1, "this") && v + 2 < send &&
		      (ag__tok_is(td, v + 2, "week") || ag__tok_is(td, v + 2, "month")))))
			return true;
	}
	return false;
}

static void read_dates(const ag_textdoc *td, const ag_sentence *s, const ag_date *anchor, event *ev)
{
	const char *text = td->doc->text;
	size_t send = s->tok + s->ntok;
	int count = 0, ordinal = 0;
	bool have_base = false, have_past = false;
	ag_date base = {0, 0, 0}, past = {0, 0, 0};

	if (ev->m.place >= 0 && held_vaguely(td, ev, send))
		return; /* dated by the other reports of the talks at that place */

	for (size_t i = s->tok; i < send; i++) {
		const ag_token *t = &td->toks[i];
		size_t left = s->end - t->start, used;
		ag_date d;
		int wd, delta, c, o, md_month, md_day, md_end;

		if (!(t->flags & TF_WORD))
			continue;
		/* talks only planned are not dated by when they were spoken of ("on
		 * Sunday, leaders called for eventual talks") */
		if (ev->creates && ev->m.proposed && i < ev->cue)
			continue;
		/* "spent the weekend at a summit", "talks over the weekend": the
		 * Saturday and Sunday last before the story (or next, if to come) */
		if (anchor && ag__tok_is(td, i, "weekend") && i > s->tok &&
		    (ag__tok_is(td, i - 1, "the") || ag__tok_is(td, i - 1, "this") || ag__tok_is(td, i - 1, "at") ||
		     ag__tok_is(td, i - 1, "next") || ag__tok_is(td, i - 1, "last"))) {
			bool future = ag__tok_is(td, i - 1, "next") || ag__date_future_cue(text + s->start, t->start - s->start);
			ag_date sat = ag__date_resolve_weekday(*anchor, 5, future);
			/* "proposed talks in Istanbul last weekend": when it was proposed */
			if (ev->m.proposed && !future)
				continue;
			if (ag__date_valid(&sat)) {
				base = sat;
				have_base = true;
				count = 2;
				ordinal = 0;
			}
			continue;
		}
		/* dates, weekdays and day words start with a digit, a capital or one
		 * of a few lower-case words: skip the rest cheaply */
		if (!(t->flags & (TF_DIGIT | TF_CAP)) && !word_in(td, i, LX_date_starts))
			continue;
		if (!(t->flags & TF_DIGIT) && (t->flags & TF_CAP) && !word_in(td, i, LX_date_caps))
			continue;
		if ((used = ag__date_parse_at(text + t->start, left, &d)) > 0) {
			if (d.day && ag__date_valid(&d)) {
				base = d;
				have_base = true;
				/* "the last summit took place on October 9, 2024": an
				 * earlier one, on that day */
				if (anchor && abs(d.year - anchor->year) >= 1 && near_cue(ev, i)) {
					ev->m.historical = true;
					if (!have_past) {
						past = d;
						have_past = true;
					}
				}
			} else if (d.year && near_cue(ev, i) && (!anchor || d.year != anchor->year)) {
				/* "talks in March 2022": a month is all we know */
				ev->m.historical = anchor != NULL;
				ev->m.year = d.year;
				ev->m.month = d.month;
			}
			while (i + 1 < send && td->toks[i + 1].start < t->start + used)
				i++;
			continue;
		}
		/* a day without a year ("met in Cairo on July 7", "on 7 July"): the
		 * nearest such day not far after the document date (dates.h) */
		if (anchor && (used = ag__date_parse_month_day(text + t->start, left, &md_month, &md_day, &md_end)) > 0) {
			ag_date r = ag__date_resolve_month_day(*anchor, md_month, md_day);
			if (ag__date_valid(&r)) {
				ag_date far = ag__date_add_days(*anchor, -EARLIER_ROUND_DAYS);
				base = r;
				have_base = true;
				if (md_end > md_day) {
					ag_date e = ag__date_add_days(r, md_end - md_day);
					if (ag__date_valid(&e) && e.month == r.month) {
						count = md_end - md_day + 1;
						ordinal = 0;
					}
				}
				/* months before the story: an earlier round, as for a dated one */
				if (ag__date_cmp(&r, &far) < 0 && near_cue(ev, i))
					ev->m.historical = true;
			}
			while (i + 1 < send && td->toks[i + 1].start < t->start + used)
				i++;
			continue;
		}
		/* a bare year that is not the document's: an earlier round ("the failed 2022 talks") */
		if ((t->flags & TF_DIGIT) && t->end - t->start == 4 && anchor) {
			int y = atoi(text + t->start);
			if (y >= 1900 && y <= 2100 && y != anchor->year && near_cue(ev, i))
				ev->m.historical = true;
		}
		if (anchor && (used = ag__date_parse_weekday(text + t->start, left, &wd)) > 0) {
			bool future = ag__date_future_cue(text + s->start, t->start - s->start);
			base = ag__date_resolve_weekday(*anchor, wd, future);
			have_base = ag__date_valid(&base);
			continue;
		}
		if (anchor && (used = ag__date_parse_relative(text + t->start, left, &delta)) > 0) {
			ag_date r = ag__date_add_days(*anchor, delta);
			/* talks only proposed are not held yesterday */
			if (ag__date_valid(&r) && !(ev->m.proposed && delta < 0))
				set_dates(ev, r, r);
			while (i + 1 < send && td->toks[i + 1].start < t->start + used)
				i++;
			continue;
		}
		if ((used = ag__date_parse_day_span(text + t->start, left, &c, &o)) > 0) {
			count = c;
			ordinal = o;
			while (i + 1 < send && td->toks[i + 1].start < t->start + used)
				i++;
		}
	}
	if (!have_base && count && anchor && !ev->m.historical) {
		base = *anchor; /* "a second day of negotiations", in a story of that day */
		have_base = true;
	}
	if (ev->m.historical && have_past) {
		set_dates(ev, past, past);
		ev->m.year = past.year;
		ev->m.month = past.month;
		return;
	}
	if (have_base && !ev->m.historical) {
		ag_date a = base, b = base;
		if (count > 1 && ordinal >= 1) {
			a = ag__date_add_days(base, -(ordinal - 1));
			b = ag__date_add_days(a, count - 1);
		} else if (count > 1) {
			b = ag__date_add_days(base, count - 1);
		}
		if (ag__date_valid(&a) && ag__date_valid(&b))
			set_dates(ev, a, b);
	}
}

/* "joined by phone", "took part by video link": not there in person; the
 * call is no meeting. */
static bool by_wire(const ag_textdoc *td, size_t k)
{
	return ag__tok_is(td, k, "by") && (ag__tok_is(td, k + 1, "phone") || ag__tok_is(td, k + 1, "telephone") ||
	                                   ag__tok_is(td, k + 1, "video") || ag__tok_is(td, k + 1, "videoconference") ||
	                                   ag__tok_is(td, k + 1, "videolink"));
}

/* Where a list of those present begins in the sentence from token s to
 * send: "the forum was joined by A, B and C", "attended by", "Also attending
 * were", "Among the participants of the meeting were", "participants
 * included".  The first token of the list, or (size_t)-1. */
static size_t attendance_list(const ag_textdoc *td, size_t s, size_t send)
{
	for (size_t k = s; k + 1 < send; k++) {
		if ((ag__tok_is(td, k, "joined") || ag__tok_is(td, k, "attended") || ag__tok_is(td, k, "accompanied") ||
		     ag__tok_is(td, k, "flanked")) && ag__tok_is(td, k + 1, "by") &&
		    !by_wire(td, k + 1))
			return k + 2;
		if ((ag__tok_is(td, k, "attending") || ag__tok_is(td, k, "present")) &&
		    (ag__tok_is(td, k + 1, "were") || ag__tok_is(td, k + 1, "was") || ag__tok_is(td, k + 1, "are") ||
		     ag__tok_is(td, k + 1, "is")))
			return k + 2;
		if (ag__tok_is(td, k, "participants") || ag__tok_is(td, k, "attendees") || ag__tok_is(td, k, "delegates")) {
			for (size_t v = k + 1; v < send && v < k + 9; v++) {
				if (ag__tok_punct(td, v) == '.' || ag__tok_punct(td, v) == ';')
					break;
				if (ag__tok_is(td, v, "were") || ag__tok_is(td, v, "was") || ag__tok_is(td, v, "are") ||
				    ag__tok_is(td, v, "included") || ag__tok_is(td, v, "include") || ag__tok_is(td, v, "includes"))
					return v + 1;
			}
		}
	}
	return (size_t)-1;
}

/* "X took part", "X participated": words of attendance after a name. */
static bool took_part(const ag_textdoc *td, size_t k)
{
	return (ag__tok_is(td, k, "took") && ag__tok_is(td, k + 1, "part")) || ag__tok_is(td, k, "participated") ||
	       ag__tok_is(td, k, "participates");
}

/* "held talks", "had a meeting", "began a new round of negotiations": a verb
 * of holding talks at token k, its object within three words. */
static const char *const holding_verbs[] = {"held", "hold", "holds", "holding", "had", "has", "have", "began", "begin",
                                            "resumed", "resume", "opened", "concluded", NULL};
static ag_wordset holding_verbs_set = AG_WORDSET(holding_verbs);

static bool holds_talks(const ag_textdoc *td, size_t k, size_t send)
{
	if (!word_in(td, k, LX_holding_verbs))
		return false;
	for (size_t c = k + 1; c < send && c <= k + 3; c++) {
		if (cue_kind(td, c) && !ag__tok_is(td, c, "call"))
			return true;
		if (ag__tok_punct(td, c))
			return false;
	}
	return false;
}

/* "a summit in Lisbon on Sunday with X": talks named shortly before "with"
 * at token k, in the same clause. */
static bool talks_with(const ag_textdoc *td, size_t k, size_t s)
{
	if (k == s || ag__tok_punct(td, k - 1) == ',')
		return false;
	for (size_t c = k; c > s && c + 7 > k; c--) {
		if (ag__tok_punct(td, c - 1) == ',' || ag__tok_punct(td, c - 1) == ';' || ag__tok_is(td, c - 1, "and"))
			return false;
		if (cue_kind(td, c - 1))
			return !ag__tok_is(td, c - 1, "call");
	}
	return false;
}

/* Travel that brings a person to the talks: "X flew to Ankara for talks
 * with Y", "X arrived in Doha for the summit". */
static const char *const arrival_verbs[] = {
	"flew", "travelled", "traveled", "arrived", "arrives", "went", "came", "visited", "visits", NULL};
static ag_wordset arrival_verbs_set = AG_WORDSET(arrival_verbs);

/* The comma that closes a clause opened by the comma at token k, searched
 * from token `from` up to (not at) token `upto`, within the sentence; k
 * when the sentence ends first. */
static size_t closing_comma(const ag_textdoc *td, size_t k, size_t from, size_t upto, size_t send)
{
	for (size_t e = from; e < send && e < upto; e++) {
		if (ag__tok_punct(td, e) == ',')
			return e;
		if (ag__tok_punct(td, e) == '.' || ag__tok_punct(td, e) == ';')
			break;
	}
	return k;
}

/* Where cue_ahead stops looking. */
enum { STOP_NEVER, STOP_FULL_STOP, STOP_PUNCT };

/* Does a meeting word (not "call") come in tokens from..from+n-1, before
 * `stop`: a full stop or semicolon, any punctuation, or nothing but the
 * sentence's end? */
static bool cue_ahead(const ag_textdoc *td, size_t from, size_t n, size_t send, int stop)
{
	for (size_t c = from; c < send && c < from + n; c++) {
		char p = ag__tok_punct(td, c);
		if ((stop == STOP_PUNCT && p) || (stop == STOP_FULL_STOP && (p == '.' || p == ';')))
			break;
		if (cue_kind(td, c) && !ag__tok_is(td, c, "call"))
			return true;
	}
	return false;
}

/* The end of a relative clause that opens at token k (", who had said ...,"),
 * or k when none does: what it says is about the person, not the talks. */
static size_t past_relative(const ag_textdoc *td, size_t k, size_t send)
{
	if (ag__tok_punct(td, k) != ',' || !(ag__tok_is(td, k + 1, "who") || ag__tok_is(td, k + 1, "which") ||
	                                     ag__tok_is(td, k + 1, "whose")))
		return k;
	return closing_comma(td, k, k + 2, k + 30, send);
}

/* The words after a name (from token b) that place the person there:
 * "X met", "X led", "X took part", "X held talks", "X speaks at the summit",
 * "X and Y shook hands", "X flew to Ankara for talks"; not "X said that",
 * not "X joined by phone". */
static bool present_after(const ag_textdoc *td, size_t b, size_t s, size_t send)
{
	size_t limit = b + 10;
	for (size_t k = b; k < send && k < limit; k++) {
		/* "X, who had said he was ready to meet Y, flew to Ankara ...": past
		 * the clause about X */
		size_t e = past_relative(td, k, send);
		/* and past an appositive right after the name ("X, a former minister, to lead") */
		if (e == k && k == b && ag__tok_punct(td, k) == ',' &&
		    (ag__tok_is(td, k + 1, "a") || ag__tok_is(td, k + 1, "an") || ag__tok_is(td, k + 1, "the") ||
		     ag__tok_is(td, k + 1, "former")))
			e = closing_comma(td, k, k + 2, k + 20, send);
		if (e != k) {
			limit += e - k;
			k = e;
			continue;
		}
		if (word_in(td, k, LX_arrival_verbs) && cue_ahead(td, k + 1, 9, send, STOP_FULL_STOP))
			return true;
		/* "X called for a ceasefire as the delegations met": another subject's verb */
		if ((ag__tok_is(td, k, "as") || ag__tok_is(td, k, "while") || ag__tok_is(td, k, "when") ||
		     ag__tok_is(td, k, "whereas")) &&
		    !(ag__tok_is(td, k, "as") && k + 2 < send && cue_kind(td, k + 2)) &&
		    /* "X crossed the border as he greeted Y": the same subject */
		    !(ag__tok_is(td, k + 1, "he") || ag__tok_is(td, k + 1, "she") || ag__tok_is(td, k + 1, "they")) &&
		    /* but "X as its lead negotiator", "as a mediator": a role */
		    !(ag__tok_is(td, k, "as") && (ag__tok_is(td, k + 1, "its") || ag__tok_is(td, k + 1, "his") ||
		                                  ag__tok_is(td, k + 1, "her") || ag__tok_is(td, k + 1, "their") ||
		                                  ag__tok_is(td, k + 1, "a") || ag__tok_is(td, k + 1, "an") ||
		                                  ag__tok_is(td, k + 1, "head") || ag__tok_is(td, k + 1, "part"))))
			break;
		if (ag__tok_is(td, k, "not") || ag__tok_is(td, k, "never") || ag__tok_is(td, k, "that") ||
		    ag__tok_is(td, k, "skipped") || ag__tok_is(td, k, "skipping") || ag__tok_is(td, k, "confirmed") ||
		    ag__tok_is(td, k, "told") || ag__tok_is(td, k, "says"))
			break;
		if ((word_in(td, k, LX_lead_verbs) || took_part(td, k)) &&
		    (by_wire(td, k + 1) || by_wire(td, k + 2) || by_wire(td, k + 3)))
			break;
		if (word_in(td, k, LX_lead_verbs) || took_part(td, k) || holds_talks(td, k, send) || host_meets(td, k, s, send) ||
		    (ag__tok_is(td, k, "as") && k + 2 < send && cue_kind(td, k + 2)))
			return true;
		if ((ag__tok_is(td, k, "shook") || ag__tok_is(td, k, "shake") || ag__tok_is(td, k, "shaking")) &&
		    ag__tok_is(td, k + 1, "hands"))
			return true;
		if ((ag__tok_is(td, k, "speak") || ag__tok_is(td, k, "speaks") || ag__tok_is(td, k, "spoke") ||
		     ag__tok_is(td, k, "speaking")) &&
		    (ag__tok_is(td, k + 1, "at") || ag__tok_is(td, k + 1, "during")) && cue_ahead(td, k + 2, 8, send, STOP_PUNCT))
			return true;
		if ((ag__tok_is(td, k, "after") || ag__tok_is(td, k, "following")) && k + 2 < send &&
		    (cue_kind(td, k + 1) || cue_kind(td, k + 2)))
			return true;
		if (ag__tok_punct(td, k) == '.' || ag__tok_punct(td, k) == ';')
			break;
	}
	return false;
}

/* The end of a list of names that starts at token b ("A, Poland's Prime
 * Minister B and C"): past commas, "and", names, titles and states. */
static size_t list_end(const ag_textdoc *td, size_t b, size_t send)
{
	size_t k = b, end = b;
	while (k < send) {
		const ag_mention *x = ag__ment_at(td, k);
		if (ag__tok_punct(td, k) == ',' || ag__tok_is(td, k, "and")) {
			k++;
			continue;
		}
		if (!x || (x->kind != M_PERSON && x->kind != M_TITLE && x->kind != M_STATE && x->kind != M_ORG))
			break;
		k = x->tok + x->ntok;
		if (x->kind == M_PERSON)
			end = k;
	}
	return end;
}

/* Is person mention m present at the talks by the words around it?  A list
 * of those present begins at token `list` ((size_t)-1: none). */
static bool participates(const ag_textdoc *td, const ag_mention *m, size_t s, size_t send, size_t list)
{
	size_t a = m->tok, b = m->tok + m->ntok;
	const ag_mention *next = ag__ment_at(td, b);

	/* "Putin's aide", "Mr Putin envoy": the name describes someone else */
	if ((td->toks[b - 1].flags & TF_POSS) || (next && next->kind == M_TITLE))
		return false;
	if (list != (size_t)-1 && a >= list)
		return true;
	for (size_t k = a > s + 6 ? a - 6 : s; k < a; k++) {
		if ((ag__tok_is(td, k, "by") && k > s && word_in(td, k - 1, LX_lead_verbs)) || ag__tok_is(td, k, "includes") ||
		    ag__tok_is(td, k, "included") || ag__tok_is(td, k, "comprised") || ag__tok_is(td, k, "comprising") ||
		    (ag__tok_is(td, k, "by") && k > s + 1 && host_meets(td, a > s + 12 ? a - 12 : s, s, send) && a == k + 1) ||
		    ag__tok_is(td, k, "including") || ag__tok_is(td, k, "include") || ag__tok_is(td, k, "alongside"))
			return true;
		/* "talks with X", "met with X", "a summit in Lisbon with X"; a call with X is no meeting */
		if (ag__tok_is(td, k, "with") && k > s && (talks_with(td, k, s) || ag__tok_is(td, k - 1, "met")))
			return true;
		if (ag__tok_is(td, k, "met") || ag__tok_is(td, k, "between") || host_meets(td, k, s, send))
			return true;
	}
	if (present_after(td, b, s, send))
		return true;
	/* "A, B and C speak during the summit": the words after the list */
	return list_end(td, b, send) > b && present_after(td, list_end(td, b, send), s, send);
}

static int32_t side_of(const ag_textdoc *td, const ag_mention *m)
{
	if (m->kind == M_PERSON)
		return td->persons[m->entity].affil;
	return m->entity;
}

/* A state named after its city ("ISTANBUL, Turkey --", "in Paris, France"):
 * where, not who. */
static bool country_of_city(const ag_textdoc *td, const ag_mention *m, size_t s)
{
	const ag_mention *c;
	if (m->tok < s + 2 || ag__tok_punct(td, m->tok - 1) != ',')
		return false;
	c = ag__ment_at(td, m->tok - 2);
	return c && c->kind == M_PLACE && td->gz->entities[c->entity].state == m->entity;
}

/* Is token t inside a relative clause about someone (", who had said he
 * would meet the Russian leader,")? */
static bool in_relative(const ag_textdoc *td, size_t t, size_t s, size_t send)
{
	for (size_t k = t; k > s && k + 30 > t; k--) {
		size_t e;
		if (ag__tok_punct(td, k - 1) != ',')
			continue;
		e = past_relative(td, k - 1, send);
		return e != k - 1 && e > t;
	}
	return false;
}

/* Is the person named at token a one of a list that names mediators ("the
 * AU mediation team: former President A and B", "the mediators, A and B")?
 * Between the word and the name only names, titles, commas, colons, "and"
 * and "former". */
static bool mediators_list(const ag_textdoc *td, size_t a, size_t s)
{
	for (size_t k = a; k > s && k + 24 > a; k--) {
		size_t w = k - 1;
		const ag_mention *x = ag__ment_at(td, w);
		if (ag__tok_is(td, w, "mediators") || ag__tok_is(td, w, "mediator") ||
		    ((ag__tok_is(td, w, "team") || ag__tok_is(td, w, "panel")) && w > s && ag__tok_is(td, w - 1, "mediation")))
			return w + 1 < a;
		if (x) {
			k = x->tok + 1;
			continue;
		}
		if (!(ag__tok_punct(td, w) == ',' || ag__tok_punct(td, w) == ':' || ag__tok_punct(td, w) == '-' ||
		      ag__tok_is(td, w, "and") || ag__tok_is(td, w, "former") || (td->toks[w].flags & TF_CAP)))
			return false;
	}
	return false;
}

static const char *const turn_words[] = {"follows", "followed", "build", "builds", "ahead", "comes", "came", NULL};
static ag_wordset turn_words_set = AG_WORDSET(turn_words);

/* Where a sentence that tells of two meetings turns from one to the other:
 * "the summit follows talks in Copenhagen", "was to build on their first
 * meeting at Singapore", "comes ahead of a summit in Rome"; the token that
 * opens the second clause, or 0 when there is none (a cue on both sides). */
static size_t second_meeting_at(const ag_textdoc *td, size_t lo, size_t hi)
{
	for (size_t k = lo + 1; k + 1 < hi; k++) {
		bool cue_before = false;
		/* one look-up per word: the turning words are rare */
		if (!word_in(td, k, LX_turn_words))
			continue;
		if (((ag__tok_is(td, k, "build") || ag__tok_is(td, k, "builds")) && !ag__tok_is(td, k + 1, "on")) ||
		    (ag__tok_is(td, k, "ahead") && !ag__tok_is(td, k + 1, "of")) ||
		    ((ag__tok_is(td, k, "comes") || ag__tok_is(td, k, "came")) && !ag__tok_is(td, k + 1, "after")))
			continue;
		for (size_t c = lo; c < k && !cue_before; c++)
			cue_before = cue_kind(td, c) != NULL;
		if (cue_before && cue_ahead(td, k + 1, 7, hi, STOP_NEVER))
			return k;
	}
	return 0;
}

/* Read one clause (tokens lo..hi of sentence si) into an event; false when
 * it says nothing about talks. */
static bool read_event(const ag_textdoc *td, size_t si, size_t lo, size_t hi, const ag_date *anchor, event *ev)
{
	ag_sentence clause = td->sents[si];
	const ag_sentence *s = &clause;
	size_t send = hi, best_dist = (size_t)-1, cues[8], n_cues = 0;
	size_t list = attendance_list(td, lo, hi);
	bool context = list != (size_t)-1, chain = false;

	clause.tok = (uint32_t)lo;
	clause.ntok = (uint32_t)(hi - lo);
	clause.start = td->toks[lo].start;
	clause.end = td->toks[hi - 1].end;
	memset(ev, 0, sizeof(*ev));
	ev->m.place = ev->m.country = -1;
	ev->cue = (size_t)-1;
	if (td->toks[s->tok].flags & TF_SKIP)
		return false;
	for (size_t i = s->tok; i < send; i++) {
		const char *kind = cue_kind(td, i);
		/* "call" and "round" only as nouns of talks: "a call with", "a round of talks" */
		if (kind && (ag__tok_is(td, i, "call") && !ag__tok_is(td, i + 1, "with")))
			kind = NULL;
		/* "round" as talks: "a round of talks", "the second round", "the Istanbul round" */
		if (kind && (ag__tok_is(td, i, "round") || ag__tok_is(td, i, "rounds")) && !ag__tok_is(td, i + 1, "of") &&
		    !ag__tok_is(td, i + 1, "in") && !ag__tok_is(td, i + 1, "at") &&
		    !(i > s->tok && (word_in(td, i - 1, LX_ordinals) ||
		                     (ag__ment_at(td, i - 1) && ag__ment_at(td, i - 1)->kind == M_PLACE))))
			kind = NULL;
		/* a signing of an agreement, not of a decree or a letter */
		if (kind && strcmp(kind, "signing") == 0) {
			bool thing = false;
			for (size_t k = i > s->tok + 6 ? i - 6 : s->tok; k < send && k < i + 6; k++)
				thing |= word_in(td, k, LX_signed_things);
			if (!thing)
				kind = NULL;
		}
		/* a conference centre, hall or room is a building */
		if (kind && ag__tok_is(td, i, "conference") &&
		    (ag__tok_is(td, i + 1, "centre") || ag__tok_is(td, i + 1, "center") || ag__tok_is(td, i + 1, "hall") ||
		     ag__tok_is(td, i + 1, "room") || ag__tok_is(td, i + 1, "call")))
			kind = NULL;
		/* a news conference is a person with the press, not a meeting */
		if (kind && ag__tok_is(td, i, "conference") && i > s->tok &&
		    (ag__tok_is(td, i - 1, "news") || ag__tok_is(td, i - 1, "press")))
			kind = NULL;
		/* "Trump welcomed Zelensky at the White House": a visit */
		if (!kind && host_meets(td, i, s->tok, send))
			kind = "meeting";
		/* "opened the session": the session is the talks */
		if (!kind && ag__tok_is(td, i, "session") && i >= s->tok + 2 && ag__tok_is(td, i - 1, "the") &&
		    (ag__tok_is(td, i - 2, "opened") || ag__tok_is(td, i - 2, "chaired") || ag__tok_is(td, i - 2, "closed")))
			kind = "talks";
		if (kind && ev->cue == (size_t)-1) {
			ev->cue = i;
			ev->m.kind = kind;
			ev->creates = true;
		}
		if (kind && n_cues < sizeof(cues) / sizeof(cues[0]))
			cues[n_cues++] = i;
		if (word_in(td, i, LX_context_words) || took_part(td, i))
			context = true;
	}
	if (!ev->creates && !context)
		return false;
	if (ev->cue == (size_t)-1) {
		ev->cue = s->tok;
		ev->m.kind = "talks";
	}
	ev->m.first_sent = (uint32_t)si;
	ev->m.span_start = s->start;
	ev->m.span_end = s->end;
	ev->m.events = 1;

	/* proposed, not held: "a potential meeting", "a meeting ... would be" */
	if (ev->creates) {
		for (size_t k = ev->cue > s->tok + 2 ? ev->cue - 2 : s->tok; k < ev->cue; k++)
			if (word_in(td, k, LX_proposal_words) && !ag__tok_is(td, k, "new"))
				ev->m.proposed = true;
		for (size_t k = ev->cue > s->tok + 8 ? ev->cue - 8 : s->tok; k < ev->cue; k++) {
			if (ag__tok_punct(td, k) == ',' || ag__tok_punct(td, k) == ';')
				continue;
			if (word_in(td, k, LX_modal_words))
				ev->m.proposed = true;
		}
		/* "calls for intra-Afghan talks": wanted, not held */
		for (size_t k = ev->cue > s->tok + 6 ? ev->cue - 6 : s->tok; k + 1 < ev->cue; k++)
			if ((ag__tok_is(td, k, "calls") || ag__tok_is(td, k, "called") || ag__tok_is(td, k, "calling") ||
			     ag__tok_is(td, k, "call")) && ag__tok_is(td, k + 1, "for"))
				ev->m.proposed = true;
		for (size_t k = ev->cue > s->tok + 3 ? ev->cue - 3 : s->tok; k < ev->cue; k++)
			if (word_in(td, k, LX_another_words))
				ev->m.another = true;
		for (size_t k = ev->cue + 1; k < send && k < ev->cue + 16; k++) {
			if (ag__tok_punct(td, k) == ',' || ag__tok_punct(td, k) == '.' || ag__tok_punct(td, k) == ';')
				break;
			if ((ag__tok_is(td, k, "would") || ag__tok_is(td, k, "could") || ag__tok_is(td, k, "might") ||
			     ag__tok_is(td, k, "should")) &&
			    (ag__tok_is(td, k + 1, "be") || ag__tok_is(td, k + 1, "take") || ag__tok_is(td, k + 1, "happen") ||
			     ag__tok_is(td, k + 1, "come")))
				ev->m.proposed = true;
			/* "a Trump-Putin meeting was possible" */
			if ((ag__tok_is(td, k, "was") || ag__tok_is(td, k, "is") || ag__tok_is(td, k, "be")) &&
			    word_in(td, k + 1, LX_verdict_words))
				ev->m.proposed = true;
		}
	}

	/* "talks between Armenia and Azerbaijan": the sides are those two (or
	 * three), whatever else the sentence names */
	if (ev->creates) {
		for (size_t i = ev->cue + 1; i < send && i < ev->cue + 4; i++) {
			size_t k, got = 0;
			int32_t sides[3];
			if (!ag__tok_is(td, i, "between"))
				continue;
			for (k = i + 1; k < send && got < 3; k++) {
				const ag_mention *m = ag__ment_at(td, k);
				if (m && m->tok == k && (m->kind == M_STATE || m->kind == M_ORG)) {
					sides[got++] = m->entity;
					k = m->tok + m->ntok - 1;
				} else if (m && m->tok == k && m->kind == M_PERSON && side_of(td, m) >= 0) {
					sides[got++] = side_of(td, m);
					k = m->tok + m->ntok - 1;
				} else if (!(ag__tok_is(td, k, "and") || ag__tok_punct(td, k) == ',' || ag__tok_is(td, k, "the") ||
				             (m && m->kind == M_TITLE) || (td->toks[k].flags & TF_CAP) || ag__tok_punct(td, k) == '\'')) {
					break;
				}
			}
			if (got >= 2) {
				for (size_t g = 0; g < got; g++)
					add_role(ev->m.parties, &ev->m.n_parties, sides[g]);
				ev->between = true;
			}
			break;
		}
	}
	for (size_t i = s->tok; i < send; i++) {
		const ag_mention *m = ag__ment_at(td, i);
		if (ag__tok_is(td, i, "trilateral") || ag__tok_is(td, i, "three-way") || ag__tok_is(td, i, "tripartite"))
			ev->m.trilateral = true;
		if ((ag__tok_is(td, i, "two") || ag__tok_is(td, i, "both")) &&
		    (ag__tok_is(td, i + 1, "sides") || ag__tok_is(td, i + 1, "parties") || ag__tok_is(td, i + 1, "delegations")))
			ev->m.two_sides = true;
		if (!m || m->tok != i)
			continue;
		i = m->tok + m->ntok - 1;
		/* the place: tied to the cue ("talks in Geneva", "the Geneva talks",
		 * "held in Türkiye", "in the Emirati capital"), not any place in the sentence */
		if (ev->creates && ((m->kind == M_PLACE && (m->via == GZ_CITY || m->via == GZ_CAPITAL || m->via == GZ_VENUE)) ||
		                    m->kind == M_STATE)) {
			size_t end = m->tok + m->ntok, dist = (size_t)-1;
			bool loc = ag__after_locative(td, m->tok, s->tok, AG_LOC_VENUE);
			bool emirati_capital = m->kind == M_STATE && m->via == GZ_DEMONYM && ag__tok_is(td, end, "capital");
			if (m->kind == M_STATE && !(m->via == GZ_STATE && loc) && !emirati_capital)
				goto not_place;
			/* "the government in Kabul", "authorities in Moscow": who rules there, not where */
			if (loc && m->tok >= s->tok + 2 && word_in(td, m->tok - 2, LX_ruler_words))
				continue;
			for (size_t c = 0; c < n_cues; c++) {
				size_t cue = cues[c], d = (size_t)-1;
				if (end <= cue && cue - end <= 2 && (!loc || title_to(td, end, cue))) {
					d = cue - end; /* "Geneva talks", "Istanbul's ... talks", "at the Nice Ocean Summit" */
				} else if (m->tok > cue && (loc || emirati_capital)) {
					bool held = false, broken = false, comma = false;
					/* from the cue to the place, in words that say something: a
					 * name or a title counts as one, numbers, punctuation and
					 * the small words ("on", "the", "of") as none */
					size_t units = 1;
					for (size_t k = cue + 1; k < m->tok; k++) {
						const ag_mention *x = ag__ment_at(td, k);
						if (!(x && x->tok == k) && (!(td->toks[k].flags & TF_WORD) || (td->toks[k].flags & TF_DIGIT) ||
						                            word_in(td, k, LX_small_words)))
							units--;
						units++;
						if (x && x->tok == k)
							k = x->tok + x->ntok - 1;
						/* a name we do not know ("the Gimhae Air Base") is one word too */
						else if ((td->toks[k].flags & TF_CAP) && !x)
							while (k + 1 < m->tok && (td->toks[k + 1].flags & TF_CAP) && !ag__ment_at(td, k + 1))
								k++;
						held |= ag__tok_is(td, k, "held") || ag__tok_is(td, k, "place"); /* "took place" */
						comma |= ag__tok_punct(td, k) == ',';
						/* ", with casualties reported in Ukraine": another clause's place */
						broken |= ag__tok_punct(td, k) == ',' && word_in(td, k + 1, LX_clause_openers);
						broken |= ag__tok_punct(td, k) == ';' || ag__tok_punct(td, k) == ':' ||
						          word_in(td, k, LX_said_words);
					}
					/* past 8 (a long name between: "talks with Chinese President Xi
					 * Jinping in the port city of Tianjin"), only within the clause */
					if (!broken && (units <= 8 || (held && units <= 12) || (units <= 10 && !comma)))
						d = units;
				} else if (end <= cue && loc && cue - end <= 4 && !clause_between(td, end, cue)) {
					d = cue - end + 4; /* "In Geneva, talks resumed" */
				} else if (end <= cue && loc && m->kind == M_PLACE && venue_before_cue(td, end, cue)) {
					d = cue - end + 4; /* "gathered in Yerevan on Saturday for talks" */
				} else if (end < cue && loc && where_clause(td, end, cue)) {
					d = cue - end + 4; /* "in Pretoria, where the peace talks began" */
				}
				if (d < dist)
					dist = d;
			}
			/* a city named with the venue is the place ("at the White House in Washington") */
			if (m->via == GZ_VENUE && dist != (size_t)-1)
				dist += 3;
			/* a country is the place only when nothing nearer names one
			 * ("set foot in North Korea as he greeted Kim at the DMZ") */
			if (m->kind == M_STATE && dist != (size_t)-1)
				dist += 4;
			if (dist < best_dist) {
				best_dist = dist;
				if (m->kind == M_PLACE) {
					/* a venue stands for its city: "at Lancaster House" is London */
					int32_t c = m->via == GZ_VENUE ? td->gz->entities[m->entity].city_entity : -1;
					ev->m.place = c >= 0 ? c : m->entity;
					ev->m.country = td->gz->entities[m->entity].state;
				} else {
					/* "at Singapore": a city-state is its city */
					ev->m.place = td->gz->entities[m->entity].city_entity;
					ev->m.country = m->entity;
				}
			}
			if (m->kind == M_PLACE || emirati_capital)
				continue;
		}
	not_place:
		if (m->kind == M_PLACE)
			continue;
		/* mediators: "US-mediated", "Türkiye-brokered" */
		if ((m->kind == M_STATE || m->kind == M_ORG) && m->tok + m->ntok + 1 < send &&
		    ag__tok_punct(td, m->tok + m->ntok) == '-' && word_in(td, m->tok + m->ntok + 1, LX_mediation_verbs)) {
			add_role(ev->m.mediators, &ev->m.n_mediators, m->entity);
			continue;
		}
		if ((m->kind == M_STATE || m->kind == M_ORG || m->kind == M_PERSON)) {
			bool mediates = false, hosts = false;
			/* "mediated by the United States", "brokered by Washington" */
			for (size_t k = m->tok > s->tok + 3 ? m->tok - 3 : s->tok; k < m->tok; k++)
				if (ag__tok_is(td, k, "by") && k > s->tok && word_in(td, k - 1, LX_mediation_verbs)) {
					mediates = true;
					hosts |= word_in(td, k - 1, LX_opening_verbs);
				}
			/* "under the auspices of the UN", "under UN auspices" */
			for (size_t k = m->tok > s->tok + 3 ? m->tok - 3 : s->tok; k < m->tok; k++)
				if (ag__tok_is(td, k, "auspices") || (ag__tok_is(td, k, "under") && ag__tok_is(td, m->tok + m->ntok, "auspices")))
					mediates = true;
			/* "thanked Washington for its mediation" */
			for (size_t k = m->tok + m->ntok; k < send && k < m->tok + m->ntok + 4; k++)
				if (ag__tok_is(td, k, "mediation") || ag__tok_is(td, k, "mediator") || ag__tok_is(td, k, "mediators"))
					mediates = true;
			/* "the AU mediation team: A and B", "the mediators, A and B" */
			if (m->kind == M_PERSON && mediators_list(td, m->tok, s->tok))
				mediates = true;
			/* "Foreign Minister Hakan Fidan opened the session" */
			if (m->kind == M_PERSON && word_in(td, m->tok + m->ntok, LX_opening_verbs) &&
			    !person_follows(td, m->tok + m->ntok, send))
				mediates = hosts = true;
			/* "Economy Minister X, who helped facilitate the meeting" */
			if (m->kind == M_PERSON) {
				size_t k = m->tok + m->ntok;
				if (ag__tok_punct(td, k) == ',')
					k++;
				if (ag__tok_is(td, k, "who")) {
					for (size_t v = k + 1; v < send && v < k + 4; v++) {
						if (word_in(td, v, LX_mediation_verbs) || word_in(td, v, LX_mediation_infinitives)) {
							mediates = true;
							hosts |= word_in(td, v, LX_opening_verbs) || ag__tok_is(td, v, "host");
							break;
						}
						if (!(ag__tok_is(td, v, "helped") || ag__tok_is(td, v, "help") || ag__tok_is(td, v, "had") ||
						      ag__tok_is(td, v, "has") || ag__tok_is(td, v, "to")))
							break;
					}
				}
			}
			/* the host or chair of a summit takes part in it ("a summit
			 * hosted by Prime Minister X"); of talks between others, brokers them */
			if (mediates && hosts && multilateral(ev->m.kind)) {
				int32_t side = side_of(td, m);
				if (m->kind == M_PERSON)
					add_role(ev->m.participants, &ev->m.n_participants, m->entity);
				else if (side >= 0)
					add_role(ev->m.parties, &ev->m.n_parties, side);
				continue;
			}
			if (mediates) {
				int32_t side = side_of(td, m);
				ev->m.host_named |= hosts;
				if (side >= 0)
					add_role(ev->m.mediators, &ev->m.n_mediators, side);
				if (m->kind == M_PERSON) {
					add_role(ev->m.participants, &ev->m.n_participants, m->entity);
					add_role(ev->m.mediator_persons, &ev->m.n_mediator_persons, m->entity);
				}
				continue;
			}
		}
		if (m->kind == M_PERSON) {
			bool listed = false;
			/* "with A and Mr Trump's son-in-law B": B is listed with A */
			for (size_t k = m->tok > s->tok + 7 ? m->tok - 7 : s->tok; chain && k < m->tok; k++)
				listed |= ag__tok_is(td, k, "and") || ag__tok_punct(td, k) == ',';
			if (participates(td, m, s->tok, send, list) || (listed && !(td->toks[m->tok + m->ntok - 1].flags & TF_POSS))) {
				add_role(ev->m.participants, &ev->m.n_participants, m->entity);
				chain = true;
			} else if (!(td->toks[m->tok + m->ntok - 1].flags & TF_POSS) && !ag__tok_is(td, m->tok + m->ntok, "envoy")) {
				chain = false;
			}
			continue;
		}
		/* parties: the states named around the talks, not those named as places
		 * (and none besides the sides of "talks between X and Y") */
		if (m->kind == M_STATE && ev->creates && !ev->between && !ag__after_locative(td, m->tok, s->tok, AG_LOC_VENUE) &&
		    !country_of_city(td, m, s->tok) && !in_relative(td, m->tok, s->tok, send))
			add_role(ev->m.parties, &ev->m.n_parties, m->entity);
		if (m->kind == M_ORG && ev->creates && !ev->between && m->tok + m->ntok <= ev->cue && ev->cue - (m->tok + m->ntok) <= 3)
			add_role(ev->m.parties, &ev->m.n_parties, m->entity);
	}
	if (ev->m.historical)
		ev->dated = false;
	read_dates(td, s, anchor, ev);
	return true;
}

static bool same_place(const ag_meeting *a, const ag_meeting *b)
{
	if (a->place >= 0 && b->place >= 0)
		return a->place == b->place;
	return a->country >= 0 && a->country == b->country;
}

/* Does the event's date fall within a day of the meeting's span (or is either undated)? */
static bool dates_fit(const event *ev, const ag_meeting *m)
{
	ag_date s = {m->year, m->month, m->day}, e = {m->end_year, m->end_month, m->end_day}, lo, hi;
	if (!ev->dated || !ag__date_valid(&s))
		return true;
	if (!ag__date_valid(&e))
		e = s;
	lo = ag__date_add_days(s, -1);
	hi = ag__date_add_days(e, 1);
	return ag__date_cmp(&ev->start, &hi) <= 0 && ag__date_cmp(&ev->end, &lo) >= 0;
}

static void merge_event(ag_meeting *m, const event *ev)
{
	m->events++;
	if (m->place < 0 && ev->m.place >= 0)
		m->place = ev->m.place;
	if (m->country < 0 && ev->m.country >= 0)
		m->country = ev->m.country;
	if (ev->dated) {
		ag_date s = {m->year, m->month, m->day}, e = {m->end_year, m->end_month, m->end_day};
		if (!ag__date_valid(&s) || ag__date_cmp(&ev->start, &s) < 0)
			s = ev->start;
		if (!ag__date_valid(&e) || ag__date_cmp(&ev->end, &e) > 0)
			e = ev->end;
		m->year = s.year, m->month = s.month, m->day = s.day;
		m->end_year = e.year, m->end_month = e.month, m->end_day = e.day;
	}
	for (size_t k = 0; k < ev->m.n_parties; k++)
		add_role(m->parties, &m->n_parties, ev->m.parties[k]);
	for (size_t k = 0; k < ev->m.n_mediators; k++)
		add_role(m->mediators, &m->n_mediators, ev->m.mediators[k]);
	for (size_t k = 0; k < ev->m.n_participants; k++)
		add_role(m->participants, &m->n_participants, ev->m.participants[k]);
	for (size_t k = 0; k < ev->m.n_mediator_persons; k++)
		add_role(m->mediator_persons, &m->n_mediator_persons, ev->m.mediator_persons[k]);
	m->host_named |= ev->m.host_named;
	m->trilateral |= ev->m.trilateral;
	m->two_sides |= ev->m.two_sides;
}

static int new_meeting(ag_textdoc *td, const event *ev)
{
	ag_meeting *m;
	if (AG_GROW(td->meetings, td->cap_meetings, td->n_meetings + 1) < 0)
		return AG_ENOMEM;
	m = &td->meetings[td->n_meetings++];
	*m = ev->m;
	m->n_parties = m->n_mediators = m->n_participants = m->n_mediator_persons = 0;
	m->events = 0;
	merge_event(m, ev);
	return 0;
}

/* The meeting most of the document is about: the held one named most often. */
static int32_t main_meeting(const ag_textdoc *td)
{
	int32_t best = -1;
	for (size_t k = 0; k < td->n_meetings; k++) {
		const ag_meeting *m = &td->meetings[k];
		if (m->proposed || m->historical)
			continue;
		if (best < 0 || m->events > td->meetings[best].events)
			best = (int32_t)k;
	}
	return best;
}

/* The held meeting of one of the two sentences before sentence si, if any:
 * "the meeting" of a sentence is most likely the one just told of ("A and B
 * held talks in Geneva on Saturday.  X, who helped facilitate the meeting,
 * said ..."). */
#define RECENT_SENTENCES 2
static int32_t recent_meeting(const ag_textdoc *td, uint32_t si)
{
	for (uint32_t b = si; b > 0 && si - b < RECENT_SENTENCES; b--) {
		int32_t j = td->sent_ev[b - 1].meeting;
		if (j >= 0 && !td->meetings[j].proposed && !td->meetings[j].historical)
			return j;
	}
	return -1;
}

/* Is state entity `st` named in the document as a state (not only through a
 * city of it used as a place)? */
static bool state_named(const ag_textdoc *td, int32_t st)
{
	for (size_t i = 0; i < td->n_ments; i++)
		if (td->ments[i].kind == M_STATE && td->ments[i].entity == st)
			return true;
	return false;
}

/* States named most in the document, for talks whose sides are only implied
 * ("the two sides", "trilateral negotiations"): among those named in a
 * sentence of talks, never one named only elsewhere ("Paris backed the plan"). */
static bool named_with_talks(const ag_textdoc *td, const ag_mention *x)
{
	return td->sent_ev[td->toks[x->tok].sent].meeting != AG_SENT_NO_EVENT;
}

static void fill_parties(const ag_textdoc *td, ag_meeting *m)
{
	size_t want = m->trilateral ? 3 : 2;
	while (m->n_parties < want) {
		int32_t best = -1;
		unsigned best_n = 0;
		for (size_t i = 0; i < td->n_ments; i++) {
			const ag_mention *x = &td->ments[i];
			unsigned n = 0;
			if (x->kind != M_STATE || !named_with_talks(td, x) || has_role(m->parties, m->n_parties, x->entity) ||
			    (!m->trilateral && has_role(m->mediators, m->n_mediators, x->entity)) ||
			    (m->country == x->entity && !m->trilateral))
				continue;
			for (size_t jj = 0; jj < td->n_ments; jj++)
				n += td->ments[jj].kind == M_STATE && td->ments[jj].entity == x->entity;
			if (n > best_n || (n == best_n && best >= 0 && x->entity < best)) {
				best = x->entity;
				best_n = n;
			}
		}
		if (best < 0)
			break;
		add_role(m->parties, &m->n_parties, best);
	}
}

/* Is a person of this document on the side of a mediator of m? */
static bool mediator_side(const ag_textdoc *td, const ag_meeting *m, int32_t person)
{
	int32_t side = td->persons[person].affil;
	return side >= 0 && has_role(m->mediators, m->n_mediators, side);
}

/* People of several states at once: "the leaders of A, B and C". */
static const char *const heads_words[] = {
	"leaders", "presidents", "heads", "ministers", "premiers", "delegations", "representatives", "envoys", NULL};
static ag_wordset heads_words_set = AG_WORDSET(heads_words);

/* Is state st one of a list of states whose people meet, in a sentence of
 * meeting j ("the presidents of Lithuania, Estonia and Latvia met in
 * Vilnius")?  Then it is a side, even as the host; a list of signatories or
 * of a statement's authors is not enough. */
static bool heads_listed(const ag_textdoc *td, int32_t j, int32_t st)
{
	for (size_t i = 0; i < td->n_ments; i++) {
		const ag_mention *x = &td->ments[i];
		size_t b;
		if (x->kind != M_STATE || x->entity != st || td->sent_ev[td->toks[x->tok].sent].meeting != j)
			continue;
		b = x->tok;
		while (b > 0 && td->toks[b - 1].sent == td->toks[x->tok].sent) {
			const ag_mention *y;
			if (ag__tok_punct(td, b - 1) == ',' || ag__tok_is(td, b - 1, "and"))
				b--;
			else if ((y = ag__ment_at(td, b - 1)) && y->kind == M_STATE)
				b = y->tok;
			else
				break;
		}
		if (b >= 2 && ag__tok_is(td, b - 1, "of") && td->toks[b - 2].sent == td->toks[x->tok].sent &&
		    word_in(td, b - 2, LX_heads_words))
			return true;
	}
	return false;
}

/* The roles of meeting m (index j) once all its sentences are read: who is a
 * side, who hosts or brokers it, who is there. */
static void settle_roles(const ag_textdoc *td, ag_meeting *m, int32_t j, bool is_main)
{
	size_t w = 0;
	bool host_present = false;

	/* negotiators and delegation heads of the story are at its main talks */
	if (is_main)
		for (size_t p = 0; p < td->n_persons; p++)
			if (td->persons[p].negotiator)
				add_role(m->participants, &m->n_participants, (int32_t)p);
	/* those present speak for their side: it is a side of the meeting ("the
	 * forum was joined by Romanian President X": Romania), unless it brokers it */
	for (size_t k = 0; k < m->n_participants; k++) {
		int32_t p = m->participants[k], side = td->persons[p].affil;
		if (side < 0 || has_role(m->mediator_persons, m->n_mediator_persons, p) ||
		    has_role(m->mediators, m->n_mediators, side))
			continue;
		add_role(m->parties, &m->n_parties, side);
		host_present |= side == m->country;
	}
	/* a mediator is not a party; a party listed as mediator stays a mediator */
	for (size_t k = 0; k < m->n_parties; k++)
		if (!has_role(m->mediators, m->n_mediators, m->parties[k]))
			m->parties[w++] = m->parties[k];
	m->n_parties = w;
	if (!m->proposed && (is_main || m->two_sides || m->trilateral))
		fill_parties(td, m);
	/* the host is not a side of talks between two others ("talks in Abu
	 * Dhabi"), but is of a visit ("talks in Moscow with Putin") and of what
	 * its own leaders attend */
	if (m->country >= 0 && has_role(m->parties, m->n_parties, m->country) && m->n_parties >= 3 && !host_present &&
	    !heads_listed(td, j, m->country)) {
		w = 0;
		for (size_t k = 0; k < m->n_parties; k++)
			if (m->parties[k] != m->country)
				m->parties[w++] = m->parties[k];
		m->n_parties = w;
	}
	/* talks between two others in a country: the host is a mediator
	 * ("Russia-Ukraine talks in Istanbul": Turkey), beside a broker the
	 * text names ("UN-brokered"), unless that one is the host ("hosted by
	 * European Council President Michel") */
	if (m->country >= 0 && m->n_parties >= 2 && !m->host_named && !has_role(m->parties, m->n_parties, m->country) &&
	    state_named(td, m->country))
		add_role(m->mediators, &m->n_mediators, m->country);
	/* a mediator's people at the talks broker them */
	for (size_t k = 0; k < m->n_participants; k++)
		if (mediator_side(td, m, m->participants[k]))
			add_role(m->mediator_persons, &m->n_mediator_persons, m->participants[k]);
}

/* Nouns a name qualifies: "the Trump administration", "the Putin government". */
static const char *const body_words[] = {
	"administration", "government", "team", "camp", "campaign", "regime", "cabinet", NULL};
static ag_wordset body_words_set = AG_WORDSET(body_words);

/* Does sentence si speak of "the two sides" (or "both sides")? */
static bool two_sides_in(const ag_textdoc *td, uint32_t si)
{
	const ag_sentence *s = &td->sents[si];
	for (size_t k = s->tok; k + 1 < s->tok + s->ntok; k++)
		if ((ag__tok_is(td, k, "two") || ag__tok_is(td, k, "both")) && ag__tok_is(td, k + 1, "sides"))
			return true;
	return false;
}

static ag_wordset *const meeting_sets[] = {
#define X(name) &name##_set,
	MEETING_SETS(X)
#undef X
	NULL};
static ag_lexicon meeting_lexicon = AG_LEXICON(meeting_sets);

/* td->tok_bits: for each word token, the sets of this stage that hold it. */
static int lexicon_bits(ag_textdoc *td)
{
	if (AG_GROW(td->tok_bits, td->cap_tok_bits, td->n_toks) < 0)
		return ag__enomem();
	for (size_t i = 0; i < td->n_toks; i++)
		td->tok_bits[i] = (td->toks[i].flags & TF_WORD) ? ag__lexicon_bits(&meeting_lexicon, td->toks[i].hash,
		                                                                    ag__tok_fold(td, i), td->toks[i].fold_len)
		                                                : 0;
	return 0;
}

int ag__find_meetings(ag_textdoc *td)
{
	ag_date anchor_d;
	const ag_date *anchor = NULL;
	event *evs = NULL;
	size_t n = 0;
	int rc = 0;

	td->n_meetings = 0;
	if ((rc = lexicon_bits(td)) < 0)
		return rc;
	if (td->date[0] && ag__date_parse_iso(td->date, strlen(td->date), &anchor_d) && ag__date_valid(&anchor_d))
		anchor = &anchor_d;
	if (td->n_sents && (!(evs = malloc(2 * td->n_sents * sizeof(*evs))) ||
	                    AG_GROW(td->sent_ev, td->cap_sent_ev, td->n_sents) < 0)) {
		free(evs);
		return ag__enomem();
	}
	for (size_t si = 0; si < td->n_sents; si++) {
		td->sent_ev[si].meeting = AG_SENT_NO_EVENT;
		td->sent_ev[si].names_talks = false;
		const ag_sentence *st = &td->sents[si];
		size_t lo = st->tok, hi = st->tok + st->ntok, cut = hi > lo ? second_meeting_at(td, lo, hi) : 0;
		/* one event per clause that tells of a meeting */
		for (int part = 0; part < (cut ? 2 : 1); part++) {
			size_t a = part == 0 ? lo : cut, b = part == 0 && cut ? cut : hi;
			if (a < b && read_event(td, si, a, b, anchor, &evs[n])) {
				td->sent_ev[si].meeting = AG_SENT_UNUSED;
				td->sent_ev[si].names_talks |= evs[n].creates;
				n++;
			}
		}
	}

	/* meetings with a place: one per place and time */
	for (size_t k = 0; k < n && rc == 0; k++) {
		event *ev = &evs[k];
		bool found = false;
		if (!ev->creates || (ev->m.place < 0 && ev->m.country < 0))
			continue;
		for (size_t j = 0; j < td->n_meetings && !found; j++) {
			ag_meeting *m = &td->meetings[j];
			/* talks planned and then reported at one place and time are
			 * one meeting ("a summit ... set to take place in Jeddah",
			 * "the Jeddah talks"), unless one is another round */
			bool status = m->proposed == ev->m.proposed || (!m->another && !ev->m.another);
			if (status && m->historical == ev->m.historical && same_place(m, &ev->m) && dates_fit(ev, m)) {
				m->proposed = m->proposed && ev->m.proposed;
				merge_event(m, ev);
				td->sent_ev[ev->m.first_sent].meeting = (int32_t)j;
				found = true;
			}
		}
		if (!found && (rc = new_meeting(td, ev)) == 0)
			td->sent_ev[ev->m.first_sent].meeting = (int32_t)td->n_meetings - 1;
		ev->creates = false; /* used */
		ev->cue = (size_t)-2;
	}
	/* the rest: "the talks" belong to the main meeting */
	for (size_t k = 0; k < n && rc == 0; k++) {
		event *ev = &evs[k];
		int32_t main;
		if (ev->cue == (size_t)-2)
			continue;
		main = recent_meeting(td, ev->m.first_sent);
		if (main < 0 || !dates_fit(ev, &td->meetings[main]))
			main = main_meeting(td);
		if (ev->m.proposed) {
			if (ev->creates && (ev->m.n_parties >= 2 || ev->m.n_participants >= 2) && (rc = new_meeting(td, ev)) == 0)
				td->sent_ev[ev->m.first_sent].meeting = (int32_t)td->n_meetings - 1;
			continue;
		}
		/* an earlier round is a meeting of its own only with a month to it
		 * ("talks in March 2022"), not "rounds of talks since 2022" */
		if (ev->m.historical) {
			if (ev->creates && ev->m.month && ev->m.n_parties >= 2 && (rc = new_meeting(td, ev)) == 0)
				td->sent_ev[ev->m.first_sent].meeting = (int32_t)td->n_meetings - 1;
			continue;
		}
		if (main >= 0 && dates_fit(ev, &td->meetings[main])) {
			merge_event(&td->meetings[main], ev);
			/* a sentence that also names a meeting by its place is that one's */
			if (td->sent_ev[ev->m.first_sent].meeting < 0)
				td->sent_ev[ev->m.first_sent].meeting = main;
		} else if (ev->creates && (ev->m.n_parties >= 2 || ev->m.two_sides)) {
			if ((rc = new_meeting(td, ev)) == 0)
				td->sent_ev[ev->m.first_sent].meeting = (int32_t)td->n_meetings - 1;
		}
	}
	/* a meeting is something that happens somewhere or on some day: talks
	 * known by neither place nor date are a topic (a proposed one a wish), and
	 * calls are no meetings */
	if (rc == 0 && td->n_meetings) {
		int32_t *to = malloc(td->n_meetings * sizeof(*to));
		size_t w = 0;
		if (!to) {
			free(evs);
			return ag__enomem();
		}
		for (size_t j = 0; j < td->n_meetings; j++) {
			const ag_meeting *m = &td->meetings[j];
			to[j] = AG_SENT_UNUSED;
			if ((m->place < 0 && m->country < 0 && !m->year) || strcmp(m->kind, "call") == 0)
				continue;
			to[j] = (int32_t)w;
			td->meetings[w++] = *m;
		}
		td->n_meetings = w;
		for (size_t si = 0; si < td->n_sents; si++)
			if (td->sent_ev[si].meeting >= 0)
				td->sent_ev[si].meeting = to[td->sent_ev[si].meeting];
		free(to);
	}
	if (rc == 0) {
		int32_t main = main_meeting(td);
		for (size_t j = 0; j < td->n_meetings; j++)
			settle_roles(td, &td->meetings[j], (int32_t)j, (int32_t)j == main);
		/* and so do those of its people who speak of the talks in a sentence
		 * of their own ("the talks between A and B in Beijing are a victory
		 * for dialogue, China's top diplomat X said") */
		for (size_t i = 0; i < td->n_ments; i++) {
			const ag_mention *x = &td->ments[i];
			const ag_sent_event *se = &td->sent_ev[td->toks[x->tok].sent];
			ag_meeting *m = se->meeting >= 0 ? &td->meetings[se->meeting] : NULL;
			/* not "Trump's channel", "the Trump administration": a name
			 * that qualifies someone else */
			if (x->kind == M_PERSON && m && (se->names_talks || two_sides_in(td, td->toks[x->tok].sent)) &&
			    !(td->toks[x->tok + x->ntok - 1].flags & TF_POSS) && !word_in(td, x->tok + x->ntok, LX_body_words) &&
			    mediator_side(td, m, x->entity))
				add_role(m->mediator_persons, &m->n_mediator_persons, x->entity);
		}
		/* who brokers talks is at them */
		for (size_t j = 0; j < td->n_meetings; j++) {
			ag_meeting *m = &td->meetings[j];
			for (size_t k = 0; k < m->n_mediator_persons; k++)
				add_role(m->participants, &m->n_participants, m->mediator_persons[k]);
		}
	}
	free(evs);
	return rc;
}
