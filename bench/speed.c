/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/speed -- engine speed, and OTS beside it when built with it.
 *
 *   speed [--data DIR] [--docs FILE.jsonl] [--repeat N]
 *
 * 1. Throughput on real articles (FILE, default the CNN/DM dev set, else
 *    the sample article): documents/s and MB/s on one thread and on all
 *    cores.
 * 2. Cost against size: documents of 1 KB to 10 MB built by repeating
 *    those articles; best of N runs; time per KB should stay flat; and
 *    "peak/in", the most heap the engine holds during one summary over
 *    the document's size (counted exactly, bench/heap.c).
 * Then the peak resident memory.  With -DHAVE_OTS (bench/speed-ots, made
 * by `make bench` when Debian's libots-dev is present) every figure has
 * an Open Text Summarizer column (parse, grade, highlight 20 %, output)
 * and a precis/OTS ratio.  Prints figures; never fails on timing.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "corpus.h"
#include "heap.h"
#include "precis.h"

#ifdef HAVE_OTS
#include <ots/libots.h>
/* Larger documents are not given to OTS (1 MB takes it ~12 s, 10 MB
 * ~450 s on the development machine). */
#define OTS_MAX_BYTES (1u << 20)
#endif

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const precis_engine_t *engine;

static void precis_once(const char *text, size_t len)
{
    precis_result_t *r;
    precis_options_t o;
    precis_options_init(&o);
    o.quotes = 3;
    if (precis_summarize(engine, text, len, &o, &r, NULL) == PRECIS_OK)
        precis_result_free(r);
}

#ifdef HAVE_OTS
static void ots_once(const char *text, size_t len)
{
    OtsArticle *a = ots_new_article();
    ots_load_xml_dictionary(a, (const unsigned char *)"en");
    ots_parse_stream((const unsigned char *)text, len, a);
    ots_grade_doc(a);
    ots_highlight_doc(a, 20);
    size_t n;
    g_free(ots_get_doc_text(a, &n));
    ots_free_article(a);
}
#endif

typedef struct worker {
    const corpus *c;
    size_t from, step;
} worker;

static void *run_worker(void *arg)
{
    worker *w = arg;
    for (size_t i = w->from; i < w->c->n; i += w->step)
        precis_once(w->c->docs[i], w->c->lens[i]);
    return NULL;
}

/* Seconds to summarize the whole corpus on `threads` threads. */
static double corpus_time(const corpus *c, size_t threads)
{
    pthread_t th[64];
    worker w[64];
    double t = now();
    for (size_t i = 0; i < threads; i++) {
        w[i] = (worker){c, i, threads};
        pthread_create(&th[i], NULL, run_worker, &w[i]);
    }
    for (size_t i = 0; i < threads; i++)
        pthread_join(th[i], NULL);
    return now() - t;
}

/* size bytes of the corpus repeated, cut back to a line break. */
static char *make_doc(const corpus *c, size_t size, size_t *len)
{
    char *doc = malloc(size + 1);
    size_t n = 0;
    for (size_t i = 0; n < size; i = (i + 1) % c->n) {
        size_t take = c->lens[i] + 1 < size - n ? c->lens[i] : size - n - 1;
        memcpy(doc + n, c->docs[i], take);
        n += take;
        doc[n++] = '\n';
    }
    while (n > size / 2 && doc[n - 1] != '\n')
        n--;
    doc[n] = '\0';
    *len = n;
    return doc;
}

typedef void (*summarizer)(const char *, size_t);

/* The most heap one summary of doc holds (bench/heap.c), in bytes. */
static long long peak_bytes(const char *doc, size_t len)
{
    heap_count_start();
    precis_once(doc, len);
    return heap_count_stop();
}

static double best_of(summarizer f, const char *doc, size_t len, int repeat)
{
    double best = 1e30;
    for (int k = 0; k < repeat; k++) {
        double t = now();
        f(doc, len);
        t = now() - t;
        if (t < best)
            best = t;
    }
    return best;
}

int main(int argc, char **argv)
{
    const char *data = "data", *docs = "../shared/data/cnndm.dev.jsonl";
    int repeat = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--data"))
            data = argv[i + 1];
        else if (!strcmp(argv[i], "--docs"))
            docs = argv[i + 1];
        else if (!strcmp(argv[i], "--repeat"))
            repeat = atoi(argv[i + 1]) > 0 ? atoi(argv[i + 1]) : 1;
    }
    corpus c;
    if (corpus_load(&c, docs) != 0) {
        fprintf(stderr, "speed: no documents\n");
        return 1;
    }
    precis_engine_t *e;
    precis_error_t err;
    double t0 = now();
    if (precis_engine_open(data, &e, &err) != PRECIS_OK) {
        fprintf(stderr, "speed: %s\n", err.message);
        return 1;
    }
    engine = e;
    printf("engine load: %.1f ms\n", (now() - t0) * 1e3);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t threads = cores > 0 && cores <= 64 ? (size_t)cores : 1;
    double one = corpus_time(&c, 1), all = corpus_time(&c, threads);
    printf("\nthroughput: %zu documents, %.1f KB each on average\n", c.n,
           (double)c.bytes / (double)c.n / 1024);
    printf("%-12s %10s %10s\n", "", "docs/s", "MB/s");
    printf("%-12s %10.1f %10.2f\n", "1 thread", (double)c.n / one,
           (double)c.bytes / one / 1e6);
    printf("%-12s %10.1f %10.2f   (%zu threads)\n", "all cores",
           (double)c.n / all, (double)c.bytes / all / 1e6, threads);
#ifdef HAVE_OTS
    double t = now();
    for (size_t i = 0; i < c.n; i++)
        ots_once(c.docs[i], c.lens[i]);
    t = now() - t;
    printf("%-12s %10.1f %10.2f   (precis/OTS time %.2f)\n", "OTS 1 thread",
           (double)c.n / t, (double)c.bytes / t / 1e6, one / t);
#endif
    printf("\ncost by size (best of %d)\n", repeat);
    printf("%10s %10s %10s %10s %10s", "bytes", "ms", "MB/s", "us/KB",
           "peak/in");
#ifdef HAVE_OTS
    printf(" %10s %10s", "OTS ms", "precis/OTS");
#endif
    printf("\n");
    static const size_t sizes[] = {1 << 10, 10 << 10, 100 << 10, 1 << 20,
                                   10 << 20};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t len;
        char *doc = make_doc(&c, sizes[s], &len);
        double p = best_of(precis_once, doc, len, repeat);
        long long peak = peak_bytes(doc, len);
        printf("%10zu %10.3f %10.1f %10.2f", len, p * 1e3,
               (double)len / p / 1e6, p * 1e6 / ((double)len / 1024));
        printf(" %10.1f", (double)peak / (double)len);
#ifdef HAVE_OTS
        /* OTS grows faster than linearly: 10 MB takes it minutes. */
        if (len <= OTS_MAX_BYTES) {
            double o = best_of(ots_once, doc, len, 1);
            printf(" %10.3f %10.3f", o * 1e3, p / o);
        } else {
            printf(" %10s %10s", "-", "-");
        }
#endif
        printf("\n");
        free(doc);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("\npeak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024);
    precis_engine_free(e);
    corpus_free(&c);
    return 0;
}
