/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * precis.h -- the public interface of libprecis, an extractive summarizer.
 *
 * The model: an engine (precis_engine_t) is loaded once from a data
 * directory (stop words, abbreviations, IDF models, boilerplate patterns)
 * and is read-only afterwards, so any number of threads may call
 * precis_summarize() on the same engine at once.  Every call returns its
 * own result (precis_result_t), owned by the caller and released with
 * precis_result_free().
 *
 * Offsets: every start/end pair is a half-open byte range [start, end)
 * into the exact bytes the caller passed in, so a page can highlight the
 * original text.  Text handed back (sentence text, keyword surface forms)
 * is a NUL-terminated, valid UTF-8 copy of those bytes.
 *
 * Errors: functions return 0 (PRECIS_OK) or a negative enum precis_status;
 * precis_strerror() and precis_err_name() describe the code.  Where a
 * precis_error_t pointer is accepted (it may be NULL) it also receives a
 * one-line message with the detail (file name, byte offset).  The library
 * never prints and never aborts.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; only these are exported. */
#if defined(__GNUC__)
#define PRECIS_EXTERN __attribute__((visibility("default")))
#else
#define PRECIS_EXTERN
#endif

#define PRECIS_VERSION_MAJOR 0
#define PRECIS_VERSION_MINOR 1
#define PRECIS_VERSION_PATCH 0
#define PRECIS_VERSION_STRING "0.1.0"

enum precis_status {
    PRECIS_OK = 0,
    PRECIS_EINVAL = -1,  /* bad argument or option value */
    PRECIS_ENOMEM = -2,  /* allocation failed */
    PRECIS_EUTF8 = -3,   /* input is not valid UTF-8 */
    PRECIS_ETOOBIG = -4, /* input larger than PRECIS_MAX_INPUT */
    PRECIS_ELANG = -5,   /* requested language is not loaded */
    PRECIS_EDATA = -6,   /* data directory missing or malformed */
    PRECIS_EIO = -7,     /* a data file could not be read */
    PRECIS_ELIMIT = -8   /* the call needed more memory than
                            precis_options_t.max_memory */
};

/* Largest input precis_summarize() accepts, in bytes (offsets stay
 * comfortably inside 32 bits internally). */
#define PRECIS_MAX_INPUT ((size_t)1 << 30)

typedef struct precis_error {
    int code;          /* the same value the function returned */
    char message[256]; /* NUL-terminated, one line, no trailing dot */
} precis_error_t;

/* Static, never NULL, for any int (unknown codes give "unknown error"). */
PRECIS_EXTERN const char *precis_strerror(int code);
/* Short stable name: "ok", "invalid_argument", "no_memory",
 * "invalid_utf8", "too_large", "unknown_language", "bad_data", "io". */
PRECIS_EXTERN const char *precis_err_name(int code);
/* "0.1.0" */
PRECIS_EXTERN const char *precis_version(void);
/* Offset of the first byte of s[0, len) that is not valid UTF-8 (RFC
 * 3629: no overlongs, surrogates or values above U+10FFFF), or len when
 * all of it is valid.  The check precis_summarize() applies, for callers
 * that must reject bad input before anything else sees it. */
PRECIS_EXTERN size_t precis_utf8_validate(const char *s, size_t len);

/* ---------------------------------------------------------------- engine */

typedef struct precis_engine precis_engine_t;

/*
 * Load an engine from data_dir (NULL: the compiled-in PRECIS_DATADIR,
 * normally $(PREFIX)/share/precis).  The directory holds stopwords/XX.txt
 * and abbrev/XX.txt per language, boilerplate.txt and optionally
 * idf/XX.idf.  On success *out is set and 0 returned; the caller frees it
 * with precis_engine_free() once no call uses it any more.
 */
PRECIS_EXTERN int precis_engine_open(const char *data_dir,
                                     precis_engine_t **out,
                                     precis_error_t *err);
PRECIS_EXTERN void precis_engine_free(precis_engine_t *engine);

/* Number of loaded languages and their ISO 639-1 codes ("en", "fr"...).
 * The returned string lives as long as the engine. */
PRECIS_EXTERN size_t
precis_engine_language_count(const precis_engine_t *engine);
PRECIS_EXTERN const char *precis_engine_language(const precis_engine_t *engine,
                                                 size_t i);
/* The data directory precis_engine_open(NULL, ...) loads: the one the
 * library was built for, normally $(PREFIX)/share/precis.  Static. */
PRECIS_EXTERN const char *precis_default_data_dir(void);
/* 1 when a background IDF model is loaded for lang, else 0. */
PRECIS_EXTERN int precis_engine_has_idf(const precis_engine_t *engine,
                                        const char *lang);

/* --------------------------------------------------------------- options */

enum precis_budget {
    PRECIS_BUDGET_SENTENCES = 0, /* budget_value sentences */
    PRECIS_BUDGET_WORDS = 1,     /* sentences until budget_value words are
                                    reached (the last one may cross it) */
    PRECIS_BUDGET_RATIO = 2      /* budget_value (0..1] of the document's
                                    words, counted like PRECIS_BUDGET_WORDS */
};

enum precis_utf8_policy {
    PRECIS_UTF8_STRICT = 0, /* invalid UTF-8 fails with PRECIS_EUTF8 */
    PRECIS_UTF8_REPLACE = 1 /* each invalid byte reads as U+FFFD; offsets
                               still count original bytes */
};

typedef struct precis_options {
    size_t size;         /* sizeof(precis_options_t) where the caller was
                            built, set by precis_options_init(): the
                            library reads that many bytes only, so fields
                            added later take their defaults for a program
                            built against this header */
    const char *lang;    /* "auto" (default) or a loaded code */
    const char *title;   /* optional headline, UTF-8; NULL: none */
    size_t title_len;    /* bytes of title; 0 with a title: strlen */
    int budget;          /* enum precis_budget */
    double budget_value; /* sentences, words or ratio; default 3 */
    int keywords;        /* how many keywords to return (default 10) */
    int quotes;          /* how many direct quotes to return (default 0) */
    int quote_fragments; /* 1: after the statements, also scare quotes
                            and titles, marked fragment (default 0) */
    int utf8_policy;     /* enum precis_utf8_policy */
    double redundancy;   /* 0..1, MMR weight against similarity to
                            sentences already chosen (default 0.3); 0
                            turns redundancy control off, so a
                            restatement is not skipped either */
    size_t max_memory;   /* most bytes of heap the call may hold at once,
                            its result included; past it the call fails
                            with PRECIS_ELIMIT (and holds nothing).  What
                            a call needs follows the text's shape more
                            than its length: prose takes 4 to 7 times
                            its bytes, a million tiny paragraphs 40.  0
                            (default): no limit */
} precis_options_t;

/* Fill opts with the defaults listed above (and opts->size).  Always
 * call it first, then set fields: a struct not filled by it is refused
 * with PRECIS_EINVAL. */
PRECIS_EXTERN void precis_options_init(precis_options_t *opts);

/* ---------------------------------------------------------------- result */

typedef struct precis_result precis_result_t;

typedef struct precis_sentence {
    size_t start, end; /* byte range in the input */
    const char *text;  /* valid UTF-8 copy of the range, whitespace
                          runs and control characters made single spaces,
                          invalid bytes and DEL made U+FFFD */
    double score;      /* salience relative to the document's best
                          sentence, which scores 1 */
    size_t index;      /* position among all sentences of the document */
    size_t paragraph;  /* paragraph number, from 0 */
    size_t words;      /* word tokens in the sentence */
} precis_sentence_t;

typedef struct precis_keyword {
    const char *text;  /* surface form of the first occurrence */
    size_t start, end; /* byte range of that first occurrence */
    double score;      /* relative weight, the best keyword is 1 */
    size_t count;      /* occurrences in the selectable text */
} precis_keyword_t;

/* A direct quotation and, when it could be attributed, its speaker.
 * Offsets are byte ranges of the input; a range absent is 0, 0. */
typedef struct precis_quote {
    size_t start, end;   /* the words between the outer quotation marks */
    const char *text;    /* valid UTF-8 copy of them; for a quotation over
                            several paragraphs, without the marks that
                            reopen each paragraph */
    int fragment;        /* a scare quote or a title ("forceful
                            deterrence"), not a statement; only returned
                            with opts.quote_fragments */
    const char *speaker; /* the resolved name ("Hazem Qassem" for "he" or
                            "Qassem"), NULL when unknown */
    size_t speaker_start, speaker_end; /* where that name was found,
                                          maybe earlier in the text */
    size_t mention_start, mention_end; /* the words naming the speaker at
                                          the quote: "he", "the
                                          spokesman", "Hamas spokesman
                                          Hazem Qassem" */
    const char *role;    /* "Hamas spokesman", "Prime Minister"; NULL */
    const char *cue;     /* the reporting word ("said"), NULL for
                            "X: ..." and "... -- X" or when none */
    size_t cue_start, cue_end;
    size_t sentence; /* index of the sentence holding the opening mark */
    double score;    /* salience, length and speaker prominence, 0..1;
                        lower when unattributed */
} precis_quote_t;

/* Why a sentence may never be selected; see docs/engine.md for each
 * reason. */
typedef struct precis_excluded {
    size_t start, end;  /* byte range in the input */
    const char *reason; /* "headline", "dateline", "byline",
                           "timestamp", "duplicate", "near_duplicate",
                           "caption", "promo", "consent", "legal",
                           "navigation", "related", "comments",
                           "fragment", "noise" */
} precis_excluded_t;

/* One sentence of the document as the engine scores it (from
 * precis_segment()). */
typedef struct precis_segment {
    size_t start, end;    /* byte range in the input */
    const char *text;     /* clean copy, as precis_sentence_t.text */
    size_t paragraph;     /* paragraph number, from 0 */
    const char *excluded; /* a precis_excluded_t reason, NULL when the
                             sentence may be selected */
} precis_segment_t;

/*
 * Summarize len bytes of text.  opts may be NULL for the defaults.
 * Empty or whitespace-only text is not an error: it gives a result with
 * no sentences.  On success *out owns everything the accessors below
 * return; free it with precis_result_free().  On failure *out is NULL.
 */
PRECIS_EXTERN int precis_summarize(const precis_engine_t *engine,
                                   const char *text, size_t len,
                                   const precis_options_t *opts,
                                   precis_result_t **out, precis_error_t *err);
PRECIS_EXTERN void precis_result_free(precis_result_t *result);

/*
 * Cut len bytes of text into the sentences precis_summarize() would
 * score, each with its paragraph and, for page noise, the reason it is
 * excluded.  opts as for precis_summarize() (lang, title, utf8_policy
 * matter; the budget is ignored).  The result holds no summary, quotes
 * or keywords; read it with precis_result_segment*() and free it with
 * precis_result_free().
 */
PRECIS_EXTERN int precis_segment(const precis_engine_t *engine,
                                 const char *text, size_t len,
                                 const precis_options_t *opts,
                                 precis_result_t **out, precis_error_t *err);
/* Every sentence, in document order (precis_segment() results only;
 * 0 for a summary). */
PRECIS_EXTERN size_t precis_result_segment_count(const precis_result_t *r);
PRECIS_EXTERN const precis_segment_t *
precis_result_segment(const precis_result_t *r, size_t i);

/* The summary, in document order. */
PRECIS_EXTERN size_t precis_result_sentence_count(const precis_result_t *r);
PRECIS_EXTERN const precis_sentence_t *
precis_result_sentence(const precis_result_t *r, size_t i);
/* Keywords, best first. */
PRECIS_EXTERN size_t precis_result_keyword_count(const precis_result_t *r);
PRECIS_EXTERN const precis_keyword_t *
precis_result_keyword(const precis_result_t *r, size_t i);
/* The best quotes (at most opts.quotes), in document order. */
PRECIS_EXTERN size_t precis_result_quote_count(const precis_result_t *r);
PRECIS_EXTERN const precis_quote_t *
precis_result_quote(const precis_result_t *r, size_t i);
/* Sentences kept out of selection as page noise, in document order. */
PRECIS_EXTERN size_t precis_result_excluded_count(const precis_result_t *r);
PRECIS_EXTERN const precis_excluded_t *
precis_result_excluded(const precis_result_t *r, size_t i);
/* Language used ("en"... or "und" when none matched). */
PRECIS_EXTERN const char *precis_result_lang(const precis_result_t *r);
/* Sentences and words found in the whole document. */
PRECIS_EXTERN size_t precis_result_total_sentences(const precis_result_t *r);
PRECIS_EXTERN size_t precis_result_total_words(const precis_result_t *r);

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_H */
