/*
 * extract.h - the extraction driver's entry points with the caller's working
 * state (extract.c), for the threaded run (run.c).  Private.
 *
 * ag_extract_document and ag_extractor_add allocate a working state per call;
 * these take one that the caller reuses from one document to the next, so
 * that its arrays are allocated once (start from {0}; ag__textdoc_free at the
 * end).  One td per thread.
 */
#ifndef AG_EXTRACT_EXTRACT_H
#define AG_EXTRACT_EXTRACT_H

#include "actorgraph/extract.h"
#include "extract/textdoc.h"

int ag__extract_document_td(const ag_extractor *ex, const ag_document *doc, ag_textdoc *td, ag_graph **out);
int ag__extractor_add_td(ag_extractor *ex, const ag_document *doc, ag_textdoc *td);

#endif
