/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * result.c -- the result object: copies of everything the caller reads,
 * in one arena, so the input buffer may be freed once the call returns
 * and precis_result_free() is one walk over a few blocks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "bytes8.h"
#include "pipeline.h"
#include "utf8.h"

struct precis_result {
    arena arena;
    precis_sentence_t *sents;
    size_t nsents;
    precis_keyword_t *kws;
    size_t nkws;
    precis_quote_t *quotes;
    size_t nquotes;
    precis_excluded_t *excluded;
    size_t nexcluded;
    precis_segment_t *segments;
    size_t nsegments;
    char lang[8];
    size_t total_sentences, total_words;
};

/* Valid UTF-8 copy of text[start, end): invalid bytes become U+FFFD,
 * whitespace runs and control characters one space, a BOM nothing; and
 * reopen (when not 0) right after a line break: the mark that opens
 * each paragraph of a long quotation. */
static char *copy_without(arena *a, const char *text, size_t start, size_t end,
                          int32_t reopen)
{
    /* An invalid byte grows to 3 bytes at most. */
    char *out = arena_alloc(a, (end - start) * 3 + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    int space = 0;
    for (size_t i = start; i < end;) {
        /* Eight bytes of printable ASCII and lone spaces, ending on a
         * printable one: what the loop below makes of them is the bytes
         * themselves (no line break, so no reopening mark), and most of
         * a text is such. */
        while (!space && n > 0 && end - i >= 8) {
            uint64_t v = bytes_load8(text + i);
            uint64_t shown = bytes_in(v, '!', '~');
            uint64_t blank = bytes_in(v, ' ', ' ');
            if ((shown | blank) != BYTES_HIGH || (blank & blank >> 8) ||
                !(shown >> 63))
                break;
            memcpy(out + n, text + i, 8);
            n += 8;
            i += 8;
        }
        if (i >= end)
            break;
        unsigned char b = (unsigned char)text[i];
        if (b > 0x20 && b < 0x7F && !(space == 2 && b == reopen)) {
            /* Printable ASCII, most of any text: copied as it is. */
            if (space && n > 0)
                out[n++] = ' ';
            space = 0;
            out[n++] = (char)b;
            i++;
            continue;
        }
        if (b == ' ') { /* what the space below makes of it, undecoded */
            space = space == 2 ? 2 : 1;
            i++;
            continue;
        }
        int32_t cp;
        i += (size_t)utf8_decode(text, end, i, &cp);
        /* DEL is what a bad byte reads as under "utf8": "replace". */
        if (cp == UTF8_INVALID || cp == 0x7F)
            cp = UTF8_REPLACEMENT;
        if (cp == 0xFEFF)
            continue;
        if (uc_is_space(cp)) {
            space = uc_is_newline(cp) || space == 2 ? 2 : 1;
            continue;
        }
        if (space == 2 && reopen && cp == reopen) {
            space = 1;
            continue;
        }
        if (space && n > 0)
            out[n++] = ' ';
        space = 0;
        n += (size_t)utf8_encode(cp, out + n);
    }
    out[n] = '\0';
    return out;
}

static char *clean_copy(arena *a, const char *text, size_t start, size_t end)
{
    return copy_without(a, text, start, end, 0);
}

/* "Israel's" -> "Israel": a keyword names the thing, not its owner; the
 * language's possessive endings (morph.h), after two bytes at least. */
static size_t strip_possessive(const doc *d, size_t start, size_t end)
{
    if (!d->lang)
        return end;
    return end - morph_ends(&d->lang->morph.possessive, d->text + start,
                            end - start, 2);
}

static int fill_keywords(precis_result_t *r, const doc *d,
                         const kw_candidate *kws, size_t nkws)
{
    r->kws = arena_alloc(&r->arena, (nkws ? nkws : 1) * sizeof *r->kws);
    if (!r->kws)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < nkws; i++) {
        precis_keyword_t *k = &r->kws[i];
        k->start = d->toks[kws[i].first_tok].start;
        k->end = strip_possessive(d, k->start,
                                  doc_token_end(&d->toks[kw_last_tok(&kws[i])]));
        k->text = clean_copy(&r->arena, d->text, k->start, k->end);
        k->score = kws[i].score;
        k->count = kws[i].count;
        if (!k->text)
            return PRECIS_ENOMEM;
    }
    r->nkws = nkws;
    return PRECIS_OK;
}

/* A copy of the range, or NULL without an error when it is empty. */
static int copy_span(arena *a, const char *text, span s, const char **out)
{
    *out = NULL;
    if (s.end <= s.start)
        return PRECIS_OK;
    *out = clean_copy(a, text, s.start, s.end);
    return *out ? PRECIS_OK : PRECIS_ENOMEM;
}

static int fill_quotes(precis_result_t *r, const doc *d, const quote *qs,
                       size_t n)
{
    r->quotes = arena_alloc(&r->arena, (n ? n : 1) * sizeof *r->quotes);
    if (!r->quotes)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        precis_quote_t *q = &r->quotes[i];
        const quote *from = &qs[i];
        const speaker *who = &from->who;
        memset(q, 0, sizeof *q);
        q->start = from->marks.start;
        q->end = from->marks.end;
        int32_t reopen = 0;
        if (from->marks.paragraphs > 1)
            utf8_decode(d->text, d->len, from->marks.open, &reopen);
        q->text = copy_without(&r->arena, d->text, q->start, q->end, reopen);
        if (!q->text)
            return PRECIS_ENOMEM;
        q->fragment = from->marks.fragment;
        span name = who->name;
        name.end = strip_possessive(d, name.start, name.end);
        q->speaker_start = name.start;
        q->speaker_end = name.end;
        q->mention_start = who->mention.start;
        q->mention_end = who->mention.end;
        q->cue_start = who->cue.start;
        q->cue_end = who->cue.end;
        if (copy_span(&r->arena, d->text, name, &q->speaker) ||
            copy_span(&r->arena, d->text, who->role, &q->role) ||
            copy_span(&r->arena, d->text, who->cue, &q->cue))
            return PRECIS_ENOMEM;
        q->sentence = from->sentence;
        q->score = from->score;
    }
    r->nquotes = n;
    return PRECIS_OK;
}

static int fill(precis_result_t *r, const doc *d, const size_t *chosen,
                size_t nchosen, const kw_candidate *kws, size_t nkws)
{
    r->sents =
        arena_alloc(&r->arena, (nchosen ? nchosen : 1) * sizeof *r->sents);
    if (!r->sents)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < nchosen; i++) {
        const doc_sentence *s = &d->sents[chosen[i]];
        precis_sentence_t *o = &r->sents[i];
        o->start = s->seg.start;
        o->end = s->seg.end;
        o->text = clean_copy(&r->arena, d->text, s->seg.start, s->seg.end);
        o->score = s->score;
        o->index = chosen[i];
        o->paragraph = s->seg.paragraph;
        o->words = doc_sentence_words(s);
        if (!o->text)
            return PRECIS_ENOMEM;
    }
    r->nsents = nchosen;
    size_t nexcl = 0;
    for (size_t i = 0; i < d->nsents; i++)
        nexcl += d->sents[i].excluded != EXCL_NONE;
    r->excluded =
        arena_alloc(&r->arena, (nexcl ? nexcl : 1) * sizeof *r->excluded);
    if (!r->excluded)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < d->nsents; i++) {
        const doc_sentence *s = &d->sents[i];
        if (s->excluded)
            r->excluded[r->nexcluded++] =
                (precis_excluded_t){s->seg.start, s->seg.end,
                                    exclusion_name(s->excluded)};
    }
    snprintf(r->lang, sizeof r->lang, "%s", d->lang ? d->lang->code : "und");
    r->total_sentences = d->nsents;
    r->total_words = d->total_words;
    return fill_keywords(r, d, kws, nkws);
}

int result_build(const doc *d, const stage_outputs *o,
                 precis_result_t **out)
{
    precis_result_t *r = mem_calloc(1, sizeof *r);
    if (!r)
        return PRECIS_ENOMEM;
    arena_init(&r->arena, 16 * 1024);
    int rc = fill(r, d, o->chosen, o->nchosen, o->keywords, o->nkeywords);
    if (rc == PRECIS_OK)
        rc = fill_quotes(r, d, o->quotes, o->nquotes);
    if (rc != PRECIS_OK) {
        precis_result_free(r);
        return rc;
    }
    *out = r;
    return PRECIS_OK;
}

static int fill_segments(precis_result_t *r, const doc *d)
{
    size_t n = d->nsents;
    r->segments = arena_alloc(&r->arena, (n ? n : 1) * sizeof *r->segments);
    if (!r->segments)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const doc_sentence *s = &d->sents[i];
        precis_segment_t *o = &r->segments[i];
        o->start = s->seg.start;
        o->end = s->seg.end;
        o->paragraph = s->seg.paragraph;
        o->excluded = exclusion_name(s->excluded);
        o->text = clean_copy(&r->arena, d->text, s->seg.start, s->seg.end);
        if (!o->text)
            return PRECIS_ENOMEM;
        r->nsegments = i + 1;
    }
    return PRECIS_OK;
}

int result_build_segments(const doc *d, precis_result_t **out)
{
    precis_result_t *r = mem_calloc(1, sizeof *r);
    if (!r)
        return PRECIS_ENOMEM;
    arena_init(&r->arena, 16 * 1024);
    int rc = fill(r, d, NULL, 0, NULL, 0);
    if (rc == PRECIS_OK)
        rc = fill_segments(r, d);
    if (rc != PRECIS_OK) {
        precis_result_free(r);
        return rc;
    }
    *out = r;
    return PRECIS_OK;
}

size_t precis_result_segment_count(const precis_result_t *r)
{
    return r ? r->nsegments : 0;
}

const precis_segment_t *precis_result_segment(const precis_result_t *r,
                                              size_t i)
{
    return r && i < r->nsegments ? &r->segments[i] : NULL;
}

void precis_result_free(precis_result_t *r)
{
    if (!r)
        return;
    arena_free(&r->arena);
    mem_free(r);
}

size_t precis_result_sentence_count(const precis_result_t *r)
{
    return r ? r->nsents : 0;
}

const precis_sentence_t *precis_result_sentence(const precis_result_t *r,
                                                size_t i)
{
    return r && i < r->nsents ? &r->sents[i] : NULL;
}

size_t precis_result_keyword_count(const precis_result_t *r)
{
    return r ? r->nkws : 0;
}

const precis_keyword_t *precis_result_keyword(const precis_result_t *r,
                                              size_t i)
{
    return r && i < r->nkws ? &r->kws[i] : NULL;
}

size_t precis_result_quote_count(const precis_result_t *r)
{
    return r ? r->nquotes : 0;
}

const precis_quote_t *precis_result_quote(const precis_result_t *r, size_t i)
{
    return r && i < r->nquotes ? &r->quotes[i] : NULL;
}

size_t precis_result_excluded_count(const precis_result_t *r)
{
    return r ? r->nexcluded : 0;
}

const precis_excluded_t *precis_result_excluded(const precis_result_t *r,
                                                size_t i)
{
    return r && i < r->nexcluded ? &r->excluded[i] : NULL;
}

const char *precis_result_lang(const precis_result_t *r)
{
    return r ? r->lang : NULL;
}

size_t precis_result_total_sentences(const precis_result_t *r)
{
    return r ? r->total_sentences : 0;
}

size_t precis_result_total_words(const precis_result_t *r)
{
    return r ? r->total_words : 0;
}
