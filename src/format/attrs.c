/*
 * attrs.c - typed attribute columns, link ids and text cleaning shared
 * by the GraphML, GEXF and Cytoscape writers (see attrs.h) and the CSV node table.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "format/attrs.h"
#include "util/utf8.h"

/* ------------------------------------------------------------ text */

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

int ag__xml_escape(ag_buf *b, const char *s, int attr)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s)
		return 0;
	while (*p) {
		const unsigned char *run = p;
		const char *rep = NULL;
		char pic[4];
		uint32_t cp;
		size_t n;

		/* copy plain text in one go */
		while (*p >= 0x20 && *p < 0x7F && *p != '&' && *p != '<' && *p != '>' && *p != '"' && *p != '\'')
			p++;
		if (p > run && ag__buf_append(b, (const char *)run, (size_t)(p - run)) < 0)
			return AG_ENOMEM;
		if (!*p)
			break;
		n = 1;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = attr ? "&quot;" : "\""; break;
		case '\'': rep = attr ? "&apos;" : "'"; break;
		case '\r': rep = "&#13;"; break; /* parsers turn a raw CR into LF */
		case '\n': rep = attr ? "&#10;" : "\n"; break;
		case '\t': rep = attr ? "&#9;" : "\t"; break;
		default:
			if (*p < 0x20 || *p == 0x7F) {
				/* U+2400 + byte (U+2421 for DEL): E2 90 80+x, E2 90 A1 */
				pic[0] = (char)0xE2;
				pic[1] = (char)0x90;
				pic[2] = (char)(*p == 0x7F ? 0xA1 : 0x80 + *p);
				pic[3] = '\0';
				rep = pic;
			} else if ((n = ag__utf8_decode(p, SIZE_MAX, &cp)) == 0) {
				n = 1;
				rep = REPLACEMENT;
			} else if (cp == 0xFFFE || cp == 0xFFFF) {
				rep = REPLACEMENT;
			}
		}
		if (rep ? ag__buf_puts(b, rep) < 0 : ag__buf_append(b, (const char *)p, n) < 0)
			return AG_ENOMEM;
		p += n;
	}
	return 0;
}

const char *ag__utf8_clean(const char *s, ag_buf *scratch)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t n;

	if (!s)
		return NULL;
	while (*p && (n = ag__utf8_decode(p, SIZE_MAX, &cp)) > 0)
		p += n;
	if (!*p)
		return s;
	ag__buf_clear(scratch);
	if (ag__buf_append(scratch, s, (size_t)((const char *)p - s)) < 0)
		return NULL;
	while (*p) {
		if ((n = ag__utf8_decode(p, SIZE_MAX, &cp)) == 0) {
			if (ag__buf_puts(scratch, REPLACEMENT) < 0)
				return NULL;
			p++;
		} else {
			if (ag__buf_append(scratch, (const char *)p, n) < 0)
				return NULL;
			p += n;
		}
	}
	return scratch->data;
}

int ag__link_id(const ag_graph *g, size_t j, ag_buf *out)
{
	size_t dummy;

	ag__buf_clear(out);
	if (ag__buf_printf(out, "e%zu", j) < 0)
		return AG_ENOMEM;
	while (ag__strmap_get(&g->node_index, out->data, &dummy))
		if (ag__buf_putc(out, '_') < 0)
			return AG_ENOMEM;
	return 0;
}

const char *ag__attr_text(const ag_attr_value *v, char num[64])
{
	switch (v->type) {
	case AG_ATTR_BOOL:
		return v->b ? "true" : "false";
	case AG_ATTR_LONG:
		snprintf(num, 64, "%lld", v->i);
		return num;
	case AG_ATTR_DOUBLE:
		snprintf(num, 64, "%.12g", v->d);
		for (char *c = num; *c; c++)
			if (*c == ',') /* a locale with decimal commas */
				*c = '.';
		return num;
	case AG_ATTR_STRING:
		break;
	}
	return v->s ? v->s : "";
}

const char *ag__attr_type_name(ag_attr_type t)
{
	static const char *const names[] = {"boolean", "long", "double", "string"};
	return (unsigned)t <= AG_ATTR_STRING ? names[t] : "string";
}

/* ------------------------------------------------------------ values */

static int put_str(ag_attr_value *v, const char *s)
{
	if (!s)
		return 0;
	v->type = AG_ATTR_STRING;
	v->s = s;
	return 1;
}

static int put_long(ag_attr_value *v, long long i)
{
	v->type = AG_ATTR_LONG;
	v->i = i;
	return 1;
}

static int put_double(ag_attr_value *v, double d)
{
	if (!isfinite(d))
		return 0;
	v->type = AG_ATTR_DOUBLE;
	v->d = d;
	return 1;
}

json_t *ag__attr_extra(const json_t *extra, const ag_attr_col *c)
{
	if (c->kind != AG_COL_EXTRA || !json_is_object(extra))
		return NULL;
	if (c->field == AG_EXTRA_RELATIONS)
		extra = json_object_get(extra, "relations");
	return json_is_object(extra) ? json_object_get(extra, c->key) : NULL;
}

/* A foreign JSON value in the column's type. */
static int extra_value(const json_t *extra, const ag_attr_col *c, ag_buf *scratch, ag_attr_value *v)
{
	json_t *j = ag__attr_extra(extra, c);
	char *text;

	if (!j || json_is_null(j))
		return 0;
	switch (c->type) {
	case AG_ATTR_BOOL:
		v->type = AG_ATTR_BOOL;
		v->b = json_is_true(j);
		return 1;
	case AG_ATTR_LONG: /* integers, or reals that are all whole numbers */
		return json_is_integer(j) ? put_long(v, (long long)json_integer_value(j)) : put_double(v, json_number_value(j));
	case AG_ATTR_DOUBLE:
		return put_double(v, json_number_value(j));
	case AG_ATTR_STRING:
		break;
	}
	if (json_is_string(j))
		return put_str(v, json_string_value(j));
	if (!(text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY)))
		return ag__enomem();
	ag__buf_clear(scratch);
	if (ag__buf_puts(scratch, text) < 0) {
		free(text);
		return AG_ENOMEM;
	}
	free(text);
	return put_str(v, scratch->data);
}

static int node_value(const ag_graph *g, size_t i, const ag_attr_col *c, ag_buf *scratch, ag_attr_value *v)
{
	const ag_node *n = &g->nodes[i];

	switch (c->kind) {
	case AG_COL_METRIC:
		return n->metrics ? put_double(v, n->metrics[c->field]) : 0;
	case AG_COL_EXTRA:
		return extra_value(n->extra, c, scratch, v);
	case AG_COL_RELATION:
		return 0;
	case AG_COL_FIELD:
		break;
	}
	switch (c->field) {
	case AG_NF_LABEL:
		return put_str(v, n->label);
	case AG_NF_TYPE:
		return put_str(v, n->type == AG_NODE_OTHER && n->type_name ? n->type_name
		                                                           : ag_node_type_name(n->type));
	case AG_NF_ALIASES:
		if (!n->aliases.count)
			return 0;
		ag__buf_clear(scratch);
		for (size_t k = 0; k < n->aliases.count; k++)
			if ((k && ag__buf_puts(scratch, "; ") < 0) || ag__buf_puts(scratch, n->aliases.items[k]) < 0)
				return AG_ENOMEM;
		return put_str(v, scratch->data);
	case AG_NF_AFFILIATION: return put_str(v, n->affiliation);
	case AG_NF_ROLE: return put_str(v, n->role);
	case AG_NF_PLACE: return put_str(v, n->place);
	case AG_NF_COUNTRY: return put_str(v, n->country);
	case AG_NF_START: return put_str(v, n->start);
	case AG_NF_END: return put_str(v, n->end);
	case AG_NF_STATUS: /* as the JSON writer: a meeting is "held" unless said otherwise */
		return put_str(v, n->status ? n->status : n->type == AG_NODE_MEETING ? "held" : NULL);
	case AG_NF_FIRST_SEEN: return put_str(v, n->first_seen);
	case AG_NF_LAST_SEEN: return put_str(v, n->last_seen);
	case AG_NF_MENTIONS: return n->mentions ? put_long(v, n->mentions) : 0;
	case AG_NF_COMMUNITY: return n->community >= 0 ? put_long(v, n->community) : 0;
	case AG_NF_STABILITY: return put_double(v, n->stability);
	default: return 0;
	}
}

static int link_value(const ag_graph *g, size_t i, const ag_attr_col *c, ag_buf *scratch, ag_attr_value *v)
{
	const ag_link *l = &g->links[i];
	const char *lo = NULL, *hi = NULL;

	switch (c->kind) {
	case AG_COL_RELATION:
		return l->rel[c->field] ? put_long(v, l->rel[c->field]) : 0;
	case AG_COL_EXTRA:
		return extra_value(l->extra, c, scratch, v);
	case AG_COL_METRIC:
		return 0;
	case AG_COL_FIELD:
		break;
	}
	switch (c->field) {
	case AG_LF_WEIGHT:
		return put_double(v, l->weight);
	case AG_LF_EVIDENCE_COUNT:
		return l->ev_total || l->n_ev ? put_long(v, (long long)(l->ev_total > l->n_ev ? l->ev_total : l->n_ev))
		                              : 0;
	case AG_LF_DOCUMENTS:
		/* evidence is sorted by document, so repeats are neighbours */
		ag__buf_clear(scratch);
		for (size_t k = 0; k < l->n_ev; k++) {
			if (l->ev[k].doc >= g->n_docs || (k && l->ev[k].doc == l->ev[k - 1].doc))
				continue;
			if ((scratch->len && ag__buf_puts(scratch, "; ") < 0) ||
			    ag__buf_puts(scratch, g->docs[l->ev[k].doc].id) < 0)
				return AG_ENOMEM;
		}
		return scratch->len ? put_str(v, scratch->data) : 0;
	case AG_LF_FIRST_SEEN:
	case AG_LF_LAST_SEEN:
		for (size_t k = 0; k < l->n_ev; k++) {
			const char *d = l->ev[k].doc < g->n_docs ? g->docs[l->ev[k].doc].date : NULL;
			if (!d || !*d)
				continue;
			if (!lo || strcmp(d, lo) < 0)
				lo = d;
			if (!hi || strcmp(d, hi) > 0)
				hi = d;
		}
		return put_str(v, c->field == AG_LF_FIRST_SEEN ? lo : hi);
	case AG_LF_EXAMPLE:
		return put_str(v, l->example);
	default:
		return 0;
	}
}

json_t *ag__json_clean_string(const char *s)
{
	ag_buf tmp = {0};
	const char *c;
	json_t *j;

	if (!s)
		return json_null();
	c = ag__utf8_clean(s, &tmp);
	j = c ? json_string(c) : NULL;
	ag__buf_free(&tmp);
	return j;
}

static int documents_text(const ag_graph *g, ag_buf *scratch)
{
	json_t *arr = json_array();
	char *text = NULL;
	int rc = AG_ENOMEM;

	if (!arr)
		return ag__enomem();
	for (size_t i = 0; i < g->n_docs; i++) {
		json_t *o = json_object();
		if (!o || json_array_append_new(arr, o) < 0 ||
		    json_object_set_new(o, "id", ag__json_clean_string(g->docs[i].id)) < 0 ||
		    json_object_set_new(o, "path", ag__json_clean_string(g->docs[i].path)) < 0 ||
		    json_object_set_new(o, "date", ag__json_clean_string(g->docs[i].date)) < 0 ||
		    (g->docs[i].hash[0] && json_object_set_new(o, "hash", json_string(g->docs[i].hash)) < 0))
			goto cleanup;
	}
	if (!(text = json_dumps(arr, JSON_COMPACT)))
		goto cleanup;
	ag__buf_clear(scratch);
	rc = ag__buf_puts(scratch, text) < 0 ? AG_ENOMEM : 0;
cleanup:
	if (rc < 0)
		ag__enomem();
	free(text);
	json_decref(arr);
	return rc;
}

static int graph_value(const ag_graph *g, const ag_attr_col *c, ag_buf *scratch, ag_attr_value *v)
{
	int rc;

	if (c->kind == AG_COL_EXTRA)
		return extra_value(g->attrs, c, scratch, v);
	if (c->kind != AG_COL_FIELD)
		return 0;
	switch (c->field) {
	case AG_GF_GENERATOR:
		return put_str(v, "actorgraph " AG_VERSION);
	case AG_GF_DOCUMENTS:
		if (!g->n_docs)
			return 0;
		if ((rc = documents_text(g, scratch)) < 0)
			return rc;
		return put_str(v, scratch->data);
	default:
		return 0;
	}
}

/* A value in its column's type: whole numbers of a long column as integers. */
static int typed(int rc, const ag_attr_col *c, ag_attr_value *v)
{
	if (rc > 0 && c->type == AG_ATTR_LONG && v->type == AG_ATTR_DOUBLE) {
		v->type = AG_ATTR_LONG;
		v->i = (long long)v->d;
	}
	return rc;
}

int ag__attr_node_value(const ag_graph *g, size_t i, const ag_attr_col *c, ag_buf *scratch,
                        ag_attr_value *v)
{
	return typed(node_value(g, i, c, scratch, v), c, v);
}

int ag__attr_link_value(const ag_graph *g, size_t i, const ag_attr_col *c, ag_buf *scratch,
                        ag_attr_value *v)
{
	return typed(link_value(g, i, c, scratch, v), c, v);
}

int ag__attr_graph_value(const ag_graph *g, const ag_attr_col *c, ag_buf *scratch, ag_attr_value *v)
{
	return typed(graph_value(g, c, scratch, v), c, v);
}

/* ------------------------------------------------------------ tables */

enum { ROWS_NODES, ROWS_LINKS, ROWS_GRAPH };

static int row_value(const ag_graph *g, int rows, size_t i, const ag_attr_col *c, ag_buf *scratch,
                     ag_attr_value *v)
{
	if (rows == ROWS_NODES)
		return ag__attr_node_value(g, i, c, scratch, v);
	if (rows == ROWS_LINKS)
		return ag__attr_link_value(g, i, c, scratch, v);
	return ag__attr_graph_value(g, c, scratch, v);
}

static size_t row_count(const ag_graph *g, int rows)
{
	return rows == ROWS_NODES ? g->n_nodes : rows == ROWS_LINKS ? g->n_links : 1;
}

static bool name_taken(const ag_attr_table *t, const char *name)
{
	for (size_t k = 0; k < t->count; k++)
		if (strcmp(t->cols[k].name, name) == 0)
			return true;
	return false;
}

/* Add a column when some row has a value for it (1 added, 0 not, <0). */
static int add_col(const ag_graph *g, int rows, ag_attr_table *t, const char *name, ag_attr_type type,
                   ag_col_kind kind, int field, const char *key)
{
	ag_attr_col probe = {(char *)name, type, kind, field, (char *)key}, c = probe;
	ag_attr_value v;
	ag_buf scratch = {0};
	size_t n = row_count(g, rows);
	bool any = false, whole = type == AG_ATTR_DOUBLE;
	int rc = 0;

	/* present in some row; a number column of whole numbers only is typed long */
	for (size_t i = 0; i < n && (!any || whole); i++) {
		if ((rc = row_value(g, rows, i, &probe, &scratch, &v)) < 0)
			break;
		if (rc == 0)
			continue;
		any = true;
		if (v.type != AG_ATTR_DOUBLE || !(fabs(v.d) <= AG_ATTR_WHOLE_MAX) || v.d != floor(v.d))
			whole = false;
	}
	ag__buf_free(&scratch);
	if (rc < 0)
		return rc;
	if (!any)
		return 0;
	if (whole)
		c.type = AG_ATTR_LONG;
	c.name = c.key = NULL;
	if (AG_GROW(t->cols, t->cap, t->count + 1) < 0 || !(c.name = ag__strdup(name)) ||
	    (key && !(c.key = ag__strdup(key)))) {
		free(c.name);
		return ag__enomem();
	}
	t->cols[t->count++] = c;
	return 1;
}

static int value_type(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_TRUE:
	case JSON_FALSE:
		return AG_ATTR_BOOL;
	case JSON_INTEGER:
		return AG_ATTR_LONG;
	case JSON_REAL:
		return AG_ATTR_DOUBLE;
	case JSON_NULL:
		return -1;
	default:
		return AG_ATTR_STRING;
	}
}

typedef struct {
	const char *key;
	int type;
} extra_key;

static int extra_key_cmp(const void *a, const void *b)
{
	return strcmp(((const extra_key *)a)->key, ((const extra_key *)b)->key);
}

/* Columns for the foreign attributes of the rows' extra objects (or of the
 * `sub` object in them), by name, except `skip`. */
static int add_extras(const ag_graph *g, int rows, ag_attr_table *t, const char *sub, const char *skip)
{
	ag_strmap seen = {0};
	extra_key *keys = NULL;
	size_t n = 0, cap = 0, rcount = row_count(g, rows);
	int rc = 0;

	for (size_t i = 0; i < rcount; i++) {
		const json_t *extra = rows == ROWS_NODES ? g->nodes[i].extra
		                      : rows == ROWS_LINKS ? g->links[i].extra : g->attrs;
		const char *key;
		json_t *v;
		size_t at;

		if (sub && json_is_object(extra))
			extra = json_object_get(extra, sub);
		if (!json_is_object(extra))
			continue;
		json_object_foreach((json_t *)extra, key, v) {
			int ty = value_type(v);
			if (ty < 0 || (skip && strcmp(key, skip) == 0))
				continue;
			if (ag__strmap_get(&seen, key, &at)) {
				int old = keys[at].type;
				if (old != ty)
					keys[at].type = (old == AG_ATTR_LONG && ty == AG_ATTR_DOUBLE) ||
					                (old == AG_ATTR_DOUBLE && ty == AG_ATTR_LONG)
					                ? AG_ATTR_DOUBLE : AG_ATTR_STRING;
				continue;
			}
			if ((rc = AG_GROW(keys, cap, n + 1)) < 0 || (rc = ag__strmap_put(&seen, key, n)) < 0)
				goto cleanup;
			keys[n].key = key; /* borrowed from the first object that has it */
			keys[n++].type = ty;
		}
	}
	if (n > 1)
		qsort(keys, n, sizeof(*keys), extra_key_cmp);
	for (size_t k = 0; k < n; k++) {
		if (name_taken(t, keys[k].key))
			continue;
		if ((rc = add_col(g, rows, t, keys[k].key, (ag_attr_type)keys[k].type, AG_COL_EXTRA,
		                  sub ? AG_EXTRA_RELATIONS : AG_EXTRA_TOP, keys[k].key)) < 0)
			goto cleanup;
	}
	rc = 0;
cleanup:
	free(keys);
	ag__strmap_free(&seen);
	return rc;
}

int ag__attr_nodes(const ag_graph *g, ag_attr_table *t)
{
	static const struct {
		const char *name;
		ag_attr_type type;
		int field;
	} fixed[] = {
		{"label", AG_ATTR_STRING, AG_NF_LABEL},
		{"type", AG_ATTR_STRING, AG_NF_TYPE},
		{"aliases", AG_ATTR_STRING, AG_NF_ALIASES},
		{"affiliation", AG_ATTR_STRING, AG_NF_AFFILIATION},
		{"role", AG_ATTR_STRING, AG_NF_ROLE},
		{"place", AG_ATTR_STRING, AG_NF_PLACE},
		{"country", AG_ATTR_STRING, AG_NF_COUNTRY},
		{"start", AG_ATTR_STRING, AG_NF_START},
		{"end", AG_ATTR_STRING, AG_NF_END},
		{"status", AG_ATTR_STRING, AG_NF_STATUS},
		{"first_seen", AG_ATTR_STRING, AG_NF_FIRST_SEEN},
		{"last_seen", AG_ATTR_STRING, AG_NF_LAST_SEEN},
		{"mentions", AG_ATTR_LONG, AG_NF_MENTIONS},
		{"community", AG_ATTR_LONG, AG_NF_COMMUNITY},
		{"stability", AG_ATTR_DOUBLE, AG_NF_STABILITY},
	};
	ag_buf name = {0};
	int rc;

	memset(t, 0, sizeof(*t));
	for (size_t k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++)
		if ((rc = add_col(g, ROWS_NODES, t, fixed[k].name, fixed[k].type, AG_COL_FIELD, fixed[k].field,
		                  NULL)) < 0)
			return rc;
	for (size_t k = 0; k < g->n_metrics; k++) {
		ag__buf_clear(&name);
		if (ag__buf_puts(&name, g->metric_names[k]) < 0)
			goto nomem;
		if (name_taken(t, name.data)) {
			ag__buf_clear(&name);
			if (ag__buf_printf(&name, "metric_%s", g->metric_names[k]) < 0 ||
			    (name_taken(t, name.data) && ag__buf_printf(&name, "_%zu", k) < 0))
				goto nomem;
		}
		if ((rc = add_col(g, ROWS_NODES, t, name.data, AG_ATTR_DOUBLE, AG_COL_METRIC, (int)k, NULL)) < 0) {
			ag__buf_free(&name);
			return rc;
		}
	}
	ag__buf_free(&name);
	return add_extras(g, ROWS_NODES, t, NULL, NULL);
nomem:
	ag__buf_free(&name);
	return AG_ENOMEM;
}

int ag__attr_links(const ag_graph *g, ag_attr_table *t)
{
	int rc;

	memset(t, 0, sizeof(*t));
	if ((rc = add_col(g, ROWS_LINKS, t, "weight", AG_ATTR_DOUBLE, AG_COL_FIELD, AG_LF_WEIGHT, NULL)) < 0)
		return rc;
	for (int r = 0; r < AG_REL_COUNT; r++)
		if ((rc = add_col(g, ROWS_LINKS, t, ag_relation_name((ag_relation)r), AG_ATTR_LONG, AG_COL_RELATION,
		                  r, NULL)) < 0)
			return rc;
	/* relations read from a foreign graph, by name, next to ours */
	if ((rc = add_extras(g, ROWS_LINKS, t, "relations", NULL)) < 0)
		return rc;
	if ((rc = add_col(g, ROWS_LINKS, t, "evidence_count", AG_ATTR_LONG, AG_COL_FIELD, AG_LF_EVIDENCE_COUNT,
	                  NULL)) < 0 ||
	    (rc = add_col(g, ROWS_LINKS, t, "documents", AG_ATTR_STRING, AG_COL_FIELD, AG_LF_DOCUMENTS, NULL)) < 0 ||
	    (rc = add_col(g, ROWS_LINKS, t, "first_seen", AG_ATTR_STRING, AG_COL_FIELD, AG_LF_FIRST_SEEN, NULL)) <
	        0 ||
	    (rc = add_col(g, ROWS_LINKS, t, "last_seen", AG_ATTR_STRING, AG_COL_FIELD, AG_LF_LAST_SEEN, NULL)) < 0 ||
	    (rc = add_col(g, ROWS_LINKS, t, "example", AG_ATTR_STRING, AG_COL_FIELD, AG_LF_EXAMPLE, NULL)) < 0)
		return rc;
	return add_extras(g, ROWS_LINKS, t, NULL, "relations");
}

int ag__attr_graph(const ag_graph *g, ag_attr_table *t)
{
	int rc;

	memset(t, 0, sizeof(*t));
	if ((rc = add_col(g, ROWS_GRAPH, t, "generator", AG_ATTR_STRING, AG_COL_FIELD, AG_GF_GENERATOR, NULL)) <
	        0 ||
	    (rc = add_col(g, ROWS_GRAPH, t, "documents", AG_ATTR_STRING, AG_COL_FIELD, AG_GF_DOCUMENTS, NULL)) < 0)
		return rc;
	return add_extras(g, ROWS_GRAPH, t, NULL, NULL);
}

void ag__attr_table_free(ag_attr_table *t)
{
	for (size_t k = 0; k < t->count; k++) {
		free(t->cols[k].name);
		free(t->cols[k].key);
	}
	free(t->cols);
	memset(t, 0, sizeof(*t));
}
