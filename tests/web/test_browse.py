"""Every browse view and its JSON twin, through the test client and over real HTTP."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

from articles.models import Article, Person
from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db


def html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_home_shows_the_newest_issue_and_a_calendar(client, ingested):
    page = html(client, "/")
    assert '<html lang="zh-CN">' in page
    assert "2023年6月16日" in page  # newest issue
    assert "全市中小学暑期安全教育全面启动" in page  # its front page headlines
    assert 'href="/2023/06/15/"' in page and 'href="/2023/06/16/"' in page
    assert '<span class="no-issue">14</span>' in page  # a day without an issue is shown, not linked
    data = client.get("/api/").json()
    assert data["latest"]["date"] == "2023-06-16"
    assert data["years"] == [{"year": 2023, "count": 2, "months": [{"month": 6, "count": 2}]}]


def test_the_cached_calendar_shows_a_new_issue_at_once(client, ingested):
    assert 'href="/2023/06/14/"' not in html(client, "/")
    ingest_bytes(
        "株洲日报讯 6月14日，一条新闻。\n\n新闻标题\n".encode(), file_name="2023-06-14_A1.txt", paper="株洲日报"
    )
    page = html(client, "/")
    assert 'href="/2023/06/14/"' in page and '<span class="no-issue">14</span>' not in page
    assert html(client, "/?year=2023").count('href="/2023/06/14/"') == 1


def test_links_are_what_the_urlconf_reverses(ingested):
    from datetime import date

    from django.urls import reverse

    from articles import links

    for pk in (1, 42, 987654321, 10**17):
        assert links.article_url(pk) == reverse("articles:article", kwargs={"pk": pk})
    for day in (date(2020, 3, 27), date(1, 1, 1), date(9999, 12, 31), date(1111, 11, 11)):
        assert links.issue_url(day) == reverse("articles:issue", kwargs={"day": day})
        for label in ("A1", "B12", "ZZ987", "7"):
            assert links.page_url(day, label) == reverse("articles:page", kwargs={"day": day, "label": label})


def test_issue_page_lists_pages_with_headlines(client, ingested):
    page = html(client, "/2023/06/15/")
    assert "2023年6月15日 星期四" in page
    assert 'href="/2023/06/15/A1/"' in page and 'href="/2023/06/15/A2/"' in page
    assert "湘江龙舟赛落幕" in page
    assert 'rel="next" href="/2023/06/16/"' in page
    data = client.get("/api/2023/06/15/").json()
    assert [p["label"] for p in data["pages"]] == ["A1", "A2"]
    assert data["pages"][0]["articles"][0]["headline"] == "公交出行更便捷"
    assert data["next"]["date"] == "2023-06-16" and data["previous"] is None


def test_page_view_in_reading_order_with_neighbours(client, ingested, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        page = html(client, "/2023/06/15/A1/")
    order = [
        page.index(h)
        for h in ["公交出行更便捷", "以绣花功夫推进老旧小区改造", "湘江龙舟赛落幕", "入汛以来南方降雨偏多"]
    ]
    assert order == sorted(order)
    assert 'aria-current="page">A1<' in page
    assert 'rel="next" href="/2023/06/15/A2/"' in page
    assert "记者 李华" in page
    data = client.get("/api/2023/06/15/A1/").json()
    assert [a["headline"] for a in data["articles"]][:2] == ["公交出行更便捷", "以绣花功夫推进老旧小区改造"]
    assert data["articles"][0]["reporters"] == ["李华", "王明"] and data["articles"][0]["correspondents"] == ["张小兵"]
    assert data["next"]["label"] == "A2" and data["previous"] is None
    raw = client.get("/2023/06/15/A1/raw/")
    assert raw["Content-Type"].startswith("text/plain") and "株洲日报讯 6 月 14 日" in raw.content.decode()


def test_article_view(client, ingested):
    art = Article.objects.get(headline="夏粮收购有序推进农民增收有保障")
    page = html(client, f"/articles/{art.pk}/")
    assert "<h1>夏粮收购有序推进农民增收有保障</h1>" in page
    assert '<a href="/people/%E5%88%98%E5%BB%BA%E5%9B%BD/">刘建国</a>' in page
    assert '<h2 class="section-heading">优质优价调动种粮积极性</h2>' in page
    assert "刘建国. 夏粮收购有序推进农民增收有保障[N]. 株洲日报, 2023-06-15(A2)." in page
    assert "下转 A3版" in page  # no A3 page stored: shown, not linked
    following = Article.objects.get(headline="稻田里的“新农人”")
    assert f'rel="next" href="/articles/{following.pk}/"' in page
    data = client.get(f"/api/articles/{art.pk}/").json()
    assert data["headline"] == "夏粮收购有序推进农民增收有保障" and data["reporters"] == ["刘建国"]
    assert data["continued_to"] == "A3" and data["page"]["label"] == "A2" and data["date"] == "2023-06-15"
    assert data["next"]["id"] == following.pk and data["previous"]["headline"] == "入汛以来南方降雨偏多"  # on A1


def test_jump_line_links_to_the_continuation_when_it_exists(client, ingested):
    ingest_bytes(
        "株洲日报记者 刘建国\n\n上接A2版优质稻收购还将持续到月底。\n".encode(),
        file_name="2023-06-15_A3.txt",
        paper="株洲日报",
    )
    art = Article.objects.get(headline="夏粮收购有序推进农民增收有保障")
    assert '<a href="/2023/06/15/A3/">下转 A3版</a>' in html(client, f"/articles/{art.pk}/")


def test_search_term_highlighted_when_arriving_from_results(client, ingested):
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    assert "<mark>龙舟</mark>" in html(client, f"/articles/{art.pk}/?hl=龙舟")


def test_person_view(client, ingested):
    page = html(client, "/people/" + quote("李华") + "/")
    assert "<h1>李华</h1>" in page and "公交出行更便捷" in page
    assert ">王明</a>" in page  # frequent co-author
    data = client.get("/api/people/" + quote("李华") + "/").json()
    assert data["name"] == "李华" and data["articles_count"] == 1
    assert data["by_role"] == {"记者": [{"year": 2023, "count": 1}]}
    assert data["first"] == data["last"] == "2023-06-15"


@pytest.mark.parametrize(
    "url",
    [
        "/2020/02/30/",
        "/2023/13/01/",
        "/2023/06/15/Z9/",
        "/articles/999999/",
        "/articles/99999999999999999999/",
        "/people/nobody/",
        "/2023/06/15/A1/extra/",
    ],
)
def test_unknown_or_impossible_is_404_in_chinese(client, ingested, url):
    page = html(client, url, 404)
    assert "没有找到这个页面" in page
    api = client.get("/api" + url)
    assert api.status_code == 404 and api.json() == {"error": "没有找到这个页面", "status": 404}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/", "/2023/06/15/", "/2023/06/15/A1/", "/api/", "/api/2023/06/15/A1/", "/people/x/"])
def test_public_urls_are_read_only(client, ingested, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert "GET" in response["Allow"]


def test_parsed_text_is_escaped(client):
    evil = '株洲日报记者 罗欣\n\n株洲日报讯 1月2日，<script>alert(1)</script>"><img src=x onerror=alert(2)>会议召开。\n\n标题<b>粗</b>\n'
    outcome = ingest_bytes(evil.encode(), file_name="2021-01-03_A1.txt", paper="株洲日报")
    art = outcome.page.articles.get()
    page = html(client, f"/articles/{art.pk}/")
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "标题&lt;b&gt;粗&lt;/b&gt;" in page
    data = client.get(f"/api/articles/{art.pk}/")
    assert data["Content-Type"] == "application/json"
    assert json.loads(data.content)["body"].startswith("<script>")  # JSON carries text, browsers never render it


def test_the_admin_needs_a_staff_login(client, django_user_model):
    assert client.get("/admin/articles/article/").status_code == 302
    client.force_login(django_user_model.objects.create_user("reader", password="pw-123456"))
    assert client.get("/admin/articles/article/").status_code == 302
    client.force_login(
        django_user_model.objects.create_user("staff", password="pw-123456", is_staff=True, is_superuser=True)
    )
    assert client.get("/admin/articles/article/").status_code == 200


def test_real_http(live_server, ingested):
    """The same pages over a real socket, as curl sees them."""
    person = Person.objects.get(name="赵丽")
    for path, needle in [("/", "株洲日报"), ("/2023/06/15/A1/", "湘江龙舟赛落幕"), (person.get_absolute_url(), "赵丽")]:
        with urllib.request.urlopen(live_server.url + quote(path, safe="/%")) as response:  # noqa: S310 - our own server
            assert response.status == 200
            assert needle in response.read().decode()
            assert 'rel="alternate"' in response.headers["Link"]
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(live_server.url + "/2020/02/30/")  # noqa: S310
    assert error.value.code == 404


def test_static_files_are_served_with_hashed_names(client, ingested):
    import re

    page = html(client, "/")
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page).group(1)
    response = client.get(css)
    assert response.status_code == 200
    assert b"PingFang SC" in b"".join(response.streaming_content)
    assert "max-age=315360000" in response["Cache-Control"]  # immutable: the name changes with the content


@pytest.mark.parametrize(
    "url", ["/", "/2023/06/15/", "/2023/06/15/A1/", "/people/%E6%9D%8E%E5%8D%8E/", "/api/2023/06/15/A1/"]
)
def test_query_counts_do_not_grow_with_the_articles_on_a_page(client, ingested, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    for n in range(30):  # thirty more articles on the same page
        ingest_bytes(
            f"株洲日报记者 罗欣{n}\n\n株洲日报讯 6月14日，新闻{n}。\n\n标题{n}\n".encode(),
            file_name=f"2023-06-15_B{n % 9 + 1}.txt",
            paper="株洲日报",
        )
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_article_view_query_count(client, ingested, django_assert_max_num_queries):
    art = Article.objects.get(headline="公交出行更便捷")
    with django_assert_max_num_queries(10):
        assert client.get(f"/articles/{art.pk}/").status_code == 200


def test_a_photo_storys_caption_is_shown_once(client, ingested):
    photo = Article.objects.filter(kind="photo").first()
    page = html(client, photo.get_absolute_url())
    opening = photo.body.replace("\n", "")[:20]
    assert page.count(opening) == 1
