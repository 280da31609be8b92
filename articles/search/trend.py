"""Hits per year of a request and of the queries it compares (vs=), beside the year's articles.

A year with more pages always has more hits, so a trend is read as hits per 10 000 articles of
that year (under the same filters); every year from the first to the last article in range is
listed, years without a hit (or without an article) included. The chart is the web layer's."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

from articles import freshness
from articles.search.facets import years
from articles.search.request import SearchRequest


@dataclass
class Series:
    query: str  # as typed
    counts: dict[int, int]

    def rows(self, years: list[int], totals: dict[int, int]) -> list[dict]:
        return [
            {
                "year": y,
                "count": self.counts.get(y, 0),
                "articles": totals.get(y, 0),
                "per_10000": round(10_000 * self.counts.get(y, 0) / totals[y], 1) if totals.get(y) else 0.0,
            }
            for y in years
        ]


def year_counts(request: SearchRequest) -> dict[int, int]:
    """Hits per year, counted as the year facet is (cached per data version)."""
    return years(request)


def series(request: SearchRequest, known: dict[int, int] | None = None) -> list[Series]:
    """The request's hits per year (`known` when the facets already counted them), then those of
    each compared query over the same articles; each named as typed (COVID stays COVID)."""
    first = Series(request.text or str(request.query), known if known is not None else year_counts(request))
    return [first] + [Series(c.text, year_counts(request.of(c))) for c in request.compared]


def articles_per_year(base: QuerySet) -> dict[int, int]:
    """Articles per year under the filters (the date index alone), cached per data version."""
    rows = base.order_by().annotate(y=ExtractYear("issue_date")).values("y").annotate(n=Count("*"))

    def compute() -> dict[int, int]:
        return {r["y"]: r["n"] for r in rows if r["y"] is not None}

    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return {}
    return freshness.cached("years", f"{sql}|{params!r}", compute)


def year_range(series: list[Series], totals: dict[int, int]) -> list[int]:
    known = set(totals) | {y for s in series for y in s.counts}
    return list(range(min(known), max(known) + 1)) if known else []
