"""Facet counts over the whole result set (year, page label, person, source, kind) in one pass.

Up to FACET_EXACT_LIMIT hits the counts are exact: the hits are read once through the bigram
index (sequential scans switched off for the statement: for a common term the planner otherwise
picks a scan that unpacks every stored vector) and grouped five ways. Past that they are
estimates from a repeatable 2 % sample of the table (measured at 1 million articles: 7-14 s
exact, 0.2-0.4 s sampled, within about 2 %), and say so (`estimated`).

Values only: how a value is shown (2020年, A1版, a kind's Chinese name) is the web layer's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.models import QuerySet
from django.db.models.sql.datastructures import BaseTable
from psycopg import sql

from articles import freshness
from articles.models import Article, Person
from articles.search.plan import capped_count, plan_for, through_index, unprepared
from articles.search.request import SearchRequest

FACET_EXACT_LIMIT = 10_000  # facets are exact up to here, then sampled estimates
SAMPLE_PERCENT = 2  # a repeatable 2 % page sample, counts scaled up
SAMPLE_SEED = 7
NAMES = ("year", "page", "person", "source", "kind")
TOP = 20  # values listed per facet (years: all)
HIT_COLUMNS = ("id", "issue_date", "page_label", "source", "kind")

FACET_SQL = sql.SQL(
    """
WITH hits AS MATERIALIZED ({hits})
SELECT 'year', EXTRACT(YEAR FROM issue_date)::int::text, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'page', page_label, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'source', source, count(*) FROM hits WHERE source <> '' GROUP BY 2
UNION ALL SELECT 'kind', kind, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'person', c.person_id::text, count(DISTINCT c.article_id)
    FROM {credit} c JOIN hits h ON h.id = c.article_id GROUP BY 2
"""
)


YEAR_SQL = sql.SQL("SELECT EXTRACT(YEAR FROM issue_date)::int, count(*) FROM ({hits}) hits GROUP BY 1")


@dataclass(frozen=True)
class Facets:
    """Per facet, (value, hits) in the order shown: years newest first, the rest by count.
    Person values are slugs; `people` gives their names."""

    estimated: bool
    counts: dict[str, list[tuple[int | str, int]]]
    people: dict[str, str] = field(default_factory=dict)

    def years(self) -> dict[int, int]:
        return dict(self.counts["year"])  # type: ignore[arg-type]


class SampledTable(BaseTable):
    """The article table read through TABLESAMPLE SYSTEM (percent) REPEATABLE (seed): the ORM's
    own base table with the sample clause after it, the values bound as parameters."""

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        table, params = super().as_sql(compiler, connection)
        return f"{table} TABLESAMPLE SYSTEM (%s) REPEATABLE (%s)", [*params, SAMPLE_PERCENT, SAMPLE_SEED]


def hits_sql(qs: QuerySet, sample: bool) -> tuple[str, tuple]:
    """Django's SQL for the hits' HIT_COLUMNS (values bound), optionally over a sample of the
    article table. Raises EmptyResultSet for a queryset that can match nothing."""
    query = qs.order_by().values(*HIT_COLUMNS).query.clone()
    if sample:
        alias = query.get_initial_alias()
        query.alias_map[alias] = SampledTable(query.alias_map[alias].table_name, alias)
    return query.sql_with_params()


def estimate_needed(request: SearchRequest) -> bool:
    """More than FACET_EXACT_LIMIT hits; a request PostgreSQL expects in DENSE_FACTOR × that
    many rows is not counted (as for the result count, only without exclusions: plan.py), nor
    one its plan found rare (its hits are read already)."""
    planned = plan_for(request)
    if not planned.common and planned.total <= FACET_EXACT_LIMIT:
        return False
    return capped_count(request.matching, FACET_EXACT_LIMIT, trust_estimate=not request.query.exclusions)[1]


def facets(request: SearchRequest, estimate: bool | None = None) -> Facets:
    """Facet counts (see the module), computed once per data version; `estimate` None: decided
    by the number of hits."""
    with unprepared():
        return freshness.cached("facets", f"{request.identity()}|{estimate}", lambda: _facets(request, estimate))


def _scale(estimate: bool) -> int:
    """What a count from the sample stands for."""
    return 100 // SAMPLE_PERCENT if estimate else 1


def years(request: SearchRequest) -> dict[int, int]:
    """Hits per year alone, counted as the year facet is (exact, or estimated from the same
    sample): what a compared trend term needs. One grouping instead of five, and no join of
    the credits: three common terms compared cost 0.8-1.1 s with the whole facets."""
    with unprepared():
        return freshness.cached("year-hits", request.identity(), lambda: _years(request))


def _years(request: SearchRequest) -> dict[int, int]:
    rows, estimate = _rows_deciding(request, YEAR_SQL, lambda rows: sum(n for _, n in rows))
    scale = _scale(estimate)
    return {int(year): n * scale for year, n in rows if year is not None}


def _rows_deciding(
    request: SearchRequest, template: sql.SQL, total: Callable[[list[tuple]], int]
) -> tuple[list[tuple], bool]:
    """`template`'s rows and whether they are estimates. When the plan's read of the hits
    promises twice FACET_EXACT_LIMIT (its hits spread evenly over the blocks it read), the
    sample is read first, and its rows are the answer if they too say the hits are past half
    again the limit (`total`: the hits the rows count): the count up to the limit is then not
    needed (215 ms for a term in 4 % of a million articles). A term whose hits cluster in the
    blocks the plan read is caught by the sample, which draws blocks from the whole table."""
    planned = plan_for(request)
    if (planned.expected or 0) >= 2 * FACET_EXACT_LIMIT:
        rows = _rows(request, True, template)
        if total(rows) * _scale(True) >= 1.5 * FACET_EXACT_LIMIT:
            return rows, True
    estimate = estimate_needed(request)
    return _rows(request, estimate, template), estimate


def _facet_hits(request: SearchRequest, estimate: bool) -> QuerySet:
    """The hits as the facets read them: a sample reads every row it draws, so by strpos alone
    (bigram vectors would be read only to be tested); a rare request's hits by id, as its plan
    read them."""
    if estimate:
        return request.scanned
    planned = plan_for(request)
    return request.matching if planned.common else Article.objects.filter(pk__in=[pk for pk, _ in planned.rows])


def _rows(request: SearchRequest, estimate: bool, template: sql.SQL) -> list[tuple]:
    """`template` over the hits (or their sample), sequential scans off for the statement."""
    try:
        hits, params = hits_sql(_facet_hits(request, estimate), estimate)
    except EmptyResultSet:  # a base that can match nothing
        return []
    with through_index(Article.objects.all()), connections[router.db_for_read(Article)].cursor() as cur:
        statement = template.format(hits=sql.SQL(hits), credit=sql.Identifier("articles_credit"))
        cur.execute(statement.as_string(cur.connection), params)
        return cur.fetchall()


def _facets(request: SearchRequest, estimate: bool | None) -> Facets:
    if estimate is None:
        rows, estimate = _rows_deciding(request, FACET_SQL, lambda rows: sum(n for f, _, n in rows if f == "year"))
    else:
        rows = _rows(request, estimate, FACET_SQL)
    scale = _scale(estimate)
    grouped: dict[str, list[tuple[str, int]]] = {name: [] for name in NAMES}
    for facet, value, n in rows:
        if value is not None:
            grouped[facet].append((value, n * scale))
    people = {str(p.pk): p for p in Person.objects.filter(pk__in=[int(v) for v, _ in grouped["person"]])}
    by_count = lambda pairs: sorted(pairs, key=lambda r: (-r[1], r[0]))[:TOP]  # noqa: E731
    credited = [(people[v], n) for v, n in grouped["person"] if v in people]
    counted = sorted(credited, key=lambda r: (-r[1], r[0].name))[:TOP]
    return Facets(
        estimated=estimate,
        counts={
            "year": [(int(v), n) for v, n in sorted(grouped["year"], key=lambda r: -int(r[0]))],
            "page": by_count(grouped["page"]),
            "person": [(p.slug, n) for p, n in counted],
            "source": by_count(grouped["source"]),
            "kind": by_count(grouped["kind"]),
        },
        people={p.slug: p.name for p, _ in counted},
    )
