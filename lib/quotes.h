/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * quotes.h -- the key quotations of a document, ranked.
 */
#ifndef PRECIS_QUOTES_H
#define PRECIS_QUOTES_H

#include "attribution.h"
#include "doc.h"
#include "quote_marks.h"

typedef struct quote {
    qspan marks;
    speaker who;       /* all empty when unattributed */
    uint32_t sentence; /* sentence holding the opening mark */
    double score;
} quote;

/* Up to max of the quotations marks[0..nmarks) (quote_marks_find())
 * in the selectable text, statements by score, then (when fragments is
 * set) scare quotes and titles; near-duplicates dropped; returned in
 * document order.  *out is malloc'd. */
int quotes_extract(const doc *d, const qspan *marks, size_t nmarks,
                   size_t max, int fragments, quote **out, size_t *count);

#endif
