"""Health checks for load balancers, robots.txt, and clean failures when the database is away."""

from __future__ import annotations

import logging
import signal
import threading

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, DataError, connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse

from articles import errors

log = logging.getLogger("archive.db")


def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up (no database involved)."""
    return JsonResponse({"status": "ok"})


def _fresh_connection_answers() -> None:
    """A new connection (never the worker's persistent one, which a paused server leaves
    hanging) runs one statement: fails within DB_CONNECT_TIMEOUT when the database is away."""
    conn = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1")
    finally:
        conn.close()


def readyz(request: HttpRequest) -> HttpResponse:
    """The database answers and every migration is applied. The reason for a failure goes to
    the log only (its text names the socket path or the host)."""
    try:
        _fresh_connection_answers()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        log.warning("not ready: %s", (str(exc).splitlines() or [type(exc).__name__])[0][:200])
        return JsonResponse({"status": "unavailable"}, status=503)
    if pending:
        return JsonResponse({"status": "migrations pending", "pending": len(pending)}, status=503)
    return JsonResponse({"status": "ready"})


def robots(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /search/",
        "Disallow: /api/search",
        "Disallow: /admin/",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class DatabaseTooSlow(DatabaseError):
    """The request passed REQUEST_DEADLINE_S waiting for the database (a paused server)."""


def _deadline_passed(signum, frame):
    raise DatabaseTooSlow("request deadline passed waiting for the database")


class RequestDeadlineMiddleware:
    """A paused database server never answers a connection it already holds (the kernel keeps
    accepting bytes for it), and no client-side timeout covers a query already sent. Under
    gunicorn's sync workers (requests on the main thread) an alarm at REQUEST_DEADLINE_S,
    below gunicorn's worker timeout, turns that wait into the site's 503 instead of a killed
    worker and a bare 500. The view's own time only: a streamed body is not covered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.REQUEST_DEADLINE_S
        if not seconds or threading.current_thread() is not threading.main_thread():
            return self.get_response(request)
        previous = signal.signal(signal.SIGALRM, _deadline_passed)
        signal.alarm(seconds)
        try:
            return self.get_response(request)
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)


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
        if isinstance(exception, DatabaseTooSlow):
            for conn in connections.all(initialized_only=True):
                conn.connection = None  # abandoned mid-statement: never reused (closing it could block too)
        log.warning("database unavailable for %s: %s", request.path, str(exception).splitlines()[0][:200])
        timeout = "canceling statement due to statement timeout" in str(exception)
        message = "查询超时，请缩小检索范围后重试" if timeout else "数据库暂时不可用，请稍后再试"
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {"error": message, "status": 503}, status=503, json_dumps_params={"ensure_ascii": False}
            )
        else:
            response = errors.page(503, message)
        response["Retry-After"] = "5"
        return response
