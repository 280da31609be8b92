"""Cached search answers are keyed by the data version: never stale after a write."""

from __future__ import annotations

import pytest

from articles import freshness
from articles.models import Article
from articles.search.columns import apply_search_columns
from articles.search.facets import facets
from articles.search.request import SearchRequest
from articles.search.results import run_search
from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db

PAGE = "株洲日报记者 罗欣\n\n株洲日报讯 3月{day}日，{word}今天在湘江边举行，{word}吸引了许多市民。\n\n{word}第{day}场\n"


def total(word: str) -> int:
    return run_search(SearchRequest.read(word)).total


def test_a_search_repeated_after_an_ingest_or_a_delete_sees_it():
    ingest_bytes(PAGE.format(day=1, word="龙舟邀请赛").encode(), file_name="2024-03-01_A1.txt", paper="株洲日报")
    assert total("龙舟邀请赛") == 1
    assert facets(SearchRequest.read("龙舟邀请赛")).counts["year"] == [(2024, 1)]
    ingest_bytes(PAGE.format(day=2, word="龙舟邀请赛").encode(), file_name="2024-03-02_A1.txt", paper="株洲日报")
    assert total("龙舟邀请赛") == 2
    assert facets(SearchRequest.read("龙舟邀请赛")).counts["year"] == [(2024, 2)]
    Article.objects.filter(issue_date__day=2).first().delete()
    assert total("龙舟邀请赛") == 1


def test_an_edit_through_save_is_searchable_at_once():
    ingest_bytes(PAGE.format(day=3, word="龙舟邀请赛").encode(), file_name="2024-03-03_A1.txt", paper="株洲日报")
    assert total("龙舟邀请赛") == 1 and total("端午龙舟会") == 0
    article = Article.objects.get()
    article.headline = "端午龙舟会"
    apply_search_columns(article)  # what the admin's save_model does
    article.save()
    assert total("端午龙舟会") == 1


def test_the_version_advances_after_commit_and_not_per_row(django_capture_on_commit_callbacks):
    before = freshness.data_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ingest_bytes(PAGE.format(day=4, word="龙舟邀请赛").encode(), file_name="2024-03-04_A1.txt", paper="株洲日报")
    after = freshness.data_version()
    assert after > before
    assert sum(c is freshness._advance for c in callbacks) == 1  # once per transaction, after the commit
    assert after - before <= 4  # rows written: issue, page, article, person, credit; advances: a few


def test_a_base_that_can_match_nothing_is_an_empty_answer():
    ingest_bytes(PAGE.format(day=5, word="龙舟邀请赛").encode(), file_name="2024-03-05_A1.txt", paper="株洲日报")
    request = SearchRequest.read("龙舟邀请赛", Article.objects.none())
    result = run_search(request)
    assert (result.total, result.hits) == (0, [])
    assert facets(request).counts["year"] == []


def test_the_first_write_to_a_fresh_sequence_changes_the_version():
    """A new sequence reads 1 before and after its first nextval: the version must not."""
    from django.core.cache import cache
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM articles_data_version")
        (highest,) = cursor.fetchone()
        cursor.execute("CREATE SEQUENCE scratch_version")
    try:
        with connection.cursor() as cursor:
            cursor.execute("ALTER SEQUENCE articles_data_version RENAME TO kept_version")
            cursor.execute("ALTER SEQUENCE scratch_version RENAME TO articles_data_version")
        before = freshness.data_version()
        freshness._advance()
        assert freshness.data_version() != before
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP SEQUENCE articles_data_version")
            cursor.execute("ALTER SEQUENCE kept_version RENAME TO articles_data_version")
            cursor.execute("SELECT setval('articles_data_version', %s)", [highest + 1000])
        cache.clear()


def test_a_person_summary_counts_a_new_article_at_once():
    from articles import browse
    from articles.models import Person

    ingest_bytes(PAGE.format(day=6, word="龙舟邀请赛").encode(), file_name="2024-03-06_A1.txt", paper="株洲日报")
    person = Person.objects.get(name="罗欣")
    assert browse.person_summary(person)["articles"] == 1
    ingest_bytes(PAGE.format(day=7, word="端午龙舟会").encode(), file_name="2024-03-07_A1.txt", paper="株洲日报")
    summary = browse.person_summary(person)
    assert summary["articles"] == 2 and summary["last"].day == 7
