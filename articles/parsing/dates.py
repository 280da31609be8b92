"""The issue date when the caller gives none: the day after the latest dateline, in the latest year named."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from .types import ParsedArticle

YEAR = re.compile(r"(?<![到至\d])(19[5-9]\d|20[0-4]\d)年(?!前|以前|底前)")
MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")


def infer_issue_date(articles: list[ParsedArticle], text: str) -> tuple[date | None, str]:
    """(date, evidence). A daily reports yesterday's events: the paper is dated the day after
    the latest dateline (株洲日报讯 3月26日, 新华社北京3月26日电); without datelines, the day after
    the latest date opening an article's body."""
    years = Counter(int(y) for y in YEAR.findall(text))
    if not years:
        return None, "no year is named in the text"
    year = max(years)
    candidates: list[tuple[int, int, str]] = []
    for art in articles:
        for source in filter(None, [art.dateline]):
            m = MONTH_DAY.search(source)
            if m:
                candidates.append((int(m.group(1)), int(m.group(2)), f"dateline {source}"))
    kind = "datelines"
    if not candidates:
        kind = "dates opening the articles"
        for art in articles:
            m = MONTH_DAY.search(art.body[:40])
            if m:
                candidates.append((int(m.group(1)), int(m.group(2)), f"date {m.group(0)} in {art.headline or 'an article'}"))
    if not candidates:
        return None, f"year {year} is named but no dateline gives the day"
    month, day, why = max(candidates)
    try:
        event = date(year, month, day)
    except ValueError:
        return None, f"{why} is not a real date in {year}"
    return event + timedelta(days=1), f"latest of {len(candidates)} {kind}: {why}; year {year}, the latest named"
