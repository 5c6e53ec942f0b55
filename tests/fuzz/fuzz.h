/*
 * fuzz.h - the entry point every fuzz target defines.  libFuzzer calls it
 * (scripts/fuzz, built with clang -fsanitize=fuzzer); replay.c calls it on
 * the seed and regression inputs in the normal build (ctest fuzz/...).
 * A target returns 0 on every input; a crash, a sanitizer report or an
 * abort() from a broken invariant is the finding.
 *
 * A target may define LLVMFuzzerInitialize to build its fixed state once
 * (a gazetteer, an extractor) before the first input; replay.c calls it too.
 * Each target bounds its work per input (a size cap) so that one input stays
 * cheap, and has a dictionary of its tokens (tests/fuzz/<target>.dict).
 */
#ifndef AG_FUZZ_H
#define AG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken invariant: say which, then abort so that libFuzzer keeps the input. */
#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

#endif
