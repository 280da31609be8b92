"""One page of results: the hits' ids in the planned order, then the articles with their snippets.

The plan (plan.py) says which path: a rare request orders the hits its plan read in Python
(relevance: title hits first, then ts_rank, then date); a common one is found in date order
(`_by_date`: a walk of the newest articles' window, else its candidates sorted by date and
checked a few at a time, else a walk of the whole date index), and for relevance lists title
hits first (their own, selective index), then the rest by date. The ids of a page are cached
per data version, keyed on the request's SQL and parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, Case, QuerySet, Value, When

from articles import freshness
from articles.models import Article
from articles.search.conditions import Form, person_hit, rank_expression, title_hit, title_hits
from articles.search.plan import (
    Plan,
    by_date,
    capped_count,
    date_walk,
    dated_candidates,
    plan_for,
    unprepared,
    window_edge,
)
from articles.search.query import Query
from articles.search.request import SearchRequest
from articles.search.snippets import mark, snippet
from articles.search.why import matched_fields, snippet_source

PAGE_SIZE = 20
MAX_PAGE = 50  # deep pagination is bounded: refine the query instead


@dataclass
class Hit:
    article: Article
    snippet_html: str
    snippet_text: str
    title_html: str
    matched_fields: list[str] = field(default_factory=list)


@dataclass
class SearchResult:
    query: Query
    sort: str
    page: int
    total: int
    capped: bool
    hits: list[Hit] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.total // PAGE_SIZE)))


def _with_title_hit(qs: QuerySet, query: Query) -> QuerySet:
    """th: the first text clause in the titles, or a person credited by a name typed plainly
    (either ranks a hit first); tested row by row, so by strpos alone."""
    first = title_hit(query, Form.SCANNED) | person_hit(query)
    return qs.annotate(th=Case(When(first, then=Value(True)), default=Value(False), output_field=BooleanField()))


def _rare_order(hits: Iterable[tuple[int, date]], query: Query, sort: str) -> list[int]:
    """The ids of hits given as (id, issue date), ordered in Python (no ORDER BY reaches
    PostgreSQL); relevance: title hits first, then ts_rank, then date."""
    if sort != "relevance":
        return by_date(hits, newest=sort == "date")
    rows = (
        _with_title_hit(Article.objects.filter(pk__in=[pk for pk, _ in hits]), query)
        .annotate(rank=rank_expression(query))
        .values_list("pk", "issue_date", "th", "rank")
    )
    return [r[0] for r in sorted(rows, key=lambda r: (r[2], r[3], r[1], r[0]), reverse=True)]


def _ids_and_dates(qs: QuerySet) -> QuerySet:
    return qs.order_by().values_list("pk", "issue_date")


def _by_date(request: SearchRequest, planned: Plan, scanned: QuerySet, sort: str, start: int, wanted: int) -> list[int]:
    """`wanted` ids of some hits (`scanned`: in the SCANNED form) from `start` in date order.

    Unless the plan found the hits sparse, walked first among the WINDOW newest (oldest)
    articles only: they come first in that order, so when they hold the page it is the page,
    found in a few thousand rows (a phrase in 2 % of the articles: 5-8 ms at a million). When
    they hold part of it, and hits that dense would fill it within four windows more, the walk
    goes on there. Else the index's candidates are sorted by date and checked a few at a time
    (at most CANDIDATE_CAP of them; past that the whole date index is walked)."""
    newest = sort != "date_asc"
    order = ("-issue_date", "-id") if newest else ("issue_date", "id")
    edge = None if planned.sparse else window_edge(request.base, newest)
    if edge is not None:
        ids = _walk(_dated(scanned, None, edge, newest), order, start, wanted)
        if len(ids) == wanted:
            return ids
        if ids and 4 * (start + len(ids)) >= wanted - len(ids):  # the window held start + len(ids) hits
            further = window_edge(request.base, newest, windows=5)
            ids += _walk(_dated(scanned, edge, further, newest), order, 0, wanted - len(ids))
            if len(ids) == wanted or further is None:
                return ids
    elif not planned.sparse:  # no more articles than a window: walked whole
        return _walk(scanned, order, start, wanted)
    candidates = dated_candidates(request)
    if candidates is None:
        return _walk(scanned, order, start, wanted)
    return _first_hits(scanned, by_date(candidates, newest), start + wanted)[start:]


def _first_hits(scanned: QuerySet, ordered: list[int], n: int) -> list[int]:
    """The first `n` ids of `ordered` that are hits, checked by primary key a growing chunk at
    a time (`scanned`: the hits in the SCANNED form, strpos, never a second read of the bigram
    index)."""
    found: list[int] = []
    size, i = 4 * PAGE_SIZE, 0
    while len(found) < n and i < len(ordered):
        chunk = ordered[i : i + size]
        hits = set(scanned.filter(pk__in=chunk).order_by().values_list("pk", flat=True))
        found += [pk for pk in chunk if pk in hits]
        i, size = i + size, size * 4
    return found[:n]


def _dated(qs: QuerySet, after: date | None, upto: date | None, newest: bool) -> QuerySet:
    """The rows of `qs` dated past `after` (exclusive) and up to `upto` (inclusive), walking
    from the newest (or the oldest); None: no bound."""
    if newest:
        qs = qs.filter(issue_date__lt=after) if after else qs
        return qs.filter(issue_date__gte=upto) if upto else qs
    qs = qs.filter(issue_date__gt=after) if after else qs
    return qs.filter(issue_date__lte=upto) if upto else qs


def _walk(qs: QuerySet, order: tuple[str, str], start: int, wanted: int) -> list[int]:
    with date_walk(qs):
        return list(qs.order_by(*order).values_list("pk", flat=True)[start : start + wanted])


def _common_page(request: SearchRequest, planned: Plan, sort: str, offset: int) -> list[int]:
    """One page of a common request in date order (_by_date); for relevance, title hits first
    (found through the title index, which is selective), then the rest by date."""
    query, scanned = request.query, request.scanned  # a walk reads every row it passes: strpos alone
    if sort in ("date", "date_asc"):
        return _by_date(request, planned, scanned, sort, offset, PAGE_SIZE)
    titles = title_hits(query, request.base)
    n_titles, many_titles = capped_count(titles, trust_estimate=not query.exclusions)
    if many_titles:
        ids = _walk(title_hits(query, request.base, Form.SCANNED), ("-issue_date", "-id"), offset, PAGE_SIZE)
        if len(ids) < PAGE_SIZE:  # fewer than the estimate promised: the rest starts after the real number
            n_titles = offset + len(ids) if ids else capped_count(titles, offset)[0]
    else:
        ids = _rare_order(_ids_and_dates(titles), query, "date")[offset : offset + PAGE_SIZE]
    if len(ids) < PAGE_SIZE:
        rest = scanned.exclude(title_hit(query, Form.SCANNED))
        ids += _by_date(request, planned, rest, "date", max(0, offset - n_titles), PAGE_SIZE - len(ids))
    return ids


def _page_of_ids(request: SearchRequest, sort: str, page: int) -> tuple[int, bool, list[int]]:
    planned = plan_for(request)
    total, capped = planned.total, planned.common
    offset = (page - 1) * PAGE_SIZE
    if capped:
        ids = _common_page(request, planned, sort, offset)
        if page == 1 and len(ids) < PAGE_SIZE:  # the estimate was wrong: the first page holds them all
            total, capped = len(ids), False
    else:
        ids = _rare_order(planned.rows, request.query, sort)[offset : offset + PAGE_SIZE]
    return total, capped, ids


def _hits(ids: list[int], terms: list[str]) -> list[Hit]:
    """The page's articles in order, each with its snippet, marked title and matched fields."""
    articles = Article.objects.for_listing().in_bulk(ids)
    hits = []
    for pk in ids:
        art = articles.get(pk)
        if art is None:  # deleted on a replica that lags behind the version it answered with
            continue
        html, text = snippet(snippet_source(art), terms)
        hits.append(Hit(art, html, text, mark(art.headline or "（无标题）", terms), matched_fields(art, terms)))
    return hits


def run_search(request: SearchRequest) -> SearchResult:
    """One page of hits; with `listing` (filters chosen), an empty query lists the filtered
    articles by date."""
    query = request.query
    page = max(1, min(request.page, MAX_PAGE))
    sort = request.sort
    if query.empty and not request.listing:
        return SearchResult(query, sort, page, 0, False)
    if query.empty and sort == "relevance":
        sort = "date"
    with unprepared():
        total, capped, ids = freshness.cached(
            "search", f"{request.identity()}|{sort}|{page}", lambda: _page_of_ids(request, sort, page)
        )
    return SearchResult(query, sort, page, total, capped, _hits(ids, query.highlight_terms()))
