"""Run a search: count (capped), order, page, snippets, facets.

Plans are chosen from the capped count, not left to the planner's guess:
- a rare query (at most COUNT_CAP hits) fetches its hits' ids straight from the bigram index
  and orders them in Python, so PostgreSQL never walks the date index backwards looking for
  a handful of rows (seconds at a million articles);
- a common query (more hits) orders by the date index, which finds twenty hits at once;
  relevance then lists title hits first (their own index), then the rest by date, and ranks
  with ts_rank only when there are at most COUNT_CAP hits.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections, router, transaction
from django.db.models import BooleanField, Case, QuerySet, Value, When

from articles import freshness
from articles.models import Article, ArticleKind, Person
from articles.search.engine import matching, person_hit, rank_expression, title_hit, title_hits
from articles.search.query import Query
from articles.search.snippets import mark, snippet
from articles.search.why import matched_fields, snippet_source

COUNT_CAP = 1_000  # the page counts hits exactly up to here, then shows "1000+"
FACET_EXACT_LIMIT = 10_000  # facets are exact up to here, then sampled estimates
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


@contextmanager
def unprepared():
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


DENSE_FACTOR = 20  # the planner expects 20 × the cap or more: trust it, skip the count


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
    if trust_estimate and planner_rows(qs) >= DENSE_FACTOR * cap:
        return cap, True
    alias = router.db_for_read(qs.model)
    with transaction.atomic(using=alias), connections[alias].cursor() as cur:
        cur.execute("SET LOCAL enable_seqscan = off")
        n = qs.order_by()[: cap + 1].count()
    return min(n, cap), n > cap


def _with_title_hit(qs: QuerySet, query: Query) -> QuerySet:
    """th: the first text clause in the titles, or a person credited by a name typed plainly
    (either ranks a hit first)."""
    first = title_hit(query) | person_hit(query)
    return qs.annotate(th=Case(When(first, then=Value(True)), default=Value(False), output_field=BooleanField()))


def _rare_order(qs: QuerySet, query: Query, sort: str) -> list[int]:
    """All hit ids (at most COUNT_CAP) from the index, ordered in Python (no ORDER BY reaches
    PostgreSQL); relevance: title hits first, then ts_rank, then date."""
    qs = qs.order_by()
    if sort == "relevance":
        rows = (
            _with_title_hit(qs, query)
            .annotate(rank=rank_expression(query))
            .values_list("pk", "issue_date", "th", "rank")
        )
        ordered = sorted(rows, key=lambda r: (r[2], r[3], r[1], r[0]), reverse=True)
    else:
        ordered = sorted(qs.values_list("pk", "issue_date"), key=lambda r: (r[1], r[0]), reverse=sort == "date")
    return [r[0] for r in ordered]


@contextmanager
def date_walk(qs: QuerySet):
    """For a query with more than COUNT_CAP hits, walk the date index and stop at the first page.

    PostgreSQL multiplies the frequencies of a phrase's bigrams as if independent and expects
    almost no hits, so it picks a bitmap scan of tens of thousands of rows, each rechecked
    (measured 0.5-7 s); the capped count has already told us the hits are dense, so the walk
    finds twenty of them at once (25-60 ms at 1 million articles)."""
    alias = router.db_for_read(qs.model)
    with transaction.atomic(using=alias), connections[alias].cursor() as cur:
        cur.execute("SET LOCAL enable_bitmapscan = off")
        cur.execute("SET LOCAL enable_seqscan = off")
        yield


def _common_page(qs: QuerySet, query: Query, base: QuerySet, sort: str, offset: int) -> list[int]:
    """One page of a common query by the date index; for relevance, title hits first (found
    through the title index, which is selective), then the rest by date."""
    if sort in ("date", "date_asc"):
        order = ("issue_date", "id") if sort == "date_asc" else ("-issue_date", "-id")
        with date_walk(qs):
            return list(qs.order_by(*order).values_list("pk", flat=True)[offset : offset + PAGE_SIZE])
    titles = title_hits(query, base)
    n_titles, many_titles = capped_count(titles, trust_estimate=not query.exclusions)
    if many_titles:
        with date_walk(qs):
            ids = list(titles.order_by("-issue_date", "-id").values_list("pk", flat=True)[offset : offset + PAGE_SIZE])
    else:
        ids = _rare_order(titles, query, "date")[offset : offset + PAGE_SIZE]
    if len(ids) < PAGE_SIZE:
        start = max(0, offset - n_titles)
        with date_walk(qs):
            rest = qs.exclude(title_hit(query)).order_by("-issue_date", "-id").values_list("pk", flat=True)
            ids += list(rest[start : start + PAGE_SIZE - len(ids)])
    return ids


def _sql(qs: QuerySet) -> str:
    """The queryset's SQL with its values: what identifies a cached answer."""
    try:
        return str(qs.query)
    except EmptyResultSet:  # a condition that can match nothing (e.g. an empty IN list)
        return "nothing"


def _page_of_ids(qs: QuerySet, query: Query, base: QuerySet, sort: str, page: int) -> tuple[int, bool, list[int]]:
    total, capped = capped_count(qs, trust_estimate=not query.exclusions)
    offset = (page - 1) * PAGE_SIZE
    if capped:
        ids = _common_page(qs, query, base, sort, offset)
        if page == 1 and len(ids) < PAGE_SIZE:  # the estimate was wrong: the first page holds them all
            total, capped = len(ids), False
    else:
        ids = _rare_order(qs, query, sort)[offset : offset + PAGE_SIZE]
    return total, capped, ids


def run_search(
    query: Query, base: QuerySet, sort: str = "relevance", page: int = 1, listing: bool = False
) -> SearchResult:
    """One page of hits; with `listing` (filters chosen), an empty query lists the filtered
    articles by date."""
    page = max(1, min(page, MAX_PAGE))
    if query.empty and not listing:
        return SearchResult(query, sort, page, 0, False)
    if query.empty and sort == "relevance":
        sort = "date"
    qs = matching(query, base)
    with unprepared():
        total, capped, ids = freshness.cached(
            "search", f"{_sql(qs)}|{sort}|{page}", lambda: _page_of_ids(qs, query, base, sort, page)
        )
    articles = Article.objects.for_listing().in_bulk(ids)
    terms = query.highlight_terms()
    hits = []
    for pk in ids:
        art = articles.get(pk)
        if art is None:  # deleted on a replica that lags behind the version it answered with
            continue
        html, text = snippet(snippet_source(art), terms)
        hits.append(Hit(art, html, text, mark(art.headline or "（无标题）", terms), matched_fields(art, terms)))
    return SearchResult(query, sort, page, total, capped, hits)


FACET_SQL = """
WITH hits AS MATERIALIZED ({hits})
SELECT 'year', EXTRACT(YEAR FROM issue_date)::int::text, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'page', page_label, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'source', source, count(*) FROM hits WHERE source <> '' GROUP BY 2
UNION ALL SELECT 'kind', kind, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'person', c.person_id::text, count(DISTINCT c.article_id)
    FROM articles_credit c JOIN hits h ON h.id = c.article_id GROUP BY 2
"""


SAMPLE_PERCENT = 2  # facets of more than FACET_EXACT_LIMIT hits: a repeatable 2 % page sample, scaled up


def hits_sql(query: Query, base: QuerySet, columns: tuple[str, ...], sample: bool) -> tuple[str, tuple]:
    """Django's SQL for the hits (values bound), optionally over a TABLESAMPLE of the article table."""
    sql, params = matching(query, base).order_by().values(*columns).query.sql_with_params()
    if sample:
        table = 'FROM "articles_article"'
        sql = sql.replace(table, f"{table} TABLESAMPLE SYSTEM ({SAMPLE_PERCENT}) REPEATABLE (7)", 1)
    return sql, params


def estimate_needed(query: Query, base: QuerySet) -> bool:
    return capped_count(matching(query, base), FACET_EXACT_LIMIT)[1]


def facets(query: Query, base: QuerySet, estimate: bool | None = None) -> dict:
    """Facet counts (see _facets), computed once per data version."""
    with unprepared():
        return freshness.cached(
            "facets", f"{_sql(matching(query, base))}|{estimate}", lambda: _facets(query, base, estimate)
        )


def _facets(query: Query, base: QuerySet, estimate: bool | None = None) -> dict:
    """Counts over the whole result set (year, page label, person, source, kind) in one pass.

    Up to FACET_EXACT_LIMIT hits the counts are exact: the hits are read once through the bigram index
    (sequential scans switched off for the statement: for a common term the planner otherwise
    picks a scan that unpacks every stored vector) and grouped five ways. Past that they
    are estimates from a repeatable 2 % sample of the table (measured at 1 million articles:
    7-14 s exact, 0.2-0.4 s sampled, within about 2 %), and say so (`estimated`)."""
    if estimate is None:
        estimate = estimate_needed(query, base)
    try:
        hits, params = hits_sql(query, base, ("id", "issue_date", "page_label", "source", "kind"), estimate)
    except EmptyResultSet:  # a base that can match nothing
        rows = []
    else:
        alias = router.db_for_read(Article)
        with transaction.atomic(using=alias), connections[alias].cursor() as cur:
            cur.execute("SET LOCAL enable_seqscan = off")
            cur.execute(FACET_SQL.format(hits=hits), params)
            rows = cur.fetchall()
    scale = 100 // SAMPLE_PERCENT if estimate else 1
    grouped: dict[str, list[tuple[str, int]]] = {"year": [], "page": [], "person": [], "source": [], "kind": []}
    for facet, value, n in rows:
        if value is not None:
            grouped[facet].append((value, n * scale))
    people = {str(p.pk): p for p in Person.objects.filter(pk__in=[int(v) for v, _ in grouped["person"]])}
    kinds = dict(ArticleKind.choices)
    by_count = lambda pairs: sorted(pairs, key=lambda r: (-r[1], r[0]))[:20]  # noqa: E731
    return {
        "estimated": estimate,
        "year": [
            {"value": int(v), "label": f"{v}年", "count": n}
            for v, n in sorted(grouped["year"], key=lambda r: -int(r[0]))
        ],
        "page": [{"value": v, "label": f"{v}版", "count": n} for v, n in by_count(grouped["page"])],
        "person": [
            {"value": people[v].slug, "label": people[v].name, "count": n}
            for v, n in sorted(grouped["person"], key=lambda r: (-r[1], people[r[0]].name))[:20]
            if v in people
        ],
        "source": [{"value": v, "label": v, "count": n} for v, n in by_count(grouped["source"])],
        "kind": [{"value": v, "label": kinds.get(v, v), "count": n} for v, n in by_count(grouped["kind"])],
    }
