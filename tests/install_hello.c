/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * install_hello.c -- built by tests/install.sh against an installed
 * libprecis (header, library and precis.pc from `make install`), so the
 * installed files are known to be enough for a client.
 */
#include <precis.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *text = "The council approved the budget on Tuesday. "
                       "Work on the new tram line starts in May.";
    precis_engine_t *e;
    precis_error_t err;
    if (argc < 2 || precis_engine_open(argv[1], &e, &err) != PRECIS_OK) {
        fprintf(stderr, "install_hello: %s\n",
                argc < 2 ? "usage" : err.message);
        return 1;
    }
    precis_options_t o;
    precis_options_init(&o);
    o.budget_value = 1;
    precis_result_t *r;
    if (precis_summarize(e, text, strlen(text), &o, &r, &err) != PRECIS_OK) {
        fprintf(stderr, "install_hello: %s\n", err.message);
        return 1;
    }
    int ok = precis_result_sentence_count(r) == 1 &&
             strcmp(precis_result_lang(r), "en") == 0;
    printf("%s\n",
           ok ? precis_result_sentence(r, 0)->text : "unexpected result");
    precis_result_free(r);
    precis_engine_free(e);
    return ok ? 0 : 1;
}
