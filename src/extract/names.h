/*
 * names.h - persons, their roles and affiliations (names.c).
 */
#ifndef AG_EXTRACT_NAMES_H
#define AG_EXTRACT_NAMES_H

#include "extract/textdoc.h"

/* Find the persons of td, with role and affiliation. */
int ag__find_persons(ag_textdoc *td);

#endif
