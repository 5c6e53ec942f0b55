/*
 * unglue.h - names glued to the next word by the page the text came from
 * (unglue.c).  Private.
 */
#ifndef AG_EXTRACT_UNGLUE_H
#define AG_EXTRACT_UNGLUE_H

#include "extract/textdoc.h"

/* Cut tokens like "Abramovichaccompanied" into the name and the word after
 * it (a name the document writes alone or the actor dictionary knows, then a
 * verb form or a word that follows names).  Runs on the tokens, before the
 * sentences; 0 or AG_ENOMEM. */
int ag__unglue_names(ag_textdoc *td);

#endif
