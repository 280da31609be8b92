"""Issue #16, search as people type it: a phrase typed without the space the text prints (or
with one it does not print), traditional characters inside 作者: and in the people index, and
queries with nothing left to search, which say what is missing instead of a silent 0."""

from __future__ import annotations

from html import unescape

import pytest

from articles.models import Article, Credit

pytestmark = pytest.mark.django_db


# A phrase typed without the space the text prints (or with one it does not print).


def test_a_phrase_typed_without_its_printed_space_is_found_and_marked(client, archive):
    article = Article.objects.get(headline="湘江风光带游人如织")
    for q in ["株洲日报记者罗欣", '"株洲日报记者 罗欣"', "记者罗欣", "湘江 风光带"]:
        data = client.get("/api/search/", {"q": q}).json()
        found = {r["id"]: r for r in data["results"]}
        assert article.pk in found, q
    hit = client.get("/api/search/", {"q": "株洲日报记者罗欣"}).json()["results"]
    assert [r["id"] for r in hit] == [article.pk]
    assert "署名" in hit[0]["matched_fields"]
    assert "<mark>株洲日报记者 罗欣</mark>" in hit[0]["snippet_html"]
    page = client.get(article.get_absolute_url(), {"hl": "记者邹兵摄"}).content.decode()
    assert "<mark>记者 邹兵 摄</mark>" in page


def test_printed_lines_stay_apart(client, archive):
    """Spaces are ignored, line breaks are not: a string across a byline and the lead is no hit."""
    assert client.get("/api/search/", {"q": "罗欣株洲日报讯"}).json()["total"] == 0


# Traditional characters inside a field operator, and in the people index.


def test_traditional_characters_inside_the_author_operator(client, archive):
    credited = set(Credit.objects.filter(person__name="罗欣").values_list("article_id", flat=True))
    assert credited
    data = client.get("/api/search/", {"q": "作者:羅欣"}).json()
    assert {r["id"] for r in data["results"]} == credited
    assert any("简体" in n and "羅欣" in n for n in data["notes"])


def test_the_people_index_folds_traditional_characters(client, archive):
    names = [p["name"] for p in client.get("/api/people/", {"q": "羅欣"}).json()["people"]]
    assert names == ["罗欣"]
    assert "罗欣" in unescape(client.get("/people/", {"q": "羅欣"}).content.decode())


# Queries with nothing to search say so.


@pytest.mark.parametrize(
    ("q", "note"),
    [
        ("AND", "“AND”是运算符"),
        ("or", "“or”是运算符"),
        ("*", "“*”"),
        ("作者:", "“作者:”后面"),
        ("标题：", "“标题：”后面"),
        ('""', "引号里没有文字"),
        ("()", "没有要查找的文字"),
    ],
)
def test_a_query_with_nothing_to_search_says_what_is_missing(client, archive, q, note):
    data = client.get("/api/search/", {"q": q}).json()
    assert data["total"] == 0
    assert any(note in n for n in data["notes"]), data["notes"]
    page = unescape(client.get("/search/", {"q": q}).content.decode())
    assert note in page
