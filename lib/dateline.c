/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * dateline.c -- where a story's dateline ends.
 *
 * Wire copy opens with where, and through whom, it was filed:
 * "WASHINGTON (AP) --", "LONDON, England (CNN) --", "Berlin (dpa) -",
 * "(CNN)", "GAZA CITY —".  That belongs to the page, not to the first
 * sentence: a summary opening with it reads like a wire printout, and
 * its words are not the story's.  It is recognised by its form, so any
 * city and any agency will do:
 *
 *   [Place] (Agency) [separator] Story   an agency in brackets; a place
 *                                        not in capitals needs the
 *                                        separator ("Berlin (dpa) -")
 *   PLACE separator Story                a place in capitals, then an
 *                                        em or en dash or "--"
 *
 * The place is at most six words, each opening with a capital (or, with
 * an agency, a date: "NEW YORK, March 3 (Reuters) -", "PARIS, 5 juin
 * (AFP) -"), and the story must go on with a capital, a digit or an
 * opening quotation mark.  So "NATO — the alliance said", "Apple (AAPL)
 * shares rose" and "RAY BUCKEY, 31 -- Key defendant" stay sentences; so
 * do labels with a colon ("TAPPER:", "NAME:"), which are a transcript's
 * speakers and a profile's fields, and "Sen. Ted Cruz (R-Texas) —",
 * whose brackets hold a party, not an agency.
 */
#include "dateline.h"

#include "utf8.h"

#define PLACE_WORDS 6
#define PLACE_BYTES 48
#define AGENCY_BYTES 32

static size_t skip_spaces(const char *t, size_t i, size_t end)
{
    int n;
    while (i < end && uc_is_space(utf8_at(t, end, i, &n)))
        i += (size_t)n;
    return i;
}

/* Length of the dash at i: an em or en dash, "--", or with single 1 a
 * lone hyphen; else 0. */
static size_t dash_at(const char *t, size_t i, size_t end, int single)
{
    int n;
    if (i >= end)
        return 0;
    int32_t cp = utf8_at(t, end, i, &n);
    if (cp == 0x2014 || cp == 0x2013)
        return (size_t)n;
    if (cp != '-')
        return 0;
    if (i + 1 < end && t[i + 1] == '-')
        return 2;
    return single ? 1 : 0;
}

/* "(AP)", "(Reuters)", "(dpa)": letters, spaces, dots and '&', opening
 * with a letter (a capital unless capital is 0).  Returns the offset
 * after ')' or 0. */
static size_t agency_end(const char *t, size_t i, size_t end, int capital)
{
    size_t j = i + 1, letters = 0;
    int n;
    for (; j < end && j - i <= AGENCY_BYTES; j += (size_t)n) {
        int32_t cp = utf8_at(t, end, j, &n);
        if (cp == ')')
            break;
        if (j == i + 1 && !(capital ? uc_is_upper(cp) : uc_is_letter(cp)))
            return 0;
        if (uc_is_letter(cp))
            letters++;
        else if (cp != ' ' && cp != '.' && cp != '&')
            return 0;
    }
    if (j >= end || t[j] != ')' || letters < 2)
        return 0;
    return j + 1;
}

/* The story goes on with a capital, a digit or an opening mark. */
static int story_starts(const char *t, size_t i, size_t end)
{
    int n;
    if (i >= end)
        return 0;
    int32_t cp = utf8_at(t, end, i, &n);
    return uc_is_upper(cp) || uc_is_digit(cp) || uc_is_open_punct(cp) ||
           cp == '"' || cp == '\'';
}

size_t dateline_end(const char *t, size_t start, size_t end)
{
    size_t i = start;
    int words = 0, caps_first = 0, digits = 0;
    int n;
    /* The place: words opening with a capital or a digit, up to a
     * bracket or a dash. */
    while (i < end && t[i] != '(' && !dash_at(t, i, end, 0)) {
        if (words == PLACE_WORDS || i - start > PLACE_BYTES)
            return start;
        int32_t cp = utf8_at(t, end, i, &n);
        /* After a day's number the month may be in lower case, as
         * French, Spanish or Italian write it: "PARIS, 5 juin (AFP)". */
        if (!uc_is_upper(cp) && !uc_is_digit(cp) && !digits)
            return start;
        digits += uc_is_digit(cp) != 0;
        int upper = 0, lower = 0;
        while (i < end && i - start <= PLACE_BYTES) {
            cp = utf8_at(t, end, i, &n);
            if (uc_is_space(cp) || cp == '(')
                break;
            upper += uc_is_upper(cp);
            lower += uc_is_lower(cp);
            i += (size_t)n;
        }
        if (words++ == 0)
            caps_first = upper >= 2 && lower == 0;
        i = skip_spaces(t, i, end);
    }
    if (i >= end)
        return start;
    size_t story;
    if (t[i] == '(') {
        size_t j = agency_end(t, i, end, words == 0);
        if (!j)
            return start;
        j = skip_spaces(t, j, end);
        size_t dash = dash_at(t, j, end, 1);
        if (!dash && words > 0 && !caps_first)
            return start;
        story = skip_spaces(t, j + dash, end);
    } else {
        if (!caps_first || digits)
            return start;
        story = skip_spaces(t, i + dash_at(t, i, end, 0), end);
    }
    return story_starts(t, story, end) ? story : start;
}
