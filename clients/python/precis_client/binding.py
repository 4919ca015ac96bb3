# SPDX-License-Identifier: BSD-2-Clause
"""libprecis in-process, through ctypes: no daemon, the same reply shape.

    from precis_client.binding import Engine
    engine = Engine()                 # the installed data, or data_dir=...
    reply = engine.summarize(text, sentences=3, quotes=2)

For pipelines (Spark's mapPartitions, Dask) that should not run precisd:
one Engine per process, shared by its threads (the engine is read-only).
The reply is the dict precisd would send (docs/protocol.md) without "id"
and "timing"; errors raise the PrecisError subclasses of precis_client.
$PRECIS_LIB names libprecis.so when it is not where the loader looks.
"""

import ctypes
import ctypes.util
import os

from . import PrecisError, _BY_CODE

c_size = ctypes.c_size_t
c_str = ctypes.c_char_p


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char * 256)]


class _Options(ctypes.Structure):
    _fields_ = [("size", c_size), ("lang", c_str), ("title", c_str),
                ("title_len", c_size), ("budget", ctypes.c_int),
                ("budget_value", ctypes.c_double), ("keywords", ctypes.c_int),
                ("quotes", ctypes.c_int), ("quote_fragments", ctypes.c_int),
                ("utf8_policy", ctypes.c_int),
                ("redundancy", ctypes.c_double)]


class _Sentence(ctypes.Structure):
    _fields_ = [("start", c_size), ("end", c_size), ("text", c_str),
                ("score", ctypes.c_double), ("index", c_size),
                ("paragraph", c_size), ("words", c_size)]


class _Keyword(ctypes.Structure):
    _fields_ = [("text", c_str), ("start", c_size), ("end", c_size),
                ("score", ctypes.c_double), ("count", c_size)]


class _Quote(ctypes.Structure):
    _fields_ = [("start", c_size), ("end", c_size), ("text", c_str),
                ("fragment", ctypes.c_int), ("speaker", c_str),
                ("speaker_start", c_size), ("speaker_end", c_size),
                ("mention_start", c_size), ("mention_end", c_size),
                ("role", c_str), ("cue", c_str), ("cue_start", c_size),
                ("cue_end", c_size), ("sentence", c_size),
                ("score", ctypes.c_double)]


class _Excluded(ctypes.Structure):
    _fields_ = [("start", c_size), ("end", c_size), ("reason", c_str)]


class _Segment(ctypes.Structure):
    _fields_ = [("start", c_size), ("end", c_size), ("text", c_str),
                ("paragraph", c_size), ("excluded", c_str)]


# enum precis_status (precis.h) by the protocol's names (protocol.c).
_CODES = {-1: "bad_request", -2: "internal", -3: "invalid_utf8",
          -4: "too_large", -5: "unknown_language", -6: "internal",
          -7: "internal"}
_BUDGET = {"sentences": 0, "words": 1, "ratio": 2}


def _load():
    path = os.environ.get("PRECIS_LIB") or ctypes.util.find_library("precis")
    lib = ctypes.CDLL(path or "libprecis.so.0")
    P = ctypes.POINTER
    sig = {
        "precis_engine_open": (ctypes.c_int, [c_str, P(ctypes.c_void_p),
                                              P(_Error)]),
        "precis_engine_free": (None, [ctypes.c_void_p]),
        "precis_options_init": (None, [P(_Options)]),
        "precis_summarize": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p,
                                            c_size, P(_Options),
                                            P(ctypes.c_void_p), P(_Error)]),
        "precis_segment": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p,
                                          c_size, P(_Options),
                                          P(ctypes.c_void_p), P(_Error)]),
        "precis_result_free": (None, [ctypes.c_void_p]),
        "precis_result_lang": (c_str, [ctypes.c_void_p]),
        "precis_result_total_sentences": (c_size, [ctypes.c_void_p]),
        "precis_result_total_words": (c_size, [ctypes.c_void_p]),
    }
    for kind, struct in (("sentence", _Sentence), ("keyword", _Keyword),
                         ("quote", _Quote), ("excluded", _Excluded),
                         ("segment", _Segment)):
        sig["precis_result_%s_count" % kind] = (c_size, [ctypes.c_void_p])
        sig["precis_result_%s" % kind] = (P(struct), [ctypes.c_void_p, c_size])
    for name, (res, args) in sig.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args
    return lib


def _s(b):
    return None if b is None else b.decode("utf-8")


class Engine:
    """A loaded engine (its data read once); free with close()."""

    def __init__(self, data_dir=None):
        self._lib = _load()
        self._engine = ctypes.c_void_p()
        err = _Error()
        rc = self._lib.precis_engine_open(
            data_dir.encode() if data_dir else None,
            ctypes.byref(self._engine), ctypes.byref(err))
        if rc != 0:
            raise PrecisError(err.message.decode("utf-8", "replace"))

    def close(self):
        if self._engine:
            self._lib.precis_engine_free(self._engine)
            self._engine = ctypes.c_void_p()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _options(self, lang=None, title=None, sentences=None, words=None,
                 ratio=None, quotes=3, keywords=None, quote_fragments=False,
                 utf8="strict"):
        o = _Options()
        self._lib.precis_options_init(ctypes.byref(o))
        keep = []  # bytes the options point at, alive for the call
        if lang:
            keep.append(lang.encode())
            o.lang = keep[-1]
        if title:
            keep.append(title.encode())
            o.title, o.title_len = keep[-1], len(keep[-1])
        given = [(k, v) for k, v in (("sentences", sentences),
                                     ("words", words), ("ratio", ratio))
                 if v is not None]
        if len(given) > 1:
            raise _BY_CODE["bad_request"]("give one of sentences, words, ratio")
        if given:
            o.budget, o.budget_value = _BUDGET[given[0][0]], given[0][1]
        o.quotes = quotes
        if keywords is not None:
            o.keywords = keywords
        o.quote_fragments = int(bool(quote_fragments))
        o.utf8_policy = 1 if utf8 == "replace" else 0
        return o, keep

    def _run(self, fn, text, options):
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        o, keep = self._options(**options)
        result, err = ctypes.c_void_p(), _Error()
        rc = fn(self._engine, data, len(data), ctypes.byref(o),
                ctypes.byref(result), ctypes.byref(err))
        del keep
        if rc != 0:
            code = _CODES.get(rc, "internal")
            raise _BY_CODE[code](err.message.decode("utf-8", "replace"))
        return result

    def _items(self, r, kind):
        count = getattr(self._lib, "precis_result_%s_count" % kind)(r)
        get = getattr(self._lib, "precis_result_%s" % kind)
        return [get(r, i).contents for i in range(count)]

    def summarize(self, text, excluded=False, **options):
        """The summarize reply for text (str or UTF-8 bytes)."""
        r = self._run(self._lib.precis_summarize, text, options)
        try:
            out = {
                "lang": _s(self._lib.precis_result_lang(r)),
                "summary": [{"text": _s(s.text), "start": s.start,
                             "end": s.end, "score": s.score,
                             "index": s.index, "paragraph": s.paragraph,
                             "words": s.words}
                            for s in self._items(r, "sentence")],
                "quotes": [self._quote(q) for q in self._items(r, "quote")],
                "keywords": [{"text": _s(k.text), "start": k.start,
                              "end": k.end, "score": k.score,
                              "count": k.count}
                             for k in self._items(r, "keyword")],
                "sentences": self._lib.precis_result_total_sentences(r),
                "words": self._lib.precis_result_total_words(r),
            }
            if excluded:
                out["excluded"] = [{"start": x.start, "end": x.end,
                                    "reason": _s(x.reason)}
                                   for x in self._items(r, "excluded")]
            return out
        finally:
            self._lib.precis_result_free(r)

    @staticmethod
    def _quote(q):
        who = None
        if q.mention_end > q.mention_start:
            who = {"name": _s(q.speaker),
                   "mention": {"start": q.mention_start,
                               "end": q.mention_end},
                   "role": _s(q.role)}
        cue = None
        if q.cue is not None:
            cue = {"text": _s(q.cue), "start": q.cue_start, "end": q.cue_end}
        return {"text": _s(q.text), "start": q.start, "end": q.end,
                "score": q.score, "sentence": q.sentence,
                "fragment": bool(q.fragment), "speaker": who, "cue": cue}

    def segment(self, text, **options):
        """The segment reply for text."""
        r = self._run(self._lib.precis_segment, text, options)
        try:
            return {"lang": _s(self._lib.precis_result_lang(r)),
                    "sentences": [{"text": _s(s.text), "start": s.start,
                                   "end": s.end, "paragraph": s.paragraph,
                                   "excluded": _s(s.excluded)}
                                  for s in self._items(r, "segment")]}
        finally:
            self._lib.precis_result_free(r)
