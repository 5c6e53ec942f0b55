/*
 * textdoc.c - what belongs to the token model itself (textdoc.h): the one list
 * of locative prepositions (and the journeys that reach a place), and freeing
 * a document's working state.
 */
#include <stdlib.h>

#include "extract/textdoc.h"

static const char *const locatives[] = {
	"in", "at", "from", "near", "outside", "inside", "into", "across", "throughout", "via",
	"around", NULL};
static const unsigned char locative_class[] = {
	AG_LOC_PLACE | AG_LOC_VENUE | AG_LOC_WHERE, /* in */
	AG_LOC_PLACE | AG_LOC_VENUE | AG_LOC_WHERE, /* at */
	AG_LOC_PLACE | AG_LOC_WHERE,                /* from */
	AG_LOC_PLACE | AG_LOC_VENUE,                /* near */
	AG_LOC_PLACE | AG_LOC_VENUE,                /* outside */
	AG_LOC_PLACE | AG_LOC_VENUE,                /* inside */
	AG_LOC_PLACE | AG_LOC_VENUE,                /* into */
	AG_LOC_PLACE,                               /* across */
	AG_LOC_PLACE,                               /* throughout */
	AG_LOC_PLACE,                               /* via */
	AG_LOC_PLACE,                               /* around */
};
static ag_wordset locative_set = AG_WORDSET(locatives);

bool ag__tok_locative(const ag_textdoc *td, size_t i, unsigned cls)
{
	int k = ag__tok_find(td, i, &locative_set);
	return k >= 0 && (locative_class[k] & cls);
}

static const char *const journey_words[] = {
	"visit", "visits", "visited", "trip", "travelled", "traveled", "travels", "travelling", "traveling", "flew",
	"journey", "returned", NULL};
static ag_wordset journey_words_set = AG_WORDSET(journey_words);

/* "in the port city of Tianjin", "in the Croatian city of Dubrovnik": a
 * settlement noun and "of" between the preposition and the name */
static const char *const settlement_nouns[] = {"city", "town", "capital", "village", "resort", "port", NULL};
static ag_wordset settlement_nouns_set = AG_WORDSET(settlement_nouns);

bool ag__after_locative(const ag_textdoc *td, size_t i, size_t s, unsigned cls)
{
	if (i > s + 2 && ag__tok_is(td, i - 1, "of") && ag__tok_in(td, i - 2, &settlement_nouns_set)) {
		/* back over "the", an adjective or two ("Croatian", "port") */
		for (size_t k = i - 2; k > s && k + 5 > i; k--)
			if (ag__tok_is(td, k - 1, "the"))
				return k - 1 > s && ag__tok_locative(td, k - 2, cls);
	}
	/* "at the heavily fortified Demilitarized Zone": an article and up to two
	 * lower-case words before the name */
	for (size_t k = 1; k <= 2 && i > s + k; k++) {
		const ag_token *t = &td->toks[i - k];
		if (!(t->flags & TF_WORD) || (t->flags & (TF_CAP | TF_DIGIT)) ||
		    ag__tok_locative(td, i - k, AG_LOC_PLACE | AG_LOC_VENUE | AG_LOC_WHERE) || ag__tok_is(td, i - k, "the"))
			break;
		if (ag__tok_is(td, i - k - 1, "the")) {
			i -= k;
			break;
		}
	}
	if (i > s && ag__tok_is(td, i - 1, "the"))
		i--;
	/* "a visit to Lisbon", "travelled to Moscow": a place reached */
	if ((cls & (AG_LOC_PLACE | AG_LOC_VENUE)) && i > s + 1 && ag__tok_is(td, i - 1, "to") &&
	    ag__tok_in(td, i - 2, &journey_words_set))
		return true;
	return i > s && ag__tok_locative(td, i - 1, cls);
}


void ag__textdoc_free(ag_textdoc *td)
{
	free(td->toks);
	free(td->sents);
	free(td->fold);
	free(td->ments);
	free(td->tok_ment);
	for (size_t i = 0; i < td->n_persons; i++) {
		free(td->persons[i].label);
		free(td->persons[i].surname);
		free(td->persons[i].role);
		ag__strlist_free(&td->persons[i].aliases);
	}
	free(td->persons);
	free(td->meetings);
	free(td->sent_ev);
	free(td->tok_bits);
	ag__buf_free(&td->scratch);
	memset(td, 0, sizeof(*td));
}
