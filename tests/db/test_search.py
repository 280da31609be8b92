"""Search on real PostgreSQL: the recall promise, precision, facets, sort orders, snippets."""

from __future__ import annotations

import csv
import io
import random

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Credit
from articles.search.engine import matching
from articles.search.query import parse_query
from articles.search.results import facets, run_search
from articles.search.text import fold
from articles.storage import ingest_bytes
from tests.conftest import fixture_files, seed_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("static_files")]  # its HTTP tests render pages


TOPICS = [
    "城市更新",
    "乡村振兴",
    "产业招商",
    "防汛抗旱",
    "文明创建",
    "教育督导",
    "交通治理",
    "生态保护",
    "社区服务",
    "科技创新",
    "消防安全",
    "旅游推介",
]


@pytest.fixture
def corpus(db):
    """Our fixture pages, a dozen generated ones (so that 株洲 is in enough article bodies with or
    without the sample pages), and the sample pages when ../shared/seeds exists."""
    from articles.storage import ingest_file

    for path in fixture_files():
        ingest_file(path, paper="株洲日报")
    for n, topic in enumerate(TOPICS):
        text = (
            f"株洲日报记者 罗欣\n\n株洲日报讯 {n + 1}月{n + 2}日，株洲市{topic}推进会召开，会议总结了{topic}的进展，"
            f"部署了下一阶段的{topic}任务。\n\n{topic}推进会召开\n"
        )
        ingest_bytes(text.encode(), file_name=f"2022-{n + 1:02d}-{n + 2:02d}_A{n % 4 + 1}.txt", paper="株洲日报")
    for path in seed_files():
        ingest_file(path, paper="株洲日报")
    return list(Article.objects.all())


def found(text: str) -> set[int]:
    return set(matching(parse_query(f'"{text}"')).values_list("pk", flat=True))


def really_contains(text: str) -> set[int]:
    return {a.pk for a in Article.objects.all() if fold(text) in a.search_text}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_every_article_containing_the_string_is_found(corpus, data):
    """Random substrings of 2 to 12 characters of random stored articles, across jieba word
    boundaries and near the end of long articles: the article is always in the results, and
    every result really contains the string."""
    article = data.draw(st.sampled_from(corpus))
    text = data.draw(
        st.sampled_from([article.headline, article.body, article.body[-200:]]).filter(lambda t: len(t) >= 2)
    )
    size = data.draw(st.integers(2, min(12, len(text))))
    start = data.draw(st.integers(0, len(text) - size))
    needle = text[start : start + size]
    if not needle.strip() or '"' in needle:
        return
    hits = found(needle.strip())
    assert article.pk in hits
    assert hits == really_contains(needle.strip())


def test_words_glued_to_their_neighbours_are_found(corpus):
    """Strings that jieba would cut differently from the text: a name glued to the next word."""
    for needle in ["现突出", "邓伟勇", "十国集团", "龙舟邀请", "心理"]:
        assert found(needle) == really_contains(needle), needle
    assert found("京都大学") == set()


def test_single_characters_and_punctuation(corpus):
    assert found("株") == really_contains("株")
    assert found("，会") == really_contains("，会")


def test_and_or_exclusion_semantics(corpus):
    both = set(matching(parse_query("株洲 龙舟")).values_list("pk", flat=True))
    assert both == really_contains("株洲") & really_contains("龙舟")
    either = set(matching(parse_query("龙舟 OR 黄桃")).values_list("pk", flat=True))
    assert either == really_contains("龙舟") | really_contains("黄桃")
    without = set(matching(parse_query("株洲 -新冠")).values_list("pk", flat=True))
    assert without == really_contains("株洲") - really_contains("新冠")


def test_field_terms(corpus):
    titled = set(matching(parse_query("标题:龙舟")).values_list("pk", flat=True))
    assert titled == {a.pk for a in Article.objects.all() if "龙舟" in fold(a.kicker + a.headline + a.subheadline)}
    by_person = set(matching(parse_query("作者:赵丽")).values_list("pk", flat=True))
    assert by_person == set(Credit.objects.filter(person__name="赵丽").values_list("article_id", flat=True))
    on_page = set(matching(parse_query("版:a2")).values_list("pk", flat=True))
    assert on_page == set(Article.objects.filter(page_label="A2").values_list("pk", flat=True))


def test_facet_counts_equal_independent_sql(corpus):
    query = parse_query("株洲")
    counts = facets(query, Article.objects.all())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXTRACT(YEAR FROM issue_date)::int, count(*) FROM articles_article"
            " WHERE strpos(search_text, %s) > 0 GROUP BY 1 ORDER BY 1 DESC",
            ["株洲"],
        )
        assert [(r["value"], r["count"]) for r in counts["year"]] == cursor.fetchall()
        cursor.execute(
            "SELECT kind, count(*) FROM articles_article WHERE strpos(search_text, %s) > 0 GROUP BY 1", ["株洲"]
        )
        assert {r["value"]: r["count"] for r in counts["kind"]} == dict(cursor.fetchall())
        cursor.execute(
            "SELECT p.slug, count(DISTINCT c.article_id) FROM articles_credit c JOIN articles_person p ON p.id = c.person_id"
            " JOIN articles_article a ON a.id = c.article_id WHERE strpos(a.search_text, %s) > 0 GROUP BY 1",
            ["株洲"],
        )
        expected = dict(
            cursor.fetchall()
        )  # bylines are searched: 株洲日报记者 credits everyone, the facet lists the top 20
        assert len(counts["person"]) == min(20, len(expected))
        assert all(expected[r["value"]] == r["count"] for r in counts["person"])
        assert min(r["count"] for r in counts["person"]) >= sorted(expected.values())[-len(counts["person"])]


def test_sort_orders_hold(corpus):
    query = parse_query("株洲")
    newest = [h.article.issue_date for h in run_search(query, Article.objects.all(), "date").hits]
    assert newest == sorted(newest, reverse=True) and len(newest) >= 10
    oldest = [h.article.issue_date for h in run_search(query, Article.objects.all(), "date_asc").hits]
    assert oldest == sorted(oldest)
    ranked = run_search(parse_query("龙舟"), Article.objects.all(), "relevance").hits
    assert ranked[0].article.headline == "湘江龙舟赛落幕"  # the headline hit first


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
    data = client.get("/api/search/", {"q": "株洲", "p": 50}).json()
    assert data["page"] == 50 and data["results"] == []


def test_recall_on_a_generated_corpus(db):
    """Many articles whose text is shuffled sample sentences: every hit of 200 random strings."""
    rng = random.Random(7)
    sentences = [
        s for a in fixture_files() for s in a.read_text(encoding="utf-8").replace("\n", "").split("。") if len(s) > 8
    ]
    for n in range(40):
        body = "。\n".join(rng.sample(sentences, 4)) + "。"
        ingest_bytes(
            f"株洲日报记者 罗欣\n\n株洲日报讯 1月{n % 28 + 1}日，{body}\n\n标题{n}\n".encode(),
            file_name=f"2022-{n % 12 + 1:02d}-{n % 28 + 1:02d}_A{n % 8 + 1}.txt",
            paper="株洲日报",
        )
    texts = list(Article.objects.values_list("search_text", flat=True))
    for _ in range(200):
        text = rng.choice(texts)
        size = rng.randint(2, 12)
        start = rng.randint(0, max(0, len(text) - size))
        needle = text[start : start + size].strip()
        if len(needle) < 2 or '"' in needle or "\n" in needle:
            continue
        assert found(needle) == really_contains(needle), needle
    assert Article.objects.filter(issue_date__year=2022).count() >= 40


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
    from articles.search import results

    monkeypatch.setattr(results, "FACET_EXACT_LIMIT", 3)  # as if 株洲 were in more articles than the limit
    data = client.get("/api/search/facets/", {"q": "株洲", "kind": "news"}).json()
    assert data["estimated"] is True
    assert all(r["count"] % (100 // results.SAMPLE_PERCENT) == 0 for rows in data["facets"].values() for r in rows)
    monkeypatch.setattr(results, "FACET_EXACT_LIMIT", 10_000)
    assert client.get("/api/search/facets/", {"q": "湘江"}).json()["estimated"] is False


def test_a_query_the_planner_expects_everywhere_is_not_counted(corpus, monkeypatch):
    """With trust_estimate, a term PostgreSQL's statistics put in far more rows than the cap is
    taken as capped without the count; a rare term is still counted exactly."""
    from django.test.utils import CaptureQueriesContext

    from articles.search import results
    from articles.search.results import capped_count, planner_rows

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    common = matching(parse_query("株洲"))
    monkeypatch.setattr(results, "DENSE_FACTOR", 2)  # the sample corpus is small: 2 × the cap, not 20
    cap = int(planner_rows(common) // 2)
    assert cap >= 2
    with CaptureQueriesContext(connection) as queries:
        assert capped_count(common, cap, trust_estimate=True) == (cap, True)
    assert not any("COUNT(" in q["sql"] for q in queries.captured_queries)
    rare = matching(parse_query('"湘江龙舟赛落幕"'))
    assert capped_count(rare, cap, trust_estimate=True) == (len(really_contains("湘江龙舟赛落幕")), False)


def test_a_wrong_estimate_still_gives_the_exact_total(corpus, monkeypatch):
    """Should the planner promise millions of rows for a rare term, the first page shows that
    it holds them all, and the total is exact again."""
    from articles.search import results

    monkeypatch.setattr(results, "planner_rows", lambda qs: 10.0**9)
    for sort in ("relevance", "date"):
        result = run_search(parse_query("龙舟"), Article.objects.all(), sort)
        assert (result.total, result.capped) == (len(really_contains("龙舟")), False)
        assert {h.article.pk for h in result.hits} == really_contains("龙舟")


def test_title_hits_leave_out_the_clause_their_titles_imply(corpus):
    from articles.search.engine import title_hit, title_hits

    for q in ["株洲", "龙舟 湘江", "株洲 OR 龙舟 发展", "株洲 -龙舟", "版:A1 株洲"]:
        query = parse_query(q)
        expected = set(matching(query).filter(title_hit(query)).values_list("pk", flat=True))
        assert set(title_hits(query).values_list("pk", flat=True)) == expected, q


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
