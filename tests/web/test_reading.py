"""Reading straight through: 上一篇/下一篇 across pages and issues, 版面 links on an article,
the last page of an issue leading to the next issue, dates with their year when it differs."""

from __future__ import annotations

import pytest

from articles.models import Article
from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db


def html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def art(headline: str) -> Article:
    return Article.objects.get(headline=headline)


def test_next_article_crosses_pages_and_issues(client, ingested):
    last_of_a1, first_of_a2 = art("入汛以来南方降雨偏多"), art("夏粮收购有序推进农民增收有保障")
    page = html(client, last_of_a1.get_absolute_url())
    assert f'rel="next" href="{first_of_a2.get_absolute_url()}"' in page
    page = html(client, first_of_a2.get_absolute_url())
    assert f'rel="prev" href="{last_of_a1.get_absolute_url()}"' in page
    last_of_issue, first_of_next = art("黄桃挂满枝果农采摘忙"), art("全市中小学暑期安全教育全面启动")
    page = html(client, last_of_issue.get_absolute_url())
    assert f'rel="next" href="{first_of_next.get_absolute_url()}"' in page
    assert "下一篇（6月16日 B1版）" in page  # the reader is told they change issue
    assert f'rel="prev" href="{last_of_issue.get_absolute_url()}"' in html(client, first_of_next.get_absolute_url())
    data = client.get(f"/api/articles/{last_of_issue.pk}/").json()
    assert data["next"]["id"] == first_of_next.pk
    assert client.get(f"/api/articles/{first_of_a2.pk}/").json()["previous"]["id"] == last_of_a1.pk


def test_the_first_and_last_article_of_the_archive_have_no_dead_link(client, ingested):
    first, last = art("公交出行更便捷"), art("图书馆延长夏季开放时间")
    assert 'rel="prev"' not in html(client, first.get_absolute_url()).split('aria-label="上一篇与下一篇"')[1]
    assert 'rel="next"' not in html(client, last.get_absolute_url()).split('aria-label="上一篇与下一篇"')[1]


def test_article_page_links_its_page_and_the_pages_around_it(client, ingested):
    page = html(client, art("稻田里的“新农人”").get_absolute_url())
    assert '<a href="/2023/06/15/A2/">返回本版（A2版）</a>' in page
    assert '<a href="/2023/06/15/A1/">‹ 上一版 A1</a>' in page
    assert "2023年6月15日 星期四" in page


def test_the_last_page_of_an_issue_leads_to_the_next_issue(client, ingested):
    page = html(client, "/2023/06/15/A2/")
    assert '<a rel="next" href="/2023/06/16/">下一期 6月16日 星期五 ›</a>' in page
    page = html(client, "/2023/06/16/B1/")
    assert '<a rel="prev" href="/2023/06/15/">‹ 上一期 6月15日 星期四</a>' in page


def test_issue_neighbours_carry_the_year_when_it_differs(client, ingested):
    ingest_bytes("株洲日报讯 一条新闻。\n\n旧闻\n".encode(), file_name="2022-06-15_A1.txt", paper="株洲日报")
    page = html(client, "/2023/06/15/")
    assert "‹ 上一期 2022年6月15日 星期三</a>" in page
    assert "下一期 6月16日 星期五 ›</a>" in page


def test_query_counts_at_the_edges_of_pages_and_issues(client, ingested, django_assert_max_num_queries):
    for headline in ("入汛以来南方降雨偏多", "黄桃挂满枝果农采摘忙", "全市中小学暑期安全教育全面启动"):
        with django_assert_max_num_queries(10):
            assert client.get(art(headline).get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/2023/06/15/A2/").status_code == 200


def test_a_jump_line_to_a_page_not_in_the_archive_says_so(client, ingested):
    page = html(client, art("夏粮收购有序推进农民增收有保障").get_absolute_url())
    assert '<p class="jump">下转 A3版 <span class="note">A3版未收录</span></p>' in page
    ingest_bytes(
        "株洲日报记者 刘建国\n\n上接A2版优质稻收购还将持续到月底。\n".encode(),
        file_name="2023-06-15_A3.txt",
        paper="株洲日报",
    )
    page = html(client, art("夏粮收购有序推进农民增收有保障").get_absolute_url())
    assert '<p class="jump"><a href="/2023/06/15/A3/">下转 A3版</a></p>' in page and "未收录" not in page


def test_an_inferred_date_is_explained_in_chinese_without_the_parser_trace(client):
    text = "株洲日报讯 3月26日，我市召开会议。2020年工作要点已经确定。\n\n会议召开\n"
    ingest_bytes(text.encode(), file_name="page.txt", paper="株洲日报")
    page = html(client, "/2020/03/27/")
    assert "出版日期由正文推断" in page
    for trace in ("latest", "dateline", "year 2020", "named"):
        assert trace not in page
    assert client.get("/api/2020/03/27/").json()["date_inferred"] is True


def test_issue_page_shows_kicker_headline_byline_and_first_line(client, ingested, django_assert_max_num_queries):
    Article.objects.filter(headline="黄桃挂满枝果农采摘忙").update(kicker="乡村振兴一线")  # as staff would set it
    with django_assert_max_num_queries(7):
        page = html(client, "/2023/06/15/")
    card = page.split("公交出行更便捷")[1].split("</li>")[0]
    assert "记者 李华、王明　通讯员 张小兵" in card
    assert '<p class="excerpt">' in card
    assert '<p class="kicker">乡村振兴一线</p>' in page


def test_an_article_gone_after_a_reparse_redirects_to_its_page(client):
    first = "株洲日报记者 罗欣\n\n株洲日报讯 1月2日，会议召开。\n\n会议召开\n"
    outcome = ingest_bytes(first.encode(), file_name="2021-01-03_A1.txt", paper="株洲日报")
    old = outcome.page.articles.get()
    url = old.get_absolute_url()
    second = "株洲日报记者 王五\n\n株洲日报讯 1月2日，完全不同的一篇报道。\n\n另一则新闻\n"
    ingest_bytes(second.encode(), file_name="2021-01-03_A1.txt", paper="株洲日报")
    assert not Article.objects.filter(pk=old.pk).exists()
    response = client.get(url)
    assert response.status_code == 301 and response["Location"] == "/2021/01/03/A1/"
    api = client.get("/api" + url)
    assert api.status_code == 301 and api["Location"] == "/api/2021/01/03/A1/"
    assert client.get("/articles/987654/").status_code == 404
