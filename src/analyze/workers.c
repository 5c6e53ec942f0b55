/*
 * workers.c - chunks of analysis run by forked worker processes.
 *
 * The results live in one shared anonymous mapping made before the fork:
 * chunk k's doubles, and a state byte per chunk (0 to do, 1 done, 2
 * failed).  Worker w takes chunks w, w + W, w + 2W, ... and leaves with
 * _exit, so that nothing of the parent (stdio buffers, atexit handlers) runs
 * twice.  The parent shows progress from the state bytes while it waits, then
 * computes again any chunk not done, and copies the chunks out.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "analyze/workers.h"

#define MAX_WORKERS 64

unsigned ag__analyze_workers(const ag__analyze_ctx *c, size_t n_chunks)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned w = c->opts->workers ? c->opts->workers : (cpus > 0 ? (unsigned)cpus : 1);
	if (w > MAX_WORKERS)
		w = MAX_WORKERS;
	if (w > n_chunks)
		w = (unsigned)n_chunks;
	return w ? w : 1;
}

static void run_serial(ag__analyze_ctx *c, const char *step, size_t n_chunks, size_t len, ag__chunk_fn fn, void *arg,
                       double *out, const _Atomic unsigned char *state, int *rc)
{
	for (size_t k = 0; k < n_chunks && *rc == 0; k++) {
		if (state && state[k] == 1)
			continue;
		memset(out + k * len, 0, len * sizeof(*out));
		*rc = fn(c, k, out + k * len, len, arg);
		if (k + 1 < n_chunks)
			ag__analyze_progress(c, step, (int)(100 * (k + 1) / n_chunks));
	}
}

int ag__analyze_chunks(ag__analyze_ctx *c, const char *step, size_t n_chunks, size_t len, ag__chunk_fn fn, void *arg,
                       double *out)
{
	unsigned workers = ag__analyze_workers(c, n_chunks), started = 0;
	size_t bytes, values;
	pid_t pids[MAX_WORKERS];
	double *shared;
	_Atomic unsigned char *state;
	void *map;
	int rc = 0, last = -1;

	if (n_chunks == 0)
		return 0;
	if (workers <= 1 || len > SIZE_MAX / sizeof(double) / n_chunks) {
		run_serial(c, step, n_chunks, len, fn, arg, out, NULL, &rc);
		return rc;
	}
	values = n_chunks * len * sizeof(double);
	bytes = values + n_chunks;
	map = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		run_serial(c, step, n_chunks, len, fn, arg, out, NULL, &rc);
		return rc;
	}
	shared = map;
	state = (_Atomic unsigned char *)((char *)map + values); /* zero: nothing done yet */
	for (unsigned w = 0; w < workers; w++) {
		pid_t pid = fork();
		if (pid < 0)
			break; /* those not started are done below */
		if (pid == 0) {
			for (size_t k = w; k < n_chunks; k += workers)
				state[k] = fn(c, k, shared + k * len, len, arg) == 0 ? 1 : 2;
			_exit(0);
		}
		pids[started++] = pid;
	}
	/* wait for the workers, showing how many chunks are done */
	for (unsigned alive = started; alive > 0;) {
		struct timespec tick = {0, 100 * 1000 * 1000};
		size_t done = 0;
		for (unsigned w = 0; w < started; w++) {
			int status;
			if (pids[w] > 0) {
				pid_t r = waitpid(pids[w], &status, WNOHANG);
				if (r == pids[w] || (r < 0 && errno != EINTR)) {
					pids[w] = 0;
					alive--;
				}
			}
		}
		for (size_t k = 0; k < n_chunks; k++)
			done += state[k] == 1;
		if ((int)(100 * done / n_chunks) != last && done < n_chunks) {
			last = (int)(100 * done / n_chunks);
			ag__analyze_progress(c, step, last);
		}
		if (alive)
			nanosleep(&tick, NULL);
	}
	/* what no worker did (it failed, died or never started): here */
	run_serial(c, step, n_chunks, len, fn, arg, shared, state, &rc);
	if (rc == 0)
		memcpy(out, shared, values);
	munmap(map, bytes);
	return rc;
}
