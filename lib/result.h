/*
 * result.h -- turning the annotated document into the caller's result.
 */
#ifndef PRECIS_RESULT_H
#define PRECIS_RESULT_H

#include "doc.h"
#include "keywords.h"

int result_build(const doc *d, const size_t *chosen, size_t nchosen,
                 const kw_candidate *kws, size_t nkws, precis_result_t **out);

#endif
