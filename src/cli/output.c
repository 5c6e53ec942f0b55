/* output.c - where outputs go, checked before the work (the folder of -o
 * FILE, build's DIR), build's files written together or not at all, and the
 * Graphviz step run apart under a memory limit, so that running out of
 * memory there is an error, not a crash. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

/* The folder part of path: "." for a bare name, "/" for a file at the root. */
static void folder_of(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');
	size_t n;
	while (slash && slash > path && slash[1] == '\0') { /* "dir/" names dir itself */
		const char *p = slash - 1;
		while (p > path && *p != '/')
			p--;
		slash = *p == '/' ? p : NULL;
	}
	if (!slash) {
		snprintf(buf, size, ".");
		return;
	}
	n = slash == path ? 1 : (size_t)(slash - path);
	snprintf(buf, size, "%.*s", (int)n, path);
}

/* dir exists, is a folder, and new files can be made in it. */
static int check_folder(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) < 0)
		return errno == ENOENT ? cli_fail("%s: folder does not exist", dir) : cli_fail("%s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return cli_fail("%s: not a folder", dir);
	if (access(dir, W_OK | X_OK) < 0)
		return cli_fail("%s: folder is not writable (%s)", dir, strerror(errno));
	return 0;
}

int cli_check_output(const char *path)
{
	char dir[4096];
	struct stat st;
	if (!path || strcmp(path, "-") == 0)
		return 0;
	if (!*path)
		return cli_usage("-o: an empty file name");
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return cli_fail("%s: is a folder (-o names a file)", path);
	folder_of(path, dir, sizeof(dir));
	return check_folder(dir);
}

int cli_check_output_dir(const char *dir, bool *made)
{
	char parent[4096];
	struct stat st;
	*made = false;
	if (!*dir)
		return cli_usage("--out: an empty folder name");
	if (stat(dir, &st) == 0)
		return check_folder(dir);
	if (errno != ENOENT && errno != ENOTDIR)
		return cli_fail("%s: %s", dir, strerror(errno));
	/* made here, one level deep: its parent must be there */
	folder_of(dir, parent, sizeof(parent));
	if (stat(parent, &st) < 0 && errno == ENOENT)
		return cli_fail("%s: folder does not exist (nor does %s, to make it in)", dir, parent);
	if (check_folder(parent))
		return CLI_EXIT_FAIL;
	if (mkdir(dir, 0777) < 0)
		return cli_fail("%s: %s", dir, strerror(errno));
	*made = true;
	return 0;
}

int cli_stage_begin(const char *dir, char *stage, size_t size)
{
	if ((size_t)snprintf(stage, size, "%s/.actorgraph-build-XXXXXX", dir) >= size) {
		stage[0] = '\0';
		return cli_fail("%s: path too long", dir);
	}
	if (!mkdtemp(stage)) {
		int e = errno;
		stage[0] = '\0';
		return cli_fail("%s: cannot make a folder in it: %s", dir, strerror(e));
	}
	return 0;
}

/* Each file of the staging folder into dir (commit), or removed (!commit);
 * then the folder.  0 or the exit status. */
static int stage_end(char *stage, const char *dir, bool commit)
{
	char from[4096], to[4096];
	struct dirent *e;
	DIR *d = opendir(stage);
	int rc = 0;
	if (!d) {
		rc = commit ? cli_fail("%s: %s", stage, strerror(errno)) : 0;
		stage[0] = '\0';
		return rc;
	}
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(from, sizeof(from), "%s/%s", stage, e->d_name);
		snprintf(to, sizeof(to), "%s/%s", dir, e->d_name);
		if (commit && rc == 0 && rename(from, to) < 0)
			rc = cli_fail("%s: %s", to, strerror(errno));
		if (!commit || rc)
			unlink(from);
	}
	closedir(d);
	rmdir(stage);
	stage[0] = '\0';
	return rc;
}

int cli_stage_commit(char *stage, const char *dir)
{
	return stage_end(stage, dir, true);
}

void cli_stage_abort(char *stage)
{
	if (stage[0])
		stage_end(stage, NULL, false);
}

/* All of n bytes through fd; 0 or -1. */
static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int read_all(int fd, void *p, size_t n)
{
	char *c = p;
	while (n) {
		ssize_t r = read(fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

/* The child's answer: the library's return code and error code, then
 * `len` bytes of output (rc 0) or of the error message. */
typedef struct {
	int rc, code;
	size_t len;
} guarded_head;

static int guarded_fail(int code, const char *msg)
{
	return code == AG_EINVAL ? cli_usage("%s", msg) : cli_fail("%s", *msg ? msg : "failed");
}

int cli_guarded(int (*make)(void *ctx, char **out, size_t *len), void *ctx, char **out, size_t *len)
{
	struct rlimit as, data;
	guarded_head h;
	int fds[2], status, got;
	pid_t pid;
	char *buf;

	*out = NULL;
	*len = 0;
	if (getrlimit(RLIMIT_AS, &as) < 0 || getrlimit(RLIMIT_DATA, &data) < 0 ||
	    (as.rlim_cur == RLIM_INFINITY && data.rlim_cur == RLIM_INFINITY)) {
		if (make(ctx, out, len) < 0)
			return guarded_fail(ag_error_last_code(), ag_error_last());
		return 0;
	}
	fflush(stdout);
	fflush(stderr);
	if (pipe(fds) < 0 || (pid = fork()) < 0)
		return cli_fail("out of memory (%s)", strerror(errno));
	if (pid == 0) {
		char *d = NULL;
		size_t n = 0;
		close(fds[0]);
		h.rc = make(ctx, &d, &n);
		h.code = h.rc < 0 ? ag_error_last_code() : 0;
		h.len = h.rc < 0 ? strlen(ag_error_last()) : n;
		if (write_all(fds[1], &h, sizeof(h)) < 0 || write_all(fds[1], h.rc < 0 ? ag_error_last() : d, h.len) < 0)
			_exit(CLI_EXIT_FAIL);
		fflush(stderr);
		_exit(0);
	}
	close(fds[1]);
	got = read_all(fds[0], &h, sizeof(h));
	buf = got == 0 ? malloc(h.len + 1) : NULL;
	if (buf && read_all(fds[0], buf, h.len) < 0) {
		free(buf);
		buf = NULL;
		got = -1;
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (got < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		free(buf);
		return cli_fail("out of memory: Graphviz stopped%s under the memory limit (ulimit -v %llu)",
		                WIFSIGNALED(status) ? " (a crash)" : "",
		                (unsigned long long)(as.rlim_cur != RLIM_INFINITY ? as.rlim_cur : data.rlim_cur) / 1024);
	}
	if (!buf)
		return cli_fail("out of memory");
	buf[h.len] = '\0';
	if (h.rc < 0) {
		/* under a limit, Graphviz says a plugin it could not map "failed" */
		int rc = h.code == AG_EINVAL ? guarded_fail(h.code, buf)
		         : cli_fail("%s (under the memory limit, ulimit -v %llu: perhaps out of memory)", buf,
		                    (unsigned long long)(as.rlim_cur != RLIM_INFINITY ? as.rlim_cur : data.rlim_cur) / 1024);
		free(buf);
		return rc;
	}
	*out = buf;
	*len = h.len;
	return 0;
}
