/*
 * sentences.c - a document's tokens (tokenize.c) cut into sentences, with page
 * furniture (sign-up prompts, photo credits, bylines, footers) marked so that
 * later stages skip it.  Offsets always point into the original text.
 */
#include <stdlib.h>
#include <utf8proc.h>

#include "extract/gazetteer.h"
#include "extract/sentences.h"
#include "extract/tokenize.h"
#include "extract/unglue.h"
#include "text/fold.h"

/* ---- page furniture ----------------------------------------------------------- */

/* Lines that are navigation, sign-up prompts or other page furniture; matched
 * case-insensitively at the start of a line (after folding). */
static const char *const furniture_starts[] = {
	"contact us", "subscribe", "sign up", "sign in", "log in", "login", "register", "email us",
	"by continuing", "advertisement", "sponsored", "share this", "share on", "follow us",
	"follow the", "click here", "get the first look", "skip to", "all rights reserved",
	"copyright", "(c) ", "terms of use", "terms and conditions", "privacy policy", "cookie",
	"credit:", "credits:", "photo:", "photos:", "photograph:", "image:", "picture:", "file photo",
	"video:", "watch:", "listen:", "read more", "read also", "also read", "see also", "related:",
	"related articles", "related stories", "more from", "more stories", "recommended",
	"most read", "most popular", "trending", "you may also like", "top stories", "latest edition",
	"latest news", "newsletter", "download the", "install the", "join our", "leave a comment",
	"comments", "reporting by", "editing by", "additional reporting", "written by", "posted by",
	"published", "updated", "last updated", "first published", "staff writer", "staff writers",
	"news desk", "tags:", "topics:", NULL};

/* Lines after which the story is over (the rest is footer), when they come
 * past the first third of the text.  "READ MORE" and "ALSO READ" are not among
 * them: pages put those between paragraphs of the story too. */
static const char *const footer_starts[] = {
	"comments", "latest edition", "related articles", "related stories", "more from",
	"more stories", "recommended", "most read", "most popular", "you may also like",
	"top stories", "tags:", "topics:", NULL};

static bool starts_with_word(const char *s, size_t n, const char *prefix)
{
	size_t k;
	if (n == 0 || s[0] != prefix[0])
		return false; /* the common case, decided on the first byte */
	k = strlen(prefix);
	if (n < k || memcmp(s, prefix, k) != 0)
		return false;
	/* whole word, unless the prefix ends in punctuation or a space */
	if (n == k || !((prefix[k - 1] >= 'a' && prefix[k - 1] <= 'z')))
		return true;
	return !((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= '0' && s[k] <= '9'));
}

static bool line_matches(const char *folded, size_t n, const char *const *list)
{
	for (size_t k = 0; list[k]; k++)
		if (starts_with_word(folded, n, list[k]))
			return true;
	return false;
}

/* Mark tokens [a, b) as furniture. */
static void skip_tokens(ag_textdoc *td, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < td->n_toks; i++)
		td->toks[i].flags |= TF_SKIP;
}

static bool tok_terminal(const ag_textdoc *td, size_t i)
{
	char p = ag__tok_punct(td, i);
	return p == '.' || p == '!' || p == '?';
}

/* The lists above are matched on the first bytes of a line's folded form:
 * a match looks at most at its prefix and the byte after it.  Longer than
 * the longest prefix (20 bytes) with room to spare. */
#define LINE_START_BYTES 32

/* fb = the folded form of s[0..n), or of a part of it that starts the same
 * and is at least LINE_START_BYTES long: the lists cannot tell them apart.
 * Folding goes code point by code point, so a cut at a code point boundary
 * gives the beginning of the whole folded form. */
static int fold_line_start(const char *s, size_t n, ag_buf *fb)
{
	size_t cut = n;
	ag__buf_clear(fb);
	if (n > 2 * LINE_START_BYTES) {
		cut = 2 * LINE_START_BYTES;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		if (cut > 0) {
			if (ag__fold(s, cut, fb) < 0)
				return AG_ENOMEM;
			if (fb->len >= LINE_START_BYTES)
				return 0;
			ag__buf_clear(fb);
		}
	}
	return ag__fold(s, n, fb);
}

/* Decide line by line what is furniture.  A line is a run of tokens between
 * TF_NEWLINE tokens. */
/* Words that make the other side of a '/' a photo credit: "Name/Pool via
 * REUTERS", "(Name / Getty Images)", "REUTERS/Name". */
static const char *const credit_words[] = {
	"pool", "getty", "images", "handout", "photo", "photos", "via", "afp", "ap", "reuters", "epa", "file",
	"press", "agency", "sputnik", "tass", "xinhua", "anadolu", "ria", NULL};
static ag_wordset credit_words_set = AG_WORDSET(credit_words);

/* Is token i a capitalised word (not all capitals) of a name? */
static bool cap_word(const ag_textdoc *td, size_t i)
{
	return (td->toks[i].flags & (TF_WORD | TF_CAP)) == (TF_WORD | TF_CAP) &&
	       !(td->toks[i].flags & (TF_ALLCAPS | TF_DIGIT));
}

/* Is token i part of an agency or credit ("REUTERS", "Pool", a non-Latin word)? */
static bool credit_tok(const ag_textdoc *td, size_t i)
{
	const ag_token *t = &td->toks[i];
	if (!(t->flags & TF_WORD))
		return false;
	if ((t->flags & TF_ALLCAPS) || ag__tok_in(td, i, &credit_words_set) || ag__gz_tok_has(td, i, GZ_MEDIA))
		return true;
	for (size_t k = 0; k < t->fold_len; k++)
		if (ag__tok_fold(td, i)[k] >= 'a' && ag__tok_fold(td, i)[k] <= 'z')
			return false;
	return true; /* no Latin letter: an agency written in its own script */
}

/* In-line credits and sign-offs, marked as furniture: a photographer's name
 * on one side of a '/' and an agency on the other ("Ludovic Marin/Pool via
 * REUTERS", "REUTERS/Jane Doe"), and "(Reporting by X and Y; Editing by Z)". */
static void credits(ag_textdoc *td, size_t line, size_t end)
{
	for (size_t i = line; i < end; i++) {
		char p = ag__tok_punct(td, i);
		if (p == '/' && i > line && i + 1 < end) {
			size_t l = i, r = i + 1, lnames = 0, rnames = 0;
			bool lcredit = false, rcredit = false;
			while (l > line && l > i - 5 && (td->toks[l - 1].flags & TF_WORD)) {
				l--;
				lnames += cap_word(td, l) && !credit_tok(td, l);
				lcredit |= credit_tok(td, l);
			}
			while (r < end && r < i + 6 && (td->toks[r].flags & TF_WORD)) {
				rnames += cap_word(td, r) && !credit_tok(td, r);
				rcredit |= credit_tok(td, r);
				r++;
			}
			if ((lnames >= 2 && rcredit && !lcredit) || (rnames >= 2 && lcredit && !rcredit)) {
				if (l > line && ag__tok_punct(td, l - 1) == '(')
					l--;
				if (r < end && ag__tok_punct(td, r) == ')')
					r++;
				skip_tokens(td, l, r);
				i = r - 1;
			}
			continue;
		}
		/* "(Reporting by ...; Editing by ...)", "Additional reporting by ..." */
		if (i + 1 < end && ag__tok_is(td, i + 1, "by") &&
		    (ag__tok_is(td, i, "reporting") || ag__tok_is(td, i, "editing") || ag__tok_is(td, i, "writing") ||
		     ag__tok_is(td, i, "compiled") || ag__tok_is(td, i, "photographs") || ag__tok_is(td, i, "graphics")) &&
		    (i == line || ag__tok_punct(td, i - 1) == '(' || ag__tok_punct(td, i - 1) == ';' ||
		     ag__tok_is(td, i - 1, "additional"))) {
			size_t a = i, b = i + 2;
			while (a > line && (ag__tok_punct(td, a - 1) == '(' || ag__tok_is(td, a - 1, "additional")))
				a--;
			while (b < end && ag__tok_punct(td, b) != ')')
				b++;
			skip_tokens(td, a, b < end ? b + 1 : end);
			i = b;
		}
	}
}

/* A line that is only a person's name, with perhaps where they write from:
 * "Jane Doe", "Jane Doe, Hanoi" (a byline).  The name starts with a known
 * given name; nothing else is on the line. */
static bool byline_line(const ag_textdoc *td, size_t line, size_t end)
{
	size_t i = line, names = 0;
	if (!ag__gz_tok_has(td, line, GZ_GIVEN))
		return false;
	while (i < end && cap_word(td, i) && names < 4) {
		i++;
		names++;
	}
	if (names < 2)
		return false;
	if (i < end && ag__tok_punct(td, i) == ',') {
		size_t k = i + 1, place = 0;
		while (k < end && cap_word(td, k) && place < 3) {
			k++;
			place++;
		}
		if (!place)
			return false;
		i = k;
	}
	return i == end;
}

static int mark_furniture(ag_textdoc *td, const char *text)
{
	size_t line = 0, n = td->n_toks;
	bool footer = false;
	ag_buf *fb = &td->scratch;

	while (line < n) {
		size_t end = line + 1, words = 0, caps = 0, lower = 0;
		size_t lstart, lend;
		bool media_only = true;

		while (end < n && !(td->toks[end].flags & TF_NEWLINE))
			end++;
		lstart = td->toks[line].start;
		lend = td->toks[end - 1].end;
		for (size_t i = line; i < end; i++) {
			if (!(td->toks[i].flags & TF_WORD))
				continue;
			words++;
			if (td->toks[i].flags & (TF_ALLCAPS))
				caps++;
			if (!(td->toks[i].flags & TF_CAP) && !(td->toks[i].flags & TF_DIGIT))
				lower++;
			if (media_only && !ag__gz_tok_has(td, i, GZ_MEDIA) && !ag__gz_tok_has(td, i, GZ_NONPERSON))
				media_only = false;
		}
		if (fold_line_start(text + lstart, lend - lstart < 200 ? lend - lstart : 200, fb) < 0)
			return AG_ENOMEM;
		if (footer) {
			skip_tokens(td, line, end);
		} else if (line_matches(fb->data, fb->len, footer_starts) && words <= 12 &&
		           lstart * 3 > td->doc->len) {
			footer = true;
			skip_tokens(td, line, end);
		} else if (words <= 14 && !tok_terminal(td, end - 1) && line_matches(fb->data, fb->len, furniture_starts)) {
			skip_tokens(td, line, end);
		} else if (line_matches(fb->data, fb->len, furniture_starts) && words <= 30 &&
		           (starts_with_word(fb->data, fb->len, "credit:") || starts_with_word(fb->data, fb->len, "photo:") ||
		            starts_with_word(fb->data, fb->len, "published") || starts_with_word(fb->data, fb->len, "updated"))) {
			skip_tokens(td, line, end);
		} else if (words && words <= 4 && (media_only || caps == words) && !tok_terminal(td, end - 1)) {
			/* a byline or section label: "Staff Writers", "Reuters", "DPA WORLD" */
			skip_tokens(td, line, end);
		} else if (words && words <= 6 && ag__tok_is(td, line, "by") && lower <= 1) {
			skip_tokens(td, line, end);
		} else if (byline_line(td, line, end)) {
			skip_tokens(td, line, end);
		} else {
			/* in-line furniture: "... Credit: Name/Agency" to the end of the line,
			 * and a "Desk:" or "CITY (Agency) -" prefix */
			for (size_t i = line; i + 1 < end; i++) {
				if ((ag__tok_is(td, i, "credit") || ag__tok_is(td, i, "credits") ||
				     ag__tok_is(td, i, "photo")) && ag__tok_punct(td, i + 1) == ':' &&
				    (td->toks[i].flags & TF_CAP)) {
					skip_tokens(td, i, end);
					break;
				}
			}
			credits(td, line, end);
			if (end - line > 2 && ag__tok_is(td, line, "desk") && ag__tok_punct(td, line + 1) == ':')
				skip_tokens(td, line, line + 2);
			else if (end - line > 3 && (td->toks[line].flags & TF_WORD) && ag__tok_punct(td, line + 2) == ':' &&
			         ag__tok_is(td, line + 1, "desk"))
				skip_tokens(td, line, line + 3);
			/* a dateline: "GENEVA, Feb 17, 2026 (Reuters) - ..." */
			{
				size_t k = line;
				while (k < end && k < line + 3 && (td->toks[k].flags & TF_ALLCAPS))
					k++;
				if (k > line && k < end && (ag__tok_punct(td, k) == ',' || ag__tok_punct(td, k) == '(')) {
					for (size_t d = k; d < end && d < k + 16; d++) {
						if (ag__tok_punct(td, d) == '-' && !(td->toks[d].flags & TF_NOSPACE)) {
							skip_tokens(td, line, d + 1);
							break;
						}
					}
				}
			}
			/* " date 2026-02-18 Headline ..." */
			if (end - line > 6 && ag__tok_is(td, line, "date") && (td->toks[line + 1].flags & TF_DIGIT) &&
			    ag__tok_punct(td, line + 2) == '-' && ag__tok_punct(td, line + 4) == '-')
				skip_tokens(td, line, line + 6);
		}
		line = end;
	}
	return 0;
}

/* ---- sentences ---------------------------------------------------------------- */

static const char *const abbreviations[] = {
	"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "prof",
	"sen", "rep", "gov", "pres", "rev", "hon", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co",
	"corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"approx", "est", "dept", "univ", "fig", NULL};

static ag_wordset abbreviation_set = AG_WORDSET(abbreviations);

/* Words that open a sentence and never a name: after "Hun Sen." or "Smith
 * Jr." they end the sentence the abbreviation seemed to go on with. */
static const char *const sentence_openers[] = {
	"he", "she", "it", "they", "we", "i", "the", "a", "an", "this", "that", "these", "those", "his", "her",
	"their", "its", "in", "on", "at", "but", "and", "however", "there", "after", "before", "when", "while",
	"as", "if", "officials", "both", NULL};
static ag_wordset sentence_openers_set = AG_WORDSET(sentence_openers);

static int push_sentence(ag_textdoc *td, size_t a, size_t b)
{
	ag_sentence *s;
	if (a >= b)
		return 0;
	if (AG_GROW(td->sents, td->cap_sents, td->n_sents + 1) < 0)
		return AG_ENOMEM;
	s = &td->sents[td->n_sents];
	s->tok = (uint32_t)a;
	s->ntok = (uint32_t)(b - a);
	s->start = td->toks[a].start;
	s->end = td->toks[b - 1].end;
	for (size_t i = a; i < b; i++)
		td->toks[i].sent = (uint32_t)td->n_sents;
	td->toks[a].flags |= TF_SENT;
	td->n_sents++;
	return 0;
}

/* A "sentence" longer than this (a page with no full stops, a 100 MB line) is
 * cut: every later stage does bounded work per sentence, so the whole
 * extraction stays linear in the size of the text. */
#define MAX_SENTENCE_TOKENS 256

static int split_sentences(ag_textdoc *td)
{
	size_t a = 0, n = td->n_toks;
	td->n_sents = 0;
	for (size_t i = 0; i < n; i++) {
		const ag_token *t = &td->toks[i];
		bool brk = i - a >= MAX_SENTENCE_TOKENS;

		/* a line break ends a sentence, unless a hard-wrapped sentence goes on in lower case */
		if (i > a && (t->flags & TF_NEWLINE) &&
		    !(!tok_terminal(td, i - 1) && (t->flags & TF_WORD) && !(t->flags & (TF_CAP | TF_DIGIT))))
			brk = true;
		/* furniture never shares a sentence with the story */
		if (i > a && ((t->flags ^ td->toks[i - 1].flags) & TF_SKIP))
			brk = true;
		if (brk) {
			if (push_sentence(td, a, i) < 0)
				return AG_ENOMEM;
			a = i;
		}
		if (tok_terminal(td, i) && i > a) {
			size_t j = i + 1;
			const ag_token *prev = &td->toks[i - 1];
			/* closing quotes and brackets stay with the sentence */
			while (j < n && !(td->toks[j].flags & (TF_WORD | TF_NEWLINE)) &&
			       (td->toks[j].punct == '"' || td->toks[j].punct == '\'' || td->toks[j].punct == ')' ||
			        tok_terminal(td, j)))
				j++;
			if (ag__tok_punct(td, i) == '.' && (prev->flags & TF_WORD) &&
			    ag__tok_in(td, i - 1, &abbreviation_set) && j < n && !(td->toks[j].flags & TF_NEWLINE) &&
			    !ag__tok_in(td, j, &sentence_openers_set))
				continue; /* "Mr. Smith" */
			if (j >= n || (td->toks[j].flags & TF_NEWLINE) ||
			    (td->toks[j].flags & (TF_CAP | TF_DIGIT)) || !(td->toks[j].flags & TF_WORD)) {
				if (push_sentence(td, a, j) < 0)
					return AG_ENOMEM;
				a = j;
				i = j - 1;
			}
		}
	}
	return push_sentence(td, a, n);
}

int ag__text_prepare(ag_textdoc *td, const ag_document *doc)
{
	int rc;
	td->doc = doc;
	td->n_sents = 0;
	td->n_ments = 0;
	for (size_t i = 0; i < td->n_persons; i++) {
		free(td->persons[i].label);
		free(td->persons[i].surname);
		free(td->persons[i].role);
		ag__strlist_free(&td->persons[i].aliases);
	}
	td->n_persons = 0;
	td->n_meetings = 0;
	if ((rc = ag__tokenize(td, doc->text, doc->len)) < 0 || (rc = ag__unglue_names(td)) < 0)
		return rc;
	if ((rc = mark_furniture(td, doc->text)) < 0)
		return rc;
	return split_sentences(td);
}
