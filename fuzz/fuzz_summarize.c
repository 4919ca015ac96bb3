/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_summarize.c -- libFuzzer target: precis_summarize() and
 * precis_segment() on any bytes, with options drawn from the first four
 * (among them a max_memory low enough to fail the call anywhere), and
 * every range in the result checked to lie inside the input.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_engine.h"

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "fuzz_summarize: %s\n", #cond);                  \
            abort();                                                         \
        }                                                                    \
    } while (0)

static void check_result(const precis_result_t *r, size_t len)
{
    for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
        const precis_sentence_t *s = precis_result_sentence(r, i);
        CHECK(s->start <= s->end && s->end <= len && s->text);
    }
    for (size_t i = 0; i < precis_result_quote_count(r); i++) {
        const precis_quote_t *q = precis_result_quote(r, i);
        CHECK(q->start <= q->end && q->end <= len && q->text);
        CHECK(q->mention_start <= q->mention_end && q->mention_end <= len);
    }
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const precis_keyword_t *k = precis_result_keyword(r, i);
        CHECK(k->start <= k->end && k->end <= len && k->text);
    }
    for (size_t i = 0; i < precis_result_segment_count(r); i++) {
        const precis_segment_t *s = precis_result_segment(r, i);
        CHECK(s->start <= s->end && s->end <= len && s->text);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    static const char *const langs[] = {"auto", "en", "de", "fr"};
    precis_options_t o;
    precis_options_init(&o);
    o.budget = data[0] % 3;
    o.budget_value = o.budget == PRECIS_BUDGET_RATIO ? (data[0] % 10 + 1) / 10.0
                                                      : data[0] % 7 + 1;
    o.quotes = data[1] % 6;
    o.keywords = data[1] / 6 % 12;
    o.quote_fragments = data[2] & 1;
    o.utf8_policy = data[2] >> 1 & 1 ? PRECIS_UTF8_REPLACE : PRECIS_UTF8_STRICT;
    o.lang = langs[data[2] >> 2 & 3];
    o.redundancy = (data[3] % 11) / 10.0;
    const char *text = (const char *)data + 4;
    size_t len = size - 4;
    /* Half the time a limit from a few KB up to some 8 times the input:
     * the calls it stops must fail cleanly wherever they stop. */
    if (data[2] & 0x80)
        o.max_memory = (size_t)(data[2] >> 4 & 7) * (len + 512) +
                       (size_t)data[1] * 64 + 1;
    precis_result_t *r = NULL;
    int rc = precis_summarize(fuzz_engine(), text, len, &o, &r, NULL);
    CHECK((rc == 0) == (r != NULL));
    if (rc == 0) {
        check_result(r, len);
        precis_result_free(r);
    }
    if (data[3] & 0x80) {
        rc = precis_segment(fuzz_engine(), text, len, &o, &r, NULL);
        CHECK((rc == 0) == (r != NULL));
        if (rc == 0) {
            check_result(r, len);
            precis_result_free(r);
        }
    }
    return 0;
}
