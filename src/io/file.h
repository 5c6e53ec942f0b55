/*
 * file.h - the gzip reading that file.c shares with the reader.  Private.
 *
 * Every input goes through zlib's gz* functions (plain files too: zlib reads
 * them as they are), with one chunk size for the buffers.
 */
#ifndef AG_IO_FILE_H
#define AG_IO_FILE_H

#include <stdbool.h>
#include <sys/stat.h>
#include <zlib.h>

#include "util/buf.h"

/* Bytes read at a time, and zlib's buffer size. */
#define AG_IO_CHUNK 65536

/* Open path ("-" for a duplicate of stdin) for reading through zlib:
 * 0 with *out, or AG_EIO naming the path. */
int ag__gz_open(const char *path, gzFile *out);

/* AG_EIO for the error state of f, with zlib's message (without the name
 * zlib puts in front of it) or the system's, after path. */
int ag__gz_fail(gzFile f, const char *path);

/* gzread gives 0 at the end of the data, also when a compressed file ends
 * early or is corrupt; only the error state tells those apart. */
bool ag__gz_failed(gzFile f);

/* Read what is left of f onto b (which may hold text already), NUL-terminated:
 * AG_ELIMIT past max_bytes in all (0 = no limit), AG_ENOMEM, or AG_EIO with
 * zlib's message.  On an error b is freed. */
int ag__gz_read_rest(gzFile f, const char *path, size_t max_bytes, ag_buf *b);

/* ag_file_read of a file already stat()ed (st; NULL for "-"), as the
 * reader has: one system call less for each file of a folder. */
int ag__file_read_stat(const char *path, const struct stat *st, size_t max_bytes, char **out, size_t *len);

#endif
