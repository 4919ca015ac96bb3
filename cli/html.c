/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * html.c -- precis --html: one standalone page (no external assets) with
 * the document, the summary sentences highlighted and ranked, quotes
 * marked with their speakers, keywords, and excluded page noise greyed
 * with its reason.
 *
 * The text is cut at every start and end of the reply's ranges, and each
 * piece becomes one span carrying the classes of every range over it,
 * so overlapping ranges (a quote inside a summary sentence) never need
 * nested tags.  Pieces keep the document's bytes exactly (escaped), so
 * a summary sentence's spans read back its [start, end) byte for byte;
 * the reply itself is embedded as JSON for scripts (and tests) to read.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "protocol.h"
#include "view.h" /* the look precisd's page shares */

enum kind { K_SUMMARY, K_QUOTE, K_KEYWORD, K_EXCLUDED };

typedef struct range {
    size_t start, end;
    enum kind kind;
    json_t *item; /* borrowed from the reply */
    int rank;     /* summary: 1 for the best score */
} range;

static void escape(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\r': fputs("&#13;", out); break; /* parsers drop a raw CR */
        case '\0': fputs("\xEF\xBF\xBD", out); break;
        default: fputc(s[i], out);
        }
    }
}

static void escape_str(FILE *out, const char *s)
{
    if (s)
        escape(out, s, strlen(s));
}

static size_t offset(json_t *o, const char *key)
{
    return (size_t)json_integer_value(json_object_get(o, key));
}

static int by_position(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The rank of summary sentence i among all by score, 1 for the best. */
static int rank_of(json_t *summary, size_t i)
{
    double mine = json_number_value(
        json_object_get(json_array_get(summary, i), "score"));
    int rank = 1;
    size_t k;
    json_t *s;
    json_array_foreach(summary, k, s)
    {
        double other = json_number_value(json_object_get(s, "score"));
        rank += other > mine || (other == mine && k < i);
    }
    return rank;
}

static void add(range **r, size_t *n, size_t *cap, range x, size_t len)
{
    if (x.start >= x.end || x.end > len)
        return;
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 64;
        *r = realloc(*r, *cap * sizeof **r);
        if (!*r)
            exit(1);
    }
    (*r)[(*n)++] = x;
}

void render_html(json_t *reply, const char *text, size_t len, FILE *out)
{
    range *r = NULL;
    size_t n = 0, cap = 0, i;
    json_t *x, *summary = json_object_get(reply, "summary");
    json_array_foreach(summary, i, x)
        add(&r, &n, &cap,
            (range){offset(x, "start"), offset(x, "end"), K_SUMMARY, x,
                    rank_of(summary, i)},
            len);
    json_array_foreach(json_object_get(reply, "quotes"), i, x)
        add(&r, &n, &cap,
            (range){offset(x, "start"), offset(x, "end"), K_QUOTE, x, 0}, len);
    json_array_foreach(json_object_get(reply, "keywords"), i, x)
        add(&r, &n, &cap,
            (range){offset(x, "start"), offset(x, "end"), K_KEYWORD, x, 0},
            len);
    json_array_foreach(json_object_get(reply, "excluded"), i, x)
        add(&r, &n, &cap,
            (range){offset(x, "start"), offset(x, "end"), K_EXCLUDED, x, 0},
            len);
    /* Every boundary, sorted: the pieces lie between consecutive ones. */
    size_t *cut = malloc((2 * n + 2) * sizeof *cut), ncut = 0;
    if (!cut)
        exit(1);
    cut[ncut++] = 0;
    cut[ncut++] = len;
    for (i = 0; i < n; i++) {
        cut[ncut++] = r[i].start;
        cut[ncut++] = r[i].end;
    }
    qsort(cut, ncut, sizeof *cut, by_position);

    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
          "<title>precis</title><style>",
          out);
    fputs(VIEW_STYLE, out);
    fputs("</style></head><body>\n<h1>Summary</h1>\n<ol id=\"summary\">", out);
    json_array_foreach(summary, i, x)
    {
        fprintf(out, "<li value=\"%d\">", rank_of(summary, i));
        escape_str(out, json_string_value(json_object_get(x, "text")));
        fputs("</li>", out);
    }
    fputs("</ol>\n<h1>Quotes</h1>\n<ul id=\"quotes\">", out);
    json_array_foreach(json_object_get(reply, "quotes"), i, x)
    {
        json_t *who = json_object_get(x, "speaker");
        fputs("<li>\xE2\x80\x9C", out);
        escape_str(out, json_string_value(json_object_get(x, "text")));
        fputs("\xE2\x80\x9D \xE2\x80\x94 ", out);
        const char *name = json_string_value(json_object_get(who, "name"));
        escape_str(out, name ? name : "unattributed");
        fputs("</li>", out);
    }
    fputs("</ul>\n<h1>Keywords</h1>\n<p id=\"keywords\">", out);
    json_array_foreach(json_object_get(reply, "keywords"), i, x)
    {
        if (i)
            fputs(", ", out);
        escape_str(out, json_string_value(json_object_get(x, "text")));
    }
    fputs("</p>\n<h1>Document</h1>\n<div id=\"doc\">", out);
    for (size_t c = 0; c + 1 < ncut; c++) {
        size_t a = cut[c], b = cut[c + 1];
        if (a == b)
            continue;
        /* The ranges over [a, b): classes, and data for the first of each
         * kind (a piece lies in at most one summary sentence and one
         * excluded line). */
        char cls[96] = "";
        int rank = 0;
        const char *speaker = NULL, *reason = NULL;
        long sentence = -1;
        for (i = 0; i < n; i++) {
            if (r[i].start > a || r[i].end < b)
                continue;
            static const char *const names[] = {"summary", "quote", "keyword",
                                                "excluded"};
            if (!strstr(cls, names[r[i].kind])) {
                strcat(cls, cls[0] ? " " : "");
                strcat(cls, names[r[i].kind]);
            }
            if (r[i].kind == K_SUMMARY) {
                rank = r[i].rank;
                sentence = (long)json_integer_value(
                    json_object_get(r[i].item, "index"));
            } else if (r[i].kind == K_QUOTE) {
                speaker = json_string_value(json_object_get(
                    json_object_get(r[i].item, "speaker"), "name"));
            } else if (r[i].kind == K_EXCLUDED) {
                reason = json_string_value(
                    json_object_get(r[i].item, "reason"));
            }
        }
        if (!cls[0]) {
            escape(out, text + a, b - a);
            continue;
        }
        fprintf(out, "<span class=\"%s\"", cls);
        if (rank)
            fprintf(out, " data-rank=\"%d\" data-sentence=\"%ld\"", rank,
                    sentence);
        if (speaker || reason) {
            fputs(" title=\"", out);
            escape_str(out, speaker ? speaker : reason);
            fputc('"', out);
        }
        if (reason) {
            fputs(" data-reason=\"", out);
            escape_str(out, reason);
            fputc('"', out);
        }
        fputc('>', out);
        escape(out, text + a, b - a);
        fputs("</span>", out);
    }
    /* The reply, for scripts; "</" cannot end the script early. */
    fputs("</div>\n<script type=\"application/json\" id=\"precis-reply\">",
          out);
    char *json = json_dumps(reply, JSON_COMPACT | JSON_REAL_PRECISION(PROTOCOL_REAL_DIGITS));
    for (const char *p = json; p && *p; p++) {
        if (p[0] == '<' && p[1] == '/')
            fputs("<\\", out);
        else
            fputc(*p, out);
    }
    free(json);
    fputs("</script>\n</body></html>\n", out);
    free(cut);
    free(r);
}
