/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * shape.c -- what one line or sentence looks like (shape.h).
 */
#include "shape.h"

#include <string.h>

#include "tokenize.h"
#include "utf8.h"

/* Under 8 words on a line of its own, without sentence punctuation or
 * with nothing but capitalised words, is a label, not a sentence:
 * "Related Articles", "By Jane Doe." (sample article and dev sets). */
#define FRAGMENT_WORDS 8
/* "Wednesday 20 November 2019 11:42, UK" has 7 words. */
#define TIMESTAMP_WORDS 12
/* A glued teaser's headline has three content words or more. */
#define GLUED_HEADLINE_WORDS 3

/* Every word but stop words capitalised (or a number): a name, a
 * label, a headline in title case.  Words with a digit or a dot
 * ("18th", "a.m.") go with the numbers. */
int shape_all_capitalised(const doc *d, const doc_sentence *s)
{
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
        const doc_token *t = &d->toks[k];
        if (t->stop || (t->flags & (TOK_CAPITAL | TOK_NUMBER)))
            continue;
        const char *w = d->text + t->start;
        size_t n = t->len;
        if (!memchr(w, '.', n) && !(w[0] >= '0' && w[0] <= '9'))
            return 0;
    }
    return 1;
}

/* Does the sentence end like one: . ! ? … or a colon leading into what
 * follows ("...killed 27 people and injured 500:"), closers aside? */
int shape_ends_like_sentence(const doc *d, const doc_sentence *s)
{
    if (s->seg.terminated)
        return 1;
    size_t e = s->seg.end;
    while (e > s->seg.start) {
        size_t p = utf8_prev(d->text, e);
        int n;
        int32_t cp = utf8_at(d->text, e, p, &n);
        if (cp == ':')
            return 1;
        if (!uc_is_close_punct(cp))
            return 0;
        e = p;
    }
    return 0;
}

/* A short line that is a label rather than a sentence: no final
 * punctuation ("Related Articles"), or every content word capitalised
 * ("By Jane Doe.", "Reuters."). */
int shape_is_label(const doc *d, const doc_sentence *s)
{
    if (!s->seg.whole_line || doc_sentence_words(s) >= FRAGMENT_WORDS)
        return 0;
    return !shape_ends_like_sentence(d, s) || shape_all_capitalised(d, s);
}

/* "Home » News » World", "Sport | Football | Results": a trail of
 * separators between short labels. */
int shape_is_breadcrumb(const doc *d, const doc_sentence *s)
{
    static const char *const seps[] = {" \xC2\xBB ", " \xE2\x80\xBA ", " > ",
                                       " | ", " / "};
    const char *t = d->text + s->seg.start;
    size_t len = s->seg.end - s->seg.start, found = 0;
    for (size_t i = 0; i + 3 <= len; i++) {
        if (t[i] != ' ')
            continue;
        for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
            size_t n = strlen(seps[k]);
            if (i + n <= len && memcmp(t + i, seps[k], n) == 0)
                found++;
        }
    }
    return found >= 2 && doc_sentence_words(s) <= 6 * (found + 1);
}

/* A year from 1900 to 2099 among the tokens. */
static int has_year(const doc *d, const doc_sentence *s)
{
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
        const doc_token *t = &d->toks[k];
        const char *p = d->text + t->start;
        if ((t->flags & TOK_NUMBER) && t->len == 4 &&
            (!memcmp(p, "19", 2) || !memcmp(p, "20", 2)))
            return 1;
    }
    return 0;
}

/* "Wednesday 20 November 2019 11:42, UK", "Updated: Nov. 19, 2019 at
 * 6:21 a.m.": a short line of a year and other numbers, with numbers a
 * third of its words. */
int shape_is_timestamp(const doc *d, const doc_sentence *s)
{
    if (!s->seg.whole_line || doc_sentence_words(s) > TIMESTAMP_WORDS)
        return 0;
    uint32_t numbers = 0;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
        numbers += (d->toks[k].flags & TOK_NUMBER) != 0;
    return numbers >= 2 && numbers * 3 >= doc_sentence_words(s) && has_year(d, s);
}

/* "1of4Grass Valley's Dionicio Torres looks at...": a gallery's picture
 * counter glued to its caption. */
int shape_is_gallery_counter(const doc *d, const doc_sentence *s)
{
    const char *t = d->text + s->seg.start, *end = d->text + s->seg.end;
    const char *p = t;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    if (p == t || end - p < 3 || p[0] != 'o' || p[1] != 'f')
        return 0;
    p += 2;
    const char *q = p;
    while (q < end && *q >= '0' && *q <= '9')
        q++;
    return q > p && q < end && *q >= 'A' && *q <= 'Z';
}

/* "Microsoft removes the safeguard hold for Windows 10 users...": a
 * teaser cut short by its widget, the ellipsis right after a word. */
int shape_is_truncated(const doc *d, const doc_sentence *s)
{
    const char *t = d->text;
    size_t e = s->seg.end, len = e - s->seg.start;
    if (!s->seg.whole_line || doc_sentence_words(s) < 4)
        return 0;
    /* "… become […]": the excerpt mark of blog software. */
    if ((len > 6 && !memcmp(t + e - 5, "[\xE2\x80\xA6]", 5)) ||
        (len > 6 && !memcmp(t + e - 5, "[...]", 5)))
        return 1;
    if (len > 3 && !memcmp(t + e - 3, "\xE2\x80\xA6", 3))
        e -= 3;
    else if (len > 3 && !memcmp(t + e - 3, "...", 3))
        e -= 3;
    else
        return 0;
    int n;
    return uc_is_letter(utf8_at(t, e, utf8_prev(t, e), &n));
}

/* "(AP)", "(Joshua Roberts/Reuters)", "( JANE DOE/PHOTO LIBRARY)": a
 * short bracket of names, an agency or a photographer, and nothing
 * else, credits a picture.  "(Mr. Lee agreed.)" is a sentence. */
int shape_is_bracket_credit(const doc *d, const doc_sentence *s)
{
    const char *t = d->text + s->seg.start;
    size_t len = s->seg.end - s->seg.start;
    if (len < 3 || t[0] != '(' || t[len - 1] != ')' || s->content == 0 ||
        doc_sentence_words(s) > SHAPE_CREDIT_WORDS || memchr(".!?", t[len - 2], 3))
        return 0; /* "(More)" is a link */
    return memchr(t, '/', len) != NULL || shape_all_capitalised(d, s);
}

/* "…Deals In DetroitIn the market to save…", "…Some Metro-Detroit
 * FavoritesFall has officially arrived.": a teaser's headline run into
 * its first line without a space, every word of the headline
 * capitalised.  Tokens [begin, end) are a line's. */
int shape_glued_teaser(const doc *d, uint32_t begin, uint32_t end)
{
    uint32_t words = 0;
    for (uint32_t k = begin; k < end; k++) {
        const doc_token *a = &d->toks[k];
        const char *w = d->text + a->start;
        size_t n = a->len;
        for (size_t i = 1; i + 1 < n; i++) {
            int before = (w[i - 1] >= 'a' && w[i - 1] <= 'z') ||
                         (w[i - 1] >= '0' && w[i - 1] <= '9');
            if (before && w[i] >= 'A' && w[i] <= 'Z' && w[i + 1] >= 'a' &&
                w[i + 1] <= 'z')
                return words >= GLUED_HEADLINE_WORDS;
        }
        /* A lower-case word, even "has" or "and", is prose: headlines
         * capitalise every word ("Here Are The Top Deals In"). */
        if (!(a->flags & (TOK_CAPITAL | TOK_NUMBER)))
            return 0;
        words += !a->stop;
    }
    return 0;
}
