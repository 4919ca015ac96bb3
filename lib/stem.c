/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stem.c -- per-thread stemmers and stem memory (see stem.h).
 *
 * Each thread holds, per language it has met, a libstemmer instance and
 * a map from folded word to the stem's place in an arena.  The map is
 * bounded: at STEM_MEMORY_WORDS words it is emptied and refills from
 * what the next documents use (news vocabulary: a few thousand words
 * cover nine tokens in ten), so a thread's memory stays under a few MB
 * per language whatever it reads.  pthread keys, not C11 _Thread_local,
 * so a thread that ends frees its memory.
 */
#include "stem.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "arena.h"
#include "engine.h"
#include "strmap.h"

/* Words remembered per language and thread: 32,768 at about 70 bytes
 * each (map entry and slots, key, stem) is some 2.3 MB. */
#define STEM_MEMORY_WORDS 32768

typedef struct stem_ref {
    const char *stem; /* in stems */
    uint32_t len;
} stem_ref;

typedef struct stem_lang {
    char code[8];
    struct sb_stemmer *stemmer; /* NULL: libstemmer lacks code */
    strmap words;               /* folded word -> index in refs */
    stem_ref *refs;
    arena stems;
} stem_lang;

typedef struct stem_memory {
    stem_lang langs[ENGINE_MAX_LANGS];
    size_t nlangs;
} stem_memory;

static pthread_key_t memory_key;
static pthread_once_t memory_once = PTHREAD_ONCE_INIT;
static int memory_key_ok;

static void forget(stem_lang *l)
{
    strmap_free(&l->words);
    arena_free(&l->stems);
    free(l->refs);
    l->refs = NULL;
}

static int start(stem_lang *l)
{
    if (strmap_init(&l->words, 4096) != 0)
        return PRECIS_ENOMEM;
    l->refs = malloc(STEM_MEMORY_WORDS * sizeof *l->refs);
    if (!l->refs) {
        strmap_free(&l->words);
        return PRECIS_ENOMEM;
    }
    arena_init(&l->stems, 64 * 1024);
    return PRECIS_OK;
}

static void memory_free(void *p)
{
    stem_memory *m = p;
    for (size_t i = 0; i < m->nlangs; i++) {
        forget(&m->langs[i]);
        if (m->langs[i].stemmer)
            sb_stemmer_delete(m->langs[i].stemmer);
    }
    free(m);
}

static void make_key(void)
{
    memory_key_ok = pthread_key_create(&memory_key, memory_free) == 0;
}

static stem_lang *thread_lang(const char *code)
{
    pthread_once(&memory_once, make_key);
    if (!memory_key_ok)
        return NULL;
    stem_memory *m = pthread_getspecific(memory_key);
    if (!m) {
        m = calloc(1, sizeof *m);
        if (!m || pthread_setspecific(memory_key, m) != 0) {
            free(m);
            return NULL;
        }
    }
    for (size_t i = 0; i < m->nlangs; i++)
        if (strcmp(m->langs[i].code, code) == 0)
            return &m->langs[i];
    if (m->nlangs == ENGINE_MAX_LANGS || strlen(code) >= sizeof m->langs[0].code)
        return NULL;
    stem_lang *l = &m->langs[m->nlangs];
    memset(l, 0, sizeof *l);
    if (start(l) != PRECIS_OK)
        return NULL;
    strcpy(l->code, code);
    l->stemmer = sb_stemmer_new(code, "UTF_8");
    m->nlangs++;
    return l;
}

int stem_word(const char *code, const char *fold, size_t len,
              const char **stem, size_t *stem_len)
{
    *stem = fold;
    *stem_len = len;
    stem_lang *l = thread_lang(code);
    if (!l)
        return PRECIS_ENOMEM;
    if (!l->stemmer)
        return PRECIS_OK;
    const uint32_t *known = strmap_get(&l->words, fold, len);
    if (known) {
        *stem = l->refs[*known].stem;
        *stem_len = l->refs[*known].len;
        return PRECIS_OK;
    }
    const sb_symbol *s =
        sb_stemmer_stem(l->stemmer, (const sb_symbol *)fold, (int)len);
    if (!s)
        return PRECIS_ENOMEM;
    size_t n = (size_t)sb_stemmer_length(l->stemmer);
    if (l->words.count == STEM_MEMORY_WORDS) {
        forget(l);
        (void)start(l); /* on failure refs stays NULL: nothing kept */
    }
    *stem = (const char *)s;
    *stem_len = n;
    /* Remembered if memory allows; the stem is right either way. */
    char *copy = l->refs ? arena_strndup(&l->stems, *stem, n) : NULL;
    uint32_t id = (uint32_t)l->words.count;
    if (copy && strmap_put(&l->words, fold, len, id, NULL))
        l->refs[id] = (stem_ref){copy, (uint32_t)n};
    return PRECIS_OK;
}
