/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pipeline.h -- the engine's stages, in the order summarize.c runs them,
 * and what each reads and writes.  The document (doc.h) is the only
 * state they share; what a stage hands on beyond it is an output of its
 * own, passed by summarize.c to the stages that read it.  A stage reads
 * nothing a later stage writes.  Each returns PRECIS_OK or a negative
 * precis_status (PRECIS_ENOMEM), and leaves what it allocated to its
 * caller only on success.
 *
 *  stage               reads                        writes
 *  1 doc_build         text, title, engine data     lang (when detected),
 *                      (lexicon.c per word)         sents.seg, paragraphs;
 *                                                   toks (term, flags, stop,
 *                                                   cue); terms (stop,
 *                                                   number, model_idf);
 *                                                   sentence vectors
 *                                                   (counts), title
 *  2 boilerplate_mark  sents, toks, text,           sents.excluded, credit,
 *                      engine patterns, title       caption_label; selectable
 *    (summarize.c)     sents.excluded               title: the headline's
 *                                                   vector when none given
 *  3 quote_marks_find  text, paragraphs, toks       qspan[] (output)
 *    quote_marks_share qspan[]                      sents.quoted
 *    dependence_mark   qspan[], sents.seg, text,    sents.leans, runs_on
 *                      lang dependent
 *  4 term_stats        selectable sents, vectors,   terms.tf, sf, first,
 *                      terms.model_idf              first_inner, idf, lidf
 *  5 score_sentences   terms, vectors, title,       sents.norm, local_norm,
 *                      sents.seg, quoted, words     score
 *  6 select_sentences  sents.score, leans, runs_on, chosen[] (output)
 *                      vectors
 *    doc_drop_vectors                               vectors and title freed
 *  7 keywords_extract  terms, toks, sents           kw_candidate[] (output)
 *  8 quotes_extract    qspan[], toks, sents, terms  quote[] (output)
 *  9 result_build      doc, outputs of 3 and 6-8    precis_result_t
 *
 * precis_segment() runs 1 and 2, then result_build_segments().
 */
#ifndef PRECIS_PIPELINE_H
#define PRECIS_PIPELINE_H

#include "doc.h"
#include "keywords.h"
#include "quote_marks.h"
#include "quotes.h"

/* 1. Tokenize and segment text, and the title when not NULL, in
 * language l (NULL: no stop words, no stemming) or, with detect, the
 * language its opening's words name (lang.h). */
int doc_build(doc *d, const precis_engine_t *e, const lang *l, int detect,
              const char *text, size_t len, const char *title,
              size_t title_len);
/* 2. Page furniture, datelines, captions, headlines (boilerplate.c). */
int boilerplate_mark(doc *d, int have_title);
/* 3. Every quotation of the document by its marks, in text order
 * (quote_marks.c; *out malloc'd, NULL when there is none); then each
 * sentence's share of bytes inside the statements among them. */
int quote_marks_find(const doc *d, qspan **out, size_t *count);
void quote_marks_share(doc *d, const qspan *qs, size_t count);
/* ... and which sentences need the one before or after them
 * (dependence.c). */
void dependence_mark(doc *d, const qspan *qs, size_t count);
/* 4. Term frequencies and weights (terms.c). */
int term_stats(doc *d);
/* 5. Salience of every selectable sentence (score.c), weighed for a
 * summary covering coverage of the document (select.h). */
int score_sentences(doc *d, double coverage);
/* 6. The summary's sentences under the budget with MMR weight lambda
 * (select.c): *out receives malloc'd sentence indices in text order. */
int select_sentences(const doc *d, int budget, double value, double lambda,
                     size_t **out, size_t *count);
/* 7. Up to max key terms and phrases, best first, into *out (malloc'd;
 * keywords.c). */
int keywords_extract(const doc *d, size_t max, kw_candidate **out,
                     size_t *count);
/* 8. Up to max of the quotations marks[0..nmarks) in the selectable
 * text with their speakers (quotes.c): statements by score, then (with
 * fragments) scare quotes and titles; near-duplicates dropped; in text
 * order; *out malloc'd. */
int quotes_extract(const doc *d, const qspan *marks, size_t nmarks,
                   size_t max, int fragments, quote **out, size_t *count);

/* What stages 6 to 8 hand to result_build. */
typedef struct stage_outputs {
    const size_t *chosen; /* sentence indices, text order */
    size_t nchosen;
    const kw_candidate *keywords;
    size_t nkeywords;
    const quote *quotes;
    size_t nquotes;
} stage_outputs;

/* 9. The caller's result (result.c). */
int result_build(const doc *d, const stage_outputs *o,
                 precis_result_t **out);
/* A result of every sentence with its exclusion (precis_segment()). */
int result_build_segments(const doc *d, precis_result_t **out);

#endif
