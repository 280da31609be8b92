"""What the browse pages show, as plain dicts and lists: shared by the HTML views and their JSON twins."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date

from django.db.models import Count, Max, Min, Prefetch
from django.db.models.functions import ExtractMonth, ExtractYear, Left
from django.http import Http404
from django.shortcuts import get_object_or_404

from articles import freshness, links
from articles.models import Article, ArticleRedirect, Credit, Issue, Page, Person, PersonRedirect, Role

WEEKDAYS = "一二三四五六日"


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"


def issue_for(day: date) -> Issue:
    return get_object_or_404(Issue.objects.select_related("newspaper").order_by("newspaper_id"), date=day)


def page_for(day: date, label: str, with_raw_text: bool = False) -> Page:
    pages = Page.objects.select_related("issue__newspaper")
    return get_object_or_404(pages if with_raw_text else pages.defer("raw_text"), issue__date=day, label=label)


def article_for(pk: int) -> Article:
    return get_object_or_404(Article.objects.for_listing(), pk=pk)


def article_or_redirect(pk: int) -> Article | str:
    """The article, or the URL of its page when a re-parse removed it (answer 301)."""
    found = Article.objects.for_listing().filter(pk=pk).first()
    if found is not None:
        return found
    moved = ArticleRedirect.objects.select_related("page__issue").filter(old_id=pk).first()
    if moved is None:
        raise Http404("no such article")
    return moved.page.get_absolute_url()


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
    rows = Issue.objects.annotate(y=ExtractYear("date")).values("y").annotate(n=Count("id")).order_by("-y")
    years = [{"year": r["y"], "count": r["n"], "months": []} for r in rows]
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


def year_months(year: int) -> list[dict]:
    """Issue counts per month of one year (for the JSON calendar)."""
    rows = (
        Issue.objects.filter(date__year=year)
        .annotate(m=ExtractMonth("date"))
        .values("m")
        .annotate(n=Count("id"))
        .order_by("m")
    )
    return [{"month": r["m"], "count": r["n"]} for r in rows]


def pages_with_headlines(issue: Issue, first_only: bool = False) -> list[Page]:
    """The issue's pages in order, each with its articles' kicker, headline, credits and the
    opening of the body (three queries; the pages' raw text and the articles' whole bodies,
    the largest things they hold, stay in the database)."""
    credits = Credit.objects.select_related("person").order_by("order", "id")
    articles = (
        Article.objects.only("id", "page_id", "order", "headline", "kicker", "kind")
        .annotate(opening=Left("body", 80))
        .prefetch_related(Prefetch("credits", queryset=credits))
        .order_by("order")
    )
    pages = issue.pages.order_by("sequence", "label").defer("raw_text", "unassigned")
    pages = pages[:1] if first_only else pages
    return list(pages.prefetch_related(Prefetch("articles", queryset=articles)))


def continuation(article: Article) -> Page | None:
    """The page a jump line (下转A2版) points to, when it exists in the same issue."""
    if not article.continued_to:
        return None
    return (
        Page.objects.filter(issue_id=article.page.issue_id, label=article.continued_to)
        .only("id", "label", "issue_id")
        .first()
    )


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


def person_articles(person: Person):
    """The person's articles, newest first: ids from their credits (no DISTINCT over whole rows)."""
    ids = Credit.objects.filter(person=person).values("article_id")
    return (
        Article.objects.filter(pk__in=ids)
        .only("id", "headline", "kicker", "kind", "issue_date", "page_label", "page_id")
        .order_by("-issue_date", "page__sequence", "order", "id")
    )


def person_or_redirect(slug: str) -> Person | str:
    """The person, or the URL to answer 301 with when the slug belongs to a merged person."""
    found = Person.objects.filter(slug=slug).first()
    if found is not None:
        return found
    moved = PersonRedirect.objects.select_related("person").filter(old_slug=slug).first()
    if moved is None:
        raise Http404("no such person")
    return moved.person.get_absolute_url()
