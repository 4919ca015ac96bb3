/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/faithful.h -- what a summary's sentences need from the text
 * they were taken out of, counted (issue 17's faithfulness measure).
 *
 * A sentence "leans back" when it opens with a word of the language's
 * data/dependent/XX.txt (a third-person pronoun, "But", "However", "In
 * addition"...), after any opening quotation mark, unless the longest
 * entry it matches is of the file's [not] section ("Il y a"); it is
 * unresolved in a summary that lacks the sentence before it (the
 * text's first sentence, which has none, never is).  The
 * count reads the data file itself, not the engine's use of it, so it
 * measures Lead the same way.  (A sentence cut inside a quotation is
 * told by bench/eval from the quotations precis finds.)
 */
#ifndef BENCH_FAITHFUL_H
#define BENCH_FAITHFUL_H

#include <stddef.h>

typedef struct openers openers;

/* data_dir/dependent/lang.txt, or an empty list when there is none;
 * NULL when out of memory or on a malformed file. */
openers *openers_load(const char *data_dir, const char *lang);
void openers_free(openers *o);

/* Whether text opens with one of the entries (not a [not] one). */
int leans_back(const openers *o, const char *text);

#endif
