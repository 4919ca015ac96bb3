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
#include "array.h"
#include "dateline.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

typedef struct line {
    size_t first, last; /* trimmed content [first, last) */
    unsigned blank : 1;
    unsigned terminal : 1;  /* ends in sentence punctuation */
    unsigned ends_open : 1; /* ends in a comma or a lower-case stop word */
    unsigned starts_lower : 1;
} line;

typedef struct seg_ctx {
    const char *text;
    size_t len;
    const seg_rules *rules;
    seg_list *list;
    size_t block_start, block_end;
    /* Whether a quotation is open at quote_at in the sentence starting
     * at quote_from: inside_running_quote() goes on from there, so a
     * sentence is read once however many stops it holds. */
    size_t quote_from, quote_at;
    int quote_open;
} seg_ctx;

static int is_blank_cp(int32_t cp)
{
    return uc_is_space(cp) || uc_is_ignorable(cp);
}

static int is_stop_punct(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

static int is_cjk_stop(int32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61;
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
        return -1;
    l->items = items;
    seg_sentence *s = &items[l->count++];
    s->start = start;
    s->end = end;
    s->paragraph = l->paragraphs;
    s->terminated = ends_terminal(c->text, start, end) != 0;
    s->whole_line = start == c->block_start && end == c->block_end;
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

static int abbrev_kind(const seg_ctx *c, size_t start, size_t end)
{
    char buf[32];
    size_t len = utf8_lower(c->text, start, end, buf, sizeof buf);
    if (!len || !c->rules || !c->rules->abbrev)
        return 0;
    const uint32_t *kind = strmap_get(c->rules->abbrev, buf, len);
    return kind ? (int)*kind : 0;
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
 * word before the stop. */
static int full_stop_ends(const seg_ctx *c, size_t sentence_start, size_t i,
                          size_t w, int32_t next)
{
    size_t p = i;
    while (p > sentence_start) {
        size_t q = utf8_prev(c->text, p);
        int n;
        if (uc_is_space(utf8_at(c->text, i, q, &n)))
            break;
        p = q;
    }
    for (;;) { /* "(Mr.", "“Gen." and "”Mr." (a mark typed the wrong
                  way round) are still abbreviations */
        int n;
        int32_t cp = p < i ? utf8_at(c->text, i, p, &n) : 0;
        if (p >= i || !(uc_is_open_punct(cp) || cp == 0x201D || cp == 0x00BB))
            break;
        p += (size_t)n;
    }
    if (p >= i)
        return 0; /* a stray dot after a space: ". . ." */
    int kind = abbrev_kind(c, p, i);
    if (kind == ABBR_PREFIX)
        return 0;
    if (kind == ABBR_NUMBER && uc_is_digit(next))
        return 0;
    int n;
    int32_t first = utf8_at(c->text, i, p, &n);
    int initial = p + (size_t)n == i && uc_is_upper(first);
    int dotted = is_initialism(c->text, p, i);
    if (kind || initial || dotted)
        return uc_is_upper(next) && capitalised_stopword(c, w);
    return 1;
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
    if (lower == 0 || (w < e && !uc_is_space(utf8_at(t, e, w, &n))))
        return 0;
    /* The word before the stop: not an abbreviation ("Mr.Benn"). */
    size_t p = i;
    while (p > sentence_start &&
           uc_is_letter(utf8_at(t, e, utf8_prev(t, p), &n)))
        p = utf8_prev(t, p);
    if (abbrev_kind(c, p, i))
        return 0;
    if (capitalised_stopword(c, j))
        return 1;
    size_t next = skip_blank(t, w, e);
    if (next == w || next >= e)
        return 0;
    int32_t after = utf8_at(t, e, next, &n);
    return uc_is_letter(after) || uc_is_digit(after);
}

/* Double quotation marks: +1 opens, -1 closes, 0 neither; *n is the
 * mark's length.  Single quotes are left out: they are apostrophes as
 * often.  A straight '"' opens after a space or a bracket (or at from),
 * and closes otherwise. */
static int quote_mark(const char *t, size_t end, size_t from, size_t k, int *n)
{
    int32_t cp = utf8_at(t, end, k, n);
    if (cp == 0x201C || cp == 0x00AB || cp == 0x201E)
        return 1;
    if (cp == 0x201D || cp == 0x00BB)
        return -1;
    if ((cp == '`' || cp == '\'') && k + 1 < end && t[k + 1] == t[k]) {
        *n = 2;
        return cp == '`' ? 1 : -1;
    }
    if (cp != '"')
        return 0;
    return k == from || t[k - 1] == ' ' || t[k - 1] == '(' ? 1 : -1;
}

#define QUOTE_LOOKAHEAD 200
/* "chanting ``Freedom! Freedom!'' trekked", "“Why? Because,” he said":
 * an exclamation or a question inside a quotation the sentence goes on
 * after (the word past its closing mark is in lower case) does not end
 * the sentence.  The quotation must be open at m, the word after the
 * stop, and close within QUOTE_LOOKAHEAD bytes. */
static int inside_running_quote(seg_ctx *c, size_t sentence_start, size_t m)
{
    const char *t = c->text;
    size_t e = c->block_end, k = sentence_start;
    int open = 0, n;
    if (c->quote_from == sentence_start && c->quote_at <= m) {
        k = c->quote_at;
        open = c->quote_open;
    }
    for (; k < m; k += (size_t)n) {
        int q = quote_mark(t, e, sentence_start, k, &n);
        if (q)
            open = q > 0;
    }
    c->quote_from = sentence_start;
    c->quote_at = k;
    c->quote_open = open;
    if (!open)
        return 0;
    for (k = m; k < e && k - m < QUOTE_LOOKAHEAD; k += (size_t)n) {
        int q = quote_mark(t, e, sentence_start, k, &n);
        if (q > 0)
            return 0;
        if (q < 0) {
            size_t w = k + (size_t)n;
            while (w < e && !uc_is_letter(utf8_at(t, e, w, &n))) {
                int32_t cp = utf8_at(t, e, w, &n);
                if (!uc_is_space(cp) && cp != ',' && cp != ';')
                    return 0;
                w += (size_t)n;
            }
            return w < e && uc_is_lower(utf8_at(t, e, w, &n));
        }
    }
    return 0;
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
    int dots = 0, other = 0;
    for (size_t k = i; k < run_end; k += (size_t)n) {
        int32_t cp = utf8_at(c->text, run_end, k, &n);
        dots += cp == '.';
        other += cp != '.';
    }
    if (other == 0 && dots == 1)
        return full_stop_ends(c, sentence_start, i, w, next);
    int has_ellipsis = dots >= 2;
    for (size_t k = i; k < run_end; k += (size_t)n)
        if (utf8_at(c->text, run_end, k, &n) == 0x2026)
            has_ellipsis = 1;
    for (size_t k = i; k < run_end; k += (size_t)n) {
        int32_t cp = utf8_at(c->text, run_end, k, &n);
        if (cp == '!' || cp == '?')
            return !inside_running_quote(c, sentence_start, m);
    }
    /* An ellipsis ends a sentence only before a capital: "... and then". */
    return has_ellipsis && (uc_is_upper(next) || w > m);
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

static int scan_block(seg_ctx *c)
{
    const char *t = c->text;
    size_t e = c->block_end;
    size_t s = c->block_start, i = s, last_space = 0;
    size_t story = dateline_end(t, s, e);
    if (story > s) {
        size_t at = c->list->count;
        if (push(c, s, story) != 0)
            return -1;
        if (c->list->count > at)
            c->list->items[at].dateline = 1;
        s = i = story;
    }
    while (i < e) {
        int n;
        int32_t cp = utf8_at(t, e, i, &n);
        if (uc_is_space(cp)) {
            last_space = i;
            i += (size_t)n;
            continue;
        }
        if (i - s > SEG_MAX_SENTENCE) {
            size_t cut = last_space > s ? last_space : i;
            if (push(c, s, cut) != 0)
                return -1;
            s = i = skip_blank(t, cut, e);
            last_space = 0;
            continue;
        }
        size_t next;
        if (cp == ')' && caption_bracket_ends(c, s, i, &next)) {
            if (push(c, s, i + 1) != 0)
                return -1;
            s = i = next;
            last_space = 0;
            continue;
        }
        if (is_cjk_stop(cp) || is_stop_punct(cp)) {
            size_t j = i + (size_t)n;
            while (j < e) { /* the whole run: "?!", "...", "。" */
                int32_t c2 = utf8_at(t, e, j, &n);
                if (!is_stop_punct(c2) && !is_cjk_stop(c2))
                    break;
                j += (size_t)n;
            }
            size_t run_end = j;
            while (j < e) { /* closing quotes and brackets: …win.” */
                int32_t c2 = utf8_at(t, e, j, &n);
                if (!uc_is_close_punct(c2))
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
                        return -1;
                    s = i = j;
                    last_space = 0;
                    continue;
                }
                i = run_end; /* "3.5", "example.com", "today.Credit" */
                continue;
            }
            size_t m = skip_blank(t, j, e);
            if (m >= e)
                break;
            if (cjk || is_boundary(c, s, i, run_end, m)) {
                if (push(c, s, stop_end) != 0)
                    return -1;
                s = i = m;
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
            free(lines);
            return -1;
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
        if (!l->blank) {
            int32_t first;
            utf8_decode(text, len, l->first, &first);
            l->starts_lower = uc_is_lower(first) != 0;
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
        return -1;
    int wrapped = is_hard_wrapped(lines, n);
    seg_ctx c = {text, len, rules, list, 0, 0, SIZE_MAX, 0, 0};
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
            /* Across a blank line only a paragraph cut mid-sentence
             * joins: no final stop, the next one in lower case (a page
             * that lost a link: "Promising 60m hurdler\n\nclocked a
             * new UK record"). */
            int joins = !lines[last].terminal && lines[next].starts_lower;
            if (next == last + 1)
                joins = joins || wrapped || lines[last].ends_open;
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
    free(lines);
    if (rc != 0) {
        free(list->items);
        memset(list, 0, sizeof *list);
    }
    return rc;
}
