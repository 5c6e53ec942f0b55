/*
 * fuzz_jsonl.c - JSONL input: each line through the fast record scanner
 * (io/jsonl.h, private) checked against jansson, then the whole input read
 * as a .jsonl file by ag_reader.
 *
 * Invariants: a line the scanner accepts is one json_loadb() reads as an
 * object with the same "text", "id" and "date" (the scanner promises to
 * accept only what jansson reads the same way); the reader returns
 * documents with an id, a path and a NUL-free text of the stated length, no
 * more documents than lines, and an error only with a message naming the
 * file.
 *
 * Fixed state (LLVMFuzzerInitialize): one file in /dev/shm (else $TMPDIR or
 * /tmp), rewritten for each input and removed at exit.  Work per input is
 * bounded: at most FUZZ_MAX_INPUT bytes, and a line limit (max_doc_bytes)
 * small enough that the fuzzer reaches it.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include <actorgraph.h>

#include "fuzz.h"
#include "io/jsonl.h"

#define FUZZ_MAX_INPUT 8192
#define FUZZ_MAX_LINE 2048

static char path[256];
static int fd = -1;
static char decoded[FUZZ_MAX_INPUT + 1];

static void remove_file(void)
{
	if (fd >= 0)
		close(fd);
	unlink(path);
}

static void ignore(void *ctx, const char *message)
{
	(void)ctx;
	FUZZ_CHECK(message && *message);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	(void)argc;
	(void)argv;
	snprintf(path, sizeof(path), "%s/ag-fuzz-jsonl-%ld.jsonl", dir, (long)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	FUZZ_CHECK(fd >= 0);
	atexit(remove_file);
	return 0;
}

/* The scanner's string equals jansson's. */
static void same_string(const ag_jsonl_str *s, json_t *v)
{
	size_t n;
	FUZZ_CHECK(json_is_string(v));
	FUZZ_CHECK(s->n <= FUZZ_MAX_INPUT);
	n = ag__jsonl_decode(s, decoded);
	FUZZ_CHECK(n == json_string_length(v) && memcmp(decoded, json_string_value(v), n) == 0);
	FUZZ_CHECK(decoded[n] == '\0');
}

static void check_line(const char *line, size_t len)
{
	ag_jsonl_rec rec;
	json_error_t err;
	json_t *o;

	memset(&rec, 0, sizeof(rec));
	if (!ag__jsonl_record(line, len, &rec))
		return;
	o = json_loadb(line, len, 0, &err);
	FUZZ_CHECK(o && json_is_object(o));
	FUZZ_CHECK(rec.text.set);
	same_string(&rec.text, json_object_get(o, "text"));
	if (rec.date.set)
		same_string(&rec.date, json_object_get(o, "date"));
	else
		FUZZ_CHECK(!json_is_string(json_object_get(o, "date")));
	if (rec.id_str.set)
		same_string(&rec.id_str, json_object_get(o, "id"));
	else if (rec.id_int)
		FUZZ_CHECK(json_is_integer(json_object_get(o, "id")) &&
		           json_integer_value(json_object_get(o, "id")) == rec.id);
	else
		FUZZ_CHECK(!json_is_string(json_object_get(o, "id")) && !json_is_integer(json_object_get(o, "id")));
	json_decref(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	ag_ingest_options io = AG_INGEST_OPTIONS_INIT;
	const char *inputs[1] = {path};
	ag_reader *r = NULL;
	ag_document *doc = NULL;
	size_t lines = 1, docs = 0;
	int rc;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	for (size_t i = 0; i < size;) {
		const char *nl = memchr(text + i, '\n', size - i);
		size_t end = nl ? (size_t)(nl - text) : size;
		check_line(text + i, end - i);
		lines += nl != NULL;
		i = end + 1;
	}

	FUZZ_CHECK(ftruncate(fd, 0) == 0);
	FUZZ_CHECK(pwrite(fd, data, size, 0) == (ssize_t)size);
	io.max_doc_bytes = FUZZ_MAX_LINE;
	io.warn = ignore;
	FUZZ_CHECK(ag_reader_open(inputs, 1, &io, &r) == 0);
	while ((rc = ag_reader_next(r, &doc)) == 1) {
		FUZZ_CHECK(doc->id && *doc->id && doc->path && doc->text);
		FUZZ_CHECK(strlen(doc->text) == doc->len && doc->len <= size);
		FUZZ_CHECK(++docs <= lines);
		ag_document_free(doc);
		doc = NULL;
	}
	if (rc < 0)
		FUZZ_CHECK(strstr(ag_error_last(), path) != NULL);
	ag_reader_free(r);
	return 0;
}
