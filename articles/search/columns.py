"""The stored search columns of an article, computed in Python at ingest and on every staff save."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db.models import Func, TextField, Value
from django.db.models.functions import Cast

from articles.search import segment
from articles.search.text import lexemes, search_form


def title_text(kicker: str, headline: str, subheadline: str) -> str:
    return "\n".join(x for x in (kicker, headline, subheadline) if x)


def printed_fields(article) -> list[str]:
    """Every piece of text printed for the article, in print order: kicker, headline,
    subheadline, bylines and credit lines, the lead run into the body (株洲日报讯 3月26日，…),
    section headings, tables, captions and the jump line."""
    return [
        article.kicker,
        article.headline,
        article.subheadline,
        *article.bylines,
        (article.lead or "") + article.body,
        *article.section_headings,
        *article.tables,
        *article.captions,
        article.jump,
    ]


def full_text(article) -> str:
    """Everything a reader may search for: every printed field, one per line."""
    return "\n".join(p for p in printed_fields(article) if p)


def word_parts(article) -> list[tuple[str, str]]:
    """The jieba vector's parts and weights: headline A, kicker/subheadline/bylines B, the rest D."""
    return [
        (article.headline, "A"),
        (article.kicker, "B"),
        (article.subheadline, "B"),
        ("\n".join(article.bylines), "B"),
        ((article.lead or "") + article.body, "D"),
        ("\n".join([*article.section_headings, *article.tables, *article.captions, article.jump or ""]), "D"),
    ]


def _vector(values: list[str]) -> Func:
    return Func(
        Value(values, output_field=ArrayField(TextField())),
        function="array_to_tsvector",
        output_field=SearchVectorField(),
    )


_people_loaded = False


def load_people_names() -> None:
    """Once per process: every person's name and alias joins jieba's dictionary."""
    global _people_loaded
    if not _people_loaded:
        from articles.models import Person

        _people_loaded = True
        for name, aliases in Person.objects.values_list("name", "aliases"):
            segment.add_words([name, *aliases])


def apply_search_columns(article) -> None:
    """Set the search columns on an unsaved article (expressions, evaluated by the INSERT/UPDATE)."""
    load_people_names()
    article.search_title = search_form(title_text(article.kicker, article.headline, article.subheadline))
    article.search_text = search_form(full_text(article))
    article.bigrams = _vector(lexemes(article.search_text))
    article.title_bigrams = _vector(lexemes(article.search_title))
    literal = segment.weighted_vector(word_parts(article))
    article.words = Cast(Value(literal), SearchVectorField())
