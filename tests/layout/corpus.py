"""The corpus of our own articles (about sixty), in one list, with a check that each is well formed.

The texts live in corpus_news.py and corpus_more.py; this module only gathers them."""

from __future__ import annotations

import re

from .article import KINDS, Article
from .corpus_more import AGENCY, COMMENTARY, FEATURES, PHOTOS, TEASERS
from .corpus_news import NEWS

ARTICLES: list[Article] = [*NEWS, *FEATURES, *AGENCY, *COMMENTARY, *PHOTOS, *TEASERS]


def by_key(key: str) -> Article:
    return next(a for a in ARTICLES if a.key == key)


def problems(article: Article) -> list[str]:
    """What is wrong with an article as written (an empty list when nothing is)."""
    out = []
    if article.kind not in KINDS:
        out.append(f"kind {article.kind}")
    if article.headline.count("|") > 1:
        out.append("more than one break in the headline")
    if not article.body:
        out.append("no body")
    if len(article.captions) != len(article.caption_credits) and article.caption_credits:
        out.append("captions and credits differ in number")
    if article.kind == "photo" and (len(article.body) != 1 or not article.photographers):
        out.append("a photo story is one caption with its photographers")
    if article.kind == "commentary" and len(article.authors) != 1:
        out.append("a commentary has one signature")
    if article.kind == "teaser" and not article.continued_to:
        out.append("a teaser points to a page")
    for index, _ in article.section_headings:
        if not 0 < index < len(article.body):
            out.append(f"section heading before paragraph {index}")
    for text in article.templates():
        if re.search(r"\{(?!(Y|D|DAY|RANGE)([+-]\d+)?\})", text):
            out.append(f"unknown token in {text[:20]}")
    return out
