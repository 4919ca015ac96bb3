/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lexicon.c -- per-thread word memory (see lexicon.h).
 *
 * Each thread holds, per language it has met, a libstemmer instance and
 * a table of LEX_SLOTS entries.  At half full the table is emptied and
 * refills from what the next documents use (a few thousand words cover
 * nine tokens in ten of news text), so a thread's memory stays at 1 MB a
 * language whatever it reads.  An entry is tied to the engine that made
 * it (its generation): after precisd's reload the table starts afresh,
 * since the stop words or the IDF model may have changed.  pthread keys,
 * not C11 _Thread_local, so a thread that ends frees its memory.
 */
#include "lexicon.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "attribution.h"
#include "bytes8.h"
#include "doc.h"
#include "weights.h"

/* Bytes of a word and its stem kept inline: a stem that begins the word
 * (most do: "ministers" -> "minist") takes none of its own, another
 * ("city" -> "citi") follows the word.  Longer ones (rare: URLs, joined
 * compounds) are worked out every time. */
#define LEX_INLINE 20
/* 32,768 entries of 32 bytes: 1 MB, half the core's L2 cache on the
 * development machine, for up to 16,384 words. */
#define LEX_SLOTS (1u << 15)
#define LEX_MAX_WORDS (LEX_SLOTS / 2)

enum { LEX_STOP = 1, LEX_STEM_APART = 2 };

typedef struct lex_entry {
    uint32_t hash; /* of the word, never 0; 0: empty slot */
    float idf;
    uint8_t len, stem_len, flags, cue; /* flags: LEX_* */
    char bytes[LEX_INLINE];            /* the word, and the stem when
                                          LEX_STEM_APART */
} lex_entry;

_Static_assert(sizeof(lex_entry) == 32, "two entries a cache line");

struct lex_table {
    char code[8];
    uint64_t generation;        /* of the engine the entries are for */
    struct sb_stemmer *stemmer; /* NULL: libstemmer lacks code */
    lex_entry *slots;           /* LEX_SLOTS, or NULL: none yet */
    size_t count;
};
typedef struct lex_table lex_table;

typedef struct lex_memory {
    lex_table tables[ENGINE_MAX_LANGS];
    size_t ntables;
    size_t evict; /* the table to give up next when all are taken */
} lex_memory;

static pthread_key_t memory_key;
static pthread_once_t memory_once = PTHREAD_ONCE_INIT;
static int memory_key_ok;

static void memory_free(void *p)
{
    lex_memory *m = p;
    for (size_t i = 0; i < m->ntables; i++) {
        free(m->tables[i].slots);
        if (m->tables[i].stemmer)
            sb_stemmer_delete(m->tables[i].stemmer);
    }
    free(m);
}

static void make_key(void)
{
    memory_key_ok = pthread_key_create(&memory_key, memory_free) == 0;
}

lexicon *lexicon_open(const precis_engine_t *e, const lang *l)
{
    pthread_once(&memory_once, make_key);
    if (!memory_key_ok)
        return NULL;
    lex_memory *m = pthread_getspecific(memory_key);
    if (!m) {
        m = calloc(1, sizeof *m);
        if (!m || pthread_setspecific(memory_key, m) != 0) {
            free(m);
            return NULL;
        }
    }
    lex_table *t = NULL;
    for (size_t i = 0; i < m->ntables && !t; i++)
        if (strcmp(m->tables[i].code, l->code) == 0)
            t = &m->tables[i];
    if (!t) {
        /* A new language; past ENGINE_MAX_LANGS of them (engines
         * reloaded with other data) one table is given up in turn. */
        int reuse = m->ntables == ENGINE_MAX_LANGS;
        t = &m->tables[reuse ? m->evict++ % ENGINE_MAX_LANGS : m->ntables];
        lex_entry *slots = reuse ? t->slots : NULL;
        if (reuse && t->stemmer)
            sb_stemmer_delete(t->stemmer);
        memset(t, 0, sizeof *t);
        t->slots = slots; /* emptied below: generation 0 is no engine's */
        memcpy(t->code, l->code, sizeof t->code); /* both char[8] */
        t->stemmer = l->has_stemmer ? sb_stemmer_new(l->code, "UTF_8") : NULL;
        if (!reuse)
            m->ntables++;
        if (l->has_stemmer && !t->stemmer) {
            t->code[0] = '\0'; /* matches no language: tried again */
            return NULL;
        }
    }
    if (!t->slots) {
        t->slots = calloc(LEX_SLOTS, sizeof *t->slots);
        if (!t->slots)
            return NULL;
        t->generation = e->generation;
    }
    if (t->generation != e->generation) {
        memset(t->slots, 0, LEX_SLOTS * sizeof *t->slots);
        t->count = 0;
        t->generation = e->generation;
    }
    return t;
}

/* Work the word out from the engine's tables and libstemmer. */
static int look_up(lex_table *t, const lang *l, const char *fold,
                   size_t len, lex_word *out)
{
    out->stop = strmap_get(&l->stop, fold, len) != NULL;
    out->stem = fold;
    out->stem_len = len;
    int number = lex_is_number(fold, len);
    if (!out->stop && !number && t->stemmer) {
        const sb_symbol *s =
            sb_stemmer_stem(t->stemmer, (const sb_symbol *)fold, (int)len);
        if (!s)
            return PRECIS_ENOMEM;
        out->stem = (const char *)s;
        out->stem_len = (size_t)sb_stemmer_length(t->stemmer);
    }
    out->idf = 0;
    if (l->idf_docs) {
        const uint32_t *have = strmap_get(&l->idf, out->stem, out->stem_len);
        out->idf = smoothed_idf(l->idf_docs, have ? *have : 0);
    }
    uint32_t cue = lang_speech(l, fold, len);
    out->cue = (uint8_t)DOC_CUE(cue & CUE_MASK, CUE_GENDER(cue));
    return PRECIS_OK;
}

/* An entry's hash: the word's, but never 0, which marks an empty slot. */
static uint32_t entry_hash(uint32_t word_hash)
{
    return word_hash ? word_hash : 1;
}

void lexicon_prefetch(const lexicon *t, size_t len, uint32_t hash)
{
    if (len <= LEX_INLINE)
        __builtin_prefetch(&t->slots[entry_hash(hash) & (LEX_SLOTS - 1)]);
}

int lexicon_word(lexicon *t, const lang *l, const char *fold, size_t len,
                 uint32_t hash, lex_word *out)
{
    if (len > LEX_INLINE)
        return look_up(t, l, fold, len, out);
    uint32_t h = entry_hash(hash);
    size_t mask = LEX_SLOTS - 1, i = h & mask;
    for (; t->slots[i].hash; i = (i + 1) & mask) {
        lex_entry *x = &t->slots[i];
        if (x->hash == h && x->len == len && bytes_same(x->bytes, fold, len)) {
            out->stem = x->flags & LEX_STEM_APART ? x->bytes + len : x->bytes;
            out->stem_len = x->stem_len;
            out->idf = x->idf;
            out->stop = (x->flags & LEX_STOP) != 0;
            out->cue = x->cue;
            return PRECIS_OK;
        }
    }
    int rc = look_up(t, l, fold, len, out);
    if (rc != PRECIS_OK)
        return rc;
    int apart = out->stem_len > len || memcmp(out->stem, fold,
                                              out->stem_len) != 0;
    if (apart && len + out->stem_len > LEX_INLINE)
        return PRECIS_OK; /* not kept: worked out again next time */
    if (t->count == LEX_MAX_WORDS) {
        /* Half full: emptied, to refill from what comes next.  The
         * stem stays readable (libstemmer's buffer) for this call. */
        memset(t->slots, 0, LEX_SLOTS * sizeof *t->slots);
        t->count = 0;
        i = h & mask;
    }
    lex_entry *x = &t->slots[i];
    *x = (lex_entry){h,
                     out->idf,
                     (uint8_t)len,
                     (uint8_t)out->stem_len,
                     (uint8_t)((out->stop ? LEX_STOP : 0) |
                               (apart ? LEX_STEM_APART : 0)),
                     out->cue,
                     {0}};
    memcpy(x->bytes, fold, len);
    if (apart)
        memcpy(x->bytes + len, out->stem, out->stem_len);
    out->stem = apart ? x->bytes + len : x->bytes;
    t->count++;
    return PRECIS_OK;
}
