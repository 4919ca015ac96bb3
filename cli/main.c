/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * precis -- summarize documents from the command line.
 *
 *   precis [options] [FILE...]        FILE "-" or none: standard input
 *   precis --batch FILE.jsonl         one JSON request per line
 *   precis --segment [FILE...]        the sentences, one per line
 *
 * Each document is sent to precisd when one answers on the socket, else
 * summarized in this process (see answer.c).  Exit status: 0 when every
 * input was summarized, 1 when some failed, 2 on a usage error or a
 * language that is not loaded.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "datadir.h"
#include "protocol.h"
#include "slurp.h"

typedef struct options {
    const char *title, *lang;
    const char *budget; /* "sentences", "words", "ratio" */
    double value;
    int quotes, keywords, fragments;
    int json, offsets, segment, html;
    int batch; /* --batch: the files (or stdin) are JSONL requests */
    int replace_invalid; /* read bytes that are not UTF-8 as U+FFFD */
    int jobs, progress;
} options;

static void usage(FILE *out)
{
    fprintf(
        out,
        "usage: precis [options] [FILE...]\n"
        "       precis --batch [FILE.jsonl] [options]\n"
        "\n"
        "Summarize each FILE (\"-\" or none: standard input).\n"
        "\n"
        "  -n, --sentences N   summary of N sentences (default 3)\n"
        "  -w, --words N       summary of about N words\n"
        "  -r, --ratio R       summary of R (0..1] of the document's words,\n"
        "                      or a percentage: -r 20%%\n"
        "  -q, --quotes N      also N direct quotes with their speakers\n"
        "      --fragments     with -q, also scare quotes and titles\n"
        "  -k, --keywords N    also N keywords\n"
        "  -t, --title TEXT    the document's headline\n"
        "  -l, --lang CODE     language (default: detected)\n"
        "      --replace-invalid  read bytes that are not UTF-8 (Latin-1\n"
        "                      files) as unknown characters, offsets kept\n"
        "      --segment       print the document's sentences, one a line,\n"
        "                      instead of a summary (with -o, ranges and\n"
        "                      why page noise is excluded)\n"
        "  -j, --json          print the reply object of docs/protocol.md\n"
        "      --html          write one standalone HTML page: the document\n"
        "                      with the summary highlighted and ranked,\n"
        "                      quotes and their speakers, keywords and the\n"
        "                      page noise greyed with its reason\n"
        "  -o, --offsets       print byte ranges in text output\n"
        "  -b, --batch         JSONL requests in (FILE or standard input),\n"
        "                      one JSONL reply out per line, in order\n"
        "      --jobs N        worker threads for --batch (default: the\n"
        "                      CPUs this process may use)\n"
        "      --progress      draw --batch progress even off a terminal\n"
        "  -s, --socket PATH   precisd socket (default $PRECIS_SOCKET, then\n"
        "                      %s)\n"
        "      --local         never use precisd\n"
        "      --remote        only use precisd\n"
        "  -d, --data DIR      engine data for local use ($PRECIS_DATA)\n"
        "  -h, --help, -V, --version\n",
        CLI_DEFAULT_SOCKET);
}

static char *read_input(const char *path, size_t *len, char *err,
                        size_t errlen)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        if (f && f != stdin)
            fclose(f);
        return NULL;
    }
    char *buf = S_ISDIR(st.st_mode) ? NULL : slurp(f, len);
    if (!buf)
        snprintf(err, errlen, "%s",
                 S_ISDIR(st.st_mode) ? "is a directory"
                                     : "read error or out of memory");
    if (f != stdin)
        fclose(f);
    return buf;
}

/* The protocol request for one document. */
static char *make_request(const options *o, const char *text, size_t len,
                          size_t *out_len)
{
    json_t *req = o->segment ? json_pack("{s:i, s:s, s:s%}", "id", 1, "op",
                                         "segment", "text", text, len)
                             : json_pack("{s:i, s:s%, s:i, s:i}", "id", 1,
                                         "text", text, len, "quotes",
                                         o->quotes, "keywords", o->keywords);
    if (!req)
        return NULL;
    if (o->fragments)
        json_object_set_new(req, "quote_fragments", json_true());
    if (o->html) /* the page greys page noise, with its reason */
        json_object_set_new(req, "excluded", json_true());
    if (o->title)
        json_object_set_new(req, "title", json_string(o->title));
    if (o->lang)
        json_object_set_new(req, "lang", json_string(o->lang));
    if (o->budget && !o->segment)
        json_object_set_new(req, o->budget,
                            strcmp(o->budget, "ratio") == 0
                                ? json_real(o->value)
                                : json_integer((json_int_t)o->value));
    char *s = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    if (s)
        *out_len = strlen(s);
    return s;
}

/* "de en es ...": the languages the engine or precisd has loaded. */
static void list_languages(cli *c, char *out, size_t size)
{
    static const char req[] = "{\"op\":\"languages\"}";
    char err[256];
    size_t rlen, n = 0;
    out[0] = '\0';
    char *line = cli_answer(c, req, sizeof req - 1, &rlen, err, sizeof err);
    json_t *reply = line ? json_loadb(line, rlen, 0, NULL) : NULL;
    size_t i;
    json_t *l;
    json_array_foreach(json_object_get(reply, "languages"), i, l)
    {
        const char *code = json_string_value(json_object_get(l, "code"));
        if (code && n + strlen(code) + 2 < size)
            n += (size_t)snprintf(out + n, size - n, "%s%s", n ? " " : "",
                                  code);
    }
    json_decref(reply);
    free(line);
}

/* A failure: on standard error, and as an error object under --json so
 * each file's line can be matched to it. */
static void report(const options *o, const char *path, const char *code,
                   const char *message)
{
    const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
    fprintf(stderr, "precis: %s: %s\n", name, message);
    if (o->json) {
        json_t *e = json_pack("{s:s, s:{s:s, s:s}}", "file", path, "error",
                              "code", code, "message", message);
        json_dumpf(e, stdout, JSON_COMPACT);
        putchar('\n');
        json_decref(e);
    }
}

/* Summarize one input and print it; 0, 1 when it failed or 2 when its
 * language is not loaded (reported).  With many inputs each gets a
 * header, and a blank line parts it from the one printed before
 * (*printed); under --json each reply names its file. */
static int summarize_file(cli *c, const options *o, const char *path, int many,
                          int *printed)
{
    const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
    char err[512];
    size_t len, rlen, qlen;
    char *text = read_input(path, &len, err, sizeof err);
    if (!text) {
        report(o, path, "io", err);
        return 1;
    }
    size_t bad = precis_utf8_validate(text, len);
    if (bad != len && o->replace_invalid) {
        /* Byte for byte, so the offsets printed are the file's. */
        char *fixed = protocol_replace_invalid(text, len, bad);
        if (fixed) {
            free(text);
            text = fixed;
            bad = len;
        }
    }
    if (bad != len) {
        snprintf(err, sizeof err,
                 "not valid UTF-8 at byte %zu (--replace-invalid reads such "
                 "bytes as they are)",
                 bad);
        report(o, path, protocol_code_name(PE_INVALID_UTF8), err);
        free(text);
        return 1;
    }
    if (strspn(text, " \t\r\n\f\v") == len) {
        report(o, path, protocol_code_name(PE_BAD_REQUEST), "empty input: nothing to summarize");
        free(text);
        return 1;
    }
    char *req = make_request(o, text, len, &qlen);
    char *line = req ? cli_answer(c, req, qlen, &rlen, err, sizeof err) : NULL;
    free(req);
    json_t *reply = line ? json_loadb(line, rlen, JSON_ALLOW_NUL, NULL) : NULL;
    int rc = 0;
    if (!reply) {
        report(o, path, protocol_code_name(PE_INTERNAL), line ? "bad reply" : err);
        rc = 1;
    } else if (cli_is_error(reply)) {
        json_t *e = json_object_get(reply, "error");
        const char *code = json_string_value(json_object_get(e, "code"));
        const char *message = json_string_value(json_object_get(e, "message"));
        if (code && strcmp(code, "unknown_language") == 0) {
            char langs[512], msg[1024];
            list_languages(c, langs, sizeof langs);
            snprintf(msg, sizeof msg, "%s; loaded: %s", message, langs);
            report(o, path, code, msg);
            rc = 2;
        } else {
            report(o, path, code ? code : protocol_code_name(PE_INTERNAL), message ? message : "");
            rc = 1;
        }
    }
    if (reply && rc == 0) {
        if (o->html) {
            render_html(reply, text, len, stdout);
        } else if (o->json) {
            json_object_del(reply, "id");
            json_object_set_new(reply, "file", json_string(path));
            json_dumpf(reply, stdout, JSON_COMPACT | JSON_REAL_PRECISION(6));
            putchar('\n');
        } else {
            if (many)
                printf("%s==> %s <==\n", *printed ? "\n" : "", name);
            (o->segment ? render_segments : render_text)(reply, o->offsets,
                                                         stdout);
            *printed = 1;
        }
    }
    json_decref(reply);
    free(line);
    free(text);
    return rc;
}

static int parse_number(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return errno || end == s || *end || !(*out >= lo && *out <= hi) ? -1 : 0;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"sentences", required_argument, 0, 'n'},
        {"words", required_argument, 0, 'w'},
        {"ratio", required_argument, 0, 'r'},
        {"quotes", required_argument, 0, 'q'},
        {"keywords", required_argument, 0, 'k'},
        {"title", required_argument, 0, 't'},
        {"lang", required_argument, 0, 'l'},
        {"json", no_argument, 0, 'j'},
        {"html", no_argument, 0, 'H'},
        {"offsets", no_argument, 0, 'o'},
        {"batch", no_argument, 0, 'b'},
        {"jobs", required_argument, 0, 'J'},
        {"progress", no_argument, 0, 'P'},
        {"socket", required_argument, 0, 's'},
        {"data", required_argument, 0, 'd'},
        {"local", no_argument, 0, 'L'},
        {"remote", no_argument, 0, 'R'},
        {"fragments", no_argument, 0, 'F'},
        {"segment", no_argument, 0, 'S'},
        {"replace-invalid", no_argument, 0, 'I'},
        {"help", no_argument, 0, 'h'},
        {"version", no_argument, 0, 'V'},
        {0, 0, 0, 0},
    };
    options o = {0};
    cli c = {.where = WHERE_AUTO, .remote_fd = -1};
    c.socket =
        getenv("PRECIS_SOCKET") ? getenv("PRECIS_SOCKET") : CLI_DEFAULT_SOCKET;
    char data_buf[4096];
    c.data = datadir_default(data_buf, sizeof data_buf);
    int opt, budgets = 0;
    double v;
    while ((opt = getopt_long(argc, argv, "n:w:r:q:k:t:l:jobs:d:hV", longopts,
                              NULL)) != -1) {
        switch (opt) {
        case 'n':
        case 'w':
        case 'r': {
            int ratio = opt == 'r';
            /* "-r 20%", as OTS and sumy users type it. */
            size_t n = strlen(optarg);
            int percent = ratio && n > 1 && optarg[n - 1] == '%';
            char number[64];
            snprintf(number, sizeof number, "%.*s", (int)(percent ? n - 1 : n),
                     optarg);
            if (parse_number(number, ratio ? 1e-9 : 1,
                             percent ? 100
                             : ratio ? 1
                                     : 1e8,
                             &v) ||
                (!ratio && v != (long long)v)) {
                fprintf(stderr, "precis: -%c %s: %s\n", opt, optarg,
                        ratio ? "expected a number in (0, 1] or a "
                                "percentage up to 100%"
                              : "expected a whole number of at least 1");
                return 2;
            }
            if (percent)
                v /= 100;
            o.budget = opt == 'n'   ? "sentences"
                       : opt == 'w' ? "words"
                                    : "ratio";
            o.value = v;
            budgets++;
            break;
        }
        case 'q':
        case 'k':
            if (parse_number(optarg, 0, 1000, &v) || v != (int)v) {
                fprintf(stderr, "precis: -%c %s: expected 0 to 1000\n", opt,
                        optarg);
                return 2;
            }
            *(opt == 'q' ? &o.quotes : &o.keywords) = (int)v;
            break;
        case 'F':
            o.fragments = 1;
            break;
        case 'S':
            o.segment = 1;
            break;
        case 'I':
            o.replace_invalid = 1;
            break;
        case 't':
            o.title = optarg;
            break;
        case 'l':
            o.lang = optarg;
            break;
        case 'j':
            o.json = 1;
            break;
        case 'H':
            o.html = 1;
            break;
        case 'o':
            o.offsets = 1;
            break;
        case 'b':
            o.batch = 1;
            break;
        case 'J':
            if (parse_number(optarg, 1, 64, &v) || v != (int)v) {
                fprintf(stderr, "precis: --jobs %s: expected 1 to 64\n",
                        optarg);
                return 2;
            }
            o.jobs = (int)v;
            break;
        case 'P':
            o.progress = 1;
            break;
        case 's':
            c.socket = optarg;
            c.socket_given = 1;
            break;
        case 'd':
            c.data = optarg;
            break;
        case 'L':
            c.where = WHERE_LOCAL;
            break;
        case 'R':
            c.where = WHERE_REMOTE;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            printf("precis %s\n", precis_version());
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (budgets > 1 || (o.batch && argc - optind > 1)) {
        fprintf(stderr, "precis: %s\n",
                budgets > 1 ? "give at most one of -n, -w and -r"
                            : "--batch takes one file (or none: standard "
                              "input)");
        usage(stderr);
        return 2;
    }
    char err[512];
    if (cli_connect(&c, err, sizeof err) != 0) {
        fprintf(stderr, "precis: %s\n", err);
        return 1;
    }
    int failed = 0, printed = 0, rc;
    if (o.batch) {
        batch_opts bo = {optind < argc ? argv[optind] : "-",
                         o.segment ? "segment" : NULL, o.jobs, o.progress};
        failed = batch_run(&c, &bo) != 0;
    } else if (optind == argc) {
        failed = summarize_file(&c, &o, "-", 0, &printed);
    } else {
        /* 2 (a language not loaded) outranks 1. */
        for (int i = optind; i < argc; i++)
            if ((rc = summarize_file(&c, &o, argv[i], argc - optind > 1,
                                     &printed)) > failed)
                failed = rc;
    }
    cli_close(&c);
    return failed;
}
