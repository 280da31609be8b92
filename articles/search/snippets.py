"""Snippets from the original (unsegmented) text with every hit marked, escaped first."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.text import fold

WINDOW = 60


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of the original character."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        f = fold(ch)
        out.append(f)
        where.extend([i] * len(f))
    return "".join(out), where


def hit_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of the original text where any folded term occurs."""
    folded, where = _folded_with_map(text)
    spans: list[tuple[int, int]] = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        start = folded.find(term)
        while start != -1:
            a, b = where[start], where[start + len(term) - 1] + 1
            if not any(a < e and s < b for s, e in spans):
                spans.append((a, b))
            start = folded.find(term, start + len(term))
    return sorted(spans)


def mark(text: str, terms: list[str]) -> SafeString:
    """The whole text, escaped, each hit wrapped in <mark>."""
    out, pos = [], 0
    for a, b in hit_spans(text, terms):
        out += [escape(text[pos:a]), "<mark>", escape(text[a:b]), "</mark>"]
        pos = b
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text escaped above


def snippet(text: str, terms: list[str], width: int = WINDOW) -> tuple[SafeString, str]:
    """(HTML with marks, the same snippet as plain text) around the first hit, or the opening."""
    text = text.replace("\n", " ")
    spans = hit_spans(text, terms)
    start = max(0, spans[0][0] - width // 2) if spans else 0
    end = min(len(text), start + 2 * width)
    piece = text[start:end]
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    return mark_safe(escape(prefix) + mark(piece, terms) + escape(suffix)), prefix + piece + suffix  # noqa: S308
