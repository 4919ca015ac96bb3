/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/speed -- engine speed, and OTS beside it when built with it.
 *
 *   speed [--data DIR] [--docs FILE.jsonl] [--repeat N]
 *         [--pass precis|floor]
 *
 * --pass: summarize every document once (3 quotes, 10 keywords), or
 * make the stemming floor pass over it, and print the bytes read,
 * nothing else: the runs to count under callgrind (tools/bench.sh
 * prints instructions per input byte from them); with --repeat N the
 * pass is made N times, a run long enough to sample with perf.  The
 * summaries come after a first pass over the same documents, as in a
 * long-running process whose threads have met the vocabulary
 * (lib/lexicon.c); counting precis_once only leaves that pass out.
 *
 * 1. Throughput on real articles (FILE, default the CNN/DM dev set, else
 *    the sample article): documents/s and MB/s on one thread, for the
 *    summary alone and with 3 quotes and 10 keywords, and on all cores;
 *    beside them two floor passes over the same bytes, which any engine
 *    that reads every word must pay: decode every code point with
 *    utf8proc and case-fold it; and that, split into words and stem
 *    every word with libstemmer (English).  The ratios are precis's time
 *    over the floor's, measured in the same run.
 * 2. Cost against size: documents of 1 KB to 10 MB built by repeating
 *    those articles; best of N runs; time per KB should stay flat; and
 *    "peak/in", the most heap the engine holds during one summary over
 *    the document's size (counted exactly, bench/heap.c).
 * 3. Memory on distinct text: the most heap one summary holds over the
 *    input's size, on 1 KB to 10 MB of different real articles (the
 *    English dev sets and background corpus of ../shared, each text
 *    once), and on two pathological inputs: all of that as one 8 MB
 *    line, and a million short paragraphs.
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

#include <libstemmer.h>
#include <utf8proc.h>

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

static void summarize(const char *text, size_t len, int quotes, int keywords)
{
    precis_result_t *r;
    precis_options_t o;
    precis_options_init(&o);
    o.quotes = quotes;
    o.keywords = keywords;
    if (precis_summarize(engine, text, len, &o, &r, NULL) == PRECIS_OK)
        precis_result_free(r);
}

/* The request the issue measures: 3 sentences, 3 quotes, 10 keywords.
 * Not inlined: callgrind counts it by name (--toggle-collect). */
__attribute__((noipa)) static void precis_once(const char *text,
                                                  size_t len)
{
    summarize(text, len, 3, 10);
}

static void precis_summary_only(const char *text, size_t len)
{
    summarize(text, len, 0, 0);
}

/* Floor passes.  The checksum keeps the compiler from dropping work. */
static volatile size_t floor_sink;
static struct sb_stemmer *floor_stemmer; /* one per thread in real use */

/* Decode every code point and case-fold it; with stem, also split the
 * text into words (letters and digits) and stem every word. */
static void floor_pass(const char *text, size_t len, int stem)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    utf8proc_uint8_t word[256];
    size_t wlen = 0, sum = 0;
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            n = 1;
            cp = 0xFFFD;
        }
        p += n;
        left -= n;
        utf8proc_int32_t folded[4];
        int boundclass = UTF8PROC_BOUNDCLASS_START;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, folded, 4, UTF8PROC_CASEFOLD, &boundclass);
        if (m < 1)
            folded[0] = cp;
        if (!stem) {
            sum += (size_t)folded[0];
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        int in_word = (cat >= UTF8PROC_CATEGORY_LU &&
                       cat <= UTF8PROC_CATEGORY_LO) ||
                      cat == UTF8PROC_CATEGORY_ND;
        if (in_word && wlen + 4 < sizeof word) {
            wlen += (size_t)utf8proc_encode_char(folded[0], word + wlen);
            if (left > 0)
                continue;
        }
        if (wlen > 0) {
            const sb_symbol *s = sb_stemmer_stem(floor_stemmer, word,
                                                 (int)wlen);
            sum += (size_t)(s ? s[0] : 0) +
                   (size_t)sb_stemmer_length(floor_stemmer);
            wlen = 0;
        }
    }
    floor_sink += sum;
}

static void floor_fold(const char *text, size_t len)
{
    floor_pass(text, len, 0);
}

__attribute__((noipa)) static void floor_stem(const char *text,
                                                 size_t len)
{
    floor_pass(text, len, 1);
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
    int passes;
} worker;

static void *run_worker(void *arg)
{
    worker *w = arg;
    for (int k = 0; k < w->passes; k++)
        for (size_t i = w->from; i < w->c->n; i += w->step)
            precis_once(w->c->docs[i], w->c->lens[i]);
    return NULL;
}

typedef void (*summarizer)(const char *, size_t);

/* Seconds for f over the whole corpus, best of repeat. */
static double corpus_best(summarizer f, const corpus *c, int repeat)
{
    double best = 1e30;
    for (int k = 0; k < repeat; k++) {
        double t = now();
        for (size_t i = 0; i < c->n; i++)
            f(c->docs[i], c->lens[i]);
        t = now() - t;
        if (t < best)
            best = t;
    }
    return best;
}

/* Seconds to summarize the whole corpus on `threads` threads (mean of
 * 10 passes). */
static double corpus_time(const corpus *c, size_t threads)
{
    pthread_t th[64];
    worker w[64];
    double t = now();
    for (size_t i = 0; i < threads; i++) {
        w[i] = (worker){c, i, threads, 10};
        pthread_create(&th[i], NULL, run_worker, &w[i]);
    }
    for (size_t i = 0; i < threads; i++)
        pthread_join(th[i], NULL);
    return (now() - t) / w[0].passes;
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

/* size bytes of distinct documents, each once, or NULL when c holds
 * fewer. */
static char *distinct_doc(const corpus *c, size_t size, size_t *len)
{
    if (c->bytes + c->n < size)
        return NULL;
    char *doc = malloc(size + 1);
    size_t n = 0;
    for (size_t i = 0; n < size; i++) {
        size_t take = c->lens[i] + 1 < size - n ? c->lens[i] : size - n - 1;
        memcpy(doc + n, c->docs[i], take);
        n += take;
        doc[n++] = '\n';
    }
    doc[n] = '\0';
    *len = n;
    return doc;
}

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
    const char *one_pass = NULL;
    /* English text, distinct: the background corpus first (5 MB). */
    static const char *const memory_docs[] = {
        "../shared/data/idf_en.jsonl", "../shared/data/bbc_news.dev.jsonl",
        "../shared/data/cnndm_val.dev.jsonl",
        "../shared/data/duc2002.dev.jsonl", "../shared/data/pages.dev.jsonl",
        NULL};
    int repeat = 3, repeat_given = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--pass"))
            one_pass = argv[i + 1];
        else if (!strcmp(argv[i], "--data"))
            data = argv[i + 1];
        else if (!strcmp(argv[i], "--docs"))
            docs = argv[i + 1];
        else if (!strcmp(argv[i], "--repeat")) {
            repeat = atoi(argv[i + 1]) > 0 ? atoi(argv[i + 1]) : 1;
            repeat_given = 1;
        }
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
    if (one_pass) {
        floor_stemmer = sb_stemmer_new("english", NULL);
        int floor = !strcmp(one_pass, "floor");
        for (size_t i = 0; !floor && i < c.n; i++)
            summarize(c.docs[i], c.lens[i], 3, 10);
        for (int k = 0; k < (repeat_given ? repeat : 1); k++)
            for (size_t i = 0; i < c.n; i++)
                (floor ? floor_stem : precis_once)(c.docs[i], c.lens[i]);
        sb_stemmer_delete(floor_stemmer);
        printf("bytes: %zu\n", c.bytes);
        precis_engine_free(e);
        corpus_free(&c);
        return 0;
    }
    printf("engine load: %.1f ms\n", (now() - t0) * 1e3);
    floor_stemmer = sb_stemmer_new("english", NULL);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t threads = cores > 0 && cores <= 64 ? (size_t)cores : 1;
    /* Interleaved, best of 5 passes each, so the machine's load drifts
     * over all of them alike. */
    double full = 1e30, bare = 1e30, fold = 1e30, stem = 1e30;
    for (int k = 0; k < 5; k++) {
        double t;
        if ((t = corpus_best(precis_once, &c, 1)) < full)
            full = t;
        if ((t = corpus_best(precis_summary_only, &c, 1)) < bare)
            bare = t;
        if ((t = corpus_best(floor_fold, &c, 1)) < fold)
            fold = t;
        if ((t = corpus_best(floor_stem, &c, 1)) < stem)
            stem = t;
    }
    double all = corpus_time(&c, threads);
    printf("\nthroughput: %zu documents, %.1f KB each on average, "
           "one thread unless said\n",
           c.n, (double)c.bytes / (double)c.n / 1024);
    printf("%-34s %10s %10s %12s\n", "", "docs/s", "MB/s", "time/floor");
    struct {
        const char *name;
        double t;
    } rows[] = {
        {"precis, 3 quotes, 10 keywords", full},
        {"precis, summary only", bare},
        {"floor: decode + fold", fold},
        {"floor: decode + fold + stem all", stem},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        printf("%-34s %10.1f %10.2f %12.2f\n", rows[i].name,
               (double)c.n / rows[i].t, (double)c.bytes / rows[i].t / 1e6,
               rows[i].t / stem);
    printf("%-34s %10.1f %10.2f   (%zu threads)\n", "precis, all cores",
           (double)c.n / all, (double)c.bytes / all / 1e6, threads);
#ifdef HAVE_OTS
    double ots = corpus_best(ots_once, &c, 1);
    printf("%-34s %10.1f %10.2f %12.2f   (precis/OTS time %.3f)\n",
           "OTS 20 %", (double)c.n / ots, (double)c.bytes / ots / 1e6,
           ots / stem, full / ots);
#endif
    sb_stemmer_delete(floor_stemmer);
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
    corpus big = {0};
    for (const char *const *p = memory_docs; *p; p++)
        corpus_add(&big, *p);
    printf("\nmemory on distinct text (%zu documents, %.1f MB, each once)\n",
           big.n, (double)big.bytes / 1e6);
    printf("%-26s %10s %10s %10s\n", "input", "bytes", "ms", "peak/in");
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t len;
        char *doc = distinct_doc(&big, sizes[s], &len);
        if (!doc) {
            printf("%-26s %10zu %10s %10s\n", "articles", sizes[s], "-", "-");
            continue;
        }
        double t = best_of(precis_once, doc, len, 1);
        printf("%-26s %10zu %10.3f %10.2f\n", "articles", len, t * 1e3,
               (double)peak_bytes(doc, len) / (double)len);
        free(doc);
    }
    size_t len;
    char *doc = distinct_doc(&big, 8 << 20, &len);
    if (doc) {
        for (size_t i = 0; i < len; i++)
            if (doc[i] == '\n')
                doc[i] = ' ';
        double t = best_of(precis_once, doc, len, 1);
        printf("%-26s %10zu %10.3f %10.2f\n", "one line", len, t * 1e3,
               (double)peak_bytes(doc, len) / (double)len);
        free(doc);
    }
    {
        size_t cap = 24u << 20, n = 0;
        doc = malloc(cap);
        for (unsigned i = 0; i < 1000000; i++)
            n += (size_t)snprintf(doc + n, cap - n, "Line %u.\n\n", i);
        double t = best_of(precis_once, doc, n, 1);
        printf("%-26s %10zu %10.3f %10.2f\n", "a million paragraphs", n,
               t * 1e3, (double)peak_bytes(doc, n) / (double)n);
        free(doc);
    }
    corpus_free(&big);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("\npeak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024);
    precis_engine_free(e);
    corpus_free(&c);
    return 0;
}
