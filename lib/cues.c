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
    /* Classes: every byte some cue holds gets its own; upper-case ASCII
     * letters share their lower-case letter's. */
    ix->nclass = 1;
    size_t total = 1;
    for (size_t i = 0; i < n; i++) {
        total += lens[i];
        for (size_t k = 0; k < lens[i]; k++) {
            unsigned char c = uc_ascii_lower((unsigned char)texts[i][k]);
            if (!ix->cls[c]) {
                if (ix->nclass == 256)
                    return PRECIS_EDATA; /* a byte class per byte value */
                ix->cls[c] = (uint8_t)ix->nclass++;
            }
        }
    }
    for (int c = 'A'; c <= 'Z'; c++)
        ix->cls[c] = ix->cls[uc_ascii_lower((unsigned char)c)];
    /* States are 15 bits and a transition's top bit says its target has
     * matches, so the scan reads one 16-bit entry a byte (it runs over
     * every byte of every sentence): the cues may hold 32,766 bytes. */
    if (total >= CUE_MATCH)
        return PRECIS_EDATA;
    uint32_t *fail = mem_malloc(total * sizeof *fail);
    uint32_t *queue = mem_malloc(total * sizeof *queue);
    uint32_t *own = mem_calloc(total, sizeof *own); /* cue ending here + 1 */
    ix->next = mem_malloc(total * ix->nclass * sizeof *ix->next);
    ix->out = mem_calloc(total, sizeof *ix->out);
    ix->nout = mem_calloc(total, sizeof *ix->nout);
    int rc = PRECIS_ENOMEM;
    if (!fail || !queue || !own || !ix->next || !ix->out || !ix->nout)
        goto done;
    /* The trie. */
    ix->nstates = 1;
    for (size_t k = 0; k < ix->nclass; k++)
        ix->next[k] = NONE;
    for (size_t i = 0; i < n; i++) {
        uint32_t s = 0;
        for (size_t k = 0; k < lens[i]; k++) {
            cue_state *slot = &ix->next[s * ix->nclass +
                                       ix->cls[(unsigned char)texts[i][k]]];
            if (*slot == NONE) {
                cue_state t = (cue_state)ix->nstates++;
                for (size_t j = 0; j < ix->nclass; j++)
                    ix->next[t * ix->nclass + j] = NONE;
                *slot = t;
            }
            s = *slot;
        }
        if (!own[s])
            own[s] = (uint32_t)i + 1; /* the first of equal cues */
    }
    /* Failure links breadth first; a missing transition takes the
     * failure state's, so scanning never backtracks. */
    size_t head = 0, tail = 0;
    fail[0] = 0;
    for (size_t c = 0; c < ix->nclass; c++) {
        cue_state *slot = &ix->next[c];
        if (*slot == NONE) {
            *slot = 0;
        } else {
            fail[*slot] = 0;
            queue[tail++] = *slot;
        }
    }
    while (head < tail) {
        uint32_t s = queue[head++];
        for (size_t c = 0; c < ix->nclass; c++) {
            cue_state *slot = &ix->next[s * ix->nclass + c];
            cue_state via = ix->next[fail[s] * ix->nclass + c];
            if (*slot == NONE) {
                *slot = via;
            } else {
                fail[*slot] = via;
                queue[tail++] = *slot;
            }
        }
    }
    /* Each state's matches: its own cue, then its failure state's (in
     * breadth-first order those are complete already). */
    size_t nouts = 0;
    for (size_t q = 0; q < tail; q++) {
        uint32_t s = queue[q];
        ix->nout[s] = (own[s] != 0) + ix->nout[fail[s]];
        nouts += ix->nout[s];
    }
    ix->outs = mem_malloc((nouts ? nouts : 1) * sizeof *ix->outs);
    if (!ix->outs)
        goto done;
    size_t at = 0;
    for (size_t q = 0; q < tail; q++) {
        uint32_t s = queue[q], f = fail[s];
        ix->out[s] = (uint32_t)at;
        if (own[s])
            ix->outs[at++] = own[s] - 1;
        memcpy(&ix->outs[at], &ix->outs[ix->out[f]],
               ix->nout[f] * sizeof *ix->outs);
        at += ix->nout[f];
    }
    for (size_t k = 0; k < (size_t)ix->nstates * ix->nclass; k++)
        if (ix->nout[ix->next[k]])
            ix->next[k] |= CUE_MATCH;
    rc = PRECIS_OK;
done:
    mem_free(fail);
    mem_free(queue);
    mem_free(own);
    if (rc != 0)
        cues_free(ix);
    return rc;
}

int cues_scan(const cue_index *ix, const char *t, size_t len,
              int (*found)(void *ctx, uint32_t cue, size_t start), void *ctx,
              const size_t *lens)
{
    if (!ix->next)
        return 0;
    /* In locals: found() might write through ix for all the compiler
     * knows, which had it read them again for every byte. */
    const cue_state *next = ix->next;
    const uint8_t *cls = ix->cls;
    size_t nclass = ix->nclass;
    size_t s = 0;
    for (size_t i = 0; i < len; i++) {
        cue_state to = next[s * nclass + cls[(unsigned char)t[i]]];
        s = to & ~CUE_MATCH;
        if (!(to & CUE_MATCH))
            continue;
        for (uint32_t k = 0; k < ix->nout[s]; k++) {
            uint32_t cue = ix->outs[ix->out[s] + k];
            int rc = found(ctx, cue, i + 1 - lens[cue]);
            if (rc)
                return rc;
        }
    }
    return 0;
}
