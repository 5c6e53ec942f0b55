/* explain.c - the command line explaining itself: "did you mean", what a
 * file that is not a graph is (and which command reads it), the output
 * format an -o name implies. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* ---- did you mean ---- */

/* Optimal string alignment distance (Levenshtein with transpositions) of
 * two short strings; anything past 63 bytes counts as different. */
static size_t distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), d[64][64];

	if (n > 63 || m > 63)
		return 99;
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1], best = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[n][m];
}

const char *cli_suggest(const char *word, const char *const *choices, size_t n)
{
	const char *best = NULL, *prefixed = NULL;
	size_t best_d = 99, len = strlen(word), prefixes = 0;
	/* one typo in a short word, two in a longer one */
	size_t limit = len <= 4 ? 1 : 2;

	if (!len)
		return NULL;
	for (size_t k = 0; k < n; k++) {
		size_t d;
		if (!choices[k])
			continue;
		if (strncmp(choices[k], word, len) == 0) {
			prefixed = choices[k];
			prefixes++;
		}
		d = distance(word, choices[k]);
		if (d < best_d) {
			best_d = d;
			best = choices[k];
		}
	}
	if (best_d <= limit && best_d < len)
		return best;
	/* "--thr": the one option it begins */
	return prefixes == 1 && len >= 3 ? prefixed : NULL;
}

/* ---- what a file is ---- */

static bool has(const char *data, size_t len, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = 0; n <= len && i + n <= len; i++)
		if (memcmp(data + i, what, n) == 0)
			return true;
	return false;
}

/* Most of the first bytes are text (no NUL, few control bytes). */
static bool looks_like_text(const unsigned char *p, size_t len)
{
	size_t ctrl = 0;
	for (size_t i = 0; i < len; i++) {
		if (p[i] == 0)
			return false;
		ctrl += p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t';
	}
	return ctrl * 50 <= len;
}

const char *cli_file_kind(const char *data, size_t len)
{
	static char msg[512];
	const char *p = data;
	size_t head, lines = 0, objects = 0;
	const char *reader = "; actorgraph reads node-link JSON (such as graph.json)";

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		p += 3;
		len -= 3;
	}
	while (len && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
		p++;
		len--;
	}
	head = len < 4096 ? len : 4096;
	if (!len)
		return NULL;
	if (*p == '<') {
		if (has(p, head, "<graphml"))
			snprintf(msg, sizeof(msg), "a GraphML file, for networkx read_graphml, Gephi or yEd%s", reader);
		else if (has(p, head, "<gexf"))
			snprintf(msg, sizeof(msg), "a GEXF file, for Gephi or networkx read_gexf%s", reader);
		else if (has(p, head, "<svg"))
			snprintf(msg, sizeof(msg), "an SVG drawing (a browser shows it)%s", reader);
		else if (has(p, head, "<html") || has(p, head, "<HTML") || has(p, head, "<!DOCTYPE html"))
			snprintf(msg, sizeof(msg), "an HTML page, not a graph; the text of a page goes to "
			         "'actorgraph extract'");
		else
			snprintf(msg, sizeof(msg), "an XML file, not a graph%s", reader);
		return msg;
	}
	if ((strncmp(p, "digraph", 7) == 0 || strncmp(p, "graph", 5) == 0 || strncmp(p, "strict ", 7) == 0) &&
	    memchr(p, '{', head)) {
		snprintf(msg, sizeof(msg), "a Graphviz DOT file (dot and the other Graphviz programs read it)%s",
		         reader);
		return msg;
	}
	if (*p == '{') {
		/* several lines that are objects with a "text": documents, one per line */
		for (size_t i = 0; i < head; i++) {
			if (i == 0 || p[i - 1] == '\n') {
				lines++;
				objects += p[i] == '{';
			}
		}
		if (lines > 1 && objects == lines && has(p, head, "\"text\"")) {
			snprintf(msg, sizeof(msg), "a JSONL file of documents, not a graph: documents go to "
			         "'actorgraph extract' (or 'actorgraph build')");
			return msg;
		}
		return NULL; /* JSON: the parser's message says what is wrong with it */
	}
	if (*p == '[')
		return NULL;
	{
		const char *nl = memchr(p, '\n', head);
		size_t first = nl ? (size_t)(nl - p) : head;
		if ((first >= 6 && strncmp(p, "id,", 3) == 0) || strncmp(p, "source,target", 13) == 0) {
			snprintf(msg, sizeof(msg), "a CSV table (as render -f csv-nodes or csv-links writes)%s", reader);
			return msg;
		}
	}
	if (looks_like_text((const unsigned char *)p, head)) {
		snprintf(msg, sizeof(msg), "a text, not a graph: texts go to 'actorgraph extract' "
		         "(or 'actorgraph build')");
		return msg;
	}
	return NULL;
}

/* ---- formats ---- */

/* ASCII lower case of s into buf (at most size-1 bytes). */
static void lower(const char *s, char *buf, size_t size)
{
	size_t i = 0;
	for (; s[i] && i + 1 < size; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	buf[i] = '\0';
}

const char *cli_format_name(const char *given, const char *const *formats, char *buf, size_t size)
{
	lower(given, buf, size);
	for (size_t k = 0; formats[k]; k++)
		if (strcmp(formats[k], buf) == 0)
			return formats[k];
	return NULL;
}

const char *cli_format_of_path(const char *path, const char **why)
{
	static const struct {
		const char *ext, *format;
	} exts[] = {{"json", "json"}, {"dot", "dot"},         {"gv", "dot"},     {"svg", "svg"},
	            {"png", "png"},   {"pdf", "pdf"},         {"graphml", "graphml"}, {"gexf", "gexf"},
	            {"cyjs", "cyjs"}};
	const char *base = strrchr(path, '/'), *dot;
	char ext[16], stem[256];

	*why = NULL;
	base = base ? base + 1 : path;
	if (!(dot = strrchr(base, '.')) || dot == base || strlen(dot + 1) >= sizeof(ext))
		return NULL;
	lower(dot + 1, ext, sizeof(ext));
	if (strcmp(ext, "gz") == 0) {
		*why = "a compressed output is not written: pipe standard output through gzip";
		return NULL;
	}
	for (size_t k = 0; k < sizeof(exts) / sizeof(exts[0]); k++)
		if (strcmp(exts[k].ext, ext) == 0)
			return exts[k].format;
	if (strcmp(ext, "csv") == 0) {
		/* build's names: nodes.csv, edges.csv (or links.csv), in any name */
		bool nodes, links;
		lower(base, stem, sizeof(stem));
		nodes = strstr(stem, "node") != NULL;
		links = strstr(stem, "edge") != NULL || strstr(stem, "link") != NULL;
		if (nodes != links)
			return nodes ? "csv-nodes" : "csv-links";
		*why = "a .csv file may hold the nodes or the links: give -f csv-nodes or -f csv-links";
	}
	return NULL;
}
