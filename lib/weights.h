/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * weights.h -- every tunable constant of sentence scoring and selection,
 * in one place.  Each can be overridden at build time (-DNAME=value) by
 * tools/tune.sh, which is how they were fitted: on the dev sets of
 * ../shared/EVAL.md, one change at a time, each logged with its effect
 * on every set in docs/quality.md.  A change had to help the
 * human-written sets (DUC2002, CNN/DM) or leave them within their noise,
 * and never cost French or Portuguese against Lead.
 */
#ifndef PRECIS_WEIGHTS_H
#define PRECIS_WEIGHTS_H

#include <math.h>

/*
 * score = form x length_prior x sum of weight x feature, each feature in
 * [0, 1] (score.c):
 *
 *   feature     lede  body  the sentence's ...
 *   salience    0.25  0     tf x background idf of its terms, averaged
 *   centrality  0.25  0     cosine to the document's tf-idf centroid
 *   graph       0.30  1.00  summed cosine to every other sentence, with
 *                           in-document idf (TextRank's degree)
 *   position    1.25  0.20  1 / (1 + rank / POSITION_HALF)
 *   title       0.10  0     share of the title's terms it holds
 *   paragraph   0.05  0     opening a paragraph
 *
 * and form is scaled down for a sentence inside quotation marks: by
 * W_QUOTED (lede) or B_QUOTED (body) for one all quotation, in
 * proportion for part.  A short summary reports; its quotes have their
 * own field.
 *
 * A summary covering up to COVERAGE_LEDE of the document (sentences, or
 * words for word and ratio budgets) uses the lede profile: a short
 * summary is the top of the inverted pyramid, so position leads.  From
 * COVERAGE_BODY on it uses the body profile: a summary of 40 % of a story
 * must carry what the body keeps coming back to, which the similarity
 * graph measures; in between the weights move linearly.  The graph
 * feature gained on every set in the lede profile too.
 */
#ifndef W_SALIENCE
#define W_SALIENCE 0.25
#endif
#ifndef W_CENTRALITY
#define W_CENTRALITY 0.25
#endif
#ifndef W_GRAPH
#define W_GRAPH 0.30
#endif
#ifndef W_POSITION
#define W_POSITION 1.25
#endif
#ifndef W_TITLE
#define W_TITLE 0.10
#endif
#ifndef W_PARAGRAPH
#define W_PARAGRAPH 0.05
#endif

#ifndef B_SALIENCE
#define B_SALIENCE 0.0
#endif
#ifndef B_CENTRALITY
#define B_CENTRALITY 0.0
#endif
#ifndef B_GRAPH
#define B_GRAPH 1.00
#endif
#ifndef B_POSITION
#define B_POSITION 0.20
#endif
#ifndef B_TITLE
#define B_TITLE 0.0
#endif
#ifndef B_PARAGRAPH
#define B_PARAGRAPH 0.0
#endif

/* A summary of this many sentences or fewer is a lede however short
 * the text: the lede profile whatever its coverage. */
#ifndef LEDE_SENTENCES
#define LEDE_SENTENCES 3
#endif
#ifndef W_QUOTED
#define W_QUOTED 0.6
#endif
#ifndef B_QUOTED
#define B_QUOTED 1.0
#endif
#ifndef COVERAGE_LEDE
#define COVERAGE_LEDE 0.30
#endif
#ifndef COVERAGE_BODY
#define COVERAGE_BODY 0.40
#endif

/* The sentence at rank POSITION_HALF gets half the lead's credit.  1.5
 * and 3 tie on DUC2002 and CNN/DM, 6 loses (docs/quality.md). */
#ifndef POSITION_HALF
#define POSITION_HALF 1.5
#endif

/* Salience divides summed term weights by at least this many terms, so
 * a six-word sentence with one rare name does not outrank a full one. */
#ifndef SALIENCE_MIN_TERMS
#define SALIENCE_MIN_TERMS 12
#endif

/* Length prior: full credit from LENGTH_SHORT words up to LENGTH_LONG,
 * linear below, LENGTH_LONG / words above. */
#ifndef LENGTH_SHORT
#define LENGTH_SHORT 10
#endif
#ifndef LENGTH_LONG
#define LENGTH_LONG 45
#endif

/* A line without final punctuation that is still selectable (a dek, a
 * long label) reads badly in a summary of sentences: its score is scaled
 * by this.  Judged on scraped pages like the sample article, where the
 * dek restates the lede; no dev set has such lines. */
#ifndef UNTERMINATED_FACTOR
#define UNTERMINATED_FACTOR 0.5
#endif

/* Topicality: the score is scaled by TOPIC_FLOOR + (1 - TOPIC_FLOOR) *
 * centrality / best centrality, so an aside sharing no words with the
 * rest (a sidebar, a stray paragraph) cannot ride on position alone.
 * An editor's rule more than a dev-set gain: 0.7 costs under 0.001
 * ROUGE-1 against none (1.0) on DUC2002 and CNN/DM. */
#ifndef TOPIC_FLOOR
#define TOPIC_FLOOR 0.7
#endif

/* Smoothed IDF: ln((N + 1) / (df + 1)) + 1, N documents in the model
 * or selectable sentences in the document when there is no model; df
 * is taken as at most N. */
static inline float smoothed_idf(double n, double df)
{
    if (df > n)
        df = n;
    return (float)(log((n + 1) / (df + 1)) + 1);
}

/* MMR's weight against similarity to the sentences already chosen, the
 * default of precis_options_t.redundancy. */
#ifndef DEFAULT_REDUNDANCY
#define DEFAULT_REDUNDANCY 0.3
#endif

/* MMR: a candidate whose cosine to a chosen sentence exceeds this is a
 * restatement and is skipped outright. */
#ifndef MMR_MAX_SIMILARITY
#define MMR_MAX_SIMILARITY 0.6
#endif
/* A sentence that leans on the one before it, or whose quotation runs
 * on into the next (dependence.c), comes into a summary with those, at
 * most this many (a longer chain is not taken); 0: never with them,
 * such a sentence is taken only when they already are. */
#ifndef LEAN_CHAIN_MAX
#define LEAN_CHAIN_MAX 2
#endif
/* Candidates considered by MMR, best scores first: caps selection at
 * O(MMR_POOL x summary length) whatever the document length. */
#ifndef MMR_POOL
#define MMR_POOL 256
#endif

#endif
