"""A term's hits per year, and a server-rendered SVG bar chart of up to four series."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from articles.search.query import Query

COLOURS = ["#9b1b1b", "#0b4f8a", "#2e7d32", "#6a3d9a"]  # AA contrast on white


def year_counts(query: Query, base: QuerySet) -> dict[int, int]:
    """Hits per year: the year facet (cached per data version with the other facets)."""
    from articles.search.results import facets

    return {r["value"]: r["count"] for r in facets(query, base)["year"]}


def bar_chart(series: list[tuple[str, dict[int, int]]], width: int = 720, height: int = 240) -> SafeString:
    """Grouped bars: one group per year, one bar per series; every label escaped."""
    years = sorted({y for _, counts in series for y in counts})
    if not years:
        return mark_safe("")  # noqa: S308 - an empty string
    years = list(range(years[0], years[-1] + 1))
    top = max((n for _, counts in series for n in counts.values()), default=1) or 1
    left, bottom, plot_h = 44, 28, height - 48
    group = (width - left - 8) / len(years)
    bar = max(1.0, group * 0.8 / len(series))
    bars = []
    for s, (label, counts) in enumerate(series):
        for i, year in enumerate(years):
            n = counts.get(year, 0)
            h = plot_h * n / top
            x = left + i * group + group * 0.1 + s * bar
            bars.append((f"{x:.1f}", f"{height - bottom - h:.1f}", f"{bar:.1f}", f"{h:.1f}", COLOURS[s], f"{label} {year}年：{n} 篇"))
    rects = format_html_join("", '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>', bars)
    step = max(1, len(years) // 10)
    ticks = format_html_join("", '<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text>',
                             ((f"{left + i * group + group / 2:.1f}", height - 10, y) for i, y in enumerate(years) if i % step == 0))
    axis = format_html('<text x="4" y="{}" font-size="11">{}</text><text x="4" y="{}" font-size="11">0</text>'
                       '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#555"/>',
                       20, top, height - bottom, left, height - bottom, width - 8, height - bottom)
    legend = format_html_join("", '<rect x="{}" y="2" width="10" height="10" fill="{}"/><text x="{}" y="11" font-size="11">{}</text>',
                              ((left + 8 + k * 150, COLOURS[k], left + 22 + k * 150, label[:16]) for k, (label, _) in enumerate(series)))
    return format_html('<svg class="trend" viewBox="0 0 {} {}" role="img" aria-labelledby="trend-title">'
                       '<title id="trend-title">各年命中篇数</title>{}{}{}{}</svg>', width, height, legend, axis, rects, ticks)


def table_rows(series: list[tuple[str, dict[int, int]]]) -> list[tuple[int, list[int]]]:
    years = sorted({y for _, counts in series for y in counts})
    return [(y, [counts.get(y, 0) for _, counts in series]) for y in years]
