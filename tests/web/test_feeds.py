"""Atom feeds: new issues, a person's new articles, and any search."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest

from articles.models import Article
from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own feed


def entries(root: ET.Element) -> list[tuple[str, str]]:
    return [(e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href")) for e in root.findall(f"{ATOM}entry")]


def test_new_issues_feed_lists_issues_newest_first(client, ingested):
    root = feed(client, "/feeds/issues/")
    assert root.findtext(f"{ATOM}title") == "株洲日报数字档案 · 新的一期"
    assert entries(root) == [
        ("株洲日报 2023年6月16日 星期五", "http://testserver/2023/06/16/"),
        ("株洲日报 2023年6月15日 星期四", "http://testserver/2023/06/15/"),
    ]
    summary = root.find(f"{ATOM}entry").findtext(f"{ATOM}summary")
    assert "全市中小学暑期安全教育全面启动" in summary
    assert 'type="application/atom+xml" title="新的一期" href="/feeds/issues/"' in client.get("/").content.decode()


def test_person_feed_lists_their_articles(client, ingested):
    a = Article.objects.get(headline="公交出行更便捷")
    root = feed(client, "/people/" + quote("李华") + "/feed/")
    assert entries(root) == [("公交出行更便捷", f"http://testserver/articles/{a.pk}/")]
    assert root.find(f"{ATOM}entry").findtext(f"{ATOM}author/{ATOM}name") == "李华、王明、张小兵"
    assert "/feed/" in client.get("/people/" + quote("李华") + "/").content.decode()
    assert client.get("/people/nobody/feed/").status_code == 404


def test_search_feed_follows_a_query(client, ingested):
    root = feed(client, "/search/feed/?q=" + quote("龙舟"))
    assert [t for t, _ in entries(root)] == ["湘江龙舟赛落幕"]
    assert root.findtext(f"{ATOM}title") == "株洲日报数字档案 · 检索“龙舟”"
    assert client.get("/search/feed/").status_code == 400
    assert client.get("/search/feed/?q=x&year=abc").status_code == 400
    page = client.get("/search/?q=" + quote("龙舟")).content.decode()
    assert 'type="application/atom+xml"' in page and "/search/feed/?q=%E9%BE%99%E8%88%9F" in page


def test_feeds_escape_stored_text(client):
    text = "株洲日报记者 罗欣\n\n株洲日报讯 1月2日，<script>x</script>会议。\n\n标题<b>粗</b>&\n"
    ingest_bytes(text.encode(), file_name="2021-01-03_A1.txt", paper="株洲日报")
    root = feed(client, "/people/" + quote("罗欣") + "/feed/")
    assert entries(root)[0][0] == "标题<b>粗</b>&"  # parsed back: it was escaped in the XML


def test_feed_query_counts_do_not_grow(client, ingested, django_assert_max_num_queries):
    for n in range(15):
        ingest_bytes(
            f"株洲日报记者 李华\n\n株洲日报讯 新闻{n}。\n\n标题{n}\n".encode(),
            file_name=f"2023-05-{n + 1:02d}_A1.txt",
            paper="株洲日报",
        )
    for url in ("/feeds/issues/", "/people/" + quote("李华") + "/feed/"):
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/feeds/issues/", "/search/feed/?q=株洲"])
def test_feeds_carry_what_atom_requires(client, ingested, url):
    """RFC 4287: every entry has an <updated>, and an entry without an author is covered by the
    feed's author (found by a fresh-eyes check)."""
    root = ET.fromstring(client.get(url).content)  # noqa: S314 - our own feed
    entries = root.findall(f"{ATOM}entry")
    assert entries
    assert all(e.find(f"{ATOM}updated") is not None for e in entries)
    assert root.find(f"{ATOM}author/{ATOM}name").text == "株洲日报数字档案"
