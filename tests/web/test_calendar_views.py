"""Year and month views (/2023/, /2023/06/): issues with their page counts and lead headlines."""

from __future__ import annotations

import pytest

from articles.models import Article
from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db


def html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_month_view_lists_issues_with_page_counts_and_lead_headlines(client, ingested):
    page = html(client, "/2023/06/")
    assert "<h1>2023年6月</h1>" in page
    lead = Article.objects.get(headline="公交出行更便捷")
    row = page.split('href="/2023/06/15/"')[1].split("</li>")[0]
    assert "6月15日 星期四" in row and "2 个版" in row
    assert f'<a href="{lead.get_absolute_url()}">公交出行更便捷</a>' in row
    assert "1 个版" in page.split('href="/2023/06/16/"')[1].split("</li>")[0]
    data = client.get("/api/2023/06/").json()
    assert data["year"] == 2023 and data["month"] == 6
    assert [(i["date"], i["pages"], i["lead"]["headline"]) for i in data["issues"]] == [
        ("2023-06-15", 2, "公交出行更便捷"),
        ("2023-06-16", 1, "全市中小学暑期安全教育全面启动"),
    ]
    assert data["previous"] is None and data["next"] is None


def test_year_view_groups_the_issues_by_month_and_links_the_years_around(client, ingested):
    ingest_bytes("株洲日报讯 一条新闻。\n\n旧闻一则\n".encode(), file_name="2021-12-31_A1.txt", paper="株洲日报")
    page = html(client, "/2023/")
    assert "<h1>2023年</h1>" in page
    assert '<a href="/2023/06/">6月</a>' in page and "2 期" in page
    assert "公交出行更便捷" in page and "全市中小学暑期安全教育全面启动" in page
    assert '<a rel="prev" href="/2021/">‹ 2021年</a>' in page
    assert '<a rel="next" href="/2023/">' in html(client, "/2021/")  # the next year that has issues
    month = html(client, "/2023/06/")
    assert '<a rel="prev" href="/2021/12/">‹ 2021年12月</a>' in month
    data = client.get("/api/2023/").json()
    assert data["year"] == 2023 and data["previous"]["year"] == 2021 and data["next"] is None
    assert [(m["month"], len(m["issues"])) for m in data["months"]] == [(6, 2)]


def test_issue_breadcrumb_leads_to_its_year_and_month(client, ingested):
    page = html(client, "/2023/06/15/")
    assert '<a href="/2023/">2023年</a>' in page and '<a href="/2023/06/">6月</a>' in page


@pytest.mark.parametrize(
    "url",
    ["/9999/", "/2020/", "/0000/", "/2023/13/", "/2023/00/", "/2023/05/", "/٢٠٢٣/", "/٢٠٢٣/٠٦/", "/20233/", "/2023/6/"],
)
def test_bad_or_empty_years_and_months_are_404(client, ingested, url):
    assert client.get(url).status_code == 404
    api = client.get("/api" + url)
    assert api.status_code == 404 and api.json()["status"] == 404


def test_year_and_month_query_counts_do_not_grow_with_the_issues(client, ingested, django_assert_max_num_queries):
    for day in range(1, 13):
        ingest_bytes(
            f"株洲日报讯 新闻{day}。\n\n标题{day}\n".encode(), file_name=f"2023-06-{day:02d}_A1.txt", paper="株洲日报"
        )
    for url in ("/2023/", "/2023/06/", "/api/2023/", "/api/2023/06/"):
        with django_assert_max_num_queries(4):
            assert client.get(url).status_code == 200
