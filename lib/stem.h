/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stem.h -- Snowball stems of folded words, remembered per thread.
 *
 * Stemming is the costliest step per word (about 2,400 instructions for
 * an English word with libstemmer), and news repeats its vocabulary from
 * one document to the next: each thread keeps its stemmers and the stems
 * it has computed, so a word is stemmed once per thread, not once per
 * document.  A stem depends on the word and the language alone, so the
 * memory outlives engines (precisd's reload) and is never stale.
 */
#ifndef PRECIS_STEM_H
#define PRECIS_STEM_H

#include <stddef.h>

/* The stem of the folded word fold[0..len) in language code (a
 * libstemmer name): *stem points into the thread's memory and stays
 * valid until this thread's next stem_word() call.  PRECIS_OK, or
 * PRECIS_ENOMEM; a code libstemmer lacks gives the word itself. */
int stem_word(const char *code, const char *fold, size_t len,
              const char **stem, size_t *stem_len);

#endif
