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

/* Can token i be part of a person's name? */
static bool name_token(const ag_textdoc *td, size_t i)
{
	const ag_token *t = &td->toks[i];
	if (!(t->flags & TF_WORD) || (t->flags & (TF_SKIP | TF_DIGIT)))
		return false;
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
static bool lower_syllable(const ag_textdoc *td, size_t a, size_t b, size_t send)
{
	const ag_token *t = &td->toks[a], *h, *w;
	if (b + 2 >= send || ag__tok_punct(td, b) != '-')
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
	if (td->tok_ment[b + 1] >= 0 || (td->toks[b + 2].flags & TF_NEWLINE) || !name_token(td, b + 2))
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
		if (b == a + 1 && lower_syllable(td, a, b, send)) {
			b += 2;
			continue;
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
}

static int person_for(ag_textdoc *td, size_t a, size_t b, int32_t *out, key_cache *kc)
{
	ag_buf label = {0}, folded = {0}, key = {0}, other = {0}, sur = {0};
	const char *last;
	int rc = 0;
	size_t ntok = 0, sa = b - 1;

	for (size_t i = a; i < b; i++)
		ntok += (td->toks[i].flags & TF_WORD) != 0;
	/* the last name keeps its particles: "von der Leyen", and "bin Salman" (the
	 * father's name, so "King Salman" is someone else) */
	while (sa > a + 1 && particle_at(td, sa - 1) && !(td->toks[sa].flags & TF_NOSPACE))
		sa--;
	if ((rc = fold_span(td, a, b, &label, true)) < 0 || (rc = fold_span(td, a, b, &folded, false)) < 0 ||
	    (rc = name_key(folded.data, &key)) < 0 || (rc = fold_span(td, sa, b, &sur, false)) < 0)
		goto cleanup;
	last = sur.data;
	*out = -1;
	{
		/* buffers reused over the persons; the key of `last` made once, the
		 * keys of the persons once each (kc) */
		ag_buf pf = {0}, sk = {0}, lk = {0};
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
				ag__buf_clear(&pf);
				if ((rc = ag__fold(pp->label, strlen(pp->label), &pf)) < 0 ||
				    (rc = name_key(pf.data, &other)) < 0)
					break;
				if (!(pk->label = ag__strdup(other.data))) {
					rc = AG_ENOMEM;
					break;
				}
			}
			same = strcmp(pk->label, key.data) == 0;
			/* "Umerov" is Rustem Umerov; "Zelenskyy" is Volodymyr Zelensky;
			 * "Trump" seen first, "Donald Trump" now: the same person, with the
			 * fuller name */
			if (!same && (ntok == 1 || (pp->ntok_name == 1 && ntok > 1))) {
				if (!pk->sur) {
					if ((rc = name_key(pp->surname, &sk)) < 0)
						break;
					if (!(pk->sur = ag__strdup(sk.data))) {
						rc = AG_ENOMEM;
						break;
					}
				}
				if (!have_lk && (rc = name_key(last, &lk)) < 0)
					break;
				have_lk = true;
				same = strcmp(pk->sur, lk.data) == 0;
			}
			if (same) {
				*out = (int32_t)p;
				break;
			}
		}
		ag__buf_free(&pf);
		ag__buf_free(&sk);
		ag__buf_free(&lk);
		if (rc < 0)
			goto cleanup;
	}
	if (*out >= 0) {
		ag_person *pp = &td->persons[*out];
		if ((rc = ag__strlist_add(&pp->aliases, label.data)) < 0)
			goto cleanup;
		if (ntok > pp->ntok_name) {
			key_cache_drop(kc, (size_t)*out);
			if ((rc = ag__set_str(&pp->label, label.data)) < 0 || (rc = ag__set_str(&pp->surname, last)) < 0)
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
		pp->first_tok = (uint32_t)a;
		pp->mentions = 1;
		pp->ntok_name = (uint32_t)ntok;
		if (!(pp->label = ag__strdup(label.data)) || !(pp->surname = ag__strdup(last)) ||
		    ag__strlist_add(&pp->aliases, label.data) < 0) {
			free(pp->label);
			free(pp->surname);
			ag__strlist_free(&pp->aliases);
			rc = AG_ENOMEM;
			goto cleanup;
		}
		*out = (int32_t)td->n_persons++;
	}
cleanup:
	ag__buf_free(&label);
	ag__buf_free(&folded);
	ag__buf_free(&key);
	ag__buf_free(&other);
	ag__buf_free(&sur);
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
	"government", "administration", NULL};
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

	/* a delegation frame: "Ukraine's delegation under Rustem Umerov", "a Russian
	 * team led by Vladimir Medinsky" */
	{
		size_t k = j, noun;
		bool frame = false;
		if (k > s + 2 && ag__tok_is(td, k - 1, "by") &&
		    (ag__tok_is(td, k - 2, "led") || ag__tok_is(td, k - 2, "headed"))) {
			noun = k - 3;
			frame = true;
		} else if (k > s + 1 && ag__tok_is(td, k - 1, "under")) {
			noun = k - 2;
			frame = true;
		}
		if (frame && noun > s && word_in_frame(td, noun)) {
			const ag_mention *m = ag__ment_at(td, noun - 1);
			if (m && (m->kind == M_STATE || m->kind == M_ORG) && !in_role_phrase_before(td, m)) {
				pp = &td->persons[p];
				if (pp->affil_strength < 2) {
					pp->affil = m->entity;
					pp->affil_strength = 2;
				}
			}
		}
	}
	/* "Ukraine's ambassador to the United Nations, Andriy Melnyk" */
	if (j > s && ag__tok_punct(td, j - 1) == ',') {
		lead_comma = true;
		j--;
	}
	while (j > s) {
		const ag_mention *m = ag__ment_at(td, j - 1);
		if (m) {
			if (m->kind == M_TITLE) {
				if (!role && is_role(td, m))
					role = m;
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
				break;
			}
			if (m->kind == M_PERSON && m->entity != p && (td->toks[m->tok + m->ntok - 1].flags & TF_POSS || role)) {
				affil_person = m->entity;
				break;
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
	if (pp->affil_strength < 2) {
		if (affil >= 0) {
			pp->affil = affil;
			pp->affil_strength = 2;
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

/* Words between two persons that put them on different sides of a contact. */
static const char *const counterpart_words[] = {
	"with", "met", "meet", "meets", "between", "against", "versus", "called", "urged", "told",
	"criticised", "criticized", "accused", "rejected", "warned", "spoke", "talked", "phoned", NULL};
static ag_wordset counterpart_words_set = AG_WORDSET(counterpart_words);

/* A state mention that belongs to another person's role phrase ("German
 * Chancellor Friedrich Merz") says nothing about the sentence's other people. */
static bool in_role_phrase(const ag_textdoc *td, const ag_mention *m)
{
	size_t k = m->tok + m->ntok;
	for (size_t n = 0; n < 3 && k < td->n_toks; n++) {
		const ag_mention *x = ag__ment_at(td, k);
		if (!x)
			return false;
		if (x->kind == M_TITLE || x->kind == M_PERSON)
			return true;
		k = x->tok + x->ntok;
	}
	return false;
}

/* A person with no explicit side takes it from the sentence that introduces
 * them: from a person before them whose side is known, unless a contact
 * separates them ("Umerov said President Zelensky..." yes; "Merz spoke with
 * Trump" no); else from the state the sentence is about, when that state is
 * its subject — its first actor, not part of someone's title, not a place
 * ("the Kremlin reinstated ... Medinsky"). */
static void resolve_affiliations(ag_textdoc *td)
{
	follow_possessives(td);
	for (size_t p = 0; p < td->n_persons; p++) {
		ag_person *pp = &td->persons[p];
		size_t s, i;
		int32_t by_person = -1, by_state = -1;
		const ag_mention *first = NULL;
		bool contact = false;
		if (pp->affil >= 0 || pp->affil_person >= 0)
			continue;
		i = pp->first_tok;
		s = td->sents[td->toks[i].sent].tok;
		/* "... and Jonas Berg met her": a contact right after the name counts too */
		{
			const ag_mention *self = ag__ment_at(td, i);
			size_t after = self ? self->tok + self->ntok : i + 1;
			for (size_t k = after; k < after + 2 && k < td->n_toks; k++)
				if ((td->toks[k].flags & TF_WORD) && ag__tok_in(td, k, &counterpart_words_set))
					contact = true;
		}
		while (i > s) {
			const ag_mention *m = ag__ment_at(td, --i);
			if (!m) {
				if (ag__tok_in(td, i, &counterpart_words_set))
					contact = true;
				continue;
			}
			if (m->kind == M_PERSON && m->entity != (int32_t)p && by_person < 0 && !contact &&
			    td->persons[m->entity].affil >= 0)
				by_person = td->persons[m->entity].affil;
			if (m->kind == M_PERSON || m->kind == M_STATE || m->kind == M_ORG)
				first = m;
			i = m->tok;
		}
		/* "The U.S.-mediated round ...": a compound modifier is not the subject */
		if (first && (first->kind == M_STATE || first->kind == M_ORG) && !in_role_phrase(td, first) &&
		    !ag__after_locative(td, first->tok, s, AG_LOC_WHERE) && ag__tok_punct(td, first->tok + first->ntok) != '-')
			by_state = first->entity;
		pp->affil = by_person >= 0 ? by_person : by_state;
		pp->affil_strength = pp->affil >= 0 ? 1 : 0;
	}
	follow_possessives(td);
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

/* Accept a candidate name [a, b)? */
static bool accept_name(ag_textdoc *td, size_t a, size_t b, const lower_set *lower_words)
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
	given = words >= 2 && ag__gz_has(td->gz, ag__tok_fold(td, a), GZ_GIVEN);
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

int ag__find_persons(ag_textdoc *td)
{
	lower_set lower = {0};
	ag_strmap forms = {0};
	ag_buf run = {0}, alias = {0}, k1 = {0}, k2 = {0};
	char **keys = NULL;
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
		if (!accept_name(td, a, b, &lower)) {
			i = b;
			continue;
		}
		if ((rc = person_for(td, a, b, &p, &kc)) < 0 || (rc = add_person_mention(td, a, b, p)) < 0)
			goto cleanup;
		i = b;
	}

	/* pass 2: later (and earlier) mentions by full name or last name.  The
	 * forms each person is known by are folded once, into `forms`, and each
	 * person's last-name key once, into `keys`; a run of tokens is folded
	 * once per length. */
	if (td->n_persons && !(keys = calloc(td->n_persons, sizeof(*keys)))) {
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
			size_t n = 1, e;
			/* the last name, particles included */
			for (const char *c = td->persons[p].surname; *c; c++)
				n += *c == ' ';
			e = i + n;
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

	/* pass 3: roles and affiliations, now that every mention is known */
	for (size_t i = 0; i < td->n_toks; i++) {
		const ag_mention *m = ag__ment_at(td, i);
		if (m && m->kind == M_PERSON && m->tok == i) {
			if ((rc = read_role(td, m->tok, m->tok + m->ntok, m->entity)) < 0)
				goto cleanup;
			i = m->tok + m->ntok - 1;
		}
	}
	resolve_affiliations(td);
cleanup:
	key_cache_free(&kc);
	if (keys)
		for (size_t p = 0; p < td->n_persons; p++)
			free(keys[p]);
	free(keys);
	free(lower.slots);
	ag__strmap_free(&forms);
	ag__buf_free(&run);
	ag__buf_free(&alias);
	ag__buf_free(&k1);
	ag__buf_free(&k2);
	return rc;
}
