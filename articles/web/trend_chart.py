"""The trend chart: grouped SVG bars per year, one colour per series, each bar a link to the
search of that year; the title and the unit names a reader sees."""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from articles.search.trend import Series

COLOURS = ["#9b1b1b", "#0b4f8a", "#2e7d32", "#6a3d9a"]  # AA contrast on white
UNITS = ("per_10000", "count")


def unit_from(value: str | None) -> str:
    """The unit asked for (unit=), hits per 10 000 articles unless raw counts are."""
    return value if value in UNITS else "per_10000"


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
