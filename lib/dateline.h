/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * dateline.h -- the dateline that opens wire copy ("WASHINGTON (AP) --",
 * "(CNN)"), split off by the segmenter so it is never summary text.
 */
#ifndef PRECIS_DATELINE_H
#define PRECIS_DATELINE_H

#include <stddef.h>

/* Where the story begins in text[start, end) when it opens with a
 * dateline (the offset of its first word), else start. */
size_t dateline_end(const char *text, size_t start, size_t end);

#endif
