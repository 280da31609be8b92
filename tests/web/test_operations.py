"""Health checks, robots and sitemaps, archive_stats, the 503 path, structured logs."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}


def test_robots_and_sitemaps(client, ingested):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /search/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-issues.xml" in index and "sitemap-articles.xml" in index
    issues = client.get("/sitemap-issues.xml").content.decode()
    assert "<loc>http://testserver/2023/06/15/</loc>" in issues
    from articles.models import Article

    articles = client.get("/sitemap-articles.xml").content.decode()
    assert articles.count("<loc>") == Article.objects.count()


def test_archive_stats(ingested):
    out = StringIO()
    call_command("archive_stats", "--json", stdout=out)
    stats = json.loads(out.getvalue())
    assert (stats["issues"], stats["pages"], stats["first_issue"]) == (2, 3, "2023-06-15")
    assert stats["articles"] == 11 and stats["sizes_mb"]["articles_article"] > 0


def test_a_query_past_the_statement_timeout_is_a_clean_503(db):
    """A real statement timeout from PostgreSQL, answered by the middleware as 503 + Retry-After."""
    from django.db import OperationalError, transaction
    from django.test import RequestFactory

    from articles.web.middleware import DatabaseUnavailableMiddleware

    with pytest.raises(OperationalError) as caught, transaction.atomic(), connection.cursor() as cur:
        cur.execute("SET LOCAL statement_timeout = 50")
        cur.execute("SELECT pg_sleep(1)")
    middleware = DatabaseUnavailableMiddleware(lambda r: None)
    api = middleware.process_exception(RequestFactory().get("/api/2023/06/15/"), caught.value)
    assert api.status_code == 503 and api["Retry-After"] == "5"
    assert json.loads(api.content) == {"error": "查询超时，请缩小检索范围后重试", "status": 503}
    page = middleware.process_exception(RequestFactory().get("/2023/06/15/"), caught.value)
    assert page.status_code == 503 and "查询超时" in page.content.decode()


def test_requests_are_logged_as_json(client, caplog):
    caplog.set_level("INFO", logger="archive.request")
    client.get("/healthz")
    record = next(r for r in caplog.records if r.name == "archive.request")
    assert record.fields == {"method": "GET", "path": "/healthz", "status": 200, "ms": record.fields["ms"]}
    from archive.logs import JsonFormatter

    assert json.loads(JsonFormatter().format(record))["path"] == "/healthz"


def test_answers_made_by_middleware_are_logged_with_their_status(client, caplog):
    """The log is the outermost middleware: a 405 for an anonymous write and a 400 for too many
    parameters (both answered before any view) are logged with what the client got, and the
    time says its offset."""
    caplog.set_level("INFO", logger="archive.request")
    client.post("/search/")
    client.get("/?" + "&".join(f"p{i}=1" for i in range(1001)))
    logged = [
        (r.fields["method"], r.fields["path"], r.fields["status"])
        for r in caplog.records
        if r.name == "archive.request"
    ]
    assert logged == [("POST", "/search/", 405), ("GET", "/", 400)]
    from archive.logs import JsonFormatter

    stamp = json.loads(JsonFormatter().format(caplog.records[-1]))["time"]
    assert stamp.endswith("+00:00"), stamp


@pytest.mark.parametrize("path", ["/", "/2023/06/15/", "/api/", "/nowhere/"])
def test_a_bad_host_header_is_a_400_not_a_500(client, path):
    response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "请求有误" in response.content.decode() or response.json() == {"error": "请求有误", "status": 400}
