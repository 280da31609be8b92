"""The CSV export of a search: only the columns it writes, in keyset-paginated chunks.

Rows are read a chunk at a time, each chunk a small query of its own: a rare query's hits
(at most COUNT_CAP) by id, as its plan read them, a common query's by walking the date index
from where the last chunk stopped (`issue_date <= last date`, an index condition, so a chunk
never re-reads what came before). Each chunk is read through a server-side cursor. The first
chunk is small and read before the response starts, so a database that is away is a 503,
not a 200 with a header and nothing after it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date

from django.db.models import Q, QuerySet

from articles.links import article_url
from articles.models import Article, Credit, Role
from articles.search.columns import printed_fields
from articles.search.plan import by_date, date_walk, plan_for, unprepared
from articles.search.query import Query
from articles.search.request import SearchRequest

COLUMNS = ("id", "issue_date", "page_label", "kind", "kicker", "headline", "subheadline", "source", "dateline")
HEADER = ["id", "date", "page", "kind", "kicker", "headline", "subheadline", "source", "dateline", "url", "people"]
TEXT_HEADER = ["text"]  # with ?text=1: every printed field of the article, one per line
FIRST = 100  # the first chunk: answered within a second even for a term in most articles
CHUNK = 2000
MAX_ROWS = 200_000  # the most rows one export writes (README; the X-Export-Max-Rows header says so)


def _rare_chunks(hits: tuple[tuple[int, date], ...]) -> Iterator[list[tuple]]:
    """A rare request's hits, (id, issue date) as the plan read them, newest first."""
    ids = by_date(hits)
    for start in range(0, len(ids), CHUNK):
        batch = ids[start : start + CHUNK]
        rows = {r[0]: r for r in Article.objects.filter(pk__in=batch).values_list(*COLUMNS).iterator(chunk_size=CHUNK)}
        yield [rows[pk] for pk in batch if pk in rows]


def _after(qs: QuerySet, last: tuple[date, int] | None) -> QuerySet:
    if last is None:
        return qs
    day, pk = last
    return qs.filter(Q(issue_date__lt=day) | Q(issue_date=day, id__lt=pk), issue_date__lte=day)


def _common_chunks(qs: QuerySet) -> Iterator[list[tuple]]:
    """Newest first along the (issue_date, id) index; every article has its issue's date."""
    last, size = None, FIRST
    while True:
        with unprepared(), date_walk(qs):
            page = _after(qs, last).order_by("-issue_date", "-id").values_list(*COLUMNS)[:size]
            rows = list(page.iterator(chunk_size=size))
        if rows:
            yield rows
        if len(rows) < size:
            return
        last, size = (rows[-1][1], rows[-1][0]), CHUNK


def chunks(request: SearchRequest) -> Iterator[list[tuple]]:
    """The hits' rows (COLUMNS), newest first, a chunk at a time, along the planned path."""
    if request.query.excludes_itself:
        return iter(())
    with unprepared():
        planned = plan_for(request)
    return _common_chunks(request.scanned) if planned.common else _rare_chunks(planned.rows)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _extras(ids: list[int], with_text: bool) -> tuple[dict[int, str], dict[int, str]]:
    """People with their roles (罗欣（记者）、李四（通讯员）) and, on request, the printed text of one
    chunk of articles: two queries per chunk, never one per row."""
    people: dict[int, list[str]] = {}
    roles = dict(Role.choices)
    credits = Credit.objects.filter(article_id__in=ids).order_by("article_id", "order", "id")
    for article_id, name, role in credits.values_list("article_id", "person__name", "role"):
        people.setdefault(article_id, []).append(f"{name}（{roles.get(role, role)}）")
    texts = {}
    if with_text:
        fields = (
            "id",
            "kicker",
            "headline",
            "subheadline",
            "bylines",
            "lead",
            "body",
            "section_headings",
            "tables",
            "captions",
            "jump",
        )
        for row in Article.objects.filter(pk__in=ids).only(*fields):
            texts[row.pk] = "\n".join(p for p in printed_fields(row) if p)
    return {k: "、".join(v) for k, v in people.items()}, texts


def csv_lines(request: SearchRequest, origin: str, with_text: bool = False) -> Iterator[str]:
    """The CSV text line by line, at most MAX_ROWS rows. The first chunk is read here, before
    the caller starts a response: a database error is raised now, not mid-stream."""
    writer = csv.writer(_Echo())
    source = chunks(request)
    first = next(source, [])

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(HEADER + (TEXT_HEADER if with_text else []))  # BOM: spreadsheets read UTF-8
        written = 0
        for rows in _chain(first, source):
            rows = rows[: MAX_ROWS - written]
            people, texts = _extras([r[0] for r in rows], with_text)
            for row in rows:
                extra = [texts.get(row[0], "")] if with_text else []
                cells = [*row, origin + article_url(row[0]), people.get(row[0], ""), *extra]
                yield writer.writerow([inert(c) if isinstance(c, str) else c for c in cells])
            written += len(rows)
            if written >= MAX_ROWS:
                return

    return lines()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula (=1+1, @SUM, -2+3) gets a
    leading apostrophe (OWASP's CSV injection advice): the trend's typed series names, and every
    text cell of the search export (staff edit titles and text; a spreadsheet must not run them)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def file_name(query: Query, today: date) -> str:
    """株洲日报_检索_疫情_2026-11-30.csv: the query's words (no path or quote characters; 筛选 for a
    listing by filters alone) and the day."""
    words = re.sub(r"[\\/:*?\"<>|\s]+", "_", str(query)).strip("_")[:40] or "筛选"
    return f"株洲日报_检索_{words}_{today.isoformat()}.csv"


def _chain(first: list[tuple], rest: Iterator[list[tuple]]) -> Iterator[list[tuple]]:
    if first:
        yield first
        yield from rest
