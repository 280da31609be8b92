"""Issue 16: results a reader can steer (filters shown and removable, several values per facet,
empty queries with filters, date ranges), the trend that compares, the help page."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest

from articles.models import Article
from articles.search.help import EXAMPLES
from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def years(db):
    """Pages in 2019, 2021 and 2022 (none in 2020); 2022 has four times the articles of 2019."""
    specs = [
        ("2019-05-04", ["龙舟赛开幕"]),
        ("2021-05-04", ["湘江治理"]),
        ("2022-05-04", ["龙舟赛落幕", "湘江清淤", "公交开通", "医院开诊"]),
    ]
    for day, titles in specs:
        text = "".join(
            f"株洲日报记者 罗欣\n\n株洲日报讯 5月3日，{t}活动在株洲举行，市民踊跃参加{t}。\n\n{t}\n\n" for t in titles
        )
        ingest_bytes(text.encode(), file_name=f"{day}_A1.txt", paper="株洲日报")
    ingest_bytes(
        "图为湘江两岸的龙舟。（株洲日报记者 邹兵 摄）\n\n龙舟图片\n".encode(),
        file_name="2022-05-04_B2.txt",
        paper="株洲日报",
    )
    Article.objects.filter(page_label="B2").update(kind="photo")  # as staff would class it
    return Article.objects.all()


def text(response) -> str:
    return unescape(response.content.decode())


def test_active_filters_are_chips_that_remove_themselves(client, years):
    page = client.get("/search/", {"q": "龙舟", "year": ["2022", "2019"], "page": "A1"}).content.decode()
    chips = re.findall(r'<a class="chip" href="\?([^"]*)"[^>]*>(.*?)</a>', page)
    labels = {unescape(re.sub("<[^>]+>", "", label)).strip() for _, label in chips}
    assert {"年份：2022 ×", "年份：2019 ×", "版次：A1 ×"} <= labels
    removal = {unescape(re.sub("<[^>]+>", "", label)).strip(): unescape(href) for href, label in chips}
    assert "year=2019" in removal["年份：2022 ×"] and "year=2022" not in removal["年份：2022 ×"]


def test_several_values_of_one_facet_combine(client, years):
    both = client.get("/api/search/", {"q": "龙舟", "year": ["2019", "2022"]}).json()
    assert sorted(r["date"][:4] for r in both["results"]) == ["2019", "2022", "2022"]
    assert client.get("/api/search/", {"q": "龙舟", "year": "2019"}).json()["total"] == 1


def test_a_chosen_facet_value_is_marked_and_not_repeated(client, years):
    page = client.get("/search/", {"q": "龙舟", "year": "2022"}).content.decode()
    chosen = re.search(r'<a[^>]*aria-current="true"[^>]*href="\?([^"]*)"[^>]*>2022年</a>', page)
    assert chosen, "the chosen year is marked"
    assert "year=2022" not in unescape(chosen.group(1))  # clicking it removes it
    other = re.search(r'<a[^>]*href="\?([^"]*)"[^>]*>2019年</a>', page)
    assert other and unescape(other.group(1)).count("year=") == 2


def test_the_filters_come_before_the_results_on_a_phone(client, years):
    page = client.get("/search/", {"q": "龙舟"}).content.decode()
    assert page.index('class="facets') < page.index('class="results')
    assert re.search(r'<details class="facets[^"]*"', page)


def test_an_empty_query_with_filters_lists_the_filtered_articles(client, years):
    data = client.get("/api/search/", {"kind": "photo"}).json()
    expected = list(Article.objects.filter(kind="photo").order_by("-issue_date", "-id").values_list("pk", flat=True))
    assert expected and [r["id"] for r in data["results"]] == expected
    data = client.get("/api/search/", {"year": "2022", "page": "A1"}).json()
    assert data["total"] == 4 and [r["date"] for r in data["results"]] == ["2022-05-04"] * 4
    assert "共 4 篇" in text(client.get("/search/", {"year": "2022", "page": "A1"}))


@pytest.mark.parametrize(
    "params, dates",
    [
        ({"date_from": "2022-12-31", "date_to": "2019-01-01"}, {"2019", "2021", "2022"}),
        ({"date_from": "2021", "date_to": "2021"}, {"2021"}),
        ({"date_from": "2022-05", "date_to": "2022-05"}, {"2022"}),
        ({"date_from": "2022"}, {"2022"}),
    ],
)
def test_date_ranges_reversed_and_partial(client, years, params, dates):
    data = client.get("/api/search/", {"q": "株洲", **params}).json()
    assert {r["date"][:4] for r in data["results"]} == dates
    if params.get("date_to") == "2019-01-01":
        assert any("已对调" in n for n in data["notes"])
        assert "已对调" in text(client.get("/search/", {"q": "株洲", **params}))


def test_the_results_show_why_an_article_matched(client, years):
    data = client.get("/api/search/", {"q": "罗欣"}).json()
    assert data["results"] and all(r["matched_fields"][0] == "署名" for r in data["results"])
    assert "命中：署名" in text(client.get("/search/", {"q": "罗欣"}))


def test_the_query_as_read_is_shown_back(client, years):
    page = text(client.get("/search/", {"q": "(龙舟 or 湘江) and 株洲"}))
    assert "已按" in page and "(龙舟 OR 湘江) 株洲" in page


def test_trend_shares_per_10000_articles_every_year_all_terms_named(client, years):
    data = client.get("/api/search/trend/", {"q": "龙舟", "vs": ["湘江"]}).json()
    assert data["unit"] == "per_10000"
    assert [s["query"] for s in data["series"]] == ["龙舟", "湘江"]
    longzhou = {r["year"]: r for r in data["series"][0]["years"]}
    assert sorted(longzhou) == [2019, 2020, 2021, 2022]  # 2020 has no article at all: still listed
    assert longzhou[2019] == {"year": 2019, "count": 1, "articles": 1, "per_10000": 10000.0}
    assert longzhou[2022] == {"year": 2022, "count": 2, "articles": 5, "per_10000": 4000.0}
    assert longzhou[2020]["count"] == 0 and longzhou[2021]["count"] == 0
    raw = client.get("/api/search/trend/", {"q": "龙舟", "unit": "count"}).json()
    assert raw["unit"] == "count"
    page = text(client.get("/search/trend/", {"q": "龙舟", "vs": ["湘江"]}))
    assert "“龙舟”与“湘江”的年度趋势" in page and "每万篇" in page
    assert re.search(
        r'<a href="/search/\?q=%E9%BE%99%E8%88%9F&amp;year=2019"',
        client.get("/search/trend/", {"q": "龙舟"}).content.decode(),
    )
    rows = list(
        csv.reader(
            io.StringIO(client.get("/api/search/trend.csv", {"q": "龙舟", "vs": "湘江"}).content.decode("utf-8-sig"))
        )
    )
    assert rows[0] == ["year", "articles", "龙舟", "龙舟_per_10000", "湘江", "湘江_per_10000"]
    assert rows[1][:4] == ["2019", "1", "1", "10000.0"] and len(rows) == 5


def test_the_help_page_examples_are_true(client, years):
    page = text(client.get("/search/help/"))
    assert "<h1>检索帮助</h1>" in page
    for example in EXAMPLES:
        assert example.query in page
        data = client.get("/api/search/", {"q": example.query}).json()
        assert data["query"] == example.reading, example.query


def test_the_csv_names_itself_after_the_query_and_carries_people_and_text(client, years):
    from urllib.parse import unquote

    response = client.get("/api/search.csv", {"q": "龙舟", "text": "1"})
    name = unquote(response["Content-Disposition"].split("UTF-8''")[1])
    assert re.fullmatch(r"株洲日报_检索_龙舟_\d{4}-\d{2}-\d{2}\.csv", name)
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert {"people", "text"} <= set(rows[0])
    by_headline = {r["headline"]: r for r in rows}
    assert by_headline["龙舟赛开幕"]["people"] == "罗欣（记者）"
    assert "龙舟赛开幕活动在株洲举行" in by_headline["龙舟赛开幕"]["text"]
    plain = client.get("/api/search.csv", {"q": "龙舟"})
    header = next(csv.reader(io.StringIO(b"".join(plain.streaming_content).decode("utf-8-sig"))))
    assert "people" in header and "text" not in header
