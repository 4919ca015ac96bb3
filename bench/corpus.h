/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * corpus.h -- the documents a benchmark runs on: the "text" of each line
 * of a JSONL file (a dev set), or a whole plain-text file.
 */
#ifndef PRECIS_BENCH_CORPUS_H
#define PRECIS_BENCH_CORPUS_H

#include <stddef.h>

typedef struct corpus {
    char **docs; /* NUL-terminated copies */
    size_t *lens;
    size_t n, bytes;
} corpus;

/* Load path, or when it yields nothing the sample article of
 * tests/fixtures; 0, or -1 when neither has a document. */
int corpus_load(corpus *c, const char *path);
/* Append path's documents (a text equal to one of the last few loaded
 * is skipped: dev sets repeat a text per annotator); 0, or -1 when it
 * adds none. */
int corpus_add(corpus *c, const char *path);
void corpus_free(corpus *c);

#endif
