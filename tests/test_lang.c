/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_lang.c -- language detection, explicit languages, stop words and
 * Snowball stemming per language.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "pipeline.h"
#include "testutil.h"

static const struct {
    const char *code, *text;
} samples[] = {
    {"en", "The government said on Monday that it would not raise taxes "
           "this year, and the opposition called the plan a failure."},
    {"fr", "Le gouvernement a annoncé lundi qu'il ne relèverait pas les "
           "impôts cette année, et l'opposition a dénoncé un échec."},
    {"de",
     "Die Regierung hat am Montag angekündigt, dass sie die Steuern "
     "in diesem Jahr nicht erhöhen wird, und die Opposition ist dagegen."},
    {"es", "El gobierno anunció el lunes que no subirá los impuestos este "
           "año, y la oposición calificó el plan de fracaso."},
    {"pt", "O governo anunciou na segunda-feira que não vai aumentar os "
           "impostos este ano, e a oposição chamou o plano de fracasso."},
    {"it", "Il governo ha annunciato lunedì che non aumenterà le tasse "
           "quest'anno, e l'opposizione ha definito il piano un fallimento."},
    {"nl",
     "De regering heeft maandag aangekondigd dat zij de belastingen "
     "dit jaar niet zal verhogen, en de oppositie noemde het een mislukking."},
    {"ru", "Правительство в понедельник заявило, что не будет повышать "
           "налоги в этом году, а оппозиция назвала этот план провалом."},
    /* Danish and Norwegian share most function words: these tell them
     * apart ("efter", "blev" against "etter", "ble"). */
    {"da", "Regeringen meddelte mandag, at den ikke vil hæve skatterne i "
           "år, efter at oppositionen havde kaldt planen en fiasko."},
    {"no", "Regjeringen sa mandag at den ikke vil øke skattene i år, etter "
           "at planen ble kalt et nederlag av opposisjonen."},
    {"sv", "Regeringen meddelade på måndagen att den inte kommer att höja "
           "skatterna i år, och oppositionen kallade planen ett misslyckande."},
    {"fi", "Hallitus ilmoitti maanantaina, ettei se aio nostaa veroja tänä "
           "vuonna, ja oppositio kutsui suunnitelmaa epäonnistumiseksi."},
    {"hu", "A kormány hétfőn bejelentette, hogy idén nem emeli az adókat, "
           "az ellenzék pedig kudarcnak nevezte a tervet."},
    {"tr", "Hükümet pazartesi günü bu yıl vergileri artırmayacağını "
           "açıkladı ve muhalefet planı bir başarısızlık olarak nitelendirdi."},
    {"ne", "सरकारले सोमबार यो वर्ष कर नबढाउने बताएको छ र विपक्षीले यो "
           "योजनालाई असफलता भनेको छ।"},
};

static void lang_detects_each_loaded_language(void **state)
{
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        precis_result_t *r =
            summarize_ok(test_engine(state), samples[i].text, NULL);
        assert_string_equal(precis_result_lang(r), samples[i].code);
        assert_int_equal(precis_result_sentence_count(r), 1);
        precis_result_free(r);
    }
}

static void lang_undetermined_without_evidence(void **state)
{
    precis_result_t *r = summarize_ok(
        test_engine(state), "東京都は晴れです。大阪も晴れです。", NULL);
    assert_string_equal(precis_result_lang(r), "und");
    /* CJK still gets scored and summarized. */
    assert_true(precis_result_sentence_count(r) >= 1);
    assert_true(precis_result_keyword_count(r) >= 1);
    precis_result_free(r);
}

static void lang_given_by_caller_wins(void **state)
{
    precis_options_t o;
    precis_options_init(&o);
    o.lang = "fr";
    precis_result_t *r = summarize_ok(test_engine(state), samples[0].text, &o);
    assert_string_equal(precis_result_lang(r), "fr");
    precis_result_free(r);
}

static void lang_unknown_code_is_an_error(void **state)
{
    precis_options_t o;
    precis_options_init(&o);
    o.lang = "xx";
    precis_result_t *r = (precis_result_t *)1;
    precis_error_t err;
    assert_int_equal(
        precis_summarize(test_engine(state), "Hello there.", 12, &o, &r, &err),
        PRECIS_ELANG);
    assert_null(r);
    assert_non_null(strstr(err.message, "xx"));
}

/* The term of a word already in d (no stemmer: lookups by folded form
 * hit the word map first). */
/* The term of the first token spelled word (ASCII case aside): the
 * maps that interned the words are gone once the document is built. */
static uint32_t term_of(const doc *d, const char *word)
{
    for (size_t k = 0; k < d->ntoks; k++)
        if (d->toks[k].len == strlen(word) &&
            !strncasecmp(d->text + d->toks[k].start, word, strlen(word)))
            return d->toks[k].term;
    fail_msg("no token \"%s\"", word);
    return 0;
}

static void lang_stems_inflections_together(void **state)
{
    static const struct {
        const char *code, *a, *b;
    } pairs[] = {
        {"en", "running", "runs"},
        {"en", "elections", "election"},
        {"fr", "gouvernements", "gouvernement"},
        {"de", "Regierungen", "Regierung"},
        {"es", "impuestos", "impuesto"},
        {"pt", "impostos", "imposto"},
        {"it", "governi", "governo"},
        {"nl", "regeringen", "regering"},
        {"ru", "налоги", "налог"},
        {"da", "skatterne", "skat"},
        {"no", "skattene", "skatt"},
        {"sv", "skatterna", "skatt"},
        {"fi", "veroja", "vero"},
        {"hu", "adókat", "adó"},
        {"tr", "vergileri", "vergi"},
        {"ne", "सरकारले", "सरकार"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const lang *l = engine_lang(test_engine(state), pairs[i].code);
        assert_non_null(l);
        assert_true(l->has_stemmer);
        char text[256];
        snprintf(text, sizeof text, "%s %s.", pairs[i].a, pairs[i].b);
        doc d;
        assert_int_equal(
            doc_build(&d, test_engine(state), l, 0, text, strlen(text), NULL, 0),
            PRECIS_OK);
        assert_int_equal(d.ntoks, 2);
        assert_int_equal(d.toks[0].term, d.toks[1].term);
        doc_free(&d);
    }
}

static void lang_marks_stop_words(void **state)
{
    const lang *l = engine_lang(test_engine(state), "en");
    doc d;
    const char *text = "The minister said that the bill would pass.";
    assert_int_equal(
        doc_build(&d, test_engine(state), l, 0, text, strlen(text), NULL, 0),
        PRECIS_OK);
    assert_true(d.terms[term_of(&d, "the")].stop);
    assert_true(d.terms[term_of(&d, "said")].stop);
    assert_false(d.terms[term_of(&d, "minister")].stop);
    /* The sentence vector holds content terms only. */
    assert_int_equal(d.sents[0].nvec, 3); /* minister, bill, pass */
    doc_free(&d);
}

/* A word listed in two sections of a speech file takes the later one
 * (lib/load.c): only a refinement may do that ([roles] then [epithets],
 * [conjunctions] then [not-names], [determiners] then [that]), never a
 * cue silenced ("so" in [according] then in [not-names]) or a gender
 * lost ("ministra" in [roles-f] then in [roles]). */
static int refines(const char *earlier, const char *later)
{
    return (strncmp(earlier, "[roles", 6) == 0 &&
            strncmp(later, "[epithets", 9) == 0) ||
           (strcmp(earlier, "[conjunctions]") == 0 &&
            strcmp(later, "[not-names]") == 0) ||
           (strcmp(earlier, "[determiners]") == 0 &&
            strcmp(later, "[that]") == 0);
}

/* Detection's filter passes every stop word of every language to the
 * map (a word it turned away would never vote), and the map gives each
 * the languages that list it. */
static void lang_stop_filter_passes_every_stop_word(void **state)
{
    const precis_engine_t *e = test_engine(state);
    for (size_t i = 0; i < e->nlangs; i++) {
        const strmap *stop = &e->langs[i].stop;
        for (size_t k = 0; k < stop->count; k++) {
            const strmap_entry *w = &stop->entries[k];
            uint32_t h = strmap_hash(strmap_key(w), w->len);
            assert_int_equal(h, w->hash);
            assert_true(stop_filter_has(e->stop_filter, h));
            const uint32_t *mask =
                strmap_get(&e->stop_langs, strmap_key(w), w->len);
            assert_non_null(mask);
            assert_true(*mask & (1u << i));
        }
    }
}

static void lang_speech_sections_never_undo_each_other(void **state)
{
    (void)state;
    enum { MAX_WORDS = 4096 };
    static char words[MAX_WORDS][256], sections[MAX_WORDS][256];
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        char path[64], line[256], section[256] = "";
        snprintf(path, sizeof path, "data/speech/%s.txt", samples[i].code);
        FILE *f = fopen(path, "r");
        if (!f)
            continue; /* a language may have no cues (none is listed) */
        size_t n = 0;
        while (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (line[0] == '#' || line[0] == '\0')
                continue;
            if (line[0] == '[') {
                memcpy(section, line, sizeof section);
                continue;
            }
            for (size_t j = 0; j < n; j++)
                if (strcasecmp(words[j], line) == 0 &&
                    strcmp(sections[j], section) != 0 &&
                    !refines(sections[j], section))
                    fail_msg("%s: \"%s\" in %s and then %s", path, line,
                             sections[j], section);
            assert_true(n < MAX_WORDS);
            memcpy(words[n], line, sizeof words[n]);
            memcpy(sections[n], section, sizeof sections[n]);
            n++;
        }
        fclose(f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lang_detects_each_loaded_language),
        cmocka_unit_test(lang_undetermined_without_evidence),
        cmocka_unit_test(lang_given_by_caller_wins),
        cmocka_unit_test(lang_unknown_code_is_an_error),
        cmocka_unit_test(lang_stems_inflections_together),
        cmocka_unit_test(lang_marks_stop_words),
        cmocka_unit_test(lang_speech_sections_never_undo_each_other),
        cmocka_unit_test(lang_stop_filter_passes_every_stop_word),
    };
    return cmocka_run_group_tests_name("lang", tests, engine_setup,
                                       engine_teardown);
}
