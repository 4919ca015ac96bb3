/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * quote_marks.c -- pairing quotation marks.
 *
 * Styles: “…” "…" ‘…’ '…' «…» « … » „…“ „…” ‚…‘ »…« ”…” 「…」 『…』, and
 * the typewriter ''…'' and ``…'' of older newspaper archives.
 * A quotation never leaves its paragraph, except in the news convention
 * for long quotes: each paragraph opens with the mark and only the last
 * one closes.  An opening mark with no partner is skipped, so one stray
 * mark cannot swallow the rest of the document.
 *
 * Apostrophes are not marks: a ' or ’ between two letters (don't), an
 * opening one before digits ('90s), a closing one with no opening one
 * before it (Hamas'), and one-letter spans (rock 'n' roll).  A " after
 * a digit is an inch mark.
 */
#include <stdlib.h>

#include "alloc.h"
#include "attribution.h"
#include "array.h"
#include "pipeline.h"
#include "engine.h"
#include "quote_marks.h"
#include "tokenize.h"
#include "utf8.h"

/* A quote continued over more paragraphs than this is taken for an
 * unbalanced mark instead. */
#define MAX_QUOTE_PARAGRAPHS 12
#define MAX_COUNTED_WORDS 64
/* A capitalised phrase up to this long inside a sentence is a title or a
 * name even with the comma or full stop US style puts inside the marks. */
#define MAX_TITLE_WORDS 8

typedef struct para {
    size_t start, end;
} para;

/* Two apostrophes or backquotes standing for a double mark. */
#define DOUBLE_APOSTROPHE 0x110000
#define DOUBLE_BACKQUOTE 0x110001

/* The mark or character at i, reading '' and `` as one mark. */
static int32_t mark_at(const char *t, size_t end, size_t i, int *n)
{
    if (i + 1 < end && (t[i] == '\'' || t[i] == '`') && t[i + 1] == t[i]) {
        *n = 2;
        return t[i] == '\'' ? DOUBLE_APOSTROPHE : DOUBLE_BACKQUOTE;
    }
    return utf8_at(t, end, i, n);
}

static int32_t cp_before(const char *t, size_t from, size_t i)
{
    if (i <= from)
        return 0;
    int32_t cp;
    size_t p = utf8_prev(t, i);
    utf8_next(t, i, p, &cp);
    return cp;
}

static int is_alnum(int32_t cp)
{
    return uc_is_letter(cp) || uc_is_digit(cp);
}

/* Punctuation a closing mark follows ("…marsch!«", "…weiß«,"). */
static int is_clause_end(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == ',' || cp == ';' ||
           cp == 0x2026;
}

static int is_single(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

/*
 * If the mark cp at i (paragraph from ps, ending at pe) opens a
 * quotation, the marks that may close it into close[0..2] (0 past the
 * last); else 0.
 */
static int opening(const char *t, size_t ps, size_t i, size_t pe, int32_t cp,
                   int n, int32_t close[3])
{
    int32_t prev = cp_before(t, ps, i), next = 0;
    int nn = 0;
    if (i + (size_t)n < pe)
        next = utf8_at(t, pe, i + (size_t)n, &nn);
    close[1] = close[2] = 0;
    switch (cp) {
    case 0x201C: /* “ */
        close[0] = 0x201D;
        return 1;
    case 0x201E: /* „…“, „…”, and „…" as German keyboards type it */
        close[0] = 0x201C;
        close[1] = 0x201D;
        close[2] = '"';
        return 1;
    case 0x201A: /* ‚ */
        close[0] = 0x2018;
        close[1] = 0x2019;
        return 1;
    case 0x00AB: /* « opens in French, not set against the word before
                    it: that is German's closing mark (»…«) */
        close[0] = 0x00BB;
        return !prev || !(is_alnum(prev) || is_clause_end(prev));
    case 0x00BB: /* » opens in German and Danish: »…« */
        close[0] = 0x00AB;
        return next && !uc_is_space(next) &&
               (!prev || !(is_alnum(prev) || is_clause_end(prev)));
    case 0x2039: /* ‹ opens like « (French, Swiss): ‹…› */
        close[0] = 0x203A;
        return !prev || !(is_alnum(prev) || is_clause_end(prev));
    case 0x203A: /* › opens like » (German): ›…‹ */
        close[0] = 0x2039;
        return next && !uc_is_space(next) &&
               (!prev || !(is_alnum(prev) || is_clause_end(prev)));
    case DOUBLE_APOSTROPHE: /* ''…'' */
    case DOUBLE_BACKQUOTE:  /* ``…'' */
        close[0] = DOUBLE_APOSTROPHE;
        return next && !uc_is_space(next);
    case 0x300C: /* 「 */
        close[0] = 0x300D;
        return 1;
    case 0x300E: /* 『 */
        close[0] = 0x300F;
        return 1;
    case 0x201D: /* ” opening, as careless typing and Swedish have it */
        close[0] = 0x201D;
        return !is_alnum(prev) && !uc_is_space(next) && uc_is_letter(next);
    case '"':
        close[0] = '"';
        /* Not after a word (a closing mark or 12" pipe), not before
         * space (a closing one whose partner is missing). */
        return !is_alnum(prev) && prev != '.' && prev != ',' && next &&
               !uc_is_space(next);
    case '\'':
    case 0x2018: /* ‘ */
        close[0] = 0x2019;
        close[1] = '\'';
        /* Not inside a word (don't), not before digits ('90s). */
        return !is_alnum(prev) && (uc_is_letter(next) || next == 0x201C ||
                                   next == '"');
    default:
        return 0;
    }
}

/* A mark that may close: for ' and ’ only at the end of a word, so the
 * apostrophe of "don't" does not close 'Nobody doesn't'. */
static int closes_here(const char *t, size_t ps, size_t i, size_t pe,
                       int32_t cp, int n, int32_t open)
{
    int nn;
    int32_t next = i + (size_t)n < pe ? utf8_at(t, pe, i + (size_t)n, &nn) : 0;
    /* After „, a " set against the next word opens a quotation inside
     * („sagte "nein" dazu“); it does not close the outer one. */
    if (cp == '"' && open == 0x201E)
        return !uc_is_letter(next);
    if (!is_single(cp))
        return 1;
    int32_t prev = cp_before(t, ps, i);
    return prev && !uc_is_space(prev) && !is_alnum(next);
}

/* The closing mark of the quotation opened in paragraph *p, from j on;
 * follows the paragraphs that reopen with the same mark.  Returns its
 * offset and advances *p, or SIZE_MAX. */
static size_t find_close(const char *t, const para *ps, size_t np, size_t *p,
                         size_t j, int32_t open, const int32_t close[3])
{
    size_t k = *p;
    for (size_t hops = 0; hops < MAX_QUOTE_PARAGRAPHS; hops++) {
        const para *g = &ps[k];
        int n;
        while ((j = utf8_next_quote_byte(t, j, g->end)) < g->end) {
            int32_t cp = mark_at(t, g->end, j, &n);
            if ((cp == close[0] || (close[1] && cp == close[1]) ||
                 (close[2] && cp == close[2])) &&
                closes_here(t, g->start, j, g->end, cp, n, open)) {
                *p = k;
                return j;
            }
            j += (size_t)n;
        }
        /* News style: "…(no close)¶"…" continues the quotation: the
         * paragraph ends a sentence, the next one reopens. */
        int32_t last = cp_before(t, g->start, g->end);
        if (k + 1 >= np ||
            !(last == '.' || last == '!' || last == '?' || last == 0x2026) ||
            mark_at(t, ps[k + 1].end, ps[k + 1].start, &n) != open)
            return SIZE_MAX;
        k++;
        j = ps[k].start + (size_t)n;
    }
    return SIZE_MAX;
}

/* Nothing before open in its paragraph, or the end of a sentence: a
 * colon or a stop, also behind the closing mark of the quotation before
 * ("…Oberleutnant.« »Ja, ja, ich weiß«"). */
static int opens_sentence(const char *t, size_t ps, size_t open)
{
    size_t i = open;
    int closings = 0;
    for (;;) {
        while (i > ps && (t[i - 1] == ' ' || t[i - 1] == '\t'))
            i--;
        if (i == ps)
            return !closings;
        size_t p = utf8_prev(t, i);
        int n;
        int32_t cp = utf8_at(t, i, p, &n);
        if (closings > 0 || !(uc_is_close_punct(cp) || cp == 0x00AB))
            break;
        closings++;
        i = p;
    }
    char c = t[i - 1];
    return c == ':' || c == '.' || c == '!' || c == '?';
}

/* Scare quotes and titles are short, or read as a name; statements end
 * in punctuation inside the marks (US style keeps even a closing comma
 * there) or stand on their own after a colon or a full stop. */
/* The speech cue of token k (CUE_*), 0 out of range. */
static int cue_of(const doc *d, size_t k)
{
    return k < d->ntoks ? DOC_CUE_KIND(d->toks[k].cue) : 0;
}

/* A cue verb right after the quotation ("«Siamo molto preoccupati», ha
 * aggiunto"), or a cue verb and a word of [that] right before it
 * ("explicou que \"o arcabouço será cumprido\""): what it quotes was
 * said, however short. */
static int said(const doc *d, const qspan *q)
{
    size_t k = doc_token_at(d, q->after);
    if (cue_of(d, k) == CUE_VERB ||
        (cue_of(d, k) == CUE_AUXILIARY && cue_of(d, k + 1) == CUE_VERB))
        return 1;
    k = doc_token_at(d, q->open);
    return k >= 2 && cue_of(d, k - 1) == CUE_THAT &&
           (cue_of(d, k - 2) == CUE_VERB || cue_of(d, k - 2) == CUE_ACCORDING);
}

static void classify(const doc *d, qspan *q)
{
    int titlecase = 1, first_capital = 0;
    uint32_t words = 0;
    for (size_t k = doc_token_at(d, q->start);
         k < d->ntoks && doc_token_end(&d->toks[k]) <= q->end && words < MAX_COUNTED_WORDS;
         k++) {
        const doc_token *tok = &d->toks[k];
        if (words == 0)
            first_capital = (tok->flags & TOK_CAPITAL) != 0;
        if (!tok->stop && !(tok->flags & (TOK_CAPITAL | TOK_NUMBER)))
            titlecase = 0;
        words++;
    }
    q->words = words;
    q->whole = (unsigned)first_capital;
    size_t e = q->end;
    while (e > q->start && d->text[e - 1] == ' ')
        e--;
    int32_t last = cp_before(d->text, q->start, e);
    int terminal = last == '.' || last == '!' || last == '?' || last == ',' ||
                   last == ';' || last == ':' || last == 0x2026 ||
                   last == 0x3002;
    if (words < 3)
        /* but a line of dialogue: »Fahr zu ...« sagt der Fahrgast */
        q->fragment = !(q->opens_sentence && first_capital && terminal);
    else if (titlecase && !q->opens_sentence &&
             (!terminal || (words <= MAX_TITLE_WORDS &&
                            (last == ',' || last == '.'))))
        q->fragment = 1; /* "Saturday Night Live", "Fox News Sunday," */
    else if (!terminal && !q->opens_sentence && words < 6)
        q->fragment = !said(d, q); /* "like a spoiled child" */
    else if (words == 3 && !(terminal && first_capital))
        q->fragment = !(first_capital && q->opens_sentence && said(d, q));
    /* "has totally overlapped." */
    else
        q->fragment = 0;
}

/* Paragraph ranges from the segmenter's sentences. */
static para *paragraphs_of(const doc *d, size_t *np)
{
    para *ps = mem_malloc((d->nsents ? d->nsents : 1) * sizeof *ps);
    if (!ps)
        return NULL;
    size_t n = 0;
    for (size_t k = 0; k < d->nsents; k++) {
        const seg_sentence *s = &d->sents[k].seg;
        if (n && d->sents[k - 1].seg.paragraph == s->paragraph)
            ps[n - 1].end = s->end;
        else
            ps[n++] = (para){s->start, s->end};
    }
    *np = n;
    return ps;
}

/* Closers already looked for in vain from some point of a paragraph:
 * any later opener of that kind there fails the same way, so a page of
 * unmatched marks costs one scan, not one per mark. */
#define MAX_MISSES 8
typedef struct misses {
    int32_t close[MAX_MISSES];
    size_t paragraph[MAX_MISSES];
    unsigned n, next;
} misses;

static int missed(const misses *m, int32_t close, size_t p)
{
    for (unsigned k = 0; k < m->n; k++)
        if (m->close[k] == close && m->paragraph[k] == p)
            return 1;
    return 0;
}

static void miss(misses *m, int32_t close, size_t p)
{
    m->close[m->next] = close;
    m->paragraph[m->next] = p;
    m->next = (m->next + 1) % MAX_MISSES;
    if (m->n < MAX_MISSES)
        m->n++;
}

static int is_dash(int32_t cp)
{
    return cp == 0x2014 || cp == 0x2013 || cp == 0x2015; /* — – ― */
}

/* The first dash in t[from, end) set off after a space and followed by
 * a lower-case word, the narration of a line of dialogue ("— спросил
 * он", " —dijo el ministro"); SIZE_MAX when there is none. */
static size_t narration_dash(const char *t, size_t from, size_t end)
{
    int n;
    for (size_t j = from; j < end; j += (size_t)n) {
        int32_t cp = utf8_at(t, end, j, &n);
        if (!is_dash(cp) || j == from || t[j - 1] != ' ')
            continue;
        size_t k = j + (size_t)n;
        while (k < end && t[k] == ' ')
            k++;
        int m;
        if (k < end && uc_is_lower(utf8_at(t, end, k, &m)))
            return j;
    }
    return SIZE_MAX;
}

/* Where the narration of a line of dialogue is only an inverted verb
 * after its last comma ("— Je viens demain, dit-il.", "…, répondit
 * Marie."): that comma; SIZE_MAX when no verb of saying (or an
 * auxiliary, "a-t-il ajouté") is among the first words after it, whole
 * or before a hyphen.  Tokens: how far the verb may stand. */
#define INCISE_VERB_WITHIN 3
static size_t incise_comma(const doc *d, size_t start, size_t end)
{
    const char *t = d->text;
    size_t comma = SIZE_MAX;
    for (size_t j = start; j < end; j++)
        if (t[j] == ',')
            comma = j;
    if (comma == SIZE_MAX)
        return SIZE_MAX;
    size_t k = doc_token_at(d, comma);
    for (size_t w = 0; k < d->ntoks && w < INCISE_VERB_WITHIN &&
                       d->toks[k].start < end;
         k++, w++) {
        const doc_token *tok = &d->toks[k];
        int cue = DOC_CUE_KIND(tok->cue);
        if (cue == CUE_VERB || cue == CUE_AUXILIARY)
            return comma;
        /* "dit-il": the verb before the hyphen, folded as the speech
         * cues were when they loaded (by the tokenizer) */
        const char *hyphen = memchr(t + tok->start, '-', tok->len);
        tokenizer tk;
        token verb;
        if (hyphen) {
            tokenizer_init(&tk, t, tok->start, (size_t)(hyphen - t));
            if (tokenizer_next(&tk, &verb)) {
                uint32_t v = lang_speech(d->lang, tk.fold, verb.fold_len) &
                             CUE_MASK;
                if (v == CUE_VERB || v == CUE_AUXILIARY)
                    return comma;
            }
        }
    }
    return SIZE_MAX;
}

/* "—Ya lo sé —dijo el ministro—. No vamos a negociar.", "— Ты готов? —
 * спросил он.": where the language writes dialogue with dashes
 * ([dialogue-dash] in morph/XX.txt), a paragraph opening with a dash is
 * a line of dialogue when a second dash sets off its narration; the
 * words before that dash are quoted, and those after a third dash that
 * closes the narration; or, with no such dash, the words before the
 * last comma when an inverted verb follows it (incise_comma).  A
 * paragraph opening with a dash and neither is a list item, not a
 * quotation.  How many spans it wrote into out[0..1]. */
static size_t dialogue_line(const doc *d, const para *g, uint32_t p,
                            qspan out[2])
{
    const char *t = d->text;
    size_t i = g->start;
    int n;
    while (i < g->end && t[i] == ' ')
        i++;
    if (i >= g->end || !is_dash(utf8_at(t, g->end, i, &n)))
        return 0;
    size_t start = i + (size_t)n;
    while (start < g->end && t[start] == ' ')
        start++;
    size_t dash = narration_dash(t, start, g->end);
    if (dash == SIZE_MAX) {
        size_t comma = incise_comma(d, start, g->end);
        if (comma == SIZE_MAX || comma <= start)
            return 0;
        out[0] = (qspan){i, start, comma, comma, p, 1, 0, 0, 0, 0};
        return 1;
    }
    size_t end = dash;
    while (end > start && t[end - 1] == ' ')
        end--;
    if (end <= start)
        return 0;
    out[0] = (qspan){i, start, end, dash, p, 1, 0, 0, 0, 0};
    /* the narration ends at a dash set against it, the quotation going
     * on after it and its punctuation: "—dijo el ministro—. No vamos" */
    utf8_at(t, g->end, dash, &n);
    for (size_t j = dash + (size_t)n; j < g->end; j += (size_t)n) {
        int32_t cp = utf8_at(t, g->end, j, &n);
        if (!is_dash(cp) || t[j - 1] == ' ')
            continue;
        size_t k = j + (size_t)n;
        while (k < g->end && (t[k] == ' ' || t[k] == '.' || t[k] == ','))
            k++;
        size_t e = g->end;
        while (e > k && t[e - 1] == ' ')
            e--;
        if (e <= k)
            break;
        out[1] = (qspan){j, k, e, g->end, p, 1, 0, 0, 0, 0};
        return 2;
    }
    return 1;
}

/* q at the end of *qs (n of cap), grown as needed; -1 out of memory. */
static int append(qspan **qs, size_t *cap, size_t *n, const qspan *q)
{
    qspan *grown = array_grow(*qs, cap, *n, sizeof **qs, 16);
    if (!grown)
        return -1;
    *qs = grown;
    (*qs)[(*n)++] = *q;
    return 0;
}

int quote_marks_find(const doc *d, qspan **out, size_t *count)
{
    misses m = {{0}, {0}, 0, 0};
    *out = NULL;
    *count = 0;
    size_t np = 0, cap = 0, n = 0;
    para *ps = paragraphs_of(d, &np);
    if (!ps)
        return PRECIS_ENOMEM;
    qspan *qs = NULL;
    const char *t = d->text;
    int dashes = d->lang && d->lang->morph.dialogue_dash;
    for (size_t p = 0; p < np; p++) {
        qspan line[2];
        size_t nline = dashes ? dialogue_line(d, &ps[p], (uint32_t)p, line) : 0;
        for (size_t k = 0; k < nline; k++) {
            line[k].opens_sentence = 1;
            classify(d, &line[k]);
            line[k].fragment = 0; /* a line of dialogue, however short */
            if (append(&qs, &cap, &n, &line[k]))
                goto nomem;
        }
        if (nline)
            continue;
        size_t i = ps[p].start;
        while ((i = utf8_next_quote_byte(t, i, ps[p].end)) < ps[p].end) {
            int w;
            int32_t cp = mark_at(t, ps[p].end, i, &w), close[3];
            size_t open = i;
            i += (size_t)w;
            if (!opening(t, ps[p].start, open, ps[p].end, cp, w, close))
                continue;
            if (missed(&m, cp, p))
                continue;
            size_t last = p;
            size_t j = find_close(t, ps, np, &last, i, cp, close);
            if (j == SIZE_MAX) {
                miss(&m, cp, p);
                continue; /* unbalanced: read on after the mark */
            }
            int cw;
            mark_at(t, ps[last].end, j, &cw);
            qspan q = {open, i, j, j + (size_t)cw, (uint32_t)p,
                       (uint32_t)(last - p + 1), 0, 0, 0, 0};
            while (q.start < q.end && t[q.start] == ' ')
                q.start++;
            while (q.end > q.start && t[q.end - 1] == ' ')
                q.end--;
            /* 'n': a letter between apostrophes is not a quotation. */
            int single = cp == '\'' || cp == 0x2018 || cp == 0x201A;
            if (q.end - q.start < (single ? 3u : 2u))
                continue;
            q.opens_sentence = (unsigned)opens_sentence(t, ps[p].start, open);
            classify(d, &q);
            if (append(&qs, &cap, &n, &q))
                goto nomem;
            p = last;
            i = q.after;
        }
    }
    mem_free(ps);
    *out = qs;
    *count = n;
    return PRECIS_OK;
nomem:
    mem_free(qs);
    mem_free(ps);
    return PRECIS_ENOMEM;
}

void quote_marks_share(doc *d, const qspan *qs, size_t count)
{
    size_t k = 0;
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        size_t a = s->seg.start, b = s->seg.end, in = 0;
        while (k < count && qs[k].after <= a)
            k++;
        for (size_t j = k; j < count && qs[j].open < b; j++) {
            if (qs[j].fragment)
                continue;
            size_t x = qs[j].start > a ? qs[j].start : a;
            size_t y = qs[j].end < b ? qs[j].end : b;
            if (y > x)
                in += y - x;
        }
        s->quoted = b > a ? (float)in / (float)(b - a) : 0;
    }
}
