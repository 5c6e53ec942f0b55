/* gazetteer_data.h - the data files of src/data, embedded by scripts/embed.cmake. */
#ifndef AG_GAZETTEER_DATA_H
#define AG_GAZETTEER_DATA_H

#include <stddef.h>

typedef struct {
	const char *name;
	const unsigned char *bytes;
	size_t size;
} ag_data_file;

/* Terminated by an entry whose name is NULL. */
extern const ag_data_file ag__data_files[];

#endif
