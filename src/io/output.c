/*
 * output.c - atomic output files: ag_output_open/write/commit/abort and
 * ag_file_write_atomic.  A file is written beside its target under a
 * temporary name and renamed into place on commit, so that a failed write
 * leaves any previous file intact; devices, pipes and "-" (stdout) are
 * written directly.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "actorgraph/ingest.h"
#include "io/output.h"
#include "util/util.h"

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
	ag_output *o;
	const char *slash;
	char *real = NULL;
	size_t dirlen, cap;
	struct stat st;

	AG_CHECK_ARGS(path && out);
	*out = NULL;
	if (!(o = calloc(1, sizeof(*o))) || !(o->path = ag__strdup(path))) {
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
	AG_CHECK_ARGS(o && (data || len == 0));
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
	AG_CHECK_ARGS(o);
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
	int rc;
	AG_CHECK_ARGS(path && (data || len == 0));
	if ((rc = ag_output_open(path, &o)) < 0)
		return rc;
	if ((rc = ag_output_write(o, data, len)) < 0) {
		ag_output_abort(o);
		return rc;
	}
	return ag_output_commit(o);
}

int ag__output_drain(ag_output *o, ag_buf *b, size_t at_least)
{
	int rc;
	if (!o || !b->len || b->len < at_least)
		return 0;
	rc = ag_output_write(o, b->data, b->len);
	ag__buf_clear(b);
	return rc;
}

int ag__output_to_file(const char *path, int (*make)(void *ctx, ag_output *o), void *ctx)
{
	ag_output *o;
	int rc;
	if ((rc = ag_output_open(path, &o)) < 0)
		return rc;
	if ((rc = make(ctx, o)) < 0) {
		ag_output_abort(o);
		return rc == AG_ENOMEM ? ag__error(rc, "%s: out of memory writing the graph", path) : rc;
	}
	return ag_output_commit(o);
}
