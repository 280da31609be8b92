"""/people/: everyone credited, grouped by the pinyin initial of their name, with counts and roles."""

from __future__ import annotations

import pytest

from articles.models import Article, Credit, Person
from articles.storage import ingest_bytes

pytestmark = pytest.mark.django_db


def html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_people_are_grouped_by_pinyin_initial_with_counts_and_roles(client, ingested):
    page = html(client, "/people/")
    assert "<h1>人物</h1>" in page
    groups = page.split('<h2 id="letter-')
    letters = [g[0] for g in groups[1:]]
    assert letters == sorted(letters)
    l_group = next(g for g in groups if g.startswith("L"))
    assert ">李华</a>" in l_group and ">刘建国</a>" in l_group and ">吕青</a>" in l_group
    assert l_group.index("李华") < l_group.index("刘建国") < l_group.index("吕青")  # li < liu < lü
    z_group = next(g for g in groups if g.startswith("Z"))
    assert ">曾凡</a>" in z_group  # the surname 曾 is read zēng, not céng
    huang = page.split(">黄志强</a>")[1].split("</li>")[0]
    assert "1 篇" in huang and "摄影" in huang
    assert '<a href="#letter-L">L</a>' in page


def test_the_index_filters_by_name_pinyin_and_role(client, ingested):
    page = html(client, "/people/?q=ljg")
    assert ">刘建国</a>" in page and ">李华</a>" not in page
    page = html(client, "/people/?q=李")
    assert ">李华</a>" in page and ">刘建国</a>" not in page
    page = html(client, "/people/?role=photographer")
    assert ">黄志强</a>" in page and ">李华</a>" not in page
    assert html(client, "/people/?role=nonsense", 400).count("角色") >= 1
    data = client.get("/api/people/?role=photographer").json()
    assert {p["name"] for p in data["people"]} == {"黄志强", "吴敏", "曾凡", "邹琪"}
    hz = next(p for p in data["people"] if p["name"] == "黄志强")
    assert hz["articles"] == 1 and hz["roles"] == ["photographer"] and hz["initial"] == "H"
    assert client.get("/api/people/?role=nonsense").json()["status"] == 400


def test_people_with_no_credit_left_are_not_listed_and_names_are_escaped(client, ingested):
    Person.objects.create(name="无稿者", slug="无稿者")
    evil = Person.objects.create(name="<b>某</b>", slug="evil")
    Credit.objects.create(article=Article.objects.first(), person=evil, role="author")
    page = html(client, "/people/")
    assert "无稿者" not in page and "<b>某" not in page
    assert '<h2 id="letter-other">#</h2>' in page and "&lt;b&gt;某&lt;/b&gt;" in page


def test_people_index_query_count_does_not_grow(client, ingested, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get("/people/").status_code == 200
    for n in range(20):
        ingest_bytes(
            f"株洲日报记者 新人{n}\n\n株洲日报讯 新闻{n}。\n\n标题{n}\n".encode(),
            file_name=f"2023-06-{n + 1:02d}_C1.txt",
            paper="株洲日报",
        )
    with django_assert_max_num_queries(4):
        assert client.get("/people/").status_code == 200
