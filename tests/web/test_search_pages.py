"""Search through HTTP: the search page, its JSON and CSV twins, filters, snippets, bad
parameters, trends and facets (the corpus fixture is in tests/conftest.py)."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection

from articles.models import Article
from articles.storage import ingest_bytes
from tests.conftest import really_contains

pytestmark = pytest.mark.django_db


def test_filters_narrow_the_results(client, corpus):
    data = client.get("/api/search/", {"q": "株洲", "year": 2023}).json()
    assert data["total"] == len(really_contains("株洲") & {a.pk for a in corpus if a.issue_date.year == 2023})
    assert all(r["date"].startswith("2023") for r in data["results"])
    data = client.get(
        "/api/search/", {"q": "株洲", "date_from": "2023-06-16", "date_to": "2023-06-16", "kind": "photo"}
    ).json()
    assert {(r["date"], r["kind"]) for r in data["results"]} <= {("2023-06-16", "photo")}


def test_snippet_marks_are_at_real_occurrences(client, corpus):
    data = client.get("/api/search/", {"q": "龙舟"}).json()
    for result in data["results"]:
        html = result["snippet_html"]
        assert "<mark>龙舟</mark>" in html
        assert html.count("<mark>") == result["snippet"].count("龙舟")


def test_xss_in_an_article_is_inert_in_snippets(client, db):
    evil = '株洲日报记者 罗欣\n\n株洲日报讯 1月2日，龙舟<script>alert(1)</script>"><img src=x onerror=alert(2)>龙舟赛。\n\n龙舟<b>赛</b>\n'
    ingest_bytes(evil.encode(), file_name="2021-01-03_A1.txt", paper="株洲日报")
    page = client.get("/search/", {"q": "龙舟"}).content.decode()
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b>赛</b>" not in page
    assert "&lt;script&gt;" in page and "<mark>龙舟</mark>" in page


def test_search_page_json_and_csv(client, corpus):
    page = client.get("/search/", {"q": "龙舟"})
    assert page.status_code == 200
    assert "湘江<mark>龙舟</mark>赛落幕" in page.content.decode() and 'rel="nofollow"' in page.content.decode()
    data = client.get("/api/search/", {"q": "株洲", "sort": "date"}).json()
    assert data["total"] == len(really_contains("株洲")) and data["total_is_lower_bound"] is False
    assert set(data["results"][0]) >= {"id", "headline", "date", "page", "snippet", "url"}
    response = client.get("/api/search.csv", {"q": "株洲"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["id", "date", "page"] and len(rows) - 1 == len(really_contains("株洲"))
    xml = client.get("/opensearch.xml").content.decode()
    assert "/search/?q={searchTerms}" in xml


@pytest.mark.parametrize(
    "params",
    [
        {"q": "株洲", "year": "abc"},
        {"q": "株洲", "p": "0"},
        {"q": "株洲", "p": "99999999999"},
        {"q": "株洲", "sort": "x"},
        {"q": "株洲", "date_from": "2020-02-30"},
        {"q": "株洲", "kind": "nope"},
        {"q": "株洲", "month": "13"},
    ],
)
def test_bad_parameters_are_400_with_a_message(client, corpus, params):
    page = client.get("/search/", params)
    assert page.status_code == 400 and "检索条件有误" in page.content.decode()
    api = client.get("/api/search/", params)
    assert api.status_code == 400 and api.json()["status"] == 400 and api.json()["error"]


@pytest.mark.parametrize(
    "q", ['"', "-", "OR", "株洲)" * 300, "a" * 10000, "\x01\x02", "'; DROP TABLE articles_article; --", "<script>"]
)
def test_odd_queries_never_fail(client, corpus, q):
    response = client.get("/api/search/", {"q": q})
    assert response.status_code == 200
    assert Article.objects.exists()


def test_deep_pagination_is_bounded(client, corpus):
    """At most 50 pages are served; a page past the last of the hits is a 404 saying how many."""
    assert client.get("/api/search/", {"q": "株洲", "p": 51}).status_code == 400
    past = client.get("/api/search/", {"q": "株洲", "p": 50})
    assert past.status_code == 404 and past.json()["error"].startswith("没有第 50 页：共 ")


def test_trend_chart_and_table_match_sql(client, corpus):
    page = client.get("/search/trend/", {"q": "株洲", "vs": ["龙舟", "发展"], "unit": "count"}).content.decode()
    assert '<svg class="trend"' in page and "<title>株洲 2023年：" in page
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXTRACT(YEAR FROM issue_date)::int, count(*) FROM articles_article"
            " WHERE strpos(search_text, %s) > 0 GROUP BY 1",
            ["龙舟"],
        )
        for year, n in cursor.fetchall():
            assert f"<title>龙舟 {year}年：{n} 篇</title>" in page
    assert '<th scope="col">发展</th>' in page
    inline = client.get("/search/", {"q": "龙舟"}).content.decode()
    assert '<svg class="trend"' in inline


def test_facets_of_a_huge_result_set_are_marked_estimates(client, corpus, monkeypatch):
    from articles.search import facets as facet_module

    monkeypatch.setattr(facet_module, "FACET_EXACT_LIMIT", 3)  # as if 株洲 were in more articles than the limit
    data = client.get("/api/search/facets/", {"q": "株洲", "kind": "news"}).json()
    assert data["estimated"] is True
    assert all(r["count"] % (100 // facet_module.SAMPLE_PERCENT) == 0 for rows in data["facets"].values() for r in rows)
    monkeypatch.setattr(facet_module, "FACET_EXACT_LIMIT", 10_000)
    assert client.get("/api/search/facets/", {"q": "湘江"}).json()["estimated"] is False


def test_search_statements_are_never_prepared_and_browse_ones_are(client, corpus):
    """Prepared statements may get generic plans: fine for an article by id, wrong for a search
    whose plan depends on how common its terms are."""
    from django.core.cache import cache

    article = corpus[0]
    for _ in range(3):
        cache.clear()
        client.get("/search/", {"q": "株洲"})
        client.get("/search/", {"q": "株洲", "sort": "date"})
        client.get(article.get_absolute_url())
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "articles_article"' in s and "@@" not in s for s in prepared)
    assert not any("@@" in s or "EXPLAIN" in s for s in prepared)
