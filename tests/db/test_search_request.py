"""A search is read once into a SearchRequest; its answers are cached under its SQL and the
bound values apart, and the trend's compared queries are read by the search package (#15)."""

from __future__ import annotations

import pytest

from articles.models import Article
from articles.search.request import SearchRequest

pytestmark = pytest.mark.django_db

# The SQL of `source = X AND kind = news` with its values written in is the SQL of a source
# named `X AND "articles_article"."kind" = news` (tests/web/test_search_cache_key.py).
LOOKALIKE = '株洲日报 AND "articles_article"."kind" = news'


def test_the_identity_keeps_sql_and_values_apart():
    news = Article.objects.filter(source="株洲日报").filter(kind="news")
    a = SearchRequest.read("株洲", news)
    b = SearchRequest.read("株洲", Article.objects.filter(source=LOOKALIKE))
    assert str(a.matching.query) == str(b.matching.query)  # what the cache used to be keyed on
    assert a.identity() != b.identity()
    assert a.identity() == SearchRequest.read("株洲", news.all()).identity()
    assert SearchRequest.read("株洲", Article.objects.none()).identity() == "nothing"


def test_the_matching_queryset_is_built_once_per_request():
    request = SearchRequest.read("株洲 OR 湘潭 -龙舟")
    assert request.matching is request.matching
    assert request.over(Article.objects.filter(kind="news")).matching is not request.matching


def test_compared_queries_are_read_by_the_search_package():
    request = SearchRequest.read("株洲", vs=["湘潭", "  ", "經濟", "长沙"])
    assert [c.text for c in request.compared] == ["湘潭", "經濟"]  # of the first three, those with something to search
    assert [str(c.query) for c in request.compared] == ["湘潭", "經濟"]
    assert str(request.of(request.compared[1]).query) == "經濟"


def test_an_empty_query_is_listed_by_date():
    assert SearchRequest.read("", listing=True, sort="relevance").sort == "date"
    assert SearchRequest.read("株洲").sort == "relevance"
    assert SearchRequest.read("株洲", sort="nonsense").sort == "relevance"
