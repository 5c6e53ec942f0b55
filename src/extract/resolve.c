/*
 * resolve.c - identity resolution, one node per real-world actor: persons
 * known by several forms of one name (Zelensky / Zelenskyy, Trump / Donald
 * Trump) and meetings reported several times are contracted into one node
 * (graph/union.c), and each person's affiliation is settled across the
 * corpus.  ag_graph_merge is the union of graphs followed by it.  Every
 * choice here depends only on the set of inputs, never on their order, so any
 * file order gives the same graph.
 */
#include <math.h>
#include <stdlib.h>

#include <string.h>

#include "actorgraph/extract.h"
#include "extract/namekey.h"
#include "extract/textdoc.h"
#include "graph/graph_int.h"
#include "graph/union.h"
#include "text/dates.h"
#include "text/fold.h"

/* ---- grouping by key -------------------------------------------------------- */

/* Items grouped by a string key, so that identity resolution compares only
 * items that share a key (a name, a place) instead of all pairs. */
typedef struct {
	size_t group, item;
} member;

typedef struct {
	ag_strmap ids;  /* key -> group */
	member *m;      /* sorted by group, then item (groups_sort) */
	size_t n, cap;
	size_t *first;  /* group -> its first member in m; first[ngroups] = n */
} groups;

/* Put item in the group of key; *group (may be NULL) is that group. */
static int groups_add(groups *gr, const char *key, size_t item, size_t *group)
{
	size_t id;
	if (!ag__strmap_get(&gr->ids, key, &id)) {
		id = gr->ids.count;
		if (ag__strmap_put(&gr->ids, key, id) < 0)
			return AG_ENOMEM;
	}
	if (AG_GROW(gr->m, gr->cap, gr->n + 1) < 0)
		return AG_ENOMEM;
	gr->m[gr->n].group = id;
	gr->m[gr->n++].item = item;
	if (group)
		*group = id;
	return 0;
}

static int member_cmp(const void *a, const void *b)
{
	const member *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

static int groups_sort(groups *gr)
{
	size_t ng = gr->ids.count;
	if (!(gr->first = malloc((ng + 1) * sizeof(*gr->first))))
		return AG_ENOMEM;
	if (gr->n)
		qsort(gr->m, gr->n, sizeof(*gr->m), member_cmp);
	for (size_t g = 0, k = 0; g <= ng; g++) {
		while (k < gr->n && gr->m[k].group < g)
			k++;
		gr->first[g] = k;
	}
	return 0;
}

/* The members of the group of `key`: [*lo, *hi) in gr->m (empty when none). */
static void groups_find(const groups *gr, const char *key, size_t *lo, size_t *hi)
{
	size_t id;
	*lo = *hi = 0;
	if (key && ag__strmap_get(&gr->ids, key, &id)) {
		*lo = gr->first[id];
		*hi = gr->first[id + 1];
	}
}

static void groups_free(groups *gr)
{
	ag__strmap_free(&gr->ids);
	free(gr->m);
	free(gr->first);
}

/* ---- identity of persons ---------------------------------------------------- */

typedef struct {
	char *key;     /* spelling-tolerant first+last name, or last name alone */
	char *surname; /* spelling-tolerant last name */
	size_t words;
} person_key;

/* The spelling-tolerant key of a raw name (names.c's key, after folding). */
static int tolerant(const char *s, size_t n, ag_buf *out)
{
	ag_buf f = {0};
	int rc = ag__fold(s, n, &f);
	if (rc == 0)
		rc = ag__name_key(f.data ? f.data : "", f.len, out);
	ag__buf_free(&f);
	return rc;
}

/* Keys of a person's label: first and last name, spelling-tolerant.  The last
 * name keeps its particles ("von der Leyen"; "bin Salman" is a father's name,
 * so a "Salman" alone is not this person). */
static int make_key(const char *label, person_key *k)
{
	const char *first_end = strchr(label, ' '), *last = label + strlen(label);
	ag_buf b = {0}, s = {0}, word = {0};
	int rc = 0;

	memset(k, 0, sizeof(*k));
	k->words = 1;
	for (const char *p = label; *p; p++)
		k->words += *p == ' ';
	/* step back over the last word, then over particles before it */
	while (last > label && last[-1] != ' ')
		last--;
	while (last > label + 1 && rc == 0) {
		const char *w = last - 1;
		while (w > label && w[-1] != ' ')
			w--;
		if (w == label)
			break;
		ag__buf_clear(&word);
		if ((rc = ag__fold(w, (size_t)(last - 1 - w), &word)) < 0 || !word.data || !ag__is_particle(word.data))
			break;
		last = w;
	}
	if (rc == 0)
		rc = tolerant(last, strlen(last), &s);
	if (rc == 0 && first_end && k->words > 1 && last > label) {
		ag_buf f = {0};
		if ((rc = tolerant(label, (size_t)(first_end - label), &f)) == 0 && (rc = ag__buf_puts(&b, f.data)) == 0 &&
		    (rc = ag__buf_putc(&b, ' ')) == 0)
			rc = ag__buf_puts(&b, s.data);
		ag__buf_free(&f);
	} else if (rc == 0) {
		rc = ag__buf_puts(&b, s.data);
		k->words = 1;
	}
	if (rc == 0) {
		k->key = ag__buf_detach(&b);
		k->surname = ag__buf_detach(&s);
		if (!k->key || !k->surname)
			rc = AG_ENOMEM;
	}
	ag__buf_free(&b);
	ag__buf_free(&s);
	ag__buf_free(&word);
	return rc;
}

static size_t find_rep(size_t *rep, size_t i)
{
	while (rep[i] != i)
		i = rep[i] = rep[rep[i]];
	return i;
}

/* Which of two nodes stands for the group: more mentions, fuller name, smaller id. */
static bool better_rep(const ag_graph *g, size_t a, size_t b)
{
	const ag_node *x = &g->nodes[a], *y = &g->nodes[b];
	size_t wx = 1, wy = 1;
	for (const char *p = x->label; *p; p++)
		wx += *p == ' ';
	for (const char *p = y->label; *p; p++)
		wy += *p == ' ';
	if ((wx > 1) != (wy > 1))
		return wx > 1;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions;
	if (strlen(x->label) != strlen(y->label))
		return strlen(x->label) > strlen(y->label);
	return strcmp(x->id, y->id) < 0;
}

static void join(const ag_graph *g, size_t *rep, size_t a, size_t b)
{
	a = find_rep(rep, a);
	b = find_rep(rep, b);
	if (a == b)
		return;
	if (better_rep(g, a, b))
		rep[b] = a;
	else
		rep[a] = b;
}

/* ---- identity of meetings ----------------------------------------------------- */

typedef struct {
	ag_date start, end;
	bool dated;
	size_t parties[AG_MEETING_MAX_ROLES]; /* the first parties, as one document keeps them */
	size_t n_parties;
	size_t groups[2]; /* resolve_meetings: its place and country groups, or the placeless one */
	size_t n_groups;
} meeting_info;

static bool meeting_dated_better(const ag_graph *g, size_t a, size_t b)
{
	const ag_node *x = &g->nodes[a], *y = &g->nodes[b];
	if (!x->start != !y->start)
		return x->start != NULL;
	if (!x->place != !y->place)
		return x->place != NULL;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions;
	return strcmp(x->id, y->id) < 0;
}

static void join_meetings(const ag_graph *g, size_t *rep, size_t a, size_t b)
{
	a = find_rep(rep, a);
	b = find_rep(rep, b);
	if (a == b)
		return;
	if (meeting_dated_better(g, a, b))
		rep[b] = a;
	else
		rep[a] = b;
}

static size_t shared_parties(const meeting_info *x, const meeting_info *y)
{
	size_t n = 0;
	for (size_t i = 0; i < x->n_parties; i++)
		for (size_t j = 0; j < y->n_parties; j++)
			n += x->parties[i] == y->parties[j];
	return n;
}

/* The same talks reported twice: same place (or the city and its country),
 * dates within a day, and the same sides when both name two or more. */
static bool same_meeting(const ag_graph *g, size_t a, size_t b, const meeting_info *ia, const meeting_info *ib)
{
	const ag_node *x = &g->nodes[a], *y = &g->nodes[b];
	bool located;
	if (strcmp(x->status ? x->status : "held", y->status ? y->status : "held") != 0)
		return false;
	if (x->place && y->place)
		located = strcmp(x->place, y->place) == 0 && (!x->country || !y->country || strcmp(x->country, y->country) == 0);
	else if (x->country && y->country)
		located = strcmp(x->country, y->country) == 0;
	else
		located = !x->place && !y->place && !x->country && !y->country && ia->dated && ib->dated;
	if (!located)
		return false;
	if (ia->dated && ib->dated) {
		ag_date lo = ag__date_add_days(ia->start, -1), hi = ag__date_add_days(ia->end, 1);
		if (ag__date_cmp(&ib->start, &hi) > 0 || ag__date_cmp(&ib->end, &lo) < 0)
			return false;
	}
	if (ia->n_parties >= 2 && ib->n_parties >= 2 && shared_parties(ia, ib) < 2)
		return false;
	return true;
}

static int resolve_meetings(ag_graph *g, size_t *rep, bool *any)
{
	size_t n = g->n_nodes;
	meeting_info *info = calloc(n ? n : 1, sizeof(*info));
	groups gr = {0};
	ag_buf key = {0};
	int rc = 0;
	if (!info)
		return ag__enomem();
	for (size_t i = 0; i < n; i++) {
		ag_node *x = &g->nodes[i];
		if (x->type != AG_NODE_MEETING)
			continue;
		if (x->start && ag__date_parse_iso(x->start, strlen(x->start), &info[i].start) && ag__date_valid(&info[i].start)) {
			info[i].dated = true;
			info[i].end = info[i].start;
			if (x->end && ag__date_parse_iso(x->end, strlen(x->end), &info[i].end) && ag__date_valid(&info[i].end)) {
				if (ag__date_cmp(&info[i].end, &info[i].start) < 0)
					info[i].end = info[i].start;
			} else {
				info[i].end = info[i].start;
			}
		}
	}
	for (size_t l = 0; l < g->n_links; l++) {
		const ag_link *k = &g->links[l];
		if (!k->rel[AG_REL_PARTY])
			continue;
		if (g->nodes[k->a].type == AG_NODE_MEETING && info[k->a].n_parties < AG_MEETING_MAX_ROLES)
			info[k->a].parties[info[k->a].n_parties++] = k->b;
		if (g->nodes[k->b].type == AG_NODE_MEETING && info[k->b].n_parties < AG_MEETING_MAX_ROLES)
			info[k->b].parties[info[k->b].n_parties++] = k->a;
	}
	/* talks can only be the same when they share a place, a country, or
	 * have neither: compare within those groups */
	for (size_t i = 0; i < n && rc == 0; i++) {
		const ag_node *x = &g->nodes[i];
		if (x->type != AG_NODE_MEETING)
			continue;
		meeting_info *mi = &info[i];
		ag__buf_clear(&key);
		if (x->place && (rc = ag__buf_printf(&key, "p\x1f%s", x->place)) == 0)
			rc = groups_add(&gr, key.data, i, &mi->groups[mi->n_groups++]);
		ag__buf_clear(&key);
		if (rc == 0 && x->country && (rc = ag__buf_printf(&key, "c\x1f%s", x->country)) == 0)
			rc = groups_add(&gr, key.data, i, &mi->groups[mi->n_groups++]);
		if (rc == 0 && !x->place && !x->country)
			rc = groups_add(&gr, "-", i, &mi->groups[mi->n_groups++]);
	}
	if (rc == 0)
		rc = groups_sort(&gr);
	if (rc < 0)
		goto done;
	/* reports that agree on whether the talks are dated (the groups joined
	 * are the same whatever the order of the pairs) */
	for (size_t k = 0; k < gr.n; k++) {
		size_t i = gr.m[k].item;
		for (size_t l = k + 1; l < gr.n && gr.m[l].group == gr.m[k].group; l++) {
			size_t j = gr.m[l].item;
			if (info[i].dated == info[j].dated && same_meeting(g, i, j, &info[i], &info[j])) {
				join_meetings(g, rep, i, j);
				*any = true;
			}
		}
	}
	/* an undated report joins the dated talks it fits, when only one fits */
	for (size_t i = 0; i < n; i++) {
		const ag_node *x = &g->nodes[i];
		size_t match = SIZE_MAX;
		bool ambiguous = false;
		if (x->type != AG_NODE_MEETING || info[i].dated)
			continue;
		for (size_t q = 0; q < info[i].n_groups; q++) {
			size_t lo = gr.first[info[i].groups[q]], hi = gr.first[info[i].groups[q] + 1];
			for (size_t k = lo; k < hi; k++) {
				size_t j = gr.m[k].item;
				if (!info[j].dated || !same_meeting(g, i, j, &info[i], &info[j]))
					continue;
				if (match != SIZE_MAX && find_rep(rep, match) != find_rep(rep, j))
					ambiguous = true;
				match = j;
			}
		}
		if (match != SIZE_MAX && !ambiguous) {
			join_meetings(g, rep, i, match);
			*any = true;
		}
	}
done:
	groups_free(&gr);
	ag__buf_free(&key);
	free(info);
	return rc;
}

/* Each person takes the side most documents give them (ties: smaller id). */
static int pick_affiliations(ag_graph *g)
{
	size_t *best = malloc((g->n_nodes + 1) * sizeof(*best));
	unsigned *count = calloc(g->n_nodes + 1, sizeof(*count));
	int rc = 0;

	if (!best || !count) {
		free(best);
		free(count);
		return ag__enomem();
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		best[i] = SIZE_MAX;
	for (size_t l = 0; l < g->n_links; l++) {
		const ag_link *k = &g->links[l];
		unsigned c = k->rel[AG_REL_AFFILIATION];
		size_t ends[2] = {k->a, k->b};
		if (!c)
			continue;
		for (int e = 0; e < 2; e++) {
			size_t i = ends[e], other = ends[1 - e];
			if (g->nodes[i].type != AG_NODE_PERSON || g->nodes[other].type == AG_NODE_PERSON)
				continue;
			if (c > count[i] || (c == count[i] && strcmp(g->nodes[other].id, g->nodes[best[i]].id) < 0)) {
				best[i] = other;
				count[i] = c;
			}
		}
	}
	for (size_t i = 0; i < g->n_nodes && rc == 0; i++)
		if (best[i] != SIZE_MAX)
			rc = ag__set_str(&g->nodes[i].affiliation, g->nodes[best[i]].id);
	/* no report says it outright: "Trump's envoy" is on Trump's side, as the
	 * corpus settled it (a few steps deep) */
	for (int round = 0; round < 4 && rc == 0; round++) {
		for (size_t i = 0; i < g->n_nodes && rc == 0; i++) {
			const char *side = g->nodes[i].extra ? json_string_value(json_object_get(g->nodes[i].extra, "side_of")) : NULL;
			size_t j;
			if (best[i] != SIZE_MAX || !side || ag_graph_find_node(g, side, &j) < 0 || j == i ||
			    best[j] == SIZE_MAX)
				continue;
			best[i] = best[j];
			rc = ag__set_str(&g->nodes[i].affiliation, g->nodes[best[j]].id);
		}
	}
	free(best);
	free(count);
	return rc;
}

int ag_graph_resolve(ag_graph *g)
{
	person_key *keys = NULL;
	groups full = {0}, surnames = {0};
	size_t *rep = NULL, n = g->n_nodes;
	bool any = false;
	int rc = 0;

	if (g->attrs && (rc = ag__graph_set_partial(g, false)) < 0)
		return rc;
	if (!n)
		return 0;
	/* sorting first makes every later choice independent of input order */
	if ((rc = ag_graph_sort(g)) < 0)
		return rc;
	if (!(keys = calloc(n, sizeof(*keys))) || !(rep = malloc(n * sizeof(*rep)))) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (size_t i = 0; i < n; i++) {
		rep[i] = i;
		if (g->nodes[i].type == AG_NODE_PERSON && (rc = make_key(g->nodes[i].label, &keys[i])) < 0)
			goto cleanup;
	}
	/* full names with the same first and last name; a last name alone joins
	 * the one full name that ends with it */
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (keys[i].key && keys[i].words >= 2 && (rc = groups_add(&full, keys[i].key, i, NULL)) == 0)
			rc = groups_add(&surnames, keys[i].surname, i, NULL);
	}
	if (rc < 0 || (rc = groups_sort(&full)) < 0 || (rc = groups_sort(&surnames)) < 0)
		goto cleanup;
	for (size_t k = 1; k < full.n; k++) {
		if (full.m[k].group == full.m[k - 1].group) {
			join(g, rep, full.m[k - 1].item, full.m[k].item);
			any = true;
		}
	}
	for (size_t i = 0; i < n; i++) {
		size_t match = SIZE_MAX, lo, hi;
		bool ambiguous = false;
		if (!keys[i].key || keys[i].words != 1)
			continue;
		groups_find(&surnames, keys[i].surname, &lo, &hi);
		for (size_t k = lo; k < hi; k++) {
			size_t j = surnames.m[k].item;
			if (match != SIZE_MAX && find_rep(rep, match) != find_rep(rep, j))
				ambiguous = true;
			match = j;
		}
		if (match != SIZE_MAX && !ambiguous) {
			join(g, rep, i, match);
			any = true;
		}
	}
	if ((rc = resolve_meetings(g, rep, &any)) < 0)
		goto cleanup;
	/* "side_of" names a person who may just have been merged into another */
	for (size_t i = 0; i < n && rc == 0; i++) {
		const char *side = g->nodes[i].extra ? json_string_value(json_object_get(g->nodes[i].extra, "side_of")) : NULL;
		size_t j;
		if (side && ag_graph_find_node(g, side, &j) == 0 && find_rep(rep, j) != j)
			json_object_set_new(g->nodes[i].extra, "side_of", json_string(g->nodes[find_rep(rep, j)].id));
	}
	if (any) {
		for (size_t i = 0; i < n; i++)
			rep[i] = find_rep(rep, i);
		if ((rc = ag__graph_contract(g, rep)) < 0)
			goto cleanup;
	}
	rc = pick_affiliations(g);
	if (rc == 0)
		rc = ag_graph_sort(g);
cleanup:
	if (keys)
		for (size_t i = 0; i < n; i++) {
			free(keys[i].key);
			free(keys[i].surname);
		}
	free(keys);
	free(rep);
	groups_free(&full);
	groups_free(&surnames);
	return rc;
}

int ag_graph_merge_with(ag_graph *into, const ag_graph *from, const ag_merge_options *opts)
{
	bool partial;
	char note[AG_ERROR_MAX];
	int rc, docs;

	AG_CHECK_ARGS(into && from);
	AG_CHECK_OPTIONS(opts, AG_MERGE_OPTIONS_VERSION, "AG_MERGE_OPTIONS_INIT");
	if (into == from)
		return ag__error(AG_EINVAL, "ag_graph_merge: a graph cannot be merged into itself");
	/* an empty graph takes the other's state */
	partial = ag_graph_is_partial(from) && (ag_graph_is_partial(into) || (!into->n_nodes && !into->n_docs));
	/* a document both graphs hold is counted once: the graph that has it
	 * (and more) stands for the other (union.h) */
	if ((docs = ag__graph_doc_overlap(into, from, note, sizeof(note))) < 0)
		return docs;
	if (note[0] && opts && opts->warn)
		opts->warn(opts->warn_ctx, note);
	if (docs == AG_DOCS_NEW)
		rc = ag__graph_absorb(into, from);
	else if (docs == AG_DOCS_SUPERSET)
		rc = ag__graph_absorb_replacing(into, from);
	else
		rc = 0;
	if (rc < 0 || (rc = ag__graph_set_partial(into, partial)) < 0)
		return rc;
	return partial ? ag_graph_sort(into) : ag_graph_resolve(into);
}

int ag_graph_merge(ag_graph *into, const ag_graph *from)
{
	return ag_graph_merge_with(into, from, NULL);
}
