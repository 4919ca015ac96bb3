/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cues.c -- the cue automaton (cues.h).
 */
#include "cues.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "precis.h"
#include "utf8.h"

#define NONE UINT16_MAX /* no transition yet, while building */

/* ASCII letters and digits: the bytes a cue may not start among. */
static int word_byte(unsigned char c)
{
    return c < 0x80 && (uc_is_letter(c) || uc_is_digit(c));
}

void cues_free(cue_index *ix)
{
    mem_free(ix->next);
    mem_free(ix->out);
    mem_free(ix->nout);
    mem_free(ix->outs);
    memset(ix, 0, sizeof *ix);
}

int cues_build(cue_index *ix, const char *const *texts, const size_t *lens,
               size_t n)
{
    memset(ix, 0, sizeof *ix);
    /* Classes: the CUE_CLASSES - 2 bytes the cues hold most often get one
     * each (upper-case ASCII letters their lower-case letter's); every
     * other byte is CLASS_OTHER_WORD or CLASS_OTHER, as word_byte()
     * says.  Bytes sharing a class make the automaton find some texts
     * that are not cues, which the caller's exact check drops; what it
     * buys is a row of transitions in one cache line (cues.h). */
    size_t uses[256] = {0};
    size_t total = CUE_FIRST_STATE;
    for (size_t i = 0; i < n; i++) {
        total += lens[i];
        for (size_t k = 0; k < lens[i]; k++)
            uses[uc_ascii_lower((unsigned char)texts[i][k])]++;
    }
    ix->nclass = CLASS_FIRST_CUE;
    while (ix->nclass < CUE_CLASSES) {
        int most = 0;
        for (int c = 1; c < 256; c++)
            if (uses[c] > uses[most])
                most = c;
        if (!uses[most])
            break;
        ix->cls[most] = (uint8_t)ix->nclass++;
        uses[most] = 0;
    }
    for (int c = 0; c < 256; c++) {
        unsigned char lower = uc_ascii_lower((unsigned char)c);
        if (ix->cls[lower])
            ix->cls[c] = ix->cls[lower];
        else
            ix->cls[c] = word_byte((unsigned char)c) ? CLASS_OTHER_WORD
                                                         : CLASS_OTHER;
    }
    uint8_t in_word[256] = {0}; /* per class: its bytes are word bytes */
    for (int c = 0; c < 256; c++)
        in_word[ix->cls[c]] = word_byte((unsigned char)c);
    /* States are 15 bits and a transition's top bit says its target has
     * matches, so the scan reads one 16-bit entry a byte (it runs over
     * every byte of every sentence): the cues may hold 32,765 bytes. */
    if (total >= CUE_MATCH)
        return PRECIS_EDATA;
    uint32_t *fail = mem_malloc(total * sizeof *fail);
    uint32_t *queue = mem_malloc(total * sizeof *queue);
    uint32_t *own = mem_calloc(total, sizeof *own); /* a cue ending here + 1 */
    uint32_t *same = mem_malloc((n ? n : 1) * sizeof *same); /* the next */
    ix->next = mem_malloc(total * CUE_CLASSES * sizeof *ix->next);
    ix->out = mem_calloc(total, sizeof *ix->out);
    ix->nout = mem_calloc(total, sizeof *ix->nout);
    int rc = PRECIS_ENOMEM;
    if (!fail || !queue || !own || !same || !ix->next || !ix->out ||
        !ix->nout)
        goto done;
    /* The trie, from CUE_AT_START. */
    ix->nstates = CUE_FIRST_STATE;
    for (size_t k = 0; k < CUE_FIRST_STATE * CUE_CLASSES; k++)
        ix->next[k] = NONE;
    for (size_t i = n; i-- > 0;) { /* last first: same[] lists in order */
        uint32_t s = CUE_AT_START;
        for (size_t k = 0; k < lens[i]; k++) {
            cue_state *slot = &ix->next[s * CUE_CLASSES +
                                       ix->cls[(unsigned char)texts[i][k]]];
            if (*slot == NONE) {
                cue_state t = (cue_state)ix->nstates++;
                for (size_t j = 0; j < ix->nclass; j++)
                    ix->next[t * CUE_CLASSES + j] = NONE;
                *slot = t;
            }
            s = *slot;
        }
        same[i] = own[s]; /* the cues ending in s, chained */
        own[s] = (uint32_t)i + 1;
    }
    /* Failure links breadth first, to the longest proper suffix that is
     * a trie path starting where a cue may start (not a word byte after
     * a word byte), else to the root state its last byte leaves; a
     * missing transition takes the failure state's, so scanning never
     * backtracks.  The roots: a cue may start at any byte after
     * CUE_AT_START, at a byte outside words after CUE_IN_WORD. */
    size_t head = 0, tail = 0;
    for (size_t c = 0; c < ix->nclass; c++) {
        cue_state *slot = &ix->next[CUE_AT_START * CUE_CLASSES + c];
        cue_state root = in_word[c] ? CUE_IN_WORD : CUE_AT_START;
        if (*slot == NONE) {
            *slot = root;
        } else {
            fail[*slot] = root;
            queue[tail++] = *slot;
        }
    }
    for (size_t c = 0; c < ix->nclass; c++)
        ix->next[CUE_IN_WORD * CUE_CLASSES + c] =
            in_word[c] ? CUE_IN_WORD
                       : ix->next[CUE_AT_START * CUE_CLASSES + c];
    while (head < tail) {
        uint32_t s = queue[head++];
        for (size_t c = 0; c < ix->nclass; c++) {
            cue_state *slot = &ix->next[s * CUE_CLASSES + c];
            cue_state via = ix->next[fail[s] * CUE_CLASSES + c];
            if (*slot == NONE) {
                *slot = via;
            } else {
                fail[*slot] = via;
                queue[tail++] = *slot;
            }
        }
    }
    /* Each state's matches: its own cues, then its failure state's (in
     * breadth-first order those are complete already; the roots have
     * none). */
    size_t nouts = 0;
    for (size_t q = 0; q < tail; q++) {
        uint32_t s = queue[q];
        ix->nout[s] = ix->nout[fail[s]];
        for (uint32_t c = own[s]; c; c = same[c - 1])
            ix->nout[s]++;
        nouts += ix->nout[s];
    }
    ix->outs = mem_malloc((nouts ? nouts : 1) * sizeof *ix->outs);
    if (!ix->outs)
        goto done;
    size_t at = 0;
    for (size_t q = 0; q < tail; q++) {
        uint32_t s = queue[q], f = fail[s];
        ix->out[s] = (uint32_t)at;
        for (uint32_t c = own[s]; c; c = same[c - 1])
            ix->outs[at++] = c - 1;
        memcpy(&ix->outs[at], &ix->outs[ix->out[f]],
               ix->nout[f] * sizeof *ix->outs);
        at += ix->nout[f];
    }
    for (size_t st = 0; st < ix->nstates; st++)
        for (size_t c = 0; c < ix->nclass; c++) {
            cue_state *slot = &ix->next[st * CUE_CLASSES + c];
            if (ix->nout[*slot])
                *slot |= CUE_MATCH;
        }
    rc = PRECIS_OK;
done:
    mem_free(fail);
    mem_free(queue);
    mem_free(own);
    mem_free(same);
    if (rc != 0)
        cues_free(ix);
    return rc;
}

/* The matches of state s, reached at byte i of a text. */
static void report(const cue_index *ix, size_t s, size_t i,
                   const cue_text *text, const size_t *lens)
{
    for (uint32_t k = 0; k < ix->nout[s]; k++) {
        uint32_t cue = ix->outs[ix->out[s] + k];
        text->found(text->ctx, cue, i + 1 - lens[cue]);
    }
}

void cues_scan_two(const cue_index *ix, const cue_text *a, const cue_text *b,
                   const size_t *lens)
{
    if (!ix->next)
        return;
    /* In locals: found() might write through ix for all the compiler
     * knows, which had it read them again for every byte. */
    const cue_state *next = ix->next;
    const uint8_t *cls = ix->cls;
    const unsigned char *ta = (const unsigned char *)a->text;
    const unsigned char *tb = (const unsigned char *)b->text;
    size_t sa = CUE_AT_START, sb = CUE_AT_START, i = 0;
    size_t both = a->len < b->len ? a->len : b->len;
    /* Two texts a step: each transition waits for the one before it in
     * its text, so the two chains of loads overlap. */
    for (; i < both; i++) {
        cue_state to_a = next[sa * CUE_CLASSES + cls[ta[i]]];
        cue_state to_b = next[sb * CUE_CLASSES + cls[tb[i]]];
        sa = to_a & ~CUE_MATCH;
        sb = to_b & ~CUE_MATCH;
        if ((to_a | to_b) & CUE_MATCH) {
            if (to_a & CUE_MATCH)
                report(ix, sa, i, a, lens);
            if (to_b & CUE_MATCH)
                report(ix, sb, i, b, lens);
        }
    }
    const cue_text *rest = a->len > both ? a : b;
    const unsigned char *t = a->len > both ? ta : tb;
    size_t s = a->len > both ? sa : sb;
    for (; i < rest->len; i++) {
        cue_state to = next[s * CUE_CLASSES + cls[t[i]]];
        s = to & ~CUE_MATCH;
        if (to & CUE_MATCH)
            report(ix, s, i, rest, lens);
    }
}

void cues_scan(const cue_index *ix, const cue_text *text, const size_t *lens)
{
    cue_text none = {"", 0, text->found, text->ctx};
    cues_scan_two(ix, text, &none, lens);
}
