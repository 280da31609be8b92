"""Snippets from the original (unsegmented) text with every hit marked, escaped first.

Marking is linear in the text (one pass of one pattern) and bounded: at most MAX_MARKS marks
per article and response, the rest of the text left unmarked. (Each new hit used to be
checked against every earlier one: on a very large article that ran until gunicorn killed
the worker.)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.text import HAN_SPACE, fold, squeeze

WINDOW = 60
MAX_MARKS = 200  # per article in one response

_fold_char = lru_cache(maxsize=1 << 16)(fold)
# Characters fold() leaves as they are: Chinese (not the compatibility ideographs, which NFKC
# changes) and ASCII other than capitals. Runs of them are mapped at once, the rest (full-width
# marks, capitals) a character at a time: a page of results spent 10-30 ms folding bodies
# one character at a time.
UNCHANGED_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\n\x20-\x40\x5b-\x7e]+")


def _folded_with_map(text: str) -> tuple[str, list[int] | range]:
    """The text as search compares it (text.search_form) and, for each of its characters, the
    index of the original character: a hit found in the first is marked in the second."""
    if unicodedata.is_normalized("NFKC", text) and len(folded := text.lower()) == len(text):
        where: list[int] | range = range(len(text))  # one folded character each
    else:
        pieces: list[str] = []
        where = []
        done = 0
        for m in [*UNCHANGED_RUN.finditer(text), None]:
            start = m.start() if m else len(text)
            for i in range(done, start):
                f = _fold_char(text[i])
                pieces.append(f)
                where.extend([i] * len(f))
            if m:
                pieces.append(m.group())
                where.extend(range(m.start(), m.end()))
                done = m.end()
        folded = "".join(pieces)
    if not HAN_SPACE.search(folded):
        return folded, where
    pieces, kept_where, pos = [], [], 0  # search_form drops the spaces beside a Chinese character
    for m in HAN_SPACE.finditer(folded):
        pieces.append(folded[pos : m.start()])
        kept_where.extend(where[pos : m.start()])
        pos = m.end()
    pieces.append(folded[pos:])
    kept_where.extend(where[pos:])
    return "".join(pieces), kept_where


def hit_spans(text: str, terms: list[str], limit: int = MAX_MARKS) -> list[tuple[int, int]]:
    """Up to `limit` non-overlapping (start, end) spans of the original text where a term occurs
    as search compares them (folded, no space beside a Chinese character), left to right; where
    two terms start at one place, the longer wins. A span keeps the spaces inside it."""
    wanted = sorted({squeeze(t) for t in terms if t}, key=len, reverse=True)
    if not wanted or limit <= 0:
        return []
    folded, where = _folded_with_map(text)
    spans: list[tuple[int, int]] = []
    for m in re.finditer("|".join(map(re.escape, wanted)), folded):
        a, b = where[m.start()], where[m.end() - 1] + 1
        if spans and a < spans[-1][1]:  # one original character folded to several
            continue
        spans.append((a, b))
        if len(spans) >= limit:
            break
    return spans


def _marked(text: str, spans: list[tuple[int, int]]) -> SafeString:
    out, pos = [], 0
    for a, b in spans:
        out += [escape(text[pos:a]), "<mark>", escape(text[a:b]), "</mark>"]
        pos = b
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text escaped above


def mark(text: str, terms: list[str], limit: int = MAX_MARKS) -> SafeString:
    """The whole text, escaped, each hit (up to `limit`) wrapped in <mark>."""
    return _marked(text, hit_spans(text, terms, limit))


class MarkBudget:
    """The terms one response marks and the marks it has left: an article's fields and
    paragraphs, marked one by one, share MAX_MARKS."""

    def __init__(self, terms: list[str], limit: int = MAX_MARKS):
        self.terms, self.left = terms, limit

    def __bool__(self) -> bool:
        return bool(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def mark(self, text: str) -> SafeString:
        spans = hit_spans(text, self.terms, self.left)
        self.left -= len(spans)
        return _marked(text, spans)


def snippet(text: str, terms: list[str], width: int = WINDOW) -> tuple[SafeString, str]:
    """(HTML with marks, the same snippet as plain text) around the first hit, or the opening."""
    text = text.replace("\n", " ")
    spans = hit_spans(text, terms, limit=1)
    start = max(0, spans[0][0] - width // 2) if spans else 0
    end = min(len(text), start + 2 * width)
    piece = text[start:end]
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    return mark_safe(escape(prefix) + mark(piece, terms) + escape(suffix)), prefix + piece + suffix  # noqa: S308
