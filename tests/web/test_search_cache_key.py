"""The answer cache of a search is keyed on its SQL and the bound values apart (#15): two
requests whose SQL prints alike get their own answers, through HTTP as a reader asks."""

from __future__ import annotations

import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db

# The SQL of `source = X AND kind = news` with its values written in is the SQL of a source
# named `X AND "articles_article"."kind" = news`: an answer cache keyed on str(queryset.query)
# gave the second the first one's hits.
LOOKALIKE = '株洲日报 AND "articles_article"."kind" = news'


def test_two_requests_whose_printed_sql_looks_alike_get_their_own_answers(client, ingested):
    news = client.get("/api/search/", {"q": "株洲", "source": "株洲日报", "kind": "news"}).json()
    assert news["total"] == Article.objects.filter(search_text__contains="株洲", source="株洲日报", kind="news").count()
    assert news["total"] >= 3
    other = client.get("/api/search/", {"q": "株洲", "source": LOOKALIKE}).json()
    assert (other["total"], other["results"]) == (0, [])
    facets = client.get("/api/search/facets/", {"q": "株洲", "source": LOOKALIKE}).json()["facets"]
    assert facets["kind"] == []
