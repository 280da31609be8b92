"""A parse of a page plus the staff corrections to its rows: the one path every page write takes
(ingest, re-parse, each operation of the page editor)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from articles.models import Correction, Page
from articles.parsing import ParsedParagraph, articles_from

from .replay import Para, finish, replay, working
from .rows import sync_articles


@dataclass
class Written:
    articles: int
    people_created: int
    deleted: list[str]  # articles a staff correction removed (their text is unassigned now)


def write_page(page: Page, parsed: list[ParsedParagraph], *, staff: bool = False) -> Written:
    """Save the page, replay its active corrections on `parsed`, build and write its articles,
    and store the corrected paragraphs with the article each went to. The page's version goes up,
    so an editor form opened before this is refused."""
    corrections = list(Correction.objects.filter(page=page, active=True).order_by("id")) if page.pk else []
    paras = working(parsed)
    statuses = replay(paras, [{**c.data, "op": c.op} for c in corrections])
    articles, unassigned = articles_from(finish(paras), page.issue.newspaper.name)
    old: dict[int, set[str]] = defaultdict(set)
    for p in page.paragraphs:
        if p.get("article") is not None:
            old[p["article"]].add(p["key"])
    new: list[set[str]] = [set() for _ in articles]
    for p in paras:
        if p.article is not None:
            new[p.article].add(p.key)
    page.unassigned = unassigned
    page.version += 1
    page.save()
    synced = sync_articles(page, articles, old=old, new=new, staff=staff)
    page.paragraphs = [_stored(p, synced.ids) for p in sorted(paras, key=lambda p: p.pos)]
    page.save(update_fields=["paragraphs"])
    for correction, status in zip(corrections, statuses, strict=True):
        if correction.status != status:
            correction.status = status
            correction.save(update_fields=["status"])
    return Written(len(articles), synced.people_created, synced.deleted)


def _stored(p: Para, ids: list[int]) -> dict:
    return {
        "key": p.key,
        "kind": str(p.kind),
        "role": p.role,
        "text": p.text,
        "article": None if p.article is None else ids[p.article],
    }
