"""Run a search: count (capped), order, page, snippets, facets.

Plans are chosen from the capped count, not left to the planner's guess:
- a rare query (at most COUNT_CAP hits) fetches its hits' ids straight from the bigram index
  and orders them in Python, so PostgreSQL never walks the date index backwards looking for
  a handful of rows (seconds at a million articles);
- a common query (more hits) orders by the date index, which finds twenty hits at once;
  relevance then lists title hits first (their own index), then the rest by date, and ranks
  with ts_rank only when there are at most RANK_LIMIT hits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import BooleanField, Case, Count, QuerySet, Value, When
from django.db.models.functions import ExtractYear

from articles.models import Article, ArticleKind, Credit
from articles.search.engine import matching, rank_expression, title_hit
from articles.search.query import Query
from articles.search.snippets import mark, snippet

COUNT_CAP = 10_000
RANK_LIMIT = 5_000
PAGE_SIZE = 20
MAX_PAGE = 50  # deep pagination is bounded: refine the query instead


@dataclass
class Hit:
    article: Article
    snippet_html: str
    snippet_text: str
    title_html: str


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


def capped_count(qs: QuerySet) -> tuple[int, bool]:
    n = qs.order_by()[: COUNT_CAP + 1].count()
    return min(n, COUNT_CAP), n > COUNT_CAP


def _with_title_hit(qs: QuerySet, query: Query) -> QuerySet:
    return qs.annotate(th=Case(When(title_hit(query), then=Value(True)), default=Value(False), output_field=BooleanField()))


def _rare_order(qs: QuerySet, query: Query, sort: str, total: int) -> list[int]:
    """All hit ids from the index, ordered in Python (no ORDER BY reaches PostgreSQL)."""
    qs = qs.order_by()
    if sort == "relevance":
        qs = _with_title_hit(qs, query)
        if total <= RANK_LIMIT:
            rows = qs.annotate(rank=rank_expression(query)).values_list("pk", "issue_date", "th", "rank")
            ordered = sorted(rows, key=lambda r: (r[2], r[3], r[1], r[0]), reverse=True)
        else:
            rows = qs.values_list("pk", "issue_date", "th")
            ordered = sorted(rows, key=lambda r: (r[2], r[1], r[0]), reverse=True)
    else:
        ordered = sorted(qs.values_list("pk", "issue_date"), key=lambda r: (r[1], r[0]), reverse=sort == "date")
    return [r[0] for r in ordered]


def _common_page(qs: QuerySet, query: Query, sort: str, offset: int) -> list[int]:
    """One page of a common query, by the date index (title hits first for relevance)."""
    if sort == "date_asc":
        return list(qs.order_by("issue_date", "id").values_list("pk", flat=True)[offset : offset + PAGE_SIZE])
    if sort == "date":
        return list(qs.order_by("-issue_date", "-id").values_list("pk", flat=True)[offset : offset + PAGE_SIZE])
    titles = qs.filter(title_hit(query))
    n_titles, _ = capped_count(titles)
    ids = list(titles.order_by("-issue_date", "-id").values_list("pk", flat=True)[offset : offset + PAGE_SIZE])
    if len(ids) < PAGE_SIZE:
        rest = qs.exclude(title_hit(query)).order_by("-issue_date", "-id").values_list("pk", flat=True)
        start = max(0, offset - n_titles)
        ids += list(rest[start : start + PAGE_SIZE - len(ids)])
    return ids


def run_search(query: Query, base: QuerySet, sort: str = "relevance", page: int = 1) -> SearchResult:
    page = max(1, min(page, MAX_PAGE))
    if query.empty:
        return SearchResult(query, sort, page, 0, False)
    qs = matching(query, base)
    total, capped = capped_count(qs)
    offset = (page - 1) * PAGE_SIZE
    if capped:
        ids = _common_page(qs, query, sort, offset)
    else:
        ids = _rare_order(qs, query, sort, total)[offset : offset + PAGE_SIZE]
    articles = Article.objects.for_listing().in_bulk(ids)
    terms = query.highlight_terms()
    hits = []
    for pk in ids:
        art = articles[pk]
        html, text = snippet("\n".join([art.body, *art.captions]) or art.headline, terms)
        hits.append(Hit(art, html, text, mark(art.headline or "（无标题）", terms)))
    return SearchResult(query, sort, page, total, capped, hits)


def all_hits(query: Query, base: QuerySet) -> QuerySet:
    """Every hit, newest first, for the CSV export (streamed, never held in memory)."""
    return matching(query, base).select_related("page__issue__newspaper").order_by("-issue_date", "-id")


def facets(query: Query, base: QuerySet) -> dict[str, list[dict]]:
    """Counts over the whole result set: year, page label, person, source, kind."""
    qs = matching(query, base).order_by()
    kinds = dict(ArticleKind.choices)
    years = qs.annotate(y=ExtractYear("issue_date")).values("y").annotate(n=Count("id")).order_by("-y")
    pages = qs.values("page_label").annotate(n=Count("id")).order_by("-n", "page_label")[:20]
    sources = qs.exclude(source="").values("source").annotate(n=Count("id")).order_by("-n", "source")[:20]
    kind_rows = qs.values("kind").annotate(n=Count("id")).order_by("-n", "kind")
    people = (
        Credit.objects.filter(article__in=qs.values("pk")).values("person__name", "person__slug")
        .annotate(n=Count("article", distinct=True)).order_by("-n", "person__name")[:20]
    )
    return {
        "year": [{"value": r["y"], "label": f"{r['y']}年", "count": r["n"]} for r in years],
        "page": [{"value": r["page_label"], "label": f"{r['page_label']}版", "count": r["n"]} for r in pages],
        "person": [{"value": r["person__slug"], "label": r["person__name"], "count": r["n"]} for r in people],
        "source": [{"value": r["source"], "label": r["source"], "count": r["n"]} for r in sources],
        "kind": [{"value": r["kind"], "label": kinds.get(r["kind"], r["kind"]), "count": r["n"]} for r in kind_rows],
    }
