/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * exclusion.h -- why a sentence is kept out of the summary and the
 * quotes.  One table holds every reason with the name the result, the
 * protocol and data/boilerplate.txt use for it, so a reason added here
 * is known everywhere (-Wswitch flags a switch that misses one).
 */
#ifndef PRECIS_EXCLUSION_H
#define PRECIS_EXCLUSION_H

#include <stddef.h>

#define EXCLUSION_MAP(X)                                                      \
    X(HEADLINE, "headline")             /* the page's title line */           \
    X(DATELINE, "dateline")             /* "WASHINGTON (AP) --" */            \
    X(BYLINE, "byline")                 /* "By Jane Doe", "Posted by" */      \
    X(TIMESTAMP, "timestamp")           /* "November 19, 2019 6:21 AM" */     \
    X(DUPLICATE, "duplicate")           /* the same words again */            \
    X(NEAR_DUPLICATE, "near_duplicate") /* nearly the same line again */      \
    X(CAPTION, "caption")               /* photo captions and credits */      \
    X(PROMO, "promo")                   /* share, follow, subscribe */        \
    X(CONSENT, "consent")               /* cookie and privacy notices */      \
    X(LEGAL, "legal")                   /* copyright, trademark, terms */     \
    X(NAVIGATION, "navigation")         /* menus, breadcrumbs, the page's     \
                                           head before the article */         \
    X(RELATED, "related")               /* teasers for other stories */       \
    X(COMMENTS, "comments")             /* readers' comments */               \
    X(FOOTER, "footer")                 /* the page's tail after the          \
                                           article */                         \
    X(FRAGMENT, "fragment")             /* a label, not a sentence */         \
    X(NOISE, "noise")                   /* no words */

typedef enum exclusion {
    EXCL_NONE = 0,
#define EXCLUSION_ENUM(name, text) EXCL_##name,
    EXCLUSION_MAP(EXCLUSION_ENUM)
#undef EXCLUSION_ENUM
        EXCL_COUNT
} exclusion;

/* The reason's name ("caption"), NULL for EXCL_NONE. */
const char *exclusion_name(exclusion reason);
/* The reason named name[0, len), or EXCL_NONE when there is none. */
exclusion exclusion_from_name(const char *name, size_t len);

#endif
