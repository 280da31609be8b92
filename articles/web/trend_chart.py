"""The trend chart: grouped SVG bars per year, one colour per series, each bar a link to the
search of that year; the title and the unit names a reader sees."""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from articles.search.trend import Series

COLOURS = ["#9b1b1b", "#0b4f8a", "#2e7d32", "#6a3d9a"]  # AA contrast on white
UNITS = ("per_10000", "count")
MIN_WIDTH = 320  # fits a 360 px phone beside the page's margins: a few years never scroll
CHAR = 13  # px a 12 px legend character takes, at most (a Chinese one, with its spacing)
SWATCH, GAP, ROW = 16, 16, 18  # a legend key's colour square and text start, the gap after it, a row's height


def unit_from(value: str | None) -> str:
    """The unit asked for (unit=), hits per 10 000 articles unless raw counts are."""
    return value if value in UNITS else "per_10000"


def title(series: list[Series]) -> str:
    return "与".join(f"“{s.query}”" for s in series) + "的年度趋势"


def _legend(series: list[Series], width: int) -> tuple[list[tuple], int]:
    """A key per series (square x, y, colour, text x, y, label), in rows that wrap inside the
    chart's width: a long name makes the legend taller, never the chart wider (it used to, and
    pushed the last year out of sight on a phone). Names longer than a row are cut with "…"."""
    most = min(24, (width - 8 - SWATCH - GAP) // CHAR)
    keys, x, line = [], 8, 0
    for k, s in enumerate(series):
        label = s.query if len(s.query) <= most else s.query[: most - 1] + "…"
        size = SWATCH + CHAR * len(label)
        if x > 8 and x + size > width - 8:
            x, line = 8, line + 1
        keys.append((x, 8 + ROW * line, COLOURS[k], x + SWATCH, 19 + ROW * line, label))
        x += size + GAP
    return keys, line + 1


def bar_chart(
    series: list[Series], years: list[int], totals: dict[int, int], unit: str, link: dict[str, str]
) -> SafeString:
    """Grouped bars, one group per year, one bar per series; each bar links to the search of
    that year (`link`: the query string without year). Labels 12 px at scale 1: the chart
    scrolls sideways on a narrow screen rather than shrinking its text."""
    if not years:
        return mark_safe("")  # noqa: S308 - an empty string
    width = max(MIN_WIDTH, 56 + 44 * len(years) * max(1, len(series) // 2))  # the years decide, not the legend
    keys, lines = _legend(series, width)
    left, bottom, top_pad = 56, 30, 40 + ROW * (lines - 1)
    height = 260 + ROW * (lines - 1)
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
    legend = format_html_join(
        "", '<rect x="{}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}" font-size="12">{}</text>', keys
    )
    name = "每万篇文章中的命中篇数" if key == "per_10000" else "命中篇数"
    return format_html(
        '<svg class="trend" width="{}" height="{}" viewBox="0 0 {} {}" role="group" aria-labelledby="trend-title">'
        '<title id="trend-title">{}：{}</title>{}{}{}{}</svg>',
        width, height, width, height, title(series), name, legend, axis, rects, ticks,
    )  # fmt: skip
