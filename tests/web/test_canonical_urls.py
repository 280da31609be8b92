"""A page's canonical URL and og:url name the page, not how the reader came to it: search
highlighting (`?hl=`), tracking parameters and filters are dropped; the page number of a listing
is kept (found by a fresh-eyes check: every search hit's link made its own canonical)."""

from __future__ import annotations

import re

import pytest

from articles.models import Article


def _links(html: str) -> tuple[str, str]:
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', html).group(1)
    og = re.search(r'<meta property="og:url" content="([^"]*)"', html).group(1)
    return canonical, og


@pytest.mark.parametrize("suffix", ["?hl=株洲", "?utm_source=x&hl=a", "?role=reporter", ""])
def test_the_canonical_url_drops_what_only_says_how_the_reader_came(client, ingested, suffix):
    article = Article.objects.order_by("pk").first()
    path = article.get_absolute_url()
    html = client.get(path + suffix).content.decode()
    assert _links(html) == (f"http://testserver{path}",) * 2


def test_a_listings_page_number_stays_in_its_canonical_url(client, ingested):
    html = client.get("/people/?p=1&utm_source=x").content.decode()
    assert _links(html) == ("http://testserver/people/",) * 2
    from django.test import RequestFactory

    from articles.templatetags.archive_tags import canonical_url

    request = RequestFactory().get("/people/罗欣/", {"p": "3", "hl": "x"})
    assert canonical_url(request) == "http://testserver/people/%E7%BD%97%E6%AC%A3/?p=3"
