/*
 * unglue.c - names glued to the next word by the page a text was copied
 * from ("Roman Abramovichaccompanied by", "Oleksii Reznikovdressed in
 * green": a tag boundary that lost its space).
 *
 * A capitalised ASCII word is cut in two when a known name begins it and a
 * word that follows names ends it: the name is a word the same document
 * writes alone ("where Abramovich drank tea") or a surname of the actor
 * dictionary, and the rest is a past participle, a gerund or one of a few
 * words that follow a name ("who", "said").  Nothing else is cut: not
 * "Washingtonian", "Kremlinology" or "Putinism".  The two tokens keep their
 * bytes in the text, so every span still points into the document.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/gazetteer.h"
#include "extract/unglue.h"

#define MIN_NAME 4
#define MAX_WORD 64

/* Words that follow a name, short enough to need a list. */
static const struct {
	const char *w;
	size_t n;
} after_name[] = {{"who", 3},  {"whose", 5}, {"said", 4}, {"says", 4}, {"told", 4}, {"and", 3}, {"was", 3},
                  {"has", 3},  {"had", 3},   {"met", 3},  {"with", 4}, {"from", 4}, {"also", 4}};

/* The cut points a word of n bytes may have, longest name first, into
 * cut[] (at most MAX_WORD); how many.  The rest must be a word of the list
 * or a verb form of five letters or more ("accompanied", "dressed",
 * "speaking"). */
static size_t cut_points(const char *w, size_t n, size_t *cut)
{
	size_t k = 0;
	bool verb = (n >= MIN_NAME + 5 && w[n - 2] == 'e' && w[n - 1] == 'd') ||
	            (n >= MIN_NAME + 6 && memcmp(w + n - 3, "ing", 3) == 0);
	if (verb)
		for (size_t p = n - (w[n - 1] == 'd' ? 5 : 6); p >= MIN_NAME; p--)
			cut[k++] = p;
	for (size_t a = 0; a < sizeof(after_name) / sizeof(after_name[0]); a++) {
		size_t l = after_name[a].n;
		if (w[n - 1] == after_name[a].w[l - 1] && n >= MIN_NAME + l && memcmp(w + n - l, after_name[a].w, l) == 0)
			cut[k++] = n - l;
	}
	return k;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Does a capitalised word token read `name` (folded, n bytes, FNV state h)?
 * (The hash said so; the bytes make sure.) */
static bool written_alone(const ag_textdoc *td, const char *name, size_t n, uint32_t h)
{
	for (size_t k = 0; k < td->n_toks; k++) {
		const ag_token *t = &td->toks[k];
		if (t->hash == h && t->fold_len == n && (t->flags & TF_CAP) && memcmp(ag__tok_fold(td, k), name, n) == 0)
			return true;
	}
	return false;
}

/* Is word token i a candidate: a capital, then lower-case ASCII only? */
static bool glued_shape(const ag_textdoc *td, size_t i)
{
	const ag_token *t = &td->toks[i];
	const char *s = td->doc->text + t->start;
	size_t n = t->end - t->start;
	if ((t->flags & (TF_WORD | TF_CAP | TF_ALLCAPS | TF_DIGIT)) != (TF_WORD | TF_CAP) || n < MIN_NAME + 3 ||
	    n >= MAX_WORD || n != t->fold_len)
		return false;
	for (size_t k = 1; k < n; k++)
		if (s[k] < 'a' || s[k] > 'z')
			return false;
	return true;
}

/* Append the folded (ASCII, lower-cased) bytes s[0..n) to the fold arena as
 * token t's form. */
static int set_fold(ag_textdoc *td, ag_token *t, const char *s, size_t n)
{
	uint32_t h = AG_HASH_INIT;
	if (AG_GROW(td->fold, td->fold_cap, td->fold_len + n + 1) < 0)
		return AG_ENOMEM;
	t->fold = (uint32_t)td->fold_len;
	for (size_t k = 0; k < n; k++) {
		unsigned char b = (unsigned char)s[k];
		b = (unsigned char)(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
		td->fold[td->fold_len++] = (char)b;
		h = (h ^ b) * 16777619u;
	}
	td->fold[td->fold_len++] = '\0';
	t->fold_len = (uint16_t)n;
	t->hash = h;
	return 0;
}

int ag__unglue_names(ag_textdoc *td)
{
	uint32_t *alone = NULL;
	size_t n_alone = 0, n_cut = 0, *cuts = NULL;
	ag_buf key = {0};
	int rc = 0;

	/* the cut points first: most documents have none */
	for (size_t i = 0; i < td->n_toks; i++) {
		const ag_token *t = &td->toks[i];
		const char *s = td->doc->text + t->start;
		size_t n = t->end - t->start;
		size_t points[MAX_WORD + 16], n_p;
		/* not "Switzerland", "Wellington": words the gazetteer knows */
		if (!glued_shape(td, i) || !(n_p = cut_points(s, n, points)) || ag__gz_tok_known(td, i))
			continue;
		for (size_t q = 0; q < n_p; q++) {
			size_t p = points[q];
			char name[MAX_WORD];
			uint32_t h = AG_HASH_INIT;
			bool known;
			for (size_t k = 0; k < p; k++) {
				unsigned char b = (unsigned char)s[k];
				b = (unsigned char)(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
				name[k] = (char)b;
				h = (h ^ b) * 16777619u;
			}
			name[p] = '\0';
			if (!alone) { /* the folded hashes of the capitalised words written alone */
				if (!(alone = malloc(td->n_toks * sizeof(*alone)))) {
					rc = AG_ENOMEM;
					goto out;
				}
				for (size_t k = 0; k < td->n_toks; k++)
					if ((td->toks[k].flags & (TF_WORD | TF_CAP)) == (TF_WORD | TF_CAP))
						alone[n_alone++] = td->toks[k].hash;
				qsort(alone, n_alone, sizeof(*alone), cmp_u32);
			}
			known = (bsearch(&h, alone, n_alone, sizeof(*alone), cmp_u32) && written_alone(td, name, p, h)) ||
			        ag__gz_actor(td->gz, name, &key) != GZ_ACTOR_NONE;
			if (!known)
				continue;
			if (!cuts && !(cuts = malloc(td->n_toks * sizeof(*cuts)))) {
				rc = AG_ENOMEM;
				goto out;
			}
			cuts[n_cut++] = i * MAX_WORD + p; /* token and cut point */
			break;
		}
	}
	if (!n_cut)
		goto out;
	if (AG_GROW(td->toks, td->cap_toks, td->n_toks + n_cut) < 0) {
		rc = AG_ENOMEM;
		goto out;
	}
	/* from the back, so that the tokens before each cut stay in place */
	for (size_t c = n_cut; c-- > 0;) {
		size_t i = cuts[c] / MAX_WORD, p = cuts[c] % MAX_WORD;
		ag_token *a = &td->toks[i], *b = &td->toks[i + 1];
		const char *s = td->doc->text + a->start;
		memmove(&td->toks[i + 1], &td->toks[i], (td->n_toks - i) * sizeof(*td->toks));
		td->n_toks++;
		*b = *a;
		b->start = a->start + (uint32_t)p;
		b->flags = (uint16_t)((a->flags & TF_POSS) | TF_WORD | TF_NOSPACE);
		a->end = b->start;
		a->flags &= (uint16_t)~TF_POSS;
		if ((rc = set_fold(td, a, s, p)) < 0 || (rc = set_fold(td, b, s + p, b->end - b->start)) < 0)
			goto out;
	}
out:
	free(alone);
	free(cuts);
	free(key.data);
	return rc;
}
