/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_doc.c -- doc_build's one tokenization pass: every sentence holds
 * exactly the tokens a tokenizer of that sentence alone makes, also
 * where the text's tokens run across a sentence's edge; language
 * detection from those tokens; and stem.c's per-thread stem memory.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "doc.h"
#include "lang.h"
#include "stem.h"
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

/* stem_word gives libstemmer's stem, also past the memory's bound
 * (emptied and refilled) and for words met again after that. */
static void *stem_many(void *arg)
{
    const char *code = arg;
    struct sb_stemmer *ref = sb_stemmer_new(code, "UTF_8");
    char word[32];
    int bad = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned i = 0; i < 40000; i++) {
            int n = snprintf(word, sizeof word, "walk%ciing%u%s",
                             'a' + (char)(i % 26), i,
                             i % 3 ? "ed" : "ing");
            const char *s;
            size_t slen;
            if (stem_word(code, word, (size_t)n, &s, &slen) != PRECIS_OK) {
                bad++;
                continue;
            }
            const sb_symbol *want =
                sb_stemmer_stem(ref, (const sb_symbol *)word, n);
            bad += (size_t)sb_stemmer_length(ref) != slen ||
                   memcmp(want, s, slen) != 0;
        }
    }
    sb_stemmer_delete(ref);
    return (void *)(intptr_t)bad;
}

static void stem_word_matches_libstemmer_on_many_threads(void **state)
{
    (void)state;
    pthread_t th[3];
    const char *codes[3] = {"en", "en", "fr"};
    for (int i = 0; i < 3; i++)
        assert_int_equal(
            pthread_create(&th[i], NULL, stem_many, (void *)codes[i]), 0);
    for (int i = 0; i < 3; i++) {
        void *bad;
        assert_int_equal(pthread_join(th[i], &bad), 0);
        assert_int_equal((intptr_t)bad, 0);
    }
    /* A code libstemmer lacks gives the word back. */
    const char *s;
    size_t slen;
    assert_int_equal(stem_word("xx", "words", 5, &s, &slen), PRECIS_OK);
    assert_int_equal(slen, 5);
    assert_memory_equal(s, "words", 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(doc_tokens_of_sentences_cut_inside_a_word),
        cmocka_unit_test(doc_tokens_at_sentence_edges),
        cmocka_unit_test(doc_tokens_of_random_texts),
        cmocka_unit_test(doc_detects_language_from_the_opening),
        cmocka_unit_test(stem_word_matches_libstemmer_on_many_threads),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
