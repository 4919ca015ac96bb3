/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/rouge -- score summaries with ROUGE-1/2/L (rouge_score.c).
 *
 *   rouge [-m] [-l N] [--unicode LANG] SYSTEM.jsonl REFERENCES.jsonl
 *
 * SYSTEM lines are {"id", "summary"}; REFERENCES lines {"id", "summary"}
 * or {"id", "summaries": [...]}; sentences are separated by '\n'.
 * Prints the mean recall, precision and F1 over the documents of SYSTEM
 * (ROUGE-1.5.5's -a -n 2 -f A, with -m and -l when given).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "rouge_score.h"

static json_t *load_jsonl_by_id(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    json_t *map = json_object();
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        const char *id = json_string_value(json_object_get(o, "id"));
        if (id)
            json_object_set(map, id, o);
        json_decref(o);
    }
    free(line);
    fclose(f);
    return map;
}

int main(int argc, char **argv)
{
    rouge_opts opts = {0};
    const char *files[2];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-m"))
            opts.stem = 1;
        else if (!strcmp(argv[i], "-l") && i + 1 < argc)
            opts.limit = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--unicode") && i + 1 < argc)
            opts.unicode = argv[++i];
        else if (!strcmp(argv[i], "--wordnet") && i + 1 < argc)
            opts.wordnet = argv[++i];
        else if (argv[i][0] != '-' && nfiles < 2)
            files[nfiles++] = argv[i];
        else {
            fprintf(stderr, "usage: rouge [-m] [-l N] [--unicode LANG] "
                            "SYSTEM.jsonl REFERENCES.jsonl\n");
            return 2;
        }
    }
    if (nfiles != 2) {
        fprintf(stderr, "rouge: need SYSTEM.jsonl and REFERENCES.jsonl\n");
        return 2;
    }
    json_t *sys = load_jsonl_by_id(files[0]);
    json_t *refs = load_jsonl_by_id(files[1]);
    rouge *r = rouge_new(&opts);
    if (!sys || !refs || !r) {
        fprintf(stderr, "rouge: cannot read input or start the stemmer\n");
        return 1;
    }
    double sum[9] = {0};
    size_t docs = 0;
    const char *id;
    json_t *o;
    json_object_foreach(sys, id, o)
    {
        json_t *ref = json_object_get(refs, id);
        if (!ref) {
            fprintf(stderr, "rouge: no reference for %s\n", id);
            continue;
        }
        const char *list[64];
        size_t n = 0;
        json_t *many = json_object_get(ref, "summaries"), *x;
        size_t i;
        json_array_foreach(many, i, x) if (n < 64) list[n++] =
            json_string_value(x);
        if (n == 0)
            list[n++] = json_string_value(json_object_get(ref, "summary"));
        const char *summary = json_string_value(json_object_get(o, "summary"));
        rouge_scores s = rouge_score(r, summary ? summary : "", list, n);
        const rouge_prf *m[3] = {&s.r1, &s.r2, &s.rl};
        for (int k = 0; k < 3; k++) {
            sum[k * 3] += m[k]->r;
            sum[k * 3 + 1] += m[k]->p;
            sum[k * 3 + 2] += m[k]->f;
        }
        docs++;
    }
    static const char *const names[] = {"ROUGE-1", "ROUGE-2", "ROUGE-L"};
    printf("%-8s %8s %8s %8s   (%zu documents)\n", "", "R", "P", "F", docs);
    for (int k = 0; k < 3; k++)
        printf("%-8s %8.5f %8.5f %8.5f\n", names[k], sum[k * 3] / docs,
               sum[k * 3 + 1] / docs, sum[k * 3 + 2] / docs);
    rouge_free(r);
    json_decref(sys);
    json_decref(refs);
    return 0;
}
