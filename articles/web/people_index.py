"""/people/ and its JSON twin: everyone credited, grouped by the pinyin initial of the name
(pypinyin), with article counts and roles, filtered by name, pinyin or role."""

from __future__ import annotations

from functools import cached_property

from django import forms
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from pypinyin import lazy_pinyin

from articles import freshness
from articles.models import Person, Role
from articles.search.query import simplified
from articles.search.text import fold
from articles.web.errors import json_error

# Surnames read otherwise than the character's commonest reading (曾 zēng, not céng).
SURNAMES = {
    "曾": "zeng",
    "单": "shan",
    "区": "ou",
    "仇": "qiu",
    "查": "zha",
    "解": "xie",
    "朴": "piao",
    "覃": "qin",
    "盖": "ge",
    "乐": "yue",
    "缪": "miao",
    "翟": "zhai",
    "种": "chong",
    "召": "shao",
    "尉": "yu",
    "员": "yun",
}


def name_pinyin(name: str) -> list[str]:
    """Syllables of a name, its surname read as a surname; characters without a reading kept."""
    syllables = lazy_pinyin(name[1:]) if name[:1] in SURNAMES else lazy_pinyin(name)
    return [SURNAMES[name[0]], *syllables] if name[:1] in SURNAMES else syllables


def _entry(person: Person) -> dict:
    syllables = [s.lower() for s in name_pinyin(person.name)]
    first = syllables[0][:1].upper() if syllables else ""
    return {
        "name": person.name,
        "slug": person.slug,
        "url": person.get_absolute_url(),
        "articles": person.articles,
        "roles": [r for r in Role.values if r in person.roles],
        "pinyin": " ".join(syllables),
        "initials": "".join(s[:1] for s in syllables),
        "initial": first if "A" <= first <= "Z" else "#",
        "folded": fold(simplified(person.name)),  # 羅欣 typed finds 罗欣 printed, and back
    }


def everyone() -> list[dict]:
    """Every credited person in pinyin order, computed once per data version."""
    return freshness.cached(
        "people-index",
        "",
        lambda: sorted(
            (_entry(p) for p in Person.objects.credited()), key=lambda e: (e["initial"] == "#", e["pinyin"], e["name"])
        ),
    )


class PeopleFilter(forms.Form):
    q = forms.CharField(label="姓名或拼音", required=False, max_length=50)
    role = forms.ChoiceField(label="角色", required=False, choices=[("", "全部"), *Role.choices])

    @cached_property
    def wanted(self) -> tuple[str, str]:
        """The name or pinyin typed (folded, no spaces), and its simplified form (羅欣 -> 罗欣)."""
        q = fold(self.cleaned_data["q"]).strip().replace(" ", "")
        return q, fold(simplified(q)) if q else ""

    def matches(self, entry: dict) -> bool:
        q, simple = self.wanted
        role = self.cleaned_data["role"]
        if role and role not in entry["roles"]:
            return False
        return (
            not q
            or q in entry["name"].lower()
            or simple in entry["folded"]
            or entry["initials"].startswith(q)
            or entry["pinyin"].replace(" ", "").startswith(q)
        )


def _listing(request: HttpRequest) -> tuple[PeopleFilter, list[dict] | None]:
    form = PeopleFilter(request.GET)
    if not form.is_valid():
        return form, None
    return form, [e for e in everyone() if form.matches(e)]


def _groups(people: list[dict]) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for entry in people:
        groups.setdefault(entry["initial"], []).append(entry)
    labels = dict(Role.choices)
    for entries in groups.values():
        for e in entries:
            e["role_labels"] = "、".join(labels[r] for r in e["roles"])
    return [{"letter": k, "anchor": "other" if k == "#" else k, "people": v} for k, v in groups.items()]


def people(request: HttpRequest) -> HttpResponse:
    form, found = _listing(request)
    errors = [f"{form.fields[k].label}：{m}" for k, ms in form.errors.items() for m in ms]
    context = {"form": form, "errors": errors, "groups": _groups(found or []), "total": len(found or [])}
    return render(request, "articles/people.html", context, status=400 if found is None else 200)


def people_api(request: HttpRequest) -> JsonResponse:
    form, found = _listing(request)
    if found is None:
        return json_error("；".join(f"{form.fields[k].label}：{m}" for k, ms in form.errors.items() for m in ms), 400)
    rows = [
        {
            "name": e["name"],
            "slug": e["slug"],
            "url": request.build_absolute_uri(e["url"]),
            "api": request.build_absolute_uri("/api" + e["url"]),
            "articles": e["articles"],
            "roles": e["roles"],
            "initial": e["initial"],
            "pinyin": e["pinyin"],
        }
        for e in found
    ]
    return JsonResponse({"count": len(rows), "people": rows}, json_dumps_params={"ensure_ascii": False})
