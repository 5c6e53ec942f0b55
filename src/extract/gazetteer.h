/*
 * gazetteer.h - the gazetteer's model (entities and phrases) and its lookups
 * (gazetteer.c).  Private to the extract layer; users see the opaque
 * ag_gazetteer of actorgraph/gazetteer.h.
 */
#ifndef AG_EXTRACT_GAZETTEER_H
#define AG_EXTRACT_GAZETTEER_H

#include <stdbool.h>
#include <stdint.h>

#include "actorgraph/gazetteer.h"
#include "extract/textdoc.h"
#include "util/util.h"

/* What a gazetteer entry is. */
typedef enum {
	GZ_STATE = 0, GZ_CAPITAL, GZ_SEAT, GZ_DEMONYM, GZ_CITY, GZ_REGION, GZ_ORG, GZ_ORGAN,
	GZ_MEDIA, GZ_TITLE, GZ_NONPERSON, GZ_GIVEN, GZ_ACTOR, GZ_VENUE, GZ_COMMON, GZ_KIND_COUNT
} gz_kind;

/* A gazetteer entity: a state, organization, place, title class, or a person
 * of the actor dictionary. */
typedef struct {
	gz_kind kind;     /* GZ_STATE, GZ_ORG, GZ_CITY, GZ_REGION, GZ_TITLE, GZ_ACTOR, ... */
	char *slug;       /* "ukraine", "nato", or a title class */
	char *label;      /* "Ukraine" */
	int32_t state;    /* entity index of the state it belongs to (capitals, cities, organs, venues), or -1 */
	char *city;       /* venues: the city they are in ("White House": "Washington"), else NULL */
	int32_t city_entity; /* venues: that city's entity when the gazetteer has it; city-states
	                      * (Singapore, Monaco): their capital of the same name; else -1 */
	uint32_t pop;     /* cities: population when the data gives it, else 0 */
	bool ambiguous;   /* cities: the name is also a common word or name */
	bool weak;        /* cities of the world list (src/data/cities.tsv): a place only where the text makes it
	                   * one ("in Tianjin", "the Tianjin talks"), never an actor or part of a name */
	int32_t term;     /* actors: their first term (gz_term), or -1 */
	bool defined;     /* states: a state line gave it (not only referred to) */
} gz_entity;

/* One office an actor of the dictionary held: who, for whom, what, when. */
typedef struct {
	int32_t actor;    /* the GZ_ACTOR entity */
	int32_t target;   /* the state or organization entity the office acts for */
	char *office;     /* "foreign minister" */
	int32_t start, end; /* yyyymmdd (a month or year alone: its first day, resp. its last); 0 = open */
	int32_t next;     /* the actor's next term, or -1 */
} gz_term;

/* An actor key found in the dictionary: the entity, or one of these. */
#define GZ_ACTOR_NONE (-1)      /* no actor has this name */
#define GZ_ACTOR_SHARED (-2)    /* several actors have it: it names none of them */

/* The longest phrase of the gazetteer, in tokens. */
#define GZ_MAX_NTOK 12

/* Bits of the filter in front of first_tok: most words of a text begin no
 * name, and two bit tests in 64 KB turn nearly all of them away before a
 * probe of the 50,000-key map (about 3 % pass in error with the built-in
 * lists). */
#define GZ_BLOOM_BITS (1u << 19)
static inline uint32_t gz_bloom_bit(uint32_t hash, int k)
{
	return (k ? (hash * 0x9E3779B1u) >> 13 : hash) & (GZ_BLOOM_BITS - 1);
}
static inline bool gz_bloom_has(const uint64_t *bloom, uint32_t hash)
{
	uint32_t a = gz_bloom_bit(hash, 0), b = gz_bloom_bit(hash, 1);
	return ((bloom[a >> 6] >> (a & 63)) & (bloom[b >> 6] >> (b & 63)) & 1) != 0;
}
static inline void gz_bloom_add(uint64_t *bloom, uint32_t hash)
{
	for (int k = 0; k < 2; k++)
		bloom[gz_bloom_bit(hash, k) >> 6] |= UINT64_C(1) << (gz_bloom_bit(hash, k) & 63);
}

/* A phrase of the gazetteer. */
typedef struct {
	gz_kind kind;
	int32_t entity;    /* index into entities; for GZ_STATE lines the state itself */
	char *exact;       /* for all-caps abbreviations: the form as written, matched case-sensitively */
	uint16_t ntok;
	int32_t next;      /* next entry with the same folded phrase, or -1 */
} gz_entry;

struct ag_gazetteer {
	gz_entity *entities;
	size_t n_entities, cap_entities;
	gz_entry *entries;
	size_t n_entries, cap_entries;
	ag_strmap phrases;   /* folded phrase -> first entry index */
	ag_strmap slugs;     /* "kind:slug" -> entity index */
	ag_strmap first_tok; /* folded first token of any phrase -> longest phrase length */
	uint64_t first_bloom[GZ_BLOOM_BITS / 64]; /* two bits of each first token's hash (gz_bloom_bit) */
	uint64_t name_bloom[GZ_BLOOM_BITS / 64];  /* the same for phrases that can be mentions (not given or common names) */
	uint64_t title_bloom[GZ_BLOOM_BITS / 64]; /* and for titles, the mentions written in lower case too */
	unsigned max_ntok;
	gz_term *terms;      /* the actor dictionary's offices */
	size_t n_terms, cap_terms;
	ag_strmap actors;    /* name key (ag__name_key of the folded form) -> actor entity, or GZ_ACTOR_SHARED */
};

/* The built-in gazetteer (src/data), built once; borrowed. */
int ag__gazetteer_default(const ag_gazetteer **out);
/* Longest gazetteer phrase starting at token i (within its sentence): the
 * first entry and its length in tokens, or -1. */
int32_t ag__gz_match(ag_textdoc *td, size_t i, unsigned *ntok);
/* Can a mention start at word token i: does it begin a phrase that is not
 * only a given or common name, and, written in lower case, a title?  (False
 * means no; true means perhaps: the filters let a few per cent through.)
 * ag__find_mentions asks before ag__gz_match. */
bool ag__gz_may_mention(const ag_textdoc *td, size_t i);
bool ag__gz_has(const ag_gazetteer *gz, const char *folded, gz_kind kind);
/* ag__gz_has for the folded form of word token i, by its hash. */
bool ag__gz_tok_has(const ag_textdoc *td, size_t i, gz_kind kind);
/* Does word token i (alone) begin any name of the gazetteer ("Switzerland")? */
bool ag__gz_tok_known(const ag_textdoc *td, size_t i);
/* Do tokens i .. i+n-1 read `exact` as written (an all-caps abbreviation: "US", not "us")? */
bool ag__gz_exact_match(const ag_textdoc *td, size_t i, size_t n, const char *exact);
int32_t ag__gz_lookup(const ag_gazetteer *gz, const char *folded, gz_kind kind);

/* The actor of the dictionary known by this folded name (any spelling that
 * ag__name_key makes the same), GZ_ACTOR_SHARED when several are, or
 * GZ_ACTOR_NONE.  `scratch` holds the key (the caller's, reused). */
int32_t ag__gz_actor(const ag_gazetteer *gz, const char *folded, ag_buf *scratch);
/* The term of actor `actor` in office on yyyymmdd `date` (0: undated), or -1.
 * Undated, or dated when no term covers the date: the only target all the
 * actor's terms share, if there is one (its latest term), else -1. */
int32_t ag__gz_actor_term(const ag_gazetteer *gz, int32_t actor, int32_t date);

#endif
