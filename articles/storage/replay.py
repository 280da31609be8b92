"""Staff corrections replayed on a parse of the page: pure Python, no database.

A correction names paragraphs by fingerprint (with their text, so a paragraph whose text changed
a little is still found) and says what staff decided: move them to the article holding another
paragraph, or out to the unassigned text; make a new article of them; split an article at one;
merge two articles; change their role; give an article's text back to the unassigned text.
The corrected list is what articles_from builds the page's articles from.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from articles.parsing import ParaKind, ParsedParagraph

from .fingerprints import SPACE, keys

SIMILAR = 0.8  # a changed paragraph is the same paragraph when this much of its text is the same
TITLE_ROLES = ("kicker", "headline", "subheadline")


@dataclass
class Para:
    """One paragraph being corrected. `pos` is its place in the source; `seq` the order it is
    read in its article (a merge can put a later article's text first)."""

    key: str
    kind: ParaKind
    text: str
    article: int | None
    role: str | None
    pos: int
    seq: float


def working(parsed: list[ParsedParagraph]) -> list[Para]:
    ordered = sorted(parsed, key=lambda p: p.index)
    return [
        Para(k, p.kind, p.text, p.article, p.role, pos, float(pos))
        for pos, (k, p) in enumerate(zip(keys(p.text for p in ordered), ordered, strict=True))
    ]


def replay(paras: list[Para], corrections: list[dict]) -> list[str]:
    """Apply each correction in turn; its status: applied, partial (some text gone) or missing."""
    return [_apply(paras, data) for data in corrections]


def finish(paras: list[Para]) -> list[ParsedParagraph]:
    """Articles renumbered in printed order (by their first paragraph), paragraphs indexed in
    reading order, as articles_from expects."""
    _renumber(paras)
    by_seq = sorted(paras, key=lambda p: p.seq)
    return [ParsedParagraph(i, p.kind, p.text, p.article, p.role) for i, p in enumerate(by_seq)]


def _renumber(paras: list[Para]) -> None:
    first: dict[int, float] = {}
    for p in paras:
        if p.article is not None:
            first[p.article] = min(first.get(p.article, p.seq), p.seq)
    new = {old: n for n, old in enumerate(sorted(first, key=first.__getitem__))}
    for p in paras:
        if p.article is not None:
            p.article = new[p.article]


def find(paras: list[Para], ref: dict) -> Para | None:
    """The paragraph a reference names: by fingerprint, else the most similar text."""
    for p in paras:
        if p.key == ref["key"]:
            return p
    want = SPACE.sub("", ref.get("text", ""))
    best, score = None, SIMILAR
    for p in paras:
        have = SPACE.sub("", p.text)
        if not want or abs(len(have) - len(want)) > len(want) * (1 - SIMILAR):
            continue
        ratio = difflib.SequenceMatcher(None, want, have, autojunk=False).ratio()
        if ratio >= score:
            best, score = p, ratio
    return best


def _status(found: list[Para | None]) -> str:
    hit = [p for p in found if p is not None]
    return "applied" if len(hit) == len(found) else "partial" if hit else "missing"


def _next_number(paras: list[Para]) -> int:
    return max((p.article for p in paras if p.article is not None), default=-1) + 1


def _apply(paras: list[Para], data: dict) -> str:
    op = data.get("op")
    listed = [find(paras, ref) for ref in data.get("paras", [])]
    chosen = [p for p in listed if p is not None]
    if op == "move":
        target = None
        if data.get("to"):
            anchor = find(paras, data["to"])
            if anchor is None or anchor.article is None:
                return "missing"
            target = anchor.article
        for p in chosen:
            p.article = target
        return _status(listed)
    if op == "new":
        number = _next_number(paras)
        for p in chosen:
            p.article = number
        return _status(listed)
    if op == "role":
        kind = ParaKind(data["kind"])
        role = data.get("role") if kind == ParaKind.TITLE and data.get("role") in TITLE_ROLES else None
        for p in chosen:
            p.kind, p.role = kind, role
        for number in {p.article for p in chosen if role and p.article is not None}:
            _complete_roles([p for p in paras if p.article == number])
        return _status(listed)
    if op == "split":
        return _split(paras, find(paras, data["at"]))
    if op == "merge":
        return _merge(paras, find(paras, data["first"]), find(paras, data["second"]))
    if op == "delete":
        anchor = find(paras, data["article"])
        if anchor is None or anchor.article is None:
            return "missing"
        number = anchor.article
        for p in paras:
            if p.article == number:
                p.article = None
        return "applied"
    return "missing"


def _complete_roles(members: list[Para]) -> None:
    """Once one title line of an article has a role, the builder reads roles only: the other
    title lines get one too (the headline if none is marked, else kicker above it, subheadline
    below), so marking a subheadline does not lose the headline."""
    titles = sorted((p for p in members if p.kind in (ParaKind.TITLE, ParaKind.H2)), key=lambda p: p.pos)
    if not any(p.role is None for p in titles):
        return
    if not any(p.role == "headline" for p in titles):
        next(p for p in titles if p.role is None).role = "headline"
    head = next(p.pos for p in titles if p.role == "headline")
    for p in titles:
        if p.role is None:
            p.role = "kicker" if p.pos < head else "subheadline"


def _split(paras: list[Para], at: Para | None) -> str:
    """The article's paragraphs from `at` on (in printed order) become a new article."""
    if at is None or at.article is None:
        return "missing"
    old, number = at.article, _next_number(paras)
    for p in paras:
        if p.article == old and p.pos >= at.pos:
            p.article = number
    return "applied"


def _merge(paras: list[Para], first: Para | None, second: Para | None) -> str:
    """The second article's paragraphs join the first, read after the first's own."""
    if first is None or second is None or first.article is None or second.article is None:
        return "missing"
    a, b = first.article, second.article
    if a == b:
        return "applied"
    last = max(p.seq for p in paras if p.article == a)
    after = [p.seq for p in paras if p.seq > last and p.article != b]
    gap = (min(after) - last) if after else 1.0
    moving = sorted((p for p in paras if p.article == b), key=lambda p: p.seq)
    for i, p in enumerate(moving, 1):
        p.article, p.seq = a, last + gap * i / (len(moving) + 1)
    return "applied"
