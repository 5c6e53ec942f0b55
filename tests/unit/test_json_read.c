/*
 * test_json_read.c - the node-link reader reads element by element and
 * falls back to a whole jansson tree when anything is unexpected; both give
 * the same graph (written back byte for byte the same) or the same error
 * message.  Inputs: hand-written cases (networkx files, "edges", a key
 * twice, trailing commas, garbage after the object, bad UTF-8, a NUL in a
 * key, deep nesting, the graph object after the links) and 4,000 mutations
 * of a graph of our own (bytes dropped, doubled and replaced, from a fixed
 * seed).  And the element-by-element path does hold less: a graph of
 * 20,000 links is read with much less memory than its tree would take
 * (checked through the jansson allocator's peak).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "format/json_read.h"
#include <actorgraph.h>

static void same_read(const char *text, size_t len)
{
	ag_graph *a = NULL, *b = NULL;
	int ra = ag__graph_from_json_whole(text, len, "t.json", &a);
	char *why = ra < 0 ? strdup(ag_error_last()) : NULL;
	int rb = ag_graph_from_json(text, len, "t.json", &b);

	if ((ra < 0) != (rb < 0))
		fail_msg("whole %d, by element %d, for: %.*s", ra, rb, (int)(len > 300 ? 300 : len), text);
	if (ra < 0) {
		assert_int_equal(ra, rb);
		if (strcmp(why, ag_error_last()) != 0)
			fail_msg("whole: %s\nby element: %s", why, ag_error_last());
	} else {
		char *ja, *jb;
		size_t la, lb;
		assert_int_equal(ag_graph_to_json(a, &ja, &la), 0);
		assert_int_equal(ag_graph_to_json(b, &jb, &lb), 0);
		if (la != lb || memcmp(ja, jb, la) != 0)
			fail_msg("different graphs for: %.*s", (int)(len > 300 ? 300 : len), text);
		free(ja);
		free(jb);
	}
	free(why);
	ag_graph_free(a);
	ag_graph_free(b);
}

static void test_cases(void **state)
{
	static const char *const cases[] = {
		"{\"directed\": false, \"multigraph\": false, \"graph\": {}, \"nodes\": [{\"id\": 1}, {\"id\": 2}], "
		"\"links\": [{\"source\": 1, \"target\": 2}]}",
		"{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"edges\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": 2.5}]}",
		"{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"edges\": [{\"source\": \"a\", \"target\": \"b\"}], \"links\": []}",
		"{\"nodes\": [], \"nodes\": []}",
		"{\"nodes\": [{\"id\": \"a\", \"id\": \"b\"}]}",
		"{\"nodes\": [{\"id\": \"a\"},], \"links\": []}",
		"{\"nodes\": [{\"id\": \"a\"} {\"id\": \"b\"}]}",
		"{\"nodes\": []} x",
		"[1,2]",
		"{\"links\": []}",
		"{\"nodes\": {}}",
		"{\"nodes\": [], \"links\": 5}",
		"{\"nodes\": [5]}",
		"{\"nodes\": [{\"label\": \"x\"}]}",
		"{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"zz\"}]}",
		"{\"nodes\": [{\"id\": \"a\"}, {\"id\": 1}], \"links\": [{\"source\": \"a\", \"target\": 1}, {\"source\": ]}",
		"{\"nodes\": [{\"id\": \"a",
		"{\"nodes\": [{\"id\": \"a\\\"b\\\\\"}, {\"id\": \"c\\u00e9\"}], \"links\": [{\"source\": \"a\\\"b\\\\\", "
		"\"target\": \"c\\u00e9\"}]}",
		"{\"nodes\": [], \"\\u0000\": 1}",
		"{\"nodes\": [], \"foo\": [1,,2]}",
		"{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\", \"evidence\": "
		"[{\"doc\": \"d1\", \"start\": 0, \"end\": 3}]}], \"graph\": {\"documents\": [{\"id\": \"d1\", \"path\": \"p\", "
		"\"date\": \"2026-01-02\"}], \"name\": \"x\"}}",
		"{}", "  \n {  \"nodes\" : [ ] , \"links\" : [ ] }  \n", "\xEF\xBB\xBF{\"nodes\": []}",
		"{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\"}]}",
		"{\"directed\": true, \"multigraph\": true, \"nodes\": [{\"id\": \"a\"},{\"id\": \"b\"}], \"links\": [{\"source\": "
		"\"a\", \"target\": \"b\", \"key\": 0}, {\"source\": \"b\", \"target\": \"a\", \"key\": 1}]}",
		"{\"nodes\": [{\"id\": \"a\xff\"}]}", "{\"nodes\": [], \"x\": 1e999}", "", " ", "{", "{\"nodes\"", "{\"nodes\":",
		"{\"nodes\": [", "{\"nodes\": []", "{\"nodes\": [] ,}", "{\"nodes\": [\"a\"]}", "{\"nodes\": [{\"id\": \"a\"}]\t}",
	};
	char deep[8200];
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		same_read(cases[i], strlen(cases[i]));
	same_read("{\"nodes\": [{\"id\": \"a\0\"}]}", 22); /* a NUL byte */
	memcpy(deep, "{\"nodes\": [], \"x\": ", 19);
	memset(deep + 19, '[', 4000);
	memset(deep + 4019, ']', 4000);
	memcpy(deep + 8019, "}", 2);
	same_read(deep, strlen(deep));
}

/* A graph of our own with what the reader must carry: documents, evidence,
 * examples, metrics, extra attributes, odd strings. */
static char *sample_json(size_t *len, int links)
{
	ag_graph *g;
	char *json;
	size_t d;
	assert_int_equal(ag_graph_new(&g), 0);
	assert_int_equal(ag_graph_add_document(g, "doc \"1\"", "a/b.txt", "2026-03-01", &d), 0);
	for (int k = 0; k < links; k++) {
		char a[32], b[32];
		size_t ia, ib;
		ag_evidence ev = {d, (size_t)k, (size_t)k + 9};
		snprintf(a, sizeof(a), "person:p%d", k % 53);
		snprintf(b, sizeof(b), "state:s\xc3\xa9%d", k % 17);
		assert_int_equal(ag_graph_add_node(g, a, AG_NODE_PERSON, "Ann \"<Lee>\" \\ \t", &ia), 0);
		assert_int_equal(ag_graph_add_node(g, b, AG_NODE_STATE, NULL, &ib), 0);
		assert_int_equal(ag_graph_add_link(g, ia, ib, (ag_relation)(k % 3), 1, &ev), 0);
	}
	assert_int_equal(ag_graph_sort(g), 0);
	assert_int_equal(ag_graph_to_json(g, &json, len), 0);
	ag_graph_free(g);
	return json;
}

static uint64_t rng = 0x853C49E6748FEA9Bull;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void test_mutations(void **state)
{
	static const char bytes[] = "{}[],:\" \\0123456789.eE-+truefalsnl\xc3\xff\n";
	size_t len;
	char *json = sample_json(&len, 12);
	char *buf = malloc(len * 2 + 16);
	(void)state;
	assert_non_null(buf);
	same_read(json, len);
	for (int k = 0; k < 4000; k++) {
		size_t n = len, edits = 1 + next() % 3;
		memcpy(buf, json, len);
		for (size_t e = 0; e < edits && n > 1; e++) {
			size_t at = next() % n;
			switch (next() % 3) {
			case 0: /* drop a byte */
				memmove(buf + at, buf + at + 1, n - at - 1);
				n--;
				break;
			case 1: /* double one */
				memmove(buf + at + 1, buf + at, n - at);
				n++;
				break;
			default: /* replace one */
				buf[at] = bytes[next() % (sizeof(bytes) - 1)];
				break;
			}
		}
		same_read(buf, n);
	}
	free(buf);
	free(json);
}

/* The jansson allocator's live bytes, and their peak. */
static size_t live, peak;
static void *counting_malloc(size_t n)
{
	size_t *p = malloc(n + sizeof(size_t));
	if (!p)
		return NULL;
	*p = n;
	live += n;
	if (live > peak)
		peak = live;
	return p + 1;
}
static void counting_free(void *q)
{
	size_t *p = q;
	if (!p)
		return;
	live -= p[-1];
	free(p - 1);
}

static void test_memory(void **state)
{
	size_t len, whole, streamed;
	char *json = sample_json(&len, 20000);
	ag_graph *g;
	json_malloc_t om;
	json_free_t of;
	(void)state;
	/* both readers once first: their one-time set-up is not counted */
	assert_int_equal(ag__graph_from_json_whole("{\"nodes\": []}", 13, "t", &g), 0);
	ag_graph_free(g);
	json_get_alloc_funcs(&om, &of);
	json_set_alloc_funcs(counting_malloc, counting_free);
	peak = live = 0;
	assert_int_equal(ag__graph_from_json_whole(json, len, "t.json", &g), 0);
	whole = peak;
	ag_graph_free(g);
	peak = live = 0;
	assert_int_equal(ag_graph_from_json(json, len, "t.json", &g), 0);
	streamed = peak;
	ag_graph_free(g);
	json_set_alloc_funcs(om, of);
	if (streamed * 20 > whole)
		fail_msg("jansson peak: whole %zu bytes, by element %zu", whole, streamed);
	free(json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
