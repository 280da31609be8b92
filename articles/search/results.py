"""One page of results: the hits' ids in the planned order, then the articles with their snippets.

The plan (plan.py) says which path: a rare request orders all its ids in Python (relevance:
title hits first, then ts_rank, then date); a common one walks the date index when its hits are
dense (else it too orders all its ids), and for relevance lists title hits first (their own,
selective index), then the rest by date. The
ids of a page are cached per data version, keyed on the request's SQL and parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, Case, QuerySet, Value, When

from articles import freshness
from articles.models import Article
from articles.search.conditions import Form, person_hit, rank_expression, title_hit, title_hits
from articles.search.plan import capped_count, date_walk, plan_for, unprepared
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
    if sort == "relevance":
        rows = (
            _with_title_hit(Article.objects.filter(pk__in=[pk for pk, _ in hits]), query)
            .annotate(rank=rank_expression(query))
            .values_list("pk", "issue_date", "th", "rank")
        )
        ordered = sorted(rows, key=lambda r: (r[2], r[3], r[1], r[0]), reverse=True)
    else:
        ordered = sorted(hits, key=lambda r: (r[1], r[0]), reverse=sort == "date")
    return [r[0] for r in ordered]


def _ids_and_dates(qs: QuerySet) -> QuerySet:
    return qs.order_by().values_list("pk", "issue_date")


def _common_page(request: SearchRequest, sort: str, offset: int, dense: bool) -> list[int]:
    """One page of a common request by the date index (when `dense`, else by all hit ids in
    Python); for relevance, title hits first (found through the title index, which is
    selective), then the rest by date."""
    query, walked = request.query, request.scanned  # a walk reads every row it passes: strpos alone
    if sort in ("date", "date_asc"):
        if not dense:
            return _rare_order(_ids_and_dates(request.matching), query, sort)[offset : offset + PAGE_SIZE]
        order = ("issue_date", "id") if sort == "date_asc" else ("-issue_date", "-id")
        with date_walk(walked):
            return list(walked.order_by(*order).values_list("pk", flat=True)[offset : offset + PAGE_SIZE])
    titles = title_hits(query, request.base)
    n_titles, many_titles = capped_count(titles, trust_estimate=not query.exclusions)
    if many_titles:
        titles = title_hits(query, request.base, Form.SCANNED)
        with date_walk(titles):
            ids = list(titles.order_by("-issue_date", "-id").values_list("pk", flat=True)[offset : offset + PAGE_SIZE])
    else:
        ids = _rare_order(_ids_and_dates(titles), query, "date")[offset : offset + PAGE_SIZE]
    if len(ids) < PAGE_SIZE:
        start, wanted = max(0, offset - n_titles), PAGE_SIZE - len(ids)
        if not dense:
            rest = request.matching.exclude(title_hit(query))
            return ids + _rare_order(_ids_and_dates(rest), query, "date")[start : start + wanted]
        rest = walked.exclude(title_hit(query, Form.SCANNED))
        with date_walk(rest):
            ids += list(rest.order_by("-issue_date", "-id").values_list("pk", flat=True)[start : start + wanted])
    return ids


def _page_of_ids(request: SearchRequest, sort: str, page: int) -> tuple[int, bool, list[int]]:
    planned = plan_for(request)
    total, capped = planned.total, planned.common
    offset = (page - 1) * PAGE_SIZE
    if capped:
        ids = _common_page(request, sort, offset, planned.dense)
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
