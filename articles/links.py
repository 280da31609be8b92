"""Links to issues, pages and articles, built from a pattern reversed once per process.

An issue page holds a hundred such links, and Django's reverse() costs about 25 µs each
(2-3 ms of the page); the pattern still comes from the URLconf, so it cannot drift from it.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from django.urls import reverse

from articles.converters import YearMonthDayConverter

# Sample values whose text stands for the real one in the reversed pattern.
_DAY, _LABEL, _PK = date(1111, 11, 11), "ZZ987", 987654321
_ymd = YearMonthDayConverter().to_url


@cache
def _pattern(name: str, **samples: object) -> str:
    return reverse(name, kwargs=samples)


def article_url(pk: int) -> str:
    return _pattern("articles:article", pk=_PK).replace(str(_PK), str(int(pk)))


def issue_url(day: date) -> str:
    return _pattern("articles:issue", day=_DAY).replace(_ymd(_DAY), _ymd(day))


def page_url(day: date, label: str) -> str:
    # labels are ASCII letters and digits (PageLabelConverter): nothing to quote
    return _pattern("articles:page", day=_DAY, label=_LABEL).replace(_ymd(_DAY), _ymd(day)).replace(_LABEL, label)
