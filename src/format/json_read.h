/*
 * json_read.h - the node-link reader's two paths (json_read.c).  Private.
 *
 * ag_graph_from_json reads a file one element at a time and falls back to
 * a whole jansson tree when anything is unexpected; this is the second path
 * alone, for the tests and the fuzzer that hold the two to the same graphs
 * and the same errors.
 */
#ifndef AG_FORMAT_JSON_READ_H
#define AG_FORMAT_JSON_READ_H

#include <stddef.h>

#include "actorgraph/graph.h"

int ag__graph_from_json_whole(const char *text, size_t len, const char *name, ag_graph **out);

#endif
