"""The browse queries as QuerySet methods (articles.models): what they answer at the edges."""

from __future__ import annotations

from articles.models import Issue


def test_an_empty_archive_has_a_home_page_and_no_newest_issue(client, db):
    assert Issue.objects.newest() is None
    assert client.get("/").status_code == 200
    assert client.get("/api/").json()["latest"] is None


def test_the_sitemap_index_reads_no_issue_rows(client, ingested, django_assert_num_queries):
    # two counts (issues, articles) for the number of sitemap files; a lastmod that returned
    # None made Django read every issue to find the latest of them
    with django_assert_num_queries(2):
        index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-issues.xml" in index and "lastmod" not in index
