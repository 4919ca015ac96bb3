/*
 * quotes.c -- direct quotations with their speakers.
 *
 * A quotation is the text between matching marks (“…”, "…", «…», „…“)
 * inside one paragraph, at least QUOTE_MIN_WORDS long so scare quotes
 * ("aggression") are not taken for speech.  Its speaker is found from the
 * nearest attribution cue of the language (speech/XX.txt) outside the
 * marks in the sentences it spans:
 *
 *   "…," Netanyahu added.        subject before the verb
 *   "…," said Netanyahu.          after it, when nothing stands before
 *   According to the White House, "…"
 *   He also stated he was "…"     a pronoun: the last named speaker,
 *                                 or subject opening a sentence
 *
 * A name is a run of capitalised words ("Hazem Qassem", "White House").
 * Quotes rank by the score of their sentence, attributed ones first.
 */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "quotes.h"
#include "tokenize.h"
#include "utf8.h"

/* Fewer words between the marks is a scare quote or a title, not
 * speech: "forceful deterrence", "settlers" in the sample article. */
#define QUOTE_MIN_WORDS 4
/* Lower-case words allowed between a name and its verb: "he was quoted
 * as saying", "Gantz reportedly told". */
#define MAX_SKIP 4
#define MAX_NAME_WORDS 6
/* Tokens of the sentences around one quote that attribution looks at. */
#define MAX_TOKENS 512
/* An unattributed quote ranks as if its sentence scored this much less. */
#define UNATTRIBUTED_FACTOR 0.7

typedef struct qtok {
    size_t start, end;
    unsigned flags;
    int cue;    /* CUE_* or 0 */
    int stop;   /* a stop word */
    int inside; /* between the quotation marks */
} qtok;

typedef struct name {
    size_t start, end; /* equal: none */
} name;

typedef struct quote_ctx {
    const doc *d;
    name last;              /* last named speaker or subject, for pronouns */
    uint32_t subjects_done; /* sentences before this one were looked at */
    qtok toks[MAX_TOKENS];
    size_t ntoks;
} quote_ctx;

static int32_t cp_at(const char *text, size_t end, size_t i, int *n)
{
    int32_t cp;
    *n = utf8_next(text, end, i, &cp);
    return cp;
}

/* The closing mark for an opening one, or 0 when cp opens nothing. */
static int32_t closing_mark(int32_t cp)
{
    switch (cp) {
    case 0x201C:
        return 0x201D; /* “ ” */
    case 0x201E:
        return 0x201C; /* „ “ (German) */
    case 0x00AB:
        return 0x00BB; /* « » */
    case '"':
        return '"';
    default:
        return 0;
    }
}

static void tokenize_span(quote_ctx *c, size_t start, size_t end,
                          size_t qstart, size_t qend)
{
    const lang *l = c->d->lang;
    tokenizer t;
    token tok;
    c->ntoks = 0;
    tokenizer_init(&t, c->d->text, start, end);
    while (c->ntoks < MAX_TOKENS && tokenizer_next(&t, &tok)) {
        qtok *q = &c->toks[c->ntoks++];
        q->start = tok.start;
        q->end = tok.end;
        q->flags = tok.flags;
        q->inside = tok.start >= qstart && tok.end <= qend;
        const uint32_t *cue =
            l ? strmap_get(&l->speech, t.fold, tok.fold_len) : NULL;
        q->cue = cue ? (int)*cue : 0;
        q->stop = l && strmap_get(&l->stop, t.fold, tok.fold_len) != NULL;
    }
}

static int is_name_word(const qtok *q)
{
    return !q->inside && (q->flags & TOK_CAPITAL) && !q->stop &&
           q->cue != CUE_PRONOUN;
}

/* The run of name words ending at token k (walking left). */
static name name_ending_at(const quote_ctx *c, size_t k)
{
    size_t first = k;
    while (first > 0 && k - first + 1 < MAX_NAME_WORDS &&
           is_name_word(&c->toks[first - 1]))
        first--;
    return (name){c->toks[first].start, c->toks[k].end};
}

/* The run of name words starting at token k (walking right). */
static name name_starting_at(const quote_ctx *c, size_t k)
{
    size_t last = k;
    while (last + 1 < c->ntoks && last - k + 1 < MAX_NAME_WORDS &&
           is_name_word(&c->toks[last + 1]))
        last++;
    return (name){c->toks[k].start, c->toks[last].end};
}

/* Words that may stand between a name and its verb: function words,
 * other cues ("was quoted as saying") and -ly adverbs ("reportedly").
 * A content word ends the search: in "the Senate minority leader said"
 * the speaker is a description, not the name "Senate". */
static int is_skippable(const doc *d, const qtok *q)
{
    if (q->stop || q->cue)
        return 1;
    size_t len = q->end - q->start;
    return len > 3 && memcmp(d->text + q->end - 2, "ly", 2) == 0;
}

/* Speaker as seen from token k in direction dir (-1 left, +1 right),
 * skipping a few lower-case words; a pronoun gives the last speaker. */
static name speaker_from(const quote_ctx *c, size_t k, int dir)
{
    name none = {0, 0};
    for (int skipped = 0; skipped <= MAX_SKIP; skipped++) {
        if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= c->ntoks))
            return none;
        k = dir < 0 ? k - 1 : k + 1;
        const qtok *q = &c->toks[k];
        if (q->inside)
            return none;
        if (q->cue == CUE_PRONOUN)
            return c->last;
        if (is_name_word(q))
            return dir < 0 ? name_ending_at(c, k) : name_starting_at(c, k);
        if (!is_skippable(c->d, q))
            return none;
    }
    return none;
}

/* Sentences opening with a name ("Netanyahu made no mention ...") make
 * it the referent of a later "he"; an opening run followed by a comma is
 * an adverbial ("Earlier Wednesday, ..."), not a subject. */
static void note_subjects(quote_ctx *c, uint32_t upto)
{
    const doc *d = c->d;
    for (uint32_t k = c->subjects_done; k < upto; k++) {
        const doc_sentence *s = &d->sents[k];
        if (s->excluded)
            continue;
        tokenize_span(c, s->seg.start, s->seg.end, 0, 0);
        if (c->ntoks < 2 || c->toks[0].start != s->seg.start ||
            !is_name_word(&c->toks[0]))
            continue;
        name n = name_starting_at(c, 0);
        if (n.end < s->seg.end && d->text[n.end] != ',')
            c->last = n;
    }
    if (upto > c->subjects_done)
        c->subjects_done = upto;
}

/* Attribution cue nearest to the quotation [qs, qe), then its speaker. */
static name attribute(quote_ctx *c, size_t qs, size_t qe)
{
    size_t best = SIZE_MAX, best_gap = SIZE_MAX;
    for (size_t k = 0; k < c->ntoks; k++) {
        const qtok *q = &c->toks[k];
        if (q->inside || (q->cue != CUE_VERB && q->cue != CUE_ACCORDING))
            continue;
        size_t gap = q->end <= qs ? qs - q->end : q->start - qe;
        if (gap < best_gap) {
            best_gap = gap;
            best = k;
        }
    }
    name none = {0, 0};
    if (best == SIZE_MAX)
        return none;
    if (c->toks[best].cue == CUE_ACCORDING)
        return speaker_from(c, best, +1);
    name n = speaker_from(c, best, -1);
    return n.end > n.start ? n : speaker_from(c, best, +1);
}

static size_t count_words(const doc *d, size_t start, size_t end)
{
    tokenizer t;
    token tok;
    size_t n = 0;
    tokenizer_init(&t, d->text, start, end);
    while (n < QUOTE_MIN_WORDS && tokenizer_next(&t, &tok))
        n++;
    return n;
}

static uint32_t sentence_at(const doc *d, uint32_t from, size_t offset)
{
    while (from + 1 < d->nsents && d->sents[from + 1].seg.start <= offset)
        from++;
    return from;
}

typedef struct quote_list {
    quote *items;
    size_t count, cap;
} quote_list;

static int add_quote(quote_list *l, const quote *q)
{
    quote *items = array_grow(l->items, &l->cap, l->count, sizeof *items, 16);
    if (!items)
        return PRECIS_ENOMEM;
    l->items = items;
    items[l->count++] = *q;
    return PRECIS_OK;
}

/* The next quotation from *i on, before end: the marks span [*open,
 * *after), the words inside [*qs, *qe).  Returns 0 when there is none. */
static int next_quotation(const doc *d, size_t *i, size_t end, size_t *open,
                          size_t *after, size_t *qs, size_t *qe)
{
    while (*i < end) {
        int n;
        int32_t close = closing_mark(cp_at(d->text, end, *i, &n));
        *open = *i;
        *i += (size_t)n;
        if (!close)
            continue;
        size_t j = *i;
        while (j < end && cp_at(d->text, end, j, &n) != close)
            j += (size_t)n;
        if (j >= end)
            return 0; /* unclosed: nothing more to pair here */
        *qs = *i;
        *qe = j;
        *i = *after = j + (size_t)n;
        /* "…," said X: the comma belongs to the sentence, not the quote. */
        while (*qe > *qs &&
               (d->text[*qe - 1] == ',' || d->text[*qe - 1] == ' '))
            (*qe)--;
        while (*qs < *qe && d->text[*qs] == ' ')
            (*qs)++;
        if (count_words(d, *qs, *qe) >= QUOTE_MIN_WORDS)
            return 1;
    }
    return 0;
}

/* Quotations in the paragraph of sentences [a, b). */
static int scan_paragraph(quote_ctx *c, uint32_t a, uint32_t b,
                          quote_list *out)
{
    const doc *d = c->d;
    size_t end = d->sents[b - 1].seg.end, i = d->sents[a].seg.start;
    size_t open, after, qs, qe;
    name previous = {0, 0}; /* speaker of the paragraph's last quote */
    while (next_quotation(d, &i, end, &open, &after, &qs, &qe)) {
        uint32_t s1 = sentence_at(d, a, qs), s2 = sentence_at(d, s1, qe);
        if (d->sents[s1].excluded)
            continue;
        /* "…?” Trump said." ends a sentence at the mark: the attribution
         * is in the next one, unless that one is a quotation itself. */
        if (after >= d->sents[s2].seg.end && s2 + 1 < b &&
            !closing_mark(
                cp_at(d->text, end, d->sents[s2 + 1].seg.start, &(int){0})))
            s2++;
        note_subjects(c, s1);
        tokenize_span(c, d->sents[s1].seg.start, d->sents[s2].seg.end, open,
                      after);
        name who = attribute(c, open, after);
        /* A quote with no cue of its own continues the paragraph's last
         * speaker: "“…,” Paul said. “Add the credit and see.”" */
        if (who.end == who.start)
            who = previous;
        quote q = {qs, qe, who.start, who.end, s1, d->sents[s1].score};
        if (who.end > who.start)
            c->last = previous = who;
        else
            q.score *= UNATTRIBUTED_FACTOR;
        if (add_quote(out, &q) != PRECIS_OK)
            return PRECIS_ENOMEM;
    }
    return PRECIS_OK;
}

static int by_score(const void *a, const void *b)
{
    const quote *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int by_position(const void *a, const void *b)
{
    const quote *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

int quotes_extract(const doc *d, size_t max, quote **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (max == 0 || d->nsents == 0)
        return PRECIS_OK;
    quote_ctx *c = malloc(sizeof *c);
    if (!c)
        return PRECIS_ENOMEM;
    c->d = d;
    c->last = (name){0, 0};
    c->subjects_done = 0;
    quote_list l = {0};
    int rc = PRECIS_OK;
    for (uint32_t a = 0; a < d->nsents && rc == PRECIS_OK;) {
        uint32_t b = a + 1;
        while (b < d->nsents &&
               d->sents[b].seg.paragraph == d->sents[a].seg.paragraph)
            b++;
        rc = scan_paragraph(c, a, b, &l);
        a = b;
    }
    free(c);
    if (rc != PRECIS_OK) {
        free(l.items);
        return rc;
    }
    if (l.count > 1)
        qsort(l.items, l.count, sizeof *l.items, by_score);
    if (l.count > max)
        l.count = max;
    if (l.count > 1)
        qsort(l.items, l.count, sizeof *l.items, by_position);
    *out = l.items;
    *count = l.count;
    return PRECIS_OK;
}
