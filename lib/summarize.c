/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * summarize.c -- precis_summarize(): the pipeline from bytes to result.
 *
 *   validate -> language -> segment + tokenize (doc.c) -> boilerplate
 *   -> score -> select (MMR) -> keywords -> quotes -> result
 *
 * Each stage annotates the same doc; only the result outlives the call.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "keywords.h"
#include "pipeline.h"
#include "quote_marks.h"
#include "select.h"
#include "utf8.h"
#include "weights.h"

void precis_options_init(precis_options_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
    opts->lang = "auto";
    opts->budget = PRECIS_BUDGET_SENTENCES;
    opts->budget_value = 3;
    opts->keywords = 10;
    opts->quotes = 0;
    opts->quote_fragments = 0;
    opts->utf8_policy = PRECIS_UTF8_STRICT;
    opts->redundancy = DEFAULT_REDUNDANCY;
}

static int check_options(const precis_options_t *o, precis_error_t *err)
{
    double v = o->budget_value;
    switch (o->budget) {
    case PRECIS_BUDGET_SENTENCES:
    case PRECIS_BUDGET_WORDS:
        if (!(v >= 1 && v <= 1e9))
            return set_error(err, PRECIS_EINVAL,
                             "budget must be between 1 and 1e9");
        break;
    case PRECIS_BUDGET_RATIO:
        if (!(v > 0 && v <= 1))
            return set_error(err, PRECIS_EINVAL, "ratio must be in (0, 1]");
        break;
    default:
        return set_error(err, PRECIS_EINVAL, "unknown budget kind %d",
                         o->budget);
    }
    if (o->keywords < 0 || o->keywords > 1000)
        return set_error(err, PRECIS_EINVAL, "keywords must be 0..1000");
    if (o->quotes < 0 || o->quotes > 1000)
        return set_error(err, PRECIS_EINVAL, "quotes must be 0..1000");
    if (o->quote_fragments != 0 && o->quote_fragments != 1)
        return set_error(err, PRECIS_EINVAL, "quote_fragments must be 0 or 1");
    if (!(o->redundancy >= 0 && o->redundancy <= 1))
        return set_error(err, PRECIS_EINVAL, "redundancy must be in [0, 1]");
    if (o->utf8_policy != PRECIS_UTF8_STRICT &&
        o->utf8_policy != PRECIS_UTF8_REPLACE)
        return set_error(err, PRECIS_EINVAL, "unknown utf8_policy %d",
                         o->utf8_policy);
    return PRECIS_OK;
}

static int check_utf8(const char *s, size_t len, const char *what,
                      const precis_options_t *o, precis_error_t *err)
{
    if (o->utf8_policy == PRECIS_UTF8_REPLACE)
        return PRECIS_OK;
    size_t bad = utf8_validate(s, len);
    if (bad != len)
        return set_error(err, PRECIS_EUTF8, "%s: invalid UTF-8 at byte %zu",
                         what, bad);
    return PRECIS_OK;
}

/* The language asked for, or *out NULL when "auto": doc_build() then
 * detects it from the tokens it makes anyway. */
static int choose_lang(const precis_engine_t *e, const char *code,
                       const lang **out, precis_error_t *err)
{
    *out = NULL;
    if (!code || !*code || strcmp(code, "auto") == 0)
        return PRECIS_OK;
    *out = engine_lang(e, code);
    if (!*out)
        return set_error(err, PRECIS_ELANG, "language \"%.16s\" not loaded",
                         code);
    return PRECIS_OK;
}

/* Everything after the input checks; d is freed by the caller. */
static int run(doc *d, const precis_engine_t *e, const lang *l,
               const char *text, size_t len, const precis_options_t *o,
               size_t title_len, precis_result_t **out)
{
    int rc = doc_build(d, e, l, l == NULL, text, len, o->title, title_len);
    if (rc == PRECIS_OK && d->nsents > 0)
        rc = boilerplate_mark(d, o->title != NULL);
    if (rc != PRECIS_OK)
        return rc;
    for (size_t i = 0; !o->title && i < d->nsents; i++) {
        if (d->sents[i].excluded == EXCL_HEADLINE) {
            d->title = d->sents[i].vec;
            d->ntitle = d->sents[i].nvec;
            break;
        }
    }
    size_t *chosen = NULL, nchosen = 0;
    kw_candidate *kws = NULL;
    quote *quotes = NULL;
    size_t nkws = 0, nquotes = 0;
    qspan *marks = NULL;
    size_t nmarks = 0;
    /* Quotations matter to scoring (a lede reports rather than quotes)
     * as well as to the quotes: found once for both. */
    rc = quote_marks_find(d, &marks, &nmarks);
    if (rc == PRECIS_OK) {
        quote_marks_share(d, marks, nmarks);
        dependence_mark(d, marks, nmarks);
        rc = term_stats(d);
    }
    if (rc == PRECIS_OK)
        rc =
            score_sentences(d, budget_coverage(d, o->budget, o->budget_value));
    if (rc == PRECIS_OK)
        rc = select_sentences(d, o->budget, o->budget_value, o->redundancy,
                              &chosen, &nchosen);
    doc_drop_vectors(d);
    if (rc == PRECIS_OK)
        rc = keywords_extract(d, (size_t)o->keywords, &kws, &nkws);
    if (rc == PRECIS_OK)
        rc = quotes_extract(d, marks, nmarks, (size_t)o->quotes,
                            o->quote_fragments, &quotes, &nquotes);
    if (rc == PRECIS_OK) {
        stage_outputs so = {chosen, nchosen, kws, nkws, quotes, nquotes};
        rc = result_build(d, &so, out);
    }
    mem_free(marks);
    mem_free(chosen);
    mem_free(kws);
    mem_free(quotes);
    return rc;
}

/* The checks both entry points make before any work: arguments,
 * options, UTF-8 and the language.  0 or a precis_status with err set. */
/* The options of the first layout with a size, 0.1's: the least a
 * caller's struct holds.  A later version adds fields after these and
 * reads a smaller struct's missing ones as their defaults. */
#define OPTIONS_V1_SIZE                                                      \
    (offsetof(precis_options_t, redundancy) + sizeof(double))

/* The caller's options into *local, defaults for what an older caller's
 * struct does not have; NULL stands for all defaults. */
static int take_options(const precis_options_t *in, precis_options_t *local,
                        precis_error_t *err)
{
    precis_options_init(local);
    if (!in)
        return PRECIS_OK;
    if (in->size < OPTIONS_V1_SIZE)
        return set_error(err, PRECIS_EINVAL,
                         "options: size %zu; fill them with "
                         "precis_options_init() first",
                         in->size);
    memcpy(local, in, in->size < sizeof *local ? in->size : sizeof *local);
    local->size = sizeof *local;
    return PRECIS_OK;
}

static int prepare(const precis_engine_t *e, const char *text, size_t len,
                   const precis_options_t **opts, precis_options_t *local,
                   precis_result_t **out, size_t *title_len, const lang **l,
                   precis_error_t *err)
{
    if (out)
        *out = NULL;
    int rc = take_options(*opts, local, err);
    if (rc != PRECIS_OK)
        return rc;
    *opts = local;
    const precis_options_t *o = *opts;
    if (!out)
        return set_error(err, PRECIS_EINVAL, "out is NULL");
    *out = NULL;
    if (!e || (!text && len > 0))
        return set_error(err, PRECIS_EINVAL, "engine or text is NULL");
    if (len > PRECIS_MAX_INPUT)
        return set_error(err, PRECIS_ETOOBIG, "input of %zu bytes exceeds %zu",
                         len, PRECIS_MAX_INPUT);
    rc = check_options(o, err);
    *title_len = 0;
    if (o->title)
        *title_len = o->title_len ? o->title_len : strlen(o->title);
    if (rc == PRECIS_OK && *title_len > PRECIS_MAX_INPUT)
        rc = set_error(err, PRECIS_ETOOBIG, "title too large");
    if (rc == PRECIS_OK)
        rc = check_utf8(text, len, "text", o, err);
    if (rc == PRECIS_OK && o->title)
        rc = check_utf8(o->title, *title_len, "title", o, err);
    *l = NULL;
    if (rc == PRECIS_OK)
        rc = choose_lang(e, o->lang, l, err);
    return rc;
}

static int finish(int rc, precis_error_t *err)
{
    if (rc != PRECIS_OK)
        return set_error(err, rc, "%s", precis_strerror(rc));
    if (err)
        err->code = PRECIS_OK;
    return PRECIS_OK;
}

/* Both entry points: the checks, then the summary's pipeline or, for
 * precis_segment(), its first stages only. */
static int entry(const precis_engine_t *e, const char *text, size_t len,
                 const precis_options_t *opts, int segment_only,
                 precis_result_t **out, precis_error_t *err)
{
    precis_options_t defaults;
    size_t title_len = 0;
    const lang *l = NULL;
    int rc = prepare(e, text, len, &opts, &defaults, out, &title_len, &l, err);
    if (rc != PRECIS_OK)
        return rc;
    doc d;
    text = text ? text : "";
    mem_meter meter;
    mem_meter_start(&meter, opts->max_memory);
    if (segment_only) {
        rc = doc_build(&d, e, l, l == NULL, text, len, opts->title, title_len);
        if (rc == PRECIS_OK && d.nsents > 0)
            rc = boilerplate_mark(&d, opts->title != NULL);
        if (rc == PRECIS_OK)
            rc = result_build_segments(&d, out);
    } else {
        rc = run(&d, e, l, text, len, opts, title_len, out);
    }
    doc_free(&d);
    if (meter.over) {
        /* A refused allocation fails its stage, but one a stage could do
         * without would leave a different result: none, whatever the
         * stages made of it. */
        precis_result_free(*out);
        *out = NULL;
        rc = PRECIS_ELIMIT;
    }
    mem_meter_stop();
    if (rc == PRECIS_ELIMIT)
        return set_error(err, rc,
                         "the text needs more than max_memory (%zu bytes) "
                         "of working memory",
                         opts->max_memory);
    return finish(rc, err);
}

int precis_summarize(const precis_engine_t *e, const char *text, size_t len,
                     const precis_options_t *opts, precis_result_t **out,
                     precis_error_t *err)
{
    return entry(e, text, len, opts, 0, out, err);
}

int precis_segment(const precis_engine_t *e, const char *text, size_t len,
                   const precis_options_t *opts, precis_result_t **out,
                   precis_error_t *err)
{
    return entry(e, text, len, opts, 1, out, err);
}
