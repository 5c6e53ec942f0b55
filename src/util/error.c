/*
 * error.c - the last error of this thread (ag_error_last) and the version.
 */
#include <stdarg.h>
#include <stdio.h>

#include "util/error.h"

static _Thread_local char error_message[AG_ERROR_MAX];
static _Thread_local int error_code;

int ag__error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(error_message, sizeof(error_message), fmt, ap);
	va_end(ap);
	error_code = code;
	return code;
}

int ag__enomem(void)
{
	return ag__error(AG_ENOMEM, "out of memory");
}

const char *ag_error_last(void)
{
	return error_message;
}

int ag_error_last_code(void)
{
	return error_code;
}

void ag_error_clear(void)
{
	error_message[0] = '\0';
	error_code = AG_OK;
}

const char *ag_version(void)
{
	return AG_VERSION;
}
