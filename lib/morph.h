/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * morph.h -- the word shapes attribution and keywords read, per language
 * (data/morph/XX.txt): endings that mark a participle ("adding"), an
 * adverb ("reportedly") or a past tense ("granted"); endings a name or
 * keyword drops ("Israel's"); the lower-case particles inside names
 * ("Ursula von der Leyen"); and whether its word order is verb-second.
 * A language without a file has none of them.
 */
#ifndef PRECIS_MORPH_H
#define PRECIS_MORPH_H

#include <stddef.h>
#include <string.h>

/* Entries of one kind: a few endings, a dozen particles, two dozen
 * oblique determiners. */
#define MORPH_MAX 32
#define MORPH_MAX_LEN 15

typedef struct morph_endings {
    char text[MORPH_MAX][MORPH_MAX_LEN + 1];
    unsigned char len[MORPH_MAX];
    size_t n;
} morph_endings;

typedef struct morph {
    morph_endings participle; /* [participle]: "ing" */
    morph_endings adverb;     /* [adverb]: "ly" */
    morph_endings past;       /* [past]: "ed" */
    morph_endings possessive; /* [possessive]: "'s" (either apostrophe) */
    morph_endings particles;  /* [particles]: "von", "de", "bin" (whole
                                 words, lower case) */
    morph_endings elided;     /* [elided]: a determiner written into the
                                 next word, "l'" of "l'ancien" (either
                                 apostrophe) */
    morph_endings oblique;    /* [oblique]: determiners that never open
                                 a subject ("dem", "den", "einem"; whole
                                 words, lower case) */
    int verb_second;          /* [verb-second], a section with no
                                 entries: the subject follows the verb
                                 when another word opens the clause
                                 ("Dann sagte er", "Da stand Heinrich
                                 auf und sagte") */
    int dialogue_dash;        /* [dialogue-dash], no entries: a line of
                                 dialogue opens its paragraph with a dash
                                 and its narration is set off by another
                                 ("—Ya lo sé —dijo el ministro—.") */
    int noun_capitals;        /* [noun-capitals], no entries: every noun
                                 is capitalised, so one after a
                                 determiner is a description ("der
                                 Fahrgast"), not a name */
} morph;

/* The length of the first of the endings that word[0, len) ends with,
 * at least min_stem bytes remaining before it; 0 when none does. */
static inline size_t morph_ends(const morph_endings *m, const char *word,
                                size_t len, size_t min_stem)
{
    for (size_t i = 0; i < m->n; i++)
        if (len >= m->len[i] + min_stem &&
            memcmp(word + len - m->len[i], m->text[i], m->len[i]) == 0)
            return m->len[i];
    return 0;
}

/* Whether word[0, len) is one of the listed words. */
static inline int morph_is(const morph_endings *m, const char *word,
                           size_t len)
{
    for (size_t i = 0; i < m->n; i++)
        if (len == m->len[i] && memcmp(word, m->text[i], len) == 0)
            return 1;
    return 0;
}

#endif
