/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boilerplate.c -- keeping page noise out of summaries and quotes.
 *
 * A scraped page carries menus, share widgets, consent banners, photo
 * captions, teasers for other stories, comments and footers around the
 * article.  Each sentence is judged three ways, in this order:
 *
 *   1. alone: the lexical cues of data/boilerplate.txt ("Credit:", "We
 *      use cookies"), found by the automaton of cues.c, then its shape
 *      (shape.c): a line without a final stop is a label or a headline,
 *      not a sentence; a breadcrumb, a timestamp, a credit or a teaser
 *      has a shape of its own;
 *   2. beside its neighbours: repeats, runs of headline lines (related
 *      stories), the comment section that follows its marker;
 *   3. by its place on the page: page.c finds the article's main run of
 *      prose, and what lies before it or after it is the page's head or
 *      tail.
 *
 * Every exclusion carries its reason (exclusion.h); the result reports
 * them so an editor can see why a line was left out.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "pipeline.h"
#include "page.h"
#include "shape.h"
#include "tokenize.h"
#include "utf8.h"

/* Near-duplicate lines share 80% of the smaller one's content terms;
 * compared within the previous 32 lines, where repeats in scraped pages
 * (caption and alt text, teaser and body) sit. */
#define NEAR_DUP_SHARE 0.8
#define NEAR_DUP_WINDOW 32
#define NEAR_DUP_MIN_TERMS 4
/* A byline is a short line: "Posted by Michael David Smith on November
 * 19, 2019, 6:21 AM EST" has 13 words. */
#define BYLINE_WORDS 14
/* "Leave a Reply", "12 Comments", "Jane Q. Public says:". */
#define COMMENT_MARKER_WORDS 6
/* The caption a credit follows: a line of one or two sentences and at
 * most 60 words (the longest AP-style captions of pages.dev). */
#define CAPTION_SENTENCES 2
#define CAPTION_WORDS 60
/* Headline lines of four words or more next to each other are a block
 * of links to other stories (pages.dev: "More from UK" blocks). */
#define HEADLINE_RUN_WORDS 4
/* Labels of at most three words, three or more in a row: a menu
 * ("Home / World / Business", "Facebook / Twitter / Email"). */
#define MENU_ITEM_WORDS 3
#define MENU_ITEMS 3

static int same_text(const bp_pattern *p, const char *t)
{
    if (!p->nocase)
        return memcmp(t, p->text, p->len) == 0;
    for (size_t k = 0; k < p->len; k++)
        if (uc_ascii_lower((unsigned char)t[k]) != (unsigned char)p->text[k])
            return 0;
    return 1;
}

static int pattern_at(const bp_pattern *p, const char *t, size_t len,
                      size_t at, size_t core)
{
    if (p->len > len - at)
        return 0;
    switch (p->match) {
    case BP_WHOLE:
        return at == 0 && core == p->len && same_text(p, t);
    case BP_PREFIX:
        return at == 0 && len >= p->len && same_text(p, t);
    case BP_SUFFIX:
        return at + p->len == len && same_text(p, t + at);
    default:
        return len - at >= p->len && same_text(p, t + at);
    }
}

/* Some cues hold only on a line of a certain shape: a byline cue ("By",
 * "Posted by") opens bylines and prose alike, and only a short line of
 * names and dates is one; a comment marker is a short line of its own
 * ("Jane says:", not "The mayor, who pushed for the plan, says:"). */
static int cue_holds(const doc *d, const doc_sentence *s, exclusion reason)
{
    if (reason == EXCL_BYLINE)
        return s->seg.whole_line && doc_sentence_words(s) <= BYLINE_WORDS &&
               shape_all_capitalised(d, s);
    if (reason == EXCL_COMMENTS)
        return s->seg.whole_line && doc_sentence_words(s) <= COMMENT_MARKER_WORDS;
    return 1;
}

/* The earliest cue that holds in a sentence (the first listed of
 * those starting there). */
typedef struct cue_search {
    const doc *d;
    const doc_sentence *s;
    const char *t, *code;
    size_t len, core;
    size_t best_start;
    uint32_t best;
} cue_search;

static void cue_found(void *ctx, uint32_t cue, size_t start)
{
    cue_search *c = ctx;
    const bp_pattern *p = &c->d->engine->patterns[cue];
    if (start > c->best_start || (start == c->best_start && cue > c->best))
        return;
    if ((p->lang[0] && strcmp(p->lang, c->code) != 0) ||
        !pattern_at(p, c->t, c->len, start, c->core) ||
        !cue_holds(c->d, c->s, p->reason))
        return;
    c->best_start = start;
    c->best = cue;
}

/* The search of sentence s, and the text the automaton reads for it.
 * Every sentence is tried, however long: a flattened page runs captions
 * together into one (segment.h caps it at 4 KiB), and the automaton
 * reads each byte once whatever the number of cues.  A dateline is
 * excluded as one and not searched. */
static cue_text search_start(const doc *d, const doc_sentence *s,
                             cue_search *c)
{
    *c = (cue_search){d,
                      s,
                      d->text + s->seg.start,
                      d->lang ? d->lang->code : "",
                      s->seg.dateline ? 0 : s->seg.end - s->seg.start,
                      0,
                      SIZE_MAX,
                      UINT32_MAX};
    c->core = c->len; /* without trailing punctuation, for BP_WHOLE */
    while (c->core > 0 && memchr(".!:;", c->t[c->core - 1], 4))
        c->core--;
    return (cue_text){c->t, c->len, cue_found, c};
}

/* The reason of the earliest cue the search found, with where it starts
 * and its length; EXCL_NONE if none. */
static exclusion search_reason(const cue_search *c, size_t *at,
                               size_t *cue_len)
{
    if (c->best == UINT32_MAX)
        return EXCL_NONE;
    const bp_pattern *p = &c->d->engine->patterns[c->best];
    *at = c->best_start;
    *cue_len = p->len;
    return p->reason;
}

/* The sentences of the paragraph starting at i: [i, *end). */
static size_t line_end(const doc *d, size_t i)
{
    size_t end = i + 1;
    while (end < d->nsents &&
           d->sents[end].seg.paragraph == d->sents[i].seg.paragraph &&
           !d->sents[end].seg.opens_line)
        end++;
    return end;
}

/* Every sentence of a line that opens with a glued teaser is the
 * teaser's; so is every sentence of a line opened by a promo or a
 * related-stories cue ("Clique e saiba os horários… Conheça a
 * pista…"). */
static void mark_glued_teasers(doc *d)
{
    for (size_t i = 0; i < d->nsents;) {
        size_t end = line_end(d, i);
        exclusion opener = d->sents[i].excluded;
        int glued = d->sents[i].seg.opens_line &&
                    shape_glued_teaser(d, d->sents[i].tok_begin,
                                       d->sents[end - 1].tok_end);
        if (glued || (d->sents[i].seg.opens_line &&
                      (opener == EXCL_PROMO || opener == EXCL_RELATED))) {
            exclusion r = glued ? EXCL_RELATED : opener;
            for (size_t k = i; k < end; k++)
                if (!d->sents[k].excluded ||
                    d->sents[k].excluded == EXCL_FRAGMENT)
                    d->sents[k].excluded = r;
        }
        i = end;
    }
}

/* Does the caption cue at byte at of s stand alone?  "Image caption"
 * or "Image:" on its own line labels the caption below it; a short line
 * of the cue and a name ("Photo by Jason Kempin/Getty Images", "Credit:
 * AP") credits the caption above.  "WeWork chairman Marcelo Claure
 * (Credit: Getty Images)" is a caption of its own. */
static void caption_role(const doc *d, doc_sentence *s, size_t at,
                         size_t cue_len)
{
    size_t core = s->seg.end - s->seg.start;
    while (core > cue_len &&
           memchr(" .:", d->text[s->seg.start + core - 1], 3))
        core--;
    if (at == 0 && core <= cue_len && s->seg.whole_line) {
        s->caption_label = 1;
        return;
    }
    if (doc_sentence_words(s) > SHAPE_CREDIT_WORDS)
        return;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
        const doc_token *t = &d->toks[k];
        if (t->start >= s->seg.start + at)
            break;
        if (!t->stop && !(t->flags & (TOK_CAPITAL | TOK_NUMBER)))
            return;
    }
    s->credit = 1;
}

/* Why s, whose cues were searched by c, is page noise on its own. */
static exclusion alone_reason(const doc *d, doc_sentence *s,
                              const cue_search *c)
{
    if (s->seg.dateline)
        return EXCL_DATELINE;
    size_t at = 0, cue_len = 0;
    exclusion reason = search_reason(c, &at, &cue_len);
    if (reason == EXCL_CAPTION)
        caption_role(d, s, at, cue_len);
    if (reason != EXCL_NONE)
        return reason;
    if (shape_is_bracket_credit(d, s)) {
        s->credit = 1;
        return EXCL_CAPTION;
    }
    uint32_t letters = 0;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
        letters += !(d->toks[k].flags & TOK_NUMBER);
    /* "-- : --", "2019"; a lone word inside a block ("Amen."), but a
     * line of one word is a label ("Home"). */
    if (letters == 0 || (letters < 2 && !s->seg.whole_line))
        return EXCL_NOISE;
    if (shape_is_gallery_counter(d, s))
        return EXCL_CAPTION;
    if (shape_is_timestamp(d, s))
        return EXCL_TIMESTAMP;
    if (s->seg.whole_line && shape_is_breadcrumb(d, s))
        return EXCL_NAVIGATION;
    if (shape_is_truncated(d, s))
        return EXCL_RELATED;
    if (shape_is_label(d, s))
        return EXCL_FRAGMENT;
    /* Text the next sentence ran into without a stop: a caption on a
     * flattened page ("…stroke it with his finger"), never a whole
     * sentence of the article. */
    if (s->seg.run_in && !s->seg.terminated)
        return EXCL_FRAGMENT;
    /* A line of its own without a final stop is a headline or a label,
     * never a sentence of the article, however long. */
    if (s->seg.whole_line && !shape_ends_like_sentence(d, s))
        return EXCL_FRAGMENT;
    return EXCL_NONE;
}

static int same_words(const doc *d, const doc_sentence *a,
                      const doc_sentence *b)
{
    uint32_t n = a->tok_end - a->tok_begin;
    if (n != b->tok_end - b->tok_begin)
        return 0;
    for (uint32_t k = 0; k < n; k++)
        if (d->toks[a->tok_begin + k].term != d->toks[b->tok_begin + k].term)
            return 0;
    return 1;
}

/* A sentence's fingerprint: 64-bit FNV-1a over its term ids, which are
 * equal for equal folded token runs. */
static uint64_t fingerprint(const doc *d, const doc_sentence *s)
{
    uint64_t h = 14695981039346656037ull;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
        h = (h ^ d->toks[k].term) * 1099511628211ull;
    return h;
}

/* Exact repeats: same token sequence as an earlier sentence.  An open
 * addressing table of sentence numbers, probed by fingerprint and
 * confirmed word by word, costs 16 to 24 bytes a sentence; a strmap with
 * the term ids as keys took twice the document's size. */
static int mark_duplicates(doc *d)
{
    size_t cap = 16;
    while (cap < 2 * d->nsents)
        cap *= 2;
    /* Fingerprints, then the slots, in one block. */
    size_t n = d->nsents ? d->nsents : 1;
    uint64_t *fp = mem_malloc(n * sizeof *fp + cap * sizeof(uint32_t));
    if (!fp)
        return PRECIS_ENOMEM;
    uint32_t *slot = (uint32_t *)(fp + n);
    memset(slot, 0xff, cap * sizeof *slot); /* UINT32_MAX: empty */
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        if (doc_sentence_words(s) == 0)
            continue;
        uint64_t h = fp[i] = fingerprint(d, s);
        size_t j = (size_t)h & (cap - 1);
        while (slot[j] != UINT32_MAX &&
               (fp[slot[j]] != h || !same_words(d, &d->sents[slot[j]], s)))
            j = (j + 1) & (cap - 1);
        if (slot[j] == UINT32_MAX)
            slot[j] = (uint32_t)i; /* the first of its words */
        /* A copy of an excluded line (the caption that repeats the
         * lede) is the one kept. */
        else if (d->sents[slot[j]].excluded)
            slot[j] = (uint32_t)i;
        else if (!s->excluded)
            s->excluded = EXCL_DUPLICATE;
    }
    mem_free(fp);
    return PRECIS_OK;
}

static int near_duplicate_terms(const vec_entry *a, uint32_t na,
                                const vec_entry *b, uint32_t nb)
{
    uint32_t small = na < nb ? na : nb;
    if (small < NEAR_DUP_MIN_TERMS)
        return 0;
    return vec_overlap(a, na, b, nb) >= NEAR_DUP_SHARE * small;
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
            /* The lede is no copy of the headline or a label above it;
             * a caption is, of its alt text. */
            if (!o->seg.whole_line ||
                (o->excluded && o->excluded != EXCL_CAPTION) ||
                !near_duplicate(o, s))
                continue;
            /* The alt text of a captioned picture stands right above
             * its caption, or differs from it by the credit; the same
             * words further on are the article repeating the caption. */
            if ((s->excluded == EXCL_CAPTION || o->excluded == EXCL_CAPTION) &&
                (j + 1 == i || !same_words(d, s, o)))
                s->excluded = o->excluded = EXCL_CAPTION;
            else if (!s->excluded && !same_words(d, s, o))
                s->excluded = EXCL_NEAR_DUPLICATE; /* exact: a duplicate */
        }
    }
}

/* A headline line: on its own, no final stop, four words or more. */
static int headline_line(const doc *d, const doc_sentence *s)
{
    return s->seg.whole_line && doc_sentence_words(s) >= HEADLINE_RUN_WORDS &&
           (s->excluded == EXCL_FRAGMENT || s->excluded == EXCL_RELATED) &&
           !shape_ends_like_sentence(d, s);
}

/* Sentences [first, end) are a caption when they are one or two, at
 * most 60 words, and nothing else has claimed them. */
static void mark_caption(doc *d, size_t first, size_t end)
{
    uint32_t words = 0;
    if (end <= first || end - first > CAPTION_SENTENCES)
        return;
    for (size_t k = first; k < end; k++) {
        if (d->sents[k].excluded && d->sents[k].excluded != EXCL_CAPTION)
            return;
        words += doc_sentence_words(&d->sents[k]);
    }
    if (words <= CAPTION_WORDS)
        for (size_t k = first; k < end; k++)
            d->sents[k].excluded = EXCL_CAPTION;
}

/* Where sentence i's paragraph starts, looking back at most
 * CAPTION_SENTENCES + 1 sentences (a caption is no longer): past that,
 * i - CAPTION_SENTENCES - 1, which mark_caption() refuses. */
static size_t paragraph_start(const doc *d, size_t i)
{
    size_t first = i, p = d->sents[i].seg.paragraph;
    while (first > 0 && i - first <= CAPTION_SENTENCES &&
           d->sents[first - 1].seg.paragraph == p)
        first--;
    return first;
}

/* Where the paragraph starting at i ends, looking as far. */
static size_t paragraph_end(const doc *d, size_t i)
{
    size_t end = i + 1, p = d->sents[i].seg.paragraph;
    while (end < d->nsents && end - i <= CAPTION_SENTENCES &&
           d->sents[end].seg.paragraph == p)
        end++;
    return end;
}

/* A picture's credit closes its caption: the sentences before it on its
 * line ("… on Aug. 31, 2019. (AP)") or, for a credit on a line of its
 * own, the line before ("… 3.7 GW of annual production capacity." /
 * "Image: Hanwha Q cells"), unless a caption follows the credit (BBC
 * pages credit first: "Image copyright Reuters" / "Image caption …").
 * A label alone ("Image caption") opens the caption on the next line.
 * Each look is bounded by a caption's length, so this stays linear. */
static void mark_caption_texts(doc *d)
{
    for (size_t i = 0; i < d->nsents; i++) {
        const doc_sentence *s = &d->sents[i];
        int last = i + 1 == d->nsents ||
                   d->sents[i + 1].seg.paragraph != s->seg.paragraph;
        if (s->caption_label && last && i + 1 < d->nsents) {
            mark_caption(d, i + 1, paragraph_end(d, i + 1));
        } else if (s->credit && last &&
                   !(i + 1 < d->nsents &&
                     d->sents[i + 1].excluded == EXCL_CAPTION &&
                     !d->sents[i + 1].credit)) {
            size_t first = paragraph_start(d, i);
            if (first < i)
                mark_caption(d, first, i);
            else if (i > 0)
                mark_caption(d, paragraph_start(d, i - 1), i);
        }
    }
}

/* Headline lines next to each other, or one next to a truncated teaser,
 * are links to other stories: "related", whatever their length. */
static void mark_related_runs(doc *d)
{
    mark_glued_teasers(d);
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        int teaser = s->excluded == EXCL_RELATED;
        if (!headline_line(d, s) && !teaser)
            continue;
        int next =
            i + 1 < d->nsents && (headline_line(d, &d->sents[i + 1]) ||
                                  d->sents[i + 1].excluded == EXCL_RELATED);
        if (next || teaser) {
            if (s->excluded == EXCL_FRAGMENT)
                s->excluded = EXCL_RELATED;
            if (next && d->sents[i + 1].excluded == EXCL_FRAGMENT)
                d->sents[i + 1].excluded = EXCL_RELATED;
        }
    }
}

/* Readers' comments follow their marker ("Leave a Reply", "12
 * Comments", "Jane says:") to the end of the page, once the article
 * has begun with a sentence of prose (a "Comments" link in the menu
 * opens nothing), and when a second marker follows the first (a lone
 * "The minister says:" before a quotation opens nothing either). */
static void mark_comments(doc *d)
{
    size_t i = 0, first = d->nsents;
    while (i < d->nsents &&
           (d->sents[i].excluded || !page_is_prose(d, &d->sents[i])))
        i++;
    for (; i < d->nsents; i++) {
        if (d->sents[i].excluded != EXCL_COMMENTS)
            continue;
        if (first < d->nsents)
            break;
        first = i;
    }
    if (i >= d->nsents)
        return;
    for (i = first; i < d->nsents; i++)
        d->sents[i].excluded = EXCL_COMMENTS;
}

/* The page's headline: before the article's first sentence of prose,
 * the line that repeats the title given or, without one, the first line
 * of four words or more with no final stop ("Council approves the
 * budget"), else a first line with no final stop. */
static void mark_headline(doc *d, int have_title)
{
    size_t prose = 0;
    while (prose < d->nsents &&
           (d->sents[prose].excluded || !page_is_prose(d, &d->sents[prose])))
        prose++;
    size_t first_line = d->nsents;
    for (size_t i = 0; i < prose && i + 1 < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        if (!s->seg.whole_line ||
            (s->excluded && s->excluded != EXCL_FRAGMENT))
            continue;
        if (first_line == d->nsents)
            first_line = i;
        int headline =
            have_title
                ? d->ntitle > 0 && near_duplicate_terms(s->vec, s->nvec,
                                                        d->title, d->ntitle)
                : doc_sentence_words(s) >= HEADLINE_RUN_WORDS &&
                      !shape_ends_like_sentence(d, s);
        if (headline) {
            s->excluded = EXCL_HEADLINE;
            return;
        }
    }
    if (!have_title && first_line == 0 &&
        !shape_ends_like_sentence(d, &d->sents[0]))
        d->sents[0].excluded = EXCL_HEADLINE;
}

/* Three labels of three words or fewer in a row are a menu. */
static void mark_menus(doc *d)
{
    size_t run = 0;
    for (size_t i = 0; i <= d->nsents; i++) {
        const doc_sentence *s = i < d->nsents ? &d->sents[i] : NULL;
        if (s && s->seg.whole_line && s->excluded == EXCL_FRAGMENT &&
            doc_sentence_words(s) <= MENU_ITEM_WORDS) {
            run++;
            continue;
        }
        if (run >= MENU_ITEMS)
            for (size_t k = i - run; k < i; k++)
                d->sents[k].excluded = EXCL_NAVIGATION;
        run = 0;
    }
}

int boilerplate_mark(doc *d, int have_title)
{
    /* Sentences two by two through the cue automaton (cues.h). */
    const precis_engine_t *e = d->engine;
    for (size_t i = 0; i < d->nsents; i += 2) {
        doc_sentence *a = &d->sents[i];
        doc_sentence *b = i + 1 < d->nsents ? a + 1 : NULL;
        cue_search ca, cb;
        cue_text ta = search_start(d, a, &ca);
        if (b) {
            cue_text tb = search_start(d, b, &cb);
            cues_scan_two(&e->cues, &ta, &tb, e->pattern_lens);
        } else {
            cues_scan(&e->cues, &ta, e->pattern_lens);
        }
        a->excluded = alone_reason(d, a, &ca);
        if (b)
            b->excluded = alone_reason(d, b, &cb);
    }
    mark_caption_texts(d);
    mark_menus(d);
    mark_headline(d, have_title);
    mark_related_runs(d);
    mark_comments(d);
    page_region region;
    page_find_article(d, &region);
    page_mark_outside(d, &region);
    /* Repeats last, so the copy kept is one still in: a standfirst
     * above the article repeats its lede. */
    mark_near_duplicates(d);
    int rc = mark_duplicates(d);
    if (rc != PRECIS_OK)
        return rc;
    d->selectable = 0;
    for (size_t i = 0; i < d->nsents; i++)
        d->selectable += d->sents[i].excluded == EXCL_NONE;
    /* Text made only of short lines (a list, a slide): better a summary
     * of fragments than none; and when nothing at all is left, of what
     * only the page's shape kept out. */
    static const exclusion fallbacks[][5] = {
        {EXCL_FRAGMENT},
        {EXCL_NAVIGATION, EXCL_FOOTER, EXCL_RELATED, EXCL_COMMENTS,
         EXCL_CAPTION},
    };
    for (size_t f = 0; d->selectable == 0 && f < 2; f++)
        for (size_t i = 0; i < d->nsents; i++)
            for (size_t k = 0; k < 5 && fallbacks[f][k]; k++)
                if (d->sents[i].excluded == fallbacks[f][k]) {
                    d->sents[i].excluded = EXCL_NONE;
                    d->selectable++;
                }
    return PRECIS_OK;
}
