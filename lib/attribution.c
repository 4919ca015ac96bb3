/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * attribution.c -- the speaker of each quotation.
 *
 * Patterns, nearest cue first, in the sentences the quotation spans
 * (and the next one when it ends a sentence: "“…?” Trump said."):
 *
 *   "…," Netanyahu added.       subject before the cue verb
 *   "…," said Maria Lopez.      after it, when nothing stands before
 *   Dann sagte er: „…“          after it before the quotation, when no
 *                               subject stands before (verb-second
 *                               languages, data/morph/XX.txt)
 *   X told Reuters that "…"     the cue before the quotation
 *   According to X, "…"         the speaker follows the cue
 *   "…," the spokesman said.    a role: the last person with that role
 *   He also said he was "…"     a pronoun: the last named speaker or
 *                               sentence subject
 *   X: "…"   "…" — X            no cue, only punctuation
 *   X said:¶"…"                 the cue ends the sentence before
 *
 * A name is a run of capitalised words; leading titles and roles
 * ("Hamas spokesman", "Prime Minister") are split off into the role
 * (mentions.c).  A one-word name resolves to an earlier full name with
 * that last word ("Netanyahu" -> "Benjamin Netanyahu"; people.c).
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "speakers.h"
#include "tokenize.h"
#include "utf8.h"

/* Bytes a participle cue ("adding", "saying") counts as farther away
 * than a finite one. */
#define PARTICIPLE_DISTANCE 24
/* Words of the description before an apposed name: "El líder del PP". */
#define MAX_APPOSED_WORDS 6

/* "El líder del PP, Alberto Núñez Feijóo, visitó", "The Republican
 * nominee, Donald Trump, said": a name between the first two commas of
 * a sentence that opens on a short description is its subject. */
static int appositive_subject(const attributor *a, const doc_sentence *s,
                              size_t first, size_t last)
{
    if (first < 2 || first > MAX_APPOSED_WORDS + 1 ||
        a->toks[0].start != s->seg.start ||
        a->toks[0].cue != CUE_DETERMINER ||
        byte_at(a, a->toks[last].end) != ',')
        return 0;
    for (size_t j = 0; j + 1 < first; j++)
        if (byte_at(a, a->toks[j].end) == ',')
            return 0; /* an earlier comma: not the opening description */
    size_t i = a->toks[first].start;
    while (i > 0 && byte_at(a, i - 1) == ' ')
        i--;
    return i > 0 && byte_at(a, i - 1) == ',';
}

/* Where the verb comes second, a pronoun only a subject can be (of a
 * gender, or the first person; not "sie", which may be the object, unless
 * nothing before the verb can be the subject) right after the clause's
 * verb, a lower-case word after what opens it:
 * the subject is that pronoun, not what stands first ("Diesmal findet er
 * Worte", "Aber schon nach dem ersten Schluck Bier sprach er weiter").
 * The token index of the pronoun, or 0.  Tokens: how far the verb may
 * stand, past an adverbial of a few words. */
#define MAX_FRONTED 8
static size_t inverted_subject(const attributor *a, size_t first)
{
    if (!attr_morph(a)->verb_second)
        return 0;
    const qtok *t = a->toks;
    if (first >= a->ntoks ||
        t[first].cue == CUE_PRONOUN || t[first].cue == CUE_FIRST_PERSON)
        return 0;
    /* opened by what is never a subject ("Bald", "Dann", "Nach …"): any
     * pronoun after the verb is the subject, "sie" too */
    int no_subject = t[first].cue == CUE_NOT_NAME ||
                     t[first].cue == CUE_CONJUNCTION ||
                     t[first].cue == CUE_PREPOSITION;
    for (size_t v = first + 1; v + 1 < a->ntoks && v <= first + MAX_FRONTED;
         v++) {
        if (t[v].inside || byte_at(a, t[v - 1].end) == ',')
            return 0;
        const qtok *p = &t[v + 1];
        if (!(t[v].flags & TOK_CAPITAL) && !t[v].stop &&
            (!t[v].cue || t[v].cue == CUE_VERB) && !p->inside &&
            ((p->cue == CUE_PRONOUN && (p->gender || no_subject)) ||
             p->cue == CUE_FIRST_PERSON))
            return v + 1;
    }
    return 0;
}

/* Sentences opening with a name ("Netanyahu made no mention ...") make
 * it the referent of a later "he"; an opening run followed by a comma
 * is an adverbial ("Earlier Wednesday, ..."), not a subject.  Names
 * with a title or role anywhere are remembered for "the spokesman". */
static void read_up_to(attributor *a, uint32_t upto)
{
    const doc *d = a->d;
    for (uint32_t k = a->subjects_done; k < upto; k++) {
        const doc_sentence *s = &d->sents[k];
        if (s->excluded)
            continue;
        mention_window(a, s->seg.start, s->seg.end);
        for (size_t j = 0; j < a->ntoks; j++) {
            if (!mention_is_name_word(&a->toks[j]) || a->toks[j].cue == CUE_ROLE)
                continue;
            size_t first = mention_run_start(a, j), last = mention_run_end(a, j);
            speaker p = mention_person_from_run(a, first, last);
            int subject = (first == 0 && a->toks[0].start == s->seg.start &&
                           byte_at(a, a->toks[last].end) != ',' &&
                           !inverted_subject(a, 0)) ||
                          appositive_subject(a, s, first, last);
            if (!empty(p.name) && (subject || !empty(p.role))) {
                people_remember(a, &p);
                if (subject)
                    a->last = p.name;
            }
            j = last;
        }
    }
    if (upto > a->subjects_done)
        a->subjects_done = upto;
}

/* First token at or after offset. */
static size_t token_at(const attributor *a, size_t offset)
{
    size_t k = 0;
    while (k < a->ntoks && a->toks[k].start < offset)
        k++;
    return k;
}

/* The cue nearest to the quotation q in its own sentences (before
 * limit); else among the first words of the sentence after ("…?” Trump
 * said Friday."). */
static size_t nearest_cue(const attributor *a, const qspan *q, size_t limit)
{
    size_t best = SIZE_MAX, best_gap = SIZE_MAX, first_after = SIZE_MAX;
    for (size_t k = 0; k < a->ntoks; k++) {
        const qtok *t = &a->toks[k];
        if (t->start >= limit) {
            if (best != SIZE_MAX)
                break;
            if (first_after == SIZE_MAX)
                first_after = k;
            if (k > first_after + MAX_SKIP)
                break;
        }
        if (t->inside || (t->cue != CUE_VERB && t->cue != CUE_ACCORDING))
            continue;
        size_t gap = t->end <= q->open ? q->open - t->end : t->start - q->after;
        if (mention_ends_with(a, k, &attr_morph(a)->participle)) /* "…," adding: the finite verb first */
            gap += PARTICIPLE_DISTANCE;
        if (gap < best_gap) {
            best_gap = gap;
            best = k;
        }
    }
    return best;
}

/* Nothing but function words from offset to token k: "…", a déclaré X;
 * "…," said X. */
static int only_stop_between(const attributor *a, size_t offset, size_t k)
{
    for (size_t j = token_at(a, offset); j < k; j++)
        if (!a->toks[j].stop && a->toks[j].cue != CUE_AUXILIARY)
            return 0;
    return 1;
}

static int comma_before(const attributor *a, size_t k)
{
    size_t i = a->toks[k].start;
    while (i > 0 && a->d->text[i - 1] == ' ')
        i--;
    return i > 0 && a->d->text[i - 1] == ',';
}

/* The first token of the clause ending at token k, from the sentence's
 * first token first: after the last comma, semicolon or colon before the
 * token before k, outside a quotation (k may be a quotation's first word,
 * after the colon that introduces it). */
static size_t clause_start(const attributor *a, size_t first, size_t k)
{
    for (size_t j = k - 1; j > first && j < k; j--) {
        char c = byte_at(a, a->toks[j - 1].end);
        if (a->toks[j - 1].inside || c == ',' || c == ';' || c == ':')
            return j;
    }
    return first;
}

/* Verb-second: the subject of the clause holding token k (a cue, a
 * quotation), when that clause is not the sentence's first (from its
 * first token first): at its start ("…; er aber antwortete"), right
 * after its verb when the verb opens it ("…, als er oben war, spottete
 * er"), or after the verb that follows an opening adverb ("…, und dafür
 * rüttelte er mich"); a clause whose verb has no subject after it
 * shares the one before's ("Eduard eilte ihr nach, öffnete vor ihr die
 * Tür und flüsterte"). */
static int clause_subject(attributor *a, size_t first, size_t k, speaker *s)
{
    for (size_t end = k;;) {
        size_t c = clause_start(a, first, end);
        if (c == first || c + 1 >= end)
            return 0;
        if (a->toks[c].cue == CUE_CONJUNCTION)
            c++;
        const qtok *q = &a->toks[c];
        if (q->cue == CUE_PRONOUN || q->cue == CUE_FIRST_PERSON ||
            q->cue == CUE_DETERMINER || mention_is_name_word(q))
            return mention_sentence_subject(a, c, s);
        if (q->flags & TOK_CAPITAL)
            return 0;
        if (mention_subject_at(a, c + 1, s))
            return 1; /* the verb opens it */
        const qtok *v = &a->toks[c + 1];
        if (c + 2 < end && !v->stop && (!v->cue || v->cue == CUE_VERB) &&
            !(v->flags & TOK_CAPITAL) && mention_subject_at(a, c + 2, s))
            return 1; /* an adverb, the verb, its subject */
        end = c - 1;
    }
}

/* The subject of the sentence whose first token is first, before token
 * k.  Where the verb comes second it may follow the verb: after a
 * pronoun only a subject can be (of a gender, or the first person; not
 * "sie", which may be the object): "Diesmal findet er Worte"; or after
 * the first verb when no subject opens the sentence: "Da stand Heinrich
 * auf und sagte:", "Leise erschrak sie und las:". */
static int sentence_subject(attributor *a, size_t first, size_t k, speaker *s)
{
    int v2 = attr_morph(a)->verb_second;
    const qtok *t = &a->toks[first];
    size_t inverted = inverted_subject(a, first);
    if (inverted && inverted < k)
        return mention_subject_at(a, inverted, s);
    if (mention_sentence_subject(a, first, s))
        return 1;
    return v2 && first + 1 < k && !mention_is_name_word(t) &&
           mention_speaker_after(a, first + 1, s);
}

/* The subject for the cue or quotation at token k of the sentence whose
 * first token is first: where the verb comes second, that of k's own
 * clause, else the sentence's. */
static int subject_for(attributor *a, size_t first, size_t k, speaker *s)
{
    return (attr_morph(a)->verb_second && clause_subject(a, first, k, s)) ||
           sentence_subject(a, first, k, s);
}

/* The speaker the cue at k points to.  A cue after the quotation only
 * inverts ("…," said X) right behind it; ", saying" has the subject of
 * its sentence. */
static int from_cue(attributor *a, const qspan *q, size_t k, speaker *s)
{
    int found = 0;
    const qtok *c = &a->toks[k];
    size_t first =
        token_at(a, a->d->sents[doc_sentence_at(a->d, c->start)].seg.start);
    if (c->cue == CUE_ACCORDING) {
        found = mention_speaker_after(a, k, s);
        /* "„…“, so führt der Gelehrte aus": where the verb comes
         * second, it may stand between the cue and the speaker */
        if (!found && attr_morph(a)->verb_second && k + 1 < a->ntoks &&
            !a->toks[k + 1].stop && !a->toks[k + 1].inside &&
            !(a->toks[k + 1].flags & TOK_CAPITAL))
            found = mention_speaker_after(a, k + 1, s);
    } else if (mention_ends_with(a, k, &attr_morph(a)->participle)) {
        /* ", saying": the subject of the sentence; never inverted */
        found = comma_before(a, k) ? mention_sentence_subject(a, first, s)
                                   : mention_subject_before(a, k, s) > 0;
    } else if (attr_morph(a)->verb_second && comma_before(a, k) &&
               mention_subject_at(a, k + 1, s)) {
        /* "Als die Prinzessin ihn sah, rief sie:": after a clause, the
         * verb comes first and its subject right after it */
        found = 1;
    } else {
        found = mention_subject_before(a, k, s);
        if (found < 0) {
            found = subject_for(a, first, k, s);
        } else if (!found && c->start >= q->after &&
                 only_stop_between(a, q->after, k))
            found = mention_speaker_after(a, k, s);
        else if (!found && c->end <= q->open && attr_morph(a)->verb_second)
            /* "Dann sagte er: „…“", "Darauf sprach der Alte:": no
             * subject before the verb, so it follows it */
            found = mention_speaker_after(a, k, s);
    }
    if (found)
        s->cue = tok_span(a, k, k);
    return found;
}

/* A colon right before the quotation's opening mark. */
static int after_colon(const attributor *a, const qspan *q, size_t sent_start)
{
    size_t i = q->open;
    while (i > sent_start && byte_at(a, i - 1) == ' ')
        i--;
    return i > sent_start && byte_at(a, i - 1) == ':';
}

/* X: "…" with X the whole start of the sentence. */
static int colon_before(attributor *a, const qspan *q, size_t sent_start,
                        speaker *s)
{
    if (!after_colon(a, q, sent_start))
        return 0;
    size_t i = q->open;
    while (byte_at(a, i - 1) == ' ')
        i--;
    i--; /* the colon */
    /* a stage direction between the speaker and the colon, as plays and
     * transcripts write it: "Sie (halb weinend): »…«" */
    if (i > sent_start && byte_at(a, i - 1) == ')') {
        while (i > sent_start && byte_at(a, i - 1) != '(')
            i--;
        while (i > sent_start && (byte_at(a, i - 1) == '(' ||
                                  byte_at(a, i - 1) == ' '))
            i--;
    }
    size_t last = SIZE_MAX;
    for (size_t k = 0; k < a->ntoks && a->toks[k].end <= i; k++)
        last = k;
    if (last == SIZE_MAX || a->toks[last].end != i)
        return 0;
    /* "Er: »…«", "Sie (bittend): »…«" */
    if (last == 0 && a->toks[0].start == sent_start &&
        (a->toks[0].cue == CUE_PRONOUN || a->toks[0].cue == CUE_FIRST_PERSON))
        return mention_subject_at(a, 0, s);
    if (!mention_is_name_word(&a->toks[last]))
        return 0;
    size_t first = mention_run_start(a, last);
    if (a->toks[first].start != sent_start)
        return 0;
    *s = mention_person_from_run(a, first, last);
    people_resolve(a, s, 0);
    return 1;
}

/* "…" — X, "…" ― X: the signature of a letter or a vox pop */
static int dash_after(attributor *a, const qspan *q, speaker *s)
{
    const char *t = a->d->text;
    size_t i = q->after;
    size_t end = a->ntoks ? a->toks[a->ntoks - 1].end : i;
    while (i < end && t[i] == ' ')
        i++;
    int n;
    int32_t cp;
    if (i >= end)
        return 0;
    n = utf8_next(t, end, i, &cp);
    if (cp != 0x2014 && cp != 0x2013 && cp != 0x2015 && cp != '-')
        return 0;
    i += (size_t)n;
    for (size_t k = 0; k < a->ntoks; k++) {
        if (a->toks[k].start < i)
            continue;
        if (!mention_is_name_word(&a->toks[k]))
            return 0;
        *s = mention_person_from_run(a, k, mention_run_end(a, k));
        people_resolve(a, s, 0);
        return 1;
    }
    return 0;
}

/* "»…« stotterte Andreas", "»…«, log sie", "»…« regt sich der andere
 * Lange auf": where the verb comes second, a lower-case word right after
 * the closing mark with a subject after it is the verb of the clause
 * that reports the quotation, whether or not the language's list has
 * it. */
static int verb_slot_after(attributor *a, const qspan *q, speaker *s)
{
    size_t j = token_at(a, q->after);
    if (j + 1 >= a->ntoks)
        return 0;
    const qtok *v = &a->toks[j];
    size_t i = q->after;
    while (i < v->start && (byte_at(a, i) == ' ' || byte_at(a, i) == ','))
        i++;
    if (i != v->start || v->inside || v->stop || v->cue ||
        (v->flags & (TOK_CAPITAL | TOK_NUMBER)) ||
        !mention_speaker_after(a, j, s))
        return 0;
    s->cue = tok_span(a, j, j);
    return 1;
}

void attributor_find(attributor *a, size_t qi, speaker *out)
{
    const doc *d = a->d;
    const qspan *q = &a->qs[qi];
    memset(out, 0, sizeof *out);
    if (d->nsents == 0)
        return;
    uint32_t s1 = doc_sentence_at(d, q->open);
    uint32_t s2 = s1;
    if (q->paragraphs == 1) {
        s2 = doc_sentence_at(d, q->end);
    } else {
        while (s2 + 1 < d->nsents &&
               d->sents[s2 + 1].seg.paragraph == d->sents[s1].seg.paragraph)
            s2++;
    }
    /* "…?” Trump said." ends a sentence at the mark: the attribution is
     * in the next one, unless that one opens a quotation itself. */
    size_t limit = SIZE_MAX;
    if (!attr_morph(a)->verb_second &&
        q->after >= d->sents[s2].seg.end && s2 + 1 < d->nsents &&
        d->sents[s2 + 1].seg.paragraph == d->sents[s2].seg.paragraph &&
        !(qi + 1 < a->nq && a->qs[qi + 1].open == d->sents[s2 + 1].seg.start))
        limit = d->sents[++s2].seg.start;
    read_up_to(a, s1);
    size_t ws = d->sents[s1].seg.start;
    mention_window(a, ws, d->sents[s2].seg.end);
    size_t k = nearest_cue(a, q, limit);
    int found = dash_after(a, q, out) ||
                (k != SIZE_MAX && from_cue(a, q, k, out)) ||
                colon_before(a, q, ws, out) ||
                (attr_morph(a)->verb_second && verb_slot_after(a, q, out));
    /* Inside a sentence with no usable cue the quotation belongs to its
     * subject: "Dr. Babar pondered who might “…”", "The president noted
     * that ..., and added: “…”", "Ich sage: »…«" (a verb the lists
     * lack). */
    if (!found && q->open > ws && !q->fragment &&
        (!q->opens_sentence ||
         (after_colon(a, q, ws) && !(a->toks[0].flags & TOK_ALLCAPS)))) {
        found = subject_for(a, 0, token_at(a, q->open), out);
        if (found && k != SIZE_MAX)
            out->cue = tok_span(a, k, k);
    }
    /* X said:¶"…" -- the sentence before ends in a colon: its cue, or
     * else its subject ("Cruz called them on it:"); never a line of page
     * furniture ("Support Snopes:"). */
    if (!found && q->opens_sentence && q->open == ws && s1 > 0 &&
        !d->sents[s1 - 1].excluded) {
        const seg_sentence *p = &d->sents[s1 - 1].seg;
        if (p->end > p->start && d->text[p->end - 1] == ':') {
            mention_window(a, p->start, p->end);
            for (k = a->ntoks; k-- > 0 && !found;)
                if (a->toks[k].cue == CUE_VERB && !a->toks[k].inside)
                    found = from_cue(a, q, k, out);
            if (!found)
                found = sentence_subject(a, 0, a->ntoks, out);
        }
    }
    /* Frau Thienwiebel fing zu husten an. »Herr Gott, Niels!«: a
     * quotation standing alone after a sentence of narration (no
     * quotation in it) belongs to that sentence's subject. */
    if (!found && q->opens_sentence && q->open == ws && k == SIZE_MAX &&
        s1 > 0 && !d->sents[s1 - 1].excluded &&
        d->sents[s1 - 1].seg.paragraph == d->sents[s1].seg.paragraph &&
        d->sents[s1 - 1].quoted == 0) {
        const seg_sentence *p = &d->sents[s1 - 1].seg;
        mention_window(a, p->start, p->end);
        found = sentence_subject(a, 0, a->ntoks, out);
    }
    if (!found) {
        memset(out, 0, sizeof *out);
        return;
    }
    if (!empty(out->name)) {
        people_remember(a, out);
        a->last = out->name;
    }
}

int attributor_addressee(attributor *a, size_t k, speaker *out)
{
    const qspan *q = &a->qs[k];
    memset(out, 0, sizeof *out);
    mention_window(a, q->open, q->after);
    for (size_t j = 0; j < a->ntoks; j++) {
        const qtok *t = &a->toks[j];
        if (!t->inside || !(t->flags & TOK_CAPITAL) || t->stop ||
            (t->cue && t->cue != CUE_ROLE))
            continue;
        size_t i = t->start;
        while (i > q->open && byte_at(a, i - 1) == ' ')
            i--;
        /* set off by a comma: ", Amalie?" (a word opening the quotation
         * is as often a cry: »Nein, …«) */
        if (!(i > q->open && byte_at(a, i - 1) == ','))
            continue;
        size_t last = j;
        while (last + 1 < a->ntoks && last - j < 2 && a->toks[last + 1].inside &&
               (a->toks[last + 1].flags & TOK_CAPITAL) && !a->toks[last + 1].stop &&
               a->toks[last + 1].start == a->toks[last].end + 1)
            last++;
        char after = byte_at(a, a->toks[last].end);
        if (after == ',' || after == '!' || after == '?' || after == '.' ||
            a->toks[last].end >= q->end) {
            out->mention = out->name = tok_span(a, j, last);
            return 1;
        }
    }
    return 0;
}

attributor *attributor_new(const doc *d, const qspan *qs, size_t n)
{
    /* Not cleared: the token window (6 KB at most) is written before it
     * is read (mention_window), and clearing it was most of a quote's
     * setup. */
    size_t room = d->ntoks < MAX_TOKENS / 2 ? 2 * d->ntoks + 2 : MAX_TOKENS;
    attributor *a = mem_malloc(sizeof *a + room * sizeof a->toks[0]);
    if (!a)
        return NULL;
    a->room = room;
    a->d = d;
    a->qs = qs;
    a->nq = n;
    a->people = NULL;
    a->npeople = a->cap = 0;
    a->last = SPAN_NONE;
    a->subjects_done = 0;
    a->ntoks = 0;
    return a;
}

void attributor_free(attributor *a)
{
    if (a) {
        mem_free(a->people);
        mem_free(a);
    }
}
