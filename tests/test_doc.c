/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_doc.c -- doc_build's one tokenization pass: every sentence holds
 * exactly the tokens a tokenizer of that sentence alone makes, also
 * where the text's tokens run across a sentence's edge; language
 * detection from those tokens; and lexicon.c's per-thread memory.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "doc.h"
#include "pipeline.h"
#include "lang.h"
#include "lexicon.h"
#include "weights.h"
#include "testutil.h"
#include "tokenize.h"

/* Each sentence's tokens against a fresh tokenizer over its range:
 * same ranges, flags and folded words (the term's stem is of the fold,
 * so the fold is compared through a second doc_build-free tokenizer). */
static size_t check_sentences(const doc *d)
{
    size_t checked = 0;
    for (size_t i = 0; i < d->nsents; i++) {
        const doc_sentence *s = &d->sents[i];
        tokenizer t;
        token tok;
        uint32_t k = s->tok_begin;
        tokenizer_init(&t, d->text, s->seg.start, s->seg.end);
        while (tokenizer_next(&t, &tok)) {
            assert_true(k < s->tok_end);
            assert_int_equal(d->toks[k].start, tok.start);
            assert_int_equal(doc_token_end(&d->toks[k]), tok.end);
            assert_int_equal(d->toks[k].flags, tok.flags & 0x1f);
            k++;
            checked++;
        }
        assert_int_equal(k, s->tok_end);
    }
    return checked;
}

static void build_and_check(const precis_engine_t *e, const char *text,
                            size_t len, size_t *misfit_tokens)
{
    doc d;
    assert_int_equal(doc_build(&d, e, NULL, 1, text, len, NULL, 0), 0);
    size_t n = check_sentences(&d);
    if (misfit_tokens)
        *misfit_tokens = n;
    doc_free(&d);
}

/* A line of letters longer than a sentence may be is cut without a
 * space: the text's one long token fits no piece, and each piece gets
 * its own tokens (without the fallback the pieces had none). */
static void doc_tokens_of_sentences_cut_inside_a_word(void **state)
{
    size_t len = 3 * SEG_MAX_SENTENCE + 100;
    char *text = malloc(len + 1);
    memset(text, 'a', len);
    memcpy(text + len - 6, " end.", 5);
    text[len - 1] = '\n';
    text[len] = '\0';
    size_t tokens = 0;
    build_and_check(test_engine(state), text, len, &tokens);
    assert_true(tokens >= 4); /* three pieces and "end" */
    free(text);
}

/* A hundred pieces of one cut word, each with a token of its own where
 * the text had one, then thousands of sentences the text's tokens fit:
 * the pieces' extra tokens and the copied ones all find room (the copies
 * had been written past an array sized for the text's tokens). */
static void doc_tokens_of_many_cut_pieces_then_prose(void **state)
{
    size_t word = 100 * SEG_MAX_SENTENCE + 100;
    const char *prose = "One word here. ";
    size_t n = strlen(prose), len = word + 2 + 2000 * n;
    char *text = malloc(len + 1);
    memset(text, 'a', word);
    memcpy(text + word, "\n\n", 2);
    for (size_t i = 0; i < 2000; i++)
        memcpy(text + word + 2 + i * n, prose, n);
    text[len] = '\0';
    size_t tokens = 0;
    build_and_check(test_engine(state), text, len, &tokens);
    assert_true(tokens >= 100 + 3 * 2000);
    free(text);
}

/* Terms are numbered as the text first uses them, a token's stop flag
 * and cue are its term's word's, and one folded word is one term --
 * whether the words were named in a loop of their own (the sentences
 * hold every token) or token by token (a cut word's pieces tokenized
 * alone, tokens between sentences dropped). */
static void check_terms(const precis_engine_t *e, const char *text,
                        size_t len)
{
    doc d;
    assert_int_equal(doc_build(&d, e, NULL, 1, text, len, NULL, 0), 0);
    uint32_t next = 0;
    size_t named = 0;
    for (size_t i = 0; i < d.nsents; i++)
        for (uint32_t k = d.sents[i].tok_begin; k < d.sents[i].tok_end;
             k++) {
            const doc_token *t = &d.toks[k];
            assert_true(t->term <= next);
            next += t->term == next;
            assert_int_equal(t->stop, d.terms[t->term].stop);
            for (uint32_t j = 0; j < k; j++)
                if (d.toks[j].len == t->len &&
                    memcmp(text + d.toks[j].start, text + t->start,
                           t->len) == 0) {
                    assert_int_equal(d.toks[j].term, t->term);
                    assert_int_equal(d.toks[j].cue, t->cue);
                    break;
                }
            named++;
        }
    assert_int_equal(next, d.nterms);
    assert_true(named > 0);
    doc_free(&d);
}

static void doc_terms_in_the_order_the_text_uses_them(void **state)
{
    const char *prose =
        "The minister said the plan was ready. Ministers said so too, "
        "and the minister's aides told reporters they said it twice.\n\n"
        "1. First point said. 2. Second point, said again.";
    check_terms(test_engine(state), prose, strlen(prose));
    /* Letters that do not repeat within a fold, so each piece of the cut
     * word is a word of its own, met only when tokenized alone. */
    size_t word = 2 * SEG_MAX_SENTENCE + 10, n = strlen(prose);
    char *cut = malloc(word + 2 + n + 1);
    for (size_t i = 0; i < word; i++)
        cut[i] = (char)('a' + (i * 7 + i / 26) % 26);
    memcpy(cut + word, "\n\n", 2);
    memcpy(cut + word + 2, prose, n + 1);
    check_terms(test_engine(state), cut, word + 2 + n);
    free(cut);
}

/* Sentences whose edges fall inside what the text's tokenizer joins:
 * CJK bigrams over a full stop, joiners and initialisms at the end. */
static void doc_tokens_at_sentence_edges(void **state)
{
    static const char *texts[] = {
        "中国的经济。美国的。日。本\n",
        "He left at 5 p.m. Then he came back. It was the U.S. Army.",
        "Rock-'n'-roll is here. We're fine. \"Don't\" - he said -- no.",
        "3.5 million. 1,000 more. Version 2.0.1 is out. End",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        build_and_check(test_engine(state), texts[i], strlen(texts[i]),
                        NULL);
}

/* Random texts of words, joiners, stops, CJK and line breaks. */
static void doc_tokens_of_random_texts(void **state)
{
    static const char *pieces[] = {
        "word", "Word", "U.S.", "3.5", "1,000", "don't", "-", "'", ".",
        ". ", "! ", "? ", "\n", "\n\n", " ", "中", "国", "。", "“", "”",
        "\"", "é", "ÉCOLE", "a.m.", "—", "…", "x"};
    size_t npieces = sizeof pieces / sizeof pieces[0];
    unsigned seed = 7;
    char text[4096];
    for (int round = 0; round < 500; round++) {
        size_t len = 0;
        while (len < sizeof text - 16) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % npieces];
            size_t n = strlen(p);
            memcpy(text + len, p, n);
            len += n;
            if ((seed >> 8) % 97 == 0)
                break;
        }
        text[len] = '\0';
        build_and_check(test_engine(state), text, len, NULL);
    }
}

/* Detection reads the first LANG_DETECT_BYTES: English there decides,
 * whatever follows. */
static void doc_detects_language_from_the_opening(void **state)
{
    const char *en = "The minister said that the plan would be ready by "
                     "the end of the year and that it was on time. ";
    const char *de = "Der Minister sagte, dass der Plan bis zum Ende des "
                     "Jahres fertig sei und dass er im Zeitplan liege. ";
    size_t len = 0, cap = 4 * LANG_DETECT_BYTES;
    char *text = malloc(cap + 256);
    while (len < LANG_DETECT_BYTES + 200) {
        memcpy(text + len, en, strlen(en));
        len += strlen(en);
    }
    while (len < cap) {
        memcpy(text + len, de, strlen(de));
        len += strlen(de);
    }
    doc d;
    assert_int_equal(doc_build(&d, test_engine(state), NULL, 1, text, len,
                               NULL, 0),
                     0);
    assert_non_null(d.lang);
    assert_string_equal(d.lang->code, "en");
    doc_free(&d);
    /* The same German text alone is German. */
    assert_int_equal(doc_build(&d, test_engine(state), NULL, 1, de,
                               strlen(de), NULL, 0),
                     0);
    assert_non_null(d.lang);
    assert_string_equal(d.lang->code, "de");
    doc_free(&d);
    free(text);
}

/* lexicon_word gives libstemmer's stem, the stop-word flag and the
 * stem's smoothed idf from its document frequency (weights.h) as the
 * engine's own tables have them,
 * past the memory's bound (emptied and refilled), for words met again
 * after that, and on several threads at once. */
/* The term of the k-th token whose text is word. */
static uint32_t term_of(const doc *d, const char *word, int k)
{
    for (size_t i = 0; i < d->ntoks; i++)
        if (d->toks[i].len == strlen(word) &&
            memcmp(d->text + d->toks[i].start, word, strlen(word)) == 0 &&
            k-- == 0)
            return d->toks[i].term;
    fail_msg("no token %s", word);
    return 0;
}

/* Words share a term by their stem ("votes" and "vote"); a stop word
 * or a number is a term of its own:
 * "will" never merges with "willing" (Snowball: "will"), and both of
 * its occurrences, in either case, are the one term. */
static void doc_terms_by_stem_and_stop_word(void **state)
{
    const char *text = "The council will vote in 2024. Will it? Members are "
                       "willing. Voting is willing work, the council votes "
                       "as in 2024.\n";
    doc d;
    assert_int_equal(doc_build(&d, test_engine(state),
                               engine_lang(test_engine(state), "en"), 0, text,
                               strlen(text), NULL, 0),
                     0);
    uint32_t will = term_of(&d, "will", 0), willing = term_of(&d, "willing", 0);
    assert_true(d.terms[will].stop);
    assert_false(d.terms[willing].stop);
    assert_int_not_equal(will, willing);
    assert_int_equal(term_of(&d, "Will", 0), will);
    assert_int_equal(term_of(&d, "willing", 1), willing);
    assert_int_equal(term_of(&d, "vote", 0), term_of(&d, "votes", 0));
    assert_int_equal(term_of(&d, "council", 0), term_of(&d, "council", 1));
    /* A number is a term of its own too, once for all its occurrences. */
    uint32_t year = term_of(&d, "2024", 0);
    assert_true(d.terms[year].number);
    assert_false(d.terms[year].stop);
    assert_int_equal(term_of(&d, "2024", 1), year);
    doc_free(&d);
}

/* A stem that does not begin its word ("city" -> "citi") meets the same
 * stem of a word it begins ("cities"), whichever comes first; and
 * hundreds of stems, past the table's first size, each keep their term. */
static void doc_terms_by_stems_that_do_not_begin_their_word(void **state)
{
    const lang *en = engine_lang(test_engine(state), "en");
    static const char *const texts[] = {"The city grew. Cities grow.\n",
                                        "Cities grow. The city grew.\n"};
    for (size_t i = 0; i < 2; i++) {
        doc d;
        assert_int_equal(doc_build(&d, test_engine(state), en, 0, texts[i],
                                   strlen(texts[i]), NULL, 0),
                         0);
        assert_int_equal(term_of(&d, "city", 0), term_of(&d, "Cities", 0));
        assert_int_not_equal(term_of(&d, "grew", 0), term_of(&d, "city", 0));
        doc_free(&d);
    }
    char text[8192];
    size_t n = 0;
    for (int round = 0; round < 2; round++)
        for (int w = 0; w < 400; w++)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s%c%cx%s",
                                  w % 10 ? "" : "Nouns ", 'a' + w % 26,
                                  'a' + w / 26, w % 10 == 9 ? ". " : " ");
    doc d;
    assert_int_equal(doc_build(&d, test_engine(state), en, 0, text, n, NULL,
                               0),
                     0);
    char word[4];
    for (int w = 0; w < 400; w++) {
        snprintf(word, sizeof word, "%c%cx", 'a' + w % 26, 'a' + w / 26);
        uint32_t first = term_of(&d, word, 0);
        assert_int_equal(term_of(&d, word, 1), first);
        if (w > 0) {
            snprintf(word, sizeof word, "%c%cx", 'a' + (w - 1) % 26,
                     'a' + (w - 1) / 26);
            assert_int_not_equal(term_of(&d, word, 0), first);
        }
    }
    doc_free(&d);
}

/* Every sentence's vector against its tokens: terms rising, each with
 * as many occurrences as its content tokens, none missing, on prose
 * whose sentences repeat words of earlier ones and their own, a
 * sentence of stop words only, and one of 300 content words (past the
 * stack's room). */
static void doc_vectors_count_every_content_word(void **state)
{
    const lang *en = engine_lang(test_engine(state), "en");
    char text[8192];
    size_t n = (size_t)snprintf(
        text, sizeof text,
        "Council members voted on the budget. The budget vote split the "
        "council, members said, and budget talks resume. It was of the "
        "and it is. Members of the council and the mayor voted on a "
        "budget the treasurer and the mayor had vetoed, members said. ");
    for (int w = 0; w < 300; w++)
        n += (size_t)snprintf(text + n, sizeof text - n, "w%c%c%s",
                              'a' + w % 26, 'a' + w / 26 % 26,
                              w == 299 ? ".\n" : " ");
    doc d;
    assert_int_equal(doc_build(&d, test_engine(state), en, 0, text, n, NULL, 0),
                     0);
    size_t checked = 0, empty = 0;
    for (size_t i = 0; i < d.nsents; i++) {
        const doc_sentence *s = &d.sents[i];
        uint32_t content = 0;
        for (uint32_t k = 0; k < s->nvec; k++) {
            if (k > 0)
                assert_true(s->vec[k - 1].term < s->vec[k].term);
            uint32_t seen = 0;
            for (uint32_t t = s->tok_begin; t < s->tok_end; t++)
                seen += !d.toks[t].stop && d.toks[t].term == s->vec[k].term;
            assert_int_equal(s->vec[k].count, seen);
            content += seen;
        }
        for (uint32_t t = s->tok_begin; t < s->tok_end; t++)
            content -= !d.toks[t].stop;
        assert_int_equal(content, 0);
        checked += s->nvec;
        empty += s->nvec == 0;
    }
    assert_true(checked > 300 && empty == 1);
    doc_free(&d);
}

/* The word as a document of language l asks for it. */
static int ask_lexicon(const precis_engine_t *e, const lang *l,
                       const char *word, size_t n, lex_word *x)
{
    lexicon *t = lexicon_open(e, l);
    return t ? lexicon_word(t, l, word, n, strmap_hash(word, n), x)
             : PRECIS_ENOMEM;
}

typedef struct lex_job {
    const precis_engine_t *e;
    const char *code;
} lex_job;

static int lex_differs(const precis_engine_t *e, const lang *l,
                       struct sb_stemmer *ref, const char *word, size_t n)
{
    lex_word x;
    if (ask_lexicon(e, l, word, n, &x) != PRECIS_OK)
        return 1;
    int stop = strmap_get(&l->stop, word, n) != NULL;
    const char *stem = word;
    size_t slen = n;
    if (!stop && !(word[0] >= '0' && word[0] <= '9')) {
        stem = (const char *)sb_stemmer_stem(ref, (const sb_symbol *)word,
                                             (int)n);
        slen = (size_t)sb_stemmer_length(ref);
    }
    const uint32_t *df = l->idf_docs ? strmap_get(&l->idf, stem, slen) : NULL;
    float idf = l->idf_docs ? smoothed_idf(l->idf_docs, df ? *df : 0) : 0;
    return x.stop != stop || x.stem_len != slen ||
           memcmp(x.stem, stem, slen) != 0 || x.idf != idf;
}

static void *lex_many(void *arg)
{
    const lex_job *job = arg;
    const lang *l = engine_lang(job->e, job->code);
    struct sb_stemmer *ref = sb_stemmer_new(job->code, "UTF_8");
    /* "city", "policies", "happily": stems that do not begin the word
     * ("citi") are kept beside it; "counterrevolutionaries" is too long
     * for an entry with its stem. */
    static const char *const real[] = {
        "the",      "said",      "saying",  "minister", "ministers",
        "government", "le",      "2024",    "elections", "city",
        "policies", "happily",   "counterrevolutionaries"};
    char word[48];
    int bad = l == NULL;
    for (int pass = 0; l && pass < 2; pass++) {
        for (unsigned i = 0; i < 40000; i++) {
            int n = i % 4 == 0
                        ? snprintf(word, sizeof word, "%s",
                                   real[(i / 4) % (sizeof real /
                                                   sizeof real[0])])
                        : snprintf(word, sizeof word, "walk%ciing%u%s",
                                   'a' + (char)(i % 26), i,
                                   i % 3 ? "ed" : "ing");
            bad += lex_differs(job->e, l, ref, word, (size_t)n);
        }
        /* Longer than an entry holds inline: worked out every time. */
        const char *longer = "internationalisationsbestrebungenxx";
        bad += lex_differs(job->e, l, ref, longer, strlen(longer));
    }
    sb_stemmer_delete(ref);
    return (void *)(intptr_t)bad;
}

static void lexicon_matches_the_engine_on_many_threads(void **state)
{
    const precis_engine_t *e = test_engine(state);
    pthread_t th[3];
    lex_job jobs[3] = {{e, "en"}, {e, "en"}, {e, "fr"}};
    for (int i = 0; i < 3; i++)
        assert_int_equal(pthread_create(&th[i], NULL, lex_many, &jobs[i]),
                         0);
    for (int i = 0; i < 3; i++) {
        void *bad;
        assert_int_equal(pthread_join(th[i], &bad), 0);
        assert_int_equal((intptr_t)bad, 0);
    }
}

/* A second engine (precisd's reload) on the same thread: what was
 * remembered for the first is not taken for the second, whose stop
 * words differ here (English read as a language without stop words). */
static void lexicon_starts_afresh_for_another_engine(void **state)
{
    const precis_engine_t *e = test_engine(state);
    const lang *en = engine_lang(e, "en");
    lex_word x;
    assert_int_equal(ask_lexicon(e, en, "the", 3, &x), PRECIS_OK);
    assert_true(x.stop);
    precis_engine_t *other;
    assert_int_equal(precis_engine_open(test_data_dir(), &other, NULL),
                     PRECIS_OK);
    lang *o = (lang *)engine_lang(other, "en");
    strmap_free(&o->stop);
    assert_int_equal(strmap_init(&o->stop, 8), 0);
    assert_int_equal(ask_lexicon(other, o, "the", 3, &x), PRECIS_OK);
    assert_false(x.stop);
    assert_int_equal(ask_lexicon(e, en, "the", 3, &x), PRECIS_OK);
    assert_true(x.stop);
    precis_engine_free(other);
}

/* More languages than a thread keeps tables for (engines reloaded with
 * other data): each still gets its answers, the oldest table given up. */
static void lexicon_serves_more_languages_than_its_tables(void **state)
{
    const precis_engine_t *e = test_engine(state);
    static lang langs[ENGINE_MAX_LANGS + 9];
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
            lang *l = &langs[i];
            memset(l, 0, sizeof *l);
            snprintf(l->code, sizeof l->code, "x%zu", i);
            lex_word x;
            assert_int_equal(ask_lexicon(e, l, "words", 5, &x), PRECIS_OK);
            assert_int_equal(x.stem_len, 5);
            assert_memory_equal(x.stem, "words", 5);
            assert_false(x.stop);
        }
    }
    /* English is served as before, by a fresh table if need be. */
    lex_word x;
    assert_int_equal(ask_lexicon(e, engine_lang(e, "en"), "the", 3, &x),
                     PRECIS_OK);
    assert_true(x.stop);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(doc_tokens_of_sentences_cut_inside_a_word),
        cmocka_unit_test(doc_tokens_of_many_cut_pieces_then_prose),
        cmocka_unit_test(doc_terms_in_the_order_the_text_uses_them),
        cmocka_unit_test(doc_tokens_at_sentence_edges),
        cmocka_unit_test(doc_tokens_of_random_texts),
        cmocka_unit_test(doc_detects_language_from_the_opening),
        cmocka_unit_test(doc_terms_by_stem_and_stop_word),
        cmocka_unit_test(doc_terms_by_stems_that_do_not_begin_their_word),
        cmocka_unit_test(doc_vectors_count_every_content_word),
        cmocka_unit_test(lexicon_matches_the_engine_on_many_threads),
        cmocka_unit_test(lexicon_starts_afresh_for_another_engine),
        cmocka_unit_test(lexicon_serves_more_languages_than_its_tables),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
