"""The about page (what the archive holds, how it was made, how to cite, data and API), the
search help page, and 往年今日 for the home page; each page with its JSON twin."""

from __future__ import annotations

from datetime import date

from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from articles import freshness
from articles.models import Article, Issue, Newspaper, Page, Person

SYNTAX = [
    ("株洲 医院", "同时包含两个词的文章（按输入的字面查找，不受分词影响）"),
    ('"湘江 风光带"', "完整短语，空格也算在内（中文引号亦可）"),
    ("-广告", "排除包含该词的文章"),
    ("株洲 OR 湘潭", "包含其中任意一个（也可写作 |）"),
    ("标题:株洲", "只在引题、主题、副题中查找"),
    ("作者:罗欣", "罗欣署名的文章（记者、通讯员、摄影、作者）"),
    ("版:A1", "只查某一版"),
]


def holdings() -> dict:
    """Counts of what the archive holds, once per data version (counting a million articles
    takes a moment)."""

    def count() -> dict:
        span = Issue.objects.aggregate(first=Min("date"), last=Max("date"))
        return {
            "newspapers": list(Newspaper.objects.order_by("name").values_list("name", flat=True)),
            "issues": Issue.objects.count(),
            "pages": Page.objects.count(),
            "articles": Article.objects.count(),
            "people": Person.objects.credited().count(),
            "first": span["first"],
            "last": span["last"],
        }

    return freshness.cached("holdings", "", count)


def on_this_day(today: date) -> list[Issue]:
    """Issues printed on this month and day in earlier years, nearest year first, with their leads."""
    return freshness.cached(
        "on-this-day",
        today.isoformat(),
        lambda: list(
            Issue.objects.filter(date__month=today.month, date__day=today.day, date__year__lt=today.year)
            .with_lead()
            .order_by("-date")[:10]
        ),
    )


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/about.html", {"holdings": holdings()})


def about_api(request: HttpRequest) -> JsonResponse:
    data = holdings()
    data = {
        **data,
        "first": data["first"] and data["first"].isoformat(),
        "last": data["last"] and data["last"].isoformat(),
        "api": request.build_absolute_uri("/api/"),
        "search_csv": request.build_absolute_uri("/api/search.csv"),
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def search_help(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/search_help.html", {"syntax": SYNTAX})


def search_help_api(request: HttpRequest) -> JsonResponse:
    rows = [{"syntax": s, "meaning": m} for s, m in SYNTAX]
    return JsonResponse({"syntax": rows}, json_dumps_params={"ensure_ascii": False})


def today() -> date:
    return timezone.localdate()
