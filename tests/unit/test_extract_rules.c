/*
 * test_extract_rules.c - the extraction rules, one fixture per rule.
 *
 * Each tests/fixtures/rules/<rule>.txt is a short news text with its
 * expectations in header lines starting with "#!".  Those lines are taken out
 * of the text (later byte offsets shift, which no expectation depends on),
 * the rest is extracted as one document, and every expectation is checked
 * against the corpus graph through the public API.  Each failure is printed
 * as "file:line: expected ...; found ..." and the fixture's test fails once
 * all its expectations have been checked.
 *
 *   #! person "Name" [affiliation=ID|none] [role=TEXT|none] [role~=TEXT] [role!~=TEXT]
 *   #! no-person "Name"        no person node is known by exactly this name
 *   #! no-person-word "Word"   no person's label or alias holds this word
 *   #! persons N               exactly N person nodes
 *   #! one-node "A" "B" ...    all these names belong to one and the same person
 *   #! distinct "A" "B" ...    these names are persons, each a different one
 *   #! state ID | no-state ID | org ID | no-org ID
 *   #! alias ID "Form"         node ID is known by this form (label or alias)
 *   #! no-alias ID "Form"      node ID is not known by this form
 *   #! date YYYY-MM-DD | none  the document's date
 *   #! meeting "Place" [start=D|none] [end=D|none] [status=held|proposed] [country=ID]
 *              [party=ID] [no-party=ID] [mediator=ID] [no-mediator=ID] [participant="Name"]
 *              [no-participant="Name"] ...
 *                             a meeting node whose place (or label) is "Place"; options
 *                             may repeat: every one must hold (a mediator ID may be a
 *                             person's: person:slug)
 *   #! no-meeting "Place"      no meeting at that place (or with that label)
 *   #! meetings N              exactly N meeting nodes
 *   #! # text                  a comment
 *
 * A person is matched by name: a person node whose label or any alias equals
 * the name exactly.  role~= and role!~= test for a case-insensitive substring.
 * An unquoted option value runs to the next " key=" or the end of the line, so
 * role~=Foreign Minister needs no quotes.
 *
 * The fixtures are found by scanning the directory, so a new rule needs only a
 * new file.  An optional argument is a cmocka test filter: `test_extract_rules
 * 'appos*'` runs the appositive fixture alone.
 */
#include <ctype.h>
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <actorgraph.h>

#define RULES_DIR AG_TEST_DATA "/fixtures/rules"
#define MAX_FIXTURE_BYTES ((size_t)1 << 20)
#define MAX_NAMES 8

/* One "#!" line: where it was and what it says (after the "#!"). */
typedef struct {
	size_t line;
	char *text;
} expectation;

/* A fixture read and split: the story text and its expectations. */
typedef struct {
	const char *name; /* file name, for messages */
	char *story;
	size_t story_len;
	expectation *exp;
	size_t n_exp;
} fixture;

/* The state of one fixture's checks. */
typedef struct {
	const fixture *fx;
	const ag_graph *g;
	size_t line;
	unsigned failures;
} checker;

/* ---- reading fixtures --------------------------------------------------------- */

static void fixture_free(fixture *fx)
{
	for (size_t i = 0; i < fx->n_exp; i++)
		free(fx->exp[i].text);
	free(fx->exp);
	free(fx->story);
	memset(fx, 0, sizeof(*fx));
}

/* Read `path`, moving its "#!" lines into fx->exp and the rest into fx->story. */
static void fixture_read(const char *path, const char *name, fixture *fx)
{
	char *data = NULL;
	size_t len = 0, line = 0;
	int rc = ag_file_read(path, MAX_FIXTURE_BYTES, &data, &len);

	memset(fx, 0, sizeof(*fx));
	fx->name = name;
	if (rc < 0)
		fail_msg("%s: %s", path, ag_error_last());
	fx->story = malloc(len + 1);
	fx->exp = calloc(len / 2 + 1, sizeof(*fx->exp));
	assert_non_null(fx->story);
	assert_non_null(fx->exp);
	for (size_t i = 0; i < len;) {
		size_t j = i, e;
		while (j < len && data[j] != '\n')
			j++;
		e = j > i && data[j - 1] == '\r' ? j - 1 : j;
		line++;
		if (e - i >= 2 && data[i] == '#' && data[i + 1] == '!') {
			expectation *x = &fx->exp[fx->n_exp++];
			x->line = line;
			x->text = malloc(e - i - 1);
			assert_non_null(x->text);
			memcpy(x->text, data + i + 2, e - i - 2);
			x->text[e - i - 2] = '\0';
		} else {
			memcpy(fx->story + fx->story_len, data + i, j - i);
			fx->story_len += j - i;
			if (j < len)
				fx->story[fx->story_len++] = '\n';
		}
		i = j + 1;
	}
	fx->story[fx->story_len] = '\0';
	free(data);
}

/* Extract the story as one document named after the fixture. */
static ag_graph *fixture_extract(const fixture *fx)
{
	ag_extractor *ex = NULL;
	ag_document *doc = NULL;
	ag_graph *g = NULL;
	char id[256];
	const char *dot = strrchr(fx->name, '.');
	size_t n = dot ? (size_t)(dot - fx->name) : strlen(fx->name);

	snprintf(id, sizeof(id), "%.*s", (int)(n < sizeof(id) ? n : sizeof(id) - 1), fx->name);
	if (ag_extractor_new(NULL, &ex) < 0 || ag_document_new(id, fx->story, fx->story_len, &doc) < 0 ||
	    ag_extractor_add(ex, doc) < 0 || ag_extractor_finish(ex, &g) < 0) {
		ag_document_free(doc);
		ag_extractor_free(ex);
		fail_msg("%s: extraction failed: %s", fx->name, ag_error_last());
	}
	ag_document_free(doc);
	ag_extractor_free(ex);
	return g;
}

/* ---- parsing an expectation ------------------------------------------------------ */

enum { ARG_END = 0, ARG_WORD, ARG_QUOTED, ARG_OPTION, ARG_BAD };

typedef struct {
	int kind;
	char key[32];   /* ARG_OPTION: "role", "affiliation" */
	char op[4];     /* ARG_OPTION: "=", "~=", "!~=" */
	char val[256];  /* the word, the quoted text or the option's value */
} arg;

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Is p at the start of an option: key=, key~= or key!~=? */
static bool at_option(const char *p, size_t *keylen, size_t *oplen)
{
	size_t k = 0;
	while ((p[k] >= 'a' && p[k] <= 'z') || p[k] == '-' || p[k] == '_')
		k++;
	if (k == 0)
		return false;
	*keylen = k;
	if (p[k] == '=')
		*oplen = 1;
	else if (p[k] == '~' && p[k + 1] == '=')
		*oplen = 2;
	else if (p[k] == '!' && p[k + 1] == '~' && p[k + 2] == '=')
		*oplen = 3;
	else
		return false;
	return true;
}

static bool copy_to(char *dst, size_t cap, const char *src, size_t n)
{
	if (n >= cap)
		return false;
	memcpy(dst, src, n);
	dst[n] = '\0';
	return true;
}

/* Read the next argument at *pp. */
static int next_arg(const char **pp, arg *a)
{
	const char *p = skip_space(*pp), *q;
	size_t kl, ol;

	memset(a, 0, sizeof(*a));
	if (!*p)
		return a->kind = ARG_END;
	if (*p == '"') {
		q = strchr(p + 1, '"');
		if (!q || !copy_to(a->val, sizeof(a->val), p + 1, (size_t)(q - p - 1)))
			return a->kind = ARG_BAD;
		*pp = q + 1;
		return a->kind = ARG_QUOTED;
	}
	if (at_option(p, &kl, &ol)) {
		const char *v = p + kl + ol, *end;
		if (!copy_to(a->key, sizeof(a->key), p, kl) || !copy_to(a->op, sizeof(a->op), p + kl, ol))
			return a->kind = ARG_BAD;
		if (*v == '"') {
			q = strchr(v + 1, '"');
			if (!q || !copy_to(a->val, sizeof(a->val), v + 1, (size_t)(q - v - 1)))
				return a->kind = ARG_BAD;
			*pp = q + 1;
			return a->kind = ARG_OPTION;
		}
		/* the value runs to the next option or the end of the line */
		for (end = v; *end; end++) {
			size_t k2, o2;
			if ((end[0] == ' ' || end[0] == '\t') && at_option(skip_space(end), &k2, &o2))
				break;
		}
		q = end;
		while (q > v && (q[-1] == ' ' || q[-1] == '\t'))
			q--;
		if (!copy_to(a->val, sizeof(a->val), v, (size_t)(q - v)))
			return a->kind = ARG_BAD;
		*pp = end;
		return a->kind = ARG_OPTION;
	}
	for (q = p; *q && *q != ' ' && *q != '\t'; q++)
		;
	if (!copy_to(a->val, sizeof(a->val), p, (size_t)(q - p)))
		return a->kind = ARG_BAD;
	*pp = q;
	return a->kind = ARG_WORD;
}

/* ---- looking things up in the graph ---------------------------------------------- */

static bool eq_ci_sub(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!hay)
		return false;
	for (const char *h = hay; *h; h++) {
		size_t k = 0;
		while (k < n && h[k] && tolower((unsigned char)h[k]) == tolower((unsigned char)needle[k]))
			k++;
		if (k == n)
			return true;
	}
	return n == 0;
}

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || (c & 0x80);
}

/* Does `s` hold `word` as a whole word (case-sensitive)? */
static bool has_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	if (n == 0)
		return false;
	for (const char *p = s; (p = strstr(p, word)) != NULL; p++)
		if ((p == s || !word_char(p[-1])) && !word_char(p[n]))
			return true;
	return false;
}

static bool node_has_alias(const ag_graph *g, size_t i, const char *name)
{
	for (size_t k = 0; k < ag_graph_node_alias_count(g, i); k++)
		if (strcmp(ag_graph_node_alias(g, i, k), name) == 0)
			return true;
	return false;
}

static bool node_known_as(const ag_graph *g, size_t i, const char *name)
{
	return strcmp(ag_graph_node_label(g, i), name) == 0 || node_has_alias(g, i, name);
}

/* The person nodes known as `name`: how many, and the first in *out. */
static size_t persons_named(const ag_graph *g, const char *name, size_t *out)
{
	size_t n = 0;
	for (size_t i = 0; i < ag_graph_node_count(g); i++) {
		if (ag_graph_node_type(g, i) != AG_NODE_PERSON || !node_known_as(g, i, name))
			continue;
		if (n++ == 0)
			*out = i;
	}
	return n;
}

static size_t person_count(const ag_graph *g)
{
	size_t n = 0;
	for (size_t i = 0; i < ag_graph_node_count(g); i++)
		n += ag_graph_node_type(g, i) == AG_NODE_PERSON;
	return n;
}

/* A one-line description of node i into buf. */
static const char *describe(const ag_graph *g, size_t i, char *buf, size_t cap)
{
	const char *role = ag_graph_node_get(g, i, "role"), *affil = ag_graph_node_get(g, i, "affiliation");
	size_t len;

	snprintf(buf, cap, "%s \"%s\" affiliation=%s role=%s%s%s", ag_graph_node_id(g, i),
	         ag_graph_node_label(g, i), affil ? affil : "none", role ? "\"" : "", role ? role : "none",
	         role ? "\"" : "");
	for (size_t k = 0; k < ag_graph_node_alias_count(g, i); k++) {
		len = strlen(buf);
		snprintf(buf + len, cap - len, "%s\"%s\"", k ? ", " : " aliases ", ag_graph_node_alias(g, i, k));
	}
	return buf;
}

/* Print a failed expectation: file:line, what was expected, what was found. */
static void failed(checker *c, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	print_error("%s/%s:%zu: %s\n", RULES_DIR, c->fx->name, c->line, msg);
	c->failures++;
}

/* ---- the checks ------------------------------------------------------------------- */

static void check_person(checker *c, const char *name, const char **p)
{
	const ag_graph *g = c->g;
	char desc[1024];
	size_t i = 0, n = persons_named(g, name, &i);
	arg a;

	if (n == 0) {
		failed(c, "expected a person \"%s\"; found no person known by that name", name);
		return;
	}
	if (n > 1)
		failed(c, "expected one person \"%s\"; found %zu person nodes known by that name", name, n);
	describe(g, i, desc, sizeof(desc));
	while (next_arg(p, &a) != ARG_END) {
		const char *have;
		if (a.kind != ARG_OPTION) {
			failed(c, "bad expectation: option expected after the name, found '%s'", a.val);
			return;
		}
		have = ag_graph_node_get(g, i, strcmp(a.key, "affiliation") == 0 ? "affiliation" : "role");
		if (strcmp(a.key, "affiliation") == 0 && strcmp(a.op, "=") == 0) {
			bool none = strcmp(a.val, "none") == 0;
			if (none ? have != NULL : (!have || strcmp(have, a.val) != 0))
				failed(c, "expected person \"%s\" affiliation=%s; found %s", name, a.val, desc);
		} else if (strcmp(a.key, "role") == 0 && strcmp(a.op, "=") == 0) {
			bool none = strcmp(a.val, "none") == 0;
			if (none ? have != NULL : (!have || strcmp(have, a.val) != 0))
				failed(c, "expected person \"%s\" role=%s; found %s", name, a.val, desc);
		} else if (strcmp(a.key, "role") == 0 && strcmp(a.op, "~=") == 0) {
			if (!eq_ci_sub(have, a.val))
				failed(c, "expected person \"%s\" role~=%s; found %s", name, a.val, desc);
		} else if (strcmp(a.key, "role") == 0 && strcmp(a.op, "!~=") == 0) {
			if (eq_ci_sub(have, a.val))
				failed(c, "expected person \"%s\" role!~=%s; found %s", name, a.val, desc);
		} else {
			failed(c, "bad expectation: unknown option %s%s", a.key, a.op);
		}
	}
}

static void check_no_person(checker *c, const char *name)
{
	char desc[1024];
	size_t i = 0;
	if (persons_named(c->g, name, &i) > 0)
		failed(c, "expected no person \"%s\"; found %s", name, describe(c->g, i, desc, sizeof(desc)));
}

static void check_no_person_word(checker *c, const char *word)
{
	const ag_graph *g = c->g;
	char desc[1024];
	for (size_t i = 0; i < ag_graph_node_count(g); i++) {
		bool hit = false;
		if (ag_graph_node_type(g, i) != AG_NODE_PERSON)
			continue;
		hit = has_word(ag_graph_node_label(g, i), word);
		for (size_t k = 0; k < ag_graph_node_alias_count(g, i) && !hit; k++)
			hit = has_word(ag_graph_node_alias(g, i, k), word);
		if (hit)
			failed(c, "expected no person named with the word \"%s\"; found %s", word,
			       describe(g, i, desc, sizeof(desc)));
	}
}

/* one-node (same = true) or distinct (same = false) over the quoted names. */
static void check_identity(checker *c, bool same, char names[][256], size_t n)
{
	const ag_graph *g = c->g;
	size_t node[MAX_NAMES];
	char d1[1024], d2[1024];
	bool all = true;

	for (size_t k = 0; k < n; k++) {
		size_t count = persons_named(g, names[k], &node[k]);
		if (count == 0) {
			failed(c, "expected a person \"%s\" (%s); found no person known by that name", names[k],
			       same ? "one-node" : "distinct");
			all = false;
		} else if (count > 1) {
			failed(c, "expected one person \"%s\"; found %zu person nodes known by that name", names[k], count);
			all = false;
		}
	}
	if (!all)
		return;
	for (size_t k = 1; k < n; k++) {
		if (same && node[k] != node[0])
			failed(c, "expected \"%s\" and \"%s\" to be one node; found %s and %s", names[0], names[k],
			       describe(g, node[0], d1, sizeof(d1)), describe(g, node[k], d2, sizeof(d2)));
		for (size_t m = 0; m < k && !same; m++)
			if (node[k] == node[m])
				failed(c, "expected \"%s\" and \"%s\" to be different persons; found both in %s", names[m],
				       names[k], describe(g, node[k], d1, sizeof(d1)));
	}
}

static void check_entity(checker *c, const char *id, ag_node_type type, bool present)
{
	const ag_graph *g = c->g;
	size_t i;
	bool found = ag_graph_find_node(g, id, &i) == 0;
	const char *what = type == AG_NODE_ORGANIZATION ? "an organization" : "a state";

	if (present && !found)
		failed(c, "expected %s node %s; found none", what, id);
	else if (present && ag_graph_node_type(g, i) != type)
		failed(c, "expected %s node %s; found a node of type %s", what, id,
		       ag_node_type_name(ag_graph_node_type(g, i)));
	else if (!present && found)
		failed(c, "expected no node %s; found one (label \"%s\", %zu aliases)", id, ag_graph_node_label(g, i),
		       ag_graph_node_alias_count(g, i));
}

static void check_alias(checker *c, const char *id, const char *form, bool present)
{
	const ag_graph *g = c->g;
	char desc[1024];
	size_t i;

	if (ag_graph_find_node(g, id, &i) < 0) {
		if (present)
			failed(c, "expected node %s with alias \"%s\"; found no node %s", id, form, id);
		return;
	}
	if (present != node_known_as(g, i, form))
		failed(c, "expected node %s %s \"%s\"; found %s", id, present ? "to be known as" : "not to be known as",
		       form, describe(g, i, desc, sizeof(desc)));
}

static void check_date(checker *c, const char *want)
{
	const ag_graph *g = c->g;
	const char *have = ag_graph_document_count(g) == 1 ? ag_graph_document_date(g, 0) : NULL;

	if (ag_graph_document_count(g) != 1) {
		failed(c, "expected one document dated %s; found %zu documents", want, ag_graph_document_count(g));
		return;
	}
	if (strcmp(want, "none") == 0 ? have != NULL : (!have || strcmp(have, want) != 0))
		failed(c, "expected date %s; found %s", want, have ? have : "none");
}

static void check_person_count(checker *c, const char *want)
{
	char *end;
	unsigned long n = strtoul(want, &end, 10);
	size_t have = person_count(c->g);

	if (end == want || *end) {
		failed(c, "bad expectation: persons needs a number, found '%s'", want);
		return;
	}
	if (have != n)
		failed(c, "expected %lu person nodes; found %zu", n, have);
}

static bool is_meeting_named(const ag_graph *g, size_t i, const char *name)
{
	const char *place = ag_graph_node_get(g, i, "place");
	return ag_graph_node_type(g, i) == AG_NODE_MEETING &&
	       ((place && strcmp(place, name) == 0) || strcmp(ag_graph_node_label(g, i), name) == 0);
}

static bool linked(const ag_graph *g, size_t a, size_t b, ag_relation rel)
{
	size_t l;
	return ag_graph_find_link(g, a, b, &l) == 0 && ag_graph_link_relation(g, l, rel) > 0;
}

static void check_meeting(checker *c, const char *name, const char **p, bool present)
{
	const ag_graph *g = c->g;
	size_t i, found = SIZE_MAX, n = 0;
	arg a;

	for (i = 0; i < ag_graph_node_count(g); i++)
		if (is_meeting_named(g, i, name))
			found = i, n++;
	if (!present) {
		if (n)
			failed(c, "expected no meeting \"%s\"; found %s", name, ag_graph_node_id(g, found));
		return;
	}
	if (n != 1) {
		failed(c, "expected one meeting \"%s\"; found %zu", name, n);
		return;
	}
	while (next_arg(p, &a) == ARG_OPTION) {
		const char *key = a.key;
		if (strcmp(key, "start") == 0 || strcmp(key, "end") == 0 || strcmp(key, "status") == 0 ||
		    strcmp(key, "country") == 0) {
			const char *have = ag_graph_node_get(g, found, key);
			bool ok = strcmp(a.val, "none") == 0 ? have == NULL : (have && strcmp(have, a.val) == 0);
			if (!ok)
				failed(c, "expected meeting \"%s\" %s=%s; found %s", name, key, a.val, have ? have : "none");
		} else if (strcmp(key, "party") == 0 || strcmp(key, "no-party") == 0 || strcmp(key, "mediator") == 0 ||
		           strcmp(key, "no-mediator") == 0) {
			size_t other;
			bool want = strncmp(key, "no-", 3) != 0, mediator = strstr(key, "mediator") != NULL;
			bool have = ag_graph_find_node(g, a.val, &other) == 0 &&
			            linked(g, found, other, mediator ? AG_REL_MEDIATOR : AG_REL_PARTY);
			if (want != have)
				failed(c, "expected meeting \"%s\" %s %s %s; found %s", name, want ? "with" : "without",
				       mediator ? "mediator" : "party", a.val, have ? "it" : "not");
		} else if (strcmp(key, "participant") == 0 || strcmp(key, "no-participant") == 0) {
			size_t who = 0;
			bool want = strcmp(key, "participant") == 0;
			bool have = persons_named(g, a.val, &who) == 1 && linked(g, found, who, AG_REL_PARTICIPANT);
			if (want != have)
				failed(c, "expected \"%s\" %s in meeting \"%s\"; found %s", a.val, want ? "to take part" : "not to take part",
				       name, have ? "so" : "not");
		} else {
			failed(c, "bad expectation: unknown meeting option '%s'", key);
		}
	}
	if (a.kind != ARG_END)
		failed(c, "bad expectation: unexpected '%s' in a meeting line", a.val);
}

/* Check one expectation line. */
static void check_line(checker *c, const char *text)
{
	const char *p = text;
	arg verb, a;
	char names[MAX_NAMES][256];
	size_t n = 0;

	next_arg(&p, &verb);
	if (verb.kind == ARG_END || (verb.kind == ARG_WORD && verb.val[0] == '#'))
		return; /* blank or a comment */
	if (verb.kind != ARG_WORD) {
		failed(c, "bad expectation: '%s'", text);
		return;
	}
	if (strcmp(verb.val, "person") == 0 || strcmp(verb.val, "no-person") == 0 ||
	    strcmp(verb.val, "no-person-word") == 0) {
		if (next_arg(&p, &a) != ARG_QUOTED) {
			failed(c, "bad expectation: %s needs a quoted name", verb.val);
			return;
		}
		if (strcmp(verb.val, "person") == 0)
			check_person(c, a.val, &p);
		else if (strcmp(verb.val, "no-person") == 0)
			check_no_person(c, a.val);
		else
			check_no_person_word(c, a.val);
		return;
	}
	if (strcmp(verb.val, "meeting") == 0 || strcmp(verb.val, "no-meeting") == 0) {
		if (next_arg(&p, &a) != ARG_QUOTED) {
			failed(c, "bad expectation: %s needs a quoted place", verb.val);
			return;
		}
		check_meeting(c, a.val, &p, verb.val[0] == 'm');
		return;
	}
	if (strcmp(verb.val, "one-node") == 0 || strcmp(verb.val, "distinct") == 0) {
		while (next_arg(&p, &a) == ARG_QUOTED && n < MAX_NAMES)
			strcpy(names[n++], a.val);
		if (a.kind != ARG_END || n < 2) {
			failed(c, "bad expectation: %s needs 2 to %d quoted names", verb.val, MAX_NAMES);
			return;
		}
		check_identity(c, strcmp(verb.val, "one-node") == 0, names, n);
		return;
	}
	if (next_arg(&p, &a) != ARG_WORD) {
		failed(c, "bad expectation: %s needs an argument", verb.val);
		return;
	}
	if (strcmp(verb.val, "state") == 0 || strcmp(verb.val, "no-state") == 0)
		check_entity(c, a.val, AG_NODE_STATE, verb.val[0] != 'n');
	else if (strcmp(verb.val, "org") == 0 || strcmp(verb.val, "no-org") == 0)
		check_entity(c, a.val, AG_NODE_ORGANIZATION, verb.val[0] != 'n');
	else if (strcmp(verb.val, "alias") == 0 || strcmp(verb.val, "no-alias") == 0) {
		arg form;
		if (next_arg(&p, &form) != ARG_QUOTED) {
			failed(c, "bad expectation: %s needs a node id and a quoted form", verb.val);
			return;
		}
		check_alias(c, a.val, form.val, verb.val[0] != 'n');
	} else if (strcmp(verb.val, "date") == 0)
		check_date(c, a.val);
	else if (strcmp(verb.val, "persons") == 0)
		check_person_count(c, a.val);
	else if (strcmp(verb.val, "meetings") == 0) {
		size_t have = 0;
		for (size_t i = 0; i < ag_graph_node_count(c->g); i++)
			have += ag_graph_node_type(c->g, i) == AG_NODE_MEETING;
		if ((size_t)strtoul(a.val, NULL, 10) != have)
			failed(c, "expected %s meeting nodes; found %zu", a.val, have);
	}
	else
		failed(c, "bad expectation: unknown check '%s'", verb.val);
	if (next_arg(&p, &a) != ARG_END)
		failed(c, "bad expectation: unexpected '%s' at the end", a.val);
}

/* After a failure: what the graph holds, to compare with the expectations. */
static void print_graph(const ag_graph *g)
{
	char desc[1024];
	print_error("  graph: %zu nodes, document date %s\n", ag_graph_node_count(g),
	            ag_graph_document_count(g) && ag_graph_document_date(g, 0) ? ag_graph_document_date(g, 0) : "none");
	for (size_t i = 0; i < ag_graph_node_count(g); i++)
		print_error("    %s\n", describe(g, i, desc, sizeof(desc)));
}

/* ---- the tests ----------------------------------------------------------------------- */

static void test_fixture(void **state)
{
	const char *name = *state;
	char path[1024];
	fixture fx;
	checker c = {0};
	ag_graph *g;

	snprintf(path, sizeof(path), "%s/%s", RULES_DIR, name);
	fixture_read(path, name, &fx);
	if (fx.n_exp == 0) {
		fixture_free(&fx);
		fail_msg("%s: no \"#!\" expectations", path);
	}
	g = fixture_extract(&fx);
	c.fx = &fx;
	c.g = g;
	for (size_t i = 0; i < fx.n_exp; i++) {
		c.line = fx.exp[i].line;
		check_line(&c, fx.exp[i].text);
	}
	if (c.failures)
		print_graph(g);
	ag_graph_free(g);
	fixture_free(&fx);
	if (c.failures)
		fail_msg("%s: %u expectation%s not met", name, c.failures, c.failures == 1 ? "" : "s");
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The fixture file names (*.txt), sorted; *n receives how many. */
static char **list_fixtures(size_t *n)
{
	DIR *dir = opendir(RULES_DIR);
	struct dirent *de;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (!dir)
		return NULL;
	while ((de = readdir(dir)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len < 5 || de->d_name[0] == '.' || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		if (*n == cap) {
			char **grown = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof(*names));
			if (!grown)
				break;
			names = grown;
		}
		if (!(names[*n] = malloc(len + 1)))
			break;
		memcpy(names[(*n)++], de->d_name, len + 1);
	}
	closedir(dir);
	if (*n)
		qsort(names, *n, sizeof(*names), cmp_names);
	return names;
}

int main(int argc, char **argv)
{
	struct CMUnitTest *tests;
	size_t n = 0;
	char **names = list_fixtures(&n);
	int failed_tests;

	if (!n) {
		fprintf(stderr, "test_extract_rules: no fixtures (*.txt) in %s\n", RULES_DIR);
		free(names);
		return 1;
	}
	if (!(tests = calloc(n, sizeof(*tests)))) {
		fprintf(stderr, "test_extract_rules: out of memory\n");
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		tests[i].name = names[i];
		tests[i].test_func = test_fixture;
		tests[i].initial_state = names[i];
	}
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	failed_tests = _cmocka_run_group_tests("extract_rules", tests, n, NULL, NULL);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(tests);
	return failed_tests;
}
