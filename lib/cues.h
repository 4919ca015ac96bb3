/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cues.h -- finding every cue of data/boilerplate.txt in a sentence in
 * one pass over its bytes.
 *
 * The cues are compiled once, when the engine loads, into an
 * Aho-Corasick automaton (Aho and Corasick, "Efficient string matching",
 * CACM 1975): one table lookup per byte however many cues there are,
 * where trying each cue at each byte cost more than scoring the
 * sentence.  ASCII letters are folded to lower case on the way in, so
 * case-blind and case-sensitive cues share one automaton; the caller
 * checks the exact case, the anchoring and the language of each match.
 */
#ifndef PRECIS_CUES_H
#define PRECIS_CUES_H

#include <stddef.h>
#include <stdint.h>

/* A state, with CUE_MATCH set on transitions into a state with matches. */
typedef uint16_t cue_state;
#define CUE_MATCH 0x8000u

typedef struct cue_index {
    uint8_t cls[256]; /* byte -> input class (0: in no cue) */
    uint32_t nclass;  /* classes, class 0 included */
    uint32_t nstates;
    cue_state *next; /* nstates x nclass transitions */
    uint32_t *out;  /* per state: first of its matches in outs */
    uint32_t *nout; /* per state: how many */
    uint32_t *outs; /* cue numbers, the longest first */
} cue_index;

/* Build the automaton of n cues (texts[i] of lens[i] bytes, stored in
 * lower case when case-blind).  PRECIS_OK, PRECIS_ENOMEM, or PRECIS_EDATA
 * when the cues hold every byte value (no class is left for the rest)
 * or more than 32,766 bytes in all (states are 15 bits). */
int cues_build(cue_index *ix, const char *const *texts, const size_t *lens,
               size_t n);
void cues_free(cue_index *ix);

/* Calls found(ctx, cue, start) for each cue found in t[0, len), in the
 * order their ends are reached, until it returns nonzero; returns that
 * value, or 0. */
int cues_scan(const cue_index *ix, const char *t, size_t len,
              int (*found)(void *ctx, uint32_t cue, size_t start), void *ctx,
              const size_t *lens);

#endif
