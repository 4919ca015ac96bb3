/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * doc.c -- segmentation and tokenization of one document into the
 * structure every later stage works on.
 *
 * Each distinct folded word is looked up once: words -> term goes
 * through a small map first, so the lexicon (lexicon.c, which remembers
 * stems across documents) is asked per vocabulary entry, not per token.
 * Stop words and numbers are terms too (sentence vectors skip stop
 * words), one for each folded word, never looked up among the stems:
 * "will" the stop word never merges with a content word that stems to
 * "will".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "array.h"
#include "doc.h"
#include "lang.h"
#include "pipeline.h"
#include "lexicon.h"
#include "tokenize.h"

/* Room made for words before any is met: WORDS_HEAPS_K x len^0.75, at
 * most WORDS_FIRST_MAX; stems, of content words only, STEMS_SHARE of
 * that (doc_build has where they come from). */
#define WORDS_HEAPS_K 0.8
#define WORDS_FIRST_MAX 4096
#define STEMS_SHARE 0.6

/* A term as naming makes it: 8 bytes, where a term is 32 once its
 * statistics have room (expand_terms).  The words and stems are held
 * while terms are named, the engine's peak on most texts. */
typedef struct doc_seed {
    float model_idf;
    uint8_t stop, number;
} doc_seed;

/* A new term, the d->nterms-th. */
static int new_term(doc *d, int stop, int number, float model_idf)
{
    doc_seed *seeds =
        array_grow(d->seeds, &d->seedcap, d->nterms, sizeof *seeds,
                   d->words.expected);
    if (!seeds)
        return PRECIS_ENOMEM;
    d->seeds = seeds;
    seeds[d->nterms++] = (doc_seed){model_idf, stop != 0, number != 0};
    return PRECIS_OK;
}

/* The named terms in full, the seeds freed. */
static int expand_terms(doc *d)
{
    doc_term *terms = mem_malloc((d->nterms ? d->nterms : 1) * sizeof *terms);
    if (!terms)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < d->nterms; i++)
        terms[i] = (doc_term){.first = UINT32_MAX,
                              .first_inner = UINT32_MAX,
                              .model_idf = d->seeds[i].model_idf,
                              .stop = d->seeds[i].stop,
                              .number = d->seeds[i].number};
    mem_free(d->seeds);
    d->seeds = NULL;
    d->seedcap = 0;
    d->terms = terms;
    return PRECIS_OK;
}

_Static_assert(TOK_MAX_FOLD <= UINT8_MAX, "a fold's length fits word_entry");

/* The word index of a token's folded form (its entry in d->words),
 * interned, into *w; in_text: the token was read from d->text (not the
 * title), so a fold equal to its bytes is kept by reference. */
static int word_id(doc *d, const char *fold, const token *tok, int in_text,
                   uint32_t *w)
{
    uint32_t *slot = words_slot(&d->words, fold, tok->fold_len, tok->hash);
    if (*slot) { /* a word met before: no call */
        *w = *slot - 1;
        return PRECIS_OK;
    }
    uint32_t at = in_text && tok->end - tok->start == tok->fold_len &&
                          bytes_same(d->text + tok->start, fold, tok->fold_len)
                      ? (uint32_t)tok->start
                      : UINT32_MAX;
    return words_add(&d->words, slot, fold, tok->fold_len, tok->hash, at, w);
}

/* The term of word w into *term, made when the word is first met in
 * text order (so term numbers follow the text). */
static int word_term(doc *d, uint32_t w, uint32_t *term)
{
    word_entry *word = &d->words.entries[w];
    *term = word->term;
    if (*term != UINT32_MAX)
        return PRECIS_OK;
    const char *fold = words_key(&d->words, w);
    size_t len = word->len;
    lex_word x = {fold, len, 0, 0, 0};
    int rc = d->lex ? lexicon_word(d->lex, d->lang, fold, len, word->hash, &x)
                    : PRECIS_OK;
    if (rc != PRECIS_OK)
        return rc;
    /* A stop word or a number is a term of its own (its fold is its stem,
     * and each word is named once), never merged with a content word's
     * stem (which begins with a letter, as Snowball only cuts suffixes). */
    int number = lex_is_number(fold, len), added = 1;
    *term = (uint32_t)d->nterms;
    if (!x.stop && !number &&
        (rc = stems_term(&d->stems, &d->words, x.stem, x.stem_len,
                         strmap_hash(x.stem, x.stem_len), w, term,
                         &added)) != PRECIS_OK)
        return rc;
    if (added && (rc = new_term(d, x.stop, number, x.idf)) != PRECIS_OK)
        return rc;
    word = &d->words.entries[w];
    word->term = *term;
    word->cue = (uint8_t)x.cue;
    word->stop = d->seeds[*term].stop;
    return PRECIS_OK;
}

static int cmp_entry(const void *a, const void *b)
{
    uint32_t x = ((const vec_entry *)a)->term,
             y = ((const vec_entry *)b)->term;
    return x < y ? -1 : x > y;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* A sentence holds some 15 content words: insertion sort beats qsort's
 * merge sort and its comparison calls (6 % of the engine's instructions
 * on CNN/DM before) up to a few dozen. */
#define SORT_INSERTION_MAX 48

static void sort_u32(uint32_t *v, uint32_t n)
{
    if (n > SORT_INSERTION_MAX) {
        qsort(v, n, sizeof *v, cmp_u32);
        return;
    }
    for (uint32_t i = 1; i < n; i++) {
        uint32_t x = v[i], j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Scratch for a sentence's term ids on the stack; longer sentences (rare:
 * 256 content words) take the heap. */
#define VEC_STACK_TERMS 256

/* Sentence s's sparse content-term vector, sorted by term, with counts,
 * allocated in d->vectors.  Sentences come in text order, *named the
 * terms named before s (updated): terms are numbered as the text first
 * uses them, so s's terms below it were met earlier, in no order, and
 * those from it on are new, in rising order but for repeats.  Each part
 * is sorted alone and the first all come before the second: an
 * insertion sort of the whole had moved every new term past the old
 * ones after it. */
static int doc_vector(doc *d, doc_sentence *s, uint32_t *named)
{
    uint32_t count = 0;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
        count += !d->toks[k].stop;
    /* Sorted and counted apart, so the arena holds each term once: the
     * repeats cost a fifth of the vectors' memory. */
    uint32_t stack[2 * (VEC_STACK_TERMS + 1)];
    uint32_t *ids = count <= VEC_STACK_TERMS
                        ? stack
                        : mem_malloc(2 * ((size_t)count + 1) * sizeof *ids);
    if (!ids)
        return PRECIS_ENOMEM;
    /* Written always and kept when content, into the old or the new
     * part (each with a slot past its count for what is not kept): no
     * branch on stop words or on which part, half the tokens and in no
     * order a predictor learns. */
    uint32_t *fresh = ids + count + 1, old = 0, new = 0;
    uint32_t before = *named, top = before;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
        uint32_t term = d->toks[k].term, content = !d->toks[k].stop;
        uint32_t is_new = term >= before;
        ids[old] = term;
        fresh[new] = term;
        old += content & !is_new;
        new += content & is_new;
        top = term + 1 > top ? term + 1 : top;
    }
    *named = top;
    sort_u32(ids, old);
    sort_u32(fresh, new);
    memmove(ids + old, fresh, new * sizeof *ids);
    uint32_t m = old + new, u = 0;
    for (uint32_t k = 0; k < m; k++)
        u += k == 0 || ids[k] != ids[k - 1];
    vec_entry *v = arena_alloc(&d->vectors, (u ? u : 1) * sizeof *v);
    if (v) {
        u = 0;
        for (uint32_t k = 0; k < m;) {
            uint32_t j = k;
            while (j < m && ids[j] == ids[k])
                j++;
            v[u++] = (vec_entry){ids[k], j - k};
            k = j;
        }
    }
    if (ids != stack)
        mem_free(ids);
    s->vec = v;
    s->nvec = u;
    return v ? PRECIS_OK : PRECIS_ENOMEM;
}

uint32_t vec_overlap(const vec_entry *a, uint32_t na, const vec_entry *b,
                     uint32_t nb)
{
    uint32_t common = 0;
    for (uint32_t i = 0, j = 0; i < na && j < nb;) {
        if (a[i].term < b[j].term) {
            i++;
        } else if (a[i].term > b[j].term) {
            j++;
        } else {
            i++, j++;
            common++;
        }
    }
    return common;
}

float vec_local_dot(const doc *d, const vec_entry *a, uint32_t na,
                    const vec_entry *b, uint32_t nb)
{
    float local = 0;
    for (uint32_t i = 0, j = 0; i < na && j < nb;) {
        if (a[i].term < b[j].term)
            i++;
        else if (a[i].term > b[j].term)
            j++;
        else
            local += vec_lw(d, &a[i++]) * vec_lw(d, &b[j++]);
    }
    return local;
}

/* A growing array of tokens whose .term holds a word index until
 * name_terms() gives them their terms. */
typedef struct token_list {
    doc_token *items;
    size_t n, cap;
} token_list;

/* A run longer than DOC_TOKEN_MAX_LEN becomes several tokens of the
 * same word. */
static int push_token(token_list *l, const token *tok, uint32_t word)
{
    if (l->n < l->cap && tok->end - tok->start <= DOC_TOKEN_MAX_LEN) {
        /* Nearly every token: room made ahead (token_room), one piece. */
        l->items[l->n++] = (doc_token){.start = (uint32_t)tok->start,
                                       .term = word,
                                       .len = (uint32_t)(tok->end - tok->start),
                                       .flags = tok->flags & 0x1f};
        return PRECIS_OK;
    }
    size_t at = tok->start;
    do {
        size_t len = tok->end - at;
        if (len > DOC_TOKEN_MAX_LEN)
            len = DOC_TOKEN_MAX_LEN;
        doc_token *toks =
            array_grow(l->items, &l->cap, l->n, sizeof *toks, 1024);
        if (!toks)
            return PRECIS_ENOMEM;
        l->items = toks;
        toks[l->n++] = (doc_token){.start = (uint32_t)at,
                                   .term = word,
                                   .len = (uint32_t)len,
                                   .flags = tok->flags & 0x1f};
        at += len;
    } while (at < tok->end);
    return PRECIS_OK;
}

/* Tokens from t onto l, up to and with the first that ends past stop;
 * *done when the text ran out first. */
static int tokenize_until(doc *d, token_list *l, tokenizer *t, size_t stop,
                          int *done)
{
    token tok;
    *done = 0;
    while (tokenizer_next(t, &tok)) {
        uint32_t w;
        int rc = word_id(d, t->fold, &tok, 1, &w);
        if (rc == PRECIS_OK)
            rc = push_token(l, &tok, w);
        if (rc != PRECIS_OK || tok.end > stop)
            return rc;
    }
    *done = 1;
    return PRECIS_OK;
}

/* Tokens of text[start, end) onto l. */
static int tokenize_range(doc *d, token_list *l, size_t start, size_t end)
{
    tokenizer t;
    int done;
    tokenizer_init(&t, d->text, start, end);
    return tokenize_until(d, l, &t, SIZE_MAX, &done);
}

uint32_t doc_sentence_at(const doc *d, size_t offset)
{
    size_t lo = 0, hi = d->nsents;
    while (lo + 1 < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->sents[mid].seg.start <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

size_t doc_token_at(const doc *d, size_t offset)
{
    size_t lo = 0, hi = d->ntoks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->toks[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* News text averages about six bytes per token (5.9 on CNN/DM, 6.4 on
 * the sample article): room for one per five, so the array is not
 * copied to twice its size for the last few, and cut to fit after. */
static size_t token_room(size_t bytes)
{
    return bytes / 5 + 64;
}

/* Pass 1, before the language is known (tokens do not depend on it):
 * the text's tokens, into d->toks with word indices, from the start to
 * the first that ends past the opening language detection samples (the
 * rest comes after segmentation, which then has its memory back
 * first); with votes, that sample: the opening's tokens counted, its
 * distinct words voted with their counts. */
static int tokenize_opening(doc *d, tokenizer *t, int *done,
                            lang_votes *votes)
{
    size_t opening = d->len < LANG_DETECT_BYTES ? d->len : LANG_DETECT_BYTES;
    token_list l = {mem_malloc(token_room(opening) * sizeof *l.items), 0,
                    token_room(opening)};
    if (!l.items)
        return PRECIS_ENOMEM;
    tokenizer_init(t, d->text, 0, d->len);
    int rc = tokenize_until(d, &l, t, LANG_DETECT_BYTES, done);
    d->toks = l.items;
    d->ntoks = l.n;
    d->tokcap = l.cap;
    if (rc != PRECIS_OK || !votes)
        return rc;
    uint32_t *early = mem_calloc(d->words.count ? d->words.count : 1,
                             sizeof *early);
    if (!early)
        return PRECIS_ENOMEM;
    size_t k = 0;
    for (; k < d->ntoks && doc_token_end(&d->toks[k]) <= LANG_DETECT_BYTES;
         k++) {
        unsigned f = d->toks[k].flags;
        votes->tokens += !(f & TOK_NUMBER) || (f & TOK_CJK);
        early[d->toks[k].term] += !(f & (TOK_NUMBER | TOK_CJK));
    }
    for (uint32_t w = 0; w < d->words.count; w++)
        if (early[w])
            lang_vote(d->engine, votes, words_key(&d->words, w),
                      d->words.entries[w].len, d->words.entries[w].hash,
                      early[w]);
    mem_free(early);
    /* A token across the sample's end: the sample holds its first part,
     * as a tokenizer that stops there sees it. */
    if (k < d->ntoks && d->toks[k].start < LANG_DETECT_BYTES) {
        tokenizer cut;
        token tok;
        tokenizer_init(&cut, d->text, d->toks[k].start, LANG_DETECT_BYTES);
        while (tokenizer_next(&cut, &tok)) {
            votes->tokens += !(tok.flags & TOK_NUMBER) ||
                             (tok.flags & TOK_CJK);
            if (!(tok.flags & (TOK_NUMBER | TOK_CJK)))
                lang_vote(d->engine, votes, cut.fold, tok.fold_len, tok.hash,
                          1);
        }
    }
    return PRECIS_OK;
}

/* Pass 2: the tokens after the opening, in room for the whole text. */
static int tokenize_rest(doc *d, tokenizer *t)
{
    token_list l = {d->toks, d->ntoks, d->tokcap};
    if (l.cap < token_room(d->len)) {
        doc_token *grown = mem_realloc(l.items, token_room(d->len) * sizeof *grown);
        if (!grown)
            return PRECIS_ENOMEM;
        l.items = grown;
        l.cap = token_room(d->len);
    }
    int done;
    int rc = tokenize_until(d, &l, t, SIZE_MAX, &done);
    d->toks = l.items;
    d->ntoks = l.n;
    d->tokcap = l.cap;
    return rc;
}

/* Whether the text's tokens fit sentence s: none runs across either of
 * its ends (a sentence cut without a space, a joiner or a CJK bigram at
 * its edge), so the tokens inside are those a tokenizer of s alone
 * would make.  *first is the first token starting in or after s, *end
 * the first after those inside it. */
static int tokens_fit(const doc *d, const doc_sentence *s, size_t *first,
                      size_t *end)
{
    size_t k = *first;
    while (k < d->ntoks && d->toks[k].start < s->seg.start)
        k++;
    *first = k;
    if (k > 0 && doc_token_end(&d->toks[k - 1]) > s->seg.start)
        return 0;
    while (k < d->ntoks && doc_token_end(&d->toks[k]) <= s->seg.end)
        k++;
    *end = k;
    return k == d->ntoks || d->toks[k].start >= s->seg.end;
}

/* n tokens from `from` onto l, which holds them already when they are
 * its next ones. */
static int push_tokens(token_list *l, const doc_token *from, size_t n)
{
    if (l->n + n > l->cap) {
        size_t cap = l->n + n + l->cap / 2;
        doc_token *grown = mem_realloc(l->items, cap * sizeof *grown);
        if (!grown)
            return PRECIS_ENOMEM;
        l->items = grown;
        l->cap = cap;
    }
    if (l->items + l->n != from)
        memmove(l->items + l->n, from, n * sizeof *from);
    l->n += n;
    return PRECIS_OK;
}

/* Pass 3: each sentence's tokens out of the text's, in order, dropping
 * those between sentences; a sentence they do not fit is tokenized on
 * its own.  d->toks is compacted in place while every sentence fits
 * (news text: always, and mostly nothing moves); from the first that
 * does not, the tokens go to an array of their own, as one tokenized
 * alone may hold more than the text gave it.  *whole: the sentences
 * hold the text's tokens, every one. */
static int sentence_tokens(doc *d, int *whole)
{
    size_t text_tokens = d->ntoks;
    int misfit = 0;
    token_list out = {d->toks, 0, d->tokcap};
    size_t first = 0, end = 0;
    int rc = PRECIS_OK;
    for (size_t i = 0; i < d->nsents && rc == PRECIS_OK; i++) {
        doc_sentence *s = &d->sents[i];
        int fits = tokens_fit(d, s, &first, &end);
        misfit |= !fits;
        if (!fits && out.items == d->toks) {
            token_list own = {mem_malloc((d->ntoks + 64) * sizeof *own.items),
                              out.n, d->ntoks + 64};
            if (!own.items)
                return PRECIS_ENOMEM;
            memcpy(own.items, out.items, out.n * sizeof *own.items);
            out = own;
        }
        s->tok_begin = (uint32_t)out.n;
        if (fits) {
            rc = push_tokens(&out, d->toks + first, end - first);
            first = end;
        } else {
            rc = tokenize_range(d, &out, s->seg.start, s->seg.end);
        }
        s->tok_end = (uint32_t)out.n;
    }
    if (rc != PRECIS_OK) {
        if (out.items != d->toks)
            mem_free(out.items);
        return rc;
    }
    if (out.items != d->toks)
        mem_free(d->toks);
    *whole = !misfit && out.n == text_tokens;
    d->toks = out.items;
    d->ntoks = out.n;
    doc_token *fit = mem_realloc(d->toks, (d->ntoks ? d->ntoks : 1) * sizeof *fit);
    if (fit)
        d->toks = fit;
    return PRECIS_OK;
}

/* The lexicon entries of words [from, d->words.count) on their way into
 * the cache, to be there when the words are named. */
static void prefetch_words(const doc *d, size_t from)
{
    for (size_t w = from; d->lex && w < d->words.count; w++)
        lexicon_prefetch(d->lex, d->words.entries[w].len,
                         d->words.entries[w].hash);
}

/* Pass 4: tokens take their terms, in text order, the entries of the
 * words met after the opening on their way into the cache first.  When
 * the sentences hold every token of the text (whole), the words were
 * met in the order the tokens have them: named in a loop of their own,
 * so naming a token is no branch on whether its word was met before
 * (every other one is new, in no order a predictor learns). */
static int name_terms(doc *d, size_t prefetched, int whole)
{
    prefetch_words(d, prefetched);
    for (uint32_t w = 0; whole && w < d->words.count; w++) {
        uint32_t term;
        int rc = word_term(d, w, &term);
        if (rc != PRECIS_OK)
            return rc;
    }
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
            doc_token *t = &d->toks[k];
            uint32_t w = t->term, named;
            int rc = whole ? PRECIS_OK : word_term(d, w, &named);
            if (rc != PRECIS_OK)
                return rc;
            const word_entry *x = &d->words.entries[w];
            t->term = x->term;
            t->cue = x->cue;
            t->stop = x->stop;
            s->content += x->stop == 0;
        }
        d->total_words += doc_sentence_words(s);
    }
    return PRECIS_OK;
}

/* The title's content terms, interned into the document dictionary
 * (title words count for matching but not for term frequencies). */
static int tokenize_title(doc *d, const char *title, size_t len)
{
    tokenizer t;
    token tok;
    uint32_t n = 0, cap = 16;
    vec_entry *v = arena_alloc(&d->vectors, cap * sizeof *v);
    tokenizer_init(&t, title, 0, len);
    while (v && tokenizer_next(&t, &tok)) {
        uint32_t w, term;
        int rc = word_id(d, t.fold, &tok, 0, &w);
        if (rc == PRECIS_OK)
            rc = word_term(d, w, &term);
        if (rc != PRECIS_OK)
            return rc;
        if (d->seeds[term].stop || n == 256)
            continue;
        if (n == cap) {
            vec_entry *grown = arena_alloc(&d->vectors, 2 * cap * sizeof *v);
            if (grown)
                memcpy(grown, v, cap * sizeof *v);
            v = grown;
            cap *= 2;
            if (!v)
                break;
        }
        v[n++] = (vec_entry){term, 1};
    }
    if (!v)
        return PRECIS_ENOMEM;
    qsort(v, n, sizeof *v, cmp_entry);
    uint32_t u = 0;
    for (uint32_t k = 0; k < n; k++)
        if (u == 0 || v[u - 1].term != v[k].term)
            v[u++] = v[k];
    d->title = v;
    d->ntitle = u;
    return PRECIS_OK;
}

int doc_build(doc *d, const precis_engine_t *e, const lang *l, int detect,
              const char *text, size_t len, const char *title,
              size_t title_len)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = len;
    d->engine = e;
    arena_init(&d->vectors, 256 * 1024);
    /* Distinct words grow as a power of the length (Heaps' law): 122 in
     * 1 KB of bench/speed's distinct articles, 185 in cnndm.dev's 2 KB
     * on average, 786 in 10 KB, 3,594 in 100 KB, each 0.61 to 0.77
     * times len^0.75; their stems are fewer (content words only).  The
     * word and stem tables and the terms start with room for that, so
     * a news article's are made once, not grown three times each (5 %
     * of the mispredicted branches and 4 % of the time on cnndm.dev;
     * 0.7 left the 10 KB text one growth short, and the stems at the
     * words' size made a 1 KB text's peak 8 % larger); past
     * WORDS_FIRST_MAX words they grow as they need. */
    double heaps = WORDS_HEAPS_K * pow((double)len, 0.75);
    size_t words = heaps < WORDS_FIRST_MAX ? (size_t)heaps : WORDS_FIRST_MAX;
    size_t stems = (size_t)(STEMS_SHARE * (double)words);
    if (words_init(&d->words, text, len, words) ||
        stems_init(&d->stems, stems))
        return PRECIS_ENOMEM;
    lang_votes votes = {{0}, 0, 0};
    tokenizer t;
    int done;
    int rc = tokenize_opening(d, &t, &done, detect ? &votes : NULL);
    if (rc != PRECIS_OK)
        return rc;
    d->lang = l = detect ? lang_choose(e, &votes) : l;
    if (l && !(d->lex = lexicon_open(e, l)))
        return PRECIS_ENOMEM;
    /* The opening's words (a short text's all) are asked for now, so
     * segmentation runs while they arrive. */
    size_t prefetched = d->words.count;
    prefetch_words(d, 0);
    seg_rules rules = {l ? &l->abbrev : NULL, l ? &l->stop : NULL};
    seg_list segs;
    if (segment_text(text, len, &rules, &segs) != 0)
        return PRECIS_ENOMEM;
    d->paragraphs = segs.paragraphs;
    d->nsents = segs.count;
    d->sents = mem_calloc(segs.count ? segs.count : 1, sizeof *d->sents);
    if (!d->sents) {
        seg_list_free(&segs);
        return PRECIS_ENOMEM;
    }
    for (size_t i = 0; i < segs.count; i++)
        d->sents[i].seg = segs.items[i];
    seg_list_free(&segs);
    rc = done ? PRECIS_OK : tokenize_rest(d, &t);
    int whole = 0;
    if (rc == PRECIS_OK)
        rc = sentence_tokens(d, &whole);
    if (rc == PRECIS_OK)
        rc = name_terms(d, prefetched, whole);
    if (rc == PRECIS_OK && title)
        rc = tokenize_title(d, title, title_len);
    /* Every word is interned now: the tables from folded words and stems
     * to terms are not read again, and go before the vectors are built
     * (a tenth of the engine's peak on a 1 MB document). */
    words_free(&d->words);
    stems_free(&d->stems);
    if (rc == PRECIS_OK)
        rc = expand_terms(d);
    /* A sentence's vector has an entry per distinct content word, its
     * allocation rounded to 16 bytes: what all of them can take. */
    size_t vectors = 0;
    for (size_t i = 0; i < d->nsents; i++)
        vectors += d->sents[i].content * sizeof(vec_entry) + 15;
    arena_plan(&d->vectors, vectors);
    uint32_t named = 0;
    for (size_t i = 0; rc == PRECIS_OK && i < d->nsents; i++)
        rc = doc_vector(d, &d->sents[i], &named);
    return rc;
}

void doc_drop_vectors(doc *d)
{
    arena_free(&d->vectors);
    for (size_t i = 0; i < d->nsents; i++) {
        d->sents[i].vec = NULL;
        d->sents[i].nvec = 0;
    }
    d->title = NULL;
    d->ntitle = 0;
}

void doc_free(doc *d)
{
    mem_free(d->sents);
    mem_free(d->toks);
    mem_free(d->terms);
    mem_free(d->seeds);
    words_free(&d->words);
    stems_free(&d->stems);
    arena_free(&d->vectors);
    memset(d, 0, sizeof *d);
}
