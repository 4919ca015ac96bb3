/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_engine.c -- loading the data directory, its errors, and sharing
 * one engine between threads.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "morph.h"
#include "testutil.h"

static char tmpdir[64];

static void write_file(const char *rel, const char *content)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

/* A minimal data directory: one language, no abbreviations or model. */
static int make_datadir(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/precis-test-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    char path[256];
    snprintf(path, sizeof path, "%s/stopwords", tmpdir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/abbrev", tmpdir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/idf", tmpdir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/speech", tmpdir);
    mkdir(path, 0755);
    write_file("stopwords/en.txt", "the\na\nof | comment\n");
    return 0;
}

static int remove_datadir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static int open_tmp(precis_engine_t **e, precis_error_t *err)
{
    return precis_engine_open(tmpdir, e, err);
}

static void engine_lists_loaded_languages(void **state)
{
    (void)state;
    precis_engine_t *e;
    precis_error_t err;
    assert_int_equal(precis_engine_open(test_data_dir(), &e, &err), PRECIS_OK);
    const char *want[] = {"da", "de", "en", "es", "fi", "fr", "hu", "it",
                          "ne", "nl", "no", "pt", "ru", "sv", "tr"};
    size_t n = sizeof want / sizeof want[0];
    assert_int_equal(precis_engine_language_count(e), n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(precis_engine_language(e, i), want[i]);
    assert_null(precis_engine_language(e, n));
    assert_true(precis_engine_has_idf(e, "en"));
    assert_true(precis_engine_has_idf(e, "fr"));
    assert_false(precis_engine_has_idf(e, "de"));
    assert_false(precis_engine_has_idf(e, "xx"));
    precis_engine_free(e);
}

static void engine_open_fails_on_missing_dir(void **state)
{
    (void)state;
    precis_engine_t *e = (precis_engine_t *)1;
    precis_error_t err;
    int rc = precis_engine_open("/nonexistent/precis", &e, &err);
    assert_int_equal(rc, PRECIS_EDATA);
    assert_int_equal(err.code, PRECIS_EDATA);
    assert_null(e);
    assert_non_null(strstr(err.message, "/nonexistent/precis/stopwords"));
}

static void engine_open_minimal_dir(void **state)
{
    (void)state;
    precis_engine_t *e;
    precis_error_t err;
    assert_int_equal(open_tmp(&e, &err), PRECIS_OK);
    assert_int_equal(precis_engine_language_count(e), 1);
    assert_false(precis_engine_has_idf(e, "en"));
    precis_engine_free(e);
}

static void engine_rejects_bad_abbrev_file(void **state)
{
    (void)state;
    write_file("abbrev/en.txt", "Mr\n"); /* entry before any section */
    precis_engine_t *e;
    precis_error_t err;
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "abbrev/en.txt:1"));
    write_file("abbrev/en.txt", "[nonsense]\nMr\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "unknown section"));
    write_file("abbrev/en.txt", "[prefix]\nMr.\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_OK);
    precis_engine_free(e);
}

static void engine_rejects_bad_speech_file(void **state)
{
    (void)state;
    precis_engine_t *e;
    precis_error_t err;
    write_file("speech/en.txt", "[verbs]\nsaid so\n"); /* two words */
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "speech/en.txt:2: bad entry"));
    write_file("speech/en.txt", "[verbs]\nSaid\n[pronouns]\nhe\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_OK);
    precis_engine_free(e);
}

/* Openings are phrases of up to four words, in the three sections. */
static void engine_rejects_bad_dependent_file(void **state)
{
    (void)state;
    precis_engine_t *e;
    precis_error_t err;
    char path[256];
    snprintf(path, sizeof path, "%s/dependent", tmpdir);
    mkdir(path, 0755);
    write_file("dependent/en.txt", "[connectives]\nfor one thing or two\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "dependent/en.txt:2: bad entry"));
    write_file("dependent/en.txt", "[pronouns]\nhe\n[asides]\nby the way\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "unknown section [asides]"));
    write_file("dependent/en.txt", "[pronouns]\nHe\n[connectives]\n"
                                   "on the other hand\n[not]\nin addition to\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_OK);
    precis_engine_free(e);
    snprintf(path, sizeof path, "rm -r %s/dependent", tmpdir);
    assert_int_equal(system(path), 0);
}

/* The keywords of a text naming "Sotheby's" with the tmp engine. */
static int keyword_is(const char *want)
{
    precis_engine_t *e;
    precis_error_t err;
    assert_int_equal(open_tmp(&e, &err), PRECIS_OK);
    const char *text = "Sotheby's sold the painting on Monday. Buyers came "
                       "to Sotheby's from Asia. The sale at Sotheby's set a "
                       "record.";
    precis_options_t o;
    precis_options_init(&o);
    o.lang = "en";
    precis_result_t *r;
    assert_int_equal(precis_summarize(e, text, strlen(text), &o, &r, NULL),
                     PRECIS_OK);
    int found = 0;
    for (size_t i = 0; i < precis_result_keyword_count(r); i++)
        found |= strcmp(precis_result_keyword(r, i)->text, want) == 0;
    precis_result_free(r);
    precis_engine_free(e);
    return found;
}

/* Word shapes come from morph/XX.txt: a possessive listed there is
 * dropped from keywords (either apostrophe), and not without it. */
static void engine_reads_word_shapes_per_language(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/morph", tmpdir);
    mkdir(path, 0755);
    write_file("morph/en.txt", "[particles]\nvon\n");
    assert_true(keyword_is("Sotheby's"));
    write_file("morph/en.txt", "# comment\n[possessive]\n's\n");
    assert_true(keyword_is("Sotheby"));
    precis_engine_t *e;
    precis_error_t err;
    static const char *const bad[][2] = {
        {"[plural]\ns\n", "morph/en.txt:1: unknown section"},
        {"ing\n", "morph/en.txt:1: entry before a section"},
        {"[past]\nmuch too long an ending\n", "morph/en.txt:2:"},
        {"[past]\nabcdefghijklmnop\n", "morph/en.txt:2:"},
        /* a property of the language holds no entries */
        {"[verb-second]\nyes\n", "morph/en.txt:2: entry before a section"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_file("morph/en.txt", bad[i][0]);
        assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
        assert_non_null(strstr(err.message, bad[i][1]));
    }
    /* one entry more than a section holds (MORPH_MAX) */
    char many[8 + (MORPH_MAX + 1) * 4] = "[past]\n";
    for (int i = 0; i <= MORPH_MAX; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "e%d\n", i);
    write_file("morph/en.txt", many);
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    char where[32];
    snprintf(where, sizeof where, "morph/en.txt:%d:", MORPH_MAX + 2);
    assert_non_null(strstr(err.message, where));
    /* The properties: a verb-second language finds the subject after a
     * verb that nothing names before ("Dann sagte er:"). */
    write_file("speech/en.txt",
               "[verbs]\nsagte\n[pronouns-m]\ner\n[not-names]\ndann\n");
    const char *text = "Dann sagte er: \u201EWir werden nicht nachgeben, "
                       "und wir bleiben hier.\u201C";
    for (int v2 = 0; v2 <= 1; v2++) {
        write_file("morph/en.txt", v2 ? "[verb-second]\n[noun-capitals]\n"
                                      : "[particles]\nvon\n");
        assert_int_equal(open_tmp(&e, &err), PRECIS_OK);
        precis_options_t o;
        precis_options_init(&o);
        o.lang = "en";
        o.quotes = 1;
        precis_result_t *r;
        assert_int_equal(precis_summarize(e, text, strlen(text), &o, &r, &err),
                         PRECIS_OK);
        assert_int_equal(precis_result_quote_count(r), 1);
        const precis_quote_t *q = precis_result_quote(r, 0);
        assert_int_equal(q->mention_end - q->mention_start, v2 ? 2 : 0);
        precis_result_free(r);
        precis_engine_free(e);
    }
    write_file("speech/en.txt", "[verbs]\nsaid\n");
    snprintf(path, sizeof path, "%s/morph/en.txt", tmpdir);
    unlink(path);
}

static void engine_rejects_bad_idf_file(void **state)
{
    (void)state;
    precis_engine_t *e;
    precis_error_t err;
    write_file("idf/en.idf", "word\t3\n"); /* no docs line */
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "docs N"));
    write_file("idf/en.idf", "docs 10\nword\tthree\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "idf/en.idf:2"));
    write_file("idf/en.idf", "docs 10\nword\t3\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_OK);
    assert_true(precis_engine_has_idf(e, "en"));
    precis_engine_free(e);
    char path[256];
    snprintf(path, sizeof path, "%s/idf/en.idf", tmpdir);
    unlink(path);
}

static void engine_rejects_invalid_utf8_data(void **state)
{
    (void)state;
    precis_engine_t *e;
    precis_error_t err;
    write_file("stopwords/en.txt", "the\n\xFF\xFE\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "not valid UTF-8"));
    write_file("stopwords/en.txt", "the\n");
}

static void engine_rejects_bad_boilerplate_file(void **state)
{
    (void)state;
    precis_engine_t *e;
    precis_error_t err;
    write_file("boilerplate.txt", "advert\tBuy now\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "boilerplate.txt:1"));
    write_file("boilerplate.txt", "caption\t(left)\tEnglish UK\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "boilerplate.txt:1: bad language"));
    /* A cue that is only its anchors. */
    write_file("boilerplate.txt", "promo\t~^\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_EDATA);
    assert_non_null(strstr(err.message, "boilerplate.txt:1: empty pattern"));
    /* Every reason of exclusion.h is a kind, with every anchor. */
    write_file("boilerplate.txt",
               "promo\t^Buy now\ncaption\t(left)\ten\nconsent\t~we use "
               "cookies\ncomments\t~$ says:\nlegal\t~=terms of use\n");
    assert_int_equal(open_tmp(&e, &err), PRECIS_OK);
    precis_engine_free(e);
}

static void engine_error_names_are_stable(void **state)
{
    (void)state;
    assert_string_equal(precis_err_name(PRECIS_EUTF8), "invalid_utf8");
    assert_string_equal(precis_err_name(PRECIS_ETOOBIG), "too_large");
    assert_string_equal(precis_err_name(12345), "unknown");
    assert_string_equal(precis_strerror(12345), "unknown error");
    assert_string_equal(precis_strerror(PRECIS_OK), "success");
    assert_string_equal(precis_version(), PRECIS_VERSION_STRING);
}

typedef struct job {
    const precis_engine_t *engine;
    const char *text;
    char summary[4096];
    int rc;
} job;

static void render(const precis_result_t *r, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
        const precis_sentence_t *s = precis_result_sentence(r, i);
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%zu-%zu;", s->start, s->end);
    }
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s;",
                 precis_result_keyword(r, i)->text);
    }
}

static void *summarize_many(void *arg)
{
    job *j = arg;
    for (int k = 0; k < 20 && j->rc == 0; k++) {
        precis_result_t *r;
        j->rc = precis_summarize(j->engine, j->text, strlen(j->text), NULL, &r,
                                 NULL);
        if (j->rc == 0) {
            char now[4096];
            render(r, now, sizeof now);
            if (k > 0 && strcmp(now, j->summary) != 0)
                j->rc = -100;
            strcpy(j->summary, now);
            precis_result_free(r);
        }
    }
    return NULL;
}

static void engine_is_shared_by_threads(void **state)
{
    (void)state;
    precis_engine_t *e;
    assert_int_equal(precis_engine_open(test_data_dir(), &e, NULL), 0);
    char *text = read_fixture("tests/fixtures/sample-article.txt", NULL);
    job jobs[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){.engine = e, .text = text};
        assert_int_equal(
            pthread_create(&th[i], NULL, summarize_many, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(jobs[i].rc, 0);
        assert_string_equal(jobs[i].summary, jobs[0].summary);
    }
    assert_true(strlen(jobs[0].summary) > 0);
    free(text);
    precis_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(engine_lists_loaded_languages),
        cmocka_unit_test(engine_open_fails_on_missing_dir),
        cmocka_unit_test(engine_open_minimal_dir),
        cmocka_unit_test(engine_rejects_bad_abbrev_file),
        cmocka_unit_test(engine_rejects_bad_speech_file),
        cmocka_unit_test(engine_rejects_bad_dependent_file),
        cmocka_unit_test(engine_rejects_bad_idf_file),
        cmocka_unit_test(engine_reads_word_shapes_per_language),
        cmocka_unit_test(engine_rejects_invalid_utf8_data),
        cmocka_unit_test(engine_rejects_bad_boilerplate_file),
        cmocka_unit_test(engine_error_names_are_stable),
        cmocka_unit_test(engine_is_shared_by_threads),
    };
    return cmocka_run_group_tests_name("engine", tests, make_datadir,
                                       remove_datadir);
}
