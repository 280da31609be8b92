"""Hits per year of up to four queries, as shares of the year's articles, and their SVG chart.

A year with more pages always has more hits, so the chart plots hits per 10 000 articles of
that year (under the same filters) by default, raw counts as an option; every year from the
first to the last article in range is listed, years without a hit (or without an article)
included."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from articles import freshness
from articles.search.query import Query

COLOURS = ["#9b1b1b", "#0b4f8a", "#2e7d32", "#6a3d9a"]  # AA contrast on white
UNITS = ("per_10000", "count")


@dataclass
class Series:
    query: str
    counts: dict[int, int]

    def rows(self, years: list[int], totals: dict[int, int]) -> list[dict]:
        return [
            {
                "year": y,
                "count": self.counts.get(y, 0),
                "articles": totals.get(y, 0),
                "per_10000": round(10_000 * self.counts.get(y, 0) / totals[y], 1) if totals.get(y) else 0.0,
            }
            for y in years
        ]


def year_counts(query: Query, base: QuerySet) -> dict[int, int]:
    """Hits per year: the year facet (cached per data version with the other facets)."""
    from articles.search.results import facets

    return {r["value"]: r["count"] for r in facets(query, base)["year"]}


def articles_per_year(base: QuerySet) -> dict[int, int]:
    """Articles per year under the filters (the date index alone), cached per data version."""

    def compute() -> dict[int, int]:
        rows = base.order_by().annotate(y=ExtractYear("issue_date")).values("y").annotate(n=Count("id"))
        return {r["y"]: r["n"] for r in rows if r["y"] is not None}

    return freshness.cached("years", str(base.query), compute)


def year_range(series: list[Series], totals: dict[int, int]) -> list[int]:
    known = set(totals) | {y for s in series for y in s.counts}
    return list(range(min(known), max(known) + 1)) if known else []


def title(series: list[Series]) -> str:
    return "与".join(f"“{s.query}”" for s in series) + "的年度趋势"


def bar_chart(
    series: list[Series], years: list[int], totals: dict[int, int], unit: str, link: dict[str, str]
) -> SafeString:
    """Grouped bars, one group per year, one bar per series; each bar links to the search of
    that year (`link`: the query string without year). Labels 12 px at scale 1: the chart
    scrolls sideways on a narrow screen rather than shrinking its text."""
    if not years:
        return mark_safe("")  # noqa: S308 - an empty string
    legend_w = sum(16 + 13 * len(s.query[:24]) + 16 for s in series)
    width, height = max(360, 64 + legend_w, 56 + 44 * len(years) * max(1, len(series) // 2)), 260
    left, bottom, top_pad = 56, 30, 40
    plot_h = height - bottom - top_pad
    rows = [s.rows(years, totals) for s in series]
    key = "per_10000" if unit == "per_10000" else "count"
    top = max((r[key] for rs in rows for r in rs), default=0) or 1
    group = (width - left - 8) / len(years)
    bar = max(2.0, group * 0.8 / len(series))
    bars = []
    for s, (one, rs) in enumerate(zip(series, rows, strict=True)):
        for i, r in enumerate(rs):
            h = plot_h * r[key] / top
            x = left + i * group + group * 0.1 + s * bar
            value = f"{r['per_10000']} 篇/万篇（{r['count']} 篇）" if key == "per_10000" else f"{r['count']} 篇"
            href = "/search/?" + urlencode({"q": one.query, **link, "year": r["year"]})
            y = height - bottom - h
            bars.append(
                (
                    href,
                    f"{x:.1f}",
                    f"{y:.1f}",
                    f"{bar:.1f}",
                    f"{max(h, 0.0):.1f}",
                    COLOURS[s],
                    f"{one.query} {r['year']}年：{value}",
                )
            )
    rects = format_html_join(
        "", '<a href="{}"><rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect></a>', bars
    )
    step = max(1, len(years) // 12)
    ticks = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="12" text-anchor="middle">{}</text>',
        ((f"{left + i * group + group / 2:.1f}", height - 10, y) for i, y in enumerate(years) if i % step == 0),
    )
    axis = format_html(
        '<text x="4" y="{}" font-size="12">{}</text><text x="4" y="{}" font-size="12">0</text>'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#555"/>',
        top_pad + 4,
        f"{top:g}",
        height - bottom,
        left,
        height - bottom,
        width - 8,
        height - bottom,
    )
    keys, x = [], left
    for k, s in enumerate(series):
        label = s.query[:24]
        keys.append((x, COLOURS[k], x + 16, label))
        x += 16 + 13 * len(label) + 16  # 12 px characters, then a gap
    legend = format_html_join(
        "", '<rect x="{}" y="8" width="12" height="12" fill="{}"/><text x="{}" y="19" font-size="12">{}</text>', keys
    )
    name = "每万篇文章中的命中篇数" if key == "per_10000" else "命中篇数"
    return format_html(
        '<svg class="trend" width="{}" height="{}" viewBox="0 0 {} {}" role="group" aria-labelledby="trend-title">'
        '<title id="trend-title">{}：{}</title>{}{}{}{}</svg>',
        width, height, width, height, title(series), name, legend, axis, rects, ticks,
    )  # fmt: skip
