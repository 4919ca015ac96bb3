/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * engine.c -- loading the data directory into an immutable engine.
 *
 * Languages are discovered from stopwords/XX.txt; abbrev/XX.txt,
 * speech/XX.txt and idf/XX.idf are optional per language.  A malformed file
 * fails the whole load with a message naming it: a daemon reloading its data
 * keeps the old engine rather than running on half a new one.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libstemmer.h>

#include "engine.h"

#include "alloc.h"
#include "attribution.h"
#include "quotes.h"
#include "segment.h"

#ifndef PRECIS_DATADIR
#define PRECIS_DATADIR "/usr/local/share/precis"
#endif

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static const section_def abbrev_sections[] = {
    {"[plain]", ABBR_PLAIN},
    {"[prefix]", ABBR_PREFIX},
    {"[number]", ABBR_NUMBER},
    {"[after_ordinal]", ABBR_AFTER_ORDINAL},
    {"[opener]", ABBR_OPENER},
    {"[starter]", ABBR_STARTER},
    {NULL, 0},
};

static const section_def speech_sections[] = {
    {"[verbs]", CUE_VERB},
    {"[according]", CUE_ACCORDING},
    {"[pronouns]", CUE_PRONOUN},
    {"[pronouns-m]", CUE_PRONOUN | GENDER_M << CUE_BITS},
    {"[pronouns-f]", CUE_PRONOUN | GENDER_F << CUE_BITS},
    {"[roles]", CUE_ROLE},
    {"[roles-m]", CUE_ROLE | GENDER_M << CUE_BITS},
    {"[roles-f]", CUE_ROLE | GENDER_F << CUE_BITS},
    {"[epithets]", CUE_ROLE | CUE_EPITHET},
    {"[epithets-m]", CUE_ROLE | CUE_EPITHET | GENDER_M << CUE_BITS},
    {"[epithets-f]", CUE_ROLE | CUE_EPITHET | GENDER_F << CUE_BITS},
    {"[first-person]", CUE_FIRST_PERSON},
    {"[impersonal]", CUE_FIRST_PERSON},
    {"[determiners]", CUE_DETERMINER},
    {"[auxiliaries]", CUE_AUXILIARY},
    {"[conjunctions]", CUE_CONJUNCTION},
    {"[time]", CUE_TIME},
    {"[not-names]", CUE_NOT_NAME},
    {"[of]", CUE_OF},
    {"[that]", CUE_THAT},
    {"[prepositions]", CUE_PREPOSITION},
    {NULL, 0},
};

/* Every word prefix of a phrase of m gets LEANS_LONGER (an entry of its
 * own, valued that alone, when it is none): dependence.c stops reading
 * a sentence's opening where no entry goes on. */
static int mark_longer(strmap *m)
{
    size_t n = m->count;
    for (size_t i = 0; i < n; i++) {
        char key[PHRASE_KEY_SIZE];
        size_t len = m->entries[i].len;
        if (len > sizeof key)
            continue; /* longer than any phrase_append() makes */
        memcpy(key, strmap_key(&m->entries[i]), len);
        for (size_t k = 0; k < len; k++) {
            if (key[k] != ' ')
                continue;
            uint32_t *v = strmap_put(m, key, k, LEANS_LONGER, NULL);
            if (!v)
                return PRECIS_ENOMEM;
            *v |= LEANS_LONGER;
        }
    }
    return PRECIS_OK;
}

static const section_def dependent_sections[] = {
    {"[pronouns]", LEANS_BACK},
    {"[connectives]", LEANS_BACK},
    {"[not]", LEANS_NOT},
    {NULL, 0},
};

static int load_lang(lang *l, const char *dir, const char *code,
                     precis_error_t *err)
{
    char path[4096];
    memset(l, 0, sizeof *l);
    snprintf(l->code, sizeof l->code, "%s", code);
    if (strmap_init(&l->stop, 256) || strmap_init(&l->abbrev, 128) ||
        strmap_init(&l->speech, 64) || strmap_init(&l->dependent, 64) ||
        strmap_init(&l->idf, 1024))
        return set_error(err, PRECIS_ENOMEM, "out of memory");
    snprintf(path, sizeof path, "%s/stopwords/%s.txt", dir, code);
    int rc = load_stopwords(&l->stop, path, err);
    snprintf(path, sizeof path, "%s/abbrev/%s.txt", dir, code);
    if (rc == PRECIS_OK && file_exists(path))
        rc = load_sections(&l->abbrev, path, abbrev_sections, KEYS_LOWER,
                           err);
    snprintf(path, sizeof path, "%s/speech/%s.txt", dir, code);
    if (rc == PRECIS_OK && file_exists(path))
        rc = load_sections(&l->speech, path, speech_sections, KEYS_WORD, err);
    snprintf(path, sizeof path, "%s/dependent/%s.txt", dir, code);
    if (rc == PRECIS_OK && file_exists(path))
        rc = load_sections(&l->dependent, path, dependent_sections,
                           KEYS_PHRASE, err);
    if (rc == PRECIS_OK && mark_longer(&l->dependent) != PRECIS_OK)
        rc = set_error(err, PRECIS_ENOMEM, "out of memory");
    snprintf(path, sizeof path, "%s/morph/%s.txt", dir, code);
    if (rc == PRECIS_OK && file_exists(path))
        rc = load_morph(&l->morph, path, err);
    snprintf(path, sizeof path, "%s/idf/%s.idf", dir, code);
    if (rc == PRECIS_OK && file_exists(path))
        rc = load_idf(&l->idf, &l->idf_docs, path, err);
    struct sb_stemmer *probe = sb_stemmer_new(code, "UTF_8");
    l->has_stemmer = probe != NULL;
    if (probe)
        sb_stemmer_delete(probe);
    return rc;
}

static void free_lang(lang *l)
{
    strmap_free(&l->stop);
    strmap_free(&l->abbrev);
    strmap_free(&l->speech);
    strmap_free(&l->dependent);
    strmap_free(&l->idf);
}

/* The automaton of every boilerplate cue (cues.h). */
static int index_patterns(precis_engine_t *e, precis_error_t *err)
{
    const char **texts = mem_malloc((e->npatterns + 1) * sizeof *texts);
    e->pattern_lens = mem_malloc((e->npatterns + 1) * sizeof *e->pattern_lens);
    int rc = texts && e->pattern_lens ? PRECIS_OK : PRECIS_ENOMEM;
    for (size_t i = 0; rc == PRECIS_OK && i < e->npatterns; i++) {
        texts[i] = e->patterns[i].text;
        e->pattern_lens[i] = e->patterns[i].len;
    }
    if (rc == PRECIS_OK)
        rc = cues_build(&e->cues, texts, e->pattern_lens, e->npatterns);
    mem_free(texts);
    if (rc == PRECIS_EDATA)
        return set_error(err, rc,
                         "boilerplate: the cues use every byte value or "
                         "hold more than 32,766 bytes");
    return rc == PRECIS_OK
               ? PRECIS_OK
               : set_error(err, PRECIS_ENOMEM, "boilerplate: no memory");
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const lang *)a)->code, ((const lang *)b)->code);
}

/* Two or three lower-case letters: "en", "fr", "pt". */
static int language_file(const char *name, char *code)
{
    const char *dot = strrchr(name, '.');
    size_t n = dot ? (size_t)(dot - name) : 0;
    if (!dot || strcmp(dot, ".txt") != 0 || n < 2 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (name[i] < 'a' || name[i] > 'z')
            return 0;
    memcpy(code, name, n);
    code[n] = '\0';
    return 1;
}

static int load_langs(precis_engine_t *e, const char *dir, precis_error_t *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/stopwords", dir);
    DIR *d = opendir(path);
    if (!d)
        return set_error(err, PRECIS_EDATA, "%s: %s", path, strerror(errno));
    int rc = PRECIS_OK;
    struct dirent *ent;
    while (rc == PRECIS_OK && (ent = readdir(d)) != NULL) {
        char code[8];
        if (!language_file(ent->d_name, code))
            continue;
        lang *langs = mem_realloc(e->langs, (e->nlangs + 1) * sizeof *langs);
        if (!langs) {
            rc = set_error(err, PRECIS_ENOMEM, "out of memory");
            break;
        }
        e->langs = langs;
        rc = load_lang(&e->langs[e->nlangs++], dir, code, err);
    }
    closedir(d);
    if (rc == PRECIS_OK && e->nlangs == 0)
        rc = set_error(err, PRECIS_EDATA, "%s: no stopwords/XX.txt files",
                       path);
    if (rc == PRECIS_OK && e->nlangs > ENGINE_MAX_LANGS)
        rc = set_error(err, PRECIS_EDATA, "%s: more than %d languages", path,
                       ENGINE_MAX_LANGS);
    if (rc != PRECIS_OK)
        return rc;
    qsort(e->langs, e->nlangs, sizeof *e->langs, cmp_code);
    if (strmap_init(&e->stop_langs, 2048))
        return set_error(err, PRECIS_ENOMEM, "out of memory");
    for (size_t i = 0; i < e->nlangs; i++) {
        const strmap *stop = &e->langs[i].stop;
        for (size_t k = 0; k < stop->count; k++) {
            const strmap_entry *s = &stop->entries[k];
            uint32_t *mask =
                strmap_put(&e->stop_langs, strmap_key(s), s->len, 0, NULL);
            if (!mask)
                return set_error(err, PRECIS_ENOMEM, "out of memory");
            *mask |= 1u << i;
            stop_filter_add(e->stop_filter, s->hash);
        }
    }
    return PRECIS_OK;
}

const char *precis_default_data_dir(void)
{
    return PRECIS_DATADIR;
}

int precis_engine_open(const char *data_dir, precis_engine_t **out,
                       precis_error_t *err)
{
    if (!out)
        return set_error(err, PRECIS_EINVAL, "out is NULL");
    *out = NULL;
    if (!data_dir)
        data_dir = PRECIS_DATADIR;
    precis_engine_t *e = mem_calloc(1, sizeof *e);
    if (!e)
        return set_error(err, PRECIS_ENOMEM, "out of memory");
    static _Atomic uint64_t generations;
    e->generation = ++generations;
    int rc = load_langs(e, data_dir, err);
    char path[4096];
    snprintf(path, sizeof path, "%s/boilerplate.txt", data_dir);
    if (rc == PRECIS_OK && file_exists(path))
        rc = load_boilerplate(e, path, err);
    if (rc == PRECIS_OK)
        rc = index_patterns(e, err);
    if (rc != PRECIS_OK) {
        precis_engine_free(e);
        return rc;
    }
    if (err)
        err->code = PRECIS_OK;
    *out = e;
    return PRECIS_OK;
}

void precis_engine_free(precis_engine_t *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->nlangs; i++)
        free_lang(&e->langs[i]);
    mem_free(e->langs);
    strmap_free(&e->stop_langs);
    for (size_t i = 0; i < e->npatterns; i++)
        mem_free(e->patterns[i].text);
    mem_free(e->patterns);
    mem_free(e->pattern_lens);
    cues_free(&e->cues);
    mem_free(e);
}

uint32_t lang_speech(const lang *l, const char *fold, size_t len)
{
    const uint32_t *v = strmap_get(&l->speech, fold, len);
    if (v)
        return *v;
    /* "Fifty-one": a hyphenated word whose first part is never a name
     * or opens a description */
    const char *hyphen = memchr(fold, '-', len);
    if (hyphen && hyphen > fold) {
        v = strmap_get(&l->speech, fold, (size_t)(hyphen - fold));
        if (v && ((*v & CUE_MASK) == CUE_NOT_NAME ||
                  (*v & CUE_MASK) == CUE_DETERMINER))
            return *v;
    }
    if (!l->morph.noun_capitals)
        return 0;
    /* "Oppositionsführer", "SPD-Politikerin": the longest role the
     * word ends with, a few letters left before it */
    for (size_t i = COMPOUND_MIN_HEAD; i + COMPOUND_MIN_ROLE <= len; i++) {
        if (((unsigned char)fold[i] & 0xC0) == 0x80)
            continue; /* inside a character */
        v = strmap_get(&l->speech, fold + i, len - i);
        if (v && (*v & CUE_MASK) == CUE_ROLE)
            return *v;
    }
    return 0;
}

const lang *engine_lang(const precis_engine_t *e, const char *code)
{
    for (size_t i = 0; e && code && i < e->nlangs; i++)
        if (strcmp(e->langs[i].code, code) == 0)
            return &e->langs[i];
    return NULL;
}

size_t precis_engine_language_count(const precis_engine_t *e)
{
    return e ? e->nlangs : 0;
}

const char *precis_engine_language(const precis_engine_t *e, size_t i)
{
    return e && i < e->nlangs ? e->langs[i].code : NULL;
}

int precis_engine_has_idf(const precis_engine_t *e, const char *code)
{
    const lang *l = engine_lang(e, code);
    return l && l->idf_docs > 0;
}
