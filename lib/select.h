/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * select.h -- summary selection under a budget.
 */
#ifndef PRECIS_SELECT_H
#define PRECIS_SELECT_H

#include "doc.h"

/* The share of the document a summary under this budget (enum
 * precis_budget, value) takes, 0..1: sentences of the selectable ones,
 * or words of all; 0 when it comes to LEDE_SENTENCES sentences or
 * fewer (weights.h). */
double budget_coverage(const doc *d, int budget, double value);

#endif
