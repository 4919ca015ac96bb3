/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_cli.c -- the precis command: every option, files and stdin, JSON
 * field by field, daemon and local agreeing, batch order and bad lines,
 * bad inputs, usage errors, and the progress bar only on a terminal.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "daemon_harness.h"
#include "testutil.h"

#define SAMPLE "tests/fixtures/sample-article.txt"

static char scratch[64];

static const char *cli_binary(void)
{
    static char path[256];
    build_path(path, sizeof path, "cli/precis");
    return path;
}

typedef struct run_result {
    int status;
    char *out, *err;
} run_result;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return strdup("");
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    fclose(f);
    return s;
}

/* Run "precis ARGS" through sh with stdin from `in` (a path or NULL). */
static run_result run(const char *args, const char *in)
{
    char cmd[4096], out[128], err[128];
    snprintf(out, sizeof out, "%s/out", scratch);
    snprintf(err, sizeof err, "%s/err", scratch);
    snprintf(cmd, sizeof cmd, "%s %s < %s > %s 2> %s", cli_binary(), args,
             in ? in : "/dev/null", out, err);
    int status = system(cmd);
    run_result r = {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out),
                    slurp(err)};
    return r;
}

static void run_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

static void write_file(const char *name, const char *content, size_t len,
                       char *path, size_t size)
{
    snprintf(path, size, "%s/%s", scratch, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(content, 1, len, f);
    fclose(f);
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static int setup(void **state)
{
    (void)state;
    strcpy(scratch, "/tmp/precis-cli-XXXXXX");
    return mkdtemp(scratch) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    return system(cmd) == 0 ? 0 : -1;
}

#define LOCAL "--local -d data "

static void cli_reads_files_and_stdin_alike(void **state)
{
    (void)state;
    run_result a = run(LOCAL SAMPLE, NULL);
    run_result b = run(LOCAL "-", SAMPLE);
    run_result c = run(LOCAL, SAMPLE);
    assert_int_equal(a.status, 0);
    assert_int_equal(count_lines(a.out), 3);
    assert_non_null(strstr(a.out, "U.S. President Joe Biden told"));
    assert_string_equal(a.out, b.out);
    assert_string_equal(a.out, c.out);
    assert_string_equal(a.err, "");
    run_free(&a);
    run_free(&b);
    run_free(&c);
}

static void cli_budget_options(void **state)
{
    (void)state;
    run_result r = run(LOCAL "-n 1 " SAMPLE, NULL);
    assert_int_equal(count_lines(r.out), 1);
    run_free(&r);
    r = run(LOCAL "--sentences 5 " SAMPLE, NULL);
    assert_int_equal(count_lines(r.out), 5);
    run_free(&r);
    run_result w = run(LOCAL "-w 80 " SAMPLE, NULL);
    run_result ratio = run(LOCAL "--ratio 0.3 " SAMPLE, NULL);
    assert_int_equal(w.status, 0);
    assert_int_equal(ratio.status, 0);
    /* 30% of ~1,080 words is far longer than 80 words. */
    assert_true(strlen(ratio.out) > 2 * strlen(w.out));
    run_free(&w);
    run_free(&ratio);
}

static void cli_quotes_keywords_offsets(void **state)
{
    (void)state;
    char *text = read_fixture(SAMPLE, NULL);
    run_result r = run(LOCAL "-q 2 -k 4 -o -n 1 " SAMPLE, NULL);
    assert_int_equal(r.status, 0);
    /* "[507-697] U.S. President ..." and the bytes really are there. */
    long start, end;
    assert_int_equal(sscanf(r.out, "[%ld-%ld]", &start, &end), 2);
    const char *sentence = strchr(r.out, ']') + 2;
    assert_memory_equal(text + start, sentence, (size_t)(end - start));
    assert_non_null(strstr(r.out, "\nQuotes:\n"));
    assert_non_null(strstr(r.out, "\xE2\x80\x9D \xE2\x80\x94 ")); /* ” — */
    char *kw = strstr(r.out, "\nKeywords: ");
    assert_non_null(kw);
    size_t commas = 0;
    for (char *p = kw + 1; *p && *p != '\n'; p++)
        commas += *p == ',';
    assert_int_equal(commas, 3); /* four keywords */
    run_free(&r);
    r = run(LOCAL "--quotes 0 --keywords 0 " SAMPLE, NULL);
    assert_null(strstr(r.out, "Quotes:"));
    assert_null(strstr(r.out, "Keywords:"));
    run_free(&r);
    /* Scare quotes only on request, marked, with their speaker role. */
    r = run(LOCAL "-q 20 " SAMPLE, NULL);
    assert_null(strstr(r.out, "(fragment)"));
    assert_non_null(
        strstr(r.out, " \xE2\x80\x94 Hazem Qassem (Hamas spokesman)"));
    run_free(&r);
    r = run(LOCAL "-q 20 --fragments " SAMPLE, NULL);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\xE2\x80\x9D (fragment) \xE2\x80\x94 "));
    run_free(&r);
    free(text);
}

static void cli_title_and_lang(void **state)
{
    (void)state;
    char path[256];
    const char *text = "Rain fell across the region on Tuesday morning. "
                       "Farmers welcomed the water after months of drought. "
                       "The local football club announced a new stadium deal "
                       "with the city.";
    write_file("doc.txt", text, strlen(text), path, sizeof path);
    char args[512];
    snprintf(args, sizeof args, LOCAL "-n 1 %s", path);
    run_result plain = run(args, NULL);
    snprintf(args, sizeof args,
             LOCAL "-n 1 -t 'Football club agrees stadium deal' %s", path);
    run_result titled = run(args, NULL);
    assert_non_null(strstr(plain.out, "Rain fell"));
    assert_non_null(strstr(titled.out, "stadium"));
    run_free(&plain);
    run_free(&titled);
    snprintf(args, sizeof args, LOCAL "--json -l fr %s", path);
    run_result fr = run(args, NULL);
    assert_non_null(strstr(fr.out, "\"lang\":\"fr\""));
    run_free(&fr);
    snprintf(args, sizeof args, LOCAL "-l xx %s", path);
    run_result bad = run(args, NULL);
    assert_int_equal(bad.status, 2);
    assert_non_null(strstr(bad.err, "xx"));
    run_free(&bad);
}

static json_t *parse_line(const char *s)
{
    json_error_t err;
    json_t *j = json_loads(s, JSON_DISABLE_EOF_CHECK, &err);
    if (!j)
        fail_msg("not JSON: %s: %s", err.text, s);
    return j;
}

static void assert_range(json_t *o)
{
    assert_true(json_is_integer(json_object_get(o, "start")));
    assert_true(json_is_integer(json_object_get(o, "end")));
    assert_true(json_integer_value(json_object_get(o, "start")) <
                json_integer_value(json_object_get(o, "end")));
    assert_true(json_is_string(json_object_get(o, "text")));
    assert_true(json_is_number(json_object_get(o, "score")));
}

static void cli_json_output_fields(void **state)
{
    (void)state;
    run_result r = run(LOCAL "--json -n 2 -q 2 -k 3 " SAMPLE, NULL);
    assert_int_equal(r.status, 0);
    assert_int_equal(count_lines(r.out), 1);
    json_t *j = parse_line(r.out);
    assert_string_equal(json_string_value(json_object_get(j, "lang")), "en");
    assert_null(json_object_get(j, "id"));
    assert_int_equal(json_integer_value(json_object_get(j, "sentences")), 39);
    assert_true(json_integer_value(json_object_get(j, "words")) > 1000);
    json_t *summary = json_object_get(j, "summary"), *x;
    size_t i;
    assert_int_equal(json_array_size(summary), 2);
    json_array_foreach(summary, i, x)
    {
        assert_range(x);
        assert_true(json_is_integer(json_object_get(x, "index")));
        assert_true(json_is_integer(json_object_get(x, "paragraph")));
        assert_true(json_is_integer(json_object_get(x, "words")));
    }
    json_t *quotes = json_object_get(j, "quotes");
    assert_int_equal(json_array_size(quotes), 2);
    json_array_foreach(quotes, i, x)
    {
        assert_range(x);
        json_t *who = json_object_get(x, "speaker");
        assert_true(json_is_string(json_object_get(who, "name")));
        json_t *mention = json_object_get(who, "mention");
        assert_true(json_integer_value(json_object_get(mention, "start")) <
                    json_integer_value(json_object_get(mention, "end")));
        assert_non_null(json_object_get(who, "role"));
        json_t *cue = json_object_get(x, "cue");
        assert_true(json_is_string(json_object_get(cue, "text")));
        assert_true(json_integer_value(json_object_get(cue, "start")) <
                    json_integer_value(json_object_get(cue, "end")));
        assert_true(json_is_false(json_object_get(x, "fragment")));
        assert_true(json_is_integer(json_object_get(x, "sentence")));
    }
    json_t *keywords = json_object_get(j, "keywords");
    assert_int_equal(json_array_size(keywords), 3);
    json_array_foreach(keywords, i, x)
    {
        assert_range(x);
        assert_true(json_is_integer(json_object_get(x, "count")));
    }
    assert_true(json_is_number(
        json_object_get(json_object_get(j, "timing"), "engine_ms")));
    json_decref(j);
    run_free(&r);
}

/* The reply without its timing, which differs run to run. */
static char *without_timing(const char *line)
{
    json_t *j = parse_line(line);
    json_object_del(j, "timing");
    char *s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(j);
    return s;
}

/* Connections precisd has accepted, this query's included. */
static json_int_t connections_total(const char *sock)
{
    client c;
    assert_int_equal(client_open(&c, sock), 0);
    json_t *r = client_call(&c, json_pack("{s:s}", "op", "stats"));
    json_int_t n = json_integer_value(
        json_object_get(json_object_get(r, "connections"), "total"));
    json_decref(r);
    client_close(&c);
    return n;
}

static void cli_daemon_and_local_agree(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    char args[512];
    snprintf(args, sizeof args, "--remote -s %s --json -q 3 -k 5 %s", d.sock,
             SAMPLE);
    run_result remote = run(args, NULL);
    run_result local = run(LOCAL "--json -q 3 -k 5 " SAMPLE, NULL);
    assert_int_equal(remote.status, 0);
    char *a = without_timing(remote.out), *b = without_timing(local.out);
    assert_string_equal(a, b);
    free(a);
    free(b);
    /* Text output too, and with the socket from the environment. */
    snprintf(args, sizeof args, "PRECIS_SOCKET=%s %s --remote -q 2 -k 3 %s",
             d.sock, cli_binary(), SAMPLE);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s > %s/envout", args, scratch);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "%s/envout", scratch);
    char *env_out = slurp(cmd);
    run_result local_text = run(LOCAL "-q 2 -k 3 " SAMPLE, NULL);
    assert_string_equal(env_out, local_text.out);
    free(env_out);
    run_free(&local_text);
    run_free(&remote);
    run_free(&local);
    /* A large document (2 MB, the sample 300 times): the client waits
     * for the reply however long the engine takes (socat's default
     * 0.5 s wait once dropped it). */
    size_t one;
    char *sample = read_fixture(SAMPLE, &one);
    size_t copies = 300;
    char *big = malloc(one * copies);
    assert_non_null(big);
    for (size_t i = 0; i < copies; i++)
        memcpy(big + i * one, sample, one);
    char big_path[256];
    write_file("big.txt", big, one * copies, big_path, sizeof big_path);
    free(big);
    free(sample);
    snprintf(args, sizeof args, "--remote -s %s -q 2 %s", d.sock, big_path);
    remote = run(args, NULL);
    snprintf(args, sizeof args, LOCAL "-q 2 %s", big_path);
    local = run(args, NULL);
    assert_int_equal(remote.status, 0);
    assert_true(count_lines(remote.out) >= 3);
    assert_string_equal(remote.out, local.out);
    run_free(&remote);
    run_free(&local);
    /* --local never connects, even with a daemon listening. */
    json_int_t before = connections_total(d.sock);
    snprintf(args, sizeof args, "--local -d data -s %s %s", d.sock, SAMPLE);
    run_result forced = run(args, NULL);
    assert_int_equal(forced.status, 0);
    run_free(&forced);
    assert_int_equal(connections_total(d.sock), before + 1); /* the query */
    assert_int_equal(daemon_stop(&d, SIGTERM, 5000), 0);
    /* No daemon: --remote fails, so does a socket named with -s; the
     * default socket ($PRECIS_SOCKET) falls back to local. */
    snprintf(args, sizeof args, "--remote -s %s %s", d.sock, SAMPLE);
    run_result gone = run(args, NULL);
    assert_int_equal(gone.status, 1);
    assert_non_null(strstr(gone.err, "cannot reach precisd"));
    run_free(&gone);
    snprintf(args, sizeof args, "-s %s -d data %s", d.sock, SAMPLE);
    run_result named = run(args, NULL);
    assert_int_equal(named.status, 1);
    assert_non_null(strstr(named.err, "cannot reach precisd"));
    run_free(&named);
    char env[1024], out[8192];
    snprintf(env, sizeof env, "PRECIS_SOCKET=%s %s -d data %s", d.sock,
             cli_binary(), SAMPLE);
    assert_int_equal(run_capture(env, out, sizeof out), 0);
    assert_int_equal(count_lines(out), 3);
    daemon_cleanup(&d);
}

/* 30 requests with a malformed line at 15; replies in input order. */
static void check_batch(const char *args)
{
    char path[256], buf[64 * 1024] = "";
    static const char *const texts[] = {
        "The council met on Monday. It approved the budget.",
        "Snow closed the airport. Flights resume on Friday.",
        "Le gouvernement a annoncé une réforme. Les syndicats protestent.",
    };
    for (int i = 0; i < 30; i++) {
        char line[512];
        if (i == 15)
            snprintf(line, sizeof line, "{\"id\": 15, \"text\": broken\n");
        else
            snprintf(line, sizeof line,
                     "{\"id\": %d, \"text\": \"%s\", \"sentences\": 1}\n", i,
                     texts[i % 3]);
        strcat(buf, line);
    }
    write_file("batch.jsonl", buf, strlen(buf), path, sizeof path);
    char full[1024];
    snprintf(full, sizeof full, "%s --batch %s", args, path);
    run_result r = run(full, NULL);
    assert_int_equal(r.status, 1); /* one line failed */
    assert_int_equal(count_lines(r.out), 30);
    char *line = r.out;
    for (int i = 0; i < 30; i++) {
        json_t *j = parse_line(line);
        if (i == 15) {
            assert_string_equal(reply_error(j), "invalid_json");
        } else {
            assert_null(reply_error(j));
            assert_int_equal(json_integer_value(json_object_get(j, "id")), i);
            assert_int_equal(json_array_size(json_object_get(j, "summary")),
                             1);
        }
        json_decref(j);
        line = strchr(line, '\n') + 1;
    }
    /* Not a terminal: no progress bar. */
    assert_string_equal(r.err, "");
    run_free(&r);
}

/* --segment: every sentence on its own line, the same as --json's
 * sentences; --batch --segment gives requests without an op the
 * segment op. */
static void cli_segment_prints_sentences(void **state)
{
    (void)state;
    const char *doc = "Home\nWorld\nSport\nThe council met on Monday. It "
                      "approved the budget.\n";
    /* The third line has a Latin-1 byte and asks for it to be read. */
    const char *batch = "{\"id\":1,\"text\":\"One. Two.\"}\n"
                        "{\"id\":2,\"op\":\"ping\"}\n"
                        "{\"id\":3,\"text\":\"Caf\xe9 shut. Gone.\","
                        "\"utf8\":\"replace\"}\n";
    char in[256], jsonl[256];
    write_file("segment.txt", doc, strlen(doc), in, sizeof in);
    write_file("segment.jsonl", batch, strlen(batch), jsonl, sizeof jsonl);
    run_result r = run(LOCAL "--segment -", in);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "Home\nWorld\nSport\nThe council met on "
                               "Monday.\nIt approved the budget.\n");
    run_free(&r);
    r = run(LOCAL "--segment -o -", in);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "[0-4] (navigation) Home\n"));
    assert_non_null(strstr(r.out, "[17-43] The council met on Monday.\n"));
    run_free(&r);
    r = run(LOCAL "--segment --json -", in);
    assert_int_equal(r.status, 0);
    json_t *j = parse_line(r.out);
    json_t *s = json_array_get(json_object_get(j, "sentences"), 3);
    assert_string_equal(json_string_value(json_object_get(s, "text")),
                        "The council met on Monday.");
    assert_true(json_is_null(json_object_get(s, "excluded")));
    assert_null(json_object_get(j, "summary"));
    json_decref(j);
    run_free(&r);
    r = run(LOCAL "--segment --batch -", jsonl);
    assert_int_equal(r.status, 0);
    assert_int_equal(count_lines(r.out), 3);
    assert_non_null(strstr(r.out, "\"sentences\":[{\"text\":\"One.\""));
    assert_non_null(strstr(r.out, "\"ok\":true"));
    assert_non_null(strstr(r.out, "\"sentences\":[{\"text\":\"Caf\xEF\xBF\xBD shut.\""));
    run_free(&r);
}

/* Built in the checkout, precis and precisd read its data/ with no
 * --data and no PRECIS_DATA, as the README's first example runs; a
 * directory that is not there is named, with how to point elsewhere. */
static void cli_and_daemon_find_the_checkouts_data(void **state)
{
    (void)state;
    char cmd[1024], out[4096], precisd[256];
    snprintf(cmd, sizeof cmd,
             "env -u PRECIS_DATA %s --local -q 2 -k 5 " SAMPLE, cli_binary());
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "U.S. President Joe Biden told"));
    assert_non_null(strstr(out, "Keywords: "));
    snprintf(cmd, sizeof cmd,
             "PRECIS_DATA=/nonexistent/precis %s --local " SAMPLE,
             cli_binary());
    assert_int_equal(run_capture(cmd, out, sizeof out), 1);
    assert_non_null(strstr(out, "/nonexistent/precis/stopwords"));
    assert_non_null(strstr(out, "PRECIS_DATA"));
    /* precisd too: the resolved path in --check-config, PRECIS_DATA
     * honoured. */
    build_path(precisd, sizeof precisd, "daemon/precisd");
    char cwd[2048];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(cmd, sizeof cmd, "env -u PRECIS_DATA %s --check-config", precisd);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    char want[2100];
    snprintf(want, sizeof want, "data = %s/data\n", cwd);
    assert_non_null(strstr(out, want));
    snprintf(cmd, sizeof cmd,
             "PRECIS_DATA=/nonexistent/precis %s --check-config", precisd);
    assert_int_equal(run_capture(cmd, out, sizeof out), 1);
    assert_non_null(strstr(out, "/nonexistent/precis/stopwords"));
    assert_non_null(strstr(out, "PRECIS_DATA"));
}

static void cli_batch_local_and_remote(void **state)
{
    (void)state;
    check_batch(LOCAL);
    daemon_proc d;
    daemon_start(&d, NULL);
    char args[256];
    snprintf(args, sizeof args, "--remote -s %s", d.sock);
    check_batch(args);
    daemon_finish(&d, 5000);
}

static void cli_reports_bad_inputs(void **state)
{
    (void)state;
    char bad[256], empty[256], args[1024];
    write_file("bad.txt", "Fine start. Then \xC3\x28 here.", 25, bad,
               sizeof bad);
    write_file("empty.txt", "", 0, empty, sizeof empty);
    run_result r = run(LOCAL "no-such-file.txt", NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "precis: no-such-file.txt: No such file"));
    run_free(&r);
    r = run(LOCAL "/tmp", NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "precis: /tmp: is a directory"));
    run_free(&r);
    snprintf(args, sizeof args, LOCAL "%s", bad);
    r = run(args, NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "not valid UTF-8 at byte 17"));
    run_free(&r);
    snprintf(args, sizeof args, LOCAL "%s", empty);
    r = run(args, NULL);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "empty input"));
    run_free(&r);
    /* Several files: the good ones are printed, the run reports failure. */
    snprintf(args, sizeof args, LOCAL "-n 1 %s missing.txt %s", SAMPLE,
             SAMPLE);
    r = run(args, NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "==> " SAMPLE " <=="));
    assert_int_equal(count_lines(r.out), 5); /* 2 headers, 2 lines, gap */
    assert_non_null(strstr(r.err, "missing.txt"));
    run_free(&r);
}

static void cli_usage_errors(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "--frobnicate",
        "-n 0",
        "-n 2.5",
        "-r 1.5",
        "-n 2 -w 30",
        "-q -1",
        "--batch x.jsonl extra.txt",
        "-r 150%",
        "--jobs 0",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char args[256];
        snprintf(args, sizeof args, LOCAL "%s", bad[i]);
        run_result r = run(args, SAMPLE);
        if (r.status != 2)
            fail_msg("%s: exit %d, expected 2", bad[i], r.status);
        assert_true(strlen(r.err) > 0);
        run_free(&r);
    }
    run_result r = run("--help", NULL);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "--batch"));
    run_free(&r);
    r = run("--version", NULL);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, PRECIS_VERSION_STRING));
    run_free(&r);
}

static void cli_progress_bar_only_on_a_terminal(void **state)
{
    (void)state;
    char path[256], buf[8192] = "";
    for (int i = 0; i < 40; i++)
        strcat(buf,
               "{\"text\": \"The council met. It approved a budget.\"}\n");
    write_file("progress.jsonl", buf, strlen(buf), path, sizeof path);
    /* Under script(1) stderr is a pseudo-terminal. */
    char cmd[1024], typescript[256];
    snprintf(typescript, sizeof typescript, "%s/typescript", scratch);
    snprintf(cmd, sizeof cmd,
             "script -qec '%s " LOCAL "--batch %s > %s/tty.out' %s "
             "> /dev/null 2>&1",
             cli_binary(), path, scratch, typescript);
    assert_int_equal(system(cmd), 0);
    char *tty = slurp(typescript);
    assert_non_null(strstr(tty, "40/40 docs"));
    assert_non_null(strstr(tty, "docs/s"));
    assert_non_null(strstr(tty, "ETA"));
    free(tty);
    snprintf(cmd, sizeof cmd, "%s/tty.out", scratch);
    char *out = slurp(cmd);
    assert_int_equal(count_lines(out), 40);
    free(out);
    char args[512];
    snprintf(args, sizeof args, LOCAL "--batch %s", path);
    run_result r = run(args, NULL);
    assert_string_equal(r.err, "");
    run_free(&r);
    /* --progress draws it off a terminal too. */
    snprintf(args, sizeof args, LOCAL "--batch --progress %s", path);
    r = run(args, NULL);
    assert_non_null(strstr(r.err, "40/40 docs"));
    assert_int_equal(count_lines(r.out), 40);
    run_free(&r);
}

/* Each point of a first use: --json names each file and gives a failed
 * one an error object, empty input is an error, an unknown language
 * exits 2 naming those loaded, a named socket never falls back to the
 * engine here, -r takes a percentage, --batch reads standard input and
 * answers every line, a blank one too, with any number of jobs. */
static void cli_first_use(void **state)
{
    (void)state;
    char doc[256], empty[256], args[1024];
    const char *text = "The council met on Monday. It approved the budget.\n";
    write_file("first.txt", text, strlen(text), doc, sizeof doc);
    write_file("empty.txt", "  \n", 3, empty, sizeof empty);
    snprintf(args, sizeof args, LOCAL "--json %s %s nowhere.txt", doc, empty);
    run_result r = run(args, NULL);
    assert_int_equal(r.status, 1);
    assert_int_equal(count_lines(r.out), 3);
    json_t *j = parse_line(r.out);
    assert_string_equal(json_string_value(json_object_get(j, "file")), doc);
    assert_non_null(json_object_get(j, "summary"));
    json_decref(j);
    const char *second = strchr(r.out, '\n') + 1;
    j = parse_line(second);
    assert_string_equal(json_string_value(json_object_get(j, "file")), empty);
    assert_non_null(strstr(json_string_value(json_object_get(
                               json_object_get(j, "error"), "message")),
                           "empty input"));
    json_decref(j);
    j = parse_line(strchr(second, '\n') + 1);
    assert_string_equal(json_string_value(json_object_get(j, "file")),
                        "nowhere.txt");
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(j, "error"), "code")),
                        "io");
    json_decref(j);
    assert_non_null(strstr(r.err, "empty input"));
    run_free(&r);

    snprintf(args, sizeof args, LOCAL "-l xx %s", doc);
    r = run(args, NULL);
    assert_int_equal(r.status, 2);
    assert_non_null(
        strstr(r.err, "loaded: da de en es fi fr hu it ne nl no pt ru sv tr"));
    run_free(&r);

    char nosock[256];
    snprintf(nosock, sizeof nosock, "%s/nobody.sock", scratch);
    snprintf(args, sizeof args, "-d data -s %s %s", nosock, doc);
    r = run(args, NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "cannot reach precisd"));
    assert_string_equal(r.out, "");
    run_free(&r);

    /* Latin-1 bytes: refused, or read as they are with their offsets. */
    char latin1[256];
    const char *cafe = "Caf\xe9 opened on Monday. It was full.\n";
    write_file("latin1.txt", cafe, strlen(cafe), latin1, sizeof latin1);
    snprintf(args, sizeof args, LOCAL "%s", latin1);
    r = run(args, NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "--replace-invalid"));
    run_free(&r);
    snprintf(args, sizeof args, LOCAL "-o --replace-invalid %s", latin1);
    r = run(args, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "[0-22] Caf\xEF\xBF\xBD opened on Monday.\n"
                               "[23-35] It was full.\n");
    run_free(&r);

    snprintf(args, sizeof args, LOCAL "-r 50%% %s", doc);
    r = run(args, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "The council met on Monday.\n");
    run_free(&r);

    const char *lines = "{\"id\":1,\"text\":\"One day. Two days.\"}\n\n"
                        "{\"id\":3,\"op\":\"ping\"}\n";
    char jsonl[256];
    write_file("first.jsonl", lines, strlen(lines), jsonl, sizeof jsonl);
    for (int jobs = 0; jobs <= 2; jobs++) {
        char opt[32] = "";
        if (jobs)
            snprintf(opt, sizeof opt, "--jobs %d ", jobs);
        snprintf(args, sizeof args, LOCAL "--batch %s", opt);
        r = run(args, jsonl);
        assert_int_equal(r.status, 1); /* the blank line is an error */
        assert_int_equal(count_lines(r.out), 3);
        const char *blank = strchr(r.out, '\n') + 1;
        assert_int_equal(strncmp(blank, "{\"error\"", 8), 0);
        assert_non_null(strstr(blank, "blank line"));
        assert_non_null(strstr(strchr(blank, '\n'), "\"ok\":true"));
        run_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cli_reads_files_and_stdin_alike),
        cmocka_unit_test(cli_budget_options),
        cmocka_unit_test(cli_quotes_keywords_offsets),
        cmocka_unit_test(cli_title_and_lang),
        cmocka_unit_test(cli_json_output_fields),
        cmocka_unit_test(cli_segment_prints_sentences),
        cmocka_unit_test(cli_and_daemon_find_the_checkouts_data),
        cmocka_unit_test_teardown(cli_daemon_and_local_agree,
                                  daemon_kill_leftovers),
        cmocka_unit_test_teardown(cli_batch_local_and_remote,
                                  daemon_kill_leftovers),
        cmocka_unit_test(cli_reports_bad_inputs),
        cmocka_unit_test(cli_usage_errors),
        cmocka_unit_test(cli_first_use),
        cmocka_unit_test(cli_progress_bar_only_on_a_terminal),
    };
    signal(SIGPIPE, SIG_IGN);
    return cmocka_run_group_tests_name("cli", tests, setup, teardown);
}
