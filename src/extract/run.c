/* run.c - a reader's documents through the extractor on several
 * threads.
 *
 * A reader thread reads documents into a ring of slots, worker threads take
 * the oldest slot nobody has taken and extract it into a graph of its own,
 * and the calling thread merges the finished ones in ring order (reading
 * apart from merging: the merge is the one thing that cannot be shared).
 * Merging in reader order makes the corpus independent of the number of
 * threads and of timing.  The
 * ring holds a few documents per worker and at most RUN_MAX_BYTES of text
 * (one document over that is still read: alone), so memory follows the
 * graph, not the corpus.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/extract.h"
#include "extract/extract.h"

#define RUN_SLOTS_PER_THREAD 4
#define RUN_MAX_BYTES ((size_t)64 << 20)
#define RUN_MAX_THREADS 256

enum { SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct {
	ag_document *doc;
	ag_graph *graph;
	int state;
	int rc;
	uint64_t input_done, input_total; /* the reader's position after this document */
	char err[AG_ERROR_MAX];
} slot;

typedef struct {
	const ag_extractor *ex;
	pthread_mutex_t mu;
	pthread_cond_t work; /* a slot is ready, or stop */
	pthread_cond_t done; /* a slot is done, or the reader stopped */
	pthread_cond_t room; /* a slot was merged, or stop */
	slot *ring;
	size_t cap;
	size_t head, next, tail; /* counters: merged < head <= next (taken) <= tail (read) */
	size_t held;             /* bytes of text read and not merged */
	bool stop;
	/* the reader */
	ag_reader *r;
	bool progress;  /* record the reader's position with each document */
	bool eof;       /* the reader is done (read_rc < 0: failed) */
	int read_rc;
	char read_err[AG_ERROR_MAX];
} pool;

static void *worker(void *arg)
{
	pool *p = arg;
	ag_textdoc td = {0}; /* this thread's working state, reused */
	pthread_mutex_lock(&p->mu);
	for (;;) {
		slot *s;
		ag_graph *g = NULL;
		int rc;
		while (!p->stop && p->next == p->tail)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->stop)
			break;
		s = &p->ring[p->next++ % p->cap];
		s->state = SLOT_BUSY;
		pthread_mutex_unlock(&p->mu);

		rc = ag__extract_document_td(p->ex, s->doc, &td, &g);

		pthread_mutex_lock(&p->mu);
		s->graph = g;
		s->rc = rc;
		if (rc < 0)
			snprintf(s->err, sizeof(s->err), "%s", ag_error_last());
		s->state = SLOT_DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	ag__textdoc_free(&td);
	return NULL;
}

/* A document of len bytes was merged; the reader was then at done of total. */
static void report(const ag_run_options *o, ag_extract_progress *pr, size_t len, uint64_t done, uint64_t total)
{
	pr->documents++;
	pr->bytes += len;
	if (o->progress) {
		pr->input_done = done;
		pr->input_total = total;
		o->progress(pr, o->progress_ctx);
	}
}

/* The reader thread: documents into the ring while there is room. */
static void *reader(void *arg)
{
	pool *p = arg;
	for (;;) {
		ag_document *doc, *old_doc;
		ag_graph *old_graph;
		uint64_t done = 0, total = 0;
		int lr;
		slot *s;
		pthread_mutex_lock(&p->mu);
		while (!p->stop && (p->tail - p->head >= p->cap || (p->held >= RUN_MAX_BYTES && p->tail != p->head)))
			pthread_cond_wait(&p->room, &p->mu);
		if (p->stop) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		pthread_mutex_unlock(&p->mu);

		lr = ag_reader_next(p->r, &doc);
		if (lr > 0 && p->progress)
			ag_reader_position(p->r, &done, &total);

		pthread_mutex_lock(&p->mu);
		if (lr <= 0) {
			p->eof = true;
			p->read_rc = lr;
			if (lr < 0)
				snprintf(p->read_err, sizeof(p->read_err), "%s", ag_error_last());
			pthread_cond_broadcast(&p->done);
			pthread_mutex_unlock(&p->mu);
			break;
		}
		s = &p->ring[p->tail % p->cap];
		old_doc = s->doc;
		old_graph = s->graph;
		s->doc = doc;
		s->graph = NULL;
		s->rc = 0;
		s->input_done = done;
		s->input_total = total;
		s->state = SLOT_READY;
		p->tail++;
		p->held += doc->len;
		pthread_cond_signal(&p->work);
		pthread_mutex_unlock(&p->mu);
		/* what the slot held before: merged already */
		ag_graph_free(old_graph);
		ag_document_free(old_doc);
	}
	return NULL;
}

/* One thread: the caller's. */
static int run_serial(ag_extractor *ex, ag_reader *r, const ag_run_options *o)
{
	ag_extract_progress pr = {0};
	ag_textdoc td = {0};
	ag_document *doc;
	int rc;
	while ((rc = ag_reader_next(r, &doc)) > 0) {
		uint64_t done = 0, total = 0;
		rc = ag__extractor_add_td(ex, doc, &td);
		if (rc == 0 && o->progress)
			ag_reader_position(r, &done, &total);
		if (rc == 0)
			report(o, &pr, doc->len, done, total);
		ag_document_free(doc);
		if (rc < 0)
			break;
	}
	ag__textdoc_free(&td);
	return rc;
}

static unsigned default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > RUN_MAX_THREADS ? RUN_MAX_THREADS : (unsigned)n;
}

int ag_extractor_run(ag_extractor *ex, ag_reader *r, const ag_run_options *opts)
{
	ag_run_options o = AG_RUN_OPTIONS_INIT;
	ag_extract_progress pr = {0};
	pthread_t *tids = NULL, rtid;
	size_t started = 0;
	bool reading = false;
	pool p;
	int rc = 0;

	AG_CHECK_ARGS(ex && r);
	AG_CHECK_OPTIONS(opts, AG_RUN_OPTIONS_VERSION, "AG_RUN_OPTIONS_INIT");
	if (opts)
		o = *opts;
	if (o.threads == 0)
		o.threads = default_threads();
	if (o.threads > RUN_MAX_THREADS)
		o.threads = RUN_MAX_THREADS;
	if (o.threads == 1)
		return run_serial(ex, r, &o);

	memset(&p, 0, sizeof(p));
	p.ex = ex;
	p.r = r;
	p.progress = o.progress != NULL;
	p.cap = (size_t)o.threads * RUN_SLOTS_PER_THREAD;
	if (!(p.ring = calloc(p.cap, sizeof(*p.ring))) || !(tids = calloc(o.threads, sizeof(*tids)))) {
		free(p.ring);
		return ag__enomem();
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);
	pthread_cond_init(&p.room, NULL);
	for (; started < o.threads; started++) {
		if (pthread_create(&tids[started], NULL, worker, &p) != 0)
			break;
	}
	if (started)
		reading = pthread_create(&rtid, NULL, reader, &p) == 0;
	if (!started || !reading) {
		rc = ag__error(AG_ENOMEM, "out of memory: cannot start extraction threads");
		goto cleanup;
	}

	for (;;) {
		slot *s;
		size_t len;
		/* merge the oldest document once it is extracted */
		pthread_mutex_lock(&p.mu);
		while (p.head == p.tail && !p.eof)
			pthread_cond_wait(&p.done, &p.mu);
		if (p.head == p.tail) {
			/* all read and merged, or the reader failed */
			rc = p.read_rc < 0 ? ag__error(p.read_rc, "%s", p.read_err) : 0;
			pthread_mutex_unlock(&p.mu);
			break;
		}
		s = &p.ring[p.head % p.cap];
		while (s->state != SLOT_DONE)
			pthread_cond_wait(&p.done, &p.mu);
		pthread_mutex_unlock(&p.mu);
		rc = s->rc < 0 ? ag__error(s->rc, "%s", s->err) : ag_extractor_add_graph(ex, s->graph);
		if (rc < 0)
			goto cleanup;
		report(&o, &pr, s->doc->len, s->input_done, s->input_total);
		/* the reader frees the slot's document and graph when it reuses
		 * the slot, off this thread, which bounds the speed of the run */
		len = s->doc->len;
		pthread_mutex_lock(&p.mu);
		p.held -= len;
		p.head++;
		pthread_cond_signal(&p.room);
		pthread_mutex_unlock(&p.mu);
	}

cleanup:
	pthread_mutex_lock(&p.mu);
	p.stop = true;
	pthread_cond_broadcast(&p.work);
	pthread_cond_broadcast(&p.room);
	pthread_mutex_unlock(&p.mu);
	if (reading)
		pthread_join(rtid, NULL);
	for (size_t i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	/* merged documents not yet recycled by the reader, and after an error
	 * what was read but not merged */
	for (size_t i = 0; i < p.cap; i++) {
		ag_graph_free(p.ring[i].graph);
		ag_document_free(p.ring[i].doc);
	}
	pthread_cond_destroy(&p.room);
	pthread_cond_destroy(&p.done);
	pthread_cond_destroy(&p.work);
	pthread_mutex_destroy(&p.mu);
	free(p.ring);
	free(tids);
	return rc;
}
