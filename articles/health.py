"""Health checks for load balancers, robots.txt, and clean failures when the database is away."""

from __future__ import annotations

import logging

from django.db import DatabaseError, DataError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse

from articles import errors

log = logging.getLogger("archive.db")


def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up (no database involved)."""
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> HttpResponse:
    """The database answers and every migration is applied."""
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return JsonResponse({"status": "unavailable", "database": str(exc).splitlines()[0][:200]}, status=503)
    if pending:
        return JsonResponse({"status": "migrations pending", "pending": len(pending)}, status=503)
    return JsonResponse({"status": "ready"})


def robots(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /search/", "Disallow: /api/search", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class DatabaseUnavailableMiddleware:
    """A database that is restarting or a query past the statement timeout: 503 with Retry-After,
    in the site's style (JSON under /api/), never a 500. The next request reconnects
    (CONN_HEALTH_CHECKS), so gunicorn needs no restart."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DataError):  # a value PostgreSQL cannot take (a NUL byte, a number out of range)
            log.info("bad value for %s: %s", request.path, str(exception).splitlines()[0][:200])
            return errors.bad_request(request)
        if not isinstance(exception, DatabaseError):
            return None
        log.warning("database unavailable for %s: %s", request.path, str(exception).splitlines()[0][:200])
        timeout = "canceling statement due to statement timeout" in str(exception)
        message = "查询超时，请缩小检索范围后重试" if timeout else "数据库暂时不可用，请稍后再试"
        if request.path.startswith("/api/"):
            response = JsonResponse({"error": message, "status": 503}, status=503, json_dumps_params={"ensure_ascii": False})
        else:
            response = errors.page(503, message)
        response["Retry-After"] = "5"
        return response
