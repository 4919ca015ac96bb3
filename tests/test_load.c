/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_load.c -- bench/load checks every reply: against precisd it
 * reports a clean run; against a fake server answering with a wrong id
 * or with garbage it reports invalid replies and fails.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "daemon_harness.h"
#include "testutil.h"

static int run_load(const char *sock, const char *extra, char *out,
                    size_t size)
{
    char load[256], cmd[1024];
    build_path(load, sizeof load, "bench/load");
    snprintf(cmd, sizeof cmd, "%s --socket %s %s", load, sock, extra);
    return run_capture(cmd, out, size);
}

static void load_validates_a_clean_run(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    char out[4096];
    int rc = run_load(d.sock, "--connections 4 --depth 3 --requests 200", out,
                      sizeof out);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "200 requests"));
    assert_non_null(strstr(out, "replies 200, errors 0"));
    assert_non_null(strstr(out, "invalid replies 0, missing 0"));
    daemon_finish(&d, 5000);
}

typedef struct fake {
    int fd;
    const char *reply; /* sent for every request line */
} fake;

/* Answer two request lines with f->reply each, then hang up. */
static void *fake_server(void *arg)
{
    fake *f = arg;
    int c = accept(f->fd, NULL, NULL);
    char buf[65536];
    size_t lines = 0;
    while (lines < 2) {
        ssize_t n = recv(c, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            if (buf[i] == '\n') {
                lines++;
                send(c, f->reply, strlen(f->reply), MSG_NOSIGNAL);
            }
    }
    close(c);
    return NULL;
}

static void check_fake(const char *reply)
{
    char dir[] = "/tmp/precis-load-XXXXXX", sock[96], out[4096];
    assert_non_null(mkdtemp(dir));
    snprintf(sock, sizeof sock, "%s/fake.sock", dir);
    fake f = {socket(AF_UNIX, SOCK_STREAM, 0), reply};
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock);
    assert_int_equal(bind(f.fd, (struct sockaddr *)&addr, sizeof addr), 0);
    assert_int_equal(listen(f.fd, 4), 0);
    pthread_t th;
    pthread_create(&th, NULL, fake_server, &f);
    int rc = run_load(sock, "--connections 1 --depth 2 --requests 2", out,
                      sizeof out);
    pthread_join(th, NULL);
    close(f.fd);
    unlink(sock);
    rmdir(dir);
    assert_int_equal(rc, 1);
    assert_non_null(strstr(out, "invalid replies 2"));
}

static void load_rejects_wrong_ids(void **state)
{
    (void)state;
    check_fake("{\"id\":999999,\"summary\":[]}\n");
}

static void load_rejects_garbage_and_shapeless_replies(void **state)
{
    (void)state;
    check_fake("this is not json\n");
    check_fake("{\"id\":0}\n"); /* neither summary nor error */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(load_validates_a_clean_run,
                                  daemon_kill_leftovers),
        cmocka_unit_test(load_rejects_wrong_ids),
        cmocka_unit_test(load_rejects_garbage_and_shapeless_replies),
    };
    signal(SIGPIPE, SIG_IGN);
    return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
