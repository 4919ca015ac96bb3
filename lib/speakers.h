/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * speakers.h -- what the three files of attribution share: the
 * attributor's state, the window of tokens it reads, and the functions
 * one file offers the others.
 *
 *   attribution.c  the cue patterns around each quotation, in order of
 *                  preference, and the attributor's driver
 *   mentions.c     the mention grammar: runs of name words, titles and
 *                  roles split from names, descriptions, subjects
 *   people.c       the memory of people: names seen, and a pronoun,
 *                  surname or role resolved to the last compatible one
 */
#ifndef PRECIS_SPEAKERS_H
#define PRECIS_SPEAKERS_H

#include "attribution.h"
#include "engine.h"

/* Lower-case words allowed between a name and its verb: "he was quoted
 * as saying", "Gantz reportedly told". */
#define MAX_SKIP 4
/* Tokens of the sentences around one quotation that are looked at: at
 * most this many, and at most two for each of the document's tokens
 * (mention_window cuts one into two at most, "l'" and "ancien"), which
 * sizes a short text's window. */
#define MAX_TOKENS 512

/* 12 bytes: the window is part of every call that looks for quotes (6 KB,
 * where 40-byte tokens made it 20 KB, two thirds of a 1 KB article's
 * peak). */
typedef struct qtok {
    uint32_t start, end; /* under PRECIS_MAX_INPUT */
    uint8_t flags;       /* TOK_* */
    uint8_t cue;         /* CUE_* or 0 */
    uint8_t gender;      /* GENDER_* the word marks, or 0 */
    uint8_t stop : 1;    /* a stop word */
    uint8_t inside : 1;  /* between the marks of some quotation */
} qtok;

_Static_assert(sizeof(qtok) == 12, "the window's tokens");

typedef struct person {
    span name, role;
    int gender; /* GENDER_* from a title, a role or a pronoun, or 0 */
} person;

struct attributor {
    const doc *d;
    const qspan *qs;
    size_t nq;
    person *people; /* every name seen so far, in text order */
    size_t npeople, cap;
    span last;              /* what a pronoun stands for */
    uint32_t subjects_done; /* sentences before this one were read */
    size_t ntoks, room;     /* the window's tokens, and room for them */
    qtok toks[];            /* the window (mention_window) */
};

#define SPAN_NONE ((span){0, 0})

/* The word shapes of the document's language (none when unknown). */
static inline const morph *attr_morph(const attributor *a)
{
    static const morph none;
    return a->d->lang ? &a->d->lang->morph : &none;
}

static inline int empty(span s)
{
    return s.end <= s.start;
}

/* The byte at i, 0 past the end: the input need not end in NUL. */
static inline char byte_at(const attributor *a, size_t i)
{
    return i < a->d->len ? a->d->text[i] : '\0';
}

static inline span tok_span(const attributor *a, size_t first, size_t last)
{
    return (span){a->toks[first].start, a->toks[last].end};
}

/* mentions.c */
void mention_window(attributor *a, size_t start, size_t end);
int mention_is_name_word(const qtok *q);
int mention_ends_with(const attributor *a, size_t k, const morph_endings *m);
size_t mention_run_start(const attributor *a, size_t k);
size_t mention_run_end(const attributor *a, size_t k);
speaker mention_person_from_run(const attributor *a, size_t first, size_t last);
int mention_subject_before(attributor *a, size_t k, speaker *s);
int mention_speaker_after(attributor *a, size_t k, speaker *s);
int mention_sentence_subject(attributor *a, size_t k, speaker *s);
/* A person, a pronoun or a description right at token k, nothing
 * skipped: "(spottete) er", "(sagte) der Alte". */
int mention_subject_at(attributor *a, size_t k, speaker *s);

/* people.c */
void people_remember(attributor *a, const speaker *s);
void people_resolve(attributor *a, speaker *s, int pronoun);

#endif
