"""Server-rendered browse pages: function views, a queryset method or two, a context dict, render."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.functional import SimpleLazyObject

from articles import browse, citing, freshness
from articles.models import Article, Issue, Page
from articles.numbers import parse_int
from articles.search.snippets import MarkBudget
from articles.search.text import fold
from articles.web import about, calendar_views
from articles.web.paging import requested_page


def _with_twin(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    response["Link"] = (
        f'<{request.build_absolute_uri("/api" + request.path)}>; rel="alternate"; type="application/json"'
    )
    return response


def first_or_404(found: QuerySet) -> Model:
    """The first row (by the queryset's order), or a 404."""
    row = found.first()
    if row is None:
        raise Http404("not in the archive")
    return row


def canonical_label(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """One URL per page: /2020/03/27/a1/ (and its raw/ and /api/ twins) answer 301 to the
    label as stored and printed, A1, the query string kept."""

    @wraps(view)
    def answer(request: HttpRequest, day: date, label: str, **kwargs) -> HttpResponse:
        if label == label.upper():
            return view(request, day, label, **kwargs)
        match = request.resolver_match
        url = reverse(match.view_name, kwargs={**match.kwargs, "label": label.upper()})
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{iri_to_uri(query)}" if query else url)

    return answer


def home(request: HttpRequest) -> HttpResponse:
    latest = Issue.objects.newest()
    front = list(latest.pages.with_headlines()[:1]) if latest else []
    open_year = parse_int(request.GET.get("year"), 1000, 9999)
    # The calendar is rendered once per data version and year (templates/articles/home.html):
    # `years` is only computed when that fragment is not in the cache.
    years = SimpleLazyObject(lambda: browse.calendar_years(open_year))
    context = {
        "latest": latest,
        "front": front[0] if front else None,
        "years": years,
        "on_this_day": about.on_this_day(about.today()),
        "data_version": freshness.data_version(),
        "open_year": open_year,
    }
    return _with_twin(request, render(request, "articles/home.html", context))


def issue(request: HttpRequest, day: date) -> HttpResponse:
    obj = Issue.objects.dated(day).first()
    if obj is None:
        return calendar_views.nothing_printed(request, day, day, browse.chinese_date(day), "一天")
    previous, following = Issue.objects.neighbours(obj)
    context = {
        "issue": obj,
        "title_date": browse.chinese_date(obj.date),
        "pages": list(obj.pages.with_headlines()),
        "previous": previous,
        "following": following,
    }
    return _with_twin(request, render(request, "articles/issue.html", context))


@canonical_label
def page(request: HttpRequest, day: date, label: str) -> HttpResponse:
    obj = first_or_404(Page.objects.at(day, label).without_text())
    all_pages = list(obj.issue.pages.for_navigation())
    previous, following = Page.objects.neighbours(obj, all_pages)
    context = {
        "page": obj,
        "issue": obj.issue,
        "title_date": browse.chinese_date(obj.issue.date),
        "articles": Article.objects.on_page(obj).for_cards(),
        "all_pages": all_pages,
        "previous": previous,
        "following": following,
        # at either end of the issue the reader goes on to the issue before or after it
        "previous_issue": Issue.objects.before(obj.issue) if previous is None else None,
        "next_issue": Issue.objects.after(obj.issue) if following is None else None,
    }
    return _with_twin(request, render(request, "articles/page.html", context))


@canonical_label
def page_raw(request: HttpRequest, day: date, label: str) -> HttpResponse:
    """The page's text exactly as it was ingested."""
    obj = first_or_404(Page.objects.at(day, label))
    return HttpResponse(obj.raw_text, content_type="text/plain; charset=utf-8")


def article(request: HttpRequest, pk: int) -> HttpResponse:
    obj = browse.article_or_redirect(pk)
    if isinstance(obj, str):
        return HttpResponsePermanentRedirect(obj)
    pages = list(obj.page.issue.pages.for_navigation())
    previous, following = Article.objects.neighbours(obj, pages)
    previous_page, next_page = Page.objects.neighbours(obj.page, pages)
    headings = set(obj.section_headings)
    paragraphs = [{"text": p, "heading": p in headings} for p in obj.paragraphs]
    context = {
        "article": obj,
        "page": obj.page,
        "issue": obj.page.issue,
        "title_date": browse.chinese_date(obj.page.issue.date),
        "paragraphs": paragraphs,
        "captions": _captions_beside_body(obj),
        "credits": obj.credits_by_role(),
        "continuation": Page.objects.continuation(obj),
        "previous": previous,
        "following": following,
        **_citing(request, obj),
        "previous_page": previous_page,
        "next_page": next_page,
        "highlight": MarkBudget([fold(t)[:50] for t in request.GET.getlist("hl")[:12] if t.strip()]),
    }
    return _with_twin(request, render(request, "articles/article.html", context))


def _captions_beside_body(obj) -> list[str]:
    """A photo story's text is its caption: printed once, as the body."""
    body = "".join(obj.body.split())
    return [c for c in obj.captions if "".join(c.split()) != body]


def _citing(request: HttpRequest, obj) -> dict:
    ref = citing.reference(obj, request.build_absolute_uri, timezone.localdate())
    issue_url = request.build_absolute_uri(obj.page.issue.get_absolute_url())
    return {
        "citation": citing.gb7714(ref),
        "citation_online": citing.gb7714(ref, online=True),
        "meta_tags": citing.meta_tags(ref),
        "json_ld": citing.json_ld(ref, issue_url),
    }


def person(request: HttpRequest, slug: str) -> HttpResponse:
    obj = browse.person_or_redirect(slug)
    if isinstance(obj, str):
        return HttpResponsePermanentRedirect(obj)
    listing = requested_page(request, Article.objects.by_person(obj).for_rows().newest_first(), 50)
    if isinstance(listing, HttpResponse):
        return listing
    context = {"person": obj, "summary": browse.person_summary(obj), "listing": listing}
    return _with_twin(request, render(request, "articles/person.html", context))
