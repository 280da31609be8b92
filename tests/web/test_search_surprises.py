"""Issue #16, search surprises a fresh-eyes check found: a filters-only listing's exports, the
links that dropped the query, the trend CSV (its chart: tests/browser/test_trend_chart.py)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.content[:200]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def atom(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:200])
    return ET.fromstring(response.content)  # noqa: S314 - our own feed


# A filters-only search (no q) links an export and a feed: both serve the listing.


def test_a_filter_only_listing_links_a_csv_and_a_feed_that_serve_it(client, archive):
    page = client.get("/search/", {"page": "A1"}).content.decode()
    assert 'href="/api/search.csv?page=A1"' in page
    assert 'href="/search/feed/?page=A1"' in page
    newest_first = list(
        Article.objects.filter(page_label="A1").order_by("-issue_date", "-id").values_list("pk", flat=True)
    )
    assert len(newest_first) >= 3
    rows = csv_rows(client.get("/api/search.csv", {"page": "A1"}))
    assert [int(r[0]) for r in rows[1:]] == newest_first
    root = atom(client, "/search/feed/?page=A1")
    linked = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
    assert linked == [f"http://testserver/articles/{pk}/" for pk in newest_first]
    assert root.findtext(f"{ATOM}title") == "株洲日报数字档案 · 筛选（版次：A1）"


def test_exports_and_feeds_still_need_a_query_or_a_filter(client, archive):
    assert client.get("/api/search.csv").status_code == 400
    assert client.get("/search/feed/").status_code == 400


def test_the_search_feed_links_to_itself_with_its_query(client, archive):
    root = atom(client, "/search/feed/?q=" + quote("龙舟") + "&year=2023")
    selves = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert selves == ["http://testserver/search/feed/?q=%E9%BE%99%E8%88%9F&year=2023"]


# The trend page: its footer's JSON link and its CSV.


def test_the_footer_json_link_keeps_the_query(client, archive):
    page = client.get("/search/trend/", {"q": "龙舟", "vs": "湘江"}).content.decode()
    footer = page[page.index('class="site-footer"') :]
    assert 'href="/api/search/trend/?q=%E9%BE%99%E8%88%9F&amp;vs=%E6%B9%98%E6%B1%9F"' in footer


def test_the_trend_csv_names_series_as_typed_and_no_cell_is_a_formula(client, archive):
    params = {"q": "=1+1", "vs": ["COVID 湘江", "@SUM(A1)", "-广告 龙舟"]}
    rows = csv_rows(client.get("/api/search/trend.csv", params))
    assert rows[0] == [
        "year", "articles",
        "'=1+1", "'=1+1_per_10000",
        "COVID 湘江", "COVID 湘江_per_10000",
        "'@SUM(A1)", "'@SUM(A1)_per_10000",
        "'-广告 龙舟", "'-广告 龙舟_per_10000",
    ]  # fmt: skip
    data = client.get("/api/search/trend/", params).json()
    assert [s["query"] for s in data["series"]] == ["=1+1", "COVID 湘江", "@SUM(A1)", "-广告 龙舟"]
    assert data["title"] == "“=1+1”与“COVID 湘江”与“@SUM(A1)”与“-广告 龙舟”的年度趋势"


def test_a_filter_only_listing_gets_its_facets_from_the_api(client, archive):
    """The page asks /api/search/facets/ when a listing is too long to count inline."""
    data = client.get("/api/search/facets/", {"page": "A1"}).json()
    a1 = Article.objects.filter(page_label="A1")
    assert data["query"] == ""
    assert data["facets"]["page"] == [{"value": "A1", "label": "A1版", "count": a1.count()}]
    assert sum(r["count"] for r in data["facets"]["year"]) == a1.count()
    assert client.get("/api/search/facets/").json() == {"query": "", "facets": {}}


def test_no_cell_of_the_search_export_is_a_formula(client, archive):
    """Staff edit titles: a kicker set to a formula is exported as text a spreadsheet will not
    run (found by a fresh-eyes check)."""
    article = Article.objects.get(headline="湘江风光带游人如织")
    Article.objects.filter(pk=article.pk).update(kicker='=HYPERLINK("http://example.com")')
    rows = csv_rows(client.get("/api/search.csv", {"q": "风光带"}))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://example.com")' in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_a_refused_search_keeps_its_filter_form_whole(client, archive):
    """A search refused for a bad date still offers every 体裁 to choose from (the list was empty)."""
    from articles.models import ArticleKind

    page = client.get("/search/", {"q": "株洲", "date_from": "2020-13-45"})
    assert page.status_code == 400
    html = page.content.decode()
    assert all(f'<option value="{value}">{label}</option>' in html for value, label in ArticleKind.choices)


@pytest.mark.parametrize("url", ["/search/", "/api/search/"])
def test_a_results_page_past_the_last_is_a_404_that_says_how_many(client, archive, url):
    """As on the person pages: a stale or walked ?p= is not an empty page under its number."""
    response = client.get(url, {"q": "风光带", "p": "7"})
    assert response.status_code == 404
    assert "没有第 7 页：共 1 页" in response.content.decode()
    assert client.get(url, {"q": "风光带", "p": "1"}).status_code == 200
