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

typedef struct lang_votes {
    double hits[ENGINE_MAX_LANGS]; /* stop words of each language */
    size_t matches;                /* tokens that are some stop word */
    size_t tokens;                 /* tokens in the sample */
} lang_votes;

/* Count times occurrences of the folded word fold[0..len), whose
 * strmap_hash is hash. */
void lang_vote(const precis_engine_t *e, lang_votes *v, const char *fold,
               size_t len, uint32_t hash, uint32_t times);
const lang *lang_choose(const precis_engine_t *e, const lang_votes *v);

#endif
