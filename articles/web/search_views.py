"""The search page, its JSON twin, the CSV export, facets and the OpenSearch description."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote, urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleKind
from articles.search.help import EXAMPLES
from articles.search.query import Query, parse_query
from articles.search.results import COUNT_CAP, MAX_PAGE, facets, run_search
from articles.search.steering import FACETS, chips, facet_links
from articles.search.trend import UNITS, Series, articles_per_year, bar_chart, title, year_counts, year_range
from articles.web import export
from articles.web.errors import json_error
from articles.web.filters import ArticleFilter, SearchForm


class BadSearch(Exception):
    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def _errors(form) -> list[str]:
    return [
        f"{form.fields[name].label if name in form.fields else name}：{msg}"
        for name, msgs in form.errors.items()
        for msg in msgs
    ]


def read_request(request: HttpRequest) -> tuple[Query, object, str, int, SearchForm, ArticleFilter]:
    form = SearchForm(request.GET)
    filters = ArticleFilter(request.GET, queryset=Article.objects.all())
    if not form.is_valid() or not filters.is_valid():
        raise BadSearch(_errors(form) + _errors(filters.form))
    query = parse_query(form.cleaned_data["q"] or "")
    base = filters.qs
    query.notes += filters.notes
    sort = form.cleaned_data["sort"] or ("relevance" if not query.empty else "date")
    if query.empty and sort == "relevance":
        sort = "date"  # nothing to rank a filtered listing by
    return query, base, sort, form.cleaned_data["p"] or 1, form, filters


def _page_url(request: HttpRequest, page: int, path: str | None = None) -> str:
    params = request.GET.copy()
    params["p"] = str(page)
    return (path or request.path) + "?" + params.urlencode()


def search(request: HttpRequest) -> HttpResponse:
    try:
        query, base, sort, page, form, filters = read_request(request)
    except BadSearch as exc:
        form, filters = SearchForm(request.GET), ArticleFilter(request.GET)
        context = {"form": form, "filters": filters, "errors": exc.messages, "result": None}
        return render(request, "articles/search.html", context, status=400)
    listing = filters.active
    result = run_search(query, base, sort, page, listing=listing)
    searched = not query.empty or listing
    inline_facets = facets(query, base, estimate=False) if (searched and not result.capped) else None  # <= 1000 hits
    if inline_facets:
        inline_facets = {**inline_facets, **other_values(request, query)}
    params = request.GET.copy()
    params.pop("p", None)
    known = {r["value"]: r["count"] for r in inline_facets["year"]} if inline_facets else None
    trend = trend_context(request, query, base, known) if (not query.empty and not result.capped) else {}
    context = {
        **trend,
        "form": form,
        "filters": filters,
        "result": result,
        "errors": [],
        "searched": searched,
        "facets": facet_links(inline_facets, request.GET) if inline_facets else None,
        "chips": chips(request.GET),
        "query_string": params.urlencode(),
        "hl": query.highlight_terms(),
        "kinds": ArticleKind.choices,
        "previous_url": _page_url(request, result.page - 1) if result.page > 1 else None,
        "next_url": _page_url(request, result.page + 1) if result.page < result.pages else None,
        "count_cap": COUNT_CAP,
        "max_page": MAX_PAGE,
    }
    response = render(request, "articles/search.html", context)
    response["Link"] = (
        f'<{request.build_absolute_uri("/api/search/?" + request.GET.urlencode())}>; rel="alternate"; type="application/json"'
    )
    return response


def other_values(request: HttpRequest, query: Query) -> dict:
    """For each facet with a chosen value, its counts without its own filter, so that a second
    year (person, page…) can be added to the first."""
    out = {}
    for name in FACETS:
        if request.GET.getlist(name):
            params = request.GET.copy()
            params.pop(name)
            others = ArticleFilter(params, queryset=Article.objects.all())
            if others.is_valid():
                out[name] = facets(query, others.qs)[name]
    return out


def _series(request: HttpRequest, query: Query, base, known: dict | None = None) -> list[Series]:
    """The query's hits per year (`known` when the facets already counted them) and those of up
    to three compared queries (`vs=`)."""
    series = [Series(str(query) or "检索", known if known is not None else year_counts(query, base))]
    for other in request.GET.getlist("vs")[:3]:
        extra = parse_query(other)
        if not extra.empty:
            series.append(Series(str(extra), year_counts(extra, base)))
    return series


def _trend_link(request: HttpRequest) -> dict[str, str]:
    """The filters a bar's search keeps (all but q, vs, year, unit and the page)."""
    return {k: v for k, v in request.GET.items() if k not in ("q", "vs", "year", "unit", "p", "sort") and v}


def trend_context(request: HttpRequest, query: Query, base, known: dict | None = None) -> dict:
    unit = request.GET.get("unit") if request.GET.get("unit") in UNITS else "per_10000"
    series = _series(request, query, base, known)
    totals = articles_per_year(base)
    years = year_range(series, totals)
    return {
        "trend_svg": bar_chart(series, years, totals, unit, _trend_link(request)),
        "trend_title": title(series),
        "trend_unit": unit,
        "trend_series": [s.query for s in series],
        "trend_rows": [(y, totals.get(y, 0), [r for s in series for r in s.rows([y], totals)]) for y in years],
    }


def trend(request: HttpRequest) -> HttpResponse:
    """The year chart on a page of its own: for result sets too large to chart inline."""
    try:
        query, base, _, _, form, filters = read_request(request)
    except BadSearch as exc:
        return render(
            request,
            "articles/search.html",
            {
                "form": SearchForm(request.GET),
                "filters": ArticleFilter(request.GET),
                "errors": exc.messages,
                "result": None,
            },
            status=400,
        )
    context = {"form": form, "query": query, **(trend_context(request, query, base) if not query.empty else {})}
    response = render(request, "articles/trend.html", context)
    response["Link"] = (
        f'<{request.build_absolute_uri("/api/search/trend/?" + request.GET.urlencode())}>; rel="alternate"; type="application/json"'
    )
    return response


def _trend_data(request: HttpRequest) -> tuple[str, list[Series], list[int], dict[int, int]] | JsonResponse:
    try:
        query, base, _, _, _, _ = read_request(request)
    except BadSearch as exc:
        return json_error("；".join(exc.messages), 400)
    if query.empty:
        return json_error("请提供检索词 q", 400)
    unit = request.GET.get("unit") if request.GET.get("unit") in UNITS else "per_10000"
    series = _series(request, query, base)
    totals = articles_per_year(base)
    return unit, series, year_range(series, totals), totals


def trend_api(request: HttpRequest) -> JsonResponse:
    """JSON twin of the trend page: every year in range, each series' count, the year's
    articles and the count per 10 000 articles."""
    data = _trend_data(request)
    if isinstance(data, JsonResponse):
        return data
    unit, series, years, totals = data
    return JsonResponse(
        {
            "title": title(series),
            "unit": unit,
            "series": [{"query": s.query, "years": s.rows(years, totals)} for s in series],
            "csv": request.build_absolute_uri(reverse("api:search_trend_csv") + "?" + request.GET.urlencode()),
        },
        json_dumps_params={"ensure_ascii": False},
    )


def trend_csv(request: HttpRequest) -> HttpResponse:
    data = _trend_data(request)
    if isinstance(data, JsonResponse):
        return data
    _, series, years, totals = data
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["year", "articles", *[c for s in series for c in (s.query, f"{s.query}_per_10000")]])
    for y in years:
        cells = [c for s in series for r in s.rows([y], totals) for c in (r["count"], r["per_10000"])]
        writer.writerow([y, totals.get(y, 0), *cells])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + quote(f"株洲日报_趋势_{series[0].query}.csv")
    return response


def search_help(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/search_help.html", {"examples": EXAMPLES})


def search_help_api(request: HttpRequest) -> JsonResponse:
    rows = [{"syntax": e.query, "meaning": e.meaning, "reading": e.reading} for e in EXAMPLES]
    return JsonResponse({"syntax": rows}, json_dumps_params={"ensure_ascii": False})


def _hit_json(request: HttpRequest, hit, terms: list[str]) -> dict:
    art = hit.article
    url = art.get_absolute_url()
    return {
        "id": art.pk,
        "headline": art.headline,
        "kicker": art.kicker or None,
        "subheadline": art.subheadline or None,
        "date": art.issue_date.isoformat() if art.issue_date else None,
        "page": art.page_label,
        "kind": art.kind,
        "source": art.source or None,
        "people": [{"name": c.person.name, "role": c.role} for c in art.credits.all()],
        "snippet": hit.snippet_text,
        "snippet_html": str(hit.snippet_html),
        "matched_fields": hit.matched_fields,
        "url": request.build_absolute_uri(url + ("?" + urlencode([("hl", t) for t in terms]) if terms else "")),
        "api": request.build_absolute_uri("/api" + url),
    }


def search_api(request: HttpRequest) -> JsonResponse:
    try:
        query, base, sort, page, _, filters = read_request(request)
    except BadSearch as exc:
        return json_error("；".join(exc.messages), 400)
    result = run_search(query, base, sort, page, listing=filters.active)
    terms = query.highlight_terms()
    return JsonResponse(
        {
            "query": str(query),
            "notes": query.notes,
            "sort": sort,
            "page": result.page,
            "pages": result.pages,
            "total": result.total,
            "total_is_lower_bound": result.capped,
            "results": [_hit_json(request, h, terms) for h in result.hits],
            "next": request.build_absolute_uri(_page_url(request, result.page + 1))
            if result.page < result.pages
            else None,
            "previous": request.build_absolute_uri(_page_url(request, result.page - 1)) if result.page > 1 else None,
            "facets": request.build_absolute_uri(reverse("api:search_facets") + "?" + request.GET.urlencode()),
            "csv": request.build_absolute_uri(reverse("api:search_csv") + "?" + request.GET.urlencode()),
        },
        json_dumps_params={"ensure_ascii": False},
    )


def facets_api(request: HttpRequest) -> JsonResponse:
    """Facet counts over the whole result set: a request of its own, so the results page never
    waits for the counts of a term found in most articles."""
    try:
        query, base, _, _, _, _ = read_request(request)
    except BadSearch as exc:
        return json_error("；".join(exc.messages), 400)
    if query.empty:
        return JsonResponse({"query": "", "facets": {}})
    data = facets(query, base)  # cached per data version
    estimated = data.pop("estimated", False) if isinstance(data, dict) else False
    return JsonResponse(
        {"query": str(query), "estimated": estimated, "facets": data}, json_dumps_params={"ensure_ascii": False}
    )


def search_csv(request: HttpRequest) -> HttpResponse:
    """Every hit as CSV (up to export.MAX_ROWS), streamed chunk by chunk (a query is required)."""
    try:
        query, base, _, _, _, _ = read_request(request)
    except BadSearch as exc:
        return json_error("；".join(exc.messages), 400)
    if query.empty:
        return json_error("请提供检索词 q", 400)
    lines = export.csv_lines(
        query, base, request.build_absolute_uri("/")[:-1], with_text=request.GET.get("text") == "1"
    )
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    name = export.file_name(query, timezone.localdate())
    response["Content-Disposition"] = "attachment; filename=\"search.csv\"; filename*=UTF-8''" + quote(name)
    response["X-Export-Max-Rows"] = str(export.MAX_ROWS)
    return response


def opensearch(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "articles/opensearch.xml",
        {"origin": request.build_absolute_uri("/")[:-1]},
        content_type="application/opensearchdescription+xml",
    )
