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
int cli_analyze_options(const cli_args *a, ag_analyze_options *o);
void cli_render_options(const cli_args *a, ag_render_options *o);
/* --types, --min-weight, --ego, --radius, --top; 0 or CLI_EXIT_USAGE. */
int cli_filter_options(const cli_args *a, ag_filter_options *o);
/* Filter g when any view option was given, and say on stderr what was dropped. */
int cli_filter(const cli_args *a, const ag_filter_options *o, ag_graph *g);
int cli_write(const char *path, char *data, size_t len);       /* frees data */

int cmd_extract(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
