/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * precis-idf -- build a background IDF model (document frequencies) from
 * a JSONL corpus, one {"text": ...} object per line.
 *
 *   precis-idf --data DIR --lang en [--min-df 2] corpus.jsonl > en.idf
 *
 * Terms are folded and stemmed by the engine's own tokenizer and stemmer
 * so they match what precis_summarize() looks up.  Terms seen in fewer
 * than --min-df documents are left out (they read as unseen, which is
 * nearly the same idf) to keep the model small.  Output is sorted, so a
 * rebuilt model diffs cleanly.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libstemmer.h>

#include "doc.h"
#include "lexicon.h"
#include "pipeline.h"
#include "precis.h"
#include "strmap.h"
#include "tokenize.h"

typedef struct entry {
    const char *term; /* not NUL-terminated */
    uint32_t len;
    uint32_t df;
} entry;

/* strcmp's order: bytes, then the shorter first. */
static int by_term(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = memcmp(x->term, y->term, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static int usage(void)
{
    fprintf(stderr, "usage: precis-idf --data DIR --lang CODE [--min-df N] "
                    "corpus.jsonl\n");
    return 2;
}

/* Add one document's distinct content terms to df: each term's stem,
 * from the fold of its first token, as the engine's lexicon gives it. */
static int count_doc(strmap *df, const precis_engine_t *e, const lang *l,
                     const char *text, size_t len)
{
    doc d;
    int rc = doc_build(&d, e, l, 0, text, len, NULL, 0);
    unsigned char *seen = calloc(d.nterms ? d.nterms : 1, 1);
    lexicon *x = lexicon_open(e, l);
    if (rc == PRECIS_OK && (!seen || !x))
        rc = PRECIS_ENOMEM;
    for (size_t k = 0; rc == PRECIS_OK && k < d.ntoks; k++) {
        const doc_token *t = &d.toks[k];
        const doc_term *term = &d.terms[t->term];
        if (term->stop || term->number || seen[t->term])
            continue;
        seen[t->term] = 1;
        tokenizer z;
        token tok;
        lex_word w;
        tokenizer_init(&z, text, t->start, doc_token_end(t));
        if (!tokenizer_next(&z, &tok))
            continue;
        rc = lexicon_word(x, l, z.fold, tok.fold_len, tok.hash, &w);
        uint32_t *v =
            rc == PRECIS_OK ? strmap_put(df, w.stem, w.stem_len, 0, NULL) : NULL;
        if (!v)
            rc = PRECIS_ENOMEM;
        else
            ++*v;
    }
    free(seen);
    doc_free(&d);
    return rc;
}

int main(int argc, char **argv)
{
    const char *data = NULL, *code = NULL, *path = NULL;
    unsigned long min_df = 2;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--lang") && i + 1 < argc)
            code = argv[++i];
        else if (!strcmp(argv[i], "--min-df") && i + 1 < argc)
            min_df = strtoul(argv[++i], NULL, 10);
        else if (argv[i][0] != '-' && !path)
            path = argv[i];
        else
            return usage();
    }
    if (!code || !path)
        return usage();
    precis_engine_t *e;
    precis_error_t err;
    if (precis_engine_open(data, &e, &err) != PRECIS_OK) {
        fprintf(stderr, "precis-idf: %s\n", err.message);
        return 1;
    }
    const lang *l = engine_lang(e, code);
    FILE *in = fopen(path, "r");
    if (!l || !in) {
        fprintf(stderr, "precis-idf: %s\n",
                !l ? "language not loaded" : strerror(errno));
        precis_engine_free(e);
        return 1;
    }
    strmap df;
    strmap_init(&df, 1 << 16);
    char *line = NULL;
    size_t cap = 0, docs = 0, lineno = 0;
    ssize_t n;
    int rc = 0;
    while (rc == 0 && (n = getline(&line, &cap, in)) > 0) {
        lineno++;
        json_error_t jerr;
        json_t *obj = json_loadb(line, (size_t)n, 0, &jerr);
        json_t *text = obj ? json_object_get(obj, "text") : NULL;
        if (!json_is_string(text)) {
            fprintf(stderr, "precis-idf: %s:%zu: no \"text\" string\n", path,
                    lineno);
            rc = 1;
        } else if (count_doc(&df, e, l, json_string_value(text),
                             json_string_length(text)) != PRECIS_OK) {
            rc = 1;
        }
        docs++;
        json_decref(obj);
    }
    free(line);
    fclose(in);
    entry *all = malloc((df.count ? df.count : 1) * sizeof *all);
    size_t m = 0;
    for (size_t i = 0; all && i < df.count; i++)
        if (df.entries[i].value >= min_df)
            all[m++] = (entry){strmap_key(&df.entries[i]), df.entries[i].len,
                               df.entries[i].value};
    if (rc == 0 && all) {
        qsort(all, m, sizeof *all, by_term);
        printf("# precis IDF model: document frequencies of folded, stemmed "
               "terms\n# built by precis-idf --lang %s --min-df %lu\n"
               "docs %zu\n",
               code, min_df, docs);
        for (size_t i = 0; i < m; i++)
            printf("%.*s\t%u\n", (int)all[i].len, all[i].term, all[i].df);
    }
    free(all);
    strmap_free(&df);
    precis_engine_free(e);
    return rc || !all ? 1 : 0;
}
