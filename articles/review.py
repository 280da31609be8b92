"""Where staff look first: pages by their weakest article, and people who may be one person
(or no person at all)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from articles.models import Credit, Page, Person

UNIT = re.compile(r"(供图|供稿|医院|公司|集团|中心|学校|大学|委员会|办公室|协会|政府|[局院所站队部厅])$")
MAX_PEOPLE = 5000  # names compared pairwise through buckets; beyond this the queue shows the first ones


@dataclass
class Pair:
    first: Person
    second: Person
    why: str


def page_counts() -> tuple[int, int]:
    """(reviewed, left)."""
    reviewed = Page.objects.filter(reviewed_at__isnull=False).count()
    return reviewed, Page.objects.count() - reviewed


def weakest_pages(limit: int = 50) -> list[Page]:
    return list(Page.objects.filter(reviewed_at__isnull=True).for_review()[:limit])


def not_people(limit: int = 50) -> list[Person]:
    """Names that read like a unit (市一医院, …供图), still counted as people."""
    people = Person.objects.filter(is_person=True, credits__isnull=False).distinct().order_by("name")
    return [p for p in people.only("id", "name", "slug")[:MAX_PEOPLE] if UNIT.search(p.name)][:limit]


def duplicate_people(limit: int = 50) -> list[Pair]:
    """Names of the same length one character apart, credited on one page or with a shared
    co-author."""
    people = list(
        Person.objects.filter(is_person=True, credits__isnull=False).distinct().only("id", "name", "slug")[:MAX_PEOPLE]
    )
    buckets: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        for i in range(len(person.name)):
            buckets[person.name[:i] + "*" + person.name[i + 1 :]].append(person)
    pairs: dict[tuple[int, int], tuple[Person, Person]] = {}
    for group in buckets.values():
        for a in group:
            for b in group:
                if a.pk < b.pk:
                    pairs[(a.pk, b.pk)] = (a, b)
    out = []
    for a, b in pairs.values():
        why = _shared(a, b)
        if why:
            out.append(Pair(a, b, why))
        if len(out) >= limit:
            break
    return out


def _shared(a: Person, b: Person) -> str:
    pages_a = set(Credit.objects.filter(person=a).values_list("article__page_id", flat=True))
    if Credit.objects.filter(person=b, article__page_id__in=pages_a).exists():
        return "同一版面上都有署名"
    partners_a = set(
        Credit.objects.filter(article__credits__person=a).exclude(person=a).values_list("person_id", flat=True)
    )
    partners_b = set(
        Credit.objects.filter(article__credits__person=b).exclude(person=b).values_list("person_id", flat=True)
    )
    return "有共同的合作者" if partners_a & partners_b else ""
