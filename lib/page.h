/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * page.h -- where the article lies on a scraped page.
 *
 * A flattened page reads: menus and banners, the article, then related
 * stories, comments and the footer.  The article is the run of
 * sentences with the most prose in it: every sentence of prose (a stop
 * at its end, five words or more, function words among them) counts
 * its words for the run, every excluded line or label counts against
 * it, and the best run is found in one pass (the maximum-sum segment,
 * as Finn, Kushmerick and Smyth's Body Text Extraction does with
 * tokens and tags, 2001).  Short sentences and list rows with a stop
 * count a little for it, and what stands between an article's
 * paragraphs (captions, repeats, the byline, numbers alone) nothing, so
 * a one-line quotation, a box score or "He resigned." at the article's
 * end stays in.
 */
#ifndef PRECIS_PAGE_H
#define PRECIS_PAGE_H

#include "doc.h"

typedef struct page_region {
    size_t first, last; /* the article: sentences [first, last] */
} page_region;

/* Is the sentence prose: a stop at its end (or a colon), five words or
 * more and, in a language with stop words, some of them? */
int page_is_prose(const doc *d, const doc_sentence *s);
/* The article's run of sentences; the whole text when it has no prose
 * or no stop words to tell prose by. */
void page_find_article(const doc *d, page_region *out);
/* Exclude what lies before the article as the page's head
 * (navigation) and after it as its tail (footer). */
void page_mark_outside(doc *d, const page_region *r);

#endif
