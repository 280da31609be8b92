"""A real date, month or year with no paper in the archive is a 404 that leads on to the nearest
issues, not the bare 'not found' page (found by a fresh-eyes check)."""

from __future__ import annotations

import re

import pytest

from articles.models import Issue


@pytest.mark.parametrize("url", ["/2023/06/14/", "/2023/05/", "/2022/"])
def test_a_period_without_a_paper_leads_to_the_nearest_issues(client, ingested, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "没有收录的报纸" in html
    first = Issue.objects.order_by("date").first()
    assert f'href="{first.get_absolute_url()}"' in html  # the earliest issue comes after each of these
    assert re.search(r'rel="next"', html)


def test_a_day_after_the_last_issue_leads_back_to_it(client, ingested):
    last = Issue.objects.order_by("-date").first()
    response = client.get(f"/{last.date.year + 1}/01/01/")
    assert response.status_code == 404
    assert f'href="{last.get_absolute_url()}"' in response.content.decode()


def test_the_json_twin_stays_a_json_404(client, ingested):
    response = client.get("/api/2023/06/14/")
    assert response.status_code == 404 and response.json()["status"] == 404
