/*
 * names.c - persons: found by pattern (a role before the name, an appositive
 * after it, a known given name, a speech verb), never from a list of known
 * people; then later surname and Mr-forms resolved to the full name, and each
 * person's role and affiliation read from the words around the name.
 * One concern (the person stage of pipeline.h), in the order it runs: name
 * tokens, name spans, roles, affiliations, the finder.
 */
#include <stdlib.h>

#include "extract/gazetteer.h"
#include "extract/namekey.h"
#include "extract/names.h"
#include "text/fold.h"

static const char *const speech_verbs[] = {
	"said", "says", "told", "tells", "added", "wrote", "writes", "stated", "noted", "announced",
	"confirmed", "insisted", "warned", "argued", "explained", "claimed", "tweeted", "posted",
	"replied", "acknowledged", "stressed", "emphasised", "emphasized", "urged", "called", "met",
	"visited", "criticised", "criticized", "rejected", "denied", "welcomed", "thanked", NULL};

/* Capitalised words that open sentences and are never names. */
static const char *const function_words[] = {
	"the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "however", "despite", "after",
	"before", "while", "when", "meanwhile", "according", "both", "still", "initially", "another",
	"those", "these", "this", "that", "it", "he", "she", "they", "we", "i", "our", "their", "his",
	"her", "if", "as", "with", "from", "by", "what", "who", "why", "how", "where", "there", "here",
	"some", "many", "most", "all", "any", "each", "every", "no", "not", "yes", "so", "then", "thus",
	"also", "even", "only", "just", "since", "until", "during", "under", "over", "about", "among",
	"between", "without", "within", "against", "through", "toward", "towards", "upon", "of", "to",
	"mr", "mrs", "ms", "dr", "sir", "dear", "my", "your", "its", "whose", "which", "whether",
	"later", "earlier", "today", "yesterday", "tomorrow", "now", "next", "last", "first", "finally",
	"instead", "separately", "afterwards", "overall", "indeed", "elsewhere", "nevertheless",
	"nonetheless", "moreover", "furthermore", "additionally", "although", "though", "because",
	"once", "whereas", "unlike", "like", "speaking", "asked", "please", "read", "watch", "see",
	NULL};

static ag_wordset speech_verbs_set = AG_WORDSET(speech_verbs);
static ag_wordset function_words_set = AG_WORDSET(function_words);

static const gz_entity *title_entity(const ag_textdoc *td, const ag_mention *m)
{
	return m && m->kind == M_TITLE ? &td->gz->entities[m->entity] : NULL;
}

static bool is_title_class(const ag_textdoc *td, const ag_mention *m, const char *cls)
{
	const gz_entity *e = title_entity(td, m);
	return e && strcmp(e->slug, cls) == 0;
}

/* A role word proper (not a modifier like "former", not an honorific). */
static bool is_role(const ag_textdoc *td, const ag_mention *m)
{
	return m && m->kind == M_TITLE && !is_title_class(td, m, "modifier") && !is_title_class(td, m, "honorific");
}

static bool sentence_start(const ag_textdoc *td, size_t i)
{
	return td->sents[td->toks[i].sent].tok == i ||
	       (i > 0 && !(td->toks[i - 1].flags & TF_WORD) && td->sents[td->toks[i].sent].tok == i - 1);
}

/* name_token past its first tests: initials and capitalised words. */
static bool name_token_look(const ag_textdoc *td, size_t i)
{
	const ag_token *t = &td->toks[i];
	/* initials written "JD" or "J.D." count when a name follows them */
	if (t->flags & (TF_ALLCAPS | TF_ABBREV)) {
		const ag_token *n = i + 1 < td->n_toks ? &td->toks[i + 1] : NULL;
		if (t->end - t->start > 4 || td->tok_ment[i] >= 0 || !n || !(n->flags & TF_CAP) ||
		    (n->flags & (TF_ALLCAPS | TF_ABBREV | TF_SKIP)) || td->tok_ment[i + 1] >= 0)
			return false;
		return true;
	}
	if (!(t->flags & (TF_CAP | TF_INITIAL)))
		return false;
	if (td->tok_ment[i] >= 0)
		return false;
	return true;
}

/* Can token i be part of a person's name?  Lower-case words, punctuation
 * and numbers (most tokens) are turned away here, inline; the rest by
 * name_token_look. */
static inline bool name_token(const ag_textdoc *td, size_t i)
{
	unsigned f = td->toks[i].flags;
	if (!(f & TF_WORD) || (f & (TF_SKIP | TF_DIGIT)) || !(f & (TF_CAP | TF_INITIAL | TF_ALLCAPS | TF_ABBREV)))
		return false;
	return name_token_look(td, i);
}

static bool particle_at(const ag_textdoc *td, size_t i)
{
	return i < td->n_toks && (td->toks[i].flags & TF_WORD) && !(td->toks[i].flags & TF_SKIP) &&
	       ag__tok_in(td, i, ag__particles());
}

/* Common English second halves of a hyphenated word ("Pro-war", "Kremlin-led",
 * "Co-op"), never the second syllable of a given name. */
static const char *const compound_tails[] = {
	"war", "led", "era", "old", "day", "run", "set", "off", "out", "up", "new", "time", "term",
	"year", "born", "held", "made", "left", "free", "wide", "back", "like", "type", "size", "long",
	"rich", "poor", "hit", "torn", "bred", "grown", "owned", "based", "aged", "only", "elect", "op",
	"ops", "in", "on", "by", "to", "the", "and", "or", "of", "for", "at", "as", "all", "one", "two",
	"way", "end", "top", "low", "high", "half", "full", "self", "post", "pre", "non", "anti", "pro",
	"ex", "co", "mid", "semi", "well", "hand", "line", "side", "last", "next", NULL};
static ag_wordset compound_tails_set = AG_WORDSET(compound_tails);

/* Is "a-b" at [a, b) (b the hyphen) the first part of a given name whose
 * second syllable is written in lower case ("Hyun-woo Baek", "Jae-in Moon")?
 * Both parts short and written without spaces, the first capitalised (not all
 * capitals), the second lower-case letters only and not a common word, and a
 * capitalised name part must follow: a name of its own is never just "Hyun-woo".
 * "in" is a common word but also a syllable (Jae-in): allowed only when the
 * first part is a short syllable itself. */
static bool lower_syllable(const ag_textdoc *td, size_t a, size_t b, size_t send, bool last)
{
	const ag_token *t = &td->toks[a], *h, *w;
	if (b + 1 >= send || (!last && b + 2 >= send) || ag__tok_punct(td, b) != '-')
		return false;
	h = &td->toks[b];
	w = &td->toks[b + 1];
	if (!(h->flags & TF_NOSPACE) || !(w->flags & TF_NOSPACE) || !(w->flags & TF_WORD) ||
	    (w->flags & (TF_CAP | TF_DIGIT | TF_SKIP | TF_POSS | TF_ALLCAPS)) || (t->flags & (TF_ALLCAPS | TF_ABBREV | TF_INITIAL | TF_POSS)) ||
	    t->fold_len < 2 || t->fold_len > 5 || w->fold_len < 2 || w->fold_len > 5)
		return false;
	for (size_t k = 0; k < w->fold_len; k++) {
		char c = ag__tok_fold(td, b + 1)[k];
		if (c < 'a' || c > 'z')
			return false;
	}
	if (ag__tok_in(td, b + 1, &compound_tails_set) && !(ag__tok_is(td, b + 1, "in") && t->fold_len <= 3))
		return false;
	if (td->tok_ment[b + 1] >= 0)
		return false;
	if (last) /* the syllable ends the name: nothing after it is part of it */
		return b + 2 >= send || !name_token(td, b + 2) || (td->toks[b + 2].flags & TF_NEWLINE);
	if ((td->toks[b + 2].flags & TF_NEWLINE) || !name_token(td, b + 2))
		return false;
	return true;
}

/* The end of the name that starts at token a (one past its last token). */
static size_t name_end(const ag_textdoc *td, size_t a)
{
	size_t send = td->sents[td->toks[a].sent].tok + td->sents[td->toks[a].sent].ntok;
	size_t b = a + 1;
	while (b < send) {
		if (td->toks[b - 1].flags & TF_POSS)
			break; /* "Trump's" ends a name */
		if (name_token(td, b) && !(td->toks[b].flags & TF_NEWLINE)) {
			b++;
			continue;
		}
		/* hyphenated parts: Jean-Yves, Al-Sisi */
		if (ag__tok_punct(td, b) == '-' && (td->toks[b].flags & TF_NOSPACE) && b + 1 < send &&
		    (td->toks[b + 1].flags & TF_NOSPACE) && name_token(td, b + 1)) {
			b += 2;
			continue;
		}
		/* a given name of two syllables with a lower-case second one: Hyun-woo, Jae-in */
		if (b == a + 1 && lower_syllable(td, a, b, send, false)) {
			b += 2;
			continue;
		}
		/* a Korean name, surname first, ending in such a given name: Kim Jong-un,
		 * Moon Jae-in (the surname a short word too) */
		if (b == a + 2 && td->toks[a].fold_len <= 5 && lower_syllable(td, a + 1, b, send, true)) {
			b += 2;
			break;
		}
		/* particles between capitalised parts */
		if (particle_at(td, b)) {
			size_t c = b + 1;
			while (c < send && particle_at(td, c))
				c++;
			if (c < send && ag__tok_punct(td, c) == '-' && c + 1 < send)
				c++;
			if (c < send && name_token(td, c)) {
				b = c + 1;
				continue;
			}
		}
		break;
	}
	return b;
}

/* The role mention that ends just before token a ("Kremlin spokesman |Dmitry"),
 * allowing one comma ("spokesperson, Heorhii Tykhyi"), or NULL. */
static const ag_mention *role_before(const ag_textdoc *td, size_t a)
{
	size_t s = td->sents[td->toks[a].sent].tok;
	const ag_mention *m;
	if (a <= s)
		return NULL;
	m = ag__ment_at(td, a - 1);
	if (m && m->kind == M_TITLE && !is_title_class(td, m, "modifier") &&
	    !(td->toks[m->tok + m->ntok - 1].flags & TF_POSS))
		return m;
	if (ag__tok_punct(td, a - 1) == ',' && a - 1 > s) {
		m = ag__ment_at(td, a - 2);
		if (is_role(td, m))
			return m;
	}
	/* "Speaker of the Albanian Parliament Eliza Spiropali": a role, "of (the)",
	 * and the institution it heads, capitalised, right before the name */
	{
		size_t k = a;
		while (k > s && k + 6 > a && (td->toks[k - 1].flags & (TF_WORD | TF_CAP)) == (TF_WORD | TF_CAP))
			k--;
		if (k < a && k > s + 1 && ag__tok_is(td, k - 1, "the"))
			k--;
		if (k < a && k > s + 1 && ag__tok_is(td, k - 1, "of") && is_role(td, ag__ment_at(td, k - 2)) &&
		    ag__ment_at(td, a - 1) && ag__ment_at(td, a - 1)->kind == M_BLOCK)
			return ag__ment_at(td, k - 2);
	}
	return NULL;
}

/* An appositive after the name: ", a former culture minister", ", President
 * Trump's son-in-law": its role mention (a title directly followed by another
 * name belongs to that name) and, in *end, where the appositive stops (the
 * next comma or the end of the clause, at most a dozen tokens on). */
static const ag_mention *role_after(const ag_textdoc *td, size_t b, size_t *end)
{
	const ag_sentence *s;
	const ag_mention *role = NULL;
	size_t send, i;

	if (b >= td->n_toks || ag__tok_punct(td, b) != ',')
		return NULL;
	s = &td->sents[td->toks[b].sent];
	send = s->tok + s->ntok;
	for (i = b + 1; i < send && i < b + 13; i++) {
		const ag_mention *m = ag__ment_at(td, i);
		if (!(td->toks[i].flags & TF_WORD)) {
			if (td->toks[i].punct == '\'' || td->toks[i].punct == '-')
				continue;
			break;
		}
		if ((td->toks[i].flags & TF_WORD) && (ag__tok_in(td, i, &speech_verbs_set) ||
		                                      ag__tok_is(td, i, "where") || ag__tok_is(td, i, "when") ||
		                                      ag__tok_is(td, i, "which")))
			return NULL;
		if (m && is_role(td, m)) {
			size_t after = m->tok + m->ntok;
			bool owned = after < send && (name_token(td, after) || (ag__ment_at(td, after) &&
			                                                        ag__ment_at(td, after)->kind == M_PERSON));
			if (!role && !owned)
				role = m;
		}
		if (m)
			i = m->tok + m->ntok - 1;
	}
	if (role)
		*end = i;
	return role;
}

static int name_key(const char *folded, ag_buf *out)
{
	return ag__name_key(folded, strlen(folded), out);
}

static int fold_span(const ag_textdoc *td, size_t a, size_t b, ag_buf *out, bool raw)
{
	ag__buf_clear(out);
	for (size_t i = a; i < b; i++) {
		const ag_token *t = &td->toks[i];
		if (i > a && !(t->flags & TF_NOSPACE) && ag__buf_putc(out, ' ') < 0)
			return AG_ENOMEM;
		if (raw ? ag__buf_append(out, td->doc->text + t->start, t->end - t->start) < 0
		        : ag__buf_append(out, ag__tok_fold(td, i), t->fold_len) < 0)
			return AG_ENOMEM;
	}
	return 0;
}

/* Find or make the person with this name; single-token names join the person
 * whose last name they are. */
/* The name keys of the persons found so far (pass 1 of ag__find_persons):
 * made once each, dropped when a person's label changes. */
typedef struct {
	char *label; /* name_key of the folded label, or NULL: not made yet */
	char *sur;   /* name_key of the surname, or NULL */
} person_keys;

typedef struct {
	person_keys *v;
	size_t n, cap;
	ag_buf scratch[8]; /* person_for's buffers, reused over the document's names */
} key_cache;

static void key_cache_drop(key_cache *kc, size_t p)
{
	if (p < kc->n) {
		free(kc->v[p].label);
		free(kc->v[p].sur);
		kc->v[p].label = kc->v[p].sur = NULL;
	}
}

static void key_cache_free(key_cache *kc)
{
	for (size_t p = 0; p < kc->n; p++)
		key_cache_drop(kc, p);
	free(kc->v);
	kc->v = NULL;
	kc->n = kc->cap = 0;
	for (size_t k = 0; k < sizeof(kc->scratch) / sizeof(kc->scratch[0]); k++)
		ag__buf_free(&kc->scratch[k]);
}

static int person_for(ag_textdoc *td, size_t a, size_t b, int32_t *out, key_cache *kc)
{
	/* the scratch buffers of the document (kc), not allocated per call */
	ag_buf *label = &kc->scratch[0], *folded = &kc->scratch[1], *key = &kc->scratch[2], *other = &kc->scratch[3],
	       *sur = &kc->scratch[4];
	const char *last;
	int rc = 0;
	size_t ntok = 0, sa = b - 1, sb = b, first_len;
	bool after_sir;

	for (size_t i = a; i < b; i++)
		ntok += (td->toks[i].flags & TF_WORD) != 0;
	/* the last name keeps its particles: "von der Leyen", and "bin Salman" (the
	 * father's name, so "King Salman" is someone else) */
	while (sa > a + 1 && particle_at(td, sa - 1) && !(td->toks[sa].flags & TF_NOSPACE))
		sa--;
	/* "Kim Jong-un", "Moon Jae-in": the family name comes first */
	if (b == a + 4 && ag__tok_punct(td, a + 2) == '-' && !(td->toks[a + 3].flags & TF_CAP))
		sa = a, sb = a + 1;
	if ((rc = fold_span(td, a, b, label, true)) < 0 || (rc = fold_span(td, a, b, folded, false)) < 0 ||
	    (rc = name_key(folded->data, key)) < 0 || (rc = fold_span(td, sa, sb, sur, false)) < 0)
		goto cleanup;
	last = sur->data;
	*out = -1;
	/* "Sir Keir" is Keir Starmer: a given name after Sir or Dame */
	{
		size_t s0 = td->sents[td->toks[a].sent].tok;
		after_sir = ntok == 1 && a > s0 && (ag__tok_is(td, a - 1, "sir") || ag__tok_is(td, a - 1, "dame"));
		first_len = td->toks[a].fold_len;
	}
	for (size_t p = 0; p < td->n_persons; p++) {
		ag_person *pp = &td->persons[p];
		const char *pl = pp->label;
		if (after_sir && pp->ntok_name > 1) {
			ag__buf_clear(other);
			if ((rc = ag__fold(pl, strcspn(pl, " "), other)) < 0)
				goto cleanup;
			if (other->len == first_len && memcmp(other->data, ag__tok_fold(td, a), first_len) == 0) {
				*out = (int32_t)p;
				break;
			}
		} else if (pp->given_only && ntok > 1) {
			ag__buf_clear(other);
			if ((rc = ag__fold(pl, strlen(pl), other)) < 0)
				goto cleanup;
			if (other->len == first_len && memcmp(other->data, ag__tok_fold(td, a), first_len) == 0) {
				*out = (int32_t)p;
				pp->given_only = false;
				break;
			}
		}
	}
	if (*out < 0) {
		/* buffers reused over the persons; the key of `last` made once, the
		 * keys of the persons once each (kc) */
		ag_buf *pf = &kc->scratch[5], *sk = &kc->scratch[6], *lk = &kc->scratch[7];
		bool have_lk = false;
		if (kc->n < td->n_persons) {
			if ((rc = AG_GROW(kc->v, kc->cap, td->n_persons)) < 0)
				goto cleanup;
			memset(kc->v + kc->n, 0, (td->n_persons - kc->n) * sizeof(*kc->v));
			kc->n = td->n_persons;
		}
		for (size_t p = 0; p < td->n_persons && rc == 0; p++) {
			ag_person *pp = &td->persons[p];
			person_keys *pk = &kc->v[p];
			bool same;
			if (!pk->label) {
				ag__buf_clear(pf);
				if ((rc = ag__fold(pp->label, strlen(pp->label), pf)) < 0 ||
				    (rc = name_key(pf->data, other)) < 0)
					break;
				if (!(pk->label = ag__strdup(other->data))) {
					rc = AG_ENOMEM;
					break;
				}
			}
			same = strcmp(pk->label, key->data) == 0;
			/* "Umerov" is Rustem Umerov; "Zelenskyy" is Volodymyr Zelensky;
			 * "Trump" seen first, "Donald Trump" now: the same person, with the
			 * fuller name */
			if (!same && (ntok == 1 || (pp->ntok_name == 1 && ntok > 1))) {
				if (!pk->sur) {
					if ((rc = name_key(pp->surname, sk)) < 0)
						break;
					if (!(pk->sur = ag__strdup(sk->data))) {
						rc = AG_ENOMEM;
						break;
					}
				}
				if (!have_lk && (rc = name_key(last, lk)) < 0)
					break;
				have_lk = true;
				same = strcmp(pk->sur, lk->data) == 0;
			}
			if (same) {
				*out = (int32_t)p;
				break;
			}
		}
		if (rc < 0)
			goto cleanup;
	}
	if (*out >= 0) {
		ag_person *pp = &td->persons[*out];
		if ((rc = ag__strlist_add(&pp->aliases, label->data)) < 0)
			goto cleanup;
		if (ntok > pp->ntok_name) {
			key_cache_drop(kc, (size_t)*out);
			if ((rc = ag__set_str(&pp->label, label->data)) < 0 || (rc = ag__set_str(&pp->surname, last)) < 0)
				goto cleanup;
			pp->ntok_name = (uint32_t)ntok;
		}
		pp->mentions++;
		goto cleanup;
	}
	if ((rc = AG_GROW(td->persons, td->cap_persons, td->n_persons + 1)) < 0)
		goto cleanup;
	{
		ag_person *pp = &td->persons[td->n_persons];
		memset(pp, 0, sizeof(*pp));
		pp->affil = -1;
		pp->affil_person = -1;
		pp->actor = -1;
		pp->coord_person = -1;
		pp->first_tok = (uint32_t)a;
		pp->mentions = 1;
		pp->ntok_name = (uint32_t)ntok;
		pp->given_only = after_sir;
		if (!(pp->label = ag__strdup(label->data)) || !(pp->surname = ag__strdup(last)) ||
		    ag__strlist_add(&pp->aliases, label->data) < 0) {
			free(pp->label);
			free(pp->surname);
			ag__strlist_free(&pp->aliases);
			rc = AG_ENOMEM;
			goto cleanup;
		}
		*out = (int32_t)td->n_persons++;
	}
cleanup:
	return rc;
}

static int add_person_mention(ag_textdoc *td, size_t a, size_t b, int32_t person)
{
	ag_mention *m;
	if (AG_GROW(td->ments, td->cap_ments, td->n_ments + 1) < 0)
		return AG_ENOMEM;
	m = &td->ments[td->n_ments];
	m->kind = M_PERSON;
	m->via = 0;
	m->tok = (uint32_t)a;
	m->ntok = (uint16_t)(b - a);
	m->start = td->toks[a].start;
	m->end = td->toks[b - 1].end;
	m->entity = person;
	for (size_t k = a; k < b; k++)
		td->tok_ment[k] = (int32_t)td->n_ments;
	td->n_ments++;
	return 0;
}

static const char *const frame_nouns[] = {
	"delegation", "delegations", "team", "side", "group", "mission", "negotiators", "contingent",
	"government", "administration", "officials", "diplomats", "envoys", "representatives", NULL};
static ag_wordset frame_nouns_set = AG_WORDSET(frame_nouns);

static bool word_in_frame(const ag_textdoc *td, size_t i)
{
	return (td->toks[i].flags & TF_WORD) && ag__tok_in(td, i, &frame_nouns_set);
}

/* Is the state mention m itself the end of a role phrase? (never here: it is
 * followed by the frame noun, so it only checks it is not a place) */
static bool in_role_phrase_before(const ag_textdoc *td, const ag_mention *m)
{
	size_t s = td->sents[td->toks[m->tok].sent].tok;
	return m->tok > s && (ag__tok_is(td, m->tok - 1, "in") || ag__tok_is(td, m->tok - 1, "at"));
}

/* The state or organization in "of (the) X" right after a name ending before
 * token b ("Envoy Dawit Akinola of Madagascar", "President X of the Republic
 * of the Congo"), or -1.  Named states, their organs and organizations count;
 * capitals, seats, cities and demonyms do not ("the mayor X of Kyiv"). */
static int32_t of_after_name(const ag_textdoc *td, size_t b)
{
	const ag_mention *m;
	size_t k = b;
	if (b == 0 || (td->toks[b - 1].flags & TF_POSS) || !ag__tok_is(td, k, "of") ||
	    td->toks[k].sent != td->toks[b - 1].sent)
		return -1;
	k++;
	if (ag__tok_is(td, k, "the") && !ag__ment_at(td, k))
		k++;
	m = ag__ment_at(td, k);
	if (!m || m->tok != k || td->toks[k].sent != td->toks[b - 1].sent)
		return -1;
	if (m->kind == M_ORG || (m->kind == M_STATE && (m->via == GZ_STATE || m->via == GZ_ORGAN)))
		return m->entity;
	return -1;
}

/* Read role and affiliation from the words before the name [a, ...) and from
 * an appositive, into person p (explicit cues only). */
/* "Ukraine's delegation under X", "a Russian team led by X", "Russian
 * officials headed by X": a delegation frame that ends at token k gives
 * person p that side. */
static void frame_affil(ag_textdoc *td, size_t k, size_t s, int32_t p)
{
	size_t noun;
	const ag_mention *m;
	ag_person *pp = &td->persons[p];
	if (k > s + 2 && ag__tok_is(td, k - 1, "by") && (ag__tok_is(td, k - 2, "led") || ag__tok_is(td, k - 2, "headed")))
		noun = k - 3;
	else if (k > s + 1 && ag__tok_is(td, k - 1, "under"))
		noun = k - 2;
	else
		return;
	if (noun <= s || !word_in_frame(td, noun))
		return;
	m = ag__ment_at(td, noun - 1);
	if (m && (m->kind == M_STATE || m->kind == M_ORG) && !in_role_phrase_before(td, m) &&
	    pp->affil_strength < AG_AFFIL_TEXT) {
		pp->affil = m->entity;
		pp->affil_strength = AG_AFFIL_TEXT;
	}
}

static int read_role(ag_textdoc *td, size_t a, size_t b, int32_t p)
{
	ag_person *pp = &td->persons[p];
	size_t s = td->sents[td->toks[a].sent].tok, j = a;
	const ag_mention *role = NULL;
	int32_t affil = -1, affil_person = -1;
	unsigned loose = 0;
	bool comma_used = false, lead_comma = false;
	size_t apos_end = 0;
	int32_t of_entity = -1;
	bool former = false; /* "former Nigerian President X": the side he had, not his side */

	/* a delegation frame right before the name: "Ukraine's delegation under
	 * Rustem Umerov", "a Russian team led by Vladimir Medinsky" (before a role
	 * phrase: see below) */
	frame_affil(td, j, s, p);
	/* "Speaker of the Albanian Parliament Eliza Spiropali": the side is named
	 * inside the of-phrase */
	{
		const ag_mention *rb = role_before(td, a);
		if (rb && rb->tok + rb->ntok + 1 < a && ag__tok_is(td, rb->tok + rb->ntok, "of")) {
			for (size_t k = rb->tok + rb->ntok; k < a; k++) {
				const ag_mention *m = ag__ment_at(td, k);
				if (m && (m->kind == M_STATE || m->kind == M_ORG)) {
					affil = m->entity;
					break;
				}
			}
			role = rb;
			j = rb->tok;
		}
	}
	/* "Ukraine's ambassador to the United Nations, Andriy Melnyk" */
	if (!role && j > s && ag__tok_punct(td, j - 1) == ',') {
		lead_comma = true;
		j--;
	}
	while (j > s) {
		const ag_mention *m = ag__ment_at(td, j - 1);
		if (m) {
			if (m->kind == M_TITLE) {
				if (!role && is_role(td, m))
					role = m;
				if (is_title_class(td, m, "modifier") && strcmp(title_entity(td, m)->label, "former") == 0)
					former = true;
				if (strstr(ag__tok_fold(td, m->tok + m->ntok - 1), "negotiat") ||
				    strstr(ag__tok_fold(td, m->tok + m->ntok - 1), "delegat"))
					td->persons[p].negotiator = true;
				j = m->tok;
				loose = 0;
				continue;
			}
			if (m->kind == M_STATE || m->kind == M_ORG) {
				/* after a role, "to/at/in the X" is a posting and "of X" names the side
				 * only when nothing before the role does */
				size_t k = m->tok;
				if (k > s && ag__tok_is(td, k - 1, "the"))
					k--;
				if (k > s + 1 && is_role(td, ag__ment_at(td, k - 2)) &&
				    (ag__tok_is(td, k - 1, "to") || ag__tok_is(td, k - 1, "at") || ag__tok_is(td, k - 1, "in") ||
				     ag__tok_is(td, k - 1, "for") || ag__tok_is(td, k - 1, "of"))) {
					if (ag__tok_is(td, k - 1, "of") && of_entity < 0)
						of_entity = m->entity;
					j = k - 1;
					continue;
				}
				if (role || loose == 0)
					affil = m->entity;
				/* "former Nigerian President X" */
				if (k > s) {
					const ag_mention *f = ag__ment_at(td, k - 1);
					if (f && f->kind == M_TITLE && is_title_class(td, f, "modifier") &&
					    strcmp(title_entity(td, f)->label, "former") == 0)
						former = true;
				}
				break;
			}
			if (m->kind == M_PERSON && m->entity != p && (td->toks[m->tok + m->ntok - 1].flags & TF_POSS || role)) {
				affil_person = m->entity;
				break;
			}
			/* an institution word inside the role phrase: "Ukraine's Foreign
			 * Ministry spokesperson", "State Department official" */
			if (m->kind == M_BLOCK && role && loose < 3) {
				loose++;
				j = m->tok;
				continue;
			}
			break;
		}
		if (ag__tok_punct(td, j - 1) == ',' && !comma_used && role && j - 1 > s &&
		    is_role(td, ag__ment_at(td, j - 2))) {
			comma_used = true;
			j--;
			continue;
		}
		/* words inside a role phrase: "former culture minister", "Foreign Ministry spokesperson" */
		if ((td->toks[j - 1].flags & TF_WORD) && role && loose < 3 &&
		    !ag__tok_in(td, j - 1, &function_words_set) && !ag__tok_in(td, j - 1, &speech_verbs_set)) {
			loose++;
			j--;
			continue;
		}
		break;
	}
	/* a comma with no role before it is a list ("Putin, Trump"), not a role phrase */
	if (lead_comma && !role)
		affil = affil_person = -1;
	if (former)
		affil = affil_person = -1;
	/* the frame before the role phrase: "Russian officials led by Deputy Prime Minister X" */
	if (role && j < a)
		frame_affil(td, j, s, p);
	/* "Foreign Minister Ilse Brookfield of Latvia": the state or organization
	 * right after the name names the side (a capital or a city does not) */
	if (affil < 0) {
		int32_t of = of_after_name(td, b);
		if (of >= 0) {
			affil = of;
			affil_person = -1;
		}
	}
	if (affil < 0 && affil_person < 0 && of_entity >= 0)
		affil = of_entity;
	if (!role)
		role = role_after(td, b, &apos_end);
	if (affil < 0 && affil_person < 0 && apos_end) {
		/* ", Ukraine's foreign minister," / ", President Trump's son-in-law" */
		for (size_t i = b + 1; i < apos_end; i++) {
			const ag_mention *m = ag__ment_at(td, i);
			if (m && (m->kind == M_STATE || m->kind == M_ORG)) {
				affil = m->entity;
				break;
			}
			if (m && m->kind == M_PERSON && m->entity != p) {
				affil_person = m->entity;
				break;
			}
		}
	}
	/* "U.S. President Donald Trump and Vice President J.D. Vance": a role with
	 * no side of its own, right after another person and "and" or a comma,
	 * shares that person's side (not a head's role: "Russian President Putin
	 * and President Trump" are two sides) */
	if (role && affil < 0 && affil_person < 0 && role->tok == j && j >= s + 2 && !is_title_class(td, role, "head") &&
	    (ag__tok_is(td, j - 1, "and") || ag__tok_punct(td, j - 1) == ',')) {
		const ag_mention *q = ag__ment_at(td, j - 2);
		if (q && q->kind == M_PERSON && q->entity != p)
			td->persons[p].coord_person = q->entity;
	}
	pp = &td->persons[p];
	if (role && !pp->role) {
		ag_buf r = {0};
		size_t ra = role->tok, rb = role->tok + role->ntok;
		/* keep modifiers and loose words of the phrase: "former culture minister" */
		while (ra > s && ag__ment_at(td, ra - 1) && is_title_class(td, ag__ment_at(td, ra - 1), "modifier"))
			ra = ag__ment_at(td, ra - 1)->tok;
		if (fold_span(td, ra, rb, &r, true) < 0)
			return AG_ENOMEM;
		pp->role = ag__buf_detach(&r);
		if (!pp->role)
			return AG_ENOMEM;
	}
	if (pp->affil_strength < AG_AFFIL_TEXT) {
		if (affil >= 0) {
			pp->affil = affil;
			pp->affil_strength = AG_AFFIL_TEXT;
		} else if (affil_person >= 0 && pp->affil_person < 0) {
			pp->affil_person = affil_person;
		}
	}
	return 0;
}

/* Follow "Putin's aide" to Putin's side, a few steps deep. */
static void follow_possessives(ag_textdoc *td)
{
	for (int round = 0; round < 4; round++) {
		for (size_t p = 0; p < td->n_persons; p++) {
			ag_person *pp = &td->persons[p];
			if (pp->affil < 0 && pp->affil_person >= 0 && td->persons[pp->affil_person].affil >= 0) {
				pp->affil = td->persons[pp->affil_person].affil;
				pp->affil_strength = td->persons[pp->affil_person].affil_strength;
			}
		}
	}
}

/* "The Russian delegation included X, Y and Z" (also "comprised", ", which
 * included", "was represented by", ":"): the
 * persons listed after a side's delegation are on that side, unless their own
 * role phrase says otherwise. */
static const char *const list_verbs[] = {
	"included", "includes", "including", "comprised", "comprises", "comprising", NULL};
static ag_wordset list_verbs_set = AG_WORDSET(list_verbs);

static void delegation_lists(ag_textdoc *td)
{
	for (size_t si = 0; si < td->n_sents; si++) {
		const ag_sentence *sn = &td->sents[si];
		size_t end = sn->tok + sn->ntok;
		/* "Xi was accompanied by A, B and C": they are on his side (weakly:
		 * after their own words and the dictionary) */
		for (size_t k = sn->tok + 1; k + 1 < end; k++) {
			int32_t subject = -1;
			if (!(ag__tok_is(td, k, "accompanied") || ag__tok_is(td, k, "joined")) || !ag__tok_is(td, k + 1, "by"))
				continue;
			for (size_t i = sn->tok; i < k; i++) {
				const ag_mention *m = ag__ment_at(td, i);
				if (m && m->kind == M_PERSON)
					subject = m->entity;
			}
			for (size_t i = k + 2; i < end && subject >= 0; i++) {
				const ag_mention *m = ag__ment_at(td, i);
				if (ag__tok_punct(td, i) == ';')
					break;
				if (m && m->kind == M_PERSON && m->tok == i && m->entity != subject &&
				    td->persons[m->entity].coord_person < 0)
					td->persons[m->entity].coord_person = subject;
				if (m)
					i = m->tok + m->ntok - 1;
			}
			break;
		}
		for (size_t k = sn->tok + 1; k + 1 < end; k++) {
			const ag_mention *side = ag__ment_at(td, k - 1);
			int32_t st;
			size_t from = k + 2;
			if (!word_in_frame(td, k) || !side || (side->kind != M_STATE && side->kind != M_ORG) ||
			    side->tok + side->ntok != k)
				continue;
			size_t v = k + 1;
			/* "..., which included", "... that includes" */
			if (v + 1 < end && ag__tok_punct(td, v) == ',')
				v++;
			if (v + 1 < end && (ag__tok_is(td, v, "which") || ag__tok_is(td, v, "that")))
				v++;
			from = v + 1;
			/* "... was represented by", "... were represented by" */
			if (k + 3 < end && (ag__tok_is(td, k + 1, "was") || ag__tok_is(td, k + 1, "were")) &&
			    ag__tok_is(td, k + 2, "represented") && ag__tok_is(td, k + 3, "by"))
				from = k + 4;
			else if (!(ag__tok_in(td, v, &list_verbs_set) || ag__tok_punct(td, k + 1) == ':'))
				continue;
			st = side->entity;
			for (size_t i = from; i < end; i++) {
				const ag_mention *m = ag__ment_at(td, i);
				if (ag__tok_punct(td, i) == ';')
					break;
				if (m && m->kind == M_PERSON && m->tok == i) {
					ag_person *pp = &td->persons[m->entity];
					if (pp->affil_strength < AG_AFFIL_TEXT && pp->affil_person < 0) {
						pp->affil = st;
						pp->affil_strength = AG_AFFIL_TEXT;
					}
				}
				if (m)
					i = m->tok + m->ntok - 1;
			}
			break;
		}
	}
}

/* The side of each person, strongest evidence first: their own role phrase
 * and the frames around the name (read_role, delegation_lists), a possessive
 * ("Putin's aide X"), the actor dictionary at the document's date, a role
 * coordinated with another person's ("U.S. President A and Vice President
 * B").  Being named in a sentence about a state is no evidence: a person
 * with none of these has no side in this document (the corpus may give one). */
static int resolve_affiliations(ag_textdoc *td)
{
	int32_t date = 0;
	if (td->date[0])
		date = atoi(td->date) * 10000 + atoi(td->date + 5) * 100 + atoi(td->date + 8);
	delegation_lists(td);
	follow_possessives(td);
	for (size_t p = 0; p < td->n_persons; p++) {
		ag_person *pp = &td->persons[p];
		int32_t t;
		/* (the side only: a role is what the text calls the person) */
		if (pp->actor < 0 || (t = ag__gz_actor_term(td->gz, pp->actor, date)) < 0)
			continue;
		if (pp->affil < 0 && pp->affil_person < 0) {
			pp->affil = td->gz->terms[t].target;
			pp->affil_strength = AG_AFFIL_DICTIONARY;
		}
	}
	follow_possessives(td);
	for (int round = 0; round < 2; round++) {
		for (size_t p = 0; p < td->n_persons; p++) {
			ag_person *pp = &td->persons[p];
			const ag_person *q;
			if (pp->affil >= 0 || pp->affil_person >= 0 || pp->coord_person < 0)
				continue;
			q = &td->persons[pp->coord_person];
			if (q->affil >= 0) {
				pp->affil = q->affil;
				pp->affil_strength = AG_AFFIL_CONTEXT;
			}
		}
	}
	follow_possessives(td);
	return 0;
}

/* A title-case line ("President Announces New Sanctions"): most of its
 * words are capitalised, so capitals say nothing about names there. */
static bool headline(const ag_textdoc *td, size_t i)
{
	const ag_sentence *s = &td->sents[td->toks[i].sent];
	size_t words = 0, caps = 0;
	for (size_t k = s->tok; k < s->tok + s->ntok; k++) {
		if (!(td->toks[k].flags & TF_WORD))
			continue;
		words++;
		caps += (td->toks[k].flags & (TF_CAP | TF_DIGIT)) != 0;
	}
	/* title case leaves only short function words in lower case ("Talks in
	 * Geneva End Without Deal"); a list of officials has verbs and nouns
	 * ("... was accompanied by Politburo member Cai Qi, Vice Premier He Lifeng") */
	for (size_t k = s->tok; k < s->tok + s->ntok; k++)
		if ((td->toks[k].flags & TF_WORD) && !(td->toks[k].flags & (TF_CAP | TF_DIGIT)) && td->toks[k].fold_len > 4)
			return false;
	return words >= 4 && caps * 10 >= words * 7;
}

/* The words a document writes in lower case, as a set of the tokens that
 * first wrote them: keyed like an ag_strmap of their folded forms (fold_len
 * bytes each), without copying a single one. */
typedef struct {
	uint32_t *slots; /* token index + 1; 0 = empty */
	size_t mask;
} lower_set;

/* The FNV state of the first n bytes of token i's folded form. */
static uint32_t fold_state(const ag_textdoc *td, size_t i, size_t n)
{
	const ag_token *t = &td->toks[i];
	return n == t->fold_len && !ag__tok_fold(td, i)[n] ? t->hash : ag__hash_step(AG_HASH_INIT, ag__tok_fold(td, i), n);
}

static int lower_set_build(const ag_textdoc *td, lower_set *set)
{
	size_t n = 0, cap = 16;
	for (size_t i = 0; i < td->n_toks; i++)
		n += (td->toks[i].flags & TF_WORD) && !(td->toks[i].flags & (TF_CAP | TF_DIGIT));
	while (cap < 2 * n)
		cap *= 2;
	if (!(set->slots = calloc(cap, sizeof(*set->slots))))
		return ag__enomem();
	set->mask = cap - 1;
	for (size_t i = 0; i < td->n_toks; i++) {
		const ag_token *t = &td->toks[i];
		size_t j;
		if (!(t->flags & TF_WORD) || (t->flags & (TF_CAP | TF_DIGIT)))
			continue;
		for (j = fold_state(td, i, t->fold_len) & set->mask; set->slots[j]; j = (j + 1) & set->mask) {
			size_t k = set->slots[j] - 1;
			if (td->toks[k].fold_len == t->fold_len &&
			    memcmp(ag__tok_fold(td, k), ag__tok_fold(td, i), t->fold_len) == 0)
				break;
		}
		if (!set->slots[j])
			set->slots[j] = (uint32_t)i + 1;
	}
	return 0;
}

/* Does the document write token i's folded form (all of it) in lower case? */
static bool lower_has(const ag_textdoc *td, const lower_set *set, size_t i)
{
	const char *f = ag__tok_fold(td, i);
	size_t n = f[td->toks[i].fold_len] ? strlen(f) : td->toks[i].fold_len;
	for (size_t j = fold_state(td, i, n) & set->mask; set->slots[j]; j = (j + 1) & set->mask) {
		size_t k = set->slots[j] - 1;
		if (td->toks[k].fold_len == n && memcmp(ag__tok_fold(td, k), f, n) == 0)
			return true;
	}
	return false;
}

/* The actor of the dictionary that the name [a, b) is, or -1.  One word
 * alone ("Lukashenko") names an actor only when it is no common name or given
 * name and the document never writes it in lower case ("may", "rice"). */
static int32_t dictionary_actor(ag_textdoc *td, size_t a, size_t b, const lower_set *lower_words,
                                ag_buf *scratch)
{
	size_t words = 0;
	int32_t act;
	if (!td->gz->actors.count)
		return -1;
	for (size_t i = a; i < b; i++)
		words += (td->toks[i].flags & TF_WORD) != 0;
	if (!words || fold_span(td, a, b, scratch, false) < 0)
		return -1;
	if (words == 1 && (ag__gz_has(td->gz, scratch->data, GZ_COMMON) || ag__gz_has(td->gz, scratch->data, GZ_GIVEN) ||
	                   lower_has(td, lower_words, a)))
		return -1;
	act = ag__gz_actor(td->gz, scratch->data, &td->scratch);
	return act >= 0 ? act : -1;
}

/* Verbs of a reporter's sign-off: "X and Y reported for ABC News", "X has
 * been following the talks for us". */
static const char *const reporter_verbs[] = {
	"reported", "reports", "reporting", "contributed", "following", "covering", "wrote", "writes", NULL};
static ag_wordset reporter_verbs_set = AG_WORDSET(reporter_verbs);

/* Is the name that ends at b (perhaps the first of a list "X, Y and Z") the
 * subject of a reporter's sign-off: a reporting verb, and "for us" or "for"
 * an outlet later in the sentence? */
static bool reporter_clause(const ag_textdoc *td, size_t b)
{
	size_t send = td->sents[td->toks[b > 0 ? b - 1 : 0].sent].tok + td->sents[td->toks[b > 0 ? b - 1 : 0].sent].ntok;
	size_t k = b;
	bool verb = false;
	/* the rest of a list of names */
	while (k < send && (ag__tok_punct(td, k) == ',' || ag__tok_is(td, k, "and") ||
	                    ((td->toks[k].flags & TF_CAP) && (td->toks[k].flags & TF_WORD))))
		k++;
	while (k < send && (ag__tok_is(td, k, "has") || ag__tok_is(td, k, "have") || ag__tok_is(td, k, "been") ||
	                    ag__tok_is(td, k, "is") || ag__tok_is(td, k, "are") || ag__tok_is(td, k, "was") ||
	                    ag__tok_is(td, k, "were") || ag__tok_is(td, k, "also")))
		k++;
	if (k < send && ag__tok_in(td, k, &reporter_verbs_set))
		verb = true;
	if (!verb)
		return false;
	for (k++; k + 1 < send; k++)
		if (ag__tok_is(td, k, "for") && (ag__tok_is(td, k + 1, "us") || ag__gz_tok_has(td, k + 1, GZ_MEDIA) ||
		                                 (k + 2 < send && ag__gz_tok_has(td, k + 2, GZ_MEDIA))))
			return true;
	return false;
}

/* Titles that are part of how a person is named with one name ("King
 * Charles", "Pope Francis", "Queen Rania", "Emir Tamim"). */
static const char *const monarch_titles[] = {
	"king", "queen", "pope", "emperor", "empress", "sultan", "emir", "prince", "princess", NULL};
static ag_wordset monarch_titles_set = AG_WORDSET(monarch_titles);

/* Is the title right before token a (one capitalised word) such a title? */
static bool monarch_title(const ag_textdoc *td, size_t a)
{
	const ag_mention *m;
	size_t s = td->sents[td->toks[a].sent].tok;
	if (a <= s || !(m = ag__ment_at(td, a - 1)) || m->kind != M_TITLE || m->ntok != 1 ||
	    !(td->toks[m->tok].flags & TF_CAP))
		return false;
	return ag__tok_in(td, m->tok, &monarch_titles_set);
}

/* Accept a candidate name [a, b)? */
static bool accept_name(ag_textdoc *td, size_t a, size_t b, const lower_set *lower_words, ag_buf *scratch)
{
	size_t words = 0, e = 0;
	bool given = false, hyphen = false;
	for (size_t i = a; i < b; i++) {
		words += (td->toks[i].flags & TF_WORD) != 0;
		hyphen |= ag__tok_punct(td, i) == '-';
	}
	/* "Putin-Trump meeting": a compound before a noun, not a name */
	if (hyphen && words == 2 && b < td->n_toks && (td->toks[b].flags & TF_WORD) &&
	    !(td->toks[b].flags & (TF_CAP | TF_DIGIT)) && lower_has(td, lower_words, b))
		return false;
	/* a reporter signing off is no actor */
	if (reporter_clause(td, b))
		return false;
	given = words >= 2 && ag__gz_has(td->gz, ag__tok_fold(td, a), GZ_GIVEN);
	/* a person of the actor dictionary ("Lavrov met ..."); in a headline only by a full name */
	if ((words >= 2 || !headline(td, a)) && dictionary_actor(td, a, b, lower_words, scratch) >= 0)
		return true;
	if (headline(td, a) && !given)
		return false;
	if (given)
		return true;
	if (role_before(td, a))
		return true;
	if (words >= 2 && role_after(td, b, &e))
		return true;
	if (words >= 2 && !lower_has(td, lower_words, a)) {
		/* "X Y said", and the inverted "..., said X Y" */
		if (b < td->n_toks && (td->toks[b].flags & TF_WORD) && ag__tok_in(td, b, &speech_verbs_set))
			return true;
		if (a > 0 && (td->toks[a - 1].flags & TF_WORD) && ag__tok_in(td, a - 1, &speech_verbs_set))
			return true;
	}
	return false;
}

/* Persons of one document that the actor dictionary knows as one ("Xi" and
 * "Xi Jinping": a surname-first name) become one: the fuller name, every
 * form, every mention.  Runs before roles and affiliations are read. */
static int merge_same_actor(ag_textdoc *td)
{
	size_t n = td->n_persons, w = 0;
	int32_t *map;
	bool any = false;
	for (size_t p = 1; p < n && !any; p++)
		for (size_t q = 0; q < p && !any; q++)
			any = td->persons[p].actor >= 0 && td->persons[p].actor == td->persons[q].actor;
	if (!any)
		return 0;
	if (!(map = malloc(n * sizeof(*map))))
		return ag__enomem();
	for (size_t p = 0; p < n; p++) {
		ag_person *pp = &td->persons[p];
		map[p] = (int32_t)p;
		for (size_t q = 0; q < p; q++) {
			ag_person *k = &td->persons[q];
			if (map[q] != (int32_t)q || pp->actor < 0 || pp->actor != k->actor)
				continue;
			map[p] = (int32_t)q;
			for (size_t a = 0; a < pp->aliases.count; a++)
				if (ag__strlist_add(&k->aliases, pp->aliases.items[a]) < 0) {
					free(map);
					return AG_ENOMEM;
				}
			if (pp->ntok_name > k->ntok_name) {
				char *t = k->label;
				k->label = pp->label;
				pp->label = t;
				t = k->surname;
				k->surname = pp->surname;
				pp->surname = t;
				k->ntok_name = pp->ntok_name;
			}
			if (!k->role) {
				k->role = pp->role;
				pp->role = NULL;
			}
			k->mentions += pp->mentions;
			k->negotiator |= pp->negotiator;
			if (pp->first_tok < k->first_tok)
				k->first_tok = pp->first_tok;
			break;
		}
	}
	/* drop the merged ones and renumber the rest, mentions included: map[p]
	 * is p's keeper (old index), then the keepers' new indices */
	{
		int32_t *idx = malloc(n * sizeof(*idx));
		if (!idx) {
			free(map);
			return ag__enomem();
		}
		for (size_t p = 0; p < n; p++) {
			if (map[p] != (int32_t)p) {
				free(td->persons[p].label);
				free(td->persons[p].surname);
				free(td->persons[p].role);
				ag__strlist_free(&td->persons[p].aliases);
				continue;
			}
			td->persons[w] = td->persons[p];
			idx[p] = (int32_t)w++;
		}
		for (size_t i = 0; i < td->n_ments; i++) {
			ag_mention *m = &td->ments[i];
			if (m->kind == M_PERSON)
				m->entity = idx[map[m->entity]];
		}
		free(idx);
	}
	td->n_persons = w;
	free(map);
	return 0;
}

int ag__find_persons(ag_textdoc *td)
{
	lower_set lower = {0};
	ag_strmap forms = {0};
	ag_buf run = {0}, alias = {0}, k1 = {0}, k2 = {0};
	char **keys = NULL;
	size_t *key_ntok = NULL; /* tokens of each person's last name, particles included */
	size_t n_keys = 0;
	key_cache kc = {0};
	int rc = 0;

	/* words this document also writes in lower case are common words, not names */
	if ((rc = lower_set_build(td, &lower)) < 0)
		goto cleanup;

	/* pass 1: names introduced with a cue */
	for (size_t i = 0; i < td->n_toks;) {
		size_t a = i, b;
		int32_t p;
		if (!name_token(td, i) || ((td->toks[i].flags & TF_INITIAL) && (i + 1 >= td->n_toks || !name_token(td, i + 1)))) {
			i++;
			continue;
		}
		/* a sentence-opening function word is not part of a name */
		if (sentence_start(td, a) && ag__tok_in(td, a, &function_words_set)) {
			i++;
			continue;
		}
		b = name_end(td, a);
		/* "Putin-Zelensky" with both parts known: leave it to pass 2 */
		if (!accept_name(td, a, b, &lower, &run)) {
			i = b;
			continue;
		}
		/* a monarch or pope named by title and one name: "King Charles", "Pope Leo" */
		if (b == a + 1 && monarch_title(td, a))
			a = ag__ment_at(td, a - 1)->tok;
		if ((rc = person_for(td, a, b, &p, &kc)) < 0 || (rc = add_person_mention(td, a, b, p)) < 0)
			goto cleanup;
		i = b;
	}

	/* pass 2: later (and earlier) mentions by full name or last name.  The
	 * forms each person is known by are folded once, into `forms`, and each
	 * person's last-name key once, into `keys`; a run of tokens is folded
	 * once per length. */
	n_keys = td->n_persons; /* merge_same_actor may drop persons later: free all keys */
	if (td->n_persons && (!(keys = calloc(td->n_persons, sizeof(*keys))) ||
	                      !(key_ntok = malloc(td->n_persons * sizeof(*key_ntok))))) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (size_t p = 0; p < td->n_persons; p++) {
		const ag_person *pp = &td->persons[p];
		for (size_t k = 0; k < pp->aliases.count; k++) {
			if ((rc = ag__fold(pp->aliases.items[k], strlen(pp->aliases.items[k]), &alias)) < 0 ||
			    (!ag__strmap_get(&forms, alias.data, NULL) && (rc = ag__strmap_put(&forms, alias.data, p)) < 0))
				goto cleanup;
			ag__buf_clear(&alias);
		}
		if ((rc = name_key(pp->surname, &k2)) < 0 || !(keys[p] = ag__strdup(k2.data))) {
			rc = rc < 0 ? rc : AG_ENOMEM;
			goto cleanup;
		}
		key_ntok[p] = 1;
		for (const char *c = pp->surname; *c; c++)
			key_ntok[p] += *c == ' ';
	}
	for (size_t i = 0; i < td->n_toks; i++) {
		size_t b, best_b = 0, have_n = 0, whole;
		int32_t best = -1;
		if (td->tok_ment[i] >= 0 || (!name_token(td, i) && !particle_at(td, i)))
			continue;
		b = name_token(td, i) ? name_end(td, i) : i;
		/* the whole run is a form already seen */
		if (b > i) {
			if ((rc = fold_span(td, i, b, &run, false)) < 0)
				goto cleanup;
			if (ag__strmap_get(&forms, run.data, &whole)) {
				best = (int32_t)whole;
				best_b = b - i;
			}
		}
		for (size_t p = 0; p < td->n_persons; p++) {
			size_t n = key_ntok[p], e = i + n;
			if (e > td->n_toks || !name_token(td, e - 1) || td->tok_ment[e - 1] >= 0)
				continue;
			if (n != have_n) {
				if ((rc = fold_span(td, i, e, &run, false)) < 0 || (rc = name_key(run.data, &k1)) < 0)
					goto cleanup;
				have_n = n;
			}
			if (strcmp(k1.data, keys[p]) == 0 && e - i > best_b) {
				best = (int32_t)p;
				best_b = e - i;
			}
		}
		if (best >= 0) {
			b = i + best_b;
			if ((rc = fold_span(td, i, b, &run, true)) < 0 ||
			    (rc = ag__strlist_add(&td->persons[best].aliases, run.data)) < 0 ||
			    (rc = add_person_mention(td, i, b, best)) < 0 ||
			    (rc = fold_span(td, i, b, &run, false)) < 0 ||
			    (!ag__strmap_get(&forms, run.data, NULL) && (rc = ag__strmap_put(&forms, run.data, (size_t)best)) < 0))
				goto cleanup;
			td->persons[best].mentions++;
			i = b - 1;
		}
	}

	/* each person's actor in the dictionary: by the fullest name, else by another
	 * form of several words, else by the one word they are known by */
	for (size_t p = 0; p < td->n_persons; p++) {
		ag_person *pp = &td->persons[p];
		size_t n = pp->ntok_name ? pp->ntok_name : 1;
		if (!td->gz->actors.count)
			break;
		pp->actor = -1;
		for (size_t k = 0; k < pp->aliases.count + 1 && pp->actor < 0; k++) {
			const char *form = k == 0 ? pp->label : pp->aliases.items[k - 1];
			int32_t act;
			if (!strchr(form, ' ') || (rc = ag__fold(form, strlen(form), &run)) < 0)
				continue;
			if ((act = ag__gz_actor(td->gz, run.data, &td->scratch)) >= 0)
				pp->actor = act;
			ag__buf_clear(&run);
		}
		if (pp->actor < 0 && !strchr(pp->label, ' ') && pp->first_tok + n <= td->n_toks)
			pp->actor = dictionary_actor(td, pp->first_tok, pp->first_tok + n, &lower, &run);
	}
	if (rc < 0 || (rc = merge_same_actor(td)) < 0)
		goto cleanup;

	/* pass 3: roles and affiliations, now that every mention is known */
	for (size_t i = 0; i < td->n_toks; i++) {
		const ag_mention *m = ag__ment_at(td, i);
		if (m && m->kind == M_PERSON && m->tok == i) {
			if ((rc = read_role(td, m->tok, m->tok + m->ntok, m->entity)) < 0)
				goto cleanup;
			i = m->tok + m->ntok - 1;
		}
	}
	rc = resolve_affiliations(td);
cleanup:
	key_cache_free(&kc);
	if (keys)
		for (size_t p = 0; p < n_keys; p++)
			free(keys[p]);
	free(keys);
	free(key_ntok);
	free(lower.slots);
	ag__strmap_free(&forms);
	ag__buf_free(&run);
	ag__buf_free(&alias);
	ag__buf_free(&k1);
	ag__buf_free(&k2);
	return rc;
}
