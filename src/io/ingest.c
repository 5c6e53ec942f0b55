/*
 * ingest.c - documents from files, folders, JSONL and stdin (plain or gzip),
 * and atomic output files.
 *
 * Text keeps its byte offsets: a byte that is not part of valid UTF-8 becomes
 * '?', a NUL becomes ' ', one for one, so evidence spans point into the
 * original input.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#include <jansson.h>

#include "actorgraph/ingest.h"
#include "util/utf8.h"
#include "util/util.h"

#define DEFAULT_MAX_DOC ((size_t)256 << 20)
#define CHUNK 65536

/* Repair in place; returns the count of replaced bytes and the first offset. */
static size_t repair_utf8(char *text, size_t len, size_t *first)
{
	unsigned char *s = (unsigned char *)text;
	size_t i = 0, bad = 0;
	while (i < len) {
		size_t k;
		uint32_t cp;
		if (s[i] >= 0x20 && s[i] < 0x80) {
			i++;
			/* then 8 bytes at a time while all are in 0x20..0x7F: no byte
			 * below 0x20 (its subtraction sets its top bit) nor above */
			while (i + 8 <= len) {
				uint64_t x;
				memcpy(&x, s + i, 8);
				if (((x - 0x2020202020202020ULL) | x) & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			continue;
		}
		if (s[i] == 0) {
			if (!bad++)
				*first = i;
			s[i++] = ' ';
			continue;
		}
		k = ag__utf8_decode(s + i, len - i, &cp);
		if (k) {
			i += k;
		} else {
			if (!bad++)
				*first = i;
			s[i++] = '?';
		}
	}
	return bad;
}

/* ag_document_new() without the copy: text (malloc()ed, len + 1 bytes, NUL
 * at len) is taken over, also on failure. */
static int document_take(const char *id, char *text, size_t len, ag_document **out)
{
	ag_document *d = calloc(1, sizeof(*d));
	*out = NULL;
	if (!d || !(d->id = ag__strdup(id && *id ? id : "doc"))) {
		ag_document_free(d);
		free(text);
		return ag__enomem();
	}
	d->text = text;
	d->len = len;
	d->invalid_bytes = repair_utf8(d->text, len, &d->first_invalid);
	*out = d;
	return 0;
}

int ag_document_new(const char *id, const char *text, size_t len, ag_document **out)
{
	char *copy = malloc(len + 1);
	*out = NULL;
	if (!copy)
		return ag__enomem();
	memcpy(copy, text, len);
	copy[len] = '\0';
	return document_take(id, copy, len, out);
}

void ag_document_free(ag_document *d)
{
	if (!d)
		return;
	free(d->id);
	free(d->path);
	free(d->date);
	free(d->text);
	free(d);
}

/* ---- reading files ------------------------------------------------------ */

static int open_gz(const char *path, gzFile *out)
{
	gzFile f;
	if (strcmp(path, "-") == 0) {
		int fd = dup(0);
		f = fd >= 0 ? gzdopen(fd, "rb") : NULL;
	} else {
		f = gzopen(path, "rb");
	}
	if (!f)
		return ag__error(AG_EIO, "%s: %s", path, errno ? strerror(errno) : "cannot open");
	gzbuffer(f, CHUNK);
	*out = f;
	return 0;
}

static int gz_fail(gzFile f, const char *path)
{
	int zerr;
	const char *msg = gzerror(f, &zerr);
	if (zerr == Z_ERRNO)
		return ag__error(AG_EIO, "%s: %s", path, strerror(errno));
	/* zlib puts the name it was opened with in front: "<fd:0>: ..." or "path: ..." */
	if (msg && (strncmp(msg, "<fd:", 4) == 0 || strncmp(msg, path, strlen(path)) == 0) && strstr(msg, ": "))
		msg = strstr(msg, ": ") + 2;
	return ag__error(AG_EIO, "%s: %s", path, msg && *msg ? msg : "read error");
}

/* gzread gives 0 at the end of the data, also when a compressed file ends
 * early or is corrupt; only the error state tells those apart. */
static bool gz_failed(gzFile f)
{
	int zerr;
	gzerror(f, &zerr);
	return zerr != Z_OK;
}

/* Read the regular file open as fd with read(): 0 with *out and *len, 1 when
 * it starts with the gzip magic bytes 1F 8B (to be read through zlib, which
 * decides the same way), or an error with the messages of the zlib reader.
 * size is the file's size from stat(), a hint. */
static int read_plain(int fd, const char *path, size_t size, size_t max_bytes, char **out, size_t *len)
{
	size_t n = 0, cap, first = size < CHUNK ? CHUNK : size;
	bool checked = false;
	char *buf, probe[4096];

	if (max_bytes && first > max_bytes)
		first = max_bytes < CHUNK ? CHUNK : max_bytes; /* over the limit: fails below */
	cap = first + 1;
	if (!(buf = malloc(cap)))
		return ag__error(AG_ENOMEM, "%s: out of memory after %zu MB", path, (size_t)0);
	for (;;) {
		ssize_t r;
		bool probed = n + 1 == cap;
		if (probed) /* full: a small read tells the end from more data */
			r = read(fd, probe, sizeof(probe));
		else
			r = read(fd, buf + n, cap - 1 - n);
		if (r < 0) {
			int rc;
			if (errno == EINTR)
				continue;
			rc = ag__error(AG_EIO, "%s: %s", path, strerror(errno));
			free(buf);
			return rc;
		}
		if (probed && r > 0) {
			size_t want = cap + (cap >> 1) + (size_t)r;
			char *grown;
			if (want < cap || !(grown = realloc(buf, want))) {
				int rc = ag__error(AG_ENOMEM, "%s: out of memory after %zu MB", path, n >> 20);
				free(buf);
				return rc;
			}
			buf = grown;
			cap = want;
			memcpy(buf + n, probe, (size_t)r);
		}
		n += (size_t)r;
		if (!checked && (n >= 2 || r == 0)) {
			checked = true;
			if (n >= 2 && (unsigned char)buf[0] == 0x1F && (unsigned char)buf[1] == 0x8B) {
				free(buf);
				return 1;
			}
			if (max_bytes && size > max_bytes && n <= max_bytes)
				n = max_bytes + 1; /* known to be over the limit: no need to read it all */
		}
		if (max_bytes && n > max_bytes) {
			free(buf);
			return ag__error(AG_ELIMIT, "%s: larger than the limit of %zu MB", path, max_bytes >> 20);
		}
		if (r == 0)
			break;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* Read what is left of f onto b (which may hold text already), NUL-terminated:
 * AG_ELIMIT past max_bytes in all (0 = no limit), AG_ENOMEM, or AG_EIO with
 * zlib's message.  On an error b is freed. */
static int gz_read_rest(gzFile f, const char *path, size_t max_bytes, ag_buf *b)
{
	char chunk[CHUNK];
	int n, rc;
	while ((n = gzread(f, chunk, sizeof(chunk))) > 0) {
		if (max_bytes && b->len + (size_t)n > max_bytes) {
			rc = ag__error(AG_ELIMIT, "%s: larger than the limit of %zu MB", path, max_bytes >> 20);
			goto fail;
		}
		if (ag__buf_append(b, chunk, (size_t)n) < 0) {
			rc = ag__error(AG_ENOMEM, "%s: out of memory after %zu MB", path, b->len >> 20);
			goto fail;
		}
	}
	if (n < 0 || gz_failed(f)) {
		rc = gz_fail(f, path);
		goto fail;
	}
	if (!b->data && ag__buf_append(b, "", 0) < 0) {
		rc = AG_ENOMEM;
		goto fail;
	}
	return 0;
fail:
	ag__buf_free(b);
	return rc;
}

int ag_file_read(const char *path, size_t max_bytes, char **out, size_t *len)
{
	gzFile f;
	ag_buf b = {0};
	int rc;
	struct stat st;

	*out = NULL;
	if (strcmp(path, "-") != 0) {
		if (stat(path, &st) < 0)
			return ag__error(AG_EIO, "%s: %s", path, strerror(errno));
		if (S_ISDIR(st.st_mode))
			return ag__error(AG_EIO, "%s: is a folder", path);
		if (S_ISREG(st.st_mode)) {
			/* plain text through read(): no zlib buffers to set up and free */
			int fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd < 0)
				return ag__error(AG_EIO, "%s: %s", path, strerror(errno));
			rc = read_plain(fd, path, (size_t)st.st_size, max_bytes, out, len);
			close(fd);
			if (rc != 1)
				return rc;
		}
	}
	if ((rc = open_gz(path, &f)) < 0)
		return rc;
	rc = gz_read_rest(f, path, max_bytes, &b);
	gzclose(f);
	if (rc < 0)
		return rc;
	*len = b.len;
	*out = ag__buf_detach(&b);
	return 0;
}

/* Write all of data to an open file. */
static int write_all(int fd, const char *data, size_t len, const char *path)
{
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return ag__error(AG_EIO, "%s: %s", path, strerror(errno));
		}
		done += (size_t)w;
	}
	return 0;
}

struct ag_output {
	int fd;        /* -1 for stdout */
	char *path;    /* as given, for messages */
	char *tmp;     /* the temporary file, or NULL when written directly */
	char *target;  /* what tmp is renamed to */
};

void ag_output_abort(ag_output *o)
{
	if (!o)
		return;
	if (o->fd >= 0)
		close(o->fd);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->target);
	free(o->path);
	free(o);
}

int ag_output_open(const char *path, ag_output **out)
{
	ag_output *o = calloc(1, sizeof(*o));
	const char *slash;
	char *real = NULL;
	size_t dirlen, cap;
	struct stat st;

	*out = NULL;
	if (!o || !(o->path = ag__strdup(path))) {
		free(o);
		return ag__enomem();
	}
	o->fd = -1;
	if (strcmp(path, "-") == 0) {
		*out = o;
		return 0;
	}
	/* A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it
	 * is: a rename would put a plain file in its place. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		if ((o->fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)) < 0) {
			int rc = ag__error(AG_EIO, "%s: %s", path, strerror(errno));
			ag_output_abort(o);
			return rc;
		}
		*out = o;
		return 0;
	}
	/* Through a symbolic link, replace the file it points to, not the link. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		real = realpath(path, NULL);
	o->target = ag__strdup(real ? real : path);
	free(real);
	if (!o->target) {
		ag_output_abort(o);
		return ag__enomem();
	}
	slash = strrchr(o->target, '/');
	dirlen = slash ? (size_t)(slash - o->target) + 1 : 0;
	cap = strlen(o->target) + 48;
	if (!(o->tmp = malloc(cap))) {
		ag_output_abort(o);
		return ag__enomem();
	}
	memcpy(o->tmp, o->target, dirlen);
	/* O_EXCL with mode 0666 lets the kernel apply the umask, so no thread
	 * ever changes the process's umask to learn it */
	for (unsigned attempt = 0; o->fd < 0 && attempt < 100; attempt++) {
		static _Thread_local unsigned counter;
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(o->tmp + dirlen, cap - dirlen, ".%s.tmp%ld.%u.%ld", o->target + dirlen, (long)getpid(),
		         counter++, (long)(ts.tv_nsec % 1000000));
		o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (o->fd < 0 && errno != EEXIST)
			break;
	}
	if (o->fd < 0) {
		int rc = ag__error(AG_EIO, "%s: cannot create a temporary file beside it: %s", path, strerror(errno));
		free(o->tmp);
		o->tmp = NULL; /* nothing to remove */
		ag_output_abort(o);
		return rc;
	}
	*out = o;
	return 0;
}

int ag_output_write(ag_output *o, const char *data, size_t len)
{
	if (o->fd < 0) {
		if (len && fwrite(data, 1, len, stdout) != len)
			return ag__error(AG_EIO, "stdout: %s", strerror(errno));
		return 0;
	}
	return write_all(o->fd, data, len, o->path);
}

int ag_output_commit(ag_output *o)
{
	int rc = 0;
	if (o->fd < 0) {
		if (fflush(stdout) != 0)
			rc = ag__error(AG_EIO, "stdout: %s", strerror(errno));
	} else {
		if (o->tmp && fsync(o->fd) < 0 && errno != EINVAL)
			rc = ag__error(AG_EIO, "%s: %s", o->path, strerror(errno));
		if (close(o->fd) < 0 && rc == 0)
			rc = ag__error(AG_EIO, "%s: %s", o->path, strerror(errno));
		o->fd = -1;
		if (rc == 0 && o->tmp && rename(o->tmp, o->target) < 0)
			rc = ag__error(AG_EIO, "%s: %s", o->path, strerror(errno));
		if (rc == 0) {
			free(o->tmp);
			o->tmp = NULL; /* in place: not to be removed */
		}
	}
	ag_output_abort(o);
	return rc;
}

int ag_file_write_atomic(const char *path, const char *data, size_t len)
{
	ag_output *o;
	int rc = ag_output_open(path, &o);
	if (rc < 0)
		return rc;
	if ((rc = ag_output_write(o, data, len)) < 0) {
		ag_output_abort(o);
		return rc;
	}
	return ag_output_commit(o);
}

/* ---- the reader ----------------------------------------------------------- */

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
	char chunk[CHUNK];
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
	ag_reader *r = calloc(1, sizeof(*r));
	ag_ingest_options defaults = AG_INGEST_OPTIONS_INIT;

	*out = NULL;
	if (!r)
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
	return r->bytes_read;
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
		if (stat(b.data, &st) < 0 || (!S_ISDIR(st.st_mode) && !is_input_name(b.data)))
			continue;
		count_sizes(b.data, depth + 1, sum);
	}
	closedir(d);
	ag__buf_free(&b);
}

void ag_reader_position(ag_reader *r, uint64_t *done, uint64_t *total)
{
	uint64_t at = r->disk_done;
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

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Queue a folder's entries (sorted, reversed onto the stack). */
static int expand_dir(ag_reader *r, const char *path, const struct stat *st)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
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
		names[n++] = full;
	}
	closedir(d);
	if (rc == 0) {
		qsort(names, n, sizeof(*names), name_cmp);
		/* skip (with a warning, in name order) what is not an input */
		for (size_t i = 0; i < n; i++) {
			struct stat est;
			if (stat(names[i], &est) < 0) {
				/* a dangling symbolic link, or one that points to itself */
				if (errno != ENOENT && errno != ELOOP)
					continue; /* reported when it is read */
				warn(r, "%s: %s, skipped", names[i], strerror(errno));
			} else if (S_ISDIR(est.st_mode) || is_input_name(names[i])) {
				continue;
			} else {
				warn(r, "%s: not a .txt or .jsonl file, skipped", names[i]);
			}
			free(names[i]);
			names[i] = NULL;
		}
		for (size_t i = n; i-- > 0;) {
			if (names[i] && push(r, names[i]) < 0) {
				rc = AG_ENOMEM;
				break;
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
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
			if (n < 0 || (n == 0 && gz_failed(r->jsonl)))
				return gz_fail(r->jsonl, r->jsonl_path);
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

/* ---- a fast reading of JSONL records -------------------------------------
 *
 * Most records are plain objects: {"id": ..., "date": "...", "text": "..."}
 * and other keys.  fast_record() reads those without building a jansson tree.
 * It is strict: it accepts only what json_loadb() certainly accepts the same
 * way (an object; keys without escapes; "id", "date" and "text" once each;
 * short numbers; nesting up to FAST_DEPTH; valid UTF-8; no \u0000) and says
 * "not sure" for anything else, which json_loadb() then reads as before, with
 * its error messages. */

#define FAST_DEPTH 32

typedef struct {
	const char *s; /* the string's bytes between the quotes, escapes as written */
	size_t n;
	bool escaped;  /* has a backslash */
	bool set;
} fast_str;

typedef struct {
	fast_str text, date, id_str;
	bool id_int, id_seen;
	long long id;
} fast_rec;

static void fast_ws(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r'))
		(*p)++;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int k = 0; k < 4; k++) {
		char c = p[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* A string at *p (on its opening quote): true with *out, *p after it. */
static bool fast_string(const char **p, const char *end, fast_str *out)
{
	const unsigned char *s = (const unsigned char *)*p + 1, *e = (const unsigned char *)end;
	bool escaped = false;
	for (;;) {
		/* 8 bytes at a time while none is below 0x20, above 0x7F, a quote or
		 * a backslash ((v - 0x01..) & ~v & 0x80.. is nonzero iff v has a zero
		 * byte) */
		while (e - s >= 8) {
			const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
			uint64_t x, q, b;
			memcpy(&x, s, 8);
			q = x ^ (ones * '"');
			b = x ^ (ones * '\\');
			if ((((x - ones * 0x20) | x) & highs) || ((q - ones) & ~q & highs) || ((b - ones) & ~b & highs))
				break;
			s += 8;
		}
		while (s < e && *s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\')
			s++;
		if (s >= e || *s < 0x20)
			return false;
		if (*s == '"')
			break;
		if (*s == '\\') {
			int v, w;
			escaped = true;
			if (e - s < 2)
				return false;
			switch (s[1]) {
			case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
				s += 2;
				continue;
			case 'u':
				break;
			default:
				return false;
			}
			if (e - s < 6 || (v = hex4((const char *)s + 2)) <= 0 || (v >= 0xDC00 && v <= 0xDFFF))
				return false;
			s += 6;
			if (v >= 0xD800 && v <= 0xDBFF) {
				if (e - s < 6 || s[0] != '\\' || s[1] != 'u' || (w = hex4((const char *)s + 2)) < 0xDC00 ||
				    w > 0xDFFF)
					return false;
				s += 6;
			}
			continue;
		}
		{
			uint32_t cp;
			size_t k = ag__utf8_decode(s, (size_t)(e - s), &cp);
			if (!k)
				return false;
			s += k;
		}
	}
	out->s = *p + 1;
	out->n = (size_t)((const char *)s - out->s);
	out->escaped = escaped;
	out->set = true;
	*p = (const char *)s + 1;
	return true;
}

/* Decode a string fast_string() accepted into dst (at least src->n + 1
 * bytes); returns the length, dst NUL-terminated. */
static size_t fast_decode(const fast_str *src, char *dst)
{
	const char *s = src->s, *e = src->s + src->n;
	char *d = dst;
	if (!src->escaped) {
		memcpy(dst, s, src->n);
		dst[src->n] = '\0';
		return src->n;
	}
	while (s < e) {
		unsigned v;
		if (*s != '\\') {
			*d++ = *s++;
			continue;
		}
		switch (s[1]) {
		case 'b': *d++ = '\b'; s += 2; continue;
		case 'f': *d++ = '\f'; s += 2; continue;
		case 'n': *d++ = '\n'; s += 2; continue;
		case 'r': *d++ = '\r'; s += 2; continue;
		case 't': *d++ = '\t'; s += 2; continue;
		case 'u': break;
		default: *d++ = s[1]; s += 2; continue;
		}
		v = (unsigned)hex4(s + 2);
		s += 6;
		if (v >= 0xD800 && v <= 0xDBFF) {
			v = 0x10000 + ((v - 0xD800) << 10) + ((unsigned)hex4(s + 2) - 0xDC00);
			s += 6;
		}
		if (v < 0x80) {
			*d++ = (char)v;
		} else if (v < 0x800) {
			*d++ = (char)(0xC0 | (v >> 6));
			*d++ = (char)(0x80 | (v & 0x3F));
		} else if (v < 0x10000) {
			*d++ = (char)(0xE0 | (v >> 12));
			*d++ = (char)(0x80 | ((v >> 6) & 0x3F));
			*d++ = (char)(0x80 | (v & 0x3F));
		} else {
			*d++ = (char)(0xF0 | (v >> 18));
			*d++ = (char)(0x80 | ((v >> 12) & 0x3F));
			*d++ = (char)(0x80 | ((v >> 6) & 0x3F));
			*d++ = (char)(0x80 | (v & 0x3F));
		}
	}
	*d = '\0';
	return (size_t)(d - dst);
}

/* A number at *p: true when it is short and certainly in range; *is_int and
 * *ival for an integer. */
static bool fast_number(const char **p, const char *end, bool *is_int, long long *ival)
{
	const char *s = *p, *digits;
	bool neg = false;
	size_t nd;
	long long v = 0;
	if (s < end && *s == '-')
		neg = true, s++;
	digits = s;
	if (s >= end || *s < '0' || *s > '9')
		return false;
	if (*s == '0')
		s++;
	else
		while (s < end && *s >= '0' && *s <= '9')
			s++;
	nd = (size_t)(s - digits);
	if (nd > 18)
		return false;
	*is_int = true;
	if (s < end && *s == '.') {
		const char *f = ++s;
		while (s < end && *s >= '0' && *s <= '9')
			s++;
		if (s == f || s - f > 18)
			return false;
		*is_int = false;
	}
	if (s < end && (*s == 'e' || *s == 'E')) {
		const char *x;
		s++;
		if (s < end && (*s == '+' || *s == '-'))
			s++;
		x = s;
		while (s < end && *s >= '0' && *s <= '9')
			s++;
		if (s == x || s - x > 2)
			return false;
		*is_int = false;
	}
	if (*is_int) {
		for (const char *k = digits; k < digits + nd; k++)
			v = v * 10 + (*k - '0');
		*ival = neg ? -v : v;
	}
	*p = s;
	return true;
}

static bool fast_value(const char **p, const char *end, int depth, fast_str *str, bool *is_int, long long *ival);

/* The rest of an array or object after its opening bracket. */
static bool fast_container(const char **p, const char *end, int depth, bool object)
{
	char close = object ? '}' : ']';
	fast_str tmp;
	bool is_int;
	long long iv;
	if (depth > FAST_DEPTH)
		return false;
	fast_ws(p, end);
	if (*p < end && **p == close) {
		(*p)++;
		return true;
	}
	for (;;) {
		if (object) {
			if (*p >= end || **p != '"' || !fast_string(p, end, &tmp))
				return false;
			fast_ws(p, end);
			if (*p >= end || **p != ':')
				return false;
			(*p)++;
			fast_ws(p, end);
		}
		if (!fast_value(p, end, depth, &tmp, &is_int, &iv))
			return false;
		fast_ws(p, end);
		if (*p >= end)
			return false;
		if (**p == close) {
			(*p)++;
			return true;
		}
		if (**p != ',')
			return false;
		(*p)++;
		fast_ws(p, end);
	}
}

/* A value at *p (not on white space): *str set for a string, *is_int for an
 * integer; *p after it, followed by something that ends a value. */
static bool fast_value(const char **p, const char *end, int depth, fast_str *str, bool *is_int, long long *ival)
{
	const char *s = *p;
	str->set = false;
	*is_int = false;
	if (s >= end)
		return false;
	switch (*s) {
	case '"':
		if (!fast_string(p, end, str))
			return false;
		break;
	case '{':
	case '[':
		(*p)++;
		if (!fast_container(p, end, depth + 1, *s == '{'))
			return false;
		break;
	case 't':
		if (end - s < 4 || memcmp(s, "true", 4) != 0)
			return false;
		*p += 4;
		break;
	case 'f':
		if (end - s < 5 || memcmp(s, "false", 5) != 0)
			return false;
		*p += 5;
		break;
	case 'n':
		if (end - s < 4 || memcmp(s, "null", 4) != 0)
			return false;
		*p += 4;
		break;
	default:
		if (!fast_number(p, end, is_int, ival))
			return false;
	}
	/* what json_loadb() reads next must be a new token */
	return *p == end || strchr(" \t\n\r,}]", **p) != NULL;
}

/* 1 with *rec when the line is certainly read as a JSON object with a "text"
 * string, 0 when not sure. */
static int fast_record(const char *line, size_t len, fast_rec *rec)
{
	const char *p = line, *end = line + len;
	memset(rec, 0, sizeof(*rec));
	fast_ws(&p, end);
	if (p >= end || *p != '{')
		return 0;
	p++;
	fast_ws(&p, end);
	if (p < end && *p == '}')
		return 0;
	for (;;) {
		fast_str key, val;
		bool is_int;
		long long iv;
		fast_str *slot = NULL;
		if (p >= end || *p != '"' || !fast_string(&p, end, &key) || key.escaped)
			return 0;
		fast_ws(&p, end);
		if (p >= end || *p != ':')
			return 0;
		p++;
		fast_ws(&p, end);
		if (!fast_value(&p, end, 1, &val, &is_int, &iv))
			return 0;
		if (key.n == 4 && memcmp(key.s, "text", 4) == 0)
			slot = &rec->text;
		else if (key.n == 4 && memcmp(key.s, "date", 4) == 0)
			slot = &rec->date;
		else if (key.n == 2 && memcmp(key.s, "id", 2) == 0) {
			if (rec->id_seen)
				return 0; /* a repeated key: the last one counts; not here */
			rec->id_seen = true;
			rec->id_str = val;
			rec->id_int = is_int;
			rec->id = iv;
		}
		if (slot) {
			if (slot->s) /* repeated */
				return 0;
			*slot = val;
			if (!val.set)
				slot->s = key.s; /* seen, not a string */
		}
		fast_ws(&p, end);
		if (p >= end)
			return 0;
		if (*p == '}') {
			p++;
			break;
		}
		if (*p != ',')
			return 0;
		p++;
		fast_ws(&p, end);
	}
	fast_ws(&p, end);
	if (p != end || !rec->text.set)
		return 0;
	return 1;
}

/* The document of a record fast_record() read: as next_jsonl() makes it
 * from the jansson tree. */
static int next_fast(ag_reader *r, const fast_rec *fr, ag_document **out)
{
	char idbuf[64];
	char *given = NULL, *docid = NULL, *text = NULL, *date = NULL;
	size_t len;
	int rc = 0;

	if (fr->id_str.set) {
		if (!(given = malloc(fr->id_str.n + 1)))
			rc = AG_ENOMEM;
		else if (!fast_decode(&fr->id_str, given)) {
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
		len = fast_decode(&fr->text, text);
		rc = document_take(docid, text, len, out);
	}
	free(docid);
	if (rc < 0)
		ag__error(rc, "%s: line %zu: out of memory", r->jsonl_path, r->jsonl_line);
	if (rc == 0) {
		if (fr->date.set && (date = malloc(fr->date.n + 1)))
			fast_decode(&fr->date, date);
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
		fast_rec fr;
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
			warn(r, "%s: line %zu: longer than the limit of %zu MB (--max-doc-mb), record skipped",
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
		if (fast_record(r->line.data, r->line.len, &fr)) {
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
	if (n < 0 || (n == 0 && gz_failed(r->jsonl))) {
		int rc = gz_fail(r->jsonl, r->jsonl_path);
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
		rc = gz_read_rest(r->jsonl, r->jsonl_path, r->opts.max_doc_bytes, &b);
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
			if ((rc = open_gz(path, &r->jsonl)) < 0) {
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
			rc = r->jsonl ? read_rest(r, &text, &len) : ag_file_read(path, r->opts.max_doc_bytes, &text, &len);
			if (rc == AG_ELIMIT) {
				warn(r, "%s (--max-doc-mb), skipped", ag_error_last());
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
				rc = document_take(id, text, len, out);
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
