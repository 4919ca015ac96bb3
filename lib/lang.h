/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lang.h -- which loaded language a text is in (lang.c).
 *
 * The evidence is the words of the text's first LANG_DETECT_BYTES: the
 * caller counts its tokens into lang_votes.tokens (words and CJK
 * characters, not numbers) and gives each distinct word to lang_vote()
 * with how often it occurs there; lang_choose() then names the language
 * or NULL when the evidence is too thin.
 */
#ifndef PRECIS_LANG_H
#define PRECIS_LANG_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

/* Tokens ending within this many bytes of the start are the sample. */
#define LANG_DETECT_BYTES (16 * 1024)

/* A word that is a stop word of k languages gives each 1/k of a vote,
 * counted exactly as LANG_VOTE_WHOLE / k: the least common multiple of
 * 1 to ENGINE_MAX_LANGS (32), so every share is whole and a sample of
 * 16 KiB (under 10^4 votes) stays far inside 64 bits. */
#define LANG_VOTE_WHOLE 144403552893600ull

typedef struct lang_votes {
    uint64_t hits[ENGINE_MAX_LANGS]; /* stop words of each language, in
                                        LANG_VOTE_WHOLE parts each */
    size_t matches;                /* tokens that are some stop word */
    size_t tokens;                 /* tokens in the sample */
} lang_votes;

/* Count times occurrences of the folded word fold[0..len), whose
 * strmap_hash is hash. */
void lang_vote(const precis_engine_t *e, lang_votes *v, const char *fold,
               size_t len, uint32_t hash, uint32_t times);
const lang *lang_choose(const precis_engine_t *e, const lang_votes *v);

#endif
