/*
 * meetings.h - meetings: talks, summits, visits, with place, dates and sides (meetings.c).
 */
#ifndef AG_EXTRACT_MEETINGS_H
#define AG_EXTRACT_MEETINGS_H

#include "extract/textdoc.h"

/* Find the meetings of td (after the persons). */
int ag__find_meetings(ag_textdoc *td);

#endif
