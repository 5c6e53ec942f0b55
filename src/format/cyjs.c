/*
 * cyjs.c - Cytoscape.js JSON, as cy.json() and Cytoscape (desktop)
 * read it and networkx cytoscape_graph reads it back:
 *
 *   {"format_version": "1.0", "generated_by": "actorgraph 0.1.0",
 *    "target_cytoscapejs_version": "~3", "directed": false, "multigraph": false,
 *    "data": {"generator", "documents": [...], "community_method", ...},
 *    "elements": {"nodes": [{"data": {"id", "value", "name", "label", "type",
 *                                     "aliases": [...], ..., "pagerank", ...}}],
 *                 "edges": [{"data": {"id", "source", "target", "weight",
 *                                     "co_mention", ..., "evidence": [...]}}]}}
 *
 * Attributes are flat, one per column of export_attrs.h, so that style
 * mappers can use them (mapData(pagerank, ...)); aliases, a link's documents
 * and evidence, and foreign attributes keep their JSON shape.  "name" is the
 * label (Cytoscape's default label column) and "value" the id (networkx keys
 * its nodes by it).  Node and edge ids are strings, unique across both (one
 * id space in Cytoscape).  Strings that are not valid UTF-8 have the bad
 * bytes replaced by U+FFFD.
 */
#include <math.h>
#include <stdlib.h>

#include "actorgraph/export.h"
#include "actorgraph/ingest.h"
#include "format/attrs.h"
#include "format/json_emit.h"
#include "io/output.h"

static json_t *str(const char *s)
{
	return ag__json_clean_string(s);
}

static json_t *number(double v)
{
	if (!isfinite(v))
		return json_null();
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *value_json(const ag_attr_value *v)
{
	switch (v->type) {
	case AG_ATTR_BOOL:
		return json_boolean(v->b);
	case AG_ATTR_LONG:
		return json_integer((json_int_t)v->i);
	case AG_ATTR_DOUBLE:
		return number(v->d);
	case AG_ATTR_STRING:
		break;
	}
	return str(v->s);
}

/* Set key to a new value unless it is set already; false on failure. */
static bool set_new(json_t *o, const char *key, json_t *v)
{
	if (!v)
		return false;
	if (json_object_get(o, key)) {
		json_decref(v);
		return true;
	}
	return json_object_set_new(o, key, v) == 0;
}

static json_t *string_array(char *const *items, size_t n)
{
	json_t *a = json_array();
	for (size_t k = 0; a && k < n; k++)
		if (json_array_append_new(a, str(items[k])) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

/* One column's value in o: foreign values as they were, the rest by type. */
static int put_col(json_t *o, const ag_attr_col *c, const json_t *extra, int rc, const ag_attr_value *v)
{
	if (rc <= 0)
		return rc;
	if (c->kind == AG_COL_EXTRA)
		return set_new(o, c->name, json_deep_copy(ag__attr_extra(extra, c))) ? 0 : ag__enomem();
	return set_new(o, c->name, value_json(v)) ? 0 : ag__enomem();
}

static json_t *node_data(const ag_graph *g, size_t i, const ag_attr_table *t, ag_buf *scratch, int *rc)
{
	const ag_node *n = &g->nodes[i];
	json_t *o = json_object();

	*rc = AG_ENOMEM;
	if (!o || !set_new(o, "id", str(n->id)) || !set_new(o, "value", str(n->id)) ||
	    !set_new(o, "name", str(n->label ? n->label : n->id)))
		goto fail;
	for (size_t k = 0; k < t->count; k++) {
		const ag_attr_col *c = &t->cols[k];
		ag_attr_value v;

		if (c->kind == AG_COL_FIELD && c->field == AG_NF_ALIASES) {
			if (n->aliases.count && !set_new(o, c->name, string_array(n->aliases.items, n->aliases.count)))
				goto fail;
			continue;
		}
		if ((*rc = put_col(o, c, n->extra, ag__attr_node_value(g, i, c, scratch, &v), &v)) < 0)
			goto fail;
	}
	*rc = 0;
	return o;
fail:
	/* every failure but a column's own error is out of memory */
	if (*rc >= 0 || *rc == AG_ENOMEM)
		*rc = ag__enomem();
	json_decref(o);
	return NULL;
}

static json_t *evidence(const ag_graph *g, const ag_link *l)
{
	json_t *a = json_array();
	for (size_t k = 0; a && k < l->n_ev; k++) {
		const ag_evidence *e = &l->ev[k];
		json_t *o = json_object();
		if (!o || json_array_append_new(a, o) < 0 ||
		    json_object_set_new(o, "doc", str(e->doc < g->n_docs ? g->docs[e->doc].id : NULL)) < 0 ||
		    json_object_set_new(o, "start", json_integer((json_int_t)e->start)) < 0 ||
		    json_object_set_new(o, "end", json_integer((json_int_t)e->end)) < 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *edge_data(const ag_graph *g, size_t j, const ag_attr_table *t, ag_buf *scratch, ag_buf *id,
                         int *rc)
{
	const ag_link *l = &g->links[j];
	json_t *o = json_object();

	*rc = AG_ENOMEM;
	if (!o || ag__link_id(g, j, id) < 0 || !set_new(o, "id", str(id->data)) ||
	    !set_new(o, "source", str(g->nodes[l->a].id)) || !set_new(o, "target", str(g->nodes[l->b].id)))
		goto fail;
	for (size_t k = 0; k < t->count; k++) {
		const ag_attr_col *c = &t->cols[k];
		ag_attr_value v;

		if (c->kind == AG_COL_FIELD && c->field == AG_LF_DOCUMENTS) {
			/* evidence is sorted by document: repeats are neighbours */
			json_t *docs = json_array();
			if (!docs)
				goto fail;
			for (size_t e = 0; e < l->n_ev; e++)
				if (l->ev[e].doc < g->n_docs && !(e && l->ev[e].doc == l->ev[e - 1].doc) &&
				    json_array_append_new(docs, str(g->docs[l->ev[e].doc].id)) < 0) {
					json_decref(docs);
					goto fail;
				}
			if (!json_array_size(docs))
				json_decref(docs);
			else if (!set_new(o, c->name, docs))
				goto fail;
			continue;
		}
		if ((*rc = put_col(o, c, l->extra, ag__attr_link_value(g, j, c, scratch, &v), &v)) < 0)
			goto fail;
	}
	if (l->n_ev && !set_new(o, "evidence", evidence(g, l)))
		goto fail;
	*rc = 0;
	return o;
fail:
	/* every failure but a column's own error is out of memory */
	if (*rc >= 0 || *rc == AG_ENOMEM)
		*rc = ag__enomem();
	json_decref(o);
	return NULL;
}

static json_t *graph_data(const ag_graph *g, ag_buf *scratch, int *rc)
{
	ag_attr_table t = {0};
	json_t *o = json_object(), *docs = json_array();

	*rc = AG_ENOMEM;
	if (!o || !docs || !set_new(o, "generator", json_string("actorgraph " AG_VERSION))) {
		json_decref(docs);
		goto fail;
	}
	if (json_object_set_new(o, "documents", docs) < 0) /* docs is borrowed from here on */
		goto fail;
	for (size_t i = 0; i < g->n_docs; i++) {
		json_t *d = json_object();
		if (!d || json_array_append_new(docs, d) < 0 || json_object_set_new(d, "id", str(g->docs[i].id)) < 0 ||
		    json_object_set_new(d, "path", str(g->docs[i].path)) < 0 ||
		    json_object_set_new(d, "date", str(g->docs[i].date)) < 0)
			goto fail;
	}
	if ((*rc = ag__attr_graph(g, &t)) < 0)
		goto fail;
	for (size_t k = 0; k < t.count; k++) {
		ag_attr_value v;
		if (t.cols[k].kind != AG_COL_EXTRA)
			continue;
		if ((*rc = put_col(o, &t.cols[k], g->attrs, ag__attr_graph_value(g, &t.cols[k], scratch, &v), &v)) < 0)
			goto fail;
	}
	ag__attr_table_free(&t);
	*rc = 0;
	return o;
fail:
	/* every failure but a column's own error is out of memory */
	if (*rc >= 0 || *rc == AG_ENOMEM)
		*rc = ag__enomem();
	ag__attr_table_free(&t);
	json_decref(o);
	return NULL;
}

/*
 * The document is written one element at a time (json_emit.c): each node's
 * and link's data is a small jansson value, dumped at its depth and freed,
 * and the buffer goes to the file every AG_OUTPUT_CHUNK bytes, so that memory
 * follows the largest element, not the graph (a 200 MB corpus makes a
 * 400 MB file).  The bytes are those json_dumps(JSON_INDENT(1) |
 * JSON_REAL_PRECISION(12)) gives for the whole tree, and a newline.
 */

/* {"data": d} at depth, d taken over (NULL: the error in rc). */
static int put_element(ag_jw *w, json_t *d, int depth, int rc)
{
	ag_jw_obj el;
	if (!d)
		return rc;
	el = ag__jw_object(w, depth);
	ag__jw_member_value(&el, "data", d);
	ag__jw_object_end(&el);
	json_decref(d);
	if (w->out.len >= AG_OUTPUT_CHUNK)
		ag__jw_flush(w);
	return w->rc;
}

static int write_cyjs(ag_jw *w, const ag_graph *g)
{
	ag_attr_table nt = {0}, lt = {0};
	ag_buf scratch = {0}, id = {0};
	ag_jw_obj top, elements, nodes, edges;
	json_t *data;
	int rc;

	if ((rc = ag__attr_nodes(g, &nt)) < 0 || (rc = ag__attr_links(g, &lt)) < 0)
		goto cleanup;
	top = ag__jw_object(w, 0);
	ag__jw_member_str(&top, "format_version", "1.0");
	ag__jw_member_str(&top, "generated_by", "actorgraph " AG_VERSION);
	ag__jw_member_str(&top, "target_cytoscapejs_version", "~3");
	ag__jw_key(&top, "directed");
	ag__jw_raw(w, "false", 5);
	ag__jw_key(&top, "multigraph");
	ag__jw_raw(w, "false", 5);
	if (!(data = graph_data(g, &scratch, &rc)))
		goto cleanup;
	ag__jw_member_value(&top, "data", data);
	json_decref(data);

	ag__jw_key(&top, "elements");
	elements = ag__jw_object(w, 1);
	ag__jw_key(&elements, "nodes");
	nodes = ag__jw_array(w, 2);
	for (size_t i = 0; i < g->n_nodes && rc == 0; i++) {
		json_t *d = node_data(g, i, &nt, &scratch, &rc);
		if (d)
			ag__jw_item(&nodes);
		rc = put_element(w, d, 3, rc);
	}
	if (rc < 0)
		goto cleanup;
	ag__jw_array_end(&nodes);
	ag__jw_key(&elements, "edges");
	edges = ag__jw_array(w, 2);
	for (size_t j = 0; j < g->n_links && rc == 0; j++) {
		json_t *d = edge_data(g, j, &lt, &scratch, &id, &rc);
		if (d)
			ag__jw_item(&edges);
		rc = put_element(w, d, 3, rc);
	}
	if (rc < 0)
		goto cleanup;
	ag__jw_array_end(&edges);
	ag__jw_object_end(&elements);
	ag__jw_object_end(&top);
	ag__jw_raw(w, "\n", 1);
	ag__jw_flush(w);
	rc = w->rc;

cleanup:
	ag__attr_table_free(&nt);
	ag__attr_table_free(&lt);
	ag__buf_free(&scratch);
	ag__buf_free(&id);
	return rc;
}

int ag_graph_to_cyjs(const ag_graph *g, char **out, size_t *len)
{
	ag_jw w = {{0}, NULL, 0, 0, NULL};
	int rc;

	AG_CHECK_ARGS(g && out);
	*out = NULL;
	if (len)
		*len = 0;
	rc = write_cyjs(&w, g);
	free(w.tmp);
	w.tmp = NULL;
	if (rc < 0) {
		ag__jw_free(&w);
		return rc == AG_ENOMEM ? ag__enomem() : rc;
	}
	if (len)
		*len = w.out.len;
	*out = ag__buf_detach(&w.out);
	return *out ? 0 : ag__enomem();
}

static int cyjs_into(void *g, ag_output *o)
{
	ag_jw w = {{0}, NULL, 0, 0, o};
	int rc = write_cyjs(&w, g);
	ag__jw_free(&w);
	return rc;
}

int ag_graph_write_cyjs(const ag_graph *g, const char *path)
{
	AG_CHECK_ARGS(g && path);
	return ag__output_to_file(path, cyjs_into, (void *)g);
}
