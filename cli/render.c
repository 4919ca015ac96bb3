/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * render.c -- a summarize reply for people: the summary sentences, one
 * per line (with byte ranges under --offsets), then the quotes as
 * “…” — Speaker, then the keywords, each part only when it has lines.
 */
#include <stdio.h>

#include "cli.h"

static void range(json_t *o, int offsets, FILE *out)
{
    if (offsets)
        fprintf(out, "[%lld-%lld] ",
                (long long)json_integer_value(json_object_get(o, "start")),
                (long long)json_integer_value(json_object_get(o, "end")));
}

void render_text(json_t *reply, int offsets, FILE *out)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(reply, "summary"), i, s)
    {
        range(s, offsets, out);
        fprintf(out, "%s\n", json_string_value(json_object_get(s, "text")));
    }
    json_t *quotes = json_object_get(reply, "quotes");
    if (json_array_size(quotes) > 0) {
        fprintf(out, "\nQuotes:\n");
        json_array_foreach(quotes, i, s)
        {
            range(s, offsets, out);
            json_t *who = json_object_get(s, "speaker");
            const char *name = json_string_value(json_object_get(who, "name"));
            const char *role = json_string_value(json_object_get(who, "role"));
            fprintf(out, "\xE2\x80\x9C%s\xE2\x80\x9D%s \xE2\x80\x94 %s",
                    json_string_value(json_object_get(s, "text")),
                    json_is_true(json_object_get(s, "fragment"))
                        ? " (fragment)"
                        : "",
                    name   ? name
                    : role ? ""
                           : "(unattributed)");
            if (role)
                fprintf(out, name ? " (%s)" : "%s", role);
            fprintf(out, "\n");
        }
    }
    json_t *keywords = json_object_get(reply, "keywords");
    if (json_array_size(keywords) > 0) {
        fprintf(out, "\nKeywords: ");
        json_array_foreach(keywords, i, s)
        {
            fprintf(out, "%s%s", i ? ", " : "",
                    json_string_value(json_object_get(s, "text")));
            if (offsets)
                fprintf(
                    out, " [%lld-%lld]",
                    (long long)json_integer_value(json_object_get(s, "start")),
                    (long long)json_integer_value(json_object_get(s, "end")));
        }
        fprintf(out, "\n");
    }
}

/* Every sentence on a line of its own; with offsets, its byte range and,
 * for page noise, the reason it is excluded: "[0-61] (headline) ...". */
void render_segments(json_t *reply, int offsets, FILE *out)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(reply, "sentences"), i, s)
    {
        range(s, offsets, out);
        const char *why = json_string_value(json_object_get(s, "excluded"));
        if (offsets && why)
            fprintf(out, "(%s) ", why);
        fprintf(out, "%s\n", json_string_value(json_object_get(s, "text")));
    }
}
