/*
 * namekey.c - name particles and the spelling-tolerant key of a name, shared
 * by the person finder (names.c) and identity resolution across documents
 * (resolve.c).
 */
#include <string.h>

#include "extract/namekey.h"
#include "util/util.h"

/* Particles inside names: von der Leyen, bin Salman, al-Sisi, da Silva. */
static const char *const particles[] = {
	"von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "la", "le", "bin", "ibn",
	"bint", "al", "el", "abu", "ben", "dos", "das", "ter", "zu", NULL};
static ag_wordset particles_set = AG_WORDSET(particles);

ag_wordset *ag__particles(void)
{
	return &particles_set;
}

bool ag__is_particle(const char *folded)
{
	size_t n = strlen(folded);
	return ag__wordset_find(&particles_set, ag__hash_step(AG_HASH_INIT, folded, n), folded, n) >= 0;
}

/* The spelling-tolerant key of a folded name: y as i, doubled letters single,
 * no hyphens, apostrophes or dots (Zelensky = Zelenskyy, Heorhii = Heorhiy).
 * Shared with resolve.c, which compares names across documents the same way. */
int ag__name_key(const char *folded, size_t n, ag_buf *out)
{
	char prev = 0, *d;
	size_t j = 0;
	ag__buf_clear(out);
	/* the key is never longer than the name: room once, then written directly */
	if (ag__buf_append(out, folded, n) < 0)
		return AG_ENOMEM;
	d = out->data;
	for (size_t i = 0; i < n; i++) {
		char c = folded[i];
		if (c == 'y')
			c = 'i';
		if (c == '-' || c == '\'' || c == '.')
			continue;
		if (c == prev && c != ' ')
			continue;
		d[j++] = c;
		prev = c;
	}
	d[j] = '\0';
	out->len = j;
	return 0;
}
