/*
 * actorgraph/gazetteer.h - the lists of known names the extractor matches:
 * states (with official names, abbreviations, capitals, seats of power and
 * demonyms), cities, regions, organizations and state organs, media, titles
 * and roles, words that are never persons, and given names.
 *
 * The built-in lists are compiled into the library from src/data (the .tsv files).
 * Further lists in the same format can be added at run time:
 *
 *     kind <TAB> target <TAB> label <TAB> form|form|...
 *
 * with kind one of state, capital, seat, demonym, city, region, org, organ,
 * media, title, nonperson; target the slug of the state an entry belongs to
 * (for state lines: its own slug; '-' for none; a role class for titles).
 * Lines starting with '#' and blank lines are ignored.
 */
#ifndef ACTORGRAPH_GAZETTEER_H
#define ACTORGRAPH_GAZETTEER_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_gazetteer ag_gazetteer;

/** Make a gazetteer holding the built-in lists.  *out belongs to the caller (ag_gazetteer_free).  AG_ENOMEM. */
AG_EXTERN int ag_gazetteer_new(ag_gazetteer **out);

/**
 * Add the entries of a TSV file in the format above.  Errors name the file
 * and line (AG_EPARSE) or the reason the file could not be read (AG_EIO).
 */
AG_EXTERN int ag_gazetteer_load_file(ag_gazetteer *gz, const char *path);

/** The same from a buffer (not kept after the call); `name` is used in error messages.  AG_EPARSE, AG_ENOMEM. */
AG_EXTERN int ag_gazetteer_load_buffer(ag_gazetteer *gz, const char *data, size_t len,
                                       const char *name);

/** Number of surface forms known. */
AG_EXTERN size_t ag_gazetteer_size(const ag_gazetteer *gz);

/** Free a gazetteer; NULL is accepted. */
AG_EXTERN void ag_gazetteer_free(ag_gazetteer *gz);

#ifdef __cplusplus
}
#endif
#endif
