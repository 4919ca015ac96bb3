/*
 * quotes.h -- direct quotations and who said them.
 */
#ifndef PRECIS_QUOTES_H
#define PRECIS_QUOTES_H

#include "doc.h"

/* Quote attribution cues, the values of lang.speech. */
enum {
    CUE_VERB = 1,      /* "said": the speaker is its subject */
    CUE_ACCORDING = 2, /* "according (to)": the speaker follows */
    CUE_PRONOUN = 3    /* "he": the last named speaker */
};

typedef struct quote {
    size_t start, end;  /* the words between the quotation marks */
    size_t sp_start;    /* the speaker's name where it was found, */
    size_t sp_end;      /* equal when unattributed */
    uint32_t sentence;  /* sentence holding the opening mark */
    double score;
} quote;

/* Up to max quotes of the selectable text, best first by score, then
 * put in document order; *out is malloc'd. */
int quotes_extract(const doc *d, size_t max, quote **out, size_t *count);

#endif
