/*
 * select.h -- summary selection under a budget.
 */
#ifndef PRECIS_SELECT_H
#define PRECIS_SELECT_H

#include "doc.h"

/* Choose sentences of d under budget (enum precis_budget, value) with
 * MMR weight lambda.  *out receives malloc'd sentence indexes in
 * document order. */
int select_sentences(const doc *d, int budget, double value, double lambda,
                     size_t **out, size_t *count);

#endif
