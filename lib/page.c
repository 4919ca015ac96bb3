/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * page.c -- the article's place on a scraped page (page.h).
 */
#include "page.h"

#include "shape.h"

/* Five words with a stop make a sentence of prose; shorter ones ("He
 * resigned.", "Share this.") tell nothing.  A sixth or more of the
 * words are function words in running text of every language we load
 * (pages.dev: article sentences 0.35 on average, menus and teaser
 * headlines 0.0-0.2); under that a line is a list or a label. */
#ifndef PROSE_WORDS
#define PROSE_WORDS 5
#endif
#ifndef PROSE_STOP_SHARE
#define PROSE_STOP_SHARE 0.15
#endif
/* What each excluded line costs the run beyond its words, so a menu item
 * of one word weighs as much as a short line of prose.  Fitted on
 * pages.dev (docs/quality.md): 1 or 2 keep 5 noise sentences of 241 in
 * summaries, 3 to 5 keep 4, and exclude 52 or 53 article sentences of
 * 2,677 throughout. */
#ifndef LINE_COST
#define LINE_COST 3
#endif

int page_is_prose(const doc *d, const doc_sentence *s)
{
    uint32_t words = doc_sentence_words(s);
    if (words < PROSE_WORDS || !shape_ends_like_sentence(d, s))
        return 0;
    if (!d->lang || d->lang->stop.count == 0)
        return 1;
    uint32_t stops = words - s->content;
    return stops >= PROSE_STOP_SHARE * words;
}

static long sentence_value(const doc *d, const doc_sentence *s)
{
    switch ((exclusion)s->excluded) {
    case EXCL_NONE:
        break;
    /* What stands in an article between its paragraphs (a repeat, a
     * photo caption, the byline and dateline under the headline)
     * counts neither for it nor against it. */
    case EXCL_HEADLINE:
    case EXCL_DATELINE:
    case EXCL_BYLINE:
    case EXCL_TIMESTAMP:
    case EXCL_DUPLICATE:
    case EXCL_NEAR_DUPLICATE:
    case EXCL_CAPTION:
    /* Numbers alone ("1-0", "$234.98") are the article's data as often
     * as the page's. */
    case EXCL_NOISE:
        return 0;
    default:
        return -(long)(doc_sentence_words(s) + LINE_COST);
    }
    if (page_is_prose(d, s))
        return (long)doc_sentence_words(s);
    /* A short sentence or a row of a list ("Jordan Munoz 8 saves.")
     * is a little evidence of the article, a stop at its end. */
    return s->seg.terminated ? 1 : 0;
}

void page_find_article(const doc *d, page_region *out)
{
    out->first = 0;
    out->last = d->nsents ? d->nsents - 1 : 0;
    if (!d->lang || d->lang->stop.count == 0 || d->nsents == 0)
        return;
    long best = 0, run = 0;
    size_t start = 0, best_first = 0, best_last = 0;
    for (size_t i = 0; i < d->nsents; i++) {
        long v = sentence_value(d, &d->sents[i]);
        if (run <= 0) {
            run = v;
            start = i;
        } else {
            run += v;
        }
        if (run > best) {
            best = run;
            best_first = start;
            best_last = i;
        }
    }
    if (best == 0)
        return; /* no prose at all: nothing to tell the article by */
    /* Short sentences at the run's edges belong to it. */
    while (best_first > 0 && sentence_value(d, &d->sents[best_first - 1]) == 0)
        best_first--;
    while (best_last + 1 < d->nsents &&
           sentence_value(d, &d->sents[best_last + 1]) == 0)
        best_last++;
    out->first = best_first;
    out->last = best_last;
}

void page_mark_outside(doc *d, const page_region *r)
{
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        if (s->excluded)
            continue;
        if (i < r->first)
            s->excluded = EXCL_NAVIGATION;
        else if (i > r->last)
            s->excluded = EXCL_FOOTER;
    }
}
