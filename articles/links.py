"""Links to issues, pages and articles, built from a pattern reversed once per process.

An issue page holds a hundred such links, and Django's reverse() costs about 25 µs each
(2-3 ms of the page); the pattern still comes from the URLconf, so it cannot drift from it.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from django.urls import reverse

from articles.converters import YearMonthDayConverter

_DAY = date(1111, 11, 11)
_SAMPLES = {"day": (_DAY, "1111/11/11"), "label": ("ZZ987", "ZZ987"), "pk": (987654321, "987654321")}
_ymd = YearMonthDayConverter().to_url


@cache
def _pattern(name: str, *keys: str) -> str:
    return reverse(name, kwargs={k: _SAMPLES[k][0] for k in keys})


def article_url(pk: int) -> str:
    return _pattern("articles:article", "pk").replace(_SAMPLES["pk"][1], str(int(pk)))


def issue_url(day: date) -> str:
    return _pattern("articles:issue", "day").replace(_SAMPLES["day"][1], _ymd(day))


def page_url(day: date, label: str) -> str:
    # labels are ASCII letters and digits (PageLabelConverter): nothing to quote
    return _pattern("articles:page", "day", "label").replace(_SAMPLES["day"][1], _ymd(day)).replace(_SAMPLES["label"][1], label)
