"""A parsed Query to SQL conditions: recall from the bigram index, exactness from strpos on the
stored text; the conditions that rank a hit first (its titles, a person credited) and ts_rank.

A condition comes in one of three forms (`Form`), all but CANDIDATES selecting the same
articles: INDEXED for a statement that finds its rows through the bigram index, SCANNED for one
that reads every row it passes anyway (a walk of the date index, a table sample), where the
bigram vector would only be read from TOAST to be tested (about 5 kB a row, against 1.8 kB of
stored text for strpos: a date walk took 20 ms with it and 4 ms without at a million articles).

Every condition is SQL with bound parameters; the tsquery strings are built only from units
(CJK characters, digits, Latin letters), so nothing typed can change the SQL.
"""

from __future__ import annotations

from enum import Enum

from django.contrib.postgres.search import SearchQueryField
from django.db.models import Exists, F, FloatField, Func, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast

from articles.models import Article, Credit
from articles.search import (
    lookups,  # noqa: F401  (registers __strpos and __tsmatch)
    segment,
)
from articles.search.columns import load_people_names
from articles.search.query import Query, Term
from articles.search.statistics import common_lexemes
from articles.search.text import exact_by_index, squeeze, tsquery_any, tsquery_for

COLUMNS = {"text": ("bigrams", "search_text"), "title": ("title_bigrams", "search_title")}


class Form(Enum):
    """How a condition reads the articles (see the module)."""

    INDEXED = "indexed"  # the bigram index finds them, strpos confirms where it cannot decide
    CANDIDATES = "candidates"  # the bigram index alone: a superset of the hits, no strpos
    SCANNED = "scanned"  # strpos alone, for a statement that reads every row it passes


def variants_condition(
    variants: tuple[str, ...], field: str = "text", without: str | None = None, form: Form = Form.INDEXED
) -> Q:
    """Articles whose text (or titles) contain any of the variants (folded): the tsqueries of
    their bigrams (text.tsquery_any) read the index, strpos confirms where the bigrams cannot.

    `without` (a tsquery of negated bigrams, see `index_exclusions`) joins each tsquery, so
    the index itself leaves the excluded articles out (not in the SCANNED form, which has
    no tsquery: its caller excludes them by strpos)."""
    vector, stored = COLUMNS[field]
    # a variant with a space beside a Chinese character never occurs in the squeezed stored
    # text (its squeezed form is among the variants): it would only add an OR branch
    variants = tuple(v for v in variants if squeeze(v) == v) or variants
    contains = Q()
    for v in variants:
        contains |= Q(**{f"{stored}__strpos": v})
    if form is Form.SCANNED:
        return contains
    tsqs = tsquery_any(variants, common_lexemes(vector))
    if tsqs is None:  # punctuation only: the recheck alone decides
        return Q(pk__isnull=False) if form is Form.CANDIDATES else contains
    indexed = Q()
    for tsq in tsqs:
        indexed |= Q(**{f"{vector}__tsmatch": f"({tsq}) & {without}" if without else tsq})
    index_alone = form is Form.CANDIDATES or all(exact_by_index(v) for v in variants)
    return indexed if index_alone else indexed & contains


def person_condition(names: tuple[str, ...]) -> Q:
    """Articles crediting a person whose name holds one of `names` or who has one as an alias."""
    found = Q()
    for name in names:
        found |= Q(person__name__contains=name) | Q(person__aliases__contains=[name])
    return Q(Exists(Credit.objects.filter(article=OuterRef("pk")).filter(found)))


def term_condition(term: Term, without: str | None = None, form: Form = Form.INDEXED) -> Q:
    if term.field in COLUMNS:
        return variants_condition(term.variants(), term.field, without, form)
    if term.field == "person":
        return person_condition(term.variants())
    return Q(page_label=term.text.upper())


def index_exclusions(exclusions: list[Term]) -> tuple[dict[str, list[str]], list[Term]]:
    """The exclusions the bigram index decides alone (a term of one or two units) as tsqueries
    per search column, and the rest.

    Checked row by row, each exclusion reads the article's whole bigram vector from TOAST: a
    common term with eleven common exclusions took 5-17 s at a million articles. Negated in a
    positive term's tsquery (`without`), they are answered by the GIN index from its posting
    lists, as the positive term is (bench/search.py, class exclusions_11_filtered)."""
    by_column: dict[str, list[str]] = {}
    rest: list[Term] = []
    for term in exclusions:
        variants = term.variants()
        tsqs = [tsquery_for(v) for v in variants]
        if term.field in COLUMNS and all(exact_by_index(v) and t for v, t in zip(variants, tsqs, strict=True)):
            by_column.setdefault(term.field, []).extend(tsqs)
        else:
            rest.append(term)
    return {column: list(dict.fromkeys(tsqs)) for column, tsqs in by_column.items()}, rest


def _carrier_column(clause: list[Term]) -> str | None:
    """The search column of a clause whose every term can carry negations on it (indexed text
    terms of one column), else None."""
    fields = {t.field for t in clause}
    if len(fields) != 1 or not fields <= COLUMNS.keys():
        return None
    if any(tsquery_for(v) is None for t in clause for v in t.variants()):
        return None
    return next(iter(fields))


def matching(query: Query, base: QuerySet | None = None, form: Form = Form.INDEXED) -> QuerySet:
    """The articles of `base` (all by default) that the query finds, in the given form; the
    CANDIDATES form gives what the index finds for the positive terms (a superset: no strpos,
    no exclusions checked row by row), which tells how much work checking them would be (plan.py)."""
    qs = Article.objects.all() if base is None else base
    if query.excludes_itself:
        return qs.none()  # empty by its own terms: no posting list is read
    if form is Form.SCANNED:
        excluded, other_exclusions = {}, query.exclusions
    else:
        excluded, other_exclusions = index_exclusions(query.exclusions)
    for clause in query.clauses:
        column = _carrier_column(clause)
        tsqs = excluded.pop(column, None) if column else None
        without = " & ".join(f"!({t})" for t in tsqs) if tsqs else None
        condition = Q()
        for term in clause:
            condition |= term_condition(term, without, form)
        qs = qs.filter(condition)
    if form is Form.CANDIDATES:
        return qs  # the exclusions left are checked row by row: the candidates are before them
    for column, tsqs in excluded.items():  # no positive term on that column carries them: one check a row
        vector = COLUMNS[column][0]
        qs = qs.exclude(**{f"{vector}__tsmatch": " | ".join(f"({t})" for t in tsqs)})
    for term in other_exclusions:
        qs = qs.exclude(term_condition(term, form=form))
    return qs


def word_tsquery(query: Query) -> str | None:
    """jieba words of the positive text terms, OR-ed, for ts_rank (ranking only, never recall)."""
    load_people_names()  # query words segmented with the same dictionary as the stored text
    words: list[str] = []
    for term in query.positive_terms():
        if term.field in COLUMNS:
            for v in term.variants():
                words += segment.words(v)
    quoted = ["'" + w.replace("\\", "\\\\").replace("'", "''") + "'" for w in dict.fromkeys(words)]
    return " | ".join(quoted) or None


def _title_clause(query: Query) -> int | None:
    """Index of the clause whose text terms rank a hit first when found in its titles."""
    return next((i for i, clause in enumerate(query.clauses) if any(t.field in COLUMNS for t in clause)), None)


def title_hit(query: Query, form: Form = Form.INDEXED) -> Q:
    """The first text clause found in the titles: those results come first in relevance order."""
    i = _title_clause(query)
    if i is None:
        return Q(pk__in=[])
    condition = Q()
    for t in query.clauses[i]:
        if t.field in COLUMNS:
            condition |= variants_condition(t.variants(), "title", form=form)
    return condition


def person_hit(query: Query) -> Q:
    """Articles crediting a person whose name (or alias) is a text term typed plainly (周春林):
    used for ranking only, on at most COUNT_CAP hits, never for recall."""
    names = [t.text for t in query.positive_terms() if t.field == "text" and 2 <= len(t.text) <= 8]
    if not names:
        return Q(pk__in=[])
    credits = Credit.objects.filter(article=OuterRef("pk")).filter(
        Q(person__name__in=names) | Q(person__aliases__overlap=names)
    )
    return Q(Exists(credits))


def title_hits(query: Query, base: QuerySet | None = None, form: Form = Form.INDEXED) -> QuerySet:
    """The hits with the first text clause in their titles. Titles are part of the searched
    text, so a title match implies that clause: it is left out rather than checked again on the
    full-text vector, the largest column (that check made 版:A1 queries twice as slow)."""
    i = _title_clause(query)
    rest = Query([c for j, c in enumerate(query.clauses) if j != i], query.exclusions)
    return matching(rest, base, form).filter(title_hit(query, form))


def rank_expression(query: Query) -> Func | Value:
    """ts_rank of the jieba word vector against the query's words (0 when it has none)."""
    tsq = word_tsquery(query)
    if tsq is None:
        return Value(0.0, output_field=FloatField())
    return Func(F("words"), Cast(Value(tsq), SearchQueryField()), function="ts_rank", output_field=FloatField())
