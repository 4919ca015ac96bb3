/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * segment.c -- lines, then blocks of lines, then sentences.
 *
 * The one idea: a full stop ends a sentence only when what follows looks
 * like the start of one.  It must be followed by space (so "3.5", URLs,
 * e-mails and "U.S.-led" never split), the next word must not start in
 * lower case, and when the word before the stop is an abbreviation, an
 * initial or a dotted initialism ("Mr.", "J.", "U.S."), the next word
 * must be a capitalised stop word ("... in the U.S. The ...") unless the
 * abbreviation can never end a sentence ("Mr.").
 */
#include "segment.h"

#include "alloc.h"
#include "array.h"
#include "bytes8.h"
#include "dateline.h"

#include <stdlib.h>
#include <string.h>

#include "precis.h"
#include "utf8.h"

typedef struct line {
    size_t first, last; /* trimmed content [first, last) */
    unsigned blank : 1;
    unsigned terminal : 1;  /* ends in sentence punctuation */
    unsigned ends_open : 1; /* ends in a comma or a lower-case stop word */
    unsigned starts_lower : 1;
    unsigned prose : 1; /* three words or more: not a menu item or a
                           widget's label ("Share this", "facebook") */
} line;

typedef struct seg_ctx {
    const char *text;
    size_t len;
    const seg_rules *rules;
    seg_list *list;
    size_t block_start, block_end;
    /* The quotation open at quote_at in the sentence starting at
     * quote_from (its opening mark, 0 when none, and where that mark
     * is): quote_open_at() goes on from there, so a sentence is read
     * once however many stops it holds.  quote_close is where the open
     * quotation closes (SIZE_MAX: not within QUOTE_WHOLE_MAX), found
     * once per quotation. */
    size_t quote_from, quote_at;
    int32_t quote_opener;
    size_t quote_open_pos, quote_close;
    /* The list the block is (its last marker), when it opens with one:
     * "1. The first item 2. The second item". */
    int list_kind, list_value;
    int32_t list_bullet;
} seg_ctx;

static int is_blank_cp(int32_t cp)
{
    return uc_is_space(cp) || uc_is_ignorable(cp);
}

static int is_stop_punct(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* 。！？｡ and the full-width full stop ． */
static int is_cjk_stop(int32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61 ||
           cp == 0xFF0E;
}

static size_t skip_blank(const char *text, size_t i, size_t end)
{
    while (i < end) {
        int n;
        if (!is_blank_cp(utf8_at(text, end, i, &n)))
            break;
        i += (size_t)n;
    }
    return i;
}

static size_t trim_end(const char *text, size_t start, size_t end)
{
    while (end > start) {
        size_t p = utf8_prev(text, end);
        int n;
        if (!is_blank_cp(utf8_at(text, end, p, &n)))
            break;
        end = p;
    }
    return end;
}

/* Does [start, end) end in sentence punctuation, closers aside? */
static int ends_terminal(const char *text, size_t start, size_t end)
{
    while (end > start) {
        size_t p = utf8_prev(text, end);
        int n;
        int32_t cp = utf8_at(text, end, p, &n);
        if (is_stop_punct(cp) || is_cjk_stop(cp))
            return 1;
        if (!uc_is_close_punct(cp))
            return 0;
        end = p;
    }
    return 0;
}

static int push(seg_ctx *c, size_t start, size_t end)
{
    start = skip_blank(c->text, start, end);
    end = trim_end(c->text, start, end);
    if (start >= end)
        return 0;
    seg_list *l = c->list;
    seg_sentence *items =
        array_grow(l->items, &l->cap, l->count, sizeof *items, 64);
    if (!items)
        return PRECIS_ENOMEM;
    l->items = items;
    seg_sentence *s = &items[l->count++];
    s->start = (uint32_t)start; /* under PRECIS_MAX_INPUT */
    s->end = (uint32_t)end;
    s->paragraph = (uint32_t)l->paragraphs;
    s->terminated = ends_terminal(c->text, start, end) != 0;
    s->whole_line = start == c->block_start && end == c->block_end;
    s->opens_line = start == c->block_start;
    s->run_in = 0;
    s->dateline = 0;
    return 0;
}

/* Is the word at w a capitalised stop word ("The", "He", "In")? */
static int capitalised_stopword(const seg_ctx *c, size_t w)
{
    if (!c->rules || !c->rules->stop)
        return 0;
    size_t e = w;
    while (e < c->block_end) {
        int n;
        int32_t cp = utf8_at(c->text, c->block_end, e, &n);
        if (!uc_is_letter(cp) && !uc_is_apostrophe(cp))
            break;
        e += (size_t)n;
    }
    char buf[32];
    size_t len = utf8_lower(c->text, w, e, buf, sizeof buf);
    return len > 0 && strmap_get(c->rules->stop, buf, len) != NULL;
}

static int lookup_abbrev(const seg_ctx *c, const char *key, size_t len)
{
    if (!len || !c->rules || !c->rules->abbrev)
        return 0;
    const uint32_t *kind = strmap_get(c->rules->abbrev, key, len);
    return kind ? (int)*kind : 0;
}

/* The abbreviation kind of the word [start, end), without its dot; an
 * elided article before it is looked past ("l'Ing.", "dell'Avv."). */
static int abbrev_kind(const seg_ctx *c, size_t start, size_t end)
{
    const char *t = c->text;
    size_t from = start;
    /* An apostrophe is "'" or beyond ASCII: most words have neither. */
    unsigned plain = 1;
    for (size_t k = start; k < end; k++)
        plain &= ((unsigned char)t[k] < 0x80) & (t[k] != '\'');
    for (size_t k = end; !plain && k > start;) {
        int n;
        size_t p = utf8_prev(t, k);
        if (p < start)
            break;
        if (uc_is_apostrophe(utf8_at(t, end, p, &n))) {
            from = p + (size_t)n;
            break;
        }
        k = p;
    }
    char buf[32];
    int kind =
        lookup_abbrev(c, buf, utf8_lower(t, start, end, buf, sizeof buf));
    if (!kind && from > start && from < end)
        kind =
            lookup_abbrev(c, buf, utf8_lower(t, from, end, buf, sizeof buf));
    return kind == ABBR_AFTER_ORDINAL || kind == ABBR_OPENER ||
                   kind == ABBR_STARTER
               ? 0
               : kind;
}

/* A spaced abbreviation ("z. B.", "u. Ä.", "EE. UU."), looked up as the
 * two words joined by a dot ("z.b"): its kind, or 0. */
static int joined_abbrev_kind(const seg_ctx *c, size_t a, size_t a_end,
                              size_t b, size_t b_end)
{
    char buf[32];
    size_t n = utf8_lower(c->text, a, a_end, buf, sizeof buf - 1);
    if (!n)
        return 0;
    buf[n++] = '.';
    size_t m = utf8_lower(c->text, b, b_end, buf + n, sizeof buf - n);
    return m ? lookup_abbrev(c, buf, n + m) : 0;
}

/* End of the run of letters at w (w when none). */
static size_t letters_end(const seg_ctx *c, size_t w)
{
    /* ASCII letters eight bytes a step where eight remain (a word's end
     * follows no pattern a byte loop's exit could be predicted by);
     * from a byte beyond ASCII on, code point by code point. */
    while (c->block_end - w >= 8) {
        uint64_t v = bytes_load8(c->text + w);
        uint64_t letter = bytes_in(v | BYTES_ONE * 0x20, 'a', 'z');
        if (letter != BYTES_HIGH) {
            w += bytes_first(~letter & BYTES_HIGH);
            if ((unsigned char)c->text[w] < 0x80)
                return w;
            break;
        }
        w += 8;
    }
    int n;
    while (w < c->block_end &&
           uc_is_letter(utf8_at(c->text, c->block_end, w, &n)))
        w += (size_t)n;
    return w;
}

/* Does the sentence [start, end) hold a content word: two letters or
 * more, not a stop word?  "At 5 a.m." does not, so it is no sentence
 * of its own. */
static int has_content_word(const seg_ctx *c, size_t start, size_t end)
{
    if (!c->rules || !c->rules->stop)
        return 1;
    const char *t = c->text;
    for (size_t k = start; k < end;) {
        int n;
        int32_t cp = utf8_at(t, end, k, &n);
        if (!uc_is_letter(cp)) {
            k += (size_t)n;
            continue;
        }
        size_t w = k, letters = 0;
        while (k < end && (uc_is_letter(cp = utf8_at(t, end, k, &n)) ||
                           uc_is_apostrophe(cp))) {
            letters++;
            k += (size_t)n;
        }
        char buf[32];
        size_t len = utf8_lower(t, w, k, buf, sizeof buf);
        int dotted = k < end && t[k] == '.';
        if (letters >= 2 && !dotted &&
            (!len || !strmap_get(c->rules->stop, buf, len)))
            return 1;
    }
    return 0;
}

/* "U.S", "e.g", "J.R.R": letters in groups of one or two, with dots. */
static int is_initialism(const char *text, size_t start, size_t end)
{
    size_t group = 0, dots = 0;
    for (size_t k = start; k < end;) {
        int n;
        int32_t cp = utf8_at(text, end, k, &n);
        if (cp == '.') {
            if (group == 0)
                return 0;
            group = 0;
            dots++;
        } else if (uc_is_letter(cp) && group < 2) {
            group++;
        } else {
            return 0;
        }
        k += (size_t)n;
    }
    return dots > 0 && group > 0;
}

/* A single full stop at i; the next word starts at w.  Decide from the
 * word before the stop and the one after it. */
static int full_stop_ends(const seg_ctx *c, size_t sentence_start, size_t i,
                          size_t w, int32_t next)
{
    const char *t = c->text;
    size_t p = i;
    while (p > sentence_start) {
        size_t q = utf8_prev(t, p);
        int n;
        if (uc_is_space(utf8_at(t, i, q, &n)))
            break;
        p = q;
    }
    for (;;) { /* "(Mr.", "“Gen." and "”Mr." (a mark typed the wrong
                  way round) are still abbreviations */
        int n;
        int32_t cp = p < i ? utf8_at(t, i, p, &n) : 0;
        if (p >= i || !(uc_is_open_punct(cp) || cp == 0x201D || cp == 0x00BB))
            break;
        p += (size_t)n;
    }
    if (p >= i)
        return 0; /* a stray dot after a space */
    size_t w_end = letters_end(c, w);
    int next_dotted = w_end > w && w_end < c->block_end && t[w_end] == '.';
    /* "z. B. ist": the first half of a spaced abbreviation. */
    if (next_dotted && w_end - w <= 6 && joined_abbrev_kind(c, p, i, w, w_end))
        return 0;
    /* "vom 12. Juni": a day or a rank, in languages that write them
     * with a dot, before a word listed to follow one. */
    if (i - p <= 2 && uc_is_digit(t[p]) && uc_is_digit(t[i - 1]) &&
        w_end > w) {
        char buf[32];
        size_t len = utf8_lower(t, w, w_end, buf, sizeof buf);
        if (lookup_abbrev(c, buf, len) == ABBR_AFTER_ORDINAL)
            return 0;
    }
    int kind = abbrev_kind(c, p, i);
    /* "u. Ä. Der": the second half takes the kind of the whole. */
    if (!kind && p >= sentence_start + 3 && t[p - 1] == ' ' &&
        t[p - 2] == '.') {
        size_t a = p - 2;
        int m;
        while (a > sentence_start &&
               uc_is_letter(utf8_at(t, i, utf8_prev(t, a), &m)))
            a = utf8_prev(t, a);
        if (a < p - 2 && p - 2 - a <= 6)
            kind = joined_abbrev_kind(c, a, p - 2, p, i);
    }
    if (kind == ABBR_PREFIX)
        return 0;
    if (kind == ABBR_NUMBER && uc_is_digit(next))
        return 0;
    int n;
    int32_t first = utf8_at(t, i, p, &n);
    int initial = p + (size_t)n == i && uc_is_upper(first);
    int dotted = is_initialism(t, p, i);
    if (!kind && !initial && !dotted)
        return 1;
    /* "A. I. Semenov", "J. R. R. Tolkien": an initial before another. */
    int next_len = 0;
    if (w < c->block_end)
        utf8_at(t, c->block_end, w, &next_len);
    if (initial && next_dotted && uc_is_upper(next) &&
        w + (size_t)next_len == w_end)
        return 0;
    if (!uc_is_upper(next))
        return 0;
    /* "... in the U.S. The", "at 6 P.M. Mr. Smith", "in the U.S.
     * Millions attended": after an abbreviation that may end a
     * sentence, a capitalised function word, a title or a sentence
     * starter ([opener] and [starter] in abbrev/XX.txt) starts the
     * next, provided what came before is a sentence ("At 5 a.m. Mr.
     * Smith went" runs on). */
    int title = next_dotted && abbrev_kind(c, w, w_end) == ABBR_PREFIX;
    char buf[32];
    int starter =
        lookup_abbrev(c, buf, utf8_lower(t, w, w_end, buf, sizeof buf));
    if (!title && starter != ABBR_OPENER && starter != ABBR_STARTER &&
        !capitalised_stopword(c, w))
        return 0;
    return has_content_word(c, sentence_start, p);
}

/* Start of the run of letters that ends at i. */
static size_t word_start(const seg_ctx *c, size_t sentence_start, size_t i)
{
    int n;
    while (i > sentence_start &&
           uc_is_letter(
               utf8_at(c->text, c->block_end, utf8_prev(c->text, i), &n)))
        i = utf8_prev(c->text, i);
    return i;
}

/* Sentences run together without a space, as pages flattened without
 * their line breaks give them ("sous peine d'amende.Sous un soleil",
 * "the 47 crewmen.Navy officials", "a-t-elle dit.Jamal Khashoggi"): the
 * stop run [i, j) comes after a lower-case letter, a digit ("GLI-F4.Fin
 * 2014") or a closing mark and before a capitalised word of two letters
 * or more ("Dix-sept") that is a stop word or is followed by a space and
 * another word or a number.  Not "3.5", "example.com", "U.S.-led",
 * "Mr.Benn", "Halo.Bungie.Org", or a caption's "today.Credit: Jane Doe". */
static int glued_boundary(const seg_ctx *c, size_t sentence_start, size_t i,
                          size_t j)
{
    const char *t = c->text;
    size_t e = c->block_end;
    int n;
    if (i <= sentence_start)
        return 0;
    int32_t before = utf8_at(t, e, utf8_prev(t, i), &n);
    if (!uc_is_lower(before) && !uc_is_digit(before) &&
        !uc_is_close_punct(before))
        return 0;
    if (!uc_is_upper(utf8_at(t, e, j, &n)))
        return 0;
    size_t w = j + (size_t)n, lower = 0;
    while (w < e) {
        int32_t cp = utf8_at(t, e, w, &n);
        if (uc_is_lower(cp))
            lower++;
        else if (!uc_is_letter(cp) && !uc_is_apostrophe(cp) &&
                 !uc_is_hyphen(cp))
            break;
        w += (size_t)n;
    }
    /* "Tuesday.Mr. Blunt": a title opens the next sentence. */
    if (w < e && t[w] == '.' && abbrev_kind(c, j, w) == ABBR_PREFIX &&
        !abbrev_kind(c, word_start(c, sentence_start, i), i))
        return 1;
    if (lower == 0 || (w < e && !uc_is_space(utf8_at(t, e, w, &n))))
        return 0;
    /* The word before the stop: not an abbreviation ("Mr.Benn"). */
    if (abbrev_kind(c, word_start(c, sentence_start, i), i))
        return 0;
    if (capitalised_stopword(c, j))
        return 1;
    size_t next = skip_blank(t, w, e);
    if (next == w || next >= e)
        return 0;
    int32_t after = utf8_at(t, e, next, &n);
    return uc_is_letter(after) || uc_is_digit(after);
}

/* Double quotation marks, read with the mark now open (0 when none):
 * +1 opens, -1 closes, 0 neither; *n is the mark's length.  Each opener
 * closes with its own partners: “…”, „…“ (or „…" as German keyboards
 * type it), «…», »…«, ``…'', "…".  Single quotes are left out: they
 * are apostrophes as often.  A straight '"' opens after a space, a
 * bracket or a dash (or at from) and closes an open one. */

static int quote_mark(const char *t, size_t end, size_t from, size_t k,
                      int32_t open, int *n)
{
    if (uc_never_a_quote_mark(t[k])) {
        *n = 1;
        return 0;
    }
    int32_t cp = utf8_at(t, end, k, n), after = 0;
    if (k + (size_t)*n < end) {
        int m;
        after = utf8_at(t, end, k + (size_t)*n, &m);
    }
    if ((cp == '`' || cp == '\'') && k + 1 < end && t[k + 1] == t[k]) {
        *n = 2;
        if (cp == '`')
            return open ? 0 : 1;
        return open == '`' || open == '"' ? -1 : 0;
    }
    if (open) {
        switch (open) {
        case 0x201E: /* „ */
            return cp == 0x201C || cp == 0x201D || cp == '"' ? -1 : 0;
        case 0x201C: /* “ (and a mistyped “…“) */
            return cp == 0x201D || cp == '"' ||
                           (cp == 0x201C && !uc_is_letter(after))
                       ? -1
                       : 0;
        case 0x00AB: /* « */
            return cp == 0x00BB ? -1 : 0;
        case 0x00BB: /* » */
            return cp == 0x00AB ? -1 : 0;
        default: /* " */
            return cp == '"' || cp == 0x201D ? -1 : 0;
        }
    }
    /* a guillemet set against the word before it and followed by a
     * space closes a quotation opened before the text did ("dein
     * Engel.« Ich sage:"), as quote_marks.c reads it */
    if ((cp == 0x00AB || cp == 0x00BB) && k > from && t[k - 1] != ' ' &&
        (after == 0 || uc_is_space(after))) {
        int m;
        if (!uc_is_open_punct(utf8_at(t, end, utf8_prev(t, k), &m)))
            return 0;
    }
    if (cp == 0x201C || cp == 0x00AB || cp == 0x201E || cp == 0x00BB)
        return 1;
    if (cp != '"')
        return 0;
    return k == from || t[k - 1] == ' ' || t[k - 1] == '(' ||
           t[k - 1] == '[' || t[k - 1] == '-';
}

/* A quotation longer than this is cut at its stops like running text:
 * nothing that long is one summary sentence, and an unbalanced mark
 * can only hold this much together.  About 100 words, the longest
 * one-paragraph quotations of the dev sets' wire copy. */
#ifndef QUOTE_WHOLE_MAX
#define QUOTE_WHOLE_MAX 700
#endif

/* Is a quotation open at m (the word after a stop) in the sentence
 * starting at sentence_start, and does it close within the block and
 * QUOTE_WHOLE_MAX bytes of its opening?  Then the stop is inside it and
 * ends no sentence: "“Ei fu. Siccome immobile [...]” (Manzoni).",
 * "«К чему ты готовишься? – спросила мама. – Завтра ведь выходной».". */
static int inside_quotation(seg_ctx *c, size_t sentence_start, size_t m)
{
    const char *t = c->text;
    size_t e = c->block_end, k = sentence_start;
    int32_t open = 0;
    size_t open_pos = 0;
    int n;
    if (c->quote_from == sentence_start && c->quote_at <= m) {
        k = c->quote_at;
        open = c->quote_opener;
        open_pos = c->quote_open_pos;
    } else {
        c->quote_close = 0;
    }
    for (; (k = utf8_next_quote_byte(t, k, m)) < m; k += (size_t)n) {
        int q = quote_mark(t, e, sentence_start, k, open, &n);
        if (q > 0) {
            int len;
            open = t[k] == '`' ? '`' : utf8_at(t, e, k, &len);
            open_pos = k;
        } else if (q < 0) {
            open = 0;
        }
    }
    if (open != c->quote_opener || open_pos != c->quote_open_pos)
        c->quote_close = 0; /* another quotation: look for its end */
    c->quote_from = sentence_start;
    c->quote_at = k;
    c->quote_opener = open;
    c->quote_open_pos = open_pos;
    if (!open)
        return 0;
    if (c->quote_close == 0) {
        size_t limit =
            open_pos + QUOTE_WHOLE_MAX < e ? open_pos + QUOTE_WHOLE_MAX : e;
        c->quote_close = SIZE_MAX;
        for (k = m; (k = utf8_next_quote_byte(t, k, limit)) < limit;
             k += (size_t)n) {
            if (quote_mark(t, e, sentence_start, k, open, &n) < 0) {
                c->quote_close = k;
                break;
            }
        }
    }
    return c->quote_close != SIZE_MAX && c->quote_close >= m;
}

/* Terminal punctuation run [i, run_end), closers up to j, next word at m:
 * is this a sentence end? */
static int is_boundary(seg_ctx *c, size_t sentence_start, size_t i,
                       size_t run_end, size_t m)
{
    size_t w = m;
    int n;
    int32_t next = utf8_at(c->text, c->block_end, w, &n);
    while (w < c->block_end && uc_is_open_punct(next)) {
        w += (size_t)n;
        next = w < c->block_end ? utf8_at(c->text, c->block_end, w, &n) : 0;
    }
    if (uc_is_lower(next))
        return 0; /* "“Why?” he asked", "e.g. the", "2 a.m. on" */
    if (inside_quotation(c, sentence_start, m))
        return 0;
    int dots = 0, other = 0, ellipsis = 0;
    for (size_t k = i; k < run_end; k += (size_t)n) {
        int32_t cp = utf8_at(c->text, run_end, k, &n);
        dots += cp == '.';
        ellipsis += cp == 0x2026;
        other += cp != '.' && cp != ' ';
    }
    if (other == 0 && dots == 1)
        return full_stop_ends(c, sentence_start, i, w, next);
    /* "the thing is . . . I didn't": three spaced dots after a space
     * mark words left out, inside the sentence; a fourth dot is its
     * stop ("a period . . . . Next"). */
    if (other == 0 && dots == 3 && run_end - i == 5 && i > sentence_start &&
        c->text[i - 1] == ' ')
        return 0;
    if (other > ellipsis)
        return 1; /* "!", "?", "?!", "!.." */
    /* An ellipsis ends a sentence only before a capital: "... and then". */
    return uc_is_upper(next) || w > m;
}

/* A sentence run into the one before without its stop, as flattened
 * pages give a caption: "…caught on a tourist's camera The embarrassed
 * soldier quickly…".  After a lower-case word, a capitalised sentence
 * opener ([opener] in abbrev/XX.txt: "The", "But", "She") followed by a
 * lower-case word starts the next sentence; titles go on with a
 * capital ("watched The Godfather"), and "Serie A club", "Faking It
 * and" have no opener.  i is the space before the opener. */
static int run_in_boundary(seg_ctx *c, size_t sentence_start, size_t i)
{
    const char *t = c->text;
    size_t e = c->block_end, w = i + 1;
    int n;
    /* The word after first: it is lower case after most spaces. */
    if (i <= sentence_start || t[i] != ' ' || w >= e ||
        !uc_is_upper(utf8_at(t, e, w, &n)) ||
        !uc_is_lower(utf8_at(t, e, utf8_prev(t, i), &n)))
        return 0;
    size_t w_end = letters_end(c, w);
    if (w_end >= e || t[w_end] != ' ' || w_end + 1 >= e ||
        !uc_is_lower(utf8_at(t, e, w_end + 1, &n)))
        return 0;
    char buf[16];
    size_t len = utf8_lower(t, w, w_end, buf, sizeof buf);
    return lookup_abbrev(c, buf, len) == ABBR_OPENER &&
           !inside_quotation(c, sentence_start, w);
}

/* A photo caption run into the sentence after it, as flattened pages
 * give them: "... Dani Alves (right) However Real Madrid remain top".
 * A bracket of one to three lower-case words, then a capitalised stop
 * word, is not running prose: the caption ends at the bracket (close),
 * and the next sentence starts at *next. */
#define CAPTION_BRACKET_BYTES 32
static int caption_bracket_ends(const seg_ctx *c, size_t sentence_start,
                                size_t close, size_t *next)
{
    const char *t = c->text;
    size_t p = close;
    int words = 0, in_word = 0, n;
    for (;;) {
        if (p <= sentence_start || close - p > CAPTION_BRACKET_BYTES)
            return 0;
        p = utf8_prev(t, p);
        int32_t cp = utf8_at(t, close, p, &n);
        if (cp == '(')
            break;
        if (uc_is_lower(cp)) {
            words += !in_word;
            in_word = 1;
        } else if (cp == ' ') {
            in_word = 0;
        } else {
            return 0;
        }
    }
    size_t m = skip_blank(t, close + 1, c->block_end);
    if (words < 1 || words > 3 || m == close + 1 || m >= c->block_end ||
        !uc_is_upper(utf8_at(t, c->block_end, m, &n)) ||
        !capitalised_stopword(c, m))
        return 0;
    *next = m;
    return 1;
}

static int is_bullet(int32_t cp)
{
    /* • ‣ ⁃ ● ◦ ■ ▪ */
    return cp == 0x2022 || cp == 0x2023 || cp == 0x2043 || cp == 0x25CF ||
           cp == 0x25E6 || cp == 0x25A0 || cp == 0x25AA;
}

enum { LIST_NONE, LIST_BULLET, LIST_NUMBER, LIST_LETTER };

/* A list marker at i: a bullet, an enumerator ("1.", "2)", "1.)", "a.",
 * "(b)") or both ("• 9."), then a space and the item.  Returns where
 * the item's text starts (i when there is no marker) and its kind,
 * value (the number; letters count from 1) and bullet. */
static size_t list_marker(const seg_ctx *c, size_t i, int *kind, int *value,
                          int32_t *bullet)
{
    const char *t = c->text;
    size_t e = c->block_end, k = i;
    int n;
    *kind = LIST_NONE;
    *value = 0;
    *bullet = utf8_at(t, e, k, &n);
    if (is_bullet(*bullet)) {
        *kind = LIST_BULLET;
        k = skip_blank(t, k + (size_t)n, e);
    } else {
        *bullet = 0;
    }
    size_t d = k + (k < e && t[k] == '('), q = d;
    while (q < e && q - d < 3 && t[q] >= '0' && t[q] <= '9')
        *value = *value * 10 + (t[q++] - '0');
    int enumerated = q > d;
    if (!enumerated && q < e && t[q] >= 'a' && t[q] <= 'z' && q + 1 < e &&
        (t[q + 1] == '.' || t[q + 1] == ')')) {
        *value = t[q++] - 'a' + 1;
        enumerated = 2;
    }
    if (enumerated) {
        size_t r = q;
        if (d == k && r < e && t[r] == '.')
            r++;
        if (r < e && t[r] == ')')
            r++;
        if (r > q && (d == k || t[r - 1] == ')') && r < e && t[r] == ' ') {
            if (*kind == LIST_NONE)
                *kind = enumerated == 2 ? LIST_LETTER : LIST_NUMBER;
            k = r;
        } else if (*kind == LIST_NONE) {
            return i;
        }
    }
    return *kind == LIST_NONE ? i : skip_blank(t, k, e);
}

/* Where the sentence starting at s is read from: past its list marker,
 * so the marker's dot ends nothing.  At the block's start any marker
 * opens a list; after it, a bullet or a number does, and a letter only
 * when it goes on from the list's last ("a." then "b."). */
static size_t sentence_body(seg_ctx *c, size_t s)
{
    int kind, value;
    int32_t bullet;
    size_t item = list_marker(c, s, &kind, &value, &bullet);
    if (item == s)
        return s;
    int goes_on = kind == c->list_kind && bullet == c->list_bullet &&
                  (kind == LIST_BULLET || value == c->list_value + 1);
    if (s != c->block_start && kind == LIST_LETTER && !goes_on)
        return s;
    c->list_kind = kind;
    c->list_value = value;
    c->list_bullet = bullet;
    return item;
}

/* Does the next item of the block's list start at i (after a space)?
 * "1) The first item 2) The second item". */
static int next_list_item(const seg_ctx *c, size_t i)
{
    if (c->list_kind == LIST_NONE)
        return 0;
    int kind, value;
    int32_t bullet;
    if (list_marker(c, i, &kind, &value, &bullet) == i)
        return 0;
    return kind == c->list_kind && bullet == c->list_bullet &&
           (kind == LIST_BULLET || value == c->list_value + 1);
}

/* A quotation mark right after a stop, before a space or the end,
 * closes: "…keine Lust.“ Wir haben", "…he said." Then". */
static int closes_after_stop(const char *t, size_t e, size_t j, int *n)
{
    int32_t cp = utf8_at(t, e, j, n);
    if (cp != '"' && cp != 0x201C && cp != 0x201D && cp != 0x201E &&
        cp != 0x00AB && cp != 0x00BB && cp != 0x2018 && cp != 0x2019 &&
        cp != '\'')
        return 0;
    size_t k = j + (size_t)*n;
    int m;
    return k >= e || uc_is_space(utf8_at(t, e, k, &m)) ||
           uc_is_close_punct(utf8_at(t, e, k, &m));
}

/* The stop run at i: ". . ." spaced dots are one run with the stop
 * before them ("complex. . . ."), but not "raak. ...en". */
static size_t stop_run_end(const char *t, size_t e, size_t i)
{
    int n;
    size_t j = i + (size_t)(utf8_at(t, e, i, &n), n);
    while (j < e) {
        int32_t c2 = utf8_at(t, e, j, &n);
        if (is_stop_punct(c2) || is_cjk_stop(c2)) {
            j += (size_t)n;
        } else if (c2 == ' ' && j + 1 < e && t[j + 1] == '.' &&
                   t[j - 1] == '.' &&
                   (j + 2 >= e || t[j + 2] == ' ' ||
                    uc_is_close_punct(utf8_at(t, e, j + 2, &n)))) {
            j++;
        } else {
            break;
        }
    }
    return j;
}

#define SEG_PLAIN(b)                                                         \
    ((b) > 0x20 && (b) < 0x7F && (b) != '.' && (b) != '!' && (b) != '?' &&   \
     (b) != ')')
static const unsigned char seg_plain[256] = {UTF8_BYTE_TABLE(SEG_PLAIN)};
/* After a space, a plain byte but a capital: the space ends no sentence
 * (run_in_boundary wants a capital after it) and, outside a list, opens
 * no item -- a space between words, one in six bytes of a text, taken
 * with the plain bytes rather than one at a time. */
#define SEG_WORD_ON(b) (SEG_PLAIN(b) && !((b) >= 'A' && (b) <= 'Z'))
static const unsigned char seg_word_on[256] = {UTF8_BYTE_TABLE(SEG_WORD_ON)};

/* The plain bytes of piece v, as bytes_in marks them. */
static inline uint64_t plain8(uint64_t v)
{
    return bytes_in(v, '!' + 1, 0x7E) &
           ~(bytes_in(v, '.', '.') | bytes_in(v, '?', '?') |
             bytes_in(v, ')', ')'));
}

/* From i, past what ends nothing -- plain bytes, and outside a list a
 * space before a word_on byte -- up to plain_end, noting the last such
 * space in *last_space: where the scan must look next.  Eight bytes a
 * step: byte by byte, the loop's exit was mispredicted at every word
 * (a twelfth of the engine's mispredicted branches on news). */
static size_t skip_plain(const seg_ctx *c, size_t i, size_t plain_end,
                         size_t *last_space)
{
    const char *t = c->text;
    int spaces = c->list_kind == LIST_NONE;
    while (i + 9 <= plain_end) {
        uint64_t v = bytes_load8(t + i);
        uint64_t plain = plain8(v);
        uint64_t word_on = plain & ~bytes_in(v, 'A', 'Z');
        uint64_t before_word =
            word_on >> 8 |
            (uint64_t)(seg_word_on[(unsigned char)t[i + 8]] ? 0x80 : 0)
                << 56;
        uint64_t space = spaces ? bytes_in(v, ' ', ' ') & before_word : 0;
        uint64_t pass = plain | space;
        size_t n = pass == BYTES_HIGH ? 8 : bytes_first(~pass & BYTES_HIGH);
        space &= n == 8 ? ~0ull : ~(~0ull << (8 * n));
        if (space)
            *last_space = i + (size_t)(63 - __builtin_clzll(space)) / 8;
        i += n;
        if (n < 8)
            return i;
    }
    for (;;) {
        while (i < plain_end && seg_plain[(unsigned char)t[i]])
            i++;
        if (i + 1 >= plain_end || t[i] != ' ' || !spaces ||
            !seg_word_on[(unsigned char)t[i + 1]])
            return i;
        *last_space = i++;
    }
}

static int scan_block(seg_ctx *c)
{
    const char *t = c->text;
    size_t e = c->block_end;
    size_t s = c->block_start, i = s, last_space = 0;
    c->list_kind = LIST_NONE;
    size_t story = dateline_end(t, s, e);
    if (story > s) {
        size_t at = c->list->count;
        if (push(c, s, story) != 0)
            return PRECIS_ENOMEM;
        if (c->list->count > at)
            c->list->items[at].dateline = 1;
        s = i = story;
    }
    i = sentence_body(c, s);
    while (i < e) {
        /* Printable ASCII but the stops and ')' (letters, digits, most
         * punctuation: most of a text) ends nothing: passed over, up to
         * the longest sentence. */
        size_t plain_end =
            s + SEG_MAX_SENTENCE + 1 < e ? s + SEG_MAX_SENTENCE + 1 : e;
        i = skip_plain(c, i, plain_end, &last_space);
        if (i >= e)
            break;
        int n;
        int32_t cp = utf8_at(t, e, i, &n);
        if (uc_is_space(cp)) {
            if (run_in_boundary(c, s, i)) {
                size_t at = c->list->count;
                if (push(c, s, i) != 0)
                    return PRECIS_ENOMEM;
                if (c->list->count > at)
                    c->list->items[at].run_in = 1;
                s = i + 1;
                i = sentence_body(c, s);
                last_space = 0;
                continue;
            }
            last_space = i;
            i += (size_t)n;
            if (i < e && i > s && next_list_item(c, i)) {
                if (push(c, s, i) != 0)
                    return PRECIS_ENOMEM;
                s = i;
                i = sentence_body(c, s);
            }
            continue;
        }
        if (i - s > SEG_MAX_SENTENCE) {
            size_t cut = last_space > s ? last_space : i;
            if (push(c, s, cut) != 0)
                return PRECIS_ENOMEM;
            s = i = skip_blank(t, cut, e);
            last_space = 0;
            continue;
        }
        size_t next;
        if (cp == ')' && caption_bracket_ends(c, s, i, &next)) {
            if (push(c, s, i + 1) != 0)
                return PRECIS_ENOMEM;
            s = i = next;
            last_space = 0;
            continue;
        }
        if (is_cjk_stop(cp) || is_stop_punct(cp)) {
            size_t j = stop_run_end(t, e, i);
            size_t run_end = j;
            /* "[...]", "(…)": an omission, not a stop. */
            if (i > s && (t[i - 1] == '[' || t[i - 1] == '(') && j < e &&
                (t[j] == ']' || t[j] == ')')) {
                i = j + 1;
                continue;
            }
            while (j < e) { /* closing quotes and brackets: …win.” */
                int32_t c2 = utf8_at(t, e, j, &n);
                if (uc_is_space(c2) && c2 != '\n') {
                    /* French spacing: « Nous ne céderons pas. » -- but
                     * not the German opening mark of the next sentence,
                     * set against its first word: "Stimme. »Ich" */
                    int m, m2;
                    size_t k = skip_blank(t, j, e);
                    if (k < e && utf8_at(t, e, k, &m) == 0x00BB &&
                        (k + (size_t)m >= e ||
                         !uc_is_letter(utf8_at(t, e, k + (size_t)m, &m2)))) {
                        j = k + (size_t)m;
                        continue;
                    }
                    break;
                }
                if (!uc_is_close_punct(c2) && !closes_after_stop(t, e, j, &n))
                    break;
                j += (size_t)n;
            }
            int cjk = is_cjk_stop(cp);
            /* "...she said.; At least four": paragraphs flattened with a
             * semicolon (San Jose Mercury News copy in DUC2002).  The
             * semicolon is the break, not part of either sentence. */
            size_t stop_end = j;
            if (!cjk && j + 1 < e && t[j] == ';' && t[j + 1] == ' ')
                j++;
            if (j < e && !cjk && !uc_is_space(utf8_at(t, e, j, &n))) {
                if (glued_boundary(c, s, i, j)) {
                    if (push(c, s, j) != 0)
                        return PRECIS_ENOMEM;
                    s = j;
                    i = sentence_body(c, s);
                    last_space = 0;
                    continue;
                }
                i = run_end; /* "3.5", "example.com", "today.Credit" */
                continue;
            }
            size_t m = skip_blank(t, j, e);
            if (m >= e)
                break;
            /* "compounds. . . . The practice": a sentence's stop, then
             * an ellipsis opening the next (MLA style); "period . . . ."
             * with a space before the first dot is one run. */
            if (run_end == i + 7 && i > s && t[i - 1] != ' ' &&
                !memcmp(t + i, ". . . .", 7) && j == run_end &&
                is_boundary(c, s, i, run_end, m)) {
                if (push(c, s, i + 1) != 0)
                    return PRECIS_ENOMEM;
                s = i + 2;
                i = run_end;
                last_space = 0;
                continue;
            }
            if (cjk || is_boundary(c, s, i, run_end, m)) {
                if (push(c, s, stop_end) != 0)
                    return PRECIS_ENOMEM;
                s = m;
                i = sentence_body(c, s);
                last_space = 0;
                continue;
            }
            i = run_end;
            continue;
        }
        i += (size_t)n;
    }
    return push(c, s, e);
}

/* "The report, released on" / "Officials said that," cannot end a
 * sentence, so the line runs on whatever case the next one starts in. */
static int ends_open(const char *text, size_t first, size_t last,
                     const seg_rules *rules)
{
    char ch = text[last - 1];
    if (ch == ',' || ch == ';')
        return 1;
    if (ch == '-' && last - first >= 2) { /* "well-" + "known" */
        int n;
        return uc_is_letter(
            utf8_at(text, last, utf8_prev(text, last - 1), &n));
    }
    size_t w = last;
    while (w > first) {
        size_t p = utf8_prev(text, w);
        int n;
        if (!uc_is_letter(utf8_at(text, last, p, &n)))
            break;
        w = p;
    }
    if (w == last || !rules || !rules->stop ||
        (w > first && text[w - 1] != ' '))
        return 0;
    int n;
    if (!uc_is_lower(utf8_at(text, last, w, &n)))
        return 0;
    return strmap_get(rules->stop, text + w, last - w) != NULL;
}

/* Split into lines: \n, \r\n, \r, U+0085, U+2028, U+2029. */
static int split_lines(const char *text, size_t len, const seg_rules *rules,
                       line **out, size_t *count)
{
    size_t cap = 0, n = 0;
    line *lines = NULL;
    size_t start = 0, i = 0;
    while (i <= len) {
        int w = 1;
        int32_t cp = '\n';
        /* Every line break but \n and \r is beyond ASCII. */
        i = utf8_scan_to(text, i, len, '\n', '\r', '\r');
        if (i < len) {
            unsigned char ch = (unsigned char)text[i];
            if (ch >= 0x80)
                w = utf8_decode(text, len, i, &cp);
            else
                cp = ch;
            if (!uc_is_newline(cp)) {
                i += (size_t)w;
                continue;
            }
        }
        line *grown = array_grow(lines, &cap, n, sizeof *lines, 64);
        if (!grown) {
            mem_free(lines);
            return PRECIS_ENOMEM;
        }
        lines = grown;
        line *l = &lines[n++];
        l->first = skip_blank(text, start, i);
        l->last = trim_end(text, l->first, i);
        l->blank = l->first >= l->last;
        l->terminal = !l->blank && ends_terminal(text, l->first, l->last);
        l->starts_lower = 0;
        l->ends_open = !l->blank && !l->terminal &&
                       ends_open(text, l->first, l->last, rules);
        l->prose = 0;
        if (!l->blank) {
            int32_t first;
            utf8_decode(text, len, l->first, &first);
            l->starts_lower = uc_is_lower(first) != 0;
            size_t words = 1;
            for (size_t k = l->first + 1; k < l->last && words < 3; k++)
                words += text[k] != ' ' && text[k - 1] == ' ';
            l->prose = words >= 3;
        }
        if (cp == '\r' && i + 1 < len && text[i + 1] == '\n')
            w = 2;
        i += (size_t)w;
        start = i;
    }
    *out = lines;
    *count = n;
    return 0;
}

/* Hard-wrapped text: most lines run on into another line, and most of
 * those stop mid-sentence, with blank lines between paragraphs.  Then a
 * single line break is a space.  Scraped pages, with a line per
 * paragraph and the odd two-line caption, are not. */
static int is_hard_wrapped(const line *lines, size_t n)
{
    size_t inner = 0, open = 0, blank = 0;
    for (size_t k = 0; k < n; k++) {
        if (lines[k].blank) {
            blank++;
            continue;
        }
        if (k + 1 < n && !lines[k + 1].blank) {
            inner++;
            open += !lines[k].terminal;
        }
    }
    size_t text_lines = n - blank;
    return blank > 0 && inner >= 4 && inner * 2 >= text_lines &&
           open * 10 >= inner * 6;
}

int segment_text(const char *text, size_t len, const seg_rules *rules,
                 seg_list *list)
{
    memset(list, 0, sizeof *list);
    line *lines;
    size_t n;
    if (split_lines(text, len, rules, &lines, &n) != 0)
        return PRECIS_ENOMEM;
    int wrapped = is_hard_wrapped(lines, n);
    seg_ctx c = {.text = text,
                 .len = len,
                 .rules = rules,
                 .list = list,
                 .quote_from = SIZE_MAX};
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0;) {
        if (lines[k].blank) {
            k++;
            continue;
        }
        size_t last = k;
        for (;;) {
            size_t next = last + 1;
            while (next < n && lines[next].blank)
                next++;
            if (next >= n)
                break;
            /* A sentence cut by a line break goes on in lower case on
             * the next line: across a blank line when both are prose (a
             * page that lost a link: "Promising 60m hurdler\n\nclocked
             * a new UK record"), across a single break when either is
             * ("outpacing the\nDow Jones Industrial\nand"), so menu
             * items and widgets ("Share this\n\nfacebook twitter",
             * "Home\nnews\nsport") stay apart. */
            int cut = !lines[last].terminal && lines[next].starts_lower;
            int joins = next == last + 1
                            ? cut && (lines[last].prose || lines[next].prose)
                            : cut && lines[last].prose && lines[next].prose;
            if (next == last + 1)
                joins = joins || wrapped || lines[last].ends_open;
            /* An inline link flattened onto a line of its own, between
             * the words before it and the lower-case words after it:
             * "Shares of construction goods giant\nHome Depot\nare
             * dropping". */
            if (!joins && next == last + 1 && next + 1 < n &&
                !lines[last].terminal && lines[last].prose &&
                !lines[next].terminal && !lines[next].prose &&
                lines[next + 1].starts_lower && lines[next + 1].prose) {
                last = next + 1;
                continue;
            }
            if (!joins)
                break;
            last = next;
        }
        c.block_start = lines[k].first;
        c.block_end = lines[last].last;
        size_t before = list->count;
        rc = scan_block(&c);
        if (list->count > before)
            list->paragraphs++;
        k = last + 1;
    }
    mem_free(lines);
    if (rc != 0) {
        mem_free(list->items);
        memset(list, 0, sizeof *list);
    }
    return rc;
}

void seg_list_free(seg_list *list)
{
    mem_free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
}
