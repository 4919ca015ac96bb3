/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * protocol.c -- request parsing and reply building with jansson.
 *
 * Requests are validated field by field with one message per mistake
 * ("sentences: expected an integer from 1 to 1000000"), because the
 * client reading it is a programmer debugging their integration.
 * Unknown fields are ignored so clients can be newer than the server.
 */
#include "protocol.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json_out.h"
#include "offsets.h"

static const char *const code_names[PE_COUNT] = {
#define PROTOCOL_ERROR_NAME(name, text, status) [PE_##name] = text,
    PROTOCOL_ERROR_MAP(PROTOCOL_ERROR_NAME)
#undef PROTOCOL_ERROR_NAME
};

const char *protocol_code_name(proto_code code)
{
    return code > PE_NONE && code < PE_COUNT ? code_names[code] : NULL;
}

int protocol_code_status(proto_code code)
{
    switch (code) {
    case PE_NONE:
        return 200;
#define PROTOCOL_ERROR_STATUS(name, text, status)                             \
    case PE_##name:                                                          \
        return status;
        PROTOCOL_ERROR_MAP(PROTOCOL_ERROR_STATUS)
#undef PROTOCOL_ERROR_STATUS
    case PE_COUNT:
        break;
    }
    return 500;
}

static const char *const op_names[OP_COUNT] = {"summarize", "ping", "stats",
                                               "languages", "segment"};

const char *protocol_op_name(int op)
{
    return op >= 0 && op < OP_COUNT ? op_names[op] : NULL;
}

static int fail(proto_error *err, proto_code code, const char *fmt,
                const char *field)
{
    err->code = code;
    snprintf(err->message, sizeof err->message, fmt, field);
    return -1;
}

/* An optional integer field in [lo, hi]; 1 when present. */
static int get_int(json_t *root, const char *key, long long lo, long long hi,
                   long long *out, proto_error *err)
{
    json_t *v = json_object_get(root, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < lo ||
        json_integer_value(v) > hi) {
        char fmt[128];
        snprintf(fmt, sizeof fmt, "%%s: expected an integer from %lld to %lld",
                 lo, hi);
        return fail(err, PE_BAD_REQUEST, fmt, key);
    }
    *out = json_integer_value(v);
    return 1;
}

/* An optional boolean: 1 or 0 (absent, null, false); -1 on a bad type. */
static int get_flag(json_t *root, const char *key, proto_error *err)
{
    json_t *v = json_object_get(root, key);
    if (v && !json_is_boolean(v) && !json_is_null(v))
        return fail(err, PE_BAD_REQUEST, "%s: expected true or false", key);
    return json_is_true(v);
}

/* An optional string: 1, 0 (absent or null), -1 on a bad type.  With
 * LEN the string may hold NUL bytes (text, title); without, it is read
 * as a C string, so one with a NUL in it is refused: "en\u0000x" is
 * not "en". */
static int get_string(json_t *root, const char *key, const char **out,
                      size_t *len, proto_error *err)
{
    json_t *v = json_object_get(root, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return fail(err, PE_BAD_REQUEST, "%s: expected a string", key);
    *out = json_string_value(v);
    if (len)
        *len = json_string_length(v);
    else if (strlen(*out) != json_string_length(v))
        return fail(err, PE_BAD_REQUEST, "%s: contains a NUL byte", key);
    return 1;
}

static int parse_op(request *req, proto_error *err)
{
    const char *op = "summarize";
    if (get_string(req->root, "op", &op, NULL, err) < 0)
        return -1;
    for (int i = 0; i < OP_COUNT; i++) {
        if (strcmp(op, op_names[i]) == 0) {
            req->op = i;
            return 0;
        }
    }
    err->code = PE_UNKNOWN_OP;
    snprintf(err->message, sizeof err->message,
             "op \"%.64s\": expected summarize, segment, ping, stats or "
             "languages",
             op);
    return -1;
}

/* At most one of sentences, words, ratio. */
static int parse_budget(request *req, proto_error *err)
{
    long long n;
    int given = 0, rc;
    if ((rc = get_int(req->root, "sentences", 1, 1000000, &n, err)) < 0)
        return -1;
    if (rc) {
        req->opts.budget = PRECIS_BUDGET_SENTENCES;
        req->opts.budget_value = (double)n;
        given++;
    }
    if ((rc = get_int(req->root, "words", 1, 100000000, &n, err)) < 0)
        return -1;
    if (rc) {
        req->opts.budget = PRECIS_BUDGET_WORDS;
        req->opts.budget_value = (double)n;
        given++;
    }
    json_t *ratio = json_object_get(req->root, "ratio");
    if (ratio && !json_is_null(ratio)) {
        double r = json_number_value(ratio);
        if (!json_is_number(ratio) || !(r > 0 && r <= 1))
            return fail(err, PE_BAD_REQUEST,
                        "%s: expected a number above 0 and at most 1",
                        "ratio");
        req->opts.budget = PRECIS_BUDGET_RATIO;
        req->opts.budget_value = r;
        given++;
    }
    if (given > 1)
        return fail(err, PE_BAD_REQUEST, "%s",
                    "give at most one of sentences, words and ratio");
    return 0;
}

/* What summarize and segment both read: text, title, lang. */
static int parse_document(request *req, proto_error *err)
{
    if (get_string(req->root, "text", &req->text, &req->text_len, err) <= 0)
        return err->code
                   ? -1
                   : fail(err, PE_BAD_REQUEST, "%s: required string", "text");
    size_t title_len = 0;
    if (get_string(req->root, "title", &req->opts.title, &title_len, err) <
            0 ||
        get_string(req->root, "lang", &req->opts.lang, NULL, err) < 0)
        return -1;
    const char *units = NULL;
    if (get_string(req->root, "offsets", &units, NULL, err) < 0)
        return -1;
    if (units && (req->offsets = offsets_units(units)) < 0)
        return fail(err, PE_BAD_REQUEST,
                    "%s: expected \"bytes\", \"utf16\" or \"codepoints\"",
                    "offsets");
    /* A title with NUL in it still has its exact length. */
    req->opts.title_len = title_len;
    if (req->opts.title && title_len == 0)
        req->opts.title = NULL;
    return 0;
}

static int parse_summarize(request *req, proto_error *err)
{
    if (parse_document(req, err) != 0)
        return -1;
    long long n;
    int rc = get_int(req->root, "quotes", 0, 1000, &n, err);
    if (rc < 0)
        return -1;
    if (rc)
        req->opts.quotes = (int)n;
    if ((rc = get_int(req->root, "keywords", 0, 1000, &n, err)) < 0)
        return -1;
    if (rc)
        req->opts.keywords = (int)n;
    int flag;
    if ((flag = get_flag(req->root, "excluded", err)) < 0)
        return -1;
    req->with_excluded = flag;
    if ((flag = get_flag(req->root, "quote_fragments", err)) < 0)
        return -1;
    req->opts.quote_fragments = flag;
    return parse_budget(req, err);
}

/* A copy of line[0, len) with each byte that is not valid UTF-8 made
 * DEL (0x7F): one byte for one, so offsets into a text string stay those
 * of the bytes sent, and DEL is neither a letter, a space nor a stop to
 * the engine.  NULL on ENOMEM. */
char *protocol_replace_invalid(const char *line, size_t len, size_t first)
{
    char *fixed = malloc(len ? len : 1);
    if (!fixed)
        return NULL;
    memcpy(fixed, line, len);
    for (size_t at = first; at < len;) {
        fixed[at] = 0x7F;
        at++;
        at += precis_utf8_validate(fixed + at, len - at);
    }
    return fixed;
}

/* "utf8": "replace" asks for bad bytes to be read as such; "strict", the
 * default, refuses them.  1 for replace, 0 for strict, -1 on a bad value. */
static int utf8_replace(json_t *root)
{
    proto_error unused;
    const char *s;
    int rc = get_string(root, "utf8", &s, NULL, &unused);
    if (rc <= 0)
        return rc; /* absent, or not a string without NUL bytes */
    if (strcmp(s, "replace") == 0)
        return 1;
    return strcmp(s, "strict") == 0 ? 0 : -1;
}

json_t *protocol_load(const char *line, size_t len, size_t *bad,
                      json_error_t *jerr)
{
    *bad = precis_utf8_validate(line, len);
    if (*bad == len)
        return json_loadb(line, len, JSON_ALLOW_NUL, jerr);
    /* Parsed with the bad bytes stood in for, then refused unless the
     * request asks for them to be replaced. */
    char *fixed = protocol_replace_invalid(line, len, *bad);
    json_t *root = fixed ? json_loadb(fixed, len, JSON_ALLOW_NUL, NULL) : NULL;
    free(fixed);
    if (utf8_replace(root) != 1) {
        json_decref(root);
        return NULL;
    }
    return root;
}

static void request_init(request *req, proto_error *err)
{
    memset(req, 0, sizeof *req);
    err->code = PE_NONE;
    err->message[0] = '\0';
    precis_options_init(&req->opts);
    req->opts.quotes = 3;
}

/* The fields of req->root, the op forced to op when it is one. */
static int parse_fields(request *req, int op, proto_error *err)
{
    if (!json_is_object(req->root))
        return fail(err, PE_BAD_REQUEST, "%s",
                    "a request is a JSON object, one per line");
    req->id = json_object_get(req->root, "id");
    if (utf8_replace(req->root) < 0)
        return fail(err, PE_BAD_REQUEST, "%s: expected \"strict\" or \"replace\"",
                    "utf8");
    if (op >= 0 && op < OP_COUNT &&
        json_object_set_new(req->root, "op", json_string(op_names[op])) != 0)
        return fail(err, PE_INTERNAL, "%s", "out of memory");
    if (parse_op(req, err) != 0)
        return -1;
    if (req->op == OP_SEGMENT)
        return parse_document(req, err);
    return req->op == OP_SUMMARIZE ? parse_summarize(req, err) : 0;
}

int protocol_parse_root(json_t *root, int op, request *req, proto_error *err)
{
    request_init(req, err);
    req->root = root;
    if (!root)
        return fail(err, PE_INTERNAL, "%s", "out of memory");
    return parse_fields(req, op, err);
}

int protocol_parse(const char *line, size_t len, request *req,
                   proto_error *err)
{
    return protocol_parse_as(line, len, -1, req, err);
}

int protocol_parse_as(const char *line, size_t len, int op, request *req,
                      proto_error *err)
{
    request_init(req, err);
    size_t bad;
    json_error_t jerr;
    req->root = protocol_load(line, len, &bad, &jerr);
    if (bad != len && !req->root) {
        err->code = PE_INVALID_UTF8;
        snprintf(err->message, sizeof err->message,
                 "request is not valid UTF-8 at byte %zu (send \"utf8\": "
                 "\"replace\" to have bad bytes read as such)",
                 bad);
        return -1;
    }
    if (bad != len)
        req->opts.utf8_policy = PRECIS_UTF8_REPLACE;
    if (!req->root) {
        err->code = PE_INVALID_JSON;
        /* jansson reads integers as 64-bit: an id past that must be a
         * string. */
        snprintf(err->message, sizeof err->message, "%s at column %d%s",
                 jerr.text, jerr.column,
                 strstr(jerr.text, "too big")
                     ? " (numbers must fit in 64 bits: send a long id as a "
                       "string)"
                     : "");
        return -1;
    }
    return parse_fields(req, op, err);
}

/* A query value percent-decoded ('+' is a space) into out (size n). */
static size_t query_decode(const char *s, size_t len, char *out, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < n; i++) {
        if (s[i] == '+') {
            out[k++] = ' ';
        } else if (s[i] == '%' && i + 2 < len && isxdigit((unsigned char)s[i + 1]) &&
                   isxdigit((unsigned char)s[i + 2])) {
            char hex[3] = {s[i + 1], s[i + 2], 0};
            out[k++] = (char)strtol(hex, NULL, 16);
            i += 2;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
    return k;
}

/* A query value as the JSON a request line would give it: integers and
 * numbers as numbers, true/false as booleans, the rest as strings (a
 * wrong type is then the request's bad_request, as on a line). */
static json_t *query_value(const char *v, size_t len)
{
    char *end;
    if (len && (isdigit((unsigned char)v[0]) || v[0] == '-')) {
        long long i = strtoll(v, &end, 10);
        if (*end == '\0')
            return json_integer(i);
        double d = strtod(v, &end);
        if (*end == '\0')
            return json_real(d);
    }
    if (!strcmp(v, "true") || !strcmp(v, "false"))
        return json_boolean(v[0] == 't');
    return json_stringn(v, len);
}

json_t *protocol_plain_request(const char *text, size_t len,
                               const char *query, size_t qlen)
{
    json_t *root = json_object();
    if (!root ||
        json_object_set_new(root, "text", json_stringn_nocheck(text, len))) {
        json_decref(root);
        return NULL;
    }
    for (size_t at = 0; query && at < qlen;) {
        const char *amp = memchr(query + at, '&', qlen - at);
        size_t end = amp ? (size_t)(amp - query) : qlen;
        const char *eq = memchr(query + at, '=', end - at);
        char key[64], value[1024];
        size_t klen = query_decode(query + at,
                                   (eq ? (size_t)(eq - query) : end) - at,
                                   key, sizeof key);
        size_t vlen = eq ? query_decode(eq + 1, end - (size_t)(eq + 1 - query),
                                        value, sizeof value)
                         : 0;
        if (!eq)
            value[0] = '\0';
        /* The text is the body; a "text" or "op" here would replace it. */
        if (klen && strcmp(key, "text") && strcmp(key, "op")) {
            json_t *v = query_value(value, vlen);
            if (v)
                json_object_set_new(root, key, v);
        }
        at = end + 1;
    }
    return root;
}

void protocol_request_free(request *req)
{
    json_decref(req->root);
    memset(req, 0, sizeof *req);
}

proto_code protocol_engine_error(int status)
{
    switch (status) {
    case PRECIS_EUTF8:
        return PE_INVALID_UTF8;
    case PRECIS_ETOOBIG:
    case PRECIS_ELIMIT:
        return PE_TOO_LARGE;
    case PRECIS_ELANG:
        return PE_UNKNOWN_LANGUAGE;
    case PRECIS_EINVAL:
        return PE_BAD_REQUEST;
    default:
        return PE_INTERNAL;
    }
}

static json_t *sentences_json(const precis_result_t *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
        const precis_sentence_t *s = precis_result_sentence(r, i);
        json_array_append_new(
            a,
            json_pack("{s:s, s:I, s:I, s:f, s:I, s:I, s:I}", "text", s->text,
                      "start", (json_int_t)s->start, "end", (json_int_t)s->end,
                      "score", s->score, "index", (json_int_t)s->index,
                      "paragraph", (json_int_t)s->paragraph, "words",
                      (json_int_t)s->words));
    }
    return a;
}

/* {"text", "start", "end"} for a range, or null. */
static json_t *range_json(const char *text, size_t start, size_t end)
{
    if (!text)
        return json_null();
    return json_pack("{s:s, s:I, s:I}", "text", text, "start",
                     (json_int_t)start, "end", (json_int_t)end);
}

static json_t *nullable(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *quotes_json(const precis_result_t *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < precis_result_quote_count(r); i++) {
        const precis_quote_t *q = precis_result_quote(r, i);
        json_t *who = json_null();
        if (q->mention_end > q->mention_start)
            who = json_pack(
                "{s:o, s:o, s:o}", "name", nullable(q->speaker), "mention",
                json_pack("{s:I, s:I}", "start", (json_int_t)q->mention_start,
                          "end", (json_int_t)q->mention_end),
                "role", nullable(q->role));
        json_array_append_new(
            a, json_pack("{s:s, s:I, s:I, s:f, s:I, s:b, s:o, s:o}", "text",
                         q->text, "start", (json_int_t)q->start, "end",
                         (json_int_t)q->end, "score", q->score, "sentence",
                         (json_int_t)q->sentence, "fragment", q->fragment,
                         "speaker", who, "cue",
                         range_json(q->cue, q->cue_start, q->cue_end)));
    }
    return a;
}

static json_t *keywords_json(const precis_result_t *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const precis_keyword_t *k = precis_result_keyword(r, i);
        json_array_append_new(
            a, json_pack("{s:s, s:I, s:I, s:f, s:I}", "text", k->text, "start",
                         (json_int_t)k->start, "end", (json_int_t)k->end,
                         "score", k->score, "count", (json_int_t)k->count));
    }
    return a;
}

json_t *protocol_summary(const precis_result_t *r, int with_excluded)
{
    json_t *o =
        json_pack("{s:s, s:o, s:o, s:o, s:I, s:I}", "lang",
                  precis_result_lang(r), "summary", sentences_json(r),
                  "quotes", quotes_json(r), "keywords", keywords_json(r),
                  "sentences", (json_int_t)precis_result_total_sentences(r),
                  "words", (json_int_t)precis_result_total_words(r));
    if (o && with_excluded) {
        json_t *a = json_array();
        for (size_t i = 0; i < precis_result_excluded_count(r); i++) {
            const precis_excluded_t *x = precis_result_excluded(r, i);
            json_array_append_new(
                a, json_pack("{s:I, s:I, s:s}", "start", (json_int_t)x->start,
                             "end", (json_int_t)x->end, "reason", x->reason));
        }
        json_object_set_new(o, "excluded", a);
    }
    return o;
}

/* ---- a summary reply written straight from the result
 *
 * What protocol_summary() builds, protocol_run() adds ("timing") and
 * protocol_dump() writes, in the same bytes, without the tree: building
 * and freeing jansson's objects for a reply cost a fifth of a request's
 * instructions in precisd, the engine's summary itself about half.
 */

/* "key": and ,"key":value, the keys written as they are (no escapes). */
#define KEY(o, k) json_out_raw(o, "\"" k "\":", sizeof k + 2)
#define INT_FIELD(o, k, x)                                                   \
    (json_out_raw(o, ",\"" k "\":", sizeof k + 3),                           \
     json_out_int(o, (long long)(x)))
#define REAL_FIELD(o, k, x)                                                  \
    (json_out_raw(o, ",\"" k "\":", sizeof k + 3), json_out_real(o, x))

static void put_cstring(json_out *o, const char *s)
{
    json_out_string(o, s, strlen(s));
}

static void put_nullable(json_out *o, const char *s)
{
    if (s)
        put_cstring(o, s);
    else
        json_out_raw(o, "null", 4);
}

/* The i-th object of an array opens, with its "text" when it has one. */
static void open_item(json_out *o, size_t i, const char *text)
{
    json_out_raw(o, i ? ",{" : "{", i ? 2 : 1);
    if (text) {
        KEY(o, "text");
        put_cstring(o, text);
    }
}

static void put_sentences(json_out *o, const precis_result_t *r)
{
    json_out_raw(o, "[", 1);
    for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
        const precis_sentence_t *s = precis_result_sentence(r, i);
        open_item(o, i, s->text);
        INT_FIELD(o, "start", s->start);
        INT_FIELD(o, "end", s->end);
        REAL_FIELD(o, "score", s->score);
        INT_FIELD(o, "index", s->index);
        INT_FIELD(o, "paragraph", s->paragraph);
        INT_FIELD(o, "words", s->words);
        json_out_raw(o, "}", 1);
    }
    json_out_raw(o, "]", 1);
}

/* A quote's "speaker": its name and role (either may be null) and where
 * it is mentioned, or null. */
static void put_speaker(json_out *o, const precis_quote_t *q)
{
    if (q->mention_end <= q->mention_start) {
        json_out_raw(o, "null", 4);
        return;
    }
    json_out_raw(o, "{", 1);
    KEY(o, "name");
    put_nullable(o, q->speaker);
    json_out_raw(o, ",", 1);
    KEY(o, "mention");
    json_out_raw(o, "{", 1);
    KEY(o, "start");
    json_out_int(o, (long long)q->mention_start);
    INT_FIELD(o, "end", q->mention_end);
    json_out_raw(o, "},", 2);
    KEY(o, "role");
    put_nullable(o, q->role);
    json_out_raw(o, "}", 1);
}

static void put_quotes(json_out *o, const precis_result_t *r)
{
    json_out_raw(o, "[", 1);
    for (size_t i = 0; i < precis_result_quote_count(r); i++) {
        const precis_quote_t *q = precis_result_quote(r, i);
        open_item(o, i, q->text);
        INT_FIELD(o, "start", q->start);
        INT_FIELD(o, "end", q->end);
        REAL_FIELD(o, "score", q->score);
        INT_FIELD(o, "sentence", q->sentence);
        json_out_raw(o, ",", 1);
        KEY(o, "fragment");
        json_out_raw(o, q->fragment ? "true" : "false", q->fragment ? 4 : 5);
        json_out_raw(o, ",", 1);
        KEY(o, "speaker");
        put_speaker(o, q);
        json_out_raw(o, ",", 1);
        KEY(o, "cue");
        if (q->cue) {
            open_item(o, 0, q->cue);
            INT_FIELD(o, "start", q->cue_start);
            INT_FIELD(o, "end", q->cue_end);
            json_out_raw(o, "}", 1);
        } else {
            json_out_raw(o, "null", 4);
        }
        json_out_raw(o, "}", 1);
    }
    json_out_raw(o, "]", 1);
}

static void put_keywords(json_out *o, const precis_result_t *r)
{
    json_out_raw(o, "[", 1);
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const precis_keyword_t *k = precis_result_keyword(r, i);
        open_item(o, i, k->text);
        INT_FIELD(o, "start", k->start);
        INT_FIELD(o, "end", k->end);
        REAL_FIELD(o, "score", k->score);
        INT_FIELD(o, "count", k->count);
        json_out_raw(o, "}", 1);
    }
    json_out_raw(o, "]", 1);
}

static void put_excluded(json_out *o, const precis_result_t *r)
{
    json_out_raw(o, "[", 1);
    for (size_t i = 0; i < precis_result_excluded_count(r); i++) {
        const precis_excluded_t *x = precis_result_excluded(r, i);
        open_item(o, i, NULL);
        KEY(o, "start");
        json_out_int(o, (long long)x->start);
        INT_FIELD(o, "end", x->end);
        json_out_raw(o, ",", 1);
        KEY(o, "reason");
        put_cstring(o, x->reason);
        json_out_raw(o, "}", 1);
    }
    json_out_raw(o, "]", 1);
}

/* The summary reply line of r; NULL when a piece failed (ENOMEM, or a
 * string or real jansson would have refused). */
static char *summary_line(const precis_result_t *r, int with_excluded,
                          double engine_ms, double queue_ms,
                          const json_t *id, size_t *len)
{
    json_out o = {NULL, 0, 0, PROTOCOL_REAL_DIGITS, 0};
    json_out_raw(&o, "{", 1);
    KEY(&o, "lang");
    put_cstring(&o, precis_result_lang(r));
    json_out_raw(&o, ",", 1);
    KEY(&o, "summary");
    put_sentences(&o, r);
    json_out_raw(&o, ",", 1);
    KEY(&o, "quotes");
    put_quotes(&o, r);
    json_out_raw(&o, ",", 1);
    KEY(&o, "keywords");
    put_keywords(&o, r);
    INT_FIELD(&o, "sentences", precis_result_total_sentences(r));
    INT_FIELD(&o, "words", precis_result_total_words(r));
    if (with_excluded) {
        json_out_raw(&o, ",", 1);
        KEY(&o, "excluded");
        put_excluded(&o, r);
    }
    json_out_raw(&o, ",", 1);
    KEY(&o, "timing");
    json_out_raw(&o, "{", 1);
    KEY(&o, "engine_ms");
    json_out_real(&o, engine_ms);
    if (queue_ms >= 0)
        REAL_FIELD(&o, "queue_ms", queue_ms);
    json_out_raw(&o, "},", 2);
    KEY(&o, "id");
    if (id)
        json_out_value(&o, id);
    else
        json_out_raw(&o, "null", 4);
    json_out_raw(&o, "}", 1);
    return json_out_finish(&o, len);
}

static json_t *languages_json(const precis_engine_t *e)
{
    json_t *a = json_array();
    for (size_t i = 0; i < precis_engine_language_count(e); i++) {
        const char *code = precis_engine_language(e, i);
        json_array_append_new(a, json_pack("{s:s, s:b}", "code", code, "idf",
                                           precis_engine_has_idf(e, code)));
    }
    return json_pack("{s:o}", "languages", a);
}

json_t *protocol_segments(const precis_result_t *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < precis_result_segment_count(r); i++) {
        const precis_segment_t *s = precis_result_segment(r, i);
        json_array_append_new(
            a, json_pack("{s:s, s:I, s:I, s:I, s:o}", "text", s->text, "start",
                         (json_int_t)s->start, "end", (json_int_t)s->end,
                         "paragraph", (json_int_t)s->paragraph, "excluded",
                         nullable(s->excluded)));
    }
    return json_pack("{s:s, s:o}", "lang", precis_result_lang(r), "sentences",
                     a);
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
           (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Summarize or segment req into *r: NULL, or the error reply (with
 * *error_code). */
static json_t *run_engine(const precis_engine_t *engine, const request *req,
                          precis_result_t **r, proto_code *error_code)
{
    precis_error_t err;
    int rc = (req->op == OP_SEGMENT ? precis_segment : precis_summarize)(
        engine, req->text, req->text_len, &req->opts, r, &err);
    if (rc == PRECIS_ELIMIT) {
        *error_code = PE_TOO_LARGE;
        char message[160];
        snprintf(message, sizeof message,
                 "the text needs more working memory than precisd grants "
                 "a request of its size (%zu bytes)",
                 req->opts.max_memory);
        return protocol_error(*error_code, message);
    }
    if (rc != PRECIS_OK) {
        *error_code = protocol_engine_error(rc);
        return protocol_error(*error_code, err.message);
    }
    return NULL;
}

/* The reply tree of req's result r (taken): offsets in req's units and
 * "timing" (the engine's, from t0); an error reply on ENOMEM. */
static json_t *result_tree(const request *req, precis_result_t *r,
                           const struct timespec *t0, proto_code *error_code)
{
    json_t *reply = req->op == OP_SEGMENT
                        ? protocol_segments(r)
                        : protocol_summary(r, req->with_excluded);
    precis_result_free(r);
    if (reply && offsets_add(reply, req->text, req->text_len, req->offsets)) {
        json_decref(reply);
        *error_code = PE_INTERNAL;
        return protocol_error(PE_INTERNAL, "out of memory");
    }
    json_object_set_new(reply, "timing",
                        json_pack("{s:f}", "engine_ms", ms_since(t0)));
    return reply;
}

json_t *protocol_run(const precis_engine_t *engine, const request *req,
                     proto_code *error_code)
{
    *error_code = PE_NONE;
    if (req->op == OP_PING)
        return json_pack("{s:b, s:s}", "ok", 1, "version", precis_version());
    if (req->op == OP_LANGUAGES)
        return languages_json(engine);
    if (req->op != OP_SUMMARIZE && req->op != OP_SEGMENT)
        return NULL;
    precis_result_t *r;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    json_t *failed = run_engine(engine, req, &r, error_code);
    if (failed || *error_code != PE_NONE)
        return failed;
    return result_tree(req, r, &t0, error_code);
}

/* reply with queue_ms beside its engine time (when it has one and
 * queue_ms is not negative), written as a line with req's id. */
static char *dump_with_queue(json_t *reply, const request *req,
                             double queue_ms, size_t *len)
{
    json_t *timing = json_object_get(reply, "timing");
    if (timing && queue_ms >= 0)
        json_object_set_new(timing, "queue_ms", json_real(queue_ms));
    return protocol_dump(reply, req->id, len);
}

char *protocol_answer(const precis_engine_t *engine, const request *req,
                      double queue_ms, size_t *len, proto_code *error_code)
{
    *error_code = PE_NONE;
    if (req->op != OP_SUMMARIZE || req->offsets != OFFSETS_BYTES)
        return dump_with_queue(protocol_run(engine, req, error_code), req,
                               queue_ms, len);
    precis_result_t *r;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    json_t *failed = run_engine(engine, req, &r, error_code);
    if (failed || *error_code != PE_NONE)
        return protocol_dump(failed, req->id, len);
    char *line = summary_line(r, req->with_excluded, ms_since(&t0), queue_ms,
                              req->id, len);
    if (line) {
        precis_result_free(r);
        return line;
    }
    /* A piece the writer refused (ENOMEM, or a string or real jansson
     * would refuse too): the tree's way, from the same result. */
    return dump_with_queue(result_tree(req, r, &t0, error_code), req,
                           queue_ms, len);
}

json_t *protocol_error(proto_code code, const char *message)
{
    /* A message quoting the request (jansson's "near '...'" cuts the
     * bytes it shows anywhere, even inside a character) may not be
     * UTF-8, which json_pack refuses: the line then got no reply at
     * all.  Bad bytes are shown as '?'. */
    const char *name = protocol_code_name(code);
    if (!name)
        name = protocol_code_name(PE_INTERNAL);
    size_t len = strlen(message), bad = precis_utf8_validate(message, len);
    if (bad == len)
        return json_pack("{s:{s:s, s:s}}", "error", "code", name, "message",
                         message);
    char *fixed = protocol_replace_invalid(message, len, bad);
    if (!fixed)
        return NULL;
    for (size_t i = bad; i < len; i++)
        if (fixed[i] == 0x7F)
            fixed[i] = '?';
    json_t *reply = json_pack("{s:{s:s, s:s%}}", "error", "code", name,
                              "message", fixed, len);
    free(fixed);
    return reply;
}

char *protocol_dump(json_t *reply, json_t *id, size_t *len)
{
    if (!reply)
        return NULL;
    json_object_set(reply, "id", id ? id : json_null());
    char *line = json_out_line(reply, PROTOCOL_REAL_DIGITS, len);
    json_decref(reply);
    return line;
}
