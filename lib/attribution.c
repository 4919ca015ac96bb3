/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * attribution.c -- the speaker of each quotation.
 *
 * Patterns, nearest cue first, in the sentences the quotation spans
 * (and the next one when it ends a sentence: "“…?” Trump said."):
 *
 *   "…," Netanyahu added.       subject before the cue verb
 *   "…," said Maria Lopez.      after it, when nothing stands before
 *   X told Reuters that "…"     the cue before the quotation
 *   According to X, "…"         the speaker follows the cue
 *   "…," the spokesman said.    a role: the last person with that role
 *   He also said he was "…"     a pronoun: the last named speaker or
 *                               sentence subject
 *   X: "…"   "…" — X            no cue, only punctuation
 *   X said:¶"…"                 the cue ends the sentence before
 *
 * A name is a run of capitalised words; leading titles and roles
 * ("Hamas spokesman", "Prime Minister") are split off into the role.
 * A one-word name resolves to an earlier full name with that last word
 * ("Netanyahu" -> "Benjamin Netanyahu").
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "attribution.h"
#include "engine.h"
#include "tokenize.h"
#include "utf8.h"

/* Lower-case words allowed between a name and its verb: "he was quoted
 * as saying", "Gantz reportedly told". */
#define MAX_SKIP 4
#define MAX_NAME_WORDS 6
#define MAX_ROLE_WORDS 4
/* Tokens of the sentences around one quotation that are looked at. */
#define MAX_TOKENS 512
/* Names looked back through to resolve a surname, pronoun or role. */
#define MAX_LOOKBACK 256
/* Bytes a participle cue ("adding", "saying") counts as farther away
 * than a finite one. */
#define PARTICIPLE_DISTANCE 24

typedef struct qtok {
    size_t start, end;
    unsigned flags;
    int cue;    /* CUE_* or 0 */
    int gender; /* GENDER_* the word marks, or 0 */
    int stop;   /* a stop word */
    int inside; /* between the marks of some quotation */
} qtok;

typedef struct person {
    span name, role;
    int gender; /* GENDER_* from a title, a role or a pronoun, or 0 */
} person;

struct attributor {
    const doc *d;
    const qspan *qs;
    size_t nq;
    person *people; /* every name seen so far, in text order */
    size_t npeople, cap;
    span last;               /* what a pronoun stands for */
    uint32_t subjects_done;  /* sentences before this one were read */
    qtok toks[MAX_TOKENS];
    size_t ntoks;
};

static const span none = {0, 0};

static int empty(span s)
{
    return s.end <= s.start;
}

/* ------------------------------------------------------------ tokens */

/* First quotation that ends after offset (binary search). */
static size_t first_quote_after(const attributor *a, size_t offset)
{
    size_t lo = 0, hi = a->nq;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->qs[mid].after <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The document's tokens of the sentences [start, end) covers (windows
 * are whole sentences), with where each stands among the quotations. */
static void tokenize_window(attributor *a, size_t start, size_t end)
{
    const doc *d = a->d;
    size_t qi = first_quote_after(a, start);
    a->ntoks = 0;
    for (size_t k = doc_token_at(d, start);
         k < d->ntoks && doc_token_end(&d->toks[k]) <= end &&
         a->ntoks < MAX_TOKENS;
         k++) {
        const doc_token *tok = &d->toks[k];
        qtok *q = &a->toks[a->ntoks++];
        q->start = tok->start;
        q->end = doc_token_end(tok);
        q->flags = tok->flags;
        while (qi < a->nq && a->qs[qi].after <= tok->start)
            qi++;
        q->inside = qi < a->nq && a->qs[qi].open < tok->start;
        q->cue = DOC_CUE_KIND(tok->cue);
        q->gender = DOC_CUE_GENDER(tok->cue);
        q->stop = tok->stop;
    }
}

/* Two tokens belong to one name when only spaces stand between them,
 * or the full stop of an abbreviation or an initial ("Sen. Marco",
 * "John F. Kennedy"). */
static int adjacent(const attributor *a, size_t k)
{
    const char *t = a->d->text;
    const qtok *x = &a->toks[k], *y = &a->toks[k + 1];
    size_t i = x->end;
    if (i < y->start && t[i] == '.' && x->end - x->start <= 4)
        i++;
    if (i == y->start)
        return 0;
    for (; i < y->start; i++)
        if (t[i] != ' ')
            return 0;
    return 1;
}

/* Capitalised, not a function word or cue; titles count ("Mr", a stop
 * word in some lists, opens "Mr. John Smith"). */
static int is_name_word(const qtok *q)
{
    return !q->inside && (q->flags & TOK_CAPITAL) &&
           (q->cue == CUE_ROLE || (!q->stop && q->cue == 0));
}

/* The byte at i, 0 past the end: the input need not end in NUL. */
static char byte_at(const attributor *a, size_t i)
{
    return i < a->d->len ? a->d->text[i] : '\0';
}

static span tok_span(const attributor *a, size_t first, size_t last)
{
    return (span){a->toks[first].start, a->toks[last].end};
}

/* The gender a title or role word inside span marks, or 0. */
static int gender_in(const attributor *a, span s)
{
    for (size_t k = 0; k < a->ntoks && a->toks[k].start < s.end; k++)
        if (a->toks[k].start >= s.start && a->toks[k].gender)
            return a->toks[k].gender;
    return 0;
}

/* Token k is longer than the ending and ends with it ("granted"). */
static int ends_with(const attributor *a, size_t k, const char *ending)
{
    const qtok *q = &a->toks[k];
    size_t n = strlen(ending);
    return q->end - q->start > n + 1 &&
           memcmp(a->d->text + q->end - n, ending, n) == 0;
}

/* -------------------------------------------------------------- people */

/* Names before this index are too far back to resolve to. */
static size_t lookback_start(const attributor *a)
{
    return a->npeople > MAX_LOOKBACK ? a->npeople - MAX_LOOKBACK : 0;
}

static void remember(attributor *a, const speaker *s)
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

/* Lower-case particles inside names: "Secretary of State", "Charles de
 * Gaulle", "Ursula von der Leyen". */
static int is_particle(const attributor *a, size_t k)
{
    static const char *const particles[] = {"of", "de", "von", "van", "der",
                                            "del", "da", "di", "du", "la",
                                            "le", "bin", "al", NULL};
    const qtok *q = &a->toks[k];
    size_t n = q->end - q->start;
    if ((q->flags & TOK_CAPITAL) || q->inside)
        return 0;
    for (int i = 0; particles[i]; i++)
        if (strlen(particles[i]) == n &&
            memcmp(a->d->text + q->start, particles[i], n) == 0)
            return 1;
    return 0;
}

/* Role words right before the name at token k: "Hamas spokesman",
 * "White House press secretary".  Only spaces may separate them. */
static span role_before(const attributor *a, size_t k)
{
    size_t first = k;
    int has_role = 0;
    while (first > 0 && k - first < MAX_ROLE_WORDS && adjacent(a, first - 1)) {
        const qtok *q = &a->toks[first - 1];
        if (q->inside || (q->stop && q->cue != CUE_ROLE) ||
            (q->cue && q->cue != CUE_ROLE) || (q->flags & TOK_NUMBER))
            break;
        first--;
        if (q->cue == CUE_ROLE)
            has_role = 1;
    }
    return has_role ? tok_span(a, first, k - 1) : none;
}

/* A person from the name words [first, last]: titles among them go to
 * the role ("Prime Minister Jane Doe"), role words before them too. */
static speaker person_from_run(const attributor *a, size_t first, size_t last)
{
    speaker s = {0};
    size_t split = first;
    for (size_t j = first; j < last; j++)
        if (a->toks[j].cue == CUE_ROLE)
            split = j + 1;
    /* "Secretary of State Madeleine Albright": the title goes on */
    while (split > first && split + 1 < last && is_particle(a, split))
        split += 2;
    s.name = tok_span(a, split, last);
    span before = role_before(a, first);
    if (split > first) {
        size_t end = a->toks[split - 1].end;
        if (byte_at(a, end) == '.') /* "Rep.", "Sen." */
            end++;
        s.role = (span){empty(before) ? a->toks[first].start : before.start,
                        end};
    } else {
        s.role = before;
    }
    s.mention = (span){empty(s.role) ? s.name.start : s.role.start,
                       s.name.end};
    s.gender = gender_in(a, s.role);
    return s;
}

/* The name words of a run may be joined by one particle. */
static size_t run_start(const attributor *a, size_t k)
{
    size_t first = k;
    while (first > 0 && k - first + 1 < MAX_NAME_WORDS &&
           adjacent(a, first - 1)) {
        if (is_name_word(&a->toks[first - 1]))
            first--;
        else if (first > 1 && is_particle(a, first - 1) &&
                 is_name_word(&a->toks[first - 2]) && adjacent(a, first - 2))
            first -= 2;
        else
            break;
    }
    return first;
}

static size_t run_end(const attributor *a, size_t k)
{
    size_t last = k;
    while (last + 1 < a->ntoks && last - k + 1 < MAX_NAME_WORDS &&
           adjacent(a, last)) {
        if (is_name_word(&a->toks[last + 1]))
            last++;
        else if (last + 2 < a->ntoks && is_particle(a, last + 1) &&
                 is_name_word(&a->toks[last + 2]) && adjacent(a, last + 1))
            last += 2;
        else
            break;
    }
    return last;
}

/* ", the party leader" after a name gives its role. */
static span apposition_after(const attributor *a, size_t k)
{
    if (k + 2 >= a->ntoks || byte_at(a, a->toks[k].end) != ',' ||
        !a->toks[k + 1].stop)
        return none;
    for (size_t j = k + 2; j < a->ntoks && j < k + 2 + MAX_ROLE_WORDS; j++) {
        if (a->toks[j].inside || !adjacent(a, j - 1))
            return none;
        if (a->toks[j].cue == CUE_ROLE)
            return tok_span(a, k + 2, j);
    }
    return none;
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
    return none;
}

/* Fill the name from the mention: surname to full name, or a pronoun
 * or a role to an earlier person.  A gendered pronoun teaches its
 * person's gender ("Smith ... she said"). */
static void resolve(attributor *a, speaker *s, int pronoun)
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

/* Words that may stand between a name and its verb: function words,
 * other cues ("was quoted as saying") and -ly adverbs ("reportedly").
 * A content word ends the search. */
static int is_skippable(const doc *d, const qtok *q)
{
    if (q->stop || q->cue == CUE_VERB || q->cue == CUE_ACCORDING ||
        q->cue == CUE_AUXILIARY)
        return 1;
    size_t len = q->end - q->start;
    return len > 3 && memcmp(d->text + q->end - 2, "ly", 2) == 0;
}

static int is_plain_word(const qtok *q)
{
    return !q->inside && !q->stop && !q->cue &&
           !(q->flags & (TOK_CAPITAL | TOK_NUMBER));
}

/* A noun phrase ending at token k and opened by a determiner: "the
 * Senate minority leader", "a senior official", "the gambling tycoon".
 * Its role is set when it holds a role word.  0 when there is none. */
static int description_ending(const attributor *a, size_t k, speaker *s)
{
    size_t first = k, role = SIZE_MAX;
    for (;;) {
        const qtok *q = &a->toks[first];
        if (q->cue == CUE_ROLE && role == SIZE_MAX)
            role = first;
        if (first == 0 || k - first + 1 >= MAX_ROLE_WORDS ||
            !adjacent(a, first - 1))
            return 0;
        const qtok *p = &a->toks[first - 1];
        if (p->cue == CUE_DETERMINER)
            break;
        if (p->inside || (p->stop && p->cue != CUE_ROLE) ||
            (p->cue && p->cue != CUE_ROLE))
            return 0;
        first--;
    }
    memset(s, 0, sizeof *s);
    s->mention = tok_span(a, first - 1, k);
    if (role != SIZE_MAX) {
        s->role = tok_span(a, first, k);
        s->gender = gender_in(a, s->role);
    }
    /* "Andrew Bailey, the central bank's governor, said" */
    size_t det = first - 1;
    if (det > 0 && byte_at(a, a->toks[k].end) == ',' &&
        byte_at(a, a->toks[det - 1].end) == ',' &&
        is_name_word(&a->toks[det - 1])) {
        speaker named = person_from_run(a, run_start(a, det - 1), det - 1);
        named.role = s->role;
        *s = named;
    }
    return 1;
}

/* The words after a determiner at token k: "(according to) the
 * newspaper", "(said) the party's chief whip". */
static int description_starting(const attributor *a, size_t k, speaker *s)
{
    size_t last = k + 1;
    if (last >= a->ntoks || !adjacent(a, k))
        return 0;
    /* "the Republican nominee": capitalised modifiers, a plain head or
     * the first role word; a past tense ("several groups granted") is
     * the verb that follows */
    while (last + 1 < a->ntoks && last - k < MAX_ROLE_WORDS &&
           a->toks[last].cue != CUE_ROLE && adjacent(a, last) &&
           !a->toks[last + 1].inside && !a->toks[last + 1].stop &&
           (!a->toks[last + 1].cue || a->toks[last + 1].cue == CUE_ROLE) &&
           !ends_with(a, last + 1, "ed"))
        last++;
    while (last > k + 1 && !is_plain_word(&a->toks[last]) &&
           a->toks[last].cue != CUE_ROLE)
        last--;
    /* "the White House readout": a name inside a plain description is
     * the better speaker */
    if (a->toks[last].cue != CUE_ROLE)
        for (size_t j = k + 1; j < last; j++)
            if (is_name_word(&a->toks[j]))
                return 0;
    if (!is_plain_word(&a->toks[last]) && a->toks[last].cue != CUE_ROLE)
        return 0;
    return description_ending(a, last, s);
}

/* A person, a pronoun or a description at token k; 0 when k is none. */
static int mention_at(attributor *a, size_t k, int dir, speaker *s)
{
    const qtok *q = &a->toks[k];
    memset(s, 0, sizeof *s);
    if (q->inside)
        return 0;
    if (q->cue == CUE_PRONOUN || q->cue == CUE_FIRST_PERSON) {
        s->mention = tok_span(a, k, k);
        s->gender = q->gender;
        resolve(a, s, q->cue == CUE_PRONOUN);
        return 1;
    }
    if (is_name_word(q)) {
        size_t first = dir < 0 ? run_start(a, k) : k;
        size_t last = dir < 0 ? k : run_end(a, k);
        *s = person_from_run(a, first, last);
        if (empty(s->role))
            s->role = apposition_after(a, last);
        resolve(a, s, 0);
        return 1;
    }
    if (q->cue == CUE_DETERMINER && dir > 0)
        return description_starting(a, k, s) && (resolve(a, s, 0), 1);
    if (dir < 0 && (q->cue == CUE_ROLE || is_plain_word(q)))
        return description_ending(a, k, s) && (resolve(a, s, 0), 1);
    return 0;
}

/* "Trump, the GOP frontrunner in South Carolina, said": with a comma
 * right before the cue at k, the name before an earlier comma. */
#define MAX_APPOSITION 30
static int apposed_subject(attributor *a, size_t k, speaker *s)
{
    const char *t = a->d->text;
    size_t i = a->toks[k].start;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    if (i == 0 || t[i - 1] != ',' || k == 0)
        return 0;
    for (size_t j = k - 1; j-- > 0 && k - j < MAX_APPOSITION;) {
        const qtok *q = &a->toks[j];
        if (q->inside || q->cue == CUE_VERB)
            return 0;
        if (byte_at(a, q->end) == ',' && is_name_word(q)) {
            size_t first = run_start(a, j);
            *s = person_from_run(a, first, j);
            resolve(a, s, 0);
            return 1;
        }
    }
    return 0;
}

/* The subject before the cue at k: "Netanyahu (reportedly) added".
 * -1 at a conjunction: "X outlined his plan and vowed" has the
 * subject of the sentence. */
static int subject_before(attributor *a, size_t k, speaker *s)
{
    if (apposed_subject(a, k, s))
        return 1;
    const char *t = a->d->text;
    for (int skipped = 0; skipped <= MAX_SKIP && k > 0; skipped++) {
        k--;
        /* "Rep. Gwen Moore (D-Wis.) said": over the parenthesis */
        if (byte_at(a, a->toks[k].end) == ')' ||
            byte_at(a, a->toks[k].end + 1) == ')') {
            size_t open = k;
            while (open > 0 && k - open < MAX_ROLE_WORDS &&
                   byte_at(a, a->toks[open].start - 1) != '(')
                open--;
            if (open > 0 && byte_at(a, a->toks[open].start - 1) == '(')
                k = open - 1;
        }
        if (a->toks[k].cue == CUE_CONJUNCTION)
            return -1;
        if (mention_at(a, k, -1, s))
            return 1;
        const qtok *q = &a->toks[k];
        /* "Sarandon, 69, told": an age between commas */
        int age = (q->flags & TOK_NUMBER) && byte_at(a, q->end) == ',';
        /* "Trump was prompted to say", "Clinton declined to say" */
        int chain = is_plain_word(q) && k + 1 < a->ntoks &&
                    a->toks[k + 1].end - a->toks[k + 1].start == 2 &&
                    memcmp(t + a->toks[k + 1].start, "to", 2) == 0;
        if (q->inside || !(age || chain || is_skippable(a->d, q)))
            return 0;
    }
    return 0;
}

/* The speaker after the cue at k: "said Maria Lopez", "according to
 * the White House". */
static int speaker_after(attributor *a, size_t k, speaker *s)
{
    for (int skipped = 0; skipped <= MAX_SKIP && k + 1 < a->ntoks;
         skipped++) {
        k++;
        if (mention_at(a, k, +1, s))
            return 1;
        if (!is_skippable(a->d, &a->toks[k]))
            return 0;
    }
    return 0;
}

/* The subject opening the sentence whose first token is k: "Former
 * Secretary of State Madeleine Albright ..., saying", "He dismissed
 * ..., saying".  A dateline ("WASHINGTON —") and a leading phrase up to
 * its comma ("In a statement released Thursday, Rep. Hakeem Jeffries")
 * come first. */
#define MAX_LEADING_PHRASE 12
static int sentence_subject(attributor *a, size_t k, speaker *s)
{
    if (k + 1 < a->ntoks && (a->toks[k].flags & TOK_ALLCAPS) &&
        !adjacent(a, k) && byte_at(a, a->toks[k].end) != ',')
        k++;
    const qtok *q0 = k < a->ntoks ? &a->toks[k] : NULL;
    if (q0 && q0->stop && !is_name_word(q0) && q0->cue != CUE_DETERMINER &&
        q0->cue != CUE_PRONOUN && q0->cue != CUE_FIRST_PERSON) {
        size_t j = k;
        while (j < a->ntoks && j < k + MAX_LEADING_PHRASE &&
               byte_at(a, a->toks[j].end) != ',' && !a->toks[j].inside)
            j++;
        if (j >= a->ntoks || j == k + MAX_LEADING_PHRASE ||
            a->toks[j].inside)
            return 0;
        k = j + 1;
    }
    for (size_t j = k; j < a->ntoks && j < k + 3; j++) {
        const qtok *q = &a->toks[j];
        if (q->inside)
            return 0;
        if (q->cue == CUE_DETERMINER && description_starting(a, j, s)) {
            resolve(a, s, 0);
            return 1;
        }
        if (q->cue == CUE_PRONOUN || q->cue == CUE_FIRST_PERSON ||
            is_name_word(q))
            return mention_at(a, j, +1, s);
        if (!q->stop)
            return 0;
    }
    return 0;
}

/* ------------------------------------------------------------ patterns */

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
        tokenize_window(a, s->seg.start, s->seg.end);
        for (size_t j = 0; j < a->ntoks; j++) {
            if (!is_name_word(&a->toks[j]) || a->toks[j].cue == CUE_ROLE)
                continue;
            size_t first = run_start(a, j), last = run_end(a, j);
            speaker p = person_from_run(a, first, last);
            int subject = first == 0 && a->toks[0].start == s->seg.start &&
                          byte_at(a, a->toks[last].end) != ',';
            if (!empty(p.name) && (subject || !empty(p.role))) {
                remember(a, &p);
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
        if (ends_with(a, k, "ing")) /* "…," adding: the finite verb first */
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
        found = speaker_after(a, k, s);
    } else if (ends_with(a, k, "ing")) {
        /* ", saying": the subject of the sentence; never inverted */
        found = comma_before(a, k) ? sentence_subject(a, first, s)
                                   : subject_before(a, k, s) > 0;
    } else {
        found = subject_before(a, k, s);
        if (found < 0)
            found = sentence_subject(a, first, s);
        else if (!found && c->start >= q->after &&
                 only_stop_between(a, q->after, k))
            found = speaker_after(a, k, s);
    }
    if (found)
        s->cue = tok_span(a, k, k);
    return found;
}

/* X: "…" with X the whole start of the sentence. */
static int colon_before(attributor *a, const qspan *q, size_t sent_start,
                        speaker *s)
{
    const char *t = a->d->text;
    size_t i = q->open;
    while (i > sent_start && t[i - 1] == ' ')
        i--;
    if (i == sent_start || t[i - 1] != ':')
        return 0;
    size_t last = SIZE_MAX;
    for (size_t k = 0; k < a->ntoks && a->toks[k].end < i; k++)
        last = k;
    if (last == SIZE_MAX || a->toks[last].end + 1 != i ||
        !is_name_word(&a->toks[last]))
        return 0;
    size_t first = run_start(a, last);
    if (a->toks[first].start != sent_start)
        return 0;
    *s = person_from_run(a, first, last);
    resolve(a, s, 0);
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
        if (!is_name_word(&a->toks[k]))
            return 0;
        *s = person_from_run(a, k, run_end(a, k));
        resolve(a, s, 0);
        return 1;
    }
    return 0;
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
    if (q->after >= d->sents[s2].seg.end && s2 + 1 < d->nsents &&
        d->sents[s2 + 1].seg.paragraph == d->sents[s2].seg.paragraph &&
        !(qi + 1 < a->nq && a->qs[qi + 1].open == d->sents[s2 + 1].seg.start))
        limit = d->sents[++s2].seg.start;
    read_up_to(a, s1);
    size_t ws = d->sents[s1].seg.start;
    tokenize_window(a, ws, d->sents[s2].seg.end);
    size_t k = nearest_cue(a, q, limit);
    int found = dash_after(a, q, out) ||
                (k != SIZE_MAX && from_cue(a, q, k, out)) ||
                colon_before(a, q, ws, out);
    /* Inside a sentence with no usable cue the quotation belongs to its
     * subject: "Dr. Babar pondered who might “…”", "The president noted
     * that ..., and added: “…”". */
    if (!found && q->open > ws && !q->opens_sentence) {
        found = sentence_subject(a, 0, out);
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
            tokenize_window(a, p->start, p->end);
            for (k = a->ntoks; k-- > 0 && !found;)
                if (a->toks[k].cue == CUE_VERB && !a->toks[k].inside)
                    found = from_cue(a, q, k, out);
            if (!found)
                found = sentence_subject(a, 0, out);
        }
    }
    if (!found) {
        memset(out, 0, sizeof *out);
        return;
    }
    if (!empty(out->name)) {
        remember(a, out);
        a->last = out->name;
    }
}

attributor *attributor_new(const doc *d, const qspan *qs, size_t n)
{
    attributor *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->d = d;
    a->qs = qs;
    a->nq = n;
    return a;
}

void attributor_free(attributor *a)
{
    if (a) {
        free(a->people);
        free(a);
    }
}
