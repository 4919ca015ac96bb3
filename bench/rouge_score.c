/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rouge_score.c -- ROUGE-N and summary-level ROUGE-L.
 *
 * The definitions follow ROUGE-1.5.5 exactly where they decide scores:
 * text is lower-cased, cut at N whitespace-separated words (-l), then
 * '-' is split off and anything but [a-z0-9-] becomes space; tokens must
 * start with [a-z0-9] (so bare hyphens drop out) and words longer than
 * three letters are Porter-stemmed (-m).  N-gram hits are clipped by
 * the reference counts; ROUGE-L takes, per reference sentence, the union
 * of its LCS with every summary sentence, clipped by unigram counts.
 * With several references, hits and counts are summed over them (-f A).
 * Like ROUGE-1.5.5, stemming first looks words up in WordNet's lists of
 * irregular forms ("said" -> "say") when they are given (--wordnet).
 */
#include "rouge_score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "strmap.h"
#include "tokenize.h"

struct rouge {
    rouge_opts opts;
    struct sb_stemmer *stemmer;
    strmap exceptions; /* irregular form -> base form */
    char **bases;      /* values of exceptions */
    size_t nbases;
};

/* Load "form base ..." lines of WordNet's exception lists; later files
 * win, as in ROUGE-1.5.5's database built from them. */
static int load_exceptions(rouge *r, const char *dir)
{
    static const char *const files[] = {"adj.exc", "adv.exc", "noun.exc",
                                        "verb.exc"};
    int loaded = 0;
    for (size_t f = 0; f < 4; f++) {
        char path[4096], line[512], form[256], base[256];
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        FILE *in = fopen(path, "r");
        if (!in)
            continue;
        loaded++;
        while (fgets(line, sizeof line, in)) {
            if (sscanf(line, "%255s %255s", form, base) != 2)
                continue;
            char **grown = realloc(r->bases, (r->nbases + 1) * sizeof *grown);
            if (!grown)
                break;
            r->bases = grown;
            r->bases[r->nbases] = strdup(base);
            uint32_t *v = strmap_put(&r->exceptions, form, strlen(form),
                                     (uint32_t)r->nbases, NULL);
            *v = (uint32_t)r->nbases++;
        }
        fclose(in);
    }
    return loaded ? 0 : -1;
}

/* A tokenized text: words as interned ids, sentence boundaries. */
typedef struct text {
    strmap *vocab;
    uint32_t *ids;
    size_t n, cap;
    size_t *sent_end; /* ids[sent_end[k-1] .. sent_end[k]) is sentence k */
    size_t nsent, sentcap;
} text;

rouge *rouge_new(const rouge_opts *opts)
{
    rouge *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->opts = *opts;
    strmap_init(&r->exceptions, 8192);
    if (opts->wordnet && load_exceptions(r, opts->wordnet) != 0) {
        rouge_free(r);
        return NULL;
    }
    const char *algo = opts->unicode ? opts->unicode : "porter";
    if (opts->stem || opts->unicode) {
        r->stemmer = sb_stemmer_new(algo, "UTF_8");
        if (!r->stemmer) {
            rouge_free(r);
            return NULL;
        }
    }
    return r;
}

void rouge_free(rouge *r)
{
    if (!r)
        return;
    if (r->stemmer)
        sb_stemmer_delete(r->stemmer);
    for (size_t i = 0; i < r->nbases; i++)
        free(r->bases[i]);
    free(r->bases);
    strmap_free(&r->exceptions);
    free(r);
}

static void push_id(text *t, uint32_t id)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->ids = realloc(t->ids, t->cap * sizeof *t->ids);
    }
    t->ids[t->n++] = id;
}

static void end_sentence(text *t)
{
    if (t->nsent == t->sentcap) {
        t->sentcap = t->sentcap ? t->sentcap * 2 : 16;
        t->sent_end = realloc(t->sent_end, t->sentcap * sizeof *t->sent_end);
    }
    t->sent_end[t->nsent++] = t->n;
}

static void add_word(rouge *r, text *t, const char *w, size_t len)
{
    const uint32_t *exc = r->stemmer && !r->opts.unicode && len > 3
                              ? strmap_get(&r->exceptions, w, len)
                              : NULL;
    if (exc) {
        w = r->bases[*exc];
        len = strlen(w);
    } else if (r->stemmer && (r->opts.unicode || len > 3)) {
        const sb_symbol *s =
            sb_stemmer_stem(r->stemmer, (const sb_symbol *)w, (int)len);
        if (s) {
            w = (const char *)s;
            len = (size_t)sb_stemmer_length(r->stemmer);
        }
    }
    uint32_t *id =
        strmap_put(t->vocab, w, len, (uint32_t)t->vocab->count, NULL);
    push_id(t, *id);
}

/* ROUGE-1.5.5 tokens of one (already cut) lower-cased sentence. */
static void ascii_sentence(rouge *r, text *t, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!word) {
            i++; /* '-' would become its own token and then be dropped */
            continue;
        }
        size_t j = i;
        while (j < len && (((unsigned char)s[j] >= 'a' && s[j] <= 'z') ||
                           (s[j] >= '0' && s[j] <= '9')))
            j++;
        add_word(r, t, s + i, j - i);
        i = j;
    }
}

static void unicode_sentence(rouge *r, text *t, const char *s, size_t len)
{
    tokenizer tk;
    token tok;
    tokenizer_init(&tk, s, 0, len);
    while (tokenizer_next(&tk, &tok))
        add_word(r, t, tk.fold, tok.fold_len);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Split into sentences at '\n', lower-case, cut at the word limit the
 * way ROUGE-1.5.5 counts words (whitespace-separated), tokenize. */
static void tokenize_text(rouge *r, text *t, const char *src)
{
    size_t words = 0, limit = r->opts.limit;
    const char *p = src;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *s = malloc(len + 1);
        memcpy(s, p, len);
        s[len] = '\0';
        p += len + (nl != NULL);
        if (len == 0) {
            free(s);
            continue;
        }
        int last = 0;
        if (limit) {
            size_t n = 0, k = 0;
            while (k < len) {
                while (k < len && is_space(s[k]))
                    k++;
                if (k >= len)
                    break;
                if (words + n == limit) { /* cut before this word */
                    len = k;
                    last = 1;
                    break;
                }
                while (k < len && !is_space(s[k]))
                    k++;
                n++;
            }
            words += n;
            if (words >= limit)
                last = 1;
        }
        if (!r->opts.unicode)
            for (size_t k = 0; k < len; k++)
                if (s[k] >= 'A' && s[k] <= 'Z')
                    s[k] = (char)(s[k] + 32);
        (r->opts.unicode ? unicode_sentence : ascii_sentence)(r, t, s, len);
        end_sentence(t);
        free(s);
        if (last)
            break;
    }
}

static void free_text(text *t)
{
    free(t->ids);
    free(t->sent_end);
}

/* Clipped n-gram hits of peer against model; counts out. */
static size_t ngram_hits(const text *model, const text *peer, int n,
                         size_t *model_count, size_t *peer_count)
{
    strmap counts;
    strmap_init(&counts, model->n + 1);
    size_t mc = 0, pc = 0, hits = 0;
    for (size_t i = 0; i + (size_t)n <= model->n; i++, mc++) {
        uint32_t *v = strmap_put(&counts, (const char *)&model->ids[i],
                                 (size_t)n * sizeof(uint32_t), 0, NULL);
        ++*v;
    }
    for (size_t i = 0; i + (size_t)n <= peer->n; i++, pc++) {
        const uint32_t *v = strmap_get(&counts, (const char *)&peer->ids[i],
                                       (size_t)n * sizeof(uint32_t));
        if (v && *v > 0) {
            (*(uint32_t *)v)--;
            hits++;
        }
    }
    strmap_free(&counts);
    *model_count = mc;
    *peer_count = pc;
    return hits;
}

/* Mark in mask the model positions of one LCS of model[0,m) and
 * peer[0,n), tracing back as ROUGE-1.5.5 does (up before left). */
static void lcs_mark(const uint32_t *model, size_t m, const uint32_t *peer,
                     size_t n, char *mask)
{
    if (m == 0 || n == 0)
        return;
    unsigned *c = calloc((m + 1) * (n + 1), sizeof *c);
    for (size_t i = 1; i <= m; i++)
        for (size_t j = 1; j <= n; j++) {
            unsigned *x = &c[i * (n + 1) + j];
            if (model[i - 1] == peer[j - 1])
                *x = c[(i - 1) * (n + 1) + j - 1] + 1;
            else {
                unsigned up = c[(i - 1) * (n + 1) + j];
                unsigned left = c[i * (n + 1) + j - 1];
                *x = up >= left ? up : left;
            }
        }
    size_t i = m, j = n;
    while (i > 0 && j > 0) {
        if (model[i - 1] == peer[j - 1]) {
            mask[--i] = 1;
            j--;
        } else if (c[(i - 1) * (n + 1) + j] >= c[i * (n + 1) + j - 1]) {
            i--;
        } else {
            j--;
        }
    }
    free(c);
}

/* Summary-level LCS hits, clipped by unigram counts of both sides. */
static size_t lcs_hits(const text *model, const text *peer, size_t vocab)
{
    unsigned *mcount = calloc(vocab + 1, sizeof *mcount);
    unsigned *pcount = calloc(vocab + 1, sizeof *pcount);
    for (size_t i = 0; i < model->n; i++)
        mcount[model->ids[i]]++;
    for (size_t i = 0; i < peer->n; i++)
        pcount[peer->ids[i]]++;
    size_t hits = 0, ms = 0;
    for (size_t k = 0; k < model->nsent; k++) {
        size_t me = model->sent_end[k], m = me - ms;
        char *mask = calloc(m + 1, 1);
        size_t ps = 0;
        for (size_t q = 0; q < peer->nsent; q++) {
            size_t pe = peer->sent_end[q];
            lcs_mark(model->ids + ms, m, peer->ids + ps, pe - ps, mask);
            ps = pe;
        }
        for (size_t i = 0; i < m; i++) {
            uint32_t w = model->ids[ms + i];
            if (mask[i] && mcount[w] > 0 && pcount[w] > 0) {
                hits++;
                mcount[w]--;
                pcount[w]--;
            }
        }
        free(mask);
        ms = me;
    }
    free(mcount);
    free(pcount);
    return hits;
}

/* ROUGE-1.5.5 rounds R and P to 5 decimals before taking F. */
static double round5(double x)
{
    return (double)(long long)(x * 100000 + 0.5) / 100000;
}

static rouge_prf prf(size_t hits, size_t model, size_t peer)
{
    rouge_prf s = {model ? round5((double)hits / (double)model) : 0,
                   peer ? round5((double)hits / (double)peer) : 0, 0};
    if (s.r + s.p > 0)
        s.f = round5(2 * s.r * s.p / (s.r + s.p));
    return s;
}

rouge_scores rouge_score(rouge *r, const char *summary,
                         const char *const *refs, size_t nrefs)
{
    strmap vocab;
    strmap_init(&vocab, 1024);
    text peer = {.vocab = &vocab};
    tokenize_text(r, &peer, summary);
    size_t hit[3] = {0}, mcount[3] = {0}, pcount[3] = {0};
    for (size_t k = 0; k < nrefs; k++) {
        text model = {.vocab = &vocab};
        tokenize_text(r, &model, refs[k]);
        for (int n = 1; n <= 2; n++) {
            size_t mc, pc;
            hit[n - 1] += ngram_hits(&model, &peer, n, &mc, &pc);
            mcount[n - 1] += mc;
            pcount[n - 1] += pc;
        }
        if (!r->opts.ngrams_only)
            hit[2] += lcs_hits(&model, &peer, vocab.count);
        mcount[2] += model.n;
        pcount[2] += peer.n;
        free_text(&model);
    }
    rouge_scores s = {prf(hit[0], mcount[0], pcount[0]),
                      prf(hit[1], mcount[1], pcount[1]),
                      prf(hit[2], mcount[2], pcount[2])};
    free_text(&peer);
    strmap_free(&vocab);
    return s;
}
