"""Year and month views (/2020/, /2020/03/) and their JSON twins: the issues of a year or a
month with their page counts and lead headlines, and the nearest years or months around."""

from __future__ import annotations

import calendar
from datetime import date

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from articles import links
from articles.browse import WEEKDAYS, chinese_date
from articles.models import Issue


def _issues(first: date, last: date) -> list[Issue]:
    found = list(Issue.objects.between(first, last).with_lead())
    if not found:
        raise Http404("no issue in this period")
    return found


def _issue_row(issue: Issue) -> dict:
    lead = (
        {"id": issue.lead_id, "headline": issue.lead_headline or "（无标题）", "url": links.article_url(issue.lead_id)}
        if issue.lead_id
        else None
    )
    day = issue.date
    return {
        "issue": issue,
        "date": day,
        "weekday": f"星期{WEEKDAYS[day.weekday()]}",
        "url": links.issue_url(day),
        "pages": issue.page_count or 0,
        "lead": lead,
    }


def year_url(year: int) -> str:
    return reverse("articles:year", kwargs={"year": year})


def month_url(year: int, month: int) -> str:
    return reverse("articles:month", kwargs={"ym": (year, month)})


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_context(year: int) -> dict:
    rows = [_issue_row(i) for i in _issues(date(year, 1, 1), date(year, 12, 31))]
    months: dict[int, list[dict]] = {}
    for row in rows:
        months.setdefault(row["date"].month, []).append(row)
    before, after = Issue.objects.dates_around(date(year, 1, 1), date(year, 12, 31))
    return {
        "year": year,
        "count": len(rows),
        "months": [{"month": m, "url": month_url(year, m), "issues": r} for m, r in months.items()],
        "previous": {"year": before.year, "url": year_url(before.year)} if before else None,
        "following": {"year": after.year, "url": year_url(after.year)} if after else None,
    }


def month_context(year: int, month: int) -> dict:
    first, last = _month_span(year, month)
    rows = [_issue_row(i) for i in _issues(first, last)]
    before, after = Issue.objects.dates_around(first, last)

    def ref(day: date | None) -> dict | None:
        return {"year": day.year, "month": day.month, "url": month_url(day.year, day.month)} if day else None

    return {
        "year": year,
        "month": month,
        "year_url": year_url(year),
        "count": len(rows),
        "issues": rows,
        "previous": ref(before),
        "following": ref(after),
    }


def nothing_printed(request: HttpRequest, first: date, last: date, period: str, unit: str) -> HttpResponse:
    """A real date, month or year the archive holds no paper of: a 404 that leads to the nearest
    issues before and after it, not the bare 'not found' page."""
    before, after = Issue.objects.dates_around(first, last)
    context = {
        "period": period,
        "unit": unit,
        "before": before,
        "after": after,
        "before_url": links.issue_url(before) if before else "",
        "after_url": links.issue_url(after) if after else "",
        "before_label": chinese_date(before) if before else "",
        "after_label": chinese_date(after) if after else "",
    }
    return render(request, "articles/nothing_printed.html", context, status=404)


def year_view(request: HttpRequest, year: int) -> HttpResponse:
    try:
        return render(request, "articles/year.html", year_context(year))
    except Http404:
        return nothing_printed(request, date(year, 1, 1), date(year, 12, 31), f"{year}年", "一年")


def month_view(request: HttpRequest, ym: tuple[int, int]) -> HttpResponse:
    try:
        return render(request, "articles/month.html", month_context(*ym))
    except Http404:
        return nothing_printed(request, *_month_span(*ym), f"{ym[0]}年{ym[1]}月", "个月")


def _abs(request: HttpRequest, path: str) -> dict:
    return {"url": request.build_absolute_uri(path), "api": request.build_absolute_uri("/api" + path)}


def _issue_json(request: HttpRequest, row: dict) -> dict:
    lead = row["lead"]
    return {
        "date": row["date"].isoformat(),
        **_abs(request, row["url"]),
        "pages": row["pages"],
        "lead": {"id": lead["id"], "headline": lead["headline"], **_abs(request, lead["url"])} if lead else None,
    }


def _ref(request: HttpRequest, neighbour: dict | None) -> dict | None:
    return (
        {**{k: v for k, v in neighbour.items() if k != "url"}, **_abs(request, neighbour["url"])} if neighbour else None
    )


def _json(data: dict) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def year_api(request: HttpRequest, year: int) -> JsonResponse:
    ctx = year_context(year)
    months = [
        {"month": m["month"], **_abs(request, m["url"]), "issues": [_issue_json(request, r) for r in m["issues"]]}
        for m in ctx["months"]
    ]
    return _json(
        {
            "year": year,
            "count": ctx["count"],
            "months": months,
            "previous": _ref(request, ctx["previous"]),
            "next": _ref(request, ctx["following"]),
        }
    )


def month_api(request: HttpRequest, ym: tuple[int, int]) -> JsonResponse:
    ctx = month_context(*ym)
    return _json(
        {
            "year": ctx["year"],
            "month": ctx["month"],
            "count": ctx["count"],
            "issues": [_issue_json(request, r) for r in ctx["issues"]],
            "previous": _ref(request, ctx["previous"]),
            "next": _ref(request, ctx["following"]),
        }
    )
