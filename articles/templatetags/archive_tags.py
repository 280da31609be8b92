"""Template filters: search terms highlighted in escaped text; dates and places of the links that lead on."""

from __future__ import annotations

from datetime import date

from django import template
from django.http import HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.browse import chinese_date
from articles.citing import json_ld_script_text
from articles.models import Article
from articles.search.snippets import MarkBudget, mark

register = template.Library()


@register.filter
def highlight(text: str, terms: list[str] | MarkBudget) -> SafeString:
    if not terms:
        return escape(text)
    return terms.mark(str(text)) if isinstance(terms, MarkBudget) else mark(str(text), terms)


@register.simple_tag
def canonical_url(request: HttpRequest) -> str:
    """The page itself: its path, and its listing page number past the first; no highlighting,
    filters or tracking parameters (they say how the reader came, not what the page is)."""
    page = request.GET.get("p", "")
    keep = f"?p={page}" if page.isascii() and page.isdigit() and int(page) > 1 else ""
    return request.build_absolute_uri(request.path) + keep


@register.filter
def day_from(day: date, here: date) -> str:
    """6月16日 星期五 beside an issue of the same year, 2022年6月15日 星期三 otherwise: a
    上一期 link must never look like the same day of another year."""
    text = chinese_date(day)
    return text.split("年", 1)[1] if day.year == here.year else text


@register.simple_tag
def where_from(article: Article, here: Article) -> str:
    """What a 上一篇/下一篇 link says about its place: nothing on the same page, the page label
    on another page, the date and page in another issue (with the year when it differs, so the
    link never looks like the same day of another year)."""
    if article.page_id == here.page_id:
        return ""
    day = article.issue_date
    if day != here.issue_date:
        year = f"{day.year}年" if day.year != here.issue_date.year else ""
        return f"（{year}{day.month}月{day.day}日 {article.page_label}版）"
    return f"（{article.page_label}版）"


@register.filter
def year_month(day: date) -> tuple[int, int]:
    """The value the month URL takes: {% url 'articles:month' ym=day|year_month %}."""
    return day.year, day.month


@register.filter
def script_json(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json">: <, > and & escaped as \\u003C…, so no
    stored text can close the element (the escapes of Django's json_script)."""
    return mark_safe(json_ld_script_text(data))  # noqa: S308 - escaped above for the script context
