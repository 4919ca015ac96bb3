/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * result.h -- turning the annotated document into the caller's result.
 */
#ifndef PRECIS_RESULT_H
#define PRECIS_RESULT_H

#include "doc.h"
#include "keywords.h"
#include "quotes.h"

int result_build(const doc *d, const size_t *chosen, size_t nchosen,
                 const kw_candidate *kws, size_t nkws, const quote *quotes,
                 size_t nquotes, precis_result_t **out);
/* A result of every sentence with its exclusion (precis_segment()). */
int result_build_segments(const doc *d, precis_result_t **out);

#endif
