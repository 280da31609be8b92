"""JSON twins of the browse pages: same URL shape under /api/, same data, one error shape."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone

from articles import browse, citing, links
from articles.models import Article, Issue, Page
from articles.web import about
from articles.web.paging import requested_page
from articles.web.serializers import absolute, article_full, article_ref, issue_ref, page_ref, person_ref
from articles.web.views import canonical_label, first_or_404


def _json(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def home(request: HttpRequest) -> JsonResponse:
    latest = Issue.objects.newest()
    years = [
        {"year": y["year"], "count": y["count"], "months": year_months(y["year"])}
        for y in browse.calendar_years(open_year=-1)
    ]
    earlier = [
        {
            **issue_ref(request, i),
            "pages": i.page_count or 0,
            "lead": {
                "id": i.lead_id,
                "headline": i.lead_headline,
                "url": absolute(request, links.article_url(i.lead_id)),
            }
            if i.lead_id
            else None,
        }
        for i in about.on_this_day(about.today())
    ]
    return _json({"latest": issue_ref(request, latest), "years": years, "on_this_day": earlier})


def year_months(year: int) -> list[dict]:
    return [{"month": month, "count": n} for month, n in Issue.objects.count_by_month(year)]


def issue(request: HttpRequest, day: date) -> JsonResponse:
    obj = first_or_404(Issue.objects.dated(day))
    previous, following = Issue.objects.neighbours(obj)
    pages = [
        {
            **page_ref(request, p),
            "section": p.section or None,
            "articles": [article_ref(request, a) for a in p.article_rows],
        }
        for p in obj.pages.with_headlines()
    ]
    return _json(
        {
            "date": obj.date.isoformat(),
            "newspaper": obj.newspaper.name,
            "number": obj.number,
            "date_inferred": obj.date_inferred,
            "date_evidence": obj.date_evidence,
            "pages": pages,
            "previous": issue_ref(request, previous),
            "next": issue_ref(request, following),
        }
    )


@canonical_label
def page(request: HttpRequest, day: date, label: str) -> HttpResponse:
    obj = first_or_404(Page.objects.at(day, label).without_text())
    previous, following = Page.objects.neighbours(obj)
    previous_issue = Issue.objects.before(obj.issue) if previous is None else None
    next_issue = Issue.objects.after(obj.issue) if following is None else None
    articles = Article.objects.on_page(obj).for_cards()
    return _json(
        {
            **page_ref(request, obj),
            "date": obj.issue.date.isoformat(),
            "section": obj.section or None,
            "file_name": obj.file_name,
            "format": obj.source_format,
            "sha256": obj.sha256,
            "parser_version": obj.parser_version,
            "articles": [article_full(request, a) for a in articles],
            "unassigned": obj.unassigned,
            "previous": page_ref(request, previous),
            "next": page_ref(request, following),
            "previous_issue": issue_ref(request, previous_issue),
            "next_issue": issue_ref(request, next_issue),
        }
    )


def article(request: HttpRequest, pk: int) -> JsonResponse:
    obj = browse.article_or_redirect(pk)
    if isinstance(obj, str):
        return HttpResponsePermanentRedirect("/api" + obj)
    pages = list(obj.page.issue.pages.for_navigation())
    previous, following = Article.objects.neighbours(obj, pages)
    previous_page, next_page = Page.objects.neighbours(obj.page, pages)
    ref = citing.reference(obj, request.build_absolute_uri, timezone.localdate())
    issue_url = request.build_absolute_uri(obj.page.issue.get_absolute_url())
    cite = {
        fmt: request.build_absolute_uri(reverse(f"articles:cite_{fmt}", kwargs={"pk": obj.pk}))
        for fmt in ("ris", "bib", "json")
    }
    return _json(
        {
            **article_full(request, obj),
            "previous": article_ref(request, previous),
            "next": article_ref(request, following),
            "previous_page": page_ref(request, previous_page),
            "next_page": page_ref(request, next_page),
            "citation": {
                "gb7714": citing.gb7714(ref),
                "gb7714_online": citing.gb7714(ref, online=True),
                "ris": cite["ris"],
                "bibtex": cite["bib"],
                "csl_json": cite["json"],
            },
            "jsonld": citing.json_ld(ref, issue_url, body=obj.body),
        }
    )


def person(request: HttpRequest, slug: str) -> HttpResponse:
    obj = browse.person_or_redirect(slug)
    if isinstance(obj, str):
        return HttpResponsePermanentRedirect("/api" + obj)
    summary = browse.person_summary(obj)
    listing = requested_page(request, Article.objects.by_person(obj).for_rows().newest_first(), 50)
    if isinstance(listing, HttpResponse):
        return listing
    base = request.build_absolute_uri(request.path)
    return _json(
        {
            **person_ref(request, obj),
            "aliases": obj.aliases,
            "first": summary["first"].isoformat() if summary["first"] else None,
            "last": summary["last"].isoformat() if summary["last"] else None,
            "articles_count": summary["articles"],
            "by_role": summary["by_role"],
            "coauthors": [{**person_ref(request, p), "articles": p.n} for p in summary["coauthors"]],
            "articles": [
                {
                    **article_ref(request, a),
                    "date": a.issue_date.isoformat() if a.issue_date else None,
                    "page": a.page_label,
                }
                for a in listing
            ],
            "next": f"{base}?p={listing.next_page_number()}" if listing.has_next() else None,
            "previous": f"{base}?p={listing.previous_page_number()}" if listing.has_previous() else None,
        }
    )
