/*
 * pipeline.h - the stages of extraction, in the order the driver (extract.c)
 * runs them on each document, and what each adds to the working state
 * (textdoc.h).  Included by the driver only: the stages know the working
 * state and the stages below them, never the driver.
 *
 *   sentences.h     ag__text_prepare: tokens (tokenize.c), page furniture, sentences
 *   mentions.h      ag__find_mentions: states, organizations, places, titles (gazetteer.c)
 *   names.h         ag__find_persons: persons, roles, affiliations
 *   meetings.h      ag__find_meetings: meetings, their place, dates and sides
 *   relations.h     ag__relate: actor nodes (nodes.c), co-mention and affiliation links
 *   meeting_links.h ag__relate_meetings: meeting nodes and their role links
 *
 * Across documents: the corpus graph is their union (graph/union.c), then
 * identities are resolved (resolve.c).
 */
#ifndef AG_EXTRACT_PIPELINE_H
#define AG_EXTRACT_PIPELINE_H

#include "extract/gazetteer.h"
#include "extract/meeting_links.h"
#include "extract/meetings.h"
#include "extract/mentions.h"
#include "extract/names.h"
#include "extract/relations.h"
#include "extract/sentences.h"

#endif
