/*
 * file.c - reading a whole file (ag_file_read): plain text through read(),
 * gzip (or standard input) through zlib, within a size limit; and the zlib
 * helpers the reader uses for its JSONL files and stdin (io/file.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "actorgraph/ingest.h"
#include "io/file.h"
#include "util/util.h"

/* io/file.h */
int ag__gz_open(const char *path, gzFile *out)
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
	gzbuffer(f, AG_IO_CHUNK);
	*out = f;
	return 0;
}

/* io/file.h */
int ag__gz_fail(gzFile f, const char *path)
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

/* io/file.h */
bool ag__gz_failed(gzFile f)
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
	size_t n = 0, cap, first = size < AG_IO_CHUNK ? AG_IO_CHUNK : size;
	bool checked = false;
	char *buf, probe[4096];

	if (max_bytes && first > max_bytes)
		first = max_bytes < AG_IO_CHUNK ? AG_IO_CHUNK : max_bytes; /* over the limit: fails below */
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

/* io/file.h */
int ag__gz_read_rest(gzFile f, const char *path, size_t max_bytes, ag_buf *b)
{
	char chunk[AG_IO_CHUNK];
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
	if (n < 0 || ag__gz_failed(f)) {
		rc = ag__gz_fail(f, path);
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
	struct stat st;

	AG_CHECK_ARGS(path && out && len);
	*out = NULL;
	if (strcmp(path, "-") != 0 && stat(path, &st) < 0)
		return ag__error(AG_EIO, "%s: %s", path, strerror(errno));
	return ag__file_read_stat(path, strcmp(path, "-") != 0 ? &st : NULL, max_bytes, out, len);
}

int ag__file_read_stat(const char *path, const struct stat *stp, size_t max_bytes, char **out, size_t *len)
{
	gzFile f;
	ag_buf b = {0};
	int rc;

	*out = NULL;
	if (stp) {
		const struct stat st = *stp;
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
	if ((rc = ag__gz_open(path, &f)) < 0)
		return rc;
	rc = ag__gz_read_rest(f, path, max_bytes, &b);
	gzclose(f);
	if (rc < 0)
		return rc;
	*len = b.len;
	*out = ag__buf_detach(&b);
	return 0;
}
