/*
 * gazetteer.c - the lists of known names (src/data (the .tsv files), compiled in, plus
 * files given at run time) and the matching of their phrases in a document.
 *
 * Every form is tokenized and folded exactly as document text is, so a
 * phrase matches whatever the spelling of its quotes, dashes and accents.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "extract/gazetteer.h"
#include "extract/gazetteer_data.h"
#include "extract/namekey.h"
#include "extract/tokenize.h"
#include "text/fold.h"

static const struct {
	const char *name;
	gz_kind kind;
} kind_names[] = {
	{"state", GZ_STATE}, {"capital", GZ_CAPITAL}, {"seat", GZ_SEAT}, {"demonym", GZ_DEMONYM},
	{"city", GZ_CITY}, {"region", GZ_REGION}, {"org", GZ_ORG}, {"organ", GZ_ORGAN},
	{"media", GZ_MEDIA}, {"title", GZ_TITLE}, {"nonperson", GZ_NONPERSON}, {"given", GZ_GIVEN},
	{"actor", GZ_ACTOR}, {"venue", GZ_VENUE}, {"common", GZ_COMMON},
};
#define KIND_LIST "state, capital, seat, demonym, city, region, org, organ, media, title, nonperson, given, actor, venue, common"

/* Title classes (the target of a title line). */
static const char *const title_classes[] = {"head", "minister", "diplomat", "official", "honorific", "modifier", "kin", NULL};

static int add_entity(ag_gazetteer *gz, gz_kind kind, const char *slug, const char *label, int32_t state)
{
	gz_entity *e;
	if (AG_GROW(gz->entities, gz->cap_entities, gz->n_entities + 1) < 0)
		return AG_ENOMEM;
	e = &gz->entities[gz->n_entities];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->state = state;
	e->term = -1;
	e->city_entity = -1;
	if (!(e->slug = ag__strdup(slug)) || !(e->label = ag__strdup(label))) {
		free(e->slug);
		return AG_ENOMEM;
	}
	return (int)gz->n_entities++;
}

/* "kind:slug" into key[cap], cut as snprintf would cut it (slugs are short:
 * a line's target has under 128 bytes).  snprintf cost a tenth of the
 * loading time. */
static void slug_key(char *key, size_t cap, const char *kind, const char *slug)
{
	size_t k = strlen(kind), n = strlen(slug);
	if (k > cap - 1)
		k = cap - 1;
	memcpy(key, kind, k);
	if (k + 1 < cap)
		key[k++] = ':';
	if (n > cap - 1 - k)
		n = cap - 1 - k;
	memcpy(key + k, slug, n);
	key[k + n] = '\0';
}

/* The entity of a state by slug, made as a placeholder when first referred to. */
static int state_entity(ag_gazetteer *gz, const char *slug)
{
	char key[160];
	size_t idx;
	int e;
	slug_key(key, sizeof(key), "state", slug);
	if (ag__strmap_get(&gz->slugs, key, &idx))
		return (int)idx;
	if ((e = add_entity(gz, GZ_STATE, slug, slug, -1)) < 0)
		return e;
	gz->entities[e].state = e;
	if (ag__strmap_put(&gz->slugs, key, (size_t)e) < 0)
		return AG_ENOMEM;
	return e;
}

/* Tokenize a form; build its folded key and, for all-caps forms, the exact text. */
static int form_key(ag_textdoc *td, const char *form, size_t len, ag_buf *key, ag_buf *exact,
                    bool *caps, unsigned *ntok)
{
	int rc;
	unsigned letters_upper = 1;
	ag__buf_clear(key);
	ag__buf_clear(exact);
	if ((rc = ag__tokenize(td, form, len)) < 0)
		return rc;
	for (size_t i = 0; i < td->n_toks; i++) {
		const ag_token *t = &td->toks[i];
		if (i && ag__buf_putc(key, ' ') < 0)
			return AG_ENOMEM;
		if (ag__buf_append(key, ag__tok_fold(td, i), t->fold_len) < 0)
			return AG_ENOMEM;
		if (i && !(t->flags & TF_NOSPACE) && ag__buf_putc(exact, ' ') < 0)
			return AG_ENOMEM;
		if (ag__buf_append(exact, form + t->start, t->end - t->start) < 0)
			return AG_ENOMEM;
		if ((t->flags & TF_WORD) && !(t->flags & (TF_ALLCAPS | TF_ABBREV)))
			letters_upper = 0;
	}
	*caps = letters_upper && td->n_toks > 0;
	*ntok = (unsigned)td->n_toks;
	return 0;
}

static int add_form(ag_gazetteer *gz, ag_textdoc *td, gz_kind kind, int32_t entity,
                    const char *form, size_t len, ag_buf *key, ag_buf *exact)
{
	bool caps;
	unsigned ntok;
	size_t first, fl;
	gz_entry *en;
	int rc;

	while (len && (*form == ' ' || *form == '\t'))
		form++, len--;
	while (len && (form[len - 1] == ' ' || form[len - 1] == '\t' || form[len - 1] == '\r'))
		len--;
	if (!len)
		return 0;
	if ((rc = form_key(td, form, len, key, exact, &caps, &ntok)) < 0)
		return rc;
	if (!ntok || ntok > GZ_MAX_NTOK)
		return 0;
	if (AG_GROW(gz->entries, gz->cap_entries, gz->n_entries + 1) < 0)
		return AG_ENOMEM;
	en = &gz->entries[gz->n_entries];
	en->kind = kind;
	en->entity = entity;
	en->ntok = (uint16_t)ntok;
	en->next = -1;
	en->exact = NULL;
	/* "US" must not match "us"; titles and names match in any case */
	if (caps && kind != GZ_TITLE && kind != GZ_GIVEN && kind != GZ_COMMON && !(en->exact = ag__strdup(exact->data)))
		return AG_ENOMEM;
	if (ag__strmap_get(&gz->phrases, key->data, &first)) {
		size_t last = first;
		while (gz->entries[last].next >= 0)
			last = (size_t)gz->entries[last].next;
		gz->entries[last].next = (int32_t)gz->n_entries;
	} else if (ag__strmap_put(&gz->phrases, key->data, gz->n_entries) < 0) {
		return AG_ENOMEM;
	}
	/* the longest phrase that starts with this first token */
	fl = strlen(ag__tok_fold(td, 0));
	{
		size_t have = 0;
		ag__strmap_getn(&gz->first_tok, ag__tok_fold(td, 0), fl, &have);
		uint32_t h = ag__hash(ag__tok_fold(td, 0), fl);
		if (ntok > have && ag__strmap_putn(&gz->first_tok, ag__tok_fold(td, 0), fl, ntok) < 0)
			return AG_ENOMEM;
		gz_bloom_add(gz->first_bloom, h);
		if (kind != GZ_GIVEN && kind != GZ_COMMON)
			gz_bloom_add(gz->name_bloom, h);
		if (kind == GZ_TITLE)
			gz_bloom_add(gz->title_bloom, h);
	}
	if (ntok > gz->max_ntok)
		gz->max_ntok = ntok;
	gz->n_entries++;
	return 0;
}

static int parse_kind(const char *s, size_t n, gz_kind *out)
{
	for (size_t k = 0; k < sizeof(kind_names) / sizeof(kind_names[0]); k++) {
		if (strlen(kind_names[k].name) == n && memcmp(kind_names[k].name, s, n) == 0) {
			*out = kind_names[k].kind;
			return 0;
		}
	}
	return -1;
}

/* A slug: lower-case ASCII letters, digits and '-', not empty. */
static bool slug_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* An existing state or organization entity by slug ("kind:slug"), or -1. */
static int32_t find_slug(const ag_gazetteer *gz, const char *kind, const char *slug)
{
	char key[160];
	size_t idx;
	slug_key(key, sizeof(key), kind, slug);
	return ag__strmap_get(&gz->slugs, key, &idx) ? (int32_t)idx : -1;
}

/* A date of the actor dictionary, YYYY-MM-DD, YYYY-MM or YYYY, as yyyymmdd: a
 * month or year alone is its first day when `last` is false, else its last. */
static bool parse_term_date(const char *s, size_t n, bool last, int32_t *out)
{
	int y = 0, m = 0, d = 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	if (n == 10 && s[4] == '-' && s[7] == '-')
		y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	else if (n == 7 && s[4] == '-')
		y = atoi(s), m = atoi(s + 5), d = last ? 31 : 1;
	else if (n == 4)
		y = atoi(s), m = last ? 12 : 1, d = last ? 31 : 1;
	else
		return false;
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	*out = y * 10000 + m * 100 + d;
	return true;
}

/* Add a form of an actor to the name keys (see ag__gz_actor). */
static int add_actor_form(ag_gazetteer *gz, int32_t actor, const char *form, size_t len, ag_buf *key)
{
	ag_buf f = {0};
	size_t have;
	int rc;
	while (len && (*form == ' ' || *form == '\t'))
		form++, len--;
	while (len && (form[len - 1] == ' ' || form[len - 1] == '\t'))
		len--;
	if (!len)
		return 0;
	ag__buf_clear(key);
	if ((rc = ag__fold(form, len, &f)) < 0 || (rc = ag__name_key(f.data, f.len, key)) < 0) {
		ag__buf_free(&f);
		return rc;
	}
	ag__buf_free(&f);
	if (!key->len)
		return 0;
	if (ag__strmap_get(&gz->actors, key->data, &have)) {
		if ((int32_t)have != actor && (int32_t)have != GZ_ACTOR_SHARED)
			return ag__strmap_put(&gz->actors, key->data, (size_t)GZ_ACTOR_SHARED) < 0 ? AG_ENOMEM : 0;
		return 0;
	}
	return ag__strmap_put(&gz->actors, key->data, (size_t)actor) < 0 ? AG_ENOMEM : 0;
}

/* An actor line: actor TARGET LABEL FORMS OFFICE START [END]. */
static int load_actor(ag_gazetteer *gz, const char *const *col, const size_t *cl, size_t ncol,
                      const char *target, const char *label, const char *name, size_t lineno, ag_buf *key)
{
	int32_t tgt, actor, start = 0, end = 0;
	char akey[300], office[64];
	size_t idx;
	ag_buf slug = {0};
	gz_term *t;
	int rc;

	if (ncol < 6)
		return ag__error(AG_EPARSE, "%s:%zu: an actor line has 7 columns (actor, target, label, forms, office, start, end), found %zu",
		                 name, lineno, ncol);
	if ((tgt = find_slug(gz, "state", target)) < 0 && (tgt = find_slug(gz, "org", target)) < 0)
		return ag__error(AG_EPARSE, "%s:%zu: no state or organization '%s' in the gazetteer", name, lineno, target);
	if (cl[4] == 0 || cl[4] >= sizeof(office))
		return ag__error(AG_EPARSE, "%s:%zu: empty or overlong office", name, lineno);
	for (size_t k = 0; k < cl[4]; k++)
		office[k] = col[4][k] == '-' ? ' ' : col[4][k];
	office[cl[4]] = '\0';
	if (!parse_term_date(col[5], cl[5], false, &start) ||
	    (ncol > 6 && cl[6] && !parse_term_date(col[6], cl[6], true, &end)))
		return ag__error(AG_EPARSE, "%s:%zu: dates are YYYY-MM-DD, YYYY-MM or YYYY (the end may be empty)", name, lineno);
	if (end && end < start)
		return ag__error(AG_EPARSE, "%s:%zu: the term ends before it starts", name, lineno);
	if ((rc = ag__slugify(label, &slug)) < 0)
		return rc;
	slug_key(akey, sizeof(akey), "actor", slug.data);
	ag__buf_free(&slug);
	if (ag__strmap_get(&gz->slugs, akey, &idx)) {
		actor = (int32_t)idx;
	} else {
		if ((actor = add_entity(gz, GZ_ACTOR, akey + 6, label, -1)) < 0)
			return actor;
		if (ag__strmap_put(&gz->slugs, akey, (size_t)actor) < 0)
			return AG_ENOMEM;
	}
	if (AG_GROW(gz->terms, gz->cap_terms, gz->n_terms + 1) < 0)
		return AG_ENOMEM;
	t = &gz->terms[gz->n_terms];
	t->actor = actor;
	t->target = tgt;
	t->start = start;
	t->end = end;
	t->next = -1;
	if (!(t->office = ag__strdup(office)))
		return AG_ENOMEM;
	/* terms in file order: append */
	if (gz->entities[actor].term < 0) {
		gz->entities[actor].term = (int32_t)gz->n_terms;
	} else {
		int32_t k = gz->entities[actor].term;
		while (gz->terms[k].next >= 0)
			k = gz->terms[k].next;
		gz->terms[k].next = (int32_t)gz->n_terms;
	}
	gz->n_terms++;
	if ((rc = add_actor_form(gz, actor, label, strlen(label), key)) < 0)
		return rc;
	for (size_t i = 0; i <= cl[3];) {
		size_t j = i;
		while (j < cl[3] && col[3][j] != '|')
			j++;
		if ((rc = add_actor_form(gz, actor, col[3] + i, j - i, key)) < 0)
			return rc;
		i = j + 1;
	}
	return 0;
}

/* One TSV line.  `strict` for lines from users: a state a line refers to must
 * exist already (the built-in lists may refer ahead). */
static int load_line(ag_gazetteer *gz, ag_textdoc *td, const char *line, size_t len, const char *name,
                     size_t lineno, ag_buf *key, ag_buf *exact, bool strict)
{
	const char *col[7];
	size_t cl[7], ncol = 0, i = 0, nforms = 0;
	char target[128], label[256];
	gz_kind kind;
	int32_t entity = -1;
	int rc;

	while (ncol < 7) {
		const char *tab = memchr(line + i, '\t', len - i);
		size_t j = tab ? (size_t)(tab - line) : len;
		col[ncol] = line + i;
		cl[ncol++] = j - i;
		if (j >= len)
			break;
		i = j + 1;
	}
	if (ncol < 4)
		return ag__error(AG_EPARSE, "%s:%zu: expected 4 tab-separated columns (kind, target, label, forms), found %zu",
		                 name, lineno, ncol);
	if (parse_kind(col[0], cl[0], &kind) < 0)
		return ag__error(AG_EPARSE, "%s:%zu: unknown kind '%.*s' (%s)", name, lineno, (int)(cl[0] > 40 ? 40 : cl[0]),
		                 col[0], KIND_LIST);
	if (cl[1] == 0 || cl[1] >= sizeof(target) || cl[2] == 0 || cl[2] >= sizeof(label))
		return ag__error(AG_EPARSE, "%s:%zu: empty or overlong target or label", name, lineno);
	memcpy(target, col[1], cl[1]);
	target[cl[1]] = '\0';
	memcpy(label, col[2], cl[2]);
	label[cl[2]] = '\0';
	for (size_t k = 0; k <= cl[3]; k++)
		if (k == cl[3] || col[3][k] == '|')
			nforms += k > 0 && col[3][k - 1] != '|' && col[3][k - 1] != ' ';
	if (!nforms)
		return ag__error(AG_EPARSE, "%s:%zu: no forms (the fourth column lists them, separated by |)", name, lineno);
	if (kind == GZ_TITLE) {
		size_t k;
		for (k = 0; title_classes[k] && strcmp(title_classes[k], target) != 0; k++)
			;
		if (!title_classes[k])
			return ag__error(AG_EPARSE, "%s:%zu: unknown title class '%s' (head, minister, diplomat, official, honorific, modifier, kin)",
			                 name, lineno, target);
	} else if (strcmp(target, "-") != 0 && !slug_ok(target)) {
		return ag__error(AG_EPARSE, "%s:%zu: '%s' is not a slug (lower-case letters, digits and '-', e.g. south-korea)",
		                 name, lineno, target);
	}

	switch (kind) {
	case GZ_ACTOR:
		return load_actor(gz, col, cl, ncol, target, label, name, lineno, key);
	case GZ_STATE:
		if (strcmp(target, "-") == 0)
			return ag__error(AG_EPARSE, "%s:%zu: a state needs its own slug", name, lineno);
		if ((entity = state_entity(gz, target)) < 0)
			return entity;
		if (ag__set_str(&gz->entities[entity].label, label) < 0)
			return AG_ENOMEM;
		gz->entities[entity].defined = true;
		break;
	case GZ_CAPITAL: case GZ_SEAT: case GZ_DEMONYM: case GZ_CITY: case GZ_ORGAN: case GZ_REGION: case GZ_VENUE: {
		int32_t st = -1;
		if (strcmp(target, "-") != 0) {
			if (strict && (find_slug(gz, "state", target) < 0 || !gz->entities[find_slug(gz, "state", target)].defined))
				return ag__error(AG_EPARSE, "%s:%zu: no state '%s' in the gazetteer (a 'state' line for it must come first)",
				                 name, lineno, target);
			if ((st = state_entity(gz, target)) < 0)
				return st;
		}
		if ((kind != GZ_REGION && st < 0))
			return ag__error(AG_EPARSE, "%s:%zu: a %s needs the slug of its state", name, lineno, kind_names[kind].name);
		if (kind == GZ_VENUE && (ncol < 5 || cl[4] == 0))
			return ag__error(AG_EPARSE, "%s:%zu: a venue line has 5 columns (venue, state, label, forms, city)", name, lineno);
		if ((entity = add_entity(gz, kind, target, label, st)) < 0)
			return entity;
		if (kind == GZ_VENUE) {
			bool caps;
			unsigned ntok;
			size_t first;
			if (!(gz->entities[entity].city = ag__strndup(col[4], cl[4])))
				return AG_ENOMEM;
			/* the venue's city, when the gazetteer knows it in the venue's state */
			if ((rc = form_key(td, col[4], cl[4], key, exact, &caps, &ntok)) < 0)
				return rc;
			if (ntok && ag__strmap_get(&gz->phrases, key->data, &first)) {
				for (int32_t k = (int32_t)first; k >= 0; k = gz->entries[k].next) {
					const gz_entry *c = &gz->entries[k];
					if ((c->kind == GZ_CITY || c->kind == GZ_CAPITAL) && gz->entities[c->entity].state == st) {
						gz->entities[entity].city_entity = c->entity;
						break;
					}
				}
			}
		}
		/* a city-state's capital has its name ("talks at Singapore"): the
		 * state's city, when the state is named as a place */
		if (kind == GZ_CAPITAL && strcmp(gz->entities[st].label ? gz->entities[st].label : "", gz->entities[entity].label) == 0)
			gz->entities[st].city_entity = entity;
		if (kind == GZ_CITY && ncol >= 6) {
			gz->entities[entity].pop = (uint32_t)strtoul(col[4], NULL, 10);
			gz->entities[entity].ambiguous = cl[5] == 1 && col[5][0] == '1';
			gz->entities[entity].weak = true;
		}
		break;
	}
	case GZ_ORG: {
		char k[160];
		slug_key(k, sizeof(k), "org", target);
		if (strcmp(target, "-") == 0)
			return ag__error(AG_EPARSE, "%s:%zu: an organization needs its own slug", name, lineno);
		if ((entity = add_entity(gz, kind, target, label, -1)) < 0 ||
		    ag__strmap_put(&gz->slugs, k, (size_t)entity) < 0)
			return entity < 0 ? entity : AG_ENOMEM;
		break;
	}
	default:
		if ((entity = add_entity(gz, kind, target, label, -1)) < 0)
			return entity;
		break;
	}
	/* forms, '|'-separated */
	i = 0;
	while (i <= cl[3]) {
		size_t j = i;
		while (j < cl[3] && col[3][j] != '|')
			j++;
		if ((rc = add_form(gz, td, kind, entity, col[3] + i, j - i, key, exact)) < 0)
			return rc;
		i = j + 1;
	}
	return 0;
}

/* Load TSV lines, or (names_only) a list of given names, one per line. */
static int load_buffer(ag_gazetteer *gz, const char *data, size_t len, const char *name, bool names_only,
                       bool strict)
{
	ag_textdoc td = {0};
	ag_buf key = {0}, exact = {0};
	size_t i = 0, lineno = 0;
	int rc = 0;

	while (i < len && rc == 0) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t j = nl ? (size_t)(nl - data) : len, e;
		e = j;
		lineno++;
		if (e > i && data[e - 1] == '\r')
			e--;
		if (memchr(data + i, '\0', e - i)) {
			rc = ag__error(AG_EPARSE, "%s:%zu: NUL byte", name, lineno);
			break;
		}
		if (e > i && data[i] != '#') {
			if (names_only)
				rc = add_form(gz, &td, GZ_GIVEN, -1, data + i, e - i, &key, &exact);
			else
				rc = load_line(gz, &td, data + i, e - i, name, lineno, &key, &exact, strict);
		}
		i = j + 1;
	}
	ag__textdoc_free(&td);
	ag__buf_free(&key);
	ag__buf_free(&exact);
	return rc;
}

int ag_gazetteer_load_buffer(ag_gazetteer *gz, const char *data, size_t len, const char *name)
{
	AG_CHECK_ARGS(gz && (data || !len) && name);
	return load_buffer(gz, data, len, name, false, true);
}

int ag_gazetteer_load_file(ag_gazetteer *gz, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	AG_CHECK_ARGS(gz && path);
	if ((rc = ag_file_read(path, (size_t)64 << 20, &data, &len)) < 0)
		return rc;
	rc = ag_gazetteer_load_buffer(gz, data, len, path);
	free(data);
	return rc;
}

int ag_gazetteer_new(ag_gazetteer **out)
{
	ag_gazetteer *gz;
	int rc = 0;
	AG_CHECK_ARGS(out);
	*out = NULL;
	if (!(gz = calloc(1, sizeof(*gz))))
		return ag__enomem();
	/* src/data: the .tsv files in the gazetteer format, the .txt files lists
	 * of given names (one per line); the states and organizations first, so
	 * that the others may refer to them */
	for (int pass = 0; pass < 2; pass++) {
		for (const ag_data_file *f = ag__data_files; f->name && rc == 0; f++) {
			size_t n = strlen(f->name);
			bool list = n > 4 && strcmp(f->name + n - 4, ".txt") == 0;
			bool first = strcmp(f->name, "states.tsv") == 0 || strcmp(f->name, "organizations.tsv") == 0;
			if (first == (pass == 0))
				rc = load_buffer(gz, (const char *)f->bytes, f->size, f->name, list, false);
		}
	}
	/* every state a built-in line refers to is defined */
	for (size_t i = 0; i < gz->n_entities && rc == 0; i++)
		if (gz->entities[i].kind == GZ_STATE && !gz->entities[i].defined)
			rc = ag__error(AG_EPARSE, "built-in gazetteer: state '%s' is referred to but never defined",
			               gz->entities[i].slug);
	if (rc < 0) {
		ag_gazetteer_free(gz);
		return rc;
	}
	*out = gz;
	return 0;
}

size_t ag_gazetteer_size(const ag_gazetteer *gz)
{
	return gz->n_entries;
}

void ag_gazetteer_free(ag_gazetteer *gz)
{
	if (!gz)
		return;
	for (size_t i = 0; i < gz->n_entities; i++) {
		free(gz->entities[i].slug);
		free(gz->entities[i].label);
		free(gz->entities[i].city);
	}
	for (size_t i = 0; i < gz->n_terms; i++)
		free(gz->terms[i].office);
	free(gz->terms);
	ag__strmap_free(&gz->actors);
	for (size_t i = 0; i < gz->n_entries; i++)
		free(gz->entries[i].exact);
	free(gz->entities);
	free(gz->entries);
	ag__strmap_free(&gz->phrases);
	ag__strmap_free(&gz->slugs);
	ag__strmap_free(&gz->first_tok);
	free(gz);
}

/* The built-in gazetteer, made once and shared (read-only) by every thread. */
static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static ag_gazetteer *default_gz;
static int default_rc;
static char default_err[AG_ERROR_MAX];

static void make_default(void)
{
	default_rc = ag_gazetteer_new(&default_gz);
	if (default_rc < 0)
		snprintf(default_err, sizeof(default_err), "%s", ag_error_last());
}

int ag__gazetteer_default(const ag_gazetteer **out)
{
	pthread_once(&default_once, make_default);
	if (default_rc < 0)
		return ag__error(default_rc, "built-in gazetteer: %s", default_err);
	*out = default_gz;
	return 0;
}

/* ---- lookup ------------------------------------------------------------------ */

int32_t ag__gz_lookup(const ag_gazetteer *gz, const char *folded, gz_kind kind)
{
	size_t e;
	if (!ag__strmap_get(&gz->phrases, folded, &e))
		return -1;
	for (int32_t k = (int32_t)e; k >= 0; k = gz->entries[k].next)
		if (gz->entries[k].kind == kind)
			return k;
	return -1;
}

bool ag__gz_has(const ag_gazetteer *gz, const char *folded, gz_kind kind)
{
	return ag__gz_lookup(gz, folded, kind) >= 0;
}

/* The first gazetteer entry that word token i alone begins, by its hash
 * (false also for a fold longer than fold_len can say). */
static bool tok_entry(const ag_textdoc *td, size_t i, size_t *e)
{
	const char *f = ag__tok_fold(td, i);
	size_t n = td->toks[i].fold_len;
	return !f[n] && ag__strmap_getnh(&td->gz->phrases, f, n, ag__hash_final(td->toks[i].hash), e);
}

bool ag__gz_tok_has(const ag_textdoc *td, size_t i, gz_kind kind)
{
	const ag_gazetteer *gz = td->gz;
	const char *f = ag__tok_fold(td, i);
	size_t e;

	if (f[td->toks[i].fold_len]) /* a fold longer than fold_len can say */
		return ag__gz_has(gz, f, kind);
	if (!tok_entry(td, i, &e))
		return false;
	for (int32_t k = (int32_t)e; k >= 0; k = gz->entries[k].next)
		if (gz->entries[k].kind == kind)
			return true;
	return false;
}

bool ag__gz_tok_known(const ag_textdoc *td, size_t i)
{
	size_t e;
	return tok_entry(td, i, &e);
}

/* Does the raw text of tokens [i, i+n) read exactly `exact`? */
bool ag__gz_exact_match(const ag_textdoc *td, size_t i, size_t n, const char *exact)
{
	size_t pos = 0, el = strlen(exact);
	for (size_t k = i; k < i + n; k++) {
		const ag_token *t = &td->toks[k];
		size_t tl = t->end - t->start;
		if (k > i && !(t->flags & TF_NOSPACE)) {
			if (pos >= el || exact[pos] != ' ')
				return false;
			pos++;
		}
		if (pos + tl > el || memcmp(exact + pos, td->doc->text + t->start, tl) != 0)
			return false;
		pos += tl;
	}
	return pos == el;
}

/* The FNV state of token k's folded form as phrase keys spell it: its first
 * fold_len bytes (all of it, but for absurdly long tokens). */
static uint32_t key_state(const ag_textdoc *td, size_t k)
{
	const char *f = ag__tok_fold(td, k);
	size_t n = td->toks[k].fold_len;
	return f[n] ? ag__hash_step(AG_HASH_INIT, f, n) : td->toks[k].hash;
}

/* Is `key` the phrase of tokens [i, i+n): their folded forms joined by single
 * spaces?  (Folded forms hold no NUL, so strncmp stops at the key's end.) */
static bool phrase_is(const ag_textdoc *td, const char *key, size_t i, size_t n)
{
	for (size_t k = i; k < i + n; k++) {
		size_t l = td->toks[k].fold_len;
		if (k > i && *key++ != ' ')
			return false;
		if (strncmp(key, ag__tok_fold(td, k), l) != 0)
			return false;
		key += l;
	}
	return *key == '\0';
}

/* ag__strmap_getn on the phrase map for tokens [i, i+n) whose key hashes to h,
 * without building the key. */
static bool phrase_get(const ag_gazetteer *gz, const ag_textdoc *td, size_t i, size_t n, uint32_t h, size_t *value)
{
	const ag_strmap *m = &gz->phrases;
	if (!m->cap)
		return false;
	for (size_t j = h & (m->cap - 1); m->hashes[j]; j = (j + 1) & (m->cap - 1)) {
		if (m->hashes[j] == h && phrase_is(td, m->keys[j], i, n)) {
			*value = m->values[j];
			return true;
		}
	}
	return false;
}

bool ag__gz_may_mention(const ag_textdoc *td, size_t i)
{
	uint32_t h = ag__hash_final(key_state(td, i));
	return gz_bloom_has((td->toks[i].flags & (TF_CAP | TF_DIGIT)) ? td->gz->name_bloom : td->gz->title_bloom, h);
}

int32_t ag__gz_match(ag_textdoc *td, size_t i, unsigned *ntok)
{
	const ag_gazetteer *gz = td->gz;
	size_t maxn = 0, send;
	const ag_sentence *s;
	uint32_t st[GZ_MAX_NTOK + 1]; /* st[n]: FNV state of the key of the first n tokens */

	if (i >= td->n_toks || !(td->toks[i].flags & TF_WORD))
		return -1;
	st[1] = key_state(td, i);
	if (!gz_bloom_has(gz->first_bloom, ag__hash_final(st[1])) ||
	    !ag__strmap_getnh(&gz->first_tok, ag__tok_fold(td, i), td->toks[i].fold_len, ag__hash_final(st[1]), &maxn))
		return -1;
	s = &td->sents[td->toks[i].sent];
	send = s->tok + s->ntok;
	if (i + maxn > send)
		maxn = send - i;
	if (maxn > GZ_MAX_NTOK)
		maxn = GZ_MAX_NTOK;
	for (size_t n = 2; n <= maxn; n++)
		st[n] = ag__hash_step(ag__hash_step(st[n - 1], " ", 1), ag__tok_fold(td, i + n - 1),
		                      td->toks[i + n - 1].fold_len);
	for (size_t n = maxn; n >= 1; n--) {
		size_t e;
		if (!phrase_get(gz, td, i, n, ag__hash_final(st[n]), &e))
			continue;
		/* a phrase ends at a word boundary: not inside "U.S.-backed" and the like is fine */
		for (int32_t k = (int32_t)e; k >= 0; k = gz->entries[k].next) {
			if (gz->entries[k].exact && !ag__gz_exact_match(td, i, n, gz->entries[k].exact))
				continue;
			*ntok = (unsigned)n;
			return (int32_t)e;
		}
	}
	return -1;
}

int32_t ag__gz_actor(const ag_gazetteer *gz, const char *folded, ag_buf *scratch)
{
	size_t v;
	ag__buf_clear(scratch);
	if (!gz->actors.count || ag__name_key(folded, strlen(folded), scratch) < 0)
		return GZ_ACTOR_NONE;
	return scratch->len && ag__strmap_get(&gz->actors, scratch->data, &v) ? (int32_t)v : GZ_ACTOR_NONE;
}

int32_t ag__gz_actor_term(const ag_gazetteer *gz, int32_t actor, int32_t date)
{
	int32_t only = -1, latest = -1;
	if (actor < 0 || (size_t)actor >= gz->n_entities)
		return -1;
	for (int32_t k = gz->entities[actor].term; k >= 0; k = gz->terms[k].next) {
		const gz_term *t = &gz->terms[k];
		if (date && t->start <= date && (!t->end || date <= t->end))
			return k;
		if (only == -1)
			only = t->target;
		else if (only != t->target)
			only = -2;
		if (latest < 0 || t->start >= gz->terms[latest].start)
			latest = k;
	}
	return only >= 0 ? latest : -1;
}
