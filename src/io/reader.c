/*
 * reader.c - the reader (ag_reader_*): a stream of documents from its inputs.
 * Folders are walked in name order (each once, against symbolic link loops),
 * document ids are made unique, JSONL files are read line by line (the fast
 * scanner of io/jsonl.h first, jansson when it is not sure), and standard
 * input is JSONL when it starts with '{', else one text.  Files and records
 * it cannot use are skipped with a warning through the options' callback.
 */
#define _DEFAULT_SOURCE /* DT_REG: struct dirent's d_type (glibc, the BSDs) */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <zlib.h>
#include <jansson.h>

#include "actorgraph/ingest.h"
#include "io/document.h"
#include "io/file.h"
#include "io/jsonl.h"
#include "util/util.h"

#define DEFAULT_MAX_DOC ((size_t)256 << 20)

typedef struct {
	dev_t dev;
	ino_t ino;
} dir_id;

struct ag_reader {
	char **pending; /* a stack: the next path is at the end */
	size_t n_pending, cap_pending;
	dir_id *seen_dirs;
	size_t n_seen, cap_seen;
	ag_strmap ids; /* document ids handed out, to keep them unique */
	ag_ingest_options opts;
	size_t bytes_read;
	char **inputs;        /* the inputs as given, for ag_reader_position's total */
	size_t n_inputs;
	uint64_t disk_done;   /* input files finished, as stored on disk */
	uint64_t disk_total;  /* their sum over all inputs, once counted */
	int total_state;      /* 0 = not counted yet, 1 = counted, -1 = unknown (stdin) */
	uint64_t jsonl_size;  /* the current JSONL file's size on disk */
	/* the JSONL file being read, if any */
	gzFile jsonl;
	char *jsonl_path;
	size_t jsonl_line;
	ag_buf line;
	char chunk[AG_IO_CHUNK];
	size_t chunk_pos, chunk_len;
	bool chunk_eof;
};

static void warn(ag_reader *r, const char *fmt, ...) AG_PRINTF(2, 3);
static void warn(ag_reader *r, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	if (!r->opts.warn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	r->opts.warn(r->opts.warn_ctx, msg);
}

static int push(ag_reader *r, const char *path)
{
	char *copy;
	if (AG_GROW(r->pending, r->cap_pending, r->n_pending + 1) < 0 || !(copy = ag__strdup(path)))
		return AG_ENOMEM;
	r->pending[r->n_pending++] = copy;
	return 0;
}

int ag_reader_open(const char *const *inputs, size_t n, const ag_ingest_options *opts, ag_reader **out)
{
	ag_reader *r;
	ag_ingest_options defaults = AG_INGEST_OPTIONS_INIT;

	AG_CHECK_ARGS(out && (inputs || n == 0));
	for (size_t i = 0; i < n; i++)
		AG_CHECK_ARGS(inputs[i]);
	AG_CHECK_OPTIONS(opts, AG_INGEST_OPTIONS_VERSION, "AG_INGEST_OPTIONS_INIT");
	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return ag__enomem();
	r->opts = opts ? *opts : defaults;
	if (!r->opts.max_doc_bytes)
		r->opts.max_doc_bytes = DEFAULT_MAX_DOC;
	if (n && !(r->inputs = calloc(n, sizeof(*r->inputs)))) {
		free(r);
		return ag__enomem();
	}
	for (; r->n_inputs < n; r->n_inputs++) {
		if (!(r->inputs[r->n_inputs] = ag__strdup(inputs[r->n_inputs]))) {
			ag_reader_free(r);
			return ag__enomem();
		}
	}
	/* pushed in reverse so that they come out in the order given */
	for (size_t i = n; i-- > 0;) {
		if (push(r, inputs[i]) < 0) {
			ag_reader_free(r);
			return AG_ENOMEM;
		}
	}
	*out = r;
	return 0;
}

size_t ag_reader_bytes_read(const ag_reader *r)
{
	return r ? r->bytes_read : 0;
}

void ag_reader_free(ag_reader *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_pending; i++)
		free(r->pending[i]);
	free(r->pending);
	for (size_t i = 0; i < r->n_inputs; i++)
		free(r->inputs[i]);
	free(r->inputs);
	free(r->seen_dirs);
	ag__strmap_free(&r->ids);
	if (r->jsonl)
		gzclose(r->jsonl);
	free(r->jsonl_path);
	ag__buf_free(&r->line);
	free(r);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool is_jsonl(const char *path)
{
	return ends_with(path, ".jsonl") || ends_with(path, ".jsonl.gz") || ends_with(path, ".ndjson");
}

static bool is_input_name(const char *name)
{
	return ends_with(name, ".txt") || ends_with(name, ".txt.gz") || is_jsonl(name);
}

/* Is a folder entry a regular file, as its listing says (d_type: no stat()
 * needed)?  False where the system does not say, or for a link. */
#ifdef DT_REG
#define ENTRY_IS_FILE(e) ((e)->d_type == DT_REG)
#else
#define ENTRY_IS_FILE(e) false
#endif

/* Add up the on-disk size of what the reader will read under path: the same
 * files expand_dir() keeps.  Folders deeper than 64 levels (a symbolic link
 * loop) are not followed; what cannot be read counts as nothing. */
static void count_sizes(const char *path, int depth, uint64_t *sum)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	ag_buf b = {0};

	if (stat(path, &st) < 0)
		return;
	if (S_ISREG(st.st_mode)) {
		*sum += (uint64_t)st.st_size;
		return;
	}
	if (!S_ISDIR(st.st_mode) || depth > 64 || !(d = opendir(path)))
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		ag__buf_clear(&b);
		if (ag__buf_printf(&b, "%s%s%s", path, ends_with(path, "/") ? "" : "/", e->d_name) < 0)
			break;
		/* the folder's listing says what most entries are: no stat() for
		 * a file that is no input */
		if (ENTRY_IS_FILE(e) && !is_input_name(b.data))
			continue;
		if (stat(b.data, &st) < 0 || (!S_ISDIR(st.st_mode) && !is_input_name(b.data)))
			continue;
		if (S_ISREG(st.st_mode))
			*sum += (uint64_t)st.st_size; /* what the call below would add, without its stat() */
		else
			count_sizes(b.data, depth + 1, sum);
	}
	closedir(d);
	ag__buf_free(&b);
}

void ag_reader_position(ag_reader *r, uint64_t *done, uint64_t *total)
{
	uint64_t at;
	if (!r || !done || !total) { /* no int to return AG_EINVAL with */
		if (done)
			*done = 0;
		if (total)
			*total = 0;
		return;
	}
	at = r->disk_done;
	if (r->total_state == 0) {
		r->total_state = 1;
		r->disk_total = 0;
		for (size_t i = 0; i < r->n_inputs; i++) {
			if (strcmp(r->inputs[i], "-") == 0)
				r->total_state = -1;
			else
				count_sizes(r->inputs[i], 0, &r->disk_total);
		}
	}
	if (r->jsonl && r->jsonl_size) {
		z_off_t off = gzoffset(r->jsonl);
		at += off > 0 ? ((uint64_t)off < r->jsonl_size ? (uint64_t)off : r->jsonl_size) : 0;
	}
	*done = at;
	*total = r->total_state > 0 ? (r->disk_total > at ? r->disk_total : at) : 0;
}

/* A folder entry: its path, and whether the listing told that it is a
 * regular file with an input's name (no stat() needed to keep it). */
typedef struct {
	char *path;
	bool known;
} entry;

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

/* Queue a folder's entries (sorted, reversed onto the stack). */
static int expand_dir(ag_reader *r, const char *path, const struct stat *st)
{
	DIR *d;
	struct dirent *e;
	entry *names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	for (size_t i = 0; i < r->n_seen; i++) {
		if (r->seen_dirs[i].dev == st->st_dev && r->seen_dirs[i].ino == st->st_ino) {
			warn(r, "%s: folder already read (a symbolic link loop?), skipped", path);
			return 0;
		}
	}
	if (AG_GROW(r->seen_dirs, r->cap_seen, r->n_seen + 1) < 0)
		return AG_ENOMEM;
	r->seen_dirs[r->n_seen].dev = st->st_dev;
	r->seen_dirs[r->n_seen++].ino = st->st_ino;
	if (!(d = opendir(path)))
		return ag__error(AG_EIO, "%s: %s", path, strerror(errno));
	while ((e = readdir(d))) {
		char *full;
		size_t len;
		if (e->d_name[0] == '.')
			continue;
		len = strlen(path) + strlen(e->d_name) + 2;
		if (AG_GROW(names, cap, n + 1) < 0 || !(full = malloc(len))) {
			rc = AG_ENOMEM;
			break;
		}
		snprintf(full, len, "%s%s%s", path, ends_with(path, "/") ? "" : "/", e->d_name);
		names[n].path = full;
		names[n++].known = ENTRY_IS_FILE(e) && is_input_name(full);
	}
	closedir(d);
	if (rc == 0) {
		if (n)
			qsort(names, n, sizeof(*names), entry_cmp);
		/* skip (with a warning, in name order) what is not an input */
		for (size_t i = 0; i < n; i++) {
			struct stat est;
			if (names[i].known)
				continue;
			if (stat(names[i].path, &est) < 0) {
				/* a dangling symbolic link, or one that points to itself */
				if (errno != ENOENT && errno != ELOOP)
					continue; /* reported when it is read */
				warn(r, "%s: %s, skipped", names[i].path, strerror(errno));
			} else if (S_ISDIR(est.st_mode) || is_input_name(names[i].path)) {
				continue;
			} else {
				warn(r, "%s: not a .txt or .jsonl file, skipped", names[i].path);
			}
			free(names[i].path);
			names[i].path = NULL;
		}
		for (size_t i = n; i-- > 0;) {
			if (names[i].path && push(r, names[i].path) < 0) {
				rc = AG_ENOMEM;
				break;
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i].path);
	free(names);
	return rc;
}

/* The document id: the file name without folders and extensions, unique. */
static int make_id(ag_reader *r, const char *path, const char *given, char **out)
{
	char buf[512];
	const char *base = given;
	size_t len;
	ag_buf b = {0};

	if (!base) {
		base = strrchr(path, '/');
		base = base ? base + 1 : path;
		if (strcmp(path, "-") == 0)
			base = "stdin";
	}
	len = strlen(base);
	if (!given) {
		snprintf(buf, sizeof(buf), "%s", base);
		len = strlen(buf);
		if (len > 3 && strcmp(buf + len - 3, ".gz") == 0)
			buf[len -= 3] = '\0';
		{
			char *dot = strrchr(buf, '.');
			if (dot && dot != buf)
				*dot = '\0';
		}
		base = buf;
	}
	if (ag__buf_puts(&b, base) < 0)
		return AG_ENOMEM;
	for (unsigned k = 2; ag__strmap_get(&r->ids, b.data, NULL); k++) {
		ag__buf_clear(&b);
		if (ag__buf_printf(&b, "%s~%u", base, k) < 0)
			return AG_ENOMEM;
	}
	if (strcmp(b.data, base) != 0)
		warn(r, "%s: document id '%s' already used, this one is '%s'", path, base, b.data);
	if (ag__strmap_put(&r->ids, b.data, 1) < 0) {
		ag__buf_free(&b);
		return AG_ENOMEM;
	}
	*out = ag__buf_detach(&b);
	return *out ? 0 : AG_ENOMEM;
}

/* Read one line of the current JSONL file into r->line: 1, 0 at the end, or
 * 2 for a line over the document limit (read past, not kept). */
static int jsonl_getline(ag_reader *r)
{
	bool too_long = false;
	ag__buf_clear(&r->line);
	for (;;) {
		if (r->chunk_pos == r->chunk_len) {
			int n;
			if (r->chunk_eof)
				return too_long ? 2 : r->line.len ? 1 : 0;
			n = gzread(r->jsonl, r->chunk, sizeof(r->chunk));
			if (n < 0 || (n == 0 && ag__gz_failed(r->jsonl)))
				return ag__gz_fail(r->jsonl, r->jsonl_path);
			if (n == 0) {
				r->chunk_eof = true;
				continue;
			}
			r->chunk_pos = 0;
			r->chunk_len = (size_t)n;
			r->bytes_read += (size_t)n;
		}
		{
			char *start = r->chunk + r->chunk_pos;
			char *nl = memchr(start, '\n', r->chunk_len - r->chunk_pos);
			size_t take = nl ? (size_t)(nl - start) : r->chunk_len - r->chunk_pos;
			if (!too_long && r->line.len + take > r->opts.max_doc_bytes) {
				too_long = true;
				ag__buf_clear(&r->line);
			}
			if (!too_long && ag__buf_append(&r->line, start, take) < 0)
				return ag__error(AG_ENOMEM, "%s: line %zu: out of memory", r->jsonl_path, r->jsonl_line + 1);
			r->chunk_pos += take + (nl ? 1 : 0);
			if (nl)
				return too_long ? 2 : 1;
		}
	}
}

static void close_jsonl(ag_reader *r)
{
	r->disk_done += r->jsonl_size;
	r->jsonl_size = 0;
	gzclose(r->jsonl);
	r->jsonl = NULL;
	free(r->jsonl_path);
	r->jsonl_path = NULL;
}

/* The document of a record ag__jsonl_record() read: as next_jsonl() makes
 * it from the jansson tree. */
static int next_fast(ag_reader *r, const ag_jsonl_rec *fr, ag_document **out)
{
	char idbuf[64];
	char *given = NULL, *docid = NULL, *text = NULL, *date = NULL;
	size_t len;
	int rc = 0;

	if (fr->id_str.set) {
		if (!(given = malloc(fr->id_str.n + 1)))
			rc = AG_ENOMEM;
		else if (!ag__jsonl_decode(&fr->id_str, given)) {
			free(given);
			given = NULL;
		}
	} else if (fr->id_int) {
		snprintf(idbuf, sizeof(idbuf), "%lld", fr->id);
		if (!(given = ag__strdup(idbuf)))
			rc = AG_ENOMEM;
	}
	if (rc == 0) {
		if (!given) {
			char pathid[600];
			const char *base = strrchr(r->jsonl_path, '/');
			snprintf(idbuf, sizeof(idbuf), "line%zu", r->jsonl_line);
			snprintf(pathid, sizeof(pathid), "%s:%s", base ? base + 1 : r->jsonl_path, idbuf);
			rc = make_id(r, r->jsonl_path, pathid, &docid);
		} else {
			rc = make_id(r, r->jsonl_path, given, &docid);
		}
	}
	free(given);
	if (rc == 0 && !(text = malloc(fr->text.n + 1)))
		rc = AG_ENOMEM;
	if (rc == 0) {
		len = ag__jsonl_decode(&fr->text, text);
		rc = ag__document_take(docid, text, len, out);
	}
	free(docid);
	if (rc < 0)
		ag__error(rc, "%s: line %zu: out of memory", r->jsonl_path, r->jsonl_line);
	if (rc == 0) {
		if (fr->date.set && (date = malloc(fr->date.n + 1)))
			ag__jsonl_decode(&fr->date, date);
		if ((fr->date.set && !date) || !((*out)->path = ag__strdup(r->jsonl_path))) {
			free(date);
			ag_document_free(*out);
			*out = NULL;
			rc = AG_ENOMEM;
		} else {
			(*out)->date = date;
		}
	}
	return rc;
}

static int next_jsonl(ag_reader *r, ag_document **out)
{
	for (;;) {
		json_error_t err;
		json_t *rec, *text, *id, *date;
		ag_jsonl_rec fr;
		char idbuf[64];
		const char *given = NULL;
		char *docid = NULL;
		int rc = jsonl_getline(r);

		if (rc <= 0) {
			if (rc < 0) {
				close_jsonl(r);
				return rc;
			}
			close_jsonl(r);
			return 0;
		}
		r->jsonl_line++;
		if (rc == 2) {
			warn(r, "%s: line %zu: longer than the limit of %zu MB, record skipped",
			     r->jsonl_path, r->jsonl_line, r->opts.max_doc_bytes >> 20);
			continue;
		}
		{
			size_t k = 0;
			while (k < r->line.len && (r->line.data[k] == ' ' || r->line.data[k] == '\t' || r->line.data[k] == '\r'))
				k++;
			if (k == r->line.len)
				continue;
		}
		if (ag__jsonl_record(r->line.data, r->line.len, &fr)) {
			rc = next_fast(r, &fr, out);
			return rc < 0 ? rc : 1;
		}
		rec = json_loadb(r->line.data, r->line.len, 0, &err);
		if (!rec) {
			warn(r, "%s: line %zu, column %d: %s; record skipped", r->jsonl_path, r->jsonl_line,
			     err.column, err.text);
			continue;
		}
		text = json_object_get(rec, "text");
		if (!json_is_string(text)) {
			warn(r, "%s: line %zu: no \"text\" string; record skipped", r->jsonl_path, r->jsonl_line);
			json_decref(rec);
			continue;
		}
		id = json_object_get(rec, "id");
		if (json_is_string(id) && *json_string_value(id))
			given = json_string_value(id);
		else if (json_is_integer(id))
			snprintf(idbuf, sizeof(idbuf), "%" JSON_INTEGER_FORMAT, json_integer_value(id)), given = idbuf;
		else
			snprintf(idbuf, sizeof(idbuf), "line%zu", r->jsonl_line), given = NULL;
		if (!given) {
			char pathid[600];
			const char *base = strrchr(r->jsonl_path, '/');
			snprintf(pathid, sizeof(pathid), "%s:%s", base ? base + 1 : r->jsonl_path, idbuf);
			rc = make_id(r, r->jsonl_path, pathid, &docid);
		} else {
			rc = make_id(r, r->jsonl_path, given, &docid);
		}
		if (rc == 0)
			rc = ag_document_new(docid, json_string_value(text), json_string_length(text), out);
		free(docid);
		if (rc < 0)
			ag__error(rc, "%s: line %zu: out of memory", r->jsonl_path, r->jsonl_line);
		if (rc == 0) {
			date = json_object_get(rec, "date");
			if ((json_is_string(date) && !((*out)->date = ag__strdup(json_string_value(date)))) ||
			    !((*out)->path = ag__strdup(r->jsonl_path))) {
				ag_document_free(*out);
				*out = NULL;
				rc = AG_ENOMEM;
			}
		}
		json_decref(rec);
		return rc < 0 ? rc : 1;
	}
}

/* Standard input is open as r->jsonl: read its first chunk and say whether
 * it is JSONL (1: its first character other than white space or a byte order
 * mark is '{'), 0 when it is to be read as one text, or an error (the reader
 * is then closed). */
static int stdin_is_jsonl(ag_reader *r)
{
	int n = gzread(r->jsonl, r->chunk, sizeof(r->chunk));
	size_t k = 0;
	if (n < 0 || (n == 0 && ag__gz_failed(r->jsonl))) {
		int rc = ag__gz_fail(r->jsonl, r->jsonl_path);
		close_jsonl(r);
		return rc;
	}
	r->chunk_len = (size_t)n;
	r->chunk_eof = n == 0;
	r->bytes_read += (size_t)n;
	if (r->chunk_len >= 3 && memcmp(r->chunk, "\xEF\xBB\xBF", 3) == 0)
		k = 3;
	while (k < r->chunk_len && strchr(" \t\r\n", r->chunk[k]))
		k++;
	return k < r->chunk_len && r->chunk[k] == '{';
}

/* The rest of standard input (r->jsonl: the chunk read so far and what
 * follows) as one text; the stream is closed.  AG_ELIMIT over max_doc_bytes. */
static int read_rest(ag_reader *r, char **out, size_t *len)
{
	ag_buf b = {0};
	size_t before;
	int rc = 0;
	*out = NULL;
	if (r->chunk_len > r->opts.max_doc_bytes)
		rc = ag__error(AG_ELIMIT, "-: larger than the limit of %zu MB", r->opts.max_doc_bytes >> 20);
	else if (ag__buf_append(&b, r->chunk, r->chunk_len) < 0)
		rc = ag__error(AG_ENOMEM, "-: out of memory after %zu MB", (size_t)0);
	before = b.len;
	if (rc == 0) /* at the end already, gzread just says so again */
		rc = ag__gz_read_rest(r->jsonl, r->jsonl_path, r->opts.max_doc_bytes, &b);
	close_jsonl(r);
	if (rc < 0) {
		ag__buf_free(&b);
		return rc;
	}
	r->bytes_read += b.len - before;
	*len = b.len;
	*out = ag__buf_detach(&b);
	return 0;
}

int ag_reader_next(ag_reader *r, ag_document **out)
{
	AG_CHECK_ARGS(r && out);
	*out = NULL;
	for (;;) {
		char *path;
		struct stat st;
		int rc;

		if (r->jsonl) {
			rc = next_jsonl(r, out);
			if (rc != 0)
				return rc;
			continue;
		}
		if (!r->n_pending)
			return 0;
		path = r->pending[--r->n_pending];
		if (strcmp(path, "-") != 0) {
			if (stat(path, &st) < 0) {
				rc = ag__error(AG_EIO, "%s: %s", path, strerror(errno));
				free(path);
				return rc;
			}
			if (S_ISDIR(st.st_mode)) {
				rc = expand_dir(r, path, &st);
				free(path);
				if (rc < 0)
					return rc;
				continue;
			}
			if (!S_ISREG(st.st_mode)) {
				warn(r, "%s: not a regular file, skipped", path);
				free(path);
				continue;
			}
		}
		if (is_jsonl(path) || strcmp(path, "-") == 0) {
			if ((rc = ag__gz_open(path, &r->jsonl)) < 0) {
				free(path);
				return rc;
			}
			r->jsonl_path = path;
			r->jsonl_size = strcmp(path, "-") ? (uint64_t)st.st_size : 0;
			r->jsonl_line = 0;
			r->chunk_pos = r->chunk_len = 0;
			r->chunk_eof = false;
			if (strcmp(path, "-") != 0)
				continue;
			/* standard input: JSONL when it starts with '{', else one text */
			if ((rc = stdin_is_jsonl(r)) < 0)
				return rc;
			if (rc == 1)
				continue;
			if (r->chunk_eof && !r->chunk_len) {
				/* nothing at all (an empty shard of a cluster job): no document */
				warn(r, "-: standard input is empty");
				close_jsonl(r);
				continue;
			}
			if (!(path = ag__strdup("-")))
				return AG_ENOMEM;
		}
		{
			char *text = NULL, *id = NULL;
			size_t len = 0;
			rc = r->jsonl ? read_rest(r, &text, &len)
			              : ag__file_read_stat(path, strcmp(path, "-") != 0 ? &st : NULL, r->opts.max_doc_bytes, &text,
			                                   &len);
			if (rc == AG_ELIMIT) {
				warn(r, "%s, skipped", ag_error_last());
				ag_error_clear();
				free(path);
				continue;
			}
			if (rc < 0) {
				free(path);
				return rc;
			}
			if (strcmp(path, "-") != 0) {
				r->bytes_read += len;
				r->disk_done += (uint64_t)st.st_size;
			}
			{
				/* NUL bytes near the start mean a binary file, not text */
				size_t nuls = 0, scan = len < 4096 ? len : 4096;
				for (size_t i = 0; i < scan; i++)
					nuls += text[i] == '\0';
				if (nuls * 100 > scan) {
					warn(r, "%s: binary data (%zu NUL bytes in the first %zu), skipped", path, nuls, scan);
					free(text);
					free(path);
					continue;
				}
			}
			if ((rc = make_id(r, path, NULL, &id)) == 0)
				rc = ag__document_take(id, text, len, out);
			else
				free(text);
			free(id);
			if (rc == 0 && !((*out)->path = ag__strdup(path)))
				rc = AG_ENOMEM;
			if (rc == 0 && !len)
				warn(r, "%s: empty file", path);
			if (rc == 0 && (*out)->invalid_bytes)
				warn(r, "%s: not valid UTF-8 at byte %zu (%zu bytes replaced)", path,
				     (*out)->first_invalid, (*out)->invalid_bytes);
			if (rc < 0) /* every failure here is a failed allocation */
				rc = ag__error(rc, "%s: out of memory", path);
			free(path);
			if (rc < 0) {
				ag_document_free(*out);
				*out = NULL;
				return rc;
			}
			return 1;
		}
	}
}
