/*
 * attrs.h - what the flat-attribute writers (GraphML, GEXF, Cytoscape
 * JSON) share: the graph's node, link and graph attributes as typed columns,
 * stable link ids, and text cleaning for XML and JSON.  Not installed.
 *
 * Node-link JSON nests (metrics, relations, evidence); these formats want one
 * scalar per attribute and a type declared once per attribute.  A table lists
 * the columns that at least one node (link) has a value for, in a fixed order:
 *
 *   nodes: label type aliases affiliation role place country start end status
 *          first_seen last_seen mentions community stability, every metric
 *          (as named by analysis), then the foreign attributes read from a
 *          graph file, by name;
 *   links: weight, the relation counts (co_mention ... other, then those of
 *          a foreign graph's "relations", by name), evidence_count,
 *          documents, first_seen last_seen (from the evidence documents'
 *          dates), example, then foreign attributes;
 *   graph: generator, documents (as JSON), then the graph attributes
 *          (community_method, modularity, ...).
 *
 * A metric whose name is taken by a column before it is written as
 * "metric_<name>"; a foreign attribute whose name is taken is left out (as
 * the JSON writer does).  Foreign values keep their JSON type when every row
 * agrees (booleans, integers, numbers; integers and reals together make
 * double); anything else, arrays and objects included, becomes a string
 * column holding the value as compact JSON.
 *
 * Columns are typed by value: a number column (a metric, weight, stability,
 * a foreign number) whose values are all whole numbers of at most 2^53 in
 * magnitude is a long column (degree, coreness, weight, strength in our
 * graphs), and its values are given as integers.
 */
#ifndef AG_EXPORT_ATTRS_H
#define AG_EXPORT_ATTRS_H

#include "graph/graph_int.h"

typedef enum { AG_ATTR_BOOL, AG_ATTR_LONG, AG_ATTR_DOUBLE, AG_ATTR_STRING } ag_attr_type;

/* The largest magnitude a whole-number column may hold and still be long (2^53). */
#define AG_ATTR_WHOLE_MAX 9007199254740992.0

typedef enum { AG_COL_FIELD, AG_COL_METRIC, AG_COL_RELATION, AG_COL_EXTRA } ag_col_kind;

/* The fixed fields (AG_COL_FIELD), nodes, links and graph in one numbering. */
enum {
	AG_NF_LABEL, AG_NF_TYPE, AG_NF_ALIASES, AG_NF_AFFILIATION, AG_NF_ROLE, AG_NF_PLACE,
	AG_NF_COUNTRY, AG_NF_START, AG_NF_END, AG_NF_STATUS, AG_NF_FIRST_SEEN, AG_NF_LAST_SEEN,
	AG_NF_MENTIONS, AG_NF_COMMUNITY, AG_NF_STABILITY,
	AG_LF_WEIGHT, AG_LF_EVIDENCE_COUNT, AG_LF_DOCUMENTS, AG_LF_FIRST_SEEN, AG_LF_LAST_SEEN,
	AG_LF_EXAMPLE,
	AG_GF_GENERATOR, AG_GF_DOCUMENTS
};

/* Where an AG_COL_EXTRA column's value is: in the extra object, or in its
 * "relations" object (a link's foreign relation counts). */
enum { AG_EXTRA_TOP, AG_EXTRA_RELATIONS };

typedef struct {
	char *name;        /* the attribute name written; unique in its table */
	ag_attr_type type;
	ag_col_kind kind;
	int field;         /* AG_NF_* / AG_LF_* / AG_GF_*; metric slot; relation; AG_EXTRA_* */
	char *key;         /* AG_COL_EXTRA: the key in the row's extra object */
} ag_attr_col;

typedef struct {
	ag_attr_col *cols;
	size_t count, cap;
} ag_attr_table;

/* One value, in its column's type.  `s` is borrowed from the graph or from
 * the scratch buffer given to the getter, valid until either changes. */
typedef struct {
	ag_attr_type type;
	int b;
	long long i;
	double d;
	const char *s;
} ag_attr_value;

/* Build the column table of g's nodes, links or graph attributes (g sorted
 * by the caller).  Free with ag__attr_table_free, also after a failure. */
int ag__attr_nodes(const ag_graph *g, ag_attr_table *t);
int ag__attr_links(const ag_graph *g, ag_attr_table *t);
int ag__attr_graph(const ag_graph *g, ag_attr_table *t);
void ag__attr_table_free(ag_attr_table *t);

/* The value of column c for node (link) `i`, or of the graph: 1 and *v when
 * present, 0 when missing (NULL, NaN, infinite, no community), or <0. */
int ag__attr_node_value(const ag_graph *g, size_t i, const ag_attr_col *c, ag_buf *scratch,
                        ag_attr_value *v);
int ag__attr_link_value(const ag_graph *g, size_t i, const ag_attr_col *c, ag_buf *scratch,
                        ag_attr_value *v);
int ag__attr_graph_value(const ag_graph *g, const ag_attr_col *c, ag_buf *scratch, ag_attr_value *v);

/* The foreign JSON value of an AG_COL_EXTRA column in a row's extra object
 * (borrowed), or NULL. */
json_t *ag__attr_extra(const json_t *extra, const ag_attr_col *c);

/* A value as text: "true"/"false", %lld, %.12g (always with a '.' decimal
 * point), or the string itself.  `num` holds the digits. */
const char *ag__attr_text(const ag_attr_value *v, char num[64]);

/* Type names: "boolean", "long", "double", "string" (GraphML and GEXF agree). */
const char *ag__attr_type_name(ag_attr_type t);

/*
 * The id of link j in every export: "e<j>" (j in sorted order), with '_'
 * appended while a node has that id, so ids are unique across nodes and
 * links (Cytoscape keeps both in one id space).
 */
int ag__link_id(const ag_graph *g, size_t j, ag_buf *out);

/*
 * Append s to b escaped for XML 1.0 text, or (attr) for an attribute value
 * between double quotes: & < > (and in attributes " ') as entities, CR (and
 * in attributes TAB and LF) as character references.  Characters XML 1.0 forbids are replaced
 * one for one so that distinct strings stay distinct: the C0 control bytes
 * and DEL by their Unicode "control pictures" (U+2400 + byte, U+2421), bytes
 * that are not UTF-8, and U+FFFE/U+FFFF, by U+FFFD.
 */
int ag__xml_escape(ag_buf *b, const char *s, int attr);

/*
 * `s` as valid UTF-8 (each byte that is not part of a valid sequence replaced
 * by U+FFFD): s itself when it is valid, else a copy in `scratch`.  NULL on
 * out of memory.  For jansson, which refuses invalid strings.
 */
const char *ag__utf8_clean(const char *s, ag_buf *scratch);

/* A new JSON string of s made valid UTF-8 (json null for NULL; NULL when out of memory). */
json_t *ag__json_clean_string(const char *s);

#endif
