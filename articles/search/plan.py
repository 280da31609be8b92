"""How a search is run, decided from a capped read of its hits rather than left to the planner's guess.

- a rare request (at most COUNT_CAP hits) reads its hits (id, date) straight from the bigram
  index, once, and orders them in Python, so PostgreSQL never walks the date index backwards
  looking for a handful of rows (seconds at a million articles);
- a common request (more hits) walks the date index (`date_walk`), first among the WINDOW
  newest articles (`window_edge`); when its hits are sparse (`Plan.sparse`) or the windows do
  not hold the page, its candidates are sorted by date and checked a few at a time
  (`dated_candidates`; results.py);
- a request PostgreSQL's statistics put in DENSE_FACTOR × the cap is not counted at all.

Every statement of a search runs `unprepared()`: its plan depends on its terms.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connections, router, transaction
from django.db.models import Expression, FloatField, QuerySet

from articles import freshness
from articles.models import Article
from articles.search.request import SearchRequest

COUNT_CAP = 1_000  # the page counts hits exactly up to here, then shows "1000+"
DENSE_FACTOR = 20  # the planner expects 20 × the cap or more: trust it, skip the count
WALK_CAP = 5_000  # a common request expected to have fewer hits is not walked first
CANDIDATE_CAP = 20_000  # a page the walk did not find is looked for among at most this many candidates
WINDOW = 4_000  # a common request's page is looked for first among this many newest (oldest) articles


@contextmanager
def unprepared() -> Iterator[None]:
    """Statements run inside are never prepared server-side (settings: DB_PREPARED_STATEMENTS).

    A prepared statement may get a generic plan, made without the values; a search's plan
    depends on its terms (how common each bigram is) and on the planner settings of the moment
    (date_walk), and planner_rows asks for the estimate of these very terms."""
    conn = connections[router.db_for_read(Article)]
    conn.ensure_connection()
    raw = conn.connection
    before = raw.prepare_threshold
    raw.prepare_threshold = None
    try:
        yield
    finally:
        if conn.connection is raw:
            raw.prepare_threshold = before


def planner_rows(qs: QuerySet) -> float:
    """PostgreSQL's own estimate of the rows `qs` returns (EXPLAIN, nothing executed: ~1 ms)."""
    try:
        sql, params = qs.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return 0.0
    with connections[router.db_for_read(qs.model)].cursor() as cur:
        cur.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cur.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return float(plan[0]["Plan"]["Plan Rows"])


def dense_estimate(qs: QuerySet, cap: int) -> bool:
    """PostgreSQL expects DENSE_FACTOR × `cap` rows or more: taken as more than `cap` without
    counting (see capped_count)."""
    return planner_rows(qs) >= DENSE_FACTOR * cap


@contextmanager
def through_index(qs: QuerySet) -> Iterator[None]:
    """Sequential scans off for the statements inside: a read of hits with a filter such as
    版:A1 otherwise reads every row (measured at 2 s at a million articles)."""
    alias = router.db_for_read(qs.model)
    with transaction.atomic(using=alias), connections[alias].cursor() as cur:
        cur.execute("SET LOCAL enable_seqscan = off")
        yield


def capped_count(qs: QuerySet, cap: int | None = None, trust_estimate: bool = False) -> tuple[int, bool]:
    """Hits counted up to `cap` through the bigram index (a sequential scan is never the way to
    count: with a filter such as 版:A1 the planner otherwise reads every row, measured at 2 s).

    Counting reads the whole posting list of every bigram (60-300 ms for a term in half the
    articles), so with `trust_estimate` a query the planner expects in DENSE_FACTOR × cap rows
    or more is taken as capped without counting. Its estimates come from the statistics of the
    most common bigrams, and they err low, not high, for phrases (bigrams assumed independent):
    at 1 million articles no query estimated at 20 000 rows had fewer than 5 000 hits. Callers
    pass it only for queries without exclusions (a NOT of a correlated term could mislead)."""
    cap = COUNT_CAP if cap is None else cap
    if trust_estimate and dense_estimate(qs, cap):
        return cap, True
    with through_index(qs):
        n = qs.order_by()[: cap + 1].count()
    return min(n, cap), n > cap


class HeapBlock(Expression):
    """The heap block a row of the query's own table is stored in (the first part of its ctid;
    the table is named: a base with a join has two ctids). Nothing typed reaches this SQL."""

    output_field = FloatField()

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"({table}.ctid::text::point)[0]", []


def capped_rows(qs: QuerySet, cap: int | None = None) -> list[tuple[int, date, float]]:
    """Up to cap + 1 (by default COUNT_CAP + 1) hits as (id, issue date, heap block), through
    the bigram index: the count and, when there are at most `cap`, every hit a page needs, read
    once (a rare phrase with many candidates spent 100 ms counting and as much again reading
    its hits)."""
    cap = COUNT_CAP if cap is None else cap
    with through_index(qs):
        return list(qs.order_by().annotate(block=HeapBlock()).values_list("pk", "issue_date", "block")[: cap + 1])


def table_blocks(qs: QuerySet) -> int:
    """The heap blocks of the article table now (its file's size, not a statistic)."""
    with connections[router.db_for_read(qs.model)].cursor() as cur:
        cur.execute(
            "SELECT pg_relation_size(%s::regclass) / current_setting('block_size')::int", [qs.model._meta.db_table]
        )
        return cur.fetchone()[0]


@contextmanager
def date_walk(qs: QuerySet) -> Iterator[None]:
    """For a query with more than COUNT_CAP hits, walk the date index and stop as soon as the
    statement has its rows.

    PostgreSQL multiplies the frequencies of a phrase's bigrams as if independent and expects
    almost no hits, so it picks a bitmap scan of tens of thousands of rows, each rechecked
    (measured 0.5-7 s); the capped read has already told us the hits are many, so the walk
    finds twenty of them at once when they are dense (5-25 ms at 1 million articles)."""
    with through_index(qs):
        with connections[router.db_for_read(qs.model)].cursor() as cur:
            cur.execute("SET LOCAL enable_bitmapscan = off")
        yield


@dataclass(frozen=True)
class Plan:
    """The hits counted up to COUNT_CAP; `common` (more than that): walk the date index (see
    results.py); else order every hit, read with the count as (id, issue date), in Python.

    `spread`: the share of the table's blocks the count read to find more than COUNT_CAP hits
    (a bitmap scan reads them in block order), None when it trusted the planner's estimate."""

    total: int
    common: bool
    rows: tuple[tuple[int, date], ...] = ()
    spread: float | None = None

    @property
    def expected(self) -> float | None:
        """The hits in all if they spread over the table as over the blocks the count read;
        None when unknown (rare: all read; or the estimate trusted)."""
        return None if self.spread is None else (COUNT_CAP + 1) / self.spread

    @property
    def sparse(self) -> bool:
        """Fewer than WALK_CAP hits in all, going by the blocks the count read: a walk of the
        date index would pass (articles / WALK_CAP) rows or more for each hit of a page (a name
        in 0.1 % of a million articles: 80 ms walked, 12 ms read through the index and sorted)."""
        return self.expected is not None and self.expected < WALK_CAP


def plan_for(request: SearchRequest) -> Plan:
    """Count (or trust the estimate: only without exclusions, which a NOT of a correlated
    term could mislead) and choose the index path. Run it inside `unprepared()`. Cached per
    data version: the result page, the facets and the export of one request share it (a rare
    request's facets count its hits by id instead of reading the bigram index again)."""
    return freshness.cached("plan", request.identity(), lambda: _plan(request))


def _plan(request: SearchRequest) -> Plan:
    if not request.query.exclusions and dense_estimate(request.matching, COUNT_CAP):
        return Plan(COUNT_CAP, True)
    rows = capped_rows(request.matching)
    if len(rows) <= COUNT_CAP:
        return Plan(len(rows), False, tuple((pk, day) for pk, day, _ in rows))
    last = max(block for _, _, block in rows)
    return Plan(COUNT_CAP, True, spread=min(1.0, (last + 1) / max(1, table_blocks(request.matching))))


def dated_candidates(request: SearchRequest) -> list[tuple[int, date]] | None:
    """The index's candidates (a superset of the hits) as (id, issue date), read without any
    vector or text; None when there are more than CANDIDATE_CAP. Sorted by date and checked a
    few at a time, they give a page of sparse hits without a long walk of the date index (a
    date in 0.3 % of a million articles: 52 ms walked, 20-30 ms so)."""
    with through_index(request.candidates):
        rows = list(request.candidates.order_by().values_list("pk", "issue_date")[: CANDIDATE_CAP + 1])
    return None if len(rows) > CANDIDATE_CAP else rows


def by_date(rows: Iterable[tuple[int, date]], newest: bool = True) -> list[int]:
    """The ids of (id, issue date) rows in the date index's order, (date, id), newest first."""
    return [pk for pk, _ in sorted(rows, key=lambda r: (r[1], r[0]), reverse=newest)]


def window_edge(base: QuerySet, newest: bool = True, windows: int = 1) -> date | None:
    """The issue date of the (windows × WINDOW)-th newest (oldest) article of `base`, read from
    the date index; None when it has no more articles than that. The articles dated from there
    on are the first rows (and their date's others) of a walk of the date index."""
    order = "-issue_date" if newest else "issue_date"
    size = windows * WINDOW
    with through_index(base):  # never a scan and sort of the whole table for one date
        found = list(base.order_by(order).values_list("issue_date", flat=True)[size : size + 1])
    return found[0] if found else None
