/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rouge_score.h -- ROUGE-1, ROUGE-2 and ROUGE-L as ROUGE-1.5.5 defines
 * them (Lin 2004; options -n 2 -m [-l N] -f A), so precis can be scored
 * here without Perl and checked against the official numbers.
 */
#ifndef PRECIS_ROUGE_SCORE_H
#define PRECIS_ROUGE_SCORE_H

#include <stddef.h>

struct sb_stemmer;

typedef struct rouge_opts {
    int stem;            /* -m: Porter-stem words longer than 3 letters */
    size_t limit;        /* -l N: keep the first N words, 0: all */
    const char *unicode; /* NULL: ROUGE-1.5.5 ASCII tokens; else a
                            Snowball language: utf8proc words, stemmed */
    const char *wordnet; /* directory of WordNet's *.exc lists: with -m,
                            irregular forms map to their base form first
                            as ROUGE-1.5.5 does ("said" -> "say"); NULL:
                            none */
    int ngrams_only;     /* 1: ROUGE-1 and -2 only, rl left 0 (the LCS is
                            most of the cost; the oracle scores many
                            candidates by ROUGE-1 + 2) */
} rouge_opts;

/* Recall, precision and F1 (alpha 0.5) of one measure. */
typedef struct rouge_prf {
    double r, p, f;
} rouge_prf;

typedef struct rouge_scores {
    rouge_prf r1, r2, rl;
} rouge_scores;

typedef struct rouge rouge;

rouge *rouge_new(const rouge_opts *opts);
void rouge_free(rouge *r);
/* Score one summary against nrefs references; sentences are separated by
 * '\n'.  Multiple references are combined as ROUGE-1.5.5's -f A does:
 * hits and counts summed over references. */
rouge_scores rouge_score(rouge *r, const char *summary,
                         const char *const *refs, size_t nrefs);

#endif
