/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * quote_marks.h -- where the quotations of a document are.
 *
 * Pairs quotation marks in every style news text uses and tells
 * statements from scare quotes and titles.  Attribution is elsewhere
 * (attribution.h); this only reads marks, words and paragraphs.
 */
#ifndef PRECIS_QUOTE_MARKS_H
#define PRECIS_QUOTE_MARKS_H

#include "doc.h"

typedef struct qspan {
    size_t open;       /* the opening mark */
    size_t start, end; /* the words between the outer marks */
    size_t after;      /* just past the closing mark */
    uint32_t paragraph;  /* index of the paragraph it opens in */
    uint32_t paragraphs; /* 1, or more for a news-style quote that opens
                            each paragraph and closes once at the end */
    uint32_t words;      /* word tokens inside (counted up to 64) */
    unsigned fragment : 1; /* a scare quote or a title, not a statement */
    unsigned whole : 1;    /* opens with a capital: whole sentences, not
                              a clause worked into the writer's own */
    unsigned opens_sentence : 1; /* nothing but space or a colon before
                                    it in its sentence */
} qspan;

#endif
