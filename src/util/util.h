/*
 * util.h - the bottom layer of the library, in one include: errors
 * (error.h), arrays, strings and string lists (buf.h), hashing and maps
 * (map.h), word sets (wordset.h), and the UTF-8 decoder (utf8.h).  Private:
 * not installed.
 */
#ifndef AG_UTIL_H
#define AG_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/map.h"
#include "util/utf8.h"
#include "util/wordset.h"

#endif
