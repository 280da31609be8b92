"""往年今日 on the home page, the about page and the search help page, each with its JSON twin."""

from __future__ import annotations

import pytest
from django.utils import timezone

from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db


def html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_on_this_day_in_earlier_years(client, ingested):
    today = timezone.localdate()
    for years_ago in (1, 3):
        day = today.replace(year=today.year - years_ago) if not (today.month == 2 and today.day == 29) else today
        ingest_bytes(
            f"株洲日报讯 新闻。\n\n{years_ago}年前的头条\n".encode(),
            file_name=f"{day.isoformat()}_A1.txt",
            paper="株洲日报",
        )
    page = html(client, "/")
    section = page.split('id="on-this-day"')[1].split("</section>")[0]
    assert "往年今日" in section
    assert section.index("1年前的头条") < section.index("3年前的头条")  # nearest year first
    assert f"{today.year - 3}年" in section
    data = client.get("/api/").json()
    assert [d["lead"]["headline"] for d in data["on_this_day"]] == ["1年前的头条", "3年前的头条"]


def test_about_page_counts_what_the_archive_holds(client, ingested):
    page = html(client, "/about/")
    assert "<h1>关于本档案</h1>" in page
    assert "3 个版面" in page and "11 篇文章" in page and "2 期" in page
    assert "2023年6月15日" in page and "2023年6月16日" in page
    assert "GB/T 7714" in page and "/api/" in page
    data = client.get("/api/about/").json()
    assert data["issues"] == 2 and data["pages"] == 3 and data["articles"] == 11
    assert data["newspapers"] == ["株洲日报"] and data["first"] == "2023-06-15" and data["last"] == "2023-06-16"


def test_search_help_page_explains_the_syntax(client):
    page = html(client, "/search/help/")
    assert "<h1>检索帮助</h1>" in page and "<code>标题:株洲</code>" in page and "<code>株洲 -广告</code>" in page
    data = client.get("/api/search/help/").json()
    assert {
        "syntax": "作者:罗欣",
        "meaning": "罗欣署名的文章（记者、通讯员、摄影、作者）",
        "reading": "作者:罗欣",
    } in data["syntax"]
    assert 'href="/search/help/"' in html(client, "/search/")


def test_empty_archive_about_page(client, db):
    page = html(client, "/about/")
    assert "0 篇文章" in page
