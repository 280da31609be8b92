"""A page's parsed articles to rows: matched to the stored ones so ids, URLs and staff edits
stay with the right article; a field staff edited is never overwritten, and credits staff
edited are kept whole."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from articles.models import Article, ArticleRedirect, Credit, Page, Person
from articles.parsing import ParsedArticle
from articles.search.columns import apply_search_columns

from .people import people_for_names


@dataclass
class Synced:
    ids: list[int]  # the row of each parsed article, in order
    people_created: int  # people this write created (read by ingest_batch's new-people count)
    deleted: list[str]  # headlines (or openings) of the stored articles removed


def sync_articles(
    page: Page,
    parsed: list[ParsedArticle],
    *,
    old: dict[int, set[str]] | None = None,
    new: list[set[str]] | None = None,
    staff: bool = False,
) -> Synced:
    """Write the page's articles. `old` (row id -> its paragraph keys) and `new` (the keys of
    each parsed article) let a row follow its text; `staff`: the change is a staff correction,
    so a stored article whose text all went elsewhere is removed even when staff edited it
    (otherwise such an article stays, lest a parser change lose an edit)."""
    stored = list(page.articles.all())
    matches = _match(stored, parsed, old or {}, new or [set() for _ in parsed])
    kept: list[int] = []
    names = [name for art in parsed for _, role_names in art.credits() for name in role_names]
    people, people_created = people_for_names(names)
    credits: list[Credit] = []
    for order, art in enumerate(parsed, 1):
        row = matches.get(order - 1) or Article(page=page)
        is_new = row.pk is None
        _apply(row, art, order)
        row.save()
        kept.append(row.pk)
        if not row.credits_edited:
            credits += _credits(row, art, people, is_new)
    Credit.objects.bulk_create(credits)  # the page's credits in one INSERT
    gone = [row for row in stored if row.pk not in kept and (staff or not (row.edited_fields or row.credits_edited))]
    # their permalinks lead to the page from now on (a citation never dead-ends)
    ArticleRedirect.objects.bulk_create(
        [ArticleRedirect(old_id=row.pk, page=page) for row in gone], ignore_conflicts=True
    )
    for row in gone:
        row.delete()
    return Synced(kept, people_created, [str(row) for row in gone])


def _match(
    stored: list[Article], parsed: list[ParsedArticle], old: dict[int, set[str]], new: list[set[str]]
) -> dict[int, Article]:
    """Pair each parsed article with the stored one it continues (by the paragraphs they share,
    by headline, then opening text)."""
    pairs = []
    for i, art in enumerate(parsed):
        for row in stored:
            pairs.append((max(_likeness(row, art), _overlap(old.get(row.pk, set()), new[i])), i, row.pk, row))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    out: dict[int, Article] = {}
    used: set[int] = set()
    for score, i, pk, row in pairs:
        if score < 0.5 or i in out or pk in used:
            continue
        out[i] = row
        used.add(pk)
    return out


def _overlap(old: set[str], new: set[str]) -> float:
    return len(old & new) / max(len(old), len(new)) if old and new else 0.0


def _likeness(row: Article, art: ParsedArticle) -> float:
    head = 1.0 if row.headline and row.headline == art.headline else 0.0
    opening = difflib.SequenceMatcher(None, row.body[:80], art.body[:80]).ratio() if (row.body or art.body) else 0.0
    return max(head, opening) + 0.1 * head


def _apply(row: Article, art: ParsedArticle, order: int) -> None:
    values = {
        "order": order,
        "kind": art.kind,
        "kicker": art.kicker or "",
        "headline": art.headline,
        "subheadline": art.subheadline or "",
        "source": art.source or "",
        "dateline": art.dateline or "",
        "body": art.body,
        "captions": art.captions,
    }
    for field, value in values.items():
        if field not in row.edited_fields:
            setattr(row, field, value)
    row.lead, row.section_headings, row.tables = art.lead or "", art.section_headings, art.tables
    row.bylines, row.jump, row.continued_to = art.bylines, art.jump or "", art.continued_to or ""
    row.issue_date, row.page_label = row.page.issue.date, row.page.label
    row.parse_confidence = art.confidence
    apply_search_columns(row)


def _credits(row: Article, art: ParsedArticle, people: dict[str, Person], new: bool) -> list[Credit]:
    """The article's credits as parsed, unsaved, its old ones deleted (a person named twice in
    one role counts once)."""
    if not new:
        row.credits.all().delete()
    credits: list[Credit] = []
    seen: set[tuple[int, str]] = set()
    for role, names in art.credits():
        for name in names:
            person = people[name]
            if person.is_person and (person.pk, role) not in seen:
                seen.add((person.pk, role))
                credits.append(Credit(article=row, person=person, role=role, order=len(credits)))
    return credits
