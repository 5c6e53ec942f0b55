/* args.c - option parsing and error reporting for the command line. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static bool quiet;
static const char *command; /* the subcommand, for the usage hint */

bool cli_quiet(void) { return quiet; }
void cli_set_quiet(bool q) { quiet = q; }
void cli_set_command(const char *cmd) { command = cmd; }

int cli_fail(const char *fmt, ...)
{
	va_list ap;
	cli_status_clear();
	fputs("actorgraph: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_EXIT_FAIL;
}

int cli_usage(const char *fmt, ...)
{
	va_list ap;
	cli_status_clear();
	fputs("actorgraph: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	/* the subcommand's own help, which lists its options */
	if (command)
		fprintf(stderr, "\n(see 'actorgraph %s --help')\n", command);
	else
		fputs("\n(see 'actorgraph --help')\n", stderr);
	return CLI_EXIT_USAGE;
}

int cli_lib_fail(void)
{
	return cli_fail("%s", *ag_error_last() ? ag_error_last() : "failed");
}

void cli_warn(void *ctx, const char *msg)
{
	/* the library names no flags: a size limit points at the one that sets it */
	const char *lim = strstr(msg, "the limit of "), *mb = lim ? strstr(lim, " MB") : NULL;
	(void)ctx;
	if (quiet)
		return;
	cli_status_clear();
	if (mb)
		fprintf(stderr, "actorgraph: warning: %.*s (--max-doc-mb)%s\n", (int)(mb + 3 - msg), msg, mb + 3);
	else
		fprintf(stderr, "actorgraph: warning: %s\n", msg);
}

static int add_value(cli_args *a, size_t k, const char *v)
{
	const char **n = realloc(a->values[k], (a->counts[k] + 2) * sizeof(*n));
	if (!n)
		return -1;
	n[a->counts[k]++] = v;
	n[a->counts[k]] = NULL;
	a->values[k] = n;
	return 0;
}

/* "unknown option '--thread' (did you mean '--threads'?)" */
static int unknown_option(const char *cmd, const cli_opt *spec, size_t n_spec, const char *name, size_t nlen)
{
	const char *names[64], *hint;
	char word[64];
	size_t n = 0;

	for (size_t k = 0; k < n_spec && n < 64; k++)
		names[n++] = spec[k].name;
	snprintf(word, sizeof(word), "%.*s", (int)(nlen < 63 ? nlen : 63), name);
	if ((hint = cli_suggest(word, names, n)))
		return cli_usage("%s: unknown option '--%.*s' (did you mean '--%s'?)", cmd, (int)nlen, name, hint);
	return cli_usage("%s: unknown option '--%.*s'", cmd, (int)nlen, name);
}

/* --list-options: the command's options, one per line, for shell completion
 * (and for the test that the documentation lists them all). */
static void list_options(const cli_opt *spec, size_t n_spec)
{
	for (size_t k = 0; k < n_spec; k++) {
		if (spec[k].shortname)
			printf("-%c, ", spec[k].shortname);
		printf("--%s%s\n", spec[k].name, spec[k].takes_value ? " VALUE" : "");
	}
	exit(fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL);
}

int cli_parse(const char *cmd, int argc, char **argv, const cli_opt *spec, size_t n_spec, cli_args *a)
{
	bool rest = false;
	memset(a, 0, sizeof(*a));
	cli_set_command(cmd);
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--list-options") == 0)
			list_options(spec, n_spec); /* exits */
	if (n_spec > sizeof(a->values) / sizeof(a->values[0]))
		return cli_fail("%s: too many options declared (%zu)", cmd, n_spec);
	a->spec = spec;
	a->n_spec = n_spec;
	if (!(a->args = calloc((size_t)argc + 1, sizeof(*a->args))))
		return cli_fail("out of memory");
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *value = NULL;
		size_t k, nlen;
		if (rest || arg[0] != '-' || strcmp(arg, "-") == 0) {
			a->args[a->n_args++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			rest = true;
			continue;
		}
		if (arg[1] == '-') {
			const char *eq = strchr(arg + 2, '=');
			nlen = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
			for (k = 0; k < n_spec; k++)
				if (strlen(spec[k].name) == nlen && strncmp(spec[k].name, arg + 2, nlen) == 0)
					break;
			if (k == n_spec) {
				int rc = unknown_option(cmd, spec, n_spec, arg + 2, nlen);
				cli_args_free(a);
				return rc;
			}
			if (eq)
				value = eq + 1;
		} else {
			for (k = 0; k < n_spec; k++)
				if (spec[k].shortname && spec[k].shortname == arg[1])
					break;
			if (k == n_spec || (arg[2] && !spec[k].takes_value)) {
				cli_args_free(a);
				return cli_usage("%s: unknown option '%s'", cmd, arg);
			}
			if (arg[2])
				value = arg + 2;
		}
		if (spec[k].takes_value) {
			if (!value) {
				if (i + 1 >= argc) {
					cli_args_free(a);
					return cli_usage("%s: option '%s' needs a value", cmd, arg);
				}
				value = argv[++i];
			}
		} else if (value) {
			cli_args_free(a);
			return cli_usage("%s: option '--%s' takes no value", cmd, spec[k].name);
		} else {
			value = "1";
		}
		if (!spec[k].repeat && a->counts[k]) {
			cli_args_free(a);
			return cli_usage("%s: option '--%s' given twice", cmd, spec[k].name);
		}
		if (add_value(a, k, value) < 0) {
			cli_args_free(a);
			return cli_fail("out of memory");
		}
	}
	return 0;
}

void cli_args_free(cli_args *a)
{
	for (size_t k = 0; k < 32; k++)
		free(a->values[k]);
	free(a->args);
	memset(a, 0, sizeof(*a));
}

static size_t find(const cli_args *a, const char *name)
{
	for (size_t k = 0; k < a->n_spec; k++)
		if (strcmp(a->spec[k].name, name) == 0)
			return k;
	return a->n_spec;
}

const char *cli_get(const cli_args *a, const char *name)
{
	size_t k = find(a, name);
	return k < a->n_spec && a->counts[k] ? a->values[k][a->counts[k] - 1] : NULL;
}

bool cli_has(const cli_args *a, const char *name)
{
	return cli_get(a, name) != NULL;
}
