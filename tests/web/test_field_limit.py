"""More query parameters than Django parses (DATA_UPLOAD_MAX_NUMBER_FIELDS) are the site's 400 on
every route and in every mode: with DEBUG on, Django's own debug page reads request.GET again
and crashed into a 500 (found by a fresh-eyes check)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings

URLS = ["/", "/search/", "/api/search/", "/people/"]


def _many() -> str:
    return "&".join(f"p{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("url", URLS)
def test_too_many_parameters_is_a_400_with_debug_on_or_off(client, db, url, debug):
    with override_settings(DEBUG=debug):
        response = client.get(f"{url}?{_many()}")
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response.json() == {"error": "请求有误", "status": 400}
    else:
        assert "请求有误" in response.content.decode()


def test_as_many_parameters_as_allowed_are_still_read(client, db):
    query = "&".join(["q=株洲"] + [f"p{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS - 1)])
    assert client.get(f"/search/?{query}").status_code == 200
