/*
 * boilerplate.c -- keeping page noise out of summaries.
 *
 * Scraped articles carry share widgets, photo captions with credits,
 * promos for other content and repeated lines.  Each is recognised from
 * the sentence alone or from its neighbours, marked with a reason and
 * never selected; the result reports them so an editor can see why.
 */
#include <string.h>

#include "doc.h"
#include "tokenize.h"

/* Under 8 words on a line of its own, without sentence punctuation or
 * with nothing but capitalised words, is a label, not a sentence:
 * "Related Articles", "By Jane Doe." (sample article and dev sets). */
#define FRAGMENT_WORDS 8
/* Near-duplicate lines share 80% of the smaller one's content terms;
 * compared within the previous 32 lines, where repeats in scraped pages
 * (caption and alt text, teaser and body) sit. */
#define NEAR_DUP_SHARE 0.8
#define NEAR_DUP_WINDOW 32
#define NEAR_DUP_MIN_TERMS 4

static int pattern_at(const bp_pattern *p, const char *t, size_t len,
                      size_t at, size_t core)
{
    if (p->match == BP_WHOLE)
        return at == 0 && core == p->len && memcmp(t, p->text, p->len) == 0;
    if (p->match == BP_PREFIX && at != 0)
        return 0;
    return len - at >= p->len && memcmp(t + at, p->text, p->len) == 0;
}

static const char *pattern_reason(const doc *d, const doc_sentence *s)
{
    const precis_engine_t *e = d->engine;
    const char *t = d->text + s->seg.start;
    size_t len = s->seg.end - s->seg.start;
    /* Every sentence is tried, however long: a flattened page runs
     * captions together into one (segment.h caps it at 4 KiB), and one
     * pass per byte over the patterns that start with it is cheap. */
    if (e->npatterns == 0)
        return NULL;
    size_t core = len; /* without trailing punctuation, for BP_WHOLE */
    while (core > 0 && memchr(".!:;", t[core - 1], 4))
        core--;
    const char *code = d->lang ? d->lang->code : "";
    for (size_t at = 0; at < len; at++) {
        unsigned char c = (unsigned char)t[at];
        for (size_t i = e->by_first[c]; i < e->by_first[c + 1]; i++) {
            const bp_pattern *p = &e->patterns[i];
            if ((!p->lang[0] || !strcmp(p->lang, code)) &&
                pattern_at(p, t, len, at, core))
                return p->reason;
        }
    }
    return NULL;
}

/* A short line that is a label rather than a sentence: no final
 * punctuation ("Related Articles"), or every content word capitalised
 * ("By Jane Doe.", "Reuters."). */
static int is_fragment(const doc *d, const doc_sentence *s)
{
    if (!s->seg.whole_line || s->words >= FRAGMENT_WORDS)
        return 0;
    if (!s->seg.terminated)
        return 1;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
        if (!d->toks[k].stop && !(d->toks[k].flags & TOK_CAPITAL))
            return 0;
    return 1;
}

static const char *alone_reason(const doc *d, const doc_sentence *s)
{
    if (s->seg.dateline)
        return "dateline";
    const char *reason = pattern_reason(d, s);
    if (reason)
        return reason;
    uint32_t letters = 0;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
        letters += !(d->toks[k].flags & TOK_NUMBER);
    if (letters < 2)
        return "noise";
    if (is_fragment(d, s))
        return "fragment";
    return NULL;
}

/* Exact repeats: same token sequence as an earlier sentence. */
static int mark_duplicates(doc *d)
{
    strmap seen;
    if (strmap_init(&seen, d->nsents))
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        if (s->words == 0)
            continue;
        /* Key: the term ids, which equal for equal folded token runs. */
        size_t n = s->tok_end - s->tok_begin;
        uint32_t *key = arena_alloc(&d->arena, n * sizeof *key);
        if (!key) {
            strmap_free(&seen);
            return PRECIS_ENOMEM;
        }
        for (size_t k = 0; k < n; k++)
            key[k] = d->toks[s->tok_begin + k].term;
        int added;
        if (!strmap_put(&seen, (const char *)key, n * sizeof *key, (uint32_t)i,
                        &added)) {
            strmap_free(&seen);
            return PRECIS_ENOMEM;
        }
        if (!added && !s->excluded)
            s->excluded = "duplicate";
    }
    strmap_free(&seen);
    return PRECIS_OK;
}

static int near_duplicate_terms(const vec_entry *a, uint32_t na,
                                const vec_entry *b, uint32_t nb)
{
    uint32_t small = na < nb ? na : nb;
    if (small < NEAR_DUP_MIN_TERMS)
        return 0;
    return vec_overlap(a, na, b, nb, NULL, NULL) >= NEAR_DUP_SHARE * small;
}

static int near_duplicate(const doc_sentence *a, const doc_sentence *b)
{
    return near_duplicate_terms(a->vec, a->nvec, b->vec, b->nvec);
}

/* A line repeated with small changes: the later copy goes, and when
 * either copy is a caption both are (the caption text often appears
 * twice, once as alt text and once with its credit). */
static void mark_near_duplicates(doc *d)
{
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        if (!s->seg.whole_line)
            continue;
        size_t lo = i > NEAR_DUP_WINDOW ? i - NEAR_DUP_WINDOW : 0;
        for (size_t j = lo; j < i; j++) {
            doc_sentence *o = &d->sents[j];
            if (!o->seg.whole_line || !near_duplicate(o, s))
                continue;
            int caption = (s->excluded && !strcmp(s->excluded, "caption")) ||
                          (o->excluded && !strcmp(o->excluded, "caption"));
            if (caption) {
                s->excluded = o->excluded = "caption";
            } else if (!s->excluded) {
                s->excluded = "near_duplicate";
            }
        }
    }
}

int boilerplate_mark(doc *d, int have_title)
{
    for (size_t i = 0; i < d->nsents; i++)
        d->sents[i].excluded = alone_reason(d, &d->sents[i]);
    int rc = mark_duplicates(d);
    if (rc != PRECIS_OK)
        return rc;
    mark_near_duplicates(d);
    /* A headline opening the text is the title, not summary material;
     * with a title given, a first line repeating it is its copy. */
    doc_sentence *first = &d->sents[0];
    int plain = !first->excluded || !strcmp(first->excluded, "fragment");
    if (d->nsents > 1 && plain && first->seg.whole_line) {
        if (have_title ? d->ntitle > 0 &&
                             near_duplicate_terms(first->vec, first->nvec,
                                                  d->title, d->ntitle)
                       : !first->seg.terminated)
            first->excluded = "headline";
    }
    d->selectable = 0;
    for (size_t i = 0; i < d->nsents; i++)
        d->selectable += d->sents[i].excluded == NULL;
    /* Text made only of short lines (a list, a slide): better a summary
     * of fragments than none. */
    if (d->selectable == 0) {
        for (size_t i = 0; i < d->nsents; i++) {
            doc_sentence *s = &d->sents[i];
            if (s->excluded && !strcmp(s->excluded, "fragment")) {
                s->excluded = NULL;
                d->selectable++;
            }
        }
    }
    return PRECIS_OK;
}
