/* cli.h - shared pieces of the actorgraph command line (src/cli). */
#ifndef AG_CLI_H
#define AG_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include <actorgraph.h>

#define CLI_EXIT_OK 0
#define CLI_EXIT_FAIL 1
#define CLI_EXIT_USAGE 2

/* A parsed command line: options with values, flags, and positional arguments. */
typedef struct {
	const char *name;  /* long name without dashes: "out" */
	char shortname;    /* 'o', or 0 */
	bool takes_value;
	bool repeat;       /* may be given several times (values collected) */
} cli_opt;

typedef struct {
	const cli_opt *spec;
	size_t n_spec;
	const char **values[32]; /* per spec entry: the values given (NULL-terminated) */
	size_t counts[32];
	const char **args;       /* positional arguments */
	size_t n_args;
} cli_args;

/* Parse argv[1..] against spec; 0, or CLI_EXIT_USAGE after printing the error. */
int cli_parse(const char *cmd, int argc, char **argv, const cli_opt *spec, size_t n_spec, cli_args *out);
void cli_args_free(cli_args *a);
/* The last value of an option, or NULL. */
const char *cli_get(const cli_args *a, const char *name);
bool cli_has(const cli_args *a, const char *name);

int cli_fail(const char *fmt, ...);   /* "actorgraph: ..." on stderr, returns CLI_EXIT_FAIL */
int cli_usage(const char *fmt, ...);  /* "actorgraph: ..." + hint, returns CLI_EXIT_USAGE */
int cli_lib_fail(void);               /* the library's last error */
void cli_warn(void *ctx, const char *msg);
bool cli_quiet(void);
void cli_set_quiet(bool quiet);

/* Shared steps. */
int cli_read_graph(const char *path, ag_graph **out);          /* path NULL or "-" = stdin */
int cli_extract(const cli_args *a, ag_graph **out);            /* uses the extract options */
/* After cli_extract: why the graph has no documents ("no documents: ...", with the
 * counts of inputs, skipped files and the date window), or NULL when it has some. */
const char *cli_extract_empty(void);
int cli_analyze_options(const cli_args *a, ag_analyze_options *o);
void cli_render_options(const cli_args *a, ag_render_options *o);
/* Say on stderr that the image `what` draws a cut, when g is larger than o->max_nodes. */
void cli_say_cap(const ag_graph *g, const ag_render_options *o, const char *what);
/* --types, --min-weight, --ego, --radius, --top; 0 or CLI_EXIT_USAGE. */
int cli_filter_options(const cli_args *a, ag_filter_options *o);
/* Filter g when any view option was given, and say on stderr what was dropped. */
int cli_filter(const cli_args *a, const ag_filter_options *o, ag_graph *g);
int cli_write(const char *path, char *data, size_t len);       /* frees data */
/* Before the work: output file path ("-" or NULL = stdout) can be made (its
 * folder exists and is writable); build's DIR is, or is made (*made: so a
 * failed build can take it away again).  0 or the exit status. */
int cli_check_output(const char *path);
int cli_check_output_dir(const char *dir, bool *made);
/* build's outputs go into a fresh folder inside DIR (*stage, size bytes)
 * and are moved into DIR together once all are written, so that a failed
 * build leaves none of them; abort removes them (stage "" = nothing to do).
 * 0 or the exit status. */
int cli_stage_begin(const char *dir, char *stage, size_t size);
int cli_stage_commit(char *stage, const char *dir);
void cli_stage_abort(char *stage);
/* Run make (a library call that makes a buffer: a Graphviz image) and give
 * its *out: 0, or the exit status after saying why.  Graphviz, pango and
 * fontconfig abort or crash when an allocation fails instead of returning an
 * error; under a memory limit (ulimit -v), where allocations do fail, make
 * runs in a child process whose death is reported as "out of memory". */
int cli_guarded(int (*make)(void *ctx, char **out, size_t *len), void *ctx, char **out, size_t *len);

/* The view options of analyze, render, build and timeline (cli_filter_options),
 * with the same --help lines everywhere.  The date window is its own pair:
 * build has --since/--until among the extract options already. */
#define DATE_OPTS {"since", 0, true, false}, {"until", 0, true, false}
#define FILTER_OPTS \
	{"types", 0, true, false}, {"min-weight", 0, true, false}, {"top", 0, true, false}, \
	{"ego", 0, true, false}, {"radius", 0, true, false}
#define DATE_HELP \
	"  --since DATE          keep what was seen from DATE on (YYYY-MM-DD, YYYY-MM or YYYY): links\n" \
	"                        with evidence from a document dated in the window, nodes that keep\n" \
	"                        a link or were first or last seen in it; undated ones stay\n" \
	"  --until DATE          ... up to DATE (its last day: --until 2026-02 is up to 2026-02-28)\n"
#define HELP_HELP "  -h, --help            this help\n"
#define VIEW_HELP \
	"  --types LIST          keep nodes of these types: person,state,organization,meeting\n" \
	"                        (or persons,states,...)\n" \
	"  --min-weight W        keep links of weight >= W; nodes that lose all their links go too\n" \
	"  --ego NODE            keep NODE (an id, e.g. state:ukraine) and its neighbours ...\n" \
	"  --radius R            ... up to R links away (default 1)\n"
#define FILTER_HELP VIEW_HELP \
	"  --top K               keep the K most central nodes: by pagerank when the graph has\n" \
	"                        it, else by strength (ties: smaller id)\n"

/* explain.c: the command line explaining itself. */
/* The choice closest to word: at most one typo in a short word, two in a
 * longer one, or the one choice it begins; NULL when none is that close. */
const char *cli_suggest(const char *word, const char *const *choices, size_t n);
/* What a file that is not a node-link graph is and which command reads it
 * ("a text, not a graph: texts go to 'actorgraph extract'"), or NULL when
 * it may be a broken graph (the parser's message is better then).  Static. */
const char *cli_file_kind(const char *data, size_t len);
/* The format an -o file name implies ("x.SVG" -> "svg"), or NULL, with *why
 * set when the name says why none can be chosen (a .csv of nodes or links). */
const char *cli_format_of_path(const char *path, const char **why);
/* given, in any case, as one of the NULL-terminated formats (buf holds the
 * lower-case copy), or NULL. */
const char *cli_format_name(const char *given, const char *const *formats, char *buf, size_t size);
/* The subcommand being run, for "(see 'actorgraph CMD --help')"; NULL = none. */
void cli_set_command(const char *cmd);

/* report.c: progress on a terminal and the summary line. */
double cli_now(void);
void cli_report_start(void);
bool cli_progress_on(void);            /* not quiet, and stderr is a terminal */
void cli_status(const char *fmt, ...); /* "actorgraph: ..." progress, overwritten by the next */
void cli_status_clear(void);           /* before any other line on stderr */
bool cli_status_shown(void);           /* a progress line is on the terminal now */
void cli_eta(double began, double done, char *buf, size_t size); /* ", m:ss left" or "" */
void cli_analyze_progress(const ag_analyze_progress *p, void *ctx);
/* What the command ends with, printed by main once it succeeds (not with -q):
 * "actorgraph: CMD: D documents, N nodes, L links NOTE in T s, peak memory M MB". */
void cli_summary_graph(const ag_graph *g);
void cli_summary_bytes(double bytes);  /* text read: " (X MB read, Y MB/s)" after the documents */
void cli_summary_note(const char *fmt, ...);
void cli_summary_print(const char *cmd);
/* Write g as JSON to path (NULL or "-" = stdout), saying so on a terminal; 0 or the exit status. */
int cli_write_json(const ag_graph *g, const char *path);

int cmd_extract(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_timeline(int argc, char **argv);

#endif
