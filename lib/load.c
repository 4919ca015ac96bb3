/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * load.c -- reading the data directory's text files.
 *
 * All formats are line based, UTF-8, with comments from a leading '#'
 * or from '|' (Snowball's convention) to the end of the line, so they can be
 * reviewed and diffed; a malformed line is an error naming the file and line
 * rather than something skipped quietly.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "engine.h"
#include "segment.h"
#include "tokenize.h"
#include "utf8.h"

typedef int (*line_fn)(void *ctx, char *line, size_t len, const char *path,
                       size_t lineno, precis_error_t *err);

static int read_file(const char *path, char **out, size_t *len,
                     precis_error_t *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return set_error(err, PRECIS_EIO, "%s: %s", path, strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = mem_malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *grown = mem_realloc(buf, cap * 2);
        if (!grown) {
            mem_free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf)
        return set_error(err, PRECIS_ENOMEM, "%s: out of memory", path);
    if (failed) {
        mem_free(buf);
        return set_error(err, PRECIS_EIO, "%s: read error", path);
    }
    if (utf8_validate(buf, n) != n) {
        mem_free(buf);
        return set_error(err, PRECIS_EDATA, "%s: not valid UTF-8", path);
    }
    *out = buf;
    *len = n;
    return PRECIS_OK;
}

/* Call fn for each line with comments and surrounding space removed. */
static int each_line(const char *path, line_fn fn, void *ctx,
                     precis_error_t *err)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = read_file(path, &buf, &len, err);
    if (rc != PRECIS_OK)
        return rc;
    size_t lineno = 0;
    for (size_t i = 0; i < len && rc == PRECIS_OK;) {
        char *line = buf + i;
        char *nl = memchr(line, '\n', len - i);
        size_t n = nl ? (size_t)(nl - line) : len - i;
        i += n + 1;
        lineno++;
        char *bar = memchr(line, '|', n);
        if (line[0] == '#')
            n = 0;
        else if (bar)
            n = (size_t)(bar - line);
        while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t' ||
                         line[n - 1] == '\r'))
            n--;
        while (n > 0 && (*line == ' ' || *line == '\t')) {
            line++;
            n--;
        }
        if (n > 0) {
            line[n] = '\0';
            rc = fn(ctx, line, n, path, lineno, err);
        }
    }
    mem_free(buf);
    return rc;
}

static int nomem(precis_error_t *err, const char *path)
{
    return set_error(err, PRECIS_ENOMEM, "%s: out of memory", path);
}

/* Stop words are stored folded exactly as the tokenizer folds words. */
static int stopword_line(void *ctx, char *line, size_t len, const char *path,
                         size_t lineno, precis_error_t *err)
{
    (void)lineno;
    tokenizer t;
    token tok;
    tokenizer_init(&t, line, 0, len);
    while (tokenizer_next(&t, &tok))
        if (!strmap_put(ctx, t.fold, tok.fold_len, 1, NULL))
            return nomem(err, path);
    return PRECIS_OK;
}

int load_stopwords(strmap *m, const char *path, precis_error_t *err)
{
    return each_line(path, stopword_line, m, err);
}

typedef struct section_ctx {
    strmap *map;
    const section_def *sections;
    section_keys keys;
    uint32_t value; /* of the current section, 0 before the first */
} section_ctx;

/* The key of an entry (section_keys), 0 when the entry has no valid one.
 * Folded keys match the tokenizer's folding exactly. */
static size_t entry_key(const section_ctx *c, const char *line, size_t len,
                        char *key, size_t size)
{
    if (c->keys != KEYS_LOWER) {
        tokenizer t;
        token tok;
        size_t n = 0, words = 0, last_end = 0;
        tokenizer_init(&t, line, 0, len);
        while (tokenizer_next(&t, &tok)) {
            if (++words > (c->keys == KEYS_WORD ? 1 : PHRASE_MAX_WORDS) ||
                !phrase_append(key, &n, size, t.fold, tok.fold_len))
                return 0;
            last_end = tok.end;
        }
        return last_end == len ? n : 0;
    }
    if (line[len - 1] == '.')
        len--;
    size_t n = utf8_lower(line, 0, len, key, size);
    return memchr(key, ' ', n) ? 0 : n;
}

static int section_line(void *ctx, char *line, size_t len, const char *path,
                        size_t lineno, precis_error_t *err)
{
    section_ctx *c = ctx;
    if (line[0] == '[') {
        for (const section_def *d = c->sections; d->name; d++) {
            if (strcmp(line, d->name) == 0) {
                c->value = d->value;
                return PRECIS_OK;
            }
        }
        return set_error(err, PRECIS_EDATA, "%s:%zu: unknown section %s", path,
                         lineno, line);
    }
    if (c->value == 0)
        return set_error(err, PRECIS_EDATA, "%s:%zu: entry before a section",
                         path, lineno);
    char key[64];
    size_t klen = entry_key(c, line, len, key, sizeof key);
    if (klen == 0)
        return set_error(err, PRECIS_EDATA, "%s:%zu: bad entry \"%s\"", path,
                         lineno, line);
    uint32_t *v = strmap_put(c->map, key, klen, c->value, NULL);
    if (!v)
        return nomem(err, path);
    *v = c->value; /* a later section wins */
    return PRECIS_OK;
}

int load_sections(strmap *m, const char *path, const section_def *sections,
                  section_keys keys, precis_error_t *err)
{
    section_ctx c = {m, sections, keys, 0};
    return each_line(path, section_line, &c, err);
}

typedef struct morph_ctx {
    morph *m;
    morph_endings *list; /* of the current section */
} morph_ctx;

static int add_ending(morph_endings *l, const char *text, size_t len)
{
    if (l->n == MORPH_MAX || len == 0 || len > MORPH_MAX_LEN)
        return -1;
    memcpy(l->text[l->n], text, len);
    l->text[l->n][len] = '\0';
    l->len[l->n++] = (unsigned char)len;
    return 0;
}

static int morph_line(void *ctx, char *line, size_t len, const char *path,
                      size_t lineno, precis_error_t *err)
{
    morph_ctx *c = ctx;
    /* A section's name and where in struct morph it goes. */
    typedef struct {
        const char *name;
        size_t offset;
    } field;
    static const field sections[] = {
        {"[participle]", offsetof(morph, participle)},
        {"[adverb]", offsetof(morph, adverb)},
        {"[past]", offsetof(morph, past)},
        {"[possessive]", offsetof(morph, possessive)},
        {"[particles]", offsetof(morph, particles)},
        {"[elided]", offsetof(morph, elided)},
        {"[oblique]", offsetof(morph, oblique)},
    };
    /* Sections with no entries: properties of the language. */
    static const field properties[] = {
        {"[verb-second]", offsetof(morph, verb_second)},
        {"[noun-capitals]", offsetof(morph, noun_capitals)},
        {"[dialogue-dash]", offsetof(morph, dialogue_dash)},
    };
    for (size_t i = 0; i < sizeof properties / sizeof properties[0]; i++) {
        if (strcmp(line, properties[i].name) == 0) {
            *(int *)((char *)c->m + properties[i].offset) = 1;
            c->list = NULL;
            return PRECIS_OK;
        }
    }
    if (line[0] == '[') {
        for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
            if (strcmp(line, sections[i].name) == 0) {
                c->list = (morph_endings *)((char *)c->m + sections[i].offset);
                return PRECIS_OK;
            }
        }
        return set_error(err, PRECIS_EDATA, "%s:%zu: unknown section %s", path,
                         lineno, line);
    }
    if (!c->list)
        return set_error(err, PRECIS_EDATA, "%s:%zu: entry before a section",
                         path, lineno);
    int bad = memchr(line, ' ', len) != NULL || add_ending(c->list, line, len);
    /* A possessive or elision written with ' also matches the
     * typographic one. */
    char curly[MORPH_MAX_LEN + 3];
    char *apostrophe = memchr(line, '\'', len);
    if (!bad && (c->list == &c->m->possessive || c->list == &c->m->elided) &&
        apostrophe &&
        len + 2 <= MORPH_MAX_LEN) {
        size_t at = (size_t)(apostrophe - line);
        memcpy(curly, line, at);
        memcpy(curly + at, "\xE2\x80\x99", 3);
        memcpy(curly + at + 3, line + at + 1, len - at - 1);
        bad = add_ending(c->list, curly, len + 2);
    }
    if (bad)
        return set_error(err, PRECIS_EDATA,
                         "%s:%zu: \"%s\": one word of at most %d bytes, "
                         "at most %d a section",
                         path, lineno, line, MORPH_MAX_LEN, MORPH_MAX);
    return PRECIS_OK;
}

int load_morph(morph *m, const char *path, precis_error_t *err)
{
    morph_ctx c = {m, NULL};
    return each_line(path, morph_line, &c, err);
}

typedef struct idf_ctx {
    strmap *map;
    uint32_t *docs;
} idf_ctx;

static int idf_line(void *ctx, char *line, size_t len, const char *path,
                    size_t lineno, precis_error_t *err)
{
    idf_ctx *c = ctx;
    char *tab = memchr(line, '\t', len);
    char *end;
    if (!tab) {
        unsigned long docs;
        if (sscanf(line, "docs %lu", &docs) == 1 && docs > 0 &&
            docs < UINT32_MAX) {
            *c->docs = (uint32_t)docs;
            return PRECIS_OK;
        }
        return set_error(err, PRECIS_EDATA, "%s:%zu: expected term<TAB>df",
                         path, lineno);
    }
    errno = 0;
    unsigned long df = strtoul(tab + 1, &end, 10);
    if (tab == line || *end != '\0' || errno || df == 0 || df >= UINT32_MAX)
        return set_error(err, PRECIS_EDATA, "%s:%zu: bad document frequency",
                         path, lineno);
    if (!strmap_put(c->map, line, (size_t)(tab - line), (uint32_t)df, NULL))
        return nomem(err, path);
    return PRECIS_OK;
}

int load_idf(strmap *m, uint32_t *docs, const char *path, precis_error_t *err)
{
    idf_ctx c = {m, docs};
    *docs = 0;
    int rc = each_line(path, idf_line, &c, err);
    if (rc == PRECIS_OK && *docs == 0)
        rc = set_error(err, PRECIS_EDATA, "%s: no \"docs N\" line", path);
    return rc;
}

static int boilerplate_line(void *ctx, char *line, size_t len,
                            const char *path, size_t lineno,
                            precis_error_t *err)
{
    precis_engine_t *e = ctx;
    char *tab = memchr(line, '\t', len);
    exclusion reason =
        tab ? exclusion_from_name(line, (size_t)(tab - line)) : EXCL_NONE;
    if (reason == EXCL_NONE || tab[1] == '\0')
        return set_error(err, PRECIS_EDATA,
                         "%s:%zu: expected reason<TAB>text[<TAB>language], "
                         "a reason of exclusion.h",
                         path, lineno);
    const char *text = tab + 1;
    /* An optional third column limits the pattern to one language:
     * English captions say "(centre)", French copy means a region. */
    char *lang_tab = strchr(text, '\t');
    const char *code = "";
    if (lang_tab) {
        *lang_tab = '\0';
        code = lang_tab + 1;
        size_t n = strspn(code, "abcdefghijklmnopqrstuvwxyz");
        if (n == 0 || code[n] != '\0' || n >= sizeof e->patterns->lang ||
            *text == '\0')
            return set_error(err, PRECIS_EDATA,
                             "%s:%zu: bad language column (a code like en)",
                             path, lineno);
    }
    int nocase = *text == '~';
    text += nocase;
    int match = BP_CONTAINS;
    if (*text == '^' || *text == '=' || *text == '$') {
        match = *text == '^' ? BP_PREFIX : *text == '=' ? BP_WHOLE : BP_SUFFIX;
        text++;
    }
    if (*text == '\0')
        return set_error(err, PRECIS_EDATA, "%s:%zu: empty pattern", path,
                         lineno);
    bp_pattern *p = mem_realloc(e->patterns, (e->npatterns + 1) * sizeof *p);
    if (!p)
        return nomem(err, path);
    e->patterns = p;
    p = &p[e->npatterns];
    p->text = mem_strdup(text);
    if (!p->text)
        return nomem(err, path);
    p->len = strlen(text);
    p->reason = reason;
    p->match = match;
    p->nocase = nocase;
    if (nocase)
        for (char *c = p->text; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
    strcpy(p->lang, code);
    e->npatterns++;
    return PRECIS_OK;
}

int load_boilerplate(precis_engine_t *e, const char *path, precis_error_t *err)
{
    return each_line(path, boilerplate_line, e, err);
}
