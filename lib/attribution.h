/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * attribution.h -- who said a quotation.
 *
 * Reads the words around each quotation for a reporting cue of the
 * language (speech/XX.txt) and the speaker it points at, then resolves
 * pronouns, surnames and roles ("the spokesman") to the most recent
 * compatible name seen in the document.
 */
#ifndef PRECIS_ATTRIBUTION_H
#define PRECIS_ATTRIBUTION_H

#include "doc.h"
#include "quote_marks.h"

/* Values of lang.speech. */
enum {
    CUE_VERB = 1,      /* "said": the speaker is its subject */
    CUE_ACCORDING = 2, /* "according (to)": the speaker follows */
    CUE_PRONOUN = 3,   /* "he": the last named speaker */
    CUE_ROLE = 4,      /* "spokesman", "Sen.": a role or title */
    CUE_FIRST_PERSON = 5, /* "I", "we", "man": a speaker with no name to
                             find ([first-person], [impersonal]) */
    CUE_DETERMINER = 6,   /* "the", "a": opens a description */
    CUE_AUXILIARY = 7,    /* "has", "a" (fr): may stand before a cue */
    CUE_CONJUNCTION = 8,  /* "and": a second verb of the same subject */
    CUE_TIME = 9,         /* "Monday", "August": capitalised, not names */
    CUE_NOT_NAME = 10,    /* "Darauf", "Endlich": open a sentence
                             capitalised, never names */
    CUE_OF = 11,          /* "of", "de", "van": joins a role to its place
                             or body ("mayor of Paiporta") */
    CUE_THAT = 12,        /* "that", "que", "что": opens what was said
                             ("explicou que \"…\"") */
    CUE_PREPOSITION = 13  /* "nach", "mit": the noun phrase after it is
                             never the subject ("Nach einer Weile sagt
                             sie") */
};

/* The gender a pronoun, title or role marks ("she", "Mrs.",
 * "spokeswoman"), stored in lang.speech above the cue:
 * CUE_PRONOUN | GENDER_F << CUE_BITS. */
enum { GENDER_M = 1, GENDER_F = 2 };
#define CUE_BITS 8
#define CUE_MASK ((1u << CUE_BITS) - 1)
/* The GENDER_* of a lang.speech value. */
#define CUE_GENDER(v) ((int)(((v) >> CUE_BITS) & 3))
/* Beside CUE_ROLE ([epithets]): a word that describes a person rather
 * than an office ("der SPD-Politiker", "el dirigente popular"): with no
 * one holding it, it stands for the last named person of its gender. */
#define CUE_EPITHET (1u << (CUE_BITS + 2))

typedef struct span {
    size_t start, end; /* bytes; equal when absent */
} span;

typedef struct speaker {
    span mention; /* the words at the quote: "he", "the spokesman",
                     "Hamas spokesman Hazem Qassem" */
    span name;    /* the resolved name, maybe an earlier mention */
    span role;    /* "Hamas spokesman", "Prime Minister" */
    span cue;     /* "said", "according" */
    int gender;   /* GENDER_* its role, title or pronoun marks, or 0 */
} speaker;

typedef struct attributor attributor;

/* For the quotations qs[0..n) of d, which must outlive it. */
attributor *attributor_new(const doc *d, const qspan *qs, size_t n);
/* The speaker of qs[k]; call with k rising.  Everything is zero when no
 * cue or pattern names one. */
void attributor_find(attributor *a, size_t k, speaker *out);
/* The person qs[k] speaks to, named in it: "Hm! Weißt du, Amalie?",
 * "Kutscher, bist du verheiratet?".  0 when it names no one. */
int attributor_addressee(attributor *a, size_t k, speaker *out);
void attributor_free(attributor *a);

#endif
