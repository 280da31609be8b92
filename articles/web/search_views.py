"""The search page, its JSON twin, the CSV export, facets and the OpenSearch description.

Each view reads the query string once into a SearchRequest (`read_request`) and hands it down
the search package; labels, links and the chart are made here."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote, urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleKind
from articles.search.facets import facets
from articles.search.help import EXAMPLES
from articles.search.plan import COUNT_CAP
from articles.search.request import SearchRequest
from articles.search.results import MAX_PAGE, run_search
from articles.search.trend import articles_per_year, series, year_range
from articles.web import errors, export
from articles.web.errors import json_error
from articles.web.filters import ArticleFilter, SearchForm
from articles.web.steering import FACETS, chips, facet_links, labelled
from articles.web.trend_chart import bar_chart, title, unit_from


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


def read_request(request: HttpRequest) -> SearchRequest:
    """The query string as a SearchRequest; a value the form or the filters refuse is BadSearch."""
    form = SearchForm(request.GET)
    filters = ArticleFilter(request.GET, queryset=Article.objects.all())
    if not form.is_valid() or not filters.is_valid():
        raise BadSearch(_errors(form) + _errors(filters.form))
    base = filters.qs  # before its notes: filtering writes them (a reversed date range)
    return SearchRequest.read(
        form.cleaned_data["q"] or "",
        base,
        sort=form.cleaned_data["sort"] or None,
        page=form.cleaned_data["p"] or 1,
        listing=filters.active,
        vs=request.GET.getlist("vs"),
        notes=filters.notes,
    )


def _refused(request: HttpRequest, exc: BadSearch, template: str = "articles/search.html") -> HttpResponse:
    context = {"form": SearchForm(request.GET), "errors": exc.messages, "result": None, "kinds": ArticleKind.choices}
    return render(request, template, context, status=400)


def _past_the_last_page(request: HttpRequest, search_request, result) -> HttpResponse:
    """?p= past the last page of hits: a 404 that says how many there are, as on the person pages
    (web/paging.py), not an empty page under that number."""
    return errors.respond(request, 404, f"没有第 {search_request.page} 页：共 {result.pages} 页")


def _page_url(request: HttpRequest, page: int, path: str | None = None) -> str:
    params = request.GET.copy()
    params["p"] = str(page)
    return (path or request.path) + "?" + params.urlencode()


def search(request: HttpRequest) -> HttpResponse:
    try:
        search_request = read_request(request)
    except BadSearch as exc:
        return _refused(request, exc)
    result = run_search(search_request)
    if search_request.page > result.pages:
        return _past_the_last_page(request, search_request, result)
    found = facets(search_request, estimate=False) if (search_request.searched and not result.capped) else None
    inline = {**labelled(found), **other_values(request, search_request)} if found else None  # <= 1000 hits
    params = request.GET.copy()
    params.pop("p", None)
    charted = not search_request.query.empty and not result.capped
    context = {
        **(trend_context(request, search_request, found.years() if found else None) if charted else {}),
        "form": SearchForm(request.GET),
        "result": result,
        "errors": [],
        "searched": search_request.searched,
        "facets": facet_links(inline, request.GET) if inline else None,
        "chips": chips(request.GET),
        "query_string": params.urlencode(),
        "hl": search_request.query.highlight_terms(),
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


def other_values(request: HttpRequest, search_request: SearchRequest) -> dict[str, list[dict]]:
    """For each facet with a chosen value, its counts without its own filter, so that a second
    year (person, page…) can be added to the first."""
    out = {}
    for name in FACETS:
        if request.GET.getlist(name):
            params = request.GET.copy()
            params.pop(name)
            others = ArticleFilter(params, queryset=Article.objects.all())
            if others.is_valid():
                out[name] = labelled(facets(search_request.over(others.qs)))[name]
    return out


def _trend_link(request: HttpRequest) -> dict[str, str]:
    """The filters a bar's search keeps (all but q, vs, year, unit and the page)."""
    return {k: v for k, v in request.GET.items() if k not in ("q", "vs", "year", "unit", "p", "sort") and v}


def trend_context(request: HttpRequest, search_request: SearchRequest, known: dict[int, int] | None = None) -> dict:
    unit = unit_from(request.GET.get("unit"))
    lines = series(search_request, known)
    totals = articles_per_year(search_request.base)
    years = year_range(lines, totals)
    return {
        "trend_svg": bar_chart(lines, years, totals, unit, _trend_link(request)),
        "trend_title": title(lines),
        "trend_unit": unit,
        "trend_series": [s.query for s in lines],
        "trend_rows": [(y, totals.get(y, 0), [r for s in lines for r in s.rows([y], totals)]) for y in years],
    }


def trend(request: HttpRequest) -> HttpResponse:
    """The year chart on a page of its own: for result sets too large to chart inline."""
    try:
        search_request = read_request(request)
    except BadSearch as exc:
        return _refused(request, exc)
    query = search_request.query
    context = {
        "form": SearchForm(request.GET),
        "query": query,
        **(trend_context(request, search_request) if not query.empty else {}),
    }
    response = render(request, "articles/trend.html", context)
    response["Link"] = (
        f'<{request.build_absolute_uri("/api/search/trend/?" + request.GET.urlencode())}>; rel="alternate"; type="application/json"'
    )
    return response


def _trend_data(request: HttpRequest) -> tuple[str, list, list[int], dict[int, int]] | JsonResponse:
    try:
        search_request = read_request(request)
    except BadSearch as exc:
        return json_error("；".join(exc.messages), 400)
    if search_request.query.empty:
        return json_error("请提供检索词 q", 400)
    lines = series(search_request)
    totals = articles_per_year(search_request.base)
    return unit_from(request.GET.get("unit")), lines, year_range(lines, totals), totals


def trend_api(request: HttpRequest) -> JsonResponse:
    """JSON twin of the trend page: every year in range, each series' count, the year's
    articles and the count per 10 000 articles."""
    data = _trend_data(request)
    if isinstance(data, JsonResponse):
        return data
    unit, lines, years, totals = data
    return JsonResponse(
        {
            "title": title(lines),
            "unit": unit,
            "series": [{"query": s.query, "years": s.rows(years, totals)} for s in lines],
            "csv": request.build_absolute_uri(reverse("api:search_trend_csv") + "?" + request.GET.urlencode()),
        },
        json_dumps_params={"ensure_ascii": False},
    )


def trend_csv(request: HttpRequest) -> HttpResponse:
    data = _trend_data(request)
    if isinstance(data, JsonResponse):
        return data
    _, lines, years, totals = data
    out = io.StringIO()
    writer = csv.writer(out)
    names = [c for s in lines for c in (s.query, f"{s.query}_per_10000")]
    writer.writerow(["year", "articles", *map(export.inert, names)])
    for y in years:
        cells = [c for s in lines for r in s.rows([y], totals) for c in (r["count"], r["per_10000"])]
        writer.writerow([y, totals.get(y, 0), *cells])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + quote(f"株洲日报_趋势_{lines[0].query}.csv")
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
        "people": [{"name": c.person.name, "role": c.role} for c in art.credit_list()],
        "snippet": hit.snippet_text,
        "snippet_html": str(hit.snippet_html),
        "matched_fields": hit.matched_fields,
        "url": request.build_absolute_uri(url + ("?" + urlencode([("hl", t) for t in terms]) if terms else "")),
        "api": request.build_absolute_uri("/api" + url),
    }


def search_api(request: HttpRequest) -> JsonResponse:
    try:
        search_request = read_request(request)
    except BadSearch as exc:
        return json_error("；".join(exc.messages), 400)
    result = run_search(search_request)
    if search_request.page > result.pages:
        return _past_the_last_page(request, search_request, result)
    query = search_request.query
    terms = query.highlight_terms()
    return JsonResponse(
        {
            "query": str(query),
            "notes": query.notes,
            "sort": search_request.sort,
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
        search_request = read_request(request)
    except BadSearch as exc:
        return json_error("；".join(exc.messages), 400)
    if not search_request.searched:
        return JsonResponse({"query": "", "facets": {}})
    found = facets(search_request)  # cached per data version; a listing by filters alone too
    return JsonResponse(
        {"query": str(search_request.query), "estimated": found.estimated, "facets": labelled(found)},
        json_dumps_params={"ensure_ascii": False},
    )


def search_csv(request: HttpRequest) -> HttpResponse:
    """Every hit as CSV (up to export.MAX_ROWS), streamed chunk by chunk; without a query, every
    article the filters list (the listing the page shows)."""
    try:
        search_request = read_request(request)
    except BadSearch as exc:
        return json_error("；".join(exc.messages), 400)
    if not search_request.searched:
        return json_error("请提供检索词 q 或筛选条件", 400)
    lines = export.csv_lines(
        search_request, request.build_absolute_uri("/")[:-1], with_text=request.GET.get("text") == "1"
    )
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    name = export.file_name(search_request.query, timezone.localdate())
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
