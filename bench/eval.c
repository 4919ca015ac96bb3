/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/eval -- precis on the dev sets of ../shared/EVAL.md, under the
 * protocol given there, beside a Lead baseline and the reference rows.
 *
 *   eval [--shared DIR] [--data DIR] [--set NAME]... [--oracle] [--list]
 *
 * For each set: precis, and Lead (the first sentences precis's own
 * segmenter finds, boilerplate aside, under the same budget), scored by
 * bench/rouge_score.c (ROUGE-1.5.5's definitions) with the mean and a
 * bootstrap 95 % interval; then EVAL.md's reference systems, and on
 * CNN/DM the best of the SummEval systems whose outputs ship with the
 * set.  --oracle adds the extractive oracle under the same budget: the
 * ceiling for any choice of sentences (it takes a few seconds more).
 * It also reports how many precis summaries were empty or held a
 * sentence the engine had marked as page noise (both should be 0), and,
 * for precis and Lead, the summary sentences that lean on a sentence
 * the summary lacks or are cut inside a quotation (faithful.h); --list
 * prints each such sentence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "faithful.h"
#include "precis.h"
#include "rouge_score.h"

#define RESAMPLES 1000

typedef struct set_def {
    const char *name, *lang;
    int budget;
    double value;
    int recall;          /* score recall (else F1) */
    size_t limit;        /* ROUGE -l */
    const char *unicode; /* Snowball language for --unicode scoring */
    /* EVAL.md rows: name, R-1, R-2, R-L; NULL name ends */
    struct {
        const char *name;
        double r1, r2, rl;
    } refs[4];
} set_def;

static const set_def sets[] = {
    {"duc2002",
     "en",
     PRECIS_BUDGET_WORDS,
     100,
     1,
     100,
     NULL,
     {{"Lead (EVAL.md)", .47259, .21643, .43095},
      {"TextRank (EVAL.md)", .45274, .18791, .40831},
      {"OTS (EVAL.md)", .42202, .17575, .37018}}},
    {"cnndm",
     "en",
     PRECIS_BUDGET_SENTENCES,
     3,
     0,
     0,
     NULL,
     {{"Lead (EVAL.md)", .34608, .12292, .29851},
      {"TextRank (EVAL.md)", .27675, .09776, .23556}}},
    {"cnndm_val", "en", PRECIS_BUDGET_SENTENCES, 3, 0, 0, NULL, {{0}}},
    {"bbc_news",
     "en",
     PRECIS_BUDGET_RATIO,
     0.4,
     0,
     0,
     NULL,
     {{"Lead (EVAL.md)", .64505, .51030, .63205},
      {"TextRank (EVAL.md)", .82843, .76791, .82452},
      {"OTS (EVAL.md)", .74763, .66047, .73218}}},
    {"orangesum_fr", "fr", PRECIS_BUDGET_SENTENCES, 2, 0, 0, "french", {{0}}},
    {"temario_pt", "pt", PRECIS_BUDGET_RATIO, 0.3, 0, 0, "portuguese", {{0}}},
};

typedef struct series {
    double *v[3]; /* per document, R-L */
    size_t n, cap;
} series;

static void series_add(series *s, const rouge_scores *r, int recall)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        for (int k = 0; k < 3; k++)
            s->v[k] = realloc(s->v[k], s->cap * sizeof *s->v[k]);
    }
    const rouge_prf *m[3] = {&r->r1, &r->r2, &r->rl};
    for (int k = 0; k < 3; k++)
        s->v[k][s->n] = recall ? m[k]->r : m[k]->f;
    s->n++;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Mean and bootstrap 95 % interval of v[0, n). */
static void mean_ci(const double *v, size_t n, double out[3])
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += v[i];
    out[0] = out[1] = out[2] = n ? sum / (double)n : 0;
    if (n == 0)
        return;
    double *means = malloc(RESAMPLES * sizeof *means);
    unsigned seed = 12345;
    for (int r = 0; r < RESAMPLES; r++) {
        double s = 0;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            s += v[(seed >> 8) % n];
        }
        means[r] = s / (double)n;
    }
    qsort(means, RESAMPLES, sizeof *means, cmp_double);
    out[1] = means[RESAMPLES * 25 / 1000];
    out[2] = means[RESAMPLES * 975 / 1000 - 1];
    free(means);
}

static void print_row(const char *name, const series *s)
{
    printf("  %-22s", name);
    for (int k = 0; k < 3; k++) {
        double m[3];
        mean_ci(s->v[k], s->n, m);
        printf("  %.4f [%.4f-%.4f]", m[0], m[1], m[2]);
    }
    printf("\n");
}

/* Whether a summary of n sentences and words words is still under the
 * set's budget (of a document of total words). */
static int under_budget(const set_def *d, size_t n, size_t words, size_t total)
{
    if (d->budget == PRECIS_BUDGET_SENTENCES)
        return (double)n < d->value;
    double target =
        d->budget == PRECIS_BUDGET_RATIO ? d->value * total : d->value;
    return (double)words < target;
}

/* The sentences of r flagged in pick (every one when pick is NULL), in
 * document order, '\n'-separated. */
static char *join_sentences(const precis_result_t *r, const char *pick)
{
    size_t cap = 4096, len = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
        if (pick && !pick[i])
            continue;
        const char *t = precis_result_sentence(r, i)->text;
        size_t n = strlen(t);
        while (len + n + 2 > cap)
            out = realloc(out, cap *= 2);
        len += (size_t)sprintf(out + len, "%s%s", len ? "\n" : "", t);
    }
    return out;
}

/* Lead: the first of all the selectable sentences, under the budget. */
static char *lead_pick(const precis_result_t *all, const set_def *d)
{
    size_t n = precis_result_sentence_count(all), words = 0, k = 0;
    size_t total = precis_result_total_words(all);
    char *pick = calloc(n ? n : 1, 1);
    for (; k < n && under_budget(d, k, words, total); k++) {
        pick[k] = 1;
        words += precis_result_sentence(all, k)->words;
    }
    return pick;
}

static char *lead_summary(const precis_result_t *all, const set_def *d)
{
    char *pick = lead_pick(all, d);
    char *out = join_sentences(all, pick);
    free(pick);
    return out;
}

static double objective(const rouge_scores *s, int recall)
{
    return recall ? s->r1.r + s->r2.r : s->r1.f + s->r2.f;
}

/* The extractive oracle: sentences added greedily, each the one that
 * raises ROUGE-1 + ROUGE-2 against the references most, until the same
 * budget is spent.  It reads the references, so it is a ceiling for
 * sentence selection on this segmenter, not a system. */
static char *oracle_summary(rouge *scorer, const precis_result_t *all,
                            const set_def *d, const char *const *refs,
                            size_t nrefs)
{
    size_t n = precis_result_sentence_count(all), words = 0, k = 0;
    size_t total = precis_result_total_words(all);
    char *pick = calloc(n ? n : 1, 1);
    for (; k < n && under_budget(d, k, words, total); k++) {
        size_t best = n;
        double best_value = -1;
        for (size_t i = 0; i < n; i++) {
            if (pick[i])
                continue;
            pick[i] = 1;
            char *t = join_sentences(all, pick);
            rouge_scores s = rouge_score(scorer, t, refs, nrefs);
            free(t);
            pick[i] = 0;
            if (objective(&s, d->recall) > best_value) {
                best_value = objective(&s, d->recall);
                best = i;
            }
        }
        pick[best] = 1;
        words += precis_result_sentence(all, best)->words;
    }
    char *out = join_sentences(all, pick);
    free(pick);
    return out;
}

typedef struct faith {
    size_t sentences;  /* in the summaries */
    size_t unresolved; /* leaning back on a sentence not in the summary */
    size_t cut;        /* cut inside a quotation */
} faith;

/* The summary of pick over all's sentences (every selectable one, in
 * order, and every quoted statement): a sentence's predecessor is the
 * selectable one before it (the text's first has none: what it points
 * at, a headline or a name further on, no extract can miss), and it is
 * cut inside a quotation when it begins strictly inside one and the
 * summary lacks its predecessor, or ends inside one and lacks the next
 * sentence. */
static void count_faith(const openers *o, const precis_result_t *all,
                        const char *pick, faith *f, const char *list_as)
{
    size_t n = precis_result_sentence_count(all);
    for (size_t i = 0; i < n; i++) {
        if (!pick[i])
            continue;
        const precis_sentence_t *s = precis_result_sentence(all, i);
        const char *t = s->text;
        int leans = i > 0 && !pick[i - 1] && leans_back(o, t);
        int cut = 0;
        for (size_t q = 0; q < precis_result_quote_count(all); q++) {
            const precis_quote_t *x = precis_result_quote(all, q);
            cut |= (x->start < s->start && s->start < x->end &&
                    (i == 0 || !pick[i - 1])) ||
                   (x->start < s->end && s->end < x->end &&
                    (i + 1 == n || !pick[i + 1]));
        }
        f->sentences++;
        f->unresolved += leans;
        f->cut += cut;
        if (list_as && (leans || cut))
            printf("    %s %s: %s\n", list_as, leans ? "leans" : "cut", t);
    }
}

/* Which of all's sentences r holds (r's are among them, in order). */
static char *pick_of(const precis_result_t *r, const precis_result_t *all)
{
    size_t n = precis_result_sentence_count(all), k = 0;
    char *pick = calloc(n ? n : 1, 1);
    for (size_t j = 0; j < precis_result_sentence_count(r); j++) {
        size_t want = precis_result_sentence(r, j)->index;
        while (k < n && precis_result_sentence(all, k)->index < want)
            k++;
        if (k < n && precis_result_sentence(all, k)->index == want)
            pick[k] = 1;
    }
    return pick;
}

static void print_faith(const char *name, const faith *f)
{
    double n = f->sentences ? (double)f->sentences : 1;
    printf("  %-22s  %zu of %zu sentences (%.1f %%) lean on one the summary "
           "lacks, %zu (%.1f %%) cut inside a quotation\n",
           name, f->unresolved, f->sentences, 100.0 * (double)f->unresolved / n,
           f->cut, 100.0 * (double)f->cut / n);
}

/* Whether some summary sentence overlaps a sentence marked as noise. */
static int has_noise(const precis_result_t *r)
{
    for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
        const precis_sentence_t *s = precis_result_sentence(r, i);
        for (size_t k = 0; k < precis_result_excluded_count(r); k++) {
            const precis_excluded_t *x = precis_result_excluded(r, k);
            if (x->start < s->end && s->start < x->end)
                return 1;
        }
    }
    return 0;
}

/* The systems SummEval scored on the CNN/DM documents ship with the
 * set (system_summaries): supervised extractors and abstractive models
 * trained on CNN/DM, scored here like precis. */
static const char *const summeval_names[][2] = {
    {"M0", "Lead-3"},     {"M1", "NEUSUM"},       {"M2", "BanditSum"},
    {"M5", "RNES"},       {"M8", "Pointer-Gen"},  {"M9", "Fast-abs-rl"},
    {"M10", "Bottom-Up"}, {"M11", "Improve-abs"}, {"M12", "Unified"},
    {"M13", "ROUGESal"},  {"M14", "Multi-task"},  {"M15", "Closed-book"},
    {"M17", "T5"},        {"M20", "GPT-2"},       {"M22", "BART"},
    {"M23", "Pegasus"}};
#define MAX_SYSTEMS 32

typedef struct system_series {
    char id[8];
    series s;
} system_series;

static void add_systems(rouge *scorer, json_t *systems,
                        const char *const *refs, size_t nrefs,
                        system_series *out, size_t *n, int recall)
{
    const char *id;
    json_t *v;
    json_object_foreach(systems, id, v)
    {
        size_t k = 0;
        while (k < *n && strcmp(out[k].id, id) != 0)
            k++;
        if (k == *n) {
            if (*n == MAX_SYSTEMS || strlen(id) >= sizeof out[k].id)
                continue;
            memset(&out[k], 0, sizeof out[k]);
            strcpy(out[k].id, id);
            (*n)++;
        }
        const char *text = json_string_value(v);
        rouge_scores s = rouge_score(scorer, text ? text : "", refs, nrefs);
        series_add(&out[k].s, &s, recall);
    }
}

static double series_mean(const series *s, int k)
{
    double sum = 0;
    for (size_t i = 0; i < s->n; i++)
        sum += s->v[k][i];
    return s->n ? sum / (double)s->n : 0;
}

static int by_rouge1(const void *a, const void *b)
{
    double x = series_mean(&((const system_series *)a)->s, 0);
    double y = series_mean(&((const system_series *)b)->s, 0);
    return x < y ? 1 : x > y ? -1 : 0;
}

static void series_free(series *s)
{
    for (int k = 0; k < 3; k++)
        free(s->v[k]);
}

/* The best three of SummEval's systems by ROUGE-1, and how many. */
static void print_systems(system_series *sys, size_t n)
{
    qsort(sys, n, sizeof *sys, by_rouge1);
    for (size_t k = 0; k < n; k++) {
        if (k < 3) {
            const char *name = sys[k].id;
            for (size_t j = 0;
                 j < sizeof summeval_names / sizeof summeval_names[0]; j++)
                if (!strcmp(summeval_names[j][0], sys[k].id))
                    name = summeval_names[j][1];
            char label[64];
            snprintf(label, sizeof label, "SummEval %s %s", sys[k].id, name);
            print_row(label, &sys[k].s);
        }
        series_free(&sys[k].s);
    }
    if (n > 3)
        printf("  (%zu more SummEval systems below these)\n", n - 3);
}

static int run_set(const precis_engine_t *e, const set_def *d,
                   const char *shared, const char *data, int with_oracle,
                   int list)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.dev.jsonl", shared, d->name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "eval: %s: not found\n", path);
        return -1;
    }
    rouge_opts ro = {.stem = 1,
                     .limit = d->limit,
                     .unicode = d->unicode,
                     .wordnet = d->unicode ? NULL : "/usr/share/wordnet"};
    rouge *scorer = rouge_new(&ro);
    ro.ngrams_only = 1;
    rouge *fast = rouge_new(&ro);
    series ours = {0}, lead = {0}, oracle = {0};
    openers *lean = openers_load(data, d->lang);
    if (!lean) {
        fprintf(stderr, "eval: %s/dependent/%s.txt: unreadable\n", data,
                d->lang);
        fclose(f);
        return -1;
    }
    faith our_faith = {0}, lead_faith = {0};
    system_series systems[MAX_SYSTEMS];
    size_t nsystems = 0;
    size_t empty = 0, noisy_docs = 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *doc = json_loads(line, 0, NULL);
        const char *text = json_string_value(json_object_get(doc, "text"));
        const char *refs[64];
        size_t nrefs = 0, i;
        json_t *x;
        json_array_foreach(json_object_get(doc, "summaries"), i,
                           x) if (nrefs < 64) refs[nrefs++] =
            json_string_value(x);
        if (nrefs == 0)
            refs[nrefs++] = json_string_value(json_object_get(doc, "summary"));
        precis_options_t o;
        precis_options_init(&o);
        o.lang = d->lang;
        o.budget = d->budget;
        o.budget_value = d->value;
        o.keywords = 0;
        precis_result_t *r, *all;
        if (!text || precis_summarize(e, text, strlen(text), &o, &r, NULL)) {
            json_decref(doc);
            continue;
        }
        /* Every selectable sentence, restatements too, for Lead and the
         * oracle. */
        o.budget = PRECIS_BUDGET_RATIO;
        o.budget_value = 1.0;
        o.redundancy = 0;
        o.quotes = 1000; /* where the quotations are, for faithfulness */
        if (precis_summarize(e, text, strlen(text), &o, &all, NULL)) {
            precis_result_free(r);
            json_decref(doc);
            continue;
        }
        char *mine = join_sentences(r, NULL), *first = lead_summary(all, d);
        char *best =
            with_oracle ? oracle_summary(fast, all, d, refs, nrefs) : NULL;
        empty += mine[0] == '\0';
        noisy_docs += has_noise(r);
        char *pick = pick_of(r, all);
        count_faith(lean, all, pick, &our_faith, list ? "precis" : NULL);
        free(pick);
        pick = lead_pick(all, d);
        count_faith(lean, all, pick, &lead_faith, list ? "Lead" : NULL);
        free(pick);
        rouge_scores s = rouge_score(scorer, mine, refs, nrefs);
        series_add(&ours, &s, d->recall);
        s = rouge_score(scorer, first, refs, nrefs);
        series_add(&lead, &s, d->recall);
        if (best) {
            s = rouge_score(scorer, best, refs, nrefs);
            series_add(&oracle, &s, d->recall);
        }
        add_systems(scorer, json_object_get(doc, "system_summaries"), refs,
                    nrefs, systems, &nsystems, d->recall);
        free(mine);
        free(first);
        free(best);
        precis_result_free(r);
        precis_result_free(all);
        json_decref(doc);
    }
    free(line);
    fclose(f);
    printf("%s: %zu documents, ROUGE-1 / ROUGE-2 / ROUGE-L %s, mean "
           "[95%% bootstrap]\n",
           d->name, ours.n, d->recall ? "recall" : "F1");
    print_row("precis", &ours);
    print_row("Lead (our segmenter)", &lead);
    for (int k = 0; k < 4 && d->refs[k].name; k++)
        printf("  %-22s  %.4f                 %.4f                 %.4f\n",
               d->refs[k].name, d->refs[k].r1, d->refs[k].r2, d->refs[k].rl);
    print_systems(systems, nsystems);
    if (with_oracle)
        print_row("Oracle (reads refs)", &oracle);
    printf("  empty summaries: %zu, summaries with page noise: %zu\n", empty,
           noisy_docs);
    print_faith("faithfulness, precis", &our_faith);
    print_faith("faithfulness, Lead", &lead_faith);
    printf("\n");
    openers_free(lean);
    series_free(&ours);
    series_free(&lead);
    series_free(&oracle);
    rouge_free(scorer);
    rouge_free(fast);
    return 0;
}

int main(int argc, char **argv)
{
    const char *shared = "../shared/data", *data = "data";
    const char *only[8];
    int nonly = 0, with_oracle = 0, list = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--shared") && i + 1 < argc)
            shared = argv[++i];
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--set") && i + 1 < argc && nonly < 8)
            only[nonly++] = argv[++i];
        else if (!strcmp(argv[i], "--oracle"))
            with_oracle = 1;
        else if (!strcmp(argv[i], "--list"))
            list = 1;
        else {
            fprintf(stderr, "usage: eval [--shared DIR] [--data DIR] "
                            "[--set NAME]... [--oracle] [--list]\n");
            return 2;
        }
    }
    precis_engine_t *e;
    precis_error_t err;
    if (precis_engine_open(data, &e, &err) != PRECIS_OK) {
        fprintf(stderr, "eval: %s\n", err.message);
        return 1;
    }
    int rc = 0;
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
        int wanted = nonly == 0;
        for (int j = 0; j < nonly; j++)
            wanted |= !strcmp(only[j], sets[k].name);
        if (wanted && run_set(e, &sets[k], shared, data, with_oracle, list) != 0)
            rc = 1;
    }
    precis_engine_free(e);
    return rc;
}
