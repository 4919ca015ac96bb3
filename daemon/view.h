/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * view.h -- the page precisd serves at GET / (view.c).
 */
#ifndef PRECISD_VIEW_H
#define PRECISD_VIEW_H

extern const char view_page[];

#endif
