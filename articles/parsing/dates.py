"""The issue date when the caller gives none: the day after the latest dateline, in the year the
text speaks of as its present.

Which year is the present is weighed from how each year is used: a year named as a target or a
plan (`到2025年`, `备战2024年市场`, `2030年前`) speaks of the future and is no evidence of the
issue's own year; a year named for what happened or is happening is. The issue year is the
latest year of the second kind. A paper talks about last year's results and this year's work,
and only looks past this year with words that say so.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum

from .types import ParsedArticle

YEAR = re.compile(r"(19[5-9]\d|20[0-4]\d)年")
# Words that make the year after them a future one (a target, a plan, a preparation).
FUTURE_BEFORE = re.compile(
    r"(?:(?:(?<!年)到|(?<!年)至|(?<![评成认作])为|力争|争取|预计|计划|将于|将在|备战|迎接|筹备|瞄准|展望|面向|剑指|冲刺)"
    r"|(?:按照|根据)?(?:规划|计划|目标|预计)[，,])\s*$"
)
# What is said to be done already (`到2020年底，全市已建成…`): no target, whatever came before.
DONE_AFTER = re.compile(r"^[^。；！？将要]{0,8}?(已经|已|累计|完成了|共)")
# Words after a year that make it a deadline or a vision.
FUTURE_AFTER = re.compile(r"^(前|以前|底前|年底前|远景|目标|之前)")
MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")


# A year named as the start of what has happened since (`自2016年以来`, `2019年至今`, `于2018年开工`).
PAST_BEFORE = re.compile(r"(于|自|早在)\s*$")
PAST_AFTER = re.compile(r"^(\d{1,2}月)?(至今|以来|开工|建成|投产|成立|建厂|进厂|竣工)")
# A year followed by what will be done in it (`2022年园区将聚焦…`): a plan of the present year;
# set apart as a topic (`2022年，我市将推动…`) it looks ahead to a year to come.
PLAN_AFTER = re.compile(r"^[^。，；！？]{0,6}?将")
AHEAD_AFTER = re.compile(r"^[，,][^。，；！？]{0,6}?将")


class Use(StrEnum):
    """How a year is named."""

    PRESENT = "present"  # what happens or happened, with nothing saying when it stands
    PAST = "past"  # the start of what has happened since
    PLAN = "plan"  # what will be done in it
    FUTURE = "future"  # a target or a deadline


def year_mentions(text: str) -> list[tuple[int, Use]]:
    """(year, how it is used) for every year in the text."""
    out = []
    for m in YEAR.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        before = text[max(0, m.start() - 6) : m.start()].replace("\n", "")
        after = text[m.end() : m.end() + 12].replace("\n", "")
        future = FUTURE_BEFORE.search(before) or FUTURE_AFTER.match(after) or AHEAD_AFTER.match(after)
        if future and not DONE_AFTER.match(after):
            use = Use.FUTURE
        elif PAST_BEFORE.search(before) or PAST_AFTER.match(after):
            use = Use.PAST
        elif PLAN_AFTER.match(after):
            use = Use.PLAN
        else:
            use = Use.PRESENT
        out.append((int(m.group(1)), use))
    return out


def present_year(text: str) -> tuple[int | None, str]:
    """The year the text speaks of as now, and why: the latest year named for what happens, has
    happened or is planned, never a target; with targets only, the earliest of them."""
    mentions = year_mentions(text.replace("\n", ""))  # a year can be wrapped: `2019` / `年完成`
    if not mentions:
        return None, "正文未提及年份"
    by_use: dict[Use, list[int]] = {use: [y for y, u in mentions if u == use] for use in Use}
    named = by_use[Use.PRESENT] + by_use[Use.PLAN] + by_use[Use.PAST]
    if named:
        year = max(named)
        return year, f"正文中作为当前、已发生或本年计划的最晚年份为{year}年"
    year = min(by_use[Use.FUTURE])
    return year, f"正文只以目标提及年份，取最早的{year}年"


def _last_day(dateline: str) -> tuple[int, int] | None:
    """The last day of a dateline: `6月2日至3日` -> (6, 3)."""
    days = re.findall(r"(?:(\d{1,2})月)?(\d{1,2})日", dateline)
    if not days:
        return None
    month = None
    for m, _ in days:
        month = int(m) if m else month
    return (month, int(days[-1][1])) if month else None


def _across_new_year(candidates: list[tuple[int, int, str]]):
    """Order datelines by day; when December and January are both named, January comes after."""
    wraps = any(m == 12 for m, _, _ in candidates) and any(m == 1 for m, _, _ in candidates)
    return lambda c: (c[0] + 12 if wraps and c[0] <= 2 else c[0], c[1])


def infer_issue_date(articles: list[ParsedArticle], text: str) -> tuple[date | None, str]:
    """(date, evidence in Chinese). A daily reports yesterday's events: the paper is dated the day
    after the latest dateline (株洲日报讯 3月26日, 新华社北京3月26日电); without datelines, the
    day after the latest date opening an article's body."""
    year, year_why = present_year(text)
    if year is None:
        return None, year_why
    candidates: list[tuple[int, int, str]] = []
    for art in articles:
        day = _last_day(art.dateline) if art.dateline else None
        if day:
            candidates.append((*day, f"电头“{art.dateline}”"))
    if not candidates:
        for art in articles:
            m = MONTH_DAY.search(art.body[:40])
            if m:
                candidates.append(
                    (int(m.group(1)), int(m.group(2)), f"“{art.headline or '一篇报道'}”开头的日期{m.group(0)}")
                )
    if not candidates:
        return None, f"{year_why}，但没有电头给出日期"
    month, day, why = max(candidates, key=_across_new_year(candidates))
    try:
        event = date(year, month, day)
    except ValueError:
        return None, f"{why}在{year}年不是有效日期"
    return event + timedelta(days=1), f"最晚的{why}的次日（共{len(candidates)}处日期）；{year_why}"
