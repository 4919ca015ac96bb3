/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * view.h -- the page precisd serves at GET / (view.c).
 */
#ifndef PRECISD_VIEW_H
#define PRECISD_VIEW_H

/* The look of the summary view, shared by this page and precis --html
 * (cli/html.c): the document, highlighted sentences by rank, quotes,
 * keywords and greyed page noise. */
#define VIEW_STYLE                                                             \
    "body{font:16px/1.6 Georgia,serif;margin:2em auto;max-width:52em;"      \
    "color:#222}h1{font:600 1.2em system-ui,sans-serif}"                    \
    "#doc{white-space:pre-wrap;border-top:1px solid #ddd;padding-top:1em}"  \
    ".summary{background:#fde68a}"                                          \
    ".summary[data-rank=\"1\"]{background:#fbbf24}"                        \
    ".quote{border-bottom:2px solid #2563eb}.keyword{font-weight:bold}"     \
    ".excluded{color:#aaa;text-decoration:line-through #ddd}"               \
    "ol,ul,form{font:15px/1.5 system-ui,sans-serif}"

extern const char view_page[];

#endif
