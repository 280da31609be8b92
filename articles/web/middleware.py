"""Middleware: the public can only read; a request never waits on the database past its deadline;
a database that is away or too slow is the site's 503, never a 500."""

from __future__ import annotations

import logging
import signal
import threading

from django.conf import settings
from django.db import DatabaseError, DataError, connections
from django.http import HttpRequest, HttpResponse

from articles.web import errors

log = logging.getLogger("archive.db")

SAFE = ("GET", "HEAD", "OPTIONS")
ALLOW = "GET, HEAD, OPTIONS"


class FieldLimitMiddleware:
    """More query parameters than Django will parse (DATA_UPLOAD_MAX_NUMBER_FIELDS) answered
    before anything reads request.GET: Django raises TooManyFieldsSent on every read, and with
    DEBUG on its own error page reads it again and fails into a 500. Counted the way Django
    parses, from the raw query string."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        query = request.META.get("QUERY_STRING", "")
        if limit is not None and query.count("&") + 1 > limit:
            return errors.respond(request, 400)
        return self.get_response(request)


class PublicReadOnlyMiddleware:
    """Outside the admin, every method but GET and HEAD is a 405, and OPTIONS is answered here with
    the allowed methods (the view never runs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE and not request.path.startswith("/admin/"):
            response = errors.respond(request, 405)
            response["Allow"] = "GET, HEAD"
            return response
        if request.method == "OPTIONS" and not request.path.startswith("/admin/"):
            response = HttpResponse(status=200)
            response["Allow"] = ALLOW
            response["Content-Length"] = "0"
            return response
        return self.get_response(request)


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
        response = errors.respond(request, 503, message)
        response["Retry-After"] = "5"
        return response
