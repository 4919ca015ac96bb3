/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * people.c -- the memory of people in attribution (speakers.h): every
 * name seen with its role and gender, and the resolution of a pronoun,
 * a surname ("Netanyahu" -> "Benjamin Netanyahu") or a role ("the
 * spokesman") to the last compatible one, and an epithet ("der
 * SPD-Politiker") no one holds to the last named person of its gender.
 */
#include <string.h>
#include <strings.h>

#include "array.h"
#include "speakers.h"
#include "tokenize.h"

/* Names looked back through to resolve a surname, pronoun or role. */
#define MAX_LOOKBACK 256

/* Names before this index are too far back to resolve to. */
static size_t lookback_start(const attributor *a)
{
    return a->npeople > MAX_LOOKBACK ? a->npeople - MAX_LOOKBACK : 0;
}

void people_remember(attributor *a, const speaker *s)
{
    person *p = array_grow(a->people, &a->cap, a->npeople, sizeof *p, 16);
    if (!p)
        return; /* out of memory: resolution just knows fewer names */
    a->people = p;
    p[a->npeople++] = (person){s->name, s->role, s->gender};
}

static span last_word(const char *t, span s)
{
    size_t i = s.end;
    while (i > s.start && t[i - 1] != ' ')
        i--;
    return (span){i, s.end};
}

static int same_bytes(const char *t, span x, span y, int fold)
{
    size_t n = x.end - x.start;
    if (n != y.end - y.start || n == 0)
        return 0;
    return fold ? strncasecmp(t + x.start, t + y.start, n) == 0
                : memcmp(t + x.start, t + y.start, n) == 0;
}

/* The most recent person of at least two words whose last word is the
 * one-word name n, as "Benjamin Netanyahu" for "Netanyahu". */
static const person *by_surname(const attributor *a, span n)
{
    const char *t = a->d->text;
    if (memchr(t + n.start, ' ', n.end - n.start))
        return NULL;
    for (size_t i = a->npeople; i-- > lookback_start(a);) {
        const person *p = &a->people[i];
        span w = last_word(t, p->name);
        if (w.start > p->name.start && same_bytes(t, w, n, 0))
            return p;
    }
    return NULL;
}

/* The most recent person whose role ends with the same word as role
 * ("the spokesman" -> "Hamas spokesman Hazem Qassem"). */
static const person *by_role(const attributor *a, span role)
{
    const char *t = a->d->text;
    span head = last_word(t, role);
    for (size_t i = a->npeople; i-- > lookback_start(a);) {
        const person *p = &a->people[i];
        if (!empty(p->role) && same_bytes(t, last_word(t, p->role), head, 1))
            return p;
    }
    return NULL;
}

/* The latest person named exactly name, or NULL. */
static person *named(attributor *a, span name)
{
    for (size_t i = a->npeople; i-- > lookback_start(a);)
        if (same_bytes(a->d->text, a->people[i].name, name, 0))
            return &a->people[i];
    return NULL;
}

static int compatible(int known, int wanted)
{
    return !known || !wanted || known == wanted;
}

/* What a pronoun of this gender stands for: the last named speaker or
 * sentence subject when nothing says otherwise, else the latest person
 * of that gender, else the latest of unknown gender. */
static span referent(attributor *a, int gender)
{
    const person *last = named(a, a->last);
    if (!empty(a->last) && compatible(last ? last->gender : 0, gender))
        return a->last;
    for (size_t i = a->npeople; i-- > lookback_start(a);)
        if (a->people[i].gender == gender)
            return a->people[i].name;
    for (size_t i = a->npeople; i-- > lookback_start(a);)
        if (!a->people[i].gender)
            return a->people[i].name;
    return SPAN_NONE;
}

/* Whether the role holds an epithet ([epithets] in speech/XX.txt). */
static int is_epithet(const attributor *a, span role)
{
    const lang *l = a->d->lang;
    tokenizer t;
    token tok;
    if (!l)
        return 0;
    tokenizer_init(&t, a->d->text, role.start, role.end);
    while (tokenizer_next(&t, &tok))
        if (lang_speech(l, t.fold, tok.fold_len) & CUE_EPITHET)
            return 1;
    return 0;
}

/* Fill the name from the mention: surname to full name, or a pronoun
 * or a role to an earlier person.  A gendered pronoun teaches its
 * person's gender ("Smith ... she said"). */
void people_resolve(attributor *a, speaker *s, int pronoun)
{
    const person *p = NULL;
    if (pronoun) {
        span who = referent(a, s->gender);
        p = by_surname(a, who);
        s->name = p ? p->name : who;
        for (size_t i = a->npeople; i-- > lookback_start(a);) {
            person *q = &a->people[i];
            if (!same_bytes(a->d->text, q->name, s->name, 0))
                continue;
            if (empty(s->role))
                s->role = q->role;
            if (!q->gender)
                q->gender = s->gender;
        }
        return;
    }
    if (empty(s->name)) {
        p = empty(s->role) ? NULL : by_role(a, s->role);
        if (p)
            s->name = p->name;
        else if (!empty(s->role) && is_epithet(a, s->role))
            /* "…", sagte der SPD-Politiker: after Olaf Scholz */
            s->name = referent(a, s->gender);
        return;
    }
    p = by_surname(a, s->name);
    if (p) {
        s->name = p->name;
        if (empty(s->role))
            s->role = p->role;
        if (!s->gender)
            s->gender = p->gender;
    }
}

