/* report.c - what the command says on stderr while and after it works: a
 * progress line on a terminal (overwritten in place), the analysis steps,
 * and the one summary line every command ends with.
 *
 * Sizes are in MB of 2^20 bytes, as --max-doc-mb and the library's messages
 * count them. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static double started;
static bool status_shown;

double cli_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_report_start(void)
{
	started = cli_now();
}

bool cli_progress_on(void)
{
	return !cli_quiet() && isatty(2);
}

void cli_status(const char *fmt, ...)
{
	va_list ap;
	if (!cli_progress_on())
		return;
	fputs("\ractorgraph: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\033[K", stderr);
	fflush(stderr);
	status_shown = true;
}

bool cli_status_shown(void)
{
	return status_shown;
}

void cli_status_clear(void)
{
	if (!status_shown)
		return;
	fputs("\r\033[K", stderr);
	status_shown = false;
}

void cli_eta(double began, double done, char *buf, size_t size)
{
	double secs = cli_now() - began, left;
	long l;
	buf[0] = '\0';
	if (!(done > 0 && done < 1) || secs < 0.5)
		return;
	left = secs * (1 - done) / done;
	l = (long)(left + 0.5);
	snprintf(buf, size, ", %ld:%02ld left", l / 60, l % 60);
}

/* ---- the analysis steps ---- */

void cli_analyze_progress(const ag_analyze_progress *p, void *ctx)
{
	static char step[96], sampled[96];
	static double began;
	char eta[48];
	(void)ctx;

	if (!p->step) {
		cli_status_clear();
		step[0] = sampled[0] = '\0';
		return;
	}
	/* a sampled step names itself so as it begins ("closeness and harmonic
	 * (sampled)") and may report its percentages under the plain name */
	if (strcmp(p->step, step) != 0 && strcmp(p->step, sampled) != 0) {
		const char *mark = strstr(p->step, " (sampled)");
		snprintf(step, sizeof(step), "%s", p->step);
		snprintf(sampled, sizeof(sampled), "%.*s", mark ? (int)(mark - p->step) : 0, p->step);
		began = cli_now();
	}
	if (p->percent < 0) {
		cli_status("analysis: %s ...", step);
		return;
	}
	cli_eta(began, p->percent / 100.0, eta, sizeof(eta));
	cli_status("analysis: %s %d%%%s", step, p->percent, eta);
}

/* ---- the summary line ---- */

static struct {
	bool set, bytes_set;
	size_t documents, nodes, links;
	double bytes;
	char note[512];
} sum;

void cli_summary_graph(const ag_graph *g)
{
	sum.set = true;
	sum.documents = ag_graph_document_count(g);
	sum.nodes = ag_graph_node_count(g);
	sum.links = ag_graph_link_count(g);
}

void cli_summary_bytes(double bytes)
{
	sum.bytes_set = true;
	sum.bytes = bytes;
}

void cli_summary_note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(sum.note, sizeof(sum.note), fmt, ap);
	va_end(ap);
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

void cli_summary_print(const char *cmd)
{
	struct rusage ru;
	double secs = cli_now() - started, peak = 0;
	char read[96] = "";

	if (!sum.set || cli_quiet())
		return;
	cli_status_clear();
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		peak = (double)ru.ru_maxrss / 1024.0; /* KiB on Linux */
	if (sum.bytes_set && sum.bytes > 0)
		snprintf(read, sizeof(read), " (%.*f MB read, %.1f MB/s)", sum.bytes < 1048576.0 ? 3 : 1,
		         sum.bytes / 1048576.0, sum.bytes / 1048576.0 / (secs > 1e-3 ? secs : 1e-3));
	fprintf(stderr, "actorgraph: %s: %zu document%s%s, %zu node%s, %zu link%s%s%s in %.*f s, peak memory %.1f MB\n",
	        cmd, sum.documents, plural(sum.documents), read, sum.nodes, plural(sum.nodes), sum.links,
	        plural(sum.links), sum.note[0] ? " " : "", sum.note, secs < 10 ? 2 : 1, secs, peak);
}

/* ---- writing ---- */

int cli_write_json(const ag_graph *g, const char *path)
{
	if (!path)
		path = "-";
	if (!status_shown) /* else the caller said what it writes */
		cli_status("writing %s", strcmp(path, "-") ? path : "standard output");
	if (ag_graph_write_json(g, path) < 0)
		return cli_lib_fail();
	cli_status_clear();
	return 0;
}
