"""What the browse pages show beyond rows of a queryset (articles.models holds the queries): the
calendar and a person's summary as plain dicts, cached per data version; the article or person
a stale URL now means. Shared by the HTML views and their JSON twins."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date

from django.db.models import Count, Max, Min
from django.db.models.functions import ExtractYear
from django.http import Http404

from articles import freshness, links
from articles.models import Article, ArticleRedirect, Credit, Issue, Person, PersonRedirect, Role

WEEKDAYS = "一二三四五六日"


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"


def article_or_redirect(pk: int) -> Article | str:
    """The article, or the URL of its page when a re-parse removed it (answer 301)."""
    found = Article.objects.for_listing().filter(pk=pk).first()
    if found is not None:
        return found
    moved = ArticleRedirect.objects.select_related("page__issue").filter(old_id=pk).first()
    if moved is None:
        raise Http404("no such article")
    return moved.page.get_absolute_url()


def person_or_redirect(slug: str) -> Person | str:
    """The person, or the URL to answer 301 with when the slug belongs to a merged person."""
    found = Person.objects.filter(slug=slug).first()
    if found is not None:
        return found
    moved = PersonRedirect.objects.select_related("person").filter(old_slug=slug).first()
    if moved is None:
        raise Http404("no such person")
    return moved.person.get_absolute_url()


def _day_cell(day: date, has_issue: bool) -> dict:
    """A calendar day: its number, and the issue's link and spoken date when there is one."""
    if not has_issue:
        return {"day": day.day, "date": day}
    return {"day": day.day, "date": day, "url": links.issue_url(day), "label": f"{day.year}年{day.month}月{day.day}日"}


def calendar_years(open_year: int | None = None) -> list[dict]:
    """Years with their issue counts; the month calendars (weeks of days, a day linked only when
    an issue exists) only for `open_year`, by default the newest: thirty years of month tables
    on one page took seconds to render. Computed once per data version (the year counts group
    every issue: 4 ms at 11 000 issues)."""
    return freshness.cached("calendar", repr(open_year), lambda: _calendar_years(open_year))


def _calendar_years(open_year: int | None) -> list[dict]:
    years = [{"year": year, "count": n, "months": []} for year, n in Issue.objects.count_by_year()]
    if not years:
        return years
    chosen = open_year if open_year in {y["year"] for y in years} else years[0]["year"]
    days = set(Issue.objects.filter(date__year=chosen).values_list("date", flat=True))
    cal = calendar.Calendar(firstweekday=0)
    for entry in years:
        if entry["year"] != chosen:
            continue
        entry["open"] = True
        for month in range(1, 13):
            present = {d for d in days if d.month == month}
            if not present:
                continue
            weeks = [
                [_day_cell(d, d in present) if d.month == month else None for d in week]
                for week in cal.monthdatescalendar(chosen, month)
            ]
            entry["months"].append({"month": month, "ym": (chosen, month), "count": len(present), "weeks": weeks})
    return years


def person_summary(person: Person) -> dict:
    """Counts by role and year, first and last appearance, frequent co-authors: credits joined to
    the articles' own (denormalised) dates, never through pages and issues. Computed once per
    data version (three grouped queries: about half of a prolific reporter's page)."""
    return freshness.cached("person", str(person.pk), lambda: _person_summary(person))


def _person_summary(person: Person) -> dict:
    credits = Credit.objects.filter(person=person).order_by()
    span = credits.aggregate(
        first=Min("article__issue_date"), last=Max("article__issue_date"), n=Count("article_id", distinct=True)
    )
    by_role_year = (
        credits.annotate(year=ExtractYear("article__issue_date"))
        .values("role", "year")
        .annotate(n=Count("id"))
        .order_by("role", "-year")
    )
    table: dict[str, list[dict]] = defaultdict(list)
    for row in by_role_year:
        table[Role(row["role"]).label].append({"year": row["year"], "count": row["n"]})
    coauthors = (
        Person.objects.filter(credits__article__credits__person=person)
        .exclude(pk=person.pk)
        .annotate(n=Count("credits__article", distinct=True))
        .order_by("-n", "name")[:10]
    )
    return {
        "first": span["first"],
        "last": span["last"],
        "articles": span["n"],
        "by_role": dict(table),
        "coauthors": list(coauthors),
    }
