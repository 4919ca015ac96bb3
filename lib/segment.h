/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * segment.h -- paragraphs and sentences with byte offsets.
 *
 * Input is first cut into lines.  Consecutive lines form one block (a
 * paragraph) only when the text is hard-wrapped, or a line stops
 * mid-sentence (on a comma, on a lower-case stop word, or without
 * punctuation before prose in lower case, or around an inline link on
 * a line of its own); otherwise a line break ends the sentence, so
 * headlines, menus and captions never merge into the text after them.
 * Inside a block, sentence ends are found at . ! ? … and the CJK and
 * full-width stops, with abbreviations (per language, spaced, elided),
 * initials, decimals, URLs, ellipses, list markers, quotations (kept
 * whole) and closing marks taken into account, after a caption's
 * "(right)" and before a sentence run in without its stop ("camera The
 * soldier"); a dateline opening a paragraph ("WASHINGTON (AP) --") is a
 * segment of its own.  docs/engine.md#segmentation has every rule.
 */
#ifndef PRECIS_SEGMENT_H
#define PRECIS_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "strmap.h"

/* Abbreviation kinds, the values of seg_rules.abbrev. */
enum {
    ABBR_PLAIN = 1,  /* may end a sentence: "Inc.", "U.S.", "a.m." */
    ABBR_PREFIX = 2, /* stands before a name, never ends one: "Mr." */
    ABBR_NUMBER = 3, /* stands before a number: "No. 5", "Jan. 12" */
    ABBR_AFTER_ORDINAL = 4, /* not an abbreviation: a word that follows a
                               day or rank written "12." ("vom 12. Juni",
                               "zum 3. Mal"), which is then no stop */
    ABBR_OPENER = 5, /* not an abbreviation: a word that, capitalised,
                        opens a sentence and never follows a lower-case
                        word inside one ("The", "But", "She") */
    ABBR_STARTER = 6 /* not an abbreviation: a word that, capitalised
                        after an abbreviation, starts a new sentence
                        ("in the U.S. Millions attended") */
};

/* A sentence longer than this is cut at a space: nothing that long is a
 * summary sentence, and it bounds the work per sentence. */
#define SEG_MAX_SENTENCE 4096

typedef struct seg_rules {
    const strmap *abbrev; /* lower-cased, without final dot -> ABBR_* */
    const strmap *stop;   /* lower-cased stop words */
} seg_rules;

/* 16 bytes: offsets fit 32 bits (PRECIS_MAX_INPUT), and a text of short
 * lines has a sentence every few bytes. */
typedef struct seg_sentence {
    uint32_t start, end; /* trimmed byte range */
    uint32_t paragraph;
    unsigned terminated : 1; /* ends in sentence punctuation */
    unsigned whole_line : 1; /* is alone on its line(s) */
    unsigned opens_line : 1; /* starts its line(s) */
    unsigned run_in : 1;     /* ends without a stop where the next
                                sentence was run into it: a caption on a
                                flattened page ("…his finger The fish
                                moves away") */
    unsigned dateline : 1;   /* "WASHINGTON (AP) --" opening a paragraph
                                (dateline.c), split off the sentence */
} seg_sentence;

_Static_assert(sizeof(seg_sentence) == 16, "a sentence every few bytes");

typedef struct seg_list {
    seg_sentence *items;
    size_t count, cap;
    size_t paragraphs;
} seg_list;

/* Segment text[0, len).  rules may be NULL or hold NULL maps.  Returns PRECIS_OK
 * or PRECIS_ENOMEM; free the list with seg_list_free(). */
int segment_text(const char *text, size_t len, const seg_rules *rules,
                 seg_list *list);
void seg_list_free(seg_list *list);

#endif
