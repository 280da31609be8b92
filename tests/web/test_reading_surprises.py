"""Surprises a fresh-eyes reading of the browse pages found (issues #14, #17), each pinned."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from articles.models import Article
from articles.storage import ingest_bytes

ROOT = Path(__file__).resolve().parents[2]
PERSON = "/people/" + quote("李华") + "/"  # one article: one page of them


def test_the_article_pager_names_the_year_when_it_crosses_into_another(client, ingested):
    ingest_bytes("株洲日报讯 一条新闻。\n\n旧闻\n".encode(), file_name="2022-12-31_A1.txt", paper="株洲日报")
    first_of_2023 = Article.objects.filter(issue_date__year=2023).in_reading_order().first()
    last_of_2022 = Article.objects.filter(issue_date__year=2022).in_reading_order().last()
    page = client.get(first_of_2023.get_absolute_url()).content.decode()
    assert f'<a rel="prev" href="{last_of_2022.get_absolute_url()}">‹ 上一篇（2022年12月31日 A1版）' in page
    page = client.get(last_of_2022.get_absolute_url()).content.decode()
    assert f'<a rel="next" href="{first_of_2023.get_absolute_url()}">下一篇（2023年6月15日 A1版）' in page
    # within one year the month and day are enough
    assert (
        "下一篇（6月16日 B1版）"
        in client.get(Article.objects.get(headline="黄桃挂满枝果农采摘忙").get_absolute_url()).content.decode()
    )


def test_a_page_past_the_last_is_a_404_that_says_how_many_there_are(client, ingested):
    assert client.get(PERSON, {"p": "1"}).status_code == 200
    response = client.get(PERSON, {"p": "2"})
    assert response.status_code == 404 and "没有第 2 页：共 1 页" in response.content.decode()
    assert client.get("/api" + PERSON, {"p": "2"}).json() == {"error": "没有第 2 页：共 1 页", "status": 404}
    response = client.get("/api" + PERSON, {"p": "9" * 20})
    assert response.status_code == 404 and response.json()["error"] == "页码太大：共 1 页"
    assert client.get(PERSON, {"p": "abc"}).status_code == 200  # not a page number: the first page, as before


def test_a_twenty_digit_number_is_too_large_not_a_non_digit(client, ingested):
    response = client.get("/api/search/", {"q": "株洲", "p": "9" * 20})
    assert response.status_code == 400
    assert "太大" in response.json()["error"] and "半角" not in response.json()["error"]
    assert "半角" in client.get("/api/search/", {"q": "株洲", "p": "２"}).json()["error"]


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/2023/06/15/a2/", "/2023/06/15/A2/"),
        ("/2023/06/15/a2/raw/", "/2023/06/15/A2/raw/"),
        ("/api/2023/06/15/a2/", "/api/2023/06/15/A2/"),
        ("/2023/06/15/a2/?from=x", "/2023/06/15/A2/?from=x"),
    ],
)
def test_a_lowercase_page_label_redirects_to_the_canonical_page(client, ingested, url, canonical):
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (301, canonical)
    assert client.get(canonical).status_code == 200


def test_the_site_has_a_favicon(client, ingested):
    page = client.get("/").content.decode()
    ico = re.search(r'<link rel="icon" href="(/static/favicon\.[0-9a-f]{12}\.ico)" sizes="16x16 32x32">', page).group(1)
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (302, ico)
    icon = client.get(ico)
    assert icon.status_code == 200 and b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_the_readme_says_what_each_method_is_answered(client, ingested):
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"OPTIONS is answered (\d{3}) with `Allow: ([A-Z, ]+)`[^;]*; anything else is a (\d{3})", readme)
    assert said, "the README says how OPTIONS and other methods are answered"
    response = client.options("/2023/06/15/A1/")
    assert (str(response.status_code), response["Allow"]) == (said[1], said[2])
    assert str(client.post("/2023/06/15/A1/").status_code) == said[3]


@pytest.mark.parametrize(
    "url", ["/2023/06/15/", "/api/2023/06/15/", "/2023/06/15/A1/", "/api/2023/06/15/A1/", "/2023/06/15/A1/raw/"]
)
def test_a_second_paper_on_the_same_date_is_no_server_error(client, ingested, url):
    # the URLs name no paper: the archive's first paper answers (it was a 500: get() found two)
    ingest_bytes("湘潭日报讯 一条新闻。\n\n别报新闻\n".encode(), file_name="2023-06-15_A1.txt", paper="湘潭日报")
    response = client.get(url)
    assert response.status_code == 200
    assert "别报新闻" not in response.content.decode() and "公交出行更便捷" in response.content.decode()
