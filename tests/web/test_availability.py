"""Nothing a visitor can send holds a worker or answers a 500 (issue 14): highlighting, CSV
export, self-excluding queries, Unicode digits, 1001 parameters, the admin's filters, OPTIONS."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db

HUGE = "株洲日报讯 6月14日，" + "株洲会议，" * 30_000 + "。\n\n株洲会议召开\n"  # 150 000 characters, 30 000 hits


def test_highlighting_a_huge_article_marks_at_most_the_cap(client):
    from articles.search.snippets import MAX_MARKS

    ingest_bytes(HUGE.encode(), file_name="2023-06-14_A1.txt", paper="株洲日报")
    art = Article.objects.get()
    page = client.get(f"/articles/{art.pk}/", {"hl": ["株洲", "会议", "洲会"]}).content.decode()
    assert page.count("<mark>") == MAX_MARKS  # the title's marks and the body's share one budget
    assert "<h1><mark>株洲</mark><mark>会议</mark>召开</h1>" in page
    found = client.get("/api/search/", {"q": "株洲会议"}).json()
    assert found["total"] == 1 and found["results"][0]["snippet_html"].count("<mark>") >= 1


@pytest.fixture
def many(db):
    """Fifteen pages, one article each, all holding 株洲 (two on one day, so the keyset meets a tie)."""
    for i in range(15):
        day, label = f"2023-05-{i // 2 + 1:02d}", f"A{i % 2 + 1}"
        page = f"株洲日报讯 5月{i // 2 + 1}日，株洲第{i}条消息发布。\n\n株洲消息{i}号\n"
        ingest_bytes(page.encode(), file_name=f"{day}_{label}.txt", paper="株洲日报")


def _csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


def test_the_csv_export_reads_only_the_columns_it_writes(client, many):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/search.csv", {"q": "株洲"})
        rows = _csv_rows(response)
    assert response.status_code == 200
    expected = list(
        Article.objects.filter(search_text__contains="株洲").order_by("-issue_date", "-id").values_list("pk", flat=True)
    )
    assert [int(r[0]) for r in rows[1:]] == expected and len(expected) == 15
    article_sql = [q["sql"] for q in queries.captured_queries if "articles_article" in q["sql"]]
    heavy = ('"raw_text"', '"search_text"', '"bigrams"', '"words"', '"body"', "articles_page")
    assert (
        article_sql
        and [s for s in article_sql if s.lstrip().startswith("SELECT") and any(c in s.split("FROM")[0] for c in heavy)]
        == []
    )


@pytest.mark.parametrize("cap", [2, 1000])
def test_the_csv_export_walks_keyset_chunks_in_order(client, many, monkeypatch, cap):
    from articles.search import plan
    from articles.web import export

    monkeypatch.setattr(export, "FIRST", 2)
    monkeypatch.setattr(export, "CHUNK", 3)
    monkeypatch.setattr(plan, "COUNT_CAP", cap)  # 2: as if the term were common (the date-index walk)
    rows = _csv_rows(client.get("/api/search.csv", {"q": "株洲", "sort": "date"}))
    expected = list(
        Article.objects.filter(search_text__contains="株洲").order_by("-issue_date", "-id").values_list("pk", flat=True)
    )
    assert [int(r[0]) for r in rows[1:]] == expected and len(expected) == 15
    assert rows[1][rows[0].index("url")].startswith("http://testserver/articles/")


@pytest.mark.parametrize("q", ["株洲 -株洲", "株洲市 -株洲", "标题:株洲 -株洲", "株洲 OR 株洲市 -株洲"])
def test_a_query_that_excludes_itself_is_empty_at_once(client, ingested, q):
    with CaptureQueriesContext(connection) as queries:
        data = client.get("/api/search/", {"q": q}).json()
    assert (data["total"], data["results"]) == (0, [])
    assert "排除词包含了要查找的文字，结果必然为空。" in data["notes"]
    assert [x["sql"] for x in queries.captured_queries if "articles_article" in x["sql"]] == []
    assert "排除词包含了要查找的文字" in client.get("/search/", {"q": q}).content.decode()
    assert _csv_rows(client.get("/api/search.csv", {"q": q}))[1:] == []


def test_an_exclusion_that_leaves_other_terms_still_searches(client, ingested):
    data = client.get("/api/search/", {"q": "龙舟 OR 公交 -龙舟"}).json()  # every byline says 株洲日报: not 株洲 here
    assert data["total"] >= 1 and not any("排除词包含" in n for n in data["notes"])


@pytest.mark.parametrize("value", ["²⁰²³", "①②③④", "٢٠٢٣", "２０２３", "2023\u0301", "9" * 30])
def test_unicode_digits_are_not_numbers(client, ingested, value):
    assert client.get("/", {"year": value}).status_code == 200
    assert client.get("/search/", {"q": "株洲", "year": value}).status_code == 400
    assert client.get("/api/search/", {"q": "株洲", "p": value}).status_code == 400
    person = Article.objects.filter(credits__isnull=False).first().credits.first().person
    # not a page number: the first page; 30 ASCII nines is one, past the last page (test_reading_surprises)
    assert client.get(f"/people/{person.slug}/", {"p": value}).status_code == (404 if value.isascii() else 200)


def test_numbers_are_parsed_in_one_place_from_ascii_digits():
    from articles.numbers import parse_int

    assert parse_int("2023") == 2023 and parse_int(" 7 ") is None and parse_int("-3") is None
    assert [parse_int(v) for v in ("²⁰²³", "①", "٢٠٢٣", "２０２３", "", "1e3", "+5")] == [None] * 7
    assert parse_int("99999999999999999999") is None and parse_int("2023", low=1900, high=2100) == 2023
    assert parse_int("1800", low=1900, high=2100) is None


TOO_MANY = "&".join(f"f{i}=1" for i in range(1001))


@pytest.mark.parametrize("path", ["/", "/2023/06/15/", "/2023/06/15/A1/", "/search/", "/search/trend/"])
def test_more_than_1000_parameters_is_a_400_page(client, ingested, path):
    response = client.get(path + "?" + TOO_MANY)
    assert response.status_code == 400
    assert "请求有误" in response.content.decode()


def test_more_than_1000_parameters_under_api_is_a_json_400(client, ingested):
    response = client.get("/api/search/?" + TOO_MANY)
    assert response.status_code == 400 and response.json() == {"error": "请求有误", "status": 400}


def test_error_pages_render_without_reading_the_request(rf):
    from articles.web.errors import bad_request, not_found, server_error

    request = rf.get("/x/", HTTP_HOST="evil.example")
    request.GET = None  # anything read from it would raise
    for view, status in ((bad_request, 400), (not_found, 404), (server_error, 500)):
        response = view(request) if view is server_error else view(request, None)
        assert response.status_code == status and "株洲日报数字档案" in response.content.decode()


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user("editor", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize("query", ["year=0", "year=" + "9" * 30, "year=²⁰²³", "year=٢٠٢٣", "year=-1"])
def test_the_admin_year_filter_gives_an_empty_list_or_a_400(client, staff, ingested, query):
    response = client.get("/admin/articles/article/?" + query)
    assert response.status_code in (200, 400), query


@pytest.mark.parametrize(
    "query", ["date__year=" + "9" * 30, "date__year=2023&date__month=" + "9" * 25, "date__year=²⁰²³", "date__year=0"]
)
def test_the_admin_date_hierarchy_gives_a_list_or_a_400(client, staff, ingested, query):
    response = client.get("/admin/articles/issue/?" + query)
    assert response.status_code in (200, 302, 400), query


def test_more_than_1000_parameters_in_the_admin_is_a_400(client, staff, ingested):
    assert client.get("/admin/articles/article/?" + TOO_MANY).status_code == 400


@pytest.mark.parametrize("query", ["page_label=%00", "source=a%00b", "kind=%00", "q=%00", "headline=%00", "edited=%00"])
def test_a_nul_byte_in_an_admin_filter_is_a_400_not_an_outage(client, staff, ingested, query, caplog):
    response = client.get("/admin/articles/article/?" + query)
    assert response.status_code in (200, 400), query
    assert "database unavailable" not in caplog.text


@pytest.mark.parametrize("path", ["/", "/2023/06/15/A1/", "/api/", "/search/?q=株洲", "/api/search.csv?q=株洲"])
def test_options_answers_allow_without_running_the_view(client, ingested, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.options(path)
    assert response.status_code == 200 and response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.content == b"" and queries.captured_queries == []
