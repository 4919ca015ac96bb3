/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * shape.h -- what one line or sentence of a page looks like, judged
 * alone: a label, a breadcrumb, a timestamp, a picture's credit, a
 * teaser cut short or glued to its headline.  boilerplate.c turns these
 * into exclusions; page.c reads whether a sentence ends like one.
 */
#ifndef PRECIS_SHAPE_H
#define PRECIS_SHAPE_H

#include "doc.h"

/* A picture's credit is short: "(Joshua Roberts/Reuters)", "Photo by
 * Jason Kempin/Getty Images". */
#define SHAPE_CREDIT_WORDS 8

/* Every word but stop words capitalised or a number (words with a digit
 * or a dot go with the numbers): a name, a label, a title-case line. */
int shape_all_capitalised(const doc *d, const doc_sentence *s);
/* Ends in . ! ? … or a colon, closing marks aside. */
int shape_ends_like_sentence(const doc *d, const doc_sentence *s);
/* A short line of its own that is a label: no final stop, or only
 * capitalised words ("Related Articles", "By Jane Doe."). */
int shape_is_label(const doc *d, const doc_sentence *s);
/* "Home » News » World": separators between short labels. */
int shape_is_breadcrumb(const doc *d, const doc_sentence *s);
/* A short line of a year and other numbers. */
int shape_is_timestamp(const doc *d, const doc_sentence *s);
/* "1of4Commuters wait…": a gallery counter glued to its caption. */
int shape_is_gallery_counter(const doc *d, const doc_sentence *s);
/* A teaser cut short: "…Realtek Bluetooth...", "… become […]". */
int shape_is_truncated(const doc *d, const doc_sentence *s);
/* "(AP)", "(Joshua Roberts/Reuters)": a picture's credit alone. */
int shape_is_bracket_credit(const doc *d, const doc_sentence *s);
/* Do tokens [begin, end) open with a title-case headline glued to the
 * line after it ("…Deals In DetroitIn the market…")? */
int shape_glued_teaser(const doc *d, uint32_t begin, uint32_t end);

#endif
