"""Links that steer a search: chips for the active filters (each removes itself) and facet
values that add themselves, or, when already chosen, are marked and remove themselves; the
labels facet values are shown with (2020年, A1版, a kind's Chinese name, a person's name)."""

from __future__ import annotations

from django.http import QueryDict

from articles.models import ArticleKind, Person
from articles.search.facets import Facets

LABELS = {
    "date_from": "起始", "date_to": "截止", "year": "年份", "month": "月份", "page": "版次",
    "person": "人物", "source": "来源", "kind": "体裁",
}  # fmt: skip
FACETS = ("year", "page", "person", "source", "kind")


def _without(params: QueryDict, name: str, value: str) -> str:
    out = params.copy()
    out.pop("p", None)
    out.setlist(name, [v for v in out.getlist(name) if v != value])
    return out.urlencode()


def _with(params: QueryDict, name: str, value: str) -> str:
    out = params.copy()
    out.pop("p", None)
    out.setlist(name, [*out.getlist(name), value])
    return out.urlencode()


def _display(name: str, value: str) -> str:
    if name == "kind":
        return dict(ArticleKind.choices).get(value, value)
    if name == "person":
        person = Person.objects.filter(slug=value).only("name").first()
        return person.name if person else value
    return value


def chips(params: QueryDict) -> list[dict]:
    """One chip per active filter value: its label and the query string without it."""
    return [
        {"label": f"{LABELS[name]}：{_display(name, v)}", "query": _without(params, name, v)}
        for name in LABELS
        for v in params.getlist(name)
        if v.strip()
    ]


def _label(name: str, value: int | str, facets: Facets) -> str:
    if name == "year":
        return f"{value}年"
    if name == "page":
        return f"{value}版"
    if name == "kind":
        return dict(ArticleKind.choices).get(str(value), str(value))
    if name == "person":
        return facets.people.get(str(value), str(value))
    return str(value)


def labelled(facets: Facets) -> dict[str, list[dict]]:
    """The facets as shown and served: {"value", "label", "count"} rows per facet."""
    return {
        name: [{"value": v, "label": _label(name, v, facets), "count": n} for v, n in rows]
        for name, rows in facets.counts.items()
    }


def facet_links(facets: dict, params: QueryDict) -> dict:
    """The facets with each row's link: add the value, or (chosen) remove it."""
    out = {}
    for name in FACETS:
        chosen = set(params.getlist(name))
        rows = []
        for row in facets.get(name, []):
            value = str(row["value"])
            on = value in chosen or (name == "page" and value.upper() in {c.upper() for c in chosen})
            rows.append(
                {**row, "chosen": on, "query": _without(params, name, value) if on else _with(params, name, value)}
            )
        out[name] = rows
    return out
