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

#endif
