"""What one search asks for, read once: the first stop of a query's path through the package.

    SearchRequest (this module) → Query (query.py) → conditions (conditions.py) → plan (plan.py)
    → result page (results.py), facets (facets.py), trend (trend.py) → snippets (snippets.py, why.py)

The web layer builds it from the query string and the validated filters; every later stage
takes it, so the matching queryset is built once, here, and the answer caches are keyed on
its SQL and parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

from articles.models import Article
from articles.search.conditions import Form, matching
from articles.search.query import Query, parse_query

SORTS = ("relevance", "date", "date_asc")
MAX_COMPARED = 3  # a trend compares the query with up to three others (vs=)


@dataclass(frozen=True)
class Compared:
    """A query a trend sets beside the main one: its words as typed and as parsed."""

    text: str
    query: Query


@dataclass(frozen=True)
class SearchRequest:
    """A parsed query over the articles the filters allow (`base`), in an order, at a page.

    `listing`: filters were chosen, so an empty query lists the filtered articles by date.
    `text`: the query as typed (the series name of a trend, the file name of an export)."""

    query: Query
    base: QuerySet = field(default_factory=Article.objects.all)
    sort: str = "relevance"
    page: int = 1
    listing: bool = False
    text: str = ""
    compared: tuple[Compared, ...] = ()

    @classmethod
    def read(
        cls,
        text: str,
        base: QuerySet | None = None,
        *,
        sort: str | None = None,
        page: int = 1,
        listing: bool = False,
        vs: Iterable[str] = (),
        notes: Iterable[str] = (),
    ) -> SearchRequest:
        """Parse the typed query (and the compared ones); an empty query is listed by date,
        there being nothing to rank it by."""
        query = parse_query(text)
        query.notes += list(notes)
        sort = sort if sort in SORTS else ("date" if query.empty else "relevance")
        if query.empty and sort == "relevance":
            sort = "date"
        return cls(
            query=query,
            base=Article.objects.all() if base is None else base,
            sort=sort,
            page=page,
            listing=listing,
            text=text.strip(),
            compared=compared(vs),
        )

    @property
    def searched(self) -> bool:
        """Something to answer: a query, or filters to list."""
        return not self.query.empty or self.listing

    @cached_property
    def matching(self) -> QuerySet:
        """The hits: built once per request, for the count, the page, the facets and the export."""
        return matching(self.query, self.base)

    @cached_property
    def candidates(self) -> QuerySet:
        """What the index alone finds (a superset of the hits): how much checking costs (plan.py)."""
        return matching(self.query, self.base, Form.CANDIDATES)

    @cached_property
    def scanned(self) -> QuerySet:
        """The same hits tested by strpos alone: for a statement that reads every row it passes
        (a date walk, a table sample), where reading the bigram vectors would be wasted."""
        return matching(self.query, self.base, Form.SCANNED)

    def identity(self) -> str:
        """What identifies an answer about these hits: the SQL of the matching queryset and its
        bound values, kept apart (the SQL as printed with its values can make two different
        queries look alike)."""
        try:
            sql, params = self.matching.query.sql_with_params()
        except EmptyResultSet:  # a condition that can match nothing (e.g. an empty IN list)
            return "nothing"
        return f"{sql}|{params!r}"

    def over(self, base: QuerySet) -> SearchRequest:
        """The same query over other articles (a facet's counts without its own filter)."""
        return replace(self, base=base)

    def of(self, other: Compared) -> SearchRequest:
        """A compared query over the same articles."""
        return replace(self, query=other.query, text=other.text, compared=())


def compared(texts: Iterable[str]) -> tuple[Compared, ...]:
    """The trend's comparison terms (vs=): the first MAX_COMPARED, those that parse to nothing left out."""
    out = []
    for text in list(texts)[:MAX_COMPARED]:
        query = parse_query(text)
        if not query.empty:
            out.append(Compared(text.strip(), query))
    return tuple(out)
