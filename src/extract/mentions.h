/*
 * mentions.h - mentions of gazetteer names in a document (mentions.c).
 */
#ifndef AG_EXTRACT_MENTIONS_H
#define AG_EXTRACT_MENTIONS_H

#include "extract/textdoc.h"

/* Find the mentions of states, organizations, places, titles and
 * never-person names in td (longest match first). */
int ag__find_mentions(ag_textdoc *td);

#endif
