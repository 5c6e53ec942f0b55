/*
 * actorgraph/ingest.h - reading news texts into documents.
 *
 * A document is the unit of extraction: an id (the file name without its
 * extension, or a JSONL record's "id"), the text as bytes, and optionally a
 * date.  The text keeps its original byte offsets: invalid UTF-8 bytes and
 * NUL bytes are replaced one for one (by '?' and ' '), never removed, so every
 * span the extractor reports points into the original input.
 *
 * Every function here that returns an int gives AG_EINVAL for a NULL
 * argument where none is allowed (text and data may be NULL when their
 * length is 0) and for options whose version is not AG_INGEST_OPTIONS_VERSION.
 */
#ifndef ACTORGRAPH_INGEST_H
#define ACTORGRAPH_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	char *id;    /**< document id */
	char *path;  /**< where it was read from ("-" for stdin), may be NULL */
	char *date;  /**< ISO date given with the input (JSONL "date"), or NULL */
	char *text;  /**< the bytes, NUL-terminated (the text itself may not contain NUL) */
	size_t len;  /**< length of text in bytes */
	size_t invalid_bytes; /**< bytes replaced because they were not valid UTF-8 or NUL */
	size_t first_invalid; /**< offset of the first replaced byte (when invalid_bytes > 0) */
} ag_document;

/** Called for each warning (a skipped file, repaired bytes); may be NULL. */
typedef void (*ag_warn_fn)(void *ctx, const char *message);

typedef struct {
	unsigned version;
	size_t max_doc_bytes; /**< larger files are skipped with a warning, a longer JSONL line is an AG_ELIMIT error (0 = 256 MiB) */
	ag_warn_fn warn;
	void *warn_ctx;
} ag_ingest_options;

#define AG_INGEST_OPTIONS_VERSION 1
#define AG_INGEST_OPTIONS_INIT {AG_INGEST_OPTIONS_VERSION, 0, NULL, NULL}

/**
 * Make a document from bytes (copied; id NULL or "" = "doc").  Invalid UTF-8
 * and NUL bytes are replaced in the copy and counted.  *out belongs to the
 * caller (ag_document_free).  AG_ENOMEM.
 */
AG_EXTERN int ag_document_new(const char *id, const char *text, size_t len, ag_document **out);

/** Free a document; NULL is accepted. */
AG_EXTERN void ag_document_free(ag_document *doc);

/** A stream of documents from files, folders, JSONL files and stdin. */
typedef struct ag_reader ag_reader;

/**
 * Open a reader over `n` inputs.  A folder is walked recursively in name
 * order and gives its *.txt, *.jsonl (and .gz of both) files; "-" is stdin.
 * Input paths and options are copied (opts NULL = the defaults).  Missing
 * inputs are reported by ag_reader_next().  *out belongs to the caller
 * (ag_reader_free).  AG_ENOMEM.
 */
AG_EXTERN int ag_reader_open(const char *const *inputs, size_t n,
                             const ag_ingest_options *opts, ag_reader **out);

/**
 * Read the next document: 1 and *out (owned by the caller: ag_document_free),
 * 0 at the end, or a negative code (the message names the file and the
 * place): AG_EIO for an input that cannot be read, AG_ELIMIT for a JSONL
 * line over max_doc_bytes, AG_ENOMEM.  Files and records it cannot use are
 * skipped and reported through the warn callback.
 */
AG_EXTERN int ag_reader_next(ag_reader *r, ag_document **out);

/** Bytes read so far, for progress reports (0 for a NULL reader). */
AG_EXTERN size_t ag_reader_bytes_read(const ag_reader *r);

/**
 * Where the reader is in its inputs, in bytes as stored on disk (a gzip file
 * counts its compressed size): *done so far, and *total over all inputs, or 0
 * when it cannot be known (standard input).  The first call walks the input
 * folders once to add up their sizes; later calls are cheap.  A NULL
 * argument gives 0 and 0.
 */
AG_EXTERN void ag_reader_position(ag_reader *r, uint64_t *done, uint64_t *total);

/** Close the reader's files and free it; NULL is accepted. */
AG_EXTERN void ag_reader_free(ag_reader *r);

/**
 * Read a whole file ("-" for stdin; gzip is decompressed) of at most
 * max_bytes (0 = no limit).  *out is NUL-terminated and belongs to the caller
 * (free()).  AG_EIO (missing, unreadable, a folder), AG_ELIMIT, AG_ENOMEM.
 */
AG_EXTERN int ag_file_read(const char *path, size_t max_bytes, char **out, size_t *len);

/**
 * Write data to path through a temporary file in the same folder and a
 * rename, so that a failed write leaves any previous file intact (through a
 * symbolic link, the file it points to is replaced; devices and pipes such as
 * /dev/null are written directly).  A path of "-" writes to stdout.  data is
 * not taken over.  AG_EIO (the message names the path and the reason),
 * AG_ENOMEM.  Safe to call from several threads.
 */
AG_EXTERN int ag_file_write_atomic(const char *path, const char *data, size_t len);

/**
 * The same, written piece by piece: open (the temporary file beside path, or
 * the device, or stdout for "-"), write any number of times, then commit
 * (renamed into place; the handle is freed) or abort (the temporary file is
 * removed and the handle freed; a previous file at path stays as it was).
 * Errors as ag_file_write_atomic; after a failed write, abort.
 */
typedef struct ag_output ag_output;
AG_EXTERN int ag_output_open(const char *path, ag_output **out);
AG_EXTERN int ag_output_write(ag_output *o, const char *data, size_t len);
AG_EXTERN int ag_output_commit(ag_output *o);
/** NULL is accepted. */
AG_EXTERN void ag_output_abort(ag_output *o);

#ifdef __cplusplus
}
#endif
#endif
