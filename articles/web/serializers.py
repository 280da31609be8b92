"""Explicit JSON shapes for the API twins: plain dicts, documented keys, no hidden fields."""

from __future__ import annotations

from django.http import HttpRequest

from articles.models import Article, Issue, Page, Person
from articles.parsing import Role


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def issue_ref(request: HttpRequest, issue: Issue | None) -> dict | None:
    if issue is None:
        return None
    return {
        "date": issue.date.isoformat(),
        "url": absolute(request, issue.get_absolute_url()),
        "api": absolute(request, "/api" + issue.get_absolute_url()),
    }


def page_ref(request: HttpRequest, page: Page | None) -> dict | None:
    if page is None:
        return None
    url = page.get_absolute_url()
    return {"label": page.label, "url": absolute(request, url), "api": absolute(request, "/api" + url)}


def article_ref(request: HttpRequest, article: Article | None) -> dict | None:
    if article is None:
        return None
    url = article.get_absolute_url()
    return {
        "id": article.pk,
        "headline": article.headline,
        "kicker": article.kicker or None,
        "kind": article.kind,
        "url": absolute(request, url),
        "api": absolute(request, "/api" + url),
    }


def person_ref(request: HttpRequest, person: Person) -> dict:
    url = person.get_absolute_url()
    return {
        "name": person.name,
        "slug": person.slug,
        "url": absolute(request, url),
        "api": absolute(request, "/api" + url),
    }


def article_full(request: HttpRequest, article: Article) -> dict:
    """The parse contract's article keys, plus ids, links and the printed furniture."""
    names: dict[str, list[str]] = {role.plural: [] for role in Role}
    credits = []
    for credit in article.credit_list():
        names[Role(credit.role).plural].append(credit.person.name)
        credits.append({"role": credit.role, **person_ref(request, credit.person)})
    page = article.page
    return {
        **article_ref(request, article),
        "date": page.issue.date.isoformat(),
        "newspaper": page.issue.newspaper.name,
        "page": page_ref(request, page),
        "order": article.order,
        "subheadline": article.subheadline or None,
        **names,
        "credits": credits,
        "source": article.source or None,
        "dateline": article.dateline or None,
        "lead": article.lead or None,
        "body": article.body,
        "section_headings": article.section_headings,
        "captions": article.captions,
        "tables": article.tables,
        "continued_to": article.continued_to or None,
        "edited_fields": article.edited_fields,
    }
