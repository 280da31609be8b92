"""People named in credits: found by name or alias, created once, merged by staff."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from articles.models import Credit, Person, PersonRedirect
from articles.search import segment


def people_for_names(names: list[str]) -> tuple[dict[str, Person], int]:
    """Each name's person (one query for those known by name; aliases and new people one by one)."""
    people: dict[str, Person] = {}
    created = 0
    for person in Person.objects.filter(name__in=set(names)).order_by("name", "pk"):
        people.setdefault(person.name, person)
    for name in sorted(set(names)):  # one order for every ingest: two creating the same people never deadlock
        if name not in people:
            people[name], new = person_for_name(name)
            created += new
    return people, created


def person_for_name(name: str) -> tuple[Person, bool]:
    """The person with this name or alias; created when nobody has it."""
    person = Person.objects.filter(name=name).first() or Person.objects.filter(aliases__contains=[name]).first()
    if person is not None:
        return person, False
    slug = slugify(name, allow_unicode=True) or "person"
    base, n = slug, 1
    while Person.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    segment.add_words([name])
    try:
        with transaction.atomic():
            return Person.objects.create(name=name, slug=slug), True
    except IntegrityError:
        return Person.objects.get(slug=slug), False


@transaction.atomic
def merge_people(survivor: Person, others: list[Person]) -> int:
    """Move every credit of `others` to `survivor`, keep their names as aliases and their URLs as
    redirects, then delete them. Returns the number of credits moved."""
    moved = 0
    aliases = list(survivor.aliases)
    for other in others:
        if other.pk == survivor.pk:
            continue
        for credit in other.credits.all():
            if Credit.objects.filter(article_id=credit.article_id, person=survivor, role=credit.role).exists():
                credit.delete()
            else:
                credit.person = survivor
                credit.save(update_fields=["person"])
            moved += 1
        for name in [other.name, *other.aliases]:
            if name != survivor.name and name not in aliases:
                aliases.append(name)
        PersonRedirect.objects.filter(person=other).update(person=survivor)
        PersonRedirect.objects.update_or_create(old_slug=other.slug, defaults={"person": survivor})
        other.delete()
    survivor.aliases = aliases
    survivor.save(update_fields=["aliases"])
    segment.add_words(aliases)
    return moved


@transaction.atomic
def not_a_person(person: Person) -> int:
    """A name that is no person (a unit that supplied a photo): its credits become a source note
    on their articles (kept as a staff edit), and no re-parse credits it again. Returns the
    number of credits turned into notes."""
    moved = 0
    for credit in person.credits.select_related("article"):
        article = credit.article
        if not article.source:
            article.source = person.name[:50]
            article.edited_fields = sorted({*article.edited_fields, "source"})
            article.save(update_fields=["source", "edited_fields"])
        credit.delete()
        moved += 1
    person.is_person = False
    person.save(update_fields=["is_person"])
    return moved
