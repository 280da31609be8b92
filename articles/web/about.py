"""The about page (what the archive holds, how it was made, how to cite, data and API) and
往年今日 for the home page; each page with its JSON twin (the search help is search_views')."""

from __future__ import annotations

from datetime import date

from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from articles import freshness
from articles.models import Article, Issue, Newspaper, Page, Person


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


def today() -> date:
    return timezone.localdate()
