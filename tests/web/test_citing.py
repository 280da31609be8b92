"""Citing: the GB/T 7714 line (print and online), Zotero-ready citation_* and Dublin Core meta
tags, schema.org JSON-LD, and the reference as RIS, BibTeX and CSL-JSON, each parsed back."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
from django.utils import timezone

from articles.models import Article
from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    """The meta tags and JSON-LD blocks of a page, as a reference manager reads them."""

    def __init__(self):
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.jsonld: list[dict] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and "name" in a:
            self.meta.append((a["name"], a.get("content", "")))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_ld = False

    def values(self, name: str) -> list[str]:
        return [v for n, v in self.meta if n == name]


def head(client, url: str) -> tuple[Head, str]:
    response = client.get(url)
    assert response.status_code == 200
    parser = Head()
    text = response.content.decode()
    parser.feed(text)
    return parser, text


def art(headline: str) -> Article:
    return Article.objects.get(headline=headline)


def test_gb7714_lines_name_every_credited_person_in_printed_order(client, ingested):
    a = art("公交出行更便捷")
    _, page = head(client, a.get_absolute_url())
    today = timezone.localdate().isoformat()
    assert "李华, 王明, 张小兵. 公交出行更便捷[N]. 株洲日报, 2023-06-15(A1)." in page
    url = f"http://testserver/articles/{a.pk}/"
    assert f"李华, 王明, 张小兵. 公交出行更便捷[N/OL]. 株洲日报, 2023-06-15(A1)[{today}]. {url}." in page
    _, page = head(client, art("稻田里的“新农人”").get_absolute_url())
    assert (
        "黄志强, 吴敏. 稻田里的“新农人”[N]. 株洲日报, 2023-06-15(A2)." in page
    )  # photographers are authors of a photo


def test_more_than_three_people_end_with_deng(client, ingested):
    text = "株洲日报记者 甲一 乙二 丙三 丁四\n\n株洲日报讯 6月20日，新闻。\n\n四人合写的新闻\n"
    outcome = ingest_bytes(text.encode(), file_name="2023-06-21_A1.txt", paper="株洲日报")
    a = outcome.page.articles.get()
    names = [c.person.name for c in a.credits.order_by("order")]
    assert len(names) == 4
    _, page = head(client, a.get_absolute_url())
    assert f"{', '.join(names[:3])}, 等. 四人合写的新闻[N]." in page


def test_citation_meta_tags_match_the_article(client, ingested):
    a = art("公交出行更便捷")
    parsed, _ = head(client, a.get_absolute_url())
    assert parsed.values("citation_title") == ["公交出行更便捷"]
    assert parsed.values("citation_author") == ["李华", "王明", "张小兵"]
    assert parsed.values("citation_publication_date") == ["2023/06/15"]
    assert parsed.values("citation_date") == ["2023/06/15"]
    assert parsed.values("citation_journal_title") == ["株洲日报"]
    assert parsed.values("citation_firstpage") == ["A1"]
    assert parsed.values("citation_public_url") == [f"http://testserver/articles/{a.pk}/"]
    assert parsed.values("citation_language") == ["zh"]
    assert parsed.values("DC.title") == ["公交出行更便捷"]
    assert parsed.values("DC.creator") == ["李华", "王明", "张小兵"]
    assert parsed.values("DC.date") == ["2023-06-15"]
    assert parsed.values("DC.source") == ["株洲日报"]


def test_json_ld_news_article_matches_the_article_and_leaves_the_body_to_the_twin(client, ingested):
    a = art("稻田里的“新农人”")
    parsed, _ = head(client, a.get_absolute_url())
    (ld,) = parsed.jsonld
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "NewsArticle"
    assert ld["headline"] == "稻田里的“新农人”"
    assert ld["datePublished"] == "2023-06-15" and ld["pageStart"] == "A2"
    assert [p["name"] for p in ld["contributor"]] == ["黄志强", "吴敏"] and ld["author"] == []
    assert ld["isPartOf"]["@type"] == "PublicationIssue" and ld["isPartOf"]["datePublished"] == "2023-06-15"
    assert ld["isPartOf"]["isPartOf"] == {"@type": "Newspaper", "name": "株洲日报"}
    assert ld["url"] == f"http://testserver/articles/{a.pk}/"
    assert "articleBody" not in ld
    twin = client.get(f"/api/articles/{a.pk}/").json()["jsonld"]
    assert twin["articleBody"] == a.body and twin["headline"] == ld["headline"]
    b = art("夏粮收购有序推进农民增收有保障")
    ld = head(client, b.get_absolute_url())[0].jsonld[0]
    assert ld["alternativeHeadline"] == b.subheadline.removeprefix("——")
    assert [p["name"] for p in ld["author"]] == ["刘建国"]
    assert ld["author"][0]["url"].endswith("/people/%E5%88%98%E5%BB%BA%E5%9B%BD/")


def test_ris_bibtex_and_csl_json_parse_back(client, ingested):
    a = art("公交出行更便捷")
    links = head(client, a.get_absolute_url())[1]
    for ext in ("ris", "bib", "json"):
        assert f'href="/articles/{a.pk}/cite.{ext}"' in links
    response = client.get(f"/articles/{a.pk}/cite.ris")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert f'filename="zhuzhou-{a.pk}.ris"' in response["Content-Disposition"]
    assert response.content.decode().startswith("TY  - NEWS")  # a file of one reference, no `1.` line
    (entry,) = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "NEWS" and entry["title"] == "公交出行更便捷"
    assert entry["authors"] == ["李华", "王明", "张小兵"] and entry["secondary_title"] == "株洲日报"
    assert entry["date"] == "2023/06/15" and entry["start_page"] == "A1"
    assert entry["urls"] == [f"http://testserver/articles/{a.pk}/"]
    library = bibtexparser.parse_string(client.get(f"/articles/{a.pk}/cite.bib").content.decode())
    assert not library.failed_blocks
    (bib,) = library.entries
    assert bib.entry_type == "article" and bib["title"] == "{公交出行更便捷}"
    assert bib["author"] == "{李华} and {王明} and {张小兵}" and bib["journal"] == "株洲日报"
    assert (bib["year"], bib["month"], bib["day"], bib["pages"]) == ("2023", "6", "15", "A1")
    assert bib["url"] == f"http://testserver/articles/{a.pk}/"
    csl = client.get(f"/articles/{a.pk}/cite.json").json()
    assert csl[0]["type"] == "article-newspaper" and csl[0]["title"] == "公交出行更便捷"
    assert csl[0]["author"] == [{"literal": "李华"}, {"literal": "王明"}, {"literal": "张小兵"}]
    assert csl[0]["issued"] == {"date-parts": [[2023, 6, 15]]} and csl[0]["container-title"] == "株洲日报"


def test_exports_escape_what_their_formats_treat_specially(client):
    text = '株洲日报记者 罗欣\n\n株洲日报讯 1月2日，会议。\n\n标题{括号}</script>"引号"%&_#\n'
    outcome = ingest_bytes(text.encode(), file_name="2021-01-03_A1.txt", paper="株洲日报")
    a = outcome.page.articles.get()
    parsed, page = head(client, a.get_absolute_url())
    assert parsed.jsonld[0]["headline"] == a.headline and '</script>"' not in page
    (bib,) = bibtexparser.parse_string(client.get(f"/articles/{a.pk}/cite.bib").content.decode()).entries
    assert "\\{括号\\}" in bib["title"] and "\\%" in bib["title"] and "\\&" in bib["title"]
    assert rispy.loads(client.get(f"/articles/{a.pk}/cite.ris").content.decode())[0]["title"] == a.headline
    assert client.get("/articles/999999/cite.ris").status_code == 404


def test_agency_copy_without_a_byline_is_cited_under_the_agency(client, ingested):
    """A 新华社 story that credits no one names its agency as the corporate author everywhere a
    reference manager or a reader looks (found by a fresh-eyes check: no author at all)."""
    a = art("入汛以来南方降雨偏多")
    assert a.source == "新华社" and not a.credits.exists()
    parsed, page = head(client, a.get_absolute_url())
    assert parsed.values("citation_author") == ["新华社"] and parsed.values("DC.creator") == ["新华社"]
    (ld,) = parsed.jsonld
    assert ld["author"] == [{"@type": "Organization", "name": "新华社"}] and "contributor" not in ld
    assert "新华社. 入汛以来南方降雨偏多[N]" in page
    (entry,) = rispy.loads(client.get(f"/articles/{a.pk}/cite.ris").content.decode())
    assert entry["authors"] == ["新华社"]
    assert client.get(f"/articles/{a.pk}/cite.json").json()[0]["author"] == [{"literal": "新华社"}]


def test_a_subheadline_printed_after_a_dash_is_cited_without_it(client, ingested):
    from articles.citing import json_ld, reference

    a = art("夏粮收购有序推进农民增收有保障")
    a.subheadline = "——我市多措并举做好夏粮收购工作"
    ref = reference(a, lambda path: "http://testserver" + path, timezone.localdate())
    assert json_ld(ref, "http://testserver/")["alternativeHeadline"] == "我市多措并举做好夏粮收购工作"
