/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cues.h -- finding every cue of data/boilerplate.txt in a sentence in
 * one pass over its bytes.
 *
 * The cues are compiled once, when the engine loads, into an
 * Aho-Corasick automaton (Aho and Corasick, "Efficient string matching",
 * CACM 1975): one table lookup per byte however many cues there are,
 * where trying each cue at each byte cost more than scoring the
 * sentence.  It reads bytes in classes: ASCII letters folded to lower
 * case, so case-blind and case-sensitive cues share one automaton, and
 * the rarest bytes of the cues merged with the bytes of none, so a row
 * of transitions is one 64-byte cache line (a table of 75 classes, one
 * per byte the cues hold, was 448 KB, and its misses were most of the
 * scan's time).  What it finds is thus a superset: the caller checks the
 * exact text, the anchoring and the language of each match.
 *
 * No cue starts inside a word ("Credit:", never "...itCredit"): a match
 * starts at the text's first byte, at a byte that is no ASCII letter or
 * digit, or after one.  The automaton knows it (two root states, at a
 * possible start and inside a word), so a match inside a word is never
 * reported for the caller to drop.
 */
#ifndef PRECIS_CUES_H
#define PRECIS_CUES_H

#include <stddef.h>
#include <stdint.h>

/* A state, with CUE_MATCH set on transitions into a state with matches. */
typedef uint16_t cue_state;
#define CUE_MATCH 0x8000u
#define CUE_AT_START 0    /* a cue may start at the next byte */
#define CUE_IN_WORD 1     /* the next byte starts no cue if a word byte */
#define CUE_FIRST_STATE 2 /* the trie's first state below the roots */

/* Byte classes: the bytes of no cue (or a rare one), inside words and
 * not; then one class per byte the cues hold often. */
#define CLASS_OTHER 0
#define CLASS_OTHER_WORD 1
#define CLASS_FIRST_CUE 2
/* 16-bit transitions in a 64-byte row, however many classes are used:
 * the scan's next row is a shift away, not a multiplication. */
#define CUE_CLASSES 32

typedef struct cue_index {
    uint8_t cls[256]; /* byte -> input class */
    uint32_t nclass;  /* classes used, the two CLASS_OTHER* included */
    uint32_t nstates;
    cue_state *next; /* nstates rows of CUE_CLASSES transitions */
    uint32_t *out;  /* per state: first of its matches in outs */
    uint32_t *nout; /* per state: how many */
    uint32_t *outs; /* cue numbers, the longest first */
} cue_index;

/* Build the automaton of n cues (texts[i] of lens[i] bytes, stored in
 * lower case when case-blind).  PRECIS_OK, PRECIS_ENOMEM, or PRECIS_EDATA
 * when the cues hold more than 32,765 bytes in all (states are 15
 * bits). */
int cues_build(cue_index *ix, const char *const *texts, const size_t *lens,
               size_t n);
void cues_free(cue_index *ix);

/* A text to scan, and what to call for each cue found in it. */
typedef struct cue_text {
    const char *text;
    size_t len;
    void (*found)(void *ctx, uint32_t cue, size_t start);
    void *ctx;
} cue_text;

/* Calls text->found(ctx, cue, start) for each cue whose bytes' classes
 * occur in text[0, len) where a cue may start (above), every cue found
 * exactly among them, in the order their ends are reached; lens[cue] is
 * each cue's length. */
void cues_scan(const cue_index *ix, const cue_text *text, const size_t *lens);

/* The same for two texts at once, each reported as cues_scan would:
 * the scan waits on one load a byte, and two texts give the processor
 * two such chains to run side by side. */
void cues_scan_two(const cue_index *ix, const cue_text *a, const cue_text *b,
                   const size_t *lens);

#endif
