"""`?p=` on the paged browse views (a person's articles, HTML and JSON): a page past the last is a
404 that says how many pages there are, as the style guide asks, so a script that walks ?p=1, 2…
stops and a stale link is not answered with an empty listing or another page's articles under
its number. What is no page number at all (absent, 0, ²) is the first page, as it always was."""

from __future__ import annotations

import re

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse

from articles.numbers import parse_int
from articles.web import errors

DIGITS = re.compile(r"[0-9]+")


def requested_page(request: HttpRequest, items, per_page: int) -> Page | HttpResponse:
    """The page of `items` that ?p= asks for, or the 404 to answer."""
    value = request.GET.get("p", "")
    paginator = Paginator(items, per_page)
    if not DIGITS.fullmatch(value):
        return paginator.page(1)
    number = parse_int(value)  # None past 18 digits
    if number is not None and number <= paginator.num_pages:
        return paginator.page(max(number, 1))
    shown = f"没有第 {number} 页" if number is not None else "页码太大"
    return errors.respond(request, 404, f"{shown}：共 {paginator.num_pages} 页")
