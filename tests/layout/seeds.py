"""The sample pages' articles as Articles, built at run time from ../shared/seeds and their keys
in ../shared/eval/gold (nothing of them is stored in this repository).

The current parser reads each sample page (it scores perfectly on them), and each parsed article
becomes an Article of the key's title, people and kind, with the parser's paragraphs, section
headings and captions. An article is kept only if re-rendering it gives back exactly the key's
fields (body_start and body_end included), so a parser regression costs samples, not truth."""

from __future__ import annotations

import json
import logging
import re
from datetime import date
from functools import cache
from pathlib import Path

from . import gold as goldkey
from .article import Article, render
from .score import match, norm

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
COMPARED = (
    "kind",
    "kicker",
    "headline",
    "subheadline",
    "reporters",
    "correspondents",
    "photographers",
    "authors",
    "source",
    "dateline",
    "body_start",
    "body_end",
    "continued_to",
)


def available() -> bool:
    return SEEDS.is_dir() and GOLD.is_dir()


@cache
def sample_articles() -> dict[str, list[Article]]:
    """{page stem: its articles that agree with the key}; empty without ../shared."""
    if not available():
        return {}
    from articles.parsing import parse_text

    out: dict[str, list[Article]] = {}
    for key_path in sorted(GOLD.glob("*.json")):
        page = SEEDS / f"{key_path.stem}.txt"
        if not page.exists():
            continue
        key = json.loads(key_path.read_text(encoding="utf-8"))
        parsed = [a.to_dict() for a in parse_text(page.read_text(encoding="utf-8")).articles]
        issue = date.fromisoformat(key["issue_date"])
        kept = []
        for i, j in match(key["articles"], parsed):
            article = _article(key["articles"][i], parsed[j], key_path.stem, issue)
            if article is not None and _agrees(article, key["articles"][i]):
                kept.append(article)
        if kept:
            out[key_path.stem] = kept
    return out


def _article(g: dict, p: dict, stem: str, issue: date) -> Article | None:
    if g["kind"] == "table" or not p.get("body"):
        return None
    paragraphs = [x for x in p["body"].split("\n") if x.strip()]
    body, headings = _headings(paragraphs, p.get("section_headings") or [])
    captions, credits = [], []
    for caption in [] if g["kind"] == "photo" else p.get("captions") or []:
        text, credit = _split_credit(caption)
        captions.append(text)
        credits.append(credit)
    lead = p.get("lead") or ""
    lead_source = None
    if "新华社" in lead:
        lead_source = "据新华社" if lead.startswith("据") else "新华社"
    elif lead:
        lead_source = "株洲日报讯"
    return Article(
        key=f"{stem}-{g['headline'][:8]}",
        kind=g["kind"],
        headline=g["headline"],
        kicker=g.get("kicker"),
        subheadline=(g["subheadline"],) if g.get("subheadline") else (),
        reporters=tuple(g["reporters"]),
        correspondents=tuple(g["correspondents"]),
        photographers=tuple(g["photographers"]),
        authors=tuple(g["authors"]),
        source=g.get("source"),
        lead_source=lead_source,
        dateline=g.get("dateline"),
        body=tuple(body),
        section_headings=tuple(headings),
        captions=tuple(captions),
        caption_credits=tuple(credits),
        continued_to=g.get("continued_to"),
        issue_date=issue,
        origin=stem,
    )


def _headings(paragraphs: list[str], heads: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """Paragraphs without their section headings, and (index of the paragraph after, heading).
    A "heading" whose last word runs on into the next paragraph is a line cut at a column end:
    it is joined back."""
    body: list[str] = []
    headings: list[tuple[int, str]] = []
    pending: list[str] = []
    for para in paragraphs:
        if para in heads and para not in pending:
            pending.append(para)
            continue
        for heading in pending:
            if _runs_on(heading, para):
                para = heading + para
            elif body:
                headings.append((len(body), heading))
            else:
                para = heading + para
        pending = []
        body.append(para)
    return body, headings


def _runs_on(left: str, right: str) -> bool:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    position = 0
    for token in jieba.cut(left + right[:12]):
        if position < len(left) < position + len(token):
            return True
        position += len(token)
    return False


def _split_credit(caption: str) -> tuple[str, str]:
    m = re.match(r"^(?P<text>.*[。！？!?])\s*(?P<credit>[^。！？!?]*(?:供图|摄))$", caption)
    return (m.group("text"), m.group("credit").strip()) if m else (caption, "")


def _agrees(article: Article, g: dict) -> bool:
    """Whether the article, rendered back, gives the key's own fields."""
    mine = goldkey.article(render(article, article.issue_date or date.today()))
    for field in COMPARED:
        a, b = mine.get(field), g.get(field)
        if isinstance(a, list) or isinstance(b, list):
            if sorted(norm(x) for x in a or []) != sorted(norm(x) for x in b or []):
                return False
        elif norm(a) != norm(b):
            return False
    return True
