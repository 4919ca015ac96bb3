/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mentions.c -- the mention grammar of attribution (speakers.h): the
 * window of the document's tokens around a quotation, runs of
 * capitalised name words, titles and roles split off a name ("Hamas
 * spokesman Hazem Qassem"), descriptions ("the former minister"), and
 * the subject of a cue verb before or after it.
 */
#include <string.h>
#include <strings.h>

#include "speakers.h"
#include "tokenize.h"
#include "utf8.h"

#define MAX_NAME_WORDS 6
#define MAX_ROLE_WORDS 4

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
/* Whether text[start, end) is one token, folded into *t and *tok. */
static int one_word(const doc *d, size_t start, size_t end, tokenizer *t,
                    token *tok)
{
    tokenizer_init(t, d->text, start, end);
    return tokenizer_next(t, tok) && tok->end == end;
}

/* "l'ancien" read as "l'" and "ancien": the elided determiner ([elided]
 * in morph/XX.txt) becomes a token of its own, so "l'ancien chef de
 * l'Etat" is a description like "le chef".  0 when q is not one. */
static int split_elision(attributor *a, qtok *q)
{
    const doc *d = a->d;
    const morph_endings *m = &attr_morph(a)->elided;
    for (size_t i = 0; i < m->n; i++) {
        size_t n = m->len[i];
        if (q->end - q->start <= n ||
            strncasecmp(d->text + q->start, m->text[i], n) != 0 ||
            a->ntoks >= a->room)
            continue;
        tokenizer t;
        token tok;
        if (!one_word(d, q->start + n, q->end, &t, &tok))
            return 0;
        qtok *w = &a->toks[a->ntoks++];
        *w = *q;
        w->start = q->start + n;
        w->flags = tok.flags;
        uint32_t cue = lang_speech(d->lang, t.fold, tok.fold_len);
        w->cue = (int)(cue & CUE_MASK);
        w->gender = CUE_GENDER(cue);
        w->stop = strmap_get(&d->lang->stop, t.fold, tok.fold_len) != NULL;
        q->end = q->start + n;
        q->flags = 0;
        q->cue = CUE_DETERMINER;
        q->gender = 0;
        q->stop = 1;
        return 1;
    }
    return 0;
}

/* "Offering his condolences, ...": a sentence opening on a participle
 * followed by a lower-case word is a phrase, not a name ("Manning
 * said", "Fleming told" are followed by their verb). */
static int opens_participle(const attributor *a, size_t k)
{
    const doc *d = a->d;
    const doc_token *t = &d->toks[k];
    const morph_endings *ing = &attr_morph(a)->participle;
    if (!ing->n || k + 1 >= d->ntoks ||
        !morph_ends(ing, d->text + t->start, t->len, 3) ||
        d->sents[doc_sentence_at(d, t->start)].seg.start != t->start)
        return 0;
    const doc_token *next = &d->toks[k + 1];
    return !(next->flags & TOK_CAPITAL) &&
           DOC_CUE_KIND(next->cue) != CUE_VERB;
}

static int adjacent(const attributor *a, size_t k);

/* "a-t-il ajouté", "dit-elle": a verb and its pronoun written as one
 * word read as two tokens, the verb ("a", "dit") and the pronoun after
 * the last hyphen, when the language lists it.  0 when q is not one. */
static int split_inverted_pronoun(attributor *a, qtok *q)
{
    const doc *d = a->d;
    const char *t = d->text;
    size_t last_hyphen = SIZE_MAX, first_hyphen = SIZE_MAX;
    for (size_t i = q->start; i < q->end; i++)
        if (t[i] == '-') {
            if (first_hyphen == SIZE_MAX)
                first_hyphen = i;
            last_hyphen = i;
        }
    if (last_hyphen == SIZE_MAX || first_hyphen == q->start ||
        last_hyphen + 1 >= q->end || a->ntoks >= a->room)
        return 0;
    tokenizer tk;
    token tok;
    if (!one_word(d, last_hyphen + 1, q->end, &tk, &tok))
        return 0;
    uint32_t pronoun = lang_speech(d->lang, tk.fold, tok.fold_len);
    if ((pronoun & CUE_MASK) != CUE_PRONOUN ||
        !one_word(d, q->start, first_hyphen, &tk, &tok))
        return 0;
    uint32_t verb = lang_speech(d->lang, tk.fold, tok.fold_len);
    if ((verb & CUE_MASK) != CUE_VERB && (verb & CUE_MASK) != CUE_AUXILIARY)
        return 0;
    qtok *w = &a->toks[a->ntoks++];
    *w = *q;
    w->start = last_hyphen + 1;
    w->flags = 0;
    w->cue = CUE_PRONOUN;
    w->gender = CUE_GENDER(pronoun);
    w->stop = 1;
    q->end = first_hyphen;
    q->cue = (int)(verb & CUE_MASK);
    q->gender = 0;
    return 1;
}

/* "Marine Le Pen", "Jean de La Fontaine": a capitalised determiner
 * between two name words is part of the name.  Looks at the token
 * before the one just added. */
static void name_particle_determiner(attributor *a)
{
    if (a->ntoks < 3)
        return;
    qtok *p = &a->toks[a->ntoks - 3], *q = &a->toks[a->ntoks - 2],
         *n = &a->toks[a->ntoks - 1];
    if (q->cue == CUE_DETERMINER && (q->flags & TOK_CAPITAL) &&
        mention_is_name_word(p) && (n->flags & TOK_CAPITAL) && !n->cue &&
        !n->stop && adjacent(a, a->ntoks - 3) && adjacent(a, a->ntoks - 2)) {
        q->cue = 0;
        q->stop = 0;
    }
}

/* A short capitalised fragment after a word, the title of a paper or a
 * work ("Der „St.=Anz.“ bemerkt"): its words read as a name, not as
 * quoted words, where every noun is capitalised (elsewhere such a
 * fragment is as often a show or a slogan: “Saturday Night Live”).  Not
 * a cry, a turn or a split quotation opening a sentence (»Nein«, schrie
 * er; »Liese!«).  Bytes: a title of a few words. */
#define TITLE_MAX_BYTES 40
static int is_title(const attributor *a, const qspan *q)
{
    const char *t = a->d->text;
    size_t len = a->d->len, i = q->open;
    int32_t before = 0, first = 0;
    int n;
    if (!attr_morph(a)->noun_capitals || !q->fragment ||
        q->after - i > TITLE_MAX_BYTES || i < 2 ||
        t[i - 1] != ' ')
        return 0;
    utf8_next(t, len, utf8_prev(t, i - 1), &before);
    n = utf8_next(t, len, i, &first); /* the mark */
    if (!uc_is_letter(before) || n <= 0 ||
        utf8_next(t, len, i + (size_t)n, &first) <= 0 || !uc_is_upper(first))
        return 0;
    for (size_t j = i; j < q->end; j++)
        if (t[j] == ',' || t[j] == '!' || t[j] == '?' || t[j] == ';' ||
            t[j] == ':')
            return 0;
    return 1;
}

void mention_window(attributor *a, size_t start, size_t end)
{
    const doc *d = a->d;
    size_t qi = first_quote_after(a, start);
    a->ntoks = 0;
    for (size_t k = doc_token_at(d, start);
         k < d->ntoks && doc_token_end(&d->toks[k]) <= end &&
         a->ntoks < a->room;
         k++) {
        const doc_token *tok = &d->toks[k];
        qtok *q = &a->toks[a->ntoks++];
        q->start = tok->start;
        q->end = doc_token_end(tok);
        q->flags = tok->flags;
        while (qi < a->nq && a->qs[qi].after <= tok->start)
            qi++;
        q->inside = qi < a->nq && a->qs[qi].open < tok->start &&
                    !is_title(a, &a->qs[qi]);
        q->cue = DOC_CUE_KIND(tok->cue);
        q->gender = DOC_CUE_GENDER(tok->cue);
        q->stop = tok->stop;
        if (d->lang && !q->cue && split_elision(a, q))
            q = &a->toks[a->ntoks - 1];
        else if (d->lang && !q->cue && split_inverted_pronoun(a, q))
            q = &a->toks[a->ntoks - 1];
        if (!q->cue && (q->flags & TOK_CAPITAL) && opens_participle(a, k))
            q->cue = CUE_NOT_NAME;
        name_particle_determiner(a);
        /* "der Bucklige", "einer der Langen", "der alte Fahrgast": where
         * every noun is capitalised, the first capitalised word after a
         * determiner is its noun, not a name */
        if (attr_morph(a)->noun_capitals && (q->flags & TOK_CAPITAL) &&
            q->cue != CUE_ROLE) {
            for (size_t j = a->ntoks - 1; j-- > 0 && a->ntoks - 1 - j <= 2;) {
                const qtok *p = &a->toks[j];
                if (p->inside != q->inside || !adjacent(a, j))
                    break; /* »…ein!« erwiderte Salmeyer */
                if (p->cue == CUE_DETERMINER) {
                    q->flags &= ~(unsigned)TOK_CAPITAL;
                    break;
                }
                if ((p->flags & TOK_CAPITAL) || p->cue)
                    break;
            }
        }
    }
    /* "August sah mich an": a month opening a sentence before a verb
     * (a lower-case word that is no function word) names a person */
    for (size_t k = 0; k + 1 < a->ntoks; k++) {
        qtok *q = &a->toks[k], *n = &a->toks[k + 1];
        if (q->cue == CUE_TIME && !q->inside && !n->inside && !n->stop &&
            !n->cue && !(n->flags & (TOK_CAPITAL | TOK_NUMBER)) &&
            adjacent(a, k) &&
            d->sents[doc_sentence_at(d, q->start)].seg.start == q->start)
            q->cue = 0;
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
    if (i == y->start) /* touching: only an elided determiner ("l'") */
        return x->cue == CUE_DETERMINER && x->end > x->start &&
               (t[x->end - 1] == '\'' ||
                (x->end - x->start >= 3 &&
                 memcmp(t + x->end - 3, "\xE2\x80\x99", 3) == 0));
    for (; i < y->start; i++)
        if (t[i] != ' ')
            return 0;
    return 1;
}

/* Capitalised, not a function word or cue; titles count ("Mr", a stop
 * word in some lists, opens "Mr. John Smith"). */
int mention_is_name_word(const qtok *q)
{
    return !q->inside && (q->flags & TOK_CAPITAL) &&
           (q->cue == CUE_ROLE || (!q->stop && q->cue == 0));
}

/* Whether token k's text opens with an upper-case letter, whatever
 * mention_window made of its flags. */
static int written_capital(const attributor *a, size_t k)
{
    int32_t cp;
    const qtok *q = &a->toks[k];
    return utf8_next(a->d->text, q->end, q->start, &cp) > 0 && uc_is_upper(cp);
}

/* A determiner that never opens a subject ([oblique] in morph/XX.txt:
 * "dem", "den"), in either case. */
static int oblique(const attributor *a, size_t k)
{
    const qtok *q = &a->toks[k];
    size_t len = q->end - q->start;
    char word[MORPH_MAX_LEN + 1];
    if (q->cue != CUE_DETERMINER || len > MORPH_MAX_LEN)
        return 0;
    memcpy(word, a->d->text + q->start, len);
    if (word[0] >= 'A' && word[0] <= 'Z')
        word[0] = (char)(word[0] - 'A' + 'a');
    return morph_is(&attr_morph(a)->oblique, word, len);
}

/* The last token of the complement of the preposition at k: "mit
 * zittriger Stimme", "nach einer Weile", "im selben Augenblick":
 * determiners, lower-case modifiers, then the noun (where every noun is
 * capitalised, the first capitalised word; elsewhere the first plain
 * word).  k itself when nothing follows it. */
static size_t preposition_end(const attributor *a, size_t k)
{
    int capitals = attr_morph(a)->noun_capitals;
    for (size_t j = k + 1; j < a->ntoks && j - k <= MAX_ROLE_WORDS; j++) {
        const qtok *q = &a->toks[j];
        if (q->inside || !adjacent(a, j - 1))
            break;
        if (q->cue == CUE_DETERMINER || (capitals && !written_capital(a, j) &&
                                         !q->cue && !(q->flags & TOK_NUMBER)))
            continue;
        return q->cue || (q->stop && !written_capital(a, j)) ? j - 1 : j;
    }
    return k;
}

/* The gender a title or role word inside span marks, or 0. */
static int gender_in(const attributor *a, span s)
{
    for (size_t k = 0; k < a->ntoks && a->toks[k].start < s.end; k++)
        if (a->toks[k].start >= s.start && a->toks[k].gender)
            return a->toks[k].gender;
    return 0;
}

/* Token k ends with one of the endings and is at least two bytes longer
 * ("granted"). */
int mention_ends_with(const attributor *a, size_t k, const morph_endings *m)
{
    const qtok *q = &a->toks[k];
    return morph_ends(m, a->d->text + q->start, q->end - q->start, 2) != 0;
}

/* Lower-case particles inside names: "Secretary of State", "Charles de
 * Gaulle", "Ursula von der Leyen" (the language's [particles]). */
static int is_particle(const attributor *a, size_t k)
{
    const qtok *q = &a->toks[k];
    return !(q->flags & TOK_CAPITAL) && !q->inside &&
           morph_is(&attr_morph(a)->particles, a->d->text + q->start,
                    q->end - q->start);
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
    return has_role ? tok_span(a, first, k - 1) : SPAN_NONE;
}

/* A person from the name words [first, last]: titles among them go to
 * the role ("Prime Minister Jane Doe"), role words before them too. */
speaker mention_person_from_run(const attributor *a, size_t first, size_t last)
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
size_t mention_run_start(const attributor *a, size_t k)
{
    size_t first = k;
    while (first > 0 && k - first + 1 < MAX_NAME_WORDS &&
           adjacent(a, first - 1)) {
        if (mention_is_name_word(&a->toks[first - 1]))
            first--;
        else if (first > 1 && is_particle(a, first - 1) &&
                 mention_is_name_word(&a->toks[first - 2]) && adjacent(a, first - 2))
            first -= 2;
        else
            break;
    }
    return first;
}

size_t mention_run_end(const attributor *a, size_t k)
{
    size_t last = k;
    while (last + 1 < a->ntoks && last - k + 1 < MAX_NAME_WORDS &&
           adjacent(a, last)) {
        if (mention_is_name_word(&a->toks[last + 1]))
            last++;
        else if (last + 2 < a->ntoks && is_particle(a, last + 1) &&
                 mention_is_name_word(&a->toks[last + 2]) && adjacent(a, last + 1))
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
        return SPAN_NONE;
    for (size_t j = k + 2; j < a->ntoks && j < k + 2 + MAX_ROLE_WORDS; j++) {
        if (a->toks[j].inside || !adjacent(a, j - 1))
            return SPAN_NONE;
        if (a->toks[j].cue == CUE_ROLE)
            return tok_span(a, k + 2, j);
    }
    return SPAN_NONE;
}

/* Words that may stand between a name and its verb: function words,
 * other cues ("was quoted as saying") and adverbs by the language's
 * [adverb] endings ("reportedly").  A content word ends the search. */
static int is_skippable(const attributor *a, const qtok *q)
{
    if (q->stop || q->cue == CUE_VERB || q->cue == CUE_ACCORDING ||
        q->cue == CUE_AUXILIARY || q->cue == CUE_NOT_NAME)
        return 1;
    return morph_ends(&attr_morph(a)->adverb, a->d->text + q->start,
                      q->end - q->start, 2) != 0;
}

static int is_plain_word(const qtok *q)
{
    return !q->inside && !q->stop && !q->cue &&
           !(q->flags & (TOK_CAPITAL | TOK_NUMBER));
}

/* A noun phrase ending at token k and opened by a determiner: "the
 * Senate minority leader", "a senior official", "the gambling tycoon".
 * Its role is set when it holds a role word.  0 when there is SPAN_NONE. */
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
        /* where nouns are capitalised, a function word between the
         * determiner and the noun modifies it: "der andere Lange" */
        int modifier = p->stop && attr_morph(a)->noun_capitals && !p->cue &&
                       !(p->flags & TOK_CAPITAL);
        if (p->inside || (p->stop && p->cue != CUE_ROLE && !modifier) ||
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
        mention_is_name_word(&a->toks[det - 1])) {
        speaker named = mention_person_from_run(a, mention_run_start(a, det - 1), det - 1);
        named.role = s->role;
        *s = named;
    }
    return 1;
}

/* The token starting at offset. */
static size_t token_index(const attributor *a, size_t offset)
{
    size_t k = 0;
    while (k + 1 < a->ntoks && a->toks[k].start < offset)
        k++;
    return k;
}

/* The last token of the place or body after a role ("de Paiporta",
 * "de l'Etat", "of Ohio", "du gouvernement", "de la familia": a word of
 * [of], maybe a determiner, and a name or a plain noun), or last when
 * there is none.  A run of three names or more after it is the place
 * and a name ("degli Esteri Antonio Tajani"): the place is its first. */
static size_t place_after(const attributor *a, size_t last)
{
    size_t j = last + 1;
    if (j + 1 >= a->ntoks || a->toks[j].cue != CUE_OF ||
        !adjacent(a, last) || !adjacent(a, j))
        return last;
    j++;
    if (a->toks[j].cue == CUE_DETERMINER && j + 1 < a->ntoks &&
        adjacent(a, j))
        j++;
    if (is_plain_word(&a->toks[j]))
        return j;
    if (!mention_is_name_word(&a->toks[j]))
        return last;
    size_t end = mention_run_end(a, j);
    return end - j >= 2 ? j : end;
}

/* After a description ending at token last: the place of its role
 * ("la alcaldesa de Paiporta"), and the name of who it is, set against
 * it ("l'économiste Thomas Piketty", "la vicepresidenta Teresa
 * Ribera") or between commas ("la alcaldesa de Paiporta, Maribel
 * Albalat,"): then the description is the role, the name the speaker. */
static void role_place_and_name_after(const attributor *a, size_t last,
                                      speaker *s)
{
    size_t place = place_after(a, last);
    s->mention.end = a->toks[place].end;
    if (!empty(s->role))
        s->role.end = a->toks[place].end;
    size_t j = place + 1;
    if (j >= a->ntoks || !mention_is_name_word(&a->toks[j]))
        return;
    int comma = byte_at(a, a->toks[place].end) == ',';
    if (!comma && !adjacent(a, place))
        return;
    size_t end = mention_run_end(a, j);
    /* between commas, a name of two words or more, closed */
    if (comma && (end == j || (end + 1 < a->ntoks &&
                               byte_at(a, a->toks[end].end) != ',' &&
                               byte_at(a, a->toks[end].end) != '.')))
        return;
    speaker named = mention_person_from_run(a, j, end);
    size_t head = token_index(a, s->mention.start) + 1;
    if (empty(s->role) && head <= place)
        s->role = (span){a->toks[head].start, a->toks[place].end};
    s->name = named.name;
    s->mention.end = a->toks[end].end;
}

/* "(заявил) министр финансов Антон Силуанов", "(zei) premier Dick
 * Schoof": a role with no determiner before a name; or the role alone,
 * a description ("добавил губернатор области"). */
static int role_then_name(const attributor *a, size_t k, speaker *s)
{
    size_t last = k;
    while (last + 1 < a->ntoks && last + 1 - k < MAX_ROLE_WORDS &&
           adjacent(a, last) && !mention_is_name_word(&a->toks[last + 1]) &&
           !a->toks[last + 1].inside && !a->toks[last + 1].stop &&
           (!a->toks[last + 1].cue || a->toks[last + 1].cue == CUE_ROLE) &&
           !(a->toks[last + 1].flags & TOK_NUMBER))
        last++; /* "министр финансов", "secretaris-generaal" */
    memset(s, 0, sizeof *s);
    s->mention = s->role = tok_span(a, k, last);
    s->gender = gender_in(a, s->role);
    size_t j = last + 1;
    if (j < a->ntoks && mention_is_name_word(&a->toks[j]) && adjacent(a, last)) {
        size_t end = mention_run_end(a, j);
        /* "пресс-секретарь Кремля Дмитрий Песков": of three names or
         * more the first is the role's place; an acronym alone is one
         * too ("пресс-секретарь МИД") */
        if (end - j >= 2 || (end == j && (a->toks[j].flags & TOK_ALLCAPS))) {
            s->role.end = a->toks[j].end;
            s->mention.end = a->toks[j].end;
            if (end == j)
                return 1;
            j++;
        }
        s->name = mention_person_from_run(a, j, end).name;
        s->mention.end = a->toks[end].end;
        return 1;
    }
    /* "(добавил) губернатор области", "(сказал) президент.": a role
     * alone where the language has no article; a plain word needs the
     * name after it ("zei trainer Arne Slot") */
    if (a->toks[k].cue != CUE_ROLE)
        return 0;
    char after = byte_at(a, a->toks[last].end);
    return last > k || after == '.' || after == ',' || after == '\0';
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
           /* "der Journalist (gereizt)": the noun ends it */
           !(attr_morph(a)->noun_capitals && written_capital(a, last)) &&
           !a->toks[last + 1].inside && !a->toks[last + 1].stop &&
           (!a->toks[last + 1].cue || a->toks[last + 1].cue == CUE_ROLE) &&
           !mention_ends_with(a, last + 1, &attr_morph(a)->past))
        last++;
    while (last > k + 1 && !is_plain_word(&a->toks[last]) &&
           a->toks[last].cue != CUE_ROLE)
        last--;
    /* "le Premier ministre", "la secrétaire générale": role words in a
     * row are one role */
    while (a->toks[last].cue == CUE_ROLE && last + 1 < a->ntoks &&
           last - k < MAX_ROLE_WORDS && adjacent(a, last) &&
           !a->toks[last + 1].inside && a->toks[last + 1].cue == CUE_ROLE)
        last++;
    /* "the White House readout": a name inside a plain description is
     * the better speaker */
    if (a->toks[last].cue != CUE_ROLE)
        for (size_t j = k + 1; j < last; j++)
            if (mention_is_name_word(&a->toks[j]))
                return 0;
    if (!is_plain_word(&a->toks[last]) && a->toks[last].cue != CUE_ROLE)
        return 0;
    if (!description_ending(a, last, s))
        return 0;
    role_place_and_name_after(a, last, s);
    return 1;
}

/* The name run [first, last] is the complement of a role before it
 * ("chef de l'Etat", "mayor of Paiporta"): *s the whole description. */
static int role_of_place(const attributor *a, size_t first, size_t last,
                         speaker *s)
{
    size_t j = first;
    if (j > 0 && a->toks[j - 1].cue == CUE_DETERMINER && adjacent(a, j - 1))
        j--; /* "de l'Etat", "of the Netherlands" */
    if (j < 2 || a->toks[j - 1].cue != CUE_OF ||
        a->toks[j - 2].cue != CUE_ROLE || !adjacent(a, j - 2) ||
        !adjacent(a, j - 1))
        return 0;
    if (!description_ending(a, j - 2, s))
        return 0;
    s->mention.end = a->toks[last].end;
    s->role.end = a->toks[last].end;
    return 1;
}

/* A determiner at token k standing for a person by itself: "(sagt)
 * einer von den beiden Langen", "eine der Frauen", "(sagte) einer.",
 * "ein anderer,", "die mit den braunen Augen". */
static int pronominal(const attributor *a, size_t k)
{
    char after = byte_at(a, a->toks[k].end);
    if (k + 1 >= a->ntoks || after == ',' || after == '.' || after == ';')
        return 1;
    const qtok *n = &a->toks[k + 1];
    if (!adjacent(a, k))
        return 0;
    if (n->cue == CUE_OF || n->cue == CUE_DETERMINER ||
        n->cue == CUE_PREPOSITION)
        return 1;
    /* a function word that stands for the noun: "ein anderer," */
    char end = byte_at(a, n->end);
    return n->stop && !n->cue && !(n->flags & TOK_CAPITAL) &&
           (end == ',' || end == '.' || end == ';');
}

/* A person, a pronoun or a description at token k; 0 when k is SPAN_NONE. */
static int mention_at(attributor *a, size_t k, int dir, speaker *s)
{
    const qtok *q = &a->toks[k];
    memset(s, 0, sizeof *s);
    if (q->inside)
        return 0;
    if (q->cue == CUE_PRONOUN || q->cue == CUE_FIRST_PERSON) {
        s->mention = tok_span(a, k, k);
        s->gender = q->gender;
        people_resolve(a, s, q->cue == CUE_PRONOUN);
        return 1;
    }
    if (mention_is_name_word(q)) {
        size_t first = dir < 0 ? mention_run_start(a, k) : k;
        size_t last = dir < 0 ? k : mention_run_end(a, k);
        /* "l'ancien chef de l'Etat témoigne", "the mayor of Paiporta
         * said": the place of a role, not the speaker */
        if (dir < 0 && role_of_place(a, first, last, s)) {
            people_resolve(a, s, 0);
            return 1;
        }
        *s = mention_person_from_run(a, first, last);
        if (empty(s->role))
            s->role = apposition_after(a, last);
        people_resolve(a, s, 0);
        return 1;
    }
    /* "sagt einer von den beiden Langen", "fragt eine der Frauen": one
     * of a group, named by no one */
    if (q->cue == CUE_DETERMINER && dir > 0 && pronominal(a, k)) {
        size_t det = k + 1 < a->ntoks && a->toks[k + 1].cue == CUE_OF ? k + 2 : k + 1;
        speaker group;
        s->mention = tok_span(a, k, k);
        if (det < a->ntoks && a->toks[det].cue == CUE_DETERMINER &&
            adjacent(a, det - 1) && description_starting(a, det, &group))
            s->mention.end = group.mention.end;
        else if (k + 1 < a->ntoks && adjacent(a, k) && a->toks[k + 1].stop &&
                 !a->toks[k + 1].cue && !(a->toks[k + 1].flags & TOK_CAPITAL))
            s->mention.end = a->toks[k + 1].end; /* "ein anderer" */
        return 1;
    }
    if (q->cue == CUE_DETERMINER && dir > 0)
        return description_starting(a, k, s) && (people_resolve(a, s, 0), 1);
    if (dir > 0 && (q->cue == CUE_ROLE ||
                    (is_plain_word(q) && k + 1 < a->ntoks &&
                     mention_is_name_word(&a->toks[k + 1]) && adjacent(a, k))))
        return role_then_name(a, k, s) && (people_resolve(a, s, 0), 1);
    if (dir < 0 && (q->cue == CUE_ROLE || is_plain_word(q)))
        return description_ending(a, k, s) && (people_resolve(a, s, 0), 1);
    return 0;
}

int mention_subject_at(attributor *a, size_t k, speaker *s)
{
    if (k >= a->ntoks)
        return 0;
    const qtok *q = &a->toks[k];
    if ((q->cue != CUE_PRONOUN && q->cue != CUE_FIRST_PERSON &&
         q->cue != CUE_DETERMINER && !mention_is_name_word(q)) ||
        oblique(a, k))
        return 0;
    return mention_at(a, k, +1, s);
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
        /* "Küngolts Vater aber, der Forstmeister der Stadt, sagte": a
         * function word may stand between the name and the comma */
        if (byte_at(a, q->end) == ',' && q->stop &&
            (!q->cue || q->cue == CUE_CONJUNCTION) && j > 0 &&
            mention_is_name_word(&a->toks[j - 1]) && adjacent(a, j - 1)) {
            j--;
            q = &a->toks[j];
        } else if (byte_at(a, q->end) != ',') {
            continue;
        }
        if (mention_is_name_word(q)) {
            size_t first = mention_run_start(a, j);
            speaker place;
            /* the role's place before the comma, a name after it: "La
             * ministra de Sanidad, Mónica García, subrayó" */
            if (role_of_place(a, first, j, &place) && j + 2 < k &&
                mention_is_name_word(&a->toks[j + 1]) &&
                mention_run_end(a, j + 1) == k - 1) {
                *s = mention_person_from_run(a, j + 1, k - 1);
                s->role = place.role;
                s->mention.start = place.mention.start;
            } else {
                *s = mention_person_from_run(a, first, j);
            }
            people_resolve(a, s, 0);
            return 1;
        }
    }
    return 0;
}

/* Whether a preposition governs the noun phrase whose first word is
 * token k, maybe over its determiner and modifiers: "nach einer
 * Weile", "nach dreistündiger Qual". */
static int governed(const attributor *a, size_t k)
{
    int capitals = attr_morph(a)->noun_capitals;
    for (size_t j = k; j > 0 && k - j < MAX_ROLE_WORDS; j--) {
        const qtok *p = &a->toks[j - 1];
        if (!adjacent(a, j - 1))
            return 0;
        if (p->cue == CUE_PREPOSITION)
            return 1;
        if (p->cue != CUE_DETERMINER &&
            !(capitals && is_plain_word(p) && !written_capital(a, j - 1)))
            return 0;
    }
    return 0;
}

/* The subject before the cue at k: "Netanyahu (reportedly) added".
 * -1 at a conjunction: "X outlined his plan and vowed" has the
 * subject of the sentence. */
int mention_subject_before(attributor *a, size_t k, speaker *s)
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
        if (byte_at(a, a->toks[k].end) == ';')
            return 0; /* "…; da rief der Alte": another clause's words */
        if (mention_at(a, k, -1, s)) {
            /* "Nach einer Weile sagt sie": the complement of a
             * preposition is not the subject; nor is a noun phrase an
             * oblique determiner opens ("wie der Starez dem Jüngling
             * sagt": the subject stands before it) */
            size_t first = token_index(a, s->mention.start);
            if (governed(a, first)) {
                memset(s, 0, sizeof *s);
                return 0;
            }
            if (!oblique(a, first))
                return 1;
            memset(s, 0, sizeof *s);
            k = first;
            continue;
        }
        const qtok *q = &a->toks[k];
        /* "Sarandon, 69, told": an age between commas */
        int age = (q->flags & TOK_NUMBER) && byte_at(a, q->end) == ',';
        /* "Trump was prompted to say", "Clinton declined to say" */
        int chain = is_plain_word(q) && k + 1 < a->ntoks &&
                    a->toks[k + 1].end - a->toks[k + 1].start == 2 &&
                    memcmp(t + a->toks[k + 1].start, "to", 2) == 0;
        if (q->inside || !(age || chain || is_skippable(a, q)))
            return 0;
    }
    return 0;
}

/* The speaker after the cue at k: "said Maria Lopez", "according to
 * the White House". */
int mention_speaker_after(attributor *a, size_t k, speaker *s)
{
    for (int skipped = 0; skipped <= MAX_SKIP && k + 1 < a->ntoks;
         skipped++) {
        k++;
        /* "schreit mit zittriger Stimme der Bucklige", "sagt dem
         * Jüngling der Starez" */
        if (a->toks[k].cue == CUE_PREPOSITION || oblique(a, k)) {
            k = preposition_end(a, k);
            continue;
        }
        if (mention_at(a, k, +1, s))
            return 1;
        if (!is_skippable(a, &a->toks[k]))
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
int mention_sentence_subject(attributor *a, size_t k, speaker *s)
{
    if (k + 1 < a->ntoks && (a->toks[k].flags & TOK_ALLCAPS) &&
        !adjacent(a, k) && byte_at(a, a->toks[k].end) != ',')
        k++;
    const qtok *q0 = k < a->ntoks ? &a->toks[k] : NULL;
    if (q0 && q0->stop && !mention_is_name_word(q0) && q0->cue != CUE_DETERMINER &&
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
            people_resolve(a, s, 0);
            return 1;
        }
        if (q->cue == CUE_PRONOUN || q->cue == CUE_FIRST_PERSON ||
            mention_is_name_word(q))
            return mention_at(a, j, +1, s);
        if (!q->stop)
            return 0;
    }
    return 0;
}
