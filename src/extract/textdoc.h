/*
 * textdoc.h - the token model and the per-document working state of the
 * extractor (ag_textdoc), which every stage reads and fills in turn:
 * tokenize.c and sentences.c (tokens, sentences, page furniture) ->
 * mentions.c (states, organizations, places, titles) -> names.c (persons,
 * roles, affiliations) -> meetings.c (meetings) -> relations.c and
 * meeting_links.c (the document's graph).  Private to the extract layer.
 *
 * Everything here is allocated per document and reused across documents by
 * one ag_textdoc: no stage allocates per token.
 */
#ifndef AG_EXTRACT_TEXTDOC_H
#define AG_EXTRACT_TEXTDOC_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "actorgraph/gazetteer.h"
#include "actorgraph/ingest.h"
#include "util/util.h"

/* token flags */
enum {
	TF_WORD = 1 << 0,     /* letters/digits (else punctuation) */
	TF_CAP = 1 << 1,      /* first letter upper case */
	TF_ALLCAPS = 1 << 2,  /* two or more letters, all upper case */
	TF_POSS = 1 << 3,     /* followed by a possessive 's */
	TF_NOSPACE = 1 << 4,  /* no space before this token */
	TF_NEWLINE = 1 << 5,  /* a line break before this token */
	TF_SKIP = 1 << 6,     /* page furniture: not part of the story */
	TF_SENT = 1 << 7,     /* first token of a sentence */
	TF_DIGIT = 1 << 8,    /* starts with a digit */
	TF_INITIAL = 1 << 9,  /* a single capital letter followed by '.' (consumed) */
	TF_ABBREV = 1 << 10   /* dotted abbreviation such as U.S. */
};

typedef struct {
	uint32_t start, end; /* bytes of the token (the possessive 's is not included) */
	uint32_t fold;       /* offset of the folded form in ag_textdoc.fold */
	uint16_t fold_len;
	uint16_t flags;
	uint32_t hash;       /* FNV-1a state of the folded form (internal.h: ag__hash_step) */
	uint32_t sent;       /* sentence index */
	char punct;          /* ASCII stand-in for punctuation tokens ('"' for curly quotes, '-' for dashes) */
} ag_token;

typedef struct {
	uint32_t tok, ntok;  /* token range */
	uint32_t start, end; /* bytes */
} ag_sentence;

/* Mention kinds. */
typedef enum {
	M_STATE = 0, /* a state named, or through a capital, seat, demonym or organ */
	M_ORG,       /* an international organization */
	M_PERSON,
	M_PLACE,     /* a city or region used as a place ("in Geneva") */
	M_TITLE,     /* a role phrase ("Foreign Minister") */
	M_BLOCK      /* media, non-persons: names that are never persons */
} ag_mention_kind;

typedef struct {
	uint8_t kind;    /* ag_mention_kind */
	uint8_t via;     /* the gz_kind that produced it */
	uint16_t ntok;
	uint32_t tok;    /* first token */
	uint32_t start, end;
	int32_t entity;  /* states/orgs/places: gazetteer entity; persons: person index; titles: entry */
} ag_mention;

/* What a person's affiliation rests on, weakest first. */
enum {
	AG_AFFIL_NONE = 0,
	AG_AFFIL_CONTEXT = 1,    /* the sentence that introduces them (its subject state) */
	AG_AFFIL_DICTIONARY = 2, /* the actor dictionary, at the document's date */
	AG_AFFIL_TEXT = 3        /* the text: a role phrase, "X of Turkey", "Putin's aide X" */
};

/* A person found in one document. */
typedef struct {
	char *label;        /* the fullest name seen */
	char *surname;      /* folded last name token */
	ag_strlist aliases; /* every form seen */
	char *role;
	int32_t affil;      /* entity index of a state or organization, or -1 */
	int affil_strength; /* AG_AFFIL_*: what says so */
	int32_t affil_person; /* person whose side this one is on (possessive "Putin's aide"), or -1 */
	uint32_t first_tok;
	unsigned mentions;
	uint32_t ntok_name; /* tokens in the full name */
	bool negotiator;    /* a role phrase calls them negotiator or delegate */
	int32_t actor;      /* the actor dictionary's entity this person is, or -1 */
	bool given_only;    /* known so far only by a given name after "Sir" or "Dame" ("Sir Keir") */
	int32_t coord_person; /* "U.S. President A and Vice President B": B's role shares A's side (A), or -1 */
} ag_person;

enum { AG_SENT_NO_EVENT = -2, AG_SENT_UNUSED = -1 };
typedef struct {
	int32_t meeting;     /* index in ag_textdoc.meetings, or AG_SENT_* */
	bool names_talks;    /* a word of talks, not only their context */
} ag_sent_event;

/* A meeting found in one document (meetings.c). */
#define AG_MEETING_MAX_ROLES 16
typedef struct {
	int32_t place;   /* gazetteer entity of the city or region, or -1 */
	int32_t country; /* state entity, or -1 */
	int year, month, day, end_year, end_month, end_day; /* start and end; 0 = unknown */
	bool proposed;   /* only talked about ("a meeting ... would be important") */
	bool historical; /* dated away from the document (an earlier round) */
	const char *kind; /* "talks", "summit", "meeting", "call", ... (static) */
	int32_t parties[AG_MEETING_MAX_ROLES];
	size_t n_parties;
	int32_t mediators[AG_MEETING_MAX_ROLES]; /* state/org entities */
	size_t n_mediators;
	int32_t participants[AG_MEETING_MAX_ROLES]; /* persons of this document */
	size_t n_participants;
	int32_t mediator_persons[AG_MEETING_MAX_ROLES]; /* persons who host or broker it ("hosted by X") */
	size_t n_mediator_persons;
	uint32_t first_sent;
	uint32_t span_start, span_end; /* bytes of the first sentence that names it */
	unsigned events;
	bool trilateral, two_sides;
	bool another;    /* "the next round", "a new summit": not the one already told of */
	bool host_named; /* a mediator named as its host ("hosted by X") */
} ag_meeting;

typedef struct ag_textdoc {
	const ag_document *doc;
	const ag_gazetteer *gz;
	ag_token *toks;
	size_t n_toks, cap_toks;
	ag_sentence *sents;
	size_t n_sents, cap_sents;
	char *fold; /* folded token forms, NUL-separated */
	size_t fold_len, fold_cap;
	ag_mention *ments;
	size_t n_ments, cap_ments;
	int32_t *tok_ment; /* for each token: the mention covering it, or -1 */
	size_t cap_tok_ment;
	uint64_t *tok_bits; /* for each token: the word sets of the running stage that hold it
	                     * (a stage's ag_lexicon; meetings.c), 0 for punctuation */
	size_t cap_tok_bits;
	ag_person *persons;
	size_t n_persons, cap_persons;
	ag_meeting *meetings;
	size_t n_meetings, cap_meetings;
	/* for each sentence: the meeting its event went to (AG_SENT_NO_EVENT: it
	 * says nothing of talks; AG_SENT_UNUSED: it does, of none kept) */
	ag_sent_event *sent_ev;
	size_t cap_sent_ev;
	ag_buf scratch;
	char date[11]; /* the document date, ISO, or "" */
	const char *since, *until; /* the time window (ISO dates) or NULL */
} ag_textdoc;

static inline const char *ag__tok_fold(const ag_textdoc *td, size_t i)
{
	return td->fold + td->toks[i].fold;
}
/* Is token i's folded form `folded`?  The length is checked first (for a
 * literal it is known at compile time); comparing the terminating NUL too
 * makes the test exact even for a token whose fold_len was cut to 16 bits. */
static inline bool ag__tok_is(const ag_textdoc *td, size_t i, const char *folded)
{
	size_t n = strlen(folded);
	return i < td->n_toks && td->toks[i].fold_len == n && memcmp(ag__tok_fold(td, i), folded, n + 1) == 0;
}
/* Index of token i's folded form in the word set, or -1. */
static inline int ag__tok_find(const ag_textdoc *td, size_t i, ag_wordset *ws)
{
	return i < td->n_toks ? ag__wordset_find(ws, td->toks[i].hash, ag__tok_fold(td, i), td->toks[i].fold_len) : -1;
}
static inline bool ag__tok_in(const ag_textdoc *td, size_t i, ag_wordset *ws)
{
	return ag__tok_find(td, i, ws) >= 0;
}
static inline char ag__tok_punct(const ag_textdoc *td, size_t i)
{
	return i < td->n_toks && !(td->toks[i].flags & TF_WORD) ? td->toks[i].punct : 0;
}
/* The mention covering token i, or NULL. */
static inline const ag_mention *ag__ment_at(const ag_textdoc *td, size_t i)
{
	return i < td->n_toks && td->tok_ment[i] >= 0 ? &td->ments[td->tok_ment[i]] : NULL;
}

/* The one list of locative prepositions (textdoc.c), in classes by what the
 * stages ask of them: */
enum {
	AG_LOC_PLACE = 1,  /* any: a name after it is a place ("in", "from", "across", "via") */
	AG_LOC_VENUE = 2,  /* where something is held ("in", "at", "near", "outside", "inside", "into") */
	AG_LOC_WHERE = 4   /* where someone is or comes from ("in", "at", "from") */
};
/* Is token i a preposition of class `cls`? */
bool ag__tok_locative(const ag_textdoc *td, size_t i, unsigned cls);
/* Is token i, in the sentence that starts at token s, right after a
 * preposition of class `cls` (an article "the" between them allowed)? */
bool ag__after_locative(const ag_textdoc *td, size_t i, size_t s, unsigned cls);

/* Free what td holds (persons and their strings included), not td itself. */
void ag__textdoc_free(ag_textdoc *td);

#endif
