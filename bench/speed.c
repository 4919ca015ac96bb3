/*
 * bench/speed -- engine cost against document size.
 *
 *   speed [--data DIR] [--repeat N] [FILE...]
 *
 * Builds documents of 1 KB to 10 MB by repeating real article text (the
 * FILEs, default tests/fixtures/sample-article.txt) and prints, per size,
 * the best of N runs of precis_summarize(): milliseconds, MB/s and
 * microseconds per KB.  Linear cost shows as a flat last column.  Prints
 * figures only; it never fails on timing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "precis.h"
#include "slurp.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = f ? slurp(f, len) : NULL;
    if (f)
        fclose(f);
    return buf;
}

/* size bytes of corpus repeated, cut back to a paragraph break so the
 * document ends cleanly. */
static char *make_doc(const char *corpus, size_t clen, size_t size,
                      size_t *len)
{
    char *doc = malloc(size + 1);
    if (!doc)
        return NULL;
    for (size_t i = 0; i < size; i += clen)
        memcpy(doc + i, corpus, size - i < clen ? size - i : clen);
    size_t end = size;
    while (end > size / 2 && doc[end - 1] != '\n')
        end--;
    doc[end] = '\0';
    *len = end;
    return doc;
}

int main(int argc, char **argv)
{
    const char *data = "data";
    int repeat = 5;
    const char *files[64];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (nfiles < 64)
            files[nfiles++] = argv[i];
    }
    if (nfiles == 0)
        files[nfiles++] = "tests/fixtures/sample-article.txt";
    size_t clen = 0;
    char *corpus = NULL;
    for (int i = 0; i < nfiles; i++) {
        size_t n;
        char *t = read_file(files[i], &n);
        if (!t) {
            fprintf(stderr, "speed: cannot read %s\n", files[i]);
            return 1;
        }
        char *grown = realloc(corpus, clen + n + 2);
        if (!grown)
            return 1;
        corpus = grown;
        memcpy(corpus + clen, t, n);
        clen += n;
        corpus[clen++] = '\n';
        free(t);
    }
    precis_engine_t *e;
    precis_error_t err;
    double t0 = now();
    if (precis_engine_open(data, &e, &err) != PRECIS_OK) {
        fprintf(stderr, "speed: %s\n", err.message);
        return 1;
    }
    printf("engine load: %.1f ms\n\n", (now() - t0) * 1e3);
    printf("%10s %10s %10s %10s %10s\n", "bytes", "sentences", "ms", "MB/s",
           "us/KB");
    static const size_t sizes[] = {1 << 10, 10 << 10, 100 << 10, 1 << 20,
                                   10 << 20};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t len = 0;
        char *doc = make_doc(corpus, clen, sizes[s], &len);
        if (!doc)
            return 1;
        double best = 1e9;
        size_t sentences = 0;
        for (int k = 0; k < repeat; k++) {
            precis_result_t *r;
            double t = now();
            if (precis_summarize(e, doc, len, NULL, &r, &err) != PRECIS_OK) {
                fprintf(stderr, "speed: %s\n", err.message);
                return 1;
            }
            t = now() - t;
            if (t < best)
                best = t;
            sentences = precis_result_total_sentences(r);
            precis_result_free(r);
        }
        printf("%10zu %10zu %10.3f %10.1f %10.2f\n", len, sentences,
               best * 1e3, (double)len / best / 1e6,
               best * 1e6 / ((double)len / 1024));
        free(doc);
    }
    precis_engine_free(e);
    free(corpus);
    return 0;
}
