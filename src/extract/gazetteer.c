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
#include "extract/tokenize.h"
#include "text/fold.h"

static const struct {
	const char *name;
	gz_kind kind;
} kind_names[] = {
	{"state", GZ_STATE}, {"capital", GZ_CAPITAL}, {"seat", GZ_SEAT}, {"demonym", GZ_DEMONYM},
	{"city", GZ_CITY}, {"region", GZ_REGION}, {"org", GZ_ORG}, {"organ", GZ_ORGAN},
	{"media", GZ_MEDIA}, {"title", GZ_TITLE}, {"nonperson", GZ_NONPERSON}, {"given", GZ_GIVEN},
};

static int add_entity(ag_gazetteer *gz, gz_kind kind, const char *slug, const char *label, int32_t state)
{
	gz_entity *e;
	if (AG_GROW(gz->entities, gz->cap_entities, gz->n_entities + 1) < 0)
		return AG_ENOMEM;
	e = &gz->entities[gz->n_entities];
	e->kind = kind;
	e->state = state;
	if (!(e->slug = ag__strdup(slug)) || !(e->label = ag__strdup(label))) {
		free(e->slug);
		return AG_ENOMEM;
	}
	return (int)gz->n_entities++;
}

/* The entity of a state by slug, made as a placeholder when first referred to. */
static int state_entity(ag_gazetteer *gz, const char *slug)
{
	char key[160];
	size_t idx;
	int e;
	snprintf(key, sizeof(key), "state:%s", slug);
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
	if (caps && kind != GZ_TITLE && kind != GZ_GIVEN && !(en->exact = ag__strdup(exact->data)))
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
		if (ntok > have && ag__strmap_putn(&gz->first_tok, ag__tok_fold(td, 0), fl, ntok) < 0)
			return AG_ENOMEM;
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

static int load_line(ag_gazetteer *gz, ag_textdoc *td, const char *line, size_t len, const char *name,
                     size_t lineno, ag_buf *key, ag_buf *exact)
{
	const char *col[4];
	size_t cl[4], ncol = 0, i = 0;
	char target[128], label[256];
	gz_kind kind;
	int32_t entity = -1;
	int rc;

	while (ncol < 4) {
		size_t j = i;
		while (j < len && line[j] != '\t')
			j++;
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
		return ag__error(AG_EPARSE, "%s:%zu: unknown kind '%.*s'", name, lineno, (int)(cl[0] > 40 ? 40 : cl[0]), col[0]);
	if (cl[1] == 0 || cl[1] >= sizeof(target) || cl[2] == 0 || cl[2] >= sizeof(label))
		return ag__error(AG_EPARSE, "%s:%zu: empty or overlong target or label", name, lineno);
	memcpy(target, col[1], cl[1]);
	target[cl[1]] = '\0';
	memcpy(label, col[2], cl[2]);
	label[cl[2]] = '\0';

	switch (kind) {
	case GZ_STATE:
		if ((entity = state_entity(gz, target)) < 0)
			return entity;
		if (ag__set_str(&gz->entities[entity].label, label) < 0)
			return AG_ENOMEM;
		break;
	case GZ_CAPITAL: case GZ_SEAT: case GZ_DEMONYM: case GZ_CITY: case GZ_ORGAN: case GZ_REGION: {
		int32_t st = -1;
		if (strcmp(target, "-") != 0 && (st = state_entity(gz, target)) < 0)
			return st;
		if ((kind != GZ_REGION && st < 0))
			return ag__error(AG_EPARSE, "%s:%zu: a %s needs the slug of its state", name, lineno, kind_names[kind].name);
		if ((entity = add_entity(gz, kind, target, label, st)) < 0)
			return entity;
		break;
	}
	case GZ_ORG: {
		char k[160];
		snprintf(k, sizeof(k), "org:%s", target);
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
static int load_buffer(ag_gazetteer *gz, const char *data, size_t len, const char *name, bool names_only)
{
	ag_textdoc td = {0};
	ag_buf key = {0}, exact = {0};
	size_t i = 0, lineno = 0;
	int rc = 0;

	while (i < len && rc == 0) {
		size_t j = i, e;
		while (j < len && data[j] != '\n')
			j++;
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
				rc = load_line(gz, &td, data + i, e - i, name, lineno, &key, &exact);
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
	return load_buffer(gz, data, len, name, false);
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
	 * of given names (one per line) */
	for (const ag_data_file *f = ag__data_files; f->name && rc == 0; f++) {
		size_t n = strlen(f->name);
		bool list = n > 4 && strcmp(f->name + n - 4, ".txt") == 0;
		rc = load_buffer(gz, (const char *)f->bytes, f->size, f->name, list);
	}
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
	}
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

bool ag__gz_tok_has(const ag_textdoc *td, size_t i, gz_kind kind)
{
	const ag_gazetteer *gz = td->gz;
	const char *f = ag__tok_fold(td, i);
	size_t e, n = td->toks[i].fold_len;

	if (f[n]) /* a fold longer than fold_len can say */
		return ag__gz_has(gz, f, kind);
	if (!ag__strmap_getnh(&gz->phrases, f, n, ag__hash_final(td->toks[i].hash), &e))
		return false;
	for (int32_t k = (int32_t)e; k >= 0; k = gz->entries[k].next)
		if (gz->entries[k].kind == kind)
			return true;
	return false;
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
	for (size_t j = h & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1)) {
		if (m->hashes[j] == h && phrase_is(td, m->keys[j], i, n)) {
			*value = m->values[j];
			return true;
		}
	}
	return false;
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
	if (!ag__strmap_getnh(&gz->first_tok, ag__tok_fold(td, i), td->toks[i].fold_len, ag__hash_final(st[1]), &maxn))
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
